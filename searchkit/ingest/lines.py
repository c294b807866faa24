"""The line format of the bundled corpus: `date YYYY-MM-DD Source - text`, one article per header line.

Lines that do not start with a header continue the article above them (its further paragraphs).
The first article of a file takes the file's name as id, later ones `name-2`, `name-3`, ...
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem
from .sentences import first_sentence

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\s+(.+?)\s+-\s+(.*)$", re.IGNORECASE)


def looks_like(text: str) -> bool:
    """Whether the first non-blank line of a text is a header of this format."""
    for line in text.splitlines():
        if line.strip():
            return bool(HEADER.match(line))
    return False


def _stem(path: Path) -> str:
    name = path.name
    for suffix in (".gz", ".txt", ".text"):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
    return name


def read(path: Path, text: str) -> Iterator[Article | Problem]:
    """Articles of one line-format file."""
    stem = _stem(path)
    current: dict | None = None
    count = 0
    for number, line in enumerate(text.splitlines(), start=1):
        m = HEADER.match(line)
        if m:
            if current:
                yield from _finish(path, current)
            count += 1
            current = {"id": stem if count == 1 else f"{stem}-{count}", "line": number, "date": m.group(1),
                       "source": m.group(2).strip(), "paragraphs": [m.group(3).strip()]}
        elif current is not None:
            current["paragraphs"].append(line.strip())
    if current:
        yield from _finish(path, current)


def _finish(path: Path, record: dict) -> Iterator[Article | Problem]:
    body = "\n".join(record["paragraphs"]).strip()
    body = re.sub(r"\n{3,}", "\n\n", body)
    try:
        y, m, d = (int(x) for x in record["date"].split("-"))
        date = datetime(y, m, d, tzinfo=timezone.utc)
    except ValueError:
        date = None
        yield Problem(str(path), f"bad date {record['date']!r}: article read without a date", record["line"],
                      skipped=False)
    yield Article(id=record["id"], body=body, title=first_sentence(body), date=date, source=record["source"],
                  path=str(path), line=record["line"])
