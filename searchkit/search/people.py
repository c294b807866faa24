"""One person however stories name them: speaker names that differ from story to story read as one.

Each story's quotes name a speaker as fully as that story does: wire copy writes "President Reagan"
("Reagan") where another story gave "Ronald Reagan", and one paper writes "Donald J. Trump" where
others write "Donald Trump". Across the index such names are one person when
- they are the same words but for initials ("Donald J. Trump", "Donald Trump"; "L. William Seidman"); or
- the shorter is the surname of the longer ("Reagan", "De Clercq" of "Willy De Clercq"), and the longer
  names four stories in five (and two at least) among the people with that surname given in full
  ("Obama": Barack Obama, 23 stories beside Michelle Obama's 4; "Dole" stays apart when Robert and
  Elizabeth Dole both speak often, 10 and 3, and "Hicks" when one story names a Gregory Hicks).
A name that is also a place ("Jordan", "Georgia"), a body's ("Bank of Japan", "FOMC") or the first word of
a body that speaks ("Ford" beside "Ford Motor Co") is left alone.
The person is shown under the full name (of spellings that differ by initials, the one most stories
give); facets, stats, the --speaker filter and speaker: in a query count and find the stories of every
name in the group.
"""
from __future__ import annotations

import re
from typing import Container, Mapping

from ..model import described

SURNAME_SHARE = 0.8  # the share of a surname's full-named stories one person needs to take the surname alone
SURNAME_STORIES = 2  # and the stories naming that person in full, at least (one story is too little to go on)
_INITIAL = re.compile(r"(?:[A-Z]\.)+|[A-Z]")
_PARTICLES = frozenset("de du da di del della der den van von le la bin ibn al el dos das st.".split())
# Words of a body's name, not a person's: such names are never merged
_BODY_WORDS = frozenset("""inc corp co ltd plc llc ag sa nv company corporation group bank ministry department
agency authority commission committee council board union association institute university college party
office government administration exchange fund trust securities news times post journal motors industries
holdings airlines chamber savings treasury security reserve fed minister management senate house congress
court police army of and for the a an one another some many two three""".split())


def _person_words(name: str) -> list[str] | None:
    """A name's words when it reads as a person's (capitalised words, particles between), else None."""
    words = name.split()
    if not 1 <= len(words) <= 5 or described(name) or any(ch.isdigit() for ch in name):
        return None
    for i, word in enumerate(words):
        low = word.lower()
        acronym = word.isupper() and word.isalpha() and len(word) > 1  # "FOMC", not the initial "J."
        particle = i < len(words) - 1 and low in _PARTICLES  # "Barend du Plessis"
        if low in _BODY_WORDS or low.endswith("-based") or acronym or not (word[:1].isupper() or particle):
            return None
    return words


def _without_initials(words: list[str]) -> tuple[str, ...]:
    """The words that are not initials, lower-cased: the form two spellings of one name share."""
    return tuple(w.lower() for w in words if not _INITIAL.fullmatch(w))


def person_groups(counts: Mapping[str, int], places: Container[str] = ()) -> dict[str, str]:
    """name -> the name its person is shown under, for each speaker name that is another's variant.

    `counts`: stories per speaker name; `places`: lower-cased names that are places (never merged alone).
    """
    people = {name: words for name in counts if (words := _person_words(name))}
    # initials: "Donald J. Trump" and "Donald Trump" share a form; the form's most told name shows it
    by_form: dict[tuple[str, ...], list[str]] = {}
    for name, words in people.items():
        form = _without_initials(words)
        if len(form) >= 2:
            by_form.setdefault(form, []).append(name)
    shown: dict[str, str] = {}
    told: dict[str, int] = {}  # stories per shown name (an upper bound: a story may give two spellings)
    for names in by_form.values():
        head = max(names, key=lambda n: (counts[n], len(n), n))
        for name in names:
            shown[name] = head
            told[head] = told.get(head, 0) + counts[name]
    # surnames: a name of one or two words that ends longer names, nearly all of them one person's
    full_by_tail: dict[tuple[str, ...], dict[str, int]] = {}
    for form, names in by_form.items():
        head = shown[names[0]]
        for k in (1, 2):
            if len(form) > k:
                tail = form[-k:]
                full_by_tail.setdefault(tail, {})[head] = told[head]
    # "Ford" where "Ford Motor Co" speaks too, "Morgan" beside "Morgan Stanley": maybe the body, left alone
    opens_body = {n.split()[0].lower() for n in counts
                  if n not in people and len(n.split()) > 1 and not described(n)}
    for name, words in people.items():
        form = tuple(w.lower() for w in words)
        if len(form) == 1 and form[0] in opens_body:
            continue
        if len(form) > 2 or (len(form) == 2 and form[0] not in _PARTICLES) or shown.get(name, name) != name \
                or " ".join(form) in places:  # a surname alone, or with its particle ("De Clercq")
            continue
        fuller = full_by_tail.get(form)
        if not fuller:
            continue
        best = max(fuller, key=lambda n: (fuller[n], n))
        if fuller[best] >= max(SURNAME_STORIES, SURNAME_SHARE * sum(fuller.values())):
            shown[name] = best
    for name in shown:  # "L. William Seidman" -> "William Seidman" -> a longer name it is the surname of
        while shown[shown[name]] != shown[name]:
            shown[name] = shown[shown[name]]
    return {name: head for name, head in shown.items() if name != head}


def variants(groups: Mapping[str, str], name: str) -> list[str]:
    """The other names of the person `name` names (case- and spacing-blind), or [] when it has none."""
    key = " ".join(name.lower().split())
    head = next((h for n, h in groups.items() if n.lower() == key), None) \
        or next((h for h in groups.values() if h.lower() == key), None)
    if head is None:
        return []
    return sorted(n for n in {head, *(n for n, h in groups.items() if h == head)} if n.lower() != key)
