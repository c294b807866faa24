"""Writes leave an index that agrees with itself: stats, facets and clusters after `delete`; commits that never collide."""
from __future__ import annotations

from datetime import datetime, timezone

from searchkit import Article, Index

STORY = ("The senators introduced an export licensing reform bill on Tuesday that would ease controls "
         "on high technology sales to allies, aides said, adding that a vote was expected next month.")
COCOA = "Cocoa prices rose in London as traders covered short positions ahead of the weekend break."


def _day(year):
    return datetime(year, 3, 1, tzinfo=timezone.utc)


def test_stats_after_delete_count_only_live_stories(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id="a", title="Kabul", body="News.", source="Wire One", date=_day(2020),
                              locations=("Kabul",)),
                      Article(id="b", title="Herat", body="News.", source="Wire Two", date=_day(2021),
                              locations=("Herat",)),
                      Article(id="c", title="Herat", body="More.", source="Wire Two", date=_day(2021),
                              locations=("Herat",))])
    assert idx.stats()["articles"] == 3  # a warm searcher, as a long-lived program holds
    assert idx.delete(["a", "b"]) == 2
    for opened in (idx, Index(tmp_path / "index")):
        stats = opened.stats()
        assert stats["articles"] == 1 and stats["dated"] == 1
        assert stats["sources"] == [("Wire Two", 1)]
        assert stats["years"] == [("2021", 1)]
        assert stats["locations"] == [("Afghanistan", 1), ("Herat", 1)]  # Kabul went with story a
        assert stats["duplicates"] == 0
    idx.close()


def test_a_warm_index_sees_deletes_and_updates_made_elsewhere(tmp_path):
    reader, writer = Index(tmp_path / "index"), Index(tmp_path / "index")
    writer.add_articles([Article(id="a", title="Kabul", body="harvest"), Article(id="c", title="Herat", body="harvest")])
    assert reader.search("harvest", collapse=False).total == 2
    writer.delete(["a"])
    writer.add_articles([Article(id="c", title="Herat, updated", body="harvest again")])
    hits = reader.search("harvest", collapse=False).hits
    assert [h.title for h in hits] == ["Herat, updated"]
    reader.close()
    writer.close()


def test_a_copy_indexed_after_a_delete_does_not_join_the_deleted_story(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id="first", title="SENATE BILL", body=STORY)])
    idx.delete(["first"])
    idx.add_articles([Article(id="copy", title="SENATE BILL", body=STORY + " Reuter")])
    assert idx.backend.searcher().document(id="copy")["cluster"] == "copy"
    assert idx.stats()["duplicates"] == 0
    idx.close()


def test_deleting_a_clusters_first_story_leaves_the_rest_one_cluster(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id="first", title="SENATE BILL", body=STORY),
                      Article(id="second", title="SENATE BILL", body=STORY + " Reuter"),
                      Article(id="third", title="SENATE BILL", body=STORY + " AP"),
                      Article(id="cocoa", title="COCOA", body=COCOA)])
    idx.delete(["first"])
    searcher = idx.backend.searcher()
    clusters = {i: searcher.document(id=i)["cluster"] for i in ("second", "third", "cocoa")}
    assert clusters == {"second": "second", "third": "second", "cocoa": "cocoa"}
    idx.add_articles([Article(id="fourth", title="SENATE BILL", body=STORY + " AFP")])  # a later copy
    assert idx.backend.searcher().document(id="fourth")["cluster"] == "second"
    dups, _alike = idx.similar("second")
    assert sorted(h.id for h in dups) == ["fourth", "third"]
    assert idx.stats()["duplicates"] == 2
    assert idx.get("third").body == STORY + " AP"  # re-written whole
    results = idx.search("export licensing")
    assert (results.total, results.matched) == (1, 3)  # one hit after folding, three matching stories
    assert len(results.hits) == 1 and results.hits[0].duplicates == 2
    idx.close()


def test_a_caller_seeding_random_does_not_make_commits_collide(tmp_path):
    import random

    idx = Index(tmp_path / "index")
    for n in range(3):
        random.seed(7)  # Whoosh used to draw segment names from this generator
        idx.add_articles([Article(id=f"s{n}", title="Harvest", body=f"harvest report {n}")])
    assert idx.search("harvest").total == 3
    idx.close()


def test_an_id_given_twice_in_one_call_is_one_story_the_later_one(tmp_path):
    idx = Index(tmp_path / "index")
    for new, old in (("a", "fresh index"), ("b", "existing index")):
        idx.add_articles([Article(id=new, title="Draft", body=f"harvest {old}"),
                          Article(id=new, title="Final", body=f"harvest {old} corrected")])
        assert idx.get(new).title == "Final"
    assert idx.search("harvest", collapse=False).total == 2
    assert idx.stats()["articles"] == 2
    idx.close()
