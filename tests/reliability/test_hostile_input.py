"""Hostile input, property-based: readers and the query parser give a result or a clear error, in
bounded time, and never damage the index."""
from __future__ import annotations

import gzip
import json
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchkit import Article, Index, QuerySyntaxError, Quote
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
def seed_index(seed_index_shared):
    return seed_index_shared


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
    assert len(lines) == 2 and json.loads(lines[1])["summary"]["total"] == 1  # the hit, then the summary
    hit = json.loads(lines[0])
    assert hit["id"] == 'id"with\\quotes' and hit["title"] == nasty
    assert "<script>" not in hit["snippet"] and "&lt;script&gt;" in hit["snippet"]
    assert "<b>zanzibar</b>" in hit["snippet"]
    assert hit["snippet"].replace("<b>", "").replace("</b>", "").count("<") == 0


# -- lone surrogates: from JSON escapes ("\ud800") and from file names with a byte that is not UTF-8 ------

_surrogate = st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
_text_with_surrogates = st.text(alphabet=st.one_of(st.characters(), _surrogate), max_size=200)


def _encodes(value) -> bool:
    json.dumps(value, ensure_ascii=False).encode("utf-8")
    return True


@HOSTILE
@given(ident=_text_with_surrogates, title=_text_with_surrogates, body=_text_with_surrogates,
       extra=_text_with_surrogates)
def test_readers_replace_lone_surrogates(ident, title, body, extra):
    record = {"id": ident, "title": title, "body": body + " x", "source": extra, "tags": [extra],
              "quotes": [{"text": extra or "q", "speaker": extra}]}
    line = json.dumps(record)  # ASCII escapes: "\ud800" stays a lone surrogate when read back
    for item in _read_bytes(line.encode(), ".jsonl"):
        assert _encodes([str(item)] if isinstance(item, Problem) else
                        [item.id, item.title, item.body, item.source, item.path, list(item.tags),
                         [[q.text, q.speaker] for q in item.quotes]])


@pytest.fixture(scope="module")
def api_index(tmp_path_factory):
    idx = Index(tmp_path_factory.mktemp("surrogates") / "index")
    yield idx
    idx.close()


@settings(max_examples=25, deadline=5000, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(ident=_text_with_surrogates.filter(lambda s: s.strip()), title=_text_with_surrogates,
       body=_text_with_surrogates, speaker=_text_with_surrogates)
def test_add_articles_with_lone_surrogates_stores_only_encodable_text(api_index, ident, title, body, speaker):
    api_index.add_articles([Article(id=ident, title=title, body=f"{body} harvest", source=speaker,
                                    quotes=(Quote(body or "q", speaker or None),), path=ident)])
    stored = api_index.get(re.sub("[\ud800-\udfff]", "\ufffd", ident))  # stored with U+FFFD
    assert stored is not None
    assert _encodes([stored.id, stored.title, stored.body, stored.source, stored.path,
                     [[q.text, q.speaker] for q in stored.quotes]])
    for hit in api_index.search("harvest", limit=5).hits:
        assert _encodes(hit.to_dict())


def test_surrogates_in_json_and_undecodable_file_names_are_indexed_and_shown(tmp_path):
    import os

    src = tmp_path / "src"
    src.mkdir()
    (src / "wire.jsonl").write_text(
        '{"id": "w\\ud800", "title": "Title \\udfff", "body": "body \\ud800 zanzibar"}\n', encoding="ascii")
    odd = os.path.join(os.fsencode(src), b"caf\xe9.txt")  # a latin-1 file name on a UTF-8 system
    with open(odd, "w") as f:
        f.write("Cafe headline\nThe zanzibar cafe story.\n")
    index = str(tmp_path / "index")
    runner = CliRunner()
    first = runner.invoke(main, ["index", str(src), "--index", index])
    assert first.exit_code == 0, first.output
    hits = runner.invoke(main, ["query", "zanzibar", "--json", "--index", index])
    assert hits.exit_code == 0, hits.output
    found = {json.loads(line)["id"]: json.loads(line) for line in hits.stdout.splitlines()[:-1]}
    assert set(found) == {"w\ufffd", "caf\\xe9"}
    assert found["caf\\xe9"]["path"].endswith("caf\\xe9.txt")  # the byte shown, not lost
    for ident in found:
        shown = runner.invoke(main, ["show", ident, "--index", index])
        assert shown.exit_code == 0 and "zanzibar" in shown.output
    again = runner.invoke(main, ["index", str(src), "--index", index, "--json"])
    assert json.loads(again.stdout)["added"] == 0  # the same file keeps the same id
