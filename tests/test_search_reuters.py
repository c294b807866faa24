"""Search over the whole of Reuters-21578: counts, phrases, fields, dates, sorting."""
from __future__ import annotations

from datetime import datetime, timezone


def ids(results):
    return [h.id for h in results.hits]


def test_every_story_read_and_those_with_text_indexed(reuters_index):
    report = reuters_index.report
    assert report.files == 22
    assert report.added + report.skipped == 21578
    assert report.added >= 21_500  # only records with neither title nor text are skipped
    assert reuters_index.stats()["articles"] == report.added


def test_phrase_occurring_in_exactly_one_story(reuters_index):
    results = reuters_index.search('"showers continued throughout the week"')
    assert ids(results) == ["1"]
    assert "<b>Showers</b> <b>continued</b> <b>throughout</b> <b>the</b> <b>week</b>" in results.hits[0].snippet
    assert results.hits[0].title == "BAHIA COCOA REVIEW"


def test_ranking_prefers_title_matches(reuters_index):
    results = reuters_index.search("cocoa", limit=10)
    assert results.total > 50
    assert sum("COCOA" in h.title.upper() for h in results.hits) >= 8


def test_tag_and_date_filters(reuters_index):
    cocoa = reuters_index.search("tag:cocoa", limit=200)
    assert 50 <= cocoa.total <= 80
    day = reuters_index.search("cocoa date:1987-02-26", limit=50)
    assert day.total >= 1
    assert all(h.date.date().isoformat() == "1987-02-26" for h in day.hits)
    start = datetime(1987, 3, 1, tzinfo=timezone.utc)
    march = reuters_index.search("cocoa", date_from=start, date_to=datetime(1987, 3, 31, 23, 59, tzinfo=timezone.utc),
                                 limit=100)
    assert march.total >= 1 and all(h.date.month == 3 for h in march.hits)


def test_sort_by_date_and_pagination(reuters_index):
    newest = reuters_index.search("coffee", sort="date", limit=20)
    dates = [h.date for h in newest.hits]
    assert dates == sorted(dates, reverse=True)
    oldest = reuters_index.search("coffee", sort="oldest", limit=5)
    assert oldest.hits[0].date <= dates[-1]
    page2 = reuters_index.search("coffee", limit=10, page=2)
    page1 = reuters_index.search("coffee", limit=10, page=1)
    assert not set(ids(page1)) & set(ids(page2))
    assert page2.hits[0].rank == 11


def test_location_from_metadata_and_text(reuters_index):
    # NEWID 1: PLACES el-salvador, usa, uruguay; dateline SALVADOR (Bahia, Brazil)
    assert "1" in ids(reuters_index.search('"showers continued" location:uruguay'))
    assert "1" in ids(reuters_index.search('"showers continued" country:"united states"'))
    japan = reuters_index.search("location:japan", limit=5)
    assert japan.total > 500


def test_deep_match_in_a_long_story_is_highlighted(reuters_index, reuters_dir):
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    longest = max((a for a in read_paths(sorted(reuters_dir.glob("reut2-*.sgm.gz"))) if isinstance(a, Article)),
                  key=lambda a: len(a.body))
    assert len(longest.body) > 10_000
    words = [w for w in longest.body[-2000:].split() if w.isalpha() and len(w) > 5]
    tail_word = words[-1]
    hit = reuters_index.search(f"id:{longest.id} {tail_word}").hits[0]
    assert hit.id == longest.id
    assert f"<b>{tail_word.lower()}</b>" in hit.snippet.lower()


def test_totals_count_every_matching_story(reuters_index):
    # Whoosh's top-N shortcuts (block skipping, replacing an OR by its stronger side) undercount;
    # `matched` must equal an independent count of the matching documents, and `total` the number
    # of near-duplicate clusters among them when folding (the hits a reader can page through).
    from whoosh import query

    from searchkit.search.request import Filters, SearchRequest
    from searchkit.search.whoosh_query import make_filter, translate

    searcher = reuters_index.backend.searcher()
    cases = [("oil", {}), ("oil OR gas", {}), ("copper OR zinc OR lead", {}), ('"bank of japan"', {}),
             ("title:dollar body:intervention", {}), ("trade", {"location": "japan"}),
             ("gold NOT silver", {"sort": "date"}), ("*", {}), ("* date:[1987-03-01 to 1987-03-31]", {})]
    for text, options in cases:
        # the whole query, dates as index terms, words widened to their indexed forms as a search does
        q = translate(SearchRequest.build(text), searcher.schema, reader=searcher.reader())
        location = options.get("location")
        if location:
            q = query.And([q, make_filter(Filters(location=location), searcher.schema)])
        docs = list(searcher.docs_for_query(q))
        expected = len(docs)
        clusters = len({searcher.stored_fields(d)["cluster"] for d in docs})
        assert expected > 20, text
        for collapse in (True, False):
            results = reuters_index.search(text, collapse=collapse, **options)
            assert results.matched == expected, (text, collapse, results.matched, expected)
            assert results.total == (clusters if collapse else expected), (text, collapse, results.total)
            assert len(results.hits) == 10


def test_date_sorted_hits_carry_no_relevance_score(reuters_index):
    by_date = reuters_index.search("oil", sort="date", limit=5)
    assert [h.score for h in by_date.hits] == [None] * 5  # not Whoosh's sort key posing as a score
    assert by_date.hits[0].to_dict()["score"] is None
    assert all(h.score > 0 for h in reuters_index.search("oil", limit=5).hits)


def test_author_field_filter_facet_and_stats(reuters_index):
    """Bylines from <AUTHOR>: 24 stories are by Peter Torday, spelt four ways."""
    torday = reuters_index.search("author:torday", limit=50, collapse=False)
    assert torday.total == reuters_index.search("*", author="peter torday", collapse=False).total
    assert torday.total == 24  # "By Peter Torday, Reuters" 18, without the agency 4, in capitals 2
    assert all(h.authors == ("Peter Torday",) for h in torday.hits)
    facet = reuters_index.search("*", facets=["author"], facet_top=3, collapse=False).facets["author"]
    top = [("Patti Domm", 24), ("Peter Torday", 24), ("Chaitanya Kalbag", 23)]  # Domm: 6 spellings, one "AND"
    assert facet == top
    assert reuters_index.stats()["authors"][:3] == top


def test_a_speaker_named_two_ways_across_stories_is_one_person(reuters_index):
    """Wire copy writes "President Reagan" (speaker "Reagan"); a few stories name him in full. Facet, stats
    and the --speaker filter count him once, under his full name, with the same stories."""
    facet = dict(reuters_index.search("*", facets=["speaker"], facet_top=50, collapse=False).facets["speaker"])
    assert "Reagan" not in facet and facet["Ronald Reagan"] >= 50
    assert reuters_index.search("*", speaker="Ronald Reagan", collapse=False).total == facet["Ronald Reagan"]
    assert dict(reuters_index.stats(top=50)["speakers"])["Ronald Reagan"] == facet["Ronald Reagan"]
    assert "Robert Dole" in facet and "Dole" not in reuters_index.backend.people()  # Elizabeth Dole speaks too
