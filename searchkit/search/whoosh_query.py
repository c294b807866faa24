"""searchkit's query tree and filters -> Whoosh queries over the schema of index/schema.py.

Words are analysed like the field they search: a free word of title/body/quote is reduced to its
stem, which `wordforms.widen` turns into every indexed form of it (the fields hold exact words);
names are unstemmed words, keywords slugs. "Phrases" match the exact words, stop words included;
whole-day date ranges become a few year/month/day terms (an order of magnitude faster than
Whoosh's numeric range); wildcards and ranges may expand to at most MAX_EXPANSIONS indexed words
per query.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Callable

from whoosh import matching, query
from whoosh.searching import SearchContext

from ..errors import QueryLimitError, QuerySyntaxError
from ..index.schema import as_utc, name_analyzer, slug, text_analyzer
from ..index.symbols import signed_forms, split_sign
from . import request as rq
from .request import FIELDS, Filters, Node, SearchRequest
from .fielded import fielded
from .places import PLACE_FIELDS, place_slugs
from .wordforms import Exact, postings, widen

# A free word's frequency in the title counts 1.5 times its frequency in the body (search/fielded.py adds
# them, weighted, before saturating): a headline names what the story is mainly about. Title 1 (as the
# body) was chosen on D, E and F (bench/README.md, "Fielded BM25F"); 1.5 on all five spent pooled sets
# D to H ("Ranking beyond BM25: the top ten") lowered no set's `--any` nDCG@10 and raised the default's
# MAP over their 250 topics (+0.004, p < 0.001). Also the weight of a title phrase.
FIELD_BOOSTS = {"title": 1.5, "body": 1.0}
TEXT_FIELDS = tuple(f for f, kind in FIELDS.items() if kind == "text")  # exact words, with positions
MAX_EXPANSIONS = 8_192  # indexed words wildcards, prefixes and ranges may expand to, in one query
DATE_FIELDS = ("date", "day", "month", "year")

_STEMMED = text_analyzer()
_PLAIN = name_analyzer()


def _terms(analyzer, text: str) -> list[str]:
    return [t.text for t in analyzer(text)]


def _fold(text: str) -> str:
    """Lower case and accents folded, nothing else: for patterns and range ends."""
    from whoosh.support.charset import accent_map

    return text.lower().translate(accent_map)


class Translator:
    """Builds the Whoosh query of one request; `alternatives(word)` widens free words (--fuzzy)."""

    def __init__(self, schema, fields: tuple[str, ...], match: str,
                 alternatives: Callable[[str], list[str]] | None = None,
                 other_names: Callable[[str], tuple[str, ...]] = lambda _name: ()):
        self.schema = schema
        self.fields = fields
        self.match = match
        self.alternatives = alternatives
        self.other_names = other_names  # a speaker's other names in the index (SearchRequest.other_names)

    def __call__(self, node: Node) -> query.Query | None:
        q = self.node(node)
        return None if q is None else preloaded(q.normalize())

    def node(self, node: Node) -> query.Query | None:
        if isinstance(node, (rq.And, rq.Or, rq.Group)):
            parts = [p for p in (self.node(c) for c in node.children) if p is not None]
            joins_all = isinstance(node, rq.And) or (isinstance(node, rq.Group) and self.match == "all")
            if joins_all and len(parts) > 1:  # `* x` is x (Whoosh's normalize would make it every story)
                parts = [p for p in parts if not _every(p)] or parts[:1]
            if not parts:
                return None
            out = parts[0] if len(parts) == 1 else (query.And(parts) if joins_all else query.Or(parts))
        elif isinstance(node, rq.Not):
            child = self.node(node.child)
            out = None if child is None else query.Not(child)
        elif isinstance(node, rq.Expanded):
            out = self.expanded(node)
        elif isinstance(node, rq.MatchAll):
            out = query.Every()
        elif isinstance(node, rq.DateRange):
            out = day_range(node.first, node.last)
        else:
            out = self.leaf(node)
        if out is not None and node.boost != 1.0:
            out = out.with_boost(out.boost * node.boost)
        return out

    def expanded(self, node: rq.Expanded) -> query.Query | None:
        """The query as asked, with the feedback words adding to the score (and matching alone with `widen`)."""
        base = self.node(node.query)
        extra = [q for q in (self.node(w) for w in node.words) if q is not None]
        if not extra:
            return base
        words = extra[0] if len(extra) == 1 else query.Or(extra)
        if base is None:
            return words if node.widen else None
        return query.Or([base, words]) if node.widen else query.AndMaybe(base, words)

    def leaf(self, node: Node) -> query.Query | None:
        field = getattr(node, "field", None)
        if field is None:
            words = [node]
            if isinstance(node, rq.Word) and self.alternatives is not None:
                words += [rq.Word(text=alt) for alt in self.alternatives(node.text)]
            parts = []
            for word in words:
                clauses = [q for q in (self.one(word, f, FIELD_BOOSTS.get(f, 1.0)) for f in self.fields) if q is not None]
                if clauses:  # a plain word over title and body: one BM25F term (search/fielded.py)
                    parts += [fielded(clauses)] if isinstance(word, rq.Word) else clauses
            return None if not parts else parts[0] if len(parts) == 1 else query.Or(parts)
        self.check_field(field, node)
        found = self.one(node, field, 1.0)
        if field == "speaker" and found is not None and isinstance(node, (rq.Word, rq.Phrase)):
            found = _or_named(found, self.other_names(node.text))
        return found

    def check_field(self, field: str, node: Node) -> None:
        if field not in self.schema.names():
            raise QuerySyntaxError(f"this index has no {field!r} field (rebuild it with this searchkit to search it)",
                                   position=node.start, token=field)

    def one(self, node: Node, field: str, boost: float) -> query.Query | None:
        """The clause in one field."""
        kind = FIELDS.get(field, "text")
        if isinstance(node, rq.Pattern):
            return self.pattern(node, field, kind, boost)
        if isinstance(node, rq.Range):
            low = _fold(node.low) if node.low is not None else None
            high = _fold(node.high) if node.high is not None else None
            return query.TermRange(field, low, high, startexcl=not node.include_low,
                                   endexcl=not node.include_high, boost=boost)
        text = node.text
        if kind == "id":
            return query.Term("id", text, boost=boost)
        if kind == "keyword":
            values = place_slugs(text, field) if field in PLACE_FIELDS else [slug(v) for v in text.split(",")]
            terms = [query.Term(field, v, boost=boost) for v in dict.fromkeys(values) if v]
            return None if not terms else terms[0] if len(terms) == 1 else query.Or(terms)
        if isinstance(node, rq.Phrase):
            words = _terms(_PLAIN, text)
            if len(words) > 1 and field == "speaker":
                return speaker_words(words, boost, slop=max(1, node.slop + 1))
            if len(words) > 1:
                return query.Phrase(field, words, slop=max(1, node.slop + 1), boost=boost)
            return Exact(field, words[0], boost=boost) if words else None
        analyzer = _STEMMED if kind == "text" else _PLAIN
        terms = [word_query(field, w, analyzer, boost) for w in _terms(analyzer, text)]
        return None if not terms else terms[0] if len(terms) == 1 else query.And(terms)

    def pattern(self, node: rq.Pattern, field: str, kind: str, boost: float) -> query.Query:
        if node.text == "*":
            return query.Every(field)
        text = node.text if kind == "id" else _fold(node.text)
        prefix = node.prefix
        if prefix is not None:
            return ManyPrefix(field, text[:-1], boost=boost)
        return ManyWildcard(field, text, boost=boost)


MANY_WORDS = 64  # a wildcard expanding to this many indexed words or more matches through one list of stories


class _ManyWords:
    """A wildcard of many words, matched as one sorted list of the stories holding any of them, each
    scored the same (as Lucene rewrites multi-term queries): Whoosh 3 ORs the words into a tree of
    union matchers, which `ex* NOT e*` on Reuters walked for over 2 s."""

    def matcher(self, searcher, context=None):
        reader = searcher.reader()
        words = [w for w in self._btexts(reader) if w]
        field = self.field()
        if len(words) < MANY_WORDS:  # Whoosh's own way, without walking the vocabulary a second time
            terms = [query.Term(field, word, boost=self.boost) for word in words]
            if len(terms) <= 1:
                return terms[0].matcher(searcher, context) if terms else matching.NullMatcher()
            if self.constantscore:
                context = context.set(weighting=None) if context else SearchContext(weighting=None)
            return query.Or(terms).matcher(searcher, context)
        stories: set[int] = set()
        for word in words:
            stories.update(postings(reader, field, word)[0])
        if not stories:
            return matching.NullMatcher()
        return matching.ListMatcher(sorted(stories), all_weights=self.boost)


class ManyPrefix(_ManyWords, query.Prefix):
    """`escap*`: Whoosh's Prefix, with many words matched as one list."""


class ManyWildcard(_ManyWords, query.Wildcard):
    """`*tion`, `gr?y`: Whoosh's Wildcard, with many words matched as one list."""


PRELOAD_CLAUSES = 3


class ArrayOr(query.PreloadedOr):
    """Whoosh's PreloadedOr, written as a plain OR."""

    JOINT = " OR "


def preloaded(q: query.Query) -> query.Query:
    """The query with each OR of PRELOAD_CLAUSES or more clauses scored through an array.

    searchkit's collectors score every match, so Whoosh's default binary tree of union matchers
    is walked match by match; its PreloadedOr reads each clause's matches into an array of scores
    instead: the same scores, measured about twice as fast on OR queries of 3-30 clauses (`--any`,
    partial matches, feedback words), and no slower on small ones.
    """
    q = q.apply(preloaded)
    if type(q) is query.Or and len(q.subqueries) >= PRELOAD_CLAUSES:
        return ArrayOr(q.subqueries, boost=q.boost)
    return q


def word_query(field: str, word: str, analyzer, boost: float = 1.0) -> query.Query:
    """One analysed word; amounts and numbers widened as index/symbols.py says.

    `£800m`: `£800m`, or `800m` with a word for pounds near it; `5%`: `5%` or `5 pct`; `800m`: with or without a sign.
    """
    parts = split_sign(word)
    if parts is not None:
        number = _terms(analyzer, parts[0])
        exact = query.Term(field, word, boost=boost)
        if len(number) != 1:
            return exact
        # the spelled-out form stands beside the number: `5.5 pct` next to it and in that order; a currency
        # within a few words either side (`1.5 billion U.S. dlrs`, `stg 800m`)
        slop, ordered = (1, True) if word[-1] == "%" else (SPELLED_CURRENCY_SLOP, False)
        spelled = [_near(field, parts[0].lower(), u, slop, ordered, boost) for u in parts[1]]  # exact words
        return query.Or([exact, *spelled])
    if word[:1].isdigit():
        return query.Or([query.Term(field, w, boost=boost) for w in (word, *signed_forms(word))])
    return query.Term(field, word, boost=boost)


def _near(field: str, a: str, b: str, slop: int, ordered: bool, boost: float) -> query.Query:
    """`a` then `b` at most `slop` positions apart (either order unless `ordered`); Whoosh's Phrase, which
    also answers nothing, rather than failing, when a word is not in the index."""
    near = query.Phrase(field, [a, b], slop=slop, boost=boost)
    return near if ordered else query.Or([near, query.Phrase(field, [b, a], slop=slop, boost=boost)])


SPELLED_CURRENCY_SLOP = 4  # `1.5 billion U.S. dlrs`: the number and the currency word 4 positions apart


def _every(q: query.Query) -> bool:
    return isinstance(q, query.Every) and not q.fieldname


def translate(request: SearchRequest, schema, node: Node | None = None,
              alternatives: Callable[[str], list[str]] | None = None, reader=None) -> query.Query:
    """The Whoosh query for a request's tree (or `node`, a part of it); QuerySyntaxError when nothing is left.

    With a reader, stemmed words of the text fields become the forms of their stem it holds.
    """
    q = Translator(schema, request.fields, request.options.match, alternatives,
                   request.other_names)(request.query if node is None else node)
    if q is None or q is query.NullQuery:
        raise QuerySyntaxError(f"query {request.text!r} has nothing to search for; words, \"phrases\" or field:value",
                               position=0, token=request.text)
    return q if reader is None else widen(q, reader, TEXT_FIELDS)


def check_expansions(q: query.Query, reader, text: str) -> None:
    """Refuse a query whose wildcards, prefixes or ranges expand to too many indexed words.

    Whoosh builds one posting reader per expanded word (about 0.1 ms each, more on a bigger
    index): `a* OR b* OR ... OR z*` reached 47,000 words and 19.5 s on Reuters.
    """
    from .collect import shorten

    total = 0
    for leaf in q.leaves():
        if not isinstance(leaf, query.MultiTerm) or leaf.field() in DATE_FIELDS:
            continue
        for _ in leaf.expanded_terms(reader):
            total += 1
            if total > MAX_EXPANSIONS:
                raise QueryLimitError(
                    f"query {shorten(text)!r} expands to more than {MAX_EXPANSIONS:,} indexed words "
                    f"(reached at {leaf}); make wildcard patterns and ranges narrower"
                )


def make_filter(filters: Filters, schema, other_names: Callable[[str], tuple[str, ...]] = lambda _name: ()
                ) -> query.Query | None:
    """The option filters that are not dates (--location/--source/--speaker/--tag/--author), or None;
    `other_names(speaker)`: the person's other names in the index (SearchRequest.other_names)."""
    parts: list[query.Query] = []
    if filters.location:
        places = [query.Term("location", v) for v in place_slugs(filters.location)]
        if not places:
            raise QuerySyntaxError("empty location filter", token=filters.location)
        parts.append(places[0] if len(places) == 1 else query.Or(places))
    for name in ("source", "speaker", "author"):
        value = getattr(filters, name)
        if value:
            if name not in schema.names():
                raise QuerySyntaxError(f"this index has no {name!r} field (rebuild it with this searchkit)",
                                       token=value)
            found = _words_query(name, value)
            parts.append(_or_named(found, other_names(value)) if name == "speaker" else found)
    if filters.tag:
        if not slug(filters.tag):
            raise QuerySyntaxError("empty tag filter", token=filters.tag)
        parts.append(query.Term("tag", slug(filters.tag)))
    if not parts:
        return None
    return parts[0] if len(parts) == 1 else query.And(parts)


def _or_named(found: query.Query, others: tuple[str, ...]) -> query.Query:
    """A speaker clause or the stories that give the same person another name (search/people.py)."""
    if not others:
        return found
    return query.Or([found, *(query.Term("speaker_key", slug(v), boost=found.boost) for v in others)])


def _words_query(field: str, value: str) -> query.Query:
    """All the words of a name, in order: 'islam times' matches source 'Islam Times'."""
    words = _terms(_PLAIN, value)
    if not words:
        raise QuerySyntaxError(f"empty {field} filter", token=value)
    if len(words) > 1 and field == "speaker":
        return speaker_words(words)
    return query.Term(field, words[0]) if len(words) == 1 else query.Phrase(field, words)


def speaker_words(words: list[str], boost: float = 1.0, slop: int = 1) -> query.Query:
    """Several words asked of the speaker field: a name with them in order, or a description they make
    up (index/schema.speaker_text): the words before its head ("reagan administration"), or all of it."""
    return query.Or([query.Phrase("speaker", words, slop=slop, boost=boost),
                     query.Term("speaker", "_".join(words), boost=boost),
                     query.Phrase("speaker", ["_".join(words[:-1]), words[-1]], boost=boost)])


# -- dates ------------------------------------------------------------------------------------

def utc_naive(moment: datetime) -> datetime:
    """A moment in UTC without its zone (as Whoosh stores dates); beyond the calendar, its edge."""
    try:
        return as_utc(moment).replace(tzinfo=None)
    except OverflowError:  # datetime.max in a zone east of UTC, datetime.min west of it
        return datetime.max if moment.year > 1 else datetime.min


def _day_bound(moment: datetime | None, end: bool) -> str | None:
    """YYYYMMDD when a range bound falls on a day boundary (or is open: ''), else None."""
    if moment is None:
        return ""
    moment = utc_naive(moment)
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
        return DateSpan(*column_span((start, end)))
    if not first or not last:  # open-ended: only the days the index holds are expanded
        return query.TermRange("day", first or "00010101", last or "99991231")
    if first > last:
        return query.NullQuery
    pieces = _calendar_pieces(date(int(first[:4]), int(first[4:6]), int(first[6:])),
                              date(int(last[:4]), int(last[4:6]), int(last[6:])))
    return pieces[0] if len(pieces) == 1 else query.Or(pieces)


class DateSpan(query.ColumnQuery):
    """Stories dated within a span finer than whole days, read from the date column (dates are not
    indexed: whole days are `day`/`month`/`year` terms, and a finer span in a query is rare)."""

    def __init__(self, low: int, high: int):
        query.ColumnQuery.__init__(self, "date", lambda value: low <= value <= high)
        self.span = (low, high)

    def __eq__(self, other):
        return type(other) is DateSpan and other.span == self.span

    def __hash__(self):
        return hash(("DateSpan", self.span))

    def __repr__(self):
        return f"DateSpan{self.span}"

    def estimate_size(self, ixreader) -> int:
        return ixreader.doc_count_all()

    def estimate_min_size(self, ixreader) -> int:
        return 0

    def __str__(self):
        from whoosh.util.times import long_to_datetime

        low, high = (long_to_datetime(v).isoformat() for v in self.span)
        return f"date:[{low} TO {high}]"

    def matcher(self, searcher, context=None):
        from whoosh.matching import NullMatcher
        from whoosh.query.qcolumns import ColumnMatcher

        reader = searcher.reader()
        if not reader.has_column("date"):
            return NullMatcher()
        m = ColumnMatcher(reader.column_reader("date", translate=False), self.condition)
        m._score = getattr(self, "boost", 1.0)  # Whoosh's ColumnMatcher leaves its constant score unset
        return m


def _calendar_pieces(first: date, last: date) -> list[query.Query]:
    """Cover [first, last] with whole years, whole months, then day ranges: few terms to union."""
    import calendar

    pieces: list[query.Query] = []
    day: date | None = first
    while day is not None and day <= last and len(pieces) < 200:
        year_end = date(day.year, 12, 31)
        month_end = day.replace(day=calendar.monthrange(day.year, day.month)[1])
        if day.month == 1 and day.day == 1 and year_end <= last:
            pieces.append(query.Term("year", f"{day.year:04d}"))
            stop = year_end
        elif day.day == 1 and month_end <= last:
            pieces.append(query.Term("month", f"{day.year:04d}-{day.month:02d}"))
            stop = month_end
        else:
            stop = min(last, month_end)
            pieces.append(query.TermRange("day", _ymd(day), _ymd(stop)))
        day = stop + timedelta(days=1) if stop < date.max else None
    if day is not None and day <= last:  # a span of centuries: finish with one day range
        pieces.append(query.TermRange("day", _ymd(day), _ymd(last)))
    return pieces


def column_span(span: tuple[datetime | None, datetime | None] | None) -> tuple[int, int] | None:
    """A date span as the raw values of the date column (microseconds since year 1, UTC)."""
    from whoosh.util.times import datetime_to_long

    from .collect import UNDATED

    if span is None:
        return None
    first, last = span
    lo = datetime_to_long(utc_naive(first)) if first else 0
    hi = datetime_to_long(utc_naive(last)) if last else UNDATED - 1
    return lo, hi

