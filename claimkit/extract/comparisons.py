"""Comparisons: "greater than ever before in the last 30 years", "the largest since 1945".

A comparative (``-er`` adjective, "more/less X", or an irregular form from
``lexicon/comparisons.tsv``) followed by "than" in the same clause, or a superlative ("the
X-est", "the most X", "the first") followed by a frame ("since", "ever", "in decades", "on
record"), is a ``comparison`` claim. Its ``date`` is the compared period (parsed with
:func:`claimkit.extract.times.parse_times`): "in the last 30 years" -> the 30 years up to
publication, "since 1945" -> 1945-01-01 to publication. "than ever" or "at any time" with no
period leaves ``date`` empty and ``extra["open"] = True``. "more than 100,000" is a quantity's
qualifier, not a comparison, and is left to the quantities extractor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import alternation, mapping

_WORD = re.compile(
    r"\b(?:(?P<mod>more|less|fewer|most|least) (?P<adj>[a-z][a-z-]{2,})|(?P<w>[a-z]{3,}(?:er|est)|better|worse|best|worst|first))\b"
)
_THAN = re.compile(r"\bthan\b")
_CLAUSE_END = re.compile(r"[.;:!?\"]|, (?:and|but|while) ")
_NUMBER_NEXT = re.compile(
    r" ?(?:\$|€|£)?\d|(?: (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|hundred|thousand|million|billion)\b)"
)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    return mapping("comparisons.tsv", "word", "kind")


@lru_cache(maxsize=1)
def _frame_re() -> re.Pattern:
    frames = [w for w, k in _lexicon().items() if k == "frame"]
    return re.compile(r"\b(?:" + alternation(frames, space=None) + r")\b")


def _kind(m: re.Match) -> str | None:
    lex = _lexicon()
    if m.group("mod"):
        return "comparative" if m.group("mod") in ("more", "less", "fewer") else "superlative"
    w = m.group("w")
    if lex.get(w) == "not":
        return None
    if lex.get(w) in ("comparative", "superlative"):
        return lex[w]
    return "comparative" if w.endswith("er") else "superlative"


@extractor("comparisons")
def extract_comparisons(doc: Document) -> Iterable[Finding]:
    from claimkit.checkworthiness import prior
    from claimkit.extract.times import parse_times

    text = doc.text
    for m in _WORD.finditer(text):
        kind = _kind(m)
        if kind is None:
            continue
        ss, se = doc.sentence_at(m.start())
        limit = min(se, m.end() + 120)
        stop = _CLAUSE_END.search(text, m.end(), limit)
        limit = stop.start() if stop else limit
        start = m.start()
        if kind == "comparative":
            t = _THAN.search(text, m.end(), min(limit, m.end() + 60))
            if t is None or _NUMBER_NEXT.match(text, t.end()):
                continue  # "more than 100,000 troops": a quantity's qualifier
            frame_end = wstart = t.end()
        else:
            if not text[max(ss, start - 4) : start].lower().endswith("the "):
                continue
            start -= 4
            f = _frame_re().search(text, m.end(), min(limit, m.end() + 60))
            if f is None:
                continue
            frame_end, wstart = f.end(), f.start()
        # the compared period: the first time mention in the rest of the clause ("since 1945" keeps its "since")
        window = text[wstart:limit]
        period, end = None, frame_end
        for tm in parse_times(window, reference=doc.published):
            if tm.iso and tm.start < 25 + frame_end - wstart:
                period, end = tm, max(frame_end, wstart + tm.end)
                break
        if period is None:
            tail = re.compile(
                r"(?: (?:ever|before|at any time|any other [a-z]+|in (?:history|decades|years)|on record)){1,2}"
            ).match(text, end, limit)
            end = tail.end() if tail else end
            if end == frame_end and kind == "comparative":
                words_after = re.compile(r"(?: [\w'-]+){1,4}").match(text, end, limit)
                end = words_after.end() if words_after else end
        extra = {"form": kind}
        if period is None:
            extra["open"] = True
        else:
            extra["period_text"] = period.text
        yield Finding(
            kind="comparison",
            start=start,
            end=end,
            date=period.iso if period else None,
            qualifier=kind,
            weight=prior("comparison"),
            extra=extra,
        )
