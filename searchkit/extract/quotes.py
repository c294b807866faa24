"""Quoted speech and who said it.

A quotation is one pair of double quote marks (curly “…” or straight "…") inside a paragraph; wire
copy hard-wraps lines, so a paragraph is a run of lines up to a blank line or an indented line. An
opening mark left open at the paragraph's end runs to that end (the wire convention for a quote
that goes on in the next paragraph, which opens with a new mark). Single quotes inside (‘…’) are
kept as part of the text.

Not speech: spans of at most three words unless attributed right next to them (`"Be careful," he
warned`), and spans that are titles or scare quotes (`its “forever war”`, `the "triple witching
hour"`): fewer than four words with no closing punctuation.

The speaker comes from the attribution around the quote, in this order:

    “…,” Bek told AFP / “…,” said Abdul Aziz Bek / “…,” he added / “…,” the president said
    Shams said: “…” / Dole said, “…” / Howard told a conference “…” / … according to NAME

Titles and places before a name are dropped (`Badghis Governor Hessamuddin Shams` -> `Hessamuddin
Shams`); a surname alone becomes the full name mentioned earlier (`Bek` -> `Abdul Aziz Bek`); a
pronoun becomes the person named most recently before it; "the president" / "the governor" the
person who carried that title; an unnamed "an American Motors spokesman" becomes "American Motors
spokesman". A quote with no attribution of its own that follows another quote in the same or the
next paragraph shares its speaker ("A," he said. "B."). Otherwise the speaker is None.
"""
from __future__ import annotations

import re

from ..model import Quote

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|adding|stated|states|noted|notes|announced|announces|declared|"
    "declares|explained|explains|warned|warns|insisted|insists|argued|argues|asked|asks|replied|replies|"
    "wrote|writes|continued|confirmed|confirms|claimed|claims|stressed|stresses|urged|urges|recalled|"
    "predicted|predicts|acknowledged|admitted|commented|remarked|observed|suggested|estimated|vowed|"
    "quipped|cautioned|emphasised|emphasized|concluded|conceded|complained|pointed out|testified|"
    "reported|maintained|contended|responded|answered|repeated|reiterated|agreed|disclosed|"
    "predicted|told reporters|saying|quoted"
)
_VERB = rf"(?:{SPEECH_VERBS})"
_VERB_RE = re.compile(rf"\b{_VERB}\b")
_NAME_WORD = r"(?:[A-Z]\.|(?:Mr|Mrs|Ms|Dr|Gen|Sen|Rep|Gov|Lt|Col|St|Jr|Prof)\.|[A-Z][A-Za-z'’]*(?:-[A-Za-z'’]+)*)"
_NAME_RUN = re.compile(rf"{_NAME_WORD}(?:\s+(?:(?:de|van|von|al|bin|la|del|der|da|du|di|le|ibn|dos)\s+)?{_NAME_WORD})*")
PRONOUNS = frozenset({"he", "she", "He", "She"})
ROLE_NOUNS = frozenset("""spokesman spokeswoman spokesperson official officials president minister chairman
chairwoman governor mayor secretary director executive analyst analysts economist economists source sources
trader traders dealer dealers banker bankers diplomat diplomats ambassador senator chief leader commander
negotiator representative statement premier chancellor king prince general commissioner""".split())

# Words in front of a name that are roles, not the name.
TITLES = frozenset("""
President Vice Prime Minister Ministers Secretary Governor Gov Mayor Chairman Chairwoman Chair Chief Executive
Officer Director General Gen Col Colonel Lt Lieutenant Major Captain Sergeant Commander Admiral Spokesman
Spokeswoman Spokesperson Senator Sen Rep Representative Congressman Congresswoman Judge Justice Ambassador
Councillor Council Member Provincial District Deputy Acting Foreign Defence Defense Interior Finance Trade
Economy Economic Agriculture Energy Oil Health Education Treasury State Federal National Central Bank Mr Mrs
Ms Dr Prof Professor King Queen Prince Princess Sheikh Emir Sultan Pope Father Rev Analyst Senior Junior
Managing Head Leader Party Opposition Official Officials Police Army Military Navy Air Force Premier Chancellor
Commissioner Economist The A An Our Their His Her Lawmaker Attorney Dealer Trader House Speaker Senate
Majority Minority Corporate Affairs Reserve Vice-President Vice-Chairman Chief-Executive Secretary-General
Undersecretary Assistant Associate Commerce Labour Labor Industry Transport Communications Petroleum Mines
Information Justice Planning Development Budget Presidential Press Deputy-Governor Gov. Sen. Rep. Mr. Mrs.
Dr. Gen. Lt. Col. Prof. U.S. US Afghan Soviet British French German Japanese Chinese Indonesian Belgian
Board Group Company Corp Corporation Inc Co Ltd Department Ministry Office Commission Committee Association
""".split())
# Capitalised words that mark an organisation or thing, not a person.
ORG_WORDS = frozenset("""Inc Corp Co Ltd Corporation Company Bank Association Department Ministry Commission
Committee Council Board Exchange Agency Fund Organisation Organization Institute Federation Union Group Party
Reserve Treasury Congress Senate House Program Programme System Administration Government Court News Reuters
Times Journal Post Service Services Airlines Motors Industries International Holdings Trust Securities
Market Markets Office Authority Bureau University College Church Army Navy Police Taliban AFP""".split())

_UNNAMED = re.compile(r"\b(?:[Aa]|[Aa]n|[Tt]he)\s+((?:[A-Z][\w&.'-]*\s+)+)(spokesman|spokeswoman|spokesperson|official)\b")
_LEADING = re.compile(r"^(?:(?:But|And|However|Meanwhile|Also|Yet|So|Then|Still|Later|Earlier|Asked[^,]*)[, ]+)+")
_NOT_NAMES = frozenset("He She It They We I You This That There Asked But And However".split())
_SUBJECT_VERB = re.compile(rf"({_NAME_RUN.pattern})\s+(?:also\s+)?(?:{_VERB})\b")
_QUOTE_MARKS = re.compile(r"[\"“”]")
_PARAGRAPH = re.compile(r"\n[ \t]*\n|\n(?=[ \t])")
_AFTER_VERB_FIRST = re.compile(rf"^[\s,]*(?:{_VERB})\s+(?P<who>[^.,;:\"“”()]{{1,80}})")
_AFTER_SUBJECT_FIRST = re.compile(
    rf"^[\s,]*(?P<who>[^.;:\"“”]{{1,80}}?)(?:,[^\"“”;]{{1,100}}?,)?\s+(?:also\s+|later\s+|then\s+|has\s+|had\s+)?"
    rf"(?:{_VERB})\b")
_ACCORDING = re.compile(r"^[^.\"“”]{0,60}?\baccording to\s+(?P<who>[^.,;:\"“”()]{1,80})")
_BEFORE = re.compile(
    rf"(?P<who>\b[^.;:\"“”]{{1,80}}?)(?:,[^\"“”;.]{{1,100}}?,)?\s+(?:also\s+|later\s+|then\s+)?"
    rf"(?P<verb>{_VERB})\b(?P<rest>[\s\S]{{0,200}})$")


def _paragraphs(text: str):
    """(start offset, paragraph text) with hard-wrapped lines inside kept as they are."""
    pos = 0
    for m in _PARAGRAPH.finditer(text):
        yield pos, text[pos:m.start()]
        pos = m.end()
    yield pos, text[pos:]


def _pairs(para: str) -> list[tuple[int, int, int]]:
    """(open mark, inner end, close end) for each quote pair of one paragraph."""
    out = []
    opened = None
    for m in _QUOTE_MARKS.finditer(para):
        mark, at = m.group(), m.start()
        if opened is None:
            if mark != "”":
                opened = at
        elif mark == "“":
            opened = at  # a stray opening mark: start again here
        else:
            out.append((opened, at, at + 1))
            opened = None
    if opened is not None:
        out.append((opened, len(para), len(para)))
    return out


def _clean(text: str) -> str:
    return " ".join(text.split())


class _People:
    """People named in a story: full names by position, their titles, for surnames and pronouns."""

    def __init__(self, text: str) -> None:
        self.mentions: list[tuple[int, str]] = []
        self.roles: list[tuple[int, str, str]] = []  # (position, role word lower-case, name)
        singles: list[tuple[int, str]] = []
        for m in _NAME_RUN.finditer(text):
            name, role = _strip_titles(m.group())
            if not name or not _personlike(name):
                continue
            if len(name.split()) >= 2 or role:
                self.mentions.append((m.start(), name))
                if role:
                    self.roles.append((m.start(), role, name))
            else:
                singles.append((m.start(), name))
        known = {full.split()[-1] for _pos, full in self.mentions}
        self.mentions += [(pos, name) for pos, name in singles if name in known]  # "Habibi stated"
        self.mentions.sort()
        self.speaking: list[tuple[int, str]] = []
        for m in _SUBJECT_VERB.finditer(text):
            name, _role = _strip_titles(m.group(1))
            if name and name.split()[0] not in _NOT_NAMES and _personlike(name):
                self.speaking.append((m.start(), self.full(name, m.start())))
        # Unnamed speakers: "an American Motors spokesman", "a Taliban spokesman"
        self.unnamed: list[tuple[int, str]] = [
            (m.start(), f"{' '.join(m.group(1).split())} {m.group(2)}") for m in _UNNAMED.finditer(text)
            if not m.group(1).split()[0] in ("The", "A", "An")]

    def full(self, name: str, at: int) -> str:
        """A surname (or partial name) as the fullest name seen that ends with it."""
        best = name
        for _pos, full in self.mentions:
            if full != name and (full.endswith(" " + name)) and len(full) > len(best):
                best = full
        return best

    def before(self, at: int, last: tuple[int, str] | None = None) -> str | None:
        """Whom "he" or "she" at `at` refers to: the nearest earlier speaker (a name before a verb of
        saying, an unnamed spokesman, the last quote's speaker), else the nearest person named."""
        speaking = [(pos, who) for pos, who in self.speaking + self.unnamed if pos < at]
        if last is not None:
            speaking.append(last)
        if speaking:
            return self.full(max(speaking)[1], at)
        earlier = [(pos, who) for pos, who in self.mentions if pos < at]
        return self.full(max(earlier)[1], at) if earlier else None

    def by_role(self, role: str, at: int) -> str | None:
        earlier = [(pos, who) for pos, r, who in self.roles if r == role and pos < at]
        return self.full(earlier[-1][1], at) if earlier else None


def _personlike(name: str) -> bool:
    words = name.split()
    if any(w.strip(".,") in ORG_WORDS for w in words):
        return False
    from .locations import gazetteer

    return gazetteer().lookup(name) is None


def _strip_titles(name: str) -> tuple[str, str]:
    """'Badghis Governor Hessamuddin Shams' -> ('Hessamuddin Shams', 'governor')."""
    from .locations import gazetteer

    gaz = gazetteer()
    words = name.replace("’", "'").split()
    if words and words[-1].endswith("'s"):
        return "", ""  # "Chrysler Corp's": a possessive, not a speaker
    while words and words[-1].strip(".,") in TITLES:
        words.pop()
    keep: list[str] = []
    for word in reversed(words):
        bare = word.strip(".,")
        if keep and (bare in TITLES or _place_word(gaz, bare)):
            break
        keep.append(word)
    role = ""
    for word in reversed(words[: len(words) - len(keep)]):
        if word.strip(".,").lower() in ROLE_NOUNS:
            role = word.strip(".,").lower()
            break
    return " ".join(reversed(keep)).strip(" ,"), role


def _place_word(gaz, word: str) -> bool:
    """A country, region or people's name before a name ("Badghis", "Afghan"), not a city like "Leon"."""
    place = gaz.lookup(word)
    return place is not None and place.kind != "city"


def _speaker_from(who: str, at: int, people: _People, last: tuple[int, str] | None) -> tuple[bool, str | None]:
    """(attributed?, speaker) for the subject of an attribution: a name, a pronoun, a role."""
    who = _LEADING.sub("", who.strip())
    if not who:
        return False, None
    first = who.split()[0]
    if first in PRONOUNS:
        return True, people.before(at, last)
    if first in ("they", "They", "it", "It", "I", "we", "We"):
        return True, None
    low = who.lower()
    m = re.match(r"(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?P<org>(?:[A-Z][\w&.'-]*\s+)*)(?:(?:senior|top|chief|junior|former|"
                 r"official|government|company|unnamed|\w+-\w+)\s+)?(?P<role>[a-z]+)\b(?:\s+(?:for|of|at)\s+"
                 r"(?:the\s+)?(?P<org2>(?:[A-Z][\w&.'-]*\s*)+))?", who)
    if m and m.group("role") in ROLE_NOUNS:
        role = m.group("role")
        org = (m.group("org") or m.group("org2") or "").strip()
        if org:
            return True, f"{org} {role}"
        person = people.by_role(role, at)
        if person:
            return True, person
        earlier = [who for pos, who in people.unnamed if pos < at and who.endswith(" " + role)]
        return True, earlier[-1] if earlier else None
    if low.startswith(("the ", "a ", "an ")) or not who[0].isupper():
        return True, None
    runs = _NAME_RUN.findall(who)
    if not runs:
        return True, None
    name, _role = _strip_titles(runs[-1])
    if not name or not _personlike(name):
        return True, None
    return True, people.full(name, at)


def _is_speech(inner: str, attributed_next_to: bool) -> bool:
    words = inner.split()
    if len(words) >= 4 and (re.search(r"[.,!?…]\W*$", inner) or attributed_next_to or len(words) >= 7):
        return True
    return attributed_next_to and len(words) >= 1 and bool(re.search(r"[.,!?]\W*$", inner))


def _paragraph_subject(para: str, at: int, people: _People) -> str | None:
    """Who speaks in a paragraph ("Roberts conceded that ..."), for a bare quote that follows it."""
    found = _SUBJECT_VERB.findall(para)
    if not found:
        return None
    attributed, speaker = _speaker_from(found[-1], at, people, None)
    return speaker


def find_quotes(text: str) -> list[Quote]:
    """Quotations in a story with their speakers (None when nobody can be named)."""
    if '"' not in text and "“" not in text:
        return []
    people = _People(text)
    out: list[Quote] = []
    last_speaker: str | None = None
    last_at: tuple[int, str] | None = None  # (position, speaker) of the last attributed quote
    last_para = -10
    paragraphs = list(_paragraphs(text))
    for p_index, (p_start, para) in enumerate(paragraphs):
        pairs = _pairs(para)
        prev_end = 0
        for open_at, inner_end, close_end in pairs:
            inner = _clean(para[open_at + 1:inner_end])
            at = p_start + open_at
            after = para[close_end:close_end + 200]
            before = para[prev_end:open_at]
            before_sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z])", before)[-1] if before else ""
            attributed, speaker, adjacent = False, None, False
            m = _AFTER_VERB_FIRST.match(after)
            if m and inner_end < len(para):
                attributed, speaker = _speaker_from(m.group("who"), at, people, last_at)
                adjacent = True
            if not attributed and inner_end < len(para):
                m = _AFTER_SUBJECT_FIRST.match(after)
                if m and not re.search(r"[.!?]\s", m.group("who")):
                    attributed, speaker = _speaker_from(m.group("who"), at, people, last_at)
                    adjacent = True
            if not attributed:
                m = _ACCORDING.match(after)
                if m:
                    attributed, speaker = _speaker_from(m.group("who"), at, people, last_at)
            if not attributed and before_sentence.strip():
                m = _BEFORE.search(before_sentence)
                if m:
                    who = m.group("who")
                    who = re.split(r",\s*|\b(?:and|but|that|while|when|as)\s+", who)[-1]
                    if m.group("verb") in ("adding", "saying") and not who.strip():
                        attributed, speaker = True, last_speaker
                    else:
                        attributed, speaker = _speaker_from(who, at, people, last_at)
                        if m.group("verb") in ("adding", "saying") and speaker is None:
                            speaker = last_speaker
                    adjacent = bool(re.fullmatch(r"[\s\w]{0,40}[,:]?\s*", m.group("rest")))
            if not _is_speech(inner, adjacent):
                continue  # a scare quote or title: part of the sentence around the next quote
            if not attributed and last_speaker is not None and p_index - last_para <= 1:
                speaker = last_speaker  # "A," he said. "B." / a quote running on into the next paragraph
            elif not attributed and p_index > 0:
                speaker = _paragraph_subject(paragraphs[p_index - 1][1], p_start, people) or speaker
            inner = inner.rstrip(",").strip()
            if inner:
                out.append(Quote(inner, speaker))
                last_speaker, last_para = speaker, p_index
                if speaker:
                    last_at = (at, speaker)
            prev_end = close_end
    return out
