"""The web page and JSON API over one index: Starlette routes, read-only, every story's text escaped.

Pages: `/` (search, facets, chart), `/article?id=…`, `/quotes`. API: `/api/search`,
`/api/article/{id}` (also `/api/article?id=…`), `/api/quotes`, the same JSON as the CLI's `--json`.
It talks to the index only through `searchkit.api.Index` and the engine-neutral request.
"""
from __future__ import annotations

import functools
import logging
import threading
import time
from datetime import datetime, timezone
from importlib import resources
from typing import Callable, Iterable

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from ..api import Index
from ..errors import (ArgumentError, IndexCorruptError, IndexLockedError, IndexMissingError, IndexVersionError,
                      QueryLimitError, QuerySyntaxError, SearchkitError)
from ..model import quotation_dict, quotes_summary
from . import forms, markup
from .chart import timeline
from .forms import FormError, QuotesForm, SearchForm
from .guard import LOOPBACK_NAMES, Guard

log = logging.getLogger("searchkit.web")

PAGE_FACETS = ("country", "place", "source", "speaker", "author", "tag", "year")
FACET_LABELS = {"country": "Country", "place": "Dateline place", "source": "Source", "speaker": "Speaker",
                "author": "Author", "tag": "Tag", "year": "Year", "location": "Place mentioned"}
FACET_SHOWN = 10
ALL_VALUES = 1_000  # facet values counted for the chart (every month of 80 years)
SIMILAR = 8
MAX_ID_CHARS = 4_096
STATS_SECONDS = 60.0
STATIC = {"style.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8",
          "favicon.svg": "image/svg+xml", "favicon.ico": "image/x-icon"}
INDEX_ERRORS = (IndexMissingError, IndexCorruptError, IndexVersionError, IndexLockedError)


class NotFound(SearchkitError):
    """No such story (or page)."""


def status_of(exc: BaseException) -> int:
    """The HTTP status for an error people can act on: theirs (400, 404), or the index's (503)."""
    if isinstance(exc, NotFound):
        return 404
    if isinstance(exc, (ArgumentError, QueryLimitError)):
        return 400
    if isinstance(exc, INDEX_ERRORS):
        return 503
    return 500


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _load_static() -> dict[str, tuple[bytes, str]]:
    folder = resources.files("searchkit.web") / "static"
    return {name: ((folder / name).read_bytes(), kind) for name, kind in STATIC.items()}


class Site:
    """One index served: the pages and API calls, one index call at a time (the searcher is shared)."""

    def __init__(self, index: Index, today: Callable[[], datetime] = _now):
        self.index = index
        self.today = today
        self.lock = threading.Lock()
        self._stats: tuple[float, dict] | None = None
        self.static = _load_static()
        self.env = Environment(loader=PackageLoader("searchkit.web", "templates"),
                               autoescape=select_autoescape(default=True, default_for_string=True),
                               trim_blocks=True, lstrip_blocks=True)
        self.env.filters.update(highlighted=markup.highlighted, day=markup.day, iso_day=markup.iso_day,
                                web_url=markup.web_url)
        self.env.globals.update(article_link=forms.article_link, link=forms.link, labels=FACET_LABELS)

    def start_stats(self) -> dict:
        """The start page's counts: the index's stats, read again once they are a minute old (they take 1 s on Reuters)."""
        now = time.monotonic()
        if self._stats is None or now - self._stats[0] > STATS_SECONDS:
            self._stats = (now, self.call("stats", top=8))
        return self._stats[1]

    def call(self, method: str, *args, **kwargs):
        """An Index method, under the lock."""
        with self.lock:
            return getattr(self.index, method)(*args, **kwargs)

    # -- responses ---------------------------------------------------------------------------
    def render(self, template: str, code: int = 200, **values) -> HTMLResponse:
        html = self.env.get_template(template).render(**values)
        return HTMLResponse(html, status_code=code, headers={"cache-control": "no-store"})

    def error_page(self, status: int, message: str) -> Response:
        titles = {400: "Cannot search that", 404: "Not found", 405: "Not allowed", 503: "The index cannot be read"}
        try:
            return self.render("error.html", status, status=status, title=titles.get(status, "Something failed"),
                               message=message)
        except Exception:  # noqa: BLE001 - the page of last resort is plain text
            log.exception("error page failed")
            return PlainTextResponse(f"{status}: {message}\n", status_code=status)

    @staticmethod
    def error_json(status: int, exc: BaseException | str) -> JSONResponse:
        body = {"error": str(exc), "status": status}
        if isinstance(exc, QuerySyntaxError):
            body.update(position=exc.position, token=exc.token)
        return JSONResponse(body, status_code=status, headers={"cache-control": "no-store"})

    # -- pages -------------------------------------------------------------------------------
    def search_page(self, request: Request) -> Response:
        try:
            form = SearchForm.parse(request.query_params)
        except FormError as exc:
            return self.render("search.html", 400, form=SearchForm(), problem=str(exc))
        if form.empty:
            return self.render("search.html", form=form, stats=self.start_stats())
        try:
            wanted = form.request(today=self.today(), facets=PAGE_FACETS + ("month",), facet_top=ALL_VALUES)
            results = self.call("search", wanted)
        except QuerySyntaxError as exc:
            return self.render("search.html", 400, form=form, problem=str(exc), mistake=_mistake(form.q, exc))
        except (ArgumentError, QueryLimitError) as exc:
            return self.render("search.html", 400, form=form, problem=str(exc))
        copies = {hit.id: self.call("duplicates", hit.id) for hit in results.hits if hit.duplicates}
        return self.render(
            "search.html", form=form, results=results, copies=copies, facets=_facets(form, results.facets),
            chart=timeline(results.facets.get("month", []), results.facets.get("year", []),
                           lambda key: form.url(date_from=key, date_to=key)),
            pages=_pages(results.page, min(results.pages, forms.MAX_PAGE)))

    def article_page(self, request: Request) -> Response:
        article_id = _article_id(request.query_params.get("id"))
        q = (request.query_params.get("q") or "").strip()[:forms.MAX_QUERY_CHARS]
        article = self.call("get", article_id)
        if article is None:
            raise NotFound(f"no story with id {article_id!r} in this index")
        title, body, quotes = article.title, _plain(article.body), [(qt, _plain(qt.text)) for qt in article.quotes]
        if q:
            title, body = self.marked(q, article.title), self.marked(q, article.body)
            quotes = [(qt, self.marked(q, qt.text)) for qt in article.quotes]
        copies, alike = self.call("similar", article.id, limit=SIMILAR)
        return self.render("article.html", article=article, q=q, title=title, body=body, quotes=quotes,
                           copies=copies, alike=alike, back=forms.link("/", [("q", q)] if q else []))

    def marked(self, q: str, text: str) -> str:
        """The text with the query's words highlighted; a query that does not parse highlights nothing."""
        try:
            return self.call("highlight", q, text, basedate=self.today())
        except (ArgumentError, QueryLimitError):
            return _plain(text)

    def quotes_page(self, request: Request) -> Response:
        form = QuotesForm.parse(request.query_params)
        try:
            found = self.call("quotes", form.q or "*", **form.options(self.today()))
        except QuerySyntaxError as exc:
            return self.render("quotes.html", 400, form=form, found=[], problem=str(exc),
                               mistake=_mistake(form.q, exc))
        return self.render("quotes.html", form=form, found=found)

    # -- API ---------------------------------------------------------------------------------
    def api_search(self, request: Request) -> Response:
        form = SearchForm.parse(request.query_params, api=True)
        if not form.q and not form.filters and not (form.date_from or form.date_to):
            raise FormError("q is missing: /api/search?q=WORDS (the query syntax of `searchkit query`)")
        results = self.call("search", form.request(today=self.today(), facets=form.facets,
                                                   facet_top=_facet_top(request)))
        return JSONResponse({"summary": results.to_dict(), "hits": [hit.to_dict() for hit in results.hits]})

    def api_article(self, request: Request) -> Response:
        article_id = _article_id(request.path_params.get("id") or request.query_params.get("id"))
        article = self.call("get", article_id)
        if article is None:
            raise NotFound(f"no story with id {article_id!r} in this index")
        return JSONResponse(article.to_dict())

    def api_quotes(self, request: Request) -> Response:
        form = QuotesForm.parse(request.query_params, default_limit=20)
        found = self.call("quotes", form.q or "*", **form.options(self.today()))
        return JSONResponse({"summary": quotes_summary(form.q or "*", found, form.limit),
                             "quotes": [quotation_dict(quote, hit) for quote, hit in found]})

    # -- files -------------------------------------------------------------------------------
    def static_file(self, request: Request) -> Response:
        name = request.path_params.get("name") or "favicon.ico"
        if name not in self.static:  # a fixed list: no path from the URL ever reaches the disk
            raise NotFound(f"no file {name!r}")
        data, kind = self.static[name]
        return Response(data, media_type=kind, headers={"cache-control": "public, max-age=3600"})


def _plain(text: str) -> str:
    """Text as a highlighted string without highlights (escaped like one)."""
    import html

    return html.escape(text, quote=False)


def _article_id(value: str | None) -> str:
    if not value:
        raise FormError("id is missing: /article?id=STORY-ID")
    if len(value) > MAX_ID_CHARS:
        raise FormError(f"id is too long ({len(value):,} characters; at most {MAX_ID_CHARS:,})")
    return value


def _facet_top(request: Request) -> int:
    raw = request.query_params.get("facet_top") or "10"
    if forms.whole(raw, ALL_VALUES) is None:
        raise FormError(f"facet_top must be a whole number from 1 to {ALL_VALUES:,}, not {raw[:20]!r}")
    return int(raw)


def _mistake(q: str, exc: QuerySyntaxError) -> dict | None:
    """Where a query went wrong, to point at: the text before, the part at fault, the rest, its column."""
    if exc.position is None or not 0 <= exc.position <= len(q):
        return None
    start = exc.position
    end = start + max(1, len(exc.token or "")) if start < len(q) else start
    end = min(end, len(q))
    return {"before": q[:start], "at": q[start:end], "after": q[end:], "column": start + 1,
            "caret": " " * start + "^" * max(1, end - start)}


def _facets(form: SearchForm, counts: dict) -> list[dict]:
    """The facet lists beside the results: each value with its count and the URL it narrows to."""
    out = []
    for name in PAGE_FACETS:
        entries = []
        for value, n in counts.get(name, [])[:FACET_SHOWN]:
            active = (name, value) in form.filters
            entries.append({"value": value, "count": n, "active": active,
                           "href": form.removing(name, value) if active else form.adding(name, value)})
        if entries:
            out.append({"name": name, "label": FACET_LABELS[name], "entries": entries})
    return out


def _pages(current: int, last: int) -> list[int | None]:
    """Page numbers to link: the first, the last, and two either side of the current one (None: a gap)."""
    shown = sorted({1, last, *range(max(1, current - 2), min(last, current + 2) + 1)})
    out: list[int | None] = []
    for n in shown:
        if out and n - (out[-1] or 0) > 1:
            out.append(None)
        out.append(n)
    return out


def _guarded(site: Site, handler: Callable[[Request], Response], *, api: bool) -> Callable[[Request], Response]:
    """A route: errors people can act on are a clear page (or JSON), anything else a 500 without details."""

    @functools.wraps(handler)
    def run(request: Request) -> Response:
        try:
            return handler(request)
        except SearchkitError as exc:
            status = status_of(exc)
            if status == 500:
                log.error("%s: %s", request.url.path, exc)
            return site.error_json(status, exc) if api else site.error_page(status, str(exc))
        except Exception:  # noqa: BLE001 - never a traceback in a page; the server log keeps it
            log.exception("error answering %s", request.url.path)
            message = "the server failed to answer; the details are in its log"
            return site.error_json(500, message) if api else site.error_page(500, message)

    return run


def create_app(index: Index | str, *, today: Callable[[], datetime] = _now,
               hosts: Iterable[str] | None = LOOPBACK_NAMES) -> Guard:
    """The ASGI app serving `index` (an Index or its folder).

    today: "now" for relative dates (the CLI passes its pinned $SEARCHKIT_TODAY); hosts: the Host
    names accepted (None: any, for a server reachable under other names).
    """
    site = Site(index if isinstance(index, Index) else Index(index), today)
    pages = [("/", site.search_page, False), ("/article", site.article_page, False),
             ("/quotes", site.quotes_page, False), ("/api/search", site.api_search, True),
             ("/api/article", site.api_article, True), ("/api/article/{id:path}", site.api_article, True),
             ("/api/quotes", site.api_quotes, True), ("/static/{name}", site.static_file, False),
             ("/favicon.ico", site.static_file, False)]
    routes = [Route(path, _guarded(site, handler, api=api), methods=["GET"]) for path, handler, api in pages]

    def not_found(request: Request, exc) -> Response:
        status = getattr(exc, "status_code", 404)
        message = "no such page here" if status == 404 else str(getattr(exc, "detail", "")) or "not allowed"
        if request.url.path.startswith("/api/"):
            return site.error_json(status, message)
        return site.error_page(status, message)

    def failed(request: Request, exc: Exception) -> Response:
        log.exception("error answering %s", request.url.path, exc_info=exc)
        return site.error_page(500, "the server failed to answer; the details are in its log")

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found, Exception: failed})
    app.state.site = site
    guard = Guard(app, hosts)
    guard.site = site
    return guard
