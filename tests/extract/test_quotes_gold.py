"""Quotation extraction against the hand-checked gold set (bench/quotes.py prints the same numbers)."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "quotes.py"


def test_quotes_gold_precision_and_recall(shared_dir, reuters_dir):
    if not BENCH.is_file():
        pytest.skip("bench/quotes.py not found")
    spec = importlib.util.spec_from_file_location("bench_quotes", BENCH)
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    result = bench.score(shared_dir)
    assert result["stories"] >= 10
    assert result["gold"] >= 40
    assert result["negative_hits"] == []
    assert result["precision"] >= 0.85, result["wrong"]
    assert result["recall"] >= 0.75, result["missing"]
