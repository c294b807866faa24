"""Near-duplicate clustering: across writer sessions, not fooled by shared templates."""
from __future__ import annotations

from searchkit import Article, Index
from searchkit.index.duplicates import shingles, signature, similarity

STORY = ("The senators introduced an export licensing reform bill on Tuesday that would ease controls "
         "on high technology sales to allies, aides said, adding that a vote was expected next month.")


def test_signature_similarity_tracks_shared_shingles():
    a = signature(STORY)
    b = signature(STORY.replace("next month", "in the spring"))
    c = signature("Cocoa prices rose in London as traders covered short positions ahead of the weekend.")
    assert similarity(a, a) == 1.0
    assert similarity(a, b) > 0.7
    assert similarity(a, c) < 0.2
    assert signature("") is None and shingles("two words") == {b"two words"}


def test_copies_join_the_first_storys_cluster_across_sessions(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id="first", title="SENATE BILL", body=STORY),
                      Article(id="other", title="COCOA", body="Cocoa prices rose in London on Friday.")])
    idx.add_articles([Article(id="copy", title="SENATE BILL", body=STORY + " Reuter")])  # a later run
    searcher = idx.backend.searcher()
    clusters = {i: searcher.document(id=i)["cluster"] for i in ("first", "copy", "other")}
    assert clusters == {"first": "first", "copy": "first", "other": "other"}
    results = idx.search("export licensing")
    assert [h.id for h in results.hits] in (["first"], ["copy"]) and results.hits[0].duplicates == 1
    assert len(idx.search("export licensing", collapse=False).hits) == 2
    dups, _alike = idx.similar("first")
    assert [h.id for h in dups] == ["copy"]
    idx.close()


def test_rebuilding_the_same_story_keeps_its_own_cluster(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id="a", title="SENATE BILL", body=STORY)])
    idx.add_articles([Article(id="a", title="SENATE BILL", body=STORY + " Updated.")])
    assert idx.backend.searcher().document(id="a")["cluster"] == "a"
    assert idx.stats()["duplicates"] == 0
    idx.close()
