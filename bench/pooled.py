#!/usr/bin/env python
"""TEST-D/E/F: searchkit's ranking judged by people on pooled results (PolNeAR; the Reuters TEST split).

    python bench/pooled.py pool --topics bench/pooled/polnear_topics.tsv --packets /some/dir/outside/the/repo
    python bench/pooled.py score --qrels bench/pooled/qrels_polnear.tsv
    python bench/pooled.py pool --set F --topics bench/pooled/reuters_topics_f.tsv --packets /some/dir/outside

Why: Reuters-21578's TRAIN/TEST/TEST-B/TEST-C (bench/relevance.py) are spent, and topic labels are not
relevance judgments. TEST-D is a new text (US election news, 2015-2016: PolNeAR train + dev) and new
topics (bench/pooled/polnear_topics.tsv: `id<TAB>query<TAB>description<TAB>narrative`, D01..D50), judged by hand.

`pool` reads the articles with searchkit's own reader (the two text folders, metadata.tsv as the sidecar
table: the title is the table's, the story key the file name's stem). A PolNeAR file's title (its first
line, with a full stop added; two lines in some New York Times files) is the table's title again, so
the reader leaves it out of the body (every engine indexes the same title and body, the title once). searchkit indexes the stories in a temporary index (`Index.add_articles`, with extraction) and the
anchors are built as bench/relevance.py builds them (tantivy and SQLite FTS5, OR and AND, searchkit's
title weight and their defaults); searchkit --any, the default, --any --no-expand and --strict (SEARCHKIT)
and the 8 anchor runs rank their top 1000 for each topic's query (parsed once, translated for the anchors).
Writes bench/pooled/runs_polnear.json.gz (topic -> system -> ranked keys, with provenance) and
bench/pooled/pool_polnear.json: per topic, the union of the top `--depth-pool` (15) of the POOLED
systems (the OR/--any and default runs; the AND and --strict runs rank subsets of their matches).
Pool sizes at depths 10, 15 and 20 are printed, to choose the depth.
Judge packets go to `--packets DIR`, which must lie outside the repository (they hold article text):
the topics split over `--judges` (5) packets with about as many documents each, packet_N.md with each
topic's query, description and narrative and its pooled documents in a seeded random order (nothing says
which system found them), and judgments_N.tsv, `topic<TAB>key<TAB>grade` with the grade blank, to fill in with
0 (not relevant), 1 (relevant) or 2 (highly relevant).

`tune` (development: TEST-D is spent) indexes the articles once and scores searchkit --any and the default
under each setting of bench/relevance.py's LENGTH_GRID (body B x title B x K1) against the graded judgments,
beside the frozen settings and the anchors' saved runs. A setting's results outside the pool count as not
relevant, so each row gives judged@10 and nDCG@10 over judged documents only (unjudged ones dropped from
the ranking) as a check. Writes bench/results/relevance_d_tune.md/.json.

TEST-E (`--set E`) is 50 other topics on the same 924 articles (bench/pooled/*_polnear_e.*). TEST-F (`--set F`)
is 50 topics (F01..F50, bench/pooled/reuters_topics_f.tsv) on another collection: the Reuters-21578 TEST split,
every story with LEWISSPLIT="TEST" (6,188, title-only stories included) read as bench/relevance.py's
load_split(..., "test", ...) reads it (its topic labels are not used); files bench/pooled/*_reuters_f.*,
report bench/results/relevance_f.md. A judge sees a wire story's title, dateline and text. `pool` stops
when a topic's id is not of the set (its files would be overwritten), and `tune` refuses a set not yet scored (TUNABLE: D to M are spent).

`combine --set I --set J` pools scored sets' per-topic AP and nDCG@10 differences, each set against its own
better anchor (the OR run best on that measure), into one randomisation test.

`score` reads the grades (`--qrels`, repeatable: the filled judgments_N.tsv files may be given as they
are) and refuses while a pooled document has none. Per system: MAP (relevant = grade >= 1, unjudged =
not relevant, AP over the topic's known relevant documents), nDCG@10 with gain = grade and the ideal from
every judged document of the topic, P@10, recall at 1000, and the share of its top 10 that was judged.
Topics without a relevant document are left out and listed. searchkit --any and the default are tested
against every anchor run with bench/relevance.py's paired randomisation test and t-test. Writes
bench/results/relevance_d.md/.json once: `score` refuses when relevance_d.md exists; `--development`
writes relevance_d_development.md/.json instead (tests, dry runs on made-up grades).
"""
from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, NamedTuple

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
import _metrics as M  # noqa: E402
import relevance as R  # noqa: E402

POOLED_DIR = C.BENCH / "pooled"


class PooledSet(NamedTuple):
    """A pooled test set: its files' name part under bench/pooled/, its collection, its topics file."""

    files: str
    collection: str
    topics: str
    anchor_title: float = 0.75  # the anchors' title weight beside their defaults (ANCHOR_TITLE)


# TEST-E is 50 other topics on TEST-D's stories, TEST-F 50 topics on the Reuters-21578 TEST split,
# TEST-G 50 on the TRAIN split, TEST-H 50 more on PolNeAR; TEST-I 50 on the whole Reuters collection and TEST-J
# 50 more on PolNeAR, written before the ninth ranking round was frozen; TEST-K 100 more on the whole Reuters
# collection, written before the tenth round was frozen; TEST-L 50 more on PolNeAR and TEST-M 50 more on the whole
# Reuters collection, written before the eleventh round was frozen.
SETS = {"D": PooledSet("polnear", "polnear", "polnear_topics.tsv"),
        "E": PooledSet("polnear_e", "polnear", "polnear_topics_e.tsv"),
        "F": PooledSet("reuters_f", "reuters-test", "reuters_topics_f.tsv"),
        "G": PooledSet("reuters_g", "reuters-train", "reuters_topics_g.tsv"),
        "H": PooledSet("polnear_h", "polnear", "polnear_topics_h.tsv"),
        "I": PooledSet("reuters_i", "reuters-all", "reuters_topics_i.tsv", 1.5),
        "J": PooledSet("polnear_j", "polnear", "polnear_topics_j.tsv", 1.5),
        "K": PooledSet("reuters_k", "reuters-all", "reuters_topics_k.tsv", 1.5),
        "L": PooledSet("polnear_l", "polnear", "polnear_topics_l.tsv", 1.5),
        "M": PooledSet("reuters_m", "reuters-all", "reuters_topics_m.tsv", 1.5)}
TUNABLE = ("D", "E", "F", "G", "H", "I", "J", "K", "L", "M")  # `tune` is development work: only on a spent set's judgments (each scored once)
RUNS = POOLED_DIR / "runs_{}.json.gz"  # every system's top 1000 for every topic: 1.6 MB gzipped
POOL = POOLED_DIR / "pool_{}.json"
QRELS = POOLED_DIR / "qrels_{}.tsv"
STEM = "relevance_{}"
DEPTH = 1000
SIZES_AT = (10, 15, 20)  # pool depths whose sizes `pool` prints
PACKET_SEED = 20261126
MAX_CHARS = 6000  # article text shown to a judge
TOPIC_HEADER = ["id", "query", "description", "narrative"]
QRELS_HEADER = ["topic", "key", "grade"]
GRADES = (0, 1, 2)

SK_ANY, SK_DEFAULT = R.HEADLINE
SK_NO_EXPAND = "searchkit --any --no-expand (plain BM25F), no folding"
SK_STRICT = "searchkit --strict: all words only, no folding"
SEARCHKIT = (SK_ANY, SK_DEFAULT, SK_NO_EXPAND, SK_STRICT)  # names (and options) from bench/relevance.py
# The anchors' title weight beside their defaults: searchkit's per-field title boost until fielded BM25F (TEST-D
# to TEST-H were pooled with it; searchkit's title counted as its body, 1, for G and H); searchkit's title weighs
# 1.5 from the ninth ranking round, and so do the anchors' for TEST-I and J (PooledSet.anchor_title).
ANCHOR_TITLE = 0.75


def pooled_systems(title: float = ANCHOR_TITLE) -> tuple[str, ...]:
    """The runs whose top `--depth-pool` make the pool (bench/relevance.py names the anchor runs; `pool` stops if
    one was not run): searchkit's OR/any and default runs, the anchors' OR runs with `title` and their defaults."""
    return (SK_ANY, SK_DEFAULT, SK_NO_EXPAND, f"tantivy OR, title {title:g}", "tantivy OR, default weights",
            f"SQLite FTS5 OR, title {title:g}", "SQLite FTS5 OR, default bm25()")


POOLED = pooled_systems()


class Topic(NamedTuple):
    """One topic as written for the judges: the query every system runs, and what counts as relevant."""

    id: str
    query: str
    description: str
    narrative: str


# -- input ---------------------------------------------------------------------------------------
def read_topics(path: Path) -> list[Topic]:
    """The topics file: a `id<TAB>query<TAB>description<TAB>narrative` header, then one topic a line."""
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    if not rows or [c.strip() for c in rows[0]] != TOPIC_HEADER:
        sys.exit(f"{path}: the first line must be the header {' / '.join(TOPIC_HEADER)} (tab-separated)")
    topics = []
    for n, row in enumerate(rows[1:], start=2):
        if len(row) != len(TOPIC_HEADER) or not row[0].strip() or not row[1].strip():
            sys.exit(f"{path} line {n}: {len(TOPIC_HEADER)} tab-separated cells wanted, with an id and a query")
        topics.append(Topic(*(c.strip() for c in row)))
    if len({t.id for t in topics}) != len(topics):
        sys.exit(f"{path}: a topic id is used twice")
    return topics


def polnear_articles(shared: str | None) -> list:
    """The PolNeAR train and dev stories as searchkit reads them with metadata.tsv (the title once)."""
    base = C.shared_dir(shared) / "corpora" / "polnear"
    folders = [base / "train" / "text", base / "dev" / "text"]
    if not all(f.is_dir() for f in folders):
        sys.exit(f"no PolNeAR text folders under {base}; use --shared DIR")
    articles, _left = C.load_articles(folders, metadata=[base / "metadata.tsv"])
    for a in articles:
        if a.id != Path(a.path).stem:
            sys.exit(f"{a.path}: read as story {a.id!r}, not its file name's stem")
        if a.body.startswith(a.title.rstrip(".")[:40]):
            sys.exit(f"{a.path}: the body still opens with the title")
    if len({a.id for a in articles}) != len(articles):
        sys.exit("two PolNeAR stories have the same key")
    return articles


def reuters_split_articles(shared: str | None, split: str) -> list:
    """A Reuters-21578 split (LEWISSPLIT, title-only stories too), read as relevance.py reads it."""
    stories, _topics, _relevant, _small = R.load_split(shared, split, [])
    if len({a.id for a in stories}) != len(stories):
        sys.exit(f"two Reuters {split.upper()} stories have the same key")
    return stories


def reuters_test_articles(shared: str | None) -> list:
    """The Reuters-21578 TEST split (TEST-F's stories)."""
    return reuters_split_articles(shared, "test")


def reuters_train_articles(shared: str | None) -> list:
    """The Reuters-21578 TRAIN split (TEST-G's stories)."""
    return reuters_split_articles(shared, "train")


def reuters_all_articles(shared: str | None) -> list:
    """Every Reuters-21578 story (TRAIN, TEST and NOT-USED, title-only ones too): TEST-I's stories."""
    articles, _ = C.load_articles(C.reuters_files(C.shared_dir(shared)))
    if len({a.id for a in articles}) != len(articles):
        sys.exit("two Reuters stories have the same key")
    return articles


def polnear_packet_text(article) -> tuple[str, str]:
    """(title, text) a judge reads of a PolNeAR article: the body as indexed."""
    return article.title, article.body


def reuters_packet_text(article) -> tuple[str, str]:
    """(title, text) a judge reads of a wire story: its dateline, then the body (or a note that there is none)."""
    body = article.body.strip() or "(No text: the story is its title only.)"
    return article.title, f"*{article.dateline}*\n\n{body}" if article.dateline else body


class Collection(NamedTuple):
    """What a test set's stories are: how to read them, show them to a judge and describe them in a report."""

    label: str
    read: Callable[[str | None], list]
    packet_text: Callable[..., tuple[str, str]]
    description: str


COLLECTIONS = {
    "polnear": Collection(
        "PolNeAR", polnear_articles, polnear_packet_text,
        "PolNeAR articles (train and dev: US election news, 2015-2016) read with searchkit's reader, metadata.tsv "
        "giving the title (the title line taken off the body, for every engine)"),
    "reuters-test": Collection(
        "Reuters-21578 TEST", reuters_test_articles, reuters_packet_text,
        "Reuters-21578 stories of the TEST split (LEWISSPLIT=\"TEST\", title-only stories included; wire copy, "
        "1987) read with searchkit's reader as bench/relevance.py reads that split"),
    "reuters-train": Collection(
        "Reuters-21578 TRAIN", reuters_train_articles, reuters_packet_text,
        "Reuters-21578 stories of the TRAIN split (LEWISSPLIT=\"TRAIN\", title-only stories included; wire copy, "
        "1987) read with searchkit's reader as bench/relevance.py reads that split"),
    "reuters-all": Collection(
        "Reuters-21578", reuters_all_articles, reuters_packet_text,
        "every Reuters-21578 story (all LEWISSPLIT parts, title-only stories included; wire copy, 1987) read with "
        "searchkit's reader"),
}


def collection(test_set: str) -> Collection:
    """The collection a test set's topics are run on."""
    return COLLECTIONS[SETS[test_set].collection]


def set_files(test_set: str) -> dict[str, Path]:
    """A test set's default runs, pool and judgment files under bench/pooled/."""
    name = SETS[test_set].files
    return {"runs": Path(str(RUNS).format(name)), "pool": Path(str(POOL).format(name)),
            "qrels": Path(str(QRELS).format(name))}


def check_topic_ids(topics: list[Topic], test_set: str) -> None:
    """Stop when a topic's id is not of the set (e.g. TEST-D's topics run as TEST-F, overwriting F's files)."""
    foreign = [t.id for t in topics if not t.id.startswith(test_set)]
    if foreign:
        sys.exit(f"--set {test_set}: topic ids {', '.join(foreign[:5])} are not TEST-{test_set}'s ({test_set}01...)")


# -- runs and pool ----------------------------------------------------------------------------------
def run_systems(articles: list, topics: list[Topic], depth: int, log: Callable[[str], None],
                anchor_title: float = ANCHOR_TITLE) -> tuple[dict, dict, dict]:
    """({topic: {system: ranked keys}}, {system: seconds}, frozen settings), every system on the same stories."""
    from searchkit.api import Index

    frozen = R.frozen_settings()
    tmp = Path(tempfile.mkdtemp(prefix="searchkit-pooled-"))
    try:
        t = time.perf_counter()
        idx = Index(tmp / "searchkit")
        idx.add_articles(articles)
        log(f"searchkit index: {time.perf_counter() - t:.1f} s")
        systems = {name: R.searchkit_run(idx, **R.SEARCHKIT[name]) for name in SEARCHKIT}
        systems.update(R.anchor_runs([C.as_story(a) for a in articles], anchor_title))
        log("anchors built")
        missing = [name for name in pooled_systems(anchor_title) if name not in systems]
        if missing:
            sys.exit(f"POOLED names systems that were not run: {missing}")
        runs: dict = {t.id: {} for t in topics}
        seconds = {}
        for name, run in systems.items():
            t = time.perf_counter()
            for topic in topics:
                try:
                    runs[topic.id][name] = list(dict.fromkeys(run(topic.query, depth)))[:depth]
                except ValueError as exc:
                    sys.exit(f"{topic.id} {topic.query!r}: {name} cannot run it: {exc}")
            seconds[name] = time.perf_counter() - t
            log(f"{name}: {seconds[name]:.2f} s")
        idx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return runs, seconds, frozen


def make_pool(runs: dict, depth: int, systems: tuple[str, ...] = POOLED) -> dict[str, list[str]]:
    """Per topic, the sorted union of the top `depth` keys of each pooled system."""
    return {topic: sorted({k for name in systems for k in by_system[name][:depth]})
            for topic, by_system in runs.items()}


def sizes_table(runs: dict, depths: tuple[int, ...] = SIZES_AT, systems: tuple[str, ...] = POOLED) -> str:
    """Pool size per topic at each depth, and the totals (judging time at 300 documents an hour)."""
    pools = {d: make_pool(runs, d, systems) for d in depths}
    lines = ["| topic | " + " | ".join(f"depth {d}" for d in depths) + " |", "| --- |" + " ---: |" * len(depths)]
    for topic in runs:
        lines.append(f"| {topic} | " + " | ".join(str(len(pools[d][topic])) for d in depths) + " |")
    totals = [sum(len(v) for v in pools[d].values()) for d in depths]
    lines.append("| total | " + " | ".join(f"{n:,} ({n / 300:.1f} h)" for n in totals) + " |")
    return "\n".join(lines)


# -- packets ----------------------------------------------------------------------------------------
def split_topics(sizes: dict[str, int], judges: int) -> list[list[str]]:
    """Topics over `judges` packets with about as many documents each (largest topic to the lightest packet)."""
    packets: list[list[str]] = [[] for _ in range(min(judges, len(sizes)))]
    load = [0] * len(packets)
    for topic in sorted(sizes, key=lambda t: (-sizes[t], t)):
        lightest = min(range(len(packets)), key=lambda i: (load[i], i))
        packets[lightest].append(topic)
        load[lightest] += sizes[topic]
    return [sorted(p) for p in packets]


def judging_order(topic: str, keys: list[str], seed: int = PACKET_SEED) -> list[str]:
    """A topic's pooled keys in a random order fixed by the seed and topic (no system's order shows through)."""
    order = sorted(keys)
    random.Random(f"{seed}:{topic}").shuffle(order)
    return order


def shown_text(text: str, limit: int = MAX_CHARS) -> str:
    """The text a judge reads: whole up to the limit (most stories), else its start and a mark."""
    return text if len(text) <= limit else text[:limit].rstrip() + " […truncated]"


def write_packets(topics: list[Topic], pool: dict[str, list[str]], texts: dict[str, tuple[str, str]], folder: Path,
                  judges: int, seed: int = PACKET_SEED) -> list[Path]:
    """packet_N.md (topics, then their pooled stories: key, title, text) and judgments_N.tsv (grades blank)."""
    folder.mkdir(parents=True, exist_ok=True)
    by_id = {t.id: t for t in topics}
    groups = split_topics({t.id: len(pool[t.id]) for t in topics}, judges)
    written = []
    for n, group in enumerate(groups, start=1):
        documents = sum(len(pool[t]) for t in group)
        md = [f"# Relevance judgments: packet {n} of {len(groups)}", "",
              f"{len(group)} topics, {documents} documents. Read each topic's description and narrative, then grade "
              f"every document under it in judgments_{n}.tsv (one row per topic and document is there, the grade "
              "left blank): 2 = highly relevant, 1 = relevant, 0 = not relevant, as the narrative defines them. "
              "Judge each document on its own; their order is random.", ""]
        rows = ["\t".join(QRELS_HEADER)]
        for topic_id in group:
            topic = by_id[topic_id]
            md += [f"## {topic.id}: {topic.query}", "", f"**Description:** {topic.description}", "",
                   f"**Narrative:** {topic.narrative}", ""]
            for key in judging_order(topic.id, pool[topic.id], seed):
                title, text = texts[key]
                md += [f"### {topic.id} {key}", "", f"**{title}**", "", shown_text(text), ""]
                rows.append(f"{topic.id}\t{key}\t")
        packet, sheet = folder / f"packet_{n}.md", folder / f"judgments_{n}.tsv"
        packet.write_text("\n".join(md), encoding="utf-8")
        sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
        written += [packet, sheet]
    return written


def write_runs(path: Path, data: dict) -> None:
    """The runs file, gzipped when its name ends in .gz (50 topics x 12 systems x 1000 keys is 8 MB as text)."""
    text = json.dumps(data, separators=(",", ":"), default=str).encode("utf-8")
    path.write_bytes(gzip.compress(text, 9, mtime=0) if path.suffix == ".gz" else text)


def read_runs(path: Path) -> dict:
    """A runs file written by write_runs."""
    raw = path.read_bytes()
    return json.loads(gzip.decompress(raw) if path.suffix == ".gz" else raw)


def inside_repo(folder: Path) -> bool:
    """Whether a folder lies in the repository, where article text must never be written."""
    folder = folder.resolve()
    return folder == C.REPO or C.REPO in folder.parents


def pool(args: argparse.Namespace) -> None:
    """Run every system, save the runs and the pool, write the judges' packets."""
    packets = Path(args.packets)
    if inside_repo(packets):
        sys.exit(f"--packets {packets}: the packets hold article text and must be written outside the repository")
    topics = read_topics(Path(args.topics))
    check_topic_ids(topics, args.set)
    C.require_searchkit()
    started = time.perf_counter()
    log = lambda msg: print(f"[{time.perf_counter() - started:6.1f}s] {msg}", file=sys.stderr, flush=True)  # noqa: E731
    stories = collection(args.set)
    articles = stories.read(args.shared)
    log(f"{len(articles)} {stories.label} stories, {len(topics)} topics")
    others = [read_runs(Path(extra)) for extra in args.union or ()]  # another code version's runs join the pool
    for extra, other in zip(args.union or (), others):
        if other.get("stories", len(articles)) != len(articles) or not set(other["runs"]) <= {t.id for t in topics}:
            sys.exit(f"--union {extra}: its runs are not on these {len(articles)} stories and topics")
    systems = pooled_systems(SETS[args.set].anchor_title)
    runs, seconds, frozen = run_systems(articles, topics, args.depth, log, SETS[args.set].anchor_title)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    provenance = C.provenance()
    Path(args.runs).parent.mkdir(parents=True, exist_ok=True)
    write_runs(Path(args.runs), {
        "when": when, "provenance": provenance, "settings": frozen, "topics_file": args.topics,
        "set": args.set, "collection": SETS[args.set].collection, "stories": len(articles), "depth": args.depth,
        "systems": list(seconds), "seconds": seconds, "topics": {t.id: t.query for t in topics}, "runs": runs})
    pooled = make_pool(runs, args.depth_pool, systems)
    for other in others:  # e.g. a candidate not yet frozen: its pooled systems' top documents are judged too
        theirs = make_pool(other["runs"], args.depth_pool, systems)
        pooled = {t: sorted({*keys, *theirs.get(t, ())}) for t, keys in pooled.items()}
    Path(args.pool).write_text(json.dumps({
        "when": when, "git_head": provenance["git_head"], "runs_file": args.runs, "depth_pool": args.depth_pool,
        "systems": list(systems), "union": args.union or [], "judges": args.judges, "documents": sum(len(v) for v in pooled.values()),
        "pool": pooled}, indent=1), encoding="utf-8")
    texts = {a.id: stories.packet_text(a) for a in articles}
    written = write_packets(topics, pooled, texts, packets, args.judges)
    depths = tuple(sorted({*SIZES_AT, args.depth_pool}))
    print(f"Pool sizes (union of the top N of {len(systems)} systems):\n\n{sizes_table(runs, depths, systems)}\n")
    print(f"depth {args.depth_pool}: {sum(len(v) for v in pooled.values()):,} documents over {len(pooled)} topics")
    for path in written:
        if path.suffix == ".tsv":
            print(f"{path}: {len(path.read_text(encoding='utf-8').splitlines()) - 1} documents to judge")
    log(f"done; wrote {args.runs}, {args.pool} and {len(written)} files in {packets}")


# -- scoring ------------------------------------------------------------------------------------------
def read_qrels(paths: list[Path]) -> dict[str, dict[str, int]]:
    """topic -> key -> grade from `topic<TAB>key<TAB>grade` files; a blank grade is no judgment, a bad or
    conflicting one stops the run."""
    qrels: dict[str, dict[str, int]] = {}
    for path in paths:
        lines = path.read_text(encoding="utf-8").splitlines()
        if not lines or lines[0].split("\t") != QRELS_HEADER:
            sys.exit(f"{path}: the first line must be the header {' / '.join(QRELS_HEADER)} (tab-separated)")
        for n, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            cells = [c.strip() for c in line.split("\t")]
            if len(cells) == 2:
                cells.append("")
            if len(cells) != 3 or not cells[0] or not cells[1]:
                sys.exit(f"{path} line {n}: topic, key and grade wanted, tab-separated")
            topic, key, grade = cells
            if not grade:
                continue
            if grade not in {str(g) for g in GRADES}:
                sys.exit(f"{path} line {n}: grade {grade!r} is not one of {', '.join(map(str, GRADES))}")
            earlier = qrels.setdefault(topic, {}).get(key)
            if earlier is not None and earlier != int(grade):
                sys.exit(f"{path} line {n}: {topic} {key} graded {grade} here and {earlier} before")
            qrels[topic][key] = int(grade)
    return qrels


def missing_judgments(pooled: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> list[tuple[str, str]]:
    """(topic, key) of every pooled story without a grade: scores need the whole pool judged."""
    return [(topic, key) for topic, keys in pooled.items() for key in keys if key not in qrels.get(topic, {})]


def score_runs(runs: dict, qrels: dict[str, dict[str, int]], systems: list[str]) -> tuple[dict, list[str]]:
    """({system: means and per-topic figures}, topics left out for having no relevant document)."""
    kept = [t for t in runs if any(g >= 1 for g in qrels.get(t, {}).values())]
    dropped = [t for t in runs if t not in kept]
    results = {}
    for name in systems:
        per = {t: M.graded_per_topic(runs[t][name], qrels[t]) for t in kept}
        results[name] = {**M.means(per), "judged10": sum(v["judged10"] for v in per.values()) / len(per),
                         "per_topic": per}
    return results, dropped


def refusal(out: Path, development: bool, test: str = "D") -> str | None:
    """Why `score` may not write its report (None: it may): each test set is reported once."""
    stem = STEM.format(test.lower())
    report = out / f"{stem}.md"
    if not development and report.exists():
        return f"{report} exists: TEST-{test} is reported once (--development writes {stem}_development.md)"
    return None


def main_table(results: dict, pooled: list[str]) -> str:
    """Every system's means, the pooled ones marked (with a pool depth of 10 or more their judged@10 is 1)."""
    lines = ["| system | MAP | nDCG@10 (graded) | P@10 | recall@1000 | judged@10 |",
             "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, r in results.items():
        lines.append(f"| {name}{' (pooled)' if name in pooled else ''} | {r['map']:.3f} | {r['ndcg10']:.3f} "
                     f"| {r['p10']:.3f} | {r['recall']:.3f} | {r['judged10']:.3f} |")
    return "\n".join(lines)


def topic_table(topics: dict[str, str], qrels: dict, results: dict, shown: list[str]) -> str:
    """Per topic: its judgments and the AP / nDCG@10 of a few systems, to see where they differ."""
    lines = ["| topic | query | judged | relevant (grade 2) | " + " | ".join(f"AP / nDCG@10 {n}" for n in shown) + " |",
             "| --- | --- | ---: | ---: | " + " | ".join("---:" for _ in shown) + " |"]
    for topic in results[shown[0]]["per_topic"]:
        grades = qrels[topic].values()
        figures = [results[n]["per_topic"][topic] for n in shown]
        cells = " | ".join(f"{f['ap']:.3f} / {f['ndcg10']:.3f}" for f in figures)
        lines.append(f"| {topic} | {topics[topic]} | {len(grades)} | {sum(g >= 1 for g in grades)} "
                     f"({sum(g == 2 for g in grades)}) | {cells} |")
    return "\n".join(lines)


def _kappa(pairs: list[tuple[int, int]]) -> float:
    """Cohen's kappa of two judges' labels on the same items."""
    observed = sum(a == b for a, b in pairs) / len(pairs)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    chance = sum(first[c] * second[c] for c in first) / len(pairs) ** 2
    return (observed - chance) / (1 - chance) if chance < 1 else 1.0


def agreement(first: dict[str, dict[str, int]], second: dict[str, dict[str, int]]) -> dict:
    """How far a second judge's grades agree with the first's, on the pairs both graded."""
    pairs = [(first[t][k], g) for t, grades in second.items() for k, g in grades.items() if k in first.get(t, {})]
    if not pairs:
        return {"pairs": 0}
    binary = [(a > 0, b > 0) for a, b in pairs]
    return {"pairs": len(pairs), "topics": len(second), "exact": sum(a == b for a, b in pairs) / len(pairs),
            "kappa": _kappa(pairs), "relevant_agree": sum(a == b for a, b in binary) / len(binary),
            "relevant_kappa": _kappa(binary), "table": {f"{a}->{b}": n for (a, b), n in sorted(Counter(pairs).items())}}


def agreement_text(agreed: dict) -> str:
    """One paragraph on the second judgments."""
    if not agreed.get("pairs"):
        return "No second judgments."
    cells = ", ".join(f"{k} {v}" for k, v in agreed["table"].items())
    return (f"A second judge graded {agreed['pairs']} pooled pairs of {agreed['topics']} topics again without seeing "
            f"the first grades: same grade {agreed['exact']:.3f} (Cohen's kappa {agreed['kappa']:.3f}); same call on "
            f"relevant or not {agreed['relevant_agree']:.3f} (kappa {agreed['relevant_kappa']:.3f}). First -> second: "
            f"{cells}. The judges are sessions of one kind reading the same narratives, so this is an upper bound "
            "on how far people would agree; the figures above use the first grades only.")


def score(args: argparse.Namespace) -> None:
    """Score every run against the graded judgments; write the TEST-D report."""
    out = Path(args.out)
    stop = refusal(out, args.development, args.set)
    if stop:
        sys.exit(stop)
    runs_file = read_runs(Path(args.runs))
    pool_file = json.loads(Path(args.pool).read_text(encoding="utf-8"))
    qrels = read_qrels([Path(q) for q in args.qrels])
    missing = missing_judgments(pool_file["pool"], qrels)
    if missing:
        listed = "\n".join(f"{t}\t{k}" for t, k in missing)
        sys.exit(f"{len(missing)} pooled documents have no grade (0, 1 or 2) in {', '.join(args.qrels)}:\n{listed}")
    runs, systems = runs_file["runs"], runs_file["systems"]
    results, dropped = score_runs(runs, qrels, systems)
    agreed = agreement(qrels, read_qrels([Path(q) for q in args.second])) if args.second else {}
    kept = list(next(iter(results.values()))["per_topic"])
    anchors = [s for s in systems if not s.startswith("searchkit")]
    mine = [SK_ANY, SK_DEFAULT, *(s for s in pool_file["systems"] if s.startswith("searchkit") and s not in SEARCHKIT)]
    tests = R.significance(results, mine, anchors)
    judged = sum(len(qrels.get(t, {})) for t in runs)
    relevant = sum(g >= 1 for t in runs for g in qrels.get(t, {}).values())
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    prov = runs_file["provenance"]
    res = {"when": when, "runs_made": runs_file["when"], "provenance": prov, "settings": runs_file["settings"],
           "scored_at": C.provenance()["git_head"], "qrels": args.qrels, "depth_pool": pool_file["depth_pool"],
           "pooled_systems": pool_file["systems"], "judged": judged, "relevant": relevant, "topics": len(kept),
           "dropped": dropped, "agreement": agreed, "systems": results, "significance": tests}
    stories = collection(args.set)
    md = [
        f"# searchkit relevance — TEST-{args.set}: {stories.label}, pooled human judgments ({runs_file['stories']} "
        f"stories, {len(kept)} topics)",
        "",
        f"Runs made {runs_file['when']}, searchkit at {prov['git_head']}" + (" (uncommitted changes)" if prov["dirty"]
                                                                             else "")
        + f"; scored {when}. The {runs_file['stories']} {stories.description}; {len(runs)} topics written for this set ({runs_file['topics_file']}) before any run, each with one "
        "query run by every system to depth 1000 (parsed once, translated for the anchors). Pool: per topic, the "
        f"union of the top {pool_file['depth_pool']} of {len(pool_file['systems'])} systems (marked 'pooled' below), "
        f"judged by hand from packets in a random order that named no system: {judged:,} judgments, {relevant:,} "
        "relevant (grade 1 or 2 of 0/1/2). Relevant = grade >= 1 for MAP, P@10 and recall; nDCG@10 uses the "
        "grades as gains, the ideal ranking from every judged document of the topic; unjudged documents count as "
        "not relevant; judged@10 is the share of a system's top 10 that was judged (an unpooled system's figures "
        "are lower bounds where it is low).",
        "",
        f"Topics without a relevant document, left out: {', '.join(dropped) or 'none'}.",
        "",
        main_table(results, pool_file["systems"]),
        "",
        "## Paired significance over topics",
        "",
        "Per-topic AP and graded nDCG@10 of searchkit against each anchor run: two-sided randomisation test "
        "(100,000 random sign flips of the per-topic differences, seed 20261125) and paired t-test "
        f"({len(kept) - 1} degrees of freedom); topics +/− = topics where searchkit is above/below.",
        "",
        R.significance_table(tests),
        "",
        "## Agreement of judges",
        "",
        agreement_text(agreed),
        "",
        "## AP and nDCG@10 per topic",
        "",
        topic_table(runs_file["topics"], qrels, results, [SK_ANY, SK_DEFAULT, *anchors[0:3:2]]),
    ]
    text = "\n".join(md) + "\n"
    print(text)
    stem = STEM.format(args.set.lower()) + ("_development" if args.development else "")
    out.mkdir(parents=True, exist_ok=True)
    (out / f"{stem}.md").write_text(text, encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    print(f"wrote {out / (stem + '.md')} and .json", file=sys.stderr)


# -- development grids (TEST-D is spent) ------------------------------------------------------------
TUNED = {"--any": SK_ANY, "default": SK_DEFAULT}


def condensed_ndcg(per_topic_ranked: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> float:
    """Mean graded nDCG@10 over judged documents only: each ranking with its unjudged documents dropped."""
    values = [M.graded_ndcg_at([k for k in ranked if k in qrels[t]], qrels[t]) for t, ranked in per_topic_ranked.items()]
    return sum(values) / len(values)


def tune_figures(ranked: dict[str, list[str]], qrels: dict[str, dict[str, int]]) -> dict:
    """MAP, graded nDCG@10, judged@10 and judged-only nDCG@10 of one system's rankings (topic -> keys)."""
    per = {t: M.graded_per_topic(keys, qrels[t]) for t, keys in ranked.items()}
    return {**M.means(per), "judged10": sum(v["judged10"] for v in per.values()) / len(per),
            "ndcg10_judged": condensed_ndcg(ranked, qrels), "per_topic": per}


def tune(args: argparse.Namespace) -> None:
    """Grid searchkit's length normalisation on a spent test set (development data now), next to the frozen settings."""
    from searchkit.api import Index

    if args.set not in TUNABLE:
        sys.exit(f"tune is development work on {', '.join(f'TEST-{t}' for t in TUNABLE)}'s judgments only: "
                 f"TEST-{args.set} is not tuned on")
    C.require_searchkit()
    topics = [t for t in read_topics(Path(args.topics))]
    qrels = read_qrels([Path(q) for q in args.qrels])
    topics = [t for t in topics if any(g >= 1 for g in qrels.get(t.id, {}).values())]
    saved = read_runs(Path(args.runs))["runs"]
    anchors = {name: tune_figures({t.id: saved[t.id][name] for t in topics}, qrels)
               for name in ("tantivy OR, default weights", "tantivy OR, title 0.75", "SQLite FTS5 OR, title 0.75")}
    frozen = R.frozen_settings()
    articles = collection(args.set).read(args.shared)
    tmp = Path(tempfile.mkdtemp(prefix="searchkit-pooled-tune-"))
    rows = []
    try:
        idx = Index(tmp / "searchkit")
        idx.add_articles(articles)
        settings = [{"b": frozen["b"], "title_b": frozen["title_b"], "k1": frozen["k1"], "frozen": True},
                    *R.length_settings()]
        for setting in settings:
            R.set_bm25(idx, frozen["title_boost"], setting["k1"], setting["b"], setting["title_b"])
            row = dict(setting)
            for mode, name in TUNED.items():
                run = R.searchkit_run(idx, **R.SEARCHKIT[name])
                row[mode] = tune_figures({t.id: list(dict.fromkeys(run(t.query, DEPTH))) for t in topics}, qrels)
            rows.append(row)
            print(f"B {setting['b']:g} title B {setting['title_b']:g} K1 {setting['k1']:g}: " + "; ".join(
                f"{m} MAP {row[m]['map']:.4f} nDCG@10 {row[m]['ndcg10']:.4f} judged@10 {row[m]['judged10']:.3f}"
                for m in TUNED), file=sys.stderr, flush=True)
        R.set_bm25(idx, frozen["title_boost"], frozen["k1"], frozen["b"], frozen["title_b"])
        idx.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = ["| body B | title B | K1 | " + " | ".join(f"{m}: {c}" for m in TUNED for c in (
        "MAP", "nDCG@10", "judged@10", "nDCG@10 judged only")) + " |", "|" + " ---: |" * (3 + 4 * len(TUNED))]
    for row in rows:
        cells = [f"{row['b']:g}", f"{row['title_b']:g}", f"{row['k1']:g}" + (" (frozen)" if row.get("frozen") else "")]
        cells += [f"{row[m][k]:.4f}" if k != "judged10" else f"{row[m][k]:.3f}"
                  for m in TUNED for k in ("map", "ndcg10", "judged10", "ndcg10_judged")]
        lines.append("| " + " | ".join(cells) + " |")
    for name, r in anchors.items():
        lines.append(f"| {name} | | | {r['map']:.4f} | {r['ndcg10']:.4f} | {r['judged10']:.3f} | "
                     f"{r['ndcg10_judged']:.4f} |" + " |" * 4)
    when = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    text = "\n".join([
        f"# searchkit length normalisation on TEST-{args.set} (development: spent), {len(topics)} topics", "",
        f"Run {when}, searchkit at {C.provenance()['git_head']}; title boost {frozen['title_boost']:g}, feedback "
        "and proximity as frozen, no folding. Unjudged documents count as not relevant; 'judged only' drops them "
        "from each ranking first.", "", *lines]) + "\n"
    print(text)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stem = f"relevance_{args.set.lower()}_tune"
    (out / f"{stem}.md").write_text(text, encoding="utf-8")
    (out / f"{stem}.json").write_text(json.dumps({"when": when, "rows": rows, "anchors": anchors}, indent=1,
                                                      default=str), encoding="utf-8")


def better_anchor_deltas(report: dict, system: str, metric: str) -> tuple[str, list[float]]:
    """The anchor run best on `metric` in one scored report, and `system`'s per-topic differences from it."""
    runs = report["systems"]
    anchor = max((name for name in runs if not name.startswith("searchkit") and " AND" not in name),
                 key=lambda name: (runs[name][{"ap": "map"}.get(metric, metric)], name))
    mine, theirs = runs[system]["per_topic"], runs[anchor]["per_topic"]
    return anchor, [mine[t][metric] - theirs[t][metric] for t in mine]


def combine(args: argparse.Namespace) -> None:
    """Pool the per-topic differences of several scored test sets, each against its own better anchor."""
    reports = {name: json.loads((Path(args.out) / f"{STEM.format(name.lower())}.json").read_text(encoding="utf-8"))
               for name in args.set}
    for system in (SK_ANY, SK_DEFAULT):
        for metric, label in (("ap", "MAP"), ("ndcg10", "nDCG@10")):
            deltas, against = [], []
            for name, report in reports.items():
                anchor, d = better_anchor_deltas(report, system, metric)
                deltas += d
                against.append(f"TEST-{name}: {anchor}")
            p = M.randomisation_test(deltas, [0.0] * len(deltas))
            print(f"{system} | {label} | {len(deltas)} topics | mean difference {sum(deltas) / len(deltas):+.3f} "
                  f"| p (randomisation) {p:.4f} | against {'; '.join(against)}")


def main() -> None:
    """The two steps, run days apart: `pool` before judging, `score` after."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("pool", help="run every system, save the runs and the pool, write the judges' packets")
    p.add_argument("--topics", required=True, help="id<TAB>query<TAB>description<TAB>narrative file, with that header")
    p.add_argument("--depth-pool", type=int, default=15, help="top results of each pooled system judged")
    p.add_argument("--judges", type=int, default=5, help="packets to write")
    p.add_argument("--packets", required=True, help="folder for the packets, outside the repository")
    p.add_argument("--depth", type=int, default=DEPTH, help="results ranked per query")
    p.add_argument("--set", choices=sorted(SETS), default="D",
                   help="which test set's files and stories (default D; D and E: PolNeAR, F: Reuters TEST)")
    p.add_argument("--runs", help="default bench/pooled/runs_<polnear|polnear_e|reuters_f>.json.gz")
    p.add_argument("--pool", help="default bench/pooled/pool_<polnear|polnear_e|reuters_f>.json")
    p.add_argument("--union", action="append", metavar="RUNS",
                   help="also pool the POOLED systems of this runs file (another code version's), repeatable")
    p.add_argument("--shared", help="shared data folder (default $SEARCHKIT_SHARED or <repo>/../shared)")
    s = sub.add_parser("score", help="score the saved runs against the graded judgments; write the test set's report")
    s.add_argument("--qrels", action="append", required=True,
                   help="topic<TAB>key<TAB>grade file (repeatable: e.g. the filled judgments_N.tsv)")
    s.add_argument("--second", action="append", metavar="TSV",
                   help="a second judge's grades of some pooled pairs (agreement only; repeatable)")
    s.add_argument("--set", choices=sorted(SETS), default="D", help="which test set's files and report (default D)")
    s.add_argument("--runs", help="default bench/pooled/runs_<polnear|polnear_e|reuters_f>.json.gz")
    s.add_argument("--pool", help="default bench/pooled/pool_<polnear|polnear_e|reuters_f>.json")
    s.add_argument("--out", default=str(C.RESULTS))
    s.add_argument("--development", action="store_true",
                   help="write relevance_<set>_development.md/.json (overwritten at will) instead of the one report")
    d = sub.add_parser("tune", help="development: grid searchkit's length normalisation against the judgments")
    d.add_argument("--topics", help="default the set's topics file under bench/pooled/")
    d.add_argument("--qrels", action="append", default=None, help="graded judgments (default the set's)")
    d.add_argument("--set", choices=sorted(SETS), default="D", help="a spent test set (development only)")
    d.add_argument("--runs", help="the saved runs, for the anchors' figures (default the set's)")
    d.add_argument("--shared", help="shared data folder (default $SEARCHKIT_SHARED or <repo>/../shared)")
    d.add_argument("--out", default=str(C.RESULTS))
    c = sub.add_parser("combine", help="pool several scored sets' per-topic differences from each one's better anchor")
    c.add_argument("--set", action="append", choices=sorted(SETS), required=True, help="a scored test set (repeatable)")
    c.add_argument("--out", default=str(C.RESULTS), help="where the sets' reports are")
    args = ap.parse_args()
    if args.command == "combine":
        combine(args)
        return
    if args.command == "tune":
        args.qrels = args.qrels or [str(set_files(args.set)["qrels"])]
        args.topics = args.topics or str(POOLED_DIR / SETS[args.set].topics)
        args.runs = args.runs or str(set_files(args.set)["runs"])
    else:
        args.runs = args.runs or str(set_files(args.set)["runs"])
        args.pool = args.pool or str(set_files(args.set)["pool"])
    {"pool": pool, "score": score, "tune": tune}[args.command](args)


if __name__ == "__main__":
    main()
