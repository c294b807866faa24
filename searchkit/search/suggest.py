"""Spelling: "did you mean" and --fuzzy, from the index's own unstemmed vocabulary.

Only the words a person typed as free text are touched: field values (dates, `source:…`,
`title:…`), operators and wildcards stay as typed; words inside a "phrase" may be corrected, the
quotes stay. A replacement is the known word fewest edits away (Damerau-Levenshtein: a swap of
two letters is one edit); among equally close words, the one found in most stories together with
the query's other words, then the one in most stories.
"""
from __future__ import annotations

import re

from whoosh.support.levenshtein import damerau_levenshtein

from ..index.schema import text_analyzer
from . import request as rq
from .request import SearchRequest
from .wordforms import forms

MAX_CORRECTED_WORDS = 20  # spelling work is bounded, whatever the query's length
MAX_WORD_LENGTH = 30
MIN_WORD_LENGTH = 3
# A known word is respelled too when it is rare and a spelling one edit away is far more common
# (`penzoil` in 1 story, `pennzoil` in 46): at most RARE_STORIES stories hold it, the other spelling
# COMMONER times as many and at least COMMON_STORIES; beside other words, COMMONER times as many
# stories must hold it with them. On the 14,667 Reuters TRAIN titles run as queries (each title's
# words are all in the index) this fires on 5 (3 of them typos in the title: REPUCHASE, BRANKRUPTCY,
# PURCHSE); without the length floor and the ratio beside the other words, on 76 (mostly tickers).
RARE_STORIES = 5
COMMONER = 10
COMMON_STORIES = 20
RARE_MIN_LENGTH = 5  # shorter known words are mostly abbreviations and tickers (`SNET`, `DASA`), not typos
SPELLING_FIELDS = ("body", "title")  # exact words: suggestions are real words


def _free_words(request: SearchRequest):
    """(start, end, word) of each plain word typed as free text (in no field), left to right."""
    for leaf, _negated in rq.leaves(request.query):
        if getattr(leaf, "field", "") is not None:
            continue
        if isinstance(leaf, rq.Word) and leaf.text.isalpha():
            yield leaf.start, leaf.start + len(leaf.text), leaf.text
        elif isinstance(leaf, rq.Phrase):
            offset = leaf.start + 1
            for m in re.finditer(r"[^\W\d_]+", leaf.text):
                yield offset + m.start(), offset + m.end(), m.group()


class Speller:
    """Known-word checks and ranked corrections over one index reader."""

    def __init__(self, reader):
        self.reader = reader
        self.fields = [f for f in SPELLING_FIELDS if f in reader.schema]
        self._stem = text_analyzer()

    def frequency(self, word: str) -> int:
        """Stories holding the word as typed (in the unstemmed fields, summed)."""
        return sum(self.reader.doc_frequency(f, word) for f in self.fields)

    def known(self, word: str) -> bool:
        """In the vocabulary as typed, or in another form of the word (`escape` for `escaped`)."""
        if self.frequency(word):
            return True
        stems = [t.text for t in self._stem(word)]
        return bool(stems) and all(any(forms(self.reader, f, s) for f in self.fields) for s in stems)

    def candidates(self, word: str, maxdist: int = 2) -> list[str]:
        """Known words sharing the first letter, fewest edits away (up to `maxdist`), most frequent first.

        Each distance is tried in turn on every segment's own automaton (Whoosh's multi-segment
        reader falls back to comparing every word, about 10x slower); a closer word always wins,
        so farther ones are not looked for once one is found. The automata count a swap of two
        letters as two edits, so the swapped spellings are looked up as well.
        """
        readers = [leaf for leaf, _offset in self.reader.leaf_readers()] if hasattr(self.reader, "leaf_readers") \
            else [self.reader]
        swaps = {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(1, len(word) - 1)}
        found = {w for w in swaps if w != word and self.frequency(w)}
        for distance in range(1, maxdist + 1):
            for reader in readers:
                for f in self.fields:
                    if f in reader.schema:
                        found.update(reader.terms_within(f, word, distance, prefix=1))
            found.discard(word)
            if found:
                return sorted(found, key=lambda w: (damerau_levenshtein(word, w), -self.frequency(w), w))
        return []

    def commoner(self, word: str) -> list[str]:
        """Spellings one edit away that far more stories hold, for a known but rare word (most stories first).

        Another form of the same word (`oils` for `oil`) is no respelling.
        """
        if len(word) < RARE_MIN_LENGTH or self.frequency(word) > RARE_STORIES:
            return []
        rare = len(self.stories(word))
        if rare > RARE_STORIES:
            return []
        stem = [t.text for t in self._stem(word)]
        found = []
        for other in self.candidates(word, maxdist=1):
            if [t.text for t in self._stem(other)] == stem or self.frequency(other) < COMMON_STORIES:
                continue
            count = len(self.stories(other))
            if count >= max(COMMON_STORIES, COMMONER * rare):
                found.append((count, other))
        return [w for _count, w in sorted(found, key=lambda cw: (-cw[0], cw[1]))]

    def stories(self, word: str) -> set[int]:
        """Stories holding any form of the word (in title or body)."""
        out: set[int] = set()
        for stem in (t.text for t in self._stem(word)):
            for f in self.fields:
                for form in forms(self.reader, f, stem):
                    out.update(self.reader.postings(f, form).all_ids())
        return out

    def together(self, word: str, others: list[str]) -> int:
        """Stories holding the word and every one of the others."""
        found = self.stories(word)
        for other in others:
            if not found:
                break
            found &= self.stories(other)
        return len(found)


def _edits(word: str) -> int:
    """Edits a correction may make: one below five letters (else `oil` would become `on`), as Elasticsearch's AUTO."""
    return 2 if len(word) >= 5 else 1


def suggest_query(reader, request: SearchRequest) -> str | None:
    """'Did you mean': the query with unknown words replaced by the closest known spelling, and rare
    ones by a far commoner spelling an edit away, or None."""
    speller = Speller(reader)
    if not speller.fields:
        return None
    text = request.text
    words = sorted(_free_words(request))
    context: list[str] = []  # the known words, which a correction should go with
    tied: dict[int, list[str]] = {}  # unknown word -> its equally close candidates, most frequent first

    rare: dict[int, tuple[str, list[str]]] = {}  # known but rare word -> (it, far commoner spellings)

    def consider(i: int, word: str) -> None:
        low = word.lower()
        if speller.known(low):
            better = speller.commoner(low)
            if better:
                rare[i] = (low, better[:5])
            else:
                context.append(low)
            return
        found = speller.candidates(low, maxdist=_edits(low))
        if found:
            best = damerau_levenshtein(low, found[0])
            tied[i] = [w for w in found if damerau_levenshtein(low, w) == best][:5]

    sane = [(i, word) for i, (_start, _end, word) in enumerate(words)
            if MIN_WORD_LENGTH <= len(word) <= MAX_WORD_LENGTH]
    for i, word in sane[:MAX_CORRECTED_WORDS]:
        consider(i, word)
    picked = {i: options[0] for i, options in tied.items()}
    for i, options in tied.items():
        others = context + [w for j, w in picked.items() if j != i]
        if len(options) > 1 and others:
            picked[i] = max(options, key=lambda w: (speller.together(w, others), -options.index(w)))
    for i, (low, options) in rare.items():
        others = context + [w for j, w in picked.items() if j != i]
        if not others:
            picked[i] = options[0]
            continue
        # with other words, the spelling must also be far commoner beside them (or be found with them at all,
        # when the word as typed is not)
        count, _first, best = max((speller.together(w, others), -n, w) for n, w in enumerate(options))
        if count >= max(1, COMMONER * speller.together(low, others)):
            picked[i] = best
    if not picked:
        return None
    out, last = [], 0
    for i, (start, end, word) in enumerate(words):
        if i in picked:
            out += [text[last:start], picked[i]]
            last = end
    out.append(text[last:])
    return "".join(out)


def fuzzy_alternatives(reader):
    """For --fuzzy: a function giving a free word's known spellings 1 edit away (2 for words of 5+ letters).

    Bounded like suggestions: at most MAX_CORRECTED_WORDS words of sane length are widened.
    """
    speller = Speller(reader)
    budget = [MAX_CORRECTED_WORDS]

    def alternatives(word: str) -> list[str]:
        low = word.lower()
        if not speller.fields or not MIN_WORD_LENGTH <= len(low) <= MAX_WORD_LENGTH or budget[0] <= 0:
            return []
        budget[0] -= 1
        return speller.candidates(low, maxdist=_edits(low))[:4]

    return alternatives
