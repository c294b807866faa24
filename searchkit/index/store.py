"""On-disk layout of an index folder: generations, the CURRENT pointer, metadata, manifest, lock.

    INDEX/
      searchkit-index.json  marks the folder as searchkit's and lists the generations it created
      CURRENT               name of the live generation (replaced atomically)
      PREVIOUS              the generation the last rebuild replaced
      .lock                 flock held by the one writer at a time
      gen-<stamp>/          a complete Whoosh index + searchkit.json + manifest.json + files.json (sizes and
                            CRC-32 of the Whoosh files at the last commit, to tell damage from faults)

A rebuild writes a new generation beside the live one and flips CURRENT, so readers and a
crash at any point always find a complete index. searchkit writes only into an empty folder or
one it marked, and deletes only the generations and temporary files it lists or names itself.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import re
import shutil
import time
import zlib
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..errors import (
    IndexCorruptError,
    IndexLockedError,
    IndexMissingError,
    IndexVersionError,
    NotAnIndexError,
)
from .schema import SCHEMA_VERSION

CURRENT = "CURRENT"
META = "searchkit.json"
MANIFEST = "manifest.json"
NAMES = "names.json"
PREVIOUS = "PREVIOUS"
LOCK = ".lock"
MARKER = "searchkit-index.json"
FILES = "files.json"
_CHUNK = 1 << 20
_GENERATION = re.compile(r"gen-[0-9T]+-[0-9]+")
_OWN_TEMP = re.compile(rf"\.({CURRENT}|{PREVIOUS}|{re.escape(MARKER)})\.[0-9]+\.tmp")
_HELD_LOCKS: set[int] = set()  # lock fds of this process, closed in forked children


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
        json.dump(data, f)  # ASCII escapes: a file name with an undecodable byte survives the round trip
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
    except (OSError, UnicodeError) as exc:
        raise IndexCorruptError(f"cannot read {pointer}: {getattr(exc, 'strerror', None) or exc}") from None
    gen = root / name
    if not name or "/" in name or not gen.is_dir():
        raise IndexCorruptError(
            f"index at {root} points to a missing generation {name!r}; "
            "rebuild it with `searchkit index --rebuild`"
        )
    return gen


def live_generation(root: Path) -> Path | None:
    """The live generation, or None when there is none or CURRENT is broken (what a rebuild replaces)."""
    try:
        return current_generation(root)
    except IndexCorruptError:
        return None


# -- whose folder it is ------------------------------------------------------------------

def _read_marker(root: Path) -> dict | None:
    try:
        data = json.loads((root / MARKER).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError):
        data = {}
    if not isinstance(data, dict) or not isinstance(data.get("generations"), list):
        data = {"generations": []}
    return data


def _write_marker(root: Path, generations: list[str]) -> None:
    _write_json_atomic(root / MARKER, {"searchkit": "index", "generations": generations})


def _made_by_searchkit_before_markers(root: Path) -> bool:
    """An index written before the marker existed: CURRENT beside generations with searchkit.json."""
    return (root / CURRENT).is_file() and any((gen / META).is_file() for gen in root.glob("gen-*"))


def check_owner(root: Path) -> None:
    """Refuse to write into a folder searchkit did not make: only an empty folder (hidden files aside),
    or an index, is ours."""
    check_root(root)
    if not root.is_dir() or (root / MARKER).is_file() or _made_by_searchkit_before_markers(root):
        return
    try:  # hidden files (.gitignore, .DS_Store) are no one's articles and searchkit never touches them
        entries = [name for name in os.listdir(root) if not name.startswith(".")]
    except OSError as exc:
        raise IndexMissingError(f"cannot open the index folder {root}: {exc.strerror}") from None
    if entries:
        raise NotAnIndexError(
            f"{root} is not a searchkit index (it holds {len(entries)} file{'s' if len(entries) != 1 else ''} "
            "or folders); choose an empty or new folder"
        )


def _claim(root: Path) -> None:
    """Mark the folder as searchkit's (under the lock); an older index lists its live generations."""
    if (root / MARKER).is_file():
        return
    names = []
    for pointer in (CURRENT, PREVIOUS):
        try:
            name = (root / pointer).read_text(encoding="utf-8").strip()
        except (OSError, UnicodeError):
            continue
        if _GENERATION.fullmatch(name) and (root / name).is_dir() and name not in names:
            names.append(name)
    _write_marker(root, names)


def own_generations(root: Path) -> list[str]:
    """The generations searchkit created in this folder (the only ones it may delete)."""
    marker = _read_marker(root) or {"generations": []}
    return [n for n in marker["generations"] if isinstance(n, str) and _GENERATION.fullmatch(n)]


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


def recorded(root: Path, what: str) -> list[str]:
    """Paths the index recorded (`sources` it was built from, `metadata` tables), whatever its schema
    version; when CURRENT is broken, those of the newest generation searchkit made, so that
    `index --rebuild` without paths can repair it."""
    live = live_generation(root)
    candidates = [live] if live is not None else [root / n for n in reversed(own_generations(root))]
    for gen in candidates:
        try:
            paths = json.loads((gen / META).read_text(encoding="utf-8")).get(what)
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(paths, list):
            return [p for p in paths if isinstance(p, str)]
    return []


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


def _engine_files(gen: Path) -> Iterator[Path]:
    """The files the engine wrote into a generation (not searchkit's own records, not empty lock files)."""
    own = {META, MANIFEST, NAMES, FILES}
    for child in sorted(gen.iterdir()):
        if child.name in own or child.name.startswith(("duplicates.sqlite", ".")) or not child.is_file():
            continue
        if child.name.endswith("LOCK"):
            continue
        yield child


def _crc(path: Path) -> int:
    crc = 0
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            crc = zlib.crc32(chunk, crc)
    return crc


def write_fingerprint(gen: Path) -> None:
    """Record size and CRC-32 of every engine file after a commit, so a later read error can be told
    apart: damage (a file changed since it was written) or a fault of the program.

    Engine files are written once and never changed (a commit adds new ones), so files already
    recorded with the same size are not read again.
    """
    try:
        old = json.loads((gen / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = {}
    out = {}
    for path in _engine_files(gen):
        size = path.stat().st_size
        known = old.get(path.name) if isinstance(old, dict) else None
        out[path.name] = known if isinstance(known, list) and known[:1] == [size] else [size, _crc(path)]
    _write_json_atomic(gen / FILES, out)


def damaged_files(gen: Path) -> list[str]:
    """Engine files that are missing or differ from what the last commit recorded ([] when none, or
    when the generation predates fingerprints)."""
    try:
        recorded_files = json.loads((gen / FILES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    if not isinstance(recorded_files, dict):
        return [FILES]
    bad = []
    for name, (size, crc) in sorted(recorded_files.items()):
        path = gen / name
        try:
            if path.stat().st_size != size or _crc(path) != crc:
                bad.append(name)
        except OSError:
            bad.append(name)
    return bad


def new_generation(root: Path) -> Path:
    """A fresh, empty generation folder beside the live one, listed as ours before it exists."""
    root.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")
    gen = root / f"gen-{stamp}-{os.getpid()}"
    _write_marker(root, [*own_generations(root), gen.name])
    gen.mkdir()
    return gen


def publish(root: Path, gen: Path) -> None:
    """Make `gen` the live generation in one atomic rename, then drop stale ones.

    The generation it replaces is kept (named in PREVIOUS) until the next rebuild, so a search
    that opened it just before the swap can finish.
    """
    old = live_generation(root)  # a broken CURRENT is what a rebuild repairs
    if old is not None and old != gen:
        _write_text_atomic(root / PREVIOUS, old.name + "\n")
    tmp = root / f".{CURRENT}.{os.getpid()}.tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(gen.name + "\n")
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, root / CURRENT)
    _fsync_dir(root)
    remove_stale(root, keep=gen)


def _write_text_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def remove_stale(root: Path, keep: Path | None) -> list[str]:
    """Delete our generations other than the live and previous ones (only under the lock), and our
    own temporary files; returns the generations removed. Nothing searchkit did not create is touched."""
    try:
        previous = (root / PREVIOUS).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeError):
        previous = ""
    kept, removed = [], []
    for name in own_generations(root):
        if name in (keep.name if keep else "", previous):
            kept.append(name)
        else:
            shutil.rmtree(root / name, ignore_errors=True)
            (removed if not (root / name).exists() else kept).append(name)
    if removed:
        _write_marker(root, kept)
    for name in os.listdir(root):
        if _OWN_TEMP.fullmatch(name):
            (root / name).unlink(missing_ok=True)
    return removed


def _drop_locks_in_child() -> None:
    """A forked child (a writer process) must not keep the index lock alive after its parent dies."""
    for fd in list(_HELD_LOCKS):
        try:
            os.close(fd)
        except OSError:
            pass
    _HELD_LOCKS.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_drop_locks_in_child)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def writer_pid(root: Path) -> int | None:
    """The pid of the process writing the index now (the lock file names it while held), else None.

    Read without locking, so a reader asking never delays a writer; a writer killed before it could
    clear the file is told apart by its pid being gone.
    """
    try:
        holder = (root / LOCK).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return None
    return int(holder) if holder.isdigit() and _running(int(holder)) else None


def await_writer(root: Path, wait: float) -> int | None:
    """Wait up to `wait` seconds for the process writing the index to finish; its pid if it has not."""
    deadline = time.monotonic() + max(wait, 0.0)
    while (pid := writer_pid(root)) is not None and time.monotonic() < deadline:
        time.sleep(0.1)
    return pid


def missing_error(root: Path) -> IndexMissingError | IndexLockedError:
    """Why there is no index to read: none was built, or the first build is still running."""
    pid = writer_pid(root)
    if pid is not None:
        return IndexLockedError(f"the index at {root} is being built by another process (pid {pid}); "
                                "try again when it is done, or pass --wait SECONDS")
    return IndexMissingError(f"no index at {root}; build one with `searchkit index PATH...`")


@contextmanager
def write_lock(root: Path, wait: float = 0.0) -> Iterator[str | None]:
    """Hold the index's single-writer lock; yields a note when a previous writer died holding it.

    The folder must be empty or searchkit's (check_owner); it is marked as searchkit's once locked.
    flock is released by the kernel when the last descriptor of it closes: forked writer processes
    close their copy (_drop_locks_in_child), so the lock dies with the process that took it and is
    never stale. The pid written into the lock file tells that the last writer did not finish.
    """
    check_owner(root)
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd = os.open(root / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise IndexMissingError(f"cannot write the index at {root}: {exc.strerror}") from None
    _HELD_LOCKS.add(fd)
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
                    raise IndexLockedError(_locked_message(root, fd, wait)) from None
                time.sleep(0.1)
        dead = os.pread(fd, 32, 0).decode(errors="replace").strip()
        note = (f"recovered from an interrupted writer (pid {dead}): the index holds its last committed state"
                if dead.isdigit() else None)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _claim(root)
        try:
            yield note
        finally:
            os.ftruncate(fd, 0)  # only a killed writer leaves its pid behind
    finally:
        _HELD_LOCKS.discard(fd)
        os.close(fd)  # closing releases the flock


def _locked_message(root: Path, fd: int, wait: float) -> str:
    holder = os.pread(fd, 32, 0).decode(errors="replace").strip()
    who = ""
    if holder.isdigit():
        who = f" (pid {holder})"
        if not _running(int(holder)):  # left by a searchkit from before writer processes closed it
            who = f" (pid {holder} is gone, but a process it started still holds the lock)"
    return (f"index at {root} is being written by another process{who}"
            + (f"; waited {wait:g} s" if wait else "") + "; try again later or pass --wait SECONDS")
