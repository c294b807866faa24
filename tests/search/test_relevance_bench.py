"""bench/relevance.py's held-out splits: TEST-C (the NOT-USED stories) has the topics counted for it and,
like TEST and TEST-B, is reported once and never tuned on."""
from __future__ import annotations

from pathlib import Path

import pytest

BENCH_DIR = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture(scope="module")
def bench(bench_module):
    return bench_module("relevance")


def both(bench) -> list[Path]:
    return [BENCH_DIR / name for name in bench.NOT_USED_QUERIES]


def test_test_c_is_the_not_used_stories_with_the_topics_counted_for_it(bench, reuters_dir):
    stories, topics, qrels, small = bench.load_split(str(reuters_dir.parents[1]), bench.NOT_USED, both(bench))
    assert len(stories) == 722
    assert all("split:not-used" in a.tags for a in stories)
    assert len(topics) == 48  # 44 of the 50 TEST topics and 4 of the 19 TEST-B ones
    assert {t for t, _q in topics} >= {"money-fx", "acq", "earn", "rapeseed", "silver", "heat", "hog", "wpi"}
    assert min(len(ids) for ids in qrels.values()) == 3
    assert dict(small)["meal-feed"] == 2 and dict(small)["platinum"] == 0
    assert len(small) == 50 + 19 - 48
    ids = {a.id for a in stories}
    assert all(rel <= ids for rel in qrels.values())


def test_held_out_splits_run_once_and_untuned(bench, tmp_path):
    queries = both(bench)
    assert bench.results_stem(bench.NOT_USED, queries) == "relevance_c"
    assert bench.held_out_refusal(bench.NOT_USED, queries, tmp_path, development=False) is None
    assert "TRAIN only" in bench.held_out_refusal(bench.NOT_USED, queries, tmp_path, development=True)
    assert "both" in bench.held_out_refusal(bench.NOT_USED, queries[:1], tmp_path, development=False)
    assert "both" in bench.held_out_refusal(bench.NOT_USED, queries[::-1], tmp_path, development=False)
    assert "one query file" in bench.held_out_refusal("test", queries, tmp_path, development=False)
    (tmp_path / "relevance_c.md").write_text("spent\n", encoding="utf-8")
    assert "reported once" in bench.held_out_refusal(bench.NOT_USED, queries, tmp_path, development=False)
    assert bench.held_out_refusal("train", queries, tmp_path, development=True) is None


def test_the_spent_reports_are_refused(bench):
    results = BENCH_DIR / "results"
    assert (results / "relevance.md").exists() and (results / "relevance_b.md").exists()
    for queries in ([BENCH_DIR / "queries_relevance.tsv"], [BENCH_DIR / "queries_relevance_b.tsv"]):
        assert "reported once" in bench.held_out_refusal("test", queries, results, development=False)
    assert (results / "relevance_c.md").exists()  # TEST-C, run once (settings frozen at 39af89d)
    assert "reported once" in bench.held_out_refusal(bench.NOT_USED, both(bench), results, development=False)
