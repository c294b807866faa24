"""Queries and options that once leaked tracebacks or misleading errors: each gets an answer or one line."""
from __future__ import annotations

import fcntl
import os
import shutil
import threading
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchkit import Article, Index, SearchkitError
from searchkit.cli import main
from searchkit.errors import ArgumentError, IndexCorruptError, QueryLimitError, QuerySyntaxError

SEED_ID = "000_e282b53e72c4bdf8"


@pytest.fixture(scope="module")
def mixed_index(tmp_path_factory, corpus_dir):
    """The seed story plus stories with and without dates, all about a harvest."""
    idx = Index(tmp_path_factory.mktemp("mixed") / "index")
    idx.rebuild([corpus_dir])
    day = datetime(2021, 7, 1, tzinfo=timezone.utc)
    idx.add_articles([
        Article(id="old", title="Harvest begins", body="The wheat harvest began in Kandahar.", date=day),
        Article(id="new", title="Harvest ends", body="The wheat harvest ended.", date=day + timedelta(days=9)),
        Article(id="undated-strong", title="Harvest harvest", body="Harvest wheat harvest wheat harvest."),
        Article(id="undated-weak", title="Markets", body="Prices rose before the harvest."),
    ])
    yield idx
    idx.close()


def _cli(index, *args, env=None):
    return CliRunner().invoke(main, [*args, "--index", str(index.path)], env=env)


def _one_line(result, code=2):
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


# -- dates beyond the calendar --------------------------------------------------------------

@pytest.mark.parametrize("query", ["date:99999999d", 'date:"past 99999999 days"', "harvest date:99999999w"])
def test_date_overflow_in_a_query_is_one_line(mixed_index, query):
    line = _one_line(_cli(mixed_index, "query", query))
    assert "out of range" in line


@pytest.mark.parametrize("args", [["--since", "99999999y"], ["--since", "99999999d"]])
def test_date_overflow_in_options_is_one_line(mixed_index, args):
    assert "out of range" in _one_line(_cli(mixed_index, "query", "harvest", *args))


@pytest.mark.parametrize("args, env", [
    (["query", "date:9999-12-31"], None),
    (["query", "date:9999"], None),
    (["query", "harvest", "--to", "9999-12"], None),
    (["query", "date:today"], {"SEARCHKIT_TODAY": "9999-12-31"}),
])
def test_the_last_representable_dates_are_answered(mixed_index, args, env):
    # 9999-12-31 is a real day: searching it is no error (Whoosh computed the day after it and crashed).
    result = _cli(mixed_index, *args, env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    expected = 0 if "--to" in args else 1  # every harvest story is before 9999; none is on that day
    assert result.exit_code == expected, result.output


def test_the_day_after_the_calendar_ends_is_one_line(mixed_index):
    _one_line(_cli(mixed_index, "query", "date:tomorrow", env={"SEARCHKIT_TODAY": "9999-12-31"}))
    _one_line(_cli(mixed_index, "query", 'date:"last week"', env={"SEARCHKIT_TODAY": "0001-01-01"}))


# -- undated stories --------------------------------------------------------------------------

def test_recency_with_undated_hits_ranks_them_last_instead_of_failing(mixed_index):
    results = mixed_index.search("harvest", recency=7, collapse=False)
    ids = [h.id for h in results.hits]
    assert set(ids) == {"old", "new", "undated-strong", "undated-weak"}
    assert ids.index("new") < ids.index("old")  # fresher first when relevance is alike
    assert ids[-1] == "undated-weak"
    assert _cli(mixed_index, "query", "harvest", "--recency", "7").exit_code == 0


def test_date_sort_lists_undated_stories_last_in_relevance_order(mixed_index):
    newest = mixed_index.search("harvest", sort="date")
    assert [h.id for h in newest.hits] == ["new", "old", "undated-strong", "undated-weak"]
    oldest = mixed_index.search("harvest", sort="oldest")
    assert [h.id for h in oldest.hits] == ["old", "new", "undated-strong", "undated-weak"]
    assert newest.undated == 2 and newest.notes == ["2 undated stories listed after the dated ones"]
    assert mixed_index.search("harvest").undated == 0  # nothing to say without a date sort or filter


def test_date_filter_says_how_many_undated_matches_it_left_out(mixed_index):
    since = datetime(2021, 7, 5, tzinfo=timezone.utc)
    results = mixed_index.search("harvest", date_from=since)
    assert [h.id for h in results.hits] == ["new"]
    assert results.undated == 2 and results.to_dict()["undated"] == 2
    assert results.notes == ["2 undated stories left out by the date filter"]
    text = _cli(mixed_index, "query", "harvest", "--from", "2021-07-05")
    assert text.exit_code == 0 and "note: 2 undated stories left out by the date filter" in text.output
    as_json = _cli(mixed_index, "query", "harvest", "--from", "2021-07-05", "--json")
    summary = [line for line in as_json.output.splitlines() if line.startswith('{"summary"')]
    assert summary and '"undated": 2' in summary[0]


# -- the caller's mistakes are not a damaged index ------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda idx: idx.get(123),
    lambda idx: idx.similar(None),
    lambda idx: idx.search(b"harvest"),
    lambda idx: idx.search("harvest", limit="10"),
    lambda idx: idx.search("harvest", page=0),
    lambda idx: idx.search("harvest", date_from="2021-13-01"),  # text is read as a date: a bad one
    lambda idx: idx.search("harvest", location=["kabul"]),
    lambda idx: idx.search("harvest", facets="year"),
    lambda idx: idx.search("harvest", recency=float("nan")),
    lambda idx: idx.search("harvest", sort="size"),
])
def test_bad_arguments_are_argument_errors(mixed_index, call):
    with pytest.raises(ArgumentError) as err:
        call(mixed_index)
    assert not isinstance(err.value, IndexCorruptError) and "\n" not in str(err.value)


def test_corruption_is_told_by_the_storage_error_itself(tmp_path, corpus_dir):
    idx = Index(tmp_path / "index")
    idx.rebuild([corpus_dir])
    gen = idx.path / (idx.path / "CURRENT").read_text().strip()
    idx.close()
    for seg in gen.glob("*.seg"):
        seg.write_bytes(seg.read_bytes()[:200])
    with pytest.raises(IndexCorruptError, match="rebuild"):
        Index(idx.path).search("prison")


# -- wildcards and time -----------------------------------------------------------------------

@pytest.mark.parametrize("query", [" OR ".join(f"{c}*" for c in "abcdefghijklmnopqrstuvwxyz"), "*a*"])
def test_wildcards_that_expand_to_most_of_the_vocabulary_are_refused_at_once(reuters_index, query):
    with pytest.raises(QueryLimitError) as err:
        reuters_index.search(query)
    message = str(err.value)
    assert "expands to more than" in message and "\n" not in message and len(message) < 300


def test_a_common_prefix_is_still_answered(reuters_index, monkeypatch):
    from searchkit.search import ranking

    monkeypatch.setattr(ranking, "QUERY_SECONDS", 60.0)  # the expansion limit is tested, not this machine's speed
    results = reuters_index.search("a*", snippets=False, suggest=False)
    assert results.matched > 15_000


def test_a_query_over_the_time_limit_stops_and_says_why(seed_index_path, monkeypatch):
    from searchkit.search import ranking

    monkeypatch.setattr(ranking, "QUERY_SECONDS", 0.0)  # every search is already over its budget
    with pytest.raises(QueryLimitError, match="time limit"):
        Index(seed_index_path).search("prison")
    result = CliRunner().invoke(main, ["query", "prison", "--index", str(seed_index_path)])
    assert result.exit_code == 2 and "time limit" in result.output


@pytest.fixture(scope="module")
def seed_index_path(mixed_index):
    return mixed_index.path


# -- --wait on reading commands -----------------------------------------------------------------

def test_reading_commands_wait_for_a_first_build_in_progress(tmp_path, seed_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    shutil.copy(seed_path, tmp_path / "corpus" / seed_path.name)
    (tmp_path / "index").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHKIT_INDEX", raising=False)
    fd = os.open(tmp_path / "index" / ".lock", os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        refused = CliRunner().invoke(main, ["query", "prison escape"])
        assert refused.exit_code == 2 and "--wait" in refused.output
    finally:
        threading.Timer(0.5, os.close, [fd]).start()  # the other writer finishes half a second later
    waited = CliRunner().invoke(main, ["query", "prison escape", "--wait", "30"])
    assert waited.exit_code == 0, waited.output
    for command in (["show", SEED_ID], ["stats"], ["similar", SEED_ID], ["quotes", "enemy"]):
        assert CliRunner().invoke(main, [*command, "--wait", "1"]).exit_code in (0, 1), command  # 1: none alike


# -- fuzzing through the API ------------------------------------------------------------------

_atoms = st.sampled_from([
    "harvest", "wheat", "prison", "escape", "taliban", "kabul", "*", "?", "wh*", "*at", "~", "^2", ":", '"', "(", ")",
    "[", "]", "{", "}", "AND", "OR", "NOT", "TO", "to", " ", "-", "+", "\\", "'", "\ud800", "\udfff", "\x00",
    "date:", "date:9999-12-31", "date:0001-01-01", "date:9999", "date:2021-13-01", "date:2021-02-30",
    "date:99999999d", 'date:"past 99999999 days"', 'date:"last week"', "date:today", "date:yesterday",
    "date:tomorrow", "date:7d", "date:[2021-07-01 to 2021-07-31]", "date:[9999 to 0000]", "date:>2021-07-01",
    "date:<0001-01-02", 'date:"2 weeks ago"', "title:", "body:", "source:", "location:", "loc:", "country:",
    "place:", "quote:", "said:", "speaker:", "by:", "tag:", "id:", "colour:", "title:(a b)", 'source:"islam times"',
    "location:afghanistan", "speaker:shams", "quote:enemy", "id:old",
])
_text = st.text(alphabet=st.characters(blacklist_categories=["Cs"]) | st.sampled_from(["\ud800", "\udc80"]),
                max_size=12)
_query = st.lists(st.one_of(_atoms, _text), min_size=1, max_size=12).map(" ".join)
_zones = st.sampled_from([None, timezone.utc, timezone(timedelta(hours=-12)), timezone(timedelta(hours=14))])
_good_datetimes = st.one_of(st.none(), st.datetimes(timezones=_zones), st.sampled_from([datetime.min, datetime.max]))
_good_value = st.one_of(st.none(), _text, st.sampled_from(["kabul", "Islam Times", "shams", "", ",", "\ud800"]))
_facet_names = ["location", "country", "place", "source", "speaker", "tag", "year", "month"]


def _in_order(options: dict) -> dict:
    """Valid options: a date range that ends before it starts is an ArgumentError, so its ends are swapped."""
    from searchkit.search.request import utc

    first, last = options.get("date_from"), options.get("date_to")
    if first is not None and last is not None and utc(first) > utc(last):
        options = {**options, "date_from": last, "date_to": first}
    return options


_good_options = st.fixed_dictionaries({}, optional={
    "limit": st.sampled_from([1, 2, 3, 10, 10**9]), "page": st.sampled_from([1, 2, 3, 10**12]),
    "sort": st.sampled_from(["relevance", "date", "oldest"]), "match": st.sampled_from(["all", "any"]),
    "date_from": _good_datetimes, "date_to": _good_datetimes, "basedate": _good_datetimes,
    "location": _good_value, "source": _good_value, "speaker": _good_value, "tag": _good_value,
    "facets": st.lists(st.sampled_from(_facet_names)), "facet_top": st.integers(1, 5),
    "recency": st.one_of(st.none(), st.floats(0.001, 1e6)),
    "fuzzy": st.booleans(), "collapse": st.booleans(), "explain": st.booleans(), "suggest": st.booleans(),
    "snippets": st.booleans(),
}).map(_in_order)
_any_options = st.fixed_dictionaries({}, optional={
    "limit": st.one_of(st.integers(-2, 50), st.sampled_from([True, "5", None])),
    "page": st.one_of(st.integers(-1, 5), st.sampled_from([2.5, None])),
    "sort": st.sampled_from(["relevance", "date", "random", None, 1]),
    "match": st.sampled_from(["all", "any", "some", None]),
    "date_from": st.one_of(_good_datetimes, st.sampled_from(["2021-07-01", 20210701])),
    "date_to": st.one_of(_good_datetimes, st.just(b"2021")),
    "location": st.one_of(_good_value, st.just(["kabul"])), "tag": st.one_of(_good_value, st.just(7)),
    "facets": st.one_of(st.none(), st.just("year"), st.lists(st.sampled_from(["year", "colour", 3]))),
    "facet_top": st.integers(-1, 5),
    "recency": st.one_of(st.none(), st.floats(allow_nan=True), st.integers(-5, 5), st.just("7")),
})
FUZZ = settings(max_examples=250, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _search_or_clear_error(idx, query, options, allowed=(SearchkitError,)):
    try:
        results = idx.search(query, **options)
    except allowed as exc:
        message = str(exc)
        assert "\n" not in message and len(message) < 600, message
        return None
    assert results.total <= results.matched
    assert len(results.hits) <= results.limit
    # partial matches (only some of the words) are paged after the all-words hits
    assert results.pages == max(1, -(-(results.total + results.partial) // results.limit))
    assert all(not h.partial for h in results.hits) or results.partial > 0
    return results


@FUZZ
@given(query=_query, options=_good_options)
def test_valid_options_give_results_or_a_query_error(mixed_index, query, options):
    # Only the query text can be wrong here: any other error escaping is a bug.
    _search_or_clear_error(mixed_index, query, options, allowed=(QuerySyntaxError, QueryLimitError))


@FUZZ
@given(query=_query, options=_any_options)
def test_only_searchkit_errors_escape_the_api(mixed_index, query, options):
    _search_or_clear_error(mixed_index, query, options)
