"""Sentence splitting with NLTK's Punkt, trained on news (no data download at run time).

The Punkt model was learned without labels by `scripts/train_punkt.py` from Reuters-21578 TRAIN
bodies and PolNeAR train texts: which words ending in a full stop are abbreviations ("Gov.",
"Calif.", "U.S."), which words start sentences, how each word is capitalised at a sentence start
and inside one. It ships as `searchkit/data/punkt_news.json` and is loaded once, on first use.

Two things Punkt does not do are kept from the hand-written splitter this replaces:

- Web-scraped news often glues sentences together without a space ("message.Badghis",
  "city,” he said.The"). Punkt sees one word there; a pre-pass cuts after `.`, `!` or `?` (and a
  closing quote) that follow two lower-case letters and precede a capital or an opening quote.
- Titles and honorifics that a news corpus writes both with and without the full stop ("Mr",
  "Dr", "Gen") are added to the learned abbreviations, and a sentence never ends on one ("Mr.
  Trump": Punkt alone splits there when the name often starts sentences). A sentence does not
  start with a lower-case letter or with `,;:)` either ("Rep. Ilhan Omar (D-Minn.), the ...").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

MODEL = Path(__file__).resolve().parent.parent / "data" / "punkt_news.json"

# Words that end with a full stop without ending the sentence (lower case, without the final dot),
# added to those Punkt learned.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev st jr sr inc ltd co corp bros "
    "vs jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)

# Titles before a name: a sentence never ends on them.
TITLES = frozenset("mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep rev st".split())
_ENDS_WITH_TITLE = re.compile(r"(?:^|[\s(\[\"“‘])(\w+)\.$")
_NOT_A_START = re.compile(r"[a-z,;:)\]\u2013\u2014-]")

# Glued sentences: "message.Badghis", "said.The", "surrendered.“Qala", "city”.The"
_GLUED = re.compile(r"[^\W\d_]{2}[\"”’)]?[.!?]+[\"”’)]?(?=[\"“‘(]?[^\W\d_])")
_BLANK_LINE = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _punkt():
    """The news-trained Punkt splitter, built once from the shipped parameters."""
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

    data = json.loads(MODEL.read_text(encoding="utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(data["abbrev_types"]) | ABBREVIATIONS
    params.collocations = {tuple(pair) for pair in data["collocations"]}
    params.sent_starters = set(data["sent_starters"])
    for word, flags in data["ortho_context"].items():
        params.ortho_context[word] = flags
    return PunktSentenceTokenizer(params)


_MID_UPPER, _MID_LOWER = 4, 32  # Punkt's orthographic flags: seen capitalised / lower-case inside a sentence


def common_word(word: str) -> bool:
    """Whether news copy writes this word in lower case inside sentences and never capitalised there
    ("Whether", "Pollsters"): a capital on it only marks a sentence start, so it is no name."""
    flags = _punkt()._params.ortho_context.get(word.lower().strip(".,;:'’"), 0)
    return bool(flags & _MID_LOWER) and not flags & _MID_UPPER


@lru_cache(maxsize=1)
def lower_case_vocabulary() -> frozenset[str]:
    """Every word news copy writes in lower case inside sentences: one set to test a whole text's words against."""
    return frozenset(word for word, flags in _punkt()._params.ortho_context.items() if flags & _MID_LOWER)


def lower_case_word(word: str) -> bool:
    """Whether news copy writes this word in lower case inside sentences (it may be a name too):
    "Watching" is, "Boreing" is not."""
    return bool(_punkt()._params.ortho_context.get(word.lower().strip(".,;:'’"), 0) & _MID_LOWER)


def _glued_cuts(text: str) -> list[int]:
    """Offsets where a sentence ends with no space before the next one."""
    cuts = []
    for m in _GLUED.finditer(text):
        nxt = text[m.end():m.end() + 2].lstrip("\"“‘(")
        if nxt[:1].isupper():
            cuts.append(m.end())
    return cuts


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of a text, trimmed of surrounding white space."""
    punkt = _punkt()
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*_glued_cuts(text), len(text)]:
        piece = text[start:cut]
        if piece.strip():
            for a, b in punkt.span_tokenize(piece):
                sentence = piece[a:b]
                a += len(sentence) - len(sentence.lstrip())
                b -= len(sentence) - len(sentence.rstrip())
                if b > a:
                    spans.append((start + a, start + b))
        start = cut
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and _continues(text[merged[-1][0]:merged[-1][1]], text[a:a + 40]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


_ENDS_WITH_INITIAL = re.compile(r"\b[A-Z][a-z]+\s+[A-Z]\.$")
# Words that open sentences far more often than they end a name ("Plan B. Then …", "… D. The …").
_STARTERS = frozenset("a an and as at but for he her his i if in it its my no on our she so that the their then "
                      "there these they this those to we what when yet you".split())
_FIRST_WORD = re.compile(r"[A-Z][a-z]+\b")


def _continues(previous: str, following: str) -> bool:
    """Whether a cut Punkt made is no sentence end: after a title, before lower case or `,;:)`, or
    between a middle initial and a surname that news also writes as a word ("Maya D. Song wrote")."""
    m = _ENDS_WITH_TITLE.search(previous)
    # "said Del. Stacey Plaskett" is a Delegate; "Dover, Del." is Delaware and may end a sentence
    delegate = m and m.group(1) == "Del" and not previous[:m.start(1)].rstrip().endswith(",")
    if m and (m.group(1).lower() in TITLES or delegate) or _NOT_A_START.match(following[:1]):
        return True
    word = _FIRST_WORD.match(following)
    if not (word and _ENDS_WITH_INITIAL.search(previous)):
        return False
    low = word.group().lower()
    return not common_word(low) and low not in _STARTERS and low not in _punkt()._params.sent_starters


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, each kept verbatim but trimmed, for titles and quote attribution."""
    return [text[a:b] for a, b in sentence_spans(text)]


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
            head = paragraph[: limit + 100]  # a title needs only the start of a long paragraph
            spans = sentence_spans(head)
            return shorten(head[spans[0][0]:spans[0][1]] if spans else paragraph, limit)
    return ""
