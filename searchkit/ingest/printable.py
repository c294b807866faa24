"""Text that can always be encoded: what readers hand on never holds a lone surrogate.

A JSON escape such as "\\ud800" decodes to a lone surrogate, and a file name with a byte that is not
UTF-8 decodes (os.fsdecode) to one too. Neither can be written as UTF-8, so one of them in a story
would abort indexing, or make every later `query`/`show` that prints the story crash. Text fields
get U+FFFD in place of each surrogate; a path keeps a faithful, printable form instead: the raw
bytes that are not UTF-8 are shown as `\\xNN`, so the same file always gets the same name and id.
"""
from __future__ import annotations

import dataclasses
import os
import re
from typing import TypeVar

_SURROGATE = re.compile("[\ud800-\udfff]")
PATH_FIELDS = frozenset({"path"})

T = TypeVar("T")


def text(value: str) -> str:
    """The text with U+FFFD for every lone surrogate (Python strings hold no valid pairs)."""
    if value.isascii() or not _SURROGATE.search(value):
        return value
    return _SURROGATE.sub("\ufffd", value)


def path(value: str | os.PathLike) -> str:
    """A file name as text that encodes: undecodable bytes shown as `\\xNN`, stable for the same file."""
    raw = os.fspath(value)
    if isinstance(raw, bytes):
        return raw.decode("utf-8", "backslashreplace")
    if raw.isascii() or not _SURROGATE.search(raw):
        return raw
    try:
        return os.fsencode(raw).decode("utf-8", "backslashreplace")
    except UnicodeError:  # a surrogate that is not an escaped byte: no faithful form exists
        return text(raw)


def _clean(value, is_path: bool = False):
    if isinstance(value, str):
        return path(value) if is_path else text(value)
    if isinstance(value, tuple):
        cleaned = tuple(_clean(v) for v in value)
        return cleaned if any(a is not b for a, b in zip(cleaned, value)) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return record(value)
    return value


def record(item: T) -> T:
    """A record (Article, Problem, Quote...) whose every string field encodes; the same object when clean."""
    changes = {}
    for f in dataclasses.fields(item):  # type: ignore[arg-type]
        old = getattr(item, f.name)
        new = _clean(old, f.name in PATH_FIELDS)
        if new is not old:
            changes[f.name] = new
    return dataclasses.replace(item, **changes) if changes else item  # type: ignore[type-var]
