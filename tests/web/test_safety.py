"""Safe by default: escaped story text, security headers, read-only, bounded requests, clear errors."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from starlette.testclient import TestClient

from searchkit import Index
from searchkit.index import store
from searchkit.web import create_app

from .conftest import TODAY


class Tags(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No markup but the page's own: one script (ours), no handlers, no images, no javascript: links."""
    tags = Tags(html).tags
    scripts = [a for t, a in tags if t == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    assert not [t for t, _a in tags if t in ("img", "iframe", "object", "embed", "b", "style")]
    for tag, attrs in tags:
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert not any((value or "").strip().lower().startswith("javascript:") for value in attrs.values()), attrs
    for raw in ("<script>alert", '"onmouseover=', "</b>", "<img src=x", "<b>"):
        assert raw not in html


def test_hostile_text_is_escaped_everywhere(client):
    search = client.get("/", params={"q": "zanzibar"})
    assert search.status_code == 200 and search.text.count('<li class="hit">') == 2
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in search.text  # shown as text
    assert "<mark>zanzibar</mark>" in search.text or "<mark>Zanzibar</mark>" in search.text
    pages = [search.text, client.get("/").text, client.get("/quotes", params={"q": "zanzibar"}).text,
             client.get("/quotes").text, client.get("/", params={"q": "zanzibar", "sort": "newest"}).text]
    for story in ('evil/"><script>alert(9)</script>', "evil-two"):
        for q in ("", "zanzibar", "b", '"onmouseover'):
            article = client.get("/article", params={"id": story, "q": q})
            assert article.status_code == 200
            pages.append(article.text)
    hostile = client.get("/article", params={"id": 'evil/"><script>alert(9)</script>'}).text
    assert "Amani Hostile" in hostile and "Mallory" in hostile and "Gazette &lt;script&gt;" in hostile
    assert "javascript:alert(4)" in hostile and 'href="javascript' not in hostile  # a URL shown, not linked
    # the facets list hostile sources, authors and tags; the filters carry them back
    pages.append(client.get("/", params={"q": "zanzibar", "source": 'Gazette <script>alert(1)</script>'}).text)
    pages.append(client.get("/", params={"q": '"onmouseover=alert(2)'}).text)
    pages.append(client.get("/", params={"q": "</b><script>alert(1)</script>"}).text)
    for html in pages:
        assert_inert(html)


def test_api_json_carries_text_as_data(client):
    r = client.get("/api/search", params={"q": "zanzibar"})
    assert r.headers["content-type"] == "application/json"
    assert any("<script>alert(1)</script>" in hit["title"] for hit in r.json()["hits"])  # JSON, not HTML


def test_security_headers_on_every_answer(client):
    for path in ("/", "/?q=prison", "/?q=(", "/article?id=nothing", "/nowhere", "/api/search?q=prison",
                 "/static/style.css", "/favicon.ico", "/quotes"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "default-src 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_read_only(client):
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        for path in ("/", "/api/search", "/api/article/x", "/nowhere"):
            r = client.request(method, path, content=b"q=x")
            assert r.status_code == 405, (method, path)
            assert r.headers["allow"] == "GET, HEAD"
    assert client.head("/?q=prison").status_code == 200


def test_request_sizes_are_bounded(client):
    r = client.request("GET", "/", params={"q": "prison"}, content=b"x" * 10)
    assert r.status_code == 413
    assert client.get("/", params={"q": "x" * 9000}).status_code == 414
    assert client.get("/" + "a" * 5000).status_code == 414
    r = client.get("/", params=[("country", f"c{i}") for i in range(21)] + [("q", "prison")])
    assert r.status_code == 400 and "too many filters" in r.text
    assert client.get("/", params={"q": "prison", "page": "1001"}).status_code == 400
    assert client.get("/api/quotes", params={"limit": "501"}).status_code == 400
    r = client.get("/api/search", params={"q": "a* OR b* OR c* OR d* OR e* OR f* OR g* OR h* OR i* OR s* OR t*"})
    assert r.status_code in (200, 400)  # expansion is bounded by the request layer either way


def test_only_local_host_names_by_default(web_index):
    app = create_app(web_index, today=lambda: TODAY)
    with TestClient(app, base_url="http://localhost:8080") as local:
        assert local.get("/", params={"q": "prison"}).status_code == 200
        for host in ("127.0.0.1:8080", "[::1]:8080", "LOCALHOST"):
            assert local.get("/", params={"q": "prison"}, headers={"host": host}).status_code == 200, host
        r = local.get("/", params={"q": "prison"}, headers={"host": "attacker.example"})
        assert r.status_code == 400 and "Host" in r.text


@pytest.fixture(scope="module")
def small_index(tmp_path_factory, seed_path):
    path = tmp_path_factory.mktemp("web-small") / "index"
    with Index(path) as idx:
        idx.rebuild([seed_path])
    return path


def _unreadable(client, *needles):
    for path in ("/?q=prison", "/", "/article?id=000_e282b53e72c4bdf8", "/quotes"):
        r = client.get(path)
        assert r.status_code == 503, path
        assert "Traceback" not in r.text and "The index cannot be read" in r.text
        for needle in needles:
            assert needle in r.text, (path, needle)
    r = client.get("/api/search", params={"q": "prison"})
    assert r.status_code == 503 and all(n in r.json()["error"] for n in needles)


def test_missing_index_is_a_clear_page(tmp_path):
    with TestClient(create_app(tmp_path / "none", hosts=None)) as c:
        _unreadable(c, "no index at", "searchkit index")


def test_damaged_index_is_a_clear_page(tmp_path, small_index):
    import shutil

    damaged = tmp_path / "index"
    shutil.copytree(small_index, damaged)
    gen = damaged / (damaged / "CURRENT").read_text().strip()
    for segment in gen.glob("*.seg"):
        segment.write_bytes(segment.read_bytes()[:100])
    with TestClient(create_app(damaged, hosts=None), raise_server_exceptions=False) as c:
        _unreadable(c, "cannot be", "rebuild")


def test_locked_index_is_still_read(small_index):
    with store.write_lock(small_index, 0.0):  # another writer at work: readers are not held up
        with TestClient(create_app(small_index, hosts=None)) as c:
            r = c.get("/", params={"q": "prison"})
            assert r.status_code == 200 and "<mark>prison</mark>" in r.text


class Failing(Index):
    def search(self, query, **options):
        raise RuntimeError("secret internals at /home/someone")


def test_an_unexpected_failure_is_a_500_without_details(small_index, caplog):
    with TestClient(create_app(Failing(small_index), hosts=None), raise_server_exceptions=False) as c:
        for path in ("/?q=prison", "/api/search?q=prison"):
            r = c.get(path)
            assert r.status_code == 500
            assert "secret internals" not in r.text and "Traceback" not in r.text
            assert "details are in its log" in r.text
    assert "secret internals" in caplog.text  # the server's log keeps them


PARAMETERS = [("/", "q"), ("/", "from"), ("/", "country"), ("/", "year"), ("/", "speaker"), ("/", "page"),
              ("/article", "id"), ("/quotes", "q"), ("/quotes", "speaker"), ("/api/search", "q"),
              ("/api/search", "facet"), ("/api/article", "id"), ("/api/quotes", "to")]


def test_no_input_makes_a_server_error(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60) | st.sampled_from(
        ['date:[9999 to 0001]', "*:*", 'title:[a to', '"a b"~99999999', "a^1e308", "NOT", "(", "%00", "9" * 30])

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.sampled_from(PARAMETERS), text)
    def check(where, value):
        path, name = where
        r = client.get(path, params={name: value})
        assert r.status_code in (200, 400, 404), (path, name, value, r.status_code)
        assert "Traceback" not in r.text

    check()
    for raw in ("q=%ff%fe", "q=%ED%A0%80", "id=%ED%A0%80", "q=%", "country=%ff&q=x"):  # bytes that are not UTF-8
        for path in ("/", "/article", "/api/search"):
            assert client.get(f"{path}?{raw}").status_code in (200, 400, 404), (path, raw)
