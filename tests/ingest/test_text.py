"""Plain text files without a header: title, body and dateline."""
from __future__ import annotations

from searchkit.ingest import read_file
from searchkit.model import Article


def one(path) -> Article:
    (article,) = read_file(path)
    assert isinstance(article, Article)
    return article


def test_headline_then_body(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Taliban attack provincial capital\n\nKABUL, July 7 (Reuters) - Fighting erupted.\nMore.\n",
                    encoding="utf-8")
    a = one(path)
    assert a.id == "story" and a.title == "Taliban attack provincial capital"
    assert a.body == "KABUL, July 7 (Reuters) - Fighting erupted.\nMore."
    assert a.dateline == "KABUL, July 7"
    assert a.date is None and a.source == "" and a.line == 1


def test_no_headline_uses_first_sentence(tmp_path):
    path = tmp_path / "p.txt"
    text = "WASHINGTON - The Senate voted on Tuesday.It was close. Very close."
    path.write_text(text, encoding="utf-8")
    a = one(path)
    assert a.title == "The Senate voted on Tuesday."
    assert a.body == text and a.dateline == "WASHINGTON"


def test_long_or_sentence_first_line_is_not_a_title(tmp_path):
    path = tmp_path / "q.txt"
    long_line = "word " * 60
    path.write_text(long_line + "\nsecond line\n", encoding="utf-8")
    a = one(path)
    assert a.body.startswith("word word") and a.title.endswith("…") and len(a.title) <= 201
    path.write_text("A full sentence here.\nAnd another.\n", encoding="utf-8")
    a = one(path)
    assert a.title == "A full sentence here." and a.body == "A full sentence here.\nAnd another."


def test_no_dateline_in_ordinary_text(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("Headline\nOfficials said - nothing much.\n", encoding="utf-8")
    assert one(path).dateline == ""


def test_unknown_extension_named_explicitly_is_text(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# Notes\nSome text.\n", encoding="utf-8")
    a = one(path)
    assert a.id == "notes.md" and a.title == "# Notes"


def test_gzipped_line_format(tmp_path):
    import gzip

    path = tmp_path / "x.txt.gz"
    path.write_bytes(gzip.compress("date 2021-07-07 Src - Packed story.\n".encode()))
    a = one(path)
    assert a.id == "x" and a.source == "Src" and a.body == "Packed story."
