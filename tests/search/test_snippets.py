"""Snippets: escaped, highlighted, found deep inside long articles."""
from __future__ import annotations

from searchkit.cli import render
from searchkit.search.snippets import lead, make_snippet


def test_escapes_before_highlighting():
    body = "Officials said <script>alert('x')</script> & the prison gate fell."
    snippet = make_snippet(body, frozenset({"prison"}))
    assert "&lt;script&gt;" in snippet and "&amp;" in snippet
    assert "<b>prison</b>" in snippet
    assert snippet.replace("<b>", "").replace("</b>", "").count("<") == 0


def test_match_deep_in_a_long_article_is_highlighted():
    body = "grain report " * 20_000 + "the escaped prisoners fled. " + "grain report " * 100
    assert len(body) > 200_000
    snippet = make_snippet(body, frozenset({"escap"}))
    assert "<b>escaped</b>" in snippet


def test_up_to_three_fragments_joined_with_ellipsis():
    body = " ".join(["filler words here"] * 60 + ["alpha"] + ["more filler text"] * 60 + ["alpha"]
                    + ["still more filler"] * 60 + ["alpha"] + ["end filler"] * 60 + ["alpha"])
    snippet = make_snippet(body, frozenset({"alpha"}))
    assert 2 <= snippet.count("<b>alpha</b>") <= 3
    assert " … " in snippet


def test_no_match_falls_back_to_the_lead():
    assert make_snippet("Short story here.", frozenset({"absent"})) == lead("Short story here.")


def test_render_for_terminal():
    shown = render("a <b>prison</b> &amp; gate", lambda s: f"[{s}]")
    assert shown == "a [prison] & gate"


def test_one_ellipsis_per_gap_and_none_at_the_edges_of_the_text():
    body = " ".join(["filler words here"] * 60 + ["alpha"] + ["more filler text"] * 60 + ["alpha"])
    snippet = make_snippet(body, frozenset({"alpha"}))
    assert "… …" not in snippet and "……" not in snippet
    assert snippet.startswith("…") and snippet.count(" … ") == 1
    assert not snippet.endswith("…")  # the last match is the last word of the story
    short = make_snippet("The alpha story.", frozenset({"alpha"}))
    assert short == "The <b>alpha</b> story."


def test_line_breaks_around_matches_keep_a_space():
    body = "bought a small amount\nof dollars through the\nBank of Japan,\n dealers said."
    snippet = make_snippet(body, frozenset({"bank", "japan", "of"}))
    plain = snippet.replace("<b>", "").replace("</b>", "")
    assert plain == "bought a small amount of dollars through the Bank of Japan, dealers said."


def _exact(*words):
    from searchkit.search.snippets import Terms

    terms = Terms(words)
    terms.exact = True
    return terms


def test_exact_words_are_found_whole_and_case_blind_without_whoosh_tokens():
    body = "Boiling oil & OIL prices: the <oil> market. " + "filler text " * 40 + "Oil again."
    snippet = make_snippet(body, _exact("oil"))
    assert "<b>oil</b>" in snippet and "<b>OIL</b>" in snippet and "B<b>oil</b>ing" not in snippet
    assert "&amp;" in snippet and "&lt;<b>oil</b>&gt;" in snippet
    assert snippet.endswith("<b>Oil</b> again.") and " … " in snippet


def test_adjacent_passages_keep_the_space_between_them():
    body = "word " * 30 + "alpha " + "word " * 14 + "alpha beta " + "word " * 10 + "alpha"
    plain = make_snippet(body, _exact("alpha")).replace("<b>", "").replace("</b>", "")
    assert "  " not in plain and "wordword" not in plain and "alphaword" not in plain


def test_accented_text_is_matched_through_its_folded_words():
    snippet = make_snippet("Le café de Zürich a fermé. Café crème.", _exact("cafe", "zurich"))
    assert "<b>café</b>" in snippet and "<b>Zürich</b>" in snippet and "<b>Café</b>" in snippet
