"""Reuters-21578 SGML: not XML, latin-1, control characters as numeric entities (see the corpus README).

Each `<REUTERS ...>...</REUTERS>` record becomes an Article: NEWID is the id, TITLE the title, BODY
the body (BRIEF stories have none; UNPROC ones keep the raw text of TEXT), DATELINE the dateline,
PLACES the locations (slugs such as `west-germany`, canonicalised by extraction), and TOPICS,
PEOPLE, ORGS, EXCHANGES and LEWISSPLIT become tags (`cocoa`, `people:x`, `split:test`).
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem

_OPEN = re.compile(r"<REUTERS\b([^>]*)>")
_CLOSE = "</REUTERS>"
_ATTR = re.compile(r'([A-Z]+)="([^"]*)"')
_CONTROL = re.compile(r"&#(?:[0-9]|[12][0-9]|3[01]|127);")
_DATE = re.compile(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4})\s+(\d{1,2}:\d\d:\d\d)")
_D = re.compile(r"<D>(.*?)</D>", re.S)
_SIGNATURE = re.compile(r"\s*Reuter\s*$")
CATEGORY_TAGS = (("TOPICS", ""), ("PEOPLE", "people:"), ("ORGS", "orgs:"), ("EXCHANGES", "exchanges:"))


def _element(record: str, name: str) -> str | None:
    m = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", record, re.S)
    return m.group(1) if m else None


def _clean(text: str) -> str:
    """Control entities out, &lt; and &amp; decoded, stray control characters dropped."""
    text = _CONTROL.sub("", text)
    text = html.unescape(text)
    return "".join(ch for ch in text if ch >= " " or ch in "\n\t")


def parse_date(raw: str) -> datetime | None:
    """`26-FEB-1987 15:01:01.79` (with junk after it tolerated) as UTC; None when impossible."""
    m = _DATE.match(raw)
    if not m:
        return None
    try:
        return datetime.strptime(f"{m.group(1)} {m.group(2)}", "%d-%b-%Y %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def read(path: Path, text: str) -> Iterator[Article | Problem]:
    """Articles of one Reuters-21578 SGML file."""
    pos = 0
    line = 1
    while True:
        m = _OPEN.search(text, pos)
        if not m:
            return
        line += text.count("\n", pos, m.start())
        end = text.find(_CLOSE, m.end())
        following = _OPEN.search(text, m.end())
        if end < 0 or (following and following.start() < end):
            yield Problem(str(path), "malformed record: <REUTERS> without </REUTERS>", line)
            stop = following.start() if following else len(text)
            line += text.count("\n", m.start(), stop)
            pos = stop
            continue
        yield from _record(path, dict(_ATTR.findall(m.group(1))), text[m.end():end], line)
        line += text.count("\n", m.start(), end)
        pos = end + len(_CLOSE)


def _record(path: Path, attrs: dict, record: str, line: int) -> Iterator[Article | Problem]:
    newid = attrs.get("NEWID", "").strip()
    if not newid.isdigit():
        yield Problem(str(path), "malformed record: no NEWID", line)
        return
    raw_date = _clean(_element(record, "DATE") or "")
    date = parse_date(raw_date)
    if date is None:
        yield Problem(str(path), f"story {newid}: bad date {raw_date.strip()[:40]!r}, left empty", line,
                      skipped=False)
    text_block = _element(record, "TEXT") or ""
    title = _clean(_element(text_block, "TITLE") or "")
    title = " ".join(title.lstrip("* ").split())
    body = _element(text_block, "BODY")
    text_type = re.search(r'<TEXT\b[^>]*TYPE="([A-Z]+)"', record)
    kind = text_type.group(1) if text_type else "NORM"
    if body is not None:
        body = _SIGNATURE.sub("", _clean(body)).strip()
    elif kind == "UNPROC" or (not title and text_block):
        body = _clean(re.sub(r"<[^>]+>", " ", text_block)).strip()
    else:
        body = ""
    if kind == "BRIEF" or body.strip() == "Blah blah blah.":
        body = ""
    if not title and body:
        title = next((ln.strip() for ln in body.splitlines() if ln.strip()), "")[:120]
    dateline = _clean(_element(text_block, "DATELINE") or "").strip().rstrip("-").strip()
    tags: list[str] = []
    for element, prefix in CATEGORY_TAGS:
        tags += [prefix + _clean(v).strip() for v in _D.findall(_element(record, element) or "") if v.strip()]
    split = attrs.get("LEWISSPLIT", "").strip().lower()
    if split:
        tags.append(f"split:{split}")
    places = tuple(_clean(v).strip() for v in _D.findall(_element(record, "PLACES") or "") if v.strip())
    yield Article(id=newid, body=body, title=title, date=date, source="Reuters", locations=places,
                  dateline=" ".join(dateline.split()), path=str(path), line=line, tags=tuple(tags))
