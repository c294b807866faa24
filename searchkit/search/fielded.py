"""A free word in the title and the body scored as one BM25F term: frequencies first, then saturation.

Whoosh's BM25F adds one BM25 score per field: a word in the headline and in the text is saturated
twice, and a story that is a headline only (wire flashes) is scored on its title field alone, as if it
were short of words. BM25F as Robertson and Zaragoza define it (and as SQLite FTS5's bm25() computes
it over a row's columns) first adds the word's frequencies over the fields, each times its field's
weight, then saturates that sum once against the story's whole length:

    score = idf * f * (K1 + 1) / (f + K1 * (1 - B + B * length / average length)),
    f = sum over fields of weight * frequency, length = title words + body words

with idf the largest document frequency over the fields (bm25.idf). Chosen on the spent pooled sets
(bench/README.md, "Fielded BM25F"): it closed TEST-F's gap to FTS5 on wire copy, gained on TEST-E and
lost on TEST-D; held out, TEST-G (wire) and TEST-H (PolNeAR) put searchkit level with FTS5 on the top
ten of wire copy and above it on MAP. B and K1 are FIELDED_B and FIELDED_K1; a field's weight is its clause's boost
(whoosh_query.FIELD_BOOSTS: the title 1.5, the body 1).
"""
from __future__ import annotations

from whoosh import matching, query
from whoosh.util.numeric import byte_to_length

from . import bm25
from .wordforms import Exact, WordForms, indexed_term, postings

FIELDED_B = 0.5
FIELDED_K1 = 2.0
_LENGTH = [byte_to_length(b) if b else 0 for b in range(256)]


class Fielded(query.CompoundQuery):
    """One word's clauses in several text fields (Term, Exact or WordForms each), scored as one term.

    Not a Whoosh Or, so that normalising the query around it never dissolves it into its fields."""

    JOINT = " | "
    intersect_merge = False

    def normalize(self):
        return self

    def matcher(self, searcher, context=None):
        from .flat import ScoredList  # flat scores Fielded words itself: imported late, no cycle

        found = scores(self, searcher)
        if not found:
            return matching.NullMatcher()
        ids = sorted(found)
        return ScoredList(ids, [found[d] for d in ids])


def fielded(clauses: list[query.Query]) -> query.Query:
    """The clauses of one word over several fields as one Fielded term, when each is a plain word."""
    if len(clauses) > 1 and all(type(c) in (query.Term, Exact, WordForms) for c in clauses):
        return Fielded(clauses)
    return clauses[0] if len(clauses) == 1 else query.Or(clauses)


def _postings(clause, searcher) -> tuple[list[int], list[float], int]:
    """(stories, frequencies, document frequency) of one field's clause in this searcher's reader."""
    reader = searcher.reader()
    parent = searcher.get_parent()
    if isinstance(clause, WordForms):
        found = clause.postings(searcher)
        if found is None:
            return [], [], 0
        ids, weights, _scorer = found
        df = max(parent.doc_frequency(t.fieldname, t.text) for t in clause.subqueries)
        return ids, weights, df
    text = indexed_term(clause, searcher)
    if text is None:
        return [], [], 0
    ids, weights = postings(reader, clause.fieldname, text)
    return ids, weights, parent.doc_frequency(clause.fieldname, text)


def _field(clause) -> str:
    return clause.subqueries[0].fieldname if isinstance(clause, WordForms) else clause.fieldname


def scores(q: Fielded, searcher) -> dict[int, float]:
    """{story: score} of the word in this segment (the query's boost applied)."""
    freq: dict[int, float] = {}
    get = freq.get
    df = 0
    fields = []
    for clause in q.subqueries:
        ids, weights, n = _postings(clause, searcher)
        df = max(df, n)
        field = _field(clause)
        fields.append(field)
        weight = clause.boost  # the field's weight
        for d, tf in zip(ids, weights):
            freq[d] = get(d, 0.0) + weight * tf
    if not freq:
        return {}
    parent = searcher.get_parent()
    idf = bm25.idf(df, parent.doc_count_all())
    average = sum(parent.avg_field_length(f) or 0.0 for f in fields) or 1.0
    reader = searcher.reader()
    tables = [bm25.length_bytes(reader, f) for f in fields]
    k1p = FIELDED_K1 + 1
    norm = [FIELDED_K1 * (1 - FIELDED_B), FIELDED_K1 * FIELDED_B / average]
    boost, base, per_word = q.boost, norm[0], norm[1]  # the same arithmetic, in the same order, as first frozen
    if all(t is not None for t in tables):
        lengths = _LENGTH
        if len(tables) == 2:
            first, second = tables
            return {d: boost * idf * (f * k1p) / (f + base + per_word * (lengths[first[d]] + lengths[second[d]]))
                    for d, f in freq.items()}
        return {d: boost * idf * (f * k1p) / (f + base + per_word * sum(lengths[t[d]] for t in tables))
                for d, f in freq.items()}
    # a reader without raw length columns (several segments at once): ask it
    return {d: boost * idf * (f * k1p) / (f + base + per_word * sum(reader.doc_field_length(d, fl, 0) for fl in fields))
            for d, f in freq.items()}


def explain(q: Fielded, searcher, docnum: int) -> dict | None:
    """What a story's score for the word is made of: its frequency over the fields, weighted, and the score."""
    score = scores(q, searcher).get(docnum)
    if score is None:
        return None
    freq, df = 0.0, 0
    for clause in q.subqueries:
        ids, weights, n = _postings(clause, searcher)
        df = max(df, n)
        freq += sum(clause.boost * tf for d, tf in zip(ids, weights) if d == docnum)
    return {"weight": freq, "score": score, "doc_frequency": df}
