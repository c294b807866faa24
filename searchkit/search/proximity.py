"""Term proximity: the best BM25F hits re-ranked with a bonus for query words that stand near each other.

A stage after the ranking collector, separate from the BM25F scores (search/flat.py, which must
stay identical to Whoosh's matcher tree). Many queries name one concept in several words
("interest rates", "money supply", "consumer price index"); BM25F scores each word alone. As in
the sequential dependence model (Metzler & Croft 2005), each pair of query words typed next to
each other adds a score for the story's windows holding both: an ordered window (the second word
within ORDERED_GAP positions after the first: the words as a phrase, a short word between them
allowed) and an unordered one (within WINDOW positions either way). Each count saturates
(c / (c + 1)) and the pair weighs the mean idf of its two words, so the bonus is on BM25F's scale:

    score = BM25F + WEIGHT * sum over pairs of idf(a, b) * (ORDERED * sat(ordered) + (1 - ORDERED) * sat(window))

Only the best POOL hits are re-ranked (a page deeper than that keeps BM25F order below them);
positions come from the postings of the title and body fields (they are indexed with positions),
read for those stories only. WEIGHT, the windows and the pool were chosen on the Reuters TRAIN
split (bench/relevance.py --tune prox) and frozen here. Off with the request option
`proximity=False` (`--no-proximity`).
"""
from __future__ import annotations

import weakref
from bisect import bisect_left, bisect_right
from itertools import accumulate
from pickle import loads

from whoosh.system import _INT_SIZE

from ..index.schema import text_analyzer
from . import bm25
from . import request as rq
from .request import SearchRequest

WEIGHT = 2.0  # 4 under per-field BM25F (TRAIN); 2 on fielded BM25F's smaller scores (D, E, F: bench/README.md)
WINDOW = 8  # positions either way for the unordered window
ORDERED_GAP = 1  # the second word right after the first (1: adjacent, as a phrase)
ORDERED = 1.0  # share of the ordered window in a pair's bonus (the unordered window added nothing on TRAIN)
POOL = 200  # the best BM25F hits that are re-ranked
FIELDS = ("title", "body")
CACHED_POSTINGS = 300_000  # encoded positions kept per segment reader, for later searches
_STEMMED = text_analyzer()
_CACHE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def runs(node: rq.Node) -> list[list[str]]:
    """The runs (two or more) of free words typed side by side in the tree, each in typed order.

    Words of a group, an AND or an OR that follow each other directly form a run (an OR too:
    the partial matches that fill a short page are an OR of the words typed side by side); a
    phrase, a field clause or any other clause between them ends it. Words under NOT do not count.
    """
    if isinstance(node, rq.Expanded):
        return runs(node.query)  # the typed query, not the feedback words
    if not isinstance(node, (rq.Group, rq.And, rq.Or)):
        return []
    found: list[list[str]] = []
    current: list[str] = []
    for child in sorted(node.children, key=lambda c: c.start):
        if _free_word(child):
            current.append(child.text)
            continue
        found.append(current)
        current = []
        found.extend(runs(child))
    found.append(current)
    return [run for run in found if len(run) > 1]


def _free_word(node: rq.Node) -> bool:
    return type(node) is rq.Word and node.field is None and node.boost > 0


def pairs(request: SearchRequest) -> list[tuple[str, str]]:
    """Stems of the query words typed next to each other: (first, second), in typed order, each pair once."""
    if not set(request.fields) & set(FIELDS):
        return []
    out: list[tuple[str, str]] = []
    for run in runs(request.query):
        stems = [t.text for word in run for t in _STEMMED(word)]
        for a, b in zip(stems, stems[1:]):
            if a != b and (a, b) not in out:
                out.append((a, b))
    return out


def applies(request: SearchRequest) -> bool:
    """Whether the stage re-ranks this request: asked for, ranked by relevance, two words side by side."""
    return request.options.proximity and request.sort == "relevance" and bool(pairs(request))


def rerank(searcher, request: SearchRequest, items: list) -> tuple[list, dict[int, float]]:
    """The ranking's (key, docnum, score) items with the best POOL re-scored by BM25F + proximity,
    and each re-scored story's bonus (what it added to the BM25F score).

    Never adds or drops an item; the ones after the pool keep their place.
    """
    word_pairs = pairs(request)
    head, tail = items[:POOL], items[POOL:]
    if not word_pairs or not head or WEIGHT == 0:
        return items, {}
    stems = sorted({s for p in word_pairs for s in p})
    counts = pair_counts(searcher, word_pairs, sorted(d for _k, d, _s in head))
    idf = {s: _idf(searcher, s) for s in stems}
    rescored, bonuses = [], {}
    for _key, docnum, score in head:
        bonus = 0.0
        for a, b in word_pairs:
            ordered, near = counts[a, b].get(docnum, (0, 0))
            if near:
                bonus += (idf[a] + idf[b]) / 2 * (ORDERED * ordered / (ordered + 1) + (1 - ORDERED) * near / (near + 1))
        bonuses[docnum] = WEIGHT * bonus
        value = (score or 0.0) + bonuses[docnum]
        rescored.append((-value, docnum, value))
    rescored.sort()
    return rescored + list(tail), bonuses


def window_counts(first: list[int], second: list[int]) -> tuple[int, int]:
    """(occurrences of the first word with the second at most ORDERED_GAP after it, ... within WINDOW either way)."""
    ordered = near = 0
    for p in first:
        lo = bisect_left(second, p - WINDOW)
        if lo < len(second) and second[lo] <= p + WINDOW:
            near += 1
            after = bisect_right(second, p)
            if after < len(second) and second[after] <= p + ORDERED_GAP:
                ordered += 1
    return ordered, near


def pair_counts(searcher, word_pairs: list[tuple[str, str]], docnums: list[int]
                ) -> dict[tuple[str, str], dict[int, tuple[int, int]]]:
    """pair -> {story: (ordered, near) window counts summed over the fields}, for the given sorted stories.

    A field's positions are decoded only for the stories holding both words of a pair in it
    (each posting's positions are a pickle of their own, the costly part).
    """
    stems = sorted({s for p in word_pairs for s in p})
    out: dict[tuple[str, str], dict[int, tuple[int, int]]] = {p: {} for p in word_pairs}
    for sub, offset in _leaves(searcher):
        reader = sub.reader()
        end = offset + reader.doc_count_all()
        local = [d - offset for d in docnums if offset <= d < end]
        if not local:
            continue
        for field in FIELDS:
            if field not in reader.schema:
                continue
            raw = {stem: _raw(reader, field, stem, local) for stem in stems}
            decoded: dict[tuple[str, int], list[int]] = {}
            for a, b in word_pairs:
                found = out[a, b]
                for sub_docnum in raw[a].keys() & raw[b].keys():
                    pa = _decoded(decoded, raw, a, sub_docnum)
                    pb = _decoded(decoded, raw, b, sub_docnum)
                    ordered, near = window_counts(pa, pb)
                    if near:
                        was = found.get(offset + sub_docnum, (0, 0))
                        found[offset + sub_docnum] = (was[0] + ordered, was[1] + near)
    return out


def _raw(reader, field: str, stem: str, local: list[int]) -> dict[int, list]:
    """{story: [(decoder, encoded positions) of each form of the stem it holds]} in one field of a segment."""
    from .wordforms import forms

    found: dict[int, list] = {}
    for word in forms(reader, field, stem):
        for sub_docnum, value in _read(reader, field, word, local):
            found.setdefault(sub_docnum, []).append(value)
    return found


def _decoded(memo: dict, raw: dict, stem: str, sub_docnum: int) -> list[int]:
    key = (stem, sub_docnum)
    found = memo.get(key)
    if found is None:
        values = raw[stem][sub_docnum]
        found = memo[key] = _positions(values[0]) if len(values) == 1 else sorted(
            p for v in values for p in _positions(v))
    return found


def _positions(value: bytes) -> list[int]:
    """A posting's positions, as Whoosh's Positions format writes them (a count, then pickled deltas)."""
    return list(accumulate(loads(value[_INT_SIZE:] if value.endswith(b".") else value[_INT_SIZE:] + b".")))


def _leaves(searcher) -> list[tuple[object, int]]:
    if searcher.is_atomic():
        return [(searcher, 0)]
    return list(searcher.leaf_searchers())


def _read(reader, field: str, word: str, local: list[int]):
    """(story, encoded positions) of one word for those of the sorted `local` stories that hold it."""
    encoded = _encoded(reader, field, word)
    for docnum in local:
        value = encoded.get(docnum)
        if value is not None:
            yield docnum, value


def _encoded(reader, field: str, word: str) -> dict[int, bytes]:
    """{story: encoded positions} of every live posting of a word in a segment (kept per reader for later searches).

    Reading a posting block (decompressing and unpickling it) is most of the cost, and a query's
    words come back (the next page, the same query refined): kept up to CACHED_POSTINGS per reader.
    """
    cache = _CACHE.setdefault(reader, {})
    found = cache.get((field, word))
    if found is not None:
        return found
    m = reader.postings(field, word)
    found = {}
    if hasattr(m, "_read_values") and hasattr(m, "_next_block"):  # Whoosh 3's leaf matcher: block by block
        while m.is_active():
            m._read_ids()
            m._read_values()
            found.update(zip(m._ids, m._values))
            m._next_block()
    else:  # deletions filtered by a wrapper
        while m.is_active():
            found[m.id()] = m.value()
            m.next()
    if sum(map(len, cache.values())) + len(found) > CACHED_POSTINGS:
        cache.clear()
    cache[(field, word)] = found
    return found


def _idf(searcher, stem: str) -> float:
    """BM25F's idf of a word's forms taken together (the largest document frequency of them), in the body."""
    from .wordforms import forms

    df = 0
    for sub, _offset in _leaves(searcher):
        for word in forms(sub.reader(), "body", stem):
            df = max(df, searcher.doc_frequency("body", word))
    return bm25.idf(df, searcher.doc_count_all())
