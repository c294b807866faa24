"""Query power on Reuters-21578: facets, recency, did-you-mean, fuzzy, similar stories, wire-copy duplicates, explain."""
from __future__ import annotations

from collections import defaultdict

import pytest

from searchkit.errors import ArgumentError
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
    searcher = reuters_index.backend.searcher()
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
    assert every.matched == folded.matched == every.total  # matching stories, copies included
    assert folded.total < every.total  # hits after folding: one per cluster
    shown = [h for h in folded.hits if h.id in ids]
    assert len(shown) == 1 and shown[0].duplicates >= len(ids) - 1
    assert set(ids) <= {h.id for h in every.hits}


def test_unrelated_stories_are_not_clustered(reuters_index):
    # Earnings reports share a template ("Shr ... vs ... Net ...") but differ in company and figures.
    searcher = reuters_index.backend.searcher()
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
    assert dict(results.facets["year"]) == {"1987": results.matched}  # facets count every matching story
    assert sum(n for _, n in results.facets["month"]) == results.matched
    assert "cocoa" in [name for name, _ in results.facets["tag"][:3]]
    assert results.facets["source"] == [("Reuters", results.matched)]
    assert results.facets["country"]  # display names, most frequent first
    counts = [n for _, n in results.facets["country"]]
    assert counts == sorted(counts, reverse=True)
    with pytest.raises(ArgumentError):
        reuters_index.search("cocoa", facets=["colour"])


def test_recency_favours_newer_stories(reuters_index):
    plain = reuters_index.search("oil prices", limit=20)
    recent = reuters_index.search("oil prices", limit=20, recency=7)
    mean = lambda r: sum(h.date.timestamp() for h in r.hits) / len(r.hits)  # noqa: E731
    assert mean(recent) > mean(plain)
    assert recent.total == plain.total and recent.matched == plain.matched


def test_did_you_mean_uses_unstemmed_words(reuters_index):
    results = reuters_index.search("cocoa expotrs", correct=False)
    assert results.suggestion == "cocoa exports"
    assert reuters_index.search("cocoa exports").suggestion is None
    corrected = reuters_index.search("cocoa expotrs")  # finding nothing, it runs its correction
    assert corrected.corrected_from == "cocoa expotrs" and corrected.query == "cocoa exports"
    assert corrected.total == reuters_index.search("cocoa exports").total > 10


def test_fuzzy_matches_typos(reuters_index):
    assert reuters_index.search("cofee brazil", correct=False).total == 0
    fuzzy = reuters_index.search("cofee brazil", fuzzy=True)
    assert fuzzy.total > 10
    assert any("COFFEE" in h.title.upper() for h in fuzzy.hits)


def test_explain_shows_field_contributions(reuters_index):
    hit = reuters_index.search("cocoa", explain=True, limit=1).hits[0]
    parts = hit.extra["explain"]
    assert [p["field"] for p in parts] == ["title+body"]  # one free word: one BM25F term over both fields
    assert "cocoa" in parts[0]["term"].split("|") and parts[0]["weight"] >= 2  # its forms, in the title and the text
    assert sum(p["score"] for p in parts) == pytest.approx(hit.score, rel=0.05)
    fielded = reuters_index.search("title:cocoa", explain=True, limit=1).hits[0].extra["explain"]
    assert [p["field"] for p in fielded] == ["title"]  # a field query is scored in its field


@pytest.mark.parametrize("text, limit", [("title:(fed adds reserves)", 3), ("fed reserves repurchase", 7)])
def test_pages_totals_and_hits_agree_when_copies_are_folded(reuters_index, text, limit):
    first = reuters_index.search(text, limit=limit, snippets=False, suggest=False)
    assert first.matched > first.total > limit  # copies were folded, and there is more than one page
    assert first.pages == -(-first.total // limit)
    listed, clusters = [], set()
    for page in range(1, first.pages + 2):
        results = reuters_index.search(text, limit=limit, page=page, snippets=False, suggest=False)
        assert (results.total, results.pages, results.matched) == (first.total, first.pages, first.matched)
        expected = max(0, min(limit, results.total - (page - 1) * limit))
        assert len(results.hits) == expected, page  # full pages, then the remainder, then nothing
        assert [h.rank for h in results.hits] == list(range((page - 1) * limit + 1, (page - 1) * limit + 1 + expected))
        listed += [h.id for h in results.hits]
        clusters |= {h.cluster for h in results.hits}
    assert len(listed) == len(set(listed)) == len(clusters) == first.total  # one hit per cluster, none twice


def test_cli_page_lines_agree_with_the_hits(reuters_index):
    from click.testing import CliRunner

    from searchkit.cli import main

    def run(page):
        return CliRunner().invoke(main, ["query", "title:(fed adds reserves)", "-n", "3", "-p", str(page),
                                         "--index", str(reuters_index.path)])

    pages = reuters_index.search("title:(fed adds reserves)", limit=3).pages
    last = run(pages)
    assert last.exit_code == 0 and f"page {pages} of {pages}" in last.output
    shown = [int(n) for n in __import__("re").findall(r"showing (\d+)-(\d+)", last.output)[0]]
    assert shown[0] <= shown[1]
    past = run(pages + 1)
    assert past.exit_code == 1 and f"page {pages + 1} is past the last page ({pages})" in past.output
    assert "showing" not in past.output


@pytest.mark.parametrize("typed, meant", [
    ("prisson escpe", "prison escape"),  # one edit each; `poison este` (two each) was chosen by frequency
    ("opek outptu", "opec output"),  # a swap of two letters is one edit; OPEC goes with output
    ('"prisson escpe"', '"prison escape"'),  # inside a phrase the words are mended, the quotes kept
    ('date:"2 weeks ago" opek outptu', 'date:"2 weeks ago" opec output'),
    ("title:opek outptu", "title:opek output"),  # a field's value is never touched
])
def test_did_you_mean_prefers_fewer_edits_and_keeps_field_values(reuters_index, typed, meant):
    assert reuters_index.search(typed, basedate=None, correct=False).suggestion == meant
    searched = reuters_index.search(typed, basedate=None)  # finding nothing, it runs the correction
    assert (searched.corrected_from, searched.query) == (typed, meant) or searched.suggestion == meant
