"""End to end in a real headless Chromium (Debian's, driven by Playwright) against `searchkit serve`.

One browser and one server for the session; each test opens its own page, saves screenshots under
its tmp_path and fails on any error in the browser's console.
"""
from __future__ import annotations

from urllib.parse import quote

import pytest

from .conftest import SEED_ID, URL_ID


@pytest.fixture
def page(browser, live_server, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    opened.set_default_timeout(15_000)
    opened.problems = []
    opened.on("console", lambda m: opened.problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    opened.on("pageerror", lambda exc: opened.problems.append(f"page error: {exc}"))
    opened.on("requestfailed", lambda r: opened.problems.append(f"request failed: {r.url}"))
    opened.base = live_server.url
    opened.shots = tmp_path
    yield opened
    context.close()


def shot(page, name: str) -> None:
    page.screenshot(path=str(page.shots / f"{name}.png"), full_page=True)
    assert (page.shots / f"{name}.png").stat().st_size > 1000


def test_search_highlight_and_country_facet(page):
    page.goto(page.base)
    assert page.title() == "searchkit"
    page.fill("input[name=q]", "prison escape")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**/?q=prison+escape")
    hits = page.locator("li.hit:not(.partial)")
    assert hits.count() == 4
    partial = page.locator("li.hit.partial")  # the page is filled with stories holding one of the words
    assert partial.count() >= 1 and partial.first.locator(".partial-mark").is_visible()
    seed = hits.filter(has_text="The Taliban launched its first assault")
    assert seed.count() == 1
    marks = seed.locator(".snippet mark")
    assert marks.first.is_visible()
    assert {m.lower() for m in marks.all_inner_texts()} >= {"prison", "escaped"}
    folded = hits.filter(has_text="Inmates tunnel out of prison").locator("details.duplicates")
    assert not folded.locator("li a").is_visible()
    folded.locator("summary").click()  # the copy folded under the hit unfolds
    assert folded.locator("li a").inner_text() == "Inmates tunnel out of prison in Culiacan"
    assert folded.locator("li a").is_visible()
    shot(page, "search")

    page.locator('[data-facet="country"] a', has_text="Afghanistan").click()
    page.wait_for_url("**country=Afghanistan**")
    assert page.locator("li.hit").count() == 1
    assert page.locator("ul.chips").inner_text().startswith("Country: Afghanistan")
    shot(page, "narrowed")

    page.goto(page.base + "?q=prison+escape")
    page.locator('a.period[data-period="2019-11"]').click()  # the chart narrows to a month
    page.wait_for_url("**from=2019-11**")
    assert page.locator("li.hit h2").all_inner_texts() == ["Inmates tunnel out of prison in Culiacan"]
    assert page.problems == []


def test_article_page_shows_its_quotes(page):
    page.goto(page.base + "?q=prison+escape")
    page.locator("li.hit h2 a", has_text="The Taliban launched").click()
    page.wait_for_url(f"**/article?id={SEED_ID}**")
    quotes = page.locator("#quotes")
    assert "The enemy has entered the city" in quotes.inner_text()
    assert "Hessamuddin Shams" in quotes.locator(".speaker").all_inner_texts()[0]
    assert "prison" in [m.lower() for m in page.locator(".body mark").all_inner_texts()]
    assert "Afghanistan" in page.locator("dd.countries").inner_text()
    shot(page, "article")

    # a story whose id is a URL (with ? and #) opens from its link too
    page.goto(page.base + "?q=manaus")
    page.locator("li.hit h2 a").first.click()
    page.wait_for_url("**/article?id=" + quote(URL_ID, safe="") + "**")
    assert "Marta Oliveira" in page.locator("#quotes").inner_text()
    assert page.problems == []


def test_did_you_mean(page):
    page.goto(page.base + "?q=prisson+escpe")  # finding nothing as typed, the page shows the correction's hits
    assert "showing results for prison escape" in page.locator("#corrected").inner_text()
    assert page.locator("li.hit:not(.partial)").count() == 4
    page.locator("#as-typed").click()
    page.wait_for_url("**typed=1**")
    assert page.locator("li.hit").count() == 0
    page.locator("#did-you-mean").click()
    page.wait_for_url("**/?q=prison+escape**")
    assert page.locator("li.hit:not(.partial)").count() == 4
    assert page.input_value("input[name=q]") == "prison escape"
    shot(page, "did-you-mean")
    assert page.problems == []


def test_quotations_and_a_phone_screen(page):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(page.base + "quotes")
    page.fill("input[name=speaker]", "salinas")
    page.press("input[name=speaker]", "Enter")
    page.wait_for_url("**speaker=salinas**")
    assert page.locator("td.said").count() == 2  # the story and its copy
    shot(page, "quotes-phone")
    page.goto(page.base + "?q=prison")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0  # nothing wider than the phone
    shot(page, "search-phone")
    page.keyboard.press("/")  # the little script: "/" goes to the search box
    assert page.evaluate("document.activeElement.name") == "q"
    assert page.problems == []
