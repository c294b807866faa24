"""The index folder is searchkit's alone: it never writes into someone else's folder, never deletes a
file it did not create, and never reads its own files as articles."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from searchkit import Article, Index, SearchkitError
from searchkit.cli import main


def _run(*args):
    return CliRunner().invoke(main, [*map(str, args)])


def _listing(folder):
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_a_folder_of_other_files_is_refused_untouched(tmp_path, seed_path):
    photos = tmp_path / "photos"
    (photos / "gen-2019").mkdir(parents=True)
    (photos / "gen-2019" / "beach.jpg").write_bytes(b"\xff\xd8")
    (photos / ".thumbs.tmp").write_text("cache")
    (photos / "notes.txt").write_text("mine")
    (photos / "album.json").write_text("{}")
    before = _listing(photos)
    for args in (["index", seed_path], ["index", "--rebuild", seed_path]):
        result = _run(*args, "--index", photos)
        assert result.exit_code == 2, result.output
        assert result.stderr.strip().splitlines() == [
            f"Error: {photos} is not a searchkit index (it holds 3 files or folders); choose an empty or new folder"]
    assert _run("delete", "x", "--index", photos).exit_code == 2
    assert _listing(photos) == before  # not even a lock file
    with pytest.raises(SearchkitError, match="is not a searchkit index"):
        Index(photos).add_articles([Article(id="a", body="text")])
    assert _listing(photos) == before


def test_a_folder_with_only_hidden_files_is_accepted_and_they_stay(tmp_path, seed_path):
    index = tmp_path / "index"  # as the repository ships ./index: holding only its .gitignore
    index.mkdir()
    (index / ".gitignore").write_text("*\n!.gitignore\n")
    assert _run("index", seed_path, "--index", index).exit_code == 0
    assert _run("index", "--rebuild", seed_path, "--index", index).exit_code == 0
    assert (index / ".gitignore").read_text() == "*\n!.gitignore\n"


def test_cleanup_removes_only_generations_searchkit_listed(tmp_path, seed_path):
    index = tmp_path / "index"
    assert _run("index", seed_path, "--index", index).exit_code == 0
    first = (index / "CURRENT").read_text().strip()
    (index / "gen-backup").mkdir()  # someone's files put inside the index folder later
    (index / "gen-backup" / "keep.txt").write_text("precious")
    (index / ".editor.tmp").write_text("precious")
    (index / ".CURRENT.notapid.tmp").write_text("precious")
    for _ in range(3):
        assert _run("index", "--rebuild", seed_path, "--index", index).exit_code == 0
    assert (index / "gen-backup" / "keep.txt").read_text() == "precious"
    assert (index / ".editor.tmp").exists() and (index / ".CURRENT.notapid.tmp").exists()
    ours = json.loads((index / "searchkit-index.json").read_text())["generations"]
    assert len(ours) == 2 and first not in ours  # the live one and the one it replaced
    assert sorted(p.name for p in index.glob("gen-*")) == sorted([*ours, "gen-backup"])


def test_an_index_from_before_the_marker_is_adopted(tmp_path, seed_path):
    index = tmp_path / "index"
    assert _run("index", seed_path, "--index", index).exit_code == 0
    live = (index / "CURRENT").read_text().strip()
    (index / "searchkit-index.json").unlink()
    (index / "gen-20200101T000000000000-1").mkdir()  # a generation it cannot prove it made: kept
    assert _run("index", seed_path, "--index", index).exit_code == 0
    assert json.loads((index / "searchkit-index.json").read_text())["generations"] == [live]
    assert _run("index", "--rebuild", seed_path, "--index", index).exit_code == 0
    assert _run("index", "--rebuild", seed_path, "--index", index).exit_code == 0
    assert not (index / live).exists() and (index / "gen-20200101T000000000000-1").is_dir()


def test_an_index_inside_its_own_input_folder_is_not_read(tmp_path, seed_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "story.txt").write_text(seed_path.read_text())
    index = news / "index"
    for args in (["index", news], ["index", news], ["index", "--rebuild", news], ["index", news, "--json"]):
        result = _run(*args, "--index", index)
        assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["files"], report["skipped"], report["problems"]) == (1, 0, [])
    with Index(index) as idx:
        assert idx.stats()["articles"] == 1
    named = _run("index", index / "CURRENT", "--index", index)
    assert "inside the index folder: not read" in named.stderr
