"""Fixtures for the web formats: a sample of the article-extraction benchmark's real pages."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

SAMPLE = 6  # pages parsed in tests: every 30th of the 181, in id order


@pytest.fixture(scope="session")
def aeb_dir(shared_dir) -> Path:
    path = shared_dir / "corpora" / "article-extraction-benchmark"
    if not (path / "ground-truth.json").is_file():
        pytest.skip(f"article-extraction benchmark not found at {path}; set SEARCHKIT_SHARED to the folder "
                    "holding corpora/")
    return path


@pytest.fixture(scope="session")
def aeb_truth(aeb_dir) -> dict:
    return json.loads((aeb_dir / "ground-truth.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def sample_keys(aeb_truth) -> list[str]:
    return sorted(aeb_truth)[::30][:SAMPLE]


@pytest.fixture(scope="session")
def sample_pages(aeb_dir, sample_keys) -> dict[str, bytes]:
    """page id -> the saved page's bytes, as a browser received them."""
    return {k: gzip.decompress((aeb_dir / "html" / f"{k}.html.gz").read_bytes()) for k in sample_keys}


def write_warc(path: Path, records: list[tuple[str, bytes, str, str]], *, gz: bool = True) -> list[int]:
    """A WARC of (url, payload, HTTP status line, content type) responses, each after a request record;
    a warcinfo record first. Returns where each response record starts in the file."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    starts = []
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "searchkit tests"}))
        for url, payload, status, ctype in records:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example.org")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            starts.append(fh.tell())
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                                          http_headers=headers))
    return starts


@pytest.fixture(scope="session")
def warc_writer():
    return write_warc
