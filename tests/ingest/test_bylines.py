"""Bylines: names from author fields and from the opening lines of plain-text and line-format stories."""
from __future__ import annotations

import json

import pytest

from searchkit.ingest import read_file
from searchkit.ingest.bylines import authors_of, line_byline, opening_byline, split_byline, tidy_name
from searchkit.model import Article


@pytest.mark.parametrize("byline, names", [
    ("    By Cal Mankowski, Reuters", ("Cal Mankowski",)),
    ("BY TED D'AFFLISIO, REUTERS", ("Ted D'Afflisio",)),
    ("By Brad Schade Reuters", ("Brad Schade",)),  # no comma before the agency
    ("By Cal Mankowski, Reutersd", ("Cal Mankowski",)),  # a typo in the agency is still no name
    ("By keith grant, Reuters", ("Keith Grant",)),
    ("BY PATRICK RIZZO AND PATTI DOMM", ("Patrick Rizzo", "Patti Domm")),
    ("MAGGIE HABERMAN and RICHARD A. OPPEL JR.", ("Maggie Haberman", "Richard A. Oppel Jr.")),
    ("JENNIFER STEINHAUER, JONATHAN MARTIN and DAVID M. HERSZENHORN",
     ("Jennifer Steinhauer", "Jonathan Martin", "David M. Herszenhorn")),
    ("Abby Phillip,David Weigel", ("Abby Phillip", "David Weigel")),
    ("Fredreka Schouten, and Christopher Schnaars, USA TODAY", ("Fredreka Schouten", "Christopher Schnaars")),
    ("Gregory Korte,, Susan Page, and David Jackson", ("Gregory Korte", "Susan Page", "David Jackson")),
    ("Rick Jervis, @MrRJervis, USA TODAY", ("Rick Jervis",)),
    ("Joe Gerth, The (Louisville, Ky.) Courier-Journal", ("Joe Gerth",)),
    ("Paul Ames, Special for USA TODAY", ("Paul Ames",)),
    ("By EDUARDO PORTER. Email: eporter@nytimes.com,Twitter: @portereduardo", ("Eduardo Porter",)),
    ("By ALEXANDRA ALTER. Follow Alexandra Alter on Twitter @xanalter.", ("Alexandra Alter",)),
    ("By JIM RUTENBERG,Oleg Matsnev and Zachary Wichter contributed research.", ("Jim Rutenberg",)),
    ("Reporting by Jane Smith; Editing by John Doe", ("Jane Smith",)),
    ("By Troy L. Smith, Cleveland.com", ("Troy L. Smith",)),
    ("MATT O'BRIEN", ("Matt O'Brien",)),
    ("Solange De Santis", ("Solange De Santis",)),
    ("AP", ("AP",)),  # an agency's byline is its author
    ("By THE ASSOCIATED PRESS", ("The Associated Press",)),
    ("Breitbart News", ("Breitbart News",)),
    ("The New York Times", ("The New York Times",)),
    ("Analysis by Chris Cillizza, CNN Editor-at-large", ("Chris Cillizza",)),  # the user trial's CNN page
    ("Steve Peoples, AP National Political Writer", ("Steve Peoples",)),
    ("ERIC TUCKER Associated Press", ("Eric Tucker",)),  # no comma before the agency
    ("Finian Cunningham Sputnik International", ("Finian Cunningham",)),
    ("Tom Gillespie News reporter", ("Tom Gillespie",)),
    ("Carrie Arnold November", ("Carrie Arnold",)),  # a date run into the byline
    ("Theresa May", ("Theresa May",)),  # but May is a surname too
    ("Practical Horseman Editorial Staff", ("Practical Horseman Editorial Staff",)),  # a newsroom, no person
    ("PTI", ("PTI",)),  # an agency's acronym stays one
    ("Admin", ()), ("Jdadmin", ()), ("webmaster", ()), ("Editorial", ()),  # site accounts and labels
    ("Condé Nast", ()),  # a publisher writes nothing
])
def test_split_byline(byline, names):
    assert split_byline(byline) == names


@pytest.mark.parametrize("junk", ["", "None", "null", "N/A", ", ,", "ELECTIONS 2016", "   ", None, 42, ["x"]])
def test_no_names_from_junk(junk):
    assert split_byline(junk) == ()


@pytest.mark.parametrize("line", [
    "By the fall of 2010, Tea Party super PACs had seized on cap-and-trade.",
    "By Monday morning, the grim, if now familiar, global ritual had begun.",
    "By contrast, Trump has just 5 percent support of the black vote in Florida.",
    "By winning the Republican primary in Ohio, John Kasich picked up all 66 delegates.",
    "By now it should be obvious that voters want to know what's in Mr. Trump's returns.",
    "By 2015, the American coal market was in a deep slide.",
    "By Popular Demand",
    "by Admin",  # a user name is not a byline of names
    "Jane Smith, Reuters",  # no "By": running text is not taken for a byline
])
def test_sentences_are_not_bylines(line):
    assert line_byline(line) == ()


@pytest.mark.parametrize("line, names", [
    ("By Jane Smith and John Doe", ("Jane Smith", "John Doe")),
    ("By JANE SMITH, Reuters", ("Jane Smith",)),
    ("By Jane Smith | March 12, 2016", ("Jane Smith",)),
    ("By Stefan Becket, Kathryn Watson, Grace Segers", ("Stefan Becket", "Kathryn Watson", "Grace Segers")),
    ("By Reuters", ("Reuters",)),
])
def test_byline_lines(line, names):
    assert line_byline(line) == names


def test_by_alone_on_its_line_takes_the_next():
    lines = ["Google Stadia: So Many Ways to Play", "There are more devices than ever.", "By", "Sarah E. Needleman",
             "The Wall Street Journal"]
    assert opening_byline(lines) == (("Sarah E. Needleman",), 2, 4)


def test_names_in_capitals_or_lower_case_are_title_cased_others_kept():
    assert tidy_name("NAILENE CHOU-WIEST") == "Nailene Chou-Wiest"
    assert tidy_name("GREG MCCUNE") == "Greg McCune"
    assert tidy_name("Ian MacKenzie") == "Ian MacKenzie"


def test_json_author_values():
    assert authors_of("By Jane Smith and John Doe") == ("Jane Smith", "John Doe")
    assert authors_of(["Jane Smith", {"name": "John Doe"}, {"@type": "Person"}]) == ("Jane Smith", "John Doe")
    assert authors_of({"name": "JANE SMITH, Reuters"}) == ("Jane Smith",)
    assert authors_of(12) == ()


def test_a_credit_listed_as_an_author_beside_a_person_is_dropped():
    assert authors_of(["Analysis by Chris Cillizza", "CNN Editor-at-large"]) == ("Chris Cillizza",)
    assert authors_of(["Meg Kinnard", "Errin Haines", "Associated Press"]) == ("Meg Kinnard", "Errin Haines")
    assert authors_of([{"name": "Condé Nast"}, {"name": "Louise Matsakis"}]) == ("Louise Matsakis",)
    assert authors_of(["Ilana Muhlstein", "MS", "RDN"]) == ("Ilana Muhlstein",)
    assert authors_of(["Associated Press", "Reuters"]) == ("The Associated Press", "Reuters")  # no person: kept
    assert authors_of(["Admin"]) == ()


def test_jsonl_reader_takes_author_keys_and_drops_them_from_tags(tmp_path):
    path = tmp_path / "s.jsonl"
    records = [{"id": "a", "title": "T", "body": "b", "author": "By Jane Smith"},
               {"id": "b", "title": "T", "body": "b", "authors": [{"name": "Ann Lee"}, "Bo Diddley"]},
               {"id": "c", "title": "T", "body": "b", "byline": "JOHN DOE and Mary Major", "desk": "metro"},
               {"id": "d", "title": "T", "body": "b", "creator": ["AFP"]}]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    got = {a.id: a for a in read_file(path)}
    assert got["a"].authors == ("Jane Smith",) and got["a"].tags == ()
    assert got["b"].authors == ("Ann Lee", "Bo Diddley")
    assert got["c"].authors == ("John Doe", "Mary Major") and got["c"].tags == ("desk:metro",)
    assert got["d"].authors == ("AFP",)


def test_plain_text_opening_byline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Taliban take Qala-e-Naw\nBy JANE SMITH and John Doe, Reuters\n\nKABUL, July 7 (Reuters) - "
                    "The Taliban entered the city.\n", encoding="utf-8")
    (a,) = read_file(path)
    assert a.authors == ("Jane Smith", "John Doe")
    assert a.title == "Taliban take Qala-e-Naw"


def test_plain_text_that_opens_with_its_byline(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("By Jane Smith\n\nThe Taliban entered the city on Wednesday. Officials said so.\n", encoding="utf-8")
    (a,) = read_file(path)
    assert a.authors == ("Jane Smith",)
    assert a.title == "The Taliban entered the city on Wednesday."  # not the byline
    assert not a.body.startswith("By")


def test_plain_text_opening_with_a_by_sentence_has_no_author(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Coal in decline\n\nBy 2015, the American coal market was in a deep slide, as utilities "
                    "turned to gas.\n", encoding="utf-8")
    (a,) = read_file(path)
    assert a.authors == ()


def test_line_format_opening_byline(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text("date 2021-07-07 Islam Times - By Jane Smith\nThe Taliban entered the city. More followed.\n"
                    "date 2021-07-08 Islam Times - By the evening, the city had fallen.\n", encoding="utf-8")
    first, second = (a for a in read_file(path) if isinstance(a, Article))
    assert first.authors == ("Jane Smith",) and first.title == "The Taliban entered the city."
    assert second.authors == () and second.title.startswith("By the evening")
