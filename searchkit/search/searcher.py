"""Ranked search over an open Whoosh index: BM25F, filters, sorting, pages, snippets."""
from __future__ import annotations

import math
import re
import time
import weakref
from datetime import datetime
from typing import Any

from whoosh import collectors, query, scoring, sorting

from ..index.schema import as_utc, from_document, text_analyzer
from ..model import Article, Hit, Quote, Results
from .parser import make_filter, parse_query
from .snippets import lead, make_snippet, query_terms

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
        authors=tuple(fields.get("authors") or ()),
    )


# Facet names people ask for -> the keyword field that holds them (multi-valued ones overlap).
FACETS = {
    "location": ("location", True),
    "country": ("country", True),
    "place": ("place", False),
    "source": ("source_key", False),
    "speaker": ("speaker_key", True),
    "author": ("author_key", True),
    "tag": ("tag", True),
    "year": ("year", False),
    "month": ("month", False),
}


def _facet_map(facets: list[str]) -> dict:
    from ..errors import QuerySyntaxError

    out = {}
    for name in facets:
        if name not in FACETS:
            raise QuerySyntaxError(f"unknown facet {name!r}; choose from {', '.join(FACETS)}")
        fieldname, overlap = FACETS[name]
        out[name] = sorting.FieldFacet(fieldname, allow_overlap=overlap, maptype=sorting.Count)
    return out


def _facet_counts(results, facets: list[str], names: dict, top: int) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value, most frequent first, with display names."""
    out = {}
    for name in facets:
        fieldname = FACETS[name][0]
        shown = names.get(fieldname) or (names.get("location", {}) if fieldname in ("country", "place") else {})
        counts = results.groups(name)
        ordered = sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))
        if name in ("year", "month"):
            ordered = sorted(counts.items(), key=lambda kv: str(kv[0]))
        out[name] = [(shown.get(k, k) if isinstance(k, str) else str(k), n)
                     for k, n in ordered if k not in (None, "")][:top]  # stories without a value are no value
    return out


RECENCY_POOL = 500  # the best-scoring hits that recency re-ranks
FOLD_DEPTH = 10  # hits fetched per place on the page when folding near-duplicates
_COLUMNS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _cached_column(reader, fieldname: str):
    """A column reader, opened once per index reader: opening one reads its whole offset table."""
    per_reader = _COLUMNS.setdefault(reader, {})
    if fieldname not in per_reader:
        per_reader[fieldname] = reader.column_reader(fieldname, translate=False)
    return per_reader[fieldname]


def _collector(limit: int, *, flt, sortedby: str | None, reverse: bool, groups: dict | None):
    """Whoosh collectors for one search, built so that every match is seen once and counted.

    Whoosh's own defaults skip postings that cannot reach the top N (block quality, and replacing an
    OR by its stronger side), which then leaves the total to a second, slower pass, or gets it wrong.
    Scoring every match once measured faster at 1x and 5x Reuters, and the count comes with it.
    """
    if sortedby:
        c = collectors.SortingCollector(sortedby, limit=limit, reverse=reverse)
    elif groups:
        c = collectors.UnlimitedCollector()
    else:
        c = collectors.TopCollector(limit, usequality=False, replace=0)
    if groups:
        c = collectors.FacetCollector(c, groups)
    if flt is not None:  # outermost, so it sees the matches first
        c = collectors.FilterCollector(c, flt)
    return c


def _total(collector) -> int:
    """Matching stories: every match passed through the innermost collector."""
    while hasattr(collector, "child"):  # filter -> facets -> the collector that ranks
        collector = collector.child
    return collector.count()


def _cluster_copies(searcher, hits) -> dict[str, int]:
    """Other live stories in the near-duplicate cluster of each hit (what `similar` lists)."""
    out = {}
    for hit in hits:
        key = hit.get("cluster")
        if key and key not in out:
            out[key] = sum(1 for _ in searcher.docs_for_query(query.Term("cluster", key))) - 1
    return {key: n for key, n in out.items() if n > 0}


def _fold_duplicates(searcher, ranked: list) -> list:
    """Keep the best hit of each near-duplicate cluster."""
    column = _cached_column(searcher.reader(), "cluster")
    kept, seen = [], set()
    for hit, score in ranked:
        cluster = column[hit.docnum]
        if cluster not in seen:
            seen.add(cluster)
            kept.append((hit, score))
    return kept


def _by_recency(found, half_life_days: float) -> list[tuple[Any, float]]:
    """BM25 blended with freshness: score x 2^(-age / half-life), age counted from the newest hit."""
    dated = [(hit, hit.score or 0.0, hit.get("date")) for hit in found]
    newest = max((d for _h, _s, d in dated if d is not None), default=None)
    blended = []
    for hit, score, date in dated:
        age = (newest - date).total_seconds() / 86_400 if newest and date else 10 * half_life_days
        blended.append((hit, score * 2.0 ** (-age / half_life_days)))
    blended.sort(key=lambda pair: -pair[1])
    return blended


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
    author: str | None = None,
) -> Results:
    """One page of ranked hits for a query string and option filters."""
    from ..errors import QuerySyntaxError

    started = time.perf_counter()
    if sort not in SORTS:
        raise QuerySyntaxError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    if limit < 1 or page < 1:
        raise QuerySyntaxError("limit and page must be 1 or more")
    if recency is not None and recency <= 0:
        raise QuerySyntaxError("the recency half-life must be a positive number of days")
    facets = list(dict.fromkeys(facets or ()))
    q = parse_query(fuzzy_rewrite(searcher, text) if fuzzy else text, searcher.schema, basedate=basedate,
                    match=match)
    flt = make_filter(date_from=date_from, date_to=date_to, location=location, source=source,
                      speaker=speaker, tag=tag, author=author)
    sortedby = "date" if sort != "relevance" else None
    groups = _facet_map(facets) if facets else None
    want = page * limit

    def run(fetch: int):
        collector = _collector(fetch, flt=flt, sortedby=sortedby, reverse=(sort == "date"), groups=groups)
        searcher.search_with_collector(q, collector)
        return collector, collector.results()

    # Without block skipping, a deeper top N costs little: fetch enough to fold near-duplicates in
    # one pass (wire copies rarely fill ten places of a page), deeper again only when they do.
    by_recency = bool(recency) and sort == "relevance"
    if by_recency:
        fetch = max(RECENCY_POOL, want)
    else:
        fetch = want * FOLD_DEPTH if collapse else want
    while True:
        collector, found = run(fetch)
        if by_recency:
            ranked = _by_recency(found, recency)
        else:  # a date sort has no relevance score (Whoosh reports the sort key there)
            ranked = [(hit, (hit.score or 0.0) if sortedby is None else None) for hit in found]
        if collapse:
            ranked = _fold_duplicates(searcher, ranked)
        if len(ranked) >= want or found.scored_length() < fetch:
            break
        fetch *= 4
    ranked = ranked[(page - 1) * limit: want]
    folded = _cluster_copies(searcher, [hit for hit, _ in ranked]) if collapse else {}
    total = _total(collector)
    terms = query_terms(q, searcher.reader()) if snippets else frozenset()
    said = _quote_matcher(q, searcher.reader(), speaker)
    hits = []
    for rank, (hit, score) in enumerate(ranked, start=(page - 1) * limit + 1):
        fields = hit.fields()
        body = fields.get("body", "")
        snippet = make_snippet(body, terms) if snippets else lead(body)
        item = _hit(fields, score, snippet, rank, folded.get(fields.get("cluster"), 0))
        if explain:
            item.extra["explain"] = explain_hit(searcher, q, hit.docnum)
        if said is not None:
            item.extra["matched_quotes"] = [{"text": qt.text, "speaker": qt.speaker, "highlighted": html}
                                            for qt, html in said(item.quotes)]
        hits.append(item)
    suggestion = suggest_query(searcher, text) if suggest else None
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
        facets=_facet_counts(found, facets, names or {}, facet_top) if facets else {},
    )


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


_QUERY_WORD = re.compile(r'"[^"]*"|\b[A-Za-z_]+:\S+|\b[^\W\d_]{3,}\b')
MAX_CORRECTED_WORDS = 20  # spelling work is bounded, whatever the query's length
MAX_WORD_LENGTH = 30
_OPERATORS = {"AND", "OR", "NOT", "TO", "ANDNOT", "ANDMAYBE"}


def _spelling(searcher):
    """The unstemmed vocabulary fields and a corrector for each (best kept first)."""
    reader = searcher.reader()
    fields = [f for f in ("body_exact", "title_exact") if f in reader.schema]
    return reader, fields, [searcher.corrector(f) for f in fields]


def _rewrite_words(text: str, replace) -> str:
    """Apply `replace(word) -> str | None` to the plain words of a query (not phrases, fields, operators)."""

    def swap(m: re.Match) -> str:
        word = m.group(0)
        if word.startswith('"') or ":" in word or word in _OPERATORS:
            return word
        return replace(word) or word

    return _QUERY_WORD.sub(swap, text)


def suggest_query(searcher, text: str) -> str | None:
    """'Did you mean': the query with unknown words replaced by the index's closest known spelling."""
    reader, fields, correctors = _spelling(searcher)
    if not fields:
        return None

    budget = [MAX_CORRECTED_WORDS]

    stem = text_analyzer()
    stemmed_fields = [f for f in ("body", "title") if f in reader.schema]

    def known(low: str) -> bool:
        """In the vocabulary as typed, or in another form of the word (`escape` for `escaped`)."""
        if any(reader.doc_frequency(f, low) for f in fields):
            return True
        stems = [t.text for t in stem(low)]
        return bool(stems) and all(any(reader.doc_frequency(f, s) for f in stemmed_fields) for s in stems)

    def fix(word: str) -> str | None:
        low = word.lower()
        if len(low) > MAX_WORD_LENGTH or budget[0] <= 0 or known(low):
            return None
        budget[0] -= 1
        for corrector in correctors:
            found = corrector.suggest(low, limit=1, maxdist=2, prefix=1)
            if found and found[0] != low:
                return found[0]
        return None

    fixed = _rewrite_words(text, fix)
    return fixed if fixed != text else None


def fuzzy_rewrite(searcher, text: str) -> str:
    """Typo tolerance: each word also matches known spellings 1 edit away (2 for words of 5+ letters)."""
    _reader, fields, correctors = _spelling(searcher)
    if not fields:
        return text

    budget = [MAX_CORRECTED_WORDS]

    def widen(word: str) -> str | None:
        low = word.lower()
        if len(low) > MAX_WORD_LENGTH or budget[0] <= 0:
            return None
        budget[0] -= 1
        maxdist = 2 if len(low) >= 5 else 1
        alternatives = dict.fromkeys(w for c in correctors for w in c.suggest(low, limit=4, maxdist=maxdist, prefix=1))
        alternatives.pop(low, None)
        if not alternatives:
            return None
        return "(" + " OR ".join([word, *list(alternatives)[:4]]) + ")"

    return _rewrite_words(text, widen)


def similar(searcher, article_id: str, *, limit: int = 10, numterms: int = 20) -> tuple[list[Hit], list[Hit]]:
    """(near-duplicates of a story, other stories about the same thing), best first."""
    from ..errors import SearchkitError

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
    return from_document(fields) if fields is not None else None


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
    out["undated"] = out["articles"] - len(dates)
    for field, key in (("source_key", "sources"), ("location", "locations"), ("country", "countries"),
                       ("speaker_key", "speakers"), ("author_key", "authors"), ("tag", "tags"), ("year", "years")):
        shown = names.get(field, {})
        counts = []
        for text in reader.lexicon(field):
            value = text.decode() if isinstance(text, bytes) else text
            count = _live_frequency(reader, field, text)
            if count:
                counts.append((shown.get(value, value), count))
        if field == "year":
            out[key] = sorted(counts)
        else:
            counts.sort(key=lambda kv: (-kv[1], kv[0]))
            out[key] = counts[:top]
    clusters = (sum(1 for text in reader.lexicon("cluster") if _live_frequency(reader, "cluster", text))
                if "cluster" in reader.indexed_field_names() else 0)
    out["duplicates"] = max(0, out["articles"] - clusters)
    return out


def _live_frequency(reader, field: str, text) -> int:
    """Stories with a term, not counting deleted ones (Whoosh's doc_frequency counts them until a merge)."""
    if not reader.has_deletions():
        return reader.doc_frequency(field, text)
    return sum(1 for _ in reader.postings(field, text).all_ids())


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
