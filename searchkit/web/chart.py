"""Matches over time as SVG geometry, computed on the server: no script, no chart library, no fonts fetched.

Months when the matches span up to four years, else years; empty months or years in between are
drawn as gaps, so the time axis is even. Each bar links to the search narrowed to its month or year.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from typing import Callable

WIDTH, HEIGHT = 640, 140
PLOT_TOP, PLOT_BOTTOM = 18, 112  # the bars' band; labels above and below it
MAX_MONTHS = 48
MAX_BAR = 48  # a few periods still look like bars, not blocks
MAX_YEARS = 400

_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"\d{4}")


@dataclass(frozen=True)
class Bar:
    label: str  # what the bar counts: "1987-03" or "1987"
    title: str  # its tooltip: "March 1987: 1,234 stories"
    count: int
    x: float
    y: float
    width: float
    height: float
    left: float  # the clickable slot: from here, `slot` wide
    slot: float
    href: str | None  # the search narrowed to this month or year (None when empty)


@dataclass(frozen=True)
class Chart:
    bars: list[Bar]
    unit: str  # "month" or "year"
    peak: int
    first: str
    last: str
    width: int = WIDTH
    height: int = HEIGHT
    plot_top: int = PLOT_TOP
    plot_bottom: int = PLOT_BOTTOM


def _stories(n: int) -> str:
    return f"{n:,} {'story' if n == 1 else 'stories'}"


def _months(counts: list[tuple[str, int]]) -> list[tuple[str, str, int]] | None:
    """(key, label, count) for every month from the first to the last, or None when they span too long."""
    found = {}
    for key, n in counts:
        m = _MONTH.fullmatch(key)
        if m and 1 <= int(m.group(2)) <= 12:
            found[(int(m.group(1)), int(m.group(2)))] = found.get((int(m.group(1)), int(m.group(2))), 0) + n
    if not found:
        return None
    (y0, m0), (y1, m1) = min(found), max(found)
    if (y1 - y0) * 12 + m1 - m0 >= MAX_MONTHS:
        return None
    out = []
    year, month = y0, m0
    while (year, month) <= (y1, m1):
        out.append((f"{year:04d}-{month:02d}", f"{calendar.month_name[month]} {year}", found.get((year, month), 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


def _years(counts: list[tuple[str, int]]) -> list[tuple[str, str, int]]:
    found = {int(k): n for k, n in counts if _YEAR.fullmatch(k)}
    if not found:
        return []
    first, last = min(found), max(found)
    keys = range(first, last + 1) if last - first < MAX_YEARS else sorted(found)
    return [(f"{y:04d}", f"{y:04d}", found.get(y, 0)) for y in keys]


def timeline(months: list[tuple[str, int]], years: list[tuple[str, int]],
             link: Callable[[str], str]) -> Chart | None:
    """The chart of month (or year) counts; `link(key)` gives the URL narrowed to that period. None: no dates."""
    series = _months(months)
    unit = "month"
    if series is None:
        series, unit = _years(years), "year"
    if not series or not any(n for _k, _l, n in series):
        return None
    peak = max(n for _k, _l, n in series)
    slot = WIDTH / len(series)
    gap = min(slot * 0.2, 4.0) if slot > 3 else 0.0
    band = PLOT_BOTTOM - PLOT_TOP
    bars = []
    for i, (key, label, n) in enumerate(series):
        height = band * n / peak if n else 0.0
        if n and height < 1.5:  # a story or two still shows
            height = 1.5
        width = min(max(slot - gap, 0.5), MAX_BAR)
        bars.append(Bar(label=key, title=f"{label}: {_stories(n)}", count=n, x=round(i * slot + (slot - width) / 2, 2),
                        y=round(PLOT_BOTTOM - height, 2), width=round(width, 2),
                        height=round(height, 2), left=round(i * slot, 2), slot=round(slot, 2), href=link(key) if n else None))
    return Chart(bars=bars, unit=unit, peak=peak, first=series[0][1], last=series[-1][1])
