"""What a page or API call asks for, read from its URL: checked, bounded, and turned into a SearchRequest.

Facet clicks become clauses ANDed to the typed query (`country:…`, `source:"…"`, a year's
dates), so the typed text stays as typed for errors and did-you-mean, and a URL says the whole
search. Every value is bounded here: a long query, a deep page or a pile of filters is a 400.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Mapping, Sequence
from urllib.parse import urlencode

from ..api import SORT_NAMES
from ..errors import ArgumentError
from ..search import request as rq
from ..search.dates import DateError, option_bound
from ..search.request import FACETS, SearchRequest

MAX_QUERY_CHARS = 1_000
MAX_VALUE_CHARS = 200  # a filter value, a date, an id
MAX_FILTERS = 20
MAX_PAGE = 1_000
MAX_LIMIT = 100
MAX_QUOTES = 500
PAGE_SIZE = 10

SORTS = SORT_NAMES  # the page's sort names -> the request's, as the CLI and the Python API take them
# Facets people click to filter, and how a value becomes a clause: keyword values, names, years.
KEYWORD_FILTERS = ("country", "place", "location", "tag")
NAME_FILTERS = ("source", "speaker", "author")
FILTERS = ("country", "place", "location", "source", "speaker", "author", "tag", "year")


class FormError(ArgumentError):
    """A URL parameter the page cannot use (the message names it)."""


def _one(params: Mapping, name: str, limit: int = MAX_VALUE_CHARS) -> str:
    values = params.getlist(name) if hasattr(params, "getlist") else [params.get(name, "")]
    value = (values[-1] if values else "") or ""
    if len(value) > limit:
        raise FormError(f"{name} is too long ({len(value):,} characters; at most {limit:,})")
    return value.strip()


def whole(raw: str, top: int) -> int | None:
    """A whole number from 1 to top written in ASCII digits (not '²', which str.isdigit takes), else None."""
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        return None
    return int(raw) if 1 <= int(raw) <= top else None


def _number(params: Mapping, name: str, default: int, top: int) -> int:
    raw = _one(params, name, 12)
    if not raw:
        return default
    if whole(raw, top) is None:
        raise FormError(f"{name} must be a whole number from 1 to {top:,}, not {raw!r}")
    return int(raw)


def _flag(params: Mapping, name: str) -> bool:
    return _one(params, name, 8).lower() in ("1", "on", "true", "yes")


def date_bound(name: str, value: str, *, end: bool, today: datetime) -> datetime | None:
    """A from/to parameter (the CLI's date grammar: 1987, 1987-03, 1987-03-02, 7d, "last week")."""
    if not value:
        return None
    try:
        return option_bound(value, end=end, basedate=today)
    except DateError as exc:
        raise FormError(f"{name}: {exc}") from None


@dataclass(frozen=True)
class SearchForm:
    """The search page's (and /api/search's) parameters; defaults are left out of URLs."""

    q: str = ""
    sort: str = "relevance"
    page: int = 1
    date_from: str = ""
    date_to: str = ""
    filters: tuple[tuple[str, str], ...] = ()  # (facet, value), in the order they were clicked
    any: bool = False  # match any word
    all: bool = False  # near-duplicates listed too
    typed: bool = False  # the words as typed: no spelling correction when they find nothing
    limit: int = PAGE_SIZE
    facets: tuple[str, ...] = ()  # API only: facet counts asked for

    @classmethod
    def parse(cls, params: Mapping, *, api: bool = False) -> "SearchForm":
        """The form from a URL's parameters; FormError names the first one that cannot be used."""
        sort = _one(params, "sort", 20).lower() or "relevance"
        if sort not in SORTS:
            raise FormError(f"sort must be relevance, newest or oldest, not {sort!r}")
        filters = []
        for name in FILTERS:
            for value in params.getlist(name) if hasattr(params, "getlist") else ():
                value = value.strip()
                if len(value) > MAX_VALUE_CHARS:
                    raise FormError(f"{name} is too long ({len(value):,} characters; at most {MAX_VALUE_CHARS})")
                if value and (name, value) not in filters:
                    filters.append((name, value))
        if len(filters) > MAX_FILTERS:
            raise FormError(f"too many filters ({len(filters)}; at most {MAX_FILTERS})")
        for name, value in filters:
            if name == "year" and whole(value, 9999) is None:
                raise FormError(f"year must be a year such as 1987, not {value!r}")
        facets = tuple(params.getlist("facet")) if api and hasattr(params, "getlist") else ()
        unknown = [f for f in facets if f not in FACETS]
        if unknown:
            raise FormError(f"unknown facet {unknown[0][:MAX_VALUE_CHARS]!r}; choose from {', '.join(FACETS)}")
        return cls(
            q=_one(params, "q", MAX_QUERY_CHARS), sort=SORTS[sort],
            page=_number(params, "page", 1, MAX_PAGE), date_from=_one(params, "from"), date_to=_one(params, "to"),
            filters=tuple(filters), any=_flag(params, "any"), all=_flag(params, "all"), typed=_flag(params, "typed"),
            limit=_number(params, "limit", PAGE_SIZE, MAX_LIMIT) if api else PAGE_SIZE, facets=facets,
        )

    @property
    def empty(self) -> bool:
        """Nothing asked yet: the start page."""
        return not (self.q or self.filters or self.date_from or self.date_to)

    @property
    def sort_name(self) -> str:
        """The sort as the page names it (relevance, newest, oldest)."""
        return {"date": "newest"}.get(self.sort, self.sort)

    @property
    def effective_sort(self) -> str:
        """The request's sort: browsing without words lists the newest first unless told otherwise."""
        return "date" if not self.q and self.sort == "relevance" else self.sort

    def params(self) -> list[tuple[str, str]]:
        """The URL parameters that say this form (defaults left out)."""
        out: list[tuple[str, str]] = [("q", self.q)] if self.q else []
        out += list(self.filters)
        if self.date_from:
            out.append(("from", self.date_from))
        if self.date_to:
            out.append(("to", self.date_to))
        if self.sort != "relevance":
            out.append(("sort", self.sort_name))
        if self.any:
            out.append(("any", "1"))
        if self.all:
            out.append(("all", "1"))
        if self.typed:
            out.append(("typed", "1"))
        if self.page != 1:
            out.append(("page", str(self.page)))
        return out

    def url(self, path: str = "/", **changes) -> str:
        """This search with some fields changed (back to page 1 unless `page` is given)."""
        changes.setdefault("page", 1)
        return link(path, replace(self, **changes).params())

    def adding(self, name: str, value: str) -> str:
        """URL of this search narrowed by one more facet value."""
        if (name, value) in self.filters:
            return self.url()
        return self.url(filters=self.filters + ((name, value),))

    def removing(self, name: str, value: str) -> str:
        """URL of this search without one of its facet filters."""
        return self.url(filters=tuple(f for f in self.filters if f != (name, value)))

    def request(self, *, today: datetime, facets: Sequence[str] = (), facet_top: int = 10) -> SearchRequest:
        """The SearchRequest this form asks for: the typed query AND each facet filter."""
        request = SearchRequest.build(
            self.q or "*", sort=self.effective_sort, page=self.page, limit=self.limit, match="any" if self.any else "all",
            date_from=date_bound("from", self.date_from, end=False, today=today),
            date_to=date_bound("to", self.date_to, end=True, today=today),
            collapse=not self.all, correct=not self.typed, facets=tuple(facets) or None, facet_top=facet_top,
            basedate=today)
        clauses = tuple(filter_clause(name, value) for name, value in self.filters)
        if clauses:
            request = replace(request, query=rq.And(children=(request.query, *clauses), end=len(self.q)))
        return request


def filter_clause(name: str, value: str) -> rq.Node:
    """A clicked facet value as a clause of the query tree."""
    if name == "year":
        year = int(value)
        return rq.DateRange(first=datetime(year, 1, 1, tzinfo=timezone.utc),
                            last=datetime(year, 12, 31, 23, 59, 59, 999999, tzinfo=timezone.utc))
    if name in NAME_FILTERS:  # the name's words in order
        return rq.Phrase(field=name, text=value)
    return rq.Word(field=name, text=value.replace(",", " "))  # a comma would mean "any of"


@dataclass(frozen=True)
class QuotesForm:
    """The quotations page's (and /api/quotes') parameters."""

    q: str = ""
    speaker: str = ""
    location: str = ""
    source: str = ""
    date_from: str = ""
    date_to: str = ""
    limit: int = 50

    @classmethod
    def parse(cls, params: Mapping, *, default_limit: int = 50) -> "QuotesForm":
        return cls(q=_one(params, "q", MAX_QUERY_CHARS), speaker=_one(params, "speaker"),
                   location=_one(params, "location"), source=_one(params, "source"),
                   date_from=_one(params, "from"), date_to=_one(params, "to"),
                   limit=_number(params, "limit", default_limit, MAX_QUOTES))

    @property
    def empty(self) -> bool:
        return not (self.q or self.speaker or self.location or self.source or self.date_from or self.date_to)

    def params(self) -> list[tuple[str, str]]:
        pairs = (("q", self.q), ("speaker", self.speaker), ("location", self.location), ("source", self.source),
                 ("from", self.date_from), ("to", self.date_to))
        return [(k, v) for k, v in pairs if v] + ([("limit", str(self.limit))] if self.limit != 50 else [])

    def url(self, **changes) -> str:
        return link("/quotes", replace(self, **changes).params())

    def options(self, today: datetime) -> dict:
        """Keyword arguments for Index.quotes."""
        return {"limit": self.limit, "speaker": self.speaker or None, "location": self.location or None,
                "source": self.source or None, "basedate": today,
                "date_from": date_bound("from", self.date_from, end=False, today=today),
                "date_to": date_bound("to", self.date_to, end=True, today=today)}


def link(path: str, params: Sequence[tuple[str, str]]) -> str:
    """A same-site URL: the path and its parameters, percent-encoded."""
    return f"{path}?{urlencode(params)}" if params else path


def article_link(article_id: str, q: str = "") -> str:
    """The article page of a story; ids may hold `/`, `?`, `#` (URLs): they travel as a parameter."""
    return link("/article", [("id", article_id)] + ([("q", q)] if q and q != "*" else []))
