"""Reuters-21578 SGML: not XML, latin-1, control characters as numeric entities (see the corpus README).

Records are found with regular expressions, never an XML parser. Each `<REUTERS ...>...</REUTERS>`
becomes an Article: id = NEWID ("1" ... "21578"); title = TITLE without leading `*`s; body = BODY
without the closing " Reuter" signature; BRIEF stories have a title only (their "Blah blah blah."
filler is dropped); UNPROC stories (tables, raw text) take the text of TEXT as body and its first
line as title; dateline = DATELINE ("SALVADOR, Feb 26"); date = DATE as UTC (junk after the time
tolerated; a broken time keeps the day, at midnight, with a warning; an unreadable day leaves it empty); locations = PLACES slugs as given
("west-germany", canonicalised by extraction); tags = TOPICS as given, `people:`, `orgs:`,
`exchanges:` values and `split:train|test|not-used` (LEWISSPLIT); authors = the names of AUTHOR
("    By Cal Mankowski, Reuters" -> "Cal Mankowski"); source = "Reuters"; line = the
line of the `<REUTERS` tag. A record without its closing tag, or without a NEWID, is reported and
skipped, and reading goes on with the next one.
"""
from __future__ import annotations

import html
import re
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ..model import Article, Problem
from .bylines import split_byline
from .sentences import shorten

_OPEN = re.compile(r"<REUTERS\b([^>]*)>")
_CLOSE = "</REUTERS>"
_ATTR = re.compile(r'([A-Za-z]+)\s*=\s*"([^"]*)"')  # values may hold hyphens: LEWISSPLIT="NOT-USED"
_CONTROL_ENTITY = re.compile(r"&#0*(?:[0-9]|[12][0-9]|3[01]|127);")
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_DATE = re.compile(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4})\s+(\d\d:\d\d:\d\d)")
_DAY = re.compile(r"\s*(\d{1,2}-[A-Za-z]{3}-\d{4})(?!\d)")
_D = re.compile(r"<D>(.*?)</D>", re.S)
_TAG = re.compile(r"<[^>]+>")
_TEXT_TYPE = re.compile(r'<TEXT\b[^>]*\bTYPE\s*=\s*"([^"]*)"')
# A dateline ends at its date and dash; 46 stories carry on with their first words in the element.
_DATELINE_SPILL = re.compile(r"(.*?,\s*[A-Z][a-z]{2,8}\.?\s*\d{1,2}\s*-+)\s*([^\s-].*)")
_SIGNATURE = re.compile(r"(?:\s+reuters?)+\s*$", re.IGNORECASE)  # " Reuter", sometimes twice
_ELEMENTS: dict[str, re.Pattern[str]] = {}
CATEGORY_TAGS = (("TOPICS", ""), ("PEOPLE", "people:"), ("ORGS", "orgs:"), ("EXCHANGES", "exchanges:"))
BRIEF_FILLER = "Blah blah blah."


def _element(record: str, name: str) -> str | None:
    """The raw content of the first <NAME>...</NAME> of a record, None when absent."""
    pattern = _ELEMENTS.get(name)
    if pattern is None:
        pattern = _ELEMENTS[name] = re.compile(rf"<{name}\b[^>]*>(.*?)</{name}>", re.S)
    m = pattern.search(record)
    return m.group(1) if m else None


def clean(text: str) -> str:
    """Text without control-character entities, with &lt; and &amp; decoded, without stray controls."""
    text = _CONTROL_ENTITY.sub("", text)
    if "&" in text:
        text = html.unescape(text)
    return _CONTROL_CHAR.sub("", text)


def parse_date(raw: str) -> datetime | None:
    """`26-FEB-1987 15:01:01.79` (junk after it tolerated) as an aware UTC datetime; None if unreadable."""
    m = _DATE.match(raw)
    if not m:
        return None
    try:
        return datetime.strptime(f"{m.group(1)} {m.group(2)}", "%d-%b-%Y %H:%M:%S").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def parse_day(raw: str) -> datetime | None:
    """The day of a DATE whose time is broken (`31-MAR-1987 605:12:19.12`) as midnight UTC; None if unreadable."""
    m = _DAY.match(raw)
    if not m:
        return None
    try:
        return datetime.strptime(m.group(1), "%d-%b-%Y").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def read(path: Path, text: str) -> Iterator[Article | Problem]:
    """Articles of one Reuters-21578 SGML file, in file order."""
    pos = 0
    line = 1  # the line number at `pos`
    while m := _OPEN.search(text, pos):
        line += text.count("\n", pos, m.start())
        end = text.find(_CLOSE, m.end())
        following = _OPEN.search(text, m.end())
        if end < 0 or (following is not None and following.start() < end):
            yield Problem(str(path), "malformed record: <REUTERS> without </REUTERS>; skipped", line)
            stop = following.start() if following is not None else len(text)
        else:
            yield from _record(path, dict(_ATTR.findall(m.group(1))), text[m.end():end], line)
            stop = end + len(_CLOSE)
        line += text.count("\n", m.start(), stop)
        pos = stop


def _categories(record: str, name: str) -> list[str]:
    return [value for value in (clean(v).strip() for v in _D.findall(_element(record, name) or "")) if value]


def _record(path: Path, attrs: dict[str, str], record: str, line: int) -> Iterator[Article | Problem]:
    newid = attrs.get("NEWID", "").strip()
    if not newid.isdigit():
        yield Problem(str(path), "malformed record: no NEWID; skipped", line)
        return
    raw_date = clean(_element(record, "DATE") or "")
    date = parse_date(raw_date)
    if date is None:
        date = parse_day(raw_date)  # a story's day is worth keeping when only its time is garbled
        shown = repr(raw_date.strip()[:40])
        message = (f"story {newid}: bad date {shown}, left empty" if date is None else
                   f"story {newid}: bad time in date {shown}: kept the day {date:%Y-%m-%d}, time set to 00:00")
        yield Problem(str(path), message, line, skipped=False)
    text_block = _element(record, "TEXT") or ""
    type_match = _TEXT_TYPE.search(record)
    kind = type_match.group(1).upper() if type_match else "NORM"
    title = " ".join(re.sub(r"^[\s*]+", "", clean(_element(text_block, "TITLE") or "")).split())
    title = _SIGNATURE.sub("", title)  # some BRIEF titles end with the signature
    body = _element(text_block, "BODY")
    if body is not None:
        body = clean(body)
    elif kind == "UNPROC" or not title:  # raw text straight inside TEXT
        body = clean(_TAG.sub(" ", text_block))
    else:
        body = ""
    body = _SIGNATURE.sub("", body).strip()
    if kind == "BRIEF" or body.strip() == BRIEF_FILLER:
        body = ""
    if not title and body:
        title = shorten(next(ln for ln in body.splitlines() if ln.strip()), 120)
    dateline = " ".join(clean(_element(text_block, "DATELINE") or "").split())
    spill = _DATELINE_SPILL.match(dateline)
    if spill:  # the story's first words were typed into the dateline ("..., Feb 26 - Brazil's anti- ")
        dateline, lead = spill.group(1), spill.group(2)
        joined = re.search(r"\w-$", lead) is not None  # "anti-" + "inflation": one word
        body = lead + ("" if joined else " ") + body if body else lead
    dateline = dateline.rstrip("-").strip()
    tags = [prefix + value for name, prefix in CATEGORY_TAGS for value in _categories(record, name)]
    split = attrs.get("LEWISSPLIT", "").strip().lower()
    if split:
        tags.append(f"split:{split}")
    yield Article(id=newid, body=body, title=title, date=date, source="Reuters",
                  locations=tuple(_categories(record, "PLACES")), dateline=dateline, path=str(path), line=line,
                  tags=tuple(dict.fromkeys(tags)), authors=split_byline(clean(_element(text_block, "AUTHOR") or "")))
