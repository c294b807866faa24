"""Shared pieces of the benchmarks: corpus paths, the stories, the two anchor engines, measuring.

The anchors are tantivy (Python bindings, `en_stem` tokenizer) and SQLite FTS5 (stdlib sqlite3,
`porter unicode61`, `bm25()`); both index the same stories searchkit reads from Reuters-21578.
Query strings are written in searchkit's syntax, parsed once into a SearchRequest, and that request
is translated for the anchors (bench/translate.py).
"""
from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BENCH = REPO / "bench"
RESULTS = BENCH / "results"

# The tuple every anchor indexes: (id, title, body, date ISO or "", places)
Story = tuple


# -- corpus ------------------------------------------------------------------
def shared_dir(arg: str | None) -> Path:
    """--shared, else $SEARCHKIT_SHARED, else <repo>/../shared."""
    return Path(arg or os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared").resolve()


def reuters_dir(shared: Path) -> Path:
    return shared / "corpora" / "reuters21578"


def reuters_files(shared: Path) -> list[Path]:
    """The 22 data files. The folder also holds README.txt and category lists, which searchkit
    would read as text articles if given the folder; the benches give it the data files only."""
    files = sorted(reuters_dir(shared).glob("reut2-*.sgm.gz"))
    if not files:
        sys.exit(f"no Reuters-21578 files under {reuters_dir(shared)}; use --shared DIR")
    return files


def has_text(article) -> bool:
    return bool(article.title.strip() or article.body.strip())


def load_articles(files, metadata=()) -> tuple[list, int]:
    """(Articles with text, records left out) read once with searchkit's own reader (metadata: sidecar tables)."""
    from searchkit.ingest import read_paths
    from searchkit.model import Article

    out, left = [], 0
    for item in read_paths([str(f) for f in files], metadata=[str(m) for m in metadata]):
        if isinstance(item, Article) and has_text(item):
            out.append(item)
        elif isinstance(item, Article) or item.skipped:
            left += 1
    return out, left


def as_story(article, suffix: str = "") -> Story:
    return (article.id + suffix, article.title, article.body,
            article.date.isoformat() if article.date else "", tuple(article.locations))


def text_bytes(articles) -> int:
    """Input text: title and body, UTF-8."""
    return sum(len(a.title.encode()) + len(a.body.encode()) for a in articles)


def write_jsonl(articles, folder: Path, copies: int = 1, *, per_file: int = 1000) -> list[Path]:
    """Stories as JSON Lines files (`copies` times, later copies under ids `<id>-r<k>`), streamed."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(copies):
        suffix = f"-r{k}" if k else ""
        for start in range(0, len(articles), per_file):
            path = folder / f"part-{k:02d}-{start // per_file:03d}.jsonl"
            with open(path, "w", encoding="utf-8") as fh:
                for a in articles[start:start + per_file]:
                    fh.write(json.dumps(article_record(a, suffix), ensure_ascii=False) + "\n")
            paths.append(path)
    return paths


def article_record(a, suffix: str = "") -> dict:
    return {"id": a.id + suffix, "title": a.title, "body": a.body,
            "date": a.date.isoformat() if a.date else None, "source": a.source,
            "tags": list(a.tags), "locations": list(a.locations), "dateline": a.dateline}


def folder_size(path: Path) -> int:
    path = Path(path)
    if path.is_file():
        return path.stat().st_size
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# -- tantivy -----------------------------------------------------------------
def tantivy_schema():
    import tantivy

    sb = tantivy.SchemaBuilder()
    sb.add_text_field("id", stored=True, tokenizer_name="raw")
    sb.add_text_field("title", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("body", stored=True, tokenizer_name="en_stem")
    sb.add_date_field("date", stored=True, indexed=True, fast=True)
    sb.add_text_field("location", stored=False, tokenizer_name="raw")
    return sb.build()


def _tantivy_doc(story: Story):
    import tantivy

    sid, title, body, date, places = story
    doc = tantivy.Document()
    doc.add_text("id", sid)
    doc.add_text("title", title)
    doc.add_text("body", body)
    if date:
        doc.add_date("date", datetime.fromisoformat(date))
    for p in places:
        doc.add_text("location", p.lower())
    return doc


def tantivy_build(path: Path | None, stories, threads: int = 2):
    """A tantivy index of the stories (on disk at path, or in memory when None)."""
    import tantivy

    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
    index = tantivy.Index(tantivy_schema(), path=str(path)) if path else tantivy.Index(tantivy_schema())
    writer = index.writer(heap_size=128_000_000, num_threads=threads)
    for story in stories:
        writer.add_document(_tantivy_doc(story))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


def tantivy_open(path: Path):
    import tantivy

    return tantivy.Index(tantivy_schema(), path=str(path), reuse=True)


class TantivySearch:
    """Top-k with snippets (SnippetGenerator on body) on a tantivy index; title_boost None: no field boosts."""

    def __init__(self, index, title_boost: float | None = 2.0):
        self.index = index
        self.schema = tantivy_schema()
        self.searcher = index.searcher()
        self.boosts = {"title": title_boost, "body": 1.0} if title_boost is not None else None

    def search(self, request, limit: int = 10, snippets: bool = True) -> list[tuple[str, str]]:
        """Top hits of a searchkit SearchRequest: (id, snippet)."""
        import tantivy
        from translate import to_tantivy

        boosts = {"field_boosts": self.boosts} if self.boosts else {}
        q = self.index.parse_query(to_tantivy(request), ["title", "body"], **boosts,
                                   conjunction_by_default=(request.options.match == "all"))
        result = self.searcher.search(q, limit)
        gen = tantivy.SnippetGenerator.create(self.searcher, q, self.schema, "body") if snippets else None
        out = []
        for _score, addr in result.hits:
            doc = self.searcher.doc(addr)
            snippet = ""
            if gen is not None:
                snippet = gen.snippet_from_doc(doc).to_html() or (doc["body"] or [""])[0][:200]
            out.append((doc["id"][0], snippet))
        return out


# -- plain Whoosh --------------------------------------------------------------
def whoosh_schema():
    """What a Whoosh user writes first: stemmed, stored title and body (StemmingAnalyzer, with
    positions), an id, a date and the places as keywords (as the tantivy anchor has them)."""
    from whoosh import fields
    from whoosh.analysis import StemmingAnalyzer

    return fields.Schema(id=fields.ID(stored=True, unique=True),
                         title=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                         body=fields.TEXT(analyzer=StemmingAnalyzer(), stored=True),
                         date=fields.DATETIME(), location=fields.KEYWORD(lowercase=True, commas=True))


def whoosh_build(path: Path, stories):
    """A plain Whoosh index of the stories: one writer, one commit (Whoosh's defaults)."""
    from whoosh import index

    Path(path).mkdir(parents=True, exist_ok=True)
    ix = index.create_in(str(path), whoosh_schema())
    writer = ix.writer()
    for sid, title, body, date, places in stories:
        doc = {"id": sid, "title": title, "body": body, "location": ",".join(p.lower() for p in places)}
        if date:
            doc["date"] = datetime.fromisoformat(date).replace(tzinfo=None)
        writer.add_document(**doc)
    writer.commit()
    return ix


class WhooshSearch:
    """Whoosh as its tutorial uses it: MultifieldParser on title and body (title weight 2), BM25F,
    `searcher.search(q, limit=10)` and `hit.highlights("body")` for the snippet."""

    def __init__(self, path: Path, title_boost: float = 2.0):
        from whoosh import index
        from whoosh.qparser import MultifieldParser, OrGroup

        self.ix = index.open_dir(str(path))
        self.searcher = self.ix.searcher()
        boosts = {"title": title_boost, "body": 1.0}
        self.parsers = {"all": MultifieldParser(["title", "body"], self.ix.schema, fieldboosts=boosts),
                        "any": MultifieldParser(["title", "body"], self.ix.schema, fieldboosts=boosts,
                                                group=OrGroup)}

    def search(self, request, limit: int = 10, snippets: bool = True) -> list[tuple[str, str]]:
        """Top hits of a searchkit SearchRequest: (id, snippet)."""
        from translate import to_whoosh

        q = self.parsers[request.options.match].parse(to_whoosh(request))
        results = self.searcher.search(q, limit=limit)
        return [(hit["id"], hit.highlights("body") if snippets else "") for hit in results]

    def close(self) -> None:
        self.searcher.close()


# -- SQLite FTS5 -------------------------------------------------------------
FTS5_DDL = ("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, places, date UNINDEXED, "
            "tokenize='porter unicode61')")


def fts5_build(path: Path | str, stories) -> sqlite3.Connection:
    """An FTS5 table of the stories (rowid = order of arrival, from 1), in one transaction."""
    con = sqlite3.connect(str(path))
    con.execute(FTS5_DDL)
    with con:
        con.executemany(
            "INSERT INTO docs(rowid, id, title, body, places, date) VALUES (?, ?, ?, ?, ?, ?)",
            ((n, s[0], s[1], s[2], " ".join(s[4]), s[3]) for n, s in enumerate(stories, start=1)),
        )
    return con


class Fts5Search:
    """bm25() ranking (title weighted like searchkit's field boost; None: bm25's default weights), snippet() on body."""

    def __init__(self, con: sqlite3.Connection, title_boost: float | None = 2.0):
        self.con = con
        self.rank = f"bm25(docs, 0.0, {title_boost}, 1.0, 0.0, 0.0)" if title_boost is not None else "bm25(docs)"

    def search(self, request, limit: int = 10, snippets: bool = True) -> list[tuple[str, str]]:
        """Top hits of a searchkit SearchRequest: (id, snippet)."""
        from translate import to_fts5

        expr, date_from, date_to = to_fts5(request)
        snip = "snippet(docs, 2, '<b>', '</b>', '…', 24)" if snippets else "''"
        sql = f"SELECT id, {snip} FROM docs WHERE docs MATCH ?"
        params: list = [expr]
        if date_from:
            sql += " AND date >= ?"
            params.append(date_from)
        if date_to:
            sql += " AND date <= ?"
            params.append(date_to)
        sql += f" ORDER BY {self.rank} LIMIT ?"
        params.append(limit)
        return self.con.execute(sql, params).fetchall()


# -- measuring ------------------------------------------------------------------
def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def run_measured(cmd: list[str], *, interval: float = 0.1, env: dict | None = None, cwd=None) -> dict:
    """Run a command, polling the RSS and PSS (every 0.1 s) of its whole process tree.

    Returns wall seconds, peak tree RSS (sum over processes, counts shared pages once per process),
    peak tree PSS (shared pages split between processes: the fairer figure), peak main-process RSS,
    the return code, and the last stdout line parsed as JSON when it is JSON.
    """
    import psutil
    import tempfile

    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = psutil.Popen(cmd, stdout=out, stderr=err, env=env, cwd=cwd)
        peak_rss = peak_pss = peak_main = 0
        while proc.poll() is None:
            try:
                tree = [proc, *proc.children(recursive=True)]
            except psutil.Error:
                tree = [proc]
            rss = pss = 0
            for p in tree:
                try:
                    mem = p.memory_info()
                    rss += mem.rss
                    if p.pid == proc.pid:
                        peak_main = max(peak_main, mem.rss)
                    pss += p.memory_full_info().pss  # /proc/*/smaps_rollup: about 0.2 ms a process
                except (psutil.Error, AttributeError):
                    pass
            peak_rss = max(peak_rss, rss)
            peak_pss = max(peak_pss, pss)
            time.sleep(interval)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    result = None
    lines = [ln for ln in stdout.strip().splitlines() if ln.strip()]
    if lines:
        try:
            result = json.loads(lines[-1])
        except ValueError:
            result = None
    if proc.returncode != 0:
        sys.stderr.write(stderr[-4000:])
        raise RuntimeError(f"{' '.join(map(str, cmd[:4]))}... failed with code {proc.returncode}")
    return {"wall": wall, "peak_rss": peak_rss, "peak_pss": peak_pss, "peak_main_rss": peak_main,
            "result": result, "stderr": stderr}


def latency_stats(samples: list[float]) -> dict:
    return {"p50_ms": percentile(samples, 50) * 1000, "p95_ms": percentile(samples, 95) * 1000,
            "mean_ms": statistics.fmean(samples) * 1000 if samples else float("nan"),
            "max_ms": max(samples) * 1000 if samples else float("nan"), "n": len(samples)}


def time_queries(run, queries: list[str], reps: int) -> tuple[dict, dict]:
    """Warm-up once per query, then `reps` timed runs of each; (latency stats, per-query info)."""
    per = {}
    for q in queries:
        hits = run(q)
        per[q] = {"hits": len(hits), "snippets": sum(1 for _id, s in hits if s)}
    samples = []
    for _ in range(reps):
        for q in queries:
            t = time.perf_counter()
            run(q)
            took = time.perf_counter() - t
            samples.append(took)
            per[q].setdefault("ms", []).append(round(took * 1000, 3))
    for v in per.values():
        v["median_ms"] = statistics.median(v["ms"]) if v.get("ms") else None
    stats = latency_stats(samples)
    stats["max_median_ms"] = max((v["median_ms"] for v in per.values() if v["median_ms"] is not None), default=None)
    return stats, per


def mb(n: float) -> float:
    return n / 1e6


def requests_for(match: str = "all"):
    """query text -> its SearchRequest, parsed once (the anchors are timed on their own work)."""
    from functools import lru_cache

    from searchkit.search.request import SearchRequest

    @lru_cache(maxsize=None)
    def build(text: str):
        return SearchRequest.build(text, match=match)

    return build


def read_lines(path: Path) -> list[str]:
    return [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines()
            if ln.strip() and not ln.lstrip().startswith("#")]


def searchkit_exe() -> Path:
    return Path(sys.executable).with_name("searchkit")


def check_extract() -> bool:
    try:
        from searchkit.extract import enrich  # noqa: F401
        from searchkit.ingest import read_paths  # noqa: F401
    except ImportError:
        return False
    return True


def require_searchkit() -> None:
    if not check_extract():
        sys.exit("searchkit.ingest.read_paths / searchkit.extract.enrich are not importable yet")


def provenance() -> dict:
    """Which searchkit is measured: where it was imported from, the repo HEAD, uncommitted changes."""
    import searchkit

    def git(*a):
        try:
            return subprocess.run(["git", "-C", str(REPO), *a], capture_output=True, text=True, check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return ""

    src = Path(searchkit.__file__).resolve().parent
    return {"searchkit_from": str(src), "git_head": git("rev-parse", "--short", "HEAD"),
            "dirty": bool(git("status", "--porcelain", "--", "searchkit")) and src == REPO / "searchkit",
            "load_avg": os.getloadavg()}
