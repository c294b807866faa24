"""Web pages, web archives and feeds: body extraction quality, reading speed, memory on a large WARC.

    python bench/formats.py [--shared DIR] [--parts extraction,speed,warc] [--warc-mb 100,500]
                            [--bootstrap 1000] [--tmp DIR] [--out DIR]

extraction: the 181 pages of the article-extraction benchmark (`corpora/article-extraction-benchmark`)
  scored with that benchmark's metric (bags of 4-token shingles per page, precision and recall
  averaged over pages, F1 of the two, bootstrap 1.96·stdev over page resamples), for searchkit's
  HTML reader (trafilatura with the options it ships) and the alternatives it was chosen against.
  Options were chosen on the tune half (page ids starting 0-7); the test half (8-f) is reported
  apart. Cost per page is CPU time of the extraction alone, decoding included.
speed: stories per second per format, reading only (`read_file`) and indexing (`Index.rebuild`,
  reading + extraction + near-duplicates + Whoosh), on the benchmark pages as `.html.gz` files, as
  one `.warc.gz` archive (with request and metadata records beside the responses) and as RSS feeds
  made from the true article texts.
warc: an uncompressed WARC of N MB (benchmark pages repeated under new URLs, in a temporary folder,
  never kept) indexed by `searchkit index --rebuild` in a child process whose RSS is polled; the
  same for reading alone. Several sizes show whether memory stays flat.
Results: bench/results/formats.md and formats.json.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import re
import statistics
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path
from xml.sax.saxutils import escape

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from _common import RESULTS, mb, provenance, run_measured, shared_dir  # noqa: E402

# -- the benchmark's metric -------------------------------------------------------------
TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str | None) -> Counter:
    """The 4-token shingles of a text as a multiset; a shorter text is one shorter shingle."""
    tokens = TOKEN.findall(text or "")
    if not tokens:
        return Counter()
    return Counter(tuple(tokens[i:i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)))


def page_counts(true: str, pred: str | None) -> tuple[float, float, float]:
    """(tp, fp, fn) of one page over shingles, normalised to sum 1 so that long pages weigh no more."""
    t, p = shingles(true), shingles(pred)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


def scores(rows: list[tuple[float, float, float]]) -> dict:
    """Mean per-page precision (pages with tp+fp > 0) and recall (tp+fn > 0), and their F1."""
    p = statistics.fmean([_precision(*r) for r in rows if r[0] + r[1] > 0] or [0.0])
    r = statistics.fmean([_recall(*r) for r in rows if r[0] + r[2] > 0] or [0.0])
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def with_ci(rows: list, n_boot: int, seed: int = 0) -> dict:
    """Scores with bootstrap half-widths (1.96·stdev over `n_boot` resamples of the pages)."""
    out = scores(rows)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {k: [] for k in out}
    for _ in range(n_boot):
        got = scores([rows[rng.randrange(len(rows))] for _ in rows])
        for k, v in got.items():
            samples[k].append(v)
    out.update({f"{k}_ci": 1.96 * statistics.stdev(v) for k, v in samples.items()})
    out["pages"] = len(rows)
    return out


# -- the pages ----------------------------------------------------------------------------
def benchmark_dir(shared: Path) -> Path:
    folder = shared / "corpora" / "article-extraction-benchmark"
    if not (folder / "ground-truth.json").is_file():
        sys.exit(f"no article-extraction benchmark under {folder}; use --shared DIR")
    return folder


def load_pages(folder: Path) -> tuple[dict[str, bytes], dict[str, dict]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {key: gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes()) for key in sorted(truth)}
    return pages, truth


def tune_half(key: str) -> bool:
    """The fixed half options were chosen on: page ids (sha256) starting 0-7."""
    return key[0] in "01234567"


# -- extractors -------------------------------------------------------------------------
def extractors() -> dict:
    """name -> function(page bytes) -> body text. searchkit's is the one it ships."""
    import trafilatura

    from searchkit.ingest import html

    def decoded(data: bytes) -> str:
        return html.decode_page(data)

    def shipped(data: bytes) -> str:
        page = html.extract(decoded(data))
        return page.body if page else ""

    def traf(**options):
        return lambda data: trafilatura.extract(decoded(data), include_comments=False, **options) or ""

    systems = {
        "searchkit (trafilatura, favor_precision, with metadata)": shipped,
        "trafilatura defaults (the benchmark's call)": traf(),
        "trafilatura favor_recall": traf(favor_recall=True),
        "trafilatura fast (no fallback)": traf(fast=True),
    }
    try:
        from readability import Document

        systems["readability-lxml (summary to text)"] = lambda data: html.to_text(
            Document(decoded(data)).summary(html_partial=True))
    except ImportError:
        print("readability-lxml not installed: `pip install readability-lxml` to compare it", file=sys.stderr)
    import justext

    stoplist = justext.get_stoplist("English")
    systems["jusText (English stoplist)"] = lambda data: "\n\n".join(
        p.text for p in justext.justext(data, stoplist) if not p.is_boilerplate)
    return systems


def run_extraction(shared: Path, n_boot: int) -> dict:
    pages, truth = load_pages(benchmark_dir(shared))
    results = {}
    for name, fn in extractors().items():
        rows: dict[str, tuple] = {}
        cpu = wall = 0.0
        for key, data in pages.items():
            c0, w0 = time.process_time(), time.perf_counter()
            try:
                text = fn(data)
            except Exception as exc:  # noqa: BLE001 - a competitor failing on a page scores it empty
                print(f"{name}: {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                text = ""
            cpu += time.process_time() - c0
            wall += time.perf_counter() - w0
            rows[key] = page_counts(truth[key]["articleBody"], text)
        results[name] = {
            "all": with_ci(list(rows.values()), n_boot),
            "tune": with_ci([r for k, r in rows.items() if tune_half(k)], n_boot),
            "test": with_ci([r for k, r in rows.items() if not tune_half(k)], n_boot),
            "cpu_ms_per_page": 1000 * cpu / len(pages),
            "wall_ms_per_page": 1000 * wall / len(pages),
            "empty_pages": sum(1 for r in rows.values() if r[0] == r[1] == 0),
        }
        a = results[name]["all"]
        print(f"{name:<58} F1 {a['f1']:.3f} ± {a['f1_ci']:.3f}  P {a['precision']:.3f}  R {a['recall']:.3f}  "
              f"tune {results[name]['tune']['f1']:.3f}  test {results[name]['test']['f1']:.3f}  "
              f"{results[name]['cpu_ms_per_page']:.1f} ms/page", flush=True)
    return {"pages": len(pages), "tune_pages": sum(map(tune_half, pages)), "systems": results}


# -- writing test inputs ------------------------------------------------------------------
def write_warc(path: Path, pages: list[tuple[str, bytes]], *, gz: bool, extras: bool = False) -> int:
    """A WARC of (url, html) responses; with `extras`, a warcinfo, a request and a metadata record too."""
    with open(path, "wb") as fh:
        write_records(fh, pages, gz=gz, extras=extras)
    return path.stat().st_size


def write_records(fh, pages: list[tuple[str, bytes]], *, gz: bool, extras: bool = False) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    writer = WARCWriter(fh, gzip=gz)
    if extras:
        writer.write_record(writer.create_warcinfo_record("bench.warc", {"software": "searchkit bench"}))
    for url, data in pages:
        if extras:
            request = StatusAndHeaders(f"GET {url} HTTP/1.1", [("Host", "example")], is_http_request=True)
            writer.write_record(writer.create_warc_record(url, "request", http_headers=request))
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(data), http_headers=headers))
        if extras:
            writer.write_record(writer.create_warc_record(url, "metadata", payload=io.BytesIO(b"via: bench"),
                                                          warc_content_type="text/plain"))


def renamed(data: bytes, urls: list[str], copy: int) -> tuple[str, bytes]:
    """A copy of a page under a new URL: the page's own mentions of its URLs point to the copy."""
    moved = {url: f"{url}{'&' if '?' in url else '?'}copy={copy}" for url in dict.fromkeys(urls)}
    for old, new in moved.items():
        data = data.replace(old.encode(), new.encode())
    return moved[urls[0]], data


def write_feed(path: Path, truth: dict, keys: list[str], copy: int = 0) -> None:
    """An RSS 2.0 feed whose entries carry the true article texts as HTML paragraphs."""
    items = []
    for n, key in enumerate(keys):
        body = truth[key]["articleBody"]
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in body.split("\n") if p.strip())
        link = f"{truth[key]['url']}{'&' if '?' in truth[key]['url'] else '?'}feed={copy}"
        date = datetime(2019, 11, 1 + n % 28, 12, tzinfo=timezone.utc).strftime("%a, %d %b %Y %H:%M:%S +0000")
        items.append(f"<item><title>{escape(body.split('.')[0][:120])}</title><link>{escape(link)}</link>"
                     f"<pubDate>{date}</pubDate><dc:creator>Bench Writer</dc:creator>"
                     f"<description>{escape(body[:200])}</description>"
                     f"<content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>")
    path.write_text('<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
                    'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
                    'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench feed</title>'
                    f"<link>https://example.org/</link>{''.join(items)}</channel></rss>", encoding="utf-8")


# -- speed ----------------------------------------------------------------------------------
def _read_rate(files: list[Path]) -> dict:
    from searchkit.ingest import read_file
    from searchkit.model import Article

    started = time.perf_counter()
    stories = problems = 0
    for f in files:
        for item in read_file(f):
            stories += isinstance(item, Article)
            problems += not isinstance(item, Article)
    seconds = time.perf_counter() - started
    return {"stories": stories, "problem_lines": problems, "seconds": seconds, "stories_per_s": stories / seconds}


def _index_rate(files: list[Path], work: Path) -> dict:
    from searchkit import Index

    started = time.perf_counter()
    report = Index(work).rebuild(files, procs=1)
    seconds = time.perf_counter() - started
    return {"stories": report.added, "seconds": seconds, "stories_per_s": report.added / seconds}


def run_speed(shared: Path, tmp: Path) -> dict:
    folder = benchmark_dir(shared)
    pages, truth = load_pages(folder)
    keys = list(pages)
    html_files = [folder / "html" / f"{k}.html.gz" for k in keys]
    warc = tmp / "pages.warc.gz"
    write_warc(warc, [(truth[k]["url"], pages[k]) for k in keys], gz=True, extras=True)
    feeds = []
    for copy in range(5):
        feed = tmp / f"feed-{copy}.rss"
        write_feed(feed, truth, keys, copy)
        feeds.append(feed)
    _read_rate(html_files[:2])  # warm-up: imports and first-use loads are not the formats' cost
    _index_rate(html_files[:2], tmp / "ix-warm-up")
    out = {}
    for name, files in (("HTML (.html.gz)", html_files), ("WARC (.warc.gz)", [warc]), ("RSS feeds", feeds)):
        out[name] = {"files": len(files), "bytes": sum(f.stat().st_size for f in files),
                     "read": _read_rate(files), "index": _index_rate(files, tmp / f"ix-{len(out)}")}
        print(f"{name:<16} read {out[name]['read']['stories_per_s']:.1f} stories/s, "
              f"index {out[name]['index']['stories_per_s']:.1f} stories/s", flush=True)
    return out


# -- a large WARC ----------------------------------------------------------------------------
def build_large_warc(path: Path, pages: dict, truth: dict, megabytes: int) -> dict:
    """Benchmark pages repeated under new URLs until the (uncompressed) WARC reaches the size."""
    from searchkit.ingest import html

    urls = {}
    for key, data in pages.items():
        page = html.extract(html.decode_page(data))
        urls[key] = [page.url, truth[key]["url"]] if page and page.url else [truth[key]["url"]]
    records = copy = 0
    with open(path, "wb") as fh:
        while fh.tell() < megabytes * 1_000_000:
            copy += 1
            write_records(fh, [renamed(data, urls[key], copy) for key, data in pages.items()], gz=False)
            records += len(pages)
    return {"bytes": path.stat().st_size, "records": records, "copies": copy}


READ_ONLY = ("import json, sys; from searchkit.ingest import read_file; from searchkit.model import Article; "
             "n = sum(isinstance(x, Article) for x in read_file(sys.argv[1])); print(json.dumps({'stories': n}))")


def run_large_warc(shared: Path, tmp: Path, sizes: list[int]) -> list[dict]:
    pages, truth = load_pages(benchmark_dir(shared))
    exe = Path(sys.executable).with_name("searchkit")
    out = []
    for megabytes in sizes:
        warc = tmp / f"large-{megabytes}.warc"
        built = build_large_warc(warc, pages, truth, megabytes)
        read = run_measured([sys.executable, "-c", READ_ONLY, str(warc)])
        index = run_measured([str(exe), "index", "--rebuild", "--json", "--index", str(tmp / f"ix-{megabytes}"),
                              str(warc)])
        summary = index["result"] or {}
        row = {"megabytes": megabytes, **built,
               "read_seconds": read["wall"], "read_stories": (read["result"] or {}).get("stories"),
               "read_peak_rss_mb": mb(read["peak_rss"]),
               "index_seconds": index["wall"], "indexed": summary.get("added"), "skipped": summary.get("skipped"),
               "index_peak_rss_mb": mb(index["peak_rss"]), "index_peak_main_rss_mb": mb(index["peak_main_rss"]),
               "index_peak_pss_mb": mb(index["peak_pss"]),
               "problems": summary.get("problems", [])[:5]}
        row["index_stories_per_s"] = (row["indexed"] or 0) / row["index_seconds"]
        out.append(row)
        warc.unlink()
        print(f"WARC {mb(row['bytes']):.0f} MB, {row['records']} records: read {row['read_seconds']:.0f} s "
              f"(peak RSS {row['read_peak_rss_mb']:.0f} MB), index {row['index_seconds']:.0f} s, "
              f"{row['indexed']} stories (peak RSS tree {row['index_peak_rss_mb']:.0f} MB)", flush=True)
    return out


# -- report -----------------------------------------------------------------------------------
def markdown(results: dict) -> str:
    lines = [f"# searchkit formats — web pages, WARC, feeds\n",
             f"Run {results['when']} on 2 CPUs; searchkit from {results['provenance']['searchkit_from']} "
             f"(HEAD {results['provenance']['git_head']}{', uncommitted changes' if results['provenance']['dirty'] else ''}); "
             f"load average at start {results['provenance']['load_avg'][0]:.1f}.\n"]
    ext = results.get("extraction")
    if ext:
        lines += [f"## Body extraction ({ext['pages']} pages; tune half {ext['tune_pages']} pages with ids 0-7, "
                  f"test half {ext['pages'] - ext['tune_pages']} pages with ids 8-f)\n",
                  "| extractor | F1 (all) | precision | recall | F1 tune half | F1 test half | CPU ms/page | empty |",
                  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for name, r in ext["systems"].items():
            a = r["all"]
            lines.append(f"| {name} | {a['f1']:.3f} ± {a['f1_ci']:.3f} | {a['precision']:.3f} ± {a['precision_ci']:.3f} | "
                         f"{a['recall']:.3f} ± {a['recall_ci']:.3f} | {r['tune']['f1']:.3f} ± {r['tune']['f1_ci']:.3f} | "
                         f"{r['test']['f1']:.3f} ± {r['test']['f1_ci']:.3f} | {r['cpu_ms_per_page']:.1f} | {r['empty_pages']} |")
        lines.append("")
    speed = results.get("speed")
    if speed:
        lines += ["## Stories per second by format\n",
                  "| input | files | MB | stories | read, stories/s | index (read + extract + Whoosh), stories/s |",
                  "| --- | ---: | ---: | ---: | ---: | ---: |"]
        for name, r in speed.items():
            lines.append(f"| {name} | {r['files']} | {mb(r['bytes']):.1f} | {r['read']['stories']} | "
                         f"{r['read']['stories_per_s']:.1f} | {r['index']['stories_per_s']:.1f} |")
        lines.append("")
    large = results.get("warc")
    if large:
        lines += ["## A large uncompressed WARC\n",
                  "| WARC, MB | records | read, s | read peak RSS, MB | index, s | stories indexed | index stories/s | "
                  "index peak RSS (tree), MB | index peak PSS, MB |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for r in large:
            lines.append(f"| {mb(r['bytes']):.0f} | {r['records']:,} | {r['read_seconds']:.0f} | {r['read_peak_rss_mb']:.0f} | "
                         f"{r['index_seconds']:.0f} | {r['indexed']:,} | {r['index_stories_per_s']:.1f} | "
                         f"{r['index_peak_rss_mb']:.0f} | {r['index_peak_pss_mb']:.0f} |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared")
    ap.add_argument("--parts", default="extraction,speed,warc")
    ap.add_argument("--warc-mb", default="100,500", help="sizes of the large WARCs, comma-separated")
    ap.add_argument("--bootstrap", type=int, default=1000)
    ap.add_argument("--tmp", help="work folder (kept); default a temporary one, deleted")
    ap.add_argument("--out", default=str(RESULTS))
    args = ap.parse_args()
    shared = shared_dir(args.shared)
    parts = set(args.parts.split(","))
    results: dict = {"when": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "provenance": provenance()}
    with tempfile.TemporaryDirectory(prefix="searchkit-formats-") as scratch:
        tmp = Path(args.tmp) if args.tmp else Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        if "extraction" in parts:
            results["extraction"] = run_extraction(shared, args.bootstrap)
        if "speed" in parts:
            results["speed"] = run_speed(shared, tmp)
        if "warc" in parts:
            results["warc"] = run_large_warc(shared, tmp, [int(x) for x in args.warc_mb.split(",")])
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "formats.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    (out / "formats.md").write_text(markdown(results), encoding="utf-8")
    print(markdown(results))


if __name__ == "__main__":
    main()
