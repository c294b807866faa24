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
    assert split_sentences("Élan. Ça va. Öl") == ["Élan.", "Ça va.", "Öl"]


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
