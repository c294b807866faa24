"""The seed's line format: `date YYYY-MM-DD Source - text`, continuation lines, ids, dates, encodings."""
from __future__ import annotations

from datetime import datetime, timezone

from searchkit.ingest import read_file
from searchkit.model import Article, Problem


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


def test_seed_is_one_article_over_several_paragraphs(seed_path):
    articles, problems = split(read_file(seed_path))
    assert problems == []
    (a,) = articles
    assert a.id == "000_e282b53e72c4bdf8"
    assert a.date == datetime(2021, 7, 7, tzinfo=timezone.utc)
    assert a.source == "Islam Times"
    assert a.line == 1 and a.path == str(seed_path)
    assert a.title.startswith("The Taliban launched its first assault on a provincial capital")
    assert len(a.title) <= 201 and a.title.endswith("…")
    assert a.body.startswith("The Taliban launched its first assault")
    assert "\n\nFierce fighting erupted on Wednesday in the Western city of Qala-e-Naw" in a.body
    # later paragraphs are kept, glued sentences and all
    assert "text message.Badghis provincial council chief" in a.body
    assert a.body.endswith("although this was not the insurgent group’s current policy.")


def test_several_articles_with_stable_ids(tmp_path):
    path = tmp_path / "news.txt"
    path.write_text(
        "\n\n  date 2021-07-07 Islam Times - First story. It goes on.\n"
        "More of the first story.\n"
        "\n\n\n"
        "Its last paragraph.\n"
        "date 2021-07-08 Tolo News - Second story.\n"
        "date 2021-07-09 AP - Third story, with a - dash.\n",
        encoding="utf-8",
    )
    articles, problems = split(read_file(path))
    assert problems == []
    assert [a.id for a in articles] == ["news", "news-2", "news-3"]
    assert [a.line for a in articles] == [3, 9, 10]
    assert [a.source for a in articles] == ["Islam Times", "Tolo News", "AP"]
    assert articles[0].body == "First story. It goes on.\nMore of the first story.\n\nIts last paragraph."
    assert articles[0].title == "First story."
    assert articles[2].body == "Third story, with a - dash."
    assert articles[1].date == datetime(2021, 7, 8, tzinfo=timezone.utc)


def test_bad_date_is_a_warning(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("date 2021-07-07 A - Fine.\ndate 2021-13-45 B - Impossible date.\n", encoding="utf-8")
    articles, problems = split(read_file(path))
    assert [a.date for a in articles] == [datetime(2021, 7, 7, tzinfo=timezone.utc), None]
    (p,) = problems
    assert p.skipped is False and p.line == 2 and "2021-13-45" in p.message


def test_cp1252_bytes_read_with_a_warning(tmp_path):
    path = tmp_path / "win.txt"
    path.write_bytes(b"date 2021-07-07 Src - He said \x93quoted\x94 words \xe2\x80\x94 caf\xc3\xa9.\n")
    articles, problems = split(read_file(path))
    (a,) = articles
    assert a.body == "He said “quoted” words — café."  # valid UTF-8 around the bad bytes kept
    (p,) = problems
    assert p.skipped is False and p.line == 1 and p.message == "not valid UTF-8; read as cp1252"


def test_bom_and_nul_bytes(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfdate 2021-07-07 Src - Body\x00 text.\n")
    articles, problems = split(read_file(path))
    assert problems == [] and articles[0].body == "Body text." and articles[0].source == "Src"


def test_empty_and_blank_files(tmp_path):
    for name, data in (("empty.txt", b""), ("blank.txt", b" \n\n\t \n")):
        path = tmp_path / name
        path.write_bytes(data)
        assert list(read_file(path)) == [Problem(str(path), "empty file")]


def test_header_without_text(tmp_path):
    path = tmp_path / "h.txt"
    path.write_text("date 2021-07-07 Src - \ndate 2021-07-08 Src - Real text.\n", encoding="utf-8")
    articles, problems = split(read_file(path))
    assert [a.id for a in articles] == ["h-2"] and problems[0].line == 1 and problems[0].skipped
