"""Plain text without a header: one article per file, undated, without a source.

The title is the first line when it reads like a headline (shorter than 150 characters and not
ending like a sentence); the body is then the rest. Otherwise the title is the first sentence and
the body the whole text. A body opening with a wire dateline ("KABUL, July 7 (Reuters) - ...")
keeps it as the article's dateline ("KABUL, July 7"); the body text itself is left as it is.
A byline among the opening lines ("By Jane Smith and John Doe", "By JANE SMITH, Reuters") gives the
authors; one that opens the file is neither title nor body.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem
from .bylines import opening_byline
from .lines import stem
from .sentences import first_sentence, shorten

HEADLINE_MAX = 150
# "KABUL, July 7 (Reuters) - ", "WASHINGTON (AP) — ", "SALVADOR, Feb 26 - " at the start of a story
DATELINE = re.compile(
    r"^\s*([A-Z][A-Za-z .'\u2019-]{1,40}?(?:,\s*[A-Z][\w .'-]{0,30}?)?)"
    r"(?:\s*\([^)\n]{1,40}\))?\s+[-\u2013\u2014]+\s+"
)


def dateline_of(text: str) -> tuple[str, int]:
    """The dateline a story opens with ("" if none) and where the story proper starts after it."""
    m = DATELINE.match(text)
    if not m:
        return "", 0
    place = m.group(1).strip()
    head = place.split(",")[0]
    if head != head.upper():  # datelines write the place in capitals; "Officials said - " is no dateline
        return "", 0
    return " ".join(place.split()), m.end()


def read(path: Path, text: str, base: str | None = None) -> Iterator[Article | Problem]:
    """The one article of a plain-text file, with id `base` (see ids.py; the file's name by default)."""
    text = text.strip()
    lines = text.split("\n", 12)  # the opening lines, and the rest in one piece
    authors, at, after = opening_byline(lines)
    if at == 0:  # the file opens with its byline: the story starts below it
        text = "\n".join(lines[after:]).strip() or text
    first, _, rest = text.partition("\n")
    first = first.strip()
    if rest.strip() and len(first) < HEADLINE_MAX and not first.endswith((".", "!", "?", ":", ",", ";")) \
            and not dateline_of(first)[0]:
        title, body = shorten(first), rest.strip()
        dateline, _ = dateline_of(body)
    else:
        body = text
        dateline, start = dateline_of(body)
        title = first_sentence(body[start:])  # the headline should not begin with "KABUL, July 7 -"
    yield Article(id=base or stem(path), body=body, title=title, dateline=dateline, path=str(path), line=1,
                  authors=authors)
