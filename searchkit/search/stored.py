"""Stored fields as records: a Hit or an Article from a Whoosh document, and the index's stats."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Mapping

from ..index.schema import as_utc, document, from_document
from ..model import Article, Hit, Quote, described


def _tags(fields: dict) -> tuple[str, ...]:
    return tuple(t for t in (fields.get("tag") or "").split(",") if t)


def to_hit(fields: dict[str, Any], score: float | None, snippet: str, rank: int, duplicates: int = 0) -> Hit:
    """A Hit from a document's stored fields."""
    quotes = tuple(Quote(text, speaker) for text, speaker in fields.get("quotes") or ())
    return Hit(
        id=fields["id"],
        title=fields.get("title", ""),
        date=fields.get("date"),
        source=fields.get("source", ""),
        locations=tuple(fields.get("locations") or ()),
        speakers=tuple(dict.fromkeys(q.speaker for q in quotes if q.speaker)),
        score=None if score is None else float(score),
        snippet=snippet,
        path=fields.get("path", ""),
        place=fields.get("place", ""),
        countries=tuple(fields.get("countries") or ()),
        quotes=quotes,
        url=fields.get("url", ""),
        tags=_tags(fields),
        rank=rank,
        cluster=fields.get("cluster", ""),
        duplicates=duplicates,
        authors=tuple(fields.get("authors") or ()),
    )


def get(searcher, article_id: str) -> Article | None:
    """One stored article by id, as the record it was indexed from."""
    docnum = searcher.document_number(id=article_id)
    return from_document(document(searcher.reader(), docnum)) if docnum is not None else None


def stats(searcher, top: int = 10, names: dict[str, dict[str, str]] | None = None,
          people: Mapping[str, str] | None = None) -> dict:
    """Counts, date span, and the most frequent sources, places, speakers named and described (by display
    name; `people`: a speaker's names across stories counted as one, search/people.py)."""
    names = dict(names or {})
    names.setdefault("country", names.get("location", {}))
    reader = searcher.reader()
    out: dict[str, Any] = {"articles": reader.doc_count(),
                           "segments": len(reader.leaf_readers()) if hasattr(reader, "leaf_readers") else 1}
    dates = _dates(reader)
    out["first_date"] = as_utc(min(dates)).isoformat() if dates else None
    out["last_date"] = as_utc(max(dates)).isoformat() if dates else None
    out["dated"] = len(dates)
    out["undated"] = out["articles"] - len(dates)
    for field, key in (("source_key", "sources"), ("location", "locations"), ("country", "countries"),
                       ("speaker_key", "speakers"), ("author_key", "authors"), ("tag", "tags"), ("year", "years")):
        shown = names.get(field, {})
        counts = []
        merged: dict[str, list] = {}  # a person's names -> their terms, when it has more than one
        grouped = set(people or {}) | set((people or {}).values())
        for text in reader.lexicon(field):
            value = text.decode() if isinstance(text, bytes) else text
            name = shown.get(value, value)
            if field == "speaker_key" and name in grouped:
                merged.setdefault(people.get(name, name), []).append(text)
                continue
            count = live_frequency(reader, field, text)
            if count:
                counts.append((name, count))
        for name, texts in merged.items():  # a story naming two of them counts once
            stories = set().union(*(reader.postings(field, t).all_ids() for t in texts))  # live ones only
            if stories:
                counts.append((name, len(stories)))
        if field == "year":
            out[key] = sorted(counts)
            continue
        counts.sort(key=lambda kv: (-kv[1], kv[0]))
        if field == "speaker_key":  # people and bodies first; "official", "dealers" are sources described
            out["described_speakers"] = [kv for kv in counts if described(kv[0])][:top]
            counts = [kv for kv in counts if not described(kv[0])]
        out[key] = counts[:top]
    # every copy of a story, and only a copy, holds a `copy_of` term
    out["duplicates"] = (sum(live_frequency(reader, "copy_of", text) for text in reader.lexicon("copy_of"))
                         if "copy_of" in reader.indexed_field_names() else 0)
    return out


def live_frequency(reader, field: str, text) -> int:
    """Stories with a term, not counting deleted ones (Whoosh's doc_frequency counts them until a merge)."""
    if not reader.has_deletions():
        return reader.doc_frequency(field, text)
    return sum(1 for _ in reader.postings(field, text).all_ids())


def date_bounds(reader) -> tuple[datetime, datetime] | None:
    """The oldest and newest story dates, in UTC, or None when no story is dated."""
    dates = _dates(reader)
    return (as_utc(min(dates)), as_utc(max(dates))) if dates else None


def _dates(reader) -> list:
    """The date of every live story that has one."""
    if not reader.has_column("date"):
        return []
    from whoosh.util.times import long_to_datetime

    from ..index.schema import UNDATED

    col = reader.column_reader("date", translate=False)
    return [long_to_datetime(col[docnum]) for docnum in reader.all_doc_ids() if col[docnum] != UNDATED]
