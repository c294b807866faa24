"""JSON Lines and JSON documents: key aliases, dates, extra keys as tags, bad lines reported."""
from __future__ import annotations

import json
from datetime import datetime, timezone

from searchkit.ingest import read_file
from searchkit.model import Article, Problem, Quote


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def write_lines(path, *lines):
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_keys_and_aliases(tmp_path):
    path = write_lines(
        tmp_path / "feed.jsonl",
        json.dumps({"id": "a1", "headline": "Title A", "published_at": "2021-07-07T10:30:00+04:30",
                    "publisher": "Tolo", "content": "Body A.", "link": "http://x/a", "keywords": "war, Kabul",
                    "places": ["Kabul", "Herat"], "dateline": "KABUL, July 7", "lang": "en", "score": 3,
                    "long": "x" * 61, "nested": {"a": 1},
                    "quotes": [{"text": "We will fight", "speaker": "Shams"}, {"text": "Alone"}]}),
        json.dumps({"title": "Title B", "text": "Body B.", "date": "2021-07-08", "tags": ["t1", "t2"]}),
    )
    articles, problems = split(read_file(path))
    assert problems == []
    a, b = articles
    assert (a.id, a.title, a.body, a.source, a.url, a.dateline) == (
        "a1", "Title A", "Body A.", "Tolo", "http://x/a", "KABUL, July 7")
    assert a.date == datetime(2021, 7, 7, 6, 0, tzinfo=timezone.utc)
    assert a.locations == ("Kabul", "Herat")
    assert a.tags == ("war", "Kabul", "lang:en", "score:3")
    assert a.quotes == (Quote("We will fight", "Shams"), Quote("Alone", None))
    assert a.line == 1
    assert b.id == "feed-2" and b.line == 2 and b.tags == ("t1", "t2")
    assert b.date == datetime(2021, 7, 8, tzinfo=timezone.utc)


def test_dates(tmp_path):
    lines = [json.dumps({"id": str(n), "body": "x", "date": value}) for n, value in enumerate(
        [1625616000, "1625616000", "2021-07-07T00:00:00Z", "2021-07-07 00:00:00", "Wed, 07 Jul 2021 00:00:00 GMT",
         "2021-07-07"])]
    articles, problems = split(read_file(write_lines(tmp_path / "d.ndjson", *lines)))
    assert problems == []
    assert {a.date for a in articles} == {datetime(2021, 7, 7, tzinfo=timezone.utc)}
    assert all(a.date.utcoffset().total_seconds() == 0 for a in articles)


def test_bad_lines_are_reported_and_reading_goes_on(tmp_path):
    path = write_lines(
        tmp_path / "bad.jsonl",
        json.dumps({"id": "1", "body": "ok"}),
        "{not json",
        "[1, 2]",
        json.dumps({"id": "4", "url": "http://nothing"}),
        "",
        json.dumps({"id": "6", "title": "T", "date": "2021-13-45"}),
        "[" * 100000,
    )
    articles, problems = split(read_file(path))
    assert [a.id for a in articles] == ["1", "6"]
    assert articles[1].date is None and articles[1].title == "T" and articles[1].body == ""
    by_line = {p.line: p for p in problems}
    assert set(by_line) == {2, 3, 4, 6, 7}
    assert by_line[2].message.startswith("invalid JSON") and by_line[2].skipped
    assert by_line[3].message.startswith("invalid JSON") and by_line[3].skipped
    assert by_line[4].skipped and "neither title nor body" in by_line[4].message
    assert by_line[6].skipped is False and "2021-13-45" in by_line[6].message
    assert by_line[7].skipped


def test_json_documents(tmp_path):
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"title": "Solo", "body": ["Para one.", "Para two."]}), encoding="utf-8")
    (a,) = read_file(one)
    assert a.id == "one-1" and a.body == "Para one.\n\nPara two." and a.title == "Solo"

    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"id": "x", "body": "First. Second."}, 5]), encoding="utf-8")
    articles, problems = split(read_file(many))
    assert [a.id for a in articles] == ["x"] and articles[0].title == "First."
    assert problems[0].line == 2 and "expected an object" in problems[0].message

    wrapped = tmp_path / "wrapped.json"
    wrapped.write_text(json.dumps({"articles": [{"body": "a"}, {"body": "b"}]}), encoding="utf-8")
    assert [a.id for a in read_file(wrapped)] == ["wrapped-1", "wrapped-2"]


def test_json_file_holding_json_lines_and_broken_json(tmp_path):
    lines = tmp_path / "lines.json"
    write_lines(lines, json.dumps({"body": "a"}), json.dumps({"body": "b"}))
    assert [a.body for a in read_file(lines)] == ["a", "b"]
    broken = tmp_path / "broken.json"
    broken.write_text('[{"body": "a"},', encoding="utf-8")
    (p,) = read_file(broken)
    assert isinstance(p, Problem) and p.message.startswith("invalid JSON")


def test_gzipped_jsonl(tmp_path):
    import gzip

    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(gzip.compress((json.dumps({"body": "packed"}) + "\n").encode()))
    (a,) = read_file(path)
    assert a.id == "feed-1" and a.body == "packed"
