"""Place extraction against hand-labelled stories: the headline is a held-out set scored once.

    python bench/places.py [--shared DIR]             # the held-out set first, then the development sets
    python bench/places.py --dev-only [--errors]      # development sets only (never the held-out errors)
    python bench/places.py --list SET [--draw first|fresh|third|...|ninth|tenth] [--text]   # a labelled set's keys (or texts)
    python bench/places.py --dump FILE     # Reuters TEST places as JSON Lines, to diff two versions
    python bench/places.py --dev N         # development: Reuters TRAIN (not the labelled 50) vs PLACES
    python bench/places.py --agreement     # the sixth draw's two annotators, and the extractor against the second

Labelled sets (bench/places_gold/README.md says how each was drawn and labelled, and what "about"
means):

- eleventh.json, a second held-out figure for the ninth round's rules (unchanged since): 150 stories drawn like
  the tenth after it was scored (eleventh_sets), labelled by annotators who never ran the extractor, scored once;
- tenth.json, the held-out figure (when its labels are in): 150 stories drawn like the ninth (tenth_sets),
  labelled before the ninth round by annotators who never ran the extractor on them, scored once at its end;
- ninth.json: 150 stories drawn like the eighth (ninth_sets), labelled before the eighth round, scored once at
  its end (and once before it); ninth_second.json: second annotators' labels; development data of the ninth
  round;
- eighth.json: 150 stories drawn like the seventh after the seventh round, labelled by annotators who
  never ran the extractor on them, scored once with the seventh round's rules; development data of the
  eighth round;
- seventh.json: 150 stories drawn like the sixth (seventh_sets), labelled before the seventh round,
  scored once at its end; seventh_second.json: a second annotator's labels; development data of the
  eighth round;
- sixth.json: 150 stories drawn like the fifth, labelled before the sixth round and scored once at
  its end; development data of the seventh;
- fifth.json: 150 stories drawn like the fourth, labelled before the fifth round and scored once at
  its end, "about" only; development data of the sixth round;
- fourth.json: 150 stories drawn and labelled before the fourth round and scored once at its end
  (50 PolNeAR train, 50 Reuters TRAIN, 50 Reuters NOT-USED); development data of the fifth round;
- third.json: 150 stories drawn and labelled before the third round and scored once at its end
  (50 PolNeAR train, 50 Reuters TRAIN, the 19 unused benchmark pages, 31 Reuters NOT-USED);
  development data of the fourth round;
- fresh.json: 150 stories drawn and labelled before the second round of changes and scored once
  at its end (34 PolNeAR dev stories the first draw left, 50 Reuters NOT-USED stories, 66
  benchmark web pages outside the first draw); development data of the third round;
- labels.json, the first draw (50 PolNeAR dev, 50 Reuters TRAIN, 50 web pages): held out for the
  first round, development data since;
- dev_check.json: 50 stories labelled ("about" only) during the second round to check rules on
  stories they were not written from (25 web pages outside both draws, 25 TRAIN stories).

Scores, micro-averaged over (story, country) pairs:
- countries: `enrich(article).countries` against the countries the story is about;
- named: every country `find_mentions` gives for title and body (places and demonyms), against every
  country the story names (places and nationality words, as labelled).
Stories outside the held-out draws (PolNeAR train/ and TRAIN stories outside the tenth and eleventh draws) are
the ones to develop on.
"""
from __future__ import annotations

import argparse
import csv
import functools
import hashlib
import json
import os
import random
import re
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
GOLD = REPO / "bench" / "places_gold" / "labels.json"  # the first draw: development data now
DEV_CHECK = REPO / "bench" / "places_gold" / "dev_check.json"
SEED = 20240612  # fixed seed of the random samples
PER_SET = 50
MAX_WORDS = 3000  # PolNeAR: leave out the few very long documents (a 67,000-word one)

_ENGLISH = frozenset("the and of to in is that for it was on with as are by this be have from".split())
_BRITISH = re.compile(r"(\.co\.uk|\.uk)$|(^|\.)(bbc\.com|bbc\.co\.uk|sky\.com|theguardian\.com|cityam\.com)$")


def shared_dir(arg: str | None) -> Path:
    """--shared, else $SEARCHKIT_SHARED, else <repo>/../shared."""
    return Path(arg or os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared").resolve()


# -- reading the three collections -----------------------------------------------------------

@functools.lru_cache(maxsize=4)
def polnear_articles(shared: Path, split: str) -> list:
    """PolNeAR stories of one split as Articles: title, body, publisher as source, date."""
    from searchkit.model import Article

    root = shared / "corpora" / "polnear"
    meta = {}
    with open(root / "metadata.tsv", encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            meta[row["filename"]] = row
    out = []
    for path in sorted((root / split / "text").glob("*.txt")):
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        row = meta.get(path.stem, {})
        date = None
        if row.get("publication_date"):
            date = datetime.strptime(row["publication_date"], "%Y-%m-%d").replace(tzinfo=timezone.utc)
        out.append(Article(id=path.stem, title=title.strip(), body=body.strip(), date=date,
                           source=row.get("publisher", ""), path=str(path)))
    return out


@functools.lru_cache(maxsize=2)
def reuters_articles(shared: Path) -> list:
    """Every Reuters-21578 story, read with searchkit's own reader."""
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    files = sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz"))
    return [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]


@functools.lru_cache(maxsize=2)
def web_articles(shared: Path) -> list:
    """The benchmark's pages as Articles (true article text, URL, domain as source), English only."""
    from searchkit.model import Article

    pages = json.loads((shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json")
                       .read_text(encoding="utf-8"))
    out = []
    for key, page in sorted(pages.items()):
        body = page["articleBody"]
        words = body.split()
        english = sum(w.lower().strip(".,;:\"'()") in _ENGLISH for w in words)
        if not words or english / len(words) < 0.12:
            continue
        domain = urlparse(page["url"]).netloc.lower().removeprefix("www.")
        out.append(Article(id=key, body=body, source=domain, url=page["url"]))
    return out


# -- the labelled sets ------------------------------------------------------------------------

def pick_polnear(articles: list) -> list:
    """A seeded random sample of PolNeAR dev stories of at most MAX_WORDS words."""
    pool = sorted((a for a in articles if len(a.body.split()) <= MAX_WORDS), key=lambda a: a.id)
    return sorted(random.Random(SEED).sample(pool, PER_SET), key=lambda a: a.id)


def pick_reuters(articles: list) -> list:
    """A seeded random sample of Reuters-21578 TRAIN stories with a body."""
    pool = sorted((a for a in articles if "split:train" in a.tags and a.body.strip()), key=lambda a: int(a.id))
    return sorted(random.Random(SEED).sample(pool, PER_SET), key=lambda a: int(a.id))


def pick_web(articles: list) -> list:
    """British pages, then blog pages, then the rest by SHA-256 of the URL: the first PER_SET."""
    def rank(a) -> tuple:
        british = bool(_BRITISH.search(a.source))
        blog = "blog" in a.url.lower()
        return (not british, not blog, hashlib.sha256(a.url.encode()).hexdigest())

    return sorted(sorted(articles, key=rank)[:PER_SET], key=lambda a: a.url)


def labelled_sets(shared: Path) -> dict[str, list]:
    """{set name: its 50 Articles} of the first draw (development data since its second scoring)."""
    reuters = reuters_articles(shared)
    return {
        "polnear": pick_polnear(polnear_articles(shared, "dev")),
        "reuters": pick_reuters(reuters),
        "web": pick_web(web_articles(shared)),
    }


# The second, fresh held-out draw (bench/places_gold/fresh.json): disjoint from the first, drawn
# and labelled before the second round of development, scored once at its end.
FRESH = REPO / "bench" / "places_gold" / "fresh.json"
FRESH_SEED = 20261125
FRESH_REUTERS = 50
FRESH_TOTAL = 150  # PolNeAR dev has 34 stories left: the web pages fill the rest


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def fresh_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the fresh draw: every PolNeAR dev story the first draw left out, a
    seeded sample of Reuters-21578 NOT-USED stories (a split no rule was ever scored on), and the
    English benchmark pages outside the first draw in order of the SHA-256 of seed and URL."""
    dev = polnear_articles(shared, "dev")
    first = {a.id for a in pick_polnear(dev)}
    polnear = [a for a in dev if a.id not in first]
    pool = sorted((a for a in reuters_articles(shared) if "split:not-used" in a.tags and a.body.strip()),
                  key=lambda a: int(a.id))
    reuters = sorted(random.Random(FRESH_SEED).sample(pool, FRESH_REUTERS), key=lambda a: int(a.id))
    web = web_articles(shared)
    first_web = {a.id for a in pick_web(web)}
    rest = sorted((a for a in web if a.id not in first_web),
                  key=lambda a: hashlib.sha256(f"{FRESH_SEED}:{a.url}".encode()).hexdigest())
    web_n = FRESH_TOTAL - len(polnear) - len(reuters)
    return {"polnear": polnear, "reuters": reuters, "web": sorted(rest[:web_n], key=lambda a: a.url)}


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def dev_check_sets(shared: Path) -> dict[str, list]:
    """The 50 stories of dev_check.json: 25 benchmark pages outside both draws (by SHA-256 of
    "val:" + URL) and 25 TRAIN stories outside the first draw (seeded sample, seed 7)."""
    held = {a.id for a in pick_reuters(reuters_articles(shared))}
    train = sorted((a for a in reuters_articles(shared) if "split:train" in a.tags and a.body.strip()
                    and a.id not in held), key=lambda a: int(a.id))
    reuters = sorted(random.Random(7).sample(train, 25), key=lambda a: int(a.id))
    taken = {a.id for a in pick_web(web_articles(shared))} | {a.id for a in fresh_sets(shared)["web"]}
    web = sorted((a for a in web_articles(shared) if a.id not in taken),
                 key=lambda a: hashlib.sha256(f"val:{a.url}".encode()).hexdigest())[:25]
    return {"reuters": reuters, "web": web}


# The third held-out draw (bench/places_gold/third.json): disjoint from the three sets above,
# drawn and labelled before the third round of development, scored once at its end. PolNeAR dev
# has no story left (50 + 34 went to the first two draws), so its 50 come from PolNeAR train/.
THIRD = REPO / "bench" / "places_gold" / "third.json"
THIRD_SEED = 20261126
THIRD_PER_SET = 50
THIRD_TOTAL = 150


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def third_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the third draw: a seeded sample of 50 PolNeAR train stories of at
    most MAX_WORDS words, 50 Reuters TRAIN stories outside the first draw and dev_check, the English
    benchmark pages outside every earlier set (19, by SHA-256 of seed and URL), and Reuters NOT-USED
    stories outside the fresh draw to make 150 (seeded samples, seed THIRD_SEED)."""
    rng = random.Random(THIRD_SEED)
    pool = sorted((a for a in polnear_articles(shared, "train") if len(a.body.split()) <= MAX_WORDS),
                  key=lambda a: a.id)
    polnear = sorted(rng.sample(pool, THIRD_PER_SET), key=lambda a: a.id)
    checked = dev_check_sets(shared)
    taken = {a.id for a in pick_reuters(reuters_articles(shared))} | {a.id for a in checked["reuters"]}
    train = sorted((a for a in reuters_articles(shared) if "split:train" in a.tags and a.body.strip()
                    and a.id not in taken), key=lambda a: int(a.id))
    reuters = sorted(rng.sample(train, THIRD_PER_SET), key=lambda a: int(a.id))
    web = web_articles(shared)
    used = ({a.id for a in pick_web(web)} | {a.id for a in fresh_sets(shared)["web"]}
            | {a.id for a in checked["web"]})
    rest = sorted((a for a in web if a.id not in used),
                  key=lambda a: hashlib.sha256(f"{THIRD_SEED}:{a.url}".encode()).hexdigest())
    web = sorted(rest[:THIRD_PER_SET], key=lambda a: a.url)
    # Only 19 English pages are left: Reuters NOT-USED stories outside the fresh draw fill the 150.
    fresh = {a.id for a in fresh_sets(shared)["reuters"]}
    unused = sorted((a for a in reuters_articles(shared) if "split:not-used" in a.tags and a.body.strip()
                     and a.id not in fresh), key=lambda a: int(a.id))
    filler = sorted(rng.sample(unused, THIRD_TOTAL - len(polnear) - len(reuters) - len(web)), key=lambda a: int(a.id))
    return {"polnear": polnear, "reuters": reuters, "web": web, "reuters-not-used": filler}


# The fourth held-out draw (bench/places_gold/fourth.json): disjoint from every set above, drawn
# and labelled before the fourth round of development, scored once at its end. No English web page
# is left, so 50 more Reuters NOT-USED stories are its third part.
FOURTH = REPO / "bench" / "places_gold" / "fourth.json"
FOURTH_SEED = 20261127


def _later_draw(shared: Path, seed: int, earlier: list[dict[str, list]]) -> dict[str, list]:
    """Seeded samples of 50 PolNeAR train stories of at most MAX_WORDS words, 50 Reuters TRAIN and 50
    Reuters NOT-USED stories, each outside the `earlier` draws (from the third on) and the older sets."""
    rng = random.Random(seed)
    seen = {a.id for draw in earlier for a in draw["polnear"]}
    pool = sorted((a for a in polnear_articles(shared, "train") if len(a.body.split()) <= MAX_WORDS
                   and a.id not in seen), key=lambda a: a.id)
    polnear = sorted(rng.sample(pool, THIRD_PER_SET), key=lambda a: a.id)
    reuters = reuters_articles(shared)
    taken = ({a.id for a in pick_reuters(reuters)} | {a.id for a in dev_check_sets(shared)["reuters"]}
             | {a.id for draw in earlier for a in draw["reuters"]})
    train = sorted((a for a in reuters if "split:train" in a.tags and a.body.strip() and a.id not in taken),
                   key=lambda a: int(a.id))
    train = sorted(rng.sample(train, THIRD_PER_SET), key=lambda a: int(a.id))
    used = {a.id for a in fresh_sets(shared)["reuters"]} | {a.id for draw in earlier for a in draw["reuters-not-used"]}
    unused = sorted((a for a in reuters if "split:not-used" in a.tags and a.body.strip() and a.id not in used),
                    key=lambda a: int(a.id))
    not_used = sorted(rng.sample(unused, THIRD_PER_SET), key=lambda a: int(a.id))
    return {"polnear": polnear, "reuters": train, "reuters-not-used": not_used}


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def fourth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the fourth draw (seed FOURTH_SEED), outside the third draw."""
    return _later_draw(shared, FOURTH_SEED, [third_sets(shared)])


# The fifth held-out draw (bench/places_gold/fifth.json): disjoint from every set above, drawn the
# same way as the fourth, labelled before the fifth round of development and scored once at its end.
FIFTH = REPO / "bench" / "places_gold" / "fifth.json"
FIFTH_SEED = 20261128


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def fifth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the fifth draw (seed FIFTH_SEED), outside the third and fourth draws."""
    return _later_draw(shared, FIFTH_SEED, [third_sets(shared), fourth_sets(shared)])


# The sixth held-out draw (bench/places_gold/sixth.json): disjoint from every set above, drawn the
# same way as the fifth, labelled before the sixth round of development and scored once at its end.
SIXTH = REPO / "bench" / "places_gold" / "sixth.json"
SIXTH_SEED = 20261129


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def sixth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the sixth draw (seed SIXTH_SEED), outside the third to fifth draws."""
    return _later_draw(shared, SIXTH_SEED, [third_sets(shared), fourth_sets(shared), fifth_sets(shared)])


# The seventh held-out draw (bench/places_gold/seventh.json): disjoint from every set above, drawn the
# same way as the sixth, labelled before the seventh round of development and scored once at its end.
SEVENTH = REPO / "bench" / "places_gold" / "seventh.json"
SEVENTH_SEED = 20261130


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def seventh_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the seventh draw (seed SEVENTH_SEED), outside the third to sixth draws."""
    return _later_draw(shared, SEVENTH_SEED, [third_sets(shared), fourth_sets(shared), fifth_sets(shared),
                                              sixth_sets(shared)])


# The eighth draw (bench/places_gold/eighth.json): disjoint from every set above, drawn the same way as the
# seventh, labelled after the seventh round by annotators who never ran the extractor, with no place rule
# changed since: a second held-out look at the frozen rules.
EIGHTH = REPO / "bench" / "places_gold" / "eighth.json"
EIGHTH_SEED = 20261201


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def eighth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the eighth draw (seed EIGHTH_SEED), outside the third to seventh draws."""
    return _later_draw(shared, EIGHTH_SEED, [third_sets(shared), fourth_sets(shared), fifth_sets(shared),
                                             sixth_sets(shared), seventh_sets(shared)])


# The ninth held-out draw (bench/places_gold/ninth.json): disjoint from every set above, drawn the same way,
# labelled before the eighth round of place rules and scored once at its end.
NINTH = REPO / "bench" / "places_gold" / "ninth.json"
NINTH_SEED = 20261202


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def ninth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the ninth draw (seed NINTH_SEED), outside the third to eighth draws."""
    return _later_draw(shared, NINTH_SEED, _third_to_ninth(shared))


def _third_to_ninth(shared: Path) -> list[dict[str, list]]:
    """The draws the ninth was drawn outside of (third to eighth): every later draw excludes them too."""
    return [third_sets(shared), fourth_sets(shared), fifth_sets(shared), sixth_sets(shared), seventh_sets(shared),
            eighth_sets(shared)]


# The tenth held-out draw (bench/places_gold/tenth.json): disjoint from every set above, drawn the same way,
# labelled before the ninth round of place rules and scored once at its end.
TENTH = REPO / "bench" / "places_gold" / "tenth.json"
TENTH_SEED = 20261203


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def tenth_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the tenth draw (seed TENTH_SEED), outside the third to ninth draws."""
    return _later_draw(shared, TENTH_SEED, [*_third_to_ninth(shared), ninth_sets(shared)])


# The eleventh draw (bench/places_gold/eleventh.json): disjoint from every set above, drawn the same way after the
# tenth was scored, labelled by annotators who never ran the extractor on it; a second unseen look at the rules
# frozen since the ninth round (scored once, no place rule changed since).
ELEVENTH = REPO / "bench" / "places_gold" / "eleventh.json"
ELEVENTH_SEED = 20261204


@functools.lru_cache(maxsize=2)  # later draws exclude every earlier one: read each once
def eleventh_sets(shared: Path) -> dict[str, list]:
    """{set name: Articles} of the eleventh draw (seed ELEVENTH_SEED), outside the third to tenth draws."""
    return _later_draw(shared, ELEVENTH_SEED, [*_third_to_ninth(shared), ninth_sets(shared), tenth_sets(shared)])


# A second annotator labelled the sixth draw after it was scored, never seeing sixth.json: how far
# two careful readers agree on "about", and how the extractor scores against either of them.
SIXTH_SECOND = (REPO / "bench" / "places_gold" / "sixth_second_polnear.json",
                REPO / "bench" / "places_gold" / "sixth_second_reuters.json")


def second_labels() -> dict:
    """The second annotator's labels of the sixth draw, in the layout of sixth.json."""
    polnear, reuters = (json.loads(path.read_text(encoding="utf-8")) for path in SIXTH_SECOND)
    return {"sets": {"polnear": polnear["stories"], **reuters["sets"]}}


def pair_counts(first: list[dict], second: list[dict]) -> tuple[int, int, int]:
    """(tp, fp, fn) of one set's "about" pairs, the second labels against the first (stories by key)."""
    a = {row["key"]: set(row["about"]) for row in first}
    b = {row["key"]: set(row["about"]) for row in second}
    return sum(len(b[k] & a[k]) for k in a), sum(len(b[k] - a[k]) for k in a), sum(len(a[k] - b[k]) for k in a)


def agreement(shared: Path) -> dict:
    """Micro P/R/F1 of the second annotator against the first on the sixth draw, per set and overall,
    then the extractor against the second annotator."""
    first, second = json.loads(SIXTH.read_text(encoding="utf-8")), second_labels()
    counts = [0, 0, 0]
    print("Sixth draw, second annotator against the first ('about' pairs):")
    for name, rows in first["sets"].items():
        tp, fp, fn = pair_counts(rows, second["sets"][name])
        theirs = {row["key"]: set(row["about"]) for row in second["sets"][name]}
        same = sum(set(row["about"]) == theirs[row["key"]] for row in rows)
        p, r, f = prf(tp, fp, fn)
        print(f"  {name:18} P {p:.3f} R {r:.3f} F1 {f:.3f}  stories labelled alike {same}/{len(rows)}")
        counts = [x + y for x, y in zip(counts, (tp, fp, fn))]
    p, r, f = prf(*counts)
    print(f"  {'all':18} P {p:.3f} R {r:.3f} F1 {f:.3f}")
    report = score(sixth_sets(shared), second)
    print_report(report, "The extractor against the second annotator", named=False)
    return {"annotators": (p, r, f), "extractor": report["all"]["countries"]}


def development_sets(shared: Path) -> dict[str, list]:
    """Stories to develop on: PolNeAR train, TRAIN stories and benchmark pages outside the held-out draw."""
    reuters = reuters_articles(shared)
    held_draws = (tenth_sets(shared), eleventh_sets(shared))  # held out: never developed on
    held = {a.id for a in pick_reuters(reuters)} | {a.id for d in held_draws for a in d["reuters"]}
    web = web_articles(shared)
    held_web = {a.id for a in pick_web(web)}
    held_polnear = {a.id for d in held_draws for a in d["polnear"]}
    return {
        "polnear-train": [a for a in polnear_articles(shared, "train") if a.id not in held_polnear],
        "reuters-train": [a for a in reuters if "split:train" in a.tags and a.body.strip() and a.id not in held],
        "web-other": [a for a in web if a.id not in held_web],
    }


# -- scoring ------------------------------------------------------------------------------------

def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def story_countries(article) -> tuple[set[str], set[str]]:
    """(countries the extractor says the story is about, countries of every place it found)."""
    import dataclasses

    from searchkit.extract import enrich, place_mentions
    from searchkit.extract.locations import historic_country

    bare = dataclasses.replace(article, locations=())  # only title, body and dateline speak
    about = set(enrich(bare).countries)
    primary, title_mentions, body_mentions = place_mentions(bare)
    named = {historic_country(m.place.country, article.date) for m in title_mentions + body_mentions}
    if primary is not None:
        named.add(historic_country(primary.country, article.date))
    named.discard("")
    return about, named


def score(sets: dict[str, list], gold: dict, errors: bool = False) -> dict:
    """Micro P/R/F1 of `countries` (against "about") and of named countries, per set and overall."""
    totals = {"countries": [0, 0, 0], "named": [0, 0, 0]}
    report = {}
    for name, articles in sets.items():
        labels = {row["key"]: row for row in gold["sets"][name]}
        counts = {"countries": [0, 0, 0], "named": [0, 0, 0]}
        for a in articles:
            row = labels[a.id]
            about, named = story_countries(a)
            want = {"countries": set(row["about"]), "named": {c for c in row.get("places", {}).values() if c}}
            for what, got in (("countries", about), ("named", named)):
                c = counts[what]
                c[0] += len(got & want[what])
                c[1] += len(got - want[what])
                c[2] += len(want[what] - got)
            if errors and (about != want["countries"]):
                print(f"  {name} {a.id[:40]}: extra {sorted(about - want['countries'])} "
                      f"missed {sorted(want['countries'] - about)}")
        report[name] = {what: prf(*c) for what, c in counts.items()}
        report[name]["stories"] = len(articles)
        for what in totals:
            totals[what] = [x + y for x, y in zip(totals[what], counts[what])]
    report["all"] = {what: prf(*c) for what, c in totals.items()}
    report["all"]["stories"] = sum(len(a) for a in sets.values())
    return report


def story_counts(sets: dict[str, list], gold: dict) -> list[tuple[int, int, int]]:
    """(tp, fp, fn) of `countries` against "about", one per story: what a bootstrap resamples."""
    counts = []
    for name, articles in sets.items():
        labels = {row["key"]: set(row["about"]) for row in gold["sets"][name]}
        for a in articles:
            got, want = story_countries(a)[0], labels[a.id]
            counts.append((len(got & want), len(got - want), len(want - got)))
    return counts


def interval(counts: list[tuple[int, int, int]], rounds: int = 2000, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """95% percentile intervals of micro precision and recall over stories resampled with replacement."""
    rng = random.Random(seed)
    ps, rs = [], []
    for _ in range(rounds):
        sample = [counts[rng.randrange(len(counts))] for _ in counts]
        p, r, _f = prf(*(sum(c[i] for c in sample) for i in range(3)))
        ps.append(p)
        rs.append(r)
    ps.sort()
    rs.sort()
    lo, hi = int(0.025 * rounds), int(0.975 * rounds) - 1
    return {"precision": (ps[lo], ps[hi]), "recall": (rs[lo], rs[hi])}


def print_report(report: dict, heading: str, named: bool = True) -> None:
    print(f"\n{heading}")
    print(f"{'':16}{'countries P':>12}{'R':>7}{'F1':>7}" + (f"{'named P':>10}{'R':>7}{'F1':>7}" if named else ""))
    for name, row in report.items():
        c, n = row["countries"], row["named"]
        label = f"{name} ({row['stories']})"
        print(f"{label:16}{c[0]:12.3f}{c[1]:7.3f}{c[2]:7.3f}" + (f"{n[0]:10.3f}{n[1]:7.3f}{n[2]:7.3f}" if named else ""))


def report(shared: Path, errors: bool = False, held_out: bool = True) -> dict:
    """Score the held-out set (the headline, never with its errors) and the development sets."""
    results = {}
    held = (("eleventh", ELEVENTH, eleventh_sets, "150 stories drawn and labelled after the tenth was scored, scored "
             "once with the ninth round's rules, unchanged since"),
            ("tenth", TENTH, tenth_sets, "150 stories labelled before the ninth round, scored once with its rules "
             "frozen"))
    for key, path, sets, how in held if held_out else ():
        if not path.exists():
            continue
        gold = json.loads(path.read_text(encoding="utf-8"))
        drawn = sets(shared)
        results[key] = score(drawn, gold)
        print_report(results[key], f"Places, HELD OUT ({path.relative_to(REPO)}: {how}; 'about' only)", named=False)
        ci = interval(story_counts(drawn, gold))
        results[key]["interval"] = ci
        print("  95% interval over stories resampled (2,000 rounds): precision {:.3f}-{:.3f}, recall {:.3f}-{:.3f}"
              .format(*ci["precision"], *ci["recall"]))
    for key, path, sets, heading, named in (
            ("ninth", NINTH, ninth_sets,
             f"Places, development: the ninth draw ({NINTH.relative_to(REPO)}; held out for round eight, "
             "the ninth round was developed on it)", False),
            ("eighth", EIGHTH, eighth_sets,
             f"Places, development: the eighth draw ({EIGHTH.relative_to(REPO)}; a second unseen look at the "
             "seventh round's rules, the eighth round was developed on it)", False),
            ("seventh", SEVENTH, seventh_sets,
             f"Places, development: the seventh draw ({SEVENTH.relative_to(REPO)}; held out for round seven, "
             "the eighth round was developed on it)", False),
            ("sixth", SIXTH, sixth_sets,
             f"Places, development: the sixth draw ({SIXTH.relative_to(REPO)}; held out for round six, "
             "the seventh round was developed on it)", False),
            ("fifth", FIFTH, fifth_sets,
             f"Places, development: the fifth draw ({FIFTH.relative_to(REPO)}; held out for round five, "
             "the sixth round was developed on it)", False),
            ("fourth", FOURTH, fourth_sets,
             f"Places, development: the fourth draw ({FOURTH.relative_to(REPO)}; held out for round four, "
             "the fifth round was developed on it)", False),
            ("third", THIRD, third_sets,
             f"Places, development: the third draw ({THIRD.relative_to(REPO)}; held out for round three, "
             "the fourth round was developed on it)", False),
            ("fresh", FRESH, fresh_sets,
             f"Places, development: the second draw ({FRESH.relative_to(REPO)}; held out for round two, "
             "the third round was developed on it)", True),
            ("first", GOLD, labelled_sets,
             f"Places, development: the first draw ({GOLD.relative_to(REPO)}; held out for round one, "
             "developed on since)", True),
            ("dev_check", DEV_CHECK, dev_check_sets,
             f"Places, development check ({DEV_CHECK.relative_to(REPO)}: 50 stories labelled during the "
             "second round, 'about' only)", False)):
        gold = json.loads(path.read_text(encoding="utf-8"))
        if errors:
            print(f"\n{key}:")
        results[key] = score(sets(shared), gold, errors)
        print_report(results[key], heading, named)
    return results


def dump(shared: Path, path: Path) -> int:
    """Write what enrich finds in every Reuters TEST story (JSON Lines), to compare two versions."""
    import dataclasses

    from searchkit.extract import enrich

    n = 0
    with open(path, "w", encoding="utf-8") as f:
        for a in reuters_articles(shared):
            if "split:test" not in a.tags:
                continue
            e = enrich(dataclasses.replace(a, locations=()))
            f.write(json.dumps([a.id, e.locations, e.countries, e.place], ensure_ascii=False) + "\n")
            n += 1
    return n


def reuters_train_places(shared: Path, errors: int = 0) -> tuple[float, float, float]:
    """Development figure: `countries` against PLACES on the TRAIN stories outside the labelled 50."""
    import dataclasses

    from searchkit.extract import enrich
    from searchkit.extract.locations import canonical_country

    dev = development_sets(shared)["reuters-train"]
    tp = fp = fn = 0
    wrong = []
    for a in dev:
        if not a.locations:
            continue
        gold = {canonical_country(s) or s for s in a.locations}
        got = set(enrich(dataclasses.replace(a, locations=())).countries)
        tp += len(gold & got)
        fp += len(got - gold)
        fn += len(gold - got)
        if gold != got:
            wrong.append((len(gold ^ got), a.id, sorted(gold), sorted(got), a.dateline, a.title[:60]))
    for row in sorted(wrong, key=lambda r: -r[0])[:errors]:
        print(*row[1:], sep=" | ")
    return prf(tp, fp, fn)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--list", choices=("polnear", "reuters", "web", "reuters-not-used"),
                    help="print the keys of one labelled set")
    ap.add_argument("--draw", choices=("first", "fresh", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
                             "tenth", "eleventh"),
                    default="seventh",
                    help="which draw --list and --text read")
    ap.add_argument("--text", action="store_true",
                    help="with --list: print each story as the extractor receives it (dateline, title, body), to label it")
    ap.add_argument("--errors", action="store_true",
                    help="print each development story where the countries differ (never the held-out set's)")
    ap.add_argument("--dev-only", action="store_true", help="score the development sets only, not the held-out one")
    ap.add_argument("--agreement", action="store_true",
                    help="the sixth draw's two annotators against each other, and the extractor against the second")
    ap.add_argument("--dump", type=Path, metavar="FILE",
                    help="write locations, countries and place of every Reuters TEST story to FILE (JSON Lines)")
    ap.add_argument("--dev", type=int, metavar="N", default=None,
                    help="development only: score Reuters TRAIN outside the labelled set against PLACES, "
                         "print N disagreements")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    if args.list:
        draws = {"first": labelled_sets, "fresh": fresh_sets, "third": third_sets, "fourth": fourth_sets,
                 "fifth": fifth_sets, "sixth": sixth_sets, "seventh": seventh_sets, "eighth": eighth_sets,
                 "ninth": ninth_sets, "tenth": tenth_sets, "eleventh": eleventh_sets}
        for a in draws[args.draw](shared).get(args.list, []):
            if args.text:
                print(f"==== {a.id} | {a.source} | {a.date} | dateline: {a.dateline or '-'}\n{a.title}\n\n{a.body}\n")
            else:
                print(a.id, a.source, a.url or a.title[:70], sep="\t")
        return 0
    if args.agreement:
        agreement(shared)
        return 0
    if args.dump:
        print(f"{dump(shared, args.dump)} TEST stories written to {args.dump}")
        return 0
    if args.dev is not None:
        p, r, f = reuters_train_places(shared, args.dev)
        print(f"Reuters TRAIN (development) countries vs PLACES: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        return 0
    report(shared, args.errors, held_out=not (args.dev_only or args.errors))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
