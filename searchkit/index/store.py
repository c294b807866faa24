"""On-disk layout of an index folder: generations, the CURRENT pointer, metadata, manifest, lock.

    INDEX/
      CURRENT              name of the live generation (replaced atomically)
      .lock                flock held by the one writer at a time
      gen-<stamp>/         a complete Whoosh index + searchkit.json + manifest.json

A rebuild writes a new generation beside the live one and flips CURRENT, so readers and a
crash at any point always find a complete index.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import shutil
import signal
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import IndexCorruptError, IndexLockedError, IndexMissingError, IndexVersionError
from .schema import SCHEMA_VERSION

CURRENT = "CURRENT"
META = "searchkit.json"
MANIFEST = "manifest.json"
NAMES = "names.json"
PREVIOUS = "PREVIOUS"
LOCK = ".lock"


@dataclass
class Meta:
    """What searchkit records beside the Whoosh files of a generation."""

    schema_version: int = SCHEMA_VERSION
    created: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    sources: list[str] = field(default_factory=list)  # paths given to `index`, for refreshes
    metadata: list[str] = field(default_factory=list)  # tables given with --metadata, applied on every run


def _write_json_atomic(path: Path, data: object) -> None:
    """Write JSON beside, fsync, then rename over: readers never see half a file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def check_root(root: Path) -> None:
    """Refuse an index path that is a file, with a clear message."""
    if root.exists() and not root.is_dir():
        raise IndexMissingError(f"index path {root} is a file, not a folder")


def current_generation(root: Path) -> Path | None:
    """The live generation folder, or None when the folder holds no index yet."""
    check_root(root)
    pointer = root / CURRENT
    try:
        name = pointer.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IndexCorruptError(f"cannot read {pointer}: {exc.strerror}") from None
    gen = root / name
    if not name or "/" in name or not gen.is_dir():
        raise IndexCorruptError(
            f"index at {root} points to a missing generation {name!r}; "
            "rebuild it with `searchkit index --rebuild`"
        )
    return gen


def read_meta(gen: Path) -> Meta:
    """Load and version-check a generation's metadata."""
    try:
        raw = json.loads((gen / META).read_text(encoding="utf-8"))
        meta = Meta(**{k: raw[k] for k in ("schema_version", "created", "sources", "metadata") if k in raw})
    except FileNotFoundError:
        raise IndexVersionError(
            f"index at {gen.parent} has no searchkit version record; rebuild it with `searchkit index --rebuild`"
        ) from None
    except (ValueError, TypeError) as exc:
        raise IndexCorruptError(f"index metadata {gen / META} is damaged ({exc}); rebuild with `searchkit index --rebuild`") from None
    if meta.schema_version != SCHEMA_VERSION:
        raise IndexVersionError(
            f"index at {gen.parent} uses schema version {meta.schema_version}, this searchkit uses "
            f"{SCHEMA_VERSION}; rebuild it with `searchkit index --rebuild`"
        )
    return meta


def write_meta(gen: Path, meta: Meta) -> None:
    """Record searchkit's metadata for a generation."""
    _write_json_atomic(gen / META, meta.__dict__)


def read_manifest(gen: Path) -> dict:
    """Per-file record {path: {size, mtime_ns, ids: {id: checksum}}}; empty when lost or damaged."""
    try:
        data = json.loads((gen / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_manifest(gen: Path, manifest: dict) -> None:
    """Save the manifest after a commit (a stale one only costs re-reading files)."""
    _write_json_atomic(gen / MANIFEST, manifest)


def read_names(gen: Path) -> dict[str, dict[str, str]]:
    """Display names of keyword values {field: {slug: name}}, so stats and facets read well."""
    try:
        data = json.loads((gen / NAMES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_names(gen: Path, names: dict[str, dict[str, str]]) -> None:
    """Save the display-name map after a commit."""
    _write_json_atomic(gen / NAMES, names)


def new_generation(root: Path) -> Path:
    """A fresh, empty generation folder beside the live one."""
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    gen = root / f"gen-{stamp}-{os.getpid()}"
    gen.mkdir()
    return gen


def publish(root: Path, gen: Path) -> None:
    """Make `gen` the live generation in one atomic rename, then drop stale ones.

    The generation it replaces is kept (named in PREVIOUS) until the next rebuild, so a search
    that opened it just before the swap can finish.
    """
    old = current_generation(root)
    if old is not None and old != gen:
        _write_text_atomic(root / PREVIOUS, old.name + "\n")
    checkpoint("before-publish")
    tmp = root / f".{CURRENT}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    _fsync_dir(root)
    checkpoint("after-publish")
    remove_stale(root, keep=gen)


def _write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def remove_stale(root: Path, keep: Path | None) -> list[str]:
    """Delete generations other than the live and previous ones (only under the lock); returns their names."""
    try:
        previous = (root / PREVIOUS).read_text(encoding="utf-8").strip()
    except OSError:
        previous = ""
    removed = []
    for child in root.glob("gen-*"):
        if child.is_dir() and child.name not in (keep.name if keep else "", previous):
            shutil.rmtree(child, ignore_errors=True)
            removed.append(child.name)
    for child in root.glob(".*.tmp"):
        child.unlink(missing_ok=True)
    return removed


def checkpoint(name: str) -> None:
    """Fault injection for the crash tests: SEARCHKIT_CRASH_AT=name kills the process right here;
    SEARCHKIT_PAUSE_AT=name:FILE creates FILE and waits here (up to a minute) for a signal."""
    if os.environ.get("SEARCHKIT_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
    point, _, marker = os.environ.get("SEARCHKIT_PAUSE_AT", "").partition(":")
    if point == name and marker:
        import time

        Path(marker).touch()
        time.sleep(60)


@contextmanager
def write_lock(root: Path, wait: float = 0.0) -> Iterator[str | None]:
    """Hold the index's single-writer lock; yields a note when a previous writer died holding it.

    flock is released by the kernel when its process dies, so a lock is never stale; the pid
    written into the lock file tells that the last writer did not finish cleanly.
    """
    check_root(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise IndexMissingError(f"cannot write the index at {root}: {exc.strerror}") from None
    try:
        deadline = time.monotonic() + max(wait, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
                    raise IndexLockedError(
                        f"index at {root} is being written by another process"
                        + (f" (pid {holder})" if holder.isdigit() else "")
                        + (f"; waited {wait:g} s" if wait else "")
                        + "; try again later or pass --wait SECONDS"
                    ) from None
                time.sleep(0.1)
        dead = os.pread(fd, 32, 0).decode(errors="replace").strip()
        note = (f"recovered from an interrupted writer (pid {dead}): the index holds its last committed state"
                if dead.isdigit() else None)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        try:
            yield note
        finally:
            os.ftruncate(fd, 0)  # only a killed writer leaves its pid behind
    finally:
        os.close(fd)  # closing releases the flock
