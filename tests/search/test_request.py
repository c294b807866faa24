"""The SearchRequest seam: built once from options, validated, run by the API, extended by pipeline steps."""
from __future__ import annotations

import sys
from dataclasses import FrozenInstanceError, replace
from datetime import datetime, timezone
from pathlib import Path

import pytest

from searchkit import ArgumentError
from searchkit.search import pipeline
from searchkit.search import request as rq
from searchkit.search.request import SearchRequest

BASE = datetime(2021, 7, 14, tzinfo=timezone.utc)
SEED_ID = "000_e282b53e72c4bdf8"


@pytest.fixture(scope="module")
def seed(seed_index_shared):
    return seed_index_shared


def test_build_takes_every_option_by_name_once():
    request = SearchRequest.build("prison escape", limit=5, page=2, sort="date", match="any", location="kabul",
                                  source="islam times", facets=["year"], recency=7, fuzzy=True, collapse=False,
                                  basedate=BASE)
    assert (request.limit, request.page, request.sort, request.facets) == (5, 2, "date", ("year",))
    assert (request.filters.location, request.filters.source) == ("kabul", "islam times")
    assert (request.options.match, request.options.recency, request.options.collapse) == ("any", 7, False)
    assert request.options.basedate == BASE
    with pytest.raises(FrozenInstanceError):
        request.limit = 3  # type: ignore[misc]


@pytest.mark.parametrize("options", [{"limit": 0}, {"colour": "red"}, {"sort": "size"}, {"facets": ["colour"]},
                                     {"date_from": "2021"}, {"match": "most"}, {"recency": -1}])
def test_bad_options_are_argument_errors(options):
    with pytest.raises(ArgumentError):
        SearchRequest.build("prison", **options)


def test_from_after_to_is_an_argument_error_naming_both():
    with pytest.raises(ArgumentError, match=r"ends before it starts \(from 1987-10-01 > to 1987-03-31\)"):
        SearchRequest.build("opec", date_from=datetime(1987, 10, 1, tzinfo=timezone.utc),
                            date_to=datetime(1987, 3, 31, 23, 59, 59, 999999, tzinfo=timezone.utc))
    same_day = datetime(1987, 3, 31, tzinfo=timezone.utc)
    assert SearchRequest.build("opec", date_from=same_day, date_to=same_day).filters.span == (same_day, same_day)


def test_the_api_runs_a_request_or_builds_one(seed):
    request = SearchRequest.build("prison escape", limit=3, basedate=BASE)
    by_request, by_text = seed.search(request), seed.search("prison escape", limit=3, basedate=BASE)
    assert [h.id for h in by_request.hits] == [h.id for h in by_text.hits] == [SEED_ID]
    assert seed.request("prison escape", limit=3, basedate=BASE) == request
    assert seed.facets("prison", facets=["year"]) == {"year": [("2021", 1)]}
    with pytest.raises(ArgumentError):
        seed.search(request, limit=5)


def test_pipeline_steps_rewrite_requests_and_complete_results(seed):
    def expand(request, backend):  # what query expansion will do: add a weighted word to the tree
        extra = rq.Word(text="taliban", boost=0.5, start=len(request.text), end=len(request.text))
        return replace(request, query=rq.Or(children=(request.query, extra)))

    def mark(request, results, backend):
        return replace(results, notes=[*results.notes, f"expanded: {request.text}"])

    request = SearchRequest.build("zzyzx", basedate=BASE)
    assert seed.search(request).total == 0
    results = pipeline.run(seed.backend, request, rewrites=[expand], completions=[mark])
    assert [h.id for h in results.hits] == [SEED_ID] and results.notes == ["expanded: zzyzx"]


class _SlowWhenWidened:
    """A backend whose widened (feedback) queries run over the time limit, as `--any "cocoa NOT s*"` did."""

    def __init__(self, backend):
        self.backend = backend

    def __getattr__(self, name):
        return getattr(self.backend, name)

    def search(self, request):
        from searchkit.errors import QueryLimitError

        if isinstance(request.query, rq.Expanded):
            raise QueryLimitError("over the time limit")
        return self.backend.search(request)


def test_default_feedback_over_the_time_limit_falls_back_to_the_query_as_typed(seed):
    from searchkit.errors import QueryLimitError

    def widen(request, backend):
        words = (rq.Word(text="taliban", boost=0.5, start=len(request.text), end=len(request.text)),)
        return replace(request, query=rq.Expanded(query=request.query, words=words, widen=True))

    slow = _SlowWhenWidened(seed.backend)
    by_default = SearchRequest.build("prison escape", match="any", basedate=BASE)
    results = pipeline.run(slow, by_default, rewrites=[widen], completions=[])
    assert [h.id for h in results.hits] == [SEED_ID] and results.expansion == ()
    assert any("time limit" in note for note in results.notes)
    asked = SearchRequest.build("prison escape", match="any", expand=True, basedate=BASE)
    with pytest.raises(QueryLimitError):  # feedback the user asked for is not dropped silently
        pipeline.run(slow, asked, rewrites=[widen], completions=[])


def test_bylines_go_through_the_request(seed):
    request = SearchRequest.build('byline:"jane smith" prison', author="smith", facets=["author"])
    assert request.query.children[0] == rq.Phrase(text="jane smith", field="author", start=0, end=19)
    assert request.filters.author == "smith" and request.facets == ("author",)
    assert seed.search(request).total == 0  # the seed story has no byline
    hit = seed.search("prison", facets=["author"]).hits[0]
    assert hit.authors == () and hit.to_dict()["authors"] == []


def test_the_same_request_translates_for_the_anchors():
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    try:
        from translate import to_fts5, to_tantivy
    finally:
        sys.path.pop(0)
    request = SearchRequest.build('oil date:[1987-03-01 to 1987-03-31] "crude prices" NOT title:gas', basedate=BASE)
    assert to_tantivy(request) == ('(oil date:[1987-03-01T00:00:00Z TO 1987-03-31T23:59:59Z] "crude prices" '
                                   '-title:gas)')
    expr, low, high = to_fts5(request)
    assert expr == '({title body} : "oil" AND {title body} : "crude prices") NOT title : "gas"'
    assert (low[:10], high[:10]) == ("1987-03-01", "1987-03-31")
    with pytest.raises(ValueError, match="speaker"):
        to_tantivy(SearchRequest.build("speaker:shams"))
