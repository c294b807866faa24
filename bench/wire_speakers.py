"""Speakers on 1987 wire copy: quotations and their sources hand-labelled in Reuters-21578 stories.

    python bench/wire_speakers.py --list [--text]    # the drawn stories' keys (or texts, to label them)
    python bench/wire_speakers.py [--errors N]       # score find_quotes against the labels

The set is a seeded random sample (seed SEED) of Reuters-21578 stories, any split, whose body holds
a quotation mark, outside the stories of tests/extract/quotes_gold.json. No speaker rule was ever
written from Reuters stories other than those, so this is a kind of text the speaker rules have not
been tuned on. The labels (bench/gold/wire_speakers.json) were made by reading, before the set was
scored; how is written in the file. Scored once with the fifth speaker round's rules frozen (merge
1af9d33): quotes P 0.972 R 1.000, speakers right 0.837 / wrong 0.085 / none 0.078 (the code before
the round, run afterwards: 0.830 / 0.092 / 0.078). From then on it is development data.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))
from extraction import labelled_quotes_report, load_reuters, shared_dir  # noqa: E402

GOLD = REPO / "bench" / "gold" / "wire_speakers.json"
SEED = 20261130
STORIES = 60


def drawn(shared: Path) -> list:
    """The labelled stories: a seeded sample of Reuters stories with a quotation mark in the body."""
    regression = {str(s.get("newid")) for s in json.loads(
        (REPO / "tests" / "extract" / "quotes_gold.json").read_text(encoding="utf-8"))["stories"]}
    pool = sorted((a for a in load_reuters(shared) if '"' in a.body and a.id not in regression),
                  key=lambda a: int(a.id))
    return sorted(random.Random(SEED).sample(pool, STORIES), key=lambda a: int(a.id))


def report(shared: Path, errors: int = 0) -> dict:
    """Quote P/R and speaker right/wrong/none on the labelled wire stories."""
    labels = {story["id"]: story["quotes"] for story in json.loads(GOLD.read_text(encoding="utf-8"))["stories"]}
    stories = [(a.id, a.body, labels[a.id]) for a in drawn(shared)]
    return labelled_quotes_report(stories, "Reuters wire hand-labelled set (bench/gold/wire_speakers.json)",
                                  "stories", errors)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--list", action="store_true", help="print the drawn stories' keys")
    ap.add_argument("--text", action="store_true", help="with --list: print each story's title and body")
    ap.add_argument("--errors", type=int, default=0, help="print this many quotation/speaker errors")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    if args.list:
        for a in drawn(shared):
            if args.text:
                print(f"==== {a.id} | dateline: {a.dateline or '-'}\n{a.title}\n\n{a.body}\n")
            else:
                print(a.id, a.title[:70], sep="\t")
        return 0
    report(shared, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
