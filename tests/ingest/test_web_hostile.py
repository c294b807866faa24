"""Hostile web input, property-based: random bytes and damaged archives give stories and one-line
problems, never an exception."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from searchkit.ingest import read_file
from searchkit.model import Article, Problem

HOSTILE = settings(max_examples=40, deadline=5000, suppress_health_check=[HealthCheck.too_slow])
PAGE = (b"<html><head><title>Storm</title><link rel=canonical href='https://a.example/storm'></head><body>"
        b"<article><p>The storm closed the harbour for a week and the boats stayed in port until the wind "
        b"dropped on Sunday, harbour officials said.</p></article></body></html>")
MARKUP = st.lists(st.sampled_from([b"<html>", b"<body>", b"<p>", b"</p>", b"<rss>", b"<feed>", b"<item>",
                                   b"<title>", b"WARC/1.0\r\n", b"Content-Length: 9\r\n", b"\r\n\r\n",
                                   b"<meta charset=utf-16>", b"<meta charset=bogus>", b"&#0;", b"\xff\xfe",
                                   b"\x00", b"<![CDATA[", b"]]>", b"<!--", b"word "]), max_size=60).map(b"".join)


def read(data: bytes, name: str) -> list:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        items = list(read_file(path))
    for item in items:
        assert isinstance(item, (Article, Problem))
        if isinstance(item, Problem):
            assert "\n" not in str(item)
    return items


@HOSTILE
@given(data=st.one_of(st.binary(max_size=3000), MARKUP),
       name=st.sampled_from(["p.html", "p.htm", "a.warc", "a.warc.gz", "a.arc", "f.rss", "f.atom", "f.xml", "x"]))
def test_web_readers_survive_random_bytes(data, name):
    read(data, name)


@pytest.fixture(scope="module")
def archives(tmp_path_factory, warc_writer) -> dict[bool, bytes]:
    """A WARC of three pages, gzipped per record (True) and plain (False)."""
    out = {}
    for gz in (True, False):
        path = tmp_path_factory.mktemp("warc") / "a.warc"
        warc_writer(path, [(f"https://a.example/{n}", PAGE, "200 OK", "text/html") for n in range(3)], gz=gz)
        out[gz] = path.read_bytes()
    return out


@HOSTILE
@given(cut=st.integers(0, 10_000), flips=st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 255)), max_size=4),
       gz=st.booleans())
def test_damaged_archives_give_what_they_hold(archives, cut, flips, gz):
    data = bytearray(archives[gz])
    for at, value in flips:
        data[at % len(data)] = value
    items = read(bytes(data[:max(1, len(data) - cut % len(data))]), "a.warc.gz" if gz else "a.warc")
    assert sum(isinstance(i, Article) for i in items) <= 3
