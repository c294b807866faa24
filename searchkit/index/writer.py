"""The indexer: stream files into the live generation, or rebuild a new one and swap it in."""
from __future__ import annotations

import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from whoosh import index as whoosh_index
from whoosh.index import LockError

from ..errors import IndexLockedError
from ..model import Article, Problem
from . import store
from .duplicates import Clusterer
from .schema import build_schema, display_names, to_document

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)
PARALLEL_MIN_BYTES = 4 * 1024 * 1024  # below this, starting writer processes costs more than it saves


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
    recovered: str | None = None  # set when a previous writer was killed mid-way
    seconds: float = 0.0
    problems: list[Problem] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether anything was written."""
        return bool(self.added or self.deleted or self.rebuilt)


def _writer(ix, procs: int, fresh: bool):
    """A Whoosh writer; several processes only pay off on a fresh bulk build."""
    try:
        if fresh and procs > 1:
            return ix.writer(procs=procs, multisegment=True, limitmb=128)
        return ix.writer(limitmb=256)
    except LockError:
        raise IndexLockedError(f"index at {ix.storage.folder} is locked by another writer") from None


class _Session:
    """One locked write to an index folder: opens or creates the target generation."""

    def __init__(self, root: Path, fresh: bool, procs: int):
        self.root = root
        live = store.current_generation(root)
        self.fresh = fresh or live is None
        if self.fresh:
            self.meta = store.Meta()
            self.gen = store.new_generation(root)
            self.ix = whoosh_index.create_in(str(self.gen), build_schema())
            self.manifest: dict = {}
            self.names: dict[str, dict[str, str]] = {}
        else:
            self.meta = store.read_meta(live)
            self.gen = live
            store.remove_stale(root, keep=live)  # leftovers of a crashed rebuild
            self.ix = whoosh_index.open_dir(str(live))
            self.manifest = store.read_manifest(live)
            self.names = store.read_names(live)
        self.procs = procs
        self._writer = None
        self.seen: set[str] = set()
        self.written = 0
        self.dups = Clusterer(self.gen)

    @property
    def writer(self):
        """Opened on first change, so a no-op refresh never touches the Whoosh files."""
        if self._writer is None:
            self._writer = _writer(self.ix, self.procs, self.fresh)
        return self._writer

    def put(self, article: Article) -> None:
        """Add or replace one article (already enriched)."""
        doc = to_document(article, self.dups.assign(article))
        for fieldname, pairs in display_names(article).items():
            self.names.setdefault(fieldname, {}).update(pairs)
        if self.fresh:
            self.writer.add_document(**doc)
        else:
            self.writer.update_document(**doc)
        self.written += 1
        if self.written == 2:
            store.checkpoint("mid-write")

    def finish(self) -> None:
        """Commit, then record metadata and, for a rebuild, swap the new generation in."""
        if self._writer is not None:
            store.checkpoint("before-commit")
            self._writer.commit(optimize=False)
            self._writer = None
            store.checkpoint("after-commit")
        self.dups.close(commit=True)
        store.write_manifest(self.gen, self.manifest)
        store.write_names(self.gen, self.names)
        store.write_meta(self.gen, self.meta)
        if self.fresh:
            store.publish(self.root, self.gen)

    def abandon(self) -> None:
        """Drop uncommitted work; a half-built generation is deleted, the live one kept."""
        try:
            self.dups.close(commit=False)
        except Exception:  # noqa: BLE001 - already closed
            pass
        if self._writer is not None:
            try:
                self._writer.cancel()
            except Exception:  # noqa: BLE001 - cancelling must not mask the original error
                pass
            self._writer = None
        if self.fresh:
            shutil.rmtree(self.gen, ignore_errors=True)


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
    from ..extract import enrich
    from ..ingest import checksum, iter_files, read_file
    from ..ingest.sidecar import split_tables

    started = time.perf_counter()
    report = IndexReport(rebuilt=rebuild)
    paths = [str(p) for p in paths]
    files: list[Path] = []
    for item in iter_files(paths):
        if isinstance(item, Problem):
            report.problems.append(item)
            report.skipped += 1
        else:
            files.append(item)
    files, found_tables = split_tables(files)
    sizes = {f: _size(f) for f in files}
    total, done = sum(sizes.values()), 0
    if procs is None:  # worker processes pay off only on a big fresh build
        procs = min(2, os.cpu_count() or 1) if total >= PARALLEL_MIN_BYTES else 1
    with store.write_lock(root, wait) as recovered:
        report.recovered = recovered
        session = _Session(root, rebuild, procs)
        report.rebuilt = session.fresh
        try:
            tables = _metadata_tables(session, found_tables, metadata, report)
            for file in files:
                _index_file(session, file, report, enrich, checksum, read_file, tables)
                done += sizes[file]
                if progress:
                    progress(done, total)
            session.meta.sources = sorted(set(session.meta.sources) | {str(Path(p).resolve()) for p in paths})
            _count(report, tables.report())
            session.finish()
        except BaseException:
            session.abandon()
            raise
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
        report.problems.append(problem)
        if problem.skipped:
            report.skipped += 1
        else:
            report.warnings += 1


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _index_file(session: _Session, file: Path, report: IndexReport, enrich, checksum, read_file, tables) -> None:
    """Index one file unless the manifest shows it (and the metadata rows for it) unchanged."""
    key = str(file.resolve())
    try:
        st = file.stat()
    except OSError as exc:
        report.problems.append(Problem(str(file), f"cannot read: {exc.strerror}"))
        report.skipped += 1
        return
    known = session.manifest.get(key) or {}
    stamp = tables.stamp(file, known.get("ids", {})) if tables else ""
    if known.get("size") == st.st_size and known.get("mtime_ns") == st.st_mtime_ns and known.get("meta", "") == stamp:
        report.files_unchanged += 1
        report.unchanged += len(known.get("ids", {}))
        return
    old_ids: dict = known.get("ids", {})
    ids: dict[str, str] = {}
    for item in read_file(file):
        if isinstance(item, Problem):
            _count(report, [item])
            continue
        if tables:
            item = tables.apply(item, file)
        if not (item.title.strip() or item.body.strip()):
            report.problems.append(Problem(item.path, "no text: not indexed", item.line))
            report.skipped += 1
            continue
        if item.id in session.seen or item.id in ids:
            report.problems.append(Problem(item.path, f"duplicate id {item.id!r}: not indexed", item.line))
            report.skipped += 1
            continue
        digest = checksum(item)
        ids[item.id] = digest
        session.seen.add(item.id)
        if old_ids.get(item.id) == digest:
            report.unchanged += 1
            continue
        item = enrich(item)
        session.put(item)
        report.added += 1
        report.undated += item.date is None
    session.manifest[key] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "ids": ids, "meta": stamp}


def index_articles(root: Path, articles: Iterable[Article], *, wait: float = 0.0) -> IndexReport:
    """Add or replace Article records given directly (the embedding API)."""
    from ..extract import enrich

    started = time.perf_counter()
    report = IndexReport()
    with store.write_lock(root, wait) as recovered:
        report.recovered = recovered
        session = _Session(root, False, 1)
        report.rebuilt = session.fresh
        try:
            for article in articles:
                article = enrich(article)
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
    """Remove articles by id; returns how many were in the index."""
    ids = list(dict.fromkeys(ids))
    with store.write_lock(root, wait):
        live = store.current_generation(root)
        if live is None:
            return 0
        session = _Session(root, False, 1)
        try:
            deleted = sum(session.writer.delete_by_term("id", i) for i in ids)
            for record in session.manifest.values():
                for i in ids:
                    record.get("ids", {}).pop(i, None)
            session.finish()
        except BaseException:
            session.abandon()
            raise
    return deleted
