"""Metadata tables beside the stories: a folder of text files plus `metadata.tsv` (or .csv, .jsonl).

A table is recognised by its name (a word such as `metadata`, `meta`, `index`, `manifest` or
`catalog` in it, and a `.tsv`, `.tab`, `.csv`, `.jsonl` or `.ndjson` suffix, `.gz` looked through)
and by its columns: it needs a column naming the file (file, filename, path, ...) or the story id
(id, article_id, ...). One found inside an indexed folder describes the files under that folder;
one given with `searchkit index --metadata FILE` describes every file indexed. A table is never
indexed as articles (a `metadata.jsonl` whose records have a body is articles, not a table).

Columns are recognised by common names (case, spaces and hyphens ignored):

    file     file filename file_name path filepath relpath fname document
    id       id article_id story_id doc_id docid guid uuid
    date     date publication_date pub_date pubdate published published_at publish_date date_published datetime
    source   source publisher site site_name outlet publication newspaper media
    author   author authors byline by creator writer writers   (a byline: split into names by `bylines`)
    title    title headline
    url      url link permalink uri

Every other column with a short value (at most 60 characters) becomes a tag `column:value`, as the
JSON reader does; empty cells and "None"/"NA"/"null" are no value. A row matches a file by its
relative path or its name, with or without the suffix (`x`, `x.txt`, `text/x.txt`), and a story by
its id. Its values override the story's own (date, source, authors; title and url only for the
story a row names by id, or the one story of a one-story file, whose opening paragraph is dropped
when it is that title again). A date reads as ISO 8601, RFC 2822,
epoch seconds, "12 March 2016" or "March 12, 2016"; day/month/year with slashes is read only when
the table's own rows show the order (a day above 12 somewhere); a date that is only a year or a
month dates a story only when its text gives the day (`extract.dates`). Problems never stop a run:
rows that name no file indexed, files without a row, unreadable dates and malformed rows are each
counted and reported in one warning line per table.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable

from ..errors import InputError
from ..model import Article, Problem
from .bylines import NULL_VALUES, authors_of, split_byline
from .decode import open_text
from .jsonl import parse_date as parse_iso_date
from .lines import stem

TABLE_SUFFIXES = (".tsv", ".tab", ".csv", ".jsonl", ".ndjson")
TABLE_WORDS = frozenset({"metadata", "meta", "index", "manifest", "catalog", "catalogue", "sidecar"})
COLUMNS = {
    "file": ("file", "filename", "file_name", "path", "filepath", "file_path", "relpath", "fname", "document"),
    "id": ("id", "article_id", "story_id", "doc_id", "docid", "guid", "uuid"),
    "date": ("date", "publication_date", "pub_date", "pubdate", "published", "published_at", "publish_date",
             "date_published", "datetime"),
    "source": ("source", "publisher", "site", "site_name", "outlet", "publication", "newspaper", "media"),
    "authors": ("author", "authors", "byline", "by", "creator", "writer", "writers"),
    "title": ("title", "headline"),
    "url": ("url", "link", "permalink", "uri"),
}
BODY_KEYS = frozenset({"body", "text", "content"})  # a .jsonl record with one of these is an article
MAX_TAG_CHARS = 60
EXAMPLES = 3
_PARTIAL = re.compile(r"\s*(\d{4})(?:[-/.](\d{1,2}))?\s*")
_SLASHED = re.compile(r"\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*")


def is_table_name(name: str) -> bool:
    """Whether a file name reads like a metadata table's (`metadata.tsv`, `index.csv`, `polnear_meta.jsonl`)."""
    low = name.lower()
    if low.endswith(".gz"):
        low = low[:-3]
    base, suffix = os.path.splitext(low)
    return suffix in TABLE_SUFFIXES and bool(set(re.split(r"[^a-z0-9]+", base)) & TABLE_WORDS)


def _column_name(header: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(header).strip().lower()).strip("_")


def _null(value) -> bool:
    return value is None or (isinstance(value, str) and value.strip().lower() in NULL_VALUES)


def _key(value: str) -> str:
    """A file name as rows and files are compared: forward slashes, no "./", no surrounding blanks."""
    value = value.strip().replace("\\", "/")
    while value.startswith("./"):
        value = value[2:]
    return value


@dataclass
class Row:
    """What one table row says about a story."""

    line: int
    file: str = ""
    id: str = ""
    date: datetime | None = None
    year: int | None = None  # when the row's date is only a year (or a month)
    source: str = ""
    title: str = ""
    authors: tuple[str, ...] = ()
    url: str = ""
    tags: tuple[str, ...] = ()
    used: bool = False

    def digest(self) -> str:
        """What the row gives, for telling whether a story's metadata changed between runs."""
        data = [self.file, self.id, self.date.isoformat() if self.date else None, self.year, self.source,
                self.title, list(self.authors), self.url, list(self.tags)]
        return hashlib.blake2b(json.dumps(data).encode(), digest_size=8).hexdigest()


@dataclass
class Table:
    """One metadata table: its rows indexed by file name and by story id."""

    path: Path
    scope: Path | None  # files under this folder; None: every file indexed
    rows: list[Row] = field(default_factory=list)
    by_file: dict[str, Row] = field(default_factory=dict)
    by_id: dict[str, Row] = field(default_factory=dict)
    repeated: int = 0  # rows naming a file or id an earlier row named
    malformed: list[int] = field(default_factory=list)  # lines of rows that could not be read
    bad_dates: list[tuple[int, str]] = field(default_factory=list)
    unmatched: list[str] = field(default_factory=list)  # files (stories, for a table keyed by id) without a row
    stopped: str = ""  # why reading stopped early, if it did

    def add(self, row: Row) -> None:
        if not (row.file or row.id):
            self.malformed.append(row.line)
            return
        self.rows.append(row)
        if row.file:
            keys = {_key(row.file)}
            keys.add(_key(stem_path(row.file)))
            if any(k in self.by_file for k in keys):
                self.repeated += 1
            for k in keys:
                self.by_file.setdefault(k, row)
        if row.id:
            if row.id in self.by_id and not row.file:
                self.repeated += 1
            self.by_id.setdefault(row.id, row)

    def covers(self, file: Path) -> bool:
        """Whether this table speaks for a file (it lies under the table's folder, links not followed)."""
        return self.scope is None or os.path.abspath(file).startswith(str(self.scope) + os.sep)

    def row_for_file(self, file: Path) -> Row | None:
        """The row naming this file: by its path (the most folders first) or its name, suffix or not."""
        if not self.by_file:
            return None
        full = os.path.abspath(file)
        parts = Path(full).parts
        candidates = [_key(full)]
        for k in range(len(parts) - 1, 0, -1):
            rel = "/".join(parts[-k:])
            candidates += [rel, stem_path(rel)]
        for key in candidates:
            row = self.by_file.get(key)
            if row is not None:
                return row
        return None


def stem_path(value: str) -> str:
    """A file path without `.gz` and its reader suffix ("text/x.txt" -> "text/x")."""
    head, _, name = value.replace("\\", "/").rpartition("/")
    base = stem(Path(name)) if name else name
    return f"{head}/{base}" if head else base


def _slashed_order(values: Iterable[str]) -> str | None:
    """'dmy' or 'mdy' when the table's slashed dates show their order, None when they do not."""
    day_first = month_first = False
    for value in values:
        m = _SLASHED.fullmatch(value or "")
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            day_first |= a > 12
            month_first |= b > 12
    if day_first == month_first:
        return None  # no evidence, or evidence both ways
    return "dmy" if day_first else "mdy"


def parse_table_date(value: str, order: str | None = None) -> tuple[datetime | None, int | None, bool]:
    """(date, year when only a year or month is given, whether the value was readable)."""
    from ..extract.dates import only_date

    text = str(value).strip()
    partial = _PARTIAL.fullmatch(text)
    if partial and 1000 <= int(partial.group(1)) <= 2999 and (partial.group(2) is None
                                                               or 1 <= int(partial.group(2)) <= 12):
        return None, int(partial.group(1)), True
    slashed = _SLASHED.fullmatch(text)
    if slashed:
        if order is None:
            return None, None, False
        a, b, year = int(slashed.group(1)), int(slashed.group(2)), int(slashed.group(3))
        day, month = (a, b) if order == "dmy" else (b, a)
        try:
            return datetime(year, month, day, tzinfo=timezone.utc), None, True
        except ValueError:
            return None, None, False
    moment = parse_iso_date(text)
    if moment is not None:
        return moment, None, True
    stated = only_date(text)
    if stated is not None and stated.full():
        day = stated.full()
        return datetime(day.year, day.month, day.day, tzinfo=timezone.utc), None, True
    return None, None, False


def _records(path: Path, text: str, table: Table) -> Iterable[tuple[int, dict]]:
    """(line, {column: value}) of each data row, headers normalised; JSON Lines or delimited text."""
    suffix = os.path.splitext(path.name.lower().removesuffix(".gz"))[1]
    if suffix in (".jsonl", ".ndjson") or text.lstrip()[:1] == "{":
        for number, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                record = None
            if not isinstance(record, dict):
                table.malformed.append(number)
                continue
            yield number, {_column_name(k): v for k, v in record.items()}
        return
    if suffix in (".tsv", ".tab"):
        dialect: type[csv.Dialect] | csv.Dialect = csv.excel_tab
    else:
        try:
            dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t|")
        except csv.Error:
            dialect = csv.excel
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        header = next(reader, None)
        if header is None:
            return
        names = [_column_name(h) for h in header]
        for cells in reader:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) != len(names):
                table.malformed.append(reader.line_num)
                continue
            yield reader.line_num, dict(zip(names, cells))
    except csv.Error as exc:
        table.stopped = f"unreadable from line {reader.line_num} on ({exc})"


def _pick(record: dict, role: str):
    for name in COLUMNS[role]:
        if name in record and not _null(record[name]):
            return record[name]
    return None


def load_table(path: Path, scope: Path | None) -> tuple[Table | None, list[Problem]]:
    """A table read from a file, with the problems met; None (and a reason) when it is not a usable table."""
    text, problems = open_text(path)
    if text is None:
        return None, problems
    table = Table(path=path, scope=Path(os.path.abspath(scope)) if scope else None)
    records = list(_records(path, text, table))
    columns = {k for _, record in records for k in record} if records else set()
    if not columns & (set(COLUMNS["file"]) | set(COLUMNS["id"])):
        shown = ", ".join(sorted(columns)[:8]) or "none"
        return None, problems + [Problem(str(path), f"not a metadata table: no file or id column (columns: {shown})")]
    known = {name for names in COLUMNS.values() for name in names}
    order = _slashed_order(str(r.get(c)) for _, r in records for c in COLUMNS["date"] if c in r)
    for line, record in records:
        row = Row(line=line, file=_text(_pick(record, "file")), id=_text(_pick(record, "id")))
        raw_date = _pick(record, "date")
        if raw_date is not None:
            row.date, row.year, readable = parse_table_date(str(raw_date), order)
            if not readable:
                table.bad_dates.append((line, str(raw_date)[:40]))
        row.source = _text(_pick(record, "source"))
        row.title = _text(_pick(record, "title"))
        row.url = _text(_pick(record, "url"))
        row.authors = _authors(_pick(record, "authors"))
        row.tags = tuple(f"{k}:{_text(v)}" for k, v in record.items()
                         if k not in known and not _null(v) and not isinstance(v, (dict, list))
                         and 0 < len(_text(v)) <= MAX_TAG_CHARS and "\n" not in str(v))
        table.add(row)
    return table, problems


def _text(value) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(str(value).split())


def _authors(value) -> tuple[str, ...]:
    return authors_of(value) if isinstance(value, (list, dict)) else split_byline(_text(value))


def is_article_file(path: Path) -> bool:
    """Whether a JSON Lines file named like a table holds articles after all (its first record has a body)."""
    text, _ = open_text(path)
    for line in (text or "").splitlines():
        if line.strip():
            try:
                record = json.loads(line)
            except (ValueError, RecursionError):
                return False
            return isinstance(record, dict) and bool({_column_name(k) for k in record} & BODY_KEYS)
    return False


class Sidecar:
    """The metadata tables of one indexing run, and what they matched."""

    def __init__(self, tables: list[Table]):
        self.tables = tables

    @classmethod
    def load(cls, found: Iterable[Path], given: Iterable[Path] = ()) -> tuple["Sidecar", list[Problem]]:
        """Tables found in folders (each describes its folder) and given by name (each describes all files).

        A table given by name that cannot be used is an InputError; one found in a folder is a warning.
        """
        tables: list[Table] = []
        problems: list[Problem] = []
        for path in given:
            path = Path(path)
            if not path.is_file():
                raise InputError(f"metadata table {path} does not exist or is not a file")
            table, met = load_table(path, None)
            if table is None:
                raise InputError(f"metadata table {path}: {met[-1].message if met else 'cannot be read'}")
            tables.append(table)
            problems += [replace(p, skipped=False) for p in met]
        for path in sorted(found, key=lambda p: -len(Path(os.path.abspath(p)).parts)):  # nearest folder first
            table, met = load_table(Path(path), Path(path).parent)
            problems += [replace(p, skipped=False) for p in met]
            if table is not None:
                tables.append(table)
        return cls(tables), problems

    def __bool__(self) -> bool:
        return bool(self.tables)

    def stamp(self, file: Path, known_ids: Iterable[str] = ()) -> str:
        """A digest of the rows that speak for a file (and the stories it held), marked as used.

        Also counts, per table with a file column, the files it covers that have no row.
        """
        parts = []
        ids = list(known_ids)
        for table in self.tables:
            if not table.covers(file):
                continue
            row = table.row_for_file(file)
            if row is not None:
                row.used = True
                parts.append(row.digest())
            elif not table.by_id:  # a table keyed by id is checked story by story, in apply
                table.unmatched.append(str(file))
            for i in ids:
                if i in table.by_id:
                    table.by_id[i].used = True
                    parts.append(table.by_id[i].digest())
        return hashlib.blake2b("".join(parts).encode(), digest_size=8).hexdigest() if parts else ""

    def apply(self, article: Article, file: Path, base: str | None = None) -> Article:
        """The story with what the first table speaking for it says (by id, else by file name).

        base: the id the file's first story takes from its path (ids.py), when not its bare name.
        """
        for table in self.tables:
            if not table.covers(file):
                continue
            row = table.by_id.get(article.id)
            whole = row is not None
            if row is None:
                row = table.row_for_file(file)
                whole = article.id == (base or stem(file))
            if row is not None:
                row.used = True
                return _filled(article, row, whole)
            if table.by_id:
                table.unmatched.append(article.id)
        return article

    def report(self) -> list[Problem]:
        """One warning line per table and kind of trouble, with a count and a few examples."""
        out = []
        for table in self.tables:
            where = str(table.path)

            def warn(message: str, _where: str = where) -> None:
                out.append(Problem(_where, message, skipped=False))

            unused = [r for r in table.rows if not r.used]
            if unused:
                names = ", ".join(repr(r.file or r.id) for r in unused[:EXAMPLES])
                warn(f"{len(unused):,} of {len(table.rows):,} rows name no file or story indexed (e.g. {names})")
            if table.unmatched:
                names = ", ".join(repr(Path(f).name) for f in table.unmatched[:EXAMPLES])
                what = "stories read" if table.by_id else "files indexed"
                warn(f"{len(table.unmatched):,} {what} have no row in this table (e.g. {names})")
            if table.bad_dates:
                shown = ", ".join(f"line {n}: {v!r}" for n, v in table.bad_dates[:EXAMPLES])
                warn(f"{len(table.bad_dates):,} rows with a date that cannot be read ({shown}); "
                     "those stories keep their own date")
            if table.malformed:
                lines = ", ".join(str(n) for n in table.malformed[:EXAMPLES])
                warn(f"{len(table.malformed):,} malformed rows skipped (wrong number of cells, or no file "
                     f"or id; lines {lines})")
            if table.repeated:
                warn(f"{table.repeated:,} rows repeat a file or id named by an earlier row; the first one counts")
            if table.stopped:
                warn(f"table {table.stopped}; the rows above were used")
        return out


def _filled(article: Article, row: Row, whole: bool) -> Article:
    """The story with the row's values over its own."""
    changes: dict = {}
    if row.date is not None:
        changes["date"] = row.date
    elif row.year is not None and article.date is None:
        from ..extract.dates import date_from_text
        from ..extract import body_dateline

        changes["date"] = date_from_text(article.text, article.dateline or body_dateline(article.body),
                                         year=row.year)
    if row.source:
        changes["source"] = row.source
    if row.authors:
        changes["authors"] = row.authors
    if whole and row.title:
        changes["title"] = row.title
        body = _without_headline(article.body, row.title)
        if body != article.body:
            changes["body"] = body
    if whole and row.url:
        changes["url"] = row.url
    if row.tags:
        changes["tags"] = tuple(dict.fromkeys([*article.tags, *row.tags]))
    return replace(article, **changes) if changes else article


_WORDS = re.compile(r"\w+")


def _without_headline(body: str, title: str) -> str:
    """The body less an opening paragraph that is the table's title again (PolNeAR's files open with it)."""
    head, sep, rest = body.partition("\n\n")
    if sep and rest.strip() and _WORDS.findall(head.lower()) == _WORDS.findall(title.lower()):
        return rest.strip()
    return body


def split_tables(files: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(files of articles, metadata tables) among the files a folder walk listed."""
    articles, tables = [], []
    for path in files:
        if is_table_name(path.name) and not (path.name.lower().removesuffix(".gz").endswith((".jsonl", ".ndjson"))
                                             and is_article_file(path)):
            tables.append(path)
        else:
            articles.append(path)
    return articles, tables


__all__ = ["Row", "Sidecar", "Table", "is_table_name", "load_table", "parse_table_date", "split_tables"]
