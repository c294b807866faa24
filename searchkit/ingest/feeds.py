"""News feeds (`.rss`, `.atom`, and `.xml` files that are feeds): each entry becomes a story.

feedparser reads every RSS and Atom dialect and its dates; an entry keeps its title, link, date
(published, else updated), authors, categories (as tags) and the fullest text the feed carries
(`content`, else the summary), with HTML reduced to paragraphs of text. The feed's title is the
source. Id: the entry's link, else its guid (also when two entries share a link), else
`<file name>-<entry number>`. An entry with neither title nor text is reported and skipped; a feed
that is not well-formed XML gives the entries that could be read and a warning.
"""
from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import feedparser

from ..model import Article, Problem
from .decode import looks_binary, read_bytes
from .bylines import authors_of
from .html import to_text
from .lines import stem
from .sentences import first_sentence

def _text(detail: Any) -> str:
    """Text of a feed text construct (plain, or HTML to be reduced)."""
    if not detail:
        return ""
    value = detail.get("value") or ""
    if "html" in (detail.get("type") or "") or "<" in value:
        return to_text(value)
    return " ".join(value.split())


def _body(entry: Any) -> str:
    """The fullest text an entry carries: its longest `content`, else its summary."""
    contents = [_text(c) for c in entry.get("content") or []]
    best = max(contents, key=len, default="")
    return best or _text(entry.get("summary_detail") or {"value": entry.get("summary") or ""})


def _date(entry: Any) -> tuple[datetime | None, str]:
    """(when the entry was published, else updated; the raw text when it could not be read)."""
    for key in ("published", "updated", "created"):
        parsed = dict.get(entry, f"{key}_parsed")  # feedparser's own get() maps updated to published, warning
        if parsed:
            try:  # feedparser gives UTC
                return datetime(*parsed[:6], tzinfo=timezone.utc), ""
            except (TypeError, ValueError):
                return None, str(entry.get(key))
    raw = dict.get(entry, "published") or dict.get(entry, "updated") or ""
    return None, raw


def _authors(entry: Any) -> tuple[str, ...]:
    names = [a.get("name") or "" for a in entry.get("authors") or [] if isinstance(a, dict)]
    return authors_of([n for n in names if n] or [entry.get("author") or ""])


def read(path: Path, base: str | None = None) -> Iterator[Article | Problem]:
    """The entries of one feed file, in feed order; `base` starts path-derived ids (`base-N`)."""
    data, problems = read_bytes(path)
    yield from problems
    if data is None:
        return
    if looks_binary(data):
        yield Problem(str(path), "not a feed (binary content)")
        return
    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=True)
    entries = parsed.get("entries") or []
    if not entries:
        if not parsed.get("version"):
            error = parsed.get("bozo_exception")
            yield Problem(str(path), "not an RSS or Atom feed" + (f" ({error})" if error else ""))
        return
    if parsed.get("bozo") and not isinstance(parsed.get("bozo_exception"), feedparser.CharacterEncodingOverride):
        yield Problem(str(path), f"feed is not well-formed ({parsed.get('bozo_exception')}): read "
                                 f"{len(entries)} entries", skipped=False)
    source = " ".join((parsed.get("feed", {}).get("title") or "").split())
    base = base or stem(path)
    used: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        yield from _article(path, number, entry, source, base, used)


def _article(path: Path, number: int, entry: Any, source: str, base: str, used: set[str]) -> Iterator[Article | Problem]:
    title = _text(entry.get("title_detail") or {"value": entry.get("title") or ""})
    body = _body(entry)
    if not title and not body:
        yield Problem(str(path), f"feed entry {number} has neither title nor text", number)
        return
    date, raw_date = _date(entry)
    if raw_date and date is None:
        yield Problem(str(path), f"bad date {raw_date[:40]!r} in feed entry {number}: read without a date",
                      number, skipped=False)
    link = (entry.get("link") or "").strip()
    guid = (entry.get("id") or "").strip()
    ident = next((i for i in (link, guid) if i and i not in used), f"{base}-{number}")
    used.add(ident)
    tags = tuple(dict.fromkeys(t["term"].strip() for t in entry.get("tags") or []
                               if isinstance(t, dict) and (t.get("term") or "").strip()))
    yield Article(id=ident, body=body, title=title or first_sentence(body), date=date, source=source,
                  path=str(path), line=number, url=link, tags=tags, authors=_authors(entry))
