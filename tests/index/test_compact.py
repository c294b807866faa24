"""What the index keeps once: dates only in a column, cluster terms only for copies, exact words."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit import Article, Index

STORY = ("The senators introduced an export licensing reform bill on Tuesday that would ease controls "
         "on high technology sales to allies, aides said, adding that a vote was expected next month.")


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    index = Index(tmp_path_factory.mktemp("compact") / "index")
    index.add_articles([
        Article(id="first", title="SENATE BILL", body=STORY, date=datetime(2021, 7, 5, 9, 30, tzinfo=timezone.utc)),
        Article(id="copy", title="SENATE BILL", body=STORY + " Reuter", date=datetime(2021, 7, 5, 18, 0, tzinfo=timezone.utc)),
        Article(id="other", title="COCOA", body="Cocoa prices rose in London on Friday."),
    ])
    yield index
    index.close()


def test_dates_live_in_the_column_and_come_back_with_the_story(idx):
    reader = idx.backend.searcher().reader()
    assert "date" not in reader.indexed_field_names()
    assert all("date" not in reader.stored_fields(d) for d in reader.all_doc_ids())
    assert idx.get("first").date == datetime(2021, 7, 5, 9, 30, tzinfo=timezone.utc)
    assert idx.get("other").date is None
    hit = idx.search("export", collapse=False, sort="oldest").hits[0]
    assert hit.id == "first" and hit.date == datetime(2021, 7, 5, 9, 30, tzinfo=timezone.utc)


def test_a_span_finer_than_a_day_reads_the_column(idx):
    noon = datetime(2021, 7, 5, 12, 0, tzinfo=timezone.utc)
    # inside an OR the span stays a clause of the query (not the collector's date filter)
    morning = idx.search("cocoa OR date:[-6h to now]", collapse=False, basedate=noon)
    assert {h.id for h in morning.hits} == {"first", "other"}
    lifted = idx.search("export date:[-6h to now]", collapse=False, basedate=noon)
    assert [h.id for h in lifted.hits] == ["first"]


def test_only_copies_index_their_cluster(idx):
    reader = idx.backend.searcher().reader()
    assert list(reader.lexicon("copy_of")) == [b"first"]
    assert idx.stats()["duplicates"] == 1
    dups, _alike = idx.similar("copy")
    assert [h.id for h in dups] == ["first"]
    assert idx.search("export licensing").hits[0].duplicates == 1
