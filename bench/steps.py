#!/usr/bin/env python
"""The effect of each performance step, measured side by side with plain Whoosh in one run.

    python bench/steps.py --step before=/tmp/snap-a --step minhash=/tmp/snap-b --step now=.

Each --step NAME=DIR names a folder holding a `searchkit` package (an exported commit:
`git archive COMMIT searchkit | tar -x -C DIR`; `.` is the working tree). For every round, each
step builds Reuters-21578 in its own process (procs=2; PYTHONPATH=DIR) and has its queries timed
by `speed.py --query-only` in another process, then plain Whoosh is built and timed: rounds
interleave the versions (A, B, ..., Whoosh, A, B, ...), and medians over rounds are reported with
each step's ratio to plain Whoosh of the same run. Writes bench/results/steps.md and steps.json.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402

SPEED = Path(__file__).resolve().parent / "speed.py"


def env_for(folder: Path | None) -> dict:
    env = dict(os.environ)
    if folder is not None:
        env["PYTHONPATH"] = str(folder.resolve()) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def build(kind: str, index: Path, inputs: list, env: dict) -> dict:
    cmd = [sys.executable, str(SPEED), "--child", kind, "--index", str(index), "--input", *map(str, inputs),
           "--procs", "2"]
    m = C.run_measured(cmd, env=env)
    return {"seconds": m["result"]["seconds"], "size": C.folder_size(index), "peak_rss": m["peak_rss"],
            "peak_pss": m["peak_pss"], "peak_main_rss": m["peak_main_rss"]}


def queries(index: Path, env: dict, reps: int) -> dict:
    out = subprocess.run([sys.executable, str(SPEED), "--query-only", str(index), "--reps", str(reps)],
                         env=env, capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def whoosh_queries(index: Path, queries_list: list[str], reps: int) -> dict:
    s = C.WhooshSearch(index)
    request = C.requests_for()
    stats, _per = C.time_queries(lambda q: s.search(request(q), limit=10), queries_list, reps)
    s.close()
    return stats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--step", action="append", required=True, help="NAME=DIR (DIR holds a searchkit package)")
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--shared")
    ap.add_argument("--out", default=str(C.RESULTS))
    args = ap.parse_args()
    steps = []
    for item in args.step:
        name, _, folder = item.partition("=")
        steps.append((name, Path(folder)))
    files = C.reuters_files(C.shared_dir(args.shared))
    qlist = C.read_lines(C.BENCH / "queries_speed.txt")
    tmp = Path(tempfile.mkdtemp(prefix="searchkit-steps-"))
    started = time.perf_counter()
    res: dict = {"steps": [n for n, _ in steps], "rounds": [], "load_avg_start": os.getloadavg()}
    try:
        articles, _ = C.load_articles(files)
        stories = tmp / "stories.pkl"
        with open(stories, "wb") as fh:
            pickle.dump([C.as_story(a) for a in articles], fh)
        for r in range(args.rounds):
            row: dict = {"load_avg": os.getloadavg()}
            for name, folder in steps:
                idx = tmp / f"idx-{name}"
                shutil.rmtree(idx, ignore_errors=True)
                b = build("searchkit", idx, files, env_for(folder))
                q = queries(idx, env_for(folder), args.reps)
                row[name] = {"build": b, "query": {k: q[k] for k in ("p50_ms", "p95_ms", "mean_ms")}}
                print(f"[{time.perf_counter() - started:6.0f}s] round {r + 1} {name}: build {b['seconds']:.1f} s, "
                      f"{C.mb(b['size']):.1f} MB, p50 {q['p50_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms", file=sys.stderr)
            idx = tmp / "idx-whoosh"
            shutil.rmtree(idx, ignore_errors=True)
            b = build("whoosh", idx, [stories], env_for(None))
            q = whoosh_queries(idx, qlist, args.reps)
            row["whoosh"] = {"build": b, "query": {k: q[k] for k in ("p50_ms", "p95_ms", "mean_ms")}}
            print(f"[{time.perf_counter() - started:6.0f}s] round {r + 1} plain Whoosh: build {b['seconds']:.1f} s, "
                  f"{C.mb(b['size']):.1f} MB, p50 {q['p50_ms']:.1f} ms, p95 {q['p95_ms']:.1f} ms", file=sys.stderr)
            res["rounds"].append(row)
        res["load_avg_end"] = os.getloadavg()
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        (out / "steps.json").write_text(json.dumps(res, indent=2), encoding="utf-8")
        md = markdown(res)
        (out / "steps.md").write_text(md, encoding="utf-8")
        print(md)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _median(res: dict, name: str, *path) -> float:
    values = []
    for row in res["rounds"]:
        v = row[name]
        for k in path:
            v = v[k]
        values.append(v)
    return statistics.median(values)


def markdown(res: dict) -> str:
    lines = [f"Medians of {len(res['rounds'])} interleaved rounds; load average "
             f"{res['load_avg_start'][0]:.1f} at start, {res['load_avg_end'][0]:.1f} at end.", "",
             "| step | build, s | size, MB | query p50 / p95, ms | build / Whoosh | size / Whoosh | p50 / Whoosh | p95 / Whoosh |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    w = {k: _median(res, "whoosh", *p) for k, p in (("b", ("build", "seconds")), ("s", ("build", "size")),
                                                   ("p50", ("query", "p50_ms")), ("p95", ("query", "p95_ms")))}
    for name in [*res["steps"], "whoosh"]:
        v = {k: _median(res, name, *p) for k, p in (("b", ("build", "seconds")), ("s", ("build", "size")),
                                                   ("p50", ("query", "p50_ms")), ("p95", ("query", "p95_ms")))}
        label = "plain Whoosh" if name == "whoosh" else name
        lines.append(f"| {label} | {v['b']:.1f} | {C.mb(v['s']):.1f} | {v['p50']:.1f} / {v['p95']:.1f} | "
                     f"{v['b'] / w['b']:.2f}× | {v['s'] / w['s']:.2f}× | {v['p50'] / w['p50']:.2f}× | {v['p95'] / w['p95']:.2f}× |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
