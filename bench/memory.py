#!/usr/bin/env python
"""Peak memory of a bulk build at several multiples of Reuters-21578: is it flat in corpus size?

    python bench/memory.py                                   # SGML 1x, JSON Lines 1x and 5x, this tree
    python bench/memory.py --scale sgml --rounds 2 --step main=/tmp/main --step now=.
    python bench/memory.py --data /tmp/sk5/data              # reuse JSON Lines written by _common.write_jsonl

Each build runs alone in its own process (`speed.py --child searchkit`, procs=2, as speed.py
measures it): peak RSS summed over the process tree (the writer process and its extraction
workers), peak PSS, peak RSS of the main process, and the build's seconds, with the load average
before each build. `sgml` is the 22 Reuters SGML files; k is the corpus written k times as JSON
Lines (later copies under new ids). --step NAME=DIR builds with the `searchkit` package in DIR
(`git archive COMMIT searchkit | tar -x -C DIR`; `.` is the working tree); rounds interleave the
steps. Prints one JSON line per build and a Markdown table of medians.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402
from steps import build, env_for  # noqa: E402


def inputs(scale: str, shared: Path, data: Path) -> list[Path]:
    """The files of one scale: the SGML files, or the JSON Lines files of the first k copies."""
    if scale == "sgml":
        return C.reuters_files(shared)
    k = int(scale)
    files = sorted(f for f in data.glob("part-*.jsonl") if int(f.name.split("-")[1]) < k)
    if not any(int(f.name.split("-")[1]) == k - 1 for f in files):
        sys.exit(f"{data} holds fewer than {k} copies of the corpus")
    return files


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--scale", default="sgml,1,5", help="comma-separated: sgml and/or corpus multiples")
    ap.add_argument("--step", action="append", default=[], help="NAME=DIR (default: now=.)")
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--data", help="a folder of JSON Lines copies (else written to a temporary folder)")
    ap.add_argument("--shared", help="the shared folder (default ../shared)")
    args = ap.parse_args()
    scales = [s.strip() for s in args.scale.split(",") if s.strip()]
    steps = [s.split("=", 1) for s in args.step] or [["now", "."]]
    shared = C.shared_dir(args.shared)
    tmp = Path(tempfile.mkdtemp(prefix="sk-memory-"))
    try:
        data = Path(args.data) if args.data else tmp / "data"
        most = max((int(s) for s in scales if s != "sgml"), default=0)
        if most and not args.data:
            articles, _ = C.load_articles(C.reuters_files(shared))
            C.write_jsonl(articles, data, copies=most)
        rows: dict[tuple[str, str], list[dict]] = {}
        for _round in range(args.rounds):
            for name, folder in steps:
                for scale in scales:
                    load = os.getloadavg()[0]
                    b = build("searchkit", tmp / "idx", inputs(scale, shared, data), env_for(Path(folder)))
                    row = {"step": name, "scale": scale, "seconds": round(b["seconds"], 1),
                           "peak_rss_mb": round(C.mb(b["peak_rss"])), "peak_pss_mb": round(C.mb(b["peak_pss"])),
                           "peak_main_mb": round(C.mb(b["peak_main_rss"])), "load": round(load, 2)}
                    print(json.dumps(row), flush=True)
                    rows.setdefault((name, scale), []).append(row)
                    shutil.rmtree(tmp / "idx", ignore_errors=True)
        print("\n| step | input | build, s | peak RSS tree, MB | peak PSS tree, MB | peak RSS main, MB | load avg |")
        print("| --- | --- | ---: | ---: | ---: | ---: | --- |")
        for (name, scale), runs in rows.items():
            med = {k: statistics.median(r[k] for r in runs)
                   for k in ("seconds", "peak_rss_mb", "peak_pss_mb", "peak_main_mb")}
            loads = "-".join(f"{r['load']:.1f}" for r in runs)
            label = "SGML 1×" if scale == "sgml" else f"JSON Lines {scale}×"
            print(f"| {name} | {label} | {med['seconds']:.1f} | {med['peak_rss_mb']:.0f} | {med['peak_pss_mb']:.0f} "
                  f"| {med['peak_main_mb']:.0f} | {loads} |")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
