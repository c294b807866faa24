"""Currency and percent signs stay with their numbers, so `£800m` is not the `800m` of a race.

A word is a run of letters and digits (`\\w+`), except that a number keeps its decimal point and
thousands commas (`1.5bn`, `30,000`), a currency sign before a number stays on it (`£800m`, `$5`,
`€1.2bn`, `¥300`), and so does a percent sign after one (`5.5%`). Each is one token: the index
holds `£800m`, not `800m`. The query side (search/whoosh_query.py) widens both ways:

- `£800m` also matches `800m` next to a word for the currency somewhere in the story (`800m
  pounds`, `800m stg`), and `5%` matches `5 pct` and `5 percent` (wire copy spells them out);
- a bare number matches it with any sign: `800m` finds `£800m` and `$800m`, `5` finds `5%`.
"""
from __future__ import annotations

import re

CURRENCIES = {
    "$": ("dollar", "dollars", "dlr", "dlrs", "usd"),
    "£": ("pound", "pounds", "sterling", "stg", "gbp"),
    "€": ("euro", "euros", "eur"),
    "¥": ("yen", "yuan", "jpy", "cny"),
}
PERCENT = ("percent", "pct")
SIGNS = "".join(CURRENCIES) + "%"

_CURRENCY = re.escape("".join(CURRENCIES))
_NUMBER = r"\d+(?:[.,]\d+)*"
TOKEN_PATTERN = rf"[{_CURRENCY}]{_NUMBER}\w*|{_NUMBER}(?:%|\w*)|\w+"


def has_sign(word: str) -> bool:
    """A currency amount or a percentage (`£800m`, `5%`): a token that is not stemmed."""
    return bool(word) and (word[0] in CURRENCIES or word[-1] == "%")


def split_sign(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(the number, the words for its sign) of an amount or percentage, else None: `£800m` -> ('800m', (pound...))."""
    if not has_sign(word) or len(word) < 2:
        return None
    if word[-1] == "%":
        return word[:-1], PERCENT
    return word[1:], CURRENCIES[word[0]]


def signed_forms(number: str) -> list[str]:
    """The forms a bare number takes with a sign, as indexed: `800m` -> `$800m`, `£800m`, ..., `800m%`."""
    return [sign + number for sign in CURRENCIES] + [number + "%"]
