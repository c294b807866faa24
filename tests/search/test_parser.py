"""Query syntax: the tree the parser builds, one date grammar, errors that point at the problem."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit.errors import QuerySyntaxError
from searchkit.index.schema import build_schema
from searchkit.search import request as rq
from searchkit.search.dates import DateError, option_bound, parse_span
from searchkit.search.parser import parse
from searchkit.search.request import SearchRequest
from searchkit.search.whoosh_query import translate

BASE = datetime(2021, 7, 14, 15, 30, tzinfo=timezone.utc)  # a Wednesday
SCHEMA = build_schema()


def day(y, m, d, end=False):
    if end:
        return datetime(y, m, d, 23, 59, 59, 999999, tzinfo=timezone.utc)
    return datetime(y, m, d, tzinfo=timezone.utc)


def whoosh(text: str, **options) -> str:
    return str(translate(SearchRequest.build(text, basedate=BASE, **options), SCHEMA))


@pytest.mark.parametrize("phrase, start, end", [
    ("last week", day(2021, 7, 5), day(2021, 7, 11, True)),
    ("this week", day(2021, 7, 12), day(2021, 7, 18, True)),
    ("last month", day(2021, 6, 1), day(2021, 6, 30, True)),
    ("this month", day(2021, 7, 1), day(2021, 7, 31, True)),
    ("last year", day(2020, 1, 1), day(2020, 12, 31, True)),
    ("past 3 days", day(2021, 7, 12), day(2021, 7, 14, True)),
    ("7d", day(2021, 7, 8), day(2021, 7, 14, True)),
    ("past week", day(2021, 7, 8), day(2021, 7, 14, True)),
    ("2 weeks ago", day(2021, 6, 30), day(2021, 6, 30, True)),
    ("1m", day(2021, 6, 15), day(2021, 7, 14, True)),  # a calendar month, not 30 days
    ("3 months ago", day(2021, 4, 14), day(2021, 4, 14, True)),
    ("1y", day(2020, 7, 15), day(2021, 7, 14, True)),
    ("today", day(2021, 7, 14), day(2021, 7, 14, True)),
    ("2021", day(2021, 1, 1), day(2021, 12, 31, True)),
    ("2021-02", day(2021, 2, 1), day(2021, 2, 28, True)),
])
def test_date_spans(phrase, start, end):
    span = parse_span(phrase, BASE)
    assert (span.start, span.end) == (start, end)


def test_months_are_calendar_months():
    end_of_march = datetime(2021, 3, 31, 12, tzinfo=timezone.utc)
    assert parse_span("1 month ago", end_of_march).start == day(2021, 2, 28)  # clamped, not 30 days back
    assert parse_span("1m", end_of_march).start == day(2021, 3, 1)


def test_one_grammar_for_queries_and_options():
    # `7d` once meant whole days in a query and 168 hours before now in --since.
    in_query = parse("date:7d", basedate=BASE)
    assert option_bound("7d", end=False, basedate=BASE) == in_query.first == day(2021, 7, 8)
    assert option_bound("last week", end=True, basedate=BASE) == day(2021, 7, 11, True)
    assert option_bound("2021-02", end=True, basedate=BASE) == day(2021, 2, 28, True)
    assert option_bound("-7 days", end=False, basedate=BASE) == datetime(2021, 7, 7, 15, 30, tzinfo=timezone.utc)


@pytest.mark.parametrize("value", ["2021-13", "yesterdayish", "07/07/2021", "2021-02-30", "99999999d", "0000"])
def test_bad_dates(value):
    with pytest.raises(DateError):
        parse_span(value, BASE)


def test_the_tree_keeps_structure_fields_and_positions():
    tree = parse('taliban (kabul OR herat) NOT title:"prison gate"~2 loc:badghis^2', basedate=BASE)
    assert isinstance(tree, rq.Group)
    word, either, negated, place = tree.children
    assert word == rq.Word(text="taliban", start=0, end=7)
    assert isinstance(either, rq.Or) and [c.text for c in either.children] == ["kabul", "herat"]
    assert isinstance(negated, rq.Not)
    assert negated.child == rq.Phrase(text="prison gate", field="title", slop=2, start=29, end=50)
    assert place == rq.Word(text="badghis", field="location", boost=2.0, start=51, end=64)


def test_operators_bind_as_whoosh_read_them():
    # side by side is loosest, then OR, then AND
    tree = parse("a b OR c AND d", basedate=BASE)
    assert isinstance(tree, rq.Group)
    assert isinstance(tree.children[1], rq.Or) and isinstance(tree.children[1].children[1], rq.And)


def test_a_minus_before_a_word_phrase_bracket_or_field_is_not():
    for text in ("debate -trump", 'debate -"donald trump"', "debate -(trump OR clinton)", "debate -speaker:trump"):
        tree = parse(text, basedate=BASE)
        assert isinstance(tree, rq.Group) and isinstance(tree.children[1], rq.Not), text
    assert parse("debate -trump", basedate=BASE).children[1].child.text == "trump"
    # not a negation: hyphenated words, negative numbers, a lone dash
    for text in ("anti-war protest", "growth -0.5%", "a - b"):
        tree = parse(text, basedate=BASE)
        assert not any(isinstance(c, rq.Not) for c in getattr(tree, "children", (tree,))), text


def test_patterns_and_every_story():
    assert parse("*", basedate=BASE) == rq.MatchAll(start=0, end=1)
    assert parse("escap*", basedate=BASE).prefix == "escap"
    assert parse("wom?n", basedate=BASE).prefix is None


@pytest.mark.parametrize("text, position, token, needle", [
    ('"unclosed', 0, '"unclosed', "unclosed quote at column 1"),
    ("taliban (kabul OR herat", 8, "(", "unclosed '(' at column 9"),
    ("taliban)", 7, ")", "unmatched ')' at column 8"),
    ("colour:red", 0, "colour", "unknown field 'colour' at column 1"),
    ("kabul date:2021-13-45", 11, "2021-13-45", "bad date"),
    ("kabul AND", 6, "AND", "AND needs a word"),
    ("OR kabul", 0, "OR", "OR needs a word"),
    ("", 0, "", "empty query"),
])
def test_errors_carry_position_and_token(text, position, token, needle):
    with pytest.raises(QuerySyntaxError) as err:
        parse(text, basedate=BASE)
    assert (err.value.position, err.value.token) == (position, token)
    assert needle in str(err.value) and "\n" not in str(err.value)


def test_relative_dates_in_queries():
    assert "day:[20210705 TO 20210711]" in whoosh('date:"last week"')
    assert whoosh("date:today") == whoosh("date:2021-07-14")


def test_aliases_and_fields():
    assert "location:kabul" in whoosh("loc:kabul")
    assert "speaker:shams" in whoosh("by:shams")
    assert "quote:enemi" in whoosh("said:enemy")  # stemmed like the body


def test_phrase_keeps_stop_words():
    assert 'body:"the enemy has entered the city"' in whoosh('"the enemy has entered the city"')


@pytest.mark.parametrize("text, expected", [
    ("date:[1987-03-01 to 1987-03-31]", "month:1987-03"),
    ("date:2021", "year:2021"),
    ("date:[2020-12-15 to 2022-02-03]",
     "(day:[20201215 TO 20201231] OR year:2021 OR month:2022-01 OR day:[20220201 TO 20220203])"),
    ("date:>2021-07-01", "day:[20210702 TO 99991231]"),  # after that day
    ("date:>=2021-07-01", "day:[20210701 TO 99991231]"),
    ("date:<2021-07-01", "day:[00010101 TO 20210630]"),
])
def test_whole_day_ranges_become_calendar_terms(text, expected):
    assert whoosh(text) == expected


def test_ranges_finer_than_a_day_stay_numeric():
    assert whoosh("date:[-7 days to now]").startswith("date:[")


@pytest.mark.parametrize("text, bad", [
    ("date:[2021-13-01 to 2021-13-05]", "2021-13-01"),
    ("taliban date:[2021-02-29 to 2021-03-05]", "2021-02-29"),
    ("date:2021-04-31", "2021-04-31"),
    ("date:[2021-07-01 to 2021-07-32]", "2021-07-32"),
])
def test_impossible_calendar_dates_are_errors_not_other_dates(text, bad):
    with pytest.raises(QuerySyntaxError, match=bad):
        parse(text, basedate=BASE)


def test_date_clauses_joined_by_and_are_lifted_into_the_date_span():
    request = SearchRequest.build("taliban date:2021-07", basedate=BASE)
    span, rest = request.date_span()
    assert span == (day(2021, 7, 1), day(2021, 7, 31, True)) and rest == rq.Word(text="taliban", start=0, end=7)
    either = SearchRequest.build("taliban OR date:2021-07", basedate=BASE)
    assert either.date_span() == (None, either.query)  # an alternative is not a filter
    only = SearchRequest.build("date:2021-07", basedate=BASE)
    assert only.date_span() == (None, only.query)  # nothing else to filter: the index answers it as terms


@pytest.mark.parametrize("text, position", [
    ("title:", 6), ("speaker:", 8), ("oil title:", 10), ("title: oil", 6), ("(oil title:)", 11),
    ('title:""', 6), ("location:,", 9), ("oil by:", 7), ("speaker: AND oil", 8),
])
def test_a_field_without_a_value_is_an_error_pointing_after_its_colon(text, position):
    with pytest.raises(QuerySyntaxError) as err:
        parse(text, basedate=BASE)
    assert err.value.position == position
    assert "needs a value" in str(err.value) and "\n" not in str(err.value)


def test_a_word_ending_in_a_colon_that_is_no_field_stays_a_word():
    assert parse("note: oil", basedate=BASE) == rq.Group(children=(
        rq.Word(text="note:", start=0, end=5), rq.Word(text="oil", start=6, end=9)), start=0, end=9)


@pytest.mark.parametrize("text", ["opec date:[1987-10 to 1987-03]", "date:[1987-10 to 1987-03]",
                                  "date:{2021-07-02 to 2021-07-01}"])
def test_a_reversed_date_range_is_an_error_not_an_empty_search(text):
    with pytest.raises(QuerySyntaxError) as err:
        parse(text, basedate=BASE)
    assert "ends before it starts" in str(err.value)
    assert err.value.position == text.index("date:") + 5


def test_a_range_of_one_month_is_not_reversed():
    node = parse("date:[1987-03 to 1987-03]", basedate=BASE)
    assert (node.first, node.last) == (datetime(1987, 3, 1, tzinfo=timezone.utc),
                                       datetime(1987, 3, 31, 23, 59, 59, 999999, tzinfo=timezone.utc))
