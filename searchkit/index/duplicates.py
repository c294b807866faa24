"""Wire-copy duplicates: MinHash over word shingles, LSH bands stored in the index, a cluster id per story.

Each story gets a MinHash signature of its 5-word shingles. The signature is cut into bands; a
story that shares a band with an earlier one is a candidate duplicate, confirmed when the
signatures agree on at least THRESHOLD of their values (an estimate of the shingles' Jaccard
similarity). A confirmed duplicate joins the earlier story's cluster; otherwise it starts its own,
named by its id. Band keys are indexed (field `band`), so later incremental runs find duplicates
among stories committed earlier.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import blake2b

from ..model import Article

NUM_PERM = 96
BANDS = 16  # 6 rows each: stories with Jaccard 0.8 collide in some band with p > 0.99
ROWS = NUM_PERM // BANDS
THRESHOLD = 0.8
SHINGLE = 5

_WORD = re.compile(r"\w+")


def shingles(text: str) -> set[bytes]:
    """Overlapping 5-word sequences of the lower-cased words (the whole text when shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= SHINGLE:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i:i + SHINGLE]).encode() for i in range(len(words) - SHINGLE + 1)}


@lru_cache(maxsize=1)
def _template():
    """One MinHash whose random permutations every signature reuses (building them is the slow part)."""
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=7)


def signature(text: str) -> bytes | None:
    """MinHash values of a text as packed bytes (compact to keep), None when it has no words."""
    from datasketch import MinHash

    grams = shingles(text)
    if not grams:
        return None
    template = _template()
    mh = MinHash(num_perm=NUM_PERM, permutations=template.permutations, hashfunc=template.hashfunc,
                 scheme=template.scheme)
    mh.update_batch(list(grams))
    return mh.hashvalues.astype("<u8").tobytes()


def band_keys(sig: bytes) -> list[str]:
    """One short key per band: the band number and a hash of its rows."""
    width = ROWS * 8
    return [f"{b:x}{blake2b(sig[b * width:(b + 1) * width], digest_size=8).hexdigest()}" for b in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal MinHash values."""
    import numpy as np

    return float(np.mean(np.frombuffer(a, "<u8") == np.frombuffer(b, "<u8")))


def fingerprint_text(article: Article) -> str:
    """What counts for duplication: the headline and the body."""
    return article.text


@dataclass
class Clusterer:
    """Assigns cluster ids while one writer session runs; `lookup` finds committed stories by band key."""

    lookup: object = None  # callable(band_key) -> list[(id, cluster, text)] from the committed index
    _first: dict[str, str] = field(default_factory=dict)  # band key -> id of the first story with it
    _sigs: dict[str, tuple[bytes, str]] = field(default_factory=dict)  # id -> (signature, cluster)

    def assign(self, article: Article) -> tuple[str, list[str]]:
        """The story's cluster id and its band keys."""
        sig = signature(fingerprint_text(article))
        if sig is None:
            return article.id, []
        keys = band_keys(sig)
        cluster = self._match(article.id, sig, keys) or article.id
        self._sigs[article.id] = (sig, cluster)
        for key in keys:
            self._first.setdefault(key, article.id)
        return cluster, keys

    def _match(self, own_id: str, sig: bytes, keys: list[str]) -> str | None:
        seen: set[str] = {own_id}
        for key in keys:
            other = self._first.get(key)
            if other and other not in seen:
                seen.add(other)
                other_sig, cluster = self._sigs[other]
                if similarity(sig, other_sig) >= THRESHOLD:
                    return cluster
        if self.lookup is None:
            return None
        for key in keys:
            for other, cluster, text in self.lookup(key):  # type: ignore[operator]
                if other in seen:
                    continue
                seen.add(other)
                other_sig = signature(text)
                if other_sig and similarity(sig, other_sig) >= THRESHOLD:
                    return cluster or other
        return None
