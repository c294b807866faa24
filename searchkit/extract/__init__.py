"""News understanding: places (with their countries and the story's primary place) and quotations.

`enrich(article)` is the one entry point the indexer calls. Importing this package is cheap; the
gazetteer loads on the first call (about 0.15 s, once per process).

What goes where:

- `locations`: every place named in the dateline, title and body (cities, regions, countries, world
  regions; a demonym such as "Afghan" names its country), in order of first mention, plus the places
  the source's metadata gives (Reuters PLACES slugs canonicalised: `west-germany` -> West Germany).
- `countries`: the countries the story is *about*, not every country it names in passing (`about`):
  the dateline's country, countries named in the title or the lead sentence, a country that acts
  in a sentence of its own, the source's home country when the story names it, countries named
  often enough in the body; plus the metadata's. A country named once in passing is still in
  `locations` (so `location:` finds it), just not in `countries`. Names are read in the light of
  the dateline and the source's home country (`place_mentions`).
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

# "KABUL, July 7 (Reuters) -" opening a body, when the source gives no separate dateline
_BODY_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w .'-]{0,30})?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?)"
    r"(?:\s*\([^)]{1,40}\))?\s+(?:[-\u2013\u2014\u2015]+|--)\s+")
# A press release's dateline, in mixed case: "New York, NY –", "Baar, Switzerland —"; kept only
# when the gazetteer knows the place (a sentence may open "Smith, Jones – ...").
_RELEASE_DATELINE = re.compile(r"^\s*([A-Z][a-z]+(?:[ .'-][A-Z][a-z]+){0,3},\s*(?:[A-Z]{2}|[A-Z]\.[A-Z]\.|[A-Z][a-z]{1,4}\.|[A-Z][a-z]+(?: [A-Z][a-z]+)?))"
                               r"\s+(?:[-\u2013\u2014\u2015]+|--)\s+")
# Paragraphs a dateline may open: wire copy's first; a web page's first few ("ABSTRACT. ... FULL TEXT.").
DATELINE_PARAGRAPHS = 4


def body_dateline(body: str) -> str:
    """The dateline a body opens with ("KABUL, July 7 (Reuters) - ...", "HEMPSTEAD, N.Y. ―"), or ""."""
    for paragraph in re.split(r"\n\s*\n", body[:1500], maxsplit=DATELINE_PARAGRAPHS)[:DATELINE_PARAGRAPHS]:
        m = _BODY_DATELINE.match(paragraph[:120])
        if m:
            return m.group(1).strip()
        m = _RELEASE_DATELINE.match(paragraph[:120])
        if m:
            from .locations import resolve_dateline

            if resolve_dateline(m.group(1)) is not None:
                return m.group(1).strip()
    return ""


def place_mentions(article: Article, dateline: str | None = None) -> tuple:
    """(dateline place or None, places named in the title, in the body), each name read in the light
    of what the story is known to be about: its dateline, its source's home country, and for the
    title also the countries its body names."""
    from .locations import find_mentions, home_country, resolve_dateline

    if dateline is None:
        dateline = article.dateline or body_dateline(article.body)
    primary = resolve_dateline(dateline) if dateline else None
    context = {c for c in (primary.country if primary else "", home_country(article.source, article.url)) if c}
    body_mentions = find_mentions(article.body, context) if article.body else []
    context |= {m.place.country for m in body_mentions if m.place.country}
    title_mentions = find_mentions(article.title, context) if article.title else []
    return primary, title_mentions, body_mentions


def enrich(article: Article) -> Article:
    """The article with places, countries, primary place and quotations filled in from its text."""
    from .dates import date_from_text
    from .about import home_politics, passing, story_countries
    from .locations import canonical_country, fold, gazetteer, historic_country, home_country, in_lists
    from .quotes import find_quotes

    gaz = gazetteer()
    dateline = article.dateline or body_dateline(article.body)
    when = article.date or date_from_text(article.text, dateline)
    locations: dict[str, None] = {}
    countries: dict[str, None] = {}

    def country_of(place) -> str:
        return historic_country(place.country, when)

    primary, title_mentions, body_mentions = place_mentions(article, dateline)
    if primary is not None:
        locations[primary.name] = None
        if primary.country:
            countries[country_of(primary)] = None
    for mention in title_mentions + body_mentions:
        if mention.place.kind != "demonym":
            locations[mention.place.name] = None
        if mention.place.country:
            locations.setdefault(country_of(mention.place), None)  # every country named stays findable
    body = fold(article.body)
    title = fold(article.title)
    about = story_countries(body, [country_of(m.place) for m in title_mentions if not passing(title, m)], body_mentions,
                            in_lists(body, body_mentions), country_of, home_country(article.source, article.url),
                            when.year if when else None)
    countries.update(dict.fromkeys(about))
    home = home_country(article.source, article.url)
    if not countries and home and home_politics(article.text, home):  # names no place: its own country's politics
        countries[home] = None

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


__all__ = ["body_dateline", "enrich", "place_mentions"]
