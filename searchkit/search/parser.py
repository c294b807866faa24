"""Query text -> searchkit's query tree (search/request.py), or a QuerySyntaxError that points at the problem.

Grammar (as Whoosh read it, so queries keep their meaning):

    query  := clause+                 side by side: all of them (or any, with match "any")
    clause := and ("OR" and)*
    and    := unary ("AND" unary)*
    unary  := "NOT" unary | "(" query ")" [^boost] | field ":" value | "phrase"[~slop][^boost] | word[^boost]
    value  := word | "phrase" | "(" query ")" | [a to b] | {a to b} | (> >= < <=) word

Words with `*` or `?` are patterns; `*` alone is every story. `date:` values use the one date
grammar of search/dates.py. Nothing here knows an engine.
"""
from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from ..errors import QuerySyntaxError
from .dates import DateError, parse_span
from .lexer import LexError, Token, tokenize
from .request import (
    ALIASES,
    DEFAULT_FIELDS,
    FIELDS,
    And,
    DateRange,
    Group,
    MatchAll,
    Node,
    Not,
    Or,
    Pattern,
    Phrase,
    Range,
    Word,
    clean_text,
)

SYNTAX_HELP = (
    'syntax: words, "exact phrase", AND OR NOT ( ), field:value with fields '
    + ", ".join(f for f in FIELDS)
    + ", date:YYYY-MM-DD or date:[2021-07-01 to 2021-07-31]"
)
# The work a query can ask for is bounded: Whoosh's query normalisation is quadratic in clauses.
MAX_QUERY_WORDS = 1_000
MAX_QUERY_CHARS = 20_000
MAX_NESTING = 64  # brackets and NOTs inside each other

_BOOST = re.compile(r"\^(\d+(?:\.\d+)?)$")
_RANGE_TO = re.compile(r"\s+to\s+|^to\s+|\s+to$", re.IGNORECASE)
_TINY = timedelta(microseconds=1)
_VALUE = re.compile(r"[^\W_]|[*?]")  # a field value must hold a letter, a digit or a wildcard


def _error(message: str, text: str, position: int | None = None, token: str | None = None,
           help_text: str = SYNTAX_HELP) -> QuerySyntaxError:
    where = f" at column {position + 1}" if position is not None else ""
    shown = text if len(text) <= 80 else text[:77] + "..."
    return QuerySyntaxError(f"{message}{where} of {shown!r}; {help_text}", position=position, token=token)


def canonical_field(name: str) -> str | None:
    """The field a name or alias stands for, or None."""
    low = name.lower()
    return low if low in FIELDS else ALIASES.get(low)


def normalise(text: str) -> str:
    """Curly quotes as straight ones, NULs as spaces, lone surrogates as U+FFFD (one for one: columns hold)."""
    return clean_text(text.replace("\u201c", '"').replace("\u201d", '"').replace("\x00", " "))


def parse(text: str, *, basedate: datetime | None = None, fields: tuple[str, ...] = DEFAULT_FIELDS) -> Node:
    """Parse query text into a tree; raises QuerySyntaxError with the 0-based `position` and the `token`."""
    text = normalise(text)
    if not text.strip():
        raise QuerySyntaxError(f"empty query; {SYNTAX_HELP}", position=0, token="")
    words = len(text.split())
    if words > MAX_QUERY_WORDS or len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"query too long ({words:,} words, {len(text):,} characters); "
            f"the limit is {MAX_QUERY_WORDS:,} words and {MAX_QUERY_CHARS:,} characters"
        )
    try:
        tokens = tokenize(text)
    except LexError as exc:
        raise _error(str(exc), text, exc.position, exc.token) from None
    node = _Parser(text, tokens, basedate or datetime.now(timezone.utc)).query()
    if node is None:
        raise _error("query has nothing to search for", text, 0, text)
    return node


class _Parser:
    def __init__(self, text: str, tokens: list[Token], basedate: datetime):
        self.text = text
        self.tokens = tokens
        self.i = 0
        self.basedate = basedate
        self.depth = 0

    # -- token stream ----------------------------------------------------------------------
    def peek(self) -> Token | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def fail(self, message: str, tok: Token | None, help_text: str = SYNTAX_HELP) -> QuerySyntaxError:
        if tok is None:
            return _error(message, self.text, len(self.text), "", help_text)
        token = tok.text if tok.kind == "field" else self.text[tok.start:tok.end]
        return _error(message, self.text, tok.start, token, help_text)

    # -- grammar ---------------------------------------------------------------------------
    def query(self) -> Node | None:
        node = self.group(None, closing=False)
        tok = self.peek()
        if tok is not None:  # only a stray ")" stops a top-level group
            raise self.fail("unmatched ')'", tok)
        return node

    def group(self, field: str | None, *, closing: bool) -> Node | None:
        items: list[Node] = []
        while (tok := self.peek()) is not None and tok.kind != ")":
            node = self.clause(field)
            if node is not None:
                items.append(node)
        if not items:
            return None
        if len(items) == 1:
            return items[0]
        return Group(children=tuple(items), start=items[0].start, end=items[-1].end)

    def clause(self, field: str | None) -> Node | None:
        return self.chain("OR", Or, self.conjunction, field)

    def conjunction(self, field: str | None) -> Node | None:
        return self.chain("AND", And, self.unary, field)

    def chain(self, word: str, kind, step, field: str | None) -> Node | None:
        """step (word step)*: clauses joined by one operator."""
        parts = [step(field)]
        while (tok := self.peek()) is not None and tok.kind == "op" and tok.text == word:
            self.take()
            self.operand(tok)
            parts.append(step(field))
        return _joined(kind, parts)

    def operand(self, op: Token) -> None:
        """An operator must be followed by something to apply it to."""
        nxt = self.peek()
        if nxt is None or nxt.kind == ")" or (nxt.kind == "op" and nxt.text != "NOT"):
            raise self.fail(f"{op.text} needs a word or clause after it", op)

    def unary(self, field: str | None) -> Node | None:
        tok = self.peek()
        if tok.kind == "op" and tok.text == "NOT":
            self.take()
            self.operand(tok)
            child = self.nested(tok, self.unary, field)
            return None if child is None else Not(child=child, start=tok.start, end=child.end)
        return self.primary(field)

    def nested(self, tok: Token, step, *args):
        """Go one level deeper (a bracket or a NOT), refusing absurd depths before Python's stack does."""
        self.depth += 1
        if self.depth > MAX_NESTING:
            raise self.fail(f"brackets and NOTs nest more than {MAX_NESTING} deep", tok)
        try:
            return step(*args)
        finally:
            self.depth -= 1

    def primary(self, field: str | None) -> Node | None:
        tok = self.take()
        if tok.kind == "op":
            raise self.fail(f"{tok.text} needs a word or clause before it", tok)
        if tok.kind == "(":
            return self.bracketed(tok, field)
        if tok.kind == "field":
            return self.field_clause(tok)
        if tok.kind == "mod":  # only after a phrase or bracket; a stray one is ignored like punctuation
            return None
        return self.leaf(tok, field)

    def bracketed(self, opening: Token, field: str | None) -> Node | None:
        inner = self.nested(opening, lambda: self.group(field, closing=True))
        close = self.peek()
        if close is None or close.kind != ")":
            raise self.fail("unclosed '('", opening)
        self.take()
        boost, _slop, end = self.modifiers(close.end)
        if inner is None:
            return None
        return _with(inner, start=opening.start, end=end, boost=inner.boost * boost)

    def modifiers(self, end: int) -> tuple[float, int, int]:
        """(boost, slop, end) from a `~N^M` token right here."""
        tok = self.peek()
        if tok is None or tok.kind != "mod":
            return 1.0, 0, end
        self.take()
        slop = re.search(r"~(\d+)", tok.text)
        boost = re.search(r"\^([\d.]+)", tok.text)
        return (float(boost.group(1)) if boost else 1.0), (min(int(slop.group(1)), 100) if slop else 0), tok.end

    def field_clause(self, ftok: Token) -> Node | None:
        name = canonical_field(ftok.text)
        if name is None:
            raise self.fail(f"unknown field {ftok.text!r}", ftok)
        value = self.peek()
        if value is None or value.kind in (")", "op", "mod", "field"):
            raise self.no_value(ftok.text, ftok.end)
        self.take()
        if value.kind == "(":
            node = self.bracketed(value, name)
            return None if node is None else _with(node, start=ftok.start)
        if value.kind == "cmp":
            return self.comparison(ftok, name, value)
        if value.kind == "range":
            return self.range(ftok, name, value)
        if name != "date" and value.kind in ("word", "phrase") and not _VALUE.search(value.text):
            raise self.no_value(ftok.text, value.start)  # `title:""`, `location:,`: nothing to match
        node = self.leaf(value, name)
        return None if node is None else _with(node, start=ftok.start)

    def no_value(self, name: str, position: int) -> QuerySyntaxError:
        """`speaker:` with nothing after the colon, pointing where the value should be."""
        return _error(f"{name}: needs a value", self.text, position, "")

    def leaf(self, tok: Token, field: str | None) -> Node | None:
        if field is None and tok.kind == "word" and tok.text.endswith(":") and canonical_field(tok.text[:-1]):
            # `title:` at the end or before a space: a field left empty, not the word "title"
            spaced = f" (no space after the colon: {tok.text}WORD)" if self.peek() is not None else ""
            raise _error(f"{tok.text} needs a value{spaced}", self.text, tok.end, "")
        if field == "date":
            return self.date_leaf(tok, tok.start)
        if tok.kind == "phrase":
            boost, slop, end = self.modifiers(tok.end)
            if not tok.text.strip():
                return None
            return Phrase(text=tok.text, field=field, slop=slop, boost=boost, start=tok.start, end=end)
        if tok.kind != "word":
            raise self.fail(f"unexpected {tok.text!r}", tok)
        text, boost = tok.text, 1.0
        m = _BOOST.search(text)
        if m and m.start() > 0:
            text, boost = text[:m.start()], float(m.group(1))
        if text == "*" and field is None:
            return MatchAll(start=tok.start, end=tok.end, boost=boost)
        if "*" in text or "?" in text:
            return Pattern(text=text, field=field, boost=boost, start=tok.start, end=tok.end)
        return Word(text=text, field=field, boost=boost, start=tok.start, end=tok.end)

    # -- dates and ranges ----------------------------------------------------------------------
    def span(self, value: str, tok: Token):
        try:
            return parse_span(value, self.basedate)
        except DateError as exc:
            raise _error(str(exc).split("; ")[0], self.text, tok.start, value,
                         "use YYYY-MM-DD, a span like 7d or \"last week\", or date:[FROM to TO]") from None

    def date_leaf(self, tok: Token, start: int) -> Node:
        if tok.kind not in ("word", "phrase"):
            raise self.fail("date: needs a date", tok)
        if tok.kind == "word" and ("*" in tok.text or "?" in tok.text):
            raise self.fail("dates take no wildcards", tok)
        if tok.kind == "phrase":
            self.modifiers(tok.end)
        span = self.span(tok.text, tok)
        return DateRange(first=span.start, last=span.end, start=start, end=tok.end)

    def comparison(self, ftok: Token, name: str, cmp: Token) -> Node:
        value = self.peek()
        if value is None or value.kind not in ("word", "phrase"):
            raise self.fail(f"{cmp.text} needs a value after it", cmp)
        self.take()
        if name == "date":
            span = self.span(value.text, value)
            first, last = {">": (span.end + _TINY, None), ">=": (span.start, None),
                           "<": (None, span.start - _TINY), "<=": (None, span.end)}[cmp.text]
            return DateRange(first=first, last=last, start=ftok.start, end=value.end)
        low = value.text if cmp.text.startswith(">") else None
        high = value.text if cmp.text.startswith("<") else None
        return Range(field=name, low=low, high=high, include_low=cmp.text == ">=", include_high=cmp.text == "<=",
                     start=ftok.start, end=value.end)

    def range(self, ftok: Token, name: str, tok: Token) -> Node:
        inclusive = self.text[tok.start] == "["
        parts = _RANGE_TO.split(tok.text.strip(), maxsplit=1)
        if len(parts) != 2:
            raise self.fail("a range needs 'to' between its ends, as in [2021-07-01 to 2021-07-31]", tok)
        low, high = (p.strip() if p.strip() not in ("", "*") else None for p in parts)
        if name == "date":
            first = last = None
            if low is not None:
                low_span = self.span(low, tok)
                first = low_span.start if inclusive else low_span.end + _TINY
            if high is not None:
                high_span = self.span(high, tok)
                last = high_span.end if inclusive else high_span.start - _TINY
                if low is not None and low_span.start > high_span.end:  # not merely empty: the ends swapped
                    raise _error(f"date range ends before it starts ({low} > {high})", self.text, tok.start,
                                 self.text[tok.start:tok.end],
                                 f"write it as date:{self.text[tok.start]}{high} to {low}{self.text[tok.end - 1]}")
            return DateRange(first=first, last=last, start=ftok.start, end=tok.end)
        return Range(field=name, low=low, high=high, include_low=inclusive, include_high=inclusive,
                     start=ftok.start, end=tok.end)


def _joined(kind, parts: list[Node | None]) -> Node | None:
    kept = [p for p in parts if p is not None]
    if not kept:
        return None
    if len(kept) == 1:
        return kept[0]
    return kind(children=tuple(kept), start=kept[0].start, end=kept[-1].end)


def _with(node: Node, **changes) -> Node:
    from dataclasses import replace

    return replace(node, **changes)
