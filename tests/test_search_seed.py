"""End to end on the bundled seed article: index the corpus, then search it like a user would."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from searchkit import Index, QuerySyntaxError

SEED_ID = "000_e282b53e72c4bdf8"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, corpus_dir):
    idx = Index(tmp_path_factory.mktemp("seed") / "index")
    report = idx.rebuild([corpus_dir])
    assert report.added >= 1 and report.skipped == 0
    yield idx
    idx.close()


def ids(results):
    return [h.id for h in results.hits]


def test_prison_escape_finds_seed_with_prison_highlighted(seed_index):
    results = seed_index.search("prison escape")
    assert ids(results)[:1] == [SEED_ID]
    hit = results.hits[0]
    assert "<b>prison</b>" in hit.snippet
    assert "<b>escaped</b>" in hit.snippet  # stemming: escape ~ escaped
    assert hit.date == datetime(2021, 7, 7, tzinfo=timezone.utc)
    assert hit.source == "Islam Times"
    assert results.suggestion is None  # "escape" is known through "escaped": nothing to correct
    assert "… …" not in hit.snippet


def test_misspelt_query_gets_a_suggestion_from_the_seed_vocabulary(seed_index):
    results = seed_index.search("prisson escpe", correct=False)
    assert results.total == 0
    assert results.suggestion is not None and results.suggestion.startswith("prison ")
    corrected = seed_index.search("prisson escpe")  # nothing as typed: the suggestion runs
    assert corrected.corrected_from == "prisson escpe" and corrected.query == results.suggestion
    assert ids(corrected) == [SEED_ID]


def test_phrase_matches_only_in_order(seed_index):
    assert ids(seed_index.search('"prison gate"')) == [SEED_ID]
    assert ids(seed_index.search('"gate prison"')) == []


def test_phrase_with_stop_words(seed_index):
    assert ids(seed_index.search('"the enemy has entered the city"')) == [SEED_ID]
    assert ids(seed_index.search('"the enemy has entered a city"')) == []


def test_glued_sentences_are_separate_words(seed_index):
    # "...in a text message.Badghis provincial council chief..." must index "message" and "badghis"
    assert ids(seed_index.search('"text message"')) == [SEED_ID]
    assert ids(seed_index.search('"Badghis provincial council chief"')) == [SEED_ID]


def test_quote_field_holds_only_quoted_speech(seed_index):
    assert ids(seed_index.search("quote:enemy")) == [SEED_ID]
    # "Qatar" is in the body but never inside quotation marks
    assert ids(seed_index.search("Qatar")) == [SEED_ID]
    assert ids(seed_index.search("quote:Qatar")) == []


def test_speaker_finds_governors_quote(seed_index):
    results = seed_index.search("speaker:shams")
    assert ids(results) == [SEED_ID]
    quotes = {q.text: q.speaker for q in results.hits[0].quotes}
    enemy = [t for t in quotes if "The enemy has entered the city" in t]
    assert enemy and quotes[enemy[0]] == "Hessamuddin Shams"
    assert "Hessamuddin Shams" in results.hits[0].speakers
    assert ids(seed_index.search("quote:enemy speaker:shams location:badghis")) == [SEED_ID]
    # the Taliban are named throughout but never quoted (Biden is now: his “forever war”, issue 12)
    assert ids(seed_index.search("quote:enemy speaker:taliban")) == []


def test_location_and_country(seed_index):
    assert ids(seed_index.search("location:kabul")) == [SEED_ID]
    assert ids(seed_index.search("location:afghanistan")) == [SEED_ID]
    assert ids(seed_index.search('location:"Qala-e-Naw"')) == [SEED_ID]
    assert ids(seed_index.search("location:france")) == []
    assert ids(seed_index.search("taliban", location="badghis")) == [SEED_ID]
    assert ids(seed_index.search("taliban", location="peru")) == []


def test_date_queries_and_filters(seed_index):
    assert ids(seed_index.search("date:2021-07-07")) == [SEED_ID]
    assert ids(seed_index.search("taliban date:[2021-07-01 to 2021-07-31]")) == [SEED_ID]
    assert ids(seed_index.search("taliban date:[2021-08-01 to 2021-08-31]")) == []
    july = datetime(2021, 7, 1, tzinfo=timezone.utc)
    assert ids(seed_index.search("taliban", date_from=july)) == [SEED_ID]
    assert ids(seed_index.search("taliban", date_to=july)) == []
    basedate = datetime(2021, 7, 12, tzinfo=timezone.utc)  # a Monday: "last week" is 5-11 July
    assert ids(seed_index.search('taliban date:"last week"', basedate=basedate)) == [SEED_ID]
    assert ids(seed_index.search('taliban date:"this week"', basedate=basedate)) == []


def test_source_field_and_filter(seed_index):
    assert ids(seed_index.search('source:"islam times"')) == [SEED_ID]
    assert ids(seed_index.search("taliban", source="Islam Times")) == [SEED_ID]
    assert ids(seed_index.search("taliban", source="reuters")) == []


def test_boolean_operators(seed_index):
    assert ids(seed_index.search("taliban AND kabul")) == [SEED_ID]
    assert ids(seed_index.search("taliban NOT kabul")) == []
    assert ids(seed_index.search("zzyzx OR kabul")) == [SEED_ID]


@pytest.mark.parametrize("bad", ['"unclosed', "(taliban OR kabul", "nosuchfield:x", "date:2021-13-45", "   "])
def test_bad_queries_raise_clear_errors(seed_index, bad):
    with pytest.raises(QuerySyntaxError) as err:
        seed_index.search(bad)
    message = str(err.value)
    assert "\n" not in message and len(message) < 400


def test_get_and_stats(seed_index):
    article = seed_index.get(SEED_ID)
    assert article is not None and article.source == "Islam Times"
    assert "Qala-e-Naw" in article.body
    assert seed_index.get("no-such-id") is None
    stats = seed_index.stats()
    assert stats["articles"] == 1
    assert stats["first_date"].startswith("2021-07-07")
    assert ("Islam Times", 1) in stats["sources"]
    assert "Afghanistan" in [name for name, _ in stats["locations"]]


def test_reindexing_same_files_is_a_noop(seed_index, corpus_dir):
    report = seed_index.add([corpus_dir])
    assert report.added == 0 and report.files_unchanged == 1
