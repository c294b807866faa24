"""JSON Lines (`.jsonl`, `.ndjson`) and JSON (`.json`: one object, a list, or {"articles": [...]}).

Known keys: id; title|headline; date|published|published_at|datetime (ISO 8601 or epoch seconds;
naive times are taken as UTC); source|publisher; body|text|content; url|link; tags|keywords (list or
comma-separated); locations|places (list); dateline. Any other key with a short scalar value
(string, number or boolean of at most 60 characters) is kept as a tag `key:value`; longer or
nested values are ignored. A record without an id gets `<file name>-<line>`.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

from ..model import Article, Problem, Quote
from .lines import _stem
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
}
_KNOWN = {k for names in KEYS.values() for k in names}
MAX_TAG_CHARS = 60


def read(path: Path, text: str, *, whole: bool = False) -> Iterator[Article | Problem]:
    """Articles of a JSON Lines file, or of a JSON document when `whole`."""
    stem = _stem(path).removesuffix(".jsonl").removesuffix(".ndjson").removesuffix(".json")
    if whole or (text.lstrip()[:1] == "[" and path.suffix.lower() == ".json"):
        try:
            data = json.loads(text)
        except ValueError as exc:
            yield Problem(str(path), f"invalid JSON: {exc}", getattr(exc, "lineno", None))
            return
        if isinstance(data, dict) and isinstance(data.get("articles"), list):
            data = data["articles"]
        records = data if isinstance(data, list) else [data]
        for n, record in enumerate(records, start=1):
            yield from _article(path, record, n, f"{stem}-{n}")
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as exc:
            yield Problem(str(path), f"invalid JSON: {exc}", number)
            continue
        yield from _article(path, record, number, f"{stem}-{number}")


def _first(record: dict, field: str) -> Any:
    for key in KEYS[field]:
        if record.get(key) not in (None, ""):
            return record[key]
    return None


def _strings(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if isinstance(value, list):
        return tuple(str(v).strip() for v in value if isinstance(v, (str, int, float)) and str(v).strip())
    return ()


def parse_date(value: Any) -> datetime | None:
    """An ISO 8601 date or time, or epoch seconds, as an aware UTC datetime; None when impossible."""
    if isinstance(value, bool) or value is None:
        return None
    try:
        if isinstance(value, (int, float)):
            moment = datetime.fromtimestamp(float(value), tz=timezone.utc)
        else:
            text = str(value).strip().replace("Z", "+00:00")
            moment = datetime.fromisoformat(text)
    except (ValueError, OverflowError, OSError):
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    try:
        return moment.astimezone(timezone.utc)
    except OverflowError:
        return None


def _article(path: Path, record: Any, line: int, fallback_id: str) -> Iterator[Article | Problem]:
    if not isinstance(record, dict):
        yield Problem(str(path), f"not a JSON object but {type(record).__name__}", line)
        return
    title = str(_first(record, "title") or "").strip()
    body = str(_first(record, "body") or "").replace("\x00", "").strip()
    if not title and not body:
        yield Problem(str(path), "record has neither title nor body", line)
        return
    raw_date = _first(record, "date")
    date = parse_date(raw_date) if raw_date is not None else None
    if raw_date is not None and date is None:
        yield Problem(str(path), f"bad date {str(raw_date)[:40]!r}: article read without a date", line, skipped=False)
    tags = list(_strings(_first(record, "tags")))
    for key, value in record.items():
        if key in _KNOWN or isinstance(value, (dict, list)) or value is None:
            continue
        value = str(value).strip()
        if value and len(value) <= MAX_TAG_CHARS:
            tags.append(f"{key}:{value}")
    quotes = []
    for q in record.get("quotes") or () if isinstance(record.get("quotes"), list) else ():
        if isinstance(q, dict) and q.get("text"):
            quotes.append(Quote(str(q["text"]), str(q["speaker"]) if q.get("speaker") else None))
    yield Article(
        id=str(_first(record, "id") or fallback_id).strip() or fallback_id,
        body=body,
        title=title or first_sentence(body),
        date=date,
        source=str(_first(record, "source") or "").strip(),
        locations=_strings(_first(record, "locations")),
        dateline=str(_first(record, "dateline") or "").strip(),
        quotes=tuple(quotes),
        path=str(path),
        line=line,
        url=str(_first(record, "url") or "").strip(),
        tags=tuple(dict.fromkeys(tags)),
    )
