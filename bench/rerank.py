"""Learn search/rerank.py's weights on the spent pooled sets, leave-one-set-out, and write searchkit/data/rerank.json.

    python bench/rerank.py [--sets DEFGHIJK] [--write]

For each collection, indexes its stories once (as bench/pooled.py does), runs every spent set's topics
with `--any` and the default (no folding, the news-structure stage off) to the top POOL, and computes
each candidate's features from the story's text with the index's own analyser (what the stage reads
from the postings: the same words at the same positions). A linear model (the first-stage score over
the query's best, weight 1, plus a weight per feature) is fitted by coordinate ascent (as RankLib's) on
AP x 0.6 + graded nDCG@10 x 0.4 over the training sets' topics, both modes (MAP weighs a little more: the
even mean gave up wire copy's MAP for its top ten, bench/README.md "Ranking, eleventh round"); the default keeps its
all-words stories ahead of the partial matches as the engine does. The lead and first-match features
count x min(1, body words / span) (search/rerank.py), span chosen among SPANS on the training sets' objective
alongside the weights. Each set is scored by the span and weights learnt on the others (unjudged stories not relevant; judged@10 reported); `--write` ships the weights
learnt on all of them. Pure Python: the package has no numpy.
"""
from __future__ import annotations

import argparse
import json
import math
import shutil
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
import pooled as P  # noqa: E402

MODES = {"--any": {"match": "any"}, "default": {}}
DEPTH = 100  # each query's hits scored (MAP over them); the stage re-orders the first rerank.POOL
GRID = (0.0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.5, 0.8, -0.05, -0.1, -0.2)
ROUNDS = 2
SPANS = (100, 200, 300, 400)  # body lengths tried as the one from which lead and first count in full
AP_SHARE = 0.6  # the objective: AP x AP_SHARE + nDCG@10 x (1 - AP_SHARE)


def features(stems: list[str], title: list[str], body: list[str], lead: int, span: float) -> dict[str, float]:
    """search/rerank.py's features of one story, from its analysed title and body words."""
    from searchkit.search.rerank import scaled

    n = len(stems)
    if not body:  # a headline only: the title is its text
        share = sum(s in set(title) for s in stems) / n
        return {"title": share, "lead": share, "body": share, "first": 1.0 if share else 0.0}
    first = next((i for i, w in enumerate(body) if w in stems), None)
    return scaled({"title": sum(s in set(title) for s in stems) / n, "lead": sum(s in set(body[:lead]) for s in stems) / n,
                   "body": sum(s in set(body) for s in stems) / n,
                   "first": 1.0 / (1.0 + math.log1p(first)) if first is not None else 0.0}, len(body), span)


def candidates(test_sets: list[str], shared: str | None) -> dict:
    """(set, mode) -> {topic: (keys, {span: feature row} per hit, grades, pool)} of each spent set's fresh top DEPTH."""
    from searchkit.api import Index
    from searchkit.index.schema import text_analyzer
    from searchkit.search import rerank

    analyse = text_analyzer()
    words = lambda text: [t.text for t in analyse(text or "")]  # noqa: E731
    out: dict = {}
    by_collection: dict[str, list[str]] = {}
    for s in test_sets:
        by_collection.setdefault(P.SETS[s].collection, []).append(s)
    for name, sets in by_collection.items():
        articles = P.COLLECTIONS[name].read(shared)
        texts = {a.id: a for a in articles}
        tmp = Path(tempfile.mkdtemp(prefix="searchkit-rerank-"))
        pool, rerank.POOL = rerank.POOL, 0  # the first stage alone (its top `pool` is what the stage re-ranks)
        try:
            idx = Index(tmp / "searchkit")
            idx.add_articles(articles)
            for s in sets:
                qrels = P.read_qrels([P.set_files(s)["qrels"]])
                topics = [t for t in P.read_topics(P.POOLED_DIR / P.SETS[s].topics)
                          if any(g >= 1 for g in qrels.get(t.id, {}).values())]
                for mode, options in MODES.items():
                    found = {}
                    for t in topics:
                        hits = idx.search(t.query, limit=DEPTH, snippets=False, suggest=False, correct=False,
                                          collapse=False, **options).hits
                        stems = list(dict.fromkeys(words(t.query)))
                        top = max((h.score or 0.0 for h in hits[:pool]), default=0.0)
                        rows = []
                        for h in hits:
                            title, body = words(texts[h.id].title), words(texts[h.id].body)
                            # the default lists its partial matches after the all-words stories
                            group = 100.0 if mode == "default" and not h.partial else 0.0
                            score = group + ((h.score or 0.0) / top if top else 0.0)
                            rows.append({span: {"score": score, **features(stems, title, body, rerank.LEAD, span)}
                                         for span in SPANS})
                        found[t.id] = ([h.id for h in hits], rows, qrels[t.id], pool)
                    out[s, mode] = found
                print(f"TEST-{s}: {len(topics)} topics", file=sys.stderr, flush=True)
            idx.close()
        finally:
            rerank.POOL = pool
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def measures(keys: list[str], rows: list[dict], grades: dict[str, int], pool: int,
             weights: dict[str, float] | None) -> tuple[float, float, float]:
    """(AP, graded nDCG@10, judged@10) of one topic's hits, the first `pool` ordered by the model (None: as found)."""
    order = list(range(len(keys)))
    if weights is not None:
        value = [row["score"] + sum(w * row[f] for f, w in weights.items() if w) for row in rows[:pool]]
        order = sorted(range(len(value)), key=lambda i: -value[i]) + order[len(value):]
    gains = [grades.get(keys[i], 0) for i in order]
    relevant = sum(1 for g in grades.values() if g >= 1)
    best = sorted((g for g in grades.values() if g > 0), reverse=True)[:10]
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(best))
    hits = ap = 0.0
    for i, g in enumerate(gains):
        if g >= 1:
            hits += 1
            ap += hits / (i + 1)
    ndcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains[:10])) / ideal
    judged = sum(keys[i] in grades for i in order[:10]) / max(1, min(10, len(order)))
    return ap / relevant, ndcg, judged


def mean(topics: dict, weights: dict[str, float] | None) -> tuple[float, float, float]:
    """MAP, nDCG@10 and judged@10 of one set and mode."""
    values = [measures(*t, weights) for t in topics.values()]
    return tuple(sum(v[i] for v in values) / len(values) for i in range(3))  # type: ignore[return-value]


def at(topics: dict, span: float) -> dict:
    """One set and mode's topics with each hit's features for one span."""
    return {tid: (keys, [row[span] for row in rows], grades, pool) for tid, (keys, rows, grades, pool) in topics.items()}


def learn(train: list[dict], names: tuple[str, ...]) -> tuple[float, dict[str, float]]:
    """The span (of SPANS) and weights that fit the training sets best."""
    fits = [(span, *fit([at(topics, span) for topics in train], names)) for span in SPANS]
    span, weights, _value = max(fits, key=lambda f: f[2])
    return span, weights


def fit(train: list[dict], names: tuple[str, ...]) -> tuple[dict[str, float], float]:
    """Coordinate ascent over the grid: each weight in turn, ROUNDS times, on the objective over all topics."""
    def objective(w: dict[str, float]) -> float:
        values = [measures(*t, w) for topics in train for t in topics.values()]
        return sum(v[0] * AP_SHARE + v[1] * (1 - AP_SHARE) for v in values) / len(values)

    weights = {name: 0.0 for name in names}
    best = objective(weights)
    for _ in range(ROUNDS):
        for name in names:
            keep = weights[name]
            for value in GRID:
                weights[name] = value
                found = objective(weights)
                if found > best + 1e-5:
                    best, keep = found, value
            weights[name] = keep
    return weights, best


def main() -> None:
    from searchkit.search import rerank

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", default="DEFGHIJK", help="spent pooled sets to learn and score on")
    ap.add_argument("--shared", default=None, help="the shared corpora folder (default: as bench/_common finds it)")
    ap.add_argument("--write", action="store_true", help="write the weights learnt on every set to the package")
    args = ap.parse_args()
    C.require_searchkit()
    sets = list(args.sets)
    data = candidates(sets, args.shared)
    lines = ["| held out | `--any` before | `--any` after | default before | default after | span, weights learnt on the others |",
             "| --- | ---: | ---: | ---: | ---: | --- |"]
    for held in sets:
        span, weights = learn([data[s, m] for s in sets if s != held for m in MODES], rerank.FEATURES)
        cells = []
        for mode in MODES:
            topics = at(data[held, mode], span)
            before, after = mean(topics, None), mean(topics, weights)
            cells += [f"{before[0]:.4f} / {before[1]:.4f}", f"{after[0]:.4f} / {after[1]:.4f} ({after[2]:.2f})"]
        lines.append(f"| TEST-{held} | " + " | ".join(cells) + f" | span {span:g}: "
                     + ", ".join(f"{k} {v:g}" for k, v in weights.items()) + " |")
        print(lines[-1], file=sys.stderr, flush=True)
    print("\n".join(lines))
    if args.write:
        span, weights = learn([data[s, m] for s in sets for m in MODES], rerank.FEATURES)
        rerank.WEIGHTS.write_text(json.dumps({
            "about": "search/rerank.py's feature weights (the first-stage score over the best weighs 1) and span (body "
                     "words from which lead and first count in full), learnt by bench/rerank.py on "
                     f"TEST-{', TEST-'.join(sets)} (spent pooled sets), "
                     + datetime.now(timezone.utc).strftime("%Y-%m-%d"),
            "span": span, "weights": weights}, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {rerank.WEIGHTS}: span {span}, {weights}", file=sys.stderr)


if __name__ == "__main__":
    main()
