"""The indexer: stream files into the live generation, or rebuild a new one and swap it in."""
from __future__ import annotations

import os
import random
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import whoosh.util
from whoosh import index as whoosh_index
from whoosh.index import LockError

from ..errors import IndexCorruptError, IndexLockedError
from ..ingest import printable
from ..ingest.ids import IdBook, IdTaken
from ..model import Article, Problem
from . import heap, store, workers
from .pipeline import pipeline
from .duplicates import Clusterer
from .schema import build_schema, display_names, document, from_document, to_document

# Whoosh names new segments and temporary files with the global `random` module, so a program that
# seeds it (random.seed(...) for reproducible sampling; Hypothesis in tests) made two commits pick
# the same segment name: the second commit failed and its stories were lost. The OS's randomness
# cannot be seeded.
whoosh.util.random = random.SystemRandom()

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting worker processes costs more than it saves
# Whoosh's posting buffer (its own estimate, MB; the process grows by about 1.3x that). Reuters' postings
# fill 370 MB of it: at 256 MB a Reuters build spilled to disk once and its Whoosh work took 40% longer.
# Whoosh's writer stays flat beyond it (with heap.trim: bench/README.md, "Memory at 5x").
WRITER_MB = 384
TRIM_EVERY = 2000  # stories written between two trims of the C heap (index/heap.py)


@dataclass
class IndexReport:
    """What an indexing run did, for the summary line and for scripts."""

    files: int = 0
    files_unchanged: int = 0
    added: int = 0
    unchanged: int = 0
    skipped: int = 0
    warnings: int = 0
    undated: int = 0  # stories indexed in this run with no date (neither their source nor their text gave one)
    deleted: int = 0
    rebuilt: bool = False
    collisions: int = 0  # records skipped because another record already has their id
    recovered: str | None = None  # set when a previous writer was killed mid-way
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def losses(self) -> bool:
        """Whether input was lost: an id collision, or more than half of the records skipped."""
        return bool(self.collisions) or self.skipped * 2 > self.added + self.unchanged + self.skipped

    def skip(self, problem: Problem, collision: bool = False) -> None:
        """Count and keep a record or file that was not indexed."""
        self.problems.append(printable.record(problem))
        self.skipped += 1
        self.collisions += collision


def _writer(ix):
    """One Whoosh writer, in this process: a bulk build runs extraction in worker processes instead
    (index/pipeline.py). Whoosh's own writer processes (procs=N) each left a segment behind, which made
    the index larger and every search slower (bench/README.md, "Steps")."""
    try:
        return ix.writer(limitmb=WRITER_MB)
    except LockError:
        raise IndexLockedError(f"index at {ix.storage.folder} is locked by another writer") from None


def _doc_count(ix) -> int:
    """Stories in the committed index, from the segment list alone: `ix.doc_count()` opens a reader,
    and Whoosh 3's reader copies the postings of a compound segment into memory (BytesIO over the
    mmap), which at 5x Reuters made the end of a build the peak of its memory: +310 MB."""
    return sum(segment.doc_count() for segment in ix._segments())


class _Session:
    """One locked write to an index folder: opens or creates the target generation."""

    def __init__(self, root: Path, fresh: bool):
        self.root = root
        live = store.live_generation(root) if fresh else store.current_generation(root)
        self.fresh = fresh or live is None
        self.previous = store.read_manifest(live) if live is not None else {}  # whose ids are whose
        if self.fresh:
            store.remove_stale(root, keep=live)  # leftovers of crashed rebuilds, before writing anew
            self.meta = store.Meta()
            self.gen = store.new_generation(root)
            self.ix = whoosh_index.create_in(str(self.gen), build_schema())
            self.manifest: dict = {}
            self.names: dict[str, dict[str, str]] = {}
        else:
            self.meta = store.read_meta(live)
            self.gen = live
            store.remove_stale(root, keep=live)
            self.ix = whoosh_index.open_dir(str(live))
            self.manifest = self.previous
            self.names = store.read_names(live)
        self._writer = None
        self._searcher = None
        self.ids = IdBook({})
        self.ids_written: set[str] = set()
        self.dups = Clusterer(self.gen)

    @property
    def writer(self):
        """Opened on first change, so a no-op refresh never touches the Whoosh files."""
        if self._writer is None:
            self._writer = _writer(self.ix)
        return self._writer

    def stored(self, article_id: str) -> dict | None:
        """The stored fields of a live story of the index being written to (None in a fresh one)."""
        if self.fresh:
            return None
        if self._searcher is None:
            self._searcher = self.ix.searcher()
        docnum = self._searcher.document_number(id=article_id)
        return None if docnum is None else document(self._searcher.reader(), docnum)

    def plan_ids(self, keys: Iterable[str]) -> None:
        """Decide the ids of this run's files: known files keep theirs (a rebuild reuses the live ones)."""
        keys = list(keys)
        if self.fresh:
            wanted = set(keys)
            self.ids = IdBook({k: v for k, v in self.previous.items() if k in wanted}, self.manifest)
        else:
            self.ids = IdBook(self.manifest, self.manifest, in_index=lambda i: self.stored(i) is not None)
        self.ids.plan(keys)

    def put(self, article: Article, cluster: str | None = None, sig: bytes | None | bool = False) -> None:
        """Add or replace one article (already enriched; sig: its MinHash signature, when computed)."""
        repeat = article.id in self.ids_written
        if repeat and self._writer is not None:  # Whoosh replaces committed documents only
            self._writer.commit(optimize=False)
            self._writer = None
        doc = to_document(article, cluster if cluster is not None else self.dups.assign(article, sig))
        for fieldname, pairs in display_names(article).items():
            self.names.setdefault(fieldname, {}).update(pairs)
        if self.fresh and not repeat:
            self.writer.add_document(**doc)
        else:
            self.writer.update_document(**doc)
        self.ids_written.add(article.id)
        if len(self.ids_written) % TRIM_EVERY == 0:
            heap.trim()

    def finish(self) -> None:
        """Commit, then record metadata and, for a rebuild, swap the new generation in."""
        self._close_searcher()
        if self._writer is not None:
            self._writer.commit(optimize=False)
            self._writer = None
            if self.fresh and (held := _doc_count(self.ix)) != len(self.ids_written):  # a writer process lost its share
                raise IndexCorruptError(
                    f"the new index holds {held:,} of the {len(self.ids_written):,} stories "
                    "written (a writer process failed); the old index is kept"
                )
        self.dups.close(commit=True)
        store.write_fingerprint(self.gen)
        store.write_manifest(self.gen, self.manifest)
        store.write_names(self.gen, self.names)
        store.write_meta(self.gen, self.meta)
        if self.fresh:
            store.publish(self.root, self.gen)

    def abandon(self) -> None:
        """Drop uncommitted work, stop writer processes; a half-built generation is deleted, the live one kept."""
        self._close_searcher()
        try:
            self.dups.close(commit=False)
        except Exception:  # noqa: BLE001 - already closed
            pass
        if self._writer is not None:
            workers.stop(self._writer)
            try:
                self._writer.cancel()
            except Exception:  # noqa: BLE001 - cancelling must not mask the original error
                pass
            self._writer = None
        if self.fresh:
            shutil.rmtree(self.gen, ignore_errors=True)

    def _close_searcher(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None


def _key(path: Path) -> str:
    """How the manifest names a file: its resolved path, whatever name it was given by."""
    return str(path.resolve())


def index_paths(
    root: Path,
    paths: Iterable[str | os.PathLike],
    *,
    rebuild: bool = False,
    wait: float = 0.0,
    procs: int | None = None,
    progress: Progress | None = None,
    metadata: Iterable[str | os.PathLike] = (),
) -> IndexReport:
    """Add new and changed articles from files and folders (never removes); or rebuild from them.

    metadata: tables (TSV/CSV/JSON Lines) that describe the files, beside those found in the folders;
    an index remembers them, so later runs on it apply them too (until a rebuild without them).
    """
    from ..ingest import iter_files
    from ..ingest.sidecar import split_tables

    started = time.perf_counter()
    store.check_owner(root)
    report = IndexReport(rebuilt=rebuild)
    paths = [os.fspath(p) for p in paths]
    files: list[Path] = []
    for item in iter_files(paths, skip=[root]):
        if isinstance(item, Problem):
            report.skip(item)
        else:
            files.append(item)
    files, found_tables = split_tables(files)
    sizes = {f: _size(f) for f in files}
    total, done = sum(sizes.values()), 0
    if procs is None:  # extraction in worker processes pays off only on a big input
        procs = min(2, os.cpu_count() or 1) if total >= PARALLEL_MIN_BYTES else 1
    with store.write_lock(root, wait) as recovered, workers.guarded():
        report.recovered = recovered
        session = _Session(root, rebuild)
        report.rebuilt = session.fresh

        def put(article: Article, sig) -> None:
            session.put(article, sig=sig)
            report.added += 1
            report.undated += article.date is None

        stories = pipeline(put, procs)
        try:
            keys = {file: _key(file) for file in files}
            session.plan_ids(keys.values())
            tables = _metadata_tables(session, found_tables, metadata, report)
            for file in files:
                _index_file(session, file, keys[file], report, stories.add, tables)
                done += sizes[file]
                if progress:
                    progress(done, total)
            stories.finish()
            stories.close()  # the workers are idle from here on: their memory is not held through the commit
            session.meta.sources = sorted(set(session.meta.sources) | {str(Path(p).resolve()) for p in paths})
            _count(report, tables.report())
            session.finish()
        except BaseException:
            stories.close()
            session.abandon()
            raise
        stories.close()
    report.files = len(files)
    report.seconds = time.perf_counter() - started
    return report


def _metadata_tables(session: _Session, found: list[Path], given, report: IndexReport):
    """The tables of this run: those given now, those the index was given before, those in the folders."""
    from ..errors import InputError
    from ..ingest.sidecar import Sidecar

    named = list(dict.fromkeys(str(Path(p).resolve()) for p in given))
    for old in session.meta.metadata:
        if old not in named:
            if not Path(old).is_file():
                raise InputError(f"metadata table {old}, given to this index before, is gone: put it back, "
                                 "or rebuild the index without it")
            named.append(old)
    tables, problems = Sidecar.load(found, [Path(p) for p in named])
    session.meta.metadata = named
    _count(report, problems)
    return tables


def _count(report: IndexReport, problems: list[Problem]) -> None:
    for problem in problems:
        if problem.skipped:
            report.skip(problem)
        else:
            report.problems.append(printable.record(problem))
            report.warnings += 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _index_file(session: _Session, file: Path, key: str, report: IndexReport, add, tables) -> None:
    """Index one file unless the manifest shows it (and the metadata rows for it) unchanged.

    add: takes each new or changed story, to be enriched and written (index/pipeline.py)."""
    from ..ingest import checksum, read_file

    try:
        st = file.stat()
    except OSError as exc:
        report.skip(Problem(str(file), f"cannot read: {exc.strerror}"))
        return
    known = session.manifest.get(key) or {}
    stamp = tables.stamp(file, known.get("ids", {})) if tables else ""
    if known.get("size") == st.st_size and known.get("mtime_ns") == st.st_mtime_ns and known.get("meta", "") == stamp:
        report.files_unchanged += 1
        report.unchanged += len(known.get("ids", {}))
        return
    old_ids: dict = known.get("ids", {})
    base = session.ids.base(key)
    ids: dict[str, str] = {}
    for item in read_file(file, base):
        if isinstance(item, Problem):
            _count(report, [item])
            continue
        if tables:
            item = printable.record(tables.apply(item, file, base))  # a table's values may hold surrogates too
        if not (item.title.strip() or item.body.strip()):
            report.skip(Problem(item.path, "no text: not indexed", item.line))
            continue
        digest = checksum(item)
        try:
            first = session.ids.claim(key, item.id, f"{item.path}:{item.line}" if item.line else item.path, digest)
        except IdTaken as exc:
            report.skip(Problem(item.path, str(exc), item.line), collision=True)
            continue
        if not first:  # the same story again under its source's id: already read in this run
            report.unchanged += 1
            continue
        ids[item.id] = digest
        if old_ids.get(item.id) == digest:
            report.unchanged += 1
            continue
        add(item)
    session.manifest[key] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "base": base, "ids": ids,
                             "meta": stamp}


def index_articles(root: Path, articles: Iterable[Article], *, wait: float = 0.0) -> IndexReport:
    """Add or replace Article records given directly (the embedding API); their ids are the caller's."""
    from ..extract import enrich

    started = time.perf_counter()
    report = IndexReport()
    with store.write_lock(root, wait) as recovered:
        report.recovered = recovered
        session = _Session(root, False)
        report.rebuilt = session.fresh
        try:
            for article in articles:
                article = enrich(printable.record(article))
                session.put(article)
                report.added += 1
                report.undated += article.date is None
            session.finish()
        except BaseException:
            session.abandon()
            raise
    report.seconds = time.perf_counter() - started
    return report


def delete_ids(root: Path, ids: Iterable[str], *, wait: float = 0.0) -> int:
    """Remove articles by id, from the index and the near-duplicate table; returns how many were there."""
    ids = list(dict.fromkeys(ids))
    with store.write_lock(root, wait):
        live = store.current_generation(root)
        if live is None:
            return 0
        session = _Session(root, False)
        try:
            found = [i for i in ids if session.stored(i) is not None]
            deleted = sum(session.writer.delete_by_term("id", i) for i in found)
            for member, cluster in session.dups.forget(found).items():  # copies of a deleted first story
                fields = session.stored(member)
                if fields is not None and member not in found:
                    session.put(from_document(fields), cluster)
            for record in session.manifest.values():
                for i in found:
                    record.get("ids", {}).pop(i, None)
            session.finish()
        except BaseException:
            session.abandon()
            raise
    return deleted
