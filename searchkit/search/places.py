"""Place values in queries, read as the extractor reads places in text.

The extractor stores a place under the gazetteer's canonical name (a story's `Frankfurt` or
`Bombay` is indexed as Frankfurt am Main and Mumbai, its `UK` and `Britain` as United Kingdom),
so a `location:`, `country:` or `place:` value (and --location) matches the value as typed and
the name the gazetteer gives it. A value that matches no story gets a note naming the values
the index does hold that it may have meant (`country:germany` on 1987 news: West Germany).
"""
from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Mapping

from whoosh.support.levenshtein import damerau_levenshtein

from ..index.schema import slug
from . import request as rq

PLACE_FIELDS = ("location", "country", "place")
MAX_SHOWN = 3  # alternatives named in a note


@lru_cache(maxsize=1)
def _country_aliases() -> dict[str, str]:
    """Every other name of a country, lower-cased: `us`, `britain`, `holland` (news copy's case-sensitive
    table, which the extractor reads only with capitals, as `us` is a word)."""
    from ..extract.gazetteer import COUNTRY_ALIASES, DEMONYMS

    return {name.lower(): country for name, country in {**DEMONYMS, **COUNTRY_ALIASES}.items()}


@lru_cache(maxsize=4096)
def place_names(value: str, field: str = "location") -> tuple[str, ...]:
    """The names a typed place value stands for: itself, then the gazetteer's name for it.

    For `country:` only a country's name (or alias, demonym, Reuters slug) counts: `country:frankfurt`
    stays as typed, where `location:frankfurt` is also Frankfurt am Main.
    """
    from ..extract.gazetteer import gazetteer
    from ..extract.locations import canonical_country

    text = " ".join(value.split())
    names = [text]
    country = canonical_country(text) or _country_aliases().get(text.lower())
    if field == "country":
        names.append(country or "")
    else:
        gaz = gazetteer()
        forms = (text, text.title(), text.upper()) if len(text) <= 4 else (text, text.title())
        place = next((p for p in map(gaz.lookup, forms) if p is not None), None)
        names.append(place.name if place is not None and place.kind != "demonym" else country or "")
    return tuple(dict.fromkeys(n for n in names if n and slug(n)))


def place_slugs(value: str, field: str = "location") -> list[str]:
    """The indexed forms (slugs) of a comma-separated place value: any of them matches."""
    return list(dict.fromkeys(slug(n) for part in value.split(",") for n in place_names(part, field) if slug(n)))


def place_values(request: rq.SearchRequest) -> list[tuple[str, str]]:
    """(field, value typed) of each place value the request asks for, in the query and in --location."""
    out: list[tuple[str, str]] = []
    for leaf, _negated in rq.leaves(request.query):
        if isinstance(leaf, (rq.Word, rq.Phrase)) and leaf.field in PLACE_FIELDS:
            out += [(leaf.field, v.strip()) for v in leaf.text.split(",") if slug(v)]
    if request.filters.location:
        out += [("location", v.strip()) for v in request.filters.location.split(",") if slug(v)]
    return list(dict.fromkeys(out))


def unmatched_note(field: str, value: str, held: Mapping[str, int], names: Mapping[str, str],
                   located: Mapping[str, int] | None = None) -> str | None:
    """A note when no story holds the value in `field`: what the index holds that it may have meant.

    `held`: the field's indexed values and their story counts (`located`: the location field's);
    `names`: display names of values.
    """
    wanted = [slug(n) for n in place_names(value, field)]
    if any(held.get(s) for s in wanted):
        return None
    options = [(field, s) for s in _alternatives(wanted, held) if held.get(s)]
    if field != "location" and located:  # `country:frankfurt`: a place, not a country
        options += [("location", s) for s in (slug(n) for n in place_names(value)) if located.get(s)][-1:]
    shown = " or ".join(f'{f}:"{names.get(s, s.replace("-", " "))}"' for f, s in options[:MAX_SHOWN])
    return f"no place {value!r} in {field}" + (f"; did you mean {shown}?" if shown else "")


def _alternatives(wanted: list[str], held: Mapping[str, int]) -> Iterable[str]:
    """Values of the index a place value may have meant, likeliest first: the state of the day for a
    modern country (Germany in 1987 news is West Germany), values holding it as a word (`west-germany`
    for `germany`), then close spellings (`frankfurt` for `frankfort`), each most stories first."""
    from ..extract.gazetteer import HISTORIC

    names = {s.replace("-", " ") for s in wanted}
    historic = [slug(old) for _until, table in HISTORIC for new, old in table.items() if slug(new) in wanted]
    historic += [slug(new) for _until, table in HISTORIC for new, old in table.items() if slug(old) in wanted]
    by_count = sorted(held, key=lambda s: -held[s])
    within = [s for s in by_count if any(f" {n} " in f" {s.replace('-', ' ')} " for n in names)]
    close = [s for s in by_count if any(_close(n, s.replace("-", " ")) for n in names)]
    return dict.fromkeys([*historic, *within, *close])


def _close(typed: str, held: str) -> bool:
    """A spelling an edit or two away (one below five letters, as did-you-mean allows)."""
    if abs(len(typed) - len(held)) > 2 or typed[:1] != held[:1]:
        return False
    return damerau_levenshtein(typed, held) <= (2 if len(typed) >= 5 else 1)
