"""Reuters-21578 SGML: every story read once, with every quirk of the corpus README handled."""
from __future__ import annotations

import gzip
import re
from datetime import datetime, timezone

import pytest

from searchkit.ingest import read_file, read_paths
from searchkit.model import Article, Problem

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


@pytest.fixture(scope="module")
def reuters(reuters_dir):
    """All 22 files read once: (articles by id, problems)."""
    files = sorted(reuters_dir.glob("reut2-*.sgm.gz"))
    assert len(files) == 22
    items = list(read_paths(files))
    articles = [item for item in items if isinstance(item, Article)]
    by_id = {a.id: a for a in articles}
    assert len(by_id) == len(articles), "ids must be unique"
    return by_id, [item for item in items if isinstance(item, Problem)]


def test_every_story_once_with_its_newid(reuters):
    by_id, _ = reuters
    assert len(by_id) == 21578
    assert set(by_id) == {str(n) for n in range(1, 21579)}  # reading speed: bench/speed.py, not a unit test


def test_first_story(reuters):
    a = reuters[0]["1"]
    assert a.title == "BAHIA COCOA REVIEW"
    assert a.dateline == "SALVADOR, Feb 26"
    assert a.date == datetime(1987, 2, 26, 15, 1, 1, tzinfo=timezone.utc)
    assert a.locations == ("el-salvador", "usa", "uruguay")
    assert "cocoa" in a.tags and "split:train" in a.tags
    assert a.source == "Reuters"
    assert a.body.startswith("Showers continued throughout the week in\nthe Bahia cocoa zone")
    assert a.body.endswith("carnival which ends midday on February 27.")  # " Reuter" and &#3; gone
    assert a.path.endswith("reut2-000.sgm.gz") and a.line == 2  # line 1 is the DOCTYPE


def test_first_words_typed_into_the_dateline_go_back_to_the_body(reuters):
    by_id = reuters[0]
    brazil = by_id["47"]  # <DATELINE>RIO DE JANEIRO, Feb 26 - Brazil's "Cruzado" anti- </DATELINE><BODY>inflation
    assert brazil.dateline == "RIO DE JANEIRO, Feb 26"
    assert brazil.body.startswith('Brazil\'s "Cruzado" anti-inflation\nplan, initially hailed')
    assert by_id["2970"].body.startswith("Engineers are working to repair the Iraq-Turkey")
    assert by_id["13585"].body.startswith("Clear/45 degrees - Hog")  # a dash between words stays apart
    assert by_id["3181"].dateline == "NEW YORK, March 9" and not by_id["3181"].body.startswith("-")
    spilt = [a for a in by_id.values() if re.search(r", [A-Z][a-z]+\.? ?\d{1,2} ?-+ ?\S", a.dateline)]
    assert not spilt, [a.dateline for a in spilt[:3]]


def test_no_control_characters_and_entities_decoded(reuters):
    by_id = reuters[0]
    for a in by_id.values():
        assert not CONTROL.search(a.title), a.id
        assert not CONTROL.search(a.body), a.id
        assert "&#" not in a.body and "&lt;" not in a.body and "&amp;" not in a.body, a.id
    assert by_id["2"].title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"


def test_signature_removed(reuters):
    tails = [a.id for a in reuters[0].values() if re.search(r"(?i)\breuters?\s*$", a.body)]
    assert len(tails) <= 5, tails  # only stories whose own last word is "Reuter" could remain


def test_brief_and_unproc_stories(reuters):
    by_id = reuters[0]
    empty = [a for a in by_id.values() if not a.body]
    assert 1795 <= len(empty) <= 1800  # the 1,798 BRIEF stories (and one empty UNPROC one)
    assert not any("Blah blah blah" in a.body for a in by_id.values())
    assert all(not a.title.startswith("*") for a in by_id.values())
    # UNPROC: no TITLE, DATELINE or BODY, yet a title and a body from the text of TEXT
    unproc = [a for a in by_id.values() if a.body and not a.dateline]
    assert 700 <= len(unproc) <= 760
    assert sum(1 for a in by_id.values() if not a.title) <= 1
    assert all(len(a.title) <= 121 for a in unproc)


def test_splits_and_categories(reuters):
    by_id = reuters[0]
    splits = {t for a in by_id.values() for t in a.tags if t.startswith("split:")}
    assert splits == {"split:train", "split:test", "split:not-used"}
    not_used = sum("split:not-used" in a.tags for a in by_id.values())
    assert not_used == 722
    assert abs(sum("usa" in a.locations for a in by_id.values()) - 12542) <= 1  # the data has 12,541
    assert any(t.startswith("people:") for a in by_id.values() for t in a.tags)
    assert any(t.startswith("orgs:") for a in by_id.values() for t in a.tags)
    assert any(t.startswith("exchanges:") for a in by_id.values() for t in a.tags)


def test_dates(reuters):
    by_id, problems = reuters
    # '27-MAR-1987 00:03:35.68&#5;&#5;&#5;F': junk after the time
    assert by_id["10280"].date == datetime(1987, 3, 27, 0, 3, 35, tzinfo=timezone.utc)
    # '31-MAR-1987 605:12:19.12': the time is broken, the day is not: kept, with a warning
    assert by_id["17192"].date == datetime(1987, 3, 31, tzinfo=timezone.utc)
    warning = [p for p in problems if "17192" in p.message]
    assert len(warning) == 1 and warning[0].skipped is False and warning[0].line
    assert "kept the day 1987-03-31" in warning[0].message
    assert sum(a.date is None for a in by_id.values()) == 0
    assert all(a.date.tzinfo is timezone.utc for a in by_id.values() if a.date)
    assert min(a.date for a in by_id.values() if a.date).date().isoformat() == "1987-02-26"
    assert max(a.date for a in by_id.values() if a.date).date().isoformat() == "1987-10-20"
    assert len(problems) == 1


RECORD = """<REUTERS TOPICS="NO" LEWISSPLIT="NOT-USED" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="{id}">
<DATE> 3-MAR-1987  09:15:05.40</DATE>
<TOPICS><D>grain</D><D>wheat</D></TOPICS>
<PLACES><D>west-germany</D></PLACES>
<PEOPLE><D>poehl</D></PEOPLE><ORGS></ORGS><EXCHANGES></EXCHANGES><COMPANIES></COMPANIES>
<TEXT>&#2;
<TITLE>**TITLE {id}</TITLE>
<DATELINE>    BONN, March 3 - </DATELINE><BODY>Body of &lt;ABC> &amp; co, story {id}.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""


def test_malformed_record_between_good_ones(tmp_path):
    broken = RECORD.format(id=2).replace("</REUTERS>\n", "")
    path = tmp_path / "bad.sgm"
    path.write_text('<!DOCTYPE lewis SYSTEM "lewis.dtd">\n' + RECORD.format(id=1) + broken + RECORD.format(id=3),
                    encoding="latin-1")
    items = list(read_file(path))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert [a.id for a in articles] == ["1", "3"]
    assert len(problems) == 1 and problems[0].skipped and problems[0].line == 13
    assert articles[0].line == 2 and articles[1].line == 23
    a = articles[0]
    assert a.title == "TITLE 1" and a.dateline == "BONN, March 3"
    assert a.body == "Body of <ABC> & co, story 1."
    assert a.tags == ("grain", "wheat", "people:poehl", "split:not-used")
    assert a.locations == ("west-germany",)
    assert a.date == datetime(1987, 3, 3, 9, 15, 5, tzinfo=timezone.utc)


@pytest.mark.parametrize("raw, expected, said", [
    ("31-MAR-1987 605:12:19.12", datetime(1987, 3, 31, tzinfo=timezone.utc), "kept the day 1987-03-31"),
    (" 3-MAR-1987 9:15", datetime(1987, 3, 3, tzinfo=timezone.utc), "kept the day 1987-03-03"),
    ("31-FEB-1987 10:00:00.00", None, "left empty"),
    ("MAR-1987 10:00:00.00", None, "left empty"),
    ("31-MAR-19870 10:00:00.00", None, "left empty"),
])
def test_a_broken_time_keeps_the_day(tmp_path, raw, expected, said):
    path = tmp_path / "t.sgm"
    path.write_text(RECORD.format(id=5).replace(" 3-MAR-1987  09:15:05.40", raw), encoding="latin-1")
    (article,) = [i for i in read_file(path) if isinstance(i, Article)]
    (problem,) = [i for i in read_file(path) if isinstance(i, Problem)]
    assert article.date == expected
    assert problem.skipped is False and "story 5" in problem.message and said in problem.message


def test_record_without_newid(tmp_path):
    path = tmp_path / "x.sgml"
    path.write_text(RECORD.format(id="") + RECORD.format(id=7), encoding="latin-1")
    items = list(read_file(path))
    assert isinstance(items[0], Problem) and items[0].line == 1 and "NEWID" in items[0].message
    assert [i.id for i in items if isinstance(i, Article)] == ["7"]


def test_brief_and_unproc_synthetic(tmp_path):
    brief = RECORD.format(id=1).replace("<TEXT>", '<TEXT TYPE="BRIEF">').replace(
        "<BODY>Body of &lt;ABC> &amp; co, story 1.", "<BODY>Blah blah blah.")
    unproc = ('<REUTERS NEWID="2" LEWISSPLIT="TEST">\n<DATE>1-APR-1987 01:02:03.00</DATE>\n'
              '<TEXT TYPE="UNPROC">&#2;\nTABLE OF FIGURES\n  A   1\n  B   2\n Reuter\n&#3;\n\n</TEXT>\n</REUTERS>\n')
    path = tmp_path / "y.sgm"
    path.write_bytes((brief + unproc).encode("latin-1"))
    first, second = read_file(path)
    assert first.title == "TITLE 1" and first.body == ""
    assert second.title == "TABLE OF FIGURES"
    assert second.body == "TABLE OF FIGURES\n  A   1\n  B   2"
    assert second.tags == ("split:test",)


def test_latin1_byte(tmp_path):
    path = tmp_path / "z.sgm"
    path.write_bytes(RECORD.format(id=1).replace("Body of", "M\xfcnchen body of").encode("latin-1"))
    (article,) = read_file(path)
    assert article.body.startswith("München body of")


def test_truncated_gzip(tmp_path, reuters_dir):
    data = (reuters_dir / "reut2-000.sgm.gz").read_bytes()
    path = tmp_path / "cut.sgm.gz"
    path.write_bytes(data[: len(data) // 2])
    items = list(read_file(path))
    articles = [i for i in items if isinstance(i, Article)]
    problems = [i for i in items if isinstance(i, Problem)]
    assert 100 < len(articles) < 1000
    assert [a.id for a in articles] == [str(n) for n in range(1, len(articles) + 1)]
    assert any(p.message.startswith("truncated gzip") for p in problems)
    # the last story, cut mid-way, is reported rather than read half
    assert any("without </REUTERS>" in p.message for p in problems)


def test_uncompressed_copy_reads_the_same(tmp_path, reuters_dir):
    path = tmp_path / "reut2-021.sgm"
    path.write_bytes(gzip.decompress((reuters_dir / "reut2-021.sgm.gz").read_bytes()))
    plain = [a for a in read_file(path) if isinstance(a, Article)]
    packed = [a for a in read_file(reuters_dir / "reut2-021.sgm.gz") if isinstance(a, Article)]
    assert len(plain) == 578
    assert [(a.id, a.title, a.body, a.date) for a in plain] == [(a.id, a.title, a.body, a.date) for a in packed]


def test_authors_from_every_author_element(reuters, reuters_dir):
    """All 875 AUTHOR elements give names; the agency after the comma and the "By" never do."""
    raw = {}
    for f in sorted(reuters_dir.glob("reut2-*.sgm.gz")):
        text = gzip.decompress(f.read_bytes()).decode("latin-1")
        for m in re.finditer(r'NEWID="(\d+)">(.*?)</REUTERS>', text, re.S):
            author = re.search(r"<AUTHOR>(.*?)</AUTHOR>", m.group(2), re.S)
            if author:
                raw[m.group(1)] = author.group(1)
    by_id = reuters[0]
    assert len(raw) == 875
    assert {i for i, a in by_id.items() if a.authors} == set(raw)
    for newid, value in raw.items():
        names = by_id[newid].authors
        assert len(names) == 1 + value.lower().count(" and "), (value, names)
        assert not any(n.lower().startswith("by ") or "reuter" in n.lower() for n in names), (value, names)
    assert by_id[next(i for i, v in raw.items() if "By Cal Mankowski, Reuters" in v)].authors == ("Cal Mankowski",)
    assert {n for i, v in raw.items() if "AFFLISIO" in v for n in by_id[i].authors} <= {"Ted D'Afflisio",
                                                                                     "Ted d'Afflisio"}


def test_no_reuters_story_is_dated_from_its_text_alone(reuters):
    """With DATE hidden, a dateline "SALVADOR, Feb 26" has no year: no story may get a date from its text;
    given the year (as a table naming only the year would), the dateline's day is DATE's, give or take a day."""
    from searchkit.extract import body_dateline
    from searchkit.extract.dates import date_from_text

    stories = [a for a in reuters[0].values() if a.body and a.date]
    assert [a.id for a in stories if date_from_text(a.text, a.dateline or body_dateline(a.body))] == []
    near = found = 0
    for a in stories:
        day = date_from_text(a.text, a.dateline or body_dateline(a.body), year=a.date.year)
        if day is not None:
            found += 1
            near += abs((day.date() - a.date.date()).days) <= 1
    assert found > 0.9 * len(stories) and near > 0.995 * found
