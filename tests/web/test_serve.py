"""`searchkit serve` as a real process: builds the index on first use, listens on 127.0.0.1, stops cleanly."""
from __future__ import annotations

import signal
import subprocess
import sys
import urllib.error
import urllib.request
from urllib.parse import urlsplit

from .conftest import SERVING


def fetch(url: str, host: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read().decode("latin-1")
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read().decode()


def test_serve_builds_the_index_on_first_use_and_answers(live_server):
    assert "building the index in index from corpus/ (first use)" in live_server.startup
    assert (live_server.home / "index" / "CURRENT").is_file()
    assert urlsplit(live_server.url).hostname == "127.0.0.1"
    status, headers, html = fetch(live_server.url + "?q=prison+escape")
    assert status == 200 and html.count('<li class="hit">') == 4
    assert "frame-ancestors 'none'" in headers["content-security-policy"]
    assert "server" not in {k.lower() for k in headers}  # no software banner
    status, _headers, body = fetch(live_server.url + "api/search?q=prison", host="rebound.example")
    assert status == 400 and "Host" in body


def test_a_taken_port_is_one_clear_error(live_server):
    port = str(urlsplit(live_server.url).port)
    result = subprocess.run([sys.executable, "-m", "searchkit", "serve", "--port", port, "--index",
                             str(live_server.home / "index")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [f"Error: cannot listen on 127.0.0.1:{port}: Address already in use"]


def test_a_missing_index_is_one_clear_error(tmp_path):
    result = subprocess.run([sys.executable, "-m", "searchkit", "serve", "--port", "0", "--index",
                             str(tmp_path / "none")], capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 2
    assert "no index at" in result.stderr and "Traceback" not in result.stderr


def test_sigterm_stops_the_server(live_server):
    proc = subprocess.Popen([sys.executable, "-m", "searchkit", "serve", "--port", "0", "--index",
                             str(live_server.home / "index")], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    url = SERVING.search(line).group(1)
    assert fetch(url + "favicon.ico")[0] == 200
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=30) == 0
    rest = proc.stderr.read()
    assert "searchkit: stopped" in rest and "Traceback" not in rest
