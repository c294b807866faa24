"""Run `searchkit` with a fault injected from outside the product: the crash tests' driver.

    python driver.py ACTION@POINT[:N] [MARKER] -- searchkit arguments...

POINT names a real function that gets wrapped; on its N-th call (default 1) ACTION happens:
  kill   the process SIGKILLs itself (a power cut, `kill -9`)
  pause  MARKER is created and the process sleeps, so the test can signal it at a known place
Points (before or after the real call):
  put        after the writer sends its N-th story to Whoosh
  enqueue    after the indexer hands its N-th batch of stories to its worker processes
  commit     before the Whoosh commit
  manifest   after the commit, before searchkit's manifest is written
  publish    before a rebuilt generation is made live
  published  just after CURRENT is replaced
"""
from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path


def _fault(action: str, marker: str | None):
    def act() -> None:
        if action == "kill":
            os.kill(os.getpid(), signal.SIGKILL)
        elif action == "pause":
            Path(marker).touch()
            time.sleep(60)
        else:
            raise SystemExit(f"unknown action {action!r}")

    return act


def _wrap(owner, name: str, when: str, nth: int, act, only=lambda *a, **k: True) -> None:
    real = getattr(owner, name)
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        hit = only(*args, **kwargs) and (calls := calls + 1) == nth
        if hit and when == "before":
            act()
        result = real(*args, **kwargs)
        if hit and when == "after":
            act()
        return result

    setattr(owner, name, wrapper)


def install(spec: str, marker: str | None) -> None:
    from whoosh import writing

    from searchkit.index import pipeline, store, writer

    action, _, point = spec.partition("@")
    point, _, nth = point.partition(":")
    act = _fault(action, marker)
    n = int(nth or 1)
    if point == "put":
        _wrap(writer._Session, "put", "after", n, act)
    elif point == "enqueue":
        _wrap(pipeline.Parallel, "_submit", "after", n, act)
    elif point == "commit":
        _wrap(writing.SegmentWriter, "commit", "before", n, act)
    elif point == "manifest":
        _wrap(store, "write_manifest", "before", n, act)
    elif point == "publish":
        _wrap(store, "publish", "before", n, act)
    elif point == "published":
        _wrap(os, "replace", "after", n, act, only=lambda src, dst, *a, **k: str(dst).endswith("CURRENT"))
    else:
        raise SystemExit(f"unknown point {point!r}")


def main(argv: list[str]) -> None:
    import faulthandler

    faulthandler.register(signal.SIGUSR1, all_threads=True)  # a test that times out asks for the stacks
    split = argv.index("--")
    spec, marker = argv[0], (argv[1] if split > 1 else None)
    install(spec, marker)
    from searchkit.cli import main as cli

    sys.argv = ["searchkit", *argv[split + 1:]]
    cli()


if __name__ == "__main__":
    main(sys.argv[1:])
