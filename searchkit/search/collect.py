"""Whoosh collectors that rank, fold near-duplicates, filter by date and keep time, in one pass.

Every match is scored (or keyed by date) once. Near-duplicates are folded while collecting: each
cluster keeps its best match, so the number of clusters is the exact number of hits after
folding, and pages, totals and the listed hits agree whatever the page. Stories without a date
are counted, left out by a date filter, and put after the dated ones by a date sort.
"""
from __future__ import annotations

import heapq
import time
import weakref
from dataclasses import dataclass, field

from whoosh import collectors

from ..errors import QueryLimitError
from ..index.schema import UNDATED
from . import flat

CHECK_EVERY = 512  # matches between two looks at the clock
_COLUMNS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def column(reader, fieldname: str):
    """A raw column reader, opened once per (segment) reader: opening one reads its offset table."""
    per_reader = _COLUMNS.setdefault(reader, {})
    if fieldname not in per_reader:
        per_reader[fieldname] = reader.column_reader(fieldname, translate=False)
    return per_reader[fieldname]


def shorten(text: str, chars: int = 60) -> str:
    """A query as quoted in a one-line message."""
    return text if len(text) <= chars else text[: chars - 3] + "..."


class Deadline:
    """A time budget for one search; `check` raises QueryLimitError once it is spent."""

    def __init__(self, seconds: float, what: str):
        self.seconds = seconds
        self.what = shorten(what)
        self.stop = time.perf_counter() + seconds

    def check(self, matches: int = 0) -> None:
        if time.perf_counter() > self.stop:
            seen = f" after {matches:,} matches" if matches else ""
            raise QueryLimitError(
                f"query {self.what!r} stopped at the {self.seconds:g} s time limit{seen}; "
                "narrow it with more words, a phrase or a filter"
            )


class Gate(collectors.WrappingCollector):
    """Outside the ranking collector, for date filters and date sorts: applies the date span and
    counts the matches without a date (left out when a span is given)."""

    def __init__(self, child, *, span: tuple[int, int] | None):
        self.child = child
        self.span = span
        self.undated = 0

    def set_subsearcher(self, subsearcher, offset: int) -> None:
        collectors.WrappingCollector.set_subsearcher(self, subsearcher, offset)
        self._dates = column(subsearcher.reader(), "date") if subsearcher.reader().has_column("date") else None

    def matches(self):
        dates, span = self._dates, self.span
        if dates is None:
            yield from self.child.matches()
            return
        lo, hi = span or (0, 0)
        for sub_docnum in self.child.matches():
            value = dates[sub_docnum]
            if value == UNDATED:
                self.undated += 1
                if span is not None:
                    continue
            elif span is not None and not lo <= value <= hi:
                continue
            yield sub_docnum

    def collect_matches(self) -> None:
        collect = self.child.collect
        for sub_docnum in self.matches():
            collect(sub_docnum)


@dataclass
class Ranked:
    """What a PageCollector found: the best items in order, and the counts."""

    items: list[tuple[object, int, float | None]] = field(default_factory=list)  # (key, docnum, score)
    matched: int = 0  # matches that reached the ranking (after filters), near-duplicates included
    folded: int = 0  # the same after folding near-duplicates: one per cluster


class PageCollector(collectors.Collector):
    """Keeps the best `depth` matches by relevance or date; with `collapse`, the best one per cluster.

    order: "relevance" (BM25F, best first), "date" (newest first) or "oldest". Date orders put
    stories without a date last, in relevance order, and give dated hits no score. Items are
    (key, docnum, score), smallest key first; the deadline is looked at every CHECK_EVERY matches.
    """

    def __init__(self, depth: int, *, order: str = "relevance", collapse: bool = True,
                 deadline: Deadline | None = None):
        collectors.Collector.__init__(self)
        self.depth = depth
        self.order = order
        self.fold = collapse
        self.deadline = deadline

    def prepare(self, top_searcher, q, context) -> None:
        collectors.Collector.prepare(self, top_searcher, q, context.set(needs_current=True))
        self.matched = 0
        self.best: dict = {}  # cluster -> (key, docnum, score)
        self.items: list = []  # without folding: every (key, docnum, score)

    def set_subsearcher(self, subsearcher, offset: int) -> None:
        self.subsearcher = subsearcher
        self.offset = offset
        self.matcher = flat.matcher(self.q, subsearcher, self.context)
        if self.deadline is not None:
            self.deadline.check(self.matched)
        reader = subsearcher.reader()
        dates = column(reader, "date") if self.order != "relevance" and reader.has_column("date") else None
        clusters = column(reader, "fold") if self.fold and reader.has_column("fold") else None
        self.collect = self._segment_collect(dates, clusters)  # one function per segment, for speed

    def _segment_collect(self, dates, clusters):
        score_of, offset, newest = self.matcher.score, self.offset, self.order == "date"
        best, get, items, deadline, fold = self.best, self.best.get, self.items, self.deadline, self.fold

        def collect(sub_docnum: int):
            docnum = offset + sub_docnum
            self.matched += 1
            if deadline is not None and not self.matched % CHECK_EVERY:
                deadline.check(self.matched)
            if dates is None:
                score = score_of()
                key: object = -score
            else:
                value = dates[sub_docnum]
                if value == UNDATED:
                    score = score_of()
                    key = (1, -score)
                else:
                    score = None
                    key = (0, -value if newest else value)
            item = (key, docnum, score)
            if fold:
                cluster = (clusters[sub_docnum] if clusters is not None else None) or docnum
                kept = get(cluster)
                if kept is None or item < kept:
                    best[cluster] = item
            else:
                items.append(item)
            return key

        return collect

    def matches(self):
        if isinstance(self.matcher, flat.ScoredList):
            return self.matcher.walk()
        return collectors.Collector.matches(self)

    def sort_key(self, sub_docnum: int):
        return 0

    def count(self) -> int:
        return self.matched

    def results(self) -> Ranked:
        pool = self.best.values() if self.fold else self.items
        folded = len(self.best) if self.fold else self.matched
        return Ranked(items=heapq.nsmallest(self.depth, pool), matched=self.matched, folded=folded)
