"""The public Python API: open or build an index, add articles or paths, search, show, stats."""
from __future__ import annotations

import functools
import os
from datetime import datetime
from pathlib import Path
from typing import Iterable

from .errors import IndexCorruptError, IndexMissingError, SearchkitError
from .index import store
from .model import Article, Hit, Quote, Results

DEFAULT_INDEX = "index"
DEFAULT_CORPUS = "corpus"


def default_index_path() -> Path:
    """$SEARCHKIT_INDEX, else ./index."""
    return Path(os.environ.get("SEARCHKIT_INDEX") or DEFAULT_INDEX)


def _from_storage(exc: BaseException) -> bool:
    """Whether an error was raised inside Whoosh or by the file system (not by a bug of ours)."""
    if isinstance(exc, (OSError, EOFError)):
        return True
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    return tb is not None and "whoosh" in tb.tb_frame.f_code.co_filename


def _reading(method):
    """Turn a failure inside Whoosh's reading code into IndexCorruptError (one clear line)."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SearchkitError:
            raise
        except (KeyboardInterrupt, MemoryError, RecursionError):
            raise
        except Exception as exc:  # noqa: BLE001 - damaged files surface as many exception types
            if not _from_storage(exc):
                raise
            self.close()
            raise IndexCorruptError(
                f"index at {self.path} cannot be read ({type(exc).__name__}: {exc}); "
                "rebuild it with `searchkit index --rebuild`"
            ) from exc

    return wrapper


class Index:
    """A searchkit index folder; cheap to create, opens Whoosh lazily and keeps a searcher warm."""

    def __init__(self, path: str | os.PathLike | None = None):
        self.path = Path(path) if path is not None else default_index_path()
        self._ix = None
        self._gen: Path | None = None
        self._searcher = None

    # -- state ---------------------------------------------------------------
    def exists(self) -> bool:
        """Whether the folder holds a built index."""
        return store.current_generation(self.path) is not None

    def _open(self):
        """The live Whoosh index, reopened when a rebuild swapped generations."""
        from whoosh import index as whoosh_index

        gen = store.current_generation(self.path)
        if gen is None:
            raise IndexMissingError(
                f"no index at {self.path}; build one with `searchkit index PATH...`"
            )
        if self._ix is None or gen != self._gen:
            store.read_meta(gen)
            self.close()
            try:
                self._ix = whoosh_index.open_dir(str(gen))
            except SearchkitError:
                raise
            except Exception as exc:  # noqa: BLE001 - Whoosh raises many types for damaged files
                raise IndexCorruptError(
                    f"index at {self.path} cannot be opened ({type(exc).__name__}: {exc}); "
                    "rebuild it with `searchkit index --rebuild`"
                ) from None
            self._gen = gen
        return self._ix

    def searcher(self):
        """A Whoosh searcher on the latest committed state (refreshed, reused between calls)."""
        from .search.searcher import WEIGHTING

        ix = self._open()
        try:
            if self._searcher is not None and not self._searcher.up_to_date():
                # Not Searcher.refresh(): it reuses readers of segments it knows by id, and so keeps
                # their old deletions (deleted and replaced stories would stay visible).
                self._searcher.close()
                self._searcher = None
            if self._searcher is None:
                self._searcher = ix.searcher(weighting=WEIGHTING)
        except SearchkitError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise IndexCorruptError(
                f"index at {self.path} cannot be read ({type(exc).__name__}: {exc}); "
                "rebuild it with `searchkit index --rebuild`"
            ) from None
        return self._searcher

    def close(self) -> None:
        """Release open files."""
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix = None
        self._gen = None

    def __enter__(self) -> "Index":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing -------------------------------------------------------------
    def add(self, paths: Iterable[str | os.PathLike], *, wait: float = 0.0, procs: int | None = None, progress=None,
            metadata: Iterable[str | os.PathLike] = ()):
        """Index new and changed articles from files or folders; nothing is removed.

        procs: writer processes for a fresh build (None: 2 when the input is large, else 1).
        metadata: tables describing the files (TSV/CSV/JSON Lines), kept for later runs on this index.
        """
        from .index.writer import index_paths

        return index_paths(self.path, paths, wait=wait, procs=procs, progress=progress, metadata=metadata)

    def rebuild(self, paths: Iterable[str | os.PathLike], *, wait: float = 0.0, procs: int | None = None, progress=None,
                metadata: Iterable[str | os.PathLike] = ()):
        """Build a fresh index from paths beside the live one and swap it in atomically."""
        from .index.writer import index_paths

        return index_paths(self.path, paths, rebuild=True, wait=wait, procs=procs, progress=progress,
                           metadata=metadata)

    def add_articles(self, articles: Iterable[Article], *, wait: float = 0.0):
        """Add or replace Article records built in Python."""
        from .index.writer import index_articles

        return index_articles(self.path, articles, wait=wait)

    def delete(self, ids: Iterable[str], *, wait: float = 0.0) -> int:
        """Remove articles by id; returns how many existed."""
        from .index.writer import delete_ids

        return delete_ids(self.path, ids, wait=wait)

    def sources(self) -> list[str]:
        """Paths this index was built from, for refreshing without arguments."""
        return store.recorded(self.path, "sources")

    def metadata_tables(self) -> list[str]:
        """Metadata tables this index was given (`--metadata`), which every later run applies too."""
        return store.recorded(self.path, "metadata")

    # -- reading -------------------------------------------------------------
    @_reading
    def names(self) -> dict[str, dict[str, str]]:
        """Display names of keyword values (slug -> name) per field."""
        self._open()
        return store.read_names(self._gen) if self._gen else {}

    @_reading
    def search(
        self,
        query: str,
        *,
        limit: int = 10,
        page: int = 1,
        sort: str = "relevance",
        match: str = "all",
        date_from: datetime | None = None,
        date_to: datetime | None = None,
        location: str | None = None,
        source: str | None = None,
        speaker: str | None = None,
        tag: str | None = None,
        snippets: bool = True,
        basedate: datetime | None = None,
        facets: list[str] | None = None,
        facet_top: int = 10,
        recency: float | None = None,
        fuzzy: bool = False,
        collapse: bool = True,
        explain: bool = False,
        suggest: bool = True,
        author: str | None = None,
    ) -> Results:
        """Ranked hits with snippets; raises QuerySyntaxError on a bad query.

        facets: names from location, country, place, source, speaker, author, tag, year, month.
        author: only stories with this byline (all its words, in order: "jane smith").
        recency: a half-life in days that blends relevance with freshness.
        collapse: fold near-duplicate (wire copy) stories under the best one.
        """
        from .search import searcher as engine

        return engine.search(
            self.searcher(), query, limit=limit, page=page, sort=sort, match=match,
            date_from=date_from, date_to=date_to, location=location, source=source,
            speaker=speaker, tag=tag, snippets=snippets, basedate=basedate, facets=facets,
            facet_top=facet_top, recency=recency, fuzzy=fuzzy, collapse=collapse, explain=explain,
            suggest=suggest, names=self.names() if facets else None, author=author,
        )

    @_reading
    def similar(self, article_id: str, *, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
        """(near-duplicate copies of a story, other stories most like it)."""
        from .search import searcher as engine

        return engine.similar(self.searcher(), article_id, limit=limit)

    @_reading
    def quotes(self, query: str, *, limit: int = 20, speaker: str | None = None, **filters) -> list[tuple[Quote, Hit]]:
        """Quotations matching a query (searched in quoted speech only), with their article."""
        from .search import searcher as engine

        return engine.find_quotes(self.searcher(), query, limit=limit, speaker=speaker, **filters)

    @_reading
    def get(self, article_id: str) -> Article | None:
        """The stored article with this id, or None."""
        from .search import searcher as engine

        return engine.get(self.searcher(), article_id)

    @_reading
    def stats(self, top: int = 10) -> dict:
        """Counts, date span, top sources/locations/speakers."""
        from .search import searcher as engine

        out = engine.stats(self.searcher(), top=top, names=self.names())
        out["path"] = str(self.path)
        return out


def open_index(path: str | os.PathLike | None = None, *, build_from: Iterable[str | os.PathLike] | None = None) -> Index:
    """Open an index; when it does not exist yet and `build_from` is given, build it first."""
    idx = Index(path)
    if not idx.exists():
        if build_from is None:
            raise IndexMissingError(f"no index at {idx.path}; build one with `searchkit index PATH...`")
        idx.rebuild(build_from)
    return idx
