"""Sentence boundaries with character offsets, tuned for wire copy and machine translation.

A boundary is sentence-final punctuation (with any closing quotes or brackets) followed by
whitespace and a token that can open a sentence (a capital, a digit, an opening quote or
bracket). It is not a boundary after a known abbreviation ("U.S.", "Gen.", "Jan."), after a
single initial ("J. Smith"), or before a lower-case word ("to resume. same discussions" is
a translation glitch, not two sentences). A "sentence" that is only a parenthetical, like the
seed's "(OSCE).", is joined to the one before it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimkit.lexicon import words

_BOUNDARY = re.compile(r"[.!?]+[\"')\]]*(?=\s)|\n\n")
_NEXT_TOKEN = re.compile(r"\s*(\S)")
_PARENTHETICAL = re.compile(r"^\([^()]{0,60}\)[.!?]?[\"')\]]*$")


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    return frozenset(words("abbreviations.txt"))


_WORD_LIMIT = 32  # abbreviations and initials are short: a longer token is neither, so look no further back


def _word_before(text: str, end: int) -> str:
    """The token that ends at ``end`` (just before the punctuation), or its last 32 characters."""
    start, lo = end, max(0, end - _WORD_LIMIT)
    while start > lo and not text[start - 1].isspace() and text[start - 1] not in "\"'([":
        start -= 1
    return text[start:end]


def _is_boundary(text: str, m: re.Match) -> bool:
    if m.group() == "\n\n":
        return True
    nxt = _NEXT_TOKEN.match(text, m.end())
    if not nxt:
        return True
    ch = nxt.group(1)
    if ch.islower():
        return False
    if not (ch.isupper() or ch.isdigit() or ch in "\"'([-"):
        return False
    punct = m.group()
    if punct.startswith(".") and len(punct.rstrip("\"')]")) == 1:
        word = _word_before(text, m.start())
        if word in _abbreviations() or word.rstrip(".") in _abbreviations():
            return False
        if len(word) == 1 and word.isupper():  # an initial: "J. Smith"
            return False
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` offsets of each sentence in ``text``, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if _is_boundary(text, m):
            end = m.end() if m.group() != "\n\n" else m.start()
            spans.append((start, end))
            start = m.end()
    spans.append((start, len(text)))

    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s >= e:
            continue
        same_paragraph = out and "\n\n" not in text[out[-1][1] : s]
        if same_paragraph and e - s <= 80 and _PARENTHETICAL.match(text[s:e]):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
