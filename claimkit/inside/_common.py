"""What the inside-the-story checks share: figures with the interval their writing stands for,
the words of a sentence as tokens, the claims under a span, and the result of a computation.

A figure stands for the interval its writing allows (``figure_interval``): "122 %" is [121.5, 122.5),
"4.6 billion" is [4.55, 4.65] billion, "about 7 %" the parser's ±10 % band widened by the rounding,
a count written in digits ("1,200") is exact unless it ends in three or more zeros ("100,000" is read
to two significant figures). A computation over intervals that cannot meet the stated figure is an
error no rounding explains; one that can is consistent.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimkit.lexicon import table

# qualifiers a figure may carry and still be checked (open bounds and ranges are left alone)
CHECKABLE_QUALIFIERS = ("exact", "about", "nearly")
PERCENT_UNITS = ("percent",)
POINT_UNITS = ("percentage point", "point")


@lru_cache(maxsize=1)
def roles() -> dict[str, tuple[str, str]]:
    """lower-case word or phrase -> (role, value) from ``lexicon/inside_words.tsv``."""
    return {r["word"]: (r["role"], r.get("value") or "") for r in table("inside_words.tsv")}


def role(word: str) -> str | None:
    hit = roles().get(word.lower())
    return hit[0] if hit else None


def phrases(role_name: str) -> tuple[str, ...]:
    """Every multi-word phrase of a role, longest first."""
    return tuple(sorted((w for w, (r, _) in roles().items() if r == role_name), key=len, reverse=True))


@dataclass
class Figure:
    """A figure of the story with the interval its writing stands for."""

    start: int
    end: int
    text: str  # as written, without qualifier words where the parser separates them
    value: float
    low: float
    high: float
    kind: str
    unit: str | None
    qualifier: str
    approximate: bool
    scale_word: str | None = None
    span: tuple[int, int] = (
        0,
        0,
    )  # the whole mention with its qualifier and counted noun ("300 of the" stops at "300")
    written: str = ""  # text[span]: "about 25 percent", "1,200 staff"

    @property
    def said(self) -> str:
        """The figure as the story says it, with its qualifier ("about 25 percent")."""
        if self.qualifier in ("about", "nearly") and self.written:
            return self.written
        return self.text

    @property
    def family(self) -> str:
        """What can be compared with what: percent, points, a currency, a counted noun or a bare number."""
        if self.unit in PERCENT_UNITS:
            return "percent"
        if self.unit in POINT_UNITS:
            return "points"
        if self.kind == "money":
            return "money:" + (self.unit or "")
        return "number"


def _decimals(numeral_text: str, value: float, scale: float) -> int | None:
    """Decimal places of the numeral as written ("10.2 billion" -> 1, "1,200" -> 0); None when unreadable."""
    m = re.match(r"[\d][\d.,\u202f\u00a0 ]*", numeral_text)
    if not m:
        return 0  # a number word: exact
    digits = m.group().rstrip(" \u00a0\u202f.,")
    mant = value / scale if scale else value
    for sep in (".", ","):
        if sep in digits:
            tail = digits.rsplit(sep, 1)[1]
            if tail.isdigit() and (len(tail) != 3 or abs(mant - round(mant)) > 1e-9):
                return len(tail)
    return 0


def _scale(q) -> float:
    if not q.scale_word:
        return 1.0
    return {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "lakh": 1e5, "crore": 1e7}.get(
        q.scale_word, 0.0
    )


def figure_interval(q, numeral: tuple | None = None, text: str | None = None) -> tuple[float, float] | None:
    """[low, high] a figure as written stands for: its rounding, widened by "about" and "nearly"."""
    start, end, value = numeral if numeral else q.numerals[0]
    if value is None:
        return None
    written = text[start:end] if text is not None else q.text
    scale = _scale(q)
    if not scale:
        return None
    dec = _decimals(written, float(value), scale)
    if dec is None:
        return None
    if dec > 0 or q.unit in PERCENT_UNITS + POINT_UNITS or q.scale_word:
        half = 0.5 * 10 ** (-dec) * scale
    else:
        digits = re.sub(r"\D", "", written.split()[0]) if written[:1].isdigit() else ""
        tz = len(digits) - len(digits.rstrip("0")) if digits else 0
        # a count ending in three or more zeros is a round figure, read to two significant figures
        half = 0.5 * 10 ** min(tz, len(digits) - 2) if tz >= 3 else 0.0
    lo, hi = float(value) - half, float(value) + half
    if q.qualifier in ("about", "nearly") and numeral is None:
        lo, hi = min(lo, float(q.low)), max(hi, float(q.high))
    return lo, hi


@dataclass
class Token:
    start: int
    end: int
    text: str
    figure: Figure | None = None

    @property
    def low(self) -> str:
        return self.text.lower()


_WORD = re.compile(r"[A-Za-z]+(?:[-'][A-Za-z]+)*|[,;:()\u2014\u2013]|(?<=\s)-(?=\s)|--")


class Story:
    """An article's text, sentences, figures, time mentions and claims, indexed by offset."""

    def __init__(self, text: str, claims: list[dict], published=None):
        from claimkit.extract.quantities import parse_quantities
        from claimkit.extract.times import parse_times
        from claimkit.sentences import split_sentences

        self.text = text or ""
        self.published = published
        self.claims = [c for c in claims if c.get("start") is not None and not _missing(c.get("start"))]
        self.sentences = split_sentences(self.text) or [(0, len(self.text))]
        self._starts = [s for s, _ in self.sentences]
        self.times = parse_times(self.text, reference=published)
        self.quantities = parse_quantities(self.text)
        self.figures = sorted((f for q in self.quantities for f in self._figures(q)), key=lambda f: f.span[0])
        # offset indexes: every look-up below is a bisect, so a long story costs no more than its length
        self._time_starts = [t.start for t in self.times]
        self._quantity_starts = [q.start for q in self.quantities]
        self._figure_starts = [f.span[0] for f in self.figures]
        self.claims.sort(key=lambda c: int(c["start"]))
        self._claim_starts = [int(c["start"]) for c in self.claims]
        self._claim_reach = max((int(c["end"]) - int(c["start"]) for c in self.claims), default=0)

    def times_in(self, lo: int, hi: int) -> list:
        """Time mentions starting in ``text[lo:hi]``."""
        return self.times[bisect.bisect_left(self._time_starts, lo) : bisect.bisect_left(self._time_starts, hi)]

    def quantities_in(self, lo: int, hi: int) -> list:
        return self.quantities[
            bisect.bisect_left(self._quantity_starts, lo) : bisect.bisect_left(self._quantity_starts, hi)
        ]

    def figures_in(self, lo: int, hi: int) -> list[Figure]:
        """Figures whose whole mention lies in ``text[lo:hi]``."""
        found = self.figures[bisect.bisect_left(self._figure_starts, lo) : bisect.bisect_left(self._figure_starts, hi)]
        return [f for f in found if f.span[1] <= hi]

    def _figures(self, q) -> list[Figure]:
        if q.qualifier not in CHECKABLE_QUALIFIERS and not (q.qualifier == "range" and len(q.numerals) == 2):
            return []
        numerals = list(q.numerals)
        if q.qualifier == "range":
            # "from 4.6 billion in 2020 to 10.2 billion": the parser reads "2020 to 10.2 billion" as a range;
            # the year is a time mention, the figure after it stands alone
            first = numerals[0]
            if not any(t.start <= first[0] < t.end for t in self.times):
                return []
            numerals = numerals[1:]
        out = []
        for num in numerals[:1]:
            if num[2] is None:
                continue
            iv = figure_interval(q, num if q.qualifier == "range" else None, self.text)
            if iv is None:
                continue
            s, e = (num[0], q.end) if q.qualifier == "range" else (q.measure_span or (q.start, q.end))
            out.append(
                Figure(
                    start=s,
                    end=e,
                    text=self.text[s:e],
                    value=float(num[2]),
                    low=iv[0],
                    high=iv[1],
                    kind=q.kind,
                    unit=q.unit,
                    qualifier="exact" if q.qualifier == "range" else q.qualifier,
                    approximate=q.approximate and q.qualifier != "range",
                    scale_word=q.scale_word,
                    span=(s, q.end) if q.qualifier == "range" else (q.start, q.end),
                    written=self.text[s : q.end] if q.qualifier == "range" else q.text,
                )
            )
        return out

    def sentence_of(self, pos: int) -> tuple[int, int]:
        i = max(0, bisect.bisect_right(self._starts, pos) - 1)
        return self.sentences[i]

    def tokens(self, start: int, end: int) -> list[Token]:
        """The words, punctuation and figures of ``text[start:end]`` in order (a figure is one token)."""
        figs = self.figures_in(start, end)
        out: list[Token] = [Token(f.span[0], f.span[1], f.text, f) for f in figs]
        for m in _WORD.finditer(self.text, start, end):
            out.append(Token(m.start(), m.end(), m.group()))
        out.sort(key=lambda t: (t.start, t.figure is None))
        # drop words swallowed by a figure's span (the counted noun, the unit)
        kept, last_end = [], -1
        for t in out:
            if t.figure is None and t.start < last_end:
                continue
            kept.append(t)
            if t.figure is not None:
                last_end = t.end
        return kept

    def claims_at(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> list[dict]:
        """Claims whose span overlaps ``text[start:end]``, tightest first."""
        lo = bisect.bisect_left(self._claim_starts, start - self._claim_reach)
        hi = bisect.bisect_left(self._claim_starts, end)
        hits = [c for c in self.claims[lo:hi] if start < int(c["end"]) and (kinds is None or c.get("kind") in kinds)]
        return sorted(hits, key=lambda c: (int(c["end"]) - int(c["start"]), int(c["start"])))

    def claim_id_at(self, start: int, end: int, kinds: tuple[str, ...] | None = None) -> str | None:
        hits = self.claims_at(start, end, kinds)
        return hits[0]["claim_id"] if hits else None


NUMERIC_KINDS = ("quantity", "money", "percent", "duration")


def _missing(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


@dataclass
class Result:
    """One computation's verdict on one claim."""

    verdict: str  # supported or contradicted
    computation: str
    evidence_ids: list[str] = field(default_factory=list)
    note: str = ""
    read: tuple[int, int] | None = None  # the words of the story the computation read (cited when no other claim is)

    def as_dict(self) -> dict:
        return {
            "verdict": self.verdict,
            "evidence_ids": list(self.evidence_ids),
            "expected": self.computation,
            "computation": self.computation,
            "note": self.note,
        }


def add(results: dict[str, Result], claim_id: str | None, result: Result) -> None:
    """Record ``result`` for ``claim_id``; two computations that disagree on one claim leave it undecided."""
    if claim_id is None:
        return
    old = results.get(claim_id)
    if old is None:
        results[claim_id] = result
    elif old.verdict != result.verdict:
        results[claim_id] = Result("", "")  # marker: undecided
    else:
        old.computation = old.computation + "; " + result.computation
        old.evidence_ids = list(dict.fromkeys(old.evidence_ids + result.evidence_ids))


def story_ref(start: int, end: int) -> str:
    """An evidence id for words of the story itself: ``story@START-END`` (offsets into the article text)."""
    return f"story@{start}-{end}"


def finish(results: dict[str, Result]) -> dict[str, dict]:
    """The decided results as dicts; a computation that used no other claim cites the words it read."""
    out = {}
    for cid, r in results.items():
        if not r.verdict:
            continue
        if not r.evidence_ids and r.read is not None:
            r.evidence_ids = [story_ref(*r.read)]
        out[cid] = r.as_dict()
    return out


def spanning(*figures) -> tuple[int, int]:
    """The stretch of text from the first to the last of some figures (or (start, end) pairs)."""
    spans = [f.span if hasattr(f, "span") else f for f in figures if f is not None]
    return min(a for a, _ in spans), max(b for _, b in spans)


def judge(stated: tuple[float, float], computed: tuple[float, float], tol: float = 1e-9) -> str:
    """contradicted when the stated interval and the computed one cannot meet, else supported."""
    lo, hi = stated
    clo, chi = computed
    if chi < lo - tol * max(1.0, abs(lo)) or clo > hi + tol * max(1.0, abs(hi)):
        return "contradicted"
    return "supported"


def fmt(x: float) -> str:
    """A computed figure as a reader writes it: 121.7, 0.25, 1,100."""
    if x == 0:
        return "0"
    if abs(x - round(x)) < 1e-9 and abs(x) < 1e15:
        return f"{round(x):,}"
    if abs(x) >= 100:
        return f"{x:,.1f}"
    digits = max(1, 3 - math.floor(math.log10(abs(x))))
    return f"{x:.{min(digits, 4)}f}".rstrip("0").rstrip(".")


def fmt_as(x: float, like: Figure) -> str:
    """A computed amount in the scale of a figure it came from: -1.6 billion, not -1,600,000,000."""
    scale = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}.get(like.scale_word or "")
    if scale and abs(x) >= scale / 10:
        return f"{fmt(x / scale)} {like.scale_word}"
    return fmt(x)
