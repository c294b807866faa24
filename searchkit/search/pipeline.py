"""Between a request and its results: the steps around the engine.

    request -> rewrites -> Backend.search -> [spelling correction] -> completions -> results

A rewrite returns a new request before the engine sees it (pseudo-relevance feedback adds
weighted words to the tree: search/expand.py). When all the words find nothing and the query has
a did-you-mean spelling, the corrected query is run instead (`Results.corrected_from` keeps the
text as typed). A completion adds to the engine's results: the best partial matches fill a page
that all the words leave short (search/fill.py), notes on place values no story holds and on a date
span beyond the index's dates, then did-you-mean. Steps are engine-neutral:
they talk to the Backend.
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Callable

from ..errors import QueryLimitError
from ..model import Results
from . import request as rq
from .backend import Backend
from .expand import expand
from .fill import fill_page
from .lexer import tokenize
from .request import SearchRequest

Rewrite = Callable[[SearchRequest, Backend], SearchRequest]
Completion = Callable[[SearchRequest, Results, Backend], Results]


def did_you_mean(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """The query with unknown free words spelled as the index knows them, when asked for."""
    if not request.options.suggest or results.corrected_from is not None:
        return results
    return replace(results, suggestion=backend.suggest(request))


def place_notes(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """A note for each place value that no story holds, naming what the index holds instead."""
    notes = backend.place_notes(request)
    return replace(results, notes=[*results.notes, *notes]) if notes else results


def date_span_note(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """Nothing found in the dates asked for: when they lie beyond every story's date, say where the index's are."""
    span = request.date_span()[0]
    if results.total or span is None:
        return results
    bounds = backend.date_bounds()
    if bounds is None:
        return results
    (first, last), (oldest, newest) = span, bounds
    low, high = oldest.date().isoformat(), newest.date().isoformat()
    if first is not None and first > newest:
        note = f"no story is dated after {high}, the newest in the index (from {low})"
    elif last is not None and last < oldest:
        note = f"no story is dated before {low}, the oldest in the index (to {high})"
    else:
        return results
    return replace(results, notes=[*results.notes, note])


REWRITES: list[Rewrite] = [expand]
COMPLETIONS: list[Completion] = [fill_page, place_notes, date_span_note, did_you_mean]


def _search(backend: Backend, request: SearchRequest, rewrites: list[Rewrite]) -> tuple[SearchRequest, Results]:
    asked = request
    for step in rewrites:
        request = step(request, backend)
    try:
        results = backend.search(request)
    except QueryLimitError:
        if not isinstance(request.query, rq.Expanded) or asked.options.expand is not None:
            raise
        # Feedback that is only the default (--any) must not stop a query that runs as typed: run it so.
        results = backend.search(asked)
        return asked, replace(results, notes=[*results.notes, "feedback words left out: the widened query "
                                              "ran over the time limit"])
    if isinstance(request.query, rq.Expanded):
        results = replace(results, expansion=tuple(w.text for w in request.query.words))
    return request, results


def respelled(request: SearchRequest, spelling: str) -> SearchRequest:
    """The request with the words its did-you-mean text changed, and nothing else of its tree.

    Did-you-mean replaces free words one for one, so the two texts have the same tokens; the
    leaves of the changed ones take the new spelling (clauses added to the tree, e.g. by the web
    page's facet filters, stay as they are).
    """
    before, after = tokenize(request.text), tokenize(spelling)
    if len(before) != len(after):
        return request.with_text(spelling)
    changed = {a.start: (a, b) for a, b in zip(before, after) if a.text != b.text}

    def walk(node: rq.Node) -> rq.Node:
        if isinstance(node, (rq.And, rq.Or, rq.Group)):
            return replace(node, children=tuple(walk(c) for c in node.children))
        if isinstance(node, rq.Not):
            return replace(node, child=walk(node.child))
        if not isinstance(node, (rq.Word, rq.Phrase)) or node.field is not None or node.start not in changed:
            return node
        old, new = changed[node.start]
        if isinstance(node, rq.Phrase):
            return replace(node, text=new.text) if node.text == old.text else node
        cut = len(old.text) - len(node.text)  # a ^boost after the word
        if old.text[:len(node.text)] != node.text:
            return node  # a clause added to the tree, not typed here
        return replace(node, text=new.text[:len(new.text) - cut] if cut else new.text)

    return replace(request, text=spelling, query=walk(request.query))


def corrected(backend: Backend, request: SearchRequest, rewrites: list[Rewrite]) -> tuple[SearchRequest, Results] | None:
    """The request spelled as the index knows it and its results, when that finds what the original did not."""
    spelling = backend.suggest(request)
    if not spelling or spelling == request.text:
        return None
    found = _search(backend, respelled(request, spelling), rewrites)
    return found if found[1].total else None


def run(backend: Backend, request: SearchRequest, *, rewrites: list[Rewrite] | None = None,
        completions: list[Completion] | None = None) -> Results:
    """Search with every step; `seconds` covers them all."""
    started = time.perf_counter()
    rewrites = REWRITES if rewrites is None else rewrites
    asked = request
    request, results = _search(backend, asked, rewrites)
    if not results.total and asked.options.correct:
        better = corrected(backend, asked, rewrites)
        if better is not None:
            request, results = better[0], replace(better[1], corrected_from=asked.text)
    for step in COMPLETIONS if completions is None else completions:
        results = step(request, results, backend)
    return replace(results, seconds=time.perf_counter() - started)
