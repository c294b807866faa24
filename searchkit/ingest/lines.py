"""The line format of the bundled corpus: `date YYYY-MM-DD Source - text`, one article per header line.

Lines that do not start with a header continue the article above them (its further paragraphs;
blank lines between them are kept as one paragraph break, "\\n\\n"). The body is the text as the
file has it: sentences glued without a space stay glued; only the title (the first sentence) is
split out. The first article of a file takes the file's base (its name, see ids.py) as id, later ones
`base-2`, `base-3`...
A date that does not exist (2021-13-45) leaves the article undated, with a warning. A body that
opens with a byline ("By Jane Smith") gives the authors, and the title is the sentence after it.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem
from . import ids
from .bylines import opening_byline
from .sentences import first_sentence

HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{1,2}-\d{1,2})\s+(.+?)\s+-(?:\s+(.*?))?\s*$", re.IGNORECASE)


def looks_like(text: str) -> bool:
    """Whether the first non-blank line is a header: how a `.txt` file is told from plain text."""
    for line in text[:65536].splitlines():
        if line.strip():
            return bool(HEADER.match(line))
    return False


def stem(path: Path) -> str:
    """A file's name without `.gz` and its format suffix: the base of its ids when read on its own."""
    return ids.stem(path.name)


class _Draft:
    """An article being collected line by line."""

    def __init__(self, ident: str, line: int, date: str, source: str, first: str) -> None:
        self.id, self.line, self.date, self.source = ident, line, date, source
        self.lines = [first]

    def finish(self, path: Path) -> Iterator[Article | Problem]:
        body = "\n".join(self.lines).strip()
        body = re.sub(r"\n{3,}", "\n\n", body)
        if not body:
            yield Problem(str(path), "article header without text", self.line)
            return
        try:
            year, month, day = (int(x) for x in self.date.split("-"))
            date = datetime(year, month, day, tzinfo=timezone.utc)
        except ValueError:
            date = None
            yield Problem(str(path), f"bad date {self.date!r}: article read without a date", self.line, skipped=False)
        lines = body.split("\n", 12)
        authors, at, after = opening_byline(lines)
        lead = "\n".join(lines[after:]).strip() if at == 0 else body
        yield Article(id=self.id, body=body, title=first_sentence(lead or body), date=date, source=self.source,
                      path=str(path), line=self.line, authors=authors)


def read(path: Path, text: str, base: str | None = None) -> Iterator[Article | Problem]:
    """Articles of one line-format file, in file order; ids `base`, `base-2`... (`base`: see ids.py)."""
    base = base or stem(path)
    draft: _Draft | None = None
    count = 0
    stray = False
    for number, line in enumerate(text.splitlines(), start=1):
        m = HEADER.match(line)
        if m:
            if draft:
                yield from draft.finish(path)
            count += 1
            ident = base if count == 1 else f"{base}-{count}"
            draft = _Draft(ident, number, m.group(1), m.group(2).strip(), (m.group(3) or "").strip())
        elif draft is not None:
            draft.lines.append(line.strip())
        elif line.strip() and not stray:  # text before the first header: report it once
            stray = True
            yield Problem(str(path), "text before the first 'date YYYY-MM-DD Source -' header ignored", number,
                          skipped=False)
    if draft:
        yield from draft.finish(path)
