"""Bytes to text: gzip looked through, UTF-8 with a cp1252 fallback, NULs dropped, problems reported."""
from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from ..model import Problem

MAX_FILE_BYTES = 512 * 1024 * 1024  # one file is read whole; refuse what cannot sensibly fit


def _read_gzip(path: Path) -> tuple[bytes, Problem | None]:
    """What a gzip file holds; a truncated or damaged one gives what could be read and a Problem."""
    chunks: list[bytes] = []
    try:
        with gzip.open(path, "rb") as f:
            while True:
                chunk = f.read(1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
    except (EOFError, OSError, zlib.error) as exc:
        what = "truncated gzip file" if isinstance(exc, EOFError) else f"damaged gzip file ({exc})"
        return b"".join(chunks), Problem(str(path), f"{what}: read {sum(map(len, chunks)):,} bytes of it")
    return b"".join(chunks), None


def read_text(path: Path, *, latin1: bool = False) -> tuple[str | None, list[Problem]]:
    """The text of a file and the problems met; text is None when nothing could be read."""
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, [Problem(str(path), f"file too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})")]
        if path.name.lower().endswith(".gz"):
            data, problem = _read_gzip(path)
            if problem:
                problems.append(problem)
        else:
            data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(str(path), f"cannot read: {exc.strerror or exc}")]
    if b"\x00" in data:
        data = data.replace(b"\x00", b"")
    if latin1:  # Reuters-21578 is latin-1 by definition
        return data.decode("latin-1"), problems
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(str(path), "not valid UTF-8; read as cp1252", line, skipped=False))
    return text, problems
