"""News understanding: places (with their countries and the story's primary place) and quotations.

`enrich(article)` is the one entry point the indexer calls. Importing this package is cheap; the
gazetteer loads on the first call (about half a second, once per process).

What goes where:

- `locations`: every place named in the dateline, title and body (cities, regions, countries, world
  regions; a demonym such as "Afghan" names its country), in order of first mention, plus the places
  the source's metadata gives (Reuters PLACES slugs canonicalised: `west-germany` -> West Germany).
- `countries`: the countries the story is *about*, not every country it names in passing: the
  dateline's country, countries named in the title, in the first sentence, or at least
  `MIN_MENTIONS` times, plus the metadata's countries. A country named once deep in the story is
  still in `locations` (so `location:` finds it), just not in `countries`.
- `place`: the dateline's place resolved through the gazetteer ("SALVADOR, Feb 26" -> Salvador),
  the dateline's first part title-cased when unknown, "" without a dateline.
- `quotes`: the metadata's quotations, then those found in the body.
- `date`, for a story its source left undated: the date its own text states, if it states one for
  certain (`dates`: a "Published: ..." line, a date line under the headline, a dateline whose year
  the story gives); otherwise it stays undated.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Article

# A country named this often in the body counts as a country the story is about.
MIN_MENTIONS = 2
# The lead: a country named in the first this-many characters of the body (Reuters' first sentence).
LEAD_CHARS = 250

# "KABUL, July 7 (Reuters) -" opening a body, when the source gives no separate dateline
_BODY_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{0,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)"
    r"(?:\s*\([^)]{1,40}\))?\s+[-\u2013\u2014]+\s+")


def body_dateline(body: str) -> str:
    """The dateline a body opens with ("KABUL, July 7 (Reuters) - ..."), or ""."""
    m = _BODY_DATELINE.match(body[:120])
    return m.group(1).strip() if m else ""


def enrich(article: Article) -> Article:
    """The article with places, countries, primary place and quotations filled in from its text."""
    from .locations import canonical_country, find_mentions, gazetteer, historic_country, resolve_dateline
    from .dates import date_from_text
    from .quotes import find_quotes

    gaz = gazetteer()
    dateline = article.dateline or body_dateline(article.body)
    when = article.date or date_from_text(article.text, dateline)
    locations: dict[str, None] = {}
    countries: dict[str, None] = {}

    def country_of(place) -> str:
        return historic_country(place.country, when)

    primary = resolve_dateline(dateline) if dateline else None
    if primary is not None:
        locations[primary.name] = None
        if primary.country:
            countries[country_of(primary)] = None

    title_mentions = find_mentions(article.title) if article.title else []
    body_mentions = find_mentions(article.body) if article.body else []
    counts: dict[str, int] = {}
    lead: set[str] = set()
    for mention in title_mentions:
        place = mention.place
        if place.kind != "demonym":
            locations[place.name] = None
        if place.country:
            countries[country_of(place)] = None
    for mention in body_mentions:
        place = mention.place
        if place.kind != "demonym":
            locations[place.name] = None
        if place.country:
            country = country_of(place)
            counts[country] = counts.get(country, 0) + 1
            if mention.start < LEAD_CHARS:
                lead.add(country)
    for country, count in counts.items():
        locations.setdefault(country, None)  # every country named stays findable as a location
        if count >= MIN_MENTIONS or country in lead:
            countries[country] = None

    for given in article.locations:  # metadata: Reuters PLACES slugs, JSON places
        country = canonical_country(given)
        if country:
            locations.setdefault(country, None)
            countries.setdefault(country, None)
            continue
        place = gaz.lookup(given) or gaz.lookup(given.replace("-", " ").title())
        if place is not None and place.kind != "demonym":
            locations.setdefault(place.name, None)
            if place.country:
                countries.setdefault(country_of(place), None)
        else:
            locations.setdefault(given.replace("-", " ").title() if given.islower() else given, None)

    for country in countries:
        locations.setdefault(country, None)
    if primary is not None:
        place_name = primary.name
    elif dateline:
        head = re.split(r"[,(]|\s[-\u2013\u2014]\s", dateline)[0].strip()
        place_name = head.title() if head.isupper() else head
    else:
        place_name = ""

    quotes = list(article.quotes)
    known = {q.text for q in quotes}
    quotes += [q for q in find_quotes(article.body) if q.text not in known]
    return dataclasses.replace(
        article,
        date=when,
        locations=tuple(locations),
        countries=tuple(countries),
        place=place_name,
        quotes=tuple(quotes),
    )


__all__ = ["body_dateline", "enrich"]
