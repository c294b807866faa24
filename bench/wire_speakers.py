"""Speakers on 1987 wire copy: quotations and their sources hand-labelled in Reuters-21578 stories.

    python bench/wire_speakers.py --list [--text]    # the drawn stories' keys (or texts, to label them)
    python bench/wire_speakers.py [--errors N]       # score find_quotes against the labels
    python bench/wire_speakers.py --second [...]     # the second draw (held out from the ninth round)
    python bench/wire_speakers.py --third [...]      # the third draw (held out from the tenth round)
    python bench/wire_speakers.py --fourth [...]     # the fourth draw (held out from the eleventh round)
    python bench/wire_speakers.py --fifth [...]      # the fifth draw (held out from the twelfth round)
    python bench/wire_speakers.py --sixth [...]      # the sixth draw (held out from the thirteenth round)
    python bench/wire_speakers.py --seventh [...]    # the seventh draw (held out from the changes of 2026-11-27)
    python bench/wire_speakers.py --eighth [...]     # the eighth draw (held out from the second session of 2026-11-27)
    python bench/wire_speakers.py --ninth [...]      # the ninth draw (held out from the same session)
    python bench/wire_speakers.py --tenth [...]      # the tenth and eleventh draws (held out from the round
    python bench/wire_speakers.py --eleventh [...]   # developed on the eighth and ninth)
    python bench/wire_speakers.py --twelfth [...]    # the twelfth and thirteenth draws (held out from the round
    python bench/wire_speakers.py --thirteenth [...] # developed on the tenth and eleventh)
    python bench/wire_speakers.py --fourteenth [...] # the fourteenth and fifteenth draws (held out from the round
    python bench/wire_speakers.py --fifteenth [...]  # developed on the twelfth and thirteenth)
    python bench/wire_speakers.py --sixteenth [...]  # the sixteenth and seventeenth draws (held out from the round
    python bench/wire_speakers.py --seventeenth [...]  # developed on the fourteenth and fifteenth)
    python bench/wire_speakers.py --eighteenth [...]  # the eighteenth and nineteenth draws (held out from the
    python bench/wire_speakers.py --nineteenth [...]  # sixth round of 2026-11-27)

The set is a seeded random sample (seed SEED) of Reuters-21578 stories, any split, whose body holds
a quotation mark, outside the stories of tests/extract/quotes_gold.json. No speaker rule was ever
written from Reuters stories other than those, so this is a kind of text the speaker rules have not
been tuned on. The labels (bench/gold/wire_speakers.json) were made by reading, before the set was
scored; how is written in the file. Scored once with the fifth speaker round's rules frozen (merge
1af9d33): quotes P 0.972 R 1.000, speakers right 0.837 / wrong 0.085 / none 0.078 (the code before
the round, run afterwards: 0.830 / 0.092 / 0.078). From then on it is development data.

The second draw (drawn_second, bench/gold/wire_speakers_second.json): 60 more stories of the same pool,
labelled before the ninth speaker round by two annotator sessions (30 each); a third labelled all 60
independently (wire_speakers_second_annotator2.json: the same speaker for all 147 quotes both list alike).
Scored once with the ninth round frozen: quotes P 0.900 R 1.000, speakers right 0.830 / wrong 0.150 / none
0.020 (the code before the round, run first: 0.900 / 1.000, 0.824 / 0.144 / 0.033). Development data of
the tenth round.

The third draw (drawn_third, bench/gold/wire_speakers_third.json): 60 more stories of the pool, labelled
before the tenth round by two annotator sessions (30 each). Scored once with the tenth round frozen: quotes
P 0.972 R 0.993, speakers right 0.813 / wrong 0.137 / none 0.050, the same as the code before the round.

The fourth draw (bench/gold/wire_speakers_fourth.json): labelled before the eleventh round, which changed nothing:
quotes P 0.946 R 1.000, speakers 0.811 / 0.148 / 0.041. The fifth (bench/gold/wire_speakers_fifth.json): labelled
by two annotator sessions (30 stories each) before the twelfth round; scored once with it frozen: quotes P 0.909
R 1.000, speakers 0.866 / 0.081 / 0.054, the same as the code before the round. A third annotator session labelled
all 60 stories independently afterwards (wire_speakers_fifth_annotator2.json): of the 149 required quotes, 140 match
one of its quotes with a speaker, and all 140 name the same speaker (surname rule). Scored a second time with the
thirteenth round frozen, never developed on: 0.859 / 0.087 / 0.054.

The sixth draw (bench/gold/wire_speakers_sixth.json): drawn at 19:42 UTC before the thirteenth round, labelled by
annotator sessions who never ran the extractor (30 stories each), scored once with the round frozen: quotes P 0.928
R 1.000, speakers 0.844 / 0.071 / 0.085 (the code before the round: 0.837 / 0.085 / 0.078). Second sessions
labelled each half apart (wire_speakers_sixth_annotator2.json): of 141 required quotes, 136 matched, 131 with the
same speaker (three of the five others spell one name two ways, Benderly / Benderley).

The seventh draw (bench/gold/wire_speakers_seventh.json): drawn at 00:28 UTC on 2026-11-27, labelled by two annotator
sessions who never ran the extractor (30 stories each, 163 quotes listed), scored once with the code of that day
frozen (1fcc909): quotes P 0.968 R 1.000, speakers 0.902 / 0.065 / 0.033 (the code before that day's changes, 3e1b70f,
the same). Second sessions labelled each half apart (wire_speakers_seventh_annotator2.json, 163 quotes): of the 153
required quotes with a speaker, 147 matched, 145 with the same speaker (one of the two others is BPCC / British
Printing and Communication Corporation, one body).

The eighth and ninth draws (bench/gold/wire_speakers_eighth.json, _ninth.json): drawn at 03:37 and 03:54 UTC on
2026-11-27, labelled by annotator sessions who never ran the extractor (146 and 184 quotes listed). The code of that
day (16d7616) scores them 0.812 / 0.083 / 0.105 (quotes P 0.964 R 1.000) and 0.871 / 0.098 / 0.031 (P 0.953 R 1.000);
the first round of the session that drew them, written on development sets only (wire first to fourth, web, British,
PolNeAR train), 0.835 / 0.083 / 0.083 and 0.883 / 0.086 / 0.031 (c1f6640; both were scored once by mistake with the
working copy of 5a94c62, whose figures are the same). Developed on from then.

The tenth and eleventh draws (bench/gold/wire_speakers_tenth.json, _eleventh.json): drawn at 04:00 UTC the same day,
labelled the same way (144 and 158 quotes), held out from the round developed on the eighth and ninth, scored once
with it frozen (6cbea1f): tenth quotes P 0.971 R 0.992, speakers 0.909 / 0.061 / 0.030 (16d7616: 0.864 / 0.083 /
0.053); eleventh P 0.987 R 1.000, speakers 0.865 / 0.074 / 0.061 (16d7616 the same). Developed on from then.

The twelfth and thirteenth draws (bench/gold/wire_speakers_twelfth.json, _thirteenth.json): drawn at 04:23 UTC the
same day, labelled the same way (160 and 185 quotes), held out from the round developed on the tenth and eleventh,
scored once with it frozen (f48caed): twelfth quotes P 0.941 R 1.000, speakers 0.875 / 0.056 / 0.069 (16d7616: P 0.878,
0.868 / 0.062 / 0.069); thirteenth P 0.955 R 1.000, speakers 0.881 / 0.054 / 0.065 (16d7616: 0.863 / 0.065 / 0.071).
Developed on from then.

The fourteenth and fifteenth draws (bench/gold/wire_speakers_fourteenth.json, _fifteenth.json): drawn at 04:40 UTC the
same day, labelled the same way (169 and 137 quotes), held out from the round developed on the twelfth and thirteenth,
scored once with it frozen (51e7e5b): fourteenth quotes P 0.964 R 1.000, speakers 0.844 / 0.075 / 0.081 (16d7616: 0.806
/ 0.087 / 0.106); fifteenth P 0.961 R 0.992, speakers 0.886 / 0.073 / 0.041 (16d7616 the same). Never developed on
(the fifth round's one rule, acronyms, came from earlier development sets); with it: 0.844 and 0.894.

The sixteenth and seventeenth draws (bench/gold/wire_speakers_sixteenth.json, _seventeenth.json): drawn at 05:10 UTC
the same day, labelled the same way (183 and 139 quotes), held out from the fifth round (an organisation speaking by
its acronym carries the name the story spells out), scored once with it frozen (cbecd53): sixteenth quotes P 0.939
R 0.994, speakers 0.918 / 0.047 / 0.035 (16d7616: 0.888 / 0.071 / 0.041); seventeenth P 0.904 R 1.000, speakers 0.861 /
0.066 / 0.074 (16d7616: 0.836 / 0.074 / 0.090). Never developed on.

The eighteenth and nineteenth draws (bench/gold/wire_speakers_eighteenth.json, _nineteenth.json): drawn at 05:40 UTC
the same day, labelled the same way (182 and 137 quotes), held out from the sixth round (a bare "said one" as one of
the people just described; an acronym's name across a wrapped line), scored once with it frozen (55d0bf0): eighteenth
quotes P 0.955 R 0.994, speakers 0.805 / 0.142 / 0.053 (16d7616: 0.775 / 0.142 / 0.083); nineteenth P 0.962 R 1.000,
speakers 0.857 / 0.071 / 0.071 (16d7616: 0.841 / 0.079 / 0.079).
"""
from __future__ import annotations

import argparse
import functools
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from extraction import labelled_quotes_report, load_reuters, shared_dir  # noqa: E402

GOLD = REPO / "bench" / "gold" / "wire_speakers.json"
SEED = 20261130
STORIES = 60
# The second draw: 60 more stories of the same pool outside the first draw (seed SECOND_SEED), drawn
# 2026-11-26 before any of them was read, labelled by annotator sessions who never ran the extractor,
# held out from the ninth speaker round.
SECOND_GOLD = REPO / "bench" / "gold" / "wire_speakers_second.json"
SECOND_SEED = 20261201
# The third draw: 60 more stories of the pool outside the first two draws (seed THIRD_SEED), drawn 2026-11-26
# before any of them was read, labelled by annotator sessions who never ran the extractor, held out from the
# tenth speaker round.
THIRD_GOLD = REPO / "bench" / "gold" / "wire_speakers_third.json"
THIRD_SEED = 20261203
# The fourth draw: 60 more stories of the pool outside the first three draws (seed FOURTH_SEED), drawn
# 2026-11-26 before any of them was read, labelled by annotator sessions who never ran the extractor, held
# out from the eleventh speaker round.
FOURTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_fourth.json"
FOURTH_SEED = 20261204
# The fifth draw: 60 more stories of the pool outside the first four draws (seed FIFTH_SEED), drawn 2026-11-26
# before any of them was read, labelled by annotator sessions who never ran the extractor, held out from the
# twelfth speaker round.
FIFTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_fifth.json"
FIFTH_SEED = 20261205
FIFTH_ANNOTATOR2 = REPO / "bench" / "gold" / "wire_speakers_fifth_annotator2.json"  # a third session, all 60
# The sixth draw: 60 more stories of the pool outside the first five draws (seed SIXTH_SEED), drawn 2026-11-26
# before any of them was read, labelled by annotator sessions who never ran the extractor, held out from the
# thirteenth speaker round.
SIXTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_sixth.json"
SIXTH_SEED = 20261206
SIXTH_ANNOTATOR2 = REPO / "bench" / "gold" / "wire_speakers_sixth_annotator2.json"  # second sessions, all 60
# The seventh draw: 60 more stories of the pool outside the first six draws (seed SEVENTH_SEED), drawn 2026-11-27
# before any of them was read, labelled by annotator sessions who never ran the extractor; it scores the code as
# it stood after the names, people and dash changes of 2026-11-27, once.
SEVENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_seventh.json"
SEVENTH_SEED = 20261207
SEVENTH_ANNOTATOR2 = REPO / "bench" / "gold" / "wire_speakers_seventh_annotator2.json"  # second sessions, all 60
# The eighth draw: 60 more stories of the pool outside the first seven draws (seed EIGHTH_SEED), drawn 2026-11-27
# before any of them was read, labelled by annotator sessions who never ran the extractor, held out from the
# changes of that day's second session.
EIGHTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_eighth.json"
EIGHTH_SEED = 20261208
# The ninth draw: 60 more stories of the pool outside the first eight (seed NINTH_SEED), drawn 2026-11-27 03:54 UTC
# before any of them was read, labelled the same way, scored with the same frozen code as the eighth.
NINTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_ninth.json"
NINTH_SEED = 20261209
# The tenth and eleventh draws: 60 more stories each (seeds TENTH_SEED, ELEVENTH_SEED), drawn 2026-11-27 04:00 UTC
# before any of them was read, labelled the same way, held out from the round that developed on the eighth and ninth.
TENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_tenth.json"
TENTH_SEED = 20261210
ELEVENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_eleventh.json"
ELEVENTH_SEED = 20261211
# The twelfth and thirteenth draws: 60 more stories each (seeds TWELFTH_SEED, THIRTEENTH_SEED), drawn 2026-11-27 04:23
# UTC before any of them was read, labelled the same way, held out from the round that developed on the tenth and eleventh.
TWELFTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_twelfth.json"
TWELFTH_SEED = 20261212
THIRTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_thirteenth.json"
THIRTEENTH_SEED = 20261213
# The fourteenth and fifteenth draws: 60 more stories each (seeds FOURTEENTH_SEED, FIFTEENTH_SEED), drawn 2026-11-27
# 04:40 UTC before any of them was read, labelled the same way, held out from the round that developed on the twelfth
# and thirteenth.
FOURTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_fourteenth.json"
FOURTEENTH_SEED = 20261214
FIFTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_fifteenth.json"
FIFTEENTH_SEED = 20261215
# The sixteenth and seventeenth draws: 60 more stories each (seeds SIXTEENTH_SEED, SEVENTEENTH_SEED), drawn 2026-11-27
# 05:10 UTC before any of them was read, labelled the same way, held out from the round that developed on the
# fourteenth and fifteenth.
SIXTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_sixteenth.json"
SIXTEENTH_SEED = 20261216
SEVENTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_seventeenth.json"
SEVENTEENTH_SEED = 20261217
# The eighteenth and nineteenth draws: 60 more stories each, drawn 2026-11-27 05:40 UTC before any of them was read,
# labelled the same way, held out from the day's sixth round.
EIGHTEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_eighteenth.json"
EIGHTEENTH_SEED = 20261218
NINETEENTH_GOLD = REPO / "bench" / "gold" / "wire_speakers_nineteenth.json"
NINETEENTH_SEED = 20261219
SEEDS = (SEED, SECOND_SEED, THIRD_SEED, FOURTH_SEED, FIFTH_SEED, SIXTH_SEED, SEVENTH_SEED, EIGHTH_SEED, NINTH_SEED,
         TENTH_SEED, ELEVENTH_SEED, TWELFTH_SEED, THIRTEENTH_SEED, FOURTEENTH_SEED, FIFTEENTH_SEED, SIXTEENTH_SEED,
         SEVENTEENTH_SEED, EIGHTEENTH_SEED, NINETEENTH_SEED)
# A second annotator labelled the second draw's 60 stories independently, for agreement only.
SECOND_ANNOTATOR2 = REPO / "bench" / "gold" / "wire_speakers_second_annotator2.json"


@functools.lru_cache(maxsize=2)  # each draw excludes the earlier ones: read the collection once
def _pool(shared: Path) -> list:
    """Reuters stories with a quotation mark in the body, outside the regression gold, by NEWID."""
    regression = {str(s.get("newid")) for s in json.loads(
        (REPO / "tests" / "extract" / "quotes_gold.json").read_text(encoding="utf-8"))["stories"]}
    return sorted((a for a in load_reuters(shared) if '"' in a.body and a.id not in regression),
                  key=lambda a: int(a.id))


@functools.lru_cache(maxsize=None)  # later draws exclude the earlier ones
def _draw(shared: Path, n: int) -> list:
    """Draw n (0 = the first): a seeded sample of the pool outside every earlier draw."""
    taken = {a.id for k in range(n) for a in _draw(shared, k)}
    pool = [a for a in _pool(shared) if a.id not in taken]
    return sorted(random.Random(SEEDS[n]).sample(pool, STORIES), key=lambda a: int(a.id))


def drawn(shared: Path) -> list:
    """The labelled stories: a seeded sample of Reuters stories with a quotation mark in the body."""
    return _draw(shared, 0)


def drawn_second(shared: Path) -> list:
    """The second labelled draw: a seeded sample of the same pool outside the first draw."""
    return _draw(shared, 1)


def drawn_third(shared: Path) -> list:
    """The third labelled draw: a seeded sample of the same pool outside the first two draws."""
    return _draw(shared, 2)


def drawn_fourth(shared: Path) -> list:
    """The fourth labelled draw: a seeded sample of the same pool outside the first three draws."""
    return _draw(shared, 3)


def drawn_fifth(shared: Path) -> list:
    """The fifth labelled draw: a seeded sample of the same pool outside the first four draws."""
    return _draw(shared, 4)


def drawn_sixth(shared: Path) -> list:
    """The sixth labelled draw: a seeded sample of the same pool outside the first five draws."""
    return _draw(shared, 5)


def drawn_seventh(shared: Path) -> list:
    """The seventh labelled draw: a seeded sample of the same pool outside the first six draws."""
    return _draw(shared, 6)


def drawn_eighth(shared: Path) -> list:
    """The eighth labelled draw: a seeded sample of the same pool outside the first seven draws."""
    return _draw(shared, 7)


def drawn_ninth(shared: Path) -> list:
    """The ninth labelled draw: a seeded sample of the same pool outside the first eight draws."""
    return _draw(shared, 8)


def drawn_tenth(shared: Path) -> list:
    """The tenth labelled draw: a seeded sample of the same pool outside the first nine draws."""
    return _draw(shared, 9)


def drawn_eleventh(shared: Path) -> list:
    """The eleventh labelled draw: a seeded sample of the same pool outside the first ten draws."""
    return _draw(shared, 10)


def drawn_twelfth(shared: Path) -> list:
    """The twelfth labelled draw: a seeded sample of the same pool outside the first eleven draws."""
    return _draw(shared, 11)


def drawn_thirteenth(shared: Path) -> list:
    """The thirteenth labelled draw: a seeded sample of the same pool outside the first twelve draws."""
    return _draw(shared, 12)


def drawn_fourteenth(shared: Path) -> list:
    """The fourteenth labelled draw: a seeded sample of the same pool outside the first thirteen draws."""
    return _draw(shared, 13)


def drawn_fifteenth(shared: Path) -> list:
    """The fifteenth labelled draw: a seeded sample of the same pool outside the first fourteen draws."""
    return _draw(shared, 14)


def drawn_sixteenth(shared: Path) -> list:
    """The sixteenth labelled draw: a seeded sample of the same pool outside the first fifteen draws."""
    return _draw(shared, 15)


def drawn_seventeenth(shared: Path) -> list:
    """The seventeenth labelled draw: a seeded sample of the same pool outside the first sixteen draws."""
    return _draw(shared, 16)


def drawn_eighteenth(shared: Path) -> list:
    """The eighteenth labelled draw: a seeded sample of the same pool outside the first seventeen draws."""
    return _draw(shared, 17)


def drawn_nineteenth(shared: Path) -> list:
    """The nineteenth labelled draw: a seeded sample of the same pool outside the first eighteen draws."""
    return _draw(shared, 18)


DRAWS = {"first": (GOLD, drawn), "second": (SECOND_GOLD, drawn_second), "third": (THIRD_GOLD, drawn_third),
         "fourth": (FOURTH_GOLD, drawn_fourth), "fifth": (FIFTH_GOLD, drawn_fifth), "sixth": (SIXTH_GOLD, drawn_sixth),
         "seventh": (SEVENTH_GOLD, drawn_seventh), "eighth": (EIGHTH_GOLD, drawn_eighth),
         "ninth": (NINTH_GOLD, drawn_ninth), "tenth": (TENTH_GOLD, drawn_tenth),
         "eleventh": (ELEVENTH_GOLD, drawn_eleventh), "twelfth": (TWELFTH_GOLD, drawn_twelfth),
         "thirteenth": (THIRTEENTH_GOLD, drawn_thirteenth), "fourteenth": (FOURTEENTH_GOLD, drawn_fourteenth),
         "fifteenth": (FIFTEENTH_GOLD, drawn_fifteenth), "sixteenth": (SIXTEENTH_GOLD, drawn_sixteenth),
         "seventeenth": (SEVENTEENTH_GOLD, drawn_seventeenth), "eighteenth": (EIGHTEENTH_GOLD, drawn_eighteenth),
         "nineteenth": (NINETEENTH_GOLD, drawn_nineteenth)}


def report(shared: Path, errors: int = 0, draw: str = "first") -> dict:
    """Quote P/R and speaker right/wrong/none on the labelled wire stories of one draw."""
    gold, pick = DRAWS[draw]
    labels = {story["id"]: story["quotes"] for story in json.loads(gold.read_text(encoding="utf-8"))["stories"]}
    stories = [(a.id, a.body, labels[a.id]) for a in pick(shared)]
    return labelled_quotes_report(stories, f"Reuters wire hand-labelled set ({gold.relative_to(REPO)})",
                                  "stories", errors)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--list", action="store_true", help="print the drawn stories' keys")
    ap.add_argument("--text", action="store_true", help="with --list: print each story's title and body")
    ap.add_argument("--errors", type=int, default=0, help="print this many quotation/speaker errors")
    ap.add_argument("--second", action="store_const", const="second", dest="draw", default="first",
                    help="the second draw (held out from the ninth round)")
    ap.add_argument("--third", action="store_const", const="third", dest="draw",
                    help="the third draw (held out from the tenth round)")
    ap.add_argument("--fourth", action="store_const", const="fourth", dest="draw",
                    help="the fourth draw (held out from the eleventh round)")
    ap.add_argument("--fifth", action="store_const", const="fifth", dest="draw",
                    help="the fifth draw (held out from the twelfth round)")
    ap.add_argument("--sixth", action="store_const", const="sixth", dest="draw",
                    help="the sixth draw (held out from the thirteenth round)")
    ap.add_argument("--seventh", action="store_const", const="seventh", dest="draw",
                    help="the seventh draw (held out from the changes of 2026-11-27)")
    ap.add_argument("--eighth", action="store_const", const="eighth", dest="draw",
                    help="the eighth draw (held out from the second session of 2026-11-27)")
    ap.add_argument("--ninth", action="store_const", const="ninth", dest="draw",
                    help="the ninth draw (held out from the second session of 2026-11-27)")
    ap.add_argument("--tenth", action="store_const", const="tenth", dest="draw",
                    help="the tenth draw (held out from the round developed on the eighth and ninth)")
    ap.add_argument("--eleventh", action="store_const", const="eleventh", dest="draw",
                    help="the eleventh draw (held out from the round developed on the eighth and ninth)")
    ap.add_argument("--twelfth", action="store_const", const="twelfth", dest="draw",
                    help="the twelfth draw (held out from the round developed on the tenth and eleventh)")
    ap.add_argument("--thirteenth", action="store_const", const="thirteenth", dest="draw",
                    help="the thirteenth draw (held out from the round developed on the tenth and eleventh)")
    ap.add_argument("--fourteenth", action="store_const", const="fourteenth", dest="draw",
                    help="the fourteenth draw (held out from the round developed on the twelfth and thirteenth)")
    ap.add_argument("--fifteenth", action="store_const", const="fifteenth", dest="draw",
                    help="the fifteenth draw (held out from the round developed on the twelfth and thirteenth)")
    ap.add_argument("--sixteenth", action="store_const", const="sixteenth", dest="draw",
                    help="the sixteenth draw (held out from the round developed on the fourteenth and fifteenth)")
    ap.add_argument("--seventeenth", action="store_const", const="seventeenth", dest="draw",
                    help="the seventeenth draw (held out from the round developed on the fourteenth and fifteenth)")
    ap.add_argument("--eighteenth", action="store_const", const="eighteenth", dest="draw",
                    help="the eighteenth draw (held out from the sixth round of 2026-11-27)")
    ap.add_argument("--nineteenth", action="store_const", const="nineteenth", dest="draw",
                    help="the nineteenth draw (held out from the sixth round of 2026-11-27)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    if args.list:
        for a in DRAWS[args.draw][1](shared):
            if args.text:
                print(f"==== {a.id} | dateline: {a.dateline or '-'}\n{a.title}\n\n{a.body}\n")
            else:
                print(a.id, a.title[:70], sep="\t")
        return 0
    report(shared, args.errors, args.draw)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
