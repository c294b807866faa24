"""Records that cross layer boundaries: files -> Article -> index -> Hit."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class Quote:
    """A piece of quoted speech and who said it (None when nobody can be named)."""

    text: str
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Article:
    """One news story as read from a file, before or after extraction fills its fields."""

    id: str
    body: str
    title: str = ""
    date: datetime | None = None  # timezone-aware, UTC
    source: str = ""
    locations: tuple[str, ...] = ()  # canonical names of places mentioned (and countries)
    countries: tuple[str, ...] = ()  # canonical country names the places belong to
    place: str = ""  # the story's primary place (its dateline), canonical name
    dateline: str = ""  # raw dateline text as the source gives it, e.g. "KABUL, July 7"
    quotes: tuple[Quote, ...] = ()
    path: str = ""  # file the article came from
    line: int = 0  # 1-based line (or record number) in that file, 0 when not applicable
    url: str = ""
    tags: tuple[str, ...] = ()  # free labels: Reuters TOPICS, JSON extras
    authors: tuple[str, ...] = ()  # bylines, one person (or agency) each: "Jane Smith"

    @property
    def text(self) -> str:
        """Title and body together, as extraction and hashing see the story."""
        return f"{self.title}\n{self.body}" if self.title else self.body

    def to_dict(self) -> dict:
        """JSON-ready form (`show --json`, the web API's article)."""
        return {
            "id": self.id, "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source, "place": self.place, "locations": list(self.locations),
            "countries": list(self.countries), "dateline": self.dateline,
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in self.quotes],
            "tags": list(self.tags), "authors": list(self.authors), "path": self.path,
            "line": self.line, "url": self.url,
            "body": self.body,
        }


@dataclass(frozen=True, slots=True)
class Problem:
    """A record or file that could not be read cleanly; reported, never fatal.

    `skipped` is False for a warning about a record that was still read (e.g. a bad date left empty).
    """

    path: str
    message: str
    line: int | None = None
    skipped: bool = True

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Hit:
    """One search result: the stored article fields plus score and highlighted snippet."""

    id: str
    title: str
    date: datetime | None
    source: str
    locations: tuple[str, ...]
    speakers: tuple[str, ...]
    score: float | None  # BM25F; None when the results are sorted by date
    snippet: str  # HTML-escaped text, matched words wrapped in <b>...</b>
    path: str
    place: str = ""
    countries: tuple[str, ...] = ()
    quotes: tuple[Quote, ...] = ()
    url: str = ""
    tags: tuple[str, ...] = ()
    rank: int = 0
    cluster: str = ""  # near-duplicate group (the id of its first story)
    duplicates: int = 0  # near-duplicates folded under this hit
    extra: dict = field(default_factory=dict)  # e.g. "explain": per-field term contributions
    authors: tuple[str, ...] = ()  # the byline's names, when the source gives one
    partial: bool = False  # has only some of the words: listed after the stories with all of them

    def to_dict(self) -> dict:
        """JSON-ready form (the `--json` line format)."""
        return {
            "id": self.id,
            "title": self.title,
            "date": self.date.isoformat() if self.date else None,
            "source": self.source,
            "locations": list(self.locations),
            "countries": list(self.countries),
            "place": self.place,
            "speakers": list(self.speakers),
            "quotes": [{"text": q.text, "speaker": q.speaker} for q in self.quotes],
            "score": None if self.score is None else round(self.score, 4),
            "snippet": self.snippet,
            "path": self.path,
            "url": self.url,
            "tags": list(self.tags),
            "authors": list(self.authors),
            "rank": self.rank,
            "cluster": self.cluster,
            "duplicates": self.duplicates,
            "partial": self.partial,
            **self.extra,
        }


@dataclass(frozen=True, slots=True)
class Results:
    """One page of hits and what produced it."""

    query: str
    hits: list[Hit]
    total: int  # hits in all: matching stories, near-duplicates folded into one unless asked otherwise
    page: int
    pages: int  # ceil(total / limit): every page up to this one has hits
    limit: int
    seconds: float
    suggestion: str | None = None
    facets: dict = field(default_factory=dict)  # counts of matching stories (near-duplicates included)
    matched: int = 0  # matching stories before folding near-duplicates (= total with collapse off)
    undated: int = 0  # matching stories without a date that a date filter left out or a date sort put last
    notes: list[str] = field(default_factory=list)  # one-line remarks for people (e.g. about undated stories)
    partial: int = 0  # stories with only some of the words, listed after the `total` hits (folded like them)
    corrected_from: str | None = None  # the query as typed, when it found nothing and `query` is its correction
    expansion: tuple[str, ...] = ()  # words pseudo-relevance feedback added to the query

    def to_dict(self) -> dict:
        """JSON-ready summary (without the hits, which are printed one per line)."""
        return {
            "query": self.query,
            "total": self.total,
            "matched": self.matched,
            "page": self.page,
            "pages": self.pages,
            "limit": self.limit,
            "seconds": round(self.seconds, 4),
            "suggestion": self.suggestion,
            "facets": self.facets,
            "undated": self.undated,
            "notes": self.notes,
            "partial": self.partial,
            "corrected_from": self.corrected_from,
            "expansion": list(self.expansion),
        }


def quotation_dict(quote: Quote, hit: Hit) -> dict:
    """JSON-ready form of a quotation found by a quotes search (`quotes --json`, the web API)."""
    return {"quote": quote.text, "speaker": quote.speaker, "highlighted": hit.snippet, "id": hit.id,
            "title": hit.title, "date": hit.date.isoformat() if hit.date else None, "source": hit.source,
            "path": hit.path}


def quotes_summary(query: str, found: list, limit: int) -> dict:
    """The summary closing a quotations search (`quotes --json`' last line, /api/quotes' "summary")."""
    return {"query": query, "count": len(found), "limit": limit}


def described(speaker: str) -> bool:
    """Whether a speaker is a description ("Reagan administration official", "dealers"), not a name: its head
    word is in lower case."""
    words = speaker.split()
    return bool(words) and words[-1][:1].islower()
