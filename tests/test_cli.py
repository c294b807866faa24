"""The command line, through click's runner and through a real subprocess of the installed command."""
from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from searchkit.cli import main

SEED_ID = "000_e282b53e72c4bdf8"


@pytest.fixture(scope="module")
def built(tmp_path_factory, corpus_dir):
    """An index of the bundled corpus, built through the CLI."""
    index = tmp_path_factory.mktemp("cli") / "index"
    result = CliRunner().invoke(main, ["index", "--index", str(index), "--rebuild", str(corpus_dir)])
    assert result.exit_code == 0, result.output
    return index


def run(*args, index=None, env=None):
    extra = ["--index", str(index)] if index else []
    return CliRunner().invoke(main, [*args, *extra], env=env)


def test_query_prints_ranked_hits_with_highlight(built):
    result = run("query", "prison escape", index=built)
    assert result.exit_code == 0, result.output
    assert "1 hit for 'prison escape'" in result.output
    assert "prison" in result.output and "Islam Times" in result.output and SEED_ID in result.output
    assert "\x1b[" not in result.output  # not a terminal: no colour codes


def test_query_json_lines(built):
    result = run("query", '"prison gate"', "--json", index=built)
    assert result.exit_code == 0
    lines = result.output.strip().splitlines()
    assert len(lines) == 2
    hit = json.loads(lines[0])
    assert {"id", "title", "date", "source", "locations", "speakers", "score", "snippet", "path"} <= hit.keys()
    assert hit["id"] == SEED_ID
    assert hit["date"] == "2021-07-07T00:00:00+00:00"
    assert "<b>prison</b> <b>gate</b>" in hit["snippet"]
    assert hit["path"].endswith("000_e282b53e72c4bdf8.txt")
    assert "Hessamuddin Shams" in hit["speakers"]


def test_json_always_ends_with_the_summary_line(built):
    """Scripts read the last line for counts: it is there with plain hits, and with no hits at all."""
    plain = run("query", "prison escape", "--json", "-n", "2", index=built)
    assert plain.exit_code == 0
    *hits, last = [json.loads(line) for line in plain.output.splitlines()]
    assert hits and all("summary" not in h for h in hits)
    assert last["summary"]["query"] == "prison escape" and last["summary"]["total"] == 1
    none = run("query", "zzyzxq", "--json", "--no-correct", index=built)
    assert none.exit_code == 1
    (only,) = [json.loads(line) for line in none.output.splitlines()]
    assert only["summary"]["total"] == 0 and only["summary"]["query"] == "zzyzxq"
    quotes = run("quotes", "zzyzxq", "--json", index=built)
    assert quotes.exit_code == 1
    assert [json.loads(line) for line in quotes.output.splitlines()] == [
        {"summary": {"query": "zzyzxq", "count": 0, "limit": 20}}]


@pytest.mark.parametrize("args, says", [
    (["query", "opec", "-n", "0"], "Invalid value for '-n' / '--limit': 0 is not in the range"),
    (["query", "opec", "--sort", "sideways"], "Invalid value for '--sort': 'sideways' is not one of"),
    (["query", "opec", "--facet", "colour"], "Invalid value for '--facet': 'colour' is not one of"),
    (["query"], "Missing argument 'QUERY'"),
    (["nosuch"], "No such command 'nosuch'"),
    (["--bogus"], "No such option '--bogus'"),
    (["query", "opec", "--recency", "-5"], "the recency half-life must be a positive number of days, not -5.0"),
    (["query", "opec", "--recency=-2.5"], "the recency half-life must be a positive number of days, not -2.5"),
])
def test_usage_errors_are_one_line(built, args, says):
    result = CliRunner().invoke(main, args, env={"SEARCHKIT_INDEX": str(built)})
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and result.output.startswith("Error: ") and says in result.output, \
        result.output
    assert "Usage:" not in result.output and "Traceback" not in result.output


def test_an_optional_value_still_works_alone_and_before_other_options(built):
    alone = run("query", "prison", "--recency", "--json", index=built)
    assert alone.exit_code == 0 and json.loads(alone.output.splitlines()[-1])["summary"]["total"] >= 1


def test_no_hits_exit_1(built):
    result = run("query", "zzyzx", index=built)
    assert result.exit_code == 1


@pytest.mark.parametrize("bad", ['"unclosed', "nosuchfield:x", "(a OR b"])
def test_bad_query_exit_2_one_line(built, bad):
    result = run("query", bad, index=built)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ")
    assert len(result.output.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_filters_and_sort(built):
    ok = run("query", "taliban", "--from", "2021-07", "--to", "2021-07-31", "--location", "kabul",
             "--source", "islam times", "--sort", "date", index=built)
    assert ok.exit_code == 0, ok.output
    assert run("query", "taliban", "--to", "2021-06-30", index=built).exit_code == 1
    assert run("query", "taliban", "--from", "2021-99", index=built).exit_code == 2
    since = run("query", "taliban", "--since", "7d", index=built, env={"SEARCHKIT_TODAY": "2021-07-10"})
    assert since.exit_code == 0
    late = run("query", "taliban", "--since", "7d", index=built, env={"SEARCHKIT_TODAY": "2021-08-10"})
    assert late.exit_code == 1


def test_show_and_stats(built):
    shown = run("show", SEED_ID, "--json", index=built)
    assert shown.exit_code == 0
    assert json.loads(shown.output)["source"] == "Islam Times"
    assert run("show", "nope", index=built).exit_code == 2
    stats = run("stats", "--json", index=built)
    assert stats.exit_code == 0
    assert json.loads(stats.output)["articles"] == 1
    human = run("stats", index=built)
    assert "Islam Times" in human.output


def test_missing_index_is_a_clear_error(tmp_path):
    result = run("query", "x", index=tmp_path / "nothing")
    assert result.exit_code == 2
    assert "no index at" in result.output and "Traceback" not in result.output


def test_index_reports_skipped_files_and_keeps_the_rest(tmp_path, seed_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(seed_path, src / "seed.txt")
    (src / "empty.txt").write_bytes(b"")
    (src / "bad.txt").write_bytes(b"date 2021-07-08 Somewhere - The \x93governor\x94 spoke in Kabul.\n")
    good = gzip.compress(b"date 2021-07-09 Wire - A story about the harvest in Kandahar. " * 200)
    (src / "cut.txt.gz").write_bytes(good[: len(good) // 2])
    index = tmp_path / "index"
    result = run("index", str(src), "--json", index=index)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["added"] >= 2  # the seed and the cp1252 file at least
    assert summary["skipped"] >= 1
    assert any("empty.txt" in p for p in summary["problems"])
    assert any("cut.txt.gz" in p for p in summary["problems"])
    assert run("query", "governor", index=index).exit_code == 0
    again = json.loads(run("index", str(src), "--json", index=index).output.strip().splitlines()[-1])
    assert again["added"] == 0


def test_index_missing_path_is_an_error(tmp_path):
    result = run("index", str(tmp_path / "nope"), index=tmp_path / "index")
    assert result.exit_code == 2


def test_first_use_builds_default_index_from_corpus(tmp_path, seed_path, monkeypatch):
    (tmp_path / "corpus").mkdir()
    shutil.copy(seed_path, tmp_path / "corpus" / seed_path.name)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SEARCHKIT_INDEX", raising=False)
    result = CliRunner().invoke(main, ["query", "prison escape"])
    assert result.exit_code == 0, result.output
    assert "first use" in result.output
    assert Path("index", "CURRENT").is_file()
    again = CliRunner().invoke(main, ["query", "prison escape"])
    assert "first use" not in again.output


def _installed_command() -> list[str]:
    script = Path(sys.executable).with_name("searchkit")
    if not script.exists():
        pytest.fail(f"the console script is not installed beside {sys.executable}; run `pip install -e .`")
    return [str(script)]


def test_installed_command_in_a_subprocess(tmp_path, corpus_dir):
    index = tmp_path / "index"
    env = {**os.environ, "SEARCHKIT_INDEX": str(index)}
    cmd = _installed_command()
    built = subprocess.run([*cmd, "index", str(corpus_dir)], capture_output=True, text=True, env=env, timeout=120)
    assert built.returncode == 0, built.stderr
    hits = subprocess.run([*cmd, "query", "prison escape", "--json"], capture_output=True, text=True, env=env,
                          timeout=60)
    assert hits.returncode == 0, hits.stderr
    assert json.loads(hits.stdout.splitlines()[0])["id"] == SEED_ID
    bad = subprocess.run([*cmd, "query", '"unclosed'], capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2
    assert "unclosed quote" in bad.stderr and "Traceback" not in bad.stderr
    none = subprocess.run([*cmd, "query", "zzyzx"], capture_output=True, text=True, env=env, timeout=60)
    assert none.returncode == 1


def test_quotes_command_lists_quotation_speaker_and_article(built):
    result = run("quotes", "enemy", index=built)
    assert result.exit_code == 0, result.output
    assert "The enemy has entered the city" in result.output
    assert "Hessamuddin Shams" in result.output and "2021-07-07" in result.output and SEED_ID in result.output
    data = [json.loads(line) for line in run("quotes", "enemy", "--json", index=built).output.splitlines()]
    assert data[0]["speaker"] == "Hessamuddin Shams" and data[0]["id"] == SEED_ID
    assert "<b>enemy</b>" in data[0]["highlighted"]
    assert run("quotes", "enemy", "--speaker", "biden", index=built).exit_code == 1
    assert run("quotes", "Qatar", index=built).exit_code == 1  # in the story, not in a quotation


def test_quote_queries_show_the_matching_quote(built):
    result = run("query", "quote:enemy speaker:shams", index=built)
    assert result.exit_code == 0
    assert "\u201cThe enemy has entered the city" in result.output and "Hessamuddin Shams" in result.output
    hit = json.loads(run("query", "quote:enemy", "--json", index=built).output.splitlines()[0])
    assert hit["matched_quotes"][0]["speaker"] == "Hessamuddin Shams"


def test_did_you_mean_and_fuzzy(built):
    result = run("query", "prisson escpe", "--no-correct", index=built)
    assert result.exit_code == 1
    assert "did you mean: prison escaped" in result.output
    assert run("query", "prisson escpe", "--fuzzy", "--no-correct", index=built).exit_code == 0


def test_delete_names_the_ids_it_did_not_find(story_index):
    from datetime import datetime, timezone

    idx = story_index("delete", {"a1": ("One", "First story."), "a2": ("Two", "Second story.")},
                      datetime(2021, 7, 7, tzinfo=timezone.utc))
    result = CliRunner().invoke(main, ["delete", "a1", "nosuch", "a1", "gone/2", "--index", str(idx.path)])
    assert result.exit_code == 1
    assert result.stdout == "deleted 1 of 3 articles\n"
    assert result.stderr == "not found: nosuch, gone/2\n"
    assert idx.get("a1") is None and idx.get("a2") is not None
    one = CliRunner().invoke(main, ["delete", "a2", "--index", str(idx.path)])
    assert one.exit_code == 0 and one.stdout == "deleted 1 of 1 article\n" and one.stderr == ""


def test_index_says_built_then_updated_then_rebuilt_in_the_singular_when_one(tmp_path):
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Storm hits\n\nA storm hit the coast.\n")
    index = ["--index", str(tmp_path / "index")]
    first = CliRunner().invoke(main, ["index", *index, str(news)])
    assert first.exit_code == 0 and first.stdout.startswith(f"built {tmp_path / 'index'}: 1 article indexed")
    assert "0 warnings (1 file, 0 unchanged)" in first.stdout
    again = CliRunner().invoke(main, ["index", *index, str(news)])
    assert again.stdout.startswith("updated ") and ": 0 articles indexed, 1 unchanged" in again.stdout
    fresh = CliRunner().invoke(main, ["index", "--rebuild", *index, str(news)])
    assert fresh.stdout.startswith("rebuilt ") and ": 1 article indexed" in fresh.stdout


def test_progress_lines_when_not_on_a_terminal(tmp_path, monkeypatch):
    import searchkit.cli as cli

    monkeypatch.setattr(cli, "PROGRESS_EVERY", 0.0)
    news = tmp_path / "news"
    news.mkdir()
    for i in range(3):
        (news / f"s{i}.txt").write_text(f"Storm {i}\n\nA storm hit the coast on day {i}.\n")
    result = CliRunner().invoke(main, ["index", "--index", str(tmp_path / "index"), str(news)])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if line.startswith("indexing: ")]
    assert len(lines) == 2 and lines[0].startswith("indexing: 33% (0.0 of 0.0 MB)")  # not the last file: done
    monkeypatch.undo()
    quiet = CliRunner().invoke(main, ["index", "--rebuild", "--index", str(tmp_path / "index"), str(news)])
    assert "indexing: " not in quiet.stderr  # the real interval: nothing for a build this short


def test_header_names_the_filters_and_an_empty_span_says_where_the_dates_are(built):
    env = {"SEARCHKIT_TODAY": "2026-11-26"}
    month = run("query", "prison", "--from", "2021-07", "--to", "2021-07", "--source", "islam times", index=built,
                env=env)
    assert month.exit_code == 0
    assert month.stdout.startswith("1 hit for 'prison' from 2021-07-01 to 2021-07-31, source: islam times (")
    late = run("query", "prison", "--since", "7d", index=built, env=env)
    assert late.exit_code == 1
    assert "note: no story is dated after 2021-07-07, the newest in the index (from 2021-07-07)" in late.stderr
    assert "no hits for 'prison' from 2026-11-20" in late.stderr
    early = run("query", "prison", "--to", "2020", "--json", index=built, env=env)
    notes = json.loads(early.stdout.splitlines()[-1])["summary"]["notes"]
    assert "no story is dated before 2021-07-07, the oldest in the index (to 2021-07-07)" in notes
    inside = run("query", "zzyzxq", "--from", "2021", "--no-correct", index=built, env=env)
    assert "note:" not in inside.stderr  # the span holds stories: nothing to say about it
