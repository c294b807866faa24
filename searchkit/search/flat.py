"""Word queries scored a term at a time: each word's postings read in blocks into {story: score},
ANDs and ORs done as dictionary joins, one sorted list of (story, score) handed to the collectors.

searchkit's collectors see every match (exact totals, near-duplicate folding), so Whoosh walks its
tree of union and intersection matchers story by story, several Python calls per story and node:
about half of a query's time. Here a word's stories and scores come from its posting blocks in
one pass (the same BM25F arithmetic as bm25.TableScorer), and the tree becomes set operations. A
part that is not a word (a phrase, a range, a wildcard) is still Whoosh's matcher: read whole in
an OR, and in an AND asked only about the stories the words left. Scores are the sums Whoosh
makes, added in the query's order rather than Whoosh's tree order (they can differ in the last
bit; stories with the same term scores still tie).
"""
from __future__ import annotations

from whoosh import matching, query

from . import fielded
from .bm25 import TableScorer
from .whoosh_query import ArrayOr
from .wordforms import Exact, WordForms, _ArrayMatcher, indexed_term, postings

_ORS = (query.Or, ArrayOr, query.PreloadedOr)


class ScoredList(_ArrayMatcher):
    """Sorted story numbers with their scores, as a Whoosh matcher (what the collectors walk)."""

    def __init__(self, ids: list[int], scores: list[float], i: int = 0):
        _ArrayMatcher.__init__(self, ids, scores, None, i=i)

    def score(self):
        return self._weights[self._i]

    def walk(self):
        """The story numbers in order, with `score()` following along (faster than next())."""
        for i, docnum in enumerate(self._ids):
            self._i = i
            yield docnum
        self._i = len(self._ids)

    def copy(self):
        return ScoredList(self._ids, self._weights, self._i)


def matcher(q: query.Query, searcher, context):
    """A ScoredList for `q` in one segment, or Whoosh's own matcher when `q` is not made of words."""
    if (context.weighting if context is not None else searcher.weighting) is None or not _wordy(q):
        return q.matcher(searcher, context)
    found = _scores(q, searcher, context)
    if not found:
        return matching.NullMatcher()
    ids = sorted(found)
    return ScoredList(ids, [found[d] for d in ids])


def _wordy(q) -> bool:
    """Whether the tree has an AND or OR of words worth flattening (else Whoosh's matcher is as fast)."""
    if type(q) is query.And or type(q) in _ORS:
        subs = q.subqueries
        return any(_word(s) or _wordy(s) for s in subs) and all(_supported(s) for s in subs)
    return False


def _word(q) -> bool:
    return isinstance(q, (WordForms, fielded.Fielded)) or type(q) in (query.Term, Exact)


def _supported(q) -> bool:
    if _word(q) or q.is_leaf():
        return True
    if type(q) is query.Not:
        return True
    if type(q) is query.And or type(q) in _ORS:
        return all(_supported(s) for s in q.subqueries)
    return False  # AndMaybe, DisMax, Require...: Whoosh's matcher


def _scores(q, searcher, context) -> dict[int, float]:
    """{story: score} of `q` in this segment (a Not's stories are only subtracted, never scored)."""
    if _word(q):
        return _word_scores(q, searcher, context)  # boosted there
    if type(q) in _ORS:
        found: dict[int, float] = {}
        get = found.get
        for sub in q.subqueries:
            for docnum, score in _scores(sub, searcher, context).items():
                found[docnum] = get(docnum, 0.0) + score
    elif type(q) is query.And:
        found = _and(q.subqueries, searcher, context)
    else:  # any other leaf: Whoosh's matcher, read whole (it applies its own boost)
        return _read(q.matcher(searcher, context))
    if q.boost != 1.0:
        found = {d: s * q.boost for d, s in found.items()}
    return found


def _and(subs, searcher, context) -> dict[int, float]:
    """Stories in every positive part, in no negated one; the positive parts' scores summed."""
    negated = [s.query for s in subs if type(s) is query.Not]
    positive = [s for s in subs if type(s) is not query.Not]
    flat = [s for s in positive if _word(s) or _wordy(s)]
    other = [s for s in positive if not (_word(s) or _wordy(s))]
    if not flat:  # nothing to narrow the others with: read the first whole
        flat, other = other[:1], other[1:]
    parts = sorted((_scores(s, searcher, context) for s in flat), key=len)
    found = dict(parts[0])
    for part in parts[1:]:
        found = {d: s + part[d] for d, s in found.items() if d in part}
        if not found:
            return found
    for sub in other:  # phrases, ranges...: asked only about the stories left
        found = _narrow(found, sub.matcher(searcher, context))
    for sub in negated:
        if not found:
            break
        if _word(sub) or _wordy(sub):
            left = found.keys() - _scores(sub, searcher, context).keys()
        else:
            left = found.keys() - set(_ask(sub.matcher(searcher, searcher.boolean_context()), sorted(found)))
        found = {d: found[d] for d in left}
    if negated:  # Whoosh scores a NOT clause as 1 for every story it lets through
        found = {d: s + len(negated) for d, s in found.items()}
    return found


def _ask(m, ids: list[int]):
    """Those of the sorted `ids` that matcher `m` matches (moving it forward)."""
    for docnum in ids:
        if not m.is_active():
            return
        if m.id() < docnum:
            m.skip_to(docnum)
            if not m.is_active():
                return
        if m.id() == docnum:
            yield docnum


def _narrow(found: dict[int, float], m) -> dict[int, float]:
    out = {}
    for docnum in _ask(m, sorted(found)):
        out[docnum] = found[docnum] + m.score()
    return out


def _read(m) -> dict[int, float]:
    found = {}
    while m.is_active():
        found[m.id()] = m.score()
        m.next()
    return found


class _At:
    """What a scorer asks of a matcher, for one posting."""

    __slots__ = ("docnum", "tf")

    def id(self):
        return self.docnum

    def weight(self):
        return self.tf


def _word_scores(q, searcher, context) -> dict[int, float]:
    """{story: score} of a word (its forms scored as one term), boost applied as Whoosh applies it."""
    if isinstance(q, fielded.Fielded):
        return fielded.scores(q, searcher)
    reader = searcher.reader()
    if isinstance(q, WordForms):
        found = q.postings(searcher, context)
        if found is None:
            return {}
        ids, weights, scorer = found
    else:
        field, text = q.fieldname, indexed_term(q, searcher)
        if text is None:
            return {}
        weighting = (context.weighting if context is not None else None) or searcher.weighting
        scorer = weighting.scorer(searcher, field, text)
        ids, weights = postings(reader, field, text)
    if type(scorer) is TableScorer and scorer._lengths is not None:
        idf, k1p, norms, lengths = scorer.idf, scorer.K1 + 1, scorer._norms, scorer._lengths
        found = {d: idf * ((tf * k1p) / (tf + norms[lengths[d]])) for d, tf in zip(ids, weights)}
    else:  # a field without lengths (keywords): the scorer itself, one posting at a time
        at = _At()
        found = {}
        for d, tf in zip(ids, weights):
            at.docnum, at.tf = d, tf
            found[d] = scorer.score(at)
    if q.boost != 1.0:  # x * 1.0 is x: Whoosh's unconditional boost of merged forms gives the same scores
        found = {d: s * q.boost for d, s in found.items()}
    return found
