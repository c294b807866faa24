"""The quotation benchmarks of bench/extraction.py: the PolNeAR metric, the British/blog labels, and
a regression floor on PolNeAR train (the split the rules were written on; dev is reported, not tested)."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "extraction.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("bench_extraction", BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_metric_pieces(bench, tmp_path):
    assert bench.surname("Sen. Ted Cruz (R-Texas), a candidate,") == "Cruz"
    assert bench.surname("Mr. Trump’s") == "Trump"
    assert bench.surname("he") is None and bench.surname("the company") is None
    assert bench.overlap("a total stiff", "calling him “a total stiff.”") == 1.0
    assert bench.overlap("nothing shared", "other words") == 0.0
    ann = tmp_path / "x_a1.ann"
    ann.write_text("T1\tSource 0 5\tSmith\nT2\tCue 6 10\tsaid\nT3\tContent 11 20\t“We won.”\n"
                   "T4\tContent 30 40\twe lost\nE1\tAttribution:T9 Source:T1 Cue:T2 Content:T3\n"
                   "E2\tAttribution:T8 Source:T1 Content:T4\n", encoding="utf-8")
    assert bench.polnear_gold(ann) == [("“We won.”", "Smith")]  # only contents with quote marks
    ann.write_text("T1\tSource 0 5\tSmith\nT3\tContent 11 20\t''We won.''\nE1\tAttribution:T9 Source:T1 Content:T3\n",
                   encoding="utf-8")
    assert bench.polnear_gold(ann) == [("''We won.''", "Smith")]  # the doubled marks of archive copy count
    assert bench.polnear_gold(ann, bench.NARROW_QMARK) == []  # not for the reference scorer's marks


def test_description_sources_judged_by_the_person_named(bench):
    assert bench.description_head("The Florida senator") == ("senator", ["Florida"])
    assert bench.description_head("the Washington Post") is None and bench.description_head("Marco Rubio") is None
    body = "Florida Sen. Marco Rubio spoke in Miami. Later the Florida senator said it was “a good day.”"
    assert bench.named_with(body, "Marco Rubio", ("senator", ["Florida"]))
    assert not bench.named_with(body, "Marco Rubio", ("senator", ["Texas"]))
    assert not bench.named_with(body, "Jeb Bush", ("senator", ["Florida"]))
    from searchkit.model import Quote

    gold = [("“a good day.”", "the Florida senator")]
    res = bench.score_quotes([("story", body, gold)], lambda _body: [Quote("a good day.", "Marco Rubio")])
    assert res["wrong"] == 1.0 and res["right_described"] == 1.0  # the issue's metric counts it wrong


def test_scoring_counts_right_wrong_none(bench):
    from searchkit.model import Quote

    gold = [("“We will win the state easily,”", "Gov. Ann Lee"), ("“Taxes stay low,”", "Bob Hale"),
            ("“It is late,”", "Mr. Ray Stone")]
    found = [Quote("We will win the state easily", "Ann Lee"), Quote("Taxes stay low", "Ann Lee"),
             Quote("It is late", None), Quote("A scare quote of ours", None)]
    res = bench.score_quotes([("story", "", gold)], lambda _body: found)
    assert (res["tp"], res["fp"], res["fn"]) == (3, 1, 0)
    assert (res["right"], res["wrong"], res["none"]) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert res["per_story"] == [(1, 1, 1)]


def test_the_speaker_interval_brackets_the_rate_and_narrows_to_a_point(bench):
    stories = [(3, 1, 0), (2, 0, 1), (4, 0, 0), (1, 2, 1), (5, 1, 0)] * 8  # right 0.75, none 0.1
    ci = bench.speaker_interval(stories)
    assert ci["right"][0] < 0.75 < ci["right"][1] and ci["none"][0] < 0.1 < ci["none"][1]
    assert bench.speaker_interval([(3, 1, 0)] * 20) == {"right": (0.75, 0.75), "none": (0.0, 0.0)}


def test_british_labels_are_in_their_pages(bench, shared_dir):
    pages = shared_dir / "corpora" / "article-extraction-benchmark" / "ground-truth.json"
    if not pages.is_file():
        pytest.skip(f"article-extraction benchmark not found at {pages}")
    truth = json.loads(pages.read_text(encoding="utf-8"))
    labels = json.loads(bench.BRITISH_GOLD.read_text(encoding="utf-8"))
    assert len(labels["stories"]) >= 15 and "by hand" in labels["about"]
    for story in labels["stories"]:
        body = truth[story["id"]]["articleBody"]
        for q in story["quotes"]:
            span = bench._widen(body, q["quote"])
            assert q["quote"] in span and not any(m in span for m in "“”\"")


def test_polnear_train_floor(bench, shared_dir):
    split = shared_dir / "corpora" / "polnear" / "train"
    if not (split / "text").is_dir():
        pytest.skip(f"PolNeAR train not found at {split}")
    from searchkit.extract.quotes import find_quotes

    res = bench.score_quotes(bench.polnear_stories(split), find_quotes)
    assert res["recall"] >= 0.95 and res["precision"] >= 0.945, res
    assert res["right"] >= 0.895 and res["none"] <= 0.05 and res["wrong"] <= 0.06, res  # now 0.920 / 0.022 / 0.058


def test_no_speaker_over_the_quoted_reuters_stories_is_a_piece_of_a_name(bench, shared_dir):
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    quoted = [a for a in bench.load_reuters(shared_dir) if '"' in a.body]
    assert len(quoted) > 4000
    res = bench.quote_cost(quoted)  # was 24 ('P' of 'S and P', 'F' of '<VOWG.F>', 'Co' of 'Sears Roebuck and Co')
    assert res["pieces"] == [] and res["quotes"] > 12000


def test_wire_development_draws_floor(shared_dir, capsys):
    # the ten wire draws developed on (first to fourth, eighth to thirteenth): the rules written from them stay kept
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    results = [wire_speakers.report(shared_dir, 0, draw)
               for draw in ("first", "second", "third", "fourth", "eighth", "ninth", "tenth", "eleventh", "twelfth",
                            "thirteenth")]
    capsys.readouterr()
    assert min(r["right"] for r in results) >= 0.88 and max(r["none"] for r in results) <= 0.07, results  # 0.889, 0.065
    assert sum(r["right"] for r in results) / len(results) >= 0.91, results  # now 0.928 (0.889-0.955)


def test_the_final_code_keeps_issue_12s_target_on_the_twelve_draws_it_was_measured_on(shared_dir, capsys):
    # the fortieth to fifty-first draws, labelled after the eleventh round was frozen and scored once with it
    # (wire_speakers.FINAL): by the issue's metric over named sources 0.911 right, 0.041 none; kept from now on
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    draws = [name for name, row in wire_speakers.HELD_OUT_NAMED.items() if row[0] == wire_speakers.FINAL]
    assert len(draws) == 12
    results = [wire_speakers.report(shared_dir, 0, draw) for draw in draws]
    capsys.readouterr()
    named = sum(r["named"] for r in results)
    right = sum(r["named_right"] * r["named"] for r in results) / named
    none = sum(r["named_none"] * r["named"] for r in results) / named
    assert right >= 0.90 and none <= 0.05, (right, none)
    assert min(r["recall"] for r in results) >= 0.99 and min(r["precision"] for r in results) >= 0.91
    second = wire_speakers.final_code_against_second_labels(shared_dir)  # another annotator's calls: 0.913 / 0.041
    assert second["named"] > 1500 and second["right"] >= 0.90 and second["none"] <= 0.05, second
    alike = [_speakers_alike(wire_speakers.gold_path(d), wire_speakers.second_labels_path(d)) for d in draws]
    assert sum(same for _t, same in alike) / sum(total for total, _s in alike) > 0.97, alike


def test_wire_draws_of_the_seventh_to_tenth_rounds_keep_what_they_were_written_from(shared_dir, capsys):
    # the fourteenth to nineteenth draws, developed on in the seventh round of 2026-11-27 (0.805-0.918 before it),
    # the twentieth to twenty-third in the eighth (0.836-0.887), the twenty-fourth to twenty-seventh in the ninth
    # (0.850-0.899), the twenty-eighth to thirty-first in the tenth (0.783-0.945)
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    results = [wire_speakers.report(shared_dir, 0, draw)
               for draw in ("fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
                            "twentieth", "twenty-first", "twenty-second", "twenty-third", "twenty-fourth",
                            "twenty-fifth", "twenty-sixth", "twenty-seventh", "twenty-eighth", "twenty-ninth",
                            "thirtieth", "thirty-first")]
    capsys.readouterr()
    assert min(r["right"] for r in results) >= 0.78 and max(r["none"] for r in results) <= 0.13, results  # 0.790, 0.129
    assert sum(r["right"] for r in results) / len(results) >= 0.885, results  # now 0.888 (0.790-0.952)


def test_polnear_annotators_agreement_is_read_from_the_articles_labelled_several_times(bench, shared_dir, capsys):
    if not (shared_dir / "corpora" / "polnear" / "train" / "attributions").is_dir():
        pytest.skip(f"PolNeAR not found under {shared_dir / 'corpora'}")
    result = bench.annotator_agreement(shared_dir)
    assert result["articles"] == 18 and result["named"] > 500  # 16 train + 2 dev articles, 5-6 annotators each
    assert abs(result["right"] + result["wrong"] + result["none"] - 1) < 1e-9
    assert 0.75 < result["right"] < 0.95 and result["agree_named"] > result["right"]
    assert "PolNeAR's own annotators" in capsys.readouterr().out


def test_labelled_quotes_report_counts_speakers(bench, capsys):
    body = ('"We will appeal," Texaco Inc said. "The verdict is wrong," said an analyst. '
            'Smith said, "It is over."')
    labels = [{"quote": "We will appeal", "speaker": "Texaco Inc"},
              {"quote": "The verdict is wrong", "speaker": "Jane Roe"},
              {"quote": "It is over", "speaker": "John Smith"},
              {"quote": "never said", "speaker": "Nobody", "optional": True}]
    body += ' He denied it was "never said" at all.'
    res = bench.labelled_quotes_report([("s1", body, labels)], "a test set", "stories")
    assert res["recall"] == 1.0
    assert (res["right"], res["wrong"]) == pytest.approx((2 / 3, 1 / 3))  # "analyst" is not Jane Roe
    assert "a test set (1 stories, 3 gold quotes)" in capsys.readouterr().out


def test_labelled_quotes_report_also_scores_named_sources_by_the_issues_metric(bench, capsys):
    body = ('"Rates will fall," one dealer said. "The verdict is wrong," said an analyst. '
            'Smith said, "It is over." "We disagree," said Brown.')
    labels = [{"quote": "Rates will fall", "speaker": "one dealer"},  # no capitalised name: not a named source
              {"quote": "The verdict is wrong", "speaker": "Jane Roe"},
              {"quote": "It is over", "speaker": "John Smith"},
              {"quote": "We disagree", "speaker": "Mary Brown"}]
    res = bench.labelled_quotes_report([("s1", body, labels)], "a test set", "stories")
    assert res["right"] == pytest.approx(3 / 4)  # every sourced quote: "one dealer" counts
    assert res["named"] == 3 and res["named_right"] == pytest.approx(2 / 3)  # only the three named sources
    assert res["named_wrong"] == pytest.approx(1 / 3) and res["named_none"] == 0
    assert "over 3 named sources (issue 12's metric" in capsys.readouterr().out


def test_a_piece_of_a_name_is_told_from_a_name(bench):
    assert all(bench.is_name_piece(s) for s in ("P", "F.", "Co", "Inc", "Cie"))
    assert not any(bench.is_name_piece(s) for s in ("S and P", "UN", "Texaco Inc", "spokesman", "King"))


def test_wire_labels_are_in_their_drawn_stories(bench, shared_dir):
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    stories = wire_speakers.drawn(shared_dir)
    labels = json.loads(wire_speakers.gold_path("first").read_text(encoding="utf-8"))
    assert [s["id"] for s in labels["stories"]] == [a.id for a in stories] and "reading" in labels["about"]
    for a, story in zip(stories, labels["stories"]):
        for q in story["quotes"]:
            span = bench._widen(a.body, q["quote"])
            assert q["quote"] in span and '"' not in span


def test_the_sixth_place_draw_has_two_annotators_who_mostly_agree(shared_dir):
    if not (shared_dir / "corpora" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    first, second = json.loads(places.SIXTH.read_text(encoding="utf-8")), places.second_labels()
    drawn = places.sixth_sets(shared_dir)
    for name, articles in drawn.items():
        keys = [a.id for a in articles]
        assert [r["key"] for r in first["sets"][name]] == keys == [r["key"] for r in second["sets"][name]]
    result = places.agreement(shared_dir)
    assert 0.9 < result["annotators"][2] <= 1.0  # F1 of one annotator against the other


def test_the_held_out_place_interval_brackets_the_score_and_narrows_to_a_point():
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    perfect = places.interval([(2, 0, 0), (1, 0, 0)] * 20, rounds=200)
    assert perfect == {"precision": (1.0, 1.0), "recall": (1.0, 1.0)}
    counts = [(1, 0, 0)] * 30 + [(1, 1, 0)] * 5 + [(0, 0, 1)] * 5
    p, r, _f = places.prf(*(sum(c[i] for c in counts) for i in range(3)))
    ci = places.interval(counts, rounds=500)
    assert ci["precision"][0] < p < ci["precision"][1] and ci["recall"][0] < r < ci["recall"][1]
    assert ci == places.interval(counts, rounds=500)  # seeded: the same figures every run


def test_the_web_speaker_draws_are_labelled_pages_of_their_own_and_locate_their_quotes(shared_dir):
    truth_file = shared_dir / "corpora" / "article-extraction-benchmark" / "ground-truth.json"
    if not truth_file.is_file():
        pytest.skip(f"the article-extraction benchmark is not at {truth_file}")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import web_speakers

    truth = web_speakers.pages(shared_dir)
    first, second, third = web_speakers.drawn(truth), web_speakers.drawn_second(truth), web_speakers.drawn_third(truth)
    assert len(first) == 45 and len(second) == 40 and len(third) == 26
    assert not set(first) & set(second) and not set(third) & (set(first) | set(second))
    for gold, keys in ((web_speakers.GOLD, first), (web_speakers.SECOND_GOLD, second),
                       (web_speakers.THIRD_GOLD, third)):
        stories = json.loads(gold.read_text(encoding="utf-8"))["stories"]
        assert [s["id"] for s in stories] == keys or sorted(s["id"] for s in stories) == sorted(keys)
        for story in stories:
            for q in story["quotes"]:
                assert q["quote"] in truth[story["id"]]["articleBody"], q["quote"]


def test_the_seventh_place_draw_is_labelled_twice_for_its_own_stories(shared_dir):
    if not (shared_dir / "corpora" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    first = json.loads(places.SEVENTH.read_text(encoding="utf-8"))
    second = json.loads((places.SEVENTH.parent / "seventh_second.json").read_text(encoding="utf-8"))
    drawn = places.seventh_sets(shared_dir)
    earlier = {a.id for sets in (places.sixth_sets(shared_dir), places.fifth_sets(shared_dir)) for arts in sets.values()
               for a in arts}
    counts = [0, 0, 0]
    for name, articles in drawn.items():
        keys = [a.id for a in articles]
        assert [r["key"] for r in first["sets"][name]] == keys == [r["key"] for r in second["sets"][name]]
        assert not set(keys) & earlier
        counts = [x + y for x, y in zip(counts, places.pair_counts(first["sets"][name], second["sets"][name]))]
    assert places.prf(*counts)[2] > 0.95  # two annotators who never saw each other's labels


def test_the_eighth_place_draw_labels_its_own_stories(shared_dir):
    if not (shared_dir / "corpora" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    gold = json.loads(places.EIGHTH.read_text(encoding="utf-8"))
    drawn = places.eighth_sets(shared_dir)
    seventh = {a.id for arts in places.seventh_sets(shared_dir).values() for a in arts}
    for name, articles in drawn.items():
        assert [r["key"] for r in gold["sets"][name]] == [a.id for a in articles]
        assert not {a.id for a in articles} & seventh
    # places.report, which prints the eighth draw among the development sets, is run once, in the ninth draw's test


def test_the_ninth_place_draw_is_development_data_and_the_tenth_is_held_out(shared_dir, capsys):
    if not (shared_dir / "corpora" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    gold = json.loads(places.NINTH.read_text(encoding="utf-8"))
    drawn = places.ninth_sets(shared_dir)
    earlier = {a.id for arts in places.eighth_sets(shared_dir).values() for a in arts}
    tenth = {a.id for arts in places.tenth_sets(shared_dir).values() for a in arts}
    development = {a.id for arts in places.development_sets(shared_dir).values() for a in arts}
    assert len(tenth) == 150 and not tenth & development  # the held-out draw is never developed on
    for name, articles in drawn.items():
        assert [r["key"] for r in gold["sets"][name]] == [a.id for a in articles]
        assert not {a.id for a in articles} & (earlier | tenth)
    eleventh = places.eleventh_sets(shared_dir)
    gold11 = json.loads(places.ELEVENTH.read_text(encoding="utf-8"))["sets"]
    for name, articles in eleventh.items():  # the eleventh draw: its own labels, outside every earlier draw
        assert [r["key"] for r in gold11[name]] == [a.id for a in articles] and len(articles) == 50
        assert not {a.id for a in articles} & (development | tenth | {a.id for a in drawn[name]})
    results = places.report(shared_dir, held_out=False)
    out = capsys.readouterr().out
    assert "HELD OUT" not in out and "tenth" not in results and "eleventh" not in results
    assert "Places, development: the ninth draw" in out and "Places, development: the eighth draw" in out
    assert results["ninth"]["all"]["stories"] == 150 and 0.85 < results["ninth"]["all"]["countries"][0] <= 1.0
    assert results["eighth"]["all"]["stories"] == 150 and 0.9 < results["eighth"]["all"]["countries"][0] <= 1.0


def test_the_second_wire_speaker_draw_is_labelled_for_its_own_stories_and_agrees_with_a_second_annotator(shared_dir):
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    first, second = wire_speakers.drawn(shared_dir), wire_speakers.drawn(shared_dir, "second")
    assert len(second) == 60 and not {a.id for a in first} & {a.id for a in second}
    gold = json.loads(wire_speakers.gold_path("second").read_text(encoding="utf-8"))["stories"]
    other = {s["id"]: s["quotes"] for s in json.loads(wire_speakers.second_labels_path("second").read_text(encoding="utf-8"))["stories"]}
    assert [s["id"] for s in gold] == [a.id for a in second] == list(other)
    bodies = {a.id: a.body for a in second}
    same = total = 0
    for story in gold:
        for q in story["quotes"]:
            assert q["quote"] in bodies[story["id"]], q["quote"]
            if q.get("optional") or not q["speaker"]:
                continue
            theirs = [o["speaker"] for o in other[story["id"]] if o["quote"] == q["quote"] and o["speaker"]]
            total += bool(theirs)
            same += bool(theirs) and q["speaker"].split()[-1].lower() in theirs[0].lower()
    assert total > 100 and same / total > 0.9  # two annotators who never saw each other's labels


def _speakers_alike(gold_path, other_path) -> tuple[int, int]:
    """(quotes both annotators list with a speaker, those where they name the same one: surname rule)."""
    import sys

    sys.path.insert(0, str(BENCH.parent))
    from extraction import overlap

    gold = json.loads(gold_path.read_text(encoding="utf-8"))["stories"]
    other = {s["id"]: s["quotes"] for s in json.loads(other_path.read_text(encoding="utf-8"))["stories"]}
    assert [s["id"] for s in gold] == list(other)
    same = total = 0
    for story in gold:
        for q in story["quotes"]:
            if q.get("optional") or not q["speaker"]:
                continue
            theirs = max(other[story["id"]], key=lambda o: overlap(o["quote"], q["quote"]), default=None)
            if theirs is None or overlap(theirs["quote"], q["quote"]) < 0.5 or not theirs["speaker"]:
                continue
            total += 1
            same += q["speaker"].split()[-1].lower() in theirs["speaker"].lower().split() \
                or theirs["speaker"].split()[-1].lower() in q["speaker"].lower().split()
    return total, same


@pytest.mark.parametrize("draw", ["fifth", "sixth", "seventh"])
def test_a_wire_draw_agrees_with_an_annotator_who_never_saw_its_labels(draw):
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    total, same = _speakers_alike(wire_speakers.gold_path(draw), wire_speakers.second_labels_path(draw))
    assert total > 120 and same / total > 0.9


@pytest.mark.parametrize("draw", ["third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
                                  "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                                  "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second",
                                  "twenty-third", "twenty-fourth", "twenty-fifth", "twenty-sixth", "twenty-seventh",
                                  "twenty-eighth", "twenty-ninth", "thirtieth", "thirty-first", "thirty-second",
                                  "thirty-third", "thirty-fourth", "thirty-fifth", "thirty-sixth", "thirty-seventh",
                                  "thirty-eighth", "thirty-ninth", "fortieth", "forty-first", "forty-second",
                                  "forty-third", "forty-fourth", "forty-fifth", "forty-sixth", "forty-seventh",
                                  "forty-eighth", "forty-ninth", "fiftieth", "fifty-first"])
def test_a_later_wire_speaker_draw_is_labelled_for_its_own_stories(shared_dir, draw):
    if not (shared_dir / "corpora" / "reuters21578").is_dir():
        pytest.skip("Reuters-21578 not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    order = list(wire_speakers.SEEDS)
    path, stories = wire_speakers.gold_path(draw), wire_speakers.drawn(shared_dir, draw)
    earlier = {a.id for d in order[:order.index(draw)] for a in wire_speakers.drawn(shared_dir, d)}
    assert len(stories) == 60 and not {a.id for a in stories} & earlier
    gold = json.loads(path.read_text(encoding="utf-8"))["stories"]
    assert [s["id"] for s in gold] == [a.id for a in stories]
    bodies = {a.id: a.body for a in stories}
    for story in gold:
        for q in story["quotes"]:
            assert q["quote"] in bodies[story["id"]], q["quote"]


@pytest.mark.parametrize("draw", ["ninth", "tenth"])
def test_a_place_draw_has_a_second_annotators_labels_that_agree_with_the_first(shared_dir, draw):
    if not (shared_dir / "corpora" / "polnear" / "train").is_dir():
        pytest.skip("PolNeAR train not found")
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import places

    gold = places.NINTH if draw == "ninth" else places.TENTH
    first = json.loads(gold.read_text(encoding="utf-8"))["sets"]
    second = json.loads((gold.parent / f"{draw}_second.json").read_text(encoding="utf-8"))["sets"]
    drawn = places.ninth_sets(shared_dir) if draw == "ninth" else places.tenth_sets(shared_dir)
    counts = [0, 0, 0]
    for name, rows in first.items():
        keys = [x.id for x in drawn[name]]
        assert [r["key"] for r in rows] == [r["key"] for r in second[name]] == keys
        counts = [x + y for x, y in zip(counts, places.pair_counts(rows, second[name]))]
    assert places.prf(*counts)[2] > 0.95  # two annotators who never saw each other's labels


def test_held_out_scorings_are_recorded_for_every_fresh_draw_and_pooled_by_weight():
    import sys

    sys.path.insert(0, str(BENCH.parent))
    import wire_speakers

    names = list(wire_speakers.SEEDS)
    assert list(wire_speakers.HELD_OUT) == names[names.index("eighth"):]  # every draw since the eighth, in order
    for draw, (_commit, right, wrong, none, n) in wire_speakers.HELD_OUT.items():
        stories = json.loads(wire_speakers.gold_path(draw).read_text(encoding="utf-8"))["stories"]
        required = sum(1 for s in stories for q in s["quotes"] if q["speaker"] and not q.get("optional"))
        assert 0 < n <= required and abs(right + wrong + none - 1) < 0.003, draw
    assert list(wire_speakers.HELD_OUT_NAMED) == list(wire_speakers.HELD_OUT)
    for draw, (commit, right, wrong, none, n) in wire_speakers.HELD_OUT_NAMED.items():
        assert commit == wire_speakers.HELD_OUT[draw][0] and n <= wire_speakers.HELD_OUT[draw][4], draw
        assert abs(right + wrong + none - 1) < 0.003, draw
    table = {"a": ("x", 0.8, 0.1, 0.1, 100), "b": ("y", 1.0, 0.0, 0.0, 300)}
    summary = wire_speakers.held_out_summary(table, resamples=200)
    assert summary["right"] == 0.95 and summary["quotes"] == 400 and summary["at_target"] == 1
    assert 0.8 <= summary["interval"][0] <= summary["interval"][1] <= 1.0
