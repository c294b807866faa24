"""Place values in queries are read as the extractor reads places in text; one that matches nothing says so."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit import Index
from searchkit.model import Article
from searchkit.search.places import place_names

DAY = datetime(1987, 3, 2, tzinfo=timezone.utc)
STORIES = [  # the extractor stores canonical names and, for 1987, the state of the day (West Germany)
    Article(id="fra", title="Bund yields ease", body="Bond prices rose in Frankfurt.", date=DAY,
            dateline="FRANKFURT, March 2"),
    Article(id="bom", title="Tea prices", body="Traders in Bombay said.", date=DAY, dateline="BOMBAY, March 2"),
    Article(id="lon", title="Sterling firm", body="Dealers in London said.", date=DAY, dateline="LONDON, March 2"),
    Article(id="nyc", title="Wall Street", body="Stocks in New York rose.", date=DAY, dateline="NEW YORK, March 2"),
]


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    index = Index(tmp_path_factory.mktemp("places") / "index")
    index.add_articles(STORIES)
    stored = {a: (index.get(a).place, index.get(a).countries) for a in ("fra", "bom", "lon")}
    assert stored == {"fra": ("Frankfurt am Main", ("West Germany",)), "bom": ("Mumbai", ("India",)),
                      "lon": ("London", ("United Kingdom",))}
    yield index
    index.close()


@pytest.mark.parametrize("query, expected", [
    ("location:frankfurt", {"fra"}), ("place:frankfurt", {"fra"}), ('location:"frankfurt am main"', {"fra"}),
    ("location:bombay", {"bom"}), ("place:Bombay", {"bom"}), ("country:uk", {"lon"}), ("country:britain", {"lon"}),
    ("country:usa", {"nyc"}), ("country:us", {"nyc"}), ("country:US", {"nyc"}), ('location:"new york"', {"nyc"}),
    ("location:bombay,frankfurt", {"bom", "fra"}), ("prices -location:bombay", {"fra"}),
])
def test_place_values_match_as_the_gazetteer_names_them(idx, query, expected):
    assert {h.id for h in idx.search(query, fill=False).hits} == expected


def test_the_location_option_is_read_alike(idx):
    assert {h.id for h in idx.search("prices", location="bombay", fill=False).hits} == {"bom"}


def test_a_country_value_is_only_a_country():
    assert place_names("frankfurt", "country") == ("frankfurt",)
    assert place_names("frankfurt") == ("frankfurt", "Frankfurt am Main")


@pytest.mark.parametrize("query, note", [
    ("country:germany", "no place 'germany' in country; did you mean country:\"West Germany\"?"),
    ("country:frankfurt", "no place 'frankfurt' in country; did you mean location:\"Frankfurt am Main\"?"),
    ("location:londno", "no place 'londno' in location; did you mean location:\"London\"?"),
    ("location:zzzqqq", "no place 'zzzqqq' in location"),
])
def test_a_place_value_matching_nothing_says_what_it_may_have_meant(idx, query, note):
    results = idx.search(query)
    assert not results.hits and note in results.notes


def test_no_note_for_a_place_that_matches(idx):
    assert not [n for n in idx.search("location:bombay").notes if "no place" in n]
    assert "no place 'peking' in location" in idx.search("tea", location="peking").notes
