"""Facets: counts of matching stories per value of a keyword field, with display names."""
from __future__ import annotations

import weakref
from collections.abc import Iterable, Mapping

from whoosh import collectors, sorting

from ..errors import ArgumentError

# Facet names people ask for -> (the keyword field that holds them, multi-valued)
FIELDS = {
    "location": ("location", True),
    "country": ("country", True),
    "place": ("place", False),
    "source": ("source_key", False),
    "speaker": ("speaker_key", True),
    "tag": ("tag", True),
    "year": ("year", False),
    "month": ("month", False),
    "author": ("author_key", True),
}
CHRONOLOGICAL = ("year", "month")


# Per segment reader: what facets look values up in (document -> values lists, column readers), made once.
_LISTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


class _KeptLists(sorting.OverlappingCategorizer):
    """Whoosh's categorizer for multi-valued facets, with each segment's document -> values lists kept.

    Whoosh rebuilds them on every search by reading all of the field's postings: 25-190 ms per
    facet on Reuters-21578, even for a query with no match. A warm searcher keeps its segment
    readers, so the lists are built once per reader (and dropped with it).
    """

    def set_searcher(self, segment_searcher, docoffset: int) -> None:
        if self._use_vectors or self._use_column:
            super().set_searcher(segment_searcher, docoffset)
            return
        kept = _LISTS.setdefault(segment_searcher.reader(), {})
        lists = kept.get(self._fieldname)
        if lists is None:
            super().set_searcher(segment_searcher, docoffset)
            kept[self._fieldname] = self._lists
        else:
            self._segment_searcher = segment_searcher
            self._lists = lists


class _KeptColumn(sorting.ColumnCategorizer):
    """Whoosh's categorizer for a single-valued facet stored as a column, its column reader kept per reader.

    Opening a column reader decodes the column's offsets (about 6 ms per facet on Reuters-21578).
    """

    def set_searcher(self, segment_searcher, docoffset: int) -> None:
        kept = _LISTS.setdefault(segment_searcher.reader(), {})
        key = ("column", self._fieldname)
        if key not in kept:
            super().set_searcher(segment_searcher, docoffset)
            kept[key] = self._creader
        self._creader = kept[key]


class _Facet(sorting.FieldFacet):
    """A field facet whose per-segment lookups (value lists, column readers) are kept between searches."""

    def categorizer(self, global_searcher):
        if self.allow_overlap:
            return _KeptLists(global_searcher, self.fieldname)
        if global_searcher.reader().has_column(self.fieldname) and not self.reverse:
            return _KeptColumn(global_searcher, self.fieldname)
        return super().categorizer(global_searcher)


def groups(names: tuple[str, ...], schema) -> dict[str, sorting.FieldFacet]:
    """Whoosh facets for the names asked (multi-valued ones overlap: a story counts once per value)."""
    out = {}
    for name in names:
        fieldname, overlap = FIELDS[name]
        if fieldname not in schema.names():
            raise ArgumentError(f"this index has no {name!r} facet (rebuild it with this searchkit)")
        # a speaker's stories are kept (not only counted): one person's names are merged story by story
        maptype = sorting.UnorderedList if name == "speaker" else sorting.Count
        out[name] = _Facet(fieldname, allow_overlap=overlap, maptype=maptype)
    return out


def merge_people(stories: Mapping[str, Iterable[int]], people: Mapping[str, str]) -> dict[str, int]:
    """Stories per speaker, each person's names counted together (a story naming two of them once)."""
    merged: dict[str, set[int]] = {}
    for name, docs in stories.items():
        merged.setdefault(people.get(name, name), set()).update(docs)
    return {name: len(docs) for name, docs in merged.items()}


def counts(collector, names: tuple[str, ...], display: dict, top: int,
           people: Mapping[str, str] | None = None) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value from a search's FacetCollector: most frequent first (years and months in order);
    `people`: speaker names that are another's (search/people.py), counted under the name shown."""
    while not isinstance(collector, collectors.FacetCollector):
        collector = collector.child
    out = {}
    for name in names:
        fieldname = FIELDS[name][0]
        shown = display.get(fieldname) or (display.get("location", {}) if fieldname in ("country", "place") else {})
        found = collector.facetmaps[name].as_dict()
        if name == "speaker":
            found = merge_people({shown.get(k, k): docs for k, docs in found.items() if k}, people or {})
        if name in CHRONOLOGICAL:
            ordered = sorted(found.items(), key=lambda kv: str(kv[0]))
        else:
            ordered = sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))
        out[name] = [(shown.get(k, k) if isinstance(k, str) else str(k), n)
                     for k, n in ordered if k not in (None, "")][:top]  # stories without a value are no value
    return out
