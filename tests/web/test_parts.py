"""The web layer's pieces on their own: the chart's geometry, the form's URLs and clauses, snippet markup."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from starlette.datastructures import QueryParams

from searchkit.search import request as rq
from searchkit.web.chart import PLOT_BOTTOM, PLOT_TOP, WIDTH, timeline
from searchkit.web.forms import FormError, SearchForm, article_link, filter_clause
from searchkit.web.guard import host_name
from searchkit.web.markup import highlighted, web_url

TODAY = datetime(2022, 9, 1, tzinfo=timezone.utc)


def link(key: str) -> str:
    return f"/?from={key}&to={key}"


def test_months_with_gaps_drawn_evenly():
    chart = timeline([("2021-01", 4), ("2021-04", 2)], [("2021", 6)], link)
    assert chart.unit == "month" and [b.label for b in chart.bars] == ["2021-01", "2021-02", "2021-03", "2021-04"]
    assert [b.count for b in chart.bars] == [4, 0, 0, 2]
    assert [b.href for b in chart.bars] == [link("2021-01"), None, None, link("2021-04")]
    first, _, _, last = chart.bars
    assert first.height == PLOT_BOTTOM - PLOT_TOP and last.height == pytest.approx(first.height / 2)
    assert all(0 <= b.left and b.left + b.slot <= WIDTH + 0.01 and b.x >= b.left for b in chart.bars)
    assert chart.first == "January 2021" and chart.last == "April 2021" and chart.peak == 4
    assert first.title == "January 2021: 4 stories"


def test_long_spans_are_drawn_in_years():
    chart = timeline([("1990-01", 1), ("2000-06", 3)], [("1990", 1), ("2000", 3)], link)
    assert chart.unit == "year" and len(chart.bars) == 11 and chart.bars[-1].href == link("2000")
    assert timeline([], [], link) is None
    assert timeline([("undated", 3)], [], link) is None


def test_a_single_story_still_shows():
    chart = timeline([("2021-01", 1000), ("2021-02", 1)], [], link)
    assert chart.bars[1].height >= 1.5


def form(**params) -> SearchForm:
    return SearchForm.parse(QueryParams(params))


def test_form_urls_round_trip_and_reset_the_page():
    f = form(q="prison escape", country="Afghanistan", sort="newest", page="3", **{"from": "2021"})
    again = SearchForm.parse(QueryParams(f.params()))
    assert again == f
    assert "page" not in f.url() and "page=2" in f.url(page=2)
    added = SearchForm.parse(QueryParams(f.adding("source", "Islam Times").split("?", 1)[1]))
    assert added.filters == (("country", "Afghanistan"), ("source", "Islam Times")) and added.page == 1
    assert SearchForm.parse(QueryParams(f.removing("country", "Afghanistan").split("?", 1)[1])).filters == ()


def test_facet_values_become_clauses_anded_to_the_query():
    request = form(q="prison", country="United States, of Somewhere", speaker="Hessamuddin Shams",
                   year="2021").request(today=TODAY)
    assert isinstance(request.query, rq.And)
    typed, country, speaker, year = request.query.children
    assert typed == rq.Word(text="prison", start=0, end=6)
    assert country == rq.Word(field="country", text="United States  of Somewhere")  # a comma is no "or" here
    assert speaker == rq.Phrase(field="speaker", text="Hessamuddin Shams")
    assert isinstance(year, rq.DateRange) and year.first.year == year.last.year == 2021
    span, _rest = request.date_span()
    assert span[0] == datetime(2021, 1, 1, tzinfo=timezone.utc)  # the year filters like --from/--to
    assert filter_clause("tag", "acq") == rq.Word(field="tag", text="acq")
    browsing = form(country="Mexico").request(today=TODAY)
    assert browsing.sort == "date" and browsing.text == "*"


def test_form_refuses_what_it_cannot_use():
    for params, message in (({"page": "-1"}, "page"), ({"sort": "best"}, "sort"), ({"year": "19x7"}, "year"),
                            ({"q": "x" * 1001}, "q is too long"), ({"country": "x" * 201}, "country is too long")):
        with pytest.raises(FormError, match=message):
            form(**params)
    with pytest.raises(FormError, match="from:"):
        form(q="x", **{"from": "the day after"}).request(today=TODAY)


def test_ids_travel_as_one_parameter():
    assert article_link("a/b?c=d#e", "x y") == "/article?id=a%2Fb%3Fc%3Dd%23e&q=x+y"
    assert article_link("plain", "*") == "/article?id=plain"


def test_snippet_markup_keeps_only_the_marks():
    assert highlighted("a <b>prison</b> &lt;script&gt; &amp; b") == "a <mark>prison</mark> &lt;script&gt; &amp; b"
    assert highlighted("<b>open") == "<mark>open</mark>"
    assert highlighted("close</b> <i>x</i>") == "close &lt;i&gt;x&lt;/i&gt;"
    assert highlighted('&quot;onmouseover=&quot;') == "&#34;onmouseover=&#34;"
    assert highlighted(None) == ""
    assert web_url("https://example.org/a") == "https://example.org/a"
    assert web_url("javascript:alert(1)") is None and web_url("data:text/html,x") is None


def test_host_names():
    assert host_name("localhost:8080") == "localhost"
    assert host_name("[::1]:8080") == "::1"
    assert host_name("127.0.0.1") == "127.0.0.1"
    assert host_name("::1") == "::1"
