"""Sentence splitting without models: glued sentences, abbreviations, decimals, quotes."""
from __future__ import annotations

from hypothesis import given, strategies as st

from searchkit.ingest.sentences import first_sentence, split_sentences


def test_glued_sentences():
    assert split_sentences("in a text message.Badghis provincial council chief") == [
        "in a text message.", "Badghis provincial council chief"]
    assert split_sentences("inside the city,” he said.The next one.") == ["inside the city,” he said.", "The next one."]
    assert split_sentences("surrendered.“Qala-e-Naw was in disarray,” Bek said.") == [
        "surrendered.", "“Qala-e-Naw was in disarray,” Bek said."]


def test_spaced_sentences_and_other_ends():
    assert split_sentences("One. Two! Three? Four") == ["One.", "Two!", "Three?", "Four"]
    assert split_sentences('He said "stop." Then left.') == ['He said "stop."', "Then left."]
    assert split_sentences("Élan. Ça marche. Öl") == ["Élan.", "Ça marche.", "Öl"]  # ("Va." is Virginia in US news)


def test_no_split_inside_abbreviations_initials_and_numbers():
    assert split_sentences("The U.S. President spoke. Mr. Shams agreed.") == [
        "The U.S. President spoke.", "Mr. Shams agreed."]
    assert split_sentences("Growth was 3.5 pct. Gen. Miller and J. Smith came.") == [
        "Growth was 3.5 pct.", "Gen. Miller and J. Smith came."]
    assert split_sentences("It rose 2.27 times. The U.N. Security Council met.") == [
        "It rose 2.27 times.", "The U.N. Security Council met."]
    assert split_sentences("lower case after.a full stop stays") == ["lower case after.a full stop stays"]


def test_empty_and_whitespace():
    assert split_sentences("") == [] and split_sentences("  \n ") == []
    assert first_sentence("") == "" and first_sentence("\n\n  \n") == ""


def test_first_sentence_joins_wrapped_lines_and_shortens():
    assert first_sentence("\n\nShowers continued\nthroughout the week. Next.") == "Showers continued throughout the week."
    long = "word " * 100 + "end."
    title = first_sentence(long)
    assert title.endswith("…") and len(title) <= 201 and not title[:-1].endswith(" ")


@given(st.text(alphabet=st.sampled_from(list("aB .!?”“\n3U.S")), max_size=80))
def test_nothing_is_lost(text):
    sentences = split_sentences(text)
    assert "".join("".join(sentences).split()) == "".join(text.split())
    assert all(s == s.strip() and s for s in sentences)


def test_punkt_learned_abbreviations_and_names_after_titles():
    # A title never ends a sentence, even before a name that often starts one.
    assert split_sentences("Advisers met on Monday. Mr. Trump was not satisfied. Rep. David Lee agreed.") == [
        "Advisers met on Monday.", "Mr. Trump was not satisfied.", "Rep. David Lee agreed."]
    # State abbreviations learned from US copy; a sentence may still end on "U.S." before a capital.
    assert split_sentences("He lives in Fresno, Calif. and works in Reno, Nev. near the border.") == [
        "He lives in Fresno, Calif. and works in Reno, Nev. near the border."]
    assert split_sentences("It ends its pact with the U.S. If Washington acts, Tokyo will reply.") == [
        "It ends its pact with the U.S.", "If Washington acts, Tokyo will reply."]
    # No sentence starts with a comma or a closing bracket.
    assert split_sentences("He threatened Rep. Jane Roe (D-Minn.), the court heard. Then he left.") == [
        "He threatened Rep. Jane Roe (D-Minn.), the court heard.", "Then he left."]


def test_model_is_package_data_and_nltk_loads_lazily():
    import json
    import subprocess
    import sys

    from searchkit.ingest.sentences import MODEL

    data = json.loads(MODEL.read_text(encoding="utf-8"))
    assert {"abbrev_types", "collocations", "sent_starters", "ortho_context"} <= set(data)
    assert "calif" in data["abbrev_types"] and "trump" not in data["sent_starters"]
    code = "import sys, searchkit.ingest.sentences; print('nltk' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_middle_initial_before_a_surname_that_is_also_a_word_ends_no_sentence():
    assert split_sentences("The letter was signed by Maya D. Song on Monday. It was brief.") == [
        "The letter was signed by Maya D. Song on Monday.", "It was brief."]
    assert split_sentences("They chose Plan B. Then they left.") == ["They chose Plan B.", "Then they left."]


def test_del_is_a_delegate_before_a_name_and_delaware_after_a_comma():
    assert split_sentences("It was said by Del. Stacey Plaskett today. He agreed.") == [
        "It was said by Del. Stacey Plaskett today.", "He agreed."]
    assert split_sentences("He lives in Dover, Del. The mayor said so.") == [
        "He lives in Dover, Del.", "The mayor said so."]
