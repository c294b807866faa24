"""searchkit's SearchRequest -> the anchors' query languages (tantivy, plain Whoosh, SQLite FTS5), from the parsed tree.

Every engine answers the same parsed query: words, phrases, title:/body:/location: fields, AND/OR/NOT,
the request's match (all/any) for words side by side, and date ranges (a tantivy range; SQL
conditions for FTS5). Clauses an anchor's index cannot answer (quote:, speaker:, wildcards in
FTS5 columns it lacks...) raise ValueError naming them, rather than being dropped silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from searchkit.search import request as rq
from searchkit.search.request import SearchRequest

ANCHOR_FIELDS = {"title": "title", "body": "body", "location": "location"}
_WORD = re.compile(r"\w+")


def _field(node: rq.Node) -> str | None:
    field = getattr(node, "field", None)
    if field is not None and field not in ANCHOR_FIELDS:
        raise ValueError(f"field {field!r} has no translation for the anchors")
    return field


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- tantivy and plain Whoosh: two query languages of the same Lucene-like shape -------------------

@dataclass(frozen=True)
class _Dialect:
    """What differs between tantivy's and Whoosh's query syntax."""

    name: str
    negation: str  # before a clause that must not match
    date: Callable[[datetime], str]  # a range end
    location_quote: str  # around a location value (one keyword, maybe with spaces)
    patterns: bool  # wildcards passed through as typed
    open_end: str  # an unbounded end of a date range


_TANTIVY = _Dialect("tantivy", "-", _iso, '"', patterns=False, open_end="*")
_WHOOSH = _Dialect("Whoosh", "NOT ", lambda moment: moment.astimezone(timezone.utc).strftime("%Y%m%d%H%M%S"), "'",
                   patterns=True, open_end="")


def to_tantivy(request: SearchRequest) -> str:
    """The query in tantivy's query language; words side by side follow `conjunction_by_default`."""
    return _lucene(request.query, _TANTIVY)


def to_whoosh(request: SearchRequest) -> str:
    """The query in Whoosh's default QueryParser syntax (words side by side follow the parser's group)."""
    return _lucene(request.query, _WHOOSH)


def _lucene(node: rq.Node, dialect: _Dialect) -> str:
    if isinstance(node, (rq.And, rq.Or, rq.Group)):
        parts = [_lucene(c, dialect) for c in node.children]
        if isinstance(node, rq.Group):
            return "(" + " ".join(parts) + ")"
        return "(" + (" AND " if isinstance(node, rq.And) else " OR ").join(parts) + ")"
    if isinstance(node, rq.Not):
        return dialect.negation + _lucene(node.child, dialect)
    if isinstance(node, rq.MatchAll):
        return "*"
    if isinstance(node, rq.DateRange):
        low = dialect.date(node.first) if node.first else dialect.open_end
        high = dialect.date(node.last) if node.last else dialect.open_end
        return f"date:[{low} TO {high}]"
    field = _field(node)
    prefix = f"{field}:" if field else ""
    if isinstance(node, rq.Word):
        if field == "location":
            quote = dialect.location_quote
            return f"location:{quote}{node.text.lower()}{quote}"
        words = _WORD.findall(node.text)
        if not words:
            raise ValueError(f"{node.text!r} has no word to search for")
        return prefix + (words[0] if len(words) == 1 else '"' + " ".join(words) + '"')
    if isinstance(node, rq.Phrase):
        return prefix + '"' + " ".join(_WORD.findall(node.text)) + '"'
    if isinstance(node, rq.Pattern) and dialect.patterns:
        return prefix + node.text
    raise ValueError(f"{type(node).__name__} clauses have no {dialect.name} translation")


# -- SQLite FTS5 -------------------------------------------------------------------------------

FTS5_COLUMNS = {None: "{title body}", "title": "title", "body": "body", "location": "places"}


def to_fts5(request: SearchRequest) -> tuple[str, str | None, str | None]:
    """(FTS5 MATCH expression, ISO date from, ISO date to): top-level date clauses become SQL conditions."""
    rest, span = rq.split_dates(request.query, request.options.match)
    if rest is None:
        raise ValueError(f"nothing but dates to search for in {request.text!r}")
    expr = _fts5(rest, request.options.match)
    low = span[0].isoformat() if span and span[0] else None
    high = span[1].isoformat() if span and span[1] else None
    return expr, low, high


def _fts5(node: rq.Node, match: str) -> str:
    if isinstance(node, (rq.And, rq.Or, rq.Group)):
        joins_all = isinstance(node, rq.And) or (isinstance(node, rq.Group) and match == "all")
        wanted = [_fts5(c, match) for c in node.children if not isinstance(c, rq.Not)]
        unwanted = [_fts5(c.child, match) for c in node.children if isinstance(c, rq.Not)]
        if unwanted and not joins_all:
            raise ValueError("FTS5 has NOT only between clauses joined by AND")
        if not wanted:
            raise ValueError("FTS5 needs something to search for beside NOT")
        out = "(" + (" AND " if joins_all else " OR ").join(wanted) + ")"
        return out + "".join(f" NOT {u}" for u in unwanted)
    if isinstance(node, rq.Not):
        raise ValueError("FTS5 has no NOT on its own")
    if isinstance(node, rq.DateRange):
        raise ValueError("FTS5 takes dates only as a condition on the whole query")
    column = FTS5_COLUMNS[_field(node)]
    if isinstance(node, (rq.Word, rq.Phrase)):
        value = node.text.replace('"', '""')
        return f'{column} : "{value}"'
    if isinstance(node, rq.Pattern) and node.prefix:
        return f'{column} : "{node.prefix}" *'
    raise ValueError(f"{type(node).__name__} clauses have no FTS5 translation")
