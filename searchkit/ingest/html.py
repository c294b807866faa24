"""Saved web pages (`.html`, `.htm`, `.xhtml`, gzipped or not): the article, not the page around it.

A saved page holds menus, cookie banners, related links and comments around the story; indexing it
whole would make every page of a site match its navigation words. trafilatura finds the article
body (chosen by measurement on 181 real news pages: `bench/formats.py`, body F1 0.96 against 0.95
for readability-lxml) and reads the page's own metadata: title, publication date, authors, site
name and canonical URL (from `<link rel=canonical>`, Open Graph and JSON-LD). A site name that is a
tagline, a menu of sections, a copyright line or a platform's word ("Hosted") gives way to the host.

Identity: a page that names its canonical URL gets it as id (the source's own name for the story,
so the same story saved or crawled again is an update), unless that URL is a bare site root, which
templates often give every page; otherwise the id given by the caller (the record URL of an
archive, the file's name for a saved page). The charset is the one the page (or its HTTP header)
declares, else UTF-8 with a cp1252 fallback. A binary file, or a page without article text, is one
`Problem`; nothing here raises.
"""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from html import unescape
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
import trafilatura

from ..model import Article, Problem
from .bylines import authors_of
from .decode import decode, looks_binary, read_bytes
from .lines import stem
from .sentences import first_sentence

# Tuned on the benchmark's first half (pages whose id starts with 0-7): body F1 0.969 with
# favor_precision against 0.961 with the defaults; see bench/README.md for the other half.
EXTRACT_OPTIONS = {"include_comments": False, "favor_precision": True, "with_metadata": True}

# trafilatura and htmldate log their doubts about odd pages; the reader reports problems itself.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False

# Site names that name no site: what a hosting platform or a page template fills in.
GENERIC_SITES = frozenset("hosted home homepage index untitled news blog website site default main".split())
_SITE_PARTS = re.compile(r"\s+[|\u2013\u2014\u00b7\u2022\u00bb-]\s+|\s*\|\s*")
_COPYRIGHT = re.compile(r"(?:\u00a9|\(c\)|copyright\b|all rights reserved)", re.IGNORECASE)
_URL_LIKE = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)
MIN_WORDS = 10  # less is a menu, a caption or an error message, not a story
_WORD = re.compile(r"\w+")
_HEAD_BYTES = 4096  # where a charset declaration must be (HTML says 1024; some pages put more first)
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)""", re.IGNORECASE)
# Legacy labels browsers read as windows-1252 (WHATWG Encoding), so that curly quotes survive.
_AS_CP1252 = {"iso8859-1", "latin-1", "ascii", "cp1252"}


@dataclass(frozen=True, slots=True)
class Page:
    """What one page says about its story, before it becomes an Article."""

    body: str
    title: str = ""
    date: datetime | None = None
    authors: tuple[str, ...] = ()
    site: str = ""
    url: str = ""  # the canonical URL the page gives, absolute; "" when none


def _codec(label: bytes | str | None) -> str | None:
    """Python's codec name for a declared charset, None when the label is unknown."""
    if not label:
        return None
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    try:
        name = codecs.lookup(label.strip().strip("\"'")).name
    except LookupError:
        return None
    return "cp1252" if name in _AS_CP1252 else name


def decode_page(data: bytes, charset: str | None = None, path: Path | str = "") -> str:
    """Text of a page: BOM, then the HTTP charset, then `<meta charset>`/XML declaration, else UTF-8."""
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return decode(data, Path(path))[0]
    head = data[:_HEAD_BYTES]
    declared = _codec(charset)
    if declared is None:
        m = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
        declared = _codec(m.group(1)) if m else None
    if declared and declared not in ("utf-8", "utf-16", "utf-16-le", "utf-16-be"):
        return data.replace(b"\x00", b"").decode(declared, errors="replace")
    return decode(data, Path(path))[0]  # UTF-8, with stray cp1252 bytes read as such


def extract(html: str | bytes) -> Page | None:
    """The article of a page and its metadata; None when the page holds no article text."""
    doc = trafilatura.bare_extraction(html, **EXTRACT_OPTIONS)
    if doc is None or len(_WORD.findall(doc.text or "")) < MIN_WORDS:
        return None
    title = " ".join((doc.title or "").split())
    paragraphs = [p for p in (" ".join(line.split()) for line in doc.text.splitlines()) if p]
    if len(paragraphs) > 1 and paragraphs[0].casefold() == title.casefold():  # the headline, kept as title
        paragraphs = paragraphs[1:]
    return Page(body="\n\n".join(paragraphs), title=title, date=_date(doc.date),
                authors=split_authors(doc.author), site=(doc.sitename or "").strip(),
                url=_canonical(doc.url))


def _date(value: str | None) -> datetime | None:
    """trafilatura's `YYYY-MM-DD` as midnight UTC."""
    try:
        return datetime.strptime(value or "", "%Y-%m-%d").replace(tzinfo=timezone.utc)
    except ValueError:
        return None


def split_authors(value: str | None) -> tuple[str, ...]:
    """"A; B" (as trafilatura joins several bylines) as clean names ("A", "B"): credits and notes dropped."""
    return authors_of([part for part in re.split(r"\s*;\s*", value or "") if part.strip()])


def _canonical(url: str | None) -> str:
    """An absolute http(s) URL that names one story; a bare site root names none."""
    url = (url or "").strip()
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return ""
    if parts.path in ("", "/") and not parts.query:
        return ""
    return url


def site_name(name: str, link: str = "") -> str:
    """The page's site name made a source name, else the site of its URL: a tagline, a menu of sections,
    a copyright line or a word like "Hosted" names no site ("LinkNaija | Nigeria's popular news platform"
    -> "LinkNaija"; "Autoracing | F1 | Indy | MotoGP" -> the host, else "Autoracing")."""
    name = " ".join((name or "").split()).strip(" _|:\u00b7-")
    if _URL_LIKE.match(name):
        return host(name if "://" in name else f"http://{name}")
    parts = [p for p in (p.strip(" _") for p in _SITE_PARTS.split(name)) if p and p.lower() not in GENERIC_SITES]
    if not parts or _COPYRIGHT.match(parts[0]):
        return host(link)
    if len(parts) > 2:  # a menu of the site's sections, its brand first
        return host(link) or parts[0]
    site = _squash(host(link))
    return next((p for p in parts if site and (_squash(p) in site or site.split(".")[0] in _squash(p))), parts[0])


def _squash(text: str) -> str:
    """Letters and digits only, lower case, dots kept: how a name and a host name are compared."""
    return re.sub(r"[^\w.]|_", "", text.lower())


def host(url: str) -> str:
    """The site of a URL without `www.`, as a fallback source name."""
    name = urlsplit(url).hostname or ""
    return name[4:] if name.startswith("www.") else name


def to_article(data: bytes, *, path: Path, fallback_id: str, record: int | None = None, charset: str | None = None,
               url: str = "", date: datetime | None = None) -> Article | Problem:
    """One page's story, with an archive record's URL and date filling what the page lacks."""
    if looks_binary(data):
        return Problem(str(path), "not an HTML page (binary content)", record)
    try:
        page = extract(decode_page(data, charset, path))
    except Exception as exc:  # noqa: BLE001 - a third-party parser on hostile markup; one page, not the archive
        return Problem(str(path), f"page could not be parsed: {type(exc).__name__}: {exc}", record)
    if page is None:
        where = f" ({url})" if url else ""
        return Problem(str(path), f"no article text found in the page{where}", record)
    link = page.url or url
    return Article(
        id=page.url or fallback_id,
        body=page.body,
        title=page.title or first_sentence(page.body),
        date=page.date or date,
        source=site_name(page.site, link),
        path=str(path),
        line=record or 1,
        url=link,
        authors=page.authors,
    )


def read(path: Path, base: str | None = None) -> Iterator[Article | Problem]:
    """The story of one saved page; `base` is the path-derived id used when it names no canonical URL."""
    data, problems = read_bytes(path)
    yield from problems
    if data is None:
        return
    if not data.strip():
        if not any(p.skipped for p in problems):
            yield Problem(str(path), "empty file")
        return
    yield to_article(data, path=path, fallback_id=base or stem(path))


_BLOCKS = {"p", "div", "section", "article", "header", "footer", "aside", "blockquote", "pre", "ul", "ol",
           "li", "dl", "dt", "dd", "table", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption",
           "hr", "address", "main", "nav", "form", "br"}
_UNSEEN = {"script", "style", "noscript", "template"}


def to_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed's content): one paragraph per block, scripts and styles dropped."""
    if "<" not in fragment:
        return " ".join(unescape(fragment).split())
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (lxml.etree.LxmlError, ValueError):
        return " ".join(unescape(re.sub(r"<[^>]*>", " ", fragment)).split())
    parts: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag not in _UNSEEN and isinstance(el.tag, str):  # comments and processing instructions say nothing
            sep = "\n\n" if tag in _BLOCKS else ""
            parts.extend((sep, el.text or ""))
            for child in el:
                walk(child)
            parts.append(sep)
        parts.append(el.tail or "")

    walk(root)
    paragraphs = (" ".join(p.split()) for p in re.split(r"\n\n", "".join(parts)))
    return "\n\n".join(p for p in paragraphs if p)
