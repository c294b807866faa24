"""bench/pooled.py (TEST-D, pooled human judgments on PolNeAR): graded measures on hand-counted cases, the
judges' packets (random order, no system named), and the refusals (ungraded pooled documents, a second report)."""
from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def pooled(bench_module):
    return bench_module("pooled")


GRADES = {"a": 2, "b": 1, "c": 0, "d": 2}  # judged; "x" and "y" are not


def test_graded_ndcg_counts_grades_as_gains_with_the_ideal_from_every_judged_document(pooled):
    m = pooled.M
    # DCG: b (1) at rank 1, x unjudged, a (2) at rank 3 -> 1/log2(2) + 2/log2(4) = 2
    # ideal: 2, 2, 1 -> 2 + 2/log2(3) + 1/log2(4)
    ideal = 2 + 2 / math.log2(3) + 0.5
    assert m.graded_ndcg_at(["b", "x", "a"], GRADES) == pytest.approx(2 / ideal)
    assert m.graded_ndcg_at(["a", "d", "b", "c"], GRADES) == pytest.approx(1.0)
    assert m.graded_ndcg_at(["d", "a", "b"], GRADES) == pytest.approx(1.0)  # equal grades swap freely
    assert m.graded_ndcg_at(["b", "a", "d"], GRADES) < 1.0
    assert m.graded_ndcg_at(["x", "c"], GRADES) == 0.0
    assert m.graded_ndcg_at(["a"], {"a": 0}) == 0.0  # nothing relevant: no ideal


def test_ap_counts_unjudged_documents_as_not_relevant_over_the_known_relevant(pooled):
    per = pooled.M.graded_per_topic(["x", "a", "c", "b"], GRADES)
    # relevant: a, b, d (grade >= 1); a at rank 2 (1/2), b at rank 4 (2/4); d never retrieved -> (0.5 + 0.5) / 3
    assert per["ap"] == pytest.approx(1 / 3)
    assert per["p10"] == pytest.approx(0.2)
    assert per["relevant"] == 3 and per["relevant_retrieved"] == 2
    assert per["judged10"] == pytest.approx(0.75)  # x is not judged
    assert pooled.M.judged_at([], GRADES) == 1.0


def test_score_runs_leaves_out_topics_without_a_relevant_document(pooled):
    runs = {"T1": {"s": ["a", "x"]}, "T2": {"s": ["c"]}}
    results, dropped = pooled.score_runs(runs, {"T1": GRADES, "T2": {"c": 0}}, ["s"])
    assert dropped == ["T2"]
    assert list(results["s"]["per_topic"]) == ["T1"]
    assert results["s"]["map"] == pytest.approx(1 / 3)  # a at rank 1 of 3 relevant
    assert results["s"]["recall"] == pytest.approx(1 / 3)
    assert results["s"]["judged10"] == pytest.approx(0.5)


def test_pool_is_the_union_of_the_pooled_systems_top_documents(pooled):
    names = pooled.POOLED
    runs = {"T1": {names[0]: ["a", "b", "c"], names[1]: ["c", "d", "e"], pooled.SK_STRICT: ["z"]}}
    runs["T1"].update({n: [] for n in names[2:]})
    assert pooled.make_pool(runs, 2) == {"T1": ["a", "b", "c", "d"]}  # --strict is not pooled
    assert pooled.SK_STRICT not in names and pooled.SK_ANY in names and pooled.SK_DEFAULT in names
    table = pooled.sizes_table(runs, (1, 2))
    assert "| T1 | 2 | 4 |" in table and "| total | 2 (0.0 h) | 4 (0.0 h) |" in table


def topics_and_pool(pooled, n_topics: int = 4, per_topic: int = 20):
    topics = [pooled.Topic(f"D{i:02d}", f"query {i}", f"what {i} is", f"relevant when {i}")
              for i in range(1, n_topics + 1)]
    pool = {t.id: [f"{t.id.lower()}-story-{k:02d}" for k in range(per_topic + i)] for i, t in enumerate(topics)}
    texts = {key: (f"Title of {key}", f"Text of {key}. " + "word " * (2000 if key.endswith("03") else 10))
             for keys in pool.values() for key in keys}
    return topics, pool, texts


def test_packets_show_every_pooled_story_once_in_a_random_order_naming_no_system(pooled, tmp_path):
    topics, pool, texts = topics_and_pool(pooled)
    written = pooled.write_packets(topics, pool, texts, tmp_path, judges=2)
    assert sorted(p.name for p in written) == ["judgments_1.tsv", "judgments_2.tsv", "packet_1.md", "packet_2.md"]
    packets = "".join((tmp_path / f"packet_{n}.md").read_text(encoding="utf-8") for n in (1, 2))
    for name in ("searchkit", "tantivy", "fts5", "sqlite", "bm25", "rm3"):
        assert name not in packets.lower()
    sheets = [(tmp_path / f"judgments_{n}.tsv").read_text(encoding="utf-8").splitlines() for n in (1, 2)]
    assert all(s[0] == "topic\tkey\tgrade" for s in sheets)
    rows = [r.split("\t") for s in sheets for r in s[1:]]
    assert all(grade == "" for _t, _k, grade in rows)
    assert sorted((t, k) for t, k, _g in rows) == sorted((t, k) for t, keys in pool.items() for k in keys)
    assert abs(len(sheets[0]) - len(sheets[1])) <= 3  # 20, 21, 22, 23 documents: 43 and 43
    for topic, keys in pool.items():  # the packet's order is the sheet's, and neither sorted nor the run's
        shown = [k for t, k, _g in rows if t == topic]
        assert shown != keys and shown != sorted(keys) and shown != list(reversed(keys))
        headings = [ln.split()[2] for ln in packets.splitlines() if ln.startswith(f"### {topic} ")]
        assert headings == shown
    assert pooled.judging_order("D01", pool["D01"]) == pooled.judging_order("D01", list(reversed(pool["D01"])))
    assert "**Title of d01-story-00**" in packets and "query 1" in packets and "relevant when 1" in packets
    assert packets.count("[…truncated]") == 4  # each topic's story 03 is longer than the limit
    assert len(pooled.shown_text("x" * 7000)) == pooled.MAX_CHARS + len(" […truncated]")


def test_packets_stay_outside_the_repository(pooled, tmp_path):
    assert pooled.inside_repo(BENCH_DIR / "pooled" / "packets")
    assert not pooled.inside_repo(tmp_path)
    args = argparse.Namespace(packets=str(BENCH_DIR / "pooled" / "packets"), topics="unused")
    with pytest.raises(SystemExit, match="outside the repository"):
        pooled.pool(args)


def score_files(pooled, tmp_path, grades: str):
    names = [pooled.SK_ANY, pooled.SK_DEFAULT, "tantivy OR, title 0.75", "SQLite FTS5 AND, default bm25()"]
    runs = {"D01": {n: ["a", "b", "c"] for n in names}, "D02": {n: ["d", "e"] for n in names},
            "D03": {n: ["f"] for n in names}}
    runs["D01"][pooled.SK_ANY] = ["b", "a", "c"]
    runs_path, pool_path, qrels_path = tmp_path / "runs.json", tmp_path / "pool.json", tmp_path / "qrels.tsv"
    runs_path.write_text(json.dumps({
        "when": "then", "provenance": {"git_head": "abc1234", "dirty": False}, "settings": {}, "topics_file": "t.tsv",
        "stories": 6, "systems": names, "topics": {"D01": "q1", "D02": "q2", "D03": "q3"}, "runs": runs}),
        encoding="utf-8")
    pool_path.write_text(json.dumps({"depth_pool": 2, "systems": names[:3], "pool": {
        "D01": ["a", "b"], "D02": ["d", "e"], "D03": ["f"]}}), encoding="utf-8")
    qrels_path.write_text(grades, encoding="utf-8")
    return argparse.Namespace(runs=str(runs_path), pool=str(pool_path), qrels=[str(qrels_path)],
                              out=str(tmp_path / "results"), development=False, second=None, set="D")


ALL_GRADED = "topic\tkey\tgrade\nD01\ta\t2\nD01\tb\t0\nD02\td\t1\nD02\te\t\nD03\tf\t0\nD02\te\t2\n"


def test_score_refuses_while_a_pooled_document_has_no_grade(pooled, tmp_path, capsys):
    args = score_files(pooled, tmp_path, "topic\tkey\tgrade\nD01\ta\t2\nD01\tb\t\nD02\td\t1\nD03\tf\t0\n")
    with pytest.raises(SystemExit) as stop:
        pooled.score(args)
    message = str(stop.value)
    assert message.startswith("2 pooled documents have no grade")
    assert "D01\tb" in message and "D02\te" in message and "D01\ta" not in message
    assert not (tmp_path / "results").exists()


def test_score_writes_the_report_once(pooled, tmp_path, capsys):
    args = score_files(pooled, tmp_path, ALL_GRADED)
    pooled.score(args)
    out = tmp_path / "results"
    report = (out / "relevance_d.md").read_text(encoding="utf-8")
    data = json.loads((out / "relevance_d.json").read_text(encoding="utf-8"))
    assert data["dropped"] == ["D03"] and data["topics"] == 2
    sk_any = data["systems"][pooled.SK_ANY]
    assert sk_any["per_topic"]["D01"]["ap"] == pytest.approx(0.5)  # a (the one relevant) at rank 2
    assert data["systems"][pooled.SK_DEFAULT]["per_topic"]["D01"]["ap"] == pytest.approx(1.0)
    assert sk_any["per_topic"]["D02"]["ndcg10"] == pytest.approx((1 + 2 / math.log2(3)) / (2 + 1 / math.log2(3)))
    assert {(r["system"], r["anchor"]) for r in data["significance"]} == {
        (s, a) for s in (pooled.SK_ANY, pooled.SK_DEFAULT)
        for a in ("tantivy OR, title 0.75", "SQLite FTS5 AND, default bm25()")}
    assert "left out: D03" in report and "## Paired significance over topics" in report
    with pytest.raises(SystemExit, match="reported once"):
        pooled.score(args)
    args.development = True
    pooled.score(args)
    assert (out / "relevance_d_development.md").exists()
    assert pooled.refusal(out, development=True) is None
    assert pooled.refusal(out, development=False, test="E") is None  # TEST-E has its own one report
    assert "TEST-D is reported once" in pooled.refusal(out, development=False, test="D")


def test_grades_must_be_0_1_or_2_and_agree(pooled, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("topic\tkey\tgrade\nD01\ta\t3\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="not one of 0, 1, 2"):
        pooled.read_qrels([bad])
    bad.write_text("topic\tkey\tgrade\nD01\ta\t1\nD01\ta\t2\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="graded 2 here and 1 before"):
        pooled.read_qrels([bad])
    bad.write_text("topic key grade\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="header"):
        pooled.read_qrels([bad])
    good = tmp_path / "good.tsv"
    good.write_text("topic\tkey\tgrade\nD01\ta\t1\nD01\tb\t\nD01\tc\n", encoding="utf-8")
    assert pooled.read_qrels([good]) == {"D01": {"a": 1}}


def test_topics_file_needs_its_header_and_distinct_ids(pooled, tmp_path):
    path = tmp_path / "topics.tsv"
    path.write_text("id\tquery\tdescription\tnarrative\nD01\tclinton email\tdesc\tnarr\n", encoding="utf-8")
    assert pooled.read_topics(path) == [pooled.Topic("D01", "clinton email", "desc", "narr")]
    path.write_text("id\tquery\tdescription\tnarrative\nD01\ta\tb\tc\nD01\td\te\tf\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="twice"):
        pooled.read_topics(path)
    path.write_text("D01\ta\tb\tc\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="header"):
        pooled.read_topics(path)


def test_polnear_stories_have_their_file_stem_as_key_and_the_title_once(pooled, shared_dir):
    if not (shared_dir / "corpora" / "polnear" / "metadata.tsv").is_file():
        pytest.skip("PolNeAR not found; set SEARCHKIT_SHARED to the folder holding corpora/")
    articles = pooled.polnear_articles(str(shared_dir))
    assert len(articles) == 924
    by_key = {a.id: a for a in articles}
    nyt = by_key["nyt_2015-11-09_jobs-report-gives-democrats-a-li"]  # a two-line title
    assert nyt.title == "Jobs report gives Democrats a lift; Solid upturn, with a rise in hourly earnings, could " \
                        "blunt Republican claims"
    assert nyt.body.startswith("ABSTRACT.")
    story = by_key["breitbart_2015-11-11_the-ninth-circle-the-hellish-vie"]
    assert story.title == "The Ninth Circle: The Hellish View from Inside the Beltway, #2"
    assert story.body.startswith("In our last epistle from the Bottomless Pit")
    assert sum(a.body.startswith(a.title) for a in articles) == 0


def test_runs_files_round_trip_gzipped_or_not(pooled, tmp_path):
    data = {"runs": {"D01": {"x": ["a", "b"]}}, "when": "now"}
    for name in ("runs.json.gz", "runs.json"):
        pooled.write_runs(tmp_path / name, data)
        assert pooled.read_runs(tmp_path / name) == data
    assert (tmp_path / "runs.json.gz").read_bytes()[:2] == b"\x1f\x8b"  # gzip's magic number


def test_agreement_of_two_judges(pooled):
    first = {"D01": {"a": 2, "b": 0, "c": 1, "d": 0}, "D02": {"e": 2}}
    second = {"D01": {"a": 2, "b": 0, "c": 2, "d": 1}, "D03": {"x": 1}}
    agreed = pooled.agreement(first, second)
    assert agreed["pairs"] == 4 and agreed["topics"] == 2
    assert agreed["exact"] == 0.5 and agreed["relevant_agree"] == 0.75
    # kappa on relevance: observed 3/4, chance (2*1 + 2*3)/16 = 1/2, so (0.75 - 0.5) / 0.5
    assert abs(agreed["relevant_kappa"] - 0.5) < 1e-9
    assert agreed["table"] == {"0->0": 1, "0->1": 1, "1->2": 1, "2->2": 1}
    assert "0.500" in pooled.agreement_text(agreed) and pooled.agreement({}, {}) == {"pairs": 0}


def test_tune_scores_judged_documents_only_as_a_check_and_counts_the_judged_share(pooled):
    qrels = {"T1": GRADES}
    # x and y unjudged: with them, b is at rank 3 and a at rank 4; judged only, b and a lead (ranks 1 and 2)
    figures = pooled.tune_figures({"T1": ["x", "y", "b", "a"]}, qrels)
    assert figures["judged10"] == pytest.approx(0.5)
    ideal = 2 + 2 / math.log2(3) + 0.5
    assert figures["ndcg10"] == pytest.approx((1 / 2 + 2 / math.log2(5)) / ideal)
    assert figures["ndcg10_judged"] == pytest.approx((1 + 2 / math.log2(3)) / ideal)
    assert figures["ndcg10_judged"] > figures["ndcg10"]


def test_length_grid_sets_body_and_title_b_apart(bench_module):
    relevance = bench_module("relevance")
    settings = relevance.length_settings()
    assert len(settings) == len({tuple(s.items()) for s in settings}) == math.prod(map(len, relevance.LENGTH_GRID.values()))
    assert {s["title_b"] for s in settings} == set(relevance.LENGTH_GRID["title_b"])
    assert any(s["b"] != s["title_b"] for s in settings)


# -- TEST-F: the Reuters TEST split -----------------------------------------------------------------
def test_each_set_keeps_its_files_and_names_its_collection(pooled):
    pooled_dir = BENCH_DIR / "pooled"
    assert pooled.set_files("D") == {"runs": pooled_dir / "runs_polnear.json.gz",
                                     "pool": pooled_dir / "pool_polnear.json", "qrels": pooled_dir / "qrels_polnear.tsv"}
    assert pooled.set_files("E")["pool"] == pooled_dir / "pool_polnear_e.json"
    for test_set in ("D", "E"):  # the committed files of the spent sets are still where `score` looks
        assert all(path.is_file() for path in pooled.set_files(test_set).values())
        assert pooled.collection(test_set).read is pooled.polnear_articles
    assert pooled.set_files("F") == {"runs": pooled_dir / "runs_reuters_f.json.gz",
                                     "pool": pooled_dir / "pool_reuters_f.json", "qrels": pooled_dir / "qrels_reuters_f.tsv"}
    assert pooled.collection("F").read is pooled.reuters_test_articles
    assert "Reuters" in pooled.collection("F").label


RECORD = """<REUTERS TOPICS="{topics_attr}" LEWISSPLIT="{split}" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="{newid}">
<DATE> 8-APR-1987 00:38:26.78</DATE>
<TOPICS>{topics}</TOPICS>
<PLACES></PLACES>
<PEOPLE></PEOPLE>
<ORGS></ORGS>
<EXCHANGES></EXCHANGES>
<COMPANIES></COMPANIES>
<UNKNOWN> 
u f BC-SOMETHING   04-08 0113</UNKNOWN>
<TEXT{text_type}>&#2;
{text}</TEXT>
</REUTERS>
"""


def fake_reuters(folder: Path) -> Path:
    """A shared folder holding one small Reuters file: two TEST stories (one title only) and a TRAIN one."""
    import gzip

    story = ("<TITLE>COFFEE TALKS RESUME IN LONDON</TITLE>\n<DATELINE>    LONDON, April 8 - </DATELINE><BODY>Coffee "
             "producers and consumers resumed talks on export quotas.\n Reuter\n&#3;</BODY>")
    records = [RECORD.format(topics_attr="YES", split="TEST", newid=101, topics="<D>coffee</D>", text_type="",
                             text=story),
               RECORD.format(topics_attr="NO", split="TEST", newid=102, topics="", text_type=' TYPE="BRIEF"',
                             text="******<TITLE>Japan note auction yield record low -official\n</TITLE>Blah blah blah.\n&#3;\n"),
               RECORD.format(topics_attr="YES", split="TRAIN", newid=103, topics="<D>grain</D>", text_type="",
                             text=story.replace("COFFEE", "GRAIN"))]
    data = folder / "corpora" / "reuters21578"
    data.mkdir(parents=True)
    sgml = '<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + "".join(records)
    (data / "reut2-000.sgm.gz").write_bytes(gzip.compress(sgml.encode("latin-1")))
    return folder


def test_test_f_reads_every_story_of_the_reuters_test_split_title_only_ones_too(pooled, tmp_path):
    stories = pooled.reuters_test_articles(str(fake_reuters(tmp_path / "shared")))
    by_key = {a.id: a for a in stories}
    assert sorted(by_key) == ["101", "102"]  # the TRAIN story is left out
    assert by_key["101"].title == "COFFEE TALKS RESUME IN LONDON" and by_key["101"].dateline.startswith("LONDON")
    assert by_key["102"].body.strip() == "" and by_key["102"].title.startswith("Japan note auction")
    title, text = pooled.reuters_packet_text(by_key["101"])
    assert title == "COFFEE TALKS RESUME IN LONDON"
    assert text.startswith(f"*{by_key['101'].dateline}*\n\n") and "resumed talks on export quotas" in text
    assert pooled.reuters_packet_text(by_key["102"])[1] == "(No text: the story is its title only.)"


def test_reuters_packets_show_the_dateline_and_name_no_system(pooled, tmp_path):
    stories = pooled.reuters_test_articles(str(fake_reuters(tmp_path / "shared")))
    topics = [pooled.Topic("F01", "coffee quota", "coffee export quotas", "talks on quotas are relevant")]
    texts = {a.id: pooled.reuters_packet_text(a) for a in stories}
    pooled.write_packets(topics, {"F01": ["101", "102"]}, texts, tmp_path / "packets", judges=3)
    packet = (tmp_path / "packets" / "packet_1.md").read_text(encoding="utf-8")
    assert "### F01 101" in packet and "### F01 102" in packet and "*LONDON, April 8" in packet
    assert "title only" in packet
    assert not any(name in packet.lower() for name in ("searchkit", "tantivy", "fts5", "sqlite", "bm25"))
    assert not (tmp_path / "packets" / "packet_2.md").exists()  # one topic: one packet


def test_a_set_runs_only_its_own_topics_and_tune_refuses_an_unspent_set(pooled, tmp_path, monkeypatch):
    topics = [pooled.Topic("D01", "q", "d", "n"), pooled.Topic("F02", "q", "d", "n")]
    with pytest.raises(SystemExit, match="D01 are not TEST-F's"):
        pooled.check_topic_ids(topics, "F")
    pooled.check_topic_ids(topics[1:], "F")
    monkeypatch.setitem(pooled.SETS, "N", pooled.PooledSet("reuters_n", "reuters-all", "reuters_topics_n.tsv", 1.5))
    with pytest.raises(SystemExit, match="TEST-N is not tuned on"):  # a set not scored yet is never tuned on
        pooled.tune(argparse.Namespace(set="N"))
    assert {"K", "L", "M"} <= set(pooled.TUNABLE)  # scored once: development data since


def test_test_g_reads_the_train_split_and_test_h_polnear(pooled, tmp_path):
    stories = pooled.reuters_train_articles(str(fake_reuters(tmp_path / "shared")))
    assert stories and all("split:train" in a.tags for a in stories)
    assert pooled.collection("G").read is pooled.reuters_train_articles
    assert pooled.collection("H").read is pooled.polnear_articles
    assert pooled.set_files("G")["qrels"].name == "qrels_reuters_g.tsv"
    assert pooled.set_files("H")["runs"].name == "runs_polnear_h.json.gz"


def test_test_f_is_scored_once_under_its_own_name(pooled, tmp_path, capsys):
    args = score_files(pooled, tmp_path, ALL_GRADED)
    args.set = "F"
    pooled.score(args)
    out = tmp_path / "results"
    report = (out / "relevance_f.md").read_text(encoding="utf-8")
    assert report.startswith("# searchkit relevance — TEST-F: Reuters-21578 TEST") and "LEWISSPLIT" in report
    assert not (out / "relevance_d.md").exists()
    with pytest.raises(SystemExit, match="TEST-F is reported once"):
        pooled.score(args)
    assert pooled.refusal(out, development=False, test="D") is None


def test_combine_takes_each_sets_better_anchor_per_measure_and_leaves_the_and_runs_out(pooled):
    report = {"systems": {
        pooled.SK_ANY: {"map": 0.6, "ndcg10": 0.7, "per_topic": {"T1": {"ap": 0.6, "ndcg10": 0.8}, "T2": {"ap": 0.6, "ndcg10": 0.6}}},
        "tantivy OR, default weights": {"map": 0.5, "ndcg10": 0.65,
                                        "per_topic": {"T1": {"ap": 0.4, "ndcg10": 0.7}, "T2": {"ap": 0.6, "ndcg10": 0.6}}},
        "SQLite FTS5 OR, default bm25()": {"map": 0.55, "ndcg10": 0.6,
                                           "per_topic": {"T1": {"ap": 0.5, "ndcg10": 0.6}, "T2": {"ap": 0.6, "ndcg10": 0.6}}},
        "SQLite FTS5 AND, default bm25()": {"map": 0.9, "ndcg10": 0.9,
                                            "per_topic": {"T1": {"ap": 0.9, "ndcg10": 0.9}, "T2": {"ap": 0.9, "ndcg10": 0.9}}}}}
    anchor, deltas = pooled.better_anchor_deltas(report, pooled.SK_ANY, "ap")
    assert anchor == "SQLite FTS5 OR, default bm25()" and deltas == pytest.approx([0.1, 0.0])
    anchor, deltas = pooled.better_anchor_deltas(report, pooled.SK_ANY, "ndcg10")
    assert anchor == "tantivy OR, default weights" and deltas == pytest.approx([0.1, 0.0])
