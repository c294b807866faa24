"""Shared fixtures: where the bundled corpus and the shared real-news corpora live."""
from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    return REPO


@pytest.fixture(scope="session")
def bench_module():
    """Loads bench/<name>.py as a module, with bench/ on the path meanwhile (the scripts import their siblings)."""
    loaded: dict = {}

    def load(name: str):
        if name not in loaded:
            sys.path.insert(0, str(REPO / "bench"))
            try:
                spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
            finally:
                sys.path.remove(str(REPO / "bench"))
            loaded[name] = module
        return loaded[name]

    return load


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return REPO / "corpus"


@pytest.fixture(scope="session")
def seed_path(corpus_dir) -> Path:
    return corpus_dir / "000_e282b53e72c4bdf8.txt"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    return Path(os.environ.get("SEARCHKIT_SHARED") or REPO.parent / "shared")


@pytest.fixture(scope="session")
def reuters_dir(shared_dir) -> Path:
    path = shared_dir / "corpora" / "reuters21578"
    if not (path / "reut2-000.sgm.gz").is_file():
        pytest.skip(f"Reuters-21578 not found at {path}; set SEARCHKIT_SHARED to the folder holding corpora/")
    return path


@pytest.fixture(scope="session")
def reuters_index(tmp_path_factory, reuters_dir):
    """One index of all of Reuters-21578 per test session (built with two writer processes)."""
    from searchkit import Index

    idx = Index(tmp_path_factory.mktemp("reuters") / "index")
    report = idx.rebuild(sorted(reuters_dir.glob("reut2-*.sgm.gz")), procs=2)
    idx.report = report  # the build summary, for tests that check counts
    yield idx
    idx.close()


@pytest.fixture(scope="session")
def seed_index_shared(tmp_path_factory, corpus_dir):
    """One index of the bundled corpus per test session, for tests that only read it."""
    from searchkit import Index

    idx = Index(tmp_path_factory.mktemp("seed-shared") / "index")
    idx.rebuild([corpus_dir])
    yield idx
    idx.close()


@pytest.fixture(scope="session")
def story_index(tmp_path_factory):
    """Makes an index of a handful of stories, {id: (title, body)}, all on one day; closed at the session's end."""
    from searchkit import Index
    from searchkit.model import Article

    made = []

    def make(name: str, stories: dict, day):
        idx = Index(tmp_path_factory.mktemp(name) / "index")
        idx.add_articles(Article(id=key, title=title, body=body, date=day) for key, (title, body) in stories.items())
        made.append(idx)
        return idx

    yield make
    for idx in made:
        idx.close()
