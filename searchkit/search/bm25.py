"""BM25F as Whoosh defines it, scored from a per-segment table of length norms.

Whoosh's scorer looks each match's field length up through four calls (searcher, reader, column,
byte decode): about a tenth of a query's time went there. Field lengths are stored as one byte
per story, so the length part of BM25 (`K1 * ((1 - B) + B * length / average)`) takes at most 256
values: computed once per scorer, indexed by the byte read from the segment's raw length column
(read once per segment reader). The arithmetic is Whoosh's, in the same order: same scores.
"""
from __future__ import annotations

import weakref
from math import log

from whoosh import scoring
from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield
from whoosh.util.numeric import byte_to_length

_LENGTHS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def length_bytes(reader, field: str) -> bytes | None:
    """A segment's field lengths, one encoded byte per story (0: no words), read once per reader."""
    per_reader = _LENGTHS.setdefault(reader, {})
    if field not in per_reader:
        found = None
        perdoc = getattr(reader, "_perdoc", None)  # a segment reader's per-story files (whoosh3 codec)
        col = perdoc._cached_reader(_lenfield(field), LENGTHS_COLUMN) if hasattr(perdoc, "_cached_reader") else None
        if isinstance(col, LENGTHS_COLUMN.Reader) and col._fixedlen == 1:
            raw = col._dbfile.get(col._basepos, col._count)  # one byte per story, stories 0..count-1
            found = bytes(raw) + bytes(max(0, reader.doc_count_all() - len(raw)))
        per_reader[field] = found
    return per_reader[field]


class TableScorer(scoring.BM25FScorer):
    """Whoosh's BM25FScorer with the length norm looked up in a table (same scores)."""

    def __init__(self, searcher, fieldname: str, text, B: float, K1: float, qf: int = 1):
        scoring.BM25FScorer.__init__(self, searcher, fieldname, text, B, K1, qf=qf)
        self._lengths = length_bytes(searcher.reader(), fieldname)
        avgfl = self.avgfl
        self._norms = [K1 * ((1 - B) + B * (byte_to_length(b) if b else 0) / avgfl) for b in range(256)]

    def score(self, matcher) -> float:
        if self._lengths is None:
            return scoring.BM25FScorer.score(self, matcher)
        tf = matcher.weight()
        return self.idf * ((tf * (self.K1 + 1)) / (tf + self._norms[self._lengths[matcher.id()]]))


def idf(df: int, count: int) -> float:
    """A word's weight from the share of stories holding it: one formula for every scorer here."""
    return log(count / (df + 1)) + 1


def length_b(short_b: float, long_b: float, average: float, span: tuple[float, float]) -> float:
    """B for a field whose stories average `average` words: short_b up to span[0], long_b from span[1],
    in a straight line between."""
    low, high = span
    share = min(1.0, max(0.0, (average - low) / (high - low)))
    return short_b + share * (long_b - short_b)


class BM25F(scoring.BM25F):
    """Whoosh's BM25F, scored through TableScorer; with `long_B`, a field without its own B normalises
    length more in a collection of long stories (length_b over the field's average length)."""

    def __init__(self, B: float = 0.75, K1: float = 1.2, *, long_B: float | None = None,
                 span: tuple[float, float] = (200.0, 600.0), **field_B):
        scoring.BM25F.__init__(self, B=B, K1=K1, **field_B)
        self.long_B, self.span = long_B, span

    def idf(self, searcher, fieldname: str, text) -> float:
        parent = searcher.get_parent()
        return idf(parent.doc_frequency(fieldname, text), parent.doc_count_all())

    def scorer(self, searcher, fieldname: str, text, qf: int = 1):
        if not searcher.schema[fieldname].scorable:
            return scoring.BM25F.scorer(self, searcher, fieldname, text, qf=qf)
        B = self._field_B.get(fieldname)
        if B is None:
            B = self.B if self.long_B is None else length_b(self.B, self.long_B,
                                                            searcher.avg_field_length(fieldname), self.span)
        return TableScorer(searcher, fieldname, text, B, self.K1, qf=qf)
