"""Snippets: the best fragments of a body around the matched words, HTML-escaped, matches in <b>."""
from __future__ import annotations

import html
import re

from whoosh import highlight
from whoosh.support.charset import accent_map

from ..index.schema import name_analyzer, text_analyzer

# fields whose terms are highlighted in the body: they hold exact words, so the matched words are
# found in a story by plain (unstemmed) analysis
SNIPPET_FIELDS = ("title", "body", "quote")
FALLBACK_CHARS = 240

_ANALYZER = text_analyzer()
_EXACT_ANALYZER = name_analyzer()
MAXCHARS = 220  # a fragment's length, matches included
SURROUND = 70  # context kept before the first and after the last match of a fragment
_FRAGMENTER = highlight.ContextFragmenter(maxchars=MAXCHARS, surround=SURROUND, charlimit=None)


_WORD = re.compile(r"\w")
_SPACES = re.compile(r"\s+")


class _BoldFormatter(highlight.Formatter):
    """Escapes text first, then wraps matches in <b>; one ellipsis wherever text was left out."""

    def _text(self, text: str) -> str:
        # Runs of whitespace (line breaks in wire copy) become one space, never none.
        return html.escape(_SPACES.sub(" ", text), quote=False)

    def format_token(self, text, token, replace=False):
        return "<b>" + html.escape(highlight.get_text(text, token, replace), quote=False) + "</b>"

    def format(self, fragments, replace=False):
        fragments = list(fragments)
        if not fragments:
            return ""
        text = fragments[0].text
        out = "…" if _WORD.search(text, 0, fragments[0].startchar) else ""
        for i, fragment in enumerate(fragments):
            if i:  # adjacent fragments run on (keeping the punctuation between); a gap gets one ellipsis
                gap = text[fragments[i - 1].endchar:fragment.startchar]
                out += " … " if _WORD.search(gap) else self._text(gap)
            out += self.format_fragment(fragment, replace).strip()
        rest = text[fragments[-1].endchar:]
        # Words left out get an ellipsis; a closing full stop or quote is simply shown.
        return out + ("…" if _WORD.search(rest) else self._text(rest.rstrip()))


_FORMATTER = _BoldFormatter()


class Terms(frozenset):
    """Words to highlight; `exact` when they are the very words matched (else stems, compared stemmed)."""

    exact = False


def query_terms(q, reader, fields: tuple[str, ...] = SNIPPET_FIELDS) -> Terms:
    """Indexed words the query matches in the text fields (a word's forms and wildcards expanded).

    Walks the leaves itself: whoosh3's Query.existing_terms reuses its `fieldname`
    argument as a loop variable and drops the leaves of every field after the first.
    """
    words = set()
    for leaf in q.leaves():
        if leaf.field() not in fields:
            continue
        try:
            pairs = leaf.expanded_terms(reader, phrases=True)
        except Exception:  # noqa: BLE001 - some leaf types cannot expand; use their literal terms
            pairs = leaf.terms(phrases=True)
        for _fieldname, text in pairs:
            words.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    found = Terms(words)
    found.exact = True
    return found


def make_snippet(body: str, terms: frozenset[str], top: int = 3) -> str:
    """1-3 fragments with the matched words bold; the opening of the story when nothing matches."""
    if terms and body:
        exact = getattr(terms, "exact", False)
        if exact and _unaccented(body):  # words stand in the text as indexed: find them with one regex
            fragments = _fragments(body, _pattern(terms), top)
            return _FORMATTER(body, fragments) if fragments else lead(body)
        analyzer = _EXACT_ANALYZER if exact else _ANALYZER
        snippet = highlight.highlight(body, terms, analyzer, _FRAGMENTER, _FORMATTER, top=top,
                                      order=highlight.FIRST)
        if snippet:
            return snippet
    return lead(body)


def _unaccented(text: str) -> bool:
    """Whether folding accents leaves the (lower-cased) text as it is."""
    low = text.lower()
    return low.translate(accent_map) == low


class _Match:
    """A matched word where Whoosh's formatter expects a token."""

    __slots__ = ("startchar", "endchar", "text", "matched", "boost")

    def __init__(self, start: int, end: int, text: str):
        self.startchar, self.endchar, self.text, self.matched, self.boost = start, end, text, True, 1.0


_PATTERNS: dict[frozenset, re.Pattern] = {}


def _pattern(terms: frozenset[str]) -> re.Pattern:
    """One case-blind regex for the whole words to highlight (longest first), kept for later searches."""
    found = _PATTERNS.get(terms)
    if found is None:
        if len(_PATTERNS) > 1000:
            _PATTERNS.clear()
        words = sorted({re.escape(t) for t in terms if t}, key=len, reverse=True)
        found = _PATTERNS[terms] = re.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)", re.IGNORECASE)
    return found


def _fragments(text: str, pattern: re.Pattern, top: int) -> list:
    """The `top` passages with the most different matched words, in text order: matches less than SURROUND apart share
    a passage of at most MAXCHARS, with up to SURROUND characters of context on each side (cut at
    spaces, never running into the next passage)."""
    groups: list[list] = []  # [start, end, matches]
    for m in pattern.finditer(text):
        start, end = m.span()
        if groups and end - groups[-1][0] <= MAXCHARS and start - groups[-1][1] <= SURROUND:
            groups[-1][1] = end
            groups[-1][2].append(_Match(start, end, m.group()))
        else:
            groups.append([start, end, [_Match(start, end, m.group())]])
    if not groups:
        return []
    # as Whoosh's BasicFragmentScorer: passages matching more of the different words first, then more matches
    rank = sorted(range(len(groups)), key=lambda i: (-len({m.text.lower() for m in groups[i][2]}), -len(groups[i][2])))
    chosen = sorted(rank[:top])
    out = []
    floor = 0
    for n, i in enumerate(chosen):
        start, end, matches = groups[i]
        room = max(0, MAXCHARS - (end - start))
        first = max(floor, start - min(SURROUND, room))
        while 0 < first < start and not text[first - 1].isspace():
            first += 1  # begin after a space, not inside a word
        ceiling = groups[chosen[n + 1]][0] if n + 1 < len(chosen) else len(text)
        last = min(ceiling, end + min(SURROUND, max(0, room - (start - first))))
        while end < last < len(text) and not text[last].isspace():
            last -= 1  # end before a space, not inside a word
        while first < start and text[first].isspace():  # spaces stay between passages
            first += 1
        while last > end and text[last - 1].isspace():
            last -= 1
        out.append(highlight.Fragment(text, matches, startchar=first, endchar=last))
        floor = last
    return out


def lead(body: str, chars: int = FALLBACK_CHARS) -> str:
    """The start of a story, cut at a word boundary, escaped."""
    text = " ".join(body.split())
    if len(text) > chars:
        text = text[:chars].rsplit(" ", 1)[0] + "…"
    return html.escape(text, quote=False)


class _MarkFormatter(highlight.Formatter):
    """The whole text kept as it is (line breaks too), escaped, matches in <b>."""

    def _text(self, text: str) -> str:
        return html.escape(text, quote=False)

    def format_token(self, text, token, replace=False):
        return "<b>" + html.escape(highlight.get_text(text, token, replace), quote=False) + "</b>"


_WHOLE = highlight.WholeFragmenter(charlimit=None)


def mark_all(text: str, terms: frozenset[str]) -> str:
    """All of a text escaped, every matched word bold (for reading a story found by a search)."""
    if terms and text:
        analyzer = _EXACT_ANALYZER if getattr(terms, "exact", False) else _ANALYZER
        marked = highlight.highlight(text, terms, analyzer, _WHOLE, _MarkFormatter(), top=1)
        if marked:
            return marked
    return html.escape(text, quote=False)
