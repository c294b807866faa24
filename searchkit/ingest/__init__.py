"""Readers: files and folders in, `Article` records (or `Problem` reports) out.

One module per format (`lines`, `text`, `jsonl`, `reuters`); this module walks folders, opens
`.gz` files, decodes bytes, and picks the reader. Readers never raise for bad content: a file or
record that cannot be read becomes a `Problem` with its path and line, and reading goes on.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article, Problem
from .decode import read_text

READERS = {".txt": "text", ".text": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
           ".sgm": "reuters", ".sgml": "reuters"}


def format_of(path: Path) -> str | None:
    """The reader for a file name (`.gz` looked through), None when the name is not one we read."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return READERS.get(os.path.splitext(name)[1])


def iter_files(paths: Iterable[str | os.PathLike]) -> Iterator[Path | Problem]:
    """Files to read: named files as given, folders walked recursively in sorted order (hidden skipped)."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path, set())
        elif path.is_file():
            yield path
        elif path.is_symlink():
            yield Problem(str(path), "broken symbolic link")
        else:
            yield Problem(str(path), "no such file or directory")


def _walk(folder: Path, seen: set[str]) -> Iterator[Path | Problem]:
    real = os.path.realpath(folder)
    if real in seen:  # a symlink loop, or the same folder reached twice
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Problem(str(folder), f"cannot list folder: {exc.strerror}")
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()
        except OSError:
            is_dir = False
        if is_dir:
            yield from _walk(path, seen)
        elif format_of(path) is not None:
            yield path


def read_file(path: Path) -> Iterator[Article | Problem]:
    """Every article of one file, with a Problem for each part that could not be read."""
    from . import jsonl, lines, reuters, text

    path = Path(path)
    kind = format_of(path) or "text"
    decoded, problems = read_text(path, latin1=(kind == "reuters"))
    yield from problems
    if decoded is None:
        return
    if not decoded.strip():
        if not problems:
            yield Problem(str(path), "empty file")
        return
    if kind == "reuters":
        yield from reuters.read(path, decoded)
    elif kind in ("jsonl", "json"):
        yield from jsonl.read(path, decoded, whole=(kind == "json"))
    elif lines.looks_like(decoded):
        yield from lines.read(path, decoded)
    else:
        yield from text.read(path, decoded)


def read_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Article | Problem]:
    """Every article under some files and folders."""
    for item in iter_files(paths):
        if isinstance(item, Problem):
            yield item
        else:
            yield from read_file(item)


def checksum(article: Article) -> str:
    """A digest of what the file says about an article, to skip unchanged ones on re-index."""
    parts = [article.id, article.title, article.body, article.date.isoformat() if article.date else "",
             article.source, article.dateline, article.url, "\x1f".join(article.tags),
             "\x1f".join(article.locations), "\x1f".join(f"{q.text}\x1e{q.speaker}" for q in article.quotes)]
    return hashlib.blake2b("\x1d".join(parts).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


__all__ = ["checksum", "format_of", "iter_files", "read_file", "read_paths"]
