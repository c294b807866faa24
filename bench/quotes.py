"""Quotation extraction against the hand-checked gold set tests/extract/quotes_gold.json.

    python bench/quotes.py [--shared DIR] [-v]

The gold set lists every quotation of its stories (the seed article and some Reuters-21578 stories,
cited by file and NEWID), each as a distinctive substring of the quoted text and its speaker, plus
negative spans (scare quotes, names) that must not come out. A pair matches when the extracted
quotation contains the gold substring and names the same speaker (both None counts as the same).

precision: extracted quotations in the gold stories that match a gold pair / extracted quotations
recall:    gold pairs matched by an extracted quotation / gold pairs
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "extract" / "quotes_gold.json"


def shared_dir(arg: str | None) -> Path:
    return Path(arg or os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared").resolve()


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").split()).lower()


def gold_stories(shared: Path) -> dict:
    """{(source, newid): Article} for the stories the gold set cites."""
    sys.path.insert(0, str(REPO))
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    out = {}
    for story in gold["stories"]:
        if story["source"] == "seed":
            path = shared / "seed" / story["file"]
            if not path.is_file():
                path = REPO / "corpus" / story["file"]
            articles = [a for a in read_paths([str(path)]) if isinstance(a, Article)]
            out[("seed", None)] = articles[0]
        else:
            path = shared / "corpora" / "reuters21578" / story["file"]
            for a in read_paths([str(path)]):
                if isinstance(a, Article) and a.id == str(story["newid"]):
                    out[("reuters", story["newid"])] = a
    return out


def score(shared: Path, verbose: bool = False) -> dict:
    from searchkit.extract import enrich

    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    stories = gold_stories(shared)
    positives = [q for q in gold["quotes"] if not q.get("negative")]
    negatives = [q for q in gold["quotes"] if q.get("negative")]
    extracted = 0
    correct = 0
    found: set[int] = set()
    negative_hits = []
    wrong = []
    for key, article in stories.items():
        got = enrich(dataclasses.replace(article, quotes=())).quotes
        mine = [(i, q) for i, q in enumerate(positives) if (q["source"], q["newid"]) == key]
        for quote in got:
            extracted += 1
            text = _norm(quote.text)
            hit = [i for i, g in mine if _norm(g["quote"]) in text and (g["speaker"] or None) == quote.speaker]
            if hit:
                correct += 1
                found.update(hit)
            else:
                wrong.append((key, quote))
            for g in negatives:
                if (g["source"], g["newid"]) == key and _norm(g["quote"]) in text \
                        and len(text) < len(_norm(g["quote"])) + 12:
                    negative_hits.append((key, quote))
    missing = [q for i, q in enumerate(positives) if i not in found and (q["source"], q["newid"]) in stories]
    p = correct / extracted if extracted else 1.0
    r = len(found) / len(positives) if positives else 1.0
    result = {"stories": len(stories), "gold": len(positives), "extracted": extracted, "precision": p,
              "recall": r, "negatives": len(negatives), "negative_hits": negative_hits,
              "wrong": wrong, "missing": missing}
    if verbose:
        for key, quote in wrong:
            print(f"  extra/wrong {key}: {quote.text[:60]!r} -> {quote.speaker}")
        for q in missing:
            print(f"  missed {q['newid']}: {q['quote']!r} ({q['speaker']})")
    return result


def report(result: dict) -> None:
    print(f"\nQuotes: {result['stories']} gold stories, {result['gold']} gold (quote, speaker) pairs, "
          f"{result['extracted']} extracted")
    print(f"  precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
          f"negatives (scare quotes, names) extracted: {len(result['negative_hits'])} of {result['negatives']}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ and seed/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list wrong and missed pairs")
    args = ap.parse_args(argv)
    report(score(shared_dir(args.shared), args.verbose))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
