"""Web archives: HTML responses become stories, the rest is counted, damage stops with one line."""
from __future__ import annotations

import gzip
from datetime import datetime, timezone

import pytest

from searchkit.ingest import decode, read_file
from searchkit.model import Article, Problem

NO_META = ("<html><head><title>Harbour reopens after the storm</title></head><body><div id='menu'>Home | News</div>"
           "<div class='story'><p>The harbour reopened on Monday after a week of repairs to the sea wall that the "
           "storm had breached, and the first fishing boats went out before dawn.</p><p>Port officials said the "
           "damage had cost more than two million pounds and that the work would go on through the summer.</p>"
           "</div></body></html>").encode()


@pytest.fixture(scope="module")
def archive_records(sample_pages):
    """Real pages as 200 responses, plus a page without metadata, an image, a redirect and a 404."""
    records = [(f"https://crawl.example/{k}", data, "200 OK", "text/html; charset=utf-8")
               for k, data in sample_pages.items()]
    records.insert(2, ("https://crawl.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(300), "200 OK", "image/png"))
    records.insert(3, ("https://crawl.example/old", b"", "301 Moved Permanently", "text/html"))
    records.insert(4, ("https://crawl.example/missing", b"<html><body>Not found</body></html>", "404 Not Found",
                       "text/html"))
    records.append(("https://harbour.example/news/reopens", NO_META, "200 OK", "text/html"))
    return records


def split(items):
    items = list(items)
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, Problem)]


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_every_html_response_is_a_story(tmp_path, archive_records, aeb_truth, sample_keys, warc_writer, gz):
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    warc_writer(path, archive_records, gz=gz)
    articles, problems = split(read_file(path))
    assert [a.id for a in articles] == [aeb_truth[k]["url"] for k in sample_keys] + \
        ["https://harbour.example/news/reopens"]  # canonical URL when the page gives one, else the record URL
    last = articles[-1]
    assert last.title == "Harbour reopens after the storm" and last.body.startswith("The harbour reopened")
    assert last.source == "harbour.example" and last.url == "https://harbour.example/news/reopens"
    assert last.date.date() == datetime.now(timezone.utc).date()  # the capture date (WARC-Date), none on the page
    assert [a.line for a in articles][:2] == [3, 5]  # record numbers: warcinfo, request, response, request, ...
    (summary,) = problems  # one line for all the records that are no story
    assert not summary.skipped
    assert summary.message.startswith(f"skipped {len(archive_records) + 4} of {2 * len(archive_records) + 1} records")
    for part in ("request records 10", "warcinfo records 1", "redirects and errors (HTTP status not 2xx) 2",
                 "responses that are not HTML 1"):
        assert part in summary.message


@pytest.mark.parametrize("gz", [True, False], ids=["warc.gz", "warc"])
def test_truncated_archive_keeps_the_records_before_the_cut(tmp_path, archive_records, warc_writer, gz):
    whole = tmp_path / "whole.warc"
    starts = warc_writer(whole, archive_records, gz=gz)
    data = whole.read_bytes()
    cuts = {"in the last page": (starts[-2] + starts[-1]) // 2,  # the sample's last real page is cut short
            "in a record header": starts[-2] + 30}
    for where, cut in cuts.items():
        path = tmp_path / f"cut.warc{'.gz' if gz else ''}"
        path.write_bytes(data[:cut])
        articles, problems = split(read_file(path))
        assert len(articles) == 5, where  # the sample's first five real pages, before the cut
        (stop,) = [p for p in problems if p.skipped]
        assert "truncated" in stop.message or "damaged" in stop.message, (where, stop)
        assert len(problems) == 2  # the truncation, and the summary of the records skipped


def test_damage_inside_an_archive_stops_there_with_one_line(tmp_path, archive_records, warc_writer):
    whole = tmp_path / "whole.warc"
    starts = warc_writer(whole, archive_records, gz=False)
    data = whole.read_bytes()
    path = tmp_path / "damaged.warc"
    path.write_bytes(data[:starts[5]] + b"this is no WARC header\r\n" * 3 + data[starts[5] + 10:])
    articles, problems = split(read_file(path))
    assert len(articles) == 2
    stop = next(p for p in problems if p.skipped)
    assert stop.message.startswith("archive truncated or damaged after record 14 (") and "\n" not in stop.message


def test_not_an_archive(tmp_path):
    path = tmp_path / "notes.warc"
    path.write_text("just some notes\nthat are not an archive\n", encoding="utf-8")
    (problem,) = read_file(path)
    assert problem.message.startswith("not a WARC or ARC archive")
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    assert [p.message for p in read_file(empty)] == ["empty file"]


def test_arc_files_are_read_too(tmp_path):
    """The older ARC format (Internet Archive, pre-2008 crawls): a version block, then records."""
    def record(url: str, ctype: str, payload: bytes) -> bytes:
        http = b"HTTP/1.0 200 OK\r\nContent-Type: " + ctype.encode() + b"\r\n\r\n" + payload
        return f"{url} 192.0.2.1 20080102030405 {ctype} {len(http)}\n".encode() + http + b"\n"

    version = b"1 0 searchkit tests\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://test.arc 0.0.0.0 20080102030405 text/plain {len(version)}\n".encode() + version + b"\n"
    data = head + record("https://harbour.example/news/arc", "text/html", NO_META) + \
        record("https://harbour.example/logo.gif", "image/gif", b"GIF89a" + bytes(40))
    for name, blob in (("old.arc", data), ("old.arc.gz", gzip.compress(data))):
        articles, problems = split(read_file(tmp_path / name if (tmp_path / name).write_bytes(blob) else None))
        (article,) = articles
        assert article.id == "https://harbour.example/news/arc"
        assert article.date == datetime(2008, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
        assert [p.skipped for p in problems] == [False]  # the summary: the version block and the image


def test_archives_are_streamed_not_read_whole(tmp_path, archive_records, warc_writer, monkeypatch):
    """Other files are read whole up to MAX_FILE_BYTES; an archive of any size is streamed."""
    path = tmp_path / "crawl.warc.gz"
    warc_writer(path, archive_records[-1:], gz=True)
    monkeypatch.setattr(decode, "MAX_FILE_BYTES", 16)
    articles, _ = split(read_file(path))
    assert [a.id for a in articles] == ["https://harbour.example/news/reopens"]


def test_a_warc_is_indexed_and_searchable(tmp_path, archive_records, warc_writer):
    from searchkit import Index

    path = tmp_path / "crawl.warc.gz"
    warc_writer(path, archive_records[:1] + archive_records[-1:], gz=True)
    with Index(tmp_path / "index") as idx:
        report = idx.rebuild([path])
        assert report.added == 2 and report.skipped == 0 and report.warnings == 1
        (hit,) = idx.search("harbour sea wall").hits
        assert hit.id == "https://harbour.example/news/reopens"
        assert idx.get(hit.id).url == hit.id
        (hit,) = idx.search("author:needleman").hits  # the WSJ page's byline, from its metadata
        assert hit.authors == ("Sarah E Needleman",) and hit.source == "Wall Street Journal"
