"""A search request: searchkit's own parsed query tree plus filters, sort, page, facets and options.

The CLI, the API and the web page build one (`SearchRequest.build(text, **options)`); a backend
translates it to its engine (`search/whoosh_query.py` for Whoosh, `bench/translate.py` for tantivy
and SQLite FTS5). Nothing here knows an engine: the tree says what was asked, with the place in
the query text each clause came from (`start`, `end`: 0-based, end exclusive), for error reports.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timezone
from typing import Iterator

from ..errors import ArgumentError

# Fields a query may name, by how their values are matched (an engine-neutral mapping):
#   text: ranked words, stemmed (phrases match the exact words)   name: unstemmed words of a name
#   keyword: whole values (slugs), for filters and facets           id: the story id as is
#   date: a date expression (search/dates.py)
FIELDS = {
    "title": "text", "body": "text", "quote": "text",
    "source": "name", "speaker": "name", "author": "name",
    "location": "keyword", "country": "keyword", "place": "keyword", "tag": "keyword",
    "id": "id", "date": "date",
}
ALIASES = {
    "locations": "location", "loc": "location", "places": "location", "countries": "country",
    "quotes": "quote", "said": "quote", "speakers": "speaker", "by": "speaker", "who": "speaker",
    "tags": "tag", "topic": "tag", "topics": "tag", "src": "source", "authors": "author", "byline": "author",
}
DEFAULT_FIELDS = ("title", "body")
SORTS = ("relevance", "date", "oldest")
MATCHES = ("all", "any")
# Pseudo-relevance feedback by default for match "any": on the Reuters TRAIN split (bench/relevance.py) it
# raised --any's MAP 0.470 -> 0.497 (54 topics up, 14 down) at nDCG@10 0.684 -> 0.692; it costs several
# times the query time, so the default all-words query does not use it.
EXPAND_ANY = True
FACETS = ("location", "country", "place", "source", "speaker", "tag", "year", "month", "author")


# -- the query tree ---------------------------------------------------------------------------

@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    """A clause of the query; `field` None means the request's default fields."""

    start: int = 0
    end: int = 0
    boost: float = 1.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Word(Node):
    """A word as typed (the engine analyses it: `Escaped` may match `escape`)."""

    text: str
    field: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Pattern(Node):
    """A word with wildcards: `*` any run of letters, `?` one letter (`escap*` is a prefix)."""

    text: str
    field: str | None = None

    @property
    def prefix(self) -> str | None:
        """The prefix when the pattern is one (`escap*`), else None."""
        head = self.text[:-1]
        return head if self.text.endswith("*") and head and not any(c in head for c in "*?") else None


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrase(Node):
    """Words in this order, stop words included; `slop` words may come between them."""

    text: str
    field: str | None = None
    slop: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Range(Node):
    """Values between two words of a field (not dates): `title:[a to c]`, `title:>m`."""

    field: str | None = None
    low: str | None = None
    high: str | None = None
    include_low: bool = True
    include_high: bool = True


@dataclass(frozen=True, slots=True, kw_only=True)
class DateRange(Node):
    """Stories dated within [first, last] (UTC, inclusive); None is open."""

    first: datetime | None = None
    last: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchAll(Node):
    """Every story (`*`)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class And(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Or(Node):
    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Not(Node):
    """Stories the child does not match (inside an And: all of the others, but not this)."""

    child: Node


@dataclass(frozen=True, slots=True, kw_only=True)
class Group(Node):
    """Clauses side by side with no operator: all of them, or any, as the request's `match` says."""

    children: tuple[Node, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Expanded(Node):
    """A query widened by pseudo-relevance feedback (search/expand.py): `query` as asked, plus
    weighted `words` that add to the score. With `widen`, stories holding only the words match
    too (RM3 with match "any"); without it the words only re-rank the stories `query` matches."""

    query: Node
    words: tuple[Word, ...]
    widen: bool = False


def children(node: Node) -> tuple[Node, ...]:
    """The sub-clauses of a node (none for a leaf); an expansion's added words are not clauses of the query."""
    if isinstance(node, (And, Or, Group)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, Expanded):
        return (node.query,)
    return ()


def leaves(node: Node, *, negated: bool = False) -> Iterator[tuple[Node, bool]]:
    """(leaf, under a NOT) for every leaf, left to right."""
    if isinstance(node, Not):
        yield from leaves(node.child, negated=not negated)
        return
    subs = children(node)
    if not subs:
        yield node, negated
    for sub in subs:
        yield from leaves(sub, negated=negated)


def split_dates(node: Node, match: str = "all") -> tuple[Node | None, tuple[datetime | None, datetime | None] | None]:
    """Date clauses every hit must satisfy, lifted out of the top level: (the rest, their common span).

    A date filter that the engine applies itself can count the undated stories it leaves out.
    Only clauses joined by AND (or side by side with match "all") are lifted; None when there are none.
    """
    if isinstance(node, DateRange):
        return None, (node.first, node.last)
    if isinstance(node, Expanded):  # the dates of the query as asked bound the expansion's matches too
        rest, span = split_dates(node.query, match)
        return (replace(node, query=rest) if rest is not None else None), span
    if not (isinstance(node, And) or (isinstance(node, Group) and match == "all")):
        return node, None
    dates = [c for c in node.children if isinstance(c, DateRange)]
    if not dates:
        return node, None
    rest = tuple(c for c in node.children if not isinstance(c, DateRange))
    first = max((d.first for d in dates if d.first), default=None)
    last = min((d.last for d in dates if d.last), default=None)
    if not rest:
        return None, (first, last)
    kept = rest[0] if len(rest) == 1 else replace(node, children=rest)
    return kept, (first, last)


# -- the request ----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class Filters:
    """Restrictions beside the query (the --from/--to/--location/... options); they do not score."""

    date_from: datetime | None = None
    date_to: datetime | None = None
    location: str | None = None  # a comma means any of them
    source: str | None = None
    speaker: str | None = None
    tag: str | None = None
    author: str | None = None

    def __post_init__(self) -> None:
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, datetime):
                raise ArgumentError(f"{name} must be a datetime, not {type(value).__name__}")
            if value is not None:
                object.__setattr__(self, name, utc(value))
        if self.date_from is not None and self.date_to is not None and self.date_from > self.date_to:
            raise ArgumentError(f"date range ends before it starts (from {_moment(self.date_from)} > "
                                f"to {_moment(self.date_to)})")
        for name in ("location", "source", "speaker", "tag", "author"):
            value = getattr(self, name)
            if value is not None and not isinstance(value, str):
                raise ArgumentError(f"{name} must be a string, not {type(value).__name__}")
            if value is not None:
                object.__setattr__(self, name, clean_text(value))

    @property
    def span(self) -> tuple[datetime | None, datetime | None] | None:
        return (self.date_from, self.date_to) if self.date_from or self.date_to else None


@dataclass(frozen=True, slots=True)
class Options:
    """How to match and rank, and what to return beside the hits."""

    match: str = "all"  # all words, or any of them (ranked by how many match)
    fuzzy: bool = False  # each free word also matches known spellings an edit or two away
    recency: float | None = None  # a half-life in days: relevance x 2^(-age / half-life)
    collapse: bool = True  # fold near-duplicates under the best story of each cluster
    explain: bool = False  # per field and term, what each hit's score is made of
    snippets: bool = True  # highlighted passages (else the opening of each story)
    suggest: bool = True  # "did you mean" for words the index has never seen
    correct: bool = True  # a query that finds nothing is run again with its did-you-mean spelling
    fill: bool = True  # all words finding less than a page: fill it with the best partial matches
    expand: bool | None = None  # pseudo-relevance feedback (RM3); None: on for match "any" (EXPAND_ANY)
    proximity: bool = True  # the best hits re-ranked with a bonus for query words near each other
    basedate: datetime | None = None  # "today" for relative dates (set when the request is built)

    def __post_init__(self) -> None:
        if self.match not in MATCHES:
            raise ArgumentError(f"match must be 'all' or 'any', not {self.match!r}")
        if self.recency is not None and (isinstance(self.recency, bool) or not isinstance(self.recency, (int, float))
                                         or not 0 < self.recency < 1e9):
            raise ArgumentError(f"the recency half-life must be a positive number of days, not {self.recency!r}")
        if self.basedate is not None and not isinstance(self.basedate, datetime):
            raise ArgumentError(f"basedate must be a datetime, not {type(self.basedate).__name__}")
        for name in ("fuzzy", "collapse", "explain", "snippets", "suggest", "correct", "fill", "proximity"):
            if not isinstance(getattr(self, name), bool):
                raise ArgumentError(f"{name} must be True or False, not {getattr(self, name)!r}")
        if self.expand is not None and not isinstance(self.expand, bool):
            raise ArgumentError(f"expand must be True, False or None, not {self.expand!r}")

    @property
    def expands(self) -> bool:
        """Whether pseudo-relevance feedback runs: as asked, else by default for match "any"."""
        return self.expand if self.expand is not None else (self.match == "any" and EXPAND_ANY)


@dataclass(frozen=True, slots=True)
class SearchRequest:
    """Everything one search needs, engine-neutral; build one with `SearchRequest.build`."""

    text: str  # the query as typed
    query: Node  # ... as parsed
    fields: tuple[str, ...] = DEFAULT_FIELDS  # where clauses without a field look
    filters: Filters = field(default_factory=Filters)
    sort: str = "relevance"  # relevance, date (newest first) or oldest
    page: int = 1
    limit: int = 10
    facets: tuple[str, ...] = ()
    facet_top: int = 10
    options: Options = field(default_factory=Options)
    # the other names the index gives each person the request asks for as a speaker (--speaker, speaker:),
    # as (the name asked, lower case, its other names): "ronald reagan" -> ("Reagan",). Set by the engine
    # (search/people.py), so that stories and quotes under any of a person's names are found.
    also_named: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def other_names(self, name: str) -> tuple[str, ...]:
        """The other names of the person `name` asks for (case- and spacing-blind), from `also_named`."""
        key = " ".join(name.lower().split())
        return next((names for asked, names in self.also_named if asked == key), ())

    def __post_init__(self) -> None:
        for name in ("page", "limit", "facet_top"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ArgumentError(f"{name} must be a whole number of 1 or more, not {value!r}")
        if self.sort not in SORTS:
            raise ArgumentError(f"sort must be one of {', '.join(SORTS)}, not {self.sort!r}")
        if isinstance(self.facets, str) or not all(isinstance(f, str) for f in self.facets):
            raise ArgumentError("facets must be a list of facet names")
        unknown = [f for f in self.facets if f not in FACETS]
        if unknown:
            raise ArgumentError(f"unknown facet {unknown[0]!r}; choose from {', '.join(FACETS)}")
        object.__setattr__(self, "facets", tuple(dict.fromkeys(self.facets)))

    @classmethod
    def build(cls, text: str, *, fields: tuple[str, ...] = DEFAULT_FIELDS, **options) -> "SearchRequest":
        """Parse query text and take the options by name: any field of SearchRequest, Filters or Options.

        `basedate` (default: now) resolves relative dates such as `date:"last week"`.
        """
        from .parser import parse

        if not isinstance(text, str):
            raise ArgumentError(f"the query must be a string, not {type(text).__name__}")
        unknown = set(options) - set(_FILTER_NAMES) - set(_OPTION_NAMES) - set(_REQUEST_NAMES)
        if unknown:
            raise ArgumentError(f"unknown search option {sorted(unknown)[0]!r}")
        opts = {k: v for k, v in options.items() if k in _OPTION_NAMES}
        opts.setdefault("basedate", None)
        if opts["basedate"] is None:
            opts["basedate"] = datetime.now(timezone.utc)
        made = Options(**opts)
        filters = Filters(**{k: v for k, v in options.items() if k in _FILTER_NAMES})
        rest = {k: v for k, v in options.items() if k in _REQUEST_NAMES}
        if rest.get("facets") is None:
            rest.pop("facets", None)
        elif isinstance(rest["facets"], (list, tuple)):
            rest["facets"] = tuple(rest["facets"])
        node = parse(text, basedate=made.basedate, fields=tuple(fields))
        return cls(text=text, query=node, fields=tuple(fields), filters=filters, options=made, **rest)

    def with_text(self, text: str) -> "SearchRequest":
        """The same request for other query text (e.g. its spelling correction), parsed alike."""
        from .parser import parse

        node = parse(text, basedate=self.options.basedate, fields=self.fields)
        return replace(self, text=text, query=node)

    def with_page(self, page: int) -> "SearchRequest":
        return replace(self, page=page)

    @property
    def first(self) -> int:
        """Offset of the page's first hit among all hits."""
        return (self.page - 1) * self.limit

    def date_span(self) -> tuple[tuple[datetime | None, datetime | None] | None, Node | None]:
        """(the date span every hit must fall in, the query without the date clauses lifted into it)."""
        rest, lifted = split_dates(self.query, self.options.match)
        if rest is None:  # nothing but dates: they stay clauses, which an index answers fastest
            rest, lifted = self.query, None
        spans = [s for s in (self.filters.span, lifted) if s is not None]
        if not spans:
            return None, rest
        firsts = [s[0] for s in spans if s[0] is not None]
        lasts = [s[1] for s in spans if s[1] is not None]
        return (max(firsts) if firsts else None, min(lasts) if lasts else None), rest

    def pages(self, total: int) -> int:
        """Pages for a number of hits (at least one, even when empty)."""
        return max(1, math.ceil(total / self.limit))


_FILTER_NAMES = tuple(f.name for f in fields(Filters))
_OPTION_NAMES = tuple(f.name for f in fields(Options))
_REQUEST_NAMES = ("sort", "page", "limit", "facets", "facet_top")


def utc(moment: datetime) -> datetime:
    """Timezone-aware UTC (a naive datetime is taken to be UTC); beyond the calendar, its edge."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:  # datetime.max in a zone west of UTC, datetime.min east of it
        return (datetime.max if moment.year > 1 else datetime.min).replace(tzinfo=timezone.utc)


def _moment(moment: datetime) -> str:
    """A bound as a person wrote it: the day alone when it is a day's first or last moment."""
    edge = (moment.hour, moment.minute, moment.second, moment.microsecond)
    if edge in ((0, 0, 0, 0), (23, 59, 59, 999999)):
        return moment.date().isoformat()
    return moment.isoformat()


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text that can be encoded: lone surrogates (from undecodable bytes) become U+FFFD, one for one."""
    return _SURROGATE.sub("\ufffd", value)
