"""Ranked-retrieval measures with binary or graded judgments, and paired significance tests over topics.

Written here from the usual definitions (trec_eval's AP and P@k; nDCG with log2 discounts, gain 1
per relevant document or the document's grade): no third-party package is needed for 50 topics.
With pooled judgments (bench/pooled.py) an unjudged document counts as not relevant.
"""
from __future__ import annotations

import math
import random
import statistics


def average_precision(ranked: list[str], relevant: set[str]) -> float:
    """Mean of the precision at each relevant document retrieved, over all relevant documents."""
    hits, total = 0, 0.0
    for i, doc in enumerate(ranked, start=1):
        if doc in relevant:
            hits += 1
            total += hits / i
    return total / len(relevant) if relevant else 0.0


def ndcg_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    dcg = sum(1 / math.log2(i + 1) for i, doc in enumerate(ranked[:k], start=1) if doc in relevant)
    ideal = sum(1 / math.log2(i + 1) for i in range(1, min(k, len(relevant)) + 1))
    return dcg / ideal if ideal else 0.0


def precision_at(ranked: list[str], relevant: set[str], k: int = 10) -> float:
    return sum(1 for doc in ranked[:k] if doc in relevant) / k


def per_topic(ranked: list[str], relevant: set[str]) -> dict:
    """Every measure of one topic's ranking."""
    return {"ap": average_precision(ranked, relevant), "ndcg10": ndcg_at(ranked, relevant),
            "p10": precision_at(ranked, relevant), "retrieved": len(ranked),
            "relevant_retrieved": sum(1 for d in ranked if d in relevant), "relevant": len(relevant)}


def means(per: dict[str, dict]) -> dict:
    n = len(per)
    return {"map": sum(v["ap"] for v in per.values()) / n,
            "ndcg10": sum(v["ndcg10"] for v in per.values()) / n,
            "p10": sum(v["p10"] for v in per.values()) / n,
            "recall": sum(v["relevant_retrieved"] / v["relevant"] for v in per.values()) / n}


def graded_ndcg_at(ranked: list[str], grades: dict[str, int], k: int = 10) -> float:
    """nDCG@k with gain = grade (unjudged: 0), log2 discount; the ideal ranks every judged document by grade."""
    dcg = sum(grades.get(doc, 0) / math.log2(i + 1) for i, doc in enumerate(ranked[:k], start=1))
    best = sorted((g for g in grades.values() if g > 0), reverse=True)[:k]
    ideal = sum(g / math.log2(i + 1) for i, g in enumerate(best, start=1))
    return dcg / ideal if ideal else 0.0


def judged_at(ranked: list[str], judged, k: int = 10) -> float:
    """Share of the top k a system returned that was judged (1.0 when it returned nothing): how far the pool reached."""
    top = ranked[:k]
    return sum(1 for doc in top if doc in judged) / len(top) if top else 1.0


def graded_per_topic(ranked: list[str], grades: dict[str, int]) -> dict:
    """per_topic's measures with relevant = grade >= 1, nDCG@10 from the grades, and the judged share of the top 10."""
    relevant = {doc for doc, g in grades.items() if g >= 1}
    return {**per_topic(ranked, relevant), "ndcg10": graded_ndcg_at(ranked, grades),
            "judged10": judged_at(ranked, grades)}


def randomisation_test(a: list[float], b: list[float], *, rounds: int = 100_000, seed: int = 20261125) -> float:
    """Two-sided p-value of a paired randomisation (sign-flip) test on the mean difference a - b.

    Under the null hypothesis the two systems are exchangeable on each topic, so each per-topic
    difference keeps or flips its sign with probability 1/2 (Smucker, Allan & Carterette 2007).
    The observed mean difference is counted as one of the rounds, so p is never 0.
    """
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    observed = abs(sum(diffs))
    rng = random.Random(seed)
    at_least = 1
    for _ in range(rounds):
        total = sum(d if rng.random() < 0.5 else -d for d in diffs)
        if abs(total) >= observed - 1e-12:
            at_least += 1
    return at_least / (rounds + 1)


def paired_t(a: list[float], b: list[float]) -> tuple[float, float]:
    """(t statistic, two-sided p-value) of a paired t-test on a - b (Student's t, n - 1 degrees of freedom)."""
    diffs = [x - y for x, y in zip(a, b, strict=True)]
    n = len(diffs)
    sd = statistics.stdev(diffs)
    if sd == 0:
        return (0.0, 1.0) if statistics.fmean(diffs) == 0 else (math.inf, 0.0)
    t = statistics.fmean(diffs) / (sd / math.sqrt(n))
    return t, _t_two_sided(abs(t), n - 1)


def _t_two_sided(t: float, df: int) -> float:
    """P(|T| >= t) for Student's t with df degrees of freedom: I_x(df/2, 1/2) with x = df / (df + t^2)."""
    return _incomplete_beta(df / (df + t * t), df / 2, 0.5)


def _incomplete_beta(x: float, a: float, b: float) -> float:
    """The regularised incomplete beta function I_x(a, b), by its continued fraction (Lentz's method)."""
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    if x > (a + 1) / (a + b + 2):  # the fraction converges fast only below this point
        return 1.0 - _incomplete_beta(1 - x, b, a)
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)) / a
    tiny = 1e-300
    f, c, d = 1.0, 1.0, 0.0
    for i in range(400):
        m = i // 2
        if i == 0:
            num = 1.0
        elif i % 2 == 0:
            num = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m))
        else:
            num = -((a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1))
        d = 1.0 + num * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1.0 + num / c
        c = c if abs(c) > tiny else tiny
        f *= c * d
        if abs(1.0 - c * d) < 1e-12:
            break
    return front * (f - 1.0)
