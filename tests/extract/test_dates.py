"""Dates a story states in its own text: taken only when certain, never a guessed year."""
from __future__ import annotations

from datetime import date, datetime, timezone

import pytest

from searchkit.extract import enrich
from searchkit.extract.dates import dateline_date, find_date, only_date
from searchkit.model import Article


def day(text: str, dateline: str = "", **kw):
    found = find_date(text, dateline, **kw)
    return found.date.date() if found else None


@pytest.mark.parametrize("text, expected", [
    ("Title\nBy Jane Smith\nPublished: 12 March 2016\n\nThe story.", date(2016, 3, 12)),
    ("Title\nPosted on March 12, 2016 by admin\n\nThe story.", date(2016, 3, 12)),
    ("Title\nPUBLISHED:\nNovember 19, 2019 at 8:59 pm\n| UPDATED:\nNovember 19, 2019 at 10:16 pm\nBody.",
     date(2019, 11, 19)),
    ("Title\nPUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 20, 2019\nBody.", date(2019, 11, 19)),
    ("Title\nPublished 11:11 PM EST Nov 19, 2019\nBody.", date(2019, 11, 19)),
    ("Title\nFirst published on Sat 12 Mar 2016 10.00 GMT\nBody.", date(2016, 3, 12)),
    ("Title\nDate: 2016-03-12\nBody.", date(2016, 3, 12)),
    ("Title\nUpdated: 18 Nov 2019 9:38 pm\nPosted: 18 Nov 2019 8:11 pm\nBody.", date(2019, 11, 18)),
])
def test_labelled_publication_dates(text, expected):
    assert day(text) == expected


def test_labelled_date_at_the_end_of_a_long_story():
    body = "\n\n".join(f"Paragraph {n} of the story goes on for a while." for n in range(60))
    assert day(f"Title\n\n{body}\n\nThis article was first published on 2 May 2018") is None  # a sentence
    assert day(f"Title\n\n{body}\n\nFirst published on 2 May 2018") == date(2018, 5, 2)


@pytest.mark.parametrize("text", [
    "Title\nOn March 2, 1987 the bank said it would cut rates.\nMore text.",  # a date in a sentence
    "Title\nNov. 19, 2019 8:03 am ET\nThe story.",  # a bare date line: it may be a modified date
    "Title\nUpdated 10:01 pm PST, Tuesday, November 19, 2019\nThe story.",  # updated only: not the day it came out
    "Title\nPublished: 03/12/2016\nThe story.",  # numeric: 3 December or March 12?
    "Title\nPublished: February 30, 2019\nThe story.",  # no such day
    "Title\nPublished: March 3, 2016\nPublished: March 4, 2016\nThe story.",  # two answers: none
    "Title\npublished reports on March 3, 2016 said\nThe story.",  # not a label (lower case, a sentence)
    "Title\nThe company was founded in 1987 and posted record profits.",
])
def test_no_date_unless_stated_for_certain(text):
    assert day(text) is None


def test_dateline_without_year_stays_undated():
    assert day("Title\nKABUL, July 7 (Reuters) - The Taliban...", "KABUL, July 7") is None


def test_dateline_with_a_full_date():
    assert day("Title\nWASHINGTON, Sept. 12, 2016 - Body", "WASHINGTON, Sept. 12, 2016") == date(2016, 9, 12)


def test_dateline_year_from_metadata():
    assert day("Title\nSALVADOR, Feb 26 - Body", "SALVADOR, Feb 26", year=1987) == date(1987, 2, 26)
    assert day("Title\nX, Feb 29 - Body", "X, Feb 29", year=1987) is None  # no 29 February in 1987
    # a stated date that contradicts the metadata's year leaves the story undated
    assert day("Title\nPublished: March 3, 2015\nBody", "", year=2016) is None


def test_dateline_year_from_an_update_line():
    text = "Title\nUpdated: Jan 2, 2017\nWASHINGTON, Dec. 30 - Congress..."
    assert day(text, "WASHINGTON, Dec. 30") == date(2016, 12, 30)
    assert day("Title\nUpdated: March 10, 2017\nX, March 12 - y", "X, March 12") is None  # after its update?
    assert day("Title\nUpdated: June 10, 2017\nX, March 12 - y", "X, March 12") is None  # too long before


def test_dateline_year_from_a_single_year_copyright_at_the_end():
    text = "Title\nWASHINGTON, March 3 (AP) - Body.\nMore.\nCopyright 2016 The Associated Press. All rights reserved."
    assert day(text, "WASHINGTON, March 3") == date(2016, 3, 3)
    site = "Title\nWASHINGTON, March 3 - Body.\n(c) 2005-2019 Some Site. All rights reserved."
    assert day(site, "WASHINGTON, March 3") is None


def test_date_pieces():
    assert dateline_date("SALVADOR, Feb 26").month == 2
    assert dateline_date("KABUL") is None
    assert only_date("Wednesday, 20 November 2019 08:05 GMT").full() == date(2019, 11, 20)
    assert only_date("Nov 18, 2019 @17:19 PM").full() == date(2019, 11, 18)
    assert only_date("2019-11-18T20:51:19Z").full() == date(2019, 11, 18)
    assert only_date("Nissan November 20, 2019") is None


def test_enrich_dates_an_undated_story_and_keeps_a_dated_one():
    title, body = "Taliban take Qala-e-Naw", "Published: 7 July 2021\n\nKABUL - The Taliban entered the city."
    assert enrich(Article(id="a", title=title, body=body)).date.date() == date(2021, 7, 7)
    given = datetime(2021, 7, 8, tzinfo=timezone.utc)
    assert enrich(Article(id="b", title=title, body=body, date=given)).date == given  # the source's date wins
    assert enrich(Article(id="c", title="t", body="KABUL, July 7 - no year anywhere")).date is None


def test_polnear_texts_state_no_date(shared_dir):
    """PolNeAR read without its table: no story may be dated from its text (none states its date)."""
    from searchkit.ingest import read_paths

    folder = shared_dir / "corpora" / "polnear" / "dev" / "text"
    if not folder.is_dir():
        pytest.skip(f"PolNeAR not found at {folder}; set SEARCHKIT_SHARED to the folder holding corpora/")
    stories = [a for a in read_paths([folder]) if isinstance(a, Article)]
    assert len(stories) == 84
    assert all(a.date is None for a in stories)
    assert [a.id for a in stories if enrich(a).date is not None] == []
