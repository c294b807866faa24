"""Which layer may import which (docs/architecture.md): data flows one way, Whoosh stays behind the seam."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "searchkit"
LAYERS = {"errors": 0, "model": 0, "ingest": 1, "extract": 2, "index": 3, "search": 4, "api": 5, "web": 6,
          "cli": 7, "__init__": 8, "__main__": 8}
# Known exceptions, each to be removed by its owner: the metadata-table reader dates rows with the
# date extractor (ingest before extract).
ALLOWED = {("ingest.sidecar", "extract")}
# Search modules that know no engine: the request, its parser and dates, the seam and the pipeline.
NEUTRAL = {"search.request", "search.parser", "search.lexer", "search.dates", "search.backend", "search.pipeline",
           "search.expand", "search.fill"}


def _modules():
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(p for p in parts if p != "__init__") or "__init__"
        yield name, path


def _imports(name: str, path: Path):
    """Every module imported anywhere in the file (also inside functions), as absolute names."""
    package = name.split(".")[:-1] if path.name != "__init__.py" else name.split(".")
    if name in ("__init__", "__main__"):
        package = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                target = ".".join([*base, node.module] if node.module else base)
                yield "searchkit." + target if target else "searchkit"
                for alias in node.names:  # `from . import store` names a module too
                    yield "searchkit." + ".".join([*base, *(node.module.split(".") if node.module else []), alias.name])
            else:
                yield node.module


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if parts[0] != "searchkit" or len(parts) == 1:
        return None
    return LAYERS.get(parts[1])


MODULES = list(_modules())


@pytest.mark.parametrize("name, path", MODULES, ids=[m for m, _ in MODULES])
def test_imports_follow_the_layers(name, path):
    own = LAYERS[name.split(".")[0]]
    for module in _imports(name, path):
        layer = _layer(module)
        if layer is not None and module.count(".") >= 1 and module.split(".")[1] in LAYERS:
            if (name, module.split(".")[1]) in ALLOWED:
                continue
            assert layer <= own, f"{name} imports {module}, a later layer"


@pytest.mark.parametrize("name, path", MODULES, ids=[m for m, _ in MODULES])
def test_only_the_index_and_search_backend_import_whoosh(name, path):
    whoosh = [m for m in _imports(name, path) if m == "whoosh" or m.startswith("whoosh.")]
    if whoosh:
        assert name.split(".")[0] in ("index", "search") and name not in NEUTRAL, f"{name} imports {whoosh}"


WEB = sorted(name for name, _path in MODULES if name.split(".")[0] == "web")


@pytest.mark.parametrize("name", sorted(NEUTRAL | {"cli", "api"}) + WEB)
def test_engine_neutral_modules_use_only_neutral_search_modules(name):
    path = dict(MODULES)[name]
    for module in _imports(name, path):
        if module.startswith("searchkit.search.") and module.count(".") == 2:
            short = module.removeprefix("searchkit.")
            allowed = NEUTRAL | ({"search.whoosh_backend"} if name == "api" else set())
            assert short in allowed, f"{name} imports {module}, which knows the engine"


@pytest.mark.parametrize("name", WEB)
def test_the_web_layer_reads_only_through_the_api(name):
    """No index folder, no writer, no extraction: pages and the JSON API go through searchkit.api.Index."""
    path = dict(MODULES)[name]
    for module in _imports(name, path):
        layer = _layer(module)
        if layer is not None and module.split(".")[1] in LAYERS:
            assert module.split(".")[1] in ("errors", "model", "search", "api", "web"), f"{name} imports {module}"


def test_a_query_process_loads_no_nltk_and_no_readers(seed_index_shared):
    """Cold start: a `searchkit query` process stems with snowballstemmer, and never pays for importing nltk
    (over a second) or the readers of HTML, WARC and feeds."""
    import subprocess
    import sys

    code = ("import sys; from searchkit.cli import main\n"
            "try:\n    main(['query', 'escaped prisoners', '--index', sys.argv[1]])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('nltk', 'trafilatura', 'warcio', 'feedparser') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(seed_index_shared.path)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "1 hit" in done.stdout and done.stdout.strip().splitlines()[-1] == "[]"
