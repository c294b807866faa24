"""Ranking beyond BM25: partial matches filling a short page, automatic spelling correction,
pseudo-relevance feedback (RM3), and currency/percent signs kept with their numbers."""
from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timezone

import pytest
from click.testing import CliRunner

from searchkit import ArgumentError, Index
from searchkit.cli import main
from searchkit.index.schema import name_analyzer, text_analyzer
from searchkit.model import Article
from searchkit.search import pipeline
from searchkit.search import request as rq
from searchkit.search.fill import partial_query
from searchkit.search.request import SearchRequest

DAY = datetime(2021, 7, 14, tzinfo=timezone.utc)
STORIES = {
    "all3": ("Guard foils prison escape", "A guard stopped a prison escape at dawn in the north."),
    "two": ("Prison escape in the south", "Three men escaped from a prison on Monday."),
    "one": ("New guard tower", "The council built a guard tower beside the river."),
    "none": ("Harvest festival", "Farmers celebrated the harvest with music."),
    "mourinho": ("Mourinho returns to Chelsea", "Jose Mourinho was named Chelsea manager again."),
    "pounds": ("Takeover worth £800m", "The group agreed a £800m takeover of the brewer, paid in cash."),
    "race": ("Kenyan wins 800m race", "She won the 800m race in a record time."),
    "dollar_sign": ("Deal worth $5 billion", "The company agreed a $5 billion deal for the mine."),
    "dollar_words": ("Mine bought", "The miner paid 5 billion dollars for the rival mine."),
    "five_billion": ("Debt of 5 billion yen", "The bank wrote off debt of 5 billion yen in June."),
    "pct": ("Prices up 5 pct", "Consumer prices rose 5 pct in May, the office said."),
    "percent": ("Sales rise 5%", "Retail sales rose 5% from a year earlier."),
    "crude": ("Crude output cut", "Producers agreed to cut crude output on Monday."),
}


@pytest.fixture(scope="module")
def small(story_index):
    return story_index("features", STORIES, DAY)


def run(*args):
    return CliRunner().invoke(main, [*args])


def ids(results):
    return [h.id for h in results.hits]


# -- partial matches ------------------------------------------------------------------------------

def test_a_short_page_is_filled_with_the_best_partial_matches(small):
    results = small.search("prison escape guard", collapse=False)
    assert ids(results)[:1] == ["all3"] and results.total == 1
    assert set(ids(results)[1:]) == {"two", "one"} and results.partial == 2
    assert [h.partial for h in results.hits] == [False, True, True]
    assert [h.rank for h in results.hits] == [1, 2, 3] and results.pages == 1
    assert ids(results)[1] == "two"  # two of the three words rank above one of them
    assert results.hits[1].to_dict()["partial"] is True and results.to_dict()["partial"] == 2
    strict = small.search("prison escape guard", fill=False)
    assert ids(strict) == ["all3"] and strict.partial == 0


def test_partial_matches_page_on_after_the_full_ones(small):
    first = small.search("prison escape guard", limit=2, collapse=False)
    second = small.search("prison escape guard", limit=2, page=2, collapse=False)
    assert ids(first) == ["all3", "two"] and first.pages == 2
    assert ids(second) == ["one"] and second.hits[0].rank == 3 and second.hits[0].partial


def test_a_full_page_and_strict_clauses_get_no_partial_matches(small):
    assert small.search("prison escape guard", limit=1).partial == 0  # all words filled the page
    assert small.search("prison AND escape AND guard").partial == 0  # AND typed: strict
    assert small.search("prison escape guard", match="any").partial == 0
    # a field clause stays required: only the free words become optional
    assert ids(small.search("title:tower prison guard")) == ["one"]


def test_the_partial_query_keeps_what_is_not_a_free_word():
    request = SearchRequest.build("title:tower prison guard", basedate=DAY)
    node = partial_query(request.query)
    assert isinstance(node, rq.And) and node.children[0] == request.query.children[0]
    assert node.children[1] == rq.Or(children=request.query.children[1:], start=0, end=len(request.text))
    assert partial_query(SearchRequest.build("prison", basedate=DAY).query) is None
    assert partial_query(SearchRequest.build("prison AND guard", basedate=DAY).query) is None


def test_cli_marks_partial_matches_in_text_and_json(tmp_path_factory):
    index = tmp_path_factory.mktemp("cli-features") / "index"
    Index(index).add_articles(Article(id=k, title=t, body=b, date=DAY) for k, (t, b) in STORIES.items())
    text = run("query", "prison escape guard", "--index", str(index))
    assert text.exit_code == 0
    assert "1 hit for 'prison escape guard' + 2 partial matches (some of the words)" in text.output
    assert "-- partial matches: stories with only some of the words --" in text.output
    assert re.search(r"2\. \[partial\] Prison escape in the south", text.output)
    lines = run("query", "prison escape guard", "--json", "--index", str(index)).output.splitlines()
    hits, summary = [json.loads(x) for x in lines[:-1]], json.loads(lines[-1])["summary"]
    assert [h["partial"] for h in hits] == [False, True, True] and summary["partial"] == 2
    strict = run("query", "prison escape guard", "--strict", "--json", "--index", str(index))
    assert len(strict.output.splitlines()) == 2  # the one hit, then the summary
    # auto-correction, in text and JSON, and turned off
    corrected = run("query", "mourhino chelsea", "--index", str(index))
    assert corrected.exit_code == 0
    assert "no hits for 'mourhino chelsea'; showing results for 'mourinho chelsea'" in corrected.output
    assert "Mourinho returns to Chelsea" in corrected.output
    as_json = run("query", "mourhino chelsea", "--json", "--index", str(index)).output.splitlines()
    summary = json.loads(as_json[-1])["summary"]
    assert summary["corrected_from"] == "mourhino chelsea" and summary["query"] == "mourinho chelsea"
    typed = run("query", "mourhino", "--no-correct", "--index", str(index))
    assert typed.exit_code == 1 and "did you mean: mourinho" in typed.output


# -- spelling correction ----------------------------------------------------------------------------

def test_a_query_finding_nothing_runs_its_correction(small):
    results = small.search("mourhino chelsea")
    assert results.corrected_from == "mourhino chelsea" and results.query == "mourinho chelsea"
    assert ids(results) == ["mourinho"] and not results.hits[0].partial and results.suggestion is None
    as_typed = small.search("mourhino chelsea", correct=False)
    assert as_typed.corrected_from is None and as_typed.total == 0
    assert as_typed.suggestion == "mourinho chelsea" and [h.partial for h in as_typed.hits] == [True]


def test_a_word_under_five_letters_is_respelled_by_one_edit_at_most(small):
    typed = small.search("oli", correct=False)  # `on` is two edits away, `oil` in no story
    assert typed.total == 0 and typed.suggestion is None and small.search("oli").corrected_from is None
    assert small.search("crud").query == "crude"  # one edit away
    assert small.search("harvset").query == "harvest"  # five letters and more: a swap is one edit


def test_the_correction_keeps_clauses_added_to_the_tree(small):
    request = SearchRequest.build("mourhino chelsea^2", basedate=DAY)
    assert small.search(request).hits[0].id == "mourinho"
    narrowed = replace(request, query=rq.And(children=(request.query, rq.Word(text="harvest", field="title"))))
    assert small.search(narrowed).total == 0  # respelled, the added clause still applies
    assert small.search(narrowed).corrected_from is None
    respelled = pipeline.respelled(narrowed, "mourinho chelsea^2")
    assert [leaf.text for leaf, _neg in rq.leaves(respelled.query)] == ["mourinho", "chelsea", "harvest"]
    assert respelled.query.children[0].children[1].boost == 2.0


def test_no_correction_when_the_query_finds_something_or_has_none(small):
    assert small.search("mourinho").corrected_from is None
    nothing = small.search("zqxjk")
    assert nothing.total == 0 and nothing.corrected_from is None and not nothing.hits


@pytest.mark.parametrize("options", [{"expand": "yes"}, {"fill": 1}, {"correct": None}])
def test_the_new_options_are_checked(options):
    with pytest.raises(ArgumentError):
        SearchRequest.build("prison", **options)


# -- currency and percent signs ---------------------------------------------------------------------

def test_signs_stay_with_their_numbers_in_the_index():
    words = [t.text for t in text_analyzer()("Paid £800m ($1.5bn) for 30,000 shares, up 5.5% on 1986. Won 800m race")]
    assert words == ["paid", "£800m", "$1.5bn", "for", "30,000", "share", "up", "5.5%", "on", "1986", "won", "800m",
                     "race"]
    assert [t.text for t in name_analyzer()("message.Badghis U.S. 5 mln dlrs")] == ["message", "badghis", "u", "s",
                                                                                     "5", "mln", "dlrs"]


def test_pounds_do_not_match_a_race_and_dollars_match_both_spellings(small):
    assert ids(small.search("£800m")) == ["pounds"]
    assert set(ids(small.search("800m"))) == {"pounds", "race"}
    assert set(ids(small.search("$5 billion", fill=False))) == {"dollar_sign", "dollar_words"}
    assert ids(small.search('"$5 billion"')) == ["dollar_sign"]  # a phrase is the very words
    assert set(ids(small.search("5%", fill=False))) == {"pct", "percent"}
    assert "<b>£800m</b>" in small.search("800m takeover").hits[0].snippet


def test_amounts_in_real_wire_copy(reuters_index):
    """Reuters spells amounts out ('1.5 billion dlrs', '5.5 pct'): signed queries still find them."""
    pct = reuters_index.search("5.5%", limit=20, fill=False)
    assert pct.total > 20
    texts = [h.snippet.replace("<b>", "").replace("</b>", "") for h in pct.hits if h.snippet]  # a headline-only story has no text
    assert len(texts) >= 15 and all(re.search(r"\b5\.5 (pct|percent)|5\.5%", s) for s in texts)
    dollars = reuters_index.search("$1.5 billion", limit=20, fill=False)
    assert dollars.total > 20
    plain = [h.title + " " + h.snippet.replace("<b>", "").replace("</b>", "") for h in dollars.hits]  # flashes: a title
    assert sum(bool(re.search(r"1\.5 billion (dlrs?|dollars|U\.S\. dlrs)", s, re.I)) for s in plain) >= 15
    # the decimal point is part of the number: "1.5" is not "1" and "5"
    five = reuters_index.search('"5 billion dlrs"', limit=50)
    assert 0 < five.total < reuters_index.search('"1.5 billion dlrs"').total
    for hit in five.hits:
        story = reuters_index.get(hit.id)
        assert re.search(r"(?<![\d.])5 billion dlrs", " ".join((story.title + " " + story.body).split()), re.I), hit.id


def test_dollar_amounts_in_real_us_news(shared_dir):
    folder = shared_dir / "corpora" / "polnear" / "train" / "text"
    if not folder.is_dir():
        pytest.skip(f"PolNeAR not found at {folder}")
    amounts = set()
    for path in sorted(folder.glob("*.txt"))[:400]:
        amounts.update(t.text for t in text_analyzer()(path.read_text(encoding="utf-8", errors="replace"))
                       if t.text.startswith("$"))
    assert {"$185", "$30,000", "$16.50"} & amounts
    assert all(re.fullmatch(r"\$\d+(?:[.,]\d+)*\w*", a) for a in amounts)


# -- pseudo-relevance feedback ----------------------------------------------------------------------

def test_feedback_widens_any_and_reranks_all(reuters_index):
    plain = reuters_index.search("livestock", match="any", expand=False, limit=50, snippets=False)
    assert plain.expansion == () and all("livestock" in _text(reuters_index, h.id) for h in plain.hits)
    widened = reuters_index.search("livestock", match="any", expand=True, limit=200, snippets=False)
    assert len(widened.expansion) >= 5 and "livestock" in widened.expansion
    assert all(re.fullmatch(r"[a-z0-9]+", w) for w in widened.expansion)
    assert widened.total > plain.total  # stories with feedback words only are found too
    assert any("livestock" not in _text(reuters_index, h.id) for h in widened.hits)
    reranked = reuters_index.search("livestock", expand=True, limit=200, snippets=False, fill=False)
    assert reranked.total == reuters_index.search("livestock", limit=1).total  # all words: the same stories
    assert reranked.expansion and all("livestock" in _text(reuters_index, h.id) for h in reranked.hits)


def test_feedback_is_the_default_for_any_only(reuters_index):
    from searchkit.search import expand

    by_default = reuters_index.search("cocoa exports", match="any", limit=20, snippets=False)
    asked = reuters_index.search("cocoa exports", match="any", expand=True, limit=20, snippets=False)
    assert by_default.expansion and by_default.expansion == asked.expansion
    assert len(by_default.expansion) == expand.FB_TERMS
    assert [h.id for h in by_default.hits] == [h.id for h in asked.hits]
    off = reuters_index.search("cocoa exports", match="any", expand=False, limit=20, snippets=False)
    assert off.expansion == () and off.total < by_default.total
    assert reuters_index.search("cocoa exports", limit=20, snippets=False).expansion == ()  # all words: none


def test_feedback_reads_the_start_of_long_stories_and_counts_the_forms_they_use(tmp_path, monkeypatch):
    from searchkit.search import feedback

    lead = " ".join(f"lead{i % 40}" for i in range(feedback.READ_WORDS))  # fills the words feedback reads
    long = [Article(id=f"z{i}", title="Zephyr", body=f"{lead} quokka quokka quokka quokka quokka.", date=DAY)
            for i in range(3)]
    others = [Article(id=f"o{i}", title=f"Story {i}", body=f"Weather report {i}; quokkas elsewhere.", date=DAY)
              for i in range(37)]
    idx = Index(tmp_path / "ix")
    idx.add_articles(long + others)
    request = SearchRequest.build("zephyr", match="any")
    counted = idx.backend.feedback(request, 5)
    assert all("quokka" not in counts for _score, counts in counted.docs)  # past the first READ_WORDS words
    assert counted.frequency["lead1"] == 3 and counted.frequency.get("quokka") is None
    monkeypatch.setattr(feedback, "READ_WORDS", None)
    whole = idx.backend.feedback(request, 5)
    assert all(counts.get("quokka") == 5 for _score, counts in whole.docs)
    # its story count is that of the form these stories use (quokka: 3), not of quokkas (37)
    assert whole.frequency["quokka"] == 3

def test_feedback_in_cli_text_and_json(reuters_index):
    index = str(reuters_index.path)
    text = run("query", "crude oil", "--any", "--expand", "-n", "3", "--index", index)
    assert text.exit_code == 0 and "expanded with: " in text.output
    lines = run("query", "crude oil", "--any", "--expand", "--json", "-n", "3", "--index", index).output.splitlines()
    summary = json.loads(lines[-1])["summary"]
    assert len(summary["expansion"]) >= 5 and len(lines) == 4
    none = run("query", "crude oil", "--any", "--no-expand", "--json", "-n", "3", "--index", index).output.splitlines()
    assert len(none) == 4 and json.loads(none[-1])["summary"]["expansion"] == []  # the summary line says none
    default = run("query", "crude oil", "--any", "-n", "3", "--index", index)
    assert default.exit_code == 0 and "expanded with: " in default.output  # --any expands unless told not to
    assert "expanded with: " not in run("query", "crude oil", "-n", "3", "--index", index).output


def _text(idx, article_id: str) -> set[str]:
    """The stemmed words of a story."""
    article = idx.get(article_id)
    return {t.text for t in text_analyzer()(f"{article.title}\n{article.body}")}


def test_body_length_normalisation_follows_the_collections_story_length():
    """Short wire copy keeps B 0.05; a pile of long articles gets B 0.35; in between, a straight line."""
    from searchkit.search.bm25 import length_b
    from searchkit.search.ranking import WEIGHTING

    assert length_b(0.05, 0.35, 123, (200, 600)) == 0.05
    assert length_b(0.05, 0.35, 760, (200, 600)) == 0.35
    assert abs(length_b(0.05, 0.35, 400, (200, 600)) - 0.20) < 1e-12
    assert (WEIGHTING.B, WEIGHTING.long_B, WEIGHTING._field_B["title"]) == (0.05, 0.35, 0.05)


def test_in_a_pile_of_long_stories_a_short_one_about_the_words_beats_a_long_one_that_repeats_them(tmp_path):
    """Length counts where stories are long: two mentions in 100 words beat three in 3,000 (B 0.35);
    with wire copy's B 0.05 the three mentions would win."""
    from searchkit import Index
    from searchkit.model import Article

    filler = " ".join(f"word{i % 97} other{i % 89}" for i in range(500))
    stories = [Article(id=f"long{n}", title=f"Report {n}",
                       body=f"{filler} budget deficit. {filler} budget deficit. {filler} budget deficit.")
               for n in range(6)]
    stories.append(Article(id="short", title="Notes", body="The budget deficit grew. " + " ".join(
        f"plain{i}" for i in range(90)) + " The budget deficit."))
    idx = Index(tmp_path / "ix")
    idx.add_articles(stories)
    assert idx.search("budget deficit", limit=3, collapse=False, match="any", expand=False,
                      proximity=False).hits[0].id == "short"  # BM25F alone
