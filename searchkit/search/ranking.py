"""Ranking and paging on Whoosh: BM25F, recency, date sorts, near-duplicate folding, snippets, explain."""
from __future__ import annotations

import time
from typing import Any, Mapping

from whoosh import collectors, query

from ..index.schema import document
from ..model import Results
from .bm25 import BM25F
from . import facets as facet_fields
from . import fielded
from . import proximity
from . import rerank
from .collect import Deadline, Gate, PageCollector, Ranked
from .quotes import QuoteMatcher
from .request import SearchRequest
from .snippets import lead, make_snippet, query_terms
from .stored import to_hit
from .suggest import fuzzy_alternatives
from .whoosh_query import check_expansions, column_span, make_filter, translate
from .wordforms import WordForms

# BM25F, tuned on the Reuters-21578 TRAIN split (bench/relevance.py --split train --tune): little length
# normalisation (B=0.05; every B from 0.001 to 0.1 scored within 0.004 MAP, 0.5 lost 0.02 and 0.75 0.05); K1
# hardly matters. Titles were weighted 0.75 beside the body then (1.5 under fielded BM25F now:
# whoosh_query.FIELD_BOOSTS). Checked again on TEST-D's 924 long PolNeAR articles (spent, so development data: bench/pooled.py
# tune) beside TRAIN (both topic files): more body B helps TEST-D and hurts TRAIN at every step, so B stays.
# nDCG@10 at K1 2, `--any` / default, on TEST-D | on TRAIN: B 0.05 0.820 / 0.820 | 0.693 / 0.679; B 0.2
# 0.836 / 0.827 | 0.685 / 0.669 (TRAIN default down, p = 0.016); B 0.35 0.845 / 0.833 | 0.686 / 0.659 (p = 0.002);
# B 0.75 0.855 / 0.823 | 0.635 / 0.610. bench/README.md has the grids.
# The two sets differ in story length (the body averages ~123 words on Reuters, ~760 on PolNeAR and on the
# saved web pages), so the body's B follows the collection: 0.05 up to an average of 200 words, 0.35 from
# 600 (the smallest B near TEST-D's best for both --any and the default), in a straight line between
# (bm25.length_b). Reuters keeps B 0.05 exactly; chosen on TEST-D (development data), held out: TEST-E.
# A free word over title and body is scored apart, as one fielded BM25F term (search/fielded.py); this
# per-field BM25F scores a word asked in one field and phrases.
WEIGHTING = BM25F(B=0.05, K1=2.0, title_B=0.05, long_B=0.35, span=(200.0, 600.0))
RECENCY_POOL = 500  # the best-scoring hits that recency re-ranks
QUERY_SECONDS = 2.0  # a search that runs longer stops with a QueryLimitError that says why


def build_query(searcher, request: SearchRequest, *, lift_dates: bool = True):
    """(the Whoosh query, the date span the collector applies) for a request."""
    span, rest = request.date_span() if lift_dates else (request.filters.span, request.query)
    alternatives = fuzzy_alternatives(searcher.reader()) if request.options.fuzzy else None
    q = translate(request, searcher.schema, rest, alternatives, reader=searcher.reader())
    check_expansions(q, searcher.reader(), request.text)
    return q, span


def collect(searcher, request: SearchRequest, *, depth: int, order: str, collapse: bool,
            groups: dict | None = None) -> tuple[Ranked, Gate | None, Any, query.Query]:
    """Run the request's query through filter -> date gate -> facets -> ranking, seeing every match once.

    Returns what the ranking kept, the gate (undated counts, the date span; None without date
    filter or sort), the outermost collector (facets are found under it) and the Whoosh query run.
    """
    q, span = build_query(searcher, request)
    flt = make_filter(request.filters, searcher.schema, request.other_names)
    ranking = PageCollector(depth, order=order, collapse=collapse, deadline=Deadline(QUERY_SECONDS, request.text))
    chain = collectors.FacetCollector(ranking, groups) if groups else ranking
    gate = None
    if span is not None or order != "relevance":  # only then do undated stories need counting
        gate = chain = Gate(chain, span=column_span(span))
    if flt is not None:  # outermost, so it sees the matches first
        chain = collectors.FilterCollector(chain, flt)
    searcher.search_with_collector(q, chain)
    return ranking.results(), gate, chain, q


def _by_recency(ranked: list, dates: list, half_life_days: float) -> list:
    """BM25 blended with freshness: score x 2^(-age / half-life), age counted from the newest hit.

    Stories without a date count as 10 half-lives old.
    """
    newest = max((d for d in dates if d is not None), default=None)
    blended = []
    for (_key, docnum, score), date in zip(ranked, dates):
        age = (newest - date).total_seconds() / 86_400 if newest and date else 10 * half_life_days
        value = (score or 0.0) * 2.0 ** (-age / half_life_days)
        blended.append((-value, docnum, value))
    blended.sort()
    return blended


def _cluster_copies(searcher, clusters) -> dict:
    """Other live stories in the near-duplicate cluster of each hit (what `similar` lists)."""
    out = {}
    for key in clusters:
        if key and key not in out:  # the copies (`copy_of`), and the first story when it still lives
            out[key] = (sum(1 for _ in searcher.docs_for_query(query.Term("copy_of", key)))
                        + (searcher.document_number(id=key) is not None) - 1)
    return {key: n for key, n in out.items() if n > 0}


def search(searcher, request: SearchRequest, names: dict | None = None,
           people: Mapping[str, str] | None = None) -> Results:
    """One page of hits for a request, with counts, notes and facets (`people`: search/people.py's groups)."""
    started = time.perf_counter()
    opts = request.options
    want = request.page * request.limit
    by_recency = bool(opts.recency) and request.sort == "relevance"
    near = proximity.applies(request)
    structured = not by_recency and rerank.applies(request)
    depth = max(RECENCY_POOL if by_recency else 0, proximity.POOL if near else 0,
                rerank.POOL if structured else 0, want)
    groups = facet_fields.groups(request.facets, searcher.schema) if request.facets else None
    found, gate, chain, q = collect(searcher, request, depth=depth, order=request.sort, collapse=opts.collapse, groups=groups)
    ranked, bonuses = found.items, {}
    if near:  # a separate stage: the BM25F scores above are Whoosh's, untouched
        ranked, bonuses = proximity.rerank(searcher, request, ranked)
    if structured:  # where the query's words stand: headline, lead (search/rerank.py)
        ranked = rerank.rerank(searcher, request, ranked)
    if by_recency:
        reader = searcher.reader()
        ranked = _by_recency(ranked, [document(reader, d).get("date") for _k, d, _s in ranked], opts.recency)
    ranked = ranked[request.first:want]
    stored = [document(searcher.reader(), docnum) for _k, docnum, _s in ranked]
    copies = _cluster_copies(searcher, [f.get("cluster") for f in stored]) if opts.collapse else {}
    reader = searcher.reader()
    terms = query_terms(q, reader) if opts.snippets else frozenset()
    said = QuoteMatcher(request)
    hits = []
    for rank, ((_key, docnum, score), fields) in enumerate(zip(ranked, stored), start=request.first + 1):
        body = fields.get("body", "")
        hit = to_hit(fields, score, make_snippet(body, terms) if opts.snippets else lead(body), rank,
                     copies.get(fields.get("cluster"), 0))
        if opts.explain:
            hit.extra["explain"] = explain_hit(searcher, q, docnum)
            if bonuses.get(docnum):
                hit.extra["explain"].append({"field": "proximity", "proximity": True, "score": round(bonuses[docnum], 4),
                                             "term": ", ".join(" ".join(p) for p in proximity.pairs(request))})
        if said:
            hit.extra["matched_quotes"] = [{"text": qt.text, "speaker": qt.speaker, "highlighted": html}
                                           for qt, html in said.pick(hit.quotes)]
        hits.append(hit)
    undated = gate.undated if gate is not None else 0
    notes = []
    if undated:
        stories = "story" if undated == 1 else "stories"
        notes.append(f"{undated:,} undated {stories} left out by the date filter" if gate.span is not None
                     else f"{undated:,} undated {stories} listed after the dated ones")
    return Results(
        query=request.text,
        hits=hits,
        total=found.folded,
        page=request.page,
        pages=request.pages(found.folded),
        limit=request.limit,
        seconds=time.perf_counter() - started,
        facets=facet_fields.counts(chain, request.facets, names or {}, request.facet_top, people) if groups else {},
        matched=found.matched,
        undated=undated,
        notes=notes,
    )


def explain_hit(searcher, q, docnum: int) -> list[dict]:
    """Per field and term, what a hit's score is made of (BM25F of each matching query term)."""
    parts = []
    seen = set()
    for leaf in _scored_leaves(q):
        if isinstance(leaf, fielded.Fielded):  # one word over title and body, scored as one term
            reader = searcher.reader()
            words = sorted({text for field, text in leaf.iter_all_terms() if (field, text) in reader})  # indexed forms
            found = fielded.explain(leaf, searcher, docnum)
            key = ("title+body", tuple(words))
            if found is not None and key not in seen:
                seen.add(key)
                word = "|".join(w.decode() if isinstance(w, bytes) else w for w in words)
                parts.append({"field": "title+body", "term": word, "boost": leaf.boost,
                              "weight": round(found["weight"], 2), "score": round(found["score"], 4),
                              "doc_frequency": found["doc_frequency"]})
            continue
        if isinstance(leaf, WordForms):  # the forms of one word, scored together
            pairs = [(t.fieldname, t.text) for t in leaf.subqueries]
            scored = leaf
        else:
            pairs = list(leaf.iter_all_terms())
            scored = None
        for fieldname, text in pairs if scored is None else pairs[:1]:
            if (fieldname, text) in seen or fieldname in ("date", "day", "month", "year"):
                continue
            seen.add((fieldname, text))
            matcher = (scored or query.Term(fieldname, text, boost=leaf.boost)).matcher(searcher)
            if not matcher.is_active():
                continue
            matcher.skip_to(docnum)
            if matcher.is_active() and matcher.id() == docnum:
                words = [t for _f, t in pairs] if scored is not None else [text]
                word = "|".join(w.decode() if isinstance(w, bytes) else w for w in words)
                parts.append({"field": fieldname, "term": word, "boost": leaf.boost,
                              "weight": round(matcher.weight(), 2), "score": round(matcher.score(), 4),
                              "doc_frequency": max(searcher.doc_frequency(fieldname, w) for w in words)})
    parts.sort(key=lambda p: -p["score"])
    return parts


def _scored_leaves(q):
    """The leaves of a query, a word's forms (WordForms) counting as one."""
    if isinstance(q, (WordForms, fielded.Fielded)) or q.is_leaf():
        yield q
        return
    for child in q.children():
        yield from _scored_leaves(child)
