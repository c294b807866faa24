"""The public Python API: open or build an index, add articles or paths, search, show, stats.

`Index` is thin: it builds a SearchRequest from a query string and options (or takes one) and asks
its backend, through the pipeline of search/pipeline.py. It knows no engine.
"""
from __future__ import annotations

import os
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from .errors import ArgumentError
from .index import store
from .model import Article, Hit, Quote, Results
from .search import pipeline
from .search.request import SearchRequest
from .search.whoosh_backend import WhooshBackend

DEFAULT_INDEX = "index"
DEFAULT_CORPUS = "corpus"


def default_index_path() -> Path:
    """$SEARCHKIT_INDEX, else ./index."""
    return Path(os.environ.get("SEARCHKIT_INDEX") or DEFAULT_INDEX)


def _text_argument(name: str, value, *, empty: bool = False) -> str:
    """A string argument, checked: a caller's mistake is an ArgumentError, not a damaged index."""
    from .search.request import clean_text

    if not isinstance(value, str):
        raise ArgumentError(f"{name} must be a string, not {type(value).__name__}")
    if not empty and not value:
        raise ArgumentError(f"{name} must not be empty")
    return clean_text(value)


# Sort names as people give them, to the request's: the CLI, this API and the web page take the same ones
SORT_NAMES = {"relevance": "relevance", "newest": "date", "date": "date", "oldest": "oldest"}


def _named(options: dict) -> dict:
    """Search options as the CLI and the web page take them: `sort="newest"`, and dates as text in their
    grammar (`1987-03`, `7d`, `"last week"`: a `date_from` is the start of its span, a `date_to` its end)."""
    from .search.dates import DateError, option_bound

    out = dict(options)
    sort = out.get("sort")
    if isinstance(sort, str) and sort.lower() in SORT_NAMES:
        out["sort"] = SORT_NAMES[sort.lower()]
    for name in ("date_from", "date_to"):
        value = out.get(name)
        if isinstance(value, str):
            try:
                out[name] = option_bound(value.strip(), end=name == "date_to",
                                         basedate=out.get("basedate") or datetime.now(timezone.utc))
            except DateError as exc:
                raise ArgumentError(f"{name}: {exc}") from None
    return out


def _count(name: str, value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ArgumentError(f"{name} must be a whole number of 1 or more, not {value!r}")
    return value


class Index:
    """A searchkit index folder; cheap to create, opens the engine lazily and keeps it warm."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_index_path()
        self.backend = WhooshBackend(self.path)

    def exists(self) -> bool:
        """Whether the folder holds a built index."""
        return self.backend.exists()

    def close(self) -> None:
        """Release open files."""
        self.backend.close()

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------------------
    def add(self, paths: Iterable[str | os.PathLike], *, wait: float = 0.0, procs: int | None = None, progress=None,
            metadata: Iterable[str | os.PathLike] = ()):
        """Index new and changed articles from files or folders; nothing is removed.

        procs: processes for extraction (None: 2 when the input is over 4 MB, else 1); one Whoosh writer.
        metadata: tables describing the files (TSV/CSV/JSON Lines), kept for later runs on this index.
        """
        return self.backend.index(paths, wait=wait, procs=procs, progress=progress, metadata=metadata)

    def rebuild(self, paths: Iterable[str | os.PathLike], *, wait: float = 0.0, procs: int | None = None, progress=None,
                metadata: Iterable[str | os.PathLike] = ()):
        """Build a fresh index from paths beside the live one and swap it in atomically."""
        return self.backend.index(paths, rebuild=True, wait=wait, procs=procs, progress=progress, metadata=metadata)

    def build_missing(self, paths: Iterable[str | os.PathLike], *, wait: float = 0.0, progress=None):
        """Build the index from paths unless it exists; a build by another process is waited for, not repeated.

        Returns the build report, or None when the index was already there.
        """
        if self.exists():
            return None
        with store.write_lock(self.path, wait):  # another process may be building it right now
            built = self.exists()
        return None if built else self.rebuild(paths, wait=wait, progress=progress)

    def add_articles(self, articles: Iterable[Article], *, wait: float = 0.0):
        """Add or replace Article records built in Python."""
        return self.backend.add(articles, wait=wait)

    def delete(self, ids: Iterable[str], *, wait: float = 0.0) -> int:
        """Remove articles by id; returns how many existed."""
        return self.backend.delete(ids, wait=wait)

    def sources(self) -> list[str]:
        """Paths this index was built from, for refreshing without arguments."""
        return self.backend.sources()

    def metadata_tables(self) -> list[str]:
        """Metadata tables this index was given (`--metadata`), which every later run applies too."""
        return self.backend.metadata_tables()

    # -- reading -------------------------------------------------------------------------------
    def search(self, query: str | SearchRequest, **options) -> Results:
        """Ranked hits with snippets, for a SearchRequest or for query text and options.

        `Index.search("prison escape", limit=5, date_from=...)` builds the request with
        `SearchRequest.build(text, **options)`; its options are the fields of SearchRequest,
        Filters and Options (limit, page, sort, match, date_from, date_to, location, source, speaker,
        tag, author, facets, facet_top, recency, fuzzy, collapse, explain, snippets, suggest,
        basedate). As on the command line, sort may be "newest" (= "date") and date_from/date_to text
        ("1987-03", "7d"). Raises QuerySyntaxError on a bad query, ArgumentError on a bad option.
        """
        if isinstance(query, SearchRequest):
            if options:
                raise ArgumentError("options go into the SearchRequest, not beside it")
            request = query
        else:
            request = SearchRequest.build(query, **_named(options))
        return pipeline.run(self.backend, request)

    def facets(self, query: str | SearchRequest, **options) -> dict[str, list[tuple[str, int]]]:
        """Only the facet counts (value, matching stories) of a search, e.g. facets=["year", "source"]."""
        request = query if isinstance(query, SearchRequest) else SearchRequest.build(query, **_named(options))
        return self.backend.facets(request)

    def request(self, query: str, **options) -> SearchRequest:
        """The SearchRequest that `search(query, **options)` would run."""
        return SearchRequest.build(query, **_named(options))

    def similar(self, article_id: str, *, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
        """(near-duplicate copies of a story, other stories most like it)."""
        return self.backend.similar(_text_argument("article_id", article_id), limit=_count("limit", limit))

    def duplicates(self, article_id: str) -> list[Hit]:
        """The near-duplicate copies of a story: those folded under it in results (`+N near-duplicates`)."""
        return self.backend.duplicates(_text_argument("article_id", article_id))

    def quotes(self, query: str, *, limit: int = 20, speaker: str | None = None, location: str | None = None,
               source: str | None = None, date_from: datetime | str | None = None,
               date_to: datetime | str | None = None, basedate: datetime | None = None) -> list[tuple[Quote, Hit]]:
        """Quotations matching a query (searched in quoted speech only), with their article, newest first."""
        dates = _named({"date_from": date_from, "date_to": date_to, "basedate": basedate})
        request = SearchRequest.build(query, fields=("quote",), speaker=speaker, location=location, source=source,
                                      date_from=dates["date_from"], date_to=dates["date_to"], basedate=basedate,
                                      sort="date", collapse=False)
        return self.backend.quotes(request, limit=_count("limit", limit))

    def highlight(self, query: str | SearchRequest, text: str, **options) -> str:
        """The whole text, HTML-escaped, with the words the query matches in <b>: an article read after a search."""
        request = query if isinstance(query, SearchRequest) else SearchRequest.build(query, **_named(options))
        return self.backend.highlight(request, _text_argument("text", text, empty=True))

    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        return self.backend.get(_text_argument("article_id", article_id, empty=True))

    def stats(self, top: int = 10) -> dict:
        """Counts, date span, top sources/locations/speakers."""
        return self.backend.stats(top=_count("top", top))


def open_index(path: str | os.PathLike | None = None, *, build_from: Iterable[str | os.PathLike] | None = None) -> Index:
    """Open an index; when it does not exist yet and `build_from` is given, build it first."""
    idx = Index(path)
    if not idx.exists():
        if build_from is None:
            raise store.missing_error(idx.path)
        idx.rebuild(build_from)
    return idx
