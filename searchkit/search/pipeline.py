"""Between a request and its results: the steps around the engine.

    request -> rewrites -> Backend.search -> completions -> results

A rewrite returns a new request before the engine sees it (query expansion such as pseudo-relevance
feedback adds weighted words to the tree; a spelling step could replace unknown words). A
completion adds to the engine's results (did-you-mean today; filling a short all-words page with
the best partial matches would go here). Steps are engine-neutral: they talk to the Backend.
"""
from __future__ import annotations

import time
from dataclasses import replace
from typing import Callable

from ..model import Results
from .backend import Backend
from .request import SearchRequest

Rewrite = Callable[[SearchRequest, Backend], SearchRequest]
Completion = Callable[[SearchRequest, Results, Backend], Results]


def did_you_mean(request: SearchRequest, results: Results, backend: Backend) -> Results:
    """The query with unknown free words spelled as the index knows them, when asked for."""
    if not request.options.suggest:
        return results
    return replace(results, suggestion=backend.suggest(request))


REWRITES: list[Rewrite] = []
COMPLETIONS: list[Completion] = [did_you_mean]


def run(backend: Backend, request: SearchRequest, *, rewrites: list[Rewrite] | None = None,
        completions: list[Completion] | None = None) -> Results:
    """Search with every step; `seconds` covers them all."""
    started = time.perf_counter()
    for step in REWRITES if rewrites is None else rewrites:
        request = step(request, backend)
    results = backend.search(request)
    for step in COMPLETIONS if completions is None else completions:
        results = step(request, results, backend)
    return replace(results, seconds=time.perf_counter() - started)
