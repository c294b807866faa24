"""One rule picks quotations, for `searchkit quotes` and for the quotes shown under hits."""
from __future__ import annotations

import pytest

from searchkit.model import Quote
from searchkit.search.quotes import QuoteMatcher
from searchkit.search.request import SearchRequest

SEED_ID = "000_e282b53e72c4bdf8"
ENEMY = Quote("The enemy has entered the city, the clashes are under way", "Hessamuddin Shams")
OTHER = Quote("We will defend the city", "Abdul Wahid")


@pytest.mark.parametrize("text, options, picked", [
    ("speaker:shams", {}, [ENEMY]),
    ('speaker:"hessamuddin shams"', {}, [ENEMY]),
    ('speaker:"john shams"', {}, []),  # every word of the name must be the speaker's
    ("speaker:john OR speaker:shams", {}, [ENEMY]),  # any one of the names asked
    ("quote:city", {"speaker": "wahid"}, [OTHER]),
    ("quote:entered", {}, [ENEMY]),  # stemmed, like the index
    ('quote:"has entered"', {}, [ENEMY]),
    ('quote:"entered has"', {}, []),
    ("quote:def*", {}, [OTHER]),
    ("quote:city", {}, [ENEMY, OTHER]),
])
def test_quote_matcher_rule(text, options, picked):
    matcher = QuoteMatcher(SearchRequest.build(text, **options))
    assert [q for q, _html in matcher.pick([ENEMY, OTHER])] == picked


AIDE = Quote("The talks will resume", "Reagan administration official")
SPOKESMAN = Quote("No comment", "White House spokesman")


@pytest.mark.parametrize("text, picked", [
    ("speaker:reagan", []),  # a description holding a name is not that person's words
    ("speaker:official", [AIDE]),
    ('speaker:"reagan administration"', [AIDE]),
    ('speaker:"reagan administration official"', [AIDE]),
    ('speaker:"reagan official"', []),  # the head, the words before it, or the whole: as the index has it
    ('speaker:"white house"', [SPOKESMAN]),
    ("speaker:house", []),
])
def test_a_description_is_found_by_its_head_or_its_whole_qualifier(text, picked):
    matcher = QuoteMatcher(SearchRequest.build(text))
    assert [q for q, _html in matcher.pick([AIDE, SPOKESMAN])] == picked


def test_words_under_not_pick_nothing():
    assert not QuoteMatcher(SearchRequest.build("kabul NOT speaker:shams"))


def test_quotes_command_and_hits_agree(seed_index_shared):
    idx = seed_index_shared
    for speaker, found in (("shams", True), ("hessamuddin shams", True), ("john shams", False)):
        listed = [q.speaker for q, _hit in idx.quotes("enemy", speaker=speaker)]
        under_hits = [q["speaker"] for h in idx.search("quote:enemy", speaker=speaker).hits
                      for q in h.extra["matched_quotes"]]
        assert listed == under_hits == (["Hessamuddin Shams"] if found else []), speaker
