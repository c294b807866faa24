"""Pseudo-relevance feedback on Whoosh: the word counts of a query's best stories (for search/expand.py).

The text fields keep no term vectors, so the stored title and body of the few feedback stories
are analysed again: each word counted under its stem (the forms a query word matches), spelled
as its most frequent form in these stories, so that analysing the spelling gives the stem back.
Only a story's first READ_WORDS words (title, then body) are read: a long web page cost hundreds of
milliseconds to analyse whole, and a story's opening is what it is about.
A stem's story count is the largest of the forms these stories use (exact lookups), counted only
when search/expand.py asks for it: RM3 asks about a few dozen words, not all of them. Walking the
vocabulary for every form of every word (as search/wordforms.py does for a query word) cost most of
the time on long pages and changed nothing measurable on TRAIN (below).
Reuters TRAIN (both topic sets, 68 topics, --any with feedback, no folding): whole stories, all forms
MAP 0.4971 nDCG@10 0.6916 P@10 0.647; whole stories, the forms used, 0.4971 / 0.6914 / 0.647; the
first 500 words and the forms used (as frozen), 0.4974 / 0.6933 / 0.647 (300 words 0.4971 / 0.6905 /
0.643, 400 0.4975 / 0.6939 / 0.649; all forms, 50-200 words: MAP 0.491-0.497, nDCG@10 0.691-0.697).
The differences are noise: most Reuters stories are under 300 words, so TRAIN says only that the cap
does no harm; 500 bounds the cost of a long page (the feedback pass on the 181 saved web pages: about
50-115 ms whole, 35-65 ms capped at 500, 30-50 ms at 300, after the two changes above; it was several
hundred ms). Latency before and after: bench/README.md.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from ..index.schema import name_analyzer, text_analyzer
from .backend import Feedback
from .ranking import collect
from .request import SearchRequest

_PLAIN = name_analyzer()
_STEMMED = text_analyzer()
STORED_TEXT = ("title", "body")  # the default fields, whose stored text feedback reads
TOP_WORDS = 100  # the most frequent words of each story that feedback looks at (RM3 keeps at most 40)
READ_WORDS = 500  # words read from the start of each story, title first (None: all; see the docstring)


@lru_cache(maxsize=100_000)
def _term(word: str) -> str | None:
    terms = [t.text for t in _STEMMED(word)]
    return terms[0] if len(terms) == 1 else None


class _StoryCounts(Mapping):
    """Stories holding each spelled word (the most of any form of its stem that these stories use),
    counted when first asked for."""

    def __init__(self, reader, fields: list[str], spelled: dict[str, str], seen: dict[str, Counter]):
        self._reader, self._fields, self._seen = reader, fields, seen
        self._terms = {spelling: term for term, spelling in spelled.items()}
        self._known: dict[str, int] = {}

    def __getitem__(self, word: str) -> int:
        found = self._known.get(word)
        if found is None:
            term = self._terms[word]  # KeyError for a word not in the feedback stories
            found = self._known[word] = max((self._reader.doc_frequency(f, w) for f in self._fields
                                             for w in self._seen[term]), default=0)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._terms)

    def __len__(self) -> int:
        return len(self._terms)


def _words(stored: dict) -> Iterator[str]:
    """The story's words as indexed (unstemmed), title first, at most READ_WORDS of them."""
    tokens = (token.text for name in STORED_TEXT for token in _PLAIN(stored.get(name) or ""))
    return tokens if READ_WORDS is None else islice(tokens, READ_WORDS)


def feedback(searcher, request: SearchRequest, docs: int) -> Feedback:
    """The `docs` best stories of a request (near-duplicates folded): their scores and word counts."""
    first = replace(request, page=1, limit=docs, facets=(),
                    options=replace(request.options, snippets=False, explain=False, expand=False, collapse=True))
    found, _gate, _chain, _q = collect(searcher, first, depth=docs, order="relevance", collapse=True)
    spellings: dict[str, Counter] = defaultdict(Counter)
    counted: list[tuple[float, Counter]] = []
    for _key, docnum, score in found.items:
        counts: Counter = Counter()
        for word in _words(searcher.stored_fields(docnum)):
            term = _term(word)
            if term is not None:
                counts[term] += 1
                spellings[term][word] += 1
        counted.append((score or 0.0, Counter(dict(counts.most_common(TOP_WORDS)))))
    kept = {term for _score, counts in counted for term in counts}
    spelled = {term: min(spellings[term].items(), key=lambda fc: (-fc[1], len(fc[0]), fc[0]))[0] for term in kept}
    reader = searcher.reader()
    fields = [f for f in STORED_TEXT if f in searcher.schema]
    return Feedback(docs=[(score, {spelled[t]: c for t, c in counts.items()}) for score, counts in counted],
                    frequency=_StoryCounts(reader, fields, spelled, spellings), stories=reader.doc_count())
