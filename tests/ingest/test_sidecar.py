"""Metadata tables beside the stories: PolNeAR's metadata.tsv for real, and tables built to break things."""
from __future__ import annotations

import csv
import json
from datetime import date

import pytest

from searchkit.errors import InputError
from searchkit.ingest import iter_files, read_paths
from searchkit.ingest.sidecar import is_table_name, parse_table_date
from searchkit.model import Article, Problem

DEV_FILES = ["breitbart_2016-09-12_stealth-over-health-hillary-clin", "huff-post_2016-09-27_latinos-share-their-most-honest-",
             "politico_2016-09-16_sanders-clinton-needs-to-get-awa", "usa-today_2016-10-03_my-father-would-have-loved-trump",
             "west-journal_2016-09-28_clinton-campaign-reportedly-scra"]


@pytest.fixture(scope="module")
def polnear(shared_dir):
    root = shared_dir / "corpora" / "polnear"
    if not (root / "metadata.tsv").is_file():
        pytest.skip(f"PolNeAR not found at {root}; set SEARCHKIT_SHARED to the folder holding corpora/")
    with open(root / "metadata.tsv", encoding="utf-8") as f:
        rows = {r["filename"]: r for r in csv.DictReader(f, delimiter="\t")}
    return root, rows


def split(items):
    items = list(items)
    return ([i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)])


def test_table_names():
    assert is_table_name("metadata.tsv") and is_table_name("index.csv") and is_table_name("polnear_meta.jsonl")
    assert is_table_name("METADATA.CSV.gz")
    assert not is_table_name("story.txt") and not is_table_name("metadata.txt") and not is_table_name("data.csv")


def test_polnear_read_through_its_table(polnear):
    """The real folder, read in place: every story takes the table's date, source, title and byline."""
    root, rows = polnear
    stories, problems = split(read_paths([root]))
    assert problems == []
    assert len(stories) == 924  # the table itself, README.md and the .ann files are not stories
    for a in stories:
        row = rows[a.id]
        assert a.date.date().isoformat() == row["publication_date"]
        assert a.source == row["publisher"]
        assert a.title == " ".join(row["title"].split())
        assert "compartment:" + row["compartment"] in a.tags and not any(t.startswith("wire:None") for t in a.tags)
    by_id = {a.id: a for a in stories}
    assert by_id["nyt_2016-04-28_nomination-almost-certain-clinto"].authors == ("Amy Chozick", "Alexander Burns")
    assert sum(1 for a in stories if a.authors) == 745  # 175 author cells say None or nothing; 4 name nobody


def test_a_folder_of_links_with_the_table_linked_too(polnear, tmp_path):
    root, rows = polnear
    for name in DEV_FILES:
        (tmp_path / f"{name}.txt").symlink_to(root / "dev" / "text" / f"{name}.txt")
    (tmp_path / "metadata.tsv").symlink_to(root / "metadata.tsv")
    stories, problems = split(read_paths([tmp_path]))
    assert sorted(a.id for a in stories) == sorted(DEV_FILES)
    assert all(a.date.date().isoformat() == rows[a.id]["publication_date"] for a in stories)
    assert [p.message for p in problems] == ["919 of 924 rows name no file or story indexed (e.g. "
                                             "'breitbart_2016-09-15_pat-caddell-democrat-voters-worr', "
                                             "'breitbart_2016-09-20_poll-wealthy-voters-abandon-repu', "
                                             "'breitbart_2016-09-21_only-percent-of-hillary-clinton-')"]
    assert not problems[0].skipped  # a warning, never fatal


def test_metadata_given_by_name_describes_every_file(polnear):
    root, rows = polnear
    stories, problems = split(read_paths([root / "dev" / "text"], metadata=[root / "metadata.tsv"]))
    assert len(stories) == 84 and all(a.date is not None for a in stories)
    assert len(problems) == 1 and problems[0].message.startswith("840 of 924 rows name no file")
    by_id = {a.id: a for a in stories}
    for name in DEV_FILES:  # each file opens with its title and a full stop: a headline, not the body's lead
        story = by_id[name]
        assert story.title == rows[name]["title"]
        assert not story.body.startswith(story.title[:20]), name


def test_a_table_outside_the_folder_is_not_read(polnear):
    root, _ = polnear
    stories, _ = split(read_paths([root / "dev" / "text"]))
    assert all(a.date is None for a in stories)  # metadata.tsv sits above dev/text


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


@pytest.fixture()
def folder(tmp_path):
    (tmp_path / "sub").mkdir()
    write(tmp_path / "a.txt", "Alpha headline\n\nWASHINGTON, March 3 (AP) - Alpha text of the story.\n")
    write(tmp_path / "b.txt", "Beta headline\n\nBeta text of the story.\n")
    write(tmp_path / "sub" / "c.txt", "Gamma headline\n\nGamma text of the story.\n")
    return tmp_path


def test_a_title_from_the_table_is_taken_off_the_body_only_when_it_opens_it(tmp_path):
    write(tmp_path / "a.txt", "Senate passes the bill.\n\nThe Senate passed the bill on Tuesday.\n")
    write(tmp_path / "b.txt", "The Senate passed the bill on Tuesday.\n\nIt now goes to the House.\n")
    write(tmp_path / "meta.csv", "file,title\na.txt,Senate Passes the Bill\nb.txt,Senate passes the bill\n")
    stories, _ = split(read_paths([tmp_path]))
    a, b = sorted(stories, key=lambda s: s.id)
    assert (a.title, a.body) == ("Senate Passes the Bill", "The Senate passed the bill on Tuesday.")
    assert b.title == "Senate passes the bill"
    assert b.body.startswith("The Senate passed the bill on Tuesday.")  # its lead, not the title again


def test_rows_match_by_name_with_or_without_suffix_and_by_path(folder):
    write(folder / "index.csv", "File Name,Published,Site,Byline,Headline,Link,Desk\n"
                                "a,2016-03-03,AP,By JANE SMITH,Alpha as filed,http://x/a,politics\n"
                                "b.txt,\"March 4, 2016\",  ,None,,,\n"
                                "sub/c.txt,Fri 4 Mar 2016,Reuters,\"Ann Lee, Reuters\",Gamma as filed,,NA\n")
    stories, problems = split(read_paths([folder]))
    got = {a.id: a for a in stories}
    assert problems == []
    assert got["a"].date.date() == date(2016, 3, 3) and got["a"].source == "AP"
    assert got["a"].authors == ("Jane Smith",) and got["a"].title == "Alpha as filed" and got["a"].url == "http://x/a"
    assert got["a"].tags == ("desk:politics",)
    assert got["b"].date.date() == date(2016, 3, 4) and got["b"].source == "" and got["b"].authors == ()
    assert got["b"].title == "Beta headline"  # an empty cell leaves the story's own value
    assert got["c"].authors == ("Ann Lee",) and got["c"].title == "Gamma as filed" and got["c"].tags == ()


def test_unmatched_rows_files_without_rows_and_bad_dates_are_one_warning_each(folder):
    write(folder / "metadata.tsv", "filename\tdate\tauthor\n"
                                   "a.txt\t2016-13-45\tJane Smith\n"
                                   "zzz.txt\t2016-01-01\t\n"
                                   "yyy\t2016-01-02\t\n")
    stories, problems = split(read_paths([folder]))
    assert len(stories) == 3
    messages = sorted(p.message for p in problems)
    assert len(messages) == 3 and all(not p.skipped for p in problems)
    assert messages[0].startswith("1 rows with a date that cannot be read (line 2: '2016-13-45')")
    assert messages[1].startswith("2 files indexed have no row in this table")
    assert messages[2].startswith("2 of 3 rows name no file or story indexed (e.g. 'zzz.txt', 'yyy')")
    a = next(s for s in stories if s.id == "a")
    assert a.date is None and a.authors == ("Jane Smith",)  # the rest of the row still counts


def test_a_table_matching_nothing(folder):
    write(folder / "metadata.csv", "filename,date\nnope.txt,2016-01-01\nother,2016-01-02\n")
    stories, problems = split(read_paths([folder]))
    assert len(stories) == 3 and all(a.date is None for a in stories)
    assert {p.message.split(" (")[0] for p in problems} == {"2 of 2 rows name no file or story indexed",
                                                           "3 files indexed have no row in this table"}


def test_malformed_table_rows_are_skipped_and_reading_goes_on(folder):
    write(folder / "metadata.csv", 'filename,date,title\na.txt,2016-03-03,Alpha\nb.txt,2016-03-04\n'
                                   'c.txt,2016-03-05,Gamma,extra\n\n,,\n')
    stories, problems = split(read_paths([folder]))
    got = {a.id: a for a in stories}
    assert got["a"].title == "Alpha" and got["b"].date is None and got["c"].date is None
    assert any(p.message.startswith("2 malformed rows skipped") and "lines 3, 4" in p.message for p in problems)


def test_a_table_cut_inside_a_quoted_cell(folder):
    write(folder / "metadata.csv", 'filename,date,title\na.txt,2016-03-03,Alpha\nb.txt,2016-03-04,"Beta never closes\n')
    stories, problems = split(read_paths([folder]))
    got = {a.id: a for a in stories}
    assert got["a"].date.date() == date(2016, 3, 3)
    assert len(stories) == 3 and problems  # reported, never fatal


def test_a_table_in_windows_1252_and_with_nul_bytes(folder):
    write(folder / "metadata.tsv", "filename\tauthor\tdate\na.txt\tJos\u00e9 Mar\u00eda N\u00fa\u00f1ez\t2016-03-03\n"
          "b.txt\t\u201cNobody\u201d\x00\t2016-03-04\n", encoding="cp1252")
    stories, problems = split(read_paths([folder]))
    got = {a.id: a for a in stories}
    assert got["a"].authors == ("Jos\u00e9 Mar\u00eda N\u00fa\u00f1ez",)
    assert any("not valid UTF-8; read as cp1252" in p.message for p in problems)
    assert all(not p.skipped for p in problems)


def test_binary_junk_named_like_a_table_is_a_warning(folder):
    (folder / "metadata.csv").write_bytes(bytes(range(256)) * 4)
    stories, problems = split(read_paths([folder]))
    assert len(stories) == 3
    assert [p.message.split(" (")[0] for p in problems if "metadata table" in p.message] == [
        "not a metadata table: no file or id column"]


def test_a_table_given_by_name_must_be_usable():
    with pytest.raises(InputError, match="does not exist"):
        list(read_paths([], metadata=["/nonexistent/metadata.tsv"]))


def test_a_table_given_by_name_without_a_file_column(tmp_path):
    table = write(tmp_path / "t.csv", "when,who\n2016-01-01,Jane\n")
    with pytest.raises(InputError, match="no file or id column"):
        list(read_paths([tmp_path], metadata=[table]))


def test_metadata_jsonl_with_bodies_is_articles_without_them_a_table(tmp_path):
    write(tmp_path / "metadata.jsonl", json.dumps({"id": "s1", "title": "A title", "body": "Text."}) + "\n")
    stories, problems = split(read_paths([tmp_path]))
    assert [a.id for a in stories] == ["s1"] and problems == []
    (tmp_path / "metadata.jsonl").unlink()
    write(tmp_path / "x.txt", "X headline\n\nX text.\n")
    write(tmp_path / "meta.jsonl", json.dumps({"file": "x.txt", "authors": [{"name": "Ann Lee"}, "Bo Smith"],
                                               "published": "Wed, 07 Jul 2021 10:00:00 GMT", "rating": 5}) + "\n")
    (story,) = split(read_paths([tmp_path]))[0]
    assert story.authors == ("Ann Lee", "Bo Smith") and story.date.date() == date(2021, 7, 7)
    assert story.tags == ("rating:5",)


def test_rows_keyed_by_story_id_for_a_file_of_many_stories(tmp_path):
    lines = [json.dumps({"id": f"s{n}", "title": f"Story {n}", "body": "Text."}) for n in range(3)]
    write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    write(tmp_path / "metadata.csv", "article_id,author,title\ns1,Jane Smith,Better title\ns9,Nobody,\n")
    stories, problems = split(read_paths([tmp_path]))
    got = {a.id: a for a in stories}
    assert got["s1"].authors == ("Jane Smith",) and got["s1"].title == "Better title"
    assert got["s0"].authors == () and got["s0"].title == "Story 0"
    messages = sorted(p.message for p in problems)
    assert messages[0].startswith("1 of 2 rows name no file or story indexed (e.g. 's9')")
    assert messages[1].startswith("2 stories read have no row in this table")


def test_a_year_alone_dates_a_story_only_with_the_day_from_its_dateline(folder):
    write(folder / "metadata.csv", "filename,date\na.txt,2016\nb.txt,2016-03\n")
    stories, problems = split(read_paths([folder]))
    got = {a.id: a for a in stories}
    assert problems[0].message.startswith("1 files indexed have no row")  # sub/c.txt; partial dates are fine
    assert got["a"].date.date() == date(2016, 3, 3)  # "WASHINGTON, March 3" + 2016
    assert got["b"].date is None  # no day anywhere: never guessed


def test_slashed_dates_only_when_the_table_shows_their_order():
    assert parse_table_date("13/03/2016")[2] is False  # no order known: unreadable
    assert parse_table_date("03/12/2016", "dmy")[0].date() == date(2016, 12, 3)
    assert parse_table_date("03/12/2016", "mdy")[0].date() == date(2016, 3, 12)
    assert parse_table_date("2016")[1] == 2016 and parse_table_date("1458000000")[0].year == 2016


def test_slashed_dates_in_a_table(folder):
    write(folder / "metadata.csv", "filename,date\na.txt,13/03/2016\nb.txt,03/12/2016\n")
    got = {a.id: a for a in split(read_paths([folder]))[0]}
    assert got["a"].date.date() == date(2016, 3, 13) and got["b"].date.date() == date(2016, 12, 3)
    write(folder / "metadata.csv", "filename,date\na.txt,03/12/2016\n")
    got = {a.id: a for a in split(read_paths([folder]))[0]}
    assert got["a"].date is None  # 3 December or 12 March: not guessed


def test_tables_are_listed_by_the_folder_walk_but_never_read_as_stories(folder):
    write(folder / "metadata.tsv", "filename\tdate\na.txt\t2016-03-03\n")
    write(folder / "notes.csv", "a,b\n1,2\n")
    names = sorted(p.name for p in iter_files([folder]) if not isinstance(p, Problem))
    assert names == ["a.txt", "b.txt", "c.txt", "metadata.tsv"]
    assert len(split(read_paths([folder]))[0]) == 3
