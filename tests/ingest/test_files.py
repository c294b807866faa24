"""Finding files (folders, hidden files, links, missing paths), gzip and checksums."""
from __future__ import annotations

import dataclasses
import gzip
import os
from datetime import datetime, timezone
from pathlib import Path

import pytest

from searchkit.ingest import checksum, iter_files, read_file, read_paths
from searchkit.model import Article, Problem, Quote

LINE = "date 2021-07-07 Src - {}.\n"


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "a.txt").write_text(LINE.format("a"), encoding="utf-8")
    (tmp_path / "b" / "c.jsonl").write_text('{"body": "c"}\n', encoding="utf-8")
    (tmp_path / "b" / "deep" / "d.txt.gz").write_bytes(gzip.compress(LINE.format("d").encode()))
    (tmp_path / "b" / "e.SGM").write_text("", encoding="utf-8")  # no .txt beside it: that would be its documentation
    (tmp_path / "b" / "notes.md").write_text("not read in a folder", encoding="utf-8")
    (tmp_path / "b" / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".secret.txt").write_text(LINE.format("secret"), encoding="utf-8")
    (tmp_path / ".hidden" / "h.txt").write_text(LINE.format("h"), encoding="utf-8")
    return tmp_path


def names(items, root: Path) -> list[str]:
    return [str(i.relative_to(root)) if isinstance(i, Path) else f"problem:{i.message}" for i in items]


def test_folders_walked_recursively_in_sorted_order(tree):
    assert names(iter_files([tree]), tree) == ["a.txt", "b/c.jsonl", "b/deep/d.txt.gz", "b/e.SGM"]


def test_named_files_read_whatever_their_name(tree):
    md = tree / "b" / "notes.md"
    assert list(iter_files([md, str(tree / ".secret.txt")])) == [md, tree / ".secret.txt"]
    (article,) = read_file(md)
    assert article.body == "not read in a folder"


def test_missing_path_and_broken_link(tmp_path):
    missing = tmp_path / "nope.txt"
    (tmp_path / "dangling").symlink_to(tmp_path / "gone")
    items = list(iter_files([missing, tmp_path / "dangling"]))
    assert items[0] == Problem(str(missing), "no such file or directory")
    assert isinstance(items[1], Problem) and "link" in items[1].message


def test_symlink_loops_do_not_hang_and_files_come_once(tree):
    (tree / "b" / "deep" / "loop").symlink_to(tree)
    (tree / "b" / "again").symlink_to(tree / "b")
    (tree / "alias.txt").symlink_to(tree / "a.txt")
    self_loop = tree / "self"
    self_loop.symlink_to(self_loop)
    files = names(iter_files([tree, tree / "a.txt", tree / "b"]), tree)
    assert files == ["a.txt", "b/c.jsonl", "b/deep/d.txt.gz", "b/e.SGM"]


def test_unreadable_folder_is_a_problem(tmp_path, monkeypatch):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0)
    real_scandir = os.scandir

    def scandir(path):  # as root the kernel lets us in anyway: deny it the way it would for a user
        if os.path.realpath(path) == str(locked.resolve()):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    try:
        (item,) = iter_files([tmp_path])
        assert isinstance(item, Problem) and item.path == str(locked)
        assert "Permission denied" in item.message
    finally:
        locked.chmod(0o755)


def test_unreadable_file_is_one_problem(tmp_path):
    folder = tmp_path / "dir.txt"
    folder.mkdir()
    (problem,) = read_file(folder)  # a folder where a file was expected: cannot be read
    assert isinstance(problem, Problem) and problem.message.startswith("cannot read")


def test_read_paths_chains_everything(tree):
    items = list(read_paths([tree, tree / "missing"]))
    bodies = [i.body for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert bodies == ["a.", "c", "d."]
    assert [p.message for p in problems] == ["empty file", "no such file or directory"]


def test_gzip_is_transparent_and_truncation_reported(tmp_path):
    text = "".join(LINE.format(f"story {n} " + "filler " * 50) for n in range(200))
    packed = gzip.compress(text.encode(), mtime=0)
    whole = tmp_path / "whole.txt.gz"
    whole.write_bytes(packed)
    assert len([a for a in read_file(whole) if isinstance(a, Article)]) == 200
    cut = tmp_path / "cut.txt.gz"
    cut.write_bytes(packed[: len(packed) // 2])
    items = list(read_file(cut))
    assert isinstance(items[0], Problem) and items[0].message.startswith("truncated gzip")
    assert 0 < len([a for a in items if isinstance(a, Article)]) < 200
    junk = tmp_path / "junk.txt.gz"
    junk.write_bytes(b"this is not gzip at all")
    (problem,) = read_file(junk)
    assert problem.message.startswith("damaged gzip")
    two = tmp_path / "two.txt.gz"
    two.write_bytes(gzip.compress(LINE.format("one").encode()) + gzip.compress(LINE.format("two").encode()))
    assert [a.body for a in read_file(two)] == ["one.", "two."]


def test_checksum_is_stable_and_content_only():
    a = Article(id="1", body="Body", title="T", date=datetime(2021, 7, 7, tzinfo=timezone.utc), source="S",
                tags=("x",), locations=("kabul",), path="/one/place.txt", line=3)
    digest = checksum(a)
    assert len(digest) == 32 and int(digest, 16) >= 0
    assert checksum(dataclasses.replace(a, path="/other/place.txt", line=9)) == digest
    assert checksum(dataclasses.replace(a, countries=("Afghanistan",), place="Kabul")) == digest
    for change in ({"body": "Body!"}, {"title": "T2"}, {"date": None}, {"source": "S2"}, {"tags": ("x", "y")},
                   {"locations": ()}, {"url": "u"}, {"dateline": "KABUL"}, {"id": "2"},
                   {"quotes": (Quote("q"),)}):
        assert checksum(dataclasses.replace(a, **change)) != digest, change
    # fields do not run into each other
    assert checksum(dataclasses.replace(a, title="ab", body="c")) != checksum(dataclasses.replace(a, title="a", body="bc"))


def test_public_api_imports():
    import searchkit.ingest as ingest

    for name in ("iter_files", "read_file", "read_paths", "checksum", "open_text"):
        assert callable(getattr(ingest, name))
    from searchkit.ingest.sentences import split_sentences

    assert split_sentences("One. Two") == ["One.", "Two"]


@pytest.mark.parametrize("name, data", [
    ("bin.txt", b"\x00\x01\x02binary\xff\xfe"),  # the user trial's file
    ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(200)),
    ("blob", bytes(range(256)) * 8),  # no suffix: read by content
    ("packed.jsonl", b"\x7fELF\x02\x01\x01" + bytes(100)),
])
def test_a_binary_file_is_skipped_not_read_as_cp1252(tmp_path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert list(read_file(path)) == [Problem(str(path), "binary, not text: not read")]


@pytest.mark.parametrize("data, body", [
    (b"A story with one stray NUL\x00 byte in its text, read as text.\n", "A story with one stray NUL byte"),
    ("A story in UTF-16 without a byte-order mark.".encode("utf-16-le"), "A story in UTF-16"),
    (b"Caf\xe9 prices \x1b[1mrose\x1b[0m in a terminal capture.\n", "Caf\u00e9 prices"),
])
def test_text_with_a_few_odd_bytes_is_still_text(tmp_path, data, body):
    path = tmp_path / "odd.txt"
    path.write_bytes(data)
    (article,) = [i for i in read_file(path) if isinstance(i, Article)]
    assert article.body.startswith(body) or article.title.startswith(body)


def test_text_files_beside_a_collection_are_its_documentation(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "reut2-000.sgm").write_text("", encoding="latin-1")
    for name in ("README.txt", "all-topics-strings.lc.txt", "cat-descriptions.txt"):
        (tmp_path / name).write_text("acq\nalum\nbarley\n", encoding="utf-8")
    (tmp_path / "sub" / "story.txt").write_text(LINE.format("a story one folder down"), encoding="utf-8")
    items = list(iter_files([tmp_path]))
    assert names(items, tmp_path) == [
        "problem:3 text files not read (README.txt, all-topics-strings.lc.txt, cat-descriptions.txt): beside its "
        "Reuters SGML files, the collection's documentation; name a file to index it anyway",
        "reut2-000.sgm", "sub/story.txt"]
    assert items[0].path == str(tmp_path) and items[0].skipped
    named = tmp_path / "README.txt"
    assert list(iter_files([named])) == [named]  # named, it is read


def test_a_readme_among_stories_is_not_a_story(tmp_path):
    for name in ("001.txt", "002.txt", "changes-to-tax-law.txt"):
        (tmp_path / name).write_text(LINE.format(name), encoding="utf-8")
    (tmp_path / "README.txt").write_text("How this corpus was collected.\n", encoding="utf-8")
    (tmp_path / "LICENSE.txt.gz").write_bytes(gzip.compress(b"CC BY 4.0\n"))
    assert names(iter_files([tmp_path]), tmp_path) == [
        "problem:2 text files not read (LICENSE.txt.gz, README.txt): documentation, not a story; "
        "name a file to index it anyway",
        "001.txt", "002.txt", "changes-to-tax-law.txt"]


def test_the_reuters_folder_indexes_stories_only(reuters_dir):
    items = list(iter_files([reuters_dir]))
    files = [i for i in items if isinstance(i, Path)]
    assert len(files) == 22 and all(".sgm" in f.name for f in files)
    (note,) = [i for i in items if isinstance(i, Problem)]
    assert note.message.startswith("7 text files not read (README.txt, ")
