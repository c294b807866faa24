"""Story ids: two different source records never share one unless the source itself gives it.

- An id the source gives (JSON `id`/`guid`/`uuid`, Reuters NEWID, a page's canonical URL) is used
  as is; a record with that id read in a later run replaces the story (an update).
- Otherwise the id comes from the file's path: the file's resolved path without its format suffix,
  cut to the shortest ending that no other file of the index uses (`001`, else `business/001`, else
  `news/business/001` ...). The n-th article of a multi-article file adds `-n` (`001-2`), a JSON
  record without an id its line or record number (`feed-3`).
- A file the index already knows keeps the base it has (the manifest is keyed by resolved path), so
  ids stay stable whichever folder level is named and across `--rebuild`. New files of one run that
  share a name, or whose name another file already uses, all get a longer ending; two files of one
  folder that differ only by format suffix keep it (`001.txt`, `001.jsonl`).
- What none of this resolves (one source id from two files of one run with different content, a
  source id equal to another file's path-derived id) is reported per record, and the record skipped.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable

from . import printable

FORMAT_SUFFIXES = frozenset({"txt", "jsonl", "ndjson", "json", "sgm", "sgml", "html", "htm", "xhtml",
                             "warc", "arc", "rss", "atom", "xml"})


def stem(name: str) -> str:
    """A file's name without `.gz` and its format suffix: the last part of path-derived ids."""
    if name.lower().endswith(".gz"):
        name = name[:-3]
    base, dot, suffix = name.rpartition(".")
    if dot and base and suffix.lower() in FORMAT_SUFFIXES:
        return base
    return name


def derived(article_id: str, base: str | None) -> bool:
    """Whether an id is one a reader made from the file's base (`base`, `base-2`, `base-17`)."""
    if not base:
        return False
    if article_id == base:
        return True
    rest = article_id[len(base) + 1:]
    return article_id.startswith(base + "-") and rest.isdigit()


def _parts(key: str) -> list[str]:
    return [p for p in printable.path(key).split("/") if p]


def _label(parts: list[str], level: int, named: bool) -> str:
    """The path ending of `level` parts, the last one without its format suffix unless `named`."""
    last = parts[-1] if named else stem(parts[-1])
    return "/".join([*parts[-level:-1], last]) if level > 1 else last


class IdTaken(Exception):
    """A record's id is already another record's: the message names where."""


class IdBook:
    """Which file owns which id and base in one index; decides new files' bases and refuses collisions.

    `records` is the manifest the ids are read from ({resolved path: {"base", "ids": {id: checksum}}});
    `manifest` the one being written (the same dict for an incremental run, a fresh one for a
    rebuild), from which an id moves out when a later file updates it; `in_index` tells whether an
    id not in the manifest is in the index (stories added through the API).
    """

    def __init__(self, records: dict, manifest: dict | None = None,
                 in_index: Callable[[str], bool] = lambda _id: False):
        self.bases: dict[str, str] = {}
        self.owners: dict[str, str] = {}
        self.manifest = records if manifest is None else manifest
        self._in_index = in_index
        self._claims: dict[str, tuple[str, str, str]] = {}  # id -> (file key, "path:line", checksum)
        used: set[str] = set()
        for key in sorted(records):
            record = records[key] if isinstance(records[key], dict) else {}
            ids = record.get("ids") or {}
            base = record.get("base")
            if base is None:  # a manifest from before bases were recorded: ids came from the file name
                guess = stem(_parts(key)[-1]) if _parts(key) else ""
                base = guess if any(derived(i, guess) for i in ids) else None
            if base and base not in used:
                self.bases[key] = base
                used.add(base)
            for article_id in ids:
                self.owners.setdefault(article_id, key)

    def _taken(self, label: str, key: str, bases: set[str]) -> bool:
        if label in bases:
            return True
        owner = self.owners.get(label)
        if owner is not None:
            return owner != key
        return self._in_index(label)

    def plan(self, keys: Iterable[str]) -> None:
        """Give each file of a run that has no base yet the shortest path ending no other file uses."""
        new = [k for k in dict.fromkeys(keys) if k not in self.bases and _parts(k)]
        bases = set(self.bases.values())
        level = dict.fromkeys(new, 1)
        named = dict.fromkeys(new, False)
        parts = {k: _parts(k) for k in new}
        while True:
            label = {k: _label(parts[k], level[k], named[k]) for k in new}
            groups: dict[str, list[str]] = defaultdict(list)
            for k in new:
                groups[label[k]].append(k)
            grown = False
            for lab, members in groups.items():
                if len(members) == 1 and not self._taken(lab, members[0], bases):
                    continue
                for k in members:
                    twin = any(o != k and parts[o][:-1] == parts[k][:-1] for o in members)
                    if twin and not named[k]:  # same folder and stem: only the format suffix tells them apart
                        named[k] = grown = True
                    elif level[k] < len(parts[k]):
                        level[k] += 1
                        grown = True
                    elif not named[k]:
                        named[k] = grown = True
            if not grown:  # nothing can be told apart further: the ids will collide and be reported
                break
        for k in new:
            self.bases[k] = label[k]

    def base(self, key: str) -> str:
        """The base of path-derived ids of a file (planned on first use when `plan` was not called)."""
        if key not in self.bases:
            self.plan([key])
        return self.bases.get(key) or stem(printable.path(key).rsplit("/", 1)[-1])

    def claim(self, key: str, article_id: str, where: str, checksum: str) -> bool:
        """Record that file `key` gives `article_id` (at `where`, "path:line"); False for an exact repeat.

        Raises IdTaken when another record of this run, or another file's path-derived id, has it.
        """
        seen = self._claims.get(article_id)
        if seen is not None:
            other_key, other_where, other_checksum = seen
            if other_checksum == checksum and not derived(article_id, self.bases.get(key)):
                return False  # the same story again (a feed repeating an item): nothing to write
            raise IdTaken(f"id {article_id!r} already used by {other_where}")
        owner = self.owners.get(article_id)
        if owner is not None and owner != key:
            if derived(article_id, self.bases.get(owner)) or derived(article_id, self.bases.get(key)):
                raise IdTaken(f"id {article_id!r} already used by {printable.path(owner)}")
            record = self.manifest.get(owner)
            if isinstance(record, dict):  # a later record with a source's id is an update: it moves here
                record.get("ids", {}).pop(article_id, None)
        self.owners[article_id] = key
        self._claims[article_id] = (key, where, checksum)
        return True
