"""Quoted speech and who said it.

Quotations are spans between paired quote marks (curly “…” or straight "…"; an opening mark left
open at the end of a paragraph runs to the paragraph's end, the wire convention for quotes that go
on in the next paragraph). Short spans without a verb of saying nearby (`its “forever war”`) are
scare quotes or titles, not speech. The speaker comes from the attribution around the quote:

    “…,” Bek told AFP        “…,” said Abdul Aziz Bek        Shams said: “…”        “…,” he added.

Titles and places in front of a name are dropped (`Badghis Governor Hessamuddin Shams`), a surname
alone is resolved to the full name mentioned earlier (`Bek` -> `Abdul Aziz Bek`), and a pronoun to
the nearest person named before it. Unnamed speakers (`the company said`) give speaker None.
"""
from __future__ import annotations

import re

from ..model import Quote

SPEECH_VERBS = (
    "said|says|say|told|tells|added|adds|stated|states|noted|notes|announced|announces|declared|declares|"
    "explained|explains|warned|warns|insisted|insists|argued|argues|asked|asks|replied|replies|wrote|writes|"
    "continued|confirmed|confirms|claimed|claims|stressed|stresses|urged|urges|recalled|predicted|"
    "acknowledged|admitted|commented|remarked|observed|suggested|estimated|reported|predicts|vowed|"
    "quoted|quipped|cautioned|emphasised|emphasized|concluded|conceded|complained|pointed out"
)
_VERB = rf"(?:{SPEECH_VERBS})"
_NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
_NAME = rf"(?:{_NAME_WORD}(?:\s+(?:de|van|von|al|bin|la|del|der|da|Mc)?\s*{_NAME_WORD}){{0,5}})"
PRONOUNS = {"he", "she", "they", "He", "She", "They"}

# Words in front of a name that are roles, not the name.
TITLES = frozenset("""
President Vice Prime Minister Ministers Secretary Governor Gov Mayor Chairman Chairwoman Chair Chief Executive
Officer Director General Gen Col Colonel Lt Lieutenant Major Captain Sergeant Commander Admiral Spokesman
Spokeswoman Spokesperson Senator Sen Rep Representative Congressman Congresswoman Judge Justice Ambassador
Councillor Council Member Provincial District Deputy Acting Foreign Defence Defense Interior Finance Trade
Economy Economic Agriculture Energy Oil Health Education Justice Treasury State Federal National Central
Bank Mr Mrs Ms Dr Prof Professor King Queen Prince Princess Sheikh Emir Sultan Pope Father Rev Analyst
Senior Junior Managing Head Leader Party Opposition Official Officials Police Army Military Navy Air Force
Premier Chancellor Commissioner Economist Minister's Spokesman's The A An Afghan US U.S. Our Their His Her
Lawmaker Attorney Dealer Dealers Trader Traders Analysts Executive Vice-President Vice-Chairman
""".split())

_CURLY = re.compile(r"“([^“”]{1,3000}?)(”|(?=\n\s*\n)|$)", re.S)
_STRAIGHT = re.compile(r'"([^"\n]{1,3000}?)("|(?=\n)|$)')

_AFTER_VERB_NAME = re.compile(rf"^[\s,]*(?:{_VERB})\s+(?P<name>{_NAME})")
_AFTER_NAME_VERB = re.compile(
    rf"^[\s,]*(?P<name>{_NAME}|he|she|they|it)(?:,[^,.]{{1,80}},)?\s+(?:also\s+|later\s+|then\s+)?(?:{_VERB})\b"
)
_AFTER_UNNAMED = re.compile(
    rf"^[\s,]*(?:the|a|an)\s+(?P<who>[a-z][a-z\s'-]{{1,40}}?)\s+(?:{_VERB})\b|^[\s,]*(?:{_VERB})\s+(?:the|a|an)\s"
)
_BEFORE = re.compile(rf"(?P<name>{_NAME}|he|she|they)(?:,[^,.“”\"]{{1,80}},)?\s+(?:also\s+)?(?:{_VERB})"
                     rf"(?:\s+(?:in\s+a\s+statement|reporters|journalists|[A-Z][\w]+(?:\s+news\s+agency)?))?"
                     rf"[^.]{{0,160}}?[:,]?\s*$")
_PERSON = re.compile(rf"\b{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}}\b")


def _strip_titles(name: str) -> str:
    """'Badghis Governor Hessamuddin Shams' -> 'Hessamuddin Shams'."""
    from .locations import gazetteer

    words = name.split()
    gaz = gazetteer()
    keep: list[str] = []
    for word in reversed(words):
        bare = word.strip(".,'’")
        if bare in TITLES or word in TITLES or gaz.lookup(bare) is not None or bare.lower() in ("s",):
            if keep:
                break
            continue
        keep.append(word)
    return " ".join(reversed(keep)).strip(" ,")


def _full_names(text: str) -> list[tuple[int, str]]:
    """Mentions of people: 2-4 capitalised words (titles stripped), then their surnames alone."""
    out = []
    for m in _PERSON.finditer(text):
        name = _strip_titles(m.group())
        if len(name.split()) >= 2:
            out.append((m.start(), name))
    surnames = {name.split()[-1]: name for _pos, name in out}
    for surname, name in surnames.items():
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text):
            out.append((m.start(), name))
    return sorted(set(out))


def _resolve(name: str, at: int, people: list[tuple[int, str]], speakers: list[tuple[int, str]]) -> str | None:
    """A surname to its full form; a pronoun to the nearest person named before it."""
    if name in PRONOUNS or name.lower() in ("he", "she", "they"):
        earlier = [(pos, who) for pos, who in speakers + people if pos < at]
        if not earlier:
            return None
        return max(earlier)[1]
    if name.lower() == "it":
        return None
    name = _strip_titles(name)
    if not name:
        return None
    if len(name.split()) == 1:
        for _pos, full in sorted(people + speakers, key=lambda p: p[0]):
            if full.split()[-1] == name and len(full.split()) > 1:
                return full
    return name


def _spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of each quotation-mark pair."""
    spans = [(m.start(), m.end(), m.group(1)) for m in _CURLY.finditer(text)]
    taken = [(a, b) for a, b, _ in spans]
    for m in _STRAIGHT.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            spans.append((m.start(), m.end(), m.group(1)))
    return sorted(spans)


def _is_speech(inner: str, before: str, after: str) -> bool:
    """Speech, not a scare quote or a title: long enough, or framed by a verb of saying."""
    words = inner.split()
    said_near = re.search(rf"\b(?:{_VERB})\b", after[:60]) or re.search(rf"\b(?:{_VERB})\b[^.]{{0,60}}$", before)
    if len(words) >= 6:
        return True
    if len(words) >= 2 and said_near and re.search(r"[.,!?]$", inner.strip()):
        return True
    return bool(len(words) >= 4 and said_near)


def find_quotes(text: str) -> list[Quote]:
    """Quotations in a story with their speakers (None when nobody can be named)."""
    if '"' not in text and "“" not in text:
        return []
    people = _full_names(text)
    speakers: list[tuple[int, str]] = []
    out: list[Quote] = []
    pending: list[tuple[int, str]] = []  # quotes waiting for an attribution later in the same passage
    for start, end, inner in _spans(text):
        inner_clean = " ".join(inner.split()).strip(" ,")
        before = text[max(0, start - 200):start]
        before = re.split(r"(?<=[.!?])\s*(?=[A-Z“\"])|\n", before)[-1]
        after = text[end:end + 160]
        if not inner_clean or not _is_speech(" ".join(inner.split()), before, after):
            continue
        speaker, named = None, False
        m = _AFTER_VERB_NAME.match(after) or _AFTER_NAME_VERB.match(after)
        if m:
            speaker, named = _resolve(m.group("name"), start, people, speakers), True
        elif _AFTER_UNNAMED.match(after):
            named = True
        else:
            b = _BEFORE.search(before)
            if b:
                speaker, named = _resolve(b.group("name"), start, people, speakers), True
        if not named and pending and start - pending[-1][0] < 400:
            speaker = pending[-1][1]  # a quote split by its attribution: "A," he said. "B."
        if speaker:
            speakers.append((start, speaker))
        pending.append((start, speaker))
        out.append(Quote(inner_clean.rstrip(",").strip(), speaker))
    return out
