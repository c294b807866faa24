"""Snippets: the best fragments of a body around the matched words, HTML-escaped, matches in <b>."""
from __future__ import annotations

import html
import re

from whoosh import highlight

from ..index.schema import name_analyzer, text_analyzer

# fields whose terms are highlighted in the body: they hold exact words, so the matched words are
# found in a story by plain (unstemmed) analysis
SNIPPET_FIELDS = ("title", "body", "quote")
FALLBACK_CHARS = 240

_ANALYZER = text_analyzer()
_EXACT_ANALYZER = name_analyzer()
_FRAGMENTER = highlight.ContextFragmenter(maxchars=220, surround=70, charlimit=None)


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
        analyzer = _EXACT_ANALYZER if getattr(terms, "exact", False) else _ANALYZER
        snippet = highlight.highlight(body, terms, analyzer, _FRAGMENTER, _FORMATTER, top=top,
                                      order=highlight.FIRST)
        if snippet:
            return snippet
    return lead(body)


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
