#!/usr/bin/env python
"""Wildcard and prefix queries on a Reuters-21578 index: issue 15's "no query over 1 s, wildcards included".

    python bench/wildcards.py --index DIR        # an index of Reuters-21578 (e.g. from bench/speed.py or
                                                 # `searchkit index --rebuild ../shared/corpora/reuters21578/reut2-*.sgm.gz`)

Each pattern is searched as `searchkit query` would (top 10 with snippets, near-duplicates folded), once
untimed, then timed `--runs` times; the median is printed with the hits, or the one-line error.
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PATTERNS = ["s*", "a*", "c*", "*tion", "*ing", "?il", "o?l", "comp*", "pre* rates", "title:s*", "body:*ed",
            "oil OR s*", "*a*", "ex* NOT e*", "oil NOT s*"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", required=True, help="a searchkit index of Reuters-21578")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    from searchkit import Index
    from searchkit.errors import SearchkitError

    idx = Index(args.index)
    idx.search("oil")  # open the index
    print(f"load average {os.getloadavg()[0]:.1f}; median of {args.runs} runs, ms")
    slowest = 0.0
    for pattern in PATTERNS:
        times, outcome = [], ""
        for run in range(args.runs + 1):
            start = time.perf_counter()
            try:
                outcome = f"{idx.search(pattern).total:,} hits"
            except SearchkitError as exc:
                outcome = f"error: {str(exc)[:70]}"
            if run:
                times.append(1000 * (time.perf_counter() - start))
        median = statistics.median(times)
        slowest = max(slowest, median)
        print(f"{pattern!r:>14}  {median:7.0f}  {outcome}")
    print(f"slowest {slowest:.0f} ms: {'met' if slowest <= 1000 else 'NOT met'} (target: none over 1,000 ms)")


if __name__ == "__main__":
    main()
