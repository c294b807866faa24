"""The date a story states in its own text, for stories whose source gives none. Never a guessed year.

A wrong date is worse than none, so only these count (the day as the story writes it, stored as
midnight UTC; times and time zones are ignored):

1. A labelled publication date: a line, or a `|`-separated part of one, that is nothing but
   "Published", "Posted", "First published", "Originally published" or "Date:" and a full date,
   with at most a weekday, a time and a zone around it ("Published: 12 March 2016",
   "Posted on March 12, 2016 by admin", "PUBLISHED: 10:48, Tue, Nov 19, 2019"); the label may stand
   alone on the line before its date, as text copied from a web page has it. Looked for in the first
   25 and the last 8 lines. Two different labelled publication dates cancel each other out.
2. A dateline that gives a full date ("WASHINGTON, Sept. 12, 2016 -").
3. A dateline (or a labelled publication date) with month and day only ("KABUL, July 7") when the
   year is known from the story itself or its metadata, in this order:
   - the year the metadata gives (a table row whose date is only a year or a month);
   - an "Updated"/"Last modified" date: the year that puts the day on or up to 31 days before it
     (a story updated on 2 January 2017 with the dateline "Dec. 30" is from 2016);
   - a copyright notice with one year ("Copyright 2016 The Associated Press") in the last three
     lines, as wire copy ends: the year it was filed. A range ("(c) 2005-2019") is a site's, not
     the story's, and does not count.
Dates in sentences ("on March 2, 1987 the bank said"), years named in the text, numeric dates
(03/12/2016 is 3 December in London), and "Updated" dates on their own never date a story. Nor
does a line that is nothing but a date under the headline ("Nov. 19, 2019 8:03 am ET"): on saved
web pages such lines were the publication day 57 times in 60, but 3 were a later "modified" date
shown without a label (bench/metadata_bench.py at commit 0f3a889), and a wrong date is worse than none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

MONTHS = {name: n for n, names in enumerate(
    ("jan january", "feb february", "mar march", "apr april", "may", "jun june", "jul july", "aug august",
     "sep sept september", "oct october", "nov november", "dec december"), start=1) for name in names.split()}
_MONTH = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|" \
         r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?:1[89]\d\d|20\d\d|2100)"
# One date: "March 12, 2016", "Nov. 20 2019", "12 March 2016", "20 Nov, 2019", "2016-03-12"; year optional
_DATE = re.compile(
    rf"(?P<m1>{_MONTH})\.?\s+(?P<d1>{_DAY})\b(?:,?\s+(?P<y1>{_YEAR})\b)?"
    rf"|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{_MONTH})\b\.?,?(?:\s+(?P<y2>{_YEAR})\b)?"
    rf"|(?P<y3>{_YEAR})-(?P<m3>0[1-9]|1[0-2])-(?P<d3>0[1-9]|[12]\d|3[01])(?=$|[T\s])",
    re.I)
# What may surround a date on a line that is only a date: weekday, time, zone, "at", separators
_FILLER = re.compile(
    r"(?:\s|[,|/\u2022\u00b7()\[\]:@-]|\u2013|\u2014"
    r"|\b(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\b\.?"
    r"|\b\d{1,2}(?:[:.]\d\d){1,2}\s*(?:[ap]\.?\s?m\b\.?)?|\b\d{1,2}\s*[ap]\.?\s?m\b\.?"
    r"|T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?"
    r"|\b(?:at|on|utc|gmt|bst|cet|cest|et|est|edt|ct|cst|cdt|mt|mst|mdt|pt|pst|pdt|ist|jst|aest|z)\b"
    r"|[+-]\d{4}\b)*", re.I)
_PUBLISHED = re.compile(r"^(?:(?:First|Originally|FIRST|ORIGINALLY)\s+)?(?:[Pp]ublished|PUBLISHED|[Pp]osted|POSTED)"
                        r"(?:\s+(?:on|at|ON|AT))?\s*:?\s*|^(?:Date|DATE)\s*:\s*")
_UPDATED = re.compile(r"^(?:(?:Last|LAST)\s+)?(?:[Uu]pdated|UPDATED|[Mm]odified|MODIFIED)(?:\s+(?:on|at|ON|AT))?\s*:?\s*")
_PARTS = re.compile(r"\s*[|\u2022\u00b7]\s*")
_TRAILING_BY = re.compile(r"\s+by(?:\s+\S.*)?$", re.I)  # "Posted on March 12, 2016 by admin"
_COPYRIGHT = re.compile(rf"(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?({_YEAR})\b(?!\s*[-\u2013/]\s*\d)", re.I)
_COPYRIGHT_RANGE = re.compile(rf"(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?{_YEAR}\s*[-\u2013/]\s*\d", re.I)
_DATELINE_DATE = re.compile(rf",\s*(?P<m>{_MONTH})\.?\s+(?P<d>{_DAY})\b(?:,?\s+(?P<y>{_YEAR})\b)?", re.I)
HEAD_LINES = 25
TAIL_LINES = 8
UPDATE_WINDOW_DAYS = 31


@dataclass(frozen=True)
class Stated:
    """A date as the text gives it: year may be None ("July 7")."""

    year: int | None
    month: int
    day: int

    def on(self, year: int) -> date | None:
        """This month and day in a year, None when the day does not exist then (29 February)."""
        try:
            return date(year, self.month, self.day)
        except ValueError:
            return None

    def full(self) -> date | None:
        return self.on(self.year) if self.year else None


@dataclass(frozen=True)
class Found:
    """A story's date and the evidence for it (for `show` and the benchmark)."""

    date: datetime
    how: str  # published | dateline | dateline+metadata | dateline+updated | dateline+copyright


def _stated(m: re.Match) -> Stated:
    g = m.groupdict()
    for i in "123":
        if g[f"d{i}"]:
            month = g[f"m{i}"]
            month = int(month) if month.isdigit() else MONTHS[month.lower().rstrip(".")]
            year = g[f"y{i}"]
            return Stated(int(year) if year else None, month, int(re.match(r"\d+", g[f"d{i}"]).group()))
    raise ValueError("no date in match")  # pragma: no cover - the pattern always fills one branch


def only_date(text: str) -> Stated | None:
    """The date when a piece of text is nothing but one date with weekday/time/zone around it."""
    text = _TRAILING_BY.sub("", text.strip())
    start = _FILLER.match(text).end()
    m = _DATE.match(text, start)
    if not m:
        return None
    rest = _FILLER.match(text, m.end()).end()
    return _stated(m) if rest == len(text) else None


def _labelled(lines: list[str]) -> tuple[list[Stated], list[Stated]]:
    """(publication dates, update dates) given by labelled lines or parts of lines."""
    published: list[Stated] = []
    updated: list[Stated] = []
    for i, line in enumerate(lines):
        parts = [p for p in _PARTS.split(line.strip()) if p]
        for n, part in enumerate(parts):
            for label, out in ((_PUBLISHED, published), (_UPDATED, updated)):
                m = label.match(part)
                if not m:
                    continue
                rest = part[m.end():]
                if not rest.strip() and n == len(parts) - 1 and i + 1 < len(lines):
                    rest = _PARTS.split(lines[i + 1].strip())[0]  # the label alone, its date below
                found = only_date(rest)
                if found:
                    out.append(found)
                break
    return published, updated


def _agreed(dates: list[Stated]) -> Stated | None:
    """The one date all these give, None when there is none or they disagree."""
    distinct = set(dates)
    return distinct.pop() if len(distinct) == 1 else None


def dateline_date(dateline: str) -> Stated | None:
    """The month and day (and year, if given) of a dateline: "SALVADOR, Feb 26" -> Feb 26."""
    m = _DATELINE_DATE.search(dateline or "")
    if not m:
        return None
    day = int(re.match(r"\d+", m.group("d")).group())
    return Stated(int(m.group("y")) if m.group("y") else None, MONTHS[m.group("m").lower()], day)


def _copyright_year(tail: list[str]) -> int | None:
    years = set()
    for line in tail:
        if _COPYRIGHT_RANGE.search(line):
            return None
        years.update(int(y) for y in _COPYRIGHT.findall(line))
    return years.pop() if len(years) == 1 else None


def _within_update(stated: Stated, updated: date) -> date | None:
    """The day on or up to UPDATE_WINDOW_DAYS before an update date, in its year or the one before."""
    for year in (updated.year, updated.year - 1):
        day = stated.on(year)
        if day is not None and 0 <= (updated - day).days <= UPDATE_WINDOW_DAYS:
            return day
    return None


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc)


def find_date(text: str, dateline: str = "", *, year: int | None = None) -> Found | None:
    """The date a story's text states, with how it was found; None when it states none for certain.

    year: the publication year the metadata gives; it dates a month and day, and a stated date of
    another year is a contradiction that leaves the story undated.
    """
    found = _find(text, dateline, year)
    if found is not None and year is not None and found.date.year != year:
        return None
    return found


def _find(text: str, dateline: str, year: int | None) -> Found | None:
    head = text.split("\n", HEAD_LINES)  # only the opening and closing lines are read
    rest = head.pop() if len(head) > HEAD_LINES else ""
    tail = rest.rsplit("\n", TAIL_LINES)[-TAIL_LINES:] if rest else []
    lines = head + tail
    published, updated = _labelled(lines)
    pub = _agreed(published) if published else None
    if published and pub is None:
        return None  # two publication dates: no telling which one is right
    if pub is not None and pub.full():
        return Found(_midnight(pub.full()), "published")
    stated = pub or dateline_date(dateline)
    if stated is None:
        return None
    if stated.full():
        return Found(_midnight(stated.full()), "dateline")
    if year is not None:
        return _on(stated, year, "dateline+metadata")
    update = _agreed([u for u in updated if u.full()])
    if update is not None:
        day = _within_update(stated, update.full())
        return Found(_midnight(day), "dateline+updated") if day else None
    copyright_year = _copyright_year([line for line in lines[-TAIL_LINES:] if line.strip()][-3:])
    if copyright_year is not None:
        return _on(stated, copyright_year, "dateline+copyright")
    return None


def _on(stated: Stated, year: int, how: str) -> Found | None:
    day = stated.on(year)
    return Found(_midnight(day), how) if day else None


def date_from_text(text: str, dateline: str = "", *, year: int | None = None) -> datetime | None:
    """Just the date of `find_date` (midnight UTC of the stated day), or None."""
    found = find_date(text, dateline, year=year)
    return found.date if found else None


__all__ = ["Found", "Stated", "dateline_date", "date_from_text", "find_date", "only_date"]
