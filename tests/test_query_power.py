"""Query power on Reuters-21578: facets, recency, did-you-mean, fuzzy, similar stories, wire-copy duplicates, explain."""
from __future__ import annotations

from collections import defaultdict

import pytest

from searchkit import QuerySyntaxError
from searchkit.ingest import read_paths
from searchkit.model import Article


@pytest.fixture(scope="module")
def exact_repeats(reuters_dir):
    """Groups of story ids whose title and body are identical (the collection's exact repeats)."""
    groups = defaultdict(list)
    for item in read_paths([reuters_dir]):
        if isinstance(item, Article) and len(item.body) > 200:
            groups[(item.title, item.body)].append(item.id)
    return [ids for ids in groups.values() if len(ids) > 1]


def test_exact_repeats_share_a_cluster(reuters_index, exact_repeats):
    assert len(exact_repeats) >= 100
    searcher = reuters_index.searcher()
    for ids in exact_repeats:
        clusters = {searcher.document(id=i)["cluster"] for i in ids}
        assert len(clusters) == 1, ids


def test_results_collapse_duplicates_unless_all(reuters_index, exact_repeats):
    ids = exact_repeats[0]
    title = reuters_index.get(ids[0]).title
    words = " ".join(w for w in title.split() if w.isalpha())[:80]
    folded = reuters_index.search(f'title:({words})', limit=100)
    every = reuters_index.search(f'title:({words})', limit=100, collapse=False)
    assert len(every.hits) > len(folded.hits)
    assert every.total == folded.total  # the count is of matching stories; only the list is folded
    shown = [h for h in folded.hits if h.id in ids]
    assert len(shown) == 1 and shown[0].duplicates >= len(ids) - 1
    assert set(ids) <= {h.id for h in every.hits}


def test_unrelated_stories_are_not_clustered(reuters_index):
    # Earnings reports share a template ("Shr ... vs ... Net ...") but differ in company and figures.
    searcher = reuters_index.searcher()
    earn = reuters_index.search("tag:earn", limit=500, collapse=False, snippets=False)
    clusters = [searcher.document(id=h.id)["cluster"] for h in earn.hits]
    assert len(set(clusters)) > 0.9 * len(clusters)


def test_similar_lists_duplicates_and_like_stories(reuters_index, exact_repeats):
    ids = exact_repeats[0]
    dups, alike = reuters_index.similar(ids[0])
    assert set(ids[1:]) <= {h.id for h in dups}
    assert not {h.id for h in alike} & set(ids)
    _, cocoa = reuters_index.similar("1", limit=10)  # BAHIA COCOA REVIEW
    assert sum("COCOA" in h.title.upper() for h in cocoa) >= 8


def test_facets_count_hits(reuters_index):
    results = reuters_index.search("cocoa", facets=["year", "month", "tag", "source", "country"])
    assert dict(results.facets["year"]) == {"1987": results.total}
    assert sum(n for _, n in results.facets["month"]) == results.total
    assert "cocoa" in [name for name, _ in results.facets["tag"][:3]]
    assert results.facets["source"] == [("Reuters", results.total)]
    assert results.facets["country"]  # display names, most frequent first
    counts = [n for _, n in results.facets["country"]]
    assert counts == sorted(counts, reverse=True)
    with pytest.raises(QuerySyntaxError):
        reuters_index.search("cocoa", facets=["colour"])


def test_recency_favours_newer_stories(reuters_index):
    plain = reuters_index.search("oil prices", limit=20)
    recent = reuters_index.search("oil prices", limit=20, recency=7)
    mean = lambda r: sum(h.date.timestamp() for h in r.hits) / len(r.hits)  # noqa: E731
    assert mean(recent) > mean(plain)
    assert recent.total == plain.total


def test_did_you_mean_uses_unstemmed_words(reuters_index):
    results = reuters_index.search("cocoa expotrs")
    assert results.suggestion == "cocoa exports"
    assert reuters_index.search("cocoa exports").suggestion is None


def test_fuzzy_matches_typos(reuters_index):
    assert reuters_index.search("cofee brazil").total == 0
    fuzzy = reuters_index.search("cofee brazil", fuzzy=True)
    assert fuzzy.total > 10
    assert any("COFFEE" in h.title.upper() for h in fuzzy.hits)


def test_explain_shows_field_contributions(reuters_index):
    hit = reuters_index.search("cocoa", explain=True, limit=1).hits[0]
    parts = hit.extra["explain"]
    assert {p["field"] for p in parts} <= {"title", "body"}
    from searchkit.search.parser import FIELD_BOOSTS

    assert FIELD_BOOSTS["title"] > FIELD_BOOSTS["body"]
    assert any(p["field"] == "title" and p["boost"] == FIELD_BOOSTS["title"] for p in parts)
    assert sum(p["score"] for p in parts) == pytest.approx(hit.score, rel=0.05)
