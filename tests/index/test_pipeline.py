"""Extraction in worker processes (index/pipeline.py): the same stories, in the same order, as in one process."""
from __future__ import annotations

import pytest

from searchkit import Article, Index
from searchkit.index import pipeline

BODY = ("KABUL, March 3 (Reuters) - Afghan officials said on Tuesday that {n} prisoners escaped from a jail "
        "in Herat. \"The enemy has entered the city,\" said Mohammad Ali, the governor.")


def _stories(count: int) -> list[Article]:
    return [Article(id=f"s{n}", title=f"Escape number {n}", body=BODY.format(n=n)) for n in range(count)]


def test_parallel_hands_back_what_serial_does_in_order():
    stories = _stories(pipeline.BATCH * 2 + 5)  # two full batches and a remainder
    serial, parallel = [], []
    one = pipeline.pipeline(lambda a, s: serial.append((a, s)), 1)
    many = pipeline.pipeline(lambda a, s: parallel.append((a, s)), 2)
    assert isinstance(many, pipeline.Parallel) and not isinstance(one, pipeline.Parallel)
    try:
        for story in stories:
            one.add(story)
            many.add(story)
        one.finish()
        many.finish()
    finally:
        many.close()
    assert [a.id for a, _ in parallel] == [s.id for s in stories]
    assert parallel == serial
    assert all(a.locations and a.quotes and s for a, s in parallel)  # enriched, with a signature


def test_a_failing_story_stops_the_run_and_its_workers(monkeypatch):
    many = pipeline.Parallel(lambda a, s: None, 2)
    bad = Article(id="bad", title="t", body="b")
    object.__setattr__(bad, "body", None)  # enrich cannot read it
    with pytest.raises(Exception):
        try:
            for story in [*_stories(pipeline.BATCH), bad]:
                many.add(story)
            many.finish()
        finally:
            many.close()
    assert many.workers == []


def test_a_build_with_workers_equals_one_without(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n, story in enumerate(_stories(pipeline.BATCH * 3)):
        (folder / f"{n:03d}.txt").write_text(f"date 2020-03-0{1 + n % 9} Wire - {story.title}\n{story.body}\n")
    one, two = Index(tmp_path / "one"), Index(tmp_path / "two")
    assert one.rebuild([folder], procs=1).added == two.rebuild([folder], procs=2).added == pipeline.BATCH * 3
    a = {h.id: (h.locations, h.cluster) for h in one.search("prisoners", limit=500, collapse=False).hits}
    b = {h.id: (h.locations, h.cluster) for h in two.search("prisoners", limit=500, collapse=False).hits}
    assert a == b and len(a) == pipeline.BATCH * 3
    one.close()
    two.close()


def test_a_build_frees_its_memory_before_the_commit(tmp_path, monkeypatch):
    """The workers are gone and the C heap was trimmed before Whoosh commits, and no reader of the new
    index is opened (Whoosh 3 copies a segment's postings into memory when it opens one)."""
    import multiprocessing

    import whoosh.index
    import whoosh.writing

    from searchkit.index import heap, writer

    folder = tmp_path / "in"
    folder.mkdir()
    for n, story in enumerate(_stories(pipeline.BATCH * 2)):
        (folder / f"{n:03d}.txt").write_text(f"date 2020-03-0{1 + n % 9} Wire - {story.title}\n{story.body}\n")
    seen: dict[str, list] = {"children": [], "readers": [], "trims": []}
    commit, reader, trim = whoosh.writing.SegmentWriter.commit, whoosh.index.FileIndex.reader, heap.trim

    def spy_commit(self, *args, **kwargs):
        seen["children"].append(len(multiprocessing.active_children()))
        return commit(self, *args, **kwargs)

    monkeypatch.setattr(whoosh.writing.SegmentWriter, "commit", spy_commit)
    monkeypatch.setattr(whoosh.index.FileIndex, "reader", lambda *a, **k: seen["readers"].append(1) or reader(*a, **k))
    monkeypatch.setattr(heap, "trim", lambda: seen["trims"].append(1) or trim())
    monkeypatch.setattr(writer, "TRIM_EVERY", 50)
    with Index(tmp_path / "ix") as ix:
        assert ix.rebuild([folder], procs=2).added == pipeline.BATCH * 2
        assert seen == {"children": [0], "readers": [], "trims": [1, 1]}
        assert len(ix.search("prisoners", limit=500, collapse=False).hits) == pipeline.BATCH * 2
