"""Where a claim stands in the story file as written: line and column for an annotation.

A claim's ``start``/``end`` are offsets into the *cleaned* article text (quotes made straight,
whitespace squeezed, lines of a paragraph joined, boilerplate and the headline split off,
Markdown markup and HTML tags gone). To point at the file the journalist edits, the claim is
searched for in the raw file: both texts are compared in a loose form (typographic quotes as
straight ones, any run of whitespace as one space; in an HTML file tags, comments, the head and
scripts invisible and entities decoded; in Markdown emphasis, code ticks, link brackets and
targets invisible) that keeps, for every character, its offset in the original, so a match maps
back exactly.

The claim's sentence is searched first (long, so nearly always unique; when it occurs several
times, the occurrence of the same rank as in the cleaned text), then the span inside it. When the
sentence is not found as such, the span alone is searched, again by rank. When neither is found,
there is no line: the annotation names the file.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Location:
    line: int  # 1-based
    column: int  # 1-based, in characters
    end_line: int
    end_column: int  # 1-based, inclusive of the span's last character
    how: str  # "sentence" or "span": what was found in the raw file


_HTML_TOKEN = re.compile(
    r"(<(head|script|style|template|noscript)\b.*?</\2\s*>|<!--.*?-->|<[^>]*>)|(&#?\w+;)", re.S | re.I
)
_MD_TOKEN = re.compile(r"(\]\([^)\s]*(?:\s+\"[^\"]*\")?\))|[*_`\[#>]")


def _pieces(text: str, markup: str | None):
    """(offset, characters) of ``text`` with markup made invisible: ``html`` (raw file: tags, comments, head,
    scripts; entities decoded) or ``markdown`` (emphasis, code ticks, link brackets and targets, heading and
    quote marks — dropped alike from the file and from the cleaned text, so both compare)."""
    if markup not in ("html", "markdown"):
        yield from enumerate(text)
        return
    pattern = _HTML_TOKEN if markup == "html" else _MD_TOKEN
    at = 0
    for m in pattern.finditer(text):
        yield from ((i, text[i]) for i in range(at, m.start()))
        if markup == "html" and m.group(3):
            yield m.start(), html.unescape(m.group(3))
        at = m.end()
    yield from ((i, text[i]) for i in range(at, len(text)))


def loose(text: str, markup: str | None = None) -> tuple[str, list[int]]:
    """``text`` with quotes straightened, whitespace runs as one space and ``markup`` invisible; and each kept
    character's offset in ``text``."""
    from claimkit.articles import _QUOTES

    chars: list[str] = []
    pos: list[int] = []
    space = False
    for i, piece in _pieces(text, markup):
        for ch in piece:
            if ord(ch) in _QUOTES:
                ch = _QUOTES[ord(ch)] or ""
            for c in ch:
                if c.isspace():
                    if space:
                        continue
                    c, space = " ", True
                else:
                    space = False
                chars.append(c)
                pos.append(i)
    return "".join(chars), pos


def _occurrences(haystack: str, needle: str, before: int | None = None) -> list[int]:
    found, i = [], haystack.find(needle)
    while i != -1 and (before is None or i < before):
        found.append(i)
        i = haystack.find(needle, i + 1)
    return found


def _line_col(raw: str, offset: int) -> tuple[int, int]:
    line = raw.count("\n", 0, offset) + 1
    return line, offset - (raw.rfind("\n", 0, offset) + 1) + 1


class Locator:
    """Find claims of one article (cleaned ``text`` and its ``sentences``) in the ``raw`` file content."""

    def __init__(self, raw: str, text: str, sentences, markup: str | None = None):
        self.raw = raw
        self.loose_raw, self.raw_pos = loose(raw, markup)
        self.loose_text, self.text_pos = loose(text, "markdown" if markup == "markdown" else None)
        self.sentences = sorted((int(s), int(e)) for s, e in sentences or [])
        self._starts = [s for s, _ in self.sentences]

    def _to_loose(self, offset: int) -> int:
        return bisect.bisect_left(self.text_pos, offset)

    def _sentence_of(self, start: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self._starts, start) - 1
        if i >= 0 and self.sentences[i][0] <= start < self.sentences[i][1]:
            return self.sentences[i]
        return None

    def _find_ranked(self, needle: str, at: int) -> int | None:
        """Where in the raw file the occurrence of ``needle`` of the same rank as the one at ``at`` (in the text) is."""
        if not needle.strip():
            return None
        rank = len(_occurrences(self.loose_text, needle, before=at))
        hits = _occurrences(self.loose_raw, needle)
        if not hits:
            return None
        return hits[
            min(rank, len(hits) - 1)
        ]  # a boilerplate or headline copy may shift the rank; never guess past the last

    def locate(self, start: int, end: int) -> Location | None:
        """The claim ``text[start:end]`` in the raw file, or None when it cannot be found there."""
        if not 0 <= start < end:
            return None
        ls, le = self._to_loose(start), self._to_loose(end)
        span = self.loose_text[ls:le].strip()
        if not span:
            return None
        ls = self.loose_text.index(span, ls)
        sentence = self._sentence_of(start)
        hit = None
        how = "span"
        if sentence is not None:
            ss, se = self._to_loose(sentence[0]), self._to_loose(sentence[1])
            loose_sentence = self.loose_text[ss:se]
            at = self._find_ranked(loose_sentence, ss) if len(loose_sentence) > len(span) else None
            if at is not None:
                hit, how = at + (ls - ss), "sentence"
        if hit is None:
            hit = self._find_ranked(span, ls)
        if hit is None or hit + len(span) > len(self.raw_pos):
            return None
        raw_start, raw_last = self.raw_pos[hit], self.raw_pos[hit + len(span) - 1]
        line, col = _line_col(self.raw, raw_start)
        end_line, end_col = _line_col(self.raw, raw_last)
        return Location(line, col, end_line, end_col, how)
