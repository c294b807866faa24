"""Pseudo-relevance feedback on Whoosh: the word counts of a query's best stories (for search/expand.py).

The text fields keep no term vectors, so the stored title and body of the few feedback stories
are analysed again: each word counted under its stem (the forms a query word matches), spelled
as its most frequent form in these stories, so that analysing the spelling gives the stem back.
A stem's story count is that of its most frequent form, as search/wordforms.py scores it.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from functools import lru_cache

from ..index.schema import name_analyzer, text_analyzer
from .backend import Feedback
from .ranking import collect
from .request import SearchRequest
from .wordforms import forms

_PLAIN = name_analyzer()
_STEMMED = text_analyzer()
STORED_TEXT = ("title", "body")  # the default fields, whose stored text feedback reads
TOP_WORDS = 100  # the most frequent words of each story that feedback looks at (RM3 keeps at most 40)


@lru_cache(maxsize=100_000)
def _term(word: str) -> str | None:
    terms = [t.text for t in _STEMMED(word)]
    return terms[0] if len(terms) == 1 else None


def feedback(searcher, request: SearchRequest, docs: int) -> Feedback:
    """The `docs` best stories of a request (near-duplicates folded): their scores and word counts."""
    first = replace(request, page=1, limit=docs, facets=(),
                    options=replace(request.options, snippets=False, explain=False, expand=False, collapse=True))
    found, _gate, _chain, _q = collect(searcher, first, depth=docs, order="relevance", collapse=True)
    spellings: dict[str, Counter] = defaultdict(Counter)
    counted: list[tuple[float, Counter]] = []
    for _key, docnum, score in found.items:
        stored = searcher.stored_fields(docnum)
        counts: Counter = Counter()
        for name in STORED_TEXT:
            for token in _PLAIN(stored.get(name) or ""):
                term = _term(token.text)
                if term is not None:
                    counts[term] += 1
                    spellings[term][token.text] += 1
        counted.append((score or 0.0, Counter(dict(counts.most_common(TOP_WORDS)))))
    kept = {term for _score, counts in counted for term in counts}
    spelled = {term: min(spellings[term].items(), key=lambda fc: (-fc[1], len(fc[0]), fc[0]))[0] for term in kept}
    reader = searcher.reader()
    fields = [f for f in STORED_TEXT if f in searcher.schema]
    frequency = {spelled[term]: max((reader.doc_frequency(f, w) for f in fields for w in forms(reader, f, term)),
                                    default=0) for term in spelled}
    return Feedback(docs=[(score, {spelled[t]: c for t, c in counts.items()}) for score, counts in counted],
                    frequency=frequency, stories=reader.doc_count())
