"""Extraction beside the writer: stories read in order go through `enrich` and MinHash, then into the index.

A bulk run spends about as much time in extraction and MinHash as in Whoosh itself; with `procs`
above 1 that work runs in a pool of forked processes, a few batches ahead of the writer, while the
main process keeps the order-dependent steps (near-duplicate clusters, ids, the writer's queue).
At most AHEAD batches are in flight, so memory stays flat however large the input.
"""
from __future__ import annotations

import multiprocessing
from collections import deque
from typing import Callable

from ..model import Article
from .duplicates import signature
from .schema import analyse, to_document

BATCH = 64  # stories sent to the pool at once
AHEAD = 4  # batches in flight: enough to keep the workers busy while the main process writes

Done = Callable[[Article, "bytes | None", dict], None]  # (enriched article, its MinHash signature, analysed text)


def prepare(article: Article) -> tuple[Article, bytes | None, dict]:
    """The enriched article, its MinHash signature and its text fields' index entries: what a worker
    does for one story."""
    from ..extract import enrich

    enriched = enrich(article)
    return enriched, signature(enriched.text), analyse(to_document(enriched))


def _prepare_all(batch: list[Article]) -> list[tuple[Article, bytes | None, dict]]:
    return [prepare(a) for a in batch]


class Serial:
    """Each story prepared in this process as it comes."""

    def __init__(self, done: Done):
        self.done = done

    def add(self, article: Article) -> None:
        self.done(*prepare(article))

    def finish(self) -> None:
        """Every story added has been handed to `done`."""

    def close(self) -> None:
        """Stop any worker (after finish, or when the run is abandoned)."""


class Parallel(Serial):
    """Stories prepared by `procs` forked workers, handed to `done` in the order they were added."""

    def __init__(self, done: Done, procs: int):
        super().__init__(done)
        self.procs = procs
        self.pool = None
        self.batch: list[Article] = []
        self.pending: deque = deque()

    def add(self, article: Article) -> None:
        self.batch.append(article)
        if len(self.batch) >= BATCH:
            self._submit()

    def _submit(self) -> None:
        if self.pool is None:
            prepare(self.batch[0])  # loads the gazetteer and compiles the patterns once, before forking
            self.pool = multiprocessing.get_context("fork").Pool(self.procs)
        self.pending.append(self.pool.map_async(_prepare_all, [self.batch]))
        self.batch = []
        while len(self.pending) > AHEAD:
            self._drain()

    def _drain(self) -> None:
        for article, sig, analysed in self.pending.popleft().get()[0]:
            self.done(article, sig, analysed)

    def finish(self) -> None:
        if self.batch:
            if self.pool is None:  # too few stories to pay for starting workers
                for article in self.batch:
                    super().add(article)
                self.batch = []
            else:
                self._submit()
        while self.pending:
            self._drain()

    def close(self) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()
            self.pool = None


def pipeline(done: Done, procs: int) -> Serial:
    """A Parallel pipeline for procs > 1, else a Serial one."""
    return Parallel(done, procs) if procs > 1 else Serial(done)
