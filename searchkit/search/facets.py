"""Facets: counts of matching stories per value of a keyword field, with display names."""
from __future__ import annotations

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


def groups(names: tuple[str, ...], schema) -> dict[str, sorting.FieldFacet]:
    """Whoosh facets for the names asked (multi-valued ones overlap: a story counts once per value)."""
    out = {}
    for name in names:
        fieldname, overlap = FIELDS[name]
        if fieldname not in schema.names():
            raise ArgumentError(f"this index has no {name!r} facet (rebuild it with this searchkit)")
        out[name] = sorting.FieldFacet(fieldname, allow_overlap=overlap, maptype=sorting.Count)
    return out


def counts(collector, names: tuple[str, ...], display: dict, top: int) -> dict[str, list[tuple[str, int]]]:
    """Counts per facet value from a search's FacetCollector: most frequent first (years and months in order)."""
    while not isinstance(collector, collectors.FacetCollector):
        collector = collector.child
    out = {}
    for name in names:
        fieldname = FIELDS[name][0]
        shown = display.get(fieldname) or (display.get("location", {}) if fieldname in ("country", "place") else {})
        found = collector.facetmaps[name].as_dict()
        if name in CHRONOLOGICAL:
            ordered = sorted(found.items(), key=lambda kv: str(kv[0]))
        else:
            ordered = sorted(found.items(), key=lambda kv: (-kv[1], str(kv[0])))
        out[name] = [(shown.get(k, k) if isinstance(k, str) else str(k), n)
                     for k, n in ordered if k not in (None, "")][:top]  # stories without a value are no value
    return out
