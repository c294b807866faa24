"""Quotations that answer a request: one rule for `searchkit quotes` and for the quotes shown under hits.

A quotation answers a request when
- its words hold one of the request's quote words or phrases (`quote:enemy`, `quote:"has entered"`,
  or any word of a `quotes` query), when the request has any; and
- its speaker's name holds every word of one of the speaker names the request gives (`speaker:shams`,
  `--speaker "Hessamuddin Shams"`), when it gives any: `shams` finds Hessamuddin Shams, `john shams`
  does not. A description is no name: `speaker:reagan` does not find "Reagan administration official",
  whose head (`speaker:official`) or whole qualifier (`speaker:"reagan administration"`) does; or its
  speaker is, whole, another name the index gives the person asked for (`Reagan` for `speaker:"ronald
  reagan"`, search/people.py). Clauses under NOT are not wanted, so they pick nothing.
"""
from __future__ import annotations

from fnmatch import fnmatchcase

from ..index.schema import description_words, name_analyzer, text_analyzer
from ..model import Hit, Quote, described
from . import request as rq
from .request import SearchRequest
from .snippets import Terms, lead, make_snippet

_STEM = text_analyzer()
_PLAIN = name_analyzer()


def _stems(text: str) -> list[str]:
    return [t.text for t in _STEM(text)]


def _plain(text: str) -> list[str]:
    return [t.text for t in _PLAIN(text)]


def _contains(seq: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(seq[i:i + n] == part for i in range(len(seq) - n + 1))


class QuoteMatcher:
    """The quote and speaker clauses of a request, and which quotations they pick."""

    def __init__(self, request: SearchRequest):
        quote_default = request.fields == ("quote",)
        self.words: list[list[str]] = []  # each: the stems of one quote word (all must be in the quote)
        self.patterns: list[str] = []
        self.phrases: list[list[str]] = []
        self.speakers: list[set[str]] = []  # each: the words of one name (all must be in the speaker's name)
        self.also: set[tuple[str, ...]] = set()  # the same people's other names in the index, whole (search/people.py)
        for leaf, negated in rq.leaves(request.query):
            field = getattr(leaf, "field", None) or ("quote" if quote_default else None)
            if negated or field not in ("quote", "speaker"):
                continue
            if field == "speaker" and isinstance(leaf, (rq.Word, rq.Phrase)):
                names = set(_plain(leaf.text))
                if names:
                    self.speakers.append(names)
                    self.also |= {tuple(_plain(n)) for n in request.other_names(leaf.text)}
            elif isinstance(leaf, rq.Phrase):
                self.phrases.append(_plain(leaf.text))
            elif isinstance(leaf, rq.Pattern):
                self.patterns.append(leaf.text.lower())
            elif isinstance(leaf, rq.Word) and _stems(leaf.text):
                self.words.append(_stems(leaf.text))
        if request.filters.speaker and _plain(request.filters.speaker):
            self.speakers.append(set(_plain(request.filters.speaker)))
            self.also |= {tuple(_plain(n)) for n in request.other_names(request.filters.speaker)}

    def __bool__(self) -> bool:
        return bool(self.words or self.patterns or self.phrases or self.speakers)

    @property
    def asks_words(self) -> bool:
        return bool(self.words or self.patterns or self.phrases)

    def said_by(self, quote: Quote) -> bool:
        if not self.speakers:
            return True
        if self.also and tuple(_plain(quote.speaker or "")) in self.also:
            return True  # "Reagan" in a story that never gave his first name, asked for as "Ronald Reagan"
        if described(quote.speaker or ""):
            # A description ("Reagan administration official") is asked for by its head ("official"), by all
            # the words before it ("white house" for "White House spokesman") or by all of it, not by one name
            # in it: as the speaker field indexes it (index/schema.speaker_text).
            words = description_words(quote.speaker)
            return any(wanted in ({words[-1]}, set(words[:-1]), set(words)) for wanted in self.speakers)
        words = _plain(quote.speaker or "")
        return any(wanted <= set(words) for wanted in self.speakers)

    def says(self, quote: Quote) -> bool:
        if not self.asks_words:
            return True
        stems = _stems(quote.text)
        if any(all(s in stems for s in word) for word in self.words):
            return True
        if any(fnmatchcase(s, p) for p in self.patterns for s in stems):
            return True
        plain = _plain(quote.text)
        return any(_contains(plain, phrase) for phrase in self.phrases)

    def terms(self) -> Terms:
        """Words to highlight in a quotation (the exact words when only phrases were asked)."""
        if self.phrases and not (self.words or self.patterns):
            found = Terms(w for phrase in self.phrases for w in phrase)
            found.exact = True
            return found
        return Terms({s for word in self.words for s in word} | {s for p in self.phrases for w in p for s in _stems(w)})

    def pick(self, quotes) -> list[tuple[Quote, str]]:
        """(quotation, highlighted HTML) for each quotation that answers the request."""
        terms = self.terms()
        return [(q, make_snippet(q.text, terms, top=1) if terms else lead(q.text, 400))
                for q in quotes if self.said_by(q) and self.says(q)]


def find_quotes(searcher, request: SearchRequest, limit: int) -> list[tuple[Quote, Hit]]:
    """Quotations that answer the request, newest stories first (undated ones last)."""
    from ..index.schema import document
    from .ranking import collect
    from .stored import to_hit

    matcher = QuoteMatcher(request)
    ranked, _gate, _chain, _q = collect(searcher, request, depth=10**9, order="date", collapse=False)
    out: list[tuple[Quote, Hit]] = []
    terms = matcher.terms()
    for _key, docnum, _score in ranked.items:
        fields = document(searcher.reader(), docnum)
        for text, speaker in fields.get("quotes") or ():
            quote = Quote(text, speaker)
            if matcher.said_by(quote) and matcher.says(quote):
                out.append((quote, to_hit(fields, None, make_snippet(text, terms), len(out) + 1)))
                if len(out) >= limit:
                    return out
    return out
