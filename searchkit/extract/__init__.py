"""News understanding: places (with their countries and the story's primary place) and quotations.

`enrich(article)` is the one entry point the indexer calls. Importing this package is cheap; the
gazetteer loads on the first call.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Article

# "KABUL, July 7 (Reuters) -" opening a body, when the source gives no separate dateline
_BODY_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{0,30})?)(?:,\s*\w+\.?\s+\d{1,2})?"
                            r"(?:\s*\([^)]{1,40}\))?\s+[-\u2013\u2014]\s+")


def enrich(article: Article) -> Article:
    """The article with places, countries, primary place and quotations filled in from its text."""
    from .locations import canonical_country, find_places, gazetteer, resolve_dateline
    from .quotes import find_quotes

    gaz = gazetteer()
    locations: dict[str, None] = {}
    countries: dict[str, None] = {}
    for given in article.locations:  # metadata (Reuters PLACES slugs, JSON places)
        country = canonical_country(given)
        place = gaz.lookup(given) or gaz.lookup(given.replace("-", " ").title())
        name = country or (place.name if place else given.replace("-", " ").title())
        locations[name] = None
        if country or place:
            countries[country or place.country] = None
    dateline = article.dateline
    if not dateline:
        m = _BODY_DATELINE.match(article.body)
        dateline = m.group(1) if m else ""
    primary = resolve_dateline(dateline) if dateline else None
    if primary is not None:
        locations[primary.name] = None
        countries[primary.country] = None
    for place, _offset in find_places(article.text):
        if place.kind != "demonym":
            locations[place.name] = None
        countries[place.country] = None
    for country in list(countries):
        locations.setdefault(country, None)
    quotes = list(article.quotes)
    known = {q.text for q in quotes}
    quotes += [q for q in find_quotes(article.body) if q.text not in known]
    return dataclasses.replace(
        article,
        locations=tuple(locations),
        countries=tuple(countries),
        place=primary.name if primary else (dateline.split(",")[0].strip().title() if dateline else ""),
        quotes=tuple(quotes),
    )
