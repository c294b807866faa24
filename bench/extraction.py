"""How well extraction finds a story's countries, and how fast it runs, on Reuters-21578.

    python bench/extraction.py [--shared DIR] [--quotes] [--errors N] [--no-places]

Gold: the PLACES labels of the LEWISSPLIT="TEST" stories that have at least one, each slug mapped
to its country by `canonical_country`. System: `enrich(article).countries` with the metadata places
removed first, so only title, body and dateline speak. Also times `enrich` over every story of the
collection (the gazetteer load is timed apart), and scores places on 150 hand-labelled held-out
stories (bench/places.py; `--no-places` skips that). `--quotes` adds the quotation scores of
bench/quotes.py; `--errors N` prints N stories where the sets disagree most. The section on dates,
bylines and metadata tables (bench/metadata_bench.py) always follows.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def shared_dir(arg: str | None) -> Path:
    """--shared, else $SEARCHKIT_SHARED, else <repo>/../shared."""
    return Path(arg or os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared").resolve()


def load_reuters(shared: Path) -> list:
    """Every Reuters-21578 story, read with searchkit's own reader."""
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    files = sorted((shared / "corpora" / "reuters21578").glob("reut2-*.sgm.gz"))
    if not files:
        sys.exit(f"no Reuters-21578 files under {shared / 'corpora' / 'reuters21578'}; use --shared DIR")
    return [a for a in read_paths([str(f) for f in files]) if isinstance(a, Article)]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def country_scores(articles, errors: int = 0) -> dict:
    from searchkit.extract import enrich
    from searchkit.extract.locations import canonical_country

    tp, fp, fn = Counter(), Counter(), Counter()
    per_story = []
    stories = 0
    for a in articles:
        if "split:test" not in a.tags or not a.locations:
            continue
        stories += 1
        gold = {canonical_country(s) or s for s in a.locations}
        got = set(enrich(dataclasses.replace(a, locations=())).countries)
        for c in gold & got:
            tp[c] += 1
        for c in got - gold:
            fp[c] += 1
        for c in gold - got:
            fn[c] += 1
        if gold != got:
            per_story.append((len(gold ^ got), a.id, sorted(gold), sorted(got), a))
    T, F, N = sum(tp.values()), sum(fp.values()), sum(fn.values())
    micro = prf(T, F, N)
    labels = set(tp) | set(fn)
    macro_each = [prf(tp[c], fp[c], fn[c]) for c in labels]
    macro = tuple(sum(x[i] for x in macro_each) / len(macro_each) for i in range(3))
    support = Counter({c: tp[c] + fn[c] for c in labels})
    print(f"\nCountries: {stories} TEST stories with PLACES labels, {T + N} gold labels, {T + F} extracted")
    print(f"{'':24}{'P':>7}{'R':>7}{'F1':>7}")
    print(f"{'micro':24}{micro[0]:7.3f}{micro[1]:7.3f}{micro[2]:7.3f}")
    print(f"{'macro (over gold labels)':24}{macro[0]:7.3f}{macro[1]:7.3f}{macro[2]:7.3f}")
    print(f"\n{'top 15 labels':24}{'gold':>6}{'P':>7}{'R':>7}{'F1':>7}{'FP':>6}{'FN':>6}")
    for c, n in support.most_common(15):
        p, r, f = prf(tp[c], fp[c], fn[c])
        print(f"{c[:24]:24}{n:6d}{p:7.3f}{r:7.3f}{f:7.3f}{fp[c]:6d}{fn[c]:6d}")
    print("\nmost frequent extra countries (FP):", ", ".join(f"{c} {n}" for c, n in fp.most_common(8)))
    print("most frequent missed countries (FN):", ", ".join(f"{c} {n}" for c, n in fn.most_common(8)))
    if errors:
        print()
        for _n, newid, gold, got, a in sorted(per_story, key=lambda x: -x[0])[:errors]:
            print(f"NEWID {newid}: gold {gold} got {got} | {a.dateline} | {a.title[:70]}")
    return {"stories": stories, "micro": micro, "macro": macro}


def timing(articles) -> dict:
    from searchkit.extract import enrich
    from searchkit.extract.locations import gazetteer

    start = time.perf_counter()
    gazetteer()
    load = time.perf_counter() - start
    start = time.perf_counter()
    for a in articles:
        enrich(a)
    took = time.perf_counter() - start
    mb = sum(len(a.title) + len(a.body) for a in articles) / 1e6
    print(f"\nSpeed: gazetteer load {load:.2f} s (once); enrich over all {len(articles)} stories ({mb:.1f} M chars) "
          f"{took:.2f} s = {took / len(articles) * 1e6:.0f} ms per 1,000 articles")
    return {"load": load, "seconds": took, "per_1000_ms": took / len(articles) * 1e6}


NOTE = """
Usual disagreements (PLACES is a topic label, not a list of mentions):
  - PLACES often names only the country the story is about; a country mentioned in passing
    ("U.S. dollar", "Japanese buyers") is an extra here though it is in the text.
  - PLACES sometimes names a country the text never mentions (by trading partner, exchange, or a
    company's home), or only through a company or city the gazetteer does not know.
  - USSR stories say "Soviet"; both map to "Soviet Union". West Germany is "West German"/"Bonn".
  - Datelines of small US towns resolve through the state (", Texas") or not at all.
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", help="folder holding corpora/ (default $SEARCHKIT_SHARED or ../shared)")
    ap.add_argument("--errors", type=int, default=0, help="print this many disagreeing stories")
    ap.add_argument("--quotes", action="store_true", help="also score quotations against the gold set")
    ap.add_argument("--no-places", action="store_true", help="skip the hand-labelled places (bench/places.py)")
    args = ap.parse_args(argv)
    shared = shared_dir(args.shared)
    start = time.perf_counter()
    articles = load_reuters(shared)
    print(f"read {len(articles)} Reuters stories in {time.perf_counter() - start:.1f} s")
    timing(articles)
    country_scores(articles, args.errors)
    print(NOTE)
    if not args.no_places:  # places on hand-labelled held-out stories: bench/places.py
        sys.path.insert(0, str(REPO / "bench"))
        import places as place_bench

        place_bench.report(shared)
    if args.quotes:
        sys.path.insert(0, str(REPO / "bench"))
        import quotes as quote_bench

        quote_bench.report(quote_bench.score(shared))
    metadata_section(shared)
    return 0


def metadata_section(shared: Path) -> None:
    """Dates, bylines and metadata tables: the figures of bench/metadata_bench.py."""
    sys.path.insert(0, str(REPO / "bench"))
    import metadata_bench

    metadata_bench.report(shared)


if __name__ == "__main__":
    raise SystemExit(main())
