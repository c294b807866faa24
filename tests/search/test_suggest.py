"""Did-you-mean for a known but rare spelling when another, an edit away, is far more common."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit import Index
from searchkit.model import Article

DAY = datetime(1987, 3, 2, tzinfo=timezone.utc)


def _many(key: str, title: str, body: str, n: int) -> dict:
    """n stories of one kind, numbered (a common spelling)."""
    return {f"{key}{i}": (title, f"{body} ({i})") for i in range(n)}


STORIES = {
    **_many("p", "Texaco talks", "Texaco and Pennzoil met again, round", 30),
    **_many("v", "Fed chairman", "Paul Volcker spoke on rates, part", 25),
    **_many("o", "Crude oil", "Oil prices rose, day", 25),
    **_many("s", "Set back", "Talks set back, case", 25),
    **_many("m", "Markets", "Market prices rose, session", 25),
    **_many("mx", "Markel news", "Markel Corp prices, note", 3),
    "typo": ("Texaco talks", "Texaco and Penzoil met again."),
    "volk": ("Fed chairman", "Paul Volker spoke on rates."),
    "oils": ("Edible oils", "Oils and fats markets were quiet."),
    "snet": ("SNET results", "SNET reported results."),
    "markel": ("Markel results", "Markel Corp reported results and prices."),
}


@pytest.fixture(scope="module")
def idx(story_index):
    return story_index("suggest", STORIES, DAY)


@pytest.mark.parametrize("query, suggestion", [
    ("texaco penzoil", "texaco pennzoil"),  # 1 story beside texaco, against 30
    ("volker", "volcker"),  # alone: 1 story against 25
    ("penzoil round", "pennzoil round"),  # no story holds both words as typed: the spelling found with them
])
def test_a_rare_spelling_gets_the_far_commoner_one(idx, query, suggestion):
    assert idx.search(query, correct=False).suggestion == suggestion


@pytest.mark.parametrize("query", [
    "oils",  # another form of a common word, not another spelling
    "snet",  # under five letters: an abbreviation or a ticker, not a typo
    "volcker", "oil prices",  # common words
    "markel corp prices",  # rare, but beside its other words as common as `market` (4 stories to 0)
])
def test_no_suggestion_for_forms_abbreviations_common_words_or_rare_words_in_their_context(idx, query):
    assert idx.search(query, correct=False).suggestion is None
