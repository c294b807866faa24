"""Pseudo-relevance feedback (RM3): widen a query with the words its best stories share.

As Anserini's RM3 (Pyserini's `set_rm3`): the top FB_DOCS stories of the query are taken as
relevant; each contributes its FB_TERMS most frequent eligible words, weighted by their share
of the story's eligible words times the story's score; the FB_TERMS heaviest words of that
relevance model (normalised to sum 1) join the query, which keeps ORIGINAL_WEIGHT of the
total. Eligible words have 2-20 letters or digits and appear in at most MAX_SHARE of the
stories (this is what keeps `the`, `said` and `mln` out: the index has no stop list).

Engine-neutral: the backend supplies the stories' word counts (`Backend.feedback`); the
expansion is an `Expanded` node in the request's tree. The settings were chosen on the Reuters
TRAIN split with bench/relevance.py (both topic sets, 68 topics, with the proximity stage on) and
frozen here: 5 stories x 20 words at weight 0.5 led the 27-setting grid (`--tune rm3`; every setting
within 0.015 MAP), its neighbours (weight 0.4 or 0.6, 30 words) within 0.003 MAP.
Feedback is applied to every query alike: on TRAIN it helps one-word queries (38 topics, AP +0.032,
32 up / 6 down) as much as longer ones (30, +0.022), and neither how much the feedback stories share
nor the first pass's score spread predicts its gain (bench/README.md, "Drift").
"""
from __future__ import annotations

import heapq
import re
from collections import Counter
from dataclasses import replace
from itertools import islice

from . import request as rq
from .backend import Backend, Feedback
from .request import SearchRequest

FB_DOCS = 5
FB_TERMS = 20
ORIGINAL_WEIGHT = 0.5
MAX_SHARE = 0.1
MIN_LENGTH, MAX_LENGTH = 2, 20

_ELIGIBLE = re.compile(r"[^\W_]+")


def query_words(node: rq.Node) -> list[rq.Node]:
    """The clauses of the query on its default fields that feedback adds to: free words and phrases."""
    return [leaf for leaf, negated in rq.leaves(node)
            if not negated and isinstance(leaf, (rq.Word, rq.Phrase)) and leaf.field is None]


def eligible(word: str, feedback: Feedback) -> bool:
    if not MIN_LENGTH <= len(word) <= MAX_LENGTH or not _ELIGIBLE.fullmatch(word):
        return False
    return feedback.frequency.get(word, 0) <= MAX_SHARE * feedback.stories


def relevance_model(feedback: Feedback, terms: int | None = None) -> list[tuple[str, float]]:
    """RM1 over the feedback stories: (word, weight) heaviest first, the weights summing to 1."""
    terms = FB_TERMS if terms is None else terms
    weights: Counter = Counter()
    for score, counts in feedback.docs:
        # most frequent first, so that only the words down to the last one kept are looked up
        ranked = sorted(counts.items(), key=lambda wc: (wc[1], wc[0]), reverse=True)
        kept = list(islice(((w, c) for w, c in ranked if eligible(w, feedback)), terms))
        norm = sum(c for _w, c in kept)
        for word, count in kept:
            weights[word] += count / norm * abs(score)
    top = heapq.nlargest(terms, weights.items(), key=lambda wc: (wc[1], wc[0]))
    total = sum(w for _word, w in top)
    return [(word, w / total) for word, w in top] if total > 0 else []


def expand(request: SearchRequest, backend: Backend) -> SearchRequest:
    """The request with its feedback words added (RM3), when its options ask for feedback."""
    if not request.options.expands or isinstance(request.query, rq.Expanded):
        return request
    originals = query_words(request.query)
    if not originals or set(request.fields) != set(rq.DEFAULT_FIELDS):
        return request
    model = relevance_model(backend.feedback(request, FB_DOCS))
    if not model:
        return request
    # RM3 weighs each original word ORIGINAL_WEIGHT / n and each feedback word (1 - ORIGINAL_WEIGHT) x
    # its weight; scaled by n / ORIGINAL_WEIGHT so the query as asked keeps its own scores.
    scale = (1 - ORIGINAL_WEIGHT) / ORIGINAL_WEIGHT * len(originals)
    end = len(request.text)
    words = tuple(rq.Word(text=word, boost=weight * scale, start=end, end=end) for word, weight in model)
    node = rq.Expanded(query=request.query, words=words, widen=request.options.match == "any")
    return replace(request, query=node)
