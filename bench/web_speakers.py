"""Speakers on web news: quotations and their sources hand-labelled in saved news pages nobody had read.

    python bench/web_speakers.py --list            # the drawn pages' ids and addresses
    python bench/web_speakers.py [--errors N]      # score find_quotes against the labels

The set is a seeded random sample (seed SEED, PAGES pages) of the article-extraction benchmark's pages
(../shared/corpora/article-extraction-benchmark, their true article text, ground-truth.json
`articleBody`) that hold a quotation mark and are not among the 22 pages of the British/blog set
(tests/extract/british_blog_quotes.json): 111 such pages, drawn 2026-11-26 before any of them was
read. Web news of every kind (US and Indian sites, sport, tech, local papers, a few non-English
pages, which are kept with no quotations). Labelled by two annotator sessions reading only, never
running the extractor, with the British/blog set's conventions (bench/gold/web_speakers.json says
how). The speaker rules of the sixth round were written without opening these pages; scored once
with them frozen (merge c930cad): quotes P 0.868 R 1.000, speakers right 0.806 / wrong 0.073 / none
0.121 (the code before the round, run first: 0.806 / 0.076 / 0.117). From then on it is development data.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from extraction import BRITISH_GOLD, labelled_quotes_report, shared_dir  # noqa: E402

GOLD = REPO / "bench" / "gold" / "web_speakers.json"
SEED = 20261126
PAGES = 45
_MARK = re.compile('["\u201c\u201d]')


def pages(shared: Path) -> dict[str, dict]:
    """The benchmark's pages: id -> {"articleBody", "url", ...}."""
    path = shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json"
    return json.loads(path.read_text(encoding="utf-8"))


def drawn(truth: dict[str, dict]) -> list[str]:
    """The labelled pages: a seeded sample of those with a quotation mark, outside the British/blog set."""
    british = {s["id"] for s in json.loads(BRITISH_GOLD.read_text(encoding="utf-8"))["stories"]}
    pool = sorted(k for k, v in truth.items() if k not in british and _MARK.search(v.get("articleBody") or ""))
    return sorted(random.Random(SEED).sample(pool, PAGES))


def report(shared: Path, errors: int = 0) -> dict:
    """Quote P/R and speaker right/wrong/none on the labelled web pages."""
    truth = pages(shared)
    labels = {s["id"]: s["quotes"] for s in json.loads(GOLD.read_text(encoding="utf-8"))["stories"]}
    stories = [(k, truth[k]["articleBody"], labels[k]) for k in drawn(truth) if k in labels]
    return labelled_quotes_report(stories, "web pages hand-labelled set (bench/gold/web_speakers.json)",
                                  "pages", errors)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--list", action="store_true", help="print the drawn pages' ids and addresses")
    ap.add_argument("--errors", type=int, default=0, help="print this many quotation/speaker errors")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    truth = pages(shared)
    if args.list:
        for key in drawn(truth):
            print(key, truth[key].get("url", ""), sep="\t")
        return 0
    report(shared, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
