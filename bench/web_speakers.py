"""Speakers on web news: quotations and their sources hand-labelled in saved news pages nobody had read.

    python bench/web_speakers.py --list            # the drawn pages' ids and addresses
    python bench/web_speakers.py [--errors N]      # score find_quotes against the labels
    python bench/web_speakers.py --second          # the second draw (held out from the eighth round)
    python bench/web_speakers.py --third           # the third draw (held out from the ninth round)

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

The second draw (drawn_second, bench/gold/web_speakers_second.json): 40 of the 66 pages left, labelled the
same way before the eighth round by two annotator sessions, then independently by a third for agreement
(web_speakers_second_annotator2.json: every one of the first's 213 required quotes found, the same speaker for
all 213). Scored once with the eighth round frozen: quotes P 0.845 R 1.000, speakers right 0.836 / wrong
0.117 / none 0.047 (the code before the round, run first: 0.845 / 1.000, 0.836 / 0.108 / 0.056).
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
# The second draw: 40 of the 66 pages with a quotation mark left outside the first draw and the
# British/blog set (seed SECOND_SEED), drawn 2026-11-26 before any of them was read, labelled by
# annotator sessions who never ran the extractor, held out from the eighth speaker round.
SECOND_GOLD = REPO / "bench" / "gold" / "web_speakers_second.json"
SECOND_SEED = 20261127
SECOND_PAGES = 40
# The third draw: every page with a quotation mark left outside the first two draws and the British/blog set
# (26), listed 2026-11-26 before any of them was read, labelled by annotator sessions who never ran the
# extractor, held out from the ninth speaker round.
THIRD_GOLD = REPO / "bench" / "gold" / "web_speakers_third.json"
_MARK = re.compile('["\u201c\u201d]')


def pages(shared: Path) -> dict[str, dict]:
    """The benchmark's pages: id -> {"articleBody", "url", ...}."""
    path = shared / "corpora" / "article-extraction-benchmark" / "ground-truth.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _quoted_pages(truth: dict[str, dict], taken: set[str]) -> list[str]:
    """The pages holding a quotation mark, outside the British/blog set and `taken`, sorted."""
    british = {s["id"] for s in json.loads(BRITISH_GOLD.read_text(encoding="utf-8"))["stories"]}
    return sorted(k for k, v in truth.items()
                  if k not in british and k not in taken and _MARK.search(v.get("articleBody") or ""))


def drawn(truth: dict[str, dict]) -> list[str]:
    """The labelled pages: a seeded sample of those with a quotation mark, outside the British/blog set."""
    return sorted(random.Random(SEED).sample(_quoted_pages(truth, set()), PAGES))


def drawn_second(truth: dict[str, dict]) -> list[str]:
    """The second labelled draw: a seeded sample of the pages with a quotation mark left by the first."""
    return sorted(random.Random(SECOND_SEED).sample(_quoted_pages(truth, set(drawn(truth))), SECOND_PAGES))


def drawn_third(truth: dict[str, dict]) -> list[str]:
    """The third labelled draw: every page with a quotation mark left by the first two."""
    return _quoted_pages(truth, set(drawn(truth)) | set(drawn_second(truth)))


DRAWS = {"first": (GOLD, drawn), "second": (SECOND_GOLD, drawn_second), "third": (THIRD_GOLD, drawn_third)}


def report(shared: Path, errors: int = 0, draw: str = "first") -> dict:
    """Quote P/R and speaker right/wrong/none on the labelled web pages of one draw."""
    truth = pages(shared)
    gold, pick = DRAWS[draw]
    keys = pick(truth)
    labels = {s["id"]: s["quotes"] for s in json.loads(gold.read_text(encoding="utf-8"))["stories"]}
    stories = [(k, truth[k]["articleBody"], labels[k]) for k in keys if k in labels]
    return labelled_quotes_report(stories, f"web pages hand-labelled set ({gold.relative_to(REPO)})",
                                  "pages", errors)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--list", action="store_true", help="print the drawn pages' ids and addresses")
    ap.add_argument("--errors", type=int, default=0, help="print this many quotation/speaker errors")
    ap.add_argument("--second", action="store_const", const="second", dest="draw", default="first",
                    help="the second draw (held out from the eighth round)")
    ap.add_argument("--third", action="store_const", const="third", dest="draw",
                    help="the third draw (held out from the ninth round)")
    ap.add_argument("--text", action="store_true", help="with --list: print each page's text, to label it")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    truth = pages(shared)
    if args.list:
        for key in DRAWS[args.draw][1](truth):
            if args.text:
                print(f"==== {key} | {truth[key].get('url', '')}\n{truth[key].get('articleBody') or ''}\n")
            else:
                print(key, truth[key].get("url", ""), sep="\t")
        return 0
    report(shared, args.errors, args.draw)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
