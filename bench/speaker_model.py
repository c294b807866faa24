"""Learn the attribution model (searchkit/data/speaker_model.json) from PolNeAR train only.

    python bench/speaker_model.py [--shared DIR] [--write]

For every gold direct quote of PolNeAR train that find_quotes finds (the issue's matching: word overlap
of at least half) and whose Source names someone, everyone who may have said our quote
(searchkit.extract.quotes.speaker_rivals: the people named in its paragraph and the two before, and the
rules' own answer) is a candidate, right when it is the Source's surname as the issue's metric reads it.
A conditional logistic regression (a softmax over each quote's candidates, pure Python, L2-regularised,
plain gradient steps) learns a weight per structural feature. Two thresholds are then chosen on train:
`fill`, the probability at which naming the likeliest candidate where the rules find no attribution gains most,
and `overrule`, the probability at which replacing the rules' answer by another candidate gains most; a
wrong speaker counts as a loss one and a half times what a right one gains, as for the chooser.
PolNeAR dev and every other set are never read here.
"""
from __future__ import annotations

import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from speaker_chooser import best_cut, matched, right, write_table  # noqa: E402

from searchkit.extract.quotes import MODEL_TABLE, feature_keys, model_probabilities, speaker_rivals  # noqa: E402

_WRONG_COST = 1.5  # a wrong speaker misleads (a facet, a search by speaker) where a missing one only omits
_EPOCHS = 300
_RATE = 10.0
_L2 = 1e-3

Example = tuple[str | None, bool | None, list[tuple[bool, dict[str, str]]]]


def examples(shared: Path) -> list[Example]:
    """(the rules' answer, is it right (None when none), [(right?, features) per candidate]) per gold quote."""
    return [(quote.speaker, None if quote.speaker is None else right(quote.speaker, who, source),
             [(right(name, who, source), features) for name, features in candidates])
            for quote, candidates, who, source in matched(shared, speaker_rivals)]


def learn(data: list[Example]) -> dict[str, float]:
    """Weights of a conditional logistic regression: each quote with a right candidate among others is one
    softmax, its right candidates' summed probability pushed up."""
    groups = [[(right, feature_keys(features)) for right, features in cands]
              for _rules, _ok, cands in data if len(cands) > 1 and any(r for r, _f in cands)]
    weights: dict[str, float] = {}
    for _epoch in range(_EPOCHS):
        grad: dict[str, float] = {}
        for group in groups:
            scores = [sum(weights.get(f, 0.0) for f in feats) for _r, feats in group]
            top = max(scores)
            exp = [math.exp(s - top) for s in scores]
            total = sum(exp)
            p = [x / total for x in exp]
            p_right = sum(pi for pi, (r, _f) in zip(p, group) if r)
            for pi, (r, feats) in zip(p, group):
                # d log P(right) / d score_i = (r_i * p_i / P(right)) - p_i
                g = (pi / p_right if r else 0.0) - pi
                for f in feats:
                    grad[f] = grad.get(f, 0.0) + g
        for f in set(grad) | set(weights):
            w = weights.get(f, 0.0)
            weights[f] = w + _RATE * (grad.get(f, 0.0) / len(groups) - _L2 * w)
    return {f: round(w, 4) for f, w in sorted(weights.items()) if abs(w) >= 1e-4}


def _picks(data: list[Example], table: dict, empty: bool) -> list[tuple[float, float]]:
    """(probability of the model's pick, gain in right answers were it taken) per quote where the rules name
    nobody (`empty`) or name someone the model would replace."""
    out = []
    for rules, rules_right, cands in data:
        if not cands or (rules is None) != empty:
            continue
        probabilities = model_probabilities([("", f) for _r, f in cands], table)
        best = max(range(len(cands)), key=probabilities.__getitem__)
        ok, features = cands[best]
        if empty:
            if features["q:att"] == "no":  # filled only where no attribution was found
                out.append((probabilities[best], 1 if ok else -_WRONG_COST))
        elif features["rules"] != "yes" and not any(f.get("kind") == "body" for _r, f in cands):
            # wrong to right +1; right to wrong: a loss, counted 1.5 (a body or description the rules name is kept)
            out.append((probabilities[best], (1 if ok else 0) - (_WRONG_COST if rules_right else 0)))
    return out


def threshold(picks: list[tuple[float, float]], what: str) -> float:
    """The lowest probability above which taking the model's pick gains most on train (2.0: never)."""
    best, best_gain = best_cut(picks, 2.0)
    taken = [g for p, g in picks if p >= best]
    print(f"{what}: {len(picks)} quotes; at {best:.3f} the model changes {len(taken)}, gain {best_gain:+.1f}")
    return best


def build(shared: Path) -> dict:
    """The model's weights and thresholds, from PolNeAR train."""
    data = examples(shared)
    print(f"{len(data)} gold quotes found with a named Source, {sum(len(c) for _r, _o, c in data)} candidates, "
          f"{sum(any(r for r, _f in c) for _r, _o, c in data)} with the right one among them")
    table: dict = {"weights": learn(data)}
    table["fill"] = threshold(_picks(data, table, True), "rules name nobody")
    table["overrule"] = threshold(_picks(data, table, False), "rules name another")
    return table


def main(argv=None) -> int:
    return write_table(argv, __doc__, MODEL_TABLE, build)


if __name__ == "__main__":
    raise SystemExit(main())
