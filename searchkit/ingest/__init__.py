"""Readers: files and folders in, `Article` records (or `Problem` reports) out.

One module per format (`lines`, `text`, `jsonl`, `reuters`; `html`, `warc`, `feeds`, which open
their files themselves); `sidecar` reads the metadata tables that may sit beside the stories
(`metadata.tsv`) and lays their rows over the stories they name; `bylines` turns author fields into
names. This module walks folders, opens `.gz` files, decodes bytes (`decode`), and picks the reader
by file name (and, for `.txt`, by whether the text opens with a `date YYYY-MM-DD Source -` header;
for `.xml` and names it does not know, by the first bytes). Readers never raise for bad
content: a file or record that cannot be read becomes a `Problem` with its path and line
(`skipped=False` for a warning about a record that was still read), and reading goes on. A folder
walk passes by documentation: every `.txt` beside a Reuters SGML file or web archive (the
collection's README and code lists), and a README or LICENSE anywhere, in one line per folder.
Everything read passes `printable.record` on the way out, so no text handed on holds a lone
surrogate; ids derived from file paths follow `ids.py`.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import re
import zlib
from importlib import import_module
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article, Problem
from . import printable
from .decode import open_text
from .sidecar import is_table_name

# File name suffix (after any `.gz`) -> reader. `.xml` is read only when its content is a feed.
READERS = {".txt": "text", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json",
           ".sgm": "reuters", ".sgml": "reuters", ".html": "html", ".htm": "html", ".xhtml": "html",
           ".warc": "warc", ".arc": "warc", ".rss": "feed", ".atom": "feed", ".xml": "feed?"}
STREAMED = {"html": "html", "warc": "warc", "feed": "feeds"}  # readers that open their files themselves
# Formats whose files each hold a whole collection, documented by plain-text files beside them.
COLLECTIONS = {"reuters": "Reuters SGML", "warc": "web archive"}
DOCUMENTATION = re.compile(r"(?:readme|read[._]me|licen[cs]e|copying|changelog)(?:\.txt)?(?:\.gz)?", re.IGNORECASE)
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_RSS1 = re.compile(rb"purl\.org/rss/1\.0|<channel[\s>]", re.IGNORECASE)


def format_of(path: Path) -> str | None:
    """The reader for a file name (`.gz` looked through), None when a folder walk should pass it by."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    kind = READERS.get(os.path.splitext(name)[1])
    if kind == "feed?":
        return "feed" if sniff(path) == "feed" else None
    return kind


def sniff(path: Path) -> str | None:
    """The reader a file's first bytes call for (WARC, ARC, feed, HTML page), None for anything else."""
    try:
        with (gzip.open(path, "rb") if path.name.lower().endswith(".gz") else open(path, "rb")) as fh:
            head = fh.read(4096)
    except (OSError, EOFError, zlib.error):
        return None
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if start.startswith((b"WARC/", b"filedesc://")):
        return "warc"
    feed = _FEED_ROOT.search(head)  # RSS 2.0, Atom, or RSS 1.0 (RDF with an RSS channel)
    if feed and (not feed.group(0).lower().startswith(b"<rdf") or _RSS1.search(head)):
        return "feed"
    if start[:14].lower().startswith((b"<!doctype html", b"<html")):
        return "html"
    return None


def iter_files(paths: Iterable[str | os.PathLike], skip: Iterable[str | os.PathLike] = ()
               ) -> Iterator[Path | Problem]:
    """Files to read, each once: named files as given, folders walked recursively in sorted order.

    Folders in `skip` (an index folder inside its own input) are passed by; a file named inside one
    is a Problem.
    """
    seen_dirs: set[str] = {os.path.realpath(s) for s in skip}
    skipped = frozenset(seen_dirs)
    seen_files: set[str] = set()
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                if os.path.realpath(path) in skipped or _inside(path, skipped):
                    yield printable.record(Problem(str(path), "the index folder (or inside it): not read"))
                else:
                    yield from _walk(path, seen_dirs, seen_files)
                continue
            if path.is_file():
                if _inside(path, skipped):
                    yield printable.record(Problem(str(path), "inside the index folder: not read"))
                elif _first_time(path, seen_files):
                    yield path
                continue
            if path.is_symlink():
                yield printable.record(Problem(str(path), "broken symbolic link (or a link loop)"))
                continue
        except OSError as exc:  # e.g. a path too long, or a folder above it that cannot be searched
            yield printable.record(Problem(str(path), f"cannot open: {exc.strerror or exc}"))
            continue
        yield printable.record(Problem(str(path), "no such file or directory"))


def _inside(path: Path, folders: frozenset[str]) -> bool:
    real = os.path.realpath(path)
    return any(real.startswith(folder + os.sep) for folder in folders)


def _first_time(path: Path, seen: set[str]) -> bool:
    """Whether a file has not been listed yet (under any name), so no article is read twice."""
    real = os.path.realpath(path)
    if real in seen:
        return False
    seen.add(real)
    return True


def _walk(folder: Path, seen_dirs: set[str], seen_files: set[str]) -> Iterator[Path | Problem]:
    real = os.path.realpath(folder)
    if real in seen_dirs:  # a symlink loop, the same folder reached twice, or a folder to skip
        return
    seen_dirs.add(real)
    try:
        with os.scandir(folder) as scan:
            entries = sorted(scan, key=lambda e: e.name)
    except OSError as exc:
        yield printable.record(Problem(str(folder), f"cannot list folder: {exc.strerror or exc}"))
        return
    found: list[tuple[Path, str | None, bool]] = []  # (path, reader, is a folder), in sorted order
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows links; loops are caught by seen_dirs
            is_file = not is_dir and entry.is_file()
        except OSError:
            continue
        if is_dir:
            found.append((path, None, True))
        elif is_file and ((kind := format_of(path)) is not None or is_table_name(entry.name)):
            found.append((path, kind, False))  # tables are split off later
    docs, note = _documentation(folder, [(path, kind) for path, kind, is_dir in found if not is_dir])
    if note:
        yield printable.record(note)
    for path, _, is_dir in found:
        if is_dir:
            yield from _walk(path, seen_dirs, seen_files)
        elif path not in docs and _first_time(path, seen_files):
            yield path


def _documentation(folder: Path, files: list[tuple[Path, str | None]]) -> tuple[set[Path], Problem | None]:
    """The files of a folder that document it rather than tell a story, and one line naming them.

    Beside a collection file (Reuters SGML, a web archive) every plain-text file is the collection's
    README, code list or checksum notes, not a story; anywhere, a README or LICENCE is not one either.
    A file named on the command line is read whatever it is.
    """
    collection = next((kind for _, kind in files if kind in COLLECTIONS), None)
    docs = [path for path, kind in files if kind == "text" and (collection or DOCUMENTATION.fullmatch(path.name))]
    if not docs:
        return set(), None
    names = ", ".join(p.name for p in docs[:3]) + (f" and {len(docs) - 3} more" if len(docs) > 3 else "")
    why = (f"beside its {COLLECTIONS[collection]} files, the collection's documentation" if collection
           else "documentation, not a story")
    count = f"{len(docs)} text files" if len(docs) > 1 else "a text file"
    note = Problem(str(folder), f"{count} not read ({names}): {why}; name a file to index it anyway")
    return set(docs), note


def read_file(path: Path, base: str | None = None) -> Iterator[Article | Problem]:
    """Every article of one file, with a Problem for each part that could not be read; never raises.

    `base` is what ids derived from the path start with (see ids.py); the file's name by default.
    """
    for item in _read(Path(path), base):
        yield printable.record(item)


def _read(path: Path, base: str | None) -> Iterator[Article | Problem]:
    from . import jsonl, lines, reuters, text

    kind = format_of(path) or sniff(path) or "text"  # a file named explicitly is read whatever its name
    if kind in STREAMED:
        yield from _guarded(path, import_module(f".{STREAMED[kind]}", __name__).read(path, base))
        return
    decoded, problems = open_text(path, latin1=(kind == "reuters"), text_only=True)
    yield from problems
    if decoded is None:
        return
    if not decoded.strip():
        if not any(p.skipped for p in problems):
            yield Problem(str(path), "empty file")
        return
    if kind == "reuters":
        records = reuters.read(path, decoded)
    elif kind in ("jsonl", "json"):
        records = jsonl.read(path, decoded, whole=(kind == "json"), base=base)
    elif lines.looks_like(decoded):
        records = lines.read(path, decoded, base)
    else:
        records = text.read(path, decoded, base)
    yield from _guarded(path, records)


def _guarded(path: Path, records: Iterator[Article | Problem]) -> Iterator[Article | Problem]:
    try:
        yield from records
    except Exception as exc:  # a reader bug must not stop a whole indexing run
        yield Problem(str(path), f"reading stopped by an internal error: {type(exc).__name__}: {exc}")


def read_paths(paths: Iterable[str | os.PathLike], metadata: Iterable[str | os.PathLike] = ()
               ) -> Iterator[Article | Problem]:
    """Every article under some files and folders, with the problems met on the way.

    Metadata tables found in the folders, and those named in `metadata`, fill in the stories they name.
    """
    from .sidecar import Sidecar, split_tables

    items = list(iter_files(paths))
    files, found = split_tables([i for i in items if not isinstance(i, Problem)])
    tables, problems = Sidecar.load(found, [Path(m) for m in metadata])
    yield from problems
    articles = set(files)
    for item in items:
        if isinstance(item, Problem):
            yield item
        elif item in articles:
            if tables:
                tables.stamp(item)
            for record in read_file(item):
                yield tables.apply(record, item) if tables and isinstance(record, Article) else record
    yield from tables.report()


def checksum(article: Article) -> str:
    """A digest of what the file says about an article (not where the file is), to skip unchanged ones."""
    fields = [article.id, article.title, article.body, article.date.isoformat() if article.date else None,
              article.source, article.dateline, article.url, list(article.tags), list(article.locations),
              [[q.text, q.speaker] for q in article.quotes], list(article.authors)]
    data = json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
    return hashlib.blake2b(data, digest_size=16).hexdigest()


__all__ = ["checksum", "format_of", "iter_files", "open_text", "read_file", "read_paths"]
