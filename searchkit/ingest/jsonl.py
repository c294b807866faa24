"""JSON Lines (`.jsonl`, `.ndjson`: one object per line) and JSON (`.json`: one object, a list of
objects, or {"articles": [...]}). A `.json` file that turns out to be JSON Lines is read as such.

Keys read (the first present wins):
  id|guid|uuid; title|headline; date|published|published_at|datetime|pubdate (ISO 8601 date or
  date-time, RFC 2822 as in RSS, or epoch seconds as a number or digit string; an offset is
  converted to UTC, a naive time is taken as UTC); source|publisher (a string, or an object with a
  "name"); body|text|content (a string, or a list of paragraph strings); url|link;
  tags|keywords|topics (a list, or one comma-separated string); locations|places (the same);
  dateline; quotes (a list of {"text", "speaker"}); author|authors|byline|creator (a byline string,
  a list of them, or objects with a "name": see `bylines`).
Any other key with a short scalar value (a string, number or boolean whose text is at most 60
characters) is kept as a tag `key:value`, so that facets can use it; longer or nested values are
ignored. A record without an id gets `<base>-<line>` (`<base>-<n>` for the n-th object of a `.json`
document, whose `line` is then that record number), the base being the file's name made unique
(ids.py).
A line that is not JSON or not an object, or a record with neither title nor body, is reported and
skipped; a date that cannot be read leaves the article undated, with a warning.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Iterator

from ..model import Article, Problem, Quote
from .bylines import authors_of
from .lines import stem
from .sentences import first_sentence

KEYS = {
    "id": ("id", "guid", "uuid"),
    "title": ("title", "headline"),
    "date": ("date", "published", "published_at", "datetime", "pubdate"),
    "source": ("source", "publisher"),
    "body": ("body", "text", "content"),
    "url": ("url", "link"),
    "tags": ("tags", "keywords", "topics"),
    "locations": ("locations", "places"),
    "dateline": ("dateline",),
    "quotes": ("quotes",),
    "authors": ("author", "authors", "byline", "creator"),
}
_KNOWN = {key for names in KEYS.values() for key in names}
MAX_TAG_CHARS = 60
_EPOCH = re.compile(r"-?\d{9,12}(?:\.\d+)?")


def read(path: Path, text: str, *, whole: bool = False, base: str | None = None) -> Iterator[Article | Problem]:
    """Articles of a JSON Lines file, or of a JSON document when `whole` (a `.json` file).

    A record without an id gets `<base>-<line>` (`base`: see ids.py; the file's name by default).
    """
    base = base or stem(path)
    if whole or text.lstrip()[:1] == "[":
        try:
            data = json.loads(text)
        except (ValueError, RecursionError) as exc:
            if not whole or _looks_like_lines(text):  # JSON Lines after all
                yield from _read_lines(path, text, base)
            else:
                yield Problem(str(path), f"invalid JSON: {_reason(exc)}", getattr(exc, "lineno", None))
            return
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        records = data if isinstance(data, list) else [data]
        for n, record in enumerate(records, start=1):
            yield from _article(path, record, n, f"{base}-{n}")
        return
    yield from _read_lines(path, text, base)


def _reason(exc: BaseException) -> str:
    return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)


def _looks_like_lines(text: str) -> bool:
    """Whether a document that is not one JSON value is JSON Lines: its first line is an object."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    try:
        return isinstance(json.loads(first), dict)
    except (ValueError, RecursionError):
        return False


def _read_lines(path: Path, text: str, base: str) -> Iterator[Article | Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            yield Problem(str(path), f"invalid JSON: {_reason(exc)}", number)
            continue
        yield from _article(path, record, number, f"{base}-{number}")


def _first(record: dict, field: str) -> Any:
    for key in KEYS[field]:
        if record.get(key) not in (None, "", [], {}):
            return record[key]
    return None


def _scalar(value: Any) -> str:
    """Text of a JSON scalar ("" for objects and lists, which have no one-line text)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list):
        return tuple(dict.fromkeys(s for s in map(_scalar, value) if s))
    return ()


def _text(value: Any) -> str:
    """A body given as a string or as a list of paragraphs."""
    if isinstance(value, list):
        return "\n\n".join(s for s in map(_scalar, value) if s)
    return _scalar(value).replace("\x00", "")


def parse_date(value: Any) -> datetime | None:
    """A date, date-time or epoch time as an aware UTC datetime; None when it cannot be read."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, (int, float)) or (isinstance(value, str) and _EPOCH.fullmatch(value.strip())):
            moment = datetime.fromtimestamp(float(value), tz=timezone.utc)
        elif isinstance(value, str):
            raw = value.strip()
            try:
                moment = datetime.fromisoformat(raw)
            except ValueError:
                moment = parsedate_to_datetime(raw)  # "Wed, 07 Jul 2021 10:00:00 GMT"
        else:
            return None
        if moment.tzinfo is None:
            return moment.replace(tzinfo=timezone.utc)
        return moment.astimezone(timezone.utc)
    except (ValueError, TypeError, OverflowError, OSError, IndexError):
        return None


def _quotes(value: Any) -> tuple[Quote, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(Quote(_scalar(q["text"]), _scalar(q.get("speaker")) or None)
                 for q in value if isinstance(q, dict) and _scalar(q.get("text")))


def _article(path: Path, record: Any, line: int, fallback_id: str) -> Iterator[Article | Problem]:
    if not isinstance(record, dict):
        yield Problem(str(path), f"invalid JSON: expected an object, got {type(record).__name__}", line)
        return
    title = " ".join(_scalar(_first(record, "title")).split())
    body = _text(_first(record, "body"))
    if not title and not body:
        yield Problem(str(path), "record has neither title nor body", line)
        return
    raw_date = _first(record, "date")
    date = parse_date(raw_date)
    if raw_date is not None and date is None:
        yield Problem(str(path), f"bad date {str(raw_date)[:40]!r}: article read without a date", line, skipped=False)
    source = _first(record, "source")
    if isinstance(source, dict):
        source = source.get("name")
    tags = list(_strings(_first(record, "tags")))
    for key, value in record.items():
        if key in _KNOWN or isinstance(value, (dict, list)):
            continue
        text = _scalar(value)
        if text and len(text) <= MAX_TAG_CHARS and "\n" not in text:
            tags.append(f"{key}:{text}")
    yield Article(
        id=_scalar(_first(record, "id")) or fallback_id,
        body=body,
        title=title or first_sentence(body),
        date=date,
        source=_scalar(source),
        locations=_strings(_first(record, "locations")),
        dateline=_scalar(_first(record, "dateline")),
        quotes=_quotes(_first(record, "quotes")),
        path=str(path),
        line=line,
        url=_scalar(_first(record, "url")),
        tags=tuple(dict.fromkeys(tags)),
        authors=authors_of(_first(record, "authors")),
    )
