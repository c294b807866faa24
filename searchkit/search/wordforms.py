"""A free word over a field of exact words: every indexed form of its stem, scored as one term.

The text fields hold each story's exact words once, with positions, so "phrases" match word for
word. A free word (`escaped`) searches all the indexed words that share its stem (escape, escapes,
escaping), found in the field's vocabulary: a stem minus its last letter is a prefix of every
word it comes from (the stemmer only rewrites a word's ending; tests/search/test_wordforms.py
checks it), so the candidates are one prefix walk of the sorted term list, stemmed and kept when
they match, and remembered per reader. The forms are scored as a single term, as Lucene's
SynonymQuery does: the sum of their frequencies in a story, and the largest document frequency
among them for the idf. Their postings are merged once per segment into one sorted list (kept
for later searches): walking Whoosh's tree of union matchers cost more than the merge.
"""
from __future__ import annotations

import weakref
from bisect import bisect_left

from whoosh import matching, query, scoring
from whoosh.matching import mcore

from ..index.schema import stem as stem_of
from . import bm25

MIN_PREFIX = 2  # a shorter stem (`us`, `i`) is matched as itself and the words it begins
MERGED_POSTINGS = 2_000_000  # postings of merged forms kept per segment reader, for later searches
_FORMS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_MERGED: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def forms(reader, field: str, stem: str) -> tuple[str, ...]:
    """The words of `field` whose stem is `stem` (the stem itself included when indexed), sorted."""
    per_reader = _FORMS.setdefault(reader, {})
    key = (field, stem)
    found = per_reader.get(key)
    if found is None:
        if len(per_reader) > 50_000:
            per_reader.clear()
        prefix = stem[:-1] if len(stem) > MIN_PREFIX else stem
        words = []
        for text in reader.expand_prefix(field, prefix):
            word = text.decode("utf-8")
            if word == stem or stem_of(word) == stem:
                words.append(word)
        found = per_reader[key] = tuple(words)
    return found


class Exact(query.Term):
    """A word matched as written (a one-word "phrase"): never widened to its other forms."""


class WordForms(query.Or):
    """The forms of one word in one field (Terms), matched together and scored as one term."""

    def scorer(self, searcher, context=None):
        """(field, the forms indexed in this segment, their scorer), or None when none is indexed."""
        terms = [t for t in self.subqueries if isinstance(t, query.Term)]
        if not terms:
            return None
        field = terms[0].fieldname
        reader = searcher.reader()
        here = [t.text for t in terms if (field, t.text) in reader]
        if not here:
            return None
        weighting = (context.weighting if context is not None else None) or searcher.weighting
        scorer = weighting.scorer(searcher, field, here[0])
        if isinstance(scorer, scoring.BM25FScorer):  # the idf of the forms taken together
            parent = searcher.get_parent()
            df = max(parent.doc_frequency(field, t.text) for t in terms)
            scorer.idf = bm25.idf(df, parent.doc_count_all())
        return field, here, scorer

    def postings(self, searcher, context=None):
        """(doc numbers, weights, scorer) of the forms in this segment, merged; None when none is indexed."""
        found = self.scorer(searcher, context)
        if found is None:
            return None
        field, here, scorer = found
        ids, weights = postings(searcher.reader(), field, here[0]) if len(here) == 1 else \
            _merged(searcher.reader(), field, tuple(here))
        return ids, weights, scorer

    def matcher(self, searcher, context=None):
        found = self.scorer(searcher, context)
        if found is None:
            return matching.NullMatcher()
        field, here, scorer = found
        if len(here) == 1:
            m = searcher.reader().postings(field, here[0], scorer=scorer)
            return m if self.boost == 1.0 else matching.WrappingMatcher(m, boost=self.boost)
        ids, weights = _merged(searcher.reader(), field, tuple(here))
        return _ArrayMatcher(ids, weights, scorer, self.boost)


def indexed_term(q: query.Term, searcher) -> bytes | None:
    """A Term query's text as its field indexes it, or None when the field or the word is not there."""
    field = q.fieldname
    if field not in searcher.schema:
        return None
    try:
        text = searcher.schema[field].to_bytes(q.text)
    except ValueError:
        return None
    return text if (field, text) in searcher.reader() else None


def postings(reader, field: str, text) -> tuple[list[int], list[float]]:
    """(doc numbers, weights) of one term in a segment, live stories only."""
    m = reader.postings(field, text)
    ids: list[int] = []
    weights: list[float] = []
    if hasattr(m, "_read_ids") and hasattr(m, "_next_block"):  # Whoosh 3's leaf matcher: block by block
        while m.is_active():
            m._read_ids()
            m._read_weights()
            ids.extend(m._ids)
            weights.extend(m._weights)
            m._next_block()
    else:  # deletions filtered by a wrapper
        while m.is_active():
            ids.append(m.id())
            weights.append(m.weight())
            m.next()
    return ids, weights


def _merged(reader, field: str, texts: tuple) -> tuple[list[int], list[float]]:
    """The postings of several forms as one sorted list, their weights summed (cached per reader)."""
    cache = _MERGED.setdefault(reader, {})
    key = (field, texts)
    found = cache.get(key)
    if found is None:
        total: dict[int, float] = {}
        get = total.get
        for text in texts:
            ids, weights = postings(reader, field, text)
            for docnum, weight in zip(ids, weights):
                total[docnum] = get(docnum, 0.0) + weight
        order = sorted(total)
        found = (order, [total[d] for d in order])
        if sum(len(v[0]) for v in cache.values()) + len(order) > MERGED_POSTINGS:
            cache.clear()
        cache[key] = found
    return found


class _ArrayMatcher(mcore.Matcher):
    """A sorted list of doc numbers with weights, scored by one scorer (a word's merged forms)."""

    def __init__(self, ids: list[int], weights: list[float], scorer, boost: float = 1.0, i: int = 0):
        self._ids = ids
        self._weights = weights
        self._scorer = scorer
        self._boost = boost
        self._i = i

    def is_active(self):
        return self._i < len(self._ids)

    def id(self):
        return self._ids[self._i]

    def weight(self):
        return self._weights[self._i]

    def score(self):
        return self._scorer.score(self) * self._boost

    def next(self):
        self._i += 1

    def skip_to(self, id):
        if not self.is_active():
            raise mcore.ReadTooFar
        if id > self._ids[self._i]:
            self._i = bisect_left(self._ids, id, self._i)

    def all_ids(self):
        return iter(self._ids[self._i:])

    def copy(self):
        return _ArrayMatcher(self._ids, self._weights, self._scorer, self._boost, self._i)

    def reset(self):
        self._i = 0

    def supports(self, astype):
        return astype == "weight"

    def supports_block_quality(self):
        return False

    def max_quality(self):
        return float("inf")


def widen(q: query.Query, reader, fields: tuple[str, ...]) -> query.Query:
    """The query with each stemmed Term of `fields` replaced by the forms of its stem."""
    if type(q) is query.Term and q.fieldname in fields:
        words = forms(reader, q.fieldname, q.text)
        if len(words) <= 1:
            return query.Term(q.fieldname, words[0], boost=q.boost) if words else q
        return WordForms([query.Term(q.fieldname, w) for w in words], boost=q.boost)
    if isinstance(q, WordForms) or q.is_leaf():
        return q
    return q.apply(lambda sub: widen(sub, reader, fields))
