"""Hostile web input, property-based: markup soup and damaged archives give stories and one-line
problems, never an exception (random bytes under these names: tests/reliability/test_hostile_input.py)."""
from __future__ import annotations

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


def only_stories_and_one_line_problems(items: list) -> bool:
    return all(isinstance(i, Article) or (isinstance(i, Problem) and "\n" not in str(i)) for i in items)


@HOSTILE
@given(data=MARKUP, name=st.sampled_from(["p.html", "a.warc", "a.arc", "f.rss", "f.atom", "f.xml", "x"]))
def test_markup_soup(tmp_path_factory, data, name):
    path = tmp_path_factory.mktemp("soup") / name
    path.write_bytes(data)
    assert only_stories_and_one_line_problems(list(read_file(path)))


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
def test_damaged_archives_give_what_they_hold(tmp_path_factory, archives, cut, flips, gz):
    data = bytearray(archives[gz])
    for at, value in flips:
        data[at % len(data)] = value
    path = tmp_path_factory.mktemp("damaged") / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(bytes(data[:max(1, len(data) - cut % len(data))]))
    items = list(read_file(path))
    assert only_stories_and_one_line_problems(items) and sum(isinstance(i, Article) for i in items) <= 3
