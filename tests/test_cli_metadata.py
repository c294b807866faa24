"""Metadata tables, bylines and undated stories through the command line and the index."""
from __future__ import annotations

import json
import os
import shutil

import pytest
from click.testing import CliRunner

from searchkit import Index
from searchkit.cli import main

POLNEAR = {  # PolNeAR dev stories and the byline metadata.tsv gives each
    "nyt_2016-09-08_obama-on-climate-change-the-tren": ["Julie Hirschfeld Davis", "Mark Landler", "Coral Davenport"],
    "wash-post_2016-09-25_federal-court-rules-against-ohio": ["Sean Sullivan", "Sari Horwitz"],
    "usa-today_2016-09-08_candidates-vie-for-vets-support-": ["David Jackson"],
    "west-journal_2016-09-12_obama-seeks-more-muslim-refugees": [],
}
LINES = ("date 2021-07-07 Islam Times - By Jane Smith\nThe Taliban entered Qala-e-Naw, the capital of Badghis.\n")
PUBLISHED = "Prison escape in Herat\nPublished: 12 March 2016\n\nHERAT - Prisoners broke out of the city's jail.\n"
UNDATED = "Flood in Kabul\n\nKABUL, July 9 - Rivers burst their banks after heavy rain in the capital.\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture(scope="module")
def news(tmp_path_factory, shared_dir):
    """A folder of links to PolNeAR stories with the PolNeAR table linked in, plus three stories of our own."""
    root = shared_dir / "corpora" / "polnear"
    if not (root / "metadata.tsv").is_file():
        pytest.skip(f"PolNeAR not found at {root}; set SEARCHKIT_SHARED to the folder holding corpora/")
    folder = tmp_path_factory.mktemp("news")
    for name in POLNEAR:
        (folder / f"{name}.txt").symlink_to(root / "dev" / "text" / f"{name}.txt")
    (folder / "metadata.tsv").symlink_to(root / "metadata.tsv")
    (folder / "ours").mkdir()
    (folder / "ours" / "taliban.txt").write_text(LINES, encoding="utf-8")
    (folder / "ours" / "herat.txt").write_text(PUBLISHED, encoding="utf-8")
    (folder / "ours" / "kabul.txt").write_text(UNDATED, encoding="utf-8")
    index = folder.parent / f"{folder.name}-index"
    result = run("index", "--rebuild", "--index", index, folder)
    return folder, index, result


def test_index_summary_counts_undated_and_reports_the_table_once(news):
    _, _, result = news
    assert result.exit_code == 0, result.output
    assert "7 articles indexed (1 undated)" in result.output
    assert "metadata.tsv: 920 of 924 rows name no file or story indexed" in result.output
    assert "files indexed have no row" in result.output  # our own three stories


def test_author_query_field_alias_filter_and_facet(news):
    _, index, _ = news
    for query in ("author:horwitz", 'byline:"sari horwitz"'):
        result = run("query", query, "--index", index, "--json")
        assert result.exit_code == 0, result.output
        (hit,) = [json.loads(line) for line in result.output.splitlines()[:-1]]  # the last: the summary
        assert hit["id"] == "wash-post_2016-09-25_federal-court-rules-against-ohio"
        assert hit["authors"] == ["Sean Sullivan", "Sari Horwitz"]
        assert hit["source"] == "wash-post" and hit["date"].startswith("2016-09-25")
    result = run("query", "*", "--author", "jane smith", "--index", index)
    assert result.exit_code == 0 and "1 hit" in result.output and "by Jane Smith" in result.output
    assert run("query", "*", "--author", "nobody here", "--index", index).exit_code == 1
    result = run("query", "*", "--facet", "author", "--index", index, "-n", "1")
    facet = result.output.split("author:")[-1]
    assert "Coral Davenport" in facet and "Jane Smith" in facet and "Breitbart" not in facet


def test_undated_shown_in_text_and_null_in_json(news):
    _, index, _ = news
    text = run("query", "rivers banks", "--index", index)
    assert "undated" in text.output
    lines = run("query", "rivers banks", "--index", index, "--json").output.splitlines()
    (hit,) = [json.loads(line) for line in lines[:-1]]  # the last: the summary
    assert hit["date"] is None and hit["authors"] == []


def test_show_and_stats(news):
    _, index, _ = news
    shown = run("show", "nyt_2016-09-08_obama-on-climate-change-the-tren", "--index", index)
    assert "authors: Julie Hirschfeld Davis, Mark Landler, Coral Davenport" in shown.output
    data = json.loads(run("show", "herat", "--index", index, "--json").output)
    assert data["date"].startswith("2016-03-12") and data["authors"] == []  # dated by its "Published:" line
    assert "date: undated" in run("show", "kabul", "--index", index).output
    stats = json.loads(run("stats", "--index", index, "--json").output)
    assert stats["undated"] == 1 and stats["dated"] == 6
    assert ["Sari Horwitz", 1] in stats["authors"]
    assert "(6 dated, 1 undated)" in run("stats", "--index", index).output


def test_table_changes_reach_an_index_that_is_refreshed(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(UNDATED, encoding="utf-8")
    (folder / "b.txt").write_text(PUBLISHED, encoding="utf-8")
    table = folder / "metadata.csv"
    table.write_text("filename,author,date\na.txt,Ann Lee,2021-07-09\n", encoding="utf-8")
    def story():  # read through a new Index: one kept open sees an updated story twice (a Whoosh reader reuse)
        with Index(tmp_path / "index") as idx:
            return idx.get("a")

    assert Index(tmp_path / "index").add([folder]).added == 2
    assert story().authors == ("Ann Lee",) and story().date.day == 9
    assert Index(tmp_path / "index").add([folder]).added == 0  # nothing changed: nothing re-read
    table.write_text("filename,author,date\na.txt,Bo Diddley,2021-07-10\n", encoding="utf-8")
    assert Index(tmp_path / "index").add([folder]).added == 1
    assert story().authors == ("Bo Diddley",) and story().date.day == 10


def test_metadata_option_is_remembered_and_must_stay(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text(UNDATED, encoding="utf-8")
    table = tmp_path / "sheet.tsv"  # outside the folder, with a name no walk would recognise
    table.write_text("path\tbyline\na.txt\tBy ANN LEE\n", encoding="utf-8")
    index = tmp_path / "index"
    assert run("index", "--index", index, "--metadata", table, folder).exit_code == 0
    assert run("query", "*", "--author", "ann lee", "--index", index).exit_code == 0
    os.utime(folder / "a.txt", (1, 1))  # the story file changed: it is read again, with the table
    assert run("index", "--index", index).exit_code == 0
    assert run("query", "*", "--author", "ann lee", "--index", index).exit_code == 0
    shutil.move(table, tmp_path / "gone.tsv")
    result = run("index", "--index", index)
    assert result.exit_code == 2 and "is gone" in result.output and "Traceback" not in result.output
    assert run("query", "*", "--author", "ann lee", "--index", index).exit_code == 0  # nothing lost


def test_bad_metadata_option_is_a_one_line_error(tmp_path):
    (tmp_path / "a.txt").write_text(UNDATED, encoding="utf-8")
    result = run("index", "--index", tmp_path / "index", "--metadata", tmp_path / "missing.tsv", tmp_path)
    assert result.exit_code == 2 and "no such metadata table" in result.output
    junk = tmp_path / "junk.csv"
    junk.write_text("when,who\n2020-01-01,x\n", encoding="utf-8")
    result = run("index", "--index", tmp_path / "index", "--metadata", junk, tmp_path)
    assert result.exit_code == 2 and "no file or id column" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "index" / "CURRENT").exists()  # nothing half-built
