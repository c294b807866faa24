"""Real parallel processes: readers search while a writer indexes; a second writer waits or fails clearly."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest


@pytest.fixture
def reuters_part(reuters_dir):
    return [reuters_dir / f"reut2-00{i}.sgm.gz" for i in range(4)]


def test_readers_see_last_committed_state_while_writer_runs(tmp_path, seed_path, reuters_part, run_cmd,
                                                            searchkit_cmd):
    index = tmp_path / "index"
    assert run_cmd("index", seed_path, "--index", index).returncode == 0
    env = {**os.environ, "SEARCHKIT_INDEX": str(index)}
    writer = subprocess.Popen([*searchkit_cmd, "index", *map(str, reuters_part)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    results = []
    try:
        while writer.poll() is None:
            reader = run_cmd("query", "prison escape", "--json", env={"SEARCHKIT_INDEX": str(index)})
            results.append(reader.returncode)
            assert reader.returncode == 0, reader.stderr
            assert "Traceback" not in reader.stderr
            cocoa = run_cmd("query", "cocoa", env={"SEARCHKIT_INDEX": str(index)})
            assert cocoa.returncode in (0, 1), cocoa.stderr  # before or after the commit, never broken
    finally:
        _out, err = writer.communicate(timeout=300)
    assert writer.returncode == 0, err
    assert len(results) >= 1
    assert run_cmd("query", "cocoa", env={"SEARCHKIT_INDEX": str(index)}).returncode == 0


def test_second_writer_fails_clearly_or_waits(tmp_path, reuters_part, run_cmd, searchkit_cmd):
    index = tmp_path / "index"
    env = {**os.environ, "SEARCHKIT_INDEX": str(index)}
    first = subprocess.Popen([*searchkit_cmd, "index", *map(str, reuters_part)], env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = index / ".lock"
    deadline = time.monotonic() + 30
    while not (lock.exists() and lock.read_text().strip()) and time.monotonic() < deadline:
        time.sleep(0.05)
    second = run_cmd("index", reuters_part[0], env={"SEARCHKIT_INDEX": str(index)})
    if first.poll() is not None:
        pytest.skip("the first writer finished before the second started")
    assert second.returncode == 2
    assert "being written by another process" in second.stderr and "--wait" in second.stderr
    assert len(second.stderr.strip().splitlines()) == 1
    waiting = run_cmd("index", reuters_part[0], "--wait", "300", env={"SEARCHKIT_INDEX": str(index)})
    assert waiting.returncode == 0, waiting.stderr
    first.communicate(timeout=300)
    assert first.returncode == 0
    assert run_cmd("query", "cocoa", env={"SEARCHKIT_INDEX": str(index)}).returncode == 0


BUILDER = """
import sys, time
from searchkit import Index
def slow(done, total):  # holds the build (and its lock) until told to go on, then takes its time
    if not slow.told:
        print("building", flush=True)
        slow.told = sys.stdin.readline()
    time.sleep(1)
slow.told = ""
Index(sys.argv[1]).rebuild([sys.argv[2]], progress=slow)
"""


def test_a_reader_during_the_first_build_is_told_so_and_can_wait(tmp_path, run_cmd, searchkit_cmd):
    """Not "no index at ...": the index is coming, from a process the message names; --wait waits for it."""
    news = tmp_path / "news"
    news.mkdir()
    for i in range(3):
        (news / f"s{i}.txt").write_text(f"Storm {i} hits the coast\n\nA storm hit the coast on day {i}.\n")
    index = tmp_path / "index"
    builder = subprocess.Popen([sys.executable, "-c", BUILDER, str(index), str(news)], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert builder.stdout.readline() == "building\n"
        for command in (("query", "storm"), ("stats",), ("delete", "s1.txt")):
            told = run_cmd(*command, "--index", index)
            assert told.returncode == 2 and told.stdout == ""
            assert told.stderr == (f"Error: the index at {index} is being built by another process "
                                   f"(pid {builder.pid}); try again when it is done, or pass --wait SECONDS\n")
        waiting = subprocess.Popen([*searchkit_cmd, "query", "storm", "--wait", "60", "--index", str(index)],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(1)
        builder.stdin.write("go\n")
        builder.stdin.flush()
        out, err = waiting.communicate(timeout=90)
        assert waiting.returncode == 0, err
        assert "3 hits for 'storm'" in out
    finally:
        _out, err = builder.communicate("go\n", timeout=60)  # a build still held is let go (a second go is unread)
    assert builder.returncode == 0, err
