"""Writers that die cleanly: a multi-process rebuild killed (-9), stopped (SIGTERM) or interrupted
(Ctrl-C to its process group) leaves no process of its own behind, no lock held, and the old index
intact; the next write succeeds at once."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from searchkit import Article, Index
from searchkit.index import store

from .conftest import driver_cmd, live_in_group, wait_group_gone

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")


@pytest.fixture(scope="module")
def feed(tmp_path_factory):
    """400 stories: enough batches (handed out 64 at a time, index/pipeline.py) for two worker processes."""
    folder = tmp_path_factory.mktemp("feed")
    words = "harvest wheat cocoa senate river port traders market drought rains".split()
    with open(folder / "feed.jsonl", "w") as f:
        for i in range(400):
            body = " ".join(words[(i + k) % len(words)] for k in range(60))
            f.write(json.dumps({"id": f"s{i}", "title": f"Bulletin {i}", "body": f"{body} zanzibar{i % 7}"}) + "\n")
    return folder / "feed.jsonl"


@pytest.fixture(scope="module")
def seed_index(tmp_path_factory, seed_path):
    index = tmp_path_factory.mktemp("seed") / "index"
    Index(index).rebuild([seed_path])
    return index


@pytest.fixture
def old_index(tmp_path, seed_index):
    """An index of the seed story, which the interrupted rebuild of the feed must leave as it was."""
    shutil.copytree(seed_index, tmp_path / "index")
    return tmp_path / "index"


def _hits(index, q):
    with Index(index) as idx:
        return idx.search(q).total


def _start(fault, feed, index, marker=None, **kwargs):
    return subprocess.Popen(driver_cmd(fault, "index", "--rebuild", feed, "--procs", "2", "--index", index,
                                       marker=marker),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            **kwargs)


def _next_write_succeeds(run_cmd, feed, index, rebuild=False):
    if not rebuild:  # a write at once, in this process (no lock wait)
        with Index(index) as idx:
            idx.add_articles([Article(id="after", title="After the crash", body="zanzibar3 recovered")])
        assert _hits(index, "zanzibar3") == 1
        return
    again = run_cmd("index", "--rebuild", "--procs", "2", feed, "--index", index)
    assert again.returncode == 0, again.stderr
    assert _hits(index, "zanzibar3") > 1


@pytest.mark.parametrize("point", ["enqueue:2", "commit", "manifest", "publish"])
def test_kill_9_of_a_multiprocess_rebuild_leaves_no_process_and_no_lock(old_index, feed, run_cmd, point):
    proc = _start(f"kill@{point}", feed, old_index)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == -9, err
    assert wait_group_gone(proc.pid) == []  # its worker processes died with it
    assert _hits(old_index, "prison escape") == 1  # the old index is intact
    assert _hits(old_index, "zanzibar3") == 0
    _next_write_succeeds(run_cmd, feed, old_index)


def _paused(feed, index, tmp_path, **kwargs):
    marker = tmp_path / "paused"
    proc = _start("pause@enqueue:2", feed, index, marker=marker, **kwargs)
    deadline = time.monotonic() + 60
    while not marker.exists() and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.exists(), proc.stderr.read() if proc.poll() is not None else "never paused"
    assert len(live_in_group(proc.pid)) == 3  # the command and its two worker processes
    return proc


def test_sigterm_is_a_clean_stop(old_index, feed, run_cmd, tmp_path):
    proc = _paused(feed, old_index, tmp_path)
    proc.send_signal(signal.SIGTERM)  # to the command only, as `kill PID` or a service manager does
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143
    assert err.strip().splitlines() == ["terminated; the index holds its last committed state"]
    assert wait_group_gone(proc.pid) == []
    assert _hits(old_index, "prison escape") == 1 and _hits(old_index, "zanzibar3") == 0
    assert [p.name for p in old_index.glob("gen-*")] == [(old_index / "CURRENT").read_text().strip()]
    _next_write_succeeds(run_cmd, feed, old_index, rebuild=True)


def test_ctrl_c_reaches_the_whole_group_and_no_worker_prints_a_traceback(old_index, feed, run_cmd, tmp_path):
    proc = _paused(feed, old_index, tmp_path, preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    os.killpg(proc.pid, signal.SIGINT)  # a terminal sends Ctrl-C to every process of the foreground group
    try:
        _out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.kill(proc.pid, signal.SIGUSR1)  # the driver prints every thread's stack
        time.sleep(1)
        proc.kill()
        pytest.fail("no exit 60 s after Ctrl-C; stacks:\n" + proc.communicate()[1])
    assert proc.returncode == 130
    assert err.strip().splitlines() == ["interrupted; the index holds its last committed state"]
    assert wait_group_gone(proc.pid) == []
    assert _hits(old_index, "prison escape") == 1
    _next_write_succeeds(run_cmd, feed, old_index)


def test_a_forked_child_does_not_keep_the_lock_of_a_dead_writer(tmp_path):
    index = tmp_path / "index"
    script = textwrap.dedent(f"""
        import os, signal, sys, time
        from pathlib import Path
        from searchkit.index import store
        with store.write_lock(Path({str(index)!r})):
            child = os.fork()
            if child == 0:
                quiet = os.open(os.devnull, os.O_RDWR)
                for fd in (0, 1, 2):  # let the test's pipes close
                    os.dup2(quiet, fd)
                time.sleep(30)
                os._exit(0)
            print(child, flush=True)
            os.kill(os.getpid(), signal.SIGKILL)  # the writer dies; the child it forked lives on
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert proc.returncode == -9, proc.stderr
    child = int(proc.stdout.split()[0])
    try:
        assert _running(child)
        with store.write_lock(index) as note:  # taken at once, not "being written by another process"
            assert note is not None and "recovered from an interrupted writer" in note
        assert _running(child)  # it was alive all along: the lock did not depend on it
    finally:
        os.kill(child, signal.SIGKILL)


def _running(pid: int) -> bool:
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] not in "ZX"
