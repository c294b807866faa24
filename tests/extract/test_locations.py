"""Places, countries and datelines: the seed story, disambiguation, demonyms, Reuters place slugs."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit.extract import enrich
from searchkit.extract.locations import canonical_country, find_places, resolve_dateline
from searchkit.model import Article


def names(text: str) -> list[str]:
    return [p.name for p in find_places(text)]


def countries(text: str) -> set[str]:
    return {p.country for p in find_places(text)}


@pytest.fixture(scope="module")
def seed(shared_dir, repo_dir):
    path = shared_dir / "seed" / "000_e282b53e72c4bdf8.txt"
    if not path.is_file():
        path = repo_dir / "corpus" / "000_e282b53e72c4bdf8.txt"
    if not path.is_file():
        pytest.skip("seed article not found")
    from searchkit.ingest import read_paths

    article = next(a for a in read_paths([str(path)]) if isinstance(a, Article))
    return enrich(article)


def test_seed_places(seed):
    for place in ("Qala-e-Naw", "Badghis", "Afghanistan", "Kabul", "Kunduz", "Kandahar", "Uzbekistan", "Qatar"):
        assert place in seed.locations
    assert seed.locations.index("Afghanistan") < seed.locations.index("Qala-e-Naw") < seed.locations.index("Kabul")
    assert seed.countries[0] == "Afghanistan"
    assert "Afghanistan" in seed.countries


def test_seed_quote(seed):
    quote = next(q for q in seed.quotes if q.text.startswith("The enemy has entered the city"))
    assert quote.speaker == "Hessamuddin Shams"
    # Attributed words are quoted speech whatever their length (issue 12): "Biden announced … “forever war”"
    assert any(q.text == "forever war" and q.speaker == "Joe Biden" for q in seed.quotes)


@pytest.mark.parametrize("text", ["Chad Smith said hello.", "Nice weather today.", "He took a bath.",
                                  "Reading is fun.", "May said no.", "Michael Jordan scored."])
def test_common_words_and_names_are_not_places(text):
    assert names(text) == []


@pytest.mark.parametrize("text,place,country", [
    ("Troops were sent to Chad on Monday.", "Chad", "Chad"),
    ("The summit was held in Nice, France.", "Nice", "France"),
    ("He moved from Bath to London.", "Bath", "United Kingdom"),
    ("King Hussein of Jordan arrived.", "Jordan", "Jordan"),
    ("Rio de Janeiro and Hong Kong traders", "Rio de Janeiro", "Brazil"),
    ("officials in Peking said", "Beijing", "China"),
    ("fighting in Badghis province", "Badghis", "Afghanistan"),
    ("of Stamford, Conn., said", "Connecticut", "United States"),
])
def test_places_in_context(text, place, country):
    found = find_places(text)
    assert place in [p.name for p in found]
    assert country in [p.country for p in found]


def test_demonyms_name_countries_but_are_not_places():
    text = "Afghan forces, Iranian officials, West German bankers, Soviet and Japanese buyers"
    assert countries(text) == {"Afghanistan", "Iran", "West Germany", "Soviet Union", "Japan"}
    assert all(p.kind == "demonym" for p in find_places(text))


def test_united_states_forms():
    assert countries("The U.S. said") == {"United States"}
    assert countries("US troops left") == {"United States"}
    assert countries("TALK TO US NOW") == set()
    assert countries("talks with Britain and the Soviet Union") == {"United Kingdom", "Soviet Union"}


def test_historic_countries_follow_the_story_date():
    when = datetime(1987, 3, 1, tzinfo=timezone.utc)
    old = enrich(Article(id="1", body="Bonn and Moscow officials met in Frankfurt on the German plan.", date=when))
    assert "West Germany" in old.countries and "Soviet Union" in old.countries
    new = enrich(Article(id="2", body="Bonn and Moscow officials met in Frankfurt on the German plan.",
                         date=datetime(2021, 1, 1, tzinfo=timezone.utc)))
    assert "Germany" in new.countries and "Russia" in new.countries


def test_datelines():
    assert resolve_dateline("NEW YORK, April 9").country == "United States"
    assert resolve_dateline("ST LOUIS, Mo., June 19").country == "United States"
    assert resolve_dateline("HECTOR, MINN.").name == "Hector"
    assert resolve_dateline("FRANKFURT, June 2").country == "Germany"
    assert resolve_dateline("PEKING, April 9").name == "Beijing"
    assert resolve_dateline("GUANAJUATO, Mexico, June 1").country == "Mexico"
    art = enrich(Article(id="3", body="Prices rose.", dateline="SALVADOR, Feb 26"))
    assert art.place == "Salvador"
    art = enrich(Article(id="4", body="KABUL, July 7 (Reuters) - Fighting went on."))
    assert art.place == "Kabul" and art.countries == ("Afghanistan",)
    art = enrich(Article(id="5", body="Nothing here.", dateline="NOWHEREVILLE, Feb 26"))
    assert art.place == "Nowhereville"


def test_metadata_places_are_canonicalised():
    art = enrich(Article(id="6", body="Cocoa prices.", locations=("el-salvador", "usa", "west-germany")))
    assert {"El Salvador", "United States", "West Germany"} <= set(art.locations)
    assert {"El Salvador", "United States", "West Germany"} <= set(art.countries)


def test_passing_mentions_stay_locations_not_countries():
    body = ("Japan's exports rose sharply in March, the finance ministry said. Exports to Japan's "
            "neighbours grew. " + "Trade figures were released on Tuesday. " * 8 + "Canada was not affected.")
    art = enrich(Article(id="7", body=body))
    assert "Japan" in art.countries
    assert "Canada" in art.locations and "Canada" not in art.countries


def test_every_reuters_place_slug_has_a_country(reuters_dir):
    slugs = (reuters_dir / "all-places-strings.lc.txt").read_text().split()
    assert len(slugs) >= 147
    missing = [s for s in slugs if not canonical_country(s)]
    assert missing == []
    assert canonical_country("usa") == "United States"
    assert canonical_country("uk") == "United Kingdom"
    assert canonical_country("west-germany") == "West Germany"
    assert canonical_country("ussr") == "Soviet Union"
    assert canonical_country("el-salvador") == "El Salvador"
    assert canonical_country("hong-kong") == "Hong Kong"
