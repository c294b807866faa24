"""The Python API takes what the command line and the web page take: sort names and dates as text."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from searchkit import Index
from searchkit.cli import main
from searchkit.errors import ArgumentError
from searchkit.model import Article, Quote

DAYS = {"a": datetime(1987, 3, 2, tzinfo=timezone.utc), "b": datetime(1987, 6, 15, tzinfo=timezone.utc),
        "c": datetime(1987, 10, 19, tzinfo=timezone.utc)}


@pytest.fixture(scope="module")
def dated(tmp_path_factory) -> Index:
    idx = Index(tmp_path_factory.mktemp("api") / "index")
    idx.add_articles(Article(id=key, title=f"Opec talks {key}", date=day,
                             body=f"Opec ministers met in Vienna on day {key}. \"Output stays,\" the minister said.",
                             quotes=(Quote(text="Output stays", speaker="Hisham Nazer"),))
                     for key, day in DAYS.items())
    yield idx
    idx.close()


def test_sort_newest_is_the_date_sort_everywhere(dated):
    newest = [h.id for h in dated.search("opec", sort="newest").hits]
    assert newest == [h.id for h in dated.search("opec", sort="date").hits] == ["c", "b", "a"]
    assert [h.id for h in dated.search("opec", sort="oldest").hits] == ["a", "b", "c"]
    cli = CliRunner().invoke(main, ["query", "opec", "--sort", "newest", "--json", "--index", str(dated.path)])
    assert cli.exit_code == 0, cli.output
    assert [line.split('"id": "')[1][0] for line in cli.output.splitlines()[:-1]] == ["c", "b", "a"]


def test_a_date_span_beyond_the_index_says_where_its_dates_are_for_every_caller(dated):
    late = dated.search("opec", date_from="1988-01-01")
    assert not late.hits
    assert "no story is dated after 1987-10-19, the newest in the index (from 1987-03-02)" in late.notes
    clause = dated.search("opec date:1986")  # a date in the query text is a span too
    assert "no story is dated before 1987-03-02, the oldest in the index (to 1987-10-19)" in clause.notes
    between = dated.search("opec", date_from="1987-04-01", date_to="1987-04-30")
    assert not between.hits and not between.notes  # inside the index's dates: nothing to say


def test_dates_as_text_are_read_like_the_command_lines(dated):
    assert [h.id for h in dated.search("opec", date_from="1987-06", date_to="1987-06").hits] == ["b"]
    assert {h.id for h in dated.search("opec", date_from="1987-06-15").hits} == {"b", "c"}
    since = dated.search("opec", date_from="7d", basedate=datetime(1987, 10, 20, tzinfo=timezone.utc))
    assert [h.id for h in since.hits] == ["c"]
    assert [h.id for _q, h in dated.quotes("output", date_to="1987-03")] == ["a"]
    with pytest.raises(ArgumentError, match="date_from: .*13"):
        dated.search("opec", date_from="2016-13-01")
    with pytest.raises(ArgumentError, match="date_to"):
        dated.quotes("output", date_to="someday")


def test_stats_list_the_people_quoted_apart_from_sources_described(tmp_path):
    idx = Index(tmp_path / "index")
    idx.add_articles([
        Article(id="a", title="Talks", body="x", quotes=(Quote("We agree", "Hisham Nazer"), Quote("No", "dealers"))),
        Article(id="b", title="Talks", body="y", quotes=(Quote("Maybe", "dealers"), Quote("Yes", "Opec"))),
        Article(id="c", title="Talks", body="z", quotes=(Quote("Later", "a Reagan administration official"),))])
    stats = idx.stats()
    assert stats["speakers"] == [("Hisham Nazer", 1), ("Opec", 1)]  # names only: "dealers" does not crowd them
    assert stats["described_speakers"] == [("dealers", 2), ("a Reagan administration official", 1)]
    idx.close()


def test_a_speaker_filter_finds_a_description_by_its_head_or_qualifier_never_by_a_name_inside_it(tmp_path):
    """speaker:reagan is Reagan's words, not a Reagan administration official's; the hits and the quotes
    under them follow one rule (search/quotes.py and index/schema.speaker_text)."""
    idx = Index(tmp_path / "index")
    idx.add_articles([
        Article(id="a", title="Talks", body="talks resume", quotes=(Quote("Talks resume", "a Reagan administration official"),)),
        Article(id="b", title="Talks", body="talks resume", quotes=(Quote("We will talk", "Ronald Reagan"),)),
        Article(id="c", title="Talks", body="talks resume", quotes=(Quote("No comment", "White House spokesman"),))])
    found = {text: sorted(h.id for h in idx.search(text).hits) for text in (
        "speaker:reagan", "speaker:official", 'speaker:"reagan administration"',
        'speaker:"reagan administration official"', 'speaker:"white house"', "speaker:house",
        'speaker:"ronald reagan"')}
    assert found == {"speaker:reagan": ["b"], "speaker:official": ["a"], 'speaker:"reagan administration"': ["a"],
                     'speaker:"reagan administration official"': ["a"], 'speaker:"white house"': ["c"],
                     "speaker:house": [], 'speaker:"ronald reagan"': ["b"]}
    assert sorted(h.id for h in idx.search("talks", speaker="reagan").hits) == ["b"]
    assert sorted(h.id for h in idx.search("talks", speaker="reagan administration").hits) == ["a"]
    assert [q.speaker for q, _h in idx.quotes("quote:talk", speaker="reagan")] == ["Ronald Reagan"]
    idx.close()


def test_a_possessive_description_is_found_by_its_owner_and_head_like_any_other(tmp_path):
    """"Donald Trump's campaign" reads with its possessive and is indexed as "Donald Trump campaign" was."""
    idx = Index(tmp_path / "index")
    idx.add_articles([
        Article(id="a", title="Rally", body="a rally in Ohio", quotes=(Quote("We won", "Donald Trump's campaign"),)),
        Article(id="b", title="Vote", body="a vote in Iowa", quotes=(Quote("We lost", "Donald Trump"),))])
    found = {text: sorted(h.id for h in idx.search(text).hits) for text in (
        "speaker:campaign", 'speaker:"donald trump"', "speaker:trump", 'speaker:"donald trump campaign"')}
    assert found == {"speaker:campaign": ["a"], 'speaker:"donald trump"': ["a", "b"], "speaker:trump": ["b"],
                     'speaker:"donald trump campaign"': ["a"]}
    assert [q.speaker for q, _h in idx.quotes("*", speaker="donald trump campaign")] == ["Donald Trump's campaign"]
    idx.close()
