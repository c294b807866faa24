"""kill -9 at several points of `index` and `index --rebuild`: the index still opens with its last
committed state, a re-run completes, and the interrupted writer is reported. The faults are injected
by tests/reliability/driver.py, which wraps real functions before running the command."""
from __future__ import annotations

import json
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from searchkit import Index

from .conftest import driver_cmd

SEED_ID = "000_e282b53e72c4bdf8"


def _other_article(folder, name="later.txt", date="2021-07-08", words="Zaranj reservoir reopened"):
    """A file of two articles (ids `later`, `later-2`): two writes, so `mid-write` is reached."""
    (folder / name).write_text(
        f"date {date} Wire - {words} on Thursday after a week of fighting.\n"
        f"date {date} Wire - Traders in Herat counted their losses after the market fire.\n"
    )


@pytest.fixture
def seeded(tmp_path, seed_path, run_cmd):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(seed_path, src / seed_path.name)
    index = tmp_path / "index"
    done = run_cmd("index", src, "--index", index)
    assert done.returncode == 0, done.stderr
    return src, index


def _ids(index, query):
    with Index(index) as idx:
        return [h.id for h in idx.search(query).hits]


@pytest.mark.parametrize("point", ["put:2", "commit", "manifest"])  # mid-write, before and after the commit
def test_kill_during_incremental_index(seeded, run_cmd, run_faulty, point):
    src, index = seeded
    _other_article(src)
    crashed = run_faulty(f"kill@{point}", "index", src, "--index", index)
    assert crashed.returncode == -9, crashed.stderr
    assert _ids(index, "prison escape") == [SEED_ID]  # the old state is intact
    after_commit = point == "manifest"
    assert _ids(index, "zaranj reservoir") == (["later"] if after_commit else [])
    rerun = run_cmd("index", src, "--index", index, "--json")
    assert rerun.returncode == 0, rerun.stderr
    assert "recovered from an interrupted writer" in rerun.stderr
    assert _ids(index, "zaranj reservoir") == ["later"]
    assert _ids(index, "prison escape") == [SEED_ID]
    again = json.loads(run_cmd("index", src, "--index", index, "--json").stdout)
    assert again["added"] == 0 and again["recovered"] is None


@pytest.mark.parametrize("point", ["put:2", "commit", "publish", "published"])
def test_kill_during_rebuild(seeded, run_cmd, run_faulty, point):
    src, index = seeded
    (src / SEED_ID).with_suffix(".txt").unlink()
    _other_article(src)
    crashed = run_faulty(f"kill@{point}", "index", "--rebuild", src, "--index", index)
    assert crashed.returncode == -9, crashed.stderr
    published = point == "published"
    assert _ids(index, "prison escape") == ([] if published else [SEED_ID])
    assert _ids(index, "zaranj reservoir") == (["later"] if published else [])
    rerun = run_cmd("index", "--rebuild", src, "--index", index)
    assert rerun.returncode == 0, rerun.stderr
    assert "recovered from an interrupted writer" in rerun.stderr
    assert _ids(index, "prison escape") == []
    assert _ids(index, "zaranj reservoir") == ["later"]
    generations = sorted(p.name for p in index.glob("gen-*"))
    assert len(generations) <= 2  # the live one and the one it replaced; half-built ones are gone


def test_ctrl_c_during_rebuild_keeps_old_index(seeded, tmp_path):
    src, index = seeded
    for i in range(300):
        _other_article(src, f"bulk-{i:03}.txt", words=f"bulk story number {i} about harvests")
    marker = tmp_path / "writing"
    proc = subprocess.Popen(driver_cmd("pause@put:2", "index", "--rebuild", src, "--index", index, marker=marker),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            # A shell's background jobs start with SIGINT ignored, and Python keeps it
                            # ignored: restore the default so the child gets Ctrl-C as a terminal would.
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    deadline = time.monotonic() + 60
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), "the rebuild never reached the middle of writing"
    proc.send_signal(signal.SIGINT)  # Ctrl-C with stories half written
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert "Traceback" not in err
    assert _ids(index, "prison escape") == [SEED_ID]
    assert _ids(index, "bulk harvests") == []


def test_no_fault_injection_hooks_left_in_the_product():
    import searchkit

    for path in Path(searchkit.__file__).parent.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for hook in ("SEARCHKIT_CRASH_AT", "SEARCHKIT_PAUSE_AT", "checkpoint("):
            assert hook not in text, f"{path}: {hook}"
