#!/usr/bin/env python
"""Whoosh's own pieces against searchkit's, on the speed queries (bench/queries_speed.txt) over Reuters.

    python bench/whoosh_pieces.py --index INDEX     # an index of Reuters-21578 built by searchkit

1. Folding near-duplicates: Whoosh's CollapseCollector (over a top-10 TopCollector) vs searchkit's
   PageCollector; both checked against an exhaustive fold of every match (top 10 and folded count).
2. Spelling: for every word of 4+ letters in the queries, three typos (a letter dropped, two letters
   swapped, one replaced; fixed seeds); how often each corrector gives the word back as its first
   choice: Whoosh's ReaderCorrector (searcher.corrector("body_exact")) vs searchkit's Speller.
3. Fuzzy matching: Whoosh's FuzzyTerm (maxdist 1, 2 for words of 5+ letters, prefix 1) in title and
   body vs searchkit's --fuzzy (the word OR its 4 nearest known spellings): query time on the
   typo'd queries and whether the original query's top hit is found in the top 10.
Prints a Markdown table.
"""
from __future__ import annotations

import argparse
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402


def timed(fn, items, reps=3):
    samples, out = [], []
    for r in range(reps):
        for item in items:
            t = time.perf_counter()
            value = fn(item)
            samples.append(time.perf_counter() - t)
            if r == 0:
                out.append(value)
    return out, statistics.median(samples) * 1000, C.percentile(samples, 95) * 1000


def folding(searcher, queries):
    from whoosh import collectors, sorting

    from searchkit.search.collect import PageCollector
    from searchkit.search.ranking import build_query
    from searchkit.search.request import SearchRequest

    wq = [build_query(searcher, SearchRequest.build(q), lift_dates=False)[0] for q in queries]
    clusters = searcher.reader().column_reader("fold", translate=False)

    def ours(q):
        c = PageCollector(10, collapse=True)
        searcher.search_with_collector(q, c)
        r = c.results()
        return [d for _k, d, _s in r.items], r.folded

    def whooshs(q):
        top = collectors.TopCollector(10, usequality=False, replace=0)
        c = collectors.CollapseCollector(top, sorting.FieldFacet("fold"), limit=1)
        searcher.search_with_collector(q, c)
        return [h.docnum for h in c.results()], top.count() - c.collapsed_total

    def truth(q):
        c = collectors.UnlimitedCollector()
        searcher.search_with_collector(q, c)
        best: dict = {}
        for _neg, d in sorted((-score, d) for score, d in c.items):
            best.setdefault(clusters[d], d)
        return list(best.values())[:10], len(best)

    exact = [truth(q) for q in wq]
    rows = []
    for name, fn in (("searchkit PageCollector", ours), ("Whoosh CollapseCollector", whooshs)):
        found, p50, p95 = timed(fn, wq)
        right = sum(set(f[0]) == set(t[0]) and f[1] == t[1] for f, t in zip(found, exact))
        rows.append((name, p50, p95, f"{right}/{len(wq)} equal to an exhaustive fold"))
    return rows


def _typos(word: str, rng: random.Random) -> list[str]:
    i = rng.randrange(1, len(word) - 1)
    dropped = word[:i] + word[i + 1:]
    swapped = word[:i] + word[i + 1] + word[i] + word[i + 2:]
    letter = rng.choice([c for c in "abcdefghijklmnopqrstuvwxyz" if c != word[i]])
    replaced = word[:i] + letter + word[i + 1:]
    return [t for t in (dropped, swapped, replaced) if t != word]


def spelling(searcher, queries):
    from searchkit.search.suggest import Speller

    rng = random.Random(7)
    words = sorted({w for q in queries for w in re.findall(r"[a-z]{4,}", q.lower())
                    if w not in ("title", "body", "location", "date")})
    cases = [(t, w) for w in words for t in _typos(w, rng)]
    reader = searcher.reader()
    speller = Speller(reader)
    corrector = searcher.corrector("body_exact")
    cases = [(t, w) for t, w in cases if not speller.known(t)]
    rows = []
    for name, fn in (("searchkit Speller", lambda t: (speller.candidates(t) or [None])[0]),
                     ("Whoosh ReaderCorrector", lambda t: (corrector.suggest(t, limit=1, maxdist=2, prefix=1) or [None])[0])):
        found, p50, p95 = timed(lambda case: fn(case[0]), cases)
        right = sum(f == w for f, (_t, w) in zip(found, cases))
        rows.append((name, p50, p95, f"{right}/{len(cases)} typos corrected to the word meant"))
    return rows


def fuzzy(idx, searcher, queries):
    from whoosh import query as wq

    from searchkit.search import request as rq
    from searchkit.search import whoosh_query
    from searchkit.search.request import SearchRequest

    rng = random.Random(11)
    typod = []
    for q in queries:
        words = re.findall(r"\b[a-z]{5,}\b", q)
        if words and ":" not in q and '"' not in q:
            w = rng.choice(words)
            typod.append((q, q.replace(w, _typos(w, rng)[0], 1)))
    top = {q: [h.id for h in idx.search(q, suggest=False, snippets=False).hits[:1]] for q, _ in typod}

    class FuzzyTerms(whoosh_query.Translator):
        def one(self, node, field, boost):
            if isinstance(node, rq.Word) and getattr(node, "field", None) is None and field in ("title", "body"):
                word = node.text.lower()
                return wq.FuzzyTerm(field, word, boost=boost, maxdist=2 if len(word) >= 5 else 1, prefixlength=1)
            return super().one(node, field, boost)

    def whoosh_fuzzy(text):
        request = SearchRequest.build(text)
        q = FuzzyTerms(searcher.schema, request.fields, "all")(request.query)
        return [searcher.stored_fields(h.docnum)["id"] for h in searcher.search(q, limit=10)]

    def ours(text):
        return [h.id for h in idx.search(text, fuzzy=True, suggest=False, snippets=False).hits]

    rows = []
    for name, fn in (("searchkit --fuzzy", ours), ("Whoosh FuzzyTerm", whoosh_fuzzy)):
        found, p50, p95 = timed(lambda pair: fn(pair[1]), typod)
        right = sum(bool(set(top[q]) & set(f)) for f, (q, _t) in zip(found, typod))
        rows.append((name, p50, p95, f"{right}/{len(typod)} typo'd queries find the original top hit in their top 10"))
    return rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", required=True, help="a searchkit index of Reuters-21578")
    ap.add_argument("--queries", default=str(C.BENCH / "queries_speed.txt"))
    args = ap.parse_args()
    from searchkit.api import Index

    idx = Index(args.index)
    searcher = idx.backend.searcher()
    queries = C.read_lines(Path(args.queries))
    lines = ["| piece | p50, ms | p95, ms | quality |", "| --- | ---: | ---: | --- |"]
    for section in (folding(searcher, queries), spelling(searcher, queries), fuzzy(idx, searcher, queries)):
        for name, p50, p95, quality in section:
            lines.append(f"| {name} | {p50:.2f} | {p95:.2f} | {quality} |")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
