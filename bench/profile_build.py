#!/usr/bin/env python
"""Where searchkit's build spends its time: cProfile of a rebuild of the first N Reuters stories.

    python bench/profile_build.py            # 2,000 stories (reut2-000 and reut2-001)
    python bench/profile_build.py --files 4 --top 25

Runs in one process (procs=1) so the Whoosh writer's work shows in the profile too.
Prints the top functions by cumulative and by own time; saves the raw profile to
bench/results/build.prof (open with `python -m pstats` or snakeviz).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _common as C  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared")
    ap.add_argument("--files", type=int, default=2, help="how many of the 22 files (1,000 stories each)")
    ap.add_argument("--top", type=int, default=15)
    ap.add_argument("--out", default=str(C.RESULTS))
    args = ap.parse_args()
    C.require_searchkit()
    from searchkit.api import Index

    files = C.reuters_files(C.shared_dir(args.shared))[: args.files]
    tmp = Path(tempfile.mkdtemp(prefix="searchkit-profile-"))
    try:
        import searchkit.extract  # noqa: F401 - import costs out of the profile
        import searchkit.index.writer  # noqa: F401

        prof = cProfile.Profile()
        t = time.perf_counter()
        prof.enable()
        report = Index(tmp / "idx").rebuild([str(f) for f in files], procs=1)
        prof.disable()
        seconds = time.perf_counter() - t
        print(f"rebuild of {report.added:,} stories from {len(files)} files: {seconds:.1f} s under cProfile")
        for key in ("cumulative", "tottime"):
            buf = io.StringIO()
            pstats.Stats(prof, stream=buf).strip_dirs().sort_stats(key).print_stats(args.top)
            text = buf.getvalue()
            print(f"\n== top {args.top} by {key} ==")
            print(text[text.find("   ncalls"):].rstrip())
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        prof.dump_stats(str(out / "build.prof"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
