"""Hostile input, property-based: readers and the query parser give a result or a clear error, in
bounded time, and never damage the index."""
from __future__ import annotations

import gzip
import json
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchkit import Article, Index, QuerySyntaxError
from searchkit.cli import main
from searchkit.ingest import read_file
from searchkit.model import Problem

SUFFIXES = [".txt", ".jsonl", ".json", ".sgm", ".txt.gz", ".sgm.gz", ".ndjson", ".html", ".warc", ".warc.gz", ".rss", ".xml"]
SEED_ID = "000_e282b53e72c4bdf8"
HOSTILE = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


def _read_bytes(data: bytes, suffix: str) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"input{suffix}"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") and data[:1] != b"\x1f" else data)
        items = list(read_file(path))
    for item in items:
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Problem):
            assert "\n" not in str(item)
    return items


@HOSTILE
@given(data=st.binary(max_size=4000), suffix=st.sampled_from(SUFFIXES))
def test_readers_survive_random_bytes(data, suffix):
    _read_bytes(data, suffix)


_nasty_text = st.text(
    alphabet=st.one_of(st.characters(), st.sampled_from(list('\x00\x01\x1b\u201c\u201d"\'<>&;-\n\r\t\ufeff'))),
    max_size=2000,
)


@HOSTILE
@given(body=_nasty_text, suffix=st.sampled_from([".txt", ".jsonl"]), header=st.booleans())
def test_readers_survive_control_characters_and_quotes(body, suffix, header):
    text = (f"date 2021-07-07 Wire - {body}" if header else body)
    if suffix == ".jsonl":
        text = json.dumps({"title": body[:50], "body": body, "date": "2021-07-07"})
    items = _read_bytes(text.encode("utf-8", "surrogatepass"), suffix)
    for item in items:
        if isinstance(item, Article):
            assert "\x00" not in item.body


@HOSTILE
@given(text=st.text(max_size=300))
def test_mixed_encodings(text):
    data = text.encode("utf-8", "surrogatepass") + "café “quoted”".encode("cp1252", "replace") + b"\xff\xfe"
    _read_bytes(b"date 2021-07-07 Wire - " + data, ".txt")


@pytest.mark.parametrize("date", ["0000-01-01", "0001-01-01", "9999-12-31", "2021-02-30", "-5", "1e308", "null"])
def test_extreme_dates_are_read_or_reported(tmp_path, date):
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"id": "x", "title": "Date test", "body": "harvest", "date": date}) + "\n")
    items = list(read_file(path))
    articles = [i for i in items if isinstance(i, Article)]
    assert len(articles) == 1
    article = articles[0]
    assert article.date is None or article.date.tzinfo is not None
    idx = Index(tmp_path / "index")
    idx.add_articles(articles)
    assert [h.id for h in idx.search("harvest").hits] == ["x"]
    idx.close()


def test_huge_line_is_read_indexed_and_highlighted(tmp_path):
    filler = "wheat harvest report " * 500_000  # ~10 MB on one line
    path = tmp_path / "huge.txt"
    path.write_text(f"date 2021-07-07 Wire - {filler} the zanzibar clove auction closed\n")
    idx = Index(tmp_path / "index")
    report = idx.add([path])
    assert report.added == 1
    hit = idx.search("zanzibar").hits[0]
    assert "<b>zanzibar</b>" in hit.snippet  # a match 10 MB deep is still highlighted
    idx.close()


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, corpus_dir):
    idx = Index(tmp_path_factory.mktemp("hostile") / "index")
    idx.rebuild([corpus_dir])
    yield idx
    idx.close()


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(q=st.text(max_size=200))
def test_any_query_gives_results_or_a_clear_error(seed_index, q):
    try:
        results = seed_index.search(q)
    except QuerySyntaxError as exc:
        assert "\n" not in str(exc)
    else:
        assert results.total >= 0


_query_atoms = st.sampled_from(['"', "(", ")", "[", "]", "{", "}", "*", "?", "~", "^", ":", "AND", "OR", "NOT",
                                "TO", "date:", "quote:", "prison", "escape", " ", "\\", "-", "+", "'"])


@settings(max_examples=150, deadline=3000, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(parts=st.lists(_query_atoms, max_size=40))
def test_operator_soup_gives_results_or_a_clear_error(seed_index, parts):
    try:
        seed_index.search("".join(parts))
    except QuerySyntaxError as exc:
        assert "\n" not in str(exc)


@pytest.mark.parametrize("q", [
    "*", "?", "prison*", '"' * 101, "(" * 500 + "prison" + ")" * 500, '"the "enemy" has"',
    " ".join(["prison"] * 10_000), " ".join(f"word{i}" for i in range(10_000)), "date:[9999 to 0000]",
    "date:0000-00-00", "\x00prison\x00", "prison" * 2000,
])
def test_pathological_queries(seed_index, q):
    try:
        results = seed_index.search(q)
    except QuerySyntaxError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 500
    else:
        assert results.total in (0, 1)
    assert [h.id for h in seed_index.search("prison escape").hits] == [SEED_ID]  # nothing lost


def test_json_output_escapes_everything(tmp_path):
    nasty = 'He said "hi"\n\t<script>alert(1)</script> & \x1b[31m red \u2028 zanzibar'
    idx = Index(tmp_path / "index")
    idx.add_articles([Article(id='id"with\\quotes', title=nasty, body=nasty, source="<src>",
                              date=datetime(2021, 7, 7, tzinfo=timezone.utc))])
    idx.close()
    result = CliRunner().invoke(main, ["query", "zanzibar", "--json", "--index", str(tmp_path / "index")])
    assert result.exit_code == 0, result.output
    lines = result.output.strip().split("\n")
    assert len(lines) == 1
    hit = json.loads(lines[0])
    assert hit["id"] == 'id"with\\quotes' and hit["title"] == nasty
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert "<b>zanzibar</b>" in hit["snippet"]
    assert hit["snippet"].replace("<b>", "").replace("</b>", "").count("<") == 0
