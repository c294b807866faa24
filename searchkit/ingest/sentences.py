"""Sentence splitting with regular expressions only (no trained model, no data downloads).

Web-scraped news often glues sentences together without a space ("message.Badghis",
"city,” he said.The"), so a sentence may end at `.`, `!` or `?` (plus closing quotes or brackets)
whenever an upper-case letter follows, with or without a space or an opening quote between. A full
stop does not end a sentence after a known abbreviation ("Mr.", "Gen."), a dotted acronym ("U.S."),
a single initial ("J. Smith"), or inside a number ("3.5", which no capital follows anyway).
"""
from __future__ import annotations

import re

# Words that end with a full stop without ending the sentence, lower case, without the final dot.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev st jr sr inc ltd co corp bros "
    "vs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)

# End punctuation, closing quotes/brackets, optional spaces, then (looked at, not taken) an optional
# opening quote/bracket and a letter; whether that letter is upper case is checked in code so that
# non-ASCII capitals ("Émile") count too.
_END = re.compile(r"""([.!?]+["'\u201d\u2019)\]]*)(\s*)(?=["'\u201c\u2018(\[]?([^\W\d_]))""")
_LAST_WORD = re.compile(r"([\w.]+)$")
_BLANK_LINE = re.compile(r"\n\s*\n")


def _is_abbreviation(before: str) -> bool:
    """Whether the text before a full stop ends with a word that does not end sentences."""
    m = _LAST_WORD.search(before)
    if not m:
        return False
    word = m.group(1).lower()
    if word in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "J. Smith"
        return True
    return bool(re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))  # a dotted acronym: "U.S", "N.A.T.O"


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, each kept verbatim but trimmed, for titles and quote attribution."""
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(text):
        if not m.group(3).isupper():
            continue
        if m.group(1) == "." and _is_abbreviation(text[start:m.start()]):
            continue
        sentence = text[start:m.end(1)].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def shorten(text: str, limit: int = 200) -> str:
    """One line of at most `limit` characters, cut at a word boundary with an ellipsis, for titles."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(",;:-\u2013\u2014 ") + "…"


def first_sentence(text: str, limit: int = 200) -> str:
    """The opening sentence of the first paragraph (hard line wraps joined), shortened to `limit`."""
    for paragraph in _BLANK_LINE.split(text):
        paragraph = " ".join(paragraph.split())
        if paragraph:
            sentences = split_sentences(paragraph)
            return shorten(sentences[0] if sentences else paragraph, limit)
    return ""
