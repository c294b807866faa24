"""Query syntax: relative dates, periods, errors that point at the problem."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit.errors import QuerySyntaxError
from searchkit.index.schema import build_schema
from searchkit.search.parser import parse_day, parse_query, relative_span

BASE = datetime(2021, 7, 14, 15, 30, tzinfo=timezone.utc)  # a Wednesday
SCHEMA = build_schema()


def day(y, m, d, end=False):
    if end:
        return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=timezone.utc)
    return datetime(y, m, d, tzinfo=timezone.utc)


@pytest.mark.parametrize("phrase, start, end", [
    ("last week", day(2021, 7, 5), day(2021, 7, 11, True)),
    ("this week", day(2021, 7, 12), day(2021, 7, 18, True)),
    ("last month", day(2021, 6, 1), day(2021, 6, 30, True)),
    ("this month", day(2021, 7, 1), day(2021, 7, 31, True)),
    ("last year", day(2020, 1, 1), day(2020, 12, 31, True)),
    ("past 3 days", day(2021, 7, 12), day(2021, 7, 14, True)),
    ("7d", day(2021, 7, 8), day(2021, 7, 14, True)),
    ("2 weeks ago", day(2021, 6, 30), day(2021, 6, 30, True)),
])
def test_relative_spans(phrase, start, end):
    assert relative_span(phrase, BASE) == (start, end)


def test_relative_span_ignores_absolute_dates():
    assert relative_span("2021-07-07", BASE) is None


def test_relative_dates_in_queries_become_ranges():
    q = parse_query('date:"last week" taliban', SCHEMA, basedate=BASE)
    assert "day:[20210705 TO 20210711]" in str(q) and "taliban" in str(q)
    assert str(parse_query("date:today", SCHEMA, basedate=BASE)) == str(
        parse_query("date:2021-07-14", SCHEMA, basedate=BASE))


@pytest.mark.parametrize("value, end, expected", [
    ("2021", False, day(2021, 1, 1)),
    ("2021", True, day(2021, 12, 31, True)),
    ("2021-02", True, day(2021, 2, 28, True)),
    ("2021-07-07", False, day(2021, 7, 7)),
    ("7d", False, datetime(2021, 7, 7, 15, 30, tzinfo=timezone.utc)),
    ("last week", False, day(2021, 7, 5)),
])
def test_parse_day(value, end, expected):
    assert parse_day(value, end=end, basedate=BASE) == expected


@pytest.mark.parametrize("value", ["2021-13", "yesterdayish", "07/07/2021", "2021-02-30"])
def test_parse_day_errors(value):
    with pytest.raises(QuerySyntaxError):
        parse_day(value, basedate=BASE)


@pytest.mark.parametrize("text, needle", [
    ('"unclosed', "unclosed quote at column 1"),
    ("taliban (kabul OR herat", "unclosed '(' at column 9"),
    ("taliban)", "unmatched ')' at column 8"),
    ("colour:red", "unknown field 'colour' at column 1"),
    ("date:2021-13-45", "bad date"),
    ("", "empty query"),
])
def test_errors_point_at_the_problem_and_show_syntax(text, needle):
    with pytest.raises(QuerySyntaxError) as err:
        parse_query(text, SCHEMA, basedate=BASE)
    assert needle in str(err.value)
    assert "syntax:" in str(err.value) or "YYYY-MM-DD" in str(err.value) or "empty" in str(err.value)


def test_aliases_and_fields():
    assert "location:kabul" in str(parse_query("loc:kabul", SCHEMA, basedate=BASE))
    assert "speaker:shams" in str(parse_query("by:shams", SCHEMA, basedate=BASE))
    assert "quote:enemi" in str(parse_query("said:enemy", SCHEMA, basedate=BASE))  # stemmed like the body


def test_phrase_keeps_stop_words():
    q = parse_query('"the enemy has entered the city"', SCHEMA, basedate=BASE)
    assert "body_exact:\"the enemy has entered the city\"" in str(q)


@pytest.mark.parametrize("text, expected", [
    ("date:[1987-03-01 to 1987-03-31]", "month:1987-03"),
    ("date:2021", "year:2021"),
    ("date:[2020-12-15 to 2022-02-03]",
     "(day:[20201215 TO 20201231] OR year:2021 OR month:2022-01 OR day:[20220201 TO 20220203])"),
    ("date:>2021-07-01", "day:[20210701 TO 99991231]"),
])
def test_whole_day_ranges_become_calendar_terms(text, expected):
    assert str(parse_query(text, SCHEMA, basedate=BASE)) == expected


def test_ranges_finer_than_a_day_stay_numeric():
    assert str(parse_query("date:[-7 days to now]", SCHEMA, basedate=BASE)).startswith("date:[")


@pytest.mark.parametrize("text, bad", [
    ("date:[2021-13-01 to 2021-13-05]", "2021-13-01"),
    ("taliban date:[2021-02-29 to 2021-03-05]", "2021-02-29"),
    ("date:2021-04-31", "2021-04-31"),
    ("date:[2021-07-01 to 2021-07-32]", "2021-07-32"),
])
def test_impossible_calendar_dates_are_errors_not_other_dates(text, bad):
    # Whoosh's date parser reads 2021-13-01 as the year 2021; the user meant a day that does not exist.
    with pytest.raises(QuerySyntaxError, match=bad):
        parse_query(text, SCHEMA, basedate=BASE)


def test_star_alone_is_every_story_and_combines_with_filters():
    from whoosh import query

    assert isinstance(parse_query("*", SCHEMA, basedate=BASE), query.Every)
    both = parse_query("* date:[2021-07-01 to 2021-07-31]", SCHEMA, basedate=BASE)
    assert any(isinstance(leaf, query.Every) for leaf in both.children())
