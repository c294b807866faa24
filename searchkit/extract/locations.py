"""Places named in news text, each resolved to a canonical name and its country.

Matching is one regex pass over capitalised words. A dictionary keyed by a name's first word gives
the candidate names starting there, longest first, each checked with `str.startswith`, so multi-word
and hyphenated names (`Rio de Janeiro`, `Qala-e-Naw`) cost no more than single words. Each candidate
is then read in context: people's names (a title, an initial, a verb of saying, a neighbouring
capitalised word), clubs, venues and languages are not places; a name several places share goes to
the country the story is about (dateline, the source's home country, countries named beyond
doubt); a small place abroad needs a place-like context. Names that are also common words (`Chad`,
`Nice`, `Bath`, `Reading`, `Jordan`) count only after `in`, `at`, `from`, `near`... or before
`, Country`. All-capital text (wire headlines, datelines) is matched against upper-case keys,
leaving out the ambiguous names. The gazetteer itself lives in `gazetteer.py`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from .gazetteer import (  # noqa: F401 (re-exported: callers import these from here)
    ALTNAME_MIN_POPULATION,
    AMBIGUOUS,
    CITY_MIN_POPULATION,
    COUNTRY_ALIASES,
    DATA_FILE,
    HOMONYM_MIN_POPULATION,
    HOMONYM_RATIO,
    MAJOR_CITY_POPULATION,
    NAMESAKE_MIN_POPULATION,
    PLACE_CONTEXT,
    SAFE_UNLESS_NAME,
    US_STATE_ABBREVIATIONS,
    _ABBREVIATIONS_UPPER,
    _LETTER,
    _UPPER_WORD,
    _WORD,
    Gazetteer,
    Place,
    _upper_key,
    fold,
    gazetteer,
    historic_country,
    load_data,
)


@dataclass(frozen=True, slots=True)
class Mention:
    """One place named in a text: where, and how it was written."""

    place: Place
    start: int
    end: int
    surface: str


_SENTENCE_END = frozenset('.!?:;"“”\n')


@dataclass(frozen=True, slots=True)
class _Candidate:
    """A name matched in the text before disambiguation; `fixed` ones need no further check."""

    key: str
    place: Place
    start: int
    end: int
    fixed: bool = False


def find_mentions(text: str, context: Iterable[str] = ()) -> list[Mention]:
    """Every place named in a text, in order, ambiguous names resolved by their context.

    `context` names countries the story is known to be about before reading it (its dateline's,
    its source's home country); countries named unambiguously in the text join them.
    """
    gaz = gazetteer()
    text = fold(text)
    if _mostly_upper(text):
        return _find_upper(text, gaz, set(context))
    cands = _candidates(text, gaz)
    persons = _person_words(text, cands, gaz)
    countries = _expand(set(context) | _anchor_countries(text, cands, gaz))
    out: list[Mention] = []
    for i, cand in enumerate(cands):
        place = cand.place if cand.fixed else _decide(text, cand, gaz, persons, countries, cands, i)
        if place is not None:
            out.append(Mention(place, cand.start, cand.end, text[cand.start:cand.end]))
    capitals = _capital_runs(text, gaz, countries)
    if capitals:
        taken = {(c.start, c.end) for c in cands}
        out = sorted(out + [m for m in capitals if (m.start, m.end) not in taken], key=lambda m: m.start)
    return out


# Words in capitals inside mixed-case text: a heading ("ARGENTINA CRUISES"), a table's row names
# ("ILLINOIS - Fair Thu/Fri"). Tickers in angle brackets (<THEX>) are no places.
_CAPITAL_RUN = re.compile(r"(?<![<\w])[A-Z][A-Z'-]{3,}(?:[ ][A-Z][A-Z'-]+)*(?![\w>])")


def _capital_runs(text: str, gaz: Gazetteer, countries: set[str]) -> list[Mention]:
    """Places written in capitals inside mixed-case text, read as all-capitals text is."""
    out: list[Mention] = []
    upper_starts = gaz.upper_starts
    for run in _CAPITAL_RUN.finditer(text):
        if not any(word in upper_starts for word in _UPPER_WORD.findall(run.group())):
            continue  # "NOTE", "OPEC", "USDA": no name starts here
        for m in _find_upper(run.group(), gaz, countries):
            place = m.place
            region = _region_after(text, run.start() + m.end) if place.kind == "city" else None
            if region is not None:  # "MANCHESTER, N.H. -" opening a body: the town of that state
                place = _addressed(place, place.name, region, gaz)
            out.append(Mention(place, run.start() + m.start, run.start() + m.end, m.surface))
    return out


_HYPHEN_TAILS = frozenset("based born area bound headquartered registered listed made led backed owned controlled"
                          .split())


def _candidates(text: str, gaz: Gazetteer) -> list[_Candidate]:
    """Every gazetteer name written in the text, longest match first, in order."""
    starts = gaz.starts
    out: list[_Candidate] = []
    free = 0
    n = len(text)
    for m in _WORD.finditer(text):
        start = m.start()
        if start < free:
            continue
        word = m.group()
        cands = starts.get(word)
        if cands is None and "-" in word:  # "London-based", "Iranian-backed", "Saudi-led"
            head, tail = word.split("-", 1)
            if tail.lower() in _HYPHEN_TAILS:
                word, cands = head, starts.get(head)
        if cands is None:
            if word.rstrip(".") in US_STATE_ABBREVIATIONS and text[start - 2:start] == ", " \
                    and text[start - 3:start - 2].isalpha() and (m.end() < n and text[m.end()] == "." or word[-1] == "."):
                out.append(_Candidate(word, _state_abbreviation(word), start, m.end(), True))  # "Stamford, Conn."
            elif word == "US" and _is_us(text, start):
                out.append(_Candidate(word, gaz.names["U.S."], start, m.end(), True))
            elif word.endswith("s") and word[:-1] in gaz.names and gaz.names[word[:-1]].kind == "demonym":
                out.append(_Candidate(word, gaz.names[word[:-1]], start, m.end()))  # "Afghans", "Iranians"
            continue
        fit = _fit(text, start, cands, wrapped=True)
        if fit is None:
            continue
        key, place, end = fit
        free = end
        if place.kind != "none":
            out.append(_Candidate(key, place, start, end))
    return out


# -- people: names that are also places ("George W. Bush", "Mr Kennedy", "Hamm said") ---------------

# Words that make the capitalised words after them a person's name.
_TITLES = ("Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Prof|Professor|Rev|Sen|Senator|Rep|Representative|Gov|Governor"
           "|Gen|General|Lt|Col|Colonel|Capt|Captain|Sgt|Adm|Admiral|Cmdr|Judge|Justice|President|Secretary|Minister"
           "|Premier|Chancellor|Mayor|Ambassador|Prince|Princess|King|Queen|Pope|Cardinal|Bishop|Archbishop|Sheikh"
           "|Emir|Sultan|Chairman|Chairwoman|Speaker|Commissioner|Coach|Congressman|Congresswoman|Rabbi|Imam"
           "|Pastor|Detective|Inspector|Deputy|Attorney|Officer|Pres|Supt|Insp|Det|Cllr")
_NAME = r"[A-Z][a-z][\w'-]*"
# Evidence in the text just before a name: a title and given names ("President George W. "), an
# initial ("J. "; not a compass point: "W. Berlin"), a verb of saying ("said ").
_PERSON_BEFORE = re.compile(rf"(?:\b(?:{_TITLES})\.?\s+(?:(?:{_NAME}|[A-Z]\.)\s+){{0,3}}"
                            rf"|(?<![\w.])[A-MO-RT-VX-Z]\.\s+|\b(?:said|says|according to)\s+)$")
# ... and just after it: initials and a surname ("George W. Bush"), a surname and a suffix ("James
# Kennedy Jr."), a verb of saying or a word of a politician's entourage ("Bush said", "the Bush
# administration").
_PERSON_AFTER = re.compile(rf"(?:\s+(?:[A-Z]\.\s*){{1,2}}{_NAME}|(?:\s+{_NAME})?,?\s+(?:Jr|Sr|III|II)\b"
                           r"|(?:'s)?\s+(?:said|says|told|tells|added|asked|argued|wrote|writes|tweeted|insisted|noted"
                           r"|declared|replied|warned|admitted|acknowledged|testified|recalled|explained|administration"
                           r"|campaign|presidency|aides?|spokes(?:man|woman|person)|supporters|wife|husband|son"
                           r"|daughter|family)\b)")


def _person_words(text: str, cands: list[_Candidate], gaz: Gazetteer) -> set[str]:
    """Single-word place names the text uses as people's names somewhere, from strong evidence
    only: a title, an initial, a generational suffix, a verb of saying, "the NAME administration".
    A capital or country that "said" something stands for its government and stays a place."""
    words: set[str] = set()
    for cand in cands:
        key = cand.key
        if cand.fixed or key in words or " " in key or cand.place.kind not in ("city", "region", "demonym"):
            continue
        before = _PERSON_BEFORE.search(text, max(0, cand.start - 60), cand.start)
        if _metonym(key, gaz):  # "said Washington", "Moscow said": the government speaks
            if before and not before.group().startswith(("said", "says", "according")):
                words.add(key)
        elif before or _PERSON_AFTER.match(text, cand.end):
            words.add(key)
    return words


def _metonym(word: str, gaz: Gazetteer) -> bool:
    """Whether a place name can stand for its government or people ("Moscow said", "Britain says")."""
    place = gaz.names.get(word)
    return place is not None and (place.kind in ("country", "demonym", "area") or word in gaz.capitals
                                  or word in SAFE_CITIES or word in COUNTRY_ALIASES)


# -- context: the countries a story is already about ----------------------------------------------

def _anchor_countries(text: str, cands: list[_Candidate], gaz: Gazetteer) -> set[str]:
    """Countries the text names beyond doubt: country names, peoples, capitals and big cities whose
    name no other big place shares. Smaller or shared names are read in their light."""
    found: set[str] = set()
    for cand in cands:
        place, key = cand.place, cand.key
        if cand.fixed or not place.country:
            found.add(place.country)
        elif place.kind == "country" and key not in AMBIGUOUS:
            found.add(place.country)
        elif place.kind == "region" and (key in COUNTRY_ALIASES or key in gaz.major_regions) \
                and key not in AMBIGUOUS and key not in gaz.homonyms:
            found.add(place.country)  # England, Texas
        elif place.kind == "demonym" and not _language_use(text, cand):
            found.add(place.country)
        elif place.kind == "city" and key not in AMBIGUOUS and _anchor_city(key, gaz) and not _name_around(text, cand):
            found.add(place.country)
    found.discard("")
    return found


# States of the past and the modern countries that stand for them in the place data.
_SUCCESSORS = {"West Germany": ("Germany", "East Germany*"), "East Germany": ("Germany", "East Germany*"),
               "Soviet Union": ("Russia",), "Czechoslovakia": ("Czech Republic", "Slovakia"),
               "Yugoslavia": ("Serbia",)}


def _expand(countries: set[str]) -> set[str]:
    """Countries with the names the place data gives them: West Germany brings Germany, the Soviet
    Union Russia (not every republic: a Turkmen town needs a Turkmen context)."""
    out = set(countries)
    for old, modern in _SUCCESSORS.items():
        if old in countries:
            out.update(modern)
    if "Germany" in out:
        out.update(("West Germany", "East Germany*"))
    return out


def _anchor_city(key: str, gaz: Gazetteer) -> bool:
    """A major city no big place elsewhere is named after: Alexandria (Egypt) is not one, as a
    Virginia town of 160,000 shares the name; Paris is (Paris, Texas is small)."""
    if not _major(key, gaz):
        return False
    population = gaz.population.get(key, 0)
    ratio = HOMONYM_RATIO if key in gaz.capitals else 40
    return not any(pop >= HOMONYM_MIN_POPULATION and pop * ratio >= population
                   for other, pop in gaz.homonyms.get(key, ()) if other.kind == "city")


def _major(key: str, gaz: Gazetteer) -> bool:
    """A city known the world over: a capital, or a million people and no big namesake elsewhere."""
    population = gaz.population.get(key, 0)
    if key in gaz.capitals and population >= CITY_MIN_POPULATION:
        return not _shared(key, gaz)
    return population >= MAJOR_CITY_POPULATION and not _shared(key, gaz)


def _shared(key: str, gaz: Gazetteer) -> bool:
    """Whether a big place in another country shares the name ("Newcastle", "Valencia", "Gloucester")."""
    population = gaz.population.get(key, 0)
    return any(pop >= HOMONYM_MIN_POPULATION and pop * HOMONYM_RATIO >= population
               for other, pop in gaz.homonyms.get(key, ()) if other.kind == "city")


# -- deciding one candidate ----------------------------------------------------------------------

def _decide(text: str, cand: _Candidate, gaz: Gazetteer, persons: set[str], countries: set[str],
            cands: list[_Candidate], index: int) -> Place | None:
    """The place a candidate names here, or None when it is a person, a club, a word or a language."""
    key, place = cand.key, cand.place
    if _in_name(text, cand):
        return None  # "Bank of England", "Iraq War", "American Enterprise Institute": a name, not a place
    if place.kind == "demonym":
        if key in persons or _language_use(text, cand):
            return None  # "Mr. English", "the English version"
        prev, gap = _prev_word(text, cand.start)
        if gap in _WORD_GAPS and _name_before(prev) and not _at_sentence_start(text, cand.start - len(prev) - 1):
            return None  # "said Bryan English"
        return place
    if not _accept(text, key, cand.start, cand.end, place):
        return None
    if _COUNTY.match(text, cand.end):
        return None  # "Nassau County, N.Y.": a county named after it, not the capital of the Bahamas
    if place.kind in ("country", "area"):
        if _LOCAL_SUFFIX.match(text, cand.end):
            return None  # "Jamaica Estates", "Jordan Valley Road": a neighbourhood or street named after it
        if place.kind == "area" and place.country:
            prev, gap = _prev_word(text, cand.start)
            if gap in _WORD_GAPS and _name_before(prev):
                return None  # "National Westminster Bank"
        return _resolve(text, cand, gaz, countries, cands, index) if key in gaz.homonyms else place
    # cities and regions
    if " " not in key and key in persons and not _region_follows(text, cand.end):
        return None  # "Bush" after "George W. Bush", "Mr Kennedy"
    if not _title_case_line(text, cand.start) and _name_around(text, cand):
        return None  # "Jeb Bush", "Stamford Bridge", "Real Madrid", "Paris Hilton"
    place = _resolve(text, cand, gaz, countries, cands, index)
    part = _COMPASS.match(key)
    if part and place.country not in countries:
        whole = gaz.names.get(part.group(1))  # "East London" in a British story is London's east
        if whole is not None and whole.country in countries:
            return whole
    region = _region_after(text, cand.end) if place.kind == "city" else None
    if region is not None:
        return _addressed(place, key, region, gaz)
    if place.country in countries:
        return place
    # A place in a country the story is not otherwise about: only a well-known one, or in a
    # place-like context ("in Hamm", "near Newcastle", "Gloucester-based").
    if _place_context(text, cand):
        return place
    if place.kind == "city" and place == gaz.names.get(key) and _major(key, gaz):
        return place
    if place.kind == "region" and key in gaz.major_regions:
        return place
    return None


# Last words of the names of organisations, media, events and wars that a place may begin
# ("Iraq and Afghanistan Veterans of America", "Australia and New Zealand Banking Group", "Iraq War",
# "China Daily", "American Enterprise Institute"), and first words of those a place ends
# ("University of Michigan", "Center for American Progress", "Union of Ohio").
_NAME_ENDS = (r"War|Wars|Veterans|Bank|Banking|Airlines|Airways|Times|Post|Herald|Tribune|Telegraph|Journal|Gazette"
              r"|Daily|Corporation|Corp|Company|Inc|Ltd|Group|Holdings|Industries|Institute|University|College"
              r"|Society|Association|Foundation|Council|Party|League|Federation|Cup|Open|Motors|Petroleum|Telecom"
              r"|Museum|Awards|Orchestra|Committee|Alliance|Exchange|Fund|Review|Magazine")
_NAME_AFTER = re.compile(rf"(?:\s+(?:and|&)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){{0,2}})?\s+(?:{_NAME_ENDS})\b")
_NAME_AFTER_DEMONYM = re.compile(rf"(?:\s+[A-Z][\w.'-]*){{0,3}}\s+(?:{_NAME_ENDS}|Union)\b")
_NAME_AFTER_UPPER = re.compile(rf"\s+(?:{_NAME_ENDS.upper()})\b")
_NAME_BEFORE = re.compile(r"\b(?:University|College|Institute|Center|Centre|Museum|Society|Association|Foundation"
                          r"|Council|Federation|League|Academy|School|Union|Veterans|Workers|Party|Club|Committee)"
                          r"\s+(?:of|for)\s+(?:the\s+)?$")
# A company named after a place: a few capitalised words and a company's suffix or stock ticker
# ("Cyprus Minerals Co <CYPM>", "Georgia Gulf Corp", "GEORGIA GULF <GGLF>", "WHITEHALL <WHT>").
_COMPANY_AFTER = re.compile(r"(?:\s+[A-Z][\w.'&-]*){0,3}\s+(?:Co|Corp|Inc|Ltd|Plc|PLC|NV|AG|SA|SpA|GmbH|Bhd|Pty)\b"
                            r"|(?:\s+[A-Z][\w.'&-]*){0,2}\s*<[A-Z][\w.]*>"
                            r"|(?:\s+[A-Z][A-Z.'&-]*){1,2}\s+(?:CO|CORP|INC|LTD|PLC)\b|(?:\s+[A-Z][A-Z.'&-]*)?\s*<[A-Z][\w.]*>")


def _in_name(text: str, cand: _Candidate) -> bool:
    """Whether the place begins or ends the name of an organisation, a medium, an event or a war."""
    after = _NAME_AFTER_DEMONYM if cand.place.kind == "demonym" else _NAME_AFTER
    if after.match(text, cand.end) or _COMPANY_AFTER.match(text, cand.end):
        return True
    return bool(_NAME_BEFORE.search(text, max(0, cand.start - 40), cand.start))


_COMPASS = re.compile(r"(?:East|West|North|South|Northeast|Northwest|Southeast|Southwest|Central|Greater) (.+)")
_COUNTY = re.compile(r" (?:County|Parish)\b")
_LOCAL_SUFFIX = re.compile(r" (?:Estates|Plain|Heights|Avenue|Street|Road|Drive|Lane|Boulevard|Terrace|Township"
                           r"|Village|Mall|Hall|Theater|Theatre|Stadium|Arena|Hotel|Restaurant)\b")


def _resolve(text: str, cand: _Candidate, gaz: Gazetteer, countries: set[str], cands: list[_Candidate],
             index: int) -> Place:
    """Among places sharing a name, the one in a country the story is about, or of the same kind
    and country as a place listed with it ("Georgia and Ukraine", "Newcastle and Sunderland")."""
    place = cand.place
    alternatives = [(other, pop) for other, pop in gaz.homonyms.get(cand.key, ())
                    if _can_stand_for(place, other, pop, gaz.population.get(cand.key, 0), cand.key in gaz.capitals)]
    if not alternatives:
        return place
    neighbour = _listed_with(text, cand, cands, index)
    if neighbour is not None and neighbour.country:
        if place.country == neighbour.country or neighbour.kind == place.kind == "country":
            return place
        for other, _pop in alternatives:
            if other.country == neighbour.country:
                return other
    if place.country in countries:
        return place
    for other, _pop in alternatives:
        if other.country in countries:
            return other
    return place


def _can_stand_for(place: Place, other: Place, pop: int, population: int, capital: bool) -> bool:
    """Whether a namesake may replace the first place of a name: a region for a region or a country
    (Georgia, Punjab), a big city for a seat of government (Westminster) or for a city not too
    much bigger than it (Newcastle upon Tyne for Newcastle, Australia; not Paris, Texas for Paris)."""
    if other.kind == "region":
        return True  # Georgia (the state), Punjab (Pakistan's), Ontario (the province, not the Californian town)
    if other.kind != "city" or pop < NAMESAKE_MIN_POPULATION:
        return False
    if place.kind == "area":
        return bool(place.country) and pop >= CITY_MIN_POPULATION
    if place.kind != "city":
        return False
    return pop * HOMONYM_RATIO >= population or (not capital and pop >= CITY_MIN_POPULATION and pop * 40 >= population)


def _listed_with(text: str, cand: _Candidate, cands: list[_Candidate], index: int) -> Place | None:
    """The place written next to this one in a list ("X and Y", "X, Y", "X or Y"), if any."""
    for j in (index - 1, index + 1):
        if not 0 <= j < len(cands):
            continue
        other = cands[j]
        if other.place.kind not in ("city", "region", "country") or other.key == cand.key:
            continue
        gap = text[other.end:cand.start] if j < index else text[cand.end:other.start]
        if _LIST_GAP.fullmatch(gap):
            return other.place
    return None


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|/)\s*")
def _fit(text: str, start: int, cands, wrapped: bool = False) -> tuple[str, Place, int] | None:
    """The first candidate name written at `start` as a whole word: (name, place, end offset)."""
    n = len(text)
    for key, place in cands:
        end = start + len(key)
        if text.startswith(key, start) and (end >= n or not _LETTER.match(text[end])):
            return key, place, end
        if wrapped and ("\n" in text[start:end + 2] or "  " in text[start:end + 2]):  # wrapped across lines
            chunk = " ".join(text[start:start + len(key) + 20].split())
            if chunk.startswith(key) and (len(chunk) == len(key) or not _LETTER.match(chunk[len(key)])):
                return key, place, _span_end(text, start, key)
    return None


def _span_end(text: str, start: int, key: str) -> int:
    """End offset in text of `key` matched with any whitespace between its words."""
    i, j = start, 0
    while j < len(key) and i < len(text):
        if key[j] == " ":
            while i < len(text) and text[i].isspace():
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return i


_NOT_LETTER = re.compile(r"[^A-Za-z]+")
_NOT_UPPER = re.compile(r"[^A-Z]+")


def _mostly_upper(text: str) -> bool:
    head = text[:400]
    letters = len(_NOT_LETTER.sub("", head))
    return letters > 0 and len(_NOT_UPPER.sub("", head)) > 0.8 * letters


def _find_upper(text: str, gaz: Gazetteer, context: set[str]) -> list[Mention]:
    """Places in an all-capitals text (headlines, tables): only exact capitalised names, and as
    capitals hide names ("BUSH SAYS", "BETHLEHEM STEEL", "MCDONNELL DOUGLAS"), towns and regions only
    in a country the story is about or big enough to be known the world over."""
    out: list[Mention] = []
    free = 0
    for m in _UPPER_WORD.finditer(text):
        start = m.start()
        if start < free:
            continue
        cands = gaz.upper_starts.get(m.group())
        if not cands or text[start - 1:start] == "<":
            continue  # "UNION CARBIDE <UK>": a stock ticker, no place
        fit = _fit(text, start, cands)
        if fit is None:
            continue
        key, place, end = fit
        free = end
        if place.kind == "none" or (len(key) <= 3 and key not in ("USA", "UAE", "UK")):
            continue
        if _NAME_AFTER_UPPER.match(text, end) or _COMPANY_AFTER.match(text, end):
            continue  # "TOKYO BANK CONTRACT", "JAPAN AIRLINES", "GEORGIA GULF <GGLF>": a name
        out.append(Mention(place, start, end, text[start:end]))
    countries = _expand(context | {m.place.country for m in out if m.place.kind in ("country", "demonym")})
    return [m for m in out if m.place.kind not in ("city", "region") or m.place.country in countries
            or m.place.kind == "city" and _major(m.place.name, gaz)
            or m.place.kind == "region" and m.place.name in gaz.major_regions]


def _is_us(text: str, start: int) -> bool:
    """'US' is the country, not the pronoun 'us' shouted: not inside an all-capitals run."""
    before = text[max(0, start - 12):start]
    after = text[start + 2:start + 14]
    return not re.search(r"[A-Z]{2,}\W*$", before) and not re.match(r"\W*[A-Z]{2,}", after)


# What may stand between two words of one name: a space, or a line break inside a paragraph (wire
# copy is hard-wrapped: "the Christian\nDemocrats"); not a paragraph's break or indent.
_WORD_GAPS = (" ", "\n")


def _prev_word(text: str, start: int) -> tuple[str, str]:
    """The word before `start` and what lies between it and `start`."""
    i = start
    while i > 0 and text[i - 1] in " \t\n":
        i -= 1
    gap = text[i:start]
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'.-"):
        j -= 1
    return text[j:i], gap


def _at_sentence_start(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in " \t\n(":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_END


def _accept(text: str, key: str, start: int, end: int, place: Place) -> bool:
    """Names that are also common words or person names (Chad, Nice, May, Jordan) need a place-like
    context; a few (Paris, Jordan, China) count unless a neighbouring capitalised word makes a name."""
    if key not in AMBIGUOUS:
        return True
    prev, gap = _prev_word(text, start)
    if _region_follows(text, end):
        return True
    if prev.lower() in PLACE_CONTEXT and gap.strip() == "":
        return True
    if key in SAFE_UNLESS_NAME:
        after = text[end:end + 40]
        if gap in _WORD_GAPS and _name_before(prev):
            return False  # "Michael Jordan", "Air Georgia"
        if re.match(r"\s[A-Z][a-z]", after) and key not in ("Turkey", "China", "Japan", "Israel", "Paris"):
            return False  # "Jordan Marsh", "Victoria Falls"
        if key in ("Turkey", "China", "Japan") and re.match(r"\s(?:Hill|Creek|Run|Light|Inc|Corp)", after):
            return False
        return True
    return False


_FOLLOW_REGION = re.compile(r",\s*([A-Z][\w.]*)(?:\s([A-Z][\w.]*))?")
_LIST_GOES_ON = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+and\s+|\s+or\s+)[A-Z]")


def _region_after(text: str, end: int) -> Place | None:
    """The country or region named right after a place: 'Nice, France', 'Cairo, Ga.', 'Perth,
    Scotland' (not "Bush, Florida's former governor", not "Paris, Ukraine, Libya and Syria")."""
    follow = _FOLLOW_REGION.match(text, end)
    if not follow:
        return None
    first, second = follow.group(1), follow.group(2)
    tries = []
    if second and not first.endswith("."):
        tries.append((f"{first} {second}", follow.end(2)))
    tries.append((first, follow.end(1)))
    gaz = gazetteer()
    for name, stop in tries:
        bare = name.rstrip(".")
        region = gaz.lookup(bare) or _state_abbreviation(name)
        if region is None or region.kind not in ("country", "region"):
            continue
        rest = text[stop - (len(name) - len(bare)):stop + 12]
        if rest.startswith(("'s", "'")) or _LIST_GOES_ON.match(text, stop - (len(name) - len(bare))):
            return None  # an appositive or a list, not an address
        return region
    return None


def _addressed(place: Place, key: str, region: Place, gaz: Gazetteer) -> Place:
    """A city written with its region or country after it: the namesake there ("Atlanta, Georgia",
    "Nice, France", "MANCHESTER, N.H."), else a town of that region ("Cairo, Ga.")."""
    region_countries = {region.country} | {p.country for p, _pop in gaz.homonyms.get(region.name, ())}
    if place.country in region_countries or not region.country:
        return place
    for other, _pop in gaz.homonyms.get(key, ()):
        if other.country in region_countries:
            return other
    return Place(place.name, region.country, "city")


def _region_follows(text: str, end: int) -> bool:
    return _region_after(text, end) is not None


# Words after a place name that keep it a place: "Badghis Governor", "Kabul Airport", "Paris Monday".
_PLACE_SUFFIXES = frozenset("""Province Provincial State County District Region Prefecture Governorate Oblast
Municipality Metropolitan Airport International Island Islands Bay Valley Harbor Harbour River Strait Peninsula
Mountains Hills Street Road Avenue Square Boulevard Governor Mayor Police Council Legislature Assembly Parliament
Senate House Court Department Democrats Republicans Democrat Republican Sheriff Attorney Gov
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April June July August September
October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec""".split())
_NEXT_WORD = re.compile(r" ([A-Z][\w'-]*)")
# Words that make the city after them a sports club ("Real Madrid", "Inter Milan", "Bayern Munich").
_CLUB_PREFIXES = frozenset("""Real Inter Athletic Atletico Sporting Dynamo Dinamo Olympique Olympiakos Borussia Bayern
Racing Deportivo Lokomotiv Spartak CSKA Hertha Eintracht Werder Fortuna Hapoel Maccabi Galatasaray FC AC AS SC CF SS
SSC""".split())


def _name_around(text: str, cand: _Candidate) -> bool:
    """Whether a capitalised word next to a place name makes the two a name: a person's ("Jeb Bush",
    "Paris Hilton"), a club's ("Real Madrid", "Manchester City") or a venue's ("Stamford Bridge")."""
    prev, gap = _prev_word(text, cand.start)
    if gap in _WORD_GAPS and (prev in _CLUB_PREFIXES or cand.key not in SAFE_CITIES and _name_before(prev)):
        return True
    nxt = _NEXT_WORD.match(text, cand.end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if word in _PLACE_SUFFIXES or word.isupper():
        return False
    place = gazetteer().names.get(word)
    return place is None or place.kind == "none"


# Words right before a name that make it a place even in a story about another country.
_PLACE_WORDS = frozenset("in near outside inside around across throughout within".split())
_PLACE_OF = re.compile(r"\b(?:city|town|village|province|state|region|capital|port|suburbs?|district|county"
                       r"|outskirts|streets|mayor|governor|residents|people) of\s+$")


def _place_context(text: str, cand: _Candidate) -> bool:
    """'in Hamm', 'near Newcastle', 'the city of Bush', 'Gloucester-based': a place-like context."""
    prev, gap = _prev_word(text, cand.start)
    after = text[cand.end:cand.end + 8]
    if after.startswith(("-based", "-born", "-area")):
        return True
    if after.startswith(("'s", "'")) or _NEXT_WORD.match(text, cand.end):
        return False  # "in Bush's administration", "at George Washington University"
    if gap.strip() == "" and prev.lower() in _PLACE_WORDS:
        return True
    return bool(_PLACE_OF.search(text[max(0, cand.start - 40):cand.start]))


_TITLE_SMALL_WORDS = frozenset("with from into over than that this after about upon onto amid near".split())


def _title_case_line(text: str, start: int) -> bool:
    """Whether the line around `start` is a headline in Title Case, where capitals mark no names."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = [w for w in text[line_start:line_end if line_end >= 0 else None].split()
             if len(w) > 3 and w[0].isalpha() and w.lower() not in _TITLE_SMALL_WORDS]
    return len(words) >= 3 and sum(w[0].islower() for w in words) <= 0.15 * len(words)


_LANGUAGE_AFTER = re.compile(r"[\s-]+(?:language|languages|version|versions|term|terms|word|words|phrase|phrases"
                             r"|translation|translations|text|texts|name|names|speaker|speakers|speaking|subtitles?"
                             r"|dubbed|dub|edition|editions|lessons?|class|classes|teacher|teachers|course|courses"
                             r"|grammar|alphabet|dictionary|spelling|pronunciation|accent|expression|idiom|proficiency"
                             r"|literature|poetry|equivalent|literally|professor|professors|standards|skills|major"
                             r"|test|tests|exam|exams|fluency|instruction|literacy|learners|voice|-?speaking|-?language)"
                             r"\b")
_LANGUAGE_VERBS = frozenset("""speak speaks spoke spoken speaking learn learns learning learned learnt teach teaches
teaching taught fluent translated translate translates translating subtitled dubbed native""".split())
# Peoples' adjectives that are also languages: two of them listed together are languages ("in both
# English and Spanish", "Spanish and English").
_LANGUAGES = frozenset("""English French Spanish German Italian Portuguese Russian Chinese Japanese Korean Dutch Greek
Turkish Armenian Polish Swedish Danish Norwegian Finnish Hungarian Czech Ukrainian Vietnamese Thai Somali Romanian
Bulgarian Serbian Croatian Persian Filipino Indonesian Malaysian Icelandic Albanian Estonian Latvian Lithuanian
Slovak Slovenian Mongolian Burmese Nepalese Georgian Kazakh Uzbek Tajik Turkmen Azeri Kyrgyz""".split())
_LANGUAGE_PAIR = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s+([A-Z][a-z]+)\b")
_LANGUAGE_PAIR_BEFORE = re.compile(r"\b([A-Z][a-z]+)\s*(?:,|,?\s+(?:and|or))\s+$")


def _language_use(text: str, cand: _Candidate) -> bool:
    """'the English version', 'an Armenian term', 'speaks French', 'said in Spanish', 'English and
    Spanish': a language, not a people."""
    if _LANGUAGE_AFTER.match(text, cand.end):
        return True
    prev, gap = _prev_word(text, cand.start)
    low = prev.lower()
    if low in _LANGUAGE_VERBS:
        return True
    if cand.key in _LANGUAGES:
        pair = _LANGUAGE_PAIR.match(text, cand.end)
        if pair and pair.group(1) in _LANGUAGES:
            return True
        before = _LANGUAGE_PAIR_BEFORE.search(text[max(0, cand.start - 30):cand.start])
        if before and before.group(1) in _LANGUAGES:
            return True
    if low in ("in", "into") and gap.strip() == "":
        return not re.match(r"\s+[a-z]", text[cand.end:cand.end + 3])  # "in English." but not "in French waters"
    return False


# Cities whose name cannot be a first name before them ("Hong Kong" style two-word names are one key).
SAFE_CITIES = frozenset("London Tokyo Moscow Peking Beijing Bonn Brussels Frankfurt Zurich Geneva Madrid Rome "
                        "Ottawa Toronto Montreal Chicago Houston Dallas Boston Detroit Manila Jakarta Seoul "
                        "Taipei Bangkok Singapore Kabul Tehran Baghdad Cairo Riyadh Kuwait".split())


# Capitalised words before a place that do not make it part of a name (sentence openers and the like).
_OPENERS = frozenset("""the a an and but or as while when if since after before then also both meanwhile however
new old greater metropolitan downtown central northern southern eastern western north south east west
""".split())


def _name_before(prev: str) -> bool:
    """Whether a capitalised word right before a place name makes the two a person's or firm's name."""
    if not prev[:1].isupper() or prev.endswith("."):
        return False
    low = prev.lower()
    names = gazetteer().names
    if prev.endswith(("'s", "’s")) and prev[:-2] in names:
        return False  # "China's Inner Mongolia": a place of that country
    return low not in PLACE_CONTEXT and low not in _OPENERS and names.get(prev) is None


def _state_abbreviation(word: str, any_case: bool = False) -> Place | None:
    """'Conn.' -> Connecticut (in datelines also 'CONN', 'Que.' -> Quebec)."""
    word = word.strip().rstrip(".")
    if any_case:
        found = _ABBREVIATIONS_UPPER.get(word.upper())
        return Place(found[0], found[1], "region") if found else None
    state = US_STATE_ABBREVIATIONS.get(word)
    return Place(state, "United States", "region") if state else None


def in_lists(text: str, mentions: list[Mention], size: int = 3) -> set[int]:
    """Indexes of the mentions that stand in a list of `size` or more places ("turmoil in Paris,
    Ukraine, Libya and Syria"): named in passing. `text` is the folded text they were found in."""
    out: set[int] = set()
    run = [0] if mentions else []
    for i in range(1, len(mentions) + 1):
        if i < len(mentions) and _LIST_GAP.fullmatch(text[mentions[i - 1].end:mentions[i].start]):
            run.append(i)
            continue
        if len(run) >= size:
            out.update(run)
        run = [i]
    return out


def find_places(text: str) -> list[Place]:
    """The places named in a text, in order of first mention, each once (demonyms give their country)."""
    seen: dict[Place, None] = {}
    for mention in find_mentions(text):
        seen.setdefault(mention.place, None)
    return list(seen)


_DATE_PART = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b", re.I)


def resolve_dateline(dateline: str) -> Place | None:
    """The place of a dateline: 'SALVADOR, Feb 26', 'ST LOUIS, Mo., June 19', 'GUANAJUATO, Mexico, June 1'."""
    head, region_part = split_dateline(dateline)
    if not head:
        return None
    gaz = gazetteer()
    region = None
    if region_part:
        region_part = re.split(r"\s+(?=(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)",
                               region_part)[0]
        region = _state_abbreviation(region_part, any_case=True) or _dateline_region(region_part, gaz)
    place = gaz.dateline_names.get(_upper_key(head))
    if place is not None and place.kind == "none":
        place = None
    if place is not None:
        if region is not None and region.country and region.country != place.country \
                and place.country != "East Germany*":
            return Place(head.title(), region.country, "city")  # "Paris, Texas": the region decides
        if place.kind == "demonym":
            return None
        return place
    if region is not None and region.country:  # an unknown town: its state or country names the country
        return Place(head.title() if head.isupper() else head, region.country, "city")
    return _transposed(head, gaz)


def _dateline_region(part: str, gaz: Gazetteer) -> Place | None:
    """The state, province or country after a dateline's city: a region before a town of the same name
    ("OAKVILLE, Ontario" is in Canada, not in Ontario, California; "HALIFAX, Nova Scotia")."""
    found = gaz.dateline_names.get(_upper_key(part))
    if found is not None and found.kind in ("region", "country"):
        return found
    for key in dict.fromkeys((part, part.title())):
        for other, _population in gaz.homonyms.get(key, ()):
            if other.kind in ("region", "country"):
                return other
    return found


def _transposed(head: str, gaz: Gazetteer) -> Place | None:
    """A city of 100,000 people whose name the dateline spells with two neighbouring letters swapped
    ("MAIMI" for Miami), the commonest typing slip; only one such city, or none."""
    key = _upper_key(head)
    if len(key) < 5 or not key.isalpha():
        return None
    found = set()
    for i in range(len(key) - 1):
        if key[i] != key[i + 1]:
            place = gaz.dateline_names.get(key[:i] + key[i + 1] + key[i] + key[i + 2:])
            if place is not None and place.kind == "city" and gaz.population.get(place.name, 0) >= CITY_MIN_POPULATION:
                found.add(place)
    return found.pop() if len(found) == 1 else None


def split_dateline(dateline: str) -> tuple[str, str]:
    """(place, region) of a dateline, dates and trailing notes dropped: ('ST LOUIS', 'Mo.')."""
    text = re.split(r"\s+[-\u2013\u2014]\s+|\(", dateline)[0]
    parts = [p.strip() for p in text.split(",") if p.strip()]
    parts = [p for p in parts if not _DATE_PART.match(p) and not p[:1].isdigit()]
    if not parts:
        return "", ""
    return parts[0], (parts[1] if len(parts) > 1 else "")


def canonical_country(name: str) -> str | None:
    """A country's canonical name from a name, alias, demonym or Reuters slug (`west-germany`, `usa`)."""
    if not name:
        return None
    slug = name.strip().lower()
    if slug in REUTERS_SLUGS:
        return REUTERS_SLUGS[slug]
    gaz = gazetteer()
    text = name.replace("-", " ").strip()
    for form in (text, text.title(), text.upper()):
        place = gaz.names.get(fold(form))
        if place is not None and place.kind in ("country", "demonym"):
            return place.country
    return None


# News sources' home countries, for reading ambiguous names ("Newcastle" in a British paper), keyed by
# the source name or web domain with everything but letters taken out. Country-code domains
# (.co.uk, .ca, .in) need no entry; wire services (Reuters, AP, AFP) have no home here.
SOURCE_COUNTRIES = {
    **dict.fromkeys("""nytimes newyorktimes nyt washingtonpost washpost wsj wallstreetjournal usatoday latimes
    chicagotribune bostonglobe politico thehill breitbart huffpost huffingtonpost huffpo westernjournal westjournal
    foxnews cnn cbsnews nbcnews abcnews npr msnbc newsweek time theatlantic vox slate nationalreview newyorker
    bloomberg cnbc forbes businessinsider axios buzzfeednews nypost dailybeast washingtonexaminer washingtontimes
    theintercept motherjones salon""".split(), "United States"),
    **dict.fromkeys("""bbc bbccouk theguardian guardian telegraph independent thetimes timesonline dailymail
    mailonline thesun mirror express dailyexpress eveningstandard standard skynews sky ft financialtimes
    economist newstatesman spectator channel4 itv""".split(), "United Kingdom"),
    **dict.fromkeys("cbc globeandmail theglobeandmail nationalpost torontostar ctvnews".split(), "Canada"),
    **dict.fromkeys("abcnetau smh theage theaustralian newscomau".split(), "Australia"),
    **dict.fromkeys("timesofindia hindustantimes thehindu ndtv indianexpress".split(), "India"),
    **dict.fromkeys("irishtimes independentie rte".split(), "Ireland"),
    **dict.fromkeys("aljazeera".split(), "Qatar"),
    **dict.fromkeys("rt sputniknews tass".split(), "Russia"),
}
# Country-code top-level domains that sites of anywhere use.
_VANITY_TLDS = frozenset("io co tv me fm ai ly am to cc ws gg".split())


def home_country(source: str = "", url: str = "") -> str | None:
    """The home country of a news source, from its name or web address, if known."""
    host = ""
    if url:
        host = re.sub(r"^[a-z]+://", "", url.lower()).split("/")[0].split(":")[0]
        host = host.removeprefix("www.")
    for name in (host.rsplit(".", 1)[0] if host else "", host.split(".")[-2] if host.count(".") >= 1 else "",
                 source):
        key = re.sub(r"[^a-z]", "", name.lower())
        if key in SOURCE_COUNTRIES:
            return SOURCE_COUNTRIES[key]
    if host:
        tld = host.rsplit(".", 1)[-1]
        if len(tld) == 2 and tld not in _VANITY_TLDS:
            return gazetteer().by_code.get("GB" if tld == "uk" else tld.upper())
    return None


# Reuters-21578 PLACES slugs whose country the gazetteer cannot derive from the slug itself
# ("united-kingdom" or "el-salvador" derive; "uk", "ussr", "west-germany", "zaire" do not).
REUTERS_SLUGS = {
    "usa": "United States", "uk": "United Kingdom", "ussr": "Soviet Union", "uae": "United Arab Emirates",
    "west-germany": "West Germany", "east-germany": "East Germany", "hong-kong": "Hong Kong",
    "ivory-coast": "Ivory Coast", "zaire": "Democratic Republic of the Congo", "burma": "Myanmar",
    "kampuchea": "Cambodia", "macao": "Macao", "macau": "Macao", "yemen-arab-republic": "Yemen",
    "yemen-demo-republic": "Yemen", "st-lucia": "Saint Lucia", "st-vincent": "Saint Vincent and the Grenadines",
    "st-kitts-nevis": "Saint Kitts and Nevis", "trinidad-tobago": "Trinidad and Tobago",
    "antigua": "Antigua and Barbuda", "congo": "Republic of the Congo", "cape-verde": "Cabo Verde",
    "swaziland": "Eswatini", "western-samoa": "Samoa", "us-virgin-islands": "U.S. Virgin Islands",
    "british-virgin-islands": "British Virgin Islands", "guinea-bissau": "Guinea-Bissau", "west-bank": "Palestinian Territory",
    "netherlands": "Netherlands", "czechoslovakia": "Czechoslovakia", "yugoslavia": "Yugoslavia",
}
