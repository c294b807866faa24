"""The JSON API says what the CLI's --json says, from the same to_dict code."""
from __future__ import annotations

import json
from urllib.parse import quote

from click.testing import CliRunner

from searchkit.cli import main

from .conftest import SEED_ID, TODAY, URL_ID


def cli_json(index, *args) -> list[dict]:
    result = CliRunner().invoke(main, [*args, "--json", "--index", str(index.path)],
                                env={"SEARCHKIT_TODAY": TODAY.date().isoformat()})
    assert result.exit_code in (0, 1), result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_search_is_the_query_commands_json(client, web_index):
    r = client.get("/api/search", params={"q": "prison escape", "facet": ["country", "year"]})
    assert r.status_code == 200 and r.headers["content-type"] == "application/json"
    data = r.json()
    lines = cli_json(web_index, "query", "prison escape", "--facet", "country", "--facet", "year")
    summary = lines.pop()["summary"]
    assert data["hits"] == lines
    for key in ("query", "total", "matched", "page", "pages", "limit", "suggestion", "facets", "undated", "notes"):
        assert data["summary"][key] == summary[key], key
    assert data["summary"]["total"] == 4 and data["summary"]["matched"] == 5
    assert ["Mexico", 2] in data["summary"]["facets"]["country"]


def test_search_takes_the_pages_parameters(client):
    data = client.get("/api/search", params={"q": "prison", "country": "Mexico", "all": "1", "sort": "oldest",
                                             "limit": "1", "page": "2"}).json()
    assert data["summary"]["total"] == 2 and data["summary"]["pages"] == 2
    assert len(data["hits"]) == 1 and data["hits"][0]["id"] in ("world/mexico-tunnel", "world/mexico-tunnel-copy")
    corrected = client.get("/api/search", params={"q": "prisson escpe"}).json()["summary"]  # found nothing as typed
    assert corrected["corrected_from"] == "prisson escpe" and corrected["query"] == "prison escape"


def test_article_by_path_or_parameter_is_show_json(client, web_index):
    expected = cli_json(web_index, "show", SEED_ID)[0]
    assert client.get(f"/api/article/{SEED_ID}").json() == expected
    for article_id in ("world/mexico-tunnel", URL_ID):
        expected = cli_json(web_index, "show", article_id)[0]
        assert client.get("/api/article/" + quote(article_id, safe="")).json() == expected
        assert client.get("/api/article", params={"id": article_id}).json() == expected
    assert client.get("/api/article/world/mexico-tunnel").json()["id"] == "world/mexico-tunnel"


def test_quotes_are_the_quotes_commands_json(client, web_index):
    data = client.get("/api/quotes", params={"q": "escape"}).json()
    lines = cli_json(web_index, "quotes", "escape")
    assert lines.pop() == {"summary": data["summary"]}  # the command's last line is the API's summary
    assert data["quotes"] == lines and data["summary"] == {"query": "escape", "count": len(lines), "limit": 20}
    assert {q["speaker"] for q in data["quotes"]} >= {"Jorge Salinas"}
    by = client.get("/api/quotes", params={"q": "*", "speaker": "shams"}).json()["quotes"]
    assert [q["speaker"] for q in by] == ["Hessamuddin Shams"]


def test_api_errors_are_json_with_a_status(client):
    r = client.get("/api/search", params={"q": "prison nofield:x"})
    assert r.status_code == 400
    assert r.json()["position"] == 7 and r.json()["token"] == "nofield" and "nofield" in r.json()["error"]
    r = client.get("/api/search")
    assert r.status_code == 400 and "q is missing" in r.json()["error"]
    for params in ({"q": "x", "limit": "101"}, {"q": "x", "facet": "nonsense"}, {"q": "x", "facet_top": "0"}):
        r = client.get("/api/search", params=params)
        assert r.status_code == 400 and r.json()["status"] == 400, params
    r = client.get("/api/article/no-such-story")
    assert r.status_code == 404 and r.json() == {"error": "no story with id 'no-such-story' in this index",
                                                 "status": 404}
    r = client.get("/api/nothing")
    assert r.status_code == 404 and r.json()["status"] == 404
