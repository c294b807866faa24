#!/usr/bin/env python
"""Relevance of searchkit's ranking on Reuters-21578, with TOPICS labels as judgments, tuned on TRAIN only.

    python bench/relevance.py --split train --tune   # develop: the frozen settings, then every grid, on TRAIN
    python bench/relevance.py --split train          # the frozen settings on TRAIN
    python bench/relevance.py --split test           # the report: TEST, once, with the settings frozen in code
    python bench/relevance.py --split train --stemmer snowball   # an index-time variant, on TRAIN
    python bench/relevance.py --split train --queries bench/queries_relevance.tsv \
        --queries bench/queries_relevance_b.tsv --tune prox      # develop on both topic sets' TRAIN judgments
    python bench/relevance.py --split test --queries bench/queries_relevance_b.tsv   # TEST-B, once
    python bench/relevance.py --split not-used       # TEST-C, once: both query files on the NOT-USED stories

Topics: one keyword query per Reuters TOPICS category, written by hand from the topic's description
before looking at any ranking. bench/queries_relevance.tsv: the 50 topics with at least 10 TEST-split
stories (their TEST report, results/relevance.md, is spent); bench/queries_relevance_b.tsv (TEST-B):
the 19 other topics with at least 3 TEST stories, fixed before the proximity stage was written.
TEST-C (`--split not-used`) is held out by documents, not by topics: the same queries as TEST and TEST-B
(both files, unchanged) run on the 722 stories of LEWISSPLIT="NOT-USED", which no relevance run had
indexed before it was added; its topics are those with at least 3 NOT-USED stories (44 of the 50 TEST
topics and 4 of the 19 TEST-B ones: 48), counted from the TOPICS labels only, before any search on them.
No topic category was left for a third topic set, and NOT-USED is the only unused part of the collection,
hence its size: 722 stories, so idf and length norms come from that small collection, for every engine.
A split's run indexes only that split's stories (LEWISSPLIT="TRAIN" or "TEST"); relevant = the split's
stories labelled with the topic (a topic with fewer than its file's MIN_STORIES of them in the split,
or `--min-stories`, is left out of that split and listed).
Every engine gets the same parsed query: the text is parsed once into a SearchRequest and translated
from its tree for tantivy and SQLite FTS5 (bench/translate.py). Each ranks its top `--depth` (1000).
Reported: MAP, nDCG@10, P@10 (binary relevance), recall at the depth, and paired significance
tests over the 50 per-topic AP and nDCG@10 values (a randomisation test, 100,000 sign flips with a
fixed seed, and Student's paired t-test) of searchkit against every anchor run.

`--tune` (TRAIN only) adds the grids the frozen settings were chosen from: BM25F title boost × K1 × B,
then RM3's feedback stories × words × original-query weight, by monkeypatching the module constants
in this process (search/whoosh_query.FIELD_BOOSTS, search/ranking.WEIGHTING, search/expand.*).
`--tune lengths` grids body B x title B x K1 (LENGTH_GRID) with everything else as shipped.
`--tune prox` grids the proximity stage's weight × ordered gap × ordered share × pool (search/proximity.py;
the unordered window stays at its frozen 8).
Writes bench/results/relevance<set>.md/.json (TEST) or relevance<set>_train[_<variant>].md/.json (TRAIN),
<set> being "" for queries_relevance.tsv, "_b" for queries_relevance_b.tsv ("_a+b" for both); a TEST
report is written once: `--split test` refuses to run when its file exists. TEST-C writes
bench/results/relevance_c.md/.json, once, likewise.
"""
from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
import _metrics as M  # noqa: E402

# Stories a topic needs in the split, per query file (the default for others: 10).
MIN_STORIES = {"queries_relevance.tsv": 10, "queries_relevance_b.tsv": 3}
QUERY_SETS = {"queries_relevance.tsv": "", "queries_relevance_b.tsv": "b"}
# TEST-C: held-out split, its query files (both, unchanged), stories a topic needs there, results file name.
NOT_USED = "not-used"
NOT_USED_QUERIES = ("queries_relevance.tsv", "queries_relevance_b.tsv")
NOT_USED_MIN_STORIES = 3
NOT_USED_STEM = "relevance_c"
# B=0 is left out: without length normalisation many scores tie, and ties go in index order (on TRAIN,
# B=0 scored MAP 0.495 and B=0.001 0.480: the difference is the order of the ties, not ranking).
BM25_GRID = {"title": (0.75, 1.0, 1.5), "k1": (1.2, 2.0), "b": (0.05, 0.1, 0.2, 0.3, 0.5, 0.75)}
RM3_GRID = {"docs": (5, 10, 20), "terms": (10, 20, 40), "weight": (0.2, 0.3, 0.5)}
# Length normalisation of the body, body B x K1 at the frozen title boost and title B (`--tune lengths`;
# bench/pooled.py tune runs the same grid on TEST-D's long articles, so one setting can be chosen on both).
# Title B stays 0.05: on TEST-D at B 0.05, title B 0.5 moved --any nDCG@10 by -0.005 (K1 1.2) and -0.006 (K1 2).
LENGTH_GRID = {"b": (0.2, 0.35, 0.5, 0.75), "title_b": (0.05,), "k1": (1.2, 2.0)}
PROX_GRID = {"weight": (0.0, 1.0, 2.0, 3.0, 4.0, 6.0), "gap": (1, 2), "ordered": (0.5, 1.0), "pool": (100, 200)}
QUIET = {"snippets": False, "suggest": False, "correct": False}

# searchkit as shipped, one row per way of running it (options of Index.search); the first two are
# the ones tested for significance against every anchor run.
SEARCHKIT = {
    "searchkit --any (OR of the words; feedback as frozen), no folding": {"match": "any", "collapse": False},
    "searchkit default: all words, page filled with partial matches, no folding": {"collapse": False},
    "searchkit default as the CLI runs it (near-duplicates folded)": {},
    "searchkit --any, near-duplicates folded": {"match": "any"},
    "searchkit --any --expand (RM3), no folding": {"match": "any", "expand": True, "collapse": False},
    "searchkit --any --no-expand (plain BM25F), no folding": {"match": "any", "expand": False, "collapse": False},
    "searchkit --expand: all words + fill, re-ranked by RM3, no folding": {"expand": True, "collapse": False},
    "searchkit --strict: all words only, no folding": {"fill": False, "collapse": False},
    "searchkit --any --no-proximity (BM25F order), no folding": {"match": "any", "proximity": False, "collapse": False},
    "searchkit default --no-proximity (BM25F order), no folding": {"proximity": False, "collapse": False},
}
HEADLINE = list(SEARCHKIT)[:2]
NO_PROXIMITY = list(SEARCHKIT)[-2:]  # the headline rows without the proximity stage


# -- data ---------------------------------------------------------------------------------------
def load_split(shared: str | None, split: str, queries: list[Path], min_stories: int | None = None
               ) -> tuple[list, list[tuple[str, str]], dict, list]:
    """(the split's stories, [(topic, query)], topic -> relevant ids, topics left out as too small)."""
    articles, _ = C.load_articles(C.reuters_files(C.shared_dir(shared)))
    stories = [a for a in articles if f"split:{split}" in a.tags]
    labelled: dict[str, set[str]] = {}
    for a in stories:
        for t in a.tags:
            if ":" not in t:
                labelled.setdefault(t, set()).add(a.id)
    topics, small = [], []
    for path in queries:
        least = min_stories if min_stories is not None else (
            NOT_USED_MIN_STORIES if split == NOT_USED else MIN_STORIES.get(path.name, 10))
        for t, q in (ln.split("\t") for ln in C.read_lines(path)):
            t, q = t.strip(), q.strip()
            if len(labelled.get(t, ())) >= least:
                topics.append((t, q))
            else:
                small.append((t, len(labelled.get(t, ()))))
    if len({t for t, _q in topics}) != len(topics):
        sys.exit("a topic is in more than one query file")
    return stories, topics, {t: labelled[t] for t, _q in topics}, small


def set_name(queries: list[Path]) -> str:
    """The results' file-name part of a list of query files: "", "_b", "_a+b"..."""
    names = [QUERY_SETS.get(p.name, p.stem) for p in queries]
    if names == [""]:
        return ""
    return "_" + "+".join(n or "a" for n in names)


TEST_C_NOTE = (
    "TEST-C is held out by documents: the queries are the same as TEST's and TEST-B's (bench/queries_relevance.tsv "
    "and bench/queries_relevance_b.tsv, unchanged), the documents are new: the {stories} stories of "
    "LEWISSPLIT=\"NOT-USED\", which no relevance run had indexed before. No Reuters topic category was left for a "
    "third topic set and NOT-USED is the only unused part of the collection, so the collection is small: every "
    "engine's idf and length norms come from these {stories} stories alone. Topics: those with at least 3 "
    "NOT-USED stories ({topics}), counted from the TOPICS labels before any search on them; left out "
    "(NOT-USED stories): {left_out}.")


def split_label(split: str) -> str:
    """How reports name a split: TRAIN, TEST, or TEST-C for the NOT-USED stories."""
    return "TEST-C (NOT-USED)" if split == NOT_USED else split.upper()


def results_stem(split: str, queries: list[Path], variant: str = "") -> str:
    """The results file name (no suffix) of a run: a held-out split's is fixed, TRAIN's names its variant."""
    if split == NOT_USED:
        return NOT_USED_STEM
    return f"relevance{set_name(queries)}" + ("" if split == "test" else f"_train{variant}")


def held_out_refusal(split: str, queries: list[Path], out: Path, development: bool) -> str | None:
    """Why a run may not go ahead (None: it may): a held-out split runs once, frozen, on its own query files."""
    if split == "train":
        return None
    if development:
        return ("--tune, --only, --min-stories and variants run on TRAIN only: a held-out split is reported once, "
                "with the settings frozen in code")
    if split == NOT_USED and tuple(p.name for p in queries) != NOT_USED_QUERIES:
        return f"TEST-C runs the query files {', '.join(NOT_USED_QUERIES)}, both, in that order"
    if split == "test" and len(queries) > 1:
        return "TEST runs one query file at a time (TEST for queries_relevance.tsv, TEST-B for queries_relevance_b.tsv)"
    report = out / f"{results_stem(split, queries)}.md"
    if report.exists():
        return f"{report} exists: a held-out split is reported once"
    return None


def evaluate(run, topics, qrels, depth: int) -> dict:
    """Means and per-topic figures of a run function (query, depth) -> ranked ids."""
    started = time.perf_counter()
    per = {topic: M.per_topic(list(dict.fromkeys(run(query, depth)))[:depth], qrels[topic]) for topic, query in topics}
    return {**M.means(per), "seconds": time.perf_counter() - started, "per_topic": per}


# -- searchkit ----------------------------------------------------------------------------------
def frozen_settings() -> dict:
    from searchkit.search import expand, proximity, ranking, request, whoosh_query

    w = ranking.WEIGHTING
    return {"title_boost": whoosh_query.FIELD_BOOSTS["title"], "body_boost": whoosh_query.FIELD_BOOSTS["body"],
            "k1": w.K1, "b": w.B, "title_b": w._field_B.get("title", w.B),
            "long_b": getattr(w, "long_B", None), "long_b_span": getattr(w, "span", None),
            "rm3": {"docs": expand.FB_DOCS, "terms": expand.FB_TERMS, "original_weight": expand.ORIGINAL_WEIGHT,
                    "max_share": expand.MAX_SHARE},
            "expand_any": request.EXPAND_ANY, "stemmer": stemmer_name(),
            "proximity": {"weight": proximity.WEIGHT, "window": proximity.WINDOW, "ordered_gap": proximity.ORDERED_GAP,
                          "ordered": proximity.ORDERED, "pool": proximity.POOL}}


def stemmer_name() -> str:
    from searchkit.index import schema

    return getattr(schema, "STEMMER", "porter")


def set_bm25(idx, title: float, k1: float, b: float, title_b: float | None = None) -> None:
    """Monkeypatch the field boosts and BM25F parameters (this process only; title B = B unless given)."""
    from searchkit.search.bm25 import BM25F

    import searchkit.search.ranking as ranking
    import searchkit.search.whoosh_query as whoosh_query

    whoosh_query.FIELD_BOOSTS = {"title": title, "body": 1.0}
    ranking.WEIGHTING = BM25F(B=b, K1=k1, title_B=b if title_b is None else title_b)  # a grid: B as given
    idx.close()


def length_settings() -> list[dict]:
    """LENGTH_GRID's settings, one dict each (b, title_b, k1)."""
    return [dict(zip(LENGTH_GRID, c)) for c in itertools.product(*LENGTH_GRID.values())]


def set_prox(weight: float, gap: int, ordered: float, pool: int) -> None:
    import searchkit.search.proximity as proximity

    proximity.WEIGHT, proximity.ORDERED_GAP, proximity.ORDERED, proximity.POOL = weight, gap, ordered, pool


def set_rm3(docs: int, terms: int, weight: float) -> None:
    import searchkit.search.expand as expand

    expand.FB_DOCS, expand.FB_TERMS, expand.ORIGINAL_WEIGHT = docs, terms, weight


def searchkit_run(idx, **options):
    def run(query: str, depth: int) -> list[str]:
        return [h.id for h in idx.search(query, limit=depth, **QUIET, **options).hits]

    return run


# -- anchors ------------------------------------------------------------------------------------
def anchor_runs(stories, title_boost: float) -> dict:
    """tantivy and FTS5, OR and AND, each with searchkit's field weights and with its own defaults."""
    tv_index = C.tantivy_build(None, stories, threads=2)
    fs_con = C.fts5_build(":memory:", stories)
    engines = [
        ("tantivy", f"title {title_boost:g}", C.TantivySearch(tv_index, title_boost=title_boost)),
        ("tantivy", "default weights", C.TantivySearch(tv_index, title_boost=None)),
        ("SQLite FTS5", f"title {title_boost:g}", C.Fts5Search(fs_con, title_boost=title_boost)),
        ("SQLite FTS5", "default bm25()", C.Fts5Search(fs_con, title_boost=None)),
    ]
    runs = {}
    for match, label in (("any", "OR"), ("all", "AND")):
        request = C.requests_for(match)
        for engine_name, weights, engine in engines:
            runs[f"{engine_name} {label}, {weights}"] = _anchor(engine, request)
    return runs


def _anchor(engine, request):
    return lambda q, depth: [i for i, _ in engine.search(request(q), limit=depth, snippets=False)]


# -- significance -------------------------------------------------------------------------------
def significance(results: dict, systems: list[str], anchors: list[str]) -> list[dict]:
    rows = []
    for name in systems:
        for other in anchors:
            row = {"system": name, "anchor": other}
            for metric, key in (("ap", "map"), ("ndcg10", "ndcg10")):
                a = [v[metric] for v in results[name]["per_topic"].values()]
                b = [results[other]["per_topic"][t][metric] for t in results[name]["per_topic"]]
                t, p_t = M.paired_t(a, b)
                row[key] = {"delta": results[name][key] - results[other][key], "p_random": M.randomisation_test(a, b),
                            "t": t, "p_t": p_t, "wins": sum(x > y for x, y in zip(a, b)),
                            "losses": sum(x < y for x, y in zip(a, b))}
            rows.append(row)
    return rows


# -- tuning (TRAIN only) --------------------------------------------------------------------------
def grid_row(idx, topics, qrels, depth: int, row: dict, expand: bool | None, keys=("map", "ndcg10", "p10")) -> dict:
    """`row` (a setting) with the figures of `--any` ("or") and the default ("fill") under it, unfolded."""
    for mode, opts in (("or", {"match": "any"}), ("fill", {})):
        r = evaluate(searchkit_run(idx, collapse=False, expand=expand, **opts), topics, qrels, depth)
        row[mode] = {k: r[k] for k in keys}
    return row


def tune(idx, topics, qrels, depth: int, log, grids: str) -> dict:
    frozen = frozen_settings()
    bm25, rm3, prox, lengths = [], [], [], []
    for tb, k1, b in itertools.product(BM25_GRID["title"], BM25_GRID["k1"], BM25_GRID["b"]) if "bm25" in grids else ():
        set_bm25(idx, tb, k1, b)
        row = grid_row(idx, topics, qrels, depth, {"title": tb, "k1": k1, "b": b}, expand=False)
        bm25.append(row)
        log(f"BM25F title={tb} K1={k1} B={b}: OR MAP {row['or']['map']:.4f} nDCG@10 {row['or']['ndcg10']:.4f}; "
            f"fill MAP {row['fill']['map']:.4f}")
    for setting in length_settings() if "lengths" in grids else ():
        set_bm25(idx, frozen["title_boost"], setting["k1"], setting["b"], setting["title_b"])
        row = grid_row(idx, topics, qrels, depth, dict(setting), expand=None)
        lengths.append(row)
        log(f"lengths {setting}: OR MAP {row['or']['map']:.4f} nDCG@10 {row['or']['ndcg10']:.4f}; "
            f"fill MAP {row['fill']['map']:.4f} nDCG@10 {row['fill']['ndcg10']:.4f}")
    set_bm25(idx, frozen["title_boost"], frozen["k1"], frozen["b"], frozen["title_b"])
    for docs, terms, weight in itertools.product(RM3_GRID["docs"], RM3_GRID["terms"], RM3_GRID["weight"]) \
            if "rm3" in grids else ():
        set_rm3(docs, terms, weight)
        row = grid_row(idx, topics, qrels, depth, {"docs": docs, "terms": terms, "weight": weight}, expand=True,
                       keys=("map", "ndcg10", "p10", "seconds"))
        rm3.append(row)
        log(f"RM3 docs={docs} terms={terms} weight={weight}: OR MAP {row['or']['map']:.4f} "
            f"nDCG@10 {row['or']['ndcg10']:.4f}; fill MAP {row['fill']['map']:.4f}")
    rm = frozen["rm3"]
    set_rm3(rm["docs"], rm["terms"], rm["original_weight"])
    first = {k: v[0] for k, v in PROX_GRID.items()}
    for setting in (dict(zip(PROX_GRID, c)) for c in itertools.product(*PROX_GRID.values())) if "prox" in grids else ():
        if setting["weight"] == 0 and {**setting, "weight": first["weight"]} != first:
            continue  # weight 0 is BM25F order whatever the rest
        set_prox(**setting)
        row = grid_row(idx, topics, qrels, depth, dict(setting), expand=False)
        prox.append(row)
        log(f"proximity {setting}: OR MAP {row['or']['map']:.4f} nDCG@10 {row['or']['ndcg10']:.4f}; "
            f"fill MAP {row['fill']['map']:.4f} nDCG@10 {row['fill']['ndcg10']:.4f}")
    px = frozen["proximity"]
    set_prox(px["weight"], px["ordered_gap"], px["ordered"], px["pool"])
    return {"bm25": bm25, "rm3": rm3, "prox": prox, "lengths": lengths}


def best(rows: list[dict], mode: str) -> dict:
    """The row with the best MAP + nDCG@10 (both are the targets) in a mode."""
    return max(rows, key=lambda r: r[mode]["map"] + r[mode]["ndcg10"])


def best_line(rows: list[dict], mode: str, label: str, params: list[tuple[str, str]]) -> str:
    """A grid's best setting for a mode (MAP + nDCG@10), as one list item of the report."""
    r = best(rows, mode)
    return (f"- best {label}: " + ", ".join(f"{name} {r[k]:g}" for k, name in params)
            + f" → MAP {r[mode]['map']:.4f}, nDCG@10 {r[mode]['ndcg10']:.4f}")


# -- report -------------------------------------------------------------------------------------
def main_table(rows: list[tuple[str, dict]]) -> str:
    lines = ["| system | MAP | nDCG@10 | P@10 | recall@depth | seconds (all queries) |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in rows:
        lines.append(f"| {name} | {r['map']:.3f} | {r['ndcg10']:.3f} | {r['p10']:.3f} | {r['recall']:.3f} "
                     f"| {r['seconds']:.2f} |")
    return "\n".join(lines)


def significance_table(rows: list[dict]) -> str:
    lines = ["| searchkit | against | ΔMAP | p (randomisation) | p (t-test) | topics +/− | ΔnDCG@10 | p (randomisation) "
             "| p (t-test) | topics +/− |", "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        m, n = r["map"], r["ndcg10"]
        lines.append(f"| {r['system']} | {r['anchor']} | {m['delta']:+.3f} | {m['p_random']:.4f} | {m['p_t']:.4f} "
                     f"| {m['wins']}/{m['losses']} | {n['delta']:+.3f} | {n['p_random']:.4f} | {n['p_t']:.4f} "
                     f"| {n['wins']}/{n['losses']} |")
    return "\n".join(lines)


def grid_table(rows: list[dict], params: list[tuple[str, str]], modes: list[tuple[str, str]]) -> str:
    """One line per setting: its parameters (key, label), then MAP, nDCG@10, P@10 of each mode (key, label)."""
    head = [label for _k, label in params] + [f"{label}: {m}" for _k, label in modes for m in ("MAP", "nDCG@10", "P@10")]
    lines = ["| " + " | ".join(head) + " |", "|" + " ---: |" * len(head)]
    for g in rows:
        cells = [f"{g[k]:g}" for k, _label in params]
        cells += [f"{g[k][m]:.4f}" for k, _label in modes for m in ("map", "ndcg10", "p10")]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def topic_table(topics, qrels, results: dict[str, dict]) -> str:
    names = list(results)
    lines = ["| topic | query | relevant | " + " | ".join(f"AP {n}" for n in names) + " |",
             "| --- | --- | ---: | " + " | ".join("---:" for _ in names) + " |"]
    for topic, query in topics:
        cells = " | ".join(f"{results[n]['per_topic'][topic]['ap']:.3f}" for n in names)
        lines.append(f"| {topic} | {query} | {len(qrels[topic])} | {cells} |")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--split", choices=("train", "test", NOT_USED), required=True,
                    help="train: develop and tune; test: the one report with the frozen settings (TEST, TEST-B); "
                         "not-used: TEST-C, the one report on the NOT-USED stories")
    ap.add_argument("--tune", nargs="?", const="bm25,rm3,prox", default="",
                    help="also run grids (TRAIN only): bm25, rm3, prox or all (the default) comma-separated")
    ap.add_argument("--keep-index", metavar="DIR",
                    help="build searchkit's index of the split in DIR, or reuse the one there (it must come from "
                         "the same analyzers: delete it after changing them)")
    ap.add_argument("--stemmer", choices=("porter", "snowball"), help="index-time variant (TRAIN only)")
    ap.add_argument("--shared", help="shared data folder (default $SEARCHKIT_SHARED or <repo>/../shared)")
    ap.add_argument("--queries", action="append", metavar="TSV",
                    help="topic<TAB>query file (repeatable; default bench/queries_relevance.tsv, and for "
                         "--split not-used both files)")
    ap.add_argument("--min-stories", type=int,
                    help="stories a topic needs in the split (default per file: MIN_STORIES, else 10)")
    ap.add_argument("--only", action="store_true", help="TRAIN only: searchkit's rows, no anchors (quicker)")
    ap.add_argument("--depth", type=int, default=1000, help="results ranked per query")
    ap.add_argument("--out", default=str(C.RESULTS))
    args = ap.parse_args()
    default_queries = NOT_USED_QUERIES if args.split == NOT_USED else ("queries_relevance.tsv",)
    queries = [Path(q) for q in args.queries or [str(C.BENCH / name) for name in default_queries]]
    development = bool(args.tune or args.stemmer or args.only or args.min_stories is not None)
    refusal = held_out_refusal(args.split, queries, Path(args.out), development)
    if refusal:
        sys.exit(refusal)
    held_out = args.split != "train"
    stem = results_stem(args.split, queries, f"_{args.stemmer}" if args.stemmer else "")
    if args.stemmer:  # before any analyzer is made
        from searchkit.index import schema

        schema.STEMMER = args.stemmer
    C.require_searchkit()
    started = time.perf_counter()
    log = lambda msg: print(f"[{time.perf_counter() - started:6.1f}s] {msg}", file=sys.stderr, flush=True)  # noqa: E731

    stories, topics, qrels, small = load_split(args.shared, args.split, queries, args.min_stories)
    log(f"{len(stories):,} {split_label(args.split)} stories, {len(topics)} topics"
        + (f"; left out (too few stories): {small}" if small else ""))
    frozen = frozen_settings()
    tmp = Path(tempfile.mkdtemp(prefix="searchkit-relevance-"))
    try:
        from searchkit.api import Index

        t = time.perf_counter()
        idx = Index(Path(args.keep_index) if args.keep_index else tmp / "searchkit")
        if not idx.exists():
            idx.add_articles(stories)
        build_s = time.perf_counter() - t
        log(f"searchkit index: {build_s:.1f} s")
        runs = {name: searchkit_run(idx, **opts) for name, opts in SEARCHKIT.items()}
        anchors = {} if args.only else anchor_runs([C.as_story(a) for a in stories], frozen["title_boost"])
        log("anchors built" if anchors else "no anchors (--only)")
        results = {}
        for name, run in {**runs, **anchors}.items():
            results[name] = evaluate(run, topics, qrels, args.depth)
            log(f"{name}: MAP {results[name]['map']:.4f} nDCG@10 {results[name]['ndcg10']:.4f} "
                f"P@10 {results[name]['p10']:.3f}")
        tests = significance(results, HEADLINE, list(anchors))
        for name, plain in zip(HEADLINE, NO_PROXIMITY):  # the proximity stage against BM25F order
            tests += significance(results, [name], [plain])
        grids = tune(idx, topics, qrels, args.depth, log, args.tune) if args.tune else {}
        idx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    res = {"when": when, "split": args.split, "stories": len(stories), "topics": len(topics), "depth": args.depth,
           "left_out": small, "settings": frozen, "searchkit_build_s": build_s, "provenance": C.provenance(),
           "systems": results, "significance": tests, "grids": grids}
    anchor_names = list(anchors)
    sources = ", ".join(f"bench/{q.name}" for q in queries)
    md = [
        f"# searchkit relevance — Reuters-21578 {split_label(args.split)} split ({len(stories):,} stories, "
        f"{len(topics)} topics)",
        "",
        f"Run {when}, searchkit at {res['provenance']['git_head']}"
        + (" (uncommitted changes)" if res["provenance"]["dirty"] else "") + ". "
        + (f"The one {split_label(args.split)} run: every setting below was chosen on the TRAIN split and frozen in "
           "code before it. " if held_out else "TRAIN split: what the settings are tuned on. ")
        + f"Judgments: a {split_label(args.split)} story is relevant to a query when it carries the topic (TOPICS); "
        f"one hand-written query per topic from its description ({sources}), parsed once "
        f"into a SearchRequest and translated for every engine; top {args.depth} ranked; binary relevance.",
        "",
        f"searchkit settings (frozen in code): title boost {frozen['title_boost']:g}, body 1, BM25F K1 "
        f"{frozen['k1']:g}, B {frozen['b']:g} (title B {frozen['title_b']:g}); RM3 {frozen['rm3']['docs']} "
        f"feedback stories, {frozen['rm3']['terms']} words, original query weight {frozen['rm3']['original_weight']:g} "
        f"(words in at most {frozen['rm3']['max_share']:.0%} of stories); RM3 by default with `--any`: "
        f"{'yes' if frozen['expand_any'] else 'no'}; stemmer {frozen['stemmer']}; proximity re-rank of the best "
        f"{frozen['proximity']['pool']} (search/proximity.py): weight {frozen['proximity']['weight']:g}, window "
        f"{frozen['proximity']['window']}, ordered gap {frozen['proximity']['ordered_gap']}, ordered share "
        f"{frozen['proximity']['ordered']:g}.",
        "",
        *([TEST_C_NOTE.format(stories=len(stories), topics=len(topics), left_out=", ".join(
            f"{t} {n}" for t, n in small) or "none"), ""] if args.split == NOT_USED else []),
        main_table(list(results.items())),
        "",
        "- searchkit's OR is a plain sum of BM25F scores: its Whoosh `Or` has no coordination factor "
        "(the 0.9 factor of Whoosh's `OrGroup` is not used).",
        "- 'all words, page filled': stories with all the words first, then the best stories with some "
        "of them (what a page of `searchkit query` shows when all the words find less than a page; here a "
        f"page is {args.depth}). `--strict` turns that off.",
        "- 'folded' is `searchkit query`'s default: near-duplicate wire copies fold under the best story of "
        "their cluster and leave the ranking, which costs recall when the copies are relevant.",
        "- The anchors score with BM25 (K1 1.2, B 0.75, fixed in both): once with searchkit's field weights "
        f"(title {frozen['title_boost']:g}, body 1: tantivy `field_boosts`, FTS5 `bm25()` column weights) and "
        "once with their defaults (no boosts; `bm25(docs)`).",
        "",
        "## Paired significance over topics",
        "",
        "Per-topic AP and nDCG@10 of searchkit against each anchor run: two-sided randomisation test "
        "(100,000 random sign flips of the per-topic differences, seed 20261125) and paired t-test "
        f"({len(topics) - 1} degrees of freedom); topics +/− = topics where searchkit is above/below.",
        "",
        significance_table(tests),
    ]
    if grids.get("bm25"):
        b_or, b_fill = best(grids["bm25"], "or"), best(grids["bm25"], "fill")
        md += ["", "## Tuning grid: BM25F (TRAIN; no feedback, no folding; title B = B)", "",
               grid_table(grids["bm25"], [("title", "title boost"), ("k1", "K1"), ("b", "B")],
                          [("or", "--any"), ("fill", "default")]), "",
               f"- best OR (MAP + nDCG@10): title {b_or['title']:g}, K1 {b_or['k1']:g}, B {b_or['b']:g} → "
               f"MAP {b_or['or']['map']:.4f}, nDCG@10 {b_or['or']['ndcg10']:.4f}",
               f"- best default (fill): title {b_fill['title']:g}, K1 {b_fill['k1']:g}, B {b_fill['b']:g} → "
               f"MAP {b_fill['fill']['map']:.4f}, nDCG@10 {b_fill['fill']['ndcg10']:.4f}"]
    if grids.get("lengths"):
        params = [("b", "body B"), ("title_b", "title B"), ("k1", "K1")]
        md += ["", "## Tuning grid: length normalisation (TRAIN; frozen title boost, feedback and proximity as "
               "shipped, no folding)", "", grid_table(grids["lengths"], params, [("or", "--any"), ("fill", "default")]),
               "", *(best_line(grids["lengths"], mode, label, params) for mode, label in (("or", "--any"),
                                                                                        ("fill", "default")))]
    if grids.get("rm3"):
        r_or, r_fill = best(grids["rm3"], "or"), best(grids["rm3"], "fill")
        md += ["", "## Tuning grid: RM3 (TRAIN; the frozen BM25F settings, no folding)", "",
               grid_table(grids["rm3"], [("docs", "feedback stories"), ("terms", "words"), ("weight", "original weight")],
                          [("or", "--any --expand"), ("fill", "--expand")]), "",
               f"- best --any: {r_or['docs']} stories, {r_or['terms']} words, weight {r_or['weight']:g} → "
               f"MAP {r_or['or']['map']:.4f}, nDCG@10 {r_or['or']['ndcg10']:.4f}",
               f"- best --expand with all words: {r_fill['docs']} stories, {r_fill['terms']} words, weight "
               f"{r_fill['weight']:g} → MAP {r_fill['fill']['map']:.4f}, nDCG@10 {r_fill['fill']['ndcg10']:.4f}"]
    if grids.get("prox"):
        p_or, p_fill = best(grids["prox"], "or"), best(grids["prox"], "fill")
        md += ["", "## Tuning grid: proximity re-rank (TRAIN; the frozen BM25F settings, no feedback, no folding)", "",
               grid_table(grids["prox"], [("weight", "weight"), ("gap", "ordered gap"), ("ordered", "ordered share"),
                                          ("pool", "pool")], [("or", "--any"), ("fill", "default")]), "",
               f"- best --any: weight {p_or['weight']:g}, gap {p_or['gap']}, ordered {p_or['ordered']:g}, pool "
               f"{p_or['pool']} → MAP {p_or['or']['map']:.4f}, nDCG@10 {p_or['or']['ndcg10']:.4f}",
               f"- best default: weight {p_fill['weight']:g}, gap {p_fill['gap']}, ordered {p_fill['ordered']:g}, "
               f"pool {p_fill['pool']} → MAP {p_fill['fill']['map']:.4f}, nDCG@10 {p_fill['fill']['ndcg10']:.4f}"]
    shown = {k: results[k] for k in [*HEADLINE, *anchor_names[0:3:2]]}
    md += ["", "## Average precision per topic", "", topic_table(topics, qrels, shown)]
    text = "\n".join(md) + "\n"
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.md").write_text(text, encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    log(f"done; wrote {out / (stem + '.md')} and .json")


if __name__ == "__main__":
    main()
