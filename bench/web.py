#!/usr/bin/env python
"""Speed of the web page (`searchkit serve`) on Reuters-21578, over real HTTP.

    python bench/web.py                      # builds a Reuters index in a temporary folder first
    python bench/web.py --index /tmp/reuters # or reuses one built with `searchkit index --rebuild ...`

Starts the app under uvicorn in a thread on a free port of 127.0.0.1 and requests, one at a time
on one kept-alive connection, for each query of bench/queries_speed.txt: the search page (hits with
snippets, seven facets, the month chart), the same search from /api/search (JSON, no facets), and
the article page of its first hit (full text highlighted, quotations, similar stories). One warm-up
pass, then --reps timed passes. Target: search page p50 <= 50 ms. Writes bench/results/web.md and
web.json.
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

TARGET_P50_MS = 50.0


def build_index(shared: Path, folder: Path) -> Path:
    from searchkit import Index

    path = folder / "index"
    started = time.perf_counter()
    with Index(path) as idx:
        idx.rebuild(C.reuters_files(shared), procs=2)
    print(f"built the Reuters index in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def start(index: Path):
    """(the uvicorn server, its thread, the port) serving the index."""
    from searchkit import Index
    from searchkit.web import create_app, listen
    from searchkit.web.server import server

    sock = listen("127.0.0.1", 0)
    uv = server(create_app(Index(index)), quiet=True)
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not uv.started:
        time.sleep(0.05)
    return uv, thread, sock.getsockname()[1]


def get(conn: http.client.HTTPConnection, path: str) -> tuple[float, int, bytes]:
    started = time.perf_counter()
    conn.request("GET", path, headers={"Host": "127.0.0.1"})
    response = conn.getresponse()
    body = response.read()
    return time.perf_counter() - started, response.status, body


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--index", type=Path, help="a built Reuters-21578 index (else one is built)")
    ap.add_argument("--shared", help="folder holding corpora/ (default: ../shared)")
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--out", type=Path, default=C.RESULTS / "web")
    a = ap.parse_args()
    queries = C.read_lines(C.BENCH / "queries_speed.txt")
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory() as tmp:
        index = a.index or build_index(C.shared_dir(a.shared), Path(tmp))
        uv, thread, port = start(index)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        pages = {
            "search page": lambda q: "/?" + urlencode({"q": q}),
            "/api/search": lambda q: "/api/search?" + urlencode({"q": q}),
        }
        first_hits = {}
        for q in queries:  # warm-up, and each query's first hit for the article pages
            for make in pages.values():
                _took, status, body = get(conn, make(q))
                assert status == 200, (q, status, body[:300])
            hits = json.loads(get(conn, pages["/api/search"](q))[2])["hits"]
            if hits:
                first_hits[q] = hits[0]["id"]
        pages["article page"] = lambda q: "/article?" + urlencode({"id": first_hits[q], "q": q})
        for q in first_hits:
            assert get(conn, pages["article page"](q))[1] == 200
        samples: dict[str, list[float]] = {name: [] for name in pages}
        sizes: dict[str, list[int]] = {name: [] for name in pages}
        for _ in range(a.reps):
            for name, make in pages.items():
                for q in queries:
                    if name == "article page" and q not in first_hits:
                        continue
                    took, status, body = get(conn, make(q))
                    assert status == 200, (name, q, status)
                    samples[name].append(took)
                    sizes[name].append(len(body))
        conn.close()
        uv.should_exit = True
        thread.join(timeout=10)
    stats = {name: {**C.latency_stats(v), "kb_median": sorted(sizes[name])[len(sizes[name]) // 2] / 1000}
             for name, v in samples.items()}
    report = {"queries": len(queries), "reps": a.reps, "target_p50_ms": TARGET_P50_MS, "pages": stats,
              "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "load_average": load},
              "provenance": C.provenance()}
    lines = [f"# searchkit serve on Reuters-21578 ({len(queries)} queries x {a.reps}, one connection)", "",
             f"{os.cpu_count()} CPUs, load average {load:.1f} at the start.", "",
             "| request | p50 ms | p95 ms | mean ms | median size KB | n |", "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for name, s in stats.items():
        lines.append(f"| {name} | {s['p50_ms']:.1f} | {s['p95_ms']:.1f} | {s['mean_ms']:.1f} | {s['kb_median']:.0f} "
                     f"| {s['n']} |")
    verdict = "met" if stats["search page"]["p50_ms"] <= TARGET_P50_MS else "NOT met"
    lines += ["", f"Target: search page p50 <= {TARGET_P50_MS:.0f} ms: {verdict}."]
    text = "\n".join(lines) + "\n"
    print(text)
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.with_suffix(".md").write_text(text, encoding="utf-8")
    a.out.with_suffix(".json").write_text(json.dumps(report, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
