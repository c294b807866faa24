"""Extraction beside the writer: stories read in order go through `enrich` and MinHash, then into the index.

A bulk run spends about as much time in extraction and MinHash as in Whoosh itself; with `procs`
above 1 that work runs in forked worker processes, a few batches ahead of the writer, while the
main process keeps the order-dependent steps (near-duplicate clusters, ids) and the Whoosh writer.
(Working out the fields' index entries in the workers too was measured and undone: the two sides
were already balanced, and handing the entries over cost more than it saved: bench/README.md.)
At most AHEAD batches are in flight, so memory stays flat however large the input.
"""
from __future__ import annotations

import multiprocessing
import queue
import threading
from collections import deque
from typing import Callable

from ..model import Article
from .duplicates import signature

BATCH = 64  # stories sent to a worker at once
AHEAD = 4  # batches in flight: enough to keep the workers busy while the main process writes

Done = Callable[[Article, "bytes | None"], None]  # (enriched article, its MinHash signature)


def prepare(article: Article) -> tuple[Article, bytes | None]:
    """The enriched article and its MinHash signature: what a worker does for one story."""
    from ..extract import enrich

    enriched = enrich(article)
    return enriched, signature(enriched.text)


def _prepare_all(batch: list[Article]) -> list[tuple[Article, bytes | None]]:
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


class WorkerError(RuntimeError):
    """An extraction worker died (killed, out of memory) before handing back its batch."""


def _serve(tasks, results, inherited) -> None:
    """A worker: prepares each batch it receives and sends the results back, until there are no more."""
    for conn in inherited:  # the main process's ends, copied by the fork
        conn.close()
    while True:
        try:
            batch = tasks.recv()
        except EOFError:
            return
        if batch is None:
            return
        try:
            results.send(("ok", _prepare_all(batch)))
        except Exception as exc:  # noqa: BLE001 - handed to the main process, which raises it
            try:
                results.send(("error", exc))
            except Exception:  # noqa: BLE001 - an exception that cannot be pickled
                results.send(("error", RuntimeError(f"{type(exc).__name__}: {exc}")))


def _feed(outbox: queue.SimpleQueue, tasks) -> None:
    """Send a worker the batches put in its outbox (a thread: sending waits while the worker is busy)."""
    while (batch := outbox.get()) is not None:
        try:
            tasks.send(batch)
        except (OSError, ValueError):  # the run is being stopped: the worker or the pipe is gone
            return


class Parallel(Serial):
    """Stories prepared by `procs` forked workers, handed to `done` in the order they were added.

    Each worker has its own two pipes (batches in, results out) and batches go round in turn, so
    results come back in order with no lock shared between processes: stopping a run (Ctrl-C, an
    error) kills the workers at once, where multiprocessing.Pool's terminate could hang on a queue
    lock. A feeder thread per worker sends its batches, so the writer never waits on a busy worker's pipe.
    """

    def __init__(self, done: Done, procs: int):
        super().__init__(done)
        self.procs = procs
        self.workers: list = []  # (process, batches pipe, results pipe)
        self.batch: list[Article] = []
        self.pending: deque = deque()  # the worker of each batch in flight, oldest first
        self.sent = 0
        self.outboxes: list[queue.SimpleQueue] = []  # batches for each worker's feeder thread

    def add(self, article: Article) -> None:
        self.batch.append(article)
        if len(self.batch) >= BATCH:
            self._submit()

    def _start(self) -> None:
        prepare(self.batch[0])  # loads the gazetteer and compiles the patterns once, before forking
        context = multiprocessing.get_context("fork")
        ends: list = []
        for _ in range(self.procs):
            tasks_in, tasks_out = context.Pipe(duplex=False)
            results_in, results_out = context.Pipe(duplex=False)
            process = context.Process(target=_serve, args=(tasks_in, results_out, [*ends, tasks_out, results_in]),
                                      daemon=True)
            process.start()
            tasks_in.close()
            results_out.close()
            self.workers.append((process, tasks_out, results_in))
            ends += [tasks_out, results_in]
        for _process, tasks, _results in self.workers:  # started after every fork: a child has no threads
            outbox: queue.SimpleQueue = queue.SimpleQueue()
            threading.Thread(target=_feed, args=(outbox, tasks), daemon=True).start()
            self.outboxes.append(outbox)

    def _submit(self) -> None:
        if not self.workers:
            self._start()
        worker = self.sent % self.procs
        self.outboxes[worker].put(self.batch)
        self.pending.append(worker)
        self.sent += 1
        self.batch = []
        while len(self.pending) > AHEAD:
            self._drain()

    def _drain(self) -> None:
        process, _tasks, results = self.workers[self.pending.popleft()]
        try:
            kind, value = results.recv()
        except EOFError:
            process.join(1)
            raise WorkerError(f"an extraction worker stopped (exit code {process.exitcode})") from None
        if kind == "error":
            raise value
        for article, sig in value:
            self.done(article, sig)

    def finish(self) -> None:
        if self.batch:
            if not self.workers:  # too few stories to pay for starting workers
                for article in self.batch:
                    super().add(article)
                self.batch = []
            else:
                self._submit()
        while self.pending:
            self._drain()

    def close(self) -> None:
        for outbox in self.outboxes:
            outbox.put(None)
        self.outboxes = []
        for process, _tasks, _results in self.workers:
            if process.is_alive():
                process.kill()  # holds no lock of ours: nothing to wait for
        for process, tasks, results in self.workers:
            process.join(5)
            tasks.close()
            results.close()
        self.workers = []
        self.pending.clear()


def pipeline(done: Done, procs: int) -> Serial:
    """A Parallel pipeline for procs > 1, else a Serial one."""
    return Parallel(done, procs) if procs > 1 else Serial(done)
