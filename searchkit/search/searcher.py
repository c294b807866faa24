"""Ranked search over an open Whoosh index: BM25F, filters, sorting, pages, snippets."""
from __future__ import annotations

import math
import time
from datetime import datetime
from typing import Any

from whoosh import scoring

from ..model import Article, Hit, Quote, Results
from .parser import make_filter, parse_query
from .snippets import lead, make_snippet, query_terms

# BM25F: a short title is worth more than a long body; body length normalised a little less.
WEIGHTING = scoring.BM25F(B=0.75, K1=1.2, title_B=0.5)
SORTS = ("relevance", "date", "oldest")


def _hit(fields: dict[str, Any], score: float, snippet: str, rank: int) -> Hit:
    quotes = tuple(Quote(text, speaker) for text, speaker in fields.get("quotes") or ())
    return Hit(
        id=fields["id"],
        title=fields.get("title", ""),
        date=fields.get("date"),
        source=fields.get("source", ""),
        locations=tuple(fields.get("locations") or ()),
        speakers=tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker)),
        score=float(score),
        snippet=snippet,
        path=fields.get("path", ""),
        place=fields.get("place", ""),
        countries=tuple(fields.get("countries") or ()),
        quotes=quotes,
        url=fields.get("url", ""),
        tags=tuple(t for t in (fields.get("tag") or "").split(",") if t),
        rank=rank,
    )


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
) -> Results:
    """One page of ranked hits for a query string and option filters."""
    from ..errors import QuerySyntaxError

    started = time.perf_counter()
    if sort not in SORTS:
        raise QuerySyntaxError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 1 or page < 1:
        raise QuerySyntaxError("limit and page must be 1 or more")
    q = parse_query(text, searcher.schema, basedate=basedate, match=match)
    flt = make_filter(date_from=date_from, date_to=date_to, location=location, source=source,
                      speaker=speaker, tag=tag)
    kwargs: dict[str, Any] = {"filter": flt, "terms": False}
    if sort != "relevance":
        kwargs.update(sortedby="date", reverse=(sort == "date"))
    results = searcher.search_page(q, page, pagelen=limit, **kwargs)
    terms = query_terms(q, searcher.reader()) if snippets else frozenset()
    hits = []
    for rank, hit in enumerate(results, start=(page - 1) * limit + 1):
        fields = hit.fields()
        body = fields.get("body", "")
        snippet = make_snippet(body, terms) if snippets else lead(body)
        hits.append(_hit(fields, hit.score or 0.0, snippet, rank))
    total = len(results)
    return Results(
        query=text,
        hits=hits,
        total=total,
        page=page,
        pages=max(1, math.ceil(total / limit)),
        limit=limit,
        seconds=time.perf_counter() - started,
        parsed=str(q),
    )


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


def stats(searcher, top: int = 10) -> dict:
    """Counts, date span, and the most frequent sources and locations."""
    reader = searcher.reader()
    out: dict[str, Any] = {"articles": reader.doc_count(), "segments": len(reader.leaf_readers()) if hasattr(reader, "leaf_readers") else 1}
    dates = [d for d in _column(reader, "date") if d]
    out["first_date"] = min(dates).isoformat() if dates else None
    out["last_date"] = max(dates).isoformat() if dates else None
    out["dated"] = len(dates)
    for field, key in (("source_key", "sources"), ("location", "locations"), ("speaker_key", "speakers")):
        counts = [(text.decode() if isinstance(text, bytes) else text, reader.doc_frequency(field, text))
                  for text in reader.lexicon(field)]
        counts.sort(key=lambda kv: (-kv[1], kv[0]))
        out[key] = counts[:top]
    return out


def _column(reader, field: str):
    """Values of a sortable field for every document (deleted ones skipped)."""
    if not reader.has_column(field):
        return []
    col = reader.column_reader(field)
    return [col[docnum] for docnum in reader.all_doc_ids()]
