"""The news-structure stage (search/rerank.py): a story that states the query in its headline and lead
outranks one that mentions it in passing late in the text, by learnt weights shipped with the package."""
from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from searchkit import Index
from searchkit.search import rerank
from searchkit.search.parser import parse

DAY = datetime(1987, 3, 2, tzinfo=timezone.utc)
FILLER = ("the board met on monday and said little else about its plan for the coming year while "
          "members of the committee went over the figures for each region one more time ")
# "passing" and "lead" hold the same words the same number of times under the same title, so their BM25F
# scores are equal ("passing" is added first, so it comes first on a tie); "passing" names tin once, late
# in the text, "lead" as its first word: where it stands says "lead" is the story about tin.
STORIES = {
    "passing": ("Council meets", f"producers met in London {FILLER * 3} and tin"),
    "lead": ("Council meets", f"tin producers met in London {FILLER * 3} and"),
    "other": ("Harvest news", "farmers said the wheat harvest was early this year"),
}


@pytest.fixture(scope="module")
def small(story_index) -> Index:
    return story_index("rerank", STORIES, DAY)


def scores(idx: Index, text: str, **options) -> dict[str, float]:
    """{story: score shown}, in the order listed."""
    return {h.id: h.score for h in idx.search(text, collapse=False, snippets=False, **options).hits}


def test_a_lead_match_outranks_a_late_passing_mention(small):
    off = scores(small, "tin", proximity=False)
    assert list(off) == ["passing", "lead"]  # BM25F alone: a tie
    assert off["passing"] == pytest.approx(off["lead"])
    on = scores(small, "tin")
    assert list(on) == ["lead", "passing"]
    assert on == pytest.approx(off)  # the scores shown stay BM25F's; only the order changes


def test_zero_weights_keep_the_first_stage_order(small, monkeypatch):
    monkeypatch.setattr(rerank, "weights", lambda: {name: 0.0 for name in rerank.FEATURES})
    assert list(scores(small, "tin").items()) == list(scores(small, "tin", proximity=False).items())


def test_the_weights_file_loads_and_is_used(small, monkeypatch):
    table = json.loads(rerank.WEIGHTS.read_text(encoding="utf-8"))
    assert set(table["weights"]) == set(rerank.FEATURES)
    rerank.weights.cache_clear()
    assert rerank.weights() == {name: pytest.approx(table["weights"][name]) for name in rerank.FEATURES}
    assert any(rerank.weights().values())
    rerank.span.cache_clear()
    assert rerank.span() == pytest.approx(table["span"]) and rerank.span() > 0
    seen = []
    real = rerank.weights
    monkeypatch.setattr(rerank, "weights", lambda: seen.append(1) or real())
    scores(small, "tin")
    assert seen


def test_features_are_read_from_the_postings(small):
    searcher = small.backend.searcher()
    docnums = {key: searcher.document_number(id=key) for key in ("passing", "lead")}
    found = rerank.features(searcher, ["tin", "council", "trader"], [docnums["passing"], docnums["lead"]], full=0)
    lead, passing = found[docnums["lead"]], found[docnums["passing"]]
    third = pytest.approx(1 / 3)
    assert lead == {"title": third, "lead": third, "body": third, "first": 1.0}  # "tin" is the body's first word
    assert passing["title"] == third and passing["lead"] == 0.0 and passing["body"] == third
    assert 0.0 < passing["first"] < 0.25  # "tin" is word 100 or so


@pytest.mark.parametrize("text, stems", [
    ("tin prices", ["tin", "price"]),
    ("tin -copper title:metals", ["tin"]),
    ("tin OR tin prices", ["tin", "price"]),
    ('"tin prices"', []),
])
def test_query_stems_are_the_free_words_typed(text, stems):
    assert rerank.query_stems(parse(text)) == stems


def test_lead_and_first_count_in_proportion_to_the_story_length(small):
    searcher = small.backend.searcher()
    docnum = searcher.document_number(id="lead")
    length = searcher.doc_field_length(docnum, "body", 0)
    whole = rerank.features(searcher, ["tin"], [docnum], full=0)[docnum]
    assert whole["lead"] == 1.0 and whole["first"] == 1.0
    assert rerank.features(searcher, ["tin"], [docnum], full=length)[docnum] == whole  # long enough: in full
    half = rerank.features(searcher, ["tin"], [docnum], full=2 * length)[docnum]
    assert half == {"title": 0.0, "lead": pytest.approx(0.5), "body": 1.0, "first": pytest.approx(0.5)}



def test_the_learnt_span_is_what_a_search_uses(small, monkeypatch):
    """The story length rule is read from the weights file at search time, not fixed in the code."""
    used = []
    monkeypatch.setattr(rerank, "span", lambda: used.append(1) or 1.0)
    monkeypatch.setattr(rerank, "weights", lambda: {"title": 0.0, "lead": 0.5, "body": 0.0, "first": 0.5})
    assert list(scores(small, "tin")) == ["lead", "passing"]
    assert used
