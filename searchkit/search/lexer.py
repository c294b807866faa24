"""Query text as tokens with their place in the text: what the parser reads and suggestions rewrite."""
from __future__ import annotations

import re
from dataclasses import dataclass

OPERATORS = ("AND", "OR", "NOT")


@dataclass(frozen=True, slots=True)
class Token:
    """One piece of query text; start/end are 0-based offsets into the text (end exclusive).

    kind: "word" (may hold * or ?), "phrase" (text without its quotes), "field" (text = the name,
    without the colon), "range" ([a to b] or {a to b}, text without brackets), "op" (AND, OR, NOT;
    a `-` at the start of a word, phrase, bracket or field is a NOT),
    "cmp" (> >= < <= right after a field), "mod" (`~N` slop and/or `^N` boost right after a phrase
    or a closing bracket), "(" and ")".
    """

    kind: str
    text: str
    start: int
    end: int


_FIELD = re.compile(r"([A-Za-z_]+):(?=\S)")
_CMP = re.compile(r">=|<=|>|<")
_WORD_END = re.compile(r'[\s()"]')
_MOD = re.compile(r"(?:~\d+)?(?:\^\d+(?:\.\d+)?)?")
_NEGATED = re.compile(r'-(?=[^\W\d_]|["(])')  # a minus before a letter, a quote or a bracket (not `-5%`)


class LexError(ValueError):
    """Unbalanced quotes or range brackets: `position` is the 0-based offset of the opening mark."""

    def __init__(self, message: str, position: int, token: str):
        super().__init__(message)
        self.position = position
        self.token = token


def tokenize(text: str) -> list[Token]:
    """Split query text into tokens; raises LexError for an unclosed quote or range bracket."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    after_field = False
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
            after_field = False
            continue
        if ch == "-" and _NEGATED.match(text, i) and (i == 0 or text[i - 1].isspace() or text[i - 1] == "("):
            tokens.append(Token("op", "NOT", i, i + 1))  # `-word`, `-"a phrase"`, `-field:x`: as web search engines read it
            i += 1
            after_field = False
            continue
        if ch == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise LexError("unclosed quote", i, text[i:i + 20])
            tokens.append(Token("phrase", text[i + 1:close], i, close + 1))
            i = _modifier(text, close + 1, tokens)
        elif ch in "()":
            tokens.append(Token(ch, ch, i, i + 1))
            i = _modifier(text, i + 1, tokens) if ch == ")" else i + 1
        elif ch in "[{" and after_field:
            closer = "]" if ch == "[" else "}"
            close = text.find(closer, i + 1)
            if close < 0:
                raise LexError(f"unclosed {ch!r}", i, text[i:i + 20])
            tokens.append(Token("range", text[i + 1:close], i, close + 1))
            i = close + 1
        elif after_field and _CMP.match(text, i):
            m = _CMP.match(text, i)
            tokens.append(Token("cmp", m.group(), i, m.end()))
            i = m.end()
            continue  # the value follows the comparison
        else:
            m = _FIELD.match(text, i)
            if m and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == ":")):
                tokens.append(Token("field", m.group(1), i, m.end()))
                i = m.end()
                after_field = True
                continue
            end = _WORD_END.search(text, i)
            stop = end.start() if end else n
            word = text[i:stop]
            kind = "op" if word in OPERATORS else "word"
            tokens.append(Token(kind, word, i, stop))
            i = stop
        after_field = False
    return tokens


def _modifier(text: str, i: int, tokens: list[Token]) -> int:
    """A `~N` / `^N` suffix right after a phrase or bracket becomes a "mod" token; returns where to go on."""
    m = _MOD.match(text, i)
    if m and m.end() > i:
        tokens.append(Token("mod", m.group(), i, m.end()))
        return m.end()
    return i
