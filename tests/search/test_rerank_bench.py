"""bench/rerank.py: the features it learns on are the stage's (the length rule included), and the span it
ships is the one whose weights fit the training topics best."""
from __future__ import annotations

import pytest

from searchkit.search.rerank import FEATURES


@pytest.fixture(scope="module")
def bench(bench_module):
    return bench_module("rerank")


def test_a_short_story_s_lead_and_first_count_by_its_length(bench):
    body = ["tin"] + ["word"] * 49  # 50 words, "tin" first
    full = bench.features(["tin", "price"], ["metal"], body, 50, 0)
    assert full == {"title": 0.0, "lead": 0.5, "body": 0.5, "first": 1.0}
    quarter = bench.features(["tin", "price"], ["metal"], body, 50, 200)
    assert quarter == {"title": 0.0, "lead": pytest.approx(0.125), "body": 0.5, "first": pytest.approx(0.25)}
    long_story = ["tin"] + ["word"] * 299
    assert bench.features(["tin"], [], long_story, 50, 200)["lead"] == 1.0  # 300 words: in full


def test_learn_picks_the_span_whose_fit_is_best(bench, monkeypatch):
    # one topic, two hits: the relevant one is second by score and its lead holds the query only when the
    # span is short (100), so only that span can lift it to the top
    def hit(score, lead_by_span):
        return {span: {"score": score, "title": 0.0, "lead": lead_by_span(span), "body": 0.0, "first": 0.0}
                for span in bench.SPANS}
    topics = {"t1": (["x", "y"], [hit(1.0, lambda s: 0.0), hit(0.95, lambda s: 1.0 if s == 100 else 0.0)],
                     {"y": 2, "x": 0}, 20)}
    span, weights = bench.learn([topics], FEATURES)
    assert span == 100 and weights["lead"] > 0.05
