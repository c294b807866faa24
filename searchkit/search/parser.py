"""Query syntax: free text, "phrases", AND/OR/NOT, field:value, date ranges, plus option filters."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from whoosh import qparser, query
from whoosh.qparser.dateparse import DateParserPlugin

from ..errors import QuerySyntaxError
from ..index.schema import name_analyzer, slug

DEFAULT_FIELDS = ("title", "body")
FIELD_BOOSTS = {"title": 1.5, "body": 1.0}  # tuned with bench/relevance.py

# Names people type for fields -> the field that holds them.
ALIASES = {
    "location": ["locations", "loc", "places"],
    "country": ["countries"],
    "quote": ["quotes", "said"],
    "speaker": ["speakers", "by", "who"],
    "tag": ["tags", "topic", "topics"],
    "source": ["src"],
    "author": ["authors", "byline"],
}
SEARCHABLE = ("title", "body", "date", "source", "location", "country", "place", "quote", "speaker", "author", "tag",
              "id")

SYNTAX_HELP = (
    'syntax: words, "exact phrase", AND OR NOT ( ), field:value with fields '
    + ", ".join(SEARCHABLE)
    + ", date:YYYY-MM-DD or date:[2021-07-01 to 2021-07-31]"
)

# Whoosh's query normalisation is quadratic in the number of clauses: bound the work a query can ask for.
MAX_QUERY_WORDS = 1_000
MAX_QUERY_CHARS = 20_000

_FIELD_PREFIX = re.compile(r"(?<![\w:])([A-Za-z_]+):(?=\S)")


def _check_balance(text: str) -> None:
    """Point at an unclosed quote or bracket, which Whoosh would silently drop."""
    stack: list[tuple[str, int]] = []
    in_quote: int | None = None
    pairs = {")": "(", "]": "[", "}": "{"}
    for i, ch in enumerate(text):
        if ch == '"':
            in_quote = None if in_quote is not None else i
        elif in_quote is not None:
            continue
        elif ch in "([{":
            stack.append((ch, i))
        elif ch in ")]}":
            if not stack or stack[-1][0] != pairs[ch]:
                raise QuerySyntaxError(f"unmatched {ch!r} at column {i + 1} of {text!r}; {SYNTAX_HELP}")
            stack.pop()
    if in_quote is not None:
        raise QuerySyntaxError(f"unclosed quote at column {in_quote + 1} of {text!r}; {SYNTAX_HELP}")
    if stack:
        ch, i = stack[-1]
        raise QuerySyntaxError(f"unclosed {ch!r} at column {i + 1} of {text!r}; {SYNTAX_HELP}")


def _check_fields(text: str, schema) -> None:
    """Refuse unknown field names instead of searching for 'foo:bar' as a word."""
    known = set(SEARCHABLE) | {a for names in ALIASES.values() for a in names}
    outside_quotes = re.sub(r'"[^"]*"', lambda m: " " * len(m.group()), text)
    for m in _FIELD_PREFIX.finditer(outside_quotes):
        name = m.group(1).lower()
        if name not in known:
            raise QuerySyntaxError(f"unknown field {m.group(1)!r} at column {m.start() + 1}; {SYNTAX_HELP}")


EXACT_FIELDS = {"title": "title_exact", "body": "body_exact", "quote": "quote_exact"}


class _ExactPhraseNode(qparser.PhrasePlugin.PhraseNode):
    """A "quoted phrase" searched in the unstemmed copy of its field: exact words, stop words included."""

    def query(self, parser):
        fieldname = self.fieldname or parser.fieldname
        if fieldname in EXACT_FIELDS:
            self.fieldname = EXACT_FIELDS[fieldname]
            q = super().query(parser)
            self.fieldname = fieldname
            return q
        return super().query(parser)


class _ExactPhrasePlugin(qparser.PhrasePlugin):
    """PhrasePlugin whose phrases go to the exact-word fields."""

    class PhraseTagger(qparser.PhrasePlugin.PhraseTagger):
        def create(self, parser, match):
            node = super().create(parser, match)
            node.__class__ = _ExactPhraseNode
            return node


def make_parser(schema, *, basedate: datetime | None = None, match: str = "all",
                fields: tuple[str, ...] = DEFAULT_FIELDS) -> qparser.QueryParser:
    """A Whoosh parser over title and body with our aliases and date syntax."""
    group = qparser.AndGroup if match == "all" else qparser.OrGroup.factory(0.9)
    parser = qparser.MultifieldParser(list(fields), schema, fieldboosts=FIELD_BOOSTS, group=group)
    parser.remove_plugin_class(qparser.PhrasePlugin)
    parser.add_plugin(_ExactPhrasePlugin())
    parser.add_plugin(qparser.FieldAliasPlugin(ALIASES))
    parser.add_plugin(qparser.GtLtPlugin())
    parser.add_plugin(DateParserPlugin(basedate=basedate or datetime.now(timezone.utc), callback=_date_error))
    return parser


class _DateError(Exception):
    pass


def _date_error(message: str) -> None:
    raise _DateError(message)


def parse_query(text: str, schema, *, basedate: datetime | None = None, match: str = "all",
                fields: tuple[str, ...] = DEFAULT_FIELDS) -> query.Query:
    """Parse user query text, or raise QuerySyntaxError with a message that points at the problem."""
    if match not in ("all", "any"):
        raise QuerySyntaxError(f"match must be 'all' or 'any', not {match!r}")
    text = text.replace("\u201c", '"').replace("\u201d", '"').replace("\x00", " ")
    if not text.strip():
        raise QuerySyntaxError(f"empty query; {SYNTAX_HELP}")
    words = len(text.split())
    if words > MAX_QUERY_WORDS or len(text) > MAX_QUERY_CHARS:
        raise QuerySyntaxError(
            f"query too long ({words:,} words, {len(text):,} characters); "
            f"the limit is {MAX_QUERY_WORDS:,} words and {MAX_QUERY_CHARS:,} characters"
        )
    _check_balance(text)
    _check_fields(text, schema)
    _check_dates(text)
    text = _resolve_relative_dates(text, basedate or datetime.now(timezone.utc))
    parser = make_parser(schema, basedate=basedate, match=match, fields=fields)
    try:
        q = parser.parse(text)
    except _DateError as exc:
        raise QuerySyntaxError(f"bad date in {text!r}: {exc}; use YYYY-MM-DD or date:[FROM to TO]") from None
    except Exception as exc:  # noqa: BLE001 - Whoosh raises assorted errors on odd input
        raise QuerySyntaxError(f"cannot parse {text!r}: {exc}; {SYNTAX_HELP}") from None
    if q is query.NullQuery:
        raise QuerySyntaxError(f"query {text!r} has nothing to search for; {SYNTAX_HELP}")
    return q.accept(_whole_days).accept(_match_all)


def _match_all(q: query.Query) -> query.Query:
    """`*` in every default field is simply every story (Whoosh would walk each field's postings)."""
    if isinstance(q, query.Or) and q.subqueries and all(isinstance(sub, query.Every) for sub in q.subqueries):
        return query.Every()
    return q


_DATE_CLAUSE = re.compile(r"\bdate:(\[[^\]]*\]|\S+)", re.I)
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{1,2})(?:-(\d{1,2}))?\b")


def _check_dates(text: str) -> None:
    """Calendar dates in date: clauses must exist (Whoosh's date parser reads 2021-13-01 as 2021)."""
    for clause in _DATE_CLAUSE.finditer(text):
        for m in _ISO_DATE.finditer(clause.group(1)):
            year, month, day = int(m.group(1)), int(m.group(2)), int(m.group(3) or 1)
            try:
                datetime(year, month, day)
            except ValueError as exc:
                raise QuerySyntaxError(
                    f"bad date {m.group(0)!r} in {clause.group(0)!r} ({exc}); use YYYY-MM-DD or date:[FROM to TO]"
                ) from None


_UNIT_DAYS = {"d": 1, "day": 1, "w": 7, "week": 7, "m": 30, "month": 30, "y": 365, "year": 365}
_RELATIVE = re.compile(
    r"^(?:(?P<which>last|this|past|previous|current)\s+(?P<unit>week|month|year)"
    r"|(?:last|past)\s+(?P<n>\d+)\s*(?P<nunit>days?|weeks?|months?|years?)"
    r"|(?P<m>\d+)\s*(?P<munit>days?|weeks?|months?|years?)\s+ago"
    r"|(?P<k>\d+)(?P<kunit>[dwmy]))$",
    re.IGNORECASE,
)
_DATE_TERM = re.compile(r'\bdate:(?:"([^"]*)"|(\w+))', re.IGNORECASE)


def relative_span(phrase: str, basedate: datetime) -> tuple[datetime, datetime] | None:
    """Calendar span for 'last week', 'this month', 'past 3 days', '2 weeks ago', '7d'; None if not relative."""
    m = _RELATIVE.match(phrase.strip())
    if not m:
        return None
    day = basedate.astimezone(timezone.utc).replace(hour=0, minute=0, second=0, microsecond=0)
    end_of_today = day + timedelta(days=1, microseconds=-1)
    if m.group("which"):
        last = m.group("which").lower() in ("last", "previous")
        unit = m.group("unit").lower()
        if unit == "week":
            start = day - timedelta(days=day.weekday())
            if last:
                start -= timedelta(days=7)
            end = start + timedelta(days=7, microseconds=-1)
        elif unit == "month":
            start = day.replace(day=1)
            if last:
                start = (start - timedelta(days=1)).replace(day=1)
            end = (start + timedelta(days=32)).replace(day=1) - timedelta(microseconds=1)
        else:
            start = day.replace(month=1, day=1, year=day.year - last)
            end = start.replace(year=start.year + 1) - timedelta(microseconds=1)
        if m.group("which").lower() == "past":  # "past week" = the 7 days up to today
            start, end = day - timedelta(days=_UNIT_DAYS[unit] - 1), end_of_today
        return start, end
    n, unit = next((int(m.group(a)), m.group(b)) for a, b in (("n", "nunit"), ("m", "munit"), ("k", "kunit")) if m.group(a))
    days = _UNIT_DAYS[unit.lower().rstrip("s")] * n
    if m.group("m"):  # "2 weeks ago": that one day
        start = day - timedelta(days=days)
        return start, start + timedelta(days=1, microseconds=-1)
    return day - timedelta(days=days - 1), end_of_today


def _resolve_relative_dates(text: str, basedate: datetime) -> str:
    """Rewrite date:"last week" and friends into explicit ranges Whoosh's date parser understands."""

    def swap(m: re.Match) -> str:
        span = relative_span(m.group(1) or m.group(2), basedate)
        if span is None:
            return m.group(0)
        return f"date:[{span[0]:%Y-%m-%dT%H:%M:%S} to {span[1]:%Y-%m-%dT%H:%M:%S}]"

    return _DATE_TERM.sub(swap, text)


_PERIOD = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")
_AGO = re.compile(r"^(\d+)\s*([dwmy])$")


def parse_day(value: str, *, end: bool = False, basedate: datetime | None = None) -> datetime:
    """A --from/--to value: YYYY, YYYY-MM, YYYY-MM-DD, or 7d/2w/3m/1y ago; --to means the period's end."""
    value = value.strip()
    now = basedate or datetime.now(timezone.utc)
    span = relative_span(value, now) if not _AGO.match(value) else None
    if span is not None:
        return span[1] if end else span[0]
    ago = _AGO.match(value)
    if ago:
        n, unit = int(ago.group(1)), ago.group(2)
        days = {"d": 1, "w": 7, "m": 30, "y": 365}[unit] * n
        return now - timedelta(days=days)
    m = _PERIOD.match(value)
    if not m:
        raise QuerySyntaxError(f"bad date {value!r}: use YYYY, YYYY-MM, YYYY-MM-DD or a span like 7d, 2w, 3m, 1y")
    year, month, day = int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1)
    try:
        start = datetime(year, month, day, tzinfo=timezone.utc)
    except ValueError as exc:
        raise QuerySyntaxError(f"bad date {value!r}: {exc}") from None
    if not end:
        return start
    if m.group(3):
        nxt = start + timedelta(days=1)
    elif m.group(2):
        nxt = start.replace(year=year + (month == 12), month=month % 12 + 1)
    else:
        nxt = start.replace(year=year + 1)
    return nxt - timedelta(microseconds=1)


def _words_query(field: str, value: str) -> query.Query:
    """All the words of a name, in order: 'islam times' matches source 'Islam Times'."""
    words = [t.text for t in name_analyzer()(value)]
    if not words:
        raise QuerySyntaxError(f"empty {field} filter")
    return query.Term(field, words[0]) if len(words) == 1 else query.Phrase(field, words)


def _day_bound(moment: datetime | None, end: bool) -> str | None:
    """YYYYMMDD when a range bound falls on a day boundary (or is open: ''), else None."""
    if moment is None:
        return ""
    moment = moment.replace(tzinfo=None) if moment.tzinfo is None else moment.astimezone(timezone.utc).replace(tzinfo=None)
    edge = (moment.hour, moment.minute, moment.second, moment.microsecond)
    if edge == ((23, 59, 59, 999999) if end else (0, 0, 0, 0)):
        return _ymd(moment)
    return None


def _ymd(day: date) -> str:
    """YYYYMMDD with a four-digit year even before 1000 (strftime's %Y is not padded everywhere)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def day_range(start: datetime | None, end: datetime | None) -> query.Query:
    """A date range: whole days as a few year/month/day terms (fast), anything finer stays numeric."""
    first, last = _day_bound(start, False), _day_bound(end, True)
    if first is None or last is None or (not first and not last):
        return query.DateRange("date", start, end)
    if not first or not last:  # open-ended: only the days the index holds are expanded
        return query.TermRange("day", first or "00000101", last or "99991231")
    pieces = _calendar_pieces(date(int(first[:4]), int(first[4:6]), int(first[6:])),
                              date(int(last[:4]), int(last[4:6]), int(last[6:])))
    return pieces[0] if len(pieces) == 1 else query.Or(pieces)


def _calendar_pieces(first: date, last: date) -> list[query.Query]:
    """Cover [first, last] with whole years, whole months, then day ranges: few terms to union."""
    pieces: list[query.Query] = []
    day = first
    while day <= last and len(pieces) < 200:
        year_end = date(day.year, 12, 31)
        month_end = (date(day.year + (day.month == 12), day.month % 12 + 1, 1) - timedelta(days=1))
        if day.month == 1 and day.day == 1 and year_end <= last:
            pieces.append(query.Term("year", f"{day.year:04d}"))
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= last:
            pieces.append(query.Term("month", f"{day.year:04d}-{day.month:02d}"))
            day = month_end + timedelta(days=1)
        else:
            stop = min(last, month_end)
            pieces.append(query.TermRange("day", _ymd(day), _ymd(stop)))
            day = stop + timedelta(days=1)
    if day <= last:  # a span of centuries: finish with one day range
        pieces.append(query.TermRange("day", _ymd(day), _ymd(last)))
    return pieces


def _whole_days(node: query.Query) -> query.Query:
    if isinstance(node, query.DateRange) and node.fieldname == "date":
        return day_range(node.startdate, node.enddate).with_boost(node.boost)
    return node


def make_filter(
    *,
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    location: str | None = None,
    source: str | None = None,
    speaker: str | None = None,
    tag: str | None = None,
    author: str | None = None,
) -> query.Query | None:
    """The option filters (--from/--to/--location/--source/--speaker/--tag/--author) as one query, or None."""
    parts: list[query.Query] = []
    if date_from or date_to:
        parts.append(day_range(date_from, date_to))
    if location:
        parts.append(query.Or([query.Term("location", slug(v)) for v in location.split(",") if slug(v)]))
    if source:
        parts.append(_words_query("source", source))
    if speaker:
        parts.append(_words_query("speaker", speaker))
    if tag:
        parts.append(query.Term("tag", slug(tag)))
    if author:
        parts.append(_words_query("author", author))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)
