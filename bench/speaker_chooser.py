"""Learn the speaker chooser's table (searchkit/data/speaker_chooser.json) from PolNeAR train only.

    python bench/speaker_chooser.py [--shared DIR] [--write]

For every gold direct quote of PolNeAR train that find_quotes finds (the issue's matching: word overlap
of at least half) and whose Source names someone, each person named around our quote (from the
paragraph before it to the end of its own; searchkit.extract.quotes.speaker_candidates) is an example,
right when it is the Source's surname as the issue's metric reads it. NLTK's naive Bayes learns from
them; the table keeps its log-probabilities (no pickle: plain numbers). The threshold is the lowest
probability at which filling the quotes the rules leave without a speaker gains most on train, a wrong
speaker counted as a loss one and a half times what a right one gains. PolNeAR dev and every other set are never read here.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from extraction import overlap, polnear_stories, shared_dir, surname  # noqa: E402

from searchkit.extract.quotes import CHOOSER_TABLE, chooser_probability, speaker_candidates  # noqa: E402

_FLOOR = math.log(1e-4)  # a feature value never seen with a label
_WRONG_COST = 1.5  # a wrong speaker misleads (a facet, a search by speaker) where a missing one only omits


def examples(shared: Path) -> list[tuple[bool, list[tuple[bool, dict[str, str]]]]]:
    """(did the rules leave the quote without a speaker?, [(right?, features) per candidate]) per gold quote."""
    out = []
    for _name, body, gold in polnear_stories(shared / "corpora" / "polnear" / "train"):
        found = speaker_candidates(body)
        for content, source in gold:
            who = surname(source)
            if not who or not found:
                continue
            scores = [overlap(q.text, content) for q, _c in found]
            best = max(range(len(found)), key=scores.__getitem__)
            if scores[best] < 0.5:
                continue
            quote, candidates = found[best]
            labelled = [(who.lower() in name.lower() or name.split()[-1].lower() in source.lower(), features)
                        for name, features in candidates]
            out.append((quote.speaker is None, labelled))
    return out


def learn(data: list[tuple[bool, list[tuple[bool, dict[str, str]]]]]) -> dict:
    """The naive Bayes table: log priors, log P(feature=value | label)."""
    from nltk.classify import NaiveBayesClassifier

    train = [(features, "right" if right else "wrong") for _none, cands in data for right, features in cands]
    classifier = NaiveBayesClassifier.train(train)
    labels = sorted(classifier.labels())
    values: dict[str, set[str]] = {}
    for features, _label in train:
        for name, value in features.items():
            values.setdefault(name, set()).add(value)
    table: dict = {"priors": {label: math.log(classifier._label_probdist.prob(label)) for label in labels},
                   "unseen": {label: _FLOOR for label in labels}, "features": {}}
    for name, seen in sorted(values.items()):
        for value in sorted(seen):
            table["features"][f"{name}={value}"] = {
                label: max(_FLOOR, math.log(classifier._feature_probdist[label, name].prob(value) or 1e-12))
                for label in labels}
    return table


def threshold(data, table: dict) -> float:
    """The probability above which filling the rules' empty answers gains most: a right answer counts 1, a
    wrong one -_WRONG_COST."""
    picks = []
    for none, cands in data:
        if none and cands:
            right, p = max(((r, chooser_probability(f, table)) for r, f in cands), key=lambda c: c[1])
            picks.append((p, right))
    best, best_gain = 1.0, 0
    for cut in sorted({round(p, 3) for p, _r in picks}):
        gain = sum(1 if r else -_WRONG_COST for p, r in picks if p >= cut)
        if gain > best_gain:
            best, best_gain = cut, gain
    print(f"{len(picks)} quotes left without a speaker by the rules have candidates; at {best:.3f} the chooser "
          f"fills {sum(p >= best for p, _r in picks)}: {sum(r for p, r in picks if p >= best)} right")
    return best


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=None)
    ap.add_argument("--write", action="store_true", help=f"write {CHOOSER_TABLE.relative_to(REPO)}")
    args = ap.parse_args(argv)
    data = examples(shared_dir(args.shared))
    print(f"{len(data)} gold quotes found with a named Source, "
          f"{sum(len(c) for _n, c in data)} candidates, {sum(r for _n, c in data for r, _f in c)} right")
    table = learn(data)
    table["threshold"] = threshold(data, table)
    if args.write:
        CHOOSER_TABLE.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
