"""The proximity stage (search/proximity.py): query words next to each other lift a story, as a
separate re-rank of the best BM25F hits that never adds, drops or reorders anything else."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from searchkit import ArgumentError, Index
from searchkit.cli import main
from searchkit.search import proximity, rerank
from searchkit.search.request import SearchRequest

DAY = datetime(1987, 3, 2, tzinfo=timezone.utc)
FILLER = "the board met on monday and said little else about the plan for the coming year"
# "apart" and "together" hold the same words the same number of times in bodies of the same
# length, so their BM25F scores are equal; only the order of the words differs. "apart" is added
# first, so it comes first when scores tie.
STORIES = {
    "apart": ("Bank statement", f"interest {FILLER} said rates were steady"),
    "together": ("Bank statement", f"interest rates {FILLER} said were steady"),
    "split_fields": ("Talks on interest", f"rates {FILLER} said were steady"),
    "other": ("Harvest news", "farmers said the wheat harvest was early this year"),
}


@pytest.fixture(scope="module")
def small(story_index):
    return story_index("proximity", STORIES, DAY)


def ranked(idx: Index, text: str, **options) -> list[tuple[str, float]]:
    return [(h.id, h.score) for h in idx.search(text, collapse=False, snippets=False, **options).hits]


def test_adjacent_words_outrank_the_same_words_far_apart_at_equal_bm25f(small):
    plain = dict(ranked(small, "interest rates", proximity=False))
    assert plain["apart"] == pytest.approx(plain["together"])
    tied = [i for i, _ in ranked(small, "interest rates", proximity=False) if i in ("apart", "together")]
    assert tied == ["apart", "together"]
    near = ranked(small, "interest rates")
    assert near[0][0] == "together"
    assert dict(near)["together"] > dict(near)["apart"] == pytest.approx(plain["apart"])


def test_words_in_the_wrong_order_or_split_between_title_and_body_get_no_bonus(small):
    bonus = {text: dict(ranked(small, text))["together"] - dict(ranked(small, text, proximity=False))["together"]
             for text in ("interest rates", "rates interest")}
    assert bonus["rates interest"] < bonus["interest rates"]  # "interest rates" is not "rates interest"
    both = dict(ranked(small, "interest rates"))
    assert both["split_fields"] == pytest.approx(dict(ranked(small, "interest rates", proximity=False))["split_fields"])


def test_off_is_bm25f_order_and_the_same_as_weight_zero(reuters_index, monkeypatch):
    for text in ("interest rates", "money supply growth", "consumer price index"):
        off = ranked(reuters_index, text, proximity=False, limit=50)
        assert [s for _, s in off] == sorted((s for _, s in off), reverse=True)
        monkeypatch.setattr(proximity, "WEIGHT", 0.0)
        monkeypatch.setattr(rerank, "POOL", 0)  # the news-structure stage, also off with proximity=False
        assert ranked(reuters_index, text, limit=50) == off
        monkeypatch.undo()
        assert ranked(reuters_index, text, limit=50) != off  # the stage does change these rankings


def test_the_rerank_never_adds_drops_or_moves_hits_past_the_pool(reuters_index, monkeypatch):
    monkeypatch.setattr(proximity, "POOL", 40)
    monkeypatch.setattr(rerank, "POOL", 40)
    for text, options in (("interest rates", {}), ("crude oil prices", {"match": "any"}), ("trade deficit japan", {})):
        on = reuters_index.search(text, collapse=False, snippets=False, limit=300, **options)
        off = reuters_index.search(text, collapse=False, snippets=False, limit=300, proximity=False, **options)
        assert (on.total, on.matched, on.partial) == (off.total, off.matched, off.partial)
        assert sorted(h.id for h in on.hits) == sorted(h.id for h in off.hits)
        assert {h.id for h in on.hits[:40]} == {h.id for h in off.hits[:40]}
        # the partial matches that fill the page are a ranking of their own, with its own pool
        assert [h.id for h in on.hits[40:] if not h.partial] == [h.id for h in off.hits[40:] if not h.partial]
        assert [h.partial for h in on.hits] == [h.partial for h in off.hits]


def test_pages_are_slices_of_one_ranking(reuters_index):
    whole = [h.id for h in reuters_index.search("interest rates", limit=30, snippets=False).hits]
    pages = [h.id for page in (1, 2, 3)
             for h in reuters_index.search("interest rates", limit=10, page=page, snippets=False).hits]
    assert pages == whole


@pytest.mark.parametrize("text, expected", [
    ("consumer price index", [("consum", "price"), ("price", "index")]),
    ("interest rates cut", [("interest", "rate"), ("rate", "cut")]),
    ('"crude oil" prices', []),  # a phrase is proximity already, and it ends a run
    ("oil title:gas prices", []),  # a field clause between the words breaks the run
    ("gold NOT silver", []),
    ("oil", []),
    ("oil oil", []),
    ("money supply OR reserves", [("suppli", "reserv")]),  # money, then the OR: a run of its own
    ("(money supply) OR reserves", [("money", "suppli")]),
    ("(money supply) growth", [("money", "suppli")]),
])
def test_pairs_are_free_words_typed_next_to_each_other(text, expected):
    assert proximity.pairs(SearchRequest.build(text)) == expected


def test_window_counts_count_each_occurrence_of_the_first_word_once():
    gap, window = proximity.ORDERED_GAP, proximity.WINDOW
    assert proximity.window_counts([3], [3 + gap]) == (1, 1)
    assert proximity.window_counts([3, 40], [3 + gap, 40 + gap, 41 + gap]) == (2, 2)
    assert proximity.window_counts([3 + gap], [3]) == (0, 1)  # near, not in order
    assert proximity.window_counts([3], [3 + gap + 1]) == (0, 1)
    assert proximity.window_counts([3], [3 + window + 1]) == (0, 0)


def test_positions_are_read_from_the_index_as_written(small):
    searcher = small.backend.searcher()
    together = searcher.document_number(id="together")
    counts = proximity.pair_counts(searcher, [("interest", "rate"), ("rate", "interest")], [together])
    assert counts["interest", "rate"][together][0] == 1
    assert counts["rate", "interest"].get(together, (0, 0))[0] == 0


def test_the_option_is_checked_and_the_cli_can_turn_it_off(small):
    with pytest.raises(ArgumentError):
        SearchRequest.build("interest rates", proximity="no")
    out = CliRunner().invoke(main, ["query", "interest rates", "--no-proximity", "--index", str(small.path),
                                    "--json", "--all"])
    assert out.exit_code == 0, out.output
    assert out.output.index('"id": "apart"') < out.output.index('"id": "together"')
    out = CliRunner().invoke(main, ["query", "interest rates", "--index", str(small.path), "--json", "--all"])
    assert out.output.index('"id": "together"') < out.output.index('"id": "apart"')


def test_explain_shows_the_bonus(small):
    hit = small.search("interest rates", explain=True, collapse=False).hits[0]
    part, = [p for p in hit.extra["explain"] if p.get("proximity")]
    assert part["term"] == "interest rate"
    assert part["score"] > 0
    assert hit.score == pytest.approx(sum(p["score"] for p in hit.extra["explain"]), abs=1e-3)
