"""News structure: the best hits re-ranked by where a story holds the query's words (a learnt linear model).

A news story states its subject in its headline and its first paragraph (the inverted pyramid); a
story that names a query word only in passing, late in the text, is seldom about it. BM25F counts a
word's occurrences, not where they stand. This stage, after proximity (search/proximity.py), re-scores
the best POOL hits with a linear combination of a few features, each computed from the title and
body postings the index already keeps (positions included), for those stories only:

    score = BM25F' / best BM25F' + sum over features of weight * feature

with BM25F' the score after proximity, the query's words its free words as typed (feedback words
left out) and
    title      share of the query's words in the title
    lead       share of the query's words among the body's first LEAD words
    body       share of the query's words anywhere in the body
    first      1 / (1 + ln(1 + position of the body's first query word)), 0 when none

lead and first count in proportion to the story's length, x min(1, body words / span): in a long story
(PolNeAR's ~760 words) where the words first stand tells its subject; in wire copy (~120 words) the lead
is most of the story and says little more than the body (bench/README.md, "Ranking, eleventh round").

A story that is a headline only (wire flashes) has its title for lead and body (first: 1 when the
title holds a query word), so that it is not pushed down for having no text.

The weights and the span were learnt by coordinate ascent on the eight spent pooled test sets (bench/rerank.py;
bench/README.md, "Ranking, tenth round" and "eleventh round") and live in searchkit/data/rerank.json. Off with the
request option `proximity=False` (`--no-proximity`), which turns off both position stages.
"""
from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from ..index.schema import text_analyzer
from . import request as rq
from .proximity import _decoded, _leaves, _raw
from .request import SearchRequest

POOL = 20  # the best hits that are re-ranked (100 lost MAP on wire copy: bench/README.md, "Ranking, tenth round")
LEAD = 50  # body positions that count as the lead (about a news story's first paragraph)
FEATURES = ("title", "lead", "body", "first")
SCALED = ("lead", "first")  # the features that count in proportion to the story's length
WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "rerank.json"
_STEMMED = text_analyzer()


@lru_cache(maxsize=1)
def weights() -> dict[str, float]:
    """The learnt weight of each feature (the first-stage score weighs 1)."""
    table = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    return {name: float(table["weights"].get(name, 0.0)) for name in FEATURES}


@lru_cache(maxsize=1)
def span() -> float:
    """The body length (words) from which the lead and the first match count in full (0: always in full)."""
    return float(json.loads(WEIGHTS.read_text(encoding="utf-8")).get("span", 0.0))


def scaled(found: dict[str, float], length: int, full: float) -> dict[str, float]:
    """The features with lead and first weighed by min(1, length / full): a short story's lead is most of it."""
    share = min(1.0, length / full) if full > 0 else 1.0
    return {name: value * share if name in SCALED else value for name, value in found.items()}


def query_stems(node: rq.Node) -> list[str]:
    """The stems of the free words typed in the tree (not under NOT, not feedback words), each once, in order."""
    if isinstance(node, rq.Expanded):
        return query_stems(node.query)
    if isinstance(node, (rq.Group, rq.And, rq.Or)):
        found: list[str] = []
        for child in sorted(node.children, key=lambda c: c.start):
            found.extend(s for s in query_stems(child) if s not in found)
        return found
    if type(node) is rq.Word and node.field is None and node.boost > 0:
        return list(dict.fromkeys(t.text for t in _STEMMED(node.text)))
    return []


def applies(request: SearchRequest) -> bool:
    """Whether the stage re-ranks this request: asked for, ranked by relevance, free words over title and body."""
    return (request.options.proximity and request.sort == "relevance" and {"title", "body"} <= set(request.fields)
            and bool(query_stems(request.query)))


def features(searcher, stems: list[str], docnums: list[int], full: float | None = None) -> dict[int, dict[str, float]]:
    """Each story's features (FEATURES) for the query's stems, from the title and body postings.

    `full`: the body length at which lead and first count in full (None: the learnt span, span()).
    """
    full = span() if full is None else full
    title: dict[int, set[str]] = {d: set() for d in docnums}
    lead: dict[int, set[str]] = {d: set() for d in docnums}
    body: dict[int, set[str]] = {d: set() for d in docnums}
    first: dict[int, int] = {}
    for sub, offset in _leaves(searcher):
        reader = sub.reader()
        end = offset + reader.doc_count_all()
        local = sorted(d - offset for d in docnums if offset <= d < end)
        if not local:
            continue
        if "title" in reader.schema:
            for stem in stems:
                for sub_docnum in _raw(reader, "title", stem, local):
                    title[offset + sub_docnum].add(stem)
        if "body" not in reader.schema:
            continue
        raw = {stem: _raw(reader, "body", stem, local) for stem in stems}
        memo: dict = {}
        for stem in stems:
            for sub_docnum in raw[stem]:
                docnum = offset + sub_docnum
                body[docnum].add(stem)
                start = _decoded(memo, raw, stem, sub_docnum)[0]
                if start < LEAD:
                    lead[docnum].add(stem)
                first[docnum] = min(start, first.get(docnum, start))
    n = len(stems)
    out = {}
    for d in docnums:
        length = searcher.doc_field_length(d, "body", 0)
        if not length:  # a headline only: the title is its text
            share = len(title[d]) / n
            out[d] = {"title": share, "lead": share, "body": share, "first": 1.0 if share else 0.0}
        else:
            out[d] = scaled({"title": len(title[d]) / n, "lead": len(lead[d]) / n, "body": len(body[d]) / n,
                             "first": 1.0 / (1.0 + math.log1p(first[d])) if d in first else 0.0}, length, full)
    return out


def rerank(searcher, request: SearchRequest, items: list) -> list:
    """The ranking's (key, docnum, score) items with the best POOL re-scored by the learnt model.

    Never adds or drops an item; the ones after the pool keep their place (their scores are below).
    """
    stems = query_stems(request.query)
    head, tail = items[:POOL], items[POOL:]
    if not stems or not head:
        return items
    top = max((score or 0.0) for _k, _d, score in head)
    found = features(searcher, stems, [d for _k, d, _s in head])
    weight = weights()
    rescored = []
    for key, docnum, score in head:
        value = (score or 0.0) / top if top > 0 else 0.0
        value += sum(weight[name] * found[docnum][name] for name in FEATURES)
        rescored.append((key, docnum, value, score))
    rescored.sort(key=lambda r: -r[2])
    # Scores stay BM25F's (what a hit shows and paging compares); only the order changes.
    return [(key, docnum, score) for key, docnum, _v, score in rescored] + list(tail)
