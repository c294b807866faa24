"""Web tests share one small index per session: the bundled story, stories written for these tests
(several countries, a near-duplicate pair, ids with `/`, `?` and `#`), and hostile stories added
through the API. The browser tests share one `searchkit serve` process and one Chromium.
"""
from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from searchkit import Article, Index

STORIES = Path(__file__).with_name("stories.jsonl")
TODAY = datetime(2022, 9, 1, tzinfo=timezone.utc)
URL_ID = "https://news.example.org/2021/03/14/manaus-escape?ref=rss#top"
SEED_ID = "000_e282b53e72c4bdf8"

# Text that would run script, add attributes or break the highlight marks if it reached a page unescaped.
XSS = '<script>alert(1)</script> "onmouseover=alert(2) x=" </b> <img src=x onerror=alert(3)>'
HOSTILE = [
    Article(
        id='evil/"><script>alert(9)</script>', date=datetime(2021, 6, 1, tzinfo=timezone.utc),
        title=f"Zanzibar ferry {XSS} title",
        body=(f"STONE TOWN, Tanzania - The zanzibar ferry story {XSS} in the body.\n\n"
              f"“Nobody will escape the zanzibar inquiry {XSS},” said Amani Hostile.\n\nMore text follows."),
        source=f"Gazette {XSS}", authors=(f"Mallory {XSS}",), tags=(f"tag {XSS}",), url="javascript:alert(4)",
    ),
    Article(id="evil-two", date=datetime(2021, 6, 2, tzinfo=timezone.utc),
            title="Second zanzibar story </b><b>", body="A zanzibar body with </b> and <b> tags & an ampersand."),
]


@pytest.fixture(scope="session")
def web_index(tmp_path_factory, corpus_dir):
    idx = Index(tmp_path_factory.mktemp("web") / "index")
    idx.rebuild([corpus_dir, STORIES])
    idx.add_articles(HOSTILE)
    yield idx
    idx.close()


@pytest.fixture(scope="session")
def client(web_index):
    from starlette.testclient import TestClient

    from searchkit.web import create_app

    app = create_app(web_index, today=lambda: TODAY, hosts=("testserver",))
    with TestClient(app, raise_server_exceptions=False) as test_client:  # a 500 is an answer here, to check
        yield test_client


# -- a real server and a real browser -------------------------------------------------------------

SERVING = re.compile(r"serving .* at (http://127\.0\.0\.1:\d+/)")


@pytest.fixture(scope="session")
def live_server(tmp_path_factory, corpus_dir):
    """`searchkit serve --port 0` in a folder with ./corpus and no index: it builds one on first use."""
    home = tmp_path_factory.mktemp("serve")
    (home / "corpus").mkdir()
    for path in (*corpus_dir.iterdir(), STORIES):
        shutil.copy(path, home / "corpus" / path.name)
    env = {**os.environ, "SEARCHKIT_TODAY": TODAY.date().isoformat()}
    env.pop("SEARCHKIT_INDEX", None)
    proc = subprocess.Popen([sys.executable, "-m", "searchkit", "serve", "--port", "0", "--quiet"], cwd=home,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = []
    deadline = time.monotonic() + 120
    url = None
    while url is None and time.monotonic() < deadline:
        line = proc.stderr.readline()
        if not line and proc.poll() is not None:
            break
        lines.append(line)
        found = SERVING.search(line)
        url = found.group(1) if found else None
    if url is None:
        proc.kill()
        pytest.fail("searchkit serve did not start:\n" + "".join(lines) + proc.stderr.read())
    proc.url, proc.home, proc.startup = url, home, "".join(lines)
    yield proc
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)


BROWSER_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; nothing is downloaded. Missing, it fails the tests
    (the README's test command installs it) unless SEARCHKIT_SKIP_BROWSER=1 says to skip them."""
    if os.environ.get("SEARCHKIT_SKIP_BROWSER") == "1":
        pytest.skip("SEARCHKIT_SKIP_BROWSER=1: browser tests skipped on request")
    chromium = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if chromium is None:
        pytest.fail("Chromium is not installed: run `apt-get install -y chromium` (the README's test command does), "
                    "or set SEARCHKIT_SKIP_BROWSER=1 to skip the browser tests", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is not installed: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=chromium, args=BROWSER_ARGS)
        yield launched
        launched.close()
