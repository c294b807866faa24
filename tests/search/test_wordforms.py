"""A free word finds every indexed form of its stem, scored as one term; phrases keep exact words."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from searchkit import Article, Index
from searchkit.index.schema import stem
from searchkit.search.wordforms import MIN_PREFIX, forms


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abcdeilmnorstuyz", min_size=1, max_size=16))
def test_a_stem_minus_its_last_letter_begins_the_word(word):
    root = stem(word)
    assert word.startswith(root[:-1])  # what lets forms() find a stem's words by one prefix walk


def test_the_prefix_holds_for_every_word_of_the_bundled_corpus(corpus_dir):
    words = {w.lower() for f in sorted(corpus_dir.rglob("*.txt"))
             for w in re.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8", errors="replace"))}
    assert len(words) > 300
    assert [w for w in words if not w.startswith(stem(w)[:-1])] == []


@pytest.fixture(scope="module")
def idx(tmp_path_factory):
    index = Index(tmp_path_factory.mktemp("forms") / "index")
    index.add_articles([
        Article(id="both", title="PRISON", body="Two men escaped. The escape was the second escape this year."),
        Article(id="noun", title="PRISON", body="An escape from the prison, officials said."),
        Article(id="plural", title="PRISON", body="Escapes are rare, the governor said of the prison."),
        Article(id="other", title="WEATHER", body="Rain is expected in the capital."),
    ])
    yield index
    index.close()


def test_a_word_finds_the_other_forms_of_its_stem(idx):
    assert sorted(h.id for h in idx.search("escaping").hits) == ["both", "noun", "plural"]
    reader = idx.backend.searcher().reader()
    assert forms(reader, "body", stem("escaping")) == ("escape", "escaped", "escapes")


def test_one_word_phrases_and_longer_ones_match_the_exact_words(idx):
    assert [h.id for h in idx.search('"escapes"').hits] == ["plural"]
    assert [h.id for h in idx.search('"the second escape"').hits] == ["both"]
    assert idx.search('"the second escapes"').hits == []


def test_forms_are_scored_as_one_term_summing_their_frequency(idx):
    scores = {h.id: h.score for h in idx.search("escape", collapse=False).hits}
    assert scores["both"] > scores["noun"]  # three forms in one story count as three occurrences
    explained = idx.search("escape", explain=True).hits[0].extra["explain"]
    assert any(p["term"] == "escape|escaped|escapes" for p in explained)


def test_short_stems_are_matched_without_a_walk_of_the_whole_vocabulary(idx):
    reader = idx.backend.searcher().reader()
    assert len("us") <= MIN_PREFIX and forms(reader, "body", "us") == ()
    assert idx.search("snippets of rain", fill=False, correct=False).hits == [] and [h.id for h in idx.search("rain").hits] == ["other"]


def test_snippets_highlight_each_matched_form(idx):
    hit = idx.search("escape", collapse=False).hits[0]
    assert hit.id == "both" and "<b>escaped</b>" in hit.snippet and "<b>escape</b>" in hit.snippet


def test_wildcards_of_many_words_match_the_stories_of_every_word(reuters_index):
    """A wildcard of MANY_WORDS words or more matches through one list: the same stories as Whoosh's OR of them."""
    from whoosh import query

    from searchkit.search.whoosh_query import MANY_WORDS, ManyPrefix, ManyWildcard

    searcher = reuters_index.backend.searcher()
    reader = searcher.reader()
    for ours, whooshs in ((ManyPrefix("body", "e"), query.Prefix("body", "e")),
                          (ManyWildcard("body", "*tion"), query.Wildcard("body", "*tion")),
                          (ManyPrefix("body", "escap"), query.Prefix("body", "escap"))):
        assert set(ours.docs(searcher)) == set(whooshs.docs(searcher)) != set()
    assert len(list(ManyPrefix("body", "e")._btexts(reader))) >= MANY_WORDS  # the list path was taken
    assert len(list(ManyPrefix("body", "escap")._btexts(reader))) < MANY_WORDS  # and Whoosh's own here
    # a wide NOT is answered, not stopped at the time limit, and excludes what it says
    assert reuters_index.search("ex* NOT e*").total == 0
    for hit in reuters_index.search("oil NOT s*", limit=50).hits:
        story = reuters_index.get(hit.id)
        assert not re.search(r"(?<!\w)s", (story.title + " " + story.body).lower()), hit.id
