"""The engine seam: what searchkit asks of a search engine. Whoosh is the one implementation
(search/whoosh_backend.py); another engine (OpenSearch, tantivy) would implement the same methods
for the same SearchRequest. Nothing here imports an engine.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Iterable, Mapping, Protocol

from ..model import Article, Hit, Quote, Results
from .request import SearchRequest

if TYPE_CHECKING:  # the report type of the writer; engines return their own with the same fields
    from ..index.writer import IndexReport

Progress = Callable[[int, int], None]  # (bytes done, bytes in all)


@dataclass
class Feedback:
    """A query's best stories as pseudo-relevance feedback sees them (search/expand.py).

    Words are spelled so that the engine's analysis of the word gives back the indexed term it
    counts (one spelling per term: the most frequent form in these stories).
    """

    docs: list[tuple[float, dict[str, int]]] = field(default_factory=list)  # (score, word -> count), best first
    # stories holding each word (any form); an engine may count a word only when it is looked up
    frequency: Mapping[str, int] = field(default_factory=dict)
    stories: int = 0  # stories in the index


class Backend(Protocol):
    """An index and the searches it answers. Errors are SearchkitError subclasses, one line each."""

    path: Path

    # -- writing ----------------------------------------------------------------------------
    def index(self, paths: Iterable[str | os.PathLike], *, rebuild: bool = False, wait: float = 0.0,
              procs: int | None = None, progress: Progress | None = None,
              metadata: Iterable[str | os.PathLike] = ()) -> "IndexReport":
        """Add new and changed articles from files and folders (with metadata tables describing them);
        or build afresh and swap in atomically."""

    def add(self, articles: Iterable[Article], *, wait: float = 0.0) -> "IndexReport":
        """Add or replace Article records."""

    def delete(self, ids: Iterable[str], *, wait: float = 0.0) -> int:
        """Remove articles by id; how many existed."""

    # -- reading ----------------------------------------------------------------------------
    def exists(self) -> bool:
        """Whether there is an index to read."""

    def search(self, request: SearchRequest) -> Results:
        """One page of hits, with total, matched and undated counts, notes and the requested facets."""

    def facets(self, request: SearchRequest) -> dict[str, list[tuple[str, int]]]:
        """Only the facet counts of a request's matches."""

    def get(self, article_id: str) -> Article | None:
        """One stored article, or None."""

    def stats(self, top: int = 10) -> dict:
        """Counts, date span, the most frequent sources, places, speakers (named; described apart), tags, years."""

    def suggest(self, request: SearchRequest) -> str | None:
        """'Did you mean': the query text with unknown free words spelled as the index knows them."""

    def date_bounds(self) -> tuple[datetime, datetime] | None:
        """The oldest and newest story dates (None when no story is dated): where an empty date span lies."""

    def place_notes(self, request: SearchRequest) -> list[str]:
        """A note for each place value of the request that no story holds, naming what it may have meant."""

    def keywords(self, field: str) -> dict[str, int]:
        """Each indexed value (slug) of a keyword field and how many stories hold it."""

    def names(self) -> dict[str, dict[str, str]]:
        """Display names of keyword values per field (slug -> name as the stories write it)."""

    def feedback(self, request: SearchRequest, docs: int) -> Feedback:
        """The word counts of the request's `docs` best stories (near-duplicates folded), for RM3."""

    def similar(self, article_id: str, *, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
        """(near-duplicate copies of a story, the stories most like it)."""

    def duplicates(self, article_id: str) -> list[Hit]:
        """The near-duplicate copies of a story (what `+N near-duplicates` folds under a hit)."""

    def quotes(self, request: SearchRequest, *, limit: int = 20) -> list[tuple[Quote, Hit]]:
        """Quotations that answer the request (search/quotes.py states the rule), newest first."""

    def highlight(self, request: SearchRequest, text: str) -> str:
        """The whole text HTML-escaped, the words the request matches wrapped in <b>…</b>."""

    def sources(self) -> list[str]:
        """Paths the index was built from, for refreshing without arguments."""

    def metadata_tables(self) -> list[str]:
        """Metadata tables the index was given, which every later run applies too."""

    def close(self) -> None:
        """Release open files."""
