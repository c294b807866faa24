"""Damaged index files are reported as a damaged index, whatever exception decoding them raises;
a fault of the program with intact files is not blamed on the index."""
from __future__ import annotations

import random
import shutil

import pytest

from searchkit import Index, IndexCorruptError, SearchkitError
from searchkit.index import store


@pytest.fixture(scope="module")
def pristine(tmp_path_factory, reuters_dir):
    """A small real index (two Reuters files) to copy and damage."""
    path = tmp_path_factory.mktemp("pristine") / "index"
    Index(path).add(sorted(reuters_dir.glob("reut2-00[01].sgm.gz")))
    return path


def _copy(pristine, tmp_path):
    target = tmp_path / "index"
    shutil.copytree(pristine, target)
    return target, store.current_generation(target)


def test_a_commit_records_the_engine_files(pristine):
    gen = store.current_generation(pristine)
    assert store.damaged_files(gen) == []
    recorded = (gen / store.FILES).read_text()
    assert ".seg" in recorded and ".toc" in recorded
    assert "manifest.json" not in recorded and "duplicates.sqlite" not in recorded


def test_same_size_damage_is_found(pristine, tmp_path):
    _root, gen = _copy(pristine, tmp_path)
    segment = max(gen.glob("*.seg"), key=lambda p: p.stat().st_size)
    data = bytearray(segment.read_bytes())
    data[len(data) // 2] ^= 0xFF
    segment.write_bytes(bytes(data))
    assert store.damaged_files(gen) == [segment.name]


def test_random_byte_damage_never_escapes_as_anything_but_a_searchkit_error(pristine, tmp_path):
    rng = random.Random(11)
    outcomes = {"answered": 0, "damaged": 0}
    for trial in range(30):
        root, gen = _copy(pristine, tmp_path / str(trial))
        segment = max(gen.glob("*.seg"), key=lambda p: p.stat().st_size)
        data = bytearray(segment.read_bytes())
        for _ in range(rng.choice((1, 10, 100))):  # runs of random bytes here and there
            start = rng.randrange(len(data) - 64)
            data[start:start + 64] = rng.randbytes(64)
        segment.write_bytes(bytes(data))
        try:
            with Index(root) as idx:
                for words in ("oil", "cocoa prices", '"interest rates"', "grain*"):
                    for hit in idx.search(words, limit=5).hits:
                        idx.get(hit.id)
                idx.stats()
            outcomes["answered"] += 1
        except IndexCorruptError as exc:
            assert "rebuild" in str(exc) and "\n" not in str(exc)
            outcomes["damaged"] += 1
        except SearchkitError:
            outcomes["damaged"] += 1
    assert outcomes["damaged"] > 0  # the damage was seen at least some of the time


def test_a_fault_of_the_program_is_not_called_damage(pristine, tmp_path, monkeypatch):
    root, _gen = _copy(pristine, tmp_path)
    from searchkit.search import ranking

    def broken(*args, **kwargs):
        raise ValueError("a bug, not damage")

    with Index(root) as idx:
        idx.search("oil")
        monkeypatch.setattr(ranking, "search", broken)
        with pytest.raises(ValueError, match="a bug"):
            idx.search("oil")


_FAULTY_CLI = ("import sys, searchkit.search.ranking as r\n"
               "def broken(*a, **k):\n    raise ZeroDivisionError('a planted fault')\n"
               "r.search = broken\nfrom searchkit.cli import main\nsys.argv[0] = 'searchkit'\nmain()")


@pytest.mark.parametrize("debug", [False, True])
def test_a_fault_of_the_program_is_one_line_in_the_cli(pristine, tmp_path, debug):
    import os
    import subprocess
    import sys

    root, _gen = _copy(pristine, tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "SEARCHKIT_DEBUG"}
    if debug:
        env["SEARCHKIT_DEBUG"] = "1"
    result = subprocess.run([sys.executable, "-c", _FAULTY_CLI, "query", "oil", "--index", str(root)],
                            capture_output=True, text=True, env=env, timeout=60)
    if debug:
        assert "Traceback" in result.stderr and "a planted fault" in result.stderr
        return
    assert result.returncode == 70, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert "internal error (ZeroDivisionError: a planted fault)" in lines[0] and "SEARCHKIT_DEBUG" in lines[0]
