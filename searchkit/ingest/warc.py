"""Web archives (`.warc`, `.arc`, gzipped per record or not): every HTML page captured becomes a story.

Archives run to gigabytes, so they are streamed record by record with warcio (which reads WARC and
the older ARC format alike) and never read whole: memory holds one page at a time. A record is
read as a page when it is a `response` (or `resource`) with a 2xx HTTP status and an HTML content
type (or, with none declared, content that opens like HTML); the page goes through the same
extraction as a saved `.html` file (`html.to_article`). The record's URL is the story's id unless
the page names its canonical URL, and the record's capture date is the story's date when the page
gives none. Every other record (requests, metadata, images, redirects, pages without article text)
is skipped and counted in one summary line at the end, not one line per record.

A truncated or damaged archive gives the stories before the damage and one line saying where it
stops: a record cut short is not indexed.
"""
from __future__ import annotations

import gzip
import io
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from warcio.archiveiterator import ArchiveIterator

from ..model import Article, Problem
from . import html
from .lines import stem

MAX_PAGE_BYTES = 16 * 1024 * 1024  # one page; larger HTML responses are skipped and counted
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_OK_STATUS = range(200, 300)


class _Records(ArchiveIterator):
    """warcio's iterator, counting records whose length is wrong instead of printing to stderr."""

    INC_RECORD = ""  # warcio writes this warning itself; the summary line counts err_count instead


class _Inflated(io.RawIOBase):
    """A gzip file inflated as a stream that ends, and says so, where a truncated file ends."""

    def __init__(self, fh) -> None:
        super().__init__()
        self._gzip = gzip.GzipFile(fileobj=fh)
        self.truncated = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self._gzip.read1(len(buffer))  # one chunk at a time: nothing read is lost at a cut
        except EOFError:
            self.truncated = True
            return 0
        buffer[:len(data)] = data
        return len(data)


def _header(record, name: str) -> str:
    return (record.rec_headers.get_header(name) or "").strip()


def _capture_date(value: str) -> datetime | None:
    """WARC-Date (`2019-11-19T12:00:00Z`) as an aware UTC datetime."""
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


def _content_type(record) -> tuple[str, str | None]:
    """(media type, charset) of a record's payload, from its HTTP headers (or its WARC ones)."""
    raw = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if not raw and record.rec_type == "resource":  # a resource record's payload is the page itself
        raw = _header(record, "Content-Type")
    if not raw:
        return "", None
    media, _, params = raw.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'") or None
    return media.strip().lower(), charset


def _why_not_a_page(record) -> str | None:
    """Why a record holds no page to read (a short label to count), None when it may hold one."""
    if record.rec_type not in ("response", "resource"):
        return f"{record.rec_type} records"
    if record.http_headers is not None and record.rec_type == "response":
        status = record.http_headers.get_statuscode() or ""
        if not status.isdigit() or int(status) not in _OK_STATUS:
            return "redirects and errors (HTTP status not 2xx)"
    media, _ = _content_type(record)
    if media and media not in _HTML_TYPES:
        return "responses that are not HTML"
    return None


def _looks_like_html(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head", b"<!--")) or b"<html" in head


def read(path: Path, base: str | None = None) -> Iterator[Article | Problem]:
    """The stories of one archive, streamed, with one summary line for the records skipped.

    `base` starts the path-derived id (`base-N`) of a record without a URL.
    """
    skipped: Counter[str] = Counter()
    number = 0
    try:
        fh = open(path, "rb")
        size = Path(path).stat().st_size
        packed = fh.read(2) == b"\x1f\x8b"
        fh.seek(0)
    except OSError as exc:
        yield Problem(str(path), f"cannot read: {exc.strerror or exc}")
        return
    # gzip is inflated here, not by warcio: then a whole-file gzip reads as well as one member per record
    with fh, (_Inflated(fh) if packed else fh) as stream:
        records = _Records(stream, arc2warc=True)
        stop: Problem | None = None
        last = None
        try:
            for record in records:
                number += 1
                last = record
                reason = _why_not_a_page(record)
                if reason:
                    skipped[reason] += 1
                    continue
                data = record.content_stream().read(MAX_PAGE_BYTES + 1)
                if len(data) > MAX_PAGE_BYTES:
                    skipped[f"pages over {MAX_PAGE_BYTES // 2**20} MB"] += 1
                    continue
                while record.raw_stream.read(1 << 16):  # what the HTTP decoding left, to see the record end
                    pass
                if record.raw_stream.limit:
                    url = _header(record, "WARC-Target-URI").strip("<>")
                    stop = Problem(str(path), f"archive truncated: record {number} ({url}) is cut short, "
                                              f"{record.raw_stream.limit:,} bytes missing; it is not indexed", number)
                    break
                if _content_type(record)[0] == "" and not _looks_like_html(data):
                    skipped["records without a content type that do not look like HTML"] += 1
                    continue
                item = _story(path, number, record, data, base or stem(path))
                if isinstance(item, Problem):
                    skipped["HTML pages without article text" if "no article" in item.message
                            else "pages that could not be read"] += 1
                    continue
                yield item
            else:
                if last is not None and last.raw_stream.limit:  # the last record (not a page) is cut short
                    stop = Problem(str(path), f"archive truncated: its last record ({number}, {last.rec_type}) is "
                                              f"cut short, {last.raw_stream.limit:,} bytes missing", number)
                elif not packed and records.offset < size:  # the iterator stops quietly at a cut in a header
                    stop = Problem(str(path), f"archive truncated or damaged after record {number}: "
                                              f"the last {size - records.offset:,} bytes hold no complete record")
        except Exception as exc:  # noqa: BLE001 - warcio raises many kinds on damaged input
            reason = f"{type(exc).__name__}: {(str(exc).strip().splitlines() or [''])[0][:200]}"
            if number == 0:
                stop = Problem(str(path), f"not a WARC or ARC archive ({reason})")
            else:
                stop = Problem(str(path), f"archive truncated or damaged after record {number} ({reason}): "
                                          "the rest of the file is not read", number + 1)
    if stop is None and packed and stream.truncated:
        stop = Problem(str(path), f"archive truncated: the gzip data stops short after record {number}; "
                                  "what followed is lost", number + 1)
    if stop:
        yield stop
    elif number == 0:
        yield Problem(str(path), "empty file" if size == 0 else "no WARC or ARC records in the file")
    if records.err_count:
        yield Problem(str(path), f"{records.err_count:,} records were not followed by a blank line "
                                 "(their Content-Length may be wrong); read anyway", skipped=False)
    if skipped:
        yield Problem(str(path), summary(skipped, number), skipped=False)


def summary(skipped: Counter, total: int) -> str:
    """One line for all the records an archive had that are not stories."""
    count = sum(skipped.values())
    parts = ", ".join(f"{label} {n:,}" for label, n in skipped.most_common())
    return f"skipped {count:,} of {total:,} records that hold no article ({parts})"


def _story(path: Path, number: int, record, data: bytes, base: str) -> Article | Problem:
    url = _header(record, "WARC-Target-URI").strip("<>")
    return html.to_article(data, path=path, fallback_id=url or f"{base}-{number}", record=number,
                           charset=_content_type(record)[1], url=url,
                           date=_capture_date(_header(record, "WARC-Date")))
