"""Bylines: the people (or the agency) a story is by, as clean names.

A byline comes from a trusted field (a metadata table's `author` column, a JSON `author` key,
Reuters `<AUTHOR>`) or from a story's opening lines. `split_byline` turns one into names:
"By JANE SMITH and John Doe, Reuters" -> ("Jane Smith", "John Doe"). It drops the "By", the
affiliation ("Reuters", "USA TODAY", "Special for USA TODAY", "The Cincinnati Enquirer"), Twitter
handles, e-mail addresses, "Follow X on Twitter" and "Y contributed reporting" notes, and writes
names given in capitals (or in lower case) in title case ("O'NEILL" -> "O'Neill"). A byline naming
nobody but an agency ("AP", "By THE ASSOCIATED PRESS") keeps the agency as its author; a byline that
names a person drops every credit beside the name, even one given as a separate author ("Jill Disis;
CNN Business", "Analysis by Chris Cillizza, CNN Editor-at-large", "ERIC TUCKER Associated Press"). A
site account ("Admin", "jdadmin", "webmaster") or a publisher ("Condé Nast") is never an author.

Read from a story's text (`opening_byline`), a line must *be* a byline: "By" and then nothing but
names and affiliations; "By the fall of 2010, ..." or "By Monday morning" is a sentence, not a byline.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

# Words that make a comma-separated part an affiliation or a role, not a person (lower case).
ORG_WORDS = frozenset("""
    reuters reuter ap afp upi dpa efe ansa kyodo xinhua tass itar-tass pa bloomberg associated press agence
    france-presse news newswire times post today journal herald tribune enquirer gazette daily weekly staff
    writer writers correspondent correspondents reporter reporters editor editors contributor contributors
    bureau wire wires services service network media magazine online digital radio tv television cnn bbc
    nbc abc cbs fox npr pbs msnbc cnbc guardian telegraph independent observer mirror courier courier-journal
    chronicle examiner standard express mail register review politico breitbart huffpost huffington
    newsweek usa special senior chief political contributing columnist analyst opinion international national
    foreign business sports desk team agencies agency edt est gmt bst updated published posted photo photos
    photographer video reporting editing additional research contributed inc ltd llc group company corp
    university institute
""".split())
# Bylines that name an agency alone, recognised even in running text ("By Reuters").
AGENCIES = {
    "reuters": "Reuters", "reuter": "Reuters", "ap": "AP", "associated press": "The Associated Press",
    "the associated press": "The Associated Press", "afp": "AFP", "agence france-presse": "AFP",
    "agence france presse": "AFP", "upi": "UPI", "united press international": "UPI",
    "bloomberg": "Bloomberg", "bloomberg news": "Bloomberg News", "dpa": "dpa", "press association": "PA",
    "pa": "PA", "xinhua": "Xinhua", "kyodo": "Kyodo", "pti": "PTI", "press trust of india": "PTI",
    "ians": "IANS", "ani": "ANI", "cnn": "CNN", "bbc": "BBC",
}
# Companies that publish magazines and papers but write nothing: a page's author field sometimes names one.
PUBLISHERS = frozenset({"condé nast", "conde nast", "hearst", "hearst communications", "gannett", "advance local",
                        "dotdash meredith", "meredith corporation", "future plc", "penske media", "vox media"})
# Words of a credit to a newsroom as a whole ("Staff Reports", "Detroit News wire services").
COLLECTIVE = frozenset("staff team desk bureau reports services wires agencies editors writers reporters".split())
# The accounts a publishing system signs pages with when nobody is named.
_ACCOUNT = re.compile(r"(?:\w*admin\w*|webmaster|root|user\d*|guest|editor|author|publisher|moderator|"
                      r"site\s*owner|default|system)", re.IGNORECASE)
# Dates that page templates run into the byline ("Jeff Foust Monday; November ..."); not May, June,
# April or August, which are surnames too.
DATE_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february march
    september october november december""".split())
# Lower-case name particles: "Ludwig van Beethoven", "Solange de Santis", "Nasser al Kidwa".
PARTICLES = frozenset("de da del della di du dos das van von der den la le bin ibn al el ter ten y".split())
SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())
# Capitalised words that start sentences or headlines rather than names, for bylines read from text.
NOT_NAMES = frozenset("""
    the a an this that these those then now here there when while after before during since until
    monday tuesday wednesday thursday friday saturday sunday today tonight yesterday tomorrow
    january february march april may june july august september october november december
    contrast comparison default design popular demand request invitation appointment far way hand
    air land sea night day noon midnight law order chance accident proxy any all no means heart choice
    force nature time staff admin administrator editor editorial guest
""".split())
NULL_VALUES = frozenset({"", "none", "null", "nil", "na", "n/a", "nan", "-", "--", "unknown", "anonymous"})

_PARENS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_JUNK = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<!\w)@\w+|\b[\w-]+\.(?:com|org|net|co\.uk|com\.au|ca|in)\b")
_BY = re.compile(r"^\s*(?:(?:(?:an?|news)\s+)?(?:written|words|story|text|reporting|writing|compiled|analysis|"
                 r"commentary|opinion|review|column|essay|interview|perspective)\s+)?by\b[\s:]*", re.I)
# A full stop after a word of two letters or more ends the byline ("By ALEXANDRA ALTER. Follow ...").
_SENTENCE_END = re.compile(r"(?<=[^\W\d_]{2})\.(?=\s|$)")
_NOTE = re.compile(r"\b(?:contribut\w*|edit(?:ing|ed)|reporting|research|follow|email|e-mail|twitter|"
                   r"photograph\w*|additional)\b", re.I)
_AND = re.compile(r"\s*,\s*(?:(?:and|AND|And|&)\s+)?|\s+(?:and|AND|And|&)\s+")
_SEGMENTS = re.compile(r"\s*[;|\u2022\u00b7]\s*|\s+[-\u2013\u2014]\s+")


def _null(text: str) -> bool:
    return text.strip().lower() in NULL_VALUES


def _token_kind(token: str) -> str:
    """'word' (a capitalised name word), 'initial', 'particle', 'suffix', 'lower' or 'other'."""
    low = token.lower()
    if low in SUFFIXES:
        return "suffix"
    if low in PARTICLES or re.fullmatch(r"[a-z]{1,3}['\u2019]", token):
        return "particle"
    if re.fullmatch(r"(?:[^\W\d_]\.){1,3}|[^\W\d_]", token) and token[0].isupper():
        return "initial"
    if re.fullmatch(r"(?:[a-z]{1,3}['\u2019])?[^\W\d_][^\W\d_'\u2019.-]*(?:['\u2019-][^\W\d_]+)*\.?", token):
        head = re.sub(r"^[a-z]{1,3}['\u2019]", "", token)
        if head[:1].isupper():
            return "word"
        if token.islower():
            return "lower"
    return "other"


def _is_name(part: str, *, strict: bool) -> bool:
    """Whether a comma-separated part of a byline reads as one person's name."""
    tokens = part.split()
    if not 2 <= len(tokens) <= 6:
        return False
    kinds = [_token_kind(t) for t in tokens]
    if all(k in ("lower", "particle") for k in kinds) and not strict:  # "keith grant"
        kinds = ["word" if k == "lower" else k for k in kinds]
    if any(k in ("other", "lower") for k in kinds):
        return False
    if kinds[0] not in ("word", "initial") or "word" not in kinds:
        return False
    core = [k for k in kinds if k != "suffix"]
    if len(core) < 2 or core[-1] != "word":
        return False
    lows = {t.lower().rstrip(".") for t in tokens}
    if lows & ORG_WORDS:
        return False
    return not (strict and lows & NOT_NAMES)


def _title_word(token: str) -> str:
    """One word of a name in title case: "O'NEILL" -> "O'Neill", "CHOU-WIEST" -> "Chou-Wiest"."""
    if re.fullmatch(r"(?:[IVX]+|[^\W\d_]\.)", token):  # roman numerals and initials stay
        return token
    if token.lower() in PARTICLES:
        return token.lower()
    prefix = ""
    m = re.match(r"[a-z]{1,3}['\u2019]", token)
    if m:  # "d'AFFLISIO": the particle stays as written
        prefix, token = m.group(0), token[m.end():]
    pieces = re.split(r"(['\u2019-])", token)
    out = "".join(p[:1].upper() + p[1:].lower() for p in pieces)
    if re.match(r"Mc[a-z]", out):
        out = "Mc" + out[2:3].upper() + out[3:]
    return prefix + out


def tidy_name(name: str) -> str:
    """A name with its spacing mended and capitals (or all lower case) put in title case."""
    name = " ".join(name.replace("\u00a0", " ").split()).strip(" ,;:")
    if name.endswith(".") and not re.search(r"\b(?:Jr|Sr|JR|SR|[^\W\d_])\.$", name):
        name = name[:-1]
    letters = re.sub(r"(?:^|\s)[a-z]{1,3}['\u2019]", " ", name)  # "d'" particles are not shouting
    letters = "".join(ch for ch in letters if ch.isalpha())
    if letters and (letters.isupper() or letters.islower()):
        return " ".join(_title_word(t) for t in name.split())
    return name


def _agency(text: str) -> str | None:
    key = " ".join(text.lower().replace(".", "").split())
    return AGENCIES.get(key)


def _parts(segment: str) -> list[str]:
    segment = _BY.sub("", segment)
    return [p.strip(" ,:") for p in _AND.split(segment) if p.strip(" .,:")]


def _names_in(segment: str, *, strict: bool) -> list[str] | None:
    """Names of one byline segment; None (strict mode) when a part is neither a name nor an affiliation."""
    names = []
    for part in _parts(segment):
        part = _BY.sub("", part)
        tokens = part.split()
        if len(tokens) > 2 and _agency(tokens[-1]):  # "Brad Schade Reuters"
            part = " ".join(tokens[:-1])
        if part.lower() in PUBLISHERS:
            continue
        if not _is_name(part, strict=strict) and not strict:
            part = _name_before_credit(part)
        if _is_name(part, strict=strict):
            names.append(tidy_name(_without_dates(part)))
        elif strict and not (_agency(part) or {t.lower() for t in part.split()} & ORG_WORDS):
            return None
    return names


def _name_before_credit(part: str) -> str:
    """The name that opens a part run on into its credit ("ERIC TUCKER Associated Press"); the part if none."""
    tokens = part.split()
    if {t.lower() for t in tokens} & COLLECTIVE:  # "Practical Horseman Editorial Staff" is nobody's name
        return part
    for cut in range(2, len(tokens)):
        head, tail = " ".join(tokens[:cut]), tokens[cut:]
        credit = _agency(" ".join(tail)) or (len(tail) > 1 and tail[-1].lower() in ORG_WORDS)
        if credit and _is_name(head, strict=True):  # one word after a name may be its own ("NJ Advance Media")
            return head
    return part


def _without_dates(name: str) -> str:
    """A name without the weekday or month a page template ran into it ("Carrie Arnold November")."""
    tokens = name.split()
    while len(tokens) > 2 and tokens[-1].lower().rstrip(",.") in DATE_WORDS:
        tokens.pop()
    return " ".join(tokens)


def split_byline(text: Any, *, strict: bool = False) -> tuple[str, ...]:
    """The names a byline gives, in order, without affiliation, handles or notes; () when none.

    strict: the byline comes from running text, so every part must be a name or an affiliation
    and an agency counts only when it is a known one.
    """
    people, credit = _credits(text, strict=strict)
    return people or credit


def _credits(text: Any, *, strict: bool) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The people a byline names, and (when it names none) the agency or organisation it credits."""
    if not isinstance(text, str) or _null(text):
        return (), ()
    text = _JUNK.sub(" ", _PARENS.sub(" ", text.replace("\u00a0", " ")))
    text = re.sub(r"\bFollow\b.*$", "", text, flags=re.S)
    names: list[str] = []
    segments = [s for s in _SEGMENTS.split(text) if s.strip()]
    for n, segment in enumerate(segments):
        stop = _SENTENCE_END.search(segment)
        if stop and not re.search(r"\b(?:Jr|Sr|JR|SR|St|Dr|Mr|Mrs|Ms)$", segment[:stop.start()]):
            segment = segment[:stop.start()]
        if n and (not _BY.match(segment) or re.match(r"\s*edit", segment, re.I)):
            continue  # "Reporting by A; Editing by B": only the first segment and other "by" ones
        kept = [p for p in segment.split(",") if not _NOTE.search(p)] if not strict else [segment]
        found = _names_in(",".join(kept), strict=strict)
        if found is None:
            return (), ()
        names += found
    if names or not segments:
        return tuple(dict.fromkeys(n for n in names if n)), ()
    lead = _BY.sub("", segments[0]).strip(" .,:")
    agency = _agency(lead)
    if agency:
        return (), (agency,)
    if not strict and _looks_like_org(lead):
        return (), (_tidy_credit(_without_dates(lead)),)
    return (), ()


def _looks_like_org(text: str) -> bool:
    """A short capitalised credit without digits ("Breitbart News", "UPI"): an organisation's byline.

    Not a site's account ("Admin"), a publisher, or words that only label ("Editorial", "November").
    """
    tokens = text.split()
    if _ACCOUNT.fullmatch(text.strip()) or text.lower() in PUBLISHERS \
            or all(t.lower() in NOT_NAMES or t.lower() in DATE_WORDS for t in tokens):
        return False
    return 1 <= len(tokens) <= 5 and not re.search(r"\d", text) and all(
        t[:1].isupper() or t.lower() in ("of", "the", "for", "and") for t in tokens)


def _tidy_credit(text: str) -> str:
    """An organisation's name tidied like a person's, but an acronym stays one ("PTI", not "Pti")."""
    if len(text.split()) == 1 and text.isupper() and len(text) <= 5:
        return text
    return tidy_name(text)


def authors_of(value: Any) -> tuple[str, ...]:
    """Names from a JSON author value: a byline string, a list of them, or objects with a "name".

    In a list, an item that names no person ("CNN Business", "AP National Political Writer") is the
    credit of the people beside it, so it counts only when no item names a person.
    """
    people, credit = _author_credits(value)
    return people or credit


def _author_credits(value: Any) -> tuple[tuple[str, ...], tuple[str, ...]]:
    if isinstance(value, dict):
        value = value.get("name") or value.get("fullname") or value.get("display_name") or ""
    if isinstance(value, str):
        return _credits(value, strict=False)
    if isinstance(value, list):
        people: list[str] = []
        credit: list[str] = []
        for item in value:
            found, credited = _author_credits(item)
            people += found
            credit += credited
        return tuple(dict.fromkeys(people)), tuple(dict.fromkeys(credit))
    return (), ()


def line_byline(line: str) -> tuple[str, ...]:
    """The names when a whole line of text is a byline ("By Jane Smith, Reuters | 12 March 2016")."""
    line = line.strip()
    if not _BY.match(line) or len(line) > 160:
        return ()
    first = _SEGMENTS.split(line)[0]
    return split_byline(first, strict=True)


def opening_byline(lines: Iterable[str], look: int = 6) -> tuple[tuple[str, ...], int, int]:
    """A byline among the first `look` non-blank lines: (names, first line, line after it), or ((), -1, -1).

    A line holding only "By" takes the next line as its names, as text copied from a web page has it.
    """
    seen = 0
    items = list(lines)
    for i, line in enumerate(items):
        if not line.strip():
            continue
        seen += 1
        if seen > look:
            break
        if line.strip().lower() in ("by", "by:") and i + 1 < len(items):
            names, end = line_byline("By " + items[i + 1]), i + 2
        else:
            names, end = line_byline(line), i + 1
        if names:
            return names, i, end
    return (), -1, -1


__all__ = ["authors_of", "line_byline", "opening_byline", "split_byline", "tidy_name"]
