"""Plain text without a header: one article per file; the title is a short first line or the first sentence."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem
from .lines import _stem
from .sentences import first_sentence

# "KABUL, July 7 (Reuters) - " or "KABUL, July 7 -" at the start of a story
DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{0,40})?)(?:\s*\([^)]{1,40}\))?\s+[-\u2013\u2014]\s+")


def read(path: Path, text: str) -> Iterator[Article | Problem]:
    """The one article of a plain-text file."""
    text = text.strip()
    lines = text.splitlines()
    first = lines[0].strip()
    if len(lines) > 1 and len(first) < 150 and not first.endswith((".", "!", "?", ":")):
        title, body = first, "\n".join(lines[1:]).strip()
    else:
        title, body = first_sentence(text), text
    dateline = ""
    m = DATELINE.match(body)
    if m:
        dateline = m.group(1).strip()
    yield Article(id=_stem(path), body=body, title=title, dateline=dateline, path=str(path), line=1)
