"""Word queries scored a term at a time (search/flat.py, search/bm25.py) give Whoosh's own answers."""
from __future__ import annotations

import pytest
from whoosh import scoring

from searchkit import Article, Index
from searchkit.search import bm25, flat

QUERIES = ["oil", "crude oil prices", "earnings per share", "oil OR gas", "copper OR zinc OR lead",
           "gold NOT silver", "oil NOT gas NOT opec", "oil OR (gas AND NOT pipeline)", "(oil OR gas)^2 opec",
           "title:oil^3 OR opec", "location:japan trade", "title:dollar body:intervention", '"crude oil" opec',
           'oil -"crude oil"', '"bank of japan"', "cocoa NOT s*", "ex* NOT e*", "date:[1987-03-01 to 1987-03-31] oil",
           "escaping prisoners", "zzzunknownword oil"]
# `--any` without its default feedback: the widened queries are the same word sums, and Whoosh's own matchers take
# over 2 s on some of them ("cocoa NOT s*" OR twenty feedback words), which stops them.
OPTIONS = [{}, {"match": "any", "expand": False}, {"sort": "date"}, {"collapse": False, "limit": 50}, {"location": "japan"},
           {"facets": ["location", "source"]}]


def whooshs_own(monkeypatch):
    """Every query through Whoosh's matcher tree and Whoosh's BM25F scorer, as before flat.py and bm25.py."""
    from searchkit.search import ranking

    monkeypatch.setattr(flat, "matcher", lambda q, searcher, context: q.matcher(searcher, context))
    monkeypatch.setattr(ranking, "QUERY_SECONDS", 60.0)  # the slow path on a loaded machine is not under test here
    monkeypatch.setattr(ranking, "WEIGHTING", scoring.BM25F(B=ranking.WEIGHTING.B, K1=ranking.WEIGHTING.K1,
                                                            title_B=ranking.WEIGHTING._field_B["title"]))


def answers(idx: Index) -> list:
    out = []
    for text in QUERIES:
        for options in OPTIONS:
            r = idx.search(text, fill=False, correct=False, **options)
            out.append((text, options, r.total, r.matched, r.facets,
                        [(h.id, None if h.score is None else round(h.score, 9)) for h in r.hits]))
    return out


def test_the_same_hits_scores_totals_and_facets_as_whooshs_matchers(reuters_index, tmp_path, monkeypatch):
    ours = answers(reuters_index)
    assert sum(1 for a in ours if a[5]) > 0.8 * len(ours)  # the queries find stories
    other = Index(reuters_index.path)  # a second handle, so no searcher or cache is shared
    whooshs_own(monkeypatch)
    theirs = answers(other)
    other.close()
    for a, b in zip(ours, theirs):
        assert a == b, a[:2]


def test_the_table_scorer_gives_whooshs_bm25f_scores_exactly(reuters_index):
    searcher = reuters_index.backend.searcher()
    for field, text in (("body", "oil"), ("title", "gold"), ("body", "the")):
        leaf, = [s for s, _offset in searcher.leaf_searchers()] or [searcher]
        table = bm25.BM25F(B=0.05, K1=2.0).scorer(leaf, field, text)
        plain = scoring.BM25F(B=0.05, K1=2.0).scorer(leaf, field, text)
        assert type(table) is bm25.TableScorer and table._lengths is not None
        m = leaf.reader().postings(field, text)
        n = 0
        while m.is_active():
            assert table.score(m) == plain.score(m)
            n += 1
            m.next()
        assert n > 100


def test_deleted_and_replaced_stories_are_not_found(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id=str(i), title=f"Story {i}", body=f"Prison escape number {i}. Guards said so.")
                      for i in range(20)])
    idx.delete(["3", "4"])
    idx.add_articles([Article(id="5", title="Story 5", body="Weather only, no guards here.")])
    found = {h.id for h in idx.search("prison escape guards", limit=50, fill=False).hits}
    assert found == {str(i) for i in range(20)} - {"3", "4", "5"}
    assert idx.backend.searcher().reader().has_deletions()
    assert {h.id for h in idx.search("guards NOT prison", limit=50, fill=False).hits} == {"5"}
    assert idx.search("prison OR weather", limit=50).total == 18
    idx.close()


@pytest.mark.parametrize("text", ["oil", "crude oil", "oil OR gas", "oil NOT gas"])
def test_word_queries_take_the_flat_path(reuters_index, text):
    from searchkit.search.ranking import build_query
    from searchkit.search.request import SearchRequest

    searcher = reuters_index.backend.searcher()
    q, _span = build_query(searcher, SearchRequest.build(text))
    leaf = next(iter(s for s, _o in searcher.leaf_searchers()))
    m = flat.matcher(q, leaf, searcher.context(needs_current=True))
    assert isinstance(m, flat.ScoredList) and len(m._ids) > 100


def test_a_minus_excludes_on_unseen_political_news(tmp_path, shared_dir):
    """PolNeAR's US political news (never used to build the query code): `-word` leaves the word's stories out."""
    texts = shared_dir / "corpora" / "polnear" / "dev" / "text"
    if not texts.is_dir():
        pytest.skip(f"PolNeAR not found at {texts}")
    idx = Index(tmp_path / "index")
    idx.rebuild([texts])
    every = {h.id for h in idx.search("clinton", limit=200, fill=False).hits}
    left = idx.search("clinton -trump", limit=200, fill=False).hits
    assert 0 < len(left) < len(every)
    assert all("trump" not in (h.title + " " + idx.get(h.id).body).lower() for h in left)
    assert {h.id for h in left} == {h.id for h in idx.search("clinton NOT trump", limit=200, fill=False).hits}
    idx.close()
