"""A missing, empty, old, damaged or misplaced index gets a clear one-line error, never a traceback."""
from __future__ import annotations

import json
import shutil

import pytest

from searchkit import Index, IndexCorruptError, IndexMissingError, IndexVersionError


@pytest.fixture
def built(tmp_path, seed_path, run_cmd):
    index = tmp_path / "index"
    assert run_cmd("index", seed_path, "--index", index).returncode == 0
    return index


def _one_line_error(result, *needles):
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for needle in needles:
        assert needle in lines[0]


def test_missing_index(tmp_path, run_cmd):
    _one_line_error(run_cmd("query", "x", "--index", tmp_path / "none"), "no index at")
    with pytest.raises(IndexMissingError):
        Index(tmp_path / "none").search("x")


def test_empty_index_folder(tmp_path, run_cmd):
    (tmp_path / "empty").mkdir()
    _one_line_error(run_cmd("query", "x", "--index", tmp_path / "empty"), "no index at")
    _one_line_error(run_cmd("stats", "--index", tmp_path / "empty"), "no index at")


def test_index_path_is_a_file(tmp_path, run_cmd, seed_path):
    (tmp_path / "file").write_text("not an index")
    _one_line_error(run_cmd("query", "x", "--index", tmp_path / "file"), "is a file")
    _one_line_error(run_cmd("index", seed_path, "--index", tmp_path / "file"), "is a file")
    assert (tmp_path / "file").read_text() == "not an index"


def test_old_schema_version_asks_for_rebuild(built, run_cmd, seed_path):
    gen = built / (built / "CURRENT").read_text().strip()
    meta = json.loads((gen / "searchkit.json").read_text())
    meta["schema_version"] = 0
    (gen / "searchkit.json").write_text(json.dumps(meta))
    _one_line_error(run_cmd("query", "prison", "--index", built), "searchkit index --rebuild")
    _one_line_error(run_cmd("index", seed_path, "--index", built), "searchkit index --rebuild")
    with pytest.raises(IndexVersionError):
        Index(built).search("prison")
    rebuilt = run_cmd("index", "--rebuild", seed_path, "--index", built)
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_cmd("query", "prison", "--index", built).returncode == 0


def test_truncated_segment_file(built, run_cmd, seed_path):
    gen = built / (built / "CURRENT").read_text().strip()
    segment = max(gen.glob("*.seg"), key=lambda p: p.stat().st_size)
    data = segment.read_bytes()
    segment.write_bytes(data[: len(data) // 3])
    result = run_cmd("query", "prison", "--index", built)
    _one_line_error(result, "rebuild")
    with pytest.raises(IndexCorruptError):
        with Index(built) as idx:
            idx.search("prison")
    assert run_cmd("index", "--rebuild", seed_path, "--index", built).returncode == 0
    assert run_cmd("query", "prison", "--index", built).returncode == 0


def test_current_points_to_missing_generation(built, run_cmd):
    gen = built / (built / "CURRENT").read_text().strip()
    shutil.rmtree(gen)
    _one_line_error(run_cmd("query", "prison", "--index", built), "rebuild")


def test_locked_index_message_names_the_wait_option(built, run_cmd, seed_path):
    import fcntl
    import os

    fd = os.open(built / ".lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    os.pwrite(fd, b"12345\n", 0)
    try:
        _one_line_error(run_cmd("index", seed_path, "--index", built), "pid 12345", "--wait")
        _one_line_error(run_cmd("delete", "x", "--index", built), "--wait")
        assert run_cmd("query", "prison", "--index", built).returncode == 0  # readers are not blocked
    finally:
        os.close(fd)


def test_rebuild_repairs_a_broken_current_pointer(built, run_cmd, seed_path):
    (built / "CURRENT").write_text("gen-gone\n")
    _one_line_error(run_cmd("query", "prison", "--index", built), "searchkit index --rebuild")
    _one_line_error(run_cmd("index", seed_path, "--index", built), "searchkit index --rebuild")
    rebuilt = run_cmd("index", "--rebuild", "--index", built)  # as advised: the paths it was built from
    assert rebuilt.returncode == 0, rebuilt.stderr
    assert run_cmd("query", "prison escape", "--index", built).returncode == 0
    assert run_cmd("index", seed_path, "--index", built).returncode == 0  # and incremental runs work again
    (built / "CURRENT").write_text("gen-gone-again\n")
    assert run_cmd("index", "--rebuild", seed_path, "--index", built).returncode == 0


def test_index_without_paths_skips_a_recorded_folder_that_is_gone(tmp_path, seed_path, run_cmd):
    kept, gone = tmp_path / "kept", tmp_path / "more-news"
    kept.mkdir()
    gone.mkdir()
    shutil.copy(seed_path, kept / seed_path.name)
    (gone / "other.txt").write_text("date 2021-07-08 Wire - Zaranj reservoir reopened on Thursday.\n")
    index = tmp_path / "index"
    assert run_cmd("index", kept, gone, "--index", index).returncode == 0
    shutil.rmtree(gone)
    (kept / "new.txt").write_text("date 2021-07-09 Wire - Herat traders counted their losses.\n")
    result = run_cmd("index", "--index", index)
    assert result.returncode == 0, result.stderr
    assert f"warning: {gone.resolve()}: recorded source no longer exists; not read" in result.stderr
    assert "updated " in result.stdout and ": 1 article indexed" in result.stdout
    assert run_cmd("query", "herat traders", "--index", index).returncode == 0
    assert run_cmd("query", "zaranj", "--index", index).returncode == 0  # what was read from it stays


def test_feedback_counts_read_late_still_report_damage_in_one_line(built):
    """Feedback reads its words' story counts only when RM3 asks: damage met then is still IndexCorruptError."""
    import zlib

    from searchkit.search.request import SearchRequest
    from searchkit.search.whoosh_backend import WhooshBackend

    backend = WhooshBackend(built)
    found = backend.feedback(SearchRequest.build("prison escape", match="any"), 3)
    word = next(iter(found.frequency))
    assert found.frequency[word] >= 1 and found.frequency.get("no-such-word-here") is None

    def broken(*_args):
        raise zlib.error("Error -3 while decompressing data")

    backend.searcher().reader().doc_frequency = broken
    later = next(w for w in found.frequency if w != word)
    with pytest.raises(IndexCorruptError, match="searchkit index --rebuild"):
        found.frequency[later]
