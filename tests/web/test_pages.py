"""The pages through Starlette's test client: search, facets, chart, article, quotations, errors."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

from .conftest import SEED_ID, URL_ID


class Links(HTMLParser):
    """Every link (href and text) and every element with a class, from a page."""

    def __init__(self, html: str):
        super().__init__()
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self._href, self._text = dict(attrs).get("href"), []

    def handle_data(self, data):
        if self._href is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._text).split())))
            self._href = None


def link_to(html: str, text: str, inside: str | None = None) -> str:
    """The href of the link whose text starts with `text` (in the part of the page after `inside`)."""
    if inside is not None:
        html = html[html.index(inside):]
    for href, shown in Links(html).links:
        if shown.startswith(text):
            return href
    raise AssertionError(f"no link {text!r}")


def hits(html: str) -> int:
    return html.count('<li class="hit">')


def test_search_lists_highlighted_hits_with_their_facts(client):
    r = client.get("/", params={"q": "prison escape"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    html = r.text
    assert hits(html) == 4
    assert "<mark>prison</mark>" in html and "<mark>escaped</mark>" in html
    assert "Helicopter prison escape near Paris ends in arrest" in html
    assert "Harbour Gazette" in html and "by <span class=\"authors\">Ana Ribeiro</span>" in html
    assert "Manaus, Brazil" in html  # places
    assert "Quoted: Hessamuddin Shams" in html  # speakers
    assert "<strong>4</strong> stories" in html and "1 near-duplicate folded in" in html
    # the Mexican story's copy is folded under it
    start = html.index('<details class="duplicates">')
    folded = html[start:html.index("</details>", start)]
    assert "<summary>+1 near-duplicate</summary>" in folded and "Northern Courier" in folded
    assert link_to(folded, "Inmates tunnel out") == "/article?id=world%2Fmexico-tunnel-copy&q=prison+escape"
    assert html.count('<details class="duplicates">') == 1


def test_a_country_facet_narrows_the_list_and_can_be_removed(client):
    html = client.get("/", params={"q": "prison escape"}).text
    facet = link_to(html, "Afghanistan", inside='data-facet="country"')
    assert dict(parse_qsl(urlsplit(facet).query)) == {"q": "prison escape", "country": "Afghanistan"}
    narrowed = client.get(facet).text
    assert hits(narrowed) == 1 and SEED_ID in narrowed
    assert "Country: Afghanistan" in narrowed  # the filter, shown to be removed
    assert hits(client.get(link_to(narrowed, "Country: Afghanistan")).text) == 4
    # a second facet narrows further; a name facet matches the whole name
    by_source = client.get("/", params={"q": "prison", "source": "Atlas Wire"}).text
    assert hits(by_source) == 2 and "Prison officers strike" not in by_source
    assert hits(client.get("/", params={"q": "prison", "source": "Atlas Wire", "country": "France"}).text) == 1
    assert hits(client.get("/", params={"q": "prison", "year": "2019"}).text) == 1


def test_every_facet_is_offered(client):
    html = client.get("/", params={"q": "prison OR vote OR floods"}).text
    shown = set(re.findall(r'data-facet="(\w+)"', html))
    assert {"country", "place", "source", "speaker", "author", "year"} <= shown
    html = client.get("/", params={"q": "zanzibar"}).text
    assert 'data-facet="tag"' in html


def test_the_chart_counts_matches_per_month_and_narrows_to_one(client):
    html = client.get("/", params={"q": "prison"}).text
    svg = html[html.index("<svg"):html.index("</svg>")]
    periods = re.findall(r'data-period="([\d-]+)"', svg)
    assert periods[0] == "2019-11" and "2021-07" in periods  # months with matches, linked
    assert "November 2019: 1 story" in svg or "November 2019: 2 stories" in svg
    href = link_to(svg, "November 2019")
    assert dict(parse_qsl(urlsplit(href).query)) == {"q": "prison", "from": "2019-11", "to": "2019-11"}
    narrowed = client.get(href).text
    assert hits(narrowed) == 1 and "Culiacan" in narrowed
    assert "Dates: 2019-11 to 2019-11" in narrowed


def test_sort_and_pages(client):
    newest = client.get("/", params={"q": "prison", "sort": "newest"}).text
    dates = re.findall(r'<time datetime="([\d-]+)">', newest)
    assert dates == sorted(dates, reverse=True) and len(dates) >= 4
    oldest = client.get("/", params={"q": "prison", "sort": "oldest"}).text
    assert re.findall(r'<time datetime="([\d-]+)">', oldest) == sorted(dates)
    assert "<strong>oldest</strong>" in oldest
    # browsing without words: every story, newest first, ten a page
    first = client.get("/", params={"source": "Atlas Wire"}).text
    assert hits(first) == 3
    everything = client.get("/", params={"from": "2000"}).text
    assert "page 1 of 1" in everything
    assert hits(client.get("/", params={"q": "*", "page": "2"}).text) == 0


def test_did_you_mean_links_the_corrected_search(client):
    html = client.get("/", params={"q": "prisson escpe", "country": "France"}).text
    assert hits(html) == 1  # nothing as typed: the correction runs, the filter kept
    typed = link_to(html, "prisson escpe", inside='id="corrected"')
    assert dict(parse_qsl(urlsplit(typed).query)) == {"q": "prisson escpe", "country": "France", "typed": "1"}
    html = client.get(typed).text
    assert hits(html) == 0
    suggestion = link_to(html, "prison escape")
    assert dict(parse_qsl(urlsplit(suggestion).query)) == {"q": "prison escape", "country": "France", "typed": "1"}
    assert hits(client.get(suggestion).text) == 1


def test_a_query_error_is_a_400_pointing_at_the_column(client):
    r = client.get("/", params={"q": 'prison AND (escape OR "gate'})
    assert r.status_code == 400
    assert "column 23" in r.text  # the unclosed quote
    assert '<mark>"gate</mark>' in r.text or "<mark>&#34;gate</mark>" in r.text
    r = client.get("/", params={"q": "prison nofield:x"})
    assert r.status_code == 400 and "column 8" in r.text and "<mark>nofield</mark>" in r.text
    assert "Traceback" not in r.text


def test_bad_parameters_are_400s_that_say_which(client):
    cases = {"sort": ("upside", "sort must be"), "page": ("0", "page must be"), "from": ("someday", "from:"),
             "year": ("19x7", "year must be")}
    for name, (value, message) in cases.items():
        r = client.get("/", params={"q": "prison", name: value})
        assert r.status_code == 400, name
        assert message in r.text
    r = client.get("/", params={"q": "x" * 1001})
    assert r.status_code == 400 and "q is too long" in r.text


def test_start_page_shows_the_index(client):
    html = client.get("/").text
    assert "stories, 2019-11-02 to 2022-08-09" in html
    assert link_to(html, "Mexico") == "/?country=Mexico"
    assert "Query syntax" in html and "country:afghanistan" in html


def test_article_page_shows_the_story_highlighted_with_its_quotes(client):
    r = client.get("/article", params={"id": SEED_ID, "q": "prison escape"})
    assert r.status_code == 200
    html = r.text
    assert "<mark>prison</mark>" in html and "<mark>escaped</mark>" in html
    quotes = html[html.index('id="quotes"'):html.index('id="copies"')]
    assert "Hessamuddin Shams" in quotes and "The enemy has entered the city" in quotes
    assert "Afghanistan" in html and "Islam Times" in html and "7 July 2021" in html
    assert "results for <q>prison escape</q>" in html


def test_article_ids_with_slashes_and_urls_route_safely(client):
    html = client.get("/", params={"q": "manaus"}).text
    href = link_to(html, "Dozens escape from prison in Manaus")
    assert href == "/article?id=https%3A%2F%2Fnews.example.org%2F2021%2F03%2F14%2Fmanaus-escape%3Fref%3Drss%23top&q=manaus"
    page = client.get(href).text
    assert "Marta Oliveira" in page and "Ana Ribeiro" in page and "<mark>Manaus</mark>" in page
    copies = client.get("/article", params={"id": "world/mexico-tunnel"}).text
    part = copies[copies.index('id="copies"'):copies.index('id="similar"')]
    assert "world%2Fmexico-tunnel-copy" in part
    similar = copies[copies.index('id="similar"'):]
    assert "Dozens escape from prison in Manaus" in similar or "Helicopter prison escape" in similar


def test_missing_articles_and_pages_are_404s(client):
    for params in ({"id": "no-such-story"}, {"id": "../../../../etc/passwd"}, {"id": "/etc/passwd"},
                   {"id": "index/CURRENT"}, {"id": "..%2F..%2Fsearchkit-index.json"}):
        r = client.get("/article", params=params)
        assert r.status_code == 404, params
        assert "no story with id" in r.text and "root:" not in r.text
    assert client.get("/article").status_code == 400
    r = client.get("/no/such/page")
    assert r.status_code == 404 and "no such page" in r.text
    for name in ("../pyproject.toml", "..%2F..%2Fapi.py", "style.css/../../app.py", "templates"):
        assert client.get(f"/static/{name}").status_code == 404, name


def test_quotations_page_searches_words_speaker_place_and_date(client):
    everyone = client.get("/quotes").text
    assert "Wafula Chebukati" in everyone and "Hessamuddin Shams" in everyone
    words = client.get("/quotes", params={"q": "escape"}).text
    assert "Jorge Salinas" in words and "<mark>escape</mark>" in words and "Gemma Shaw" not in words
    by = client.get("/quotes", params={"speaker": "shams"}).text
    assert by.count('<td class="said">') == 1 and "The enemy has entered the city" in by
    where = client.get("/quotes", params={"location": "kenya"}).text
    assert where.count('<td class="said">') == 1 and "Wafula Chebukati" in where
    when = client.get("/quotes", params={"from": "2022-07-01", "to": "2022-07-31"}).text
    assert when.count('<td class="said">') == 1 and "Priya Das" in when
    bad = client.get("/quotes", params={"q": "(unclosed"})
    assert bad.status_code == 400 and "column 1" in bad.text


def test_offline_assets_and_favicon(client):
    for path, kind in (("/static/style.css", "text/css"), ("/static/app.js", "text/javascript"),
                       ("/static/favicon.svg", "image/svg+xml"), ("/favicon.ico", "image/x-icon")):
        r = client.get(path)
        assert r.status_code == 200 and r.headers["content-type"].startswith(kind), path
    assert client.get("/favicon.ico").content[:4] == b"\x00\x00\x01\x00"  # an icon file
    html = client.get("/", params={"q": "prison"}).text
    # nothing from elsewhere: every src and href stays on this site (story URLs only on the article page)
    external = [u for u in re.findall(r'(?:src|href)="([^"]+)"', html) if not u.startswith(("/", "#"))]
    assert external == []
    css = client.get("/static/style.css").text
    assert "@import" not in css and "url(" not in css
    assert '<meta name="viewport"' in html
