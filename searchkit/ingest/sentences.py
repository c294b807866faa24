"""Sentence splitting without trained models, tolerant of sentences glued without a space ("message.Badghis")."""
from __future__ import annotations

import re

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen col lt sgt capt maj gov sen rep st jr sr inc ltd co corp no vs etc jan feb mar apr "
    "jun jul aug sep sept oct nov dec u.s u.k u.n e.g i.e a.m p.m".split()
)

# A sentence ends at . ! or ? (plus closing quotes/brackets) before a capital letter or an opening quote,
# with or without a space between.
_END = re.compile(r"""([.!?]+["'\u201d\u2019)\]]*)(\s*)(?=["'\u201c\u2018(]?[A-Z])""")


def split_sentences(text: str) -> list[str]:
    """Sentences of a text, kept verbatim (trimmed)."""
    sentences: list[str] = []
    start = 0
    for m in _END.finditer(text):
        before = text[start:m.start()]
        word = re.search(r"([\w.]+)$", before)
        token = word.group(1).lower() if word else ""
        if m.group(1) == "." and (token in ABBREVIATIONS or (len(token) == 1 and token.isalpha())):
            continue  # "U.S. officials", "Mr. Shams", initials
        if m.group(1) == "." and not m.group(2) and re.search(r"\.[a-z]$", before[-3:] if before else ""):
            continue  # "U.S.A" style
        sentence = text[start:m.end(1)].strip()
        if sentence:
            sentences.append(sentence)
        start = m.end()
    rest = text[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def first_sentence(text: str, limit: int = 200) -> str:
    """The opening sentence, cut at a word boundary with an ellipsis when longer than `limit`."""
    for paragraph in text.split("\n"):
        if paragraph.strip():
            sentences = split_sentences(paragraph.strip())
            head = sentences[0] if sentences else ""
            break
    else:
        return ""
    head = " ".join(head.split())
    if len(head) > limit:
        head = head[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return head
