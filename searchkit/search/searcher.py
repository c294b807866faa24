"""Ranked search over an open Whoosh index: BM25F, filters, sorting, pages, snippets."""
from __future__ import annotations

import math
import re
import time
from datetime import datetime
from typing import Any

from whoosh import collectors, query, scoring, sorting

from ..errors import ArgumentError, QueryLimitError, SearchkitError
from ..index.schema import as_utc
from ..model import Article, Hit, Quote, Results
from .collect import UNDATED, Deadline, shorten
from .parser import make_filter, parse_query
from .snippets import lead, make_snippet, query_terms
from .suggest import fuzzy_rewrite, suggest_query

# BM25F, tuned on Reuters-21578 (bench/relevance.py): length normalisation B=0.5 beat 0.75 for every
# title boost and K1 tried; K1 hardly mattered. Titles are also boosted 1.5x in the parser (FIELD_BOOSTS).
WEIGHTING = scoring.BM25F(B=0.5, K1=1.2, title_B=0.5)
SORTS = ("relevance", "date", "oldest")


def _hit(fields: dict[str, Any], score: float | None, snippet: str, rank: int, duplicates: int = 0) -> Hit:
    quotes = tuple(Quote(text, speaker) for text, speaker in fields.get("quotes") or ())
    return Hit(
        id=fields["id"],
        title=fields.get("title", ""),
        date=fields.get("date"),
        source=fields.get("source", ""),
        locations=tuple(fields.get("locations") or ()),
        speakers=tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker)),
        score=None if score is None else float(score),
        snippet=snippet,
        path=fields.get("path", ""),
        place=fields.get("place", ""),
        countries=tuple(fields.get("countries") or ()),
        quotes=quotes,
        url=fields.get("url", ""),
        tags=tuple(t for t in (fields.get("tag") or "").split(",") if t),
        rank=rank,
        cluster=fields.get("cluster", ""),
        duplicates=duplicates,
    )


# Facet names people ask for -> the keyword field that holds them (multi-valued ones overlap).
FACETS = {
    "location": ("location", True),
    "country": ("country", True),
    "place": ("place", False),
    "source": ("source_key", False),
    "speaker": ("speaker_key", True),
    "tag": ("tag", True),
    "year": ("year", False),
    "month": ("month", False),
}


def _facet_map(facets: list[str]) -> dict:
    out = {}
    for name in facets:
        if name not in FACETS:
            raise ArgumentError(f"unknown facet {name!r}; choose from {', '.join(FACETS)}")
        fieldname, overlap = FACETS[name]
        out[name] = sorting.FieldFacet(fieldname, allow_overlap=overlap, maptype=sorting.Count)
    return out


def _facet_counts(collector, facets: list[str], names: dict, top: int) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value, most frequent first, with display names."""
    while not isinstance(collector, collectors.FacetCollector):
        collector = collector.child
    out = {}
    for name in facets:
        fieldname = FACETS[name][0]
        shown = names.get(fieldname) or (names.get("location", {}) if fieldname in ("country", "place") else {})
        counts = collector.facetmaps[name].as_dict()
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        if name in ("year", "month"):
            ordered = sorted(counts.items(), key=lambda kv: str(kv[0]))
        out[name] = [(shown.get(k, k) if isinstance(k, str) else str(k), n)
                     for k, n in ordered[:top] if k not in (None, "")]
    return out


RECENCY_POOL = 500  # the best-scoring hits that recency re-ranks
QUERY_SECONDS = 2.0  # a search that runs longer stops with a QueryLimitError that says why
MAX_EXPANSIONS = 8_192  # indexed words wildcards, prefixes and ranges may expand to, in one query
_DATE_FIELDS = ("date", "day", "month", "year")


def _collector(depth: int, *, flt, order: str, collapse: bool, span, groups: dict | None, deadline):
    """Filter -> date gate -> facets -> ranking: every match is seen once, counted and folded."""
    from .collect import Gate, PageCollector

    ranking = PageCollector(depth, order=order, collapse=collapse)
    c = collectors.FacetCollector(ranking, groups) if groups else ranking
    gate = c = Gate(c, span=span, deadline=deadline)
    if flt is not None:  # outermost, so it sees the matches first
        c = collectors.FilterCollector(c, flt)
    return c, gate, ranking


def _cluster_copies(searcher, clusters) -> dict:
    """Other live stories in the near-duplicate cluster of each hit (what `similar` lists)."""
    out = {}
    for key in clusters:
        if key and key not in out:
            out[key] = sum(1 for _ in searcher.docs_for_query(query.Term("cluster", key))) - 1
    return {key: n for key, n in out.items() if n > 0}


def _by_recency(ranked: list, dates: list, half_life_days: float) -> list:
    """BM25 blended with freshness: score x 2^(-age / half-life), age counted from the newest hit.

    Stories without a date count as 10 half-lives old.
    """
    newest = max((d for d in dates if d is not None), default=None)
    blended = []
    for (_key, docnum, score), date in zip(ranked, dates):
        age = (newest - date).total_seconds() / 86_400 if newest and date else 10 * half_life_days
        value = (score or 0.0) * 2.0 ** (-age / half_life_days)
        blended.append(((0, -value), docnum, value))
    blended.sort()
    return blended


def _check_expansions(q, reader, text: str) -> None:
    """Refuse a query whose wildcards, prefixes or ranges would expand to too many indexed words.

    Whoosh builds one posting reader per expanded word (about 0.1 ms each, more on a bigger
    index): `a* OR b* OR ... OR z*` reached 47,000 words and 19.5 s on Reuters.
    """
    total = 0
    for leaf in q.leaves():
        if not isinstance(leaf, query.MultiTerm) or leaf.field() in _DATE_FIELDS:
            continue
        for _ in leaf.expanded_terms(reader):
            total += 1
            if total > MAX_EXPANSIONS:
                raise QueryLimitError(
                    f"query {shorten(text)!r} expands to more than {MAX_EXPANSIONS:,} indexed words "
                    f"(reached at {leaf}); make wildcard patterns and ranges narrower"
                )


def _span(date_from: datetime | None, date_to: datetime | None) -> tuple[int, int] | None:
    """A date filter as the raw values of the date column (microseconds since year 1, UTC)."""
    from whoosh.util.times import datetime_to_long

    if date_from is None and date_to is None:
        return None
    lo = datetime_to_long(as_utc(date_from)) if date_from else 0
    hi = datetime_to_long(as_utc(date_to)) if date_to else UNDATED - 1
    return lo, hi


def search(
    searcher,
    text: str,
    *,
    limit: int = 10,
    page: int = 1,
    sort: str = "relevance",
    match: str = "all",
    date_from: datetime | None = None,
    date_to: datetime | None = None,
    location: str | None = None,
    source: str | None = None,
    speaker: str | None = None,
    tag: str | None = None,
    snippets: bool = True,
    basedate: datetime | None = None,
    facets: list[str] | None = None,
    facet_top: int = 10,
    recency: float | None = None,
    fuzzy: bool = False,
    collapse: bool = True,
    explain: bool = False,
    suggest: bool = True,
    names: dict | None = None,
) -> Results:
    """One page of ranked hits for a query string and option filters."""
    started = time.perf_counter()
    _check_options(text=text, limit=limit, page=page, sort=sort, match=match, date_from=date_from,
                   date_to=date_to, location=location, source=source, speaker=speaker, tag=tag,
                   basedate=basedate, facets=facets, facet_top=facet_top, recency=recency)
    text, location, source, speaker, tag = (clean_text(v) if v else v for v in (text, location, source, speaker, tag))
    facets = list(dict.fromkeys(facets or ()))
    q = parse_query(fuzzy_rewrite(searcher.reader(), text) if fuzzy else text, searcher.schema, basedate=basedate,
                    match=match)
    reader = searcher.reader()
    _check_expansions(q, reader, text)
    flt = make_filter(location=location, source=source, speaker=speaker, tag=tag)
    span = _span(date_from, date_to)
    groups = _facet_map(facets) if facets else None
    want = page * limit
    by_recency = bool(recency) and sort == "relevance"
    depth = max(RECENCY_POOL, want) if by_recency else want
    deadline = Deadline(QUERY_SECONDS, text)
    collector, gate, ranking = _collector(depth, flt=flt, order=sort, collapse=collapse, span=span,
                                          groups=groups, deadline=deadline)
    searcher.search_with_collector(q, collector)
    found = ranking.results()
    ranked = found.items
    if by_recency:
        ranked = _by_recency(ranked, [searcher.stored_fields(d).get("date") for _k, d, _s in ranked], recency)
    ranked = ranked[(page - 1) * limit: want]
    stored = [searcher.stored_fields(docnum) for _k, docnum, _s in ranked]
    folded = _cluster_copies(searcher, [f.get("cluster") for f in stored]) if collapse else {}
    terms = query_terms(q, reader) if snippets else frozenset()
    said = _quote_matcher(q, reader, speaker)
    hits = []
    for rank, ((_key, docnum, score), fields) in enumerate(zip(ranked, stored), start=(page - 1) * limit + 1):
        body = fields.get("body", "")
        snippet = make_snippet(body, terms) if snippets else lead(body)
        item = _hit(fields, score, snippet, rank, folded.get(fields.get("cluster"), 0))
        if explain:
            item.extra["explain"] = explain_hit(searcher, q, docnum)
        if said is not None:
            item.extra["matched_quotes"] = [{"text": qt.text, "speaker": qt.speaker, "highlighted": html}
                                            for qt, html in said(item.quotes)]
        hits.append(item)
    suggestion = suggest_query(reader, text) if suggest else None
    total = found.folded
    undated = gate.undated if (span is not None or sort != "relevance") else 0
    notes = []
    if undated and span is not None:
        notes.append(f"{undated:,} undated {_stories(undated)} left out by the date filter")
    elif undated:
        notes.append(f"{undated:,} undated {_stories(undated)} listed after the dated ones")
    return Results(
        query=text,
        hits=hits,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / limit)),
        limit=limit,
        seconds=time.perf_counter() - started,
        parsed=str(q),
        suggestion=suggestion,
        facets=_facet_counts(collector, facets, names or {}, facet_top) if facets else {},
        matched=found.matched,
        undated=undated,
        notes=notes,
    )


def _check_options(*, text, limit, page, sort, match, date_from, date_to, location, source, speaker, tag,
                   basedate, facets, facet_top, recency) -> None:
    """Refuse a caller's wrong types and values with an ArgumentError before any file is read."""

    def whole(name, value):
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ArgumentError(f"{name} must be a whole number of 1 or more, not {value!r}")

    if not isinstance(text, str):
        raise ArgumentError(f"the query must be a string, not {type(text).__name__}")
    whole("limit", limit)
    whole("page", page)
    whole("facet_top", facet_top)
    if sort not in SORTS:
        raise ArgumentError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if match not in ("all", "any"):
        raise ArgumentError(f"match must be 'all' or 'any', not {match!r}")
    for name, value in (("date_from", date_from), ("date_to", date_to), ("basedate", basedate)):
        if value is not None and not isinstance(value, datetime):
            raise ArgumentError(f"{name} must be a datetime, not {type(value).__name__}")
    for name, value in (("location", location), ("source", source), ("speaker", speaker), ("tag", tag)):
        if value is not None and not isinstance(value, str):
            raise ArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if facets is not None and (isinstance(facets, str) or not all(isinstance(f, str) for f in facets)):
        raise ArgumentError("facets must be a list of facet names")
    if recency is not None and (isinstance(recency, bool) or not isinstance(recency, (int, float))
                                or not 0 < recency < 1e9):
        raise ArgumentError(f"the recency half-life must be a positive number of days, not {recency!r}")


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(value: str) -> str:
    """Text that can be encoded: lone surrogates (from undecodable bytes) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value)


def _stories(n: int) -> str:
    return "story" if n == 1 else "stories"


def _quote_matcher(q, reader, speaker_filter: str | None):
    """When a query asks about quotes or speakers, a function picking the quotes of a hit that match."""
    from ..index.schema import name_analyzer, text_analyzer

    words = query_terms(q, reader, fields=("quote",))
    who = {t for f, t in _leaf_terms(q) if f == "speaker"}
    if speaker_filter:
        who |= {t.text for t in name_analyzer()(speaker_filter)}
    if not words and not who:
        return None
    stem = text_analyzer()
    names = name_analyzer()
    plain = {t for w in words for t in ([w] if not words.exact else [x.text for x in stem(w)])}

    def pick(quotes):
        for quote in quotes:
            if plain and not plain & {t.text for t in stem(quote.text)}:
                continue
            if who and not who & {t.text for t in names(quote.speaker or "")}:
                continue
            yield quote, make_snippet(quote.text, words, top=1) if words else lead(quote.text, 400)

    return pick


def _leaf_terms(q):
    for leaf in q.leaves():
        try:
            for fieldname, text in leaf.terms():
                yield fieldname, text.decode() if isinstance(text, bytes) else text
        except Exception:  # noqa: BLE001 - leaves without plain terms
            continue


def find_quotes(searcher, text: str, *, limit: int = 20, speaker: str | None = None,
                basedate: datetime | None = None, **filters) -> list[tuple[Quote, Hit]]:
    """Quotations whose words match the query (searched in quoted speech), newest articles first."""
    from ..index.schema import name_analyzer, text_analyzer

    q = parse_query(text, searcher.schema, basedate=basedate, fields=("quote",))
    flt = make_filter(speaker=speaker, **filters)
    results = searcher.search(q, filter=flt, limit=None, sortedby="date", reverse=True)
    wanted = query_terms(q, searcher.reader(), fields=("quote",))
    who = [t.text for t in name_analyzer()(speaker)] if speaker else []
    analyzer = text_analyzer()
    out: list[tuple[Quote, Hit]] = []
    for hit in results:
        fields = hit.fields()
        for quote_text, quote_speaker in fields.get("quotes") or ():
            words = {t.text for t in analyzer(quote_text)}
            if wanted and not (words & wanted):
                continue
            if who and not set(who) <= {t.text for t in name_analyzer()(quote_speaker or "")}:
                continue
            snippet = make_snippet(quote_text, wanted)
            out.append((Quote(quote_text, quote_speaker), _hit(fields, None, snippet, len(out) + 1)))  # date order
            if len(out) >= limit:
                return out
    return out


def explain_hit(searcher, q, docnum: int) -> list[dict]:
    """Per field and term, what a hit's score is made of (BM25F of each matching query term)."""
    parts = []
    seen = set()
    for leaf in q.leaves():
        for fieldname, text in leaf.iter_all_terms():
            if (fieldname, text) in seen or fieldname in ("date", "day"):
                continue
            seen.add((fieldname, text))
            term = query.Term(fieldname, text, boost=leaf.boost)
            matcher = term.matcher(searcher)
            if not matcher.is_active():
                continue
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                word = text.decode() if isinstance(text, bytes) else text
                parts.append({"field": fieldname, "term": word, "boost": leaf.boost,
                              "weight": round(matcher.weight(), 2), "score": round(matcher.score(), 4),
                              "doc_frequency": searcher.doc_frequency(fieldname, text)})
    parts.sort(key=lambda p: -p["score"])
    return parts


def similar(searcher, article_id: str, *, limit: int = 10, numterms: int = 20) -> tuple[list[Hit], list[Hit]]:
    """(near-duplicates of a story, other stories about the same thing), best first."""
    docnum = searcher.document_number(id=article_id)
    if docnum is None:
        raise SearchkitError(f"no article with id {article_id!r}")
    fields = searcher.stored_fields(docnum)
    cluster = fields.get("cluster") or article_id
    dups = []
    for num in searcher.document_numbers(cluster=cluster):
        if num != docnum:
            other = searcher.stored_fields(num)
            dups.append(_hit(other, 1.0, lead(other.get("body", "")), len(dups) + 1))
    text = f"{fields.get('title', '')} {fields.get('body', '')}"
    found = searcher.more_like(docnum, "body", text=text, top=limit + len(dups) + 1, numterms=numterms)
    alike = [h for h in found if h.fields().get("cluster") != cluster and h.docnum != docnum][:limit]
    return dups, [_hit(h.fields(), h.score or 0.0, lead(h.fields().get("body", "")), i)
                  for i, h in enumerate(alike, start=1)]


def get(searcher, article_id: str) -> Article | None:
    """One stored article by id, as the record it was indexed from."""
    fields = searcher.document(id=article_id)
    if fields is None:
        return None
    return Article(
        id=fields["id"],
        body=fields.get("body", ""),
        title=fields.get("title", ""),
        date=fields.get("date"),
        source=fields.get("source", ""),
        locations=tuple(fields.get("locations") or ()),
        countries=tuple(fields.get("countries") or ()),
        place=fields.get("place", ""),
        dateline=fields.get("dateline", ""),
        quotes=tuple(Quote(t, s) for t, s in fields.get("quotes") or ()),
        path=fields.get("path", ""),
        line=fields.get("line", 0),
        url=fields.get("url", ""),
        tags=tuple(t for t in (fields.get("tag") or "").split(",") if t),
    )


def stats(searcher, top: int = 10, names: dict[str, dict[str, str]] | None = None) -> dict:
    """Counts, date span, and the most frequent sources and locations (by display name)."""
    names = names or {}
    names.setdefault("country", names.get("location", {}))
    reader = searcher.reader()
    out: dict[str, Any] = {"articles": reader.doc_count(), "segments": len(reader.leaf_readers()) if hasattr(reader, "leaf_readers") else 1}
    dates = [d for d in _dates(reader) if d]
    out["first_date"] = as_utc(min(dates)).isoformat() if dates else None
    out["last_date"] = as_utc(max(dates)).isoformat() if dates else None
    out["dated"] = len(dates)
    for field, key in (("source_key", "sources"), ("location", "locations"), ("country", "countries"),
                       ("speaker_key", "speakers"), ("tag", "tags"), ("year", "years")):
        shown = names.get(field, {})
        counts = []
        for text in reader.lexicon(field):
            value = text.decode() if isinstance(text, bytes) else text
            counts.append((shown.get(value, value), reader.doc_frequency(field, text)))
        if field == "year":
            out[key] = sorted(counts)
        else:
            counts.sort(key=lambda kv: (-kv[1], kv[0]))
            out[key] = counts[:top]
    clusters = sum(1 for _ in reader.lexicon("cluster")) if "cluster" in reader.indexed_field_names() else 0
    out["duplicates"] = max(0, out["articles"] - clusters)
    return out


def _dates(reader) -> list:
    """The date of every live story that has one."""
    if not reader.has_column("date"):
        return []
    from whoosh.util.times import long_to_datetime

    col = reader.column_reader("date", translate=False)
    out = []
    for docnum in reader.all_doc_ids():
        try:
            out.append(long_to_datetime(col[docnum]))
        except (OverflowError, ValueError, TypeError):  # undated stories hold the column default
            continue
    return out
