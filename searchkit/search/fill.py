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
    """The stories holding some but not all of the free words (and every other clause), or None."""
    if isinstance(node, rq.Expanded):  # feedback words keep re-ranking, but find nothing alone
        inner = partial_query(node.query)
        return None if inner is None else replace(node, query=inner, widen=False)
    if not isinstance(node, rq.Group):
        return None
    optional = tuple(c for c in node.children if _optional(c))
    if len(optional) < 2:
        return None
    required = tuple(c for c in node.children if not _optional(c))
    some, every = rq.Or(children=optional), rq.And(children=optional)
    return rq.And(children=(*required, some, rq.Not(child=every)), start=node.start, end=node.end, boost=node.boost)


def fill_page(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """A page that all the words leave short, filled with the best partial matches."""
    opts = request.options
    if (not opts.fill or opts.match != "all" or request.sort != "relevance"
            or results.total >= request.limit):
        return results
    node = partial_query(request.query)
    if node is None:
        return results
    skip = max(0, request.first - results.total)  # partial matches shown on earlier pages
    room = request.limit - len(results.hits)
    wanted = replace(request, query=node, page=1, limit=skip + room, facets=())
    found = backend.search(wanted)
    start = results.total + skip
    hits = [replace(h, rank=start + i, partial=True) for i, h in enumerate(found.hits[skip:skip + room], start=1)]
    return replace(results, hits=[*results.hits, *hits], partial=found.total,
                   pages=request.pages(results.total + found.total))
