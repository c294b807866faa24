"""One grammar for dates, shared by `date:` in queries and the --from/--to/--since options.

A date expression names a span of time, resolved against a base date ("today"):

    2021, 2021-07, 2021-07-07            that year, month or day
    2021-07-07T10:30[:15]                that minute (or second)
    today, yesterday, tomorrow           that day;  now: this moment
    this|last week|month|year            the calendar week (Monday first), month or year, or the one before
    past week|month|year                 the last 7 days / calendar month / calendar year, today included
    past|last N days|weeks|months|years  the same for N units; Nd, Nw, Nm, Ny are short for it
    N days|weeks|months|years ago        that one day
    -N days / +N hours / -2w             a moment that far from now (also minutes; `m` is months)

Spans are whole days unless a time is given: "past 7 days" and "7d" are today and the six days
before it, in a query and in --since alike. Months and years are calendar months and years
(2021-03-31 minus one month is 2021-02-28), never 30 or 365 days.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

RANGE_HELP = "dates run from 0001-01-01 to 9999-12-31"
FORMS_HELP = "use YYYY, YYYY-MM, YYYY-MM-DD, today, 7d, \"last week\", \"3 months ago\" or date:[FROM to TO]"
UNITS = {"minute": "minute", "min": "minute", "hour": "hour", "h": "hour", "day": "day", "d": "day",
         "week": "week", "w": "week", "month": "month", "m": "month", "year": "year", "y": "year"}


class DateError(ValueError):
    """A date expression that cannot be read, or falls outside the calendar; the message says which."""


@dataclass(frozen=True, slots=True)
class Span:
    """[start, end], both inclusive, timezone-aware UTC."""

    start: datetime
    end: datetime


_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2})(?:[t ](\d{1,2}):(\d{2})(?::(\d{2}))?)?)?)?$")
_UNIT = r"(minutes?|mins?|hours?|h|days?|d|weeks?|w|months?|m|years?|y)"
_CALENDAR = re.compile(r"^(this|current|last|previous|past)\s+(week|month|year)$")
_PAST_N = re.compile(rf"^(?:(?:past|last)\s+)?(\d+)\s*{_UNIT}$")
_AGO = re.compile(rf"^(\d+)\s*{_UNIT}\s+ago$")
_OFFSET = re.compile(rf"^([-+])\s*(\d+)\s*{_UNIT}$")


def start_of_day(moment: datetime) -> datetime:
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def end_of_day(moment: datetime) -> datetime:
    """The last microsecond of the day (computed in place: the next day may not exist)."""
    return moment.replace(hour=23, minute=59, second=59, microsecond=999999)


def add_months(moment: datetime, months: int) -> datetime:
    """Calendar months later (or earlier): the day is clamped to the month's length."""
    index = moment.year * 12 + moment.month - 1 + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise OverflowError("year out of range")
    return moment.replace(year=year, month=month + 1, day=min(moment.day, calendar.monthrange(year, month + 1)[1]))


def shift(moment: datetime, n: int, unit: str) -> datetime:
    """moment + n units (negative n: earlier); months and years by the calendar."""
    if unit == "month":
        return add_months(moment, n)
    if unit == "year":
        return add_months(moment, 12 * n)
    seconds = {"minute": 60, "hour": 3600, "day": 86_400, "week": 604_800}[unit]
    return moment + timedelta(seconds=seconds * n)


def _unit(word: str) -> str:
    word = word.lower()
    return UNITS.get(word) or UNITS[word.rstrip("s")]


def parse_span(text: str, basedate: datetime) -> Span:
    """The span a date expression names; raises DateError with a one-line reason."""
    phrase = " ".join(text.strip().lower().split())
    if not phrase:
        raise DateError(f"empty date; {FORMS_HELP}")
    try:
        span = _span(phrase, basedate.astimezone(timezone.utc) if basedate.tzinfo else
                     basedate.replace(tzinfo=timezone.utc))
    except DateError:
        raise
    except (OverflowError, ValueError):  # arithmetic that leaves the calendar
        raise DateError(f"date {text.strip()!r} is out of range ({RANGE_HELP})") from None
    if span is None:
        raise DateError(f"bad date {text.strip()!r}; {FORMS_HELP}")
    return span


def _span(phrase: str, now: datetime) -> Span | None:
    today = start_of_day(now)
    m = _ABSOLUTE.match(phrase)
    if m:
        return _absolute(m)
    if phrase in ("today", "yesterday", "tomorrow"):
        day = today + timedelta(days={"today": 0, "yesterday": -1, "tomorrow": 1}[phrase])
        return Span(day, end_of_day(day))
    if phrase == "now":
        return Span(now, now)
    m = _CALENDAR.match(phrase)
    if m:
        which, unit = m.groups()
        if which == "past":
            return Span(shift(today, -1, unit) + timedelta(days=1), end_of_day(today))
        if unit == "week":
            start = today - timedelta(days=today.weekday())
        elif unit == "month":
            start = today.replace(day=1)
        else:
            start = today.replace(month=1, day=1)
        if which in ("last", "previous"):
            start = shift(start, -1, unit)
        return Span(start, end_of_day(shift(start, 1, unit) - timedelta(days=1)))
    m = _PAST_N.match(phrase)
    if m:
        n, unit = int(m.group(1)), _unit(m.group(2))
        if unit in ("minute", "hour"):
            return Span(shift(now, -n, unit), now)
        return Span(shift(today, -n, unit) + timedelta(days=1), end_of_day(today))
    m = _AGO.match(phrase)
    if m:
        n, unit = int(m.group(1)), _unit(m.group(2))
        if unit in ("minute", "hour"):
            moment = shift(now, -n, unit)
            return Span(moment, moment)
        day = shift(today, -n, unit)
        return Span(day, end_of_day(day))
    m = _OFFSET.match(phrase)
    if m:
        sign, n, unit = m.group(1), int(m.group(2)), _unit(m.group(3))
        moment = shift(now, n if sign == "+" else -n, unit)
        return Span(moment, moment)
    return None


def _absolute(m: re.Match) -> Span:
    year, month, day, hour, minute, second = (int(g) if g else None for g in m.groups())
    if not 1 <= year <= 9999:
        raise DateError(f"year {year} is out of range ({RANGE_HELP})")
    try:
        start = datetime(year, month or 1, day or 1, hour or 0, minute or 0, second or 0, tzinfo=timezone.utc)
    except ValueError as exc:  # 2021-13-01, 2021-02-30: a day that does not exist is not another day
        raise DateError(f"bad date {m.group(0)!r} ({exc}); {FORMS_HELP}") from None
    if hour is not None:
        end = start.replace(second=59 if second is None else second, microsecond=999999)
    elif day is not None:
        end = end_of_day(start)
    elif month is not None:
        end = end_of_day(start.replace(day=calendar.monthrange(year, month)[1]))
    else:
        end = end_of_day(start.replace(month=12, day=31))
    return Span(start, end)


def option_bound(value: str, *, end: bool, basedate: datetime) -> datetime:
    """A --from/--since value is its span's start; a --to value its span's end."""
    span = parse_span(value, basedate)
    return span.end if end else span.start
