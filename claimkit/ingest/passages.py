"""Passages: the pieces of a source a verdict cites, short enough for a journalist to read.

Prose is cut into windows of whole sentences (claimkit's sentence splitter) inside one paragraph
and one region (a PDF page): at most :data:`MAX_SENTENCES` sentences and about
:data:`MAX_CHARS` characters. A runaway sentence longer than that is cut at spaces. Table cells
are passages already (one line each).
"""

from __future__ import annotations

from claimkit.sentences import split_sentences

MAX_SENTENCES = 3
MAX_CHARS = 600


def prose_windows(text: str, regions: list[tuple[int, int, int | None]]) -> list[tuple[int, int, int | None]]:
    """``(start, end, page)`` of each passage of ``text``; a window never crosses a paragraph or a region."""
    out: list[tuple[int, int, int | None]] = []
    sentences = split_sentences(text)  # "\n\n" (paragraphs, and pages joined by it) always ends a sentence
    k = 0

    def flush(group: list[tuple[int, int]], page: int | None) -> None:
        if group:
            out.append((group[0][0], group[-1][1], page))
            group.clear()

    for r_start, r_end, page in regions:
        while k < len(sentences) and sentences[k][1] <= r_start:
            k += 1
        group: list[tuple[int, int]] = []
        while k < len(sentences) and sentences[k][0] < r_end:
            s, e = sentences[k]
            crosses = e > r_end  # runs past the region's end: the next region takes the rest of it
            if not crosses:
                k += 1
            s, e = max(s, r_start), min(e, r_end)
            while s < e and text[s].isspace():  # a sentence clipped by its region's edge
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if s < e and e - s > MAX_CHARS:
                flush(group, page)
                out.extend((a, b, page) for a, b in _cut(text, s, e))
            elif s < e:
                if group and (
                    "\n\n" in text[group[-1][1] : s] or len(group) >= MAX_SENTENCES or e - group[0][0] > MAX_CHARS
                ):
                    flush(group, page)
                group.append((s, e))
            if crosses:
                break
        flush(group, page)
    return out


def _cut(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence longer than MAX_CHARS in pieces of at most MAX_CHARS, cut at a space where there is one."""
    pieces = []
    while e - s > MAX_CHARS:
        cut = text.rfind(" ", s + MAX_CHARS // 2, s + MAX_CHARS)
        cut = cut if cut > s else s + MAX_CHARS
        pieces.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if s < e:
        pieces.append((s, e))
    return pieces
