"""Helpers for running the installed `searchkit` command as a real process."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def searchkit_cmd() -> list[str]:
    script = Path(sys.executable).with_name("searchkit")
    if not script.exists():
        pytest.fail(f"the console script is not installed beside {sys.executable}; run `pip install -e .`")
    return [str(script)]


@pytest.fixture
def run_cmd(searchkit_cmd):
    def run(*args, env=None, timeout=120, **kwargs):
        full_env = {**os.environ, **(env or {})}
        return subprocess.run([*searchkit_cmd, *map(str, args)], capture_output=True, text=True, env=full_env,
                              timeout=timeout, **kwargs)

    return run


DRIVER = Path(__file__).with_name("driver.py")


def driver_cmd(fault: str, *args, marker=None) -> list[str]:
    """The command running `searchkit ARGS` with a fault injected by tests/reliability/driver.py."""
    return [sys.executable, str(DRIVER), fault, *([str(marker)] if marker else []), "--", *map(str, args)]


@pytest.fixture
def run_faulty():
    def run(fault, *args, timeout=120):
        return subprocess.run(driver_cmd(fault, *args), capture_output=True, text=True, timeout=timeout)

    return run


def live_in_group(pgid: int) -> list[int]:
    """Processes of a process group that still run (zombies left to a pid 1 that never reaps are dead)."""
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc", entry, "stat").read_text()
        except OSError:
            continue
        state, _ppid, group = stat[stat.rindex(")") + 2:].split()[:3]
        if int(group) == pgid and state not in "ZX":
            found.append(int(entry))
    return found


def wait_group_gone(pgid: int, timeout: float = 10.0) -> list[int]:
    """Wait until no process of the group runs; returns those still running after `timeout`."""
    import time

    deadline = time.monotonic() + timeout
    while (alive := live_in_group(pgid)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return alive
