"""Wire-copy duplicates: MinHash over word shingles, LSH bands in a side table, a cluster id per story.

Each story gets a MinHash signature of its 5-word shingles. The signature is cut into bands; a
story that shares a band with an earlier one is a candidate duplicate, confirmed when the
signatures agree on at least THRESHOLD of their values (an estimate of the shingles' Jaccard
similarity). A confirmed duplicate joins the earlier story's cluster; otherwise it starts its own,
named by its id.

The signature is one-permutation hashing with optimal densification (Shrivastava, ICML 2017):
each shingle is hashed once to 64 bits (blake2b); the hash picks one of NUM_PERM bins and the
smallest value in each bin is kept; an empty bin (a short story has fewer shingles than bins)
takes the value of the first filled bin along its own fixed probe sequence. That is as good an
estimate of Jaccard similarity as NUM_PERM independent hash functions, at the cost of one hash
per shingle and no numpy (bench/minhash.py compares it with datasketch's MinHash). Only the low
16 bits of each minimum are kept ("b-bit minwise hashing", Li & König 2010): two different minima
agree by chance once in 65,536, which moves an estimate by 0.0015 at most, and a signature takes
192 bytes.

Bands and signatures live in `duplicates.sqlite` beside the Whoosh files of a generation, not in
memory and not in the index: memory stays flat however large the corpus, the index carries no
band terms, and later incremental runs still find duplicates among stories committed earlier.
"""
from __future__ import annotations

import random
import re
import sqlite3
import struct
from hashlib import blake2b
from pathlib import Path

from ..model import Article

NUM_PERM = 96
BANDS = 16  # 6 rows each: stories with Jaccard 0.8 collide in some band with p > 0.99
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
SHINGLE = 5
TABLE = "duplicates.sqlite"
VALUE_BYTES = 2

_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{NUM_PERM}H")
_EMPTY = 1 << 64
# For each bin, the other bins in a fixed random order: where an empty bin borrows its value.
_PROBES = [[j for j in random.Random(7 * NUM_PERM + i).sample(range(NUM_PERM), NUM_PERM) if j != i]
           for i in range(NUM_PERM)]


def shingles(text: str) -> set[bytes]:
    """Overlapping 5-word sequences of the lower-cased words (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


def signature(text: str) -> bytes | None:
    """MinHash values of a text as packed bytes (NUM_PERM little-endian 16-bit values), None when it has no words."""
    grams = shingles(text)
    if not grams:
        return None
    mins = [_EMPTY] * NUM_PERM
    for gram in grams:
        h = int.from_bytes(blake2b(gram, digest_size=8).digest(), "little")
        b = h % NUM_PERM
        if h < mins[b]:
            mins[b] = h
    if _EMPTY in mins:
        filled = list(mins)
        for i, m in enumerate(filled):
            if m == _EMPTY:
                mins[i] = next(filled[j] for j in _PROBES[i] if filled[j] != _EMPTY)
    return _PACK.pack(*[(m // NUM_PERM) & 0xFFFF for m in mins])


def band_keys(sig: bytes) -> list[int]:
    """One 64-bit key per band: a hash of the band number and its rows."""
    width = ROWS * VALUE_BYTES
    return [int.from_bytes(blake2b(bytes([b]) + sig[b * width:(b + 1) * width], digest_size=8).digest(),
                           "little", signed=True) for b in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    return sum(x == y for x, y in zip(_PACK.unpack(a), _PACK.unpack(b))) / NUM_PERM


class Clusterer:
    """Assigns cluster ids during one writer session, against the generation's side table."""

    def __init__(self, folder: Path):
        self.db = sqlite3.connect(folder / TABLE, isolation_level="DEFERRED")
        self.db.execute("PRAGMA journal_mode=DELETE")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("CREATE TABLE IF NOT EXISTS band (key INTEGER PRIMARY KEY, id TEXT NOT NULL)")
        self.db.execute("CREATE TABLE IF NOT EXISTS story (id TEXT PRIMARY KEY, sig BLOB NOT NULL, "
                        "cluster TEXT NOT NULL)")

    def assign(self, article: Article, sig: bytes | None | bool = False) -> str:
        """The story's cluster id (its own id when it copies nothing indexed before it).

        sig: the story's signature when already computed (index/pipeline.py), else it is computed here.
        """
        if sig is False:
            sig = signature(article.text)
        if sig is None:
            return article.id
        keys = band_keys(sig)
        cluster = self._match(article.id, sig, keys) or article.id
        self.db.execute("INSERT OR REPLACE INTO story VALUES (?, ?, ?)", (article.id, sig, cluster))
        self.db.executemany("INSERT OR IGNORE INTO band VALUES (?, ?)", [(k, article.id) for k in keys])
        return cluster

    def _match(self, own_id: str, sig: bytes, keys: list[int]) -> str | None:
        marks = ",".join("?" * len(keys))
        rows = self.db.execute(
            f"SELECT DISTINCT story.id, story.sig, story.cluster FROM band JOIN story ON story.id = band.id "
            f"WHERE band.key IN ({marks}) AND story.id != ?", (*keys, own_id)).fetchall()
        best = None
        for _other, other_sig, cluster in rows:
            score = similarity(sig, other_sig)
            if score >= THRESHOLD and (best is None or score > best[0]):
                best = (score, cluster)
        return best[1] if best else None

    def forget(self, story_ids: list[str]) -> dict[str, str]:
        """Drop deleted stories; returns {copy: new cluster} for copies whose cluster was named after one.

        A copy that shared a band only with a deleted story takes that band over, so a later copy
        still finds the cluster's living members; a story alone in its cluster leaves nothing
        behind for a later copy to join.
        """
        gone = set(story_ids)
        renamed: dict[str, str] = {}
        for story_id in story_ids:
            row = self.db.execute("SELECT cluster FROM story WHERE id = ?", (story_id,)).fetchone()
            if row is None:
                continue
            self.db.execute("DELETE FROM story WHERE id = ?", (story_id,))
            self.db.execute("DELETE FROM band WHERE id = ?", (story_id,))
            members = self.db.execute("SELECT id, sig FROM story WHERE cluster = ? ORDER BY rowid",
                                      (row[0],)).fetchall()
            for member, sig in members:
                self.db.executemany("INSERT OR IGNORE INTO band VALUES (?, ?)", [(k, member) for k in band_keys(sig)])
            if row[0] in gone and members:  # the cluster was named after a deleted story: the next one names it
                first = members[0][0]
                self.db.execute("UPDATE story SET cluster = ? WHERE cluster = ?", (first, row[0]))
                renamed.update((member, first) for member, _sig in members)
        return renamed

    def close(self, commit: bool = False) -> None:
        if commit:
            self.db.commit()
        else:
            self.db.rollback()
        self.db.close()
