"""Story identity: two different source records never share an id unless the source gives it, so a
common corpus layout (category folders of numbered files, daily feed dumps) loses nothing, in one
run or many, whichever folder level is named; what cannot be resolved is reported and exits 3."""
from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner

from searchkit import Index
from searchkit.cli import main

CATEGORIES = ("business", "sport", "politics")


def _story(category: str, n: int) -> str:
    return f"{category.title()} report {n}\nThe {category} desk filed story {n} about {category}{n} matters.\n"


@pytest.fixture
def news(tmp_path):
    """news/<category>/001.txt ... 004.txt: the BBC-style layout that lost 2/3 of its stories."""
    root = tmp_path / "news"
    for category in CATEGORIES:
        (root / category).mkdir(parents=True)
        for n in range(1, 5):
            (root / category / f"{n:03}.txt").write_text(_story(category, n))
    return root


def index(*args):
    result = CliRunner().invoke(main, ["index", *map(str, args)])
    assert "Traceback" not in result.output, result.output
    return result


def ids(index_path) -> list[str]:
    with Index(index_path) as idx:
        return sorted(doc["id"] for doc in idx.backend.searcher().documents())


def test_category_folders_in_one_run_lose_nothing(news, tmp_path):
    result = index(news, "--index", tmp_path / "index", "--json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["added"], report["skipped"], report["collisions"]) == (12, 0, 0)
    assert ids(tmp_path / "index") == sorted(f"{c}/{n:03}" for c in CATEGORIES for n in range(1, 5))


def test_one_folder_at_a_time_keeps_earlier_folders_and_ids_stay_stable(news, tmp_path):
    idx = tmp_path / "index"
    assert index(news / "business", "--index", idx).exit_code == 0
    assert ids(idx) == ["001", "002", "003", "004"]
    second = index(news / "sport", "--index", idx, "--json")
    assert json.loads(second.stdout)["added"] == 4
    expected = ["001", "002", "003", "004", "sport/001", "sport/002", "sport/003", "sport/004"]
    assert ids(idx) == expected  # business kept its ids; sport took longer ones
    again = json.loads(index(news / "business" / "001.txt", news, "--index", idx, "--json").stdout)
    assert (again["added"], again["unchanged"]) == (4, 8)  # politics is new; nothing else re-read
    assert set(expected) < set(ids(idx))
    rebuilt = index("--rebuild", news, "--index", idx)
    assert rebuilt.exit_code == 0
    assert ids(idx) == sorted([*expected, *(f"politics/{n:03}" for n in range(1, 5))])  # --rebuild keeps them
    with Index(idx) as opened:
        assert opened.get("sport/003").title == "Sport report 3"
        assert opened.get("003").title == "Business report 3"


def test_feeds_without_ids_on_different_days_both_stay(tmp_path):
    for day in ("day1", "day2"):
        (tmp_path / day).mkdir()
        (tmp_path / day / "feed.jsonl").write_text(
            "".join(json.dumps({"title": f"{day} item {n}", "body": f"{day} story {n} zanzibar"}) + "\n"
                    for n in range(1, 4)))
    idx = tmp_path / "index"
    assert index(tmp_path / "day1", "--index", idx).exit_code == 0
    assert index(tmp_path / "day2", "--index", idx).exit_code == 0
    assert ids(idx) == ["day2/feed-1", "day2/feed-2", "day2/feed-3", "feed-1", "feed-2", "feed-3"]
    later = json.loads(index(tmp_path / "day1", tmp_path / "day2", "--index", idx, "--json").stdout)
    assert (later["added"], later["unchanged"], later["files_unchanged"]) == (0, 6, 2)
    with Index(idx) as opened:
        assert opened.search("zanzibar", limit=20).total == 6


def test_reindexing_a_changed_file_replaces_its_story(news, tmp_path):
    idx = tmp_path / "index"
    index(news, "--index", idx)
    (news / "sport" / "002.txt").write_text("Sport report 2, corrected\nThe match was abandoned.\n")
    result = json.loads(index(news, "--index", idx, "--json").stdout)
    assert (result["added"], result["unchanged"]) == (1, 11)
    with Index(idx) as opened:
        assert opened.get("sport/002").title == "Sport report 2, corrected"
        assert opened.stats()["articles"] == 12


def test_same_source_id_from_two_files_is_reported_per_record_and_exits_3(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "wire.jsonl").write_text(json.dumps({"id": "x", "title": "First", "body": "one"}) + "\n"
                                               + json.dumps({"id": "y", "title": "Same", "body": "same"}) + "\n")
    (tmp_path / "b" / "wire.jsonl").write_text(json.dumps({"id": "y", "title": "Same", "body": "same"}) + "\n"
                                               + json.dumps({"id": "x", "title": "Other", "body": "two"}) + "\n")
    result = index(tmp_path / "a", tmp_path / "b", "--index", tmp_path / "index")
    assert result.exit_code == 3
    lines = result.stderr.strip().splitlines()
    assert lines[0] == f"skipped: {tmp_path / 'b' / 'wire.jsonl'}:2: id 'x' already used by {tmp_path / 'a' / 'wire.jsonl'}:1"
    assert lines[-1].startswith("indexed with losses: 1 records skipped")
    assert len(lines) == 2  # the identical repeat of "y" is no loss and no noise
    with Index(tmp_path / "index") as opened:
        assert opened.get("x").title == "First"


def test_a_source_id_never_replaces_another_files_path_id(news, tmp_path):
    idx = tmp_path / "index"
    index(news / "business", "--index", idx)
    (tmp_path / "wire.jsonl").write_text(json.dumps({"id": "002", "title": "Wire", "body": "wire copy"}) + "\n")
    result = index(tmp_path / "wire.jsonl", "--index", idx)
    assert result.exit_code == 3
    assert "id '002' already used by" in result.stderr and "business/002.txt" in result.stderr
    with Index(idx) as opened:
        assert opened.get("002").title == "Business report 2"


def test_a_later_record_with_a_source_id_is_an_update(tmp_path):
    idx = tmp_path / "index"
    (tmp_path / "day1.jsonl").write_text(json.dumps({"id": "g1", "title": "Draft", "body": "first"}) + "\n")
    (tmp_path / "day2.jsonl").write_text(json.dumps({"id": "g1", "title": "Final", "body": "second"}) + "\n")
    assert index(tmp_path / "day1.jsonl", "--index", idx).exit_code == 0
    assert index(tmp_path / "day2.jsonl", "--index", idx).exit_code == 0
    with Index(idx) as opened:
        assert opened.get("g1").title == "Final" and opened.stats()["articles"] == 1


def test_mostly_skipped_input_exits_3(tmp_path):
    (tmp_path / "bad.jsonl").write_text("not json\n{broken\n[1]\n" + json.dumps({"body": "fine"}) + "\n")
    result = index(tmp_path / "bad.jsonl", "--index", tmp_path / "index")
    assert result.exit_code == 3
    assert result.stderr.strip().splitlines()[-1].startswith("indexed with losses: 3 records skipped")


def test_show_accepts_ids_with_slashes(news, tmp_path):
    index(news, "--index", tmp_path / "index")
    result = CliRunner().invoke(main, ["show", "politics/004", "--index", str(tmp_path / "index"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["title"] == "Politics report 4"


def test_index_from_before_bases_were_recorded_keeps_its_ids(news, tmp_path):
    idx = tmp_path / "index"
    index(news / "business", "--index", idx)
    gen = idx / (idx / "CURRENT").read_text().strip()
    manifest = json.loads((gen / "manifest.json").read_text())
    for record in manifest.values():
        del record["base"]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    (idx / "searchkit-index.json").unlink()
    shutil.copy(news / "sport" / "001.txt", news / "business" / "001.txt")  # changed: re-read
    result = json.loads(index(news, "--index", idx, "--json").stdout)
    assert (result["added"], result["skipped"]) == (9, 0)
    assert ids(idx)[:4] == ["001", "002", "003", "004"]
    assert len(ids(idx)) == 12


def test_a_metadata_table_still_titles_files_whose_ids_grew(news, tmp_path):
    (news / "metadata.tsv").write_text("file\ttitle\tdate\nbusiness/001.txt\tMarkets rally\t2021-07-07\n"
                                       "sport/001.txt\tCup final\t2021-07-08\n")
    assert index(news, "--index", tmp_path / "index").exit_code == 0
    with Index(tmp_path / "index") as opened:
        assert opened.get("business/001").title == "Markets rally"
        assert opened.get("sport/001").title == "Cup final"
        assert opened.get("sport/001").date.day == 8
