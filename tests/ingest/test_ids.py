"""Story ids from paths: the shortest unique path ending, kept once given; collisions refused."""
from __future__ import annotations

import pytest

from searchkit.ingest import read_file
from searchkit.ingest.ids import IdBook, IdTaken, derived, stem


def _plan(keys, records=None, in_index=lambda i: False):
    book = IdBook(records or {}, in_index=in_index)
    book.plan(keys)
    return {k: book.base(k) for k in keys}


def test_stem_drops_gz_and_format_suffix_only():
    assert [stem(n) for n in ("001.txt", "feed.jsonl.gz", "a.b.json", "notes.md", ".txt", "x.SGM")] == [
        "001", "feed", "a.b", "notes.md", ".txt", "x"]


def test_unique_names_stay_short_and_shared_names_grow_together():
    keys = ["/n/business/001.txt", "/n/sport/001.txt", "/n/sport/002.txt", "/m/x/business/001.txt"]
    assert _plan(keys) == {
        "/n/business/001.txt": "n/business/001",  # shared with /m/x/business/001 up to two levels
        "/n/sport/001.txt": "sport/001",
        "/n/sport/002.txt": "002",
        "/m/x/business/001.txt": "x/business/001",
    }


def test_files_differing_only_by_format_keep_it():
    assert _plan(["/n/001.txt", "/n/001.jsonl", "/n/feed.json"]) == {
        "/n/001.txt": "001.txt", "/n/001.jsonl": "001.jsonl", "/n/feed.json": "feed"}


def test_a_known_file_keeps_its_base_and_a_newcomer_avoids_it_and_its_ids():
    records = {"/n/business/001.txt": {"base": "001", "ids": {"001": "c"}},
               "/n/feed.jsonl": {"base": "feed", "ids": {"002": "c", "feed-3": "c"}}}
    planned = _plan(["/n/business/001.txt", "/n/sport/001.txt", "/n/x/002.txt", "/n/y/feed-3.txt"], records)
    assert planned == {"/n/business/001.txt": "001", "/n/sport/001.txt": "sport/001",
                       "/n/x/002.txt": "x/002", "/n/y/feed-3.txt": "y/feed-3"}


def test_ids_added_through_the_api_are_avoided():
    assert _plan(["/n/a/001.txt"], in_index=lambda i: i == "001") == {"/n/a/001.txt": "a/001"}


def test_manifest_from_before_bases_keeps_its_ids():
    book = IdBook({"/n/business/001.txt": {"ids": {"001": "c"}}, "/r/reut2-000.sgm": {"ids": {"1": "c"}}})
    book.plan(["/n/business/001.txt", "/n/sport/001.txt"])
    assert book.base("/n/business/001.txt") == "001" and book.base("/n/sport/001.txt") == "sport/001"


def test_claims_update_repeat_or_refuse():
    manifest = {"/a.jsonl": {"base": "a", "ids": {"x": "c1", "a-2": "c2"}}}
    book = IdBook(manifest)
    book.plan(["/b.jsonl", "/c.jsonl"])
    assert book.claim("/b.jsonl", "x", "b.jsonl:1", "c9") is True  # a source id again: an update...
    assert "x" not in manifest["/a.jsonl"]["ids"]  # ...that moves the story to the later file
    assert book.claim("/c.jsonl", "x", "c.jsonl:4", "c9") is False  # the same story repeated: nothing to do
    with pytest.raises(IdTaken, match=r"id 'x' already used by b.jsonl:1"):
        book.claim("/c.jsonl", "x", "c.jsonl:5", "other content")
    with pytest.raises(IdTaken, match=r"id 'a-2' already used by /a.jsonl"):  # a's own path-derived id
        book.claim("/b.jsonl", "a-2", "b.jsonl:2", "c2")
    with pytest.raises(IdTaken, match=r"already used by b.jsonl:1"):  # twice in one file
        book.claim("/b.jsonl", "x", "b.jsonl:7", "c10")


def test_derived_ids():
    assert derived("feed-3", "feed") and derived("feed", "feed") and derived("day2/feed-10", "day2/feed")
    assert not derived("feed-x", "feed") and not derived("feed-3", "fee") and not derived("x", None)


def test_readers_build_path_ids_from_the_base(tmp_path):
    (tmp_path / "001.txt").write_text("date 2021-07-07 Wire - One.\ndate 2021-07-07 Wire - Two.\n")
    (tmp_path / "plain.txt").write_text("A headline\nThe story.\n")
    (tmp_path / "feed.jsonl").write_text('{"body": "no id"}\n{"id": "given", "body": "own id"}\n')
    (tmp_path / "many.json").write_text('[{"body": "a"}, {"body": "b"}]')
    ids = {name: [a.id for a in read_file(tmp_path / name, f"news/{name[:4]}")]
           for name in ("001.txt", "plain.txt", "feed.jsonl", "many.json")}
    assert ids == {"001.txt": ["news/001.", "news/001.-2"], "plain.txt": ["news/plai"],
                   "feed.jsonl": ["news/feed-1", "given"], "many.json": ["news/many-1", "news/many-2"]}
    assert [a.id for a in read_file(tmp_path / "001.txt")] == ["001", "001-2"]  # read on its own: the name
