"""The Whoosh backend: an index folder (index/store.py) read through one warm searcher, written by index/writer.py.

It is the only door to Whoosh. Damaged files are told by the exceptions that decoding them
raises (never by which code raised them), or, for any other exception, by the files themselves
no longer matching the sizes and checksums recorded at the last commit (`store.damaged_files`),
and reported as IndexCorruptError; a caller's mistake has already been refused as an
ArgumentError when the request was built.
"""
from __future__ import annotations

import functools
import os
import pickle
import struct
import weakref
import zlib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path
from typing import Iterable

from whoosh import index as whoosh_index
from whoosh.automata.fst import FileVersionError
from whoosh.filedb.filestore import StorageError
from whoosh.filedb.filetables import FileFormatError
from whoosh.index import IndexError as WhooshIndexError
from whoosh.reading import CorruptIndexError, TermNotFound

from ..errors import IndexCorruptError, SearchkitError
from ..index import store
from ..model import Article, Hit, Quote, Results
from .request import SearchRequest

# What decoding damaged index files raises (measured by damaging the files of a real index).
STORAGE_ERRORS = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError, UnicodeDecodeError,
                  CorruptIndexError, TermNotFound, WhooshIndexError, FileFormatError, StorageError,
                  FileVersionError)

# Per reader: speaker names that are another's (search/people.py), worked out once per state of the index
_PEOPLE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _damaged(path: Path, exc: BaseException, doing: str = "read") -> IndexCorruptError:
    return IndexCorruptError(f"index at {path} cannot be {doing} ({type(exc).__name__}: {exc}); "
                             "rebuild it with `searchkit index --rebuild`")


def _reading(method):
    """Report damaged index files as IndexCorruptError (one line); everything else as it is."""

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except SearchkitError:
            raise
        except STORAGE_ERRORS as exc:
            self.close()
            raise _damaged(self.path, exc) from exc
        except Exception as exc:  # noqa: BLE001 - damaged bytes can also raise ValueError, IndexError...
            gen = self._gen
            if gen is None or not (changed := store.damaged_files(gen)):
                raise  # the files are as written: a fault of the program, not of the index
            self.close()
            raise IndexCorruptError(
                f"index at {self.path} is damaged: {', '.join(changed[:3])} changed since written "
                f"({type(exc).__name__}); rebuild it with `searchkit index --rebuild`") from exc

    return wrapper


class _GuardedCounts(Mapping):
    """Feedback's story counts, read lazily, each lookup reporting a damaged index as the backend does."""

    def __init__(self, backend: "WhooshBackend", counts: Mapping[str, int]):
        self._backend, self._counts = backend, counts

    def __getitem__(self, word: str) -> int:
        found = self._backend._count(self._counts, word)
        if found is None:
            raise KeyError(word)
        return found

    def __iter__(self):
        return iter(self._counts)

    def __len__(self) -> int:
        return len(self._counts)


class WhooshBackend:
    """The index folder at `path`; opens Whoosh lazily and keeps a searcher warm between calls."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._ix = None
        self._gen: Path | None = None
        self._searcher = None
        self._names: tuple = (None, {})  # (what names.json was when read, its content)

    # -- state --------------------------------------------------------------------------------
    def exists(self) -> bool:
        return store.current_generation(self.path) is not None

    def _open(self):
        """The live Whoosh index, reopened when a rebuild swapped generations."""
        gen = store.current_generation(self.path)
        if gen is None:
            raise store.missing_error(self.path)
        if self._ix is None or gen != self._gen:
            store.read_meta(gen)
            self.close()
            try:
                self._ix = whoosh_index.open_dir(str(gen))
            except STORAGE_ERRORS as exc:
                raise _damaged(self.path, exc, "opened") from None
            self._gen = gen
        return self._ix

    def searcher(self):
        """A Whoosh searcher on the latest committed state (reused between calls, reopened after a change)."""
        from .ranking import WEIGHTING

        ix = self._open()
        try:
            if self._searcher is not None and not self._searcher.up_to_date():
                # Not Searcher.refresh(): it reuses readers of segments it knows by id, and so keeps
                # their old deletions (deleted and replaced stories would stay visible).
                self._searcher.close()
                self._searcher = None
            if self._searcher is None:
                self._searcher = ix.searcher(weighting=WEIGHTING)
        except STORAGE_ERRORS as exc:
            raise _damaged(self.path, exc) from None
        return self._searcher

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None
        self._ix = None
        self._gen = None

    def sources(self) -> list[str]:
        return store.recorded(self.path, "sources")

    def metadata_tables(self) -> list[str]:
        return store.recorded(self.path, "metadata")

    @_reading
    def names(self) -> dict[str, dict[str, str]]:
        """Display names of keyword values (slug -> name) per field; read again only when the file changed."""
        self._open()
        if not self._gen:
            return {}
        try:
            st = (self._gen / store.NAMES).stat()
            seen = (self._gen, st.st_ino, st.st_mtime_ns, st.st_size)
        except OSError:
            seen = None
        if seen is None or seen != self._names[0]:
            self._names = (seen, store.read_names(self._gen))
        return self._names[1]

    # -- writing ------------------------------------------------------------------------------
    def index(self, paths: Iterable[str | os.PathLike], *, rebuild: bool = False, wait: float = 0.0,
              procs: int | None = None, progress=None, metadata: Iterable[str | os.PathLike] = ()):
        from ..index.writer import index_paths

        return index_paths(self.path, paths, rebuild=rebuild, wait=wait, procs=procs, progress=progress,
                           metadata=metadata)

    def add(self, articles: Iterable[Article], *, wait: float = 0.0):
        from ..index.writer import index_articles

        return index_articles(self.path, articles, wait=wait)

    def delete(self, ids: Iterable[str], *, wait: float = 0.0) -> int:
        from ..index.writer import delete_ids

        return delete_ids(self.path, ids, wait=wait)

    # -- reading ------------------------------------------------------------------------------
    @_reading
    def people(self) -> dict[str, str]:
        """Speaker names that are another's across stories -> the name the person is shown under
        (search/people.py); worked out once per state of the index."""
        reader = self.searcher().reader()
        kept = _PEOPLE.get(reader)
        if kept is None:
            from .people import person_groups

            names = self.names()
            shown = names.get("speaker_key", {})
            counts: dict[str, int] = {}  # deleted stories count until a merge: only the grouping reads them
            for key, found in self.keywords("speaker_key").items():
                counts[shown.get(key, key)] = counts.get(shown.get(key, key), 0) + found
            places = {name.lower() for name in names.get("location", {}).values()}
            kept = _PEOPLE[reader] = person_groups(counts, places)
        return kept

    def _with_people(self, request: SearchRequest) -> SearchRequest:
        """The request with the other names in the index of each person it asks for as a speaker
        (--speaker, speaker:"…"; search/people.py)."""
        from . import request as rq
        from .people import variants

        asked = [request.filters.speaker] if request.filters.speaker else []
        asked += [leaf.text for leaf, _negated in rq.leaves(request.query)
                  if getattr(leaf, "field", None) == "speaker" and isinstance(leaf, (rq.Word, rq.Phrase))]
        if not asked:
            return request
        groups = self.people()
        also = {" ".join(name.lower().split()): tuple(others) for name in asked if (others := variants(groups, name))}
        return replace(request, also_named=tuple(also.items())) if also else request

    @_reading
    def search(self, request: SearchRequest) -> Results:
        from .ranking import search

        return search(self.searcher(), self._with_people(request), self.names() if request.facets else None,
                      self.people() if "speaker" in request.facets else None)

    @_reading
    def facets(self, request: SearchRequest) -> dict[str, list[tuple[str, int]]]:
        from dataclasses import replace

        from .ranking import search

        counting = replace(self._with_people(request), page=1, limit=1,
                           options=replace(request.options, snippets=False, explain=False))
        return search(self.searcher(), counting, self.names(),
                      self.people() if "speaker" in request.facets else None).facets

    @_reading
    def get(self, article_id: str) -> Article | None:
        from .stored import get

        return get(self.searcher(), article_id)

    @_reading
    def stats(self, top: int = 10) -> dict:
        from .stored import stats

        out = stats(self.searcher(), top=top, names=self.names(), people=self.people())
        out["path"] = str(self.path)
        return out

    @_reading
    def suggest(self, request: SearchRequest) -> str | None:
        from .suggest import suggest_query

        return suggest_query(self.searcher().reader(), request)

    @_reading
    def date_bounds(self) -> tuple[datetime, datetime] | None:
        from .stored import date_bounds

        return date_bounds(self.searcher().reader())

    def place_notes(self, request: SearchRequest) -> list[str]:
        from .places import place_slugs, place_values, unmatched_note

        asked = [(f, v) for f, v in place_values(request) if not self._holds(f, place_slugs(v, f))]
        if not asked:  # every value is held: no note, and no walk over the field's values
            return []
        names = self.names().get("location", {})
        held = {field: self.keywords(field) for field in dict.fromkeys(["location", *(f for f, _v in asked)])}
        return [n for f, v in asked if (n := unmatched_note(f, v, held[f], names, held["location"]))]

    @_reading
    def _holds(self, field: str, values: list[str]) -> bool:
        """Whether some story holds one of the indexed values in the field."""
        reader = self.searcher().reader()
        return field in reader.schema and any(reader.doc_frequency(field, v) for v in values)

    @_reading
    def keywords(self, field: str) -> dict[str, int]:
        """Each indexed value of a keyword field and the stories holding it: what a filter value can match."""
        reader = self.searcher().reader()
        if field not in reader.schema:
            return {}
        return {(t.decode("utf-8") if isinstance(t, bytes) else t): info.doc_frequency()
                for t, info in reader.iter_field(field)}

    @_reading
    def feedback(self, request: SearchRequest, docs: int):
        from .feedback import feedback

        found = feedback(self.searcher(), request, docs)
        return replace(found, frequency=_GuardedCounts(self, found.frequency))

    @_reading
    def _count(self, counts: Mapping[str, int], word: str) -> int | None:
        """A feedback word's story count, read from the index when first asked (None: not a feedback word)."""
        try:
            return counts[word]
        except KeyError:  # a caller's miss, not damage: kept out of _reading's damage check
            return None

    @_reading
    def similar(self, article_id: str, *, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
        from .similar import similar

        return similar(self.searcher(), article_id, limit=limit)

    @_reading
    def duplicates(self, article_id: str) -> list[Hit]:
        from .similar import duplicates

        return duplicates(self.searcher(), article_id)

    @_reading
    def quotes(self, request: SearchRequest, *, limit: int = 20) -> list[tuple[Quote, Hit]]:
        from .quotes import find_quotes

        return find_quotes(self.searcher(), self._with_people(request), limit)

    @_reading
    def highlight(self, request: SearchRequest, text: str) -> str:
        from .ranking import build_query
        from .snippets import mark_all, query_terms

        searcher = self.searcher()
        q, _span = build_query(searcher, request)
        return mark_all(text, query_terms(q, searcher.reader()))
