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
