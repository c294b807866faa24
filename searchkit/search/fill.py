"""Partial matches: when all the words find less than a page, the best stories with some of them follow.

Only the free words and phrases typed side by side become optional (`prison escape guard`):
field clauses, dates and NOTs next to them stay required, and an explicit `a AND b` stays
strict. Partial matches come after every story with all the words, ranked among themselves,
marked `partial` and counted apart (`Results.partial`).
"""
from __future__ import annotations

from dataclasses import replace

from ..model import Results
from . import request as rq
from .backend import Backend
from .request import SearchRequest


def _optional(node: rq.Node) -> bool:
    return isinstance(node, (rq.Word, rq.Pattern, rq.Phrase)) and node.field is None


def partial_query(node: rq.Node) -> rq.Node | None:
    """Stories holding some of the free words (and every other clause), or None when nothing is optional.

    The stories with all of them match too: the caller leaves out those already listed (cheaper
    for the engine than asking for "not all of them").
    """
    if isinstance(node, rq.Expanded):  # feedback words keep re-ranking, but find nothing alone
        inner = partial_query(node.query)
        return None if inner is None else replace(node, query=inner, widen=False)
    if not isinstance(node, rq.Group):
        return None
    optional = tuple(c for c in node.children if _optional(c))
    if len(optional) < 2:
        return None
    required = tuple(c for c in node.children if not _optional(c))
    some = rq.Or(children=optional, start=node.start, end=node.end)
    if not required:
        return replace(some, boost=node.boost)
    return rq.And(children=(*required, some), start=node.start, end=node.end, boost=node.boost)


def fill_page(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """A page that all the words leave short, filled with the best partial matches."""
    opts = request.options
    if (not opts.fill or opts.match != "all" or request.sort != "relevance"
            or results.total >= request.limit):
        return results
    node = partial_query(request.query)
    if node is None:
        return results
    full = results.hits if request.page == 1 else backend.search(
        replace(request, page=1, facets=(), options=replace(opts, snippets=False, explain=False))).hits
    key = (lambda h: h.cluster or h.id) if opts.collapse else (lambda h: h.id)
    listed = {key(h) for h in full}
    skip = max(0, request.first - results.total)  # partial matches shown on earlier pages
    room = request.limit - len(results.hits)
    found = backend.search(replace(request, query=node, page=1, limit=results.total + skip + room, facets=()))
    rest = [h for h in found.hits if key(h) not in listed][skip:skip + room]
    start = results.total + skip
    hits = [replace(h, rank=start + i, partial=True) for i, h in enumerate(rest, start=1)]
    partial = max(0, found.total - results.total)
    return replace(results, hits=[*results.hits, *hits], partial=partial, pages=request.pages(results.total + partial))
