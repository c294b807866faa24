"""One person however stories name them (search/people.py): which speaker names are merged, and the
facets, stats, --speaker filter and quotes that count them as one."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit.search.people import person_groups, variants


def test_initials_and_a_surname_alone_join_the_full_name():
    groups = person_groups({"Donald J. Trump": 3, "Donald Trump": 9, "Reagan": 58, "Ronald Reagan": 4,
                            "L. William Seidman": 2, "William Seidman": 3, "De Clercq": 2, "Willy De Clercq": 10})
    assert groups == {"Donald J. Trump": "Donald Trump", "Reagan": "Ronald Reagan",
                      "L. William Seidman": "William Seidman", "De Clercq": "Willy De Clercq"}


def test_a_surname_two_people_share_stays_apart_unless_one_is_nearly_all_of_them():
    assert person_groups({"Dole": 5, "Robert Dole": 10, "Elizabeth Dole": 3}) == {}
    assert person_groups({"Baker": 1, "James Baker": 81, "Howard Baker": 6}) == {"Baker": "James Baker"}
    assert person_groups({"Obama": 31, "Barack Obama": 23, "Michelle Obama": 4}) == {"Obama": "Barack Obama"}
    assert person_groups({"Hicks": 3, "Gregory Hicks": 1}) == {}  # one story is too little to go on
    # a full name is never taken for a longer name's tail: "James Miller" is no "Budget James Miller"
    assert person_groups({"James Miller": 13, "Budget James Miller": 2}) == {}


def test_places_bodies_and_descriptions_are_not_merged():
    counts = {"Japan": 2, "Bank of Japan": 2, "FOMC": 1, "February FOMC": 1, "Treasury": 1, "Italian Treasury": 1,
              "Ford": 3, "Jeremy Ford": 1, "Ford Motor Co": 2, "official": 9, "White House official": 2,
              "Jordan": 2, "Michael Jordan": 5, "Democrats": 8, "Senate Democrats": 2}
    assert person_groups(counts, places={"jordan", "japan"}) == {}


def test_a_chain_of_names_ends_at_the_name_shown():
    groups = person_groups({"L. Ann Gray": 1, "Ann Gray": 2, "Gray": 4})
    assert groups == {"L. Ann Gray": "Ann Gray", "Gray": "Ann Gray"}


def test_variants_are_the_other_names_of_the_person_asked_for():
    groups = {"Reagan": "Ronald Reagan", "Ronald W. Reagan": "Ronald Reagan"}
    assert variants(groups, "ronald  reagan") == ["Reagan", "Ronald W. Reagan"]
    assert variants(groups, "Reagan") == ["Ronald Reagan", "Ronald W. Reagan"]
    assert variants(groups, "Nancy Reagan") == []


@pytest.fixture(scope="module")
def reagan_index(story_index):
    day = datetime(1987, 3, 2, tzinfo=timezone.utc)
    return story_index("people", {
        "full": ("Trade bill", "Ronald Reagan spoke at the White House. \u201cThe bill ties our hands,\u201d "
                               "Ronald Reagan said."),
        "again": ("Trade bill passes", "\u201cIt is a good bill now,\u201d Ronald Reagan said on Friday."),
        "short": ("Budget talks", "\u201cWe will not raise taxes,\u201d President Reagan told reporters."),
        "other": ("Farm aid", "\u201cFarmers need help now,\u201d Nancy Kassebaum said."),
    }, day)


def test_facet_stats_filter_and_quotes_take_a_person_under_every_name(reagan_index):
    found = reagan_index.search("*", facets=["speaker"], collapse=False)
    assert ("Ronald Reagan", 3) in found.facets["speaker"]
    assert not any(name == "Reagan" for name, _n in found.facets["speaker"])
    assert ("Ronald Reagan", 3) in reagan_index.stats()["speakers"]
    hits = reagan_index.search("*", speaker="Ronald Reagan", collapse=False)
    assert sorted(h.id for h in hits.hits) == ["again", "full", "short"]
    said = reagan_index.quotes("*", speaker="Ronald Reagan")
    assert sorted(q.text for q, _hit in said) == ["It is a good bill now", "The bill ties our hands",
                                                  "We will not raise taxes"]
    # speaker: in the query is the same person (the web page's facet links are such clauses)
    asked = reagan_index.search('speaker:"ronald reagan"', collapse=False).hits
    assert sorted(h.id for h in asked) == ["again", "full", "short"]
    assert len(reagan_index.quotes('speaker:"ronald reagan"')) == 3
    assert [h.id for h in reagan_index.search('* NOT speaker:"ronald reagan"', collapse=False).hits] == ["other"]
