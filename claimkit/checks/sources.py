"""Source check: each claim against the documents the story was written from (``verify(sources=…)``).

For a claim, the passages that could bear on it come from the source set's search index; their
own claims (read by the same extractors as the story, dated by each document's own date) are the
candidates. A candidate decides the claim only when it is *about the same thing*:

- the same kind of figure (a count of the same noun, the same currency, a percentage, a duration,
  a date), compared as intervals after normalisation; the rounding a figure is written with widens
  it ("4.5 million" is 4,450,000-4,550,000, "48%" is 47.5-48.5), and units convert
  (claimkit/lexicon/unit_conversions.tsv);
- the same subject words, weighed by how near they stand to the figure: each word of a sentence
  belongs to the figure (or date) nearest to it, so in "sales rose 5% while profits fell 12%" the
  words "profits fell" belong to 12%, not to 5%.

Verdicts: ``supported`` (a passage about the same thing states the same; cited), ``contradicted``
(a passage about the same thing states otherwise), ``misleading`` (the story's figure is in the
sources, but about something else, while the passage about the claim's subject gives another),
``unverified`` ("the sources are silent") otherwise. Quotes must appear in a source verbatim or
nearly so: a changed, added or dropped word that is not neutral (claimkit/lexicon/quote_neutral.txt)
is a misquote, unless the story marks the trim with an ellipsis; the speaker must be the source's.
Titles: the same person with the same office.
"""

from __future__ import annotations

import difflib
import math
import re
import weakref
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import fmt_interval, num, period, text

FIGURE_KINDS = ("quantity", "money", "percent", "duration")
SILENT = "the sources are silent"
SEARCH_K = 12
SUPPORT_AT = 0.34  # aboutness (0-1) from which a matching figure supports a claim
CONTRADICT_AT = 0.5  # aboutness from which a different figure contradicts it
UNIT_BONUS = 0.3  # aboutness added when a count counts the same (not generic) noun as the claim
MARGIN = 0.1  # a contradiction must be this much more about the claim than any agreeing figure
QUOTE_FOUND_AT = 0.6  # share of a quote's words found in order in one passage for the quote to be "there"
SAME_TIME_SPAN = (
    8  # a date bears out a period at most this many times longer ("this week" by "Monday", not "this year")
)
DENY_TIME_SPAN = (
    2  # two times that do not meet deny each other only when of like length (days, months, quarters, years)
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|…|\.\.\.", re.UNICODE)


# ---------------------------------------------------------------- words


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from claimkit.lexicon import words

    return frozenset(words("stopwords.txt"))


@lru_cache(maxsize=1)
def _neutral() -> frozenset[str]:
    from claimkit.lexicon import words

    return frozenset(words("quote_neutral.txt"))


@lru_cache(maxsize=1)
def _conversions() -> dict[str, tuple[str, float]]:
    from claimkit.lexicon import table

    return {r["unit"]: (r["base"], float(r["factor"])) for r in table("unit_conversions.tsv")}


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match "troops"/"troop", "gathering"/"gathered"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            return w[: len(w) - len(suffix)] + keep
    return w


def tokens(s: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word and number of ``s``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s or "")]


def content(word: str) -> str | None:
    """The stem of a word that says what a passage is about; ``None`` for function words and numbers."""
    w = word.lower()
    if w[0].isdigit() or w in _stopwords() or len(w) < 2 or w in ("…", "..."):
        return None
    return stem(w)


# ---------------------------------------------------------------- mentions and what they are about


@dataclass
class Mention:
    """A figure, date, quote or title in a sentence, with the words that belong to it."""

    kind: str
    span: str
    sentence: str
    at: tuple[int, int]  # token indices [i, j) of the span in the sentence
    row: dict
    owned: dict[str, int] = field(default_factory=dict)  # stem -> distance in words from the mention
    words: frozenset[str] = frozenset()  # content stems of the whole sentence
    passage_id: str | None = None
    document: str | None = None


def _family(kind: str) -> str:
    return "time" if kind == "time" else "figure" if kind in FIGURE_KINDS else kind


def _token_span(sentence_tokens, start: int, end: int) -> tuple[int, int]:
    idx = [n for n, (_, s, e) in enumerate(sentence_tokens) if s < end and e > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


@lru_cache(maxsize=1)
def _figure_context() -> tuple[dict[str, float], frozenset[str]]:
    from claimkit.lexicon import table

    rows = table("figure_context.tsv")
    weights = {stem(r["word"]): float(r["weight"]) for r in rows if float(r["weight"]) != 1}
    breaks = frozenset(r["word"] for r in rows if r.get("role") == "break")
    return weights, breaks


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    from claimkit.lexicon import table

    return frozenset(r["word"] for r in table("figure_context.tsv") if r.get("role") == "generic")


def word_weight(stemmed: str) -> float:
    return _figure_context()[0].get(stemmed, 1.0)


SHARE_SLACK = (
    2  # words: a word this little further from a second figure belongs to both ("profit grew 14% to 2.6 billion")
)
BARRIER_COST = 3  # words: crossing a comma, a semicolon or "and" puts a word this much further from a figure


def _barriers(sentence: str, sentence_tokens) -> list[int]:
    """Prefix counts of clause breaks between consecutive words: barrier[k] = breaks before word k."""
    out, n = [0], 0
    for k in range(1, len(sentence_tokens)):
        gap = sentence[sentence_tokens[k - 1][2] : sentence_tokens[k][1]]
        if any(ch in gap for ch in ",;:()–—") or sentence_tokens[k][0].lower() in _figure_context()[1]:
            n += 1
        out.append(n)
    return out


def _own(mentions: list[Mention], sentence_tokens, barriers: list[int] | None = None) -> None:
    """Give each content word of a sentence to the mention(s) of the same family nearest to it
    (clause breaks count as extra distance)."""
    barriers = barriers or [0] * len(sentence_tokens)
    inside: dict[str, set[int]] = {}  # family -> word indices inside a mention's own span
    for m in mentions:
        inside.setdefault(_family(m.kind), set()).update(range(*m.at))
    # positions counted with each figure as one word, so "profit grew 14 percent to 2.6 billion" puts profit 4 words from 2.6
    fam_inside = inside.get("figure", set()) | inside.get("time", set())
    pos, k = [], 0
    for n in range(len(sentence_tokens)):
        if not (n in fam_inside and n - 1 in fam_inside):
            k += 1
        pos.append(k)
    for n, (w, _, _) in enumerate(sentence_tokens):
        c = content(w)
        if c is None:
            continue
        by_family: dict[str, list[tuple[int, int, Mention]]] = {}
        for m in mentions:
            i, j = m.at
            if n in inside.get(_family(m.kind), ()) or i >= j:
                continue  # a figure's own words ("troops" in "100,000 troops") are compared by unit, not owned
            if n < i:
                breaks = barriers[i] - barriers[n]
                d = pos[i] - pos[n]
            else:
                breaks = barriers[n] - barriers[max(j - 1, 0)]
                d = pos[n] - pos[j - 1]
            by_family.setdefault(_family(m.kind), []).append((d + BARRIER_COST * breaks, breaks, m))
        for cands in by_family.values():
            best = min(d for d, _, _ in cands)
            for d, breaks, m in cands:
                if (d == best or (d <= best + SHARE_SLACK and not breaks)) and (c not in m.owned or m.owned[c] > d):
                    m.owned[c] = d


def mentions_in(sentence: str, rows: list[tuple[dict, int, int]], passage_id=None, document=None) -> list[Mention]:
    """Mentions for claims ``rows`` ((claim, start, end) with offsets into ``sentence``) of one sentence."""
    toks = tokens(sentence)
    spans = [(r, _token_span(toks, s, e)) for r, s, e in rows]
    # the sentence's words, less the figures' and dates' own ("million", "people" in "6.2 million people")
    own = {n for r, (i, j) in spans if _family(str(r.get("kind") or "")) in ("figure", "time") for n in range(i, j)}
    words = frozenset(c for n, (w, _, _) in enumerate(toks) if n not in own and (c := content(w)))
    out = [
        Mention(
            kind=str(r.get("kind") or ""),
            span=text(r.get("span")) or "",
            sentence=sentence,
            at=at,
            row=r,
            words=words,
            passage_id=passage_id,
            document=document,
        )
        for r, at in spans
    ]
    _own(out, toks, _barriers(sentence, toks))
    return out


def aboutness(claim: Mention, source: Mention) -> float:
    """How far ``source`` is about what ``claim`` is about (0-1): the claim's own words found among
    the source mention's own words, nearer words weighing more, and the sentences' words in common."""
    den = sum(word_weight(w) / (1 + d) for w, d in claim.owned.items())
    local = sum(word_weight(w) / (1 + d) for w, d in claim.owned.items() if w in source.owned) / den if den else 0.0
    sent = len(claim.words & source.words) / len(claim.words) if claim.words else 0.0
    return round(0.65 * local + 0.35 * sent, 3)


# ---------------------------------------------------------------- figures

_NUMERAL = re.compile(r"\d+(?:[.,]\d+)*")


def written_precision(span: str, value: float | None) -> float:
    """Half a unit of the last digit the figure is written with, in the figure's own scale:
    "4.5 million" -> 50,000; "48%" -> 0.5; "100,000" -> 500 (2 significant digits at most for round numbers)."""
    if value is None or not span:
        return 0.0
    nums = _NUMERAL.findall(span)
    if not nums:
        return 0.0  # a number word ("two dozen") is exact
    digits = nums[0].replace(",", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", nums[0]):  # 1.500.000 written the continental way
        digits = nums[0].replace(".", "")
    try:
        written = float(digits)
    except ValueError:
        return 0.0
    scale = abs(value) / written if written else 1.0
    if "." in digits:
        step = 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        zeros = len(digits) - len(stripped)
        step = 10 ** max(0, min(zeros, len(digits) - 2))  # 100,000 -> 1,000: read as rounded to 2-3 digits
    return 0.5 * step * scale


def _padded(row: dict) -> tuple[float, float, float] | None:
    """(low, high, rounding pad) of a figure; open bounds are infinite. The pad (under half a unit of the
    last digit written) applies to exact figures: "about" and ranges carry their own width."""
    low, high, value = num(row.get("low")), num(row.get("high")), num(row.get("value"))
    if low is None and high is None:
        if value is None:
            return None
        low = high = value
    q = text(row.get("qualifier")) or "exact"
    pad = 0.9 * written_precision(text(row.get("span")) or "", next(v for v in (value, low, high) if v is not None))
    if q in ("about", "nearly") and value is not None:
        # "about 4.5 million": a rounding, so one unit of the last digit or 5 %, not the extractor's generic 10 %
        width = max(2 * pad / 0.9, APPROXIMATE * abs(value))
        low, high = value - width, (value if q == "nearly" else value + width)
        pad = 0.0
    elif q in ("about", "nearly", "range"):
        pad = 0.0
    return (-math.inf if low is None else low, math.inf if high is None else high, pad)


def figure_interval(row: dict) -> tuple[float, float] | None:
    """The figure's interval, widened by the rounding it is written with; open bounds are infinite."""
    p = _padded(row)
    return None if p is None else (p[0] - p[2], p[1] + p[2])


APPROXIMATE = 0.05  # an "about" figure covers 5 % either side (or one unit of its last digit, if wider)
ROUNDED_BOUND = 0.75  # "more than 12,000" reads as a rounding down of 12,200; "more than 100,000" of 200,000 does not


def _bound_agrees(bound: float, pad: float, lo: float, hi: float, side: str) -> bool:
    """An open-ended figure ("more than B", "up to B") against a closed one [lo, hi] or another bound:
    the bound must be a rounding of the other figure, not just on the right side of it."""
    if side == "low":  # more than / at least B: B at most the figure and not far below it
        return bound - pad <= hi and bound >= lo * ROUNDED_BOUND - pad
    return bound + pad >= lo and bound <= hi / ROUNDED_BOUND + pad  # up to / under B


def figure_unit(row: dict) -> tuple[str, str, float]:
    """(kind of figure, base unit, factor to the base unit): figures compare only within one kind and base."""
    from claimkit.matching import unit_of

    kind = str(row.get("kind") or "")
    unit = unit_of(text(row.get("unit"))) or ""
    base, factor = _conversions().get(unit, (unit, 1.0))
    family = "percent" if kind == "percent" or unit == "percent" else "money" if kind == "money" else "measure"
    return family, base, factor


def comparable(a: dict, b: dict) -> bool:
    """Same kind of figure: the same currency, percentages, or measures in one base unit; a bare number
    ("more than 200,000") compares with counts of anything."""
    fa, fb = figure_unit(a), figure_unit(b)
    if fa[0] != fb[0]:
        return False
    if fa[1] == fb[1]:
        return True
    return fa[0] == "measure" and (not fa[1] or not fb[1]) and (fa[1] or fb[1]) not in _conversions()


def counted_noun(row: dict) -> str | None:
    """The counted noun of a count ("troop"), or None for bare numbers, percentages, money and measures."""
    family, base, _ = figure_unit(row)
    return base if family == "measure" and base and base not in _conversions() else None


def same_figure(a: dict, b: dict) -> bool:
    """Whether two figures of the same kind state the same (after units, rounding and qualifiers)."""
    pa, pb = _padded(a), _padded(b)
    if pa is None or pb is None:
        return False
    fa, fb = figure_unit(a)[2], figure_unit(b)[2]
    lo_a, hi_a, pad_a = pa[0] * fa, pa[1] * fa, pa[2] * fa
    lo_b, hi_b, pad_b = pb[0] * fb, pb[1] * fb, pb[2] * fb
    open_a = (
        "low"
        if math.isinf(hi_a) and not math.isinf(lo_a)
        else "high"
        if math.isinf(lo_a) and not math.isinf(hi_a)
        else None
    )
    open_b = (
        "low"
        if math.isinf(hi_b) and not math.isinf(lo_b)
        else "high"
        if math.isinf(lo_b) and not math.isinf(hi_b)
        else None
    )
    if open_a or open_b:
        if open_a and open_b and open_a != open_b:
            return False
        if open_a:
            bound = lo_a if open_a == "low" else hi_a
            other = (lo_b, lo_b) if open_b == "low" else (hi_b, hi_b) if open_b == "high" else (lo_b, hi_b)
            return _bound_agrees(bound, pad_a + pad_b, other[0], other[1], open_a)
        bound = lo_b if open_b == "low" else hi_b
        return _bound_agrees(bound, pad_a + pad_b, lo_a, hi_a, open_b)
    if _explicit_range(a) and _explicit_range(b) and not (_near(lo_a, lo_b) and _near(hi_a, hi_b)):
        return False  # "21.4 to 50.2 pct" is not "21.4 to 22.6 pct", though the two overlap
    lo_a, hi_a, lo_b, hi_b = lo_a - pad_a, hi_a + pad_a, lo_b - pad_b, hi_b + pad_b
    eps = 1e-9 * max(1.0, abs(lo_a))
    return lo_a <= hi_b + eps and lo_b <= hi_a + eps


RANGE_BOUND_TOLERANCE = 0.05  # two ranges state the same when each bound is within 5 % (rounding: "1.2 to 1.5 million", "1.23 to 1.48 million")


def _explicit_range(row: dict) -> bool:
    """A range written with both its ends ("21.4 to 22.6 pct", "between 20 and 30"), not a rounding ("hundreds")."""
    if (text(row.get("qualifier")) or "") != "range" or num(row.get("low")) is None or num(row.get("high")) is None:
        return False
    return '"approximate": false' in (text(row.get("details")) or "").replace("'", '"').replace("False", "false")


def _near(x: float, y: float) -> bool:
    return abs(x - y) <= RANGE_BOUND_TOLERANCE * max(abs(x), abs(y)) + 1e-9


def _width(row: dict) -> float:
    """How vague a figure is: the width of its interval (infinite when open-ended)."""
    iv = figure_interval(row)
    return math.inf if iv is None else iv[1] - iv[0]


def significant_digits(span: str) -> int:
    """How many significant digits the figure is written with ("10.9" 3, "2.6 billion" 2, "100,000" 1)."""
    nums = _NUMERAL.findall(span or "")
    if not nums:
        return 1
    d = nums[0].replace(",", "").replace(".", "").lstrip("0")
    return max(1, len(d.rstrip("0")) if "." not in nums[0] else len(d))


def _stated_period(row: dict) -> tuple[date, date] | None:
    """The period a figure is said to hold for, when the text states it (not the publication date)."""
    details = text(row.get("details")) or ""
    if '"date_basis": "stated"' not in details.replace("'", '"'):
        return None
    p = period(row.get("date"))
    return p if p and (p[1] - p[0]).days >= 27 else None  # a month or longer: "in 2019", "in March"


# ---------------------------------------------------------------- dates


def _weekday(span: str) -> str | None:
    low = (span or "").lower()
    return next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", low)), None)


def same_time(a: dict, b: dict) -> bool | None:
    """Whether two time mentions agree (``None``: cannot tell)."""
    wa, wb = _weekday(text(a.get("span")) or ""), _weekday(text(b.get("span")) or "")
    pa, pb = period(a.get("date")), period(b.get("date"))
    if pa and pb:
        la, lb = (pa[1] - pa[0]).days + 1, (pb[1] - pb[0]).days + 1
        alike = max(la, lb) <= SAME_TIME_SPAN * min(la, lb)
        if not (pa[0] <= pb[1] and pb[0] <= pa[1]):
            # "last year" against "the first quarter" (of this year): a year and a quarter are not two answers
            # to one question, so they deny nothing; a day against another day, a month against a month do
            return False if max(la, lb) <= DENY_TIME_SPAN * min(la, lb) else None
        if wa and wb and wa != wb and pa[0] == pa[1] == pb[0] == pb[1]:
            return False  # "Friday, March 20" against "Wednesday, March 20": the same day named as two weekdays
        return True if alike else None  # "this year" is not borne out by a Sunday
    if wa and wb:
        return wa == wb
    return None


# ---------------------------------------------------------------- the source set's mentions, indexed once


class _SourceMentions:
    """The source set's own claims, grouped by passage, turned into :class:`Mention` on first use.

    A document's claims are extracted (or read from the disk cache) only when one of its passages is
    a candidate, so a large source set pays only for the documents a story touches."""

    def __init__(self, srcset):
        self.srcset = srcset
        self.by_passage: dict[str, list[dict]] = {}
        self._loaded: set[str] = set()
        self._mentions: dict[str, list[Mention]] = {}
        self._docs = {d.path: d for d in srcset.documents}
        self._profiles: dict[str, tuple] = {}
        self._related: dict[tuple, bool] = {}

    def related(self, document: str, story) -> bool:
        """Whether a document is about the story's events (a shared source folder holds documents about
        other stories too): it names enough of the people, places and bodies the story names, or holds
        most of the story's words. ``story``: :func:`story_profile`."""
        names, words = story
        key = (document, names, words)
        hit = self._related.get(key)
        if hit is None:
            d = self._docs.get(document)
            prof = self._profiles.get(document)
            if prof is None:
                body = d.text if d else ""
                prof = self._profiles[document] = (proper_names(body), topic_words(body))
            shared, named = shared_names(names, prof[0])
            overlap = len(words & prof[1]) / len(words) if words else 1.0
            hit = self._related[key] = (named > 0 and shared >= min(RELATED_NAMES, named)) or overlap >= RELATED_WORDS
        return hit

    def rows(self, passage_id: str) -> list[dict]:
        """The source claims standing in one passage (as dicts)."""
        doc = self.srcset.passage(passage_id).document
        if doc not in self._loaded:
            self._loaded.add(doc)
            d = self._docs.get(doc)
            if d is not None:
                for r in self.srcset.claims_in(d.passage_ids).to_dict("records"):
                    if r.get("passage_id"):
                        self.by_passage.setdefault(str(r["passage_id"]), []).append(r)
        return self.by_passage.get(passage_id, [])

    def mentions(self, passage_id: str) -> list[Mention]:
        hit = self._mentions.get(passage_id)
        if hit is None:
            hit = []
            rows = self.rows(passage_id)
            by_sentence: dict[tuple[str, str], list[dict]] = {}
            for r in rows:
                by_sentence.setdefault((str(r.get("document")), text(r.get("sentence")) or ""), []).append(r)
            for (doc, sentence), rs in by_sentence.items():
                body = self._docs[doc].text if doc in self._docs else ""
                placed = []
                for r in rs:
                    start, end = int(r["start"]), int(r["end"])
                    s0 = body.rfind(sentence, max(0, start - len(sentence)), end + len(sentence)) if sentence else -1
                    if s0 < 0 or not (s0 <= start and end <= s0 + len(sentence)):
                        loc = _locate(sentence, text(r.get("span")) or "")
                        s0 = start - loc[0] if loc else start
                    placed.append((r, start - s0, end - s0))
                hit.extend(mentions_in(sentence, placed, passage_id=passage_id, document=doc))
            self._mentions[passage_id] = hit
        return hit


_INDEXED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def source_mentions(srcset) -> _SourceMentions:
    try:
        hit = _INDEXED.get(srcset)
    except TypeError:
        return _SourceMentions(srcset)
    if hit is None:
        hit = _SourceMentions(srcset)
        _INDEXED[srcset] = hit
    return hit


def _locate(sentence: str, span: str, nth: int = 0) -> tuple[int, int] | None:
    pos = -1
    for _ in range(nth + 1):
        pos = sentence.find(span, pos + 1)
        if pos < 0:
            return None
    return pos, pos + len(span)


RELATED_NAMES = 2  # proper names a document must share with the story to be taken as about its events
RELATED_WORDS = (
    0.4  # or the share of the story's content words it holds (a summary's source: 0.46-0.88 in benchmarks/data)
)
_NAME = re.compile(r"(?<![\w’'])([A-Z][\w’'.-]*[A-Za-z]|[A-Z]{2,})")


def proper_names(text_: str) -> tuple[frozenset[str], frozenset[str]]:
    """The capitalised words of a text that may name what it is about ("Haiti", "UNICEF", "Siemens"),
    lower-cased: (those inside sentences, those opening one, which are capitalised anyway). Function
    words, weekdays, months and agencies (claimkit/lexicon/not_names.txt) are left out."""
    skip = _name_skip()
    inside, opening = set(), set()
    for m in _NAME.finditer(text_ or ""):
        before = text_[max(0, m.start() - 3) : m.start()]
        w = m.group(1).lower().rstrip(".").replace("’s", "").replace("'s", "")
        if w in skip or len(w) < 2:
            continue
        if m.start() == 0 or re.search(r"[.!?\n\"“]\s*$", before):
            opening.add(w)
        else:
            inside.add(w)
    return frozenset(inside), frozenset(opening - inside)


def shared_names(
    story: tuple[frozenset[str], frozenset[str]], doc: tuple[frozenset[str], frozenset[str]]
) -> tuple[int, int]:
    """(names story and document share, names the story has): a sentence opener counts as a name when
    the other text has it inside a sentence ("Lufthansa posted…" and "… - Lufthansa swung…")."""
    s_in, s_open = story
    d_in, d_open = doc
    story_names = s_in | (s_open & d_in)
    return len(story_names & (d_in | d_open)), len(story_names)


@lru_cache(maxsize=1)
def _name_skip() -> frozenset[str]:
    from claimkit.lexicon import words

    return _stopwords() | frozenset(words("not_names.txt"))


def topic_words(body: str) -> frozenset[str]:
    """The content words of a text that say what it is about (not verbs of change, "percent", "billion")."""
    return frozenset(c for w, _, _ in tokens(body) if (c := content(w)) and word_weight(c) >= 1)


def story_profile(ctx: CheckContext) -> tuple:
    """The story's proper names and content words (from its text, else its claims' sentences), once per context."""
    hit = getattr(ctx, "_story_profile", None)
    if hit is None:
        body = ctx.text or " ".join(dict.fromkeys(str(c.get("sentence") or "") for c in ctx.claims))
        hit = (proper_names(body), topic_words(body))
        try:
            ctx._story_profile = hit
        except AttributeError:
            pass
    return hit


def claim_mention(claim: dict, ctx: CheckContext) -> Mention:
    """The story claim as a :class:`Mention`, with the other claims of its sentence competing for its words."""
    sentence = text(claim.get("sentence")) or text(claim.get("span")) or ""
    same = [c for c in ctx.claims if (text(c.get("sentence")) or "") == sentence] or [claim]
    same = sorted(same, key=lambda c: num(c.get("start")) or 0)
    seen: dict[str, int] = {}
    placed, mine = [], None
    for c in same:
        span = text(c.get("span")) or ""
        n = seen.get(span, 0)
        seen[span] = n + 1
        loc = _locate(sentence, span, n) or _locate(sentence, span)
        if loc is None:
            continue
        placed.append((c, loc[0], loc[1]))
    if not any(c is claim or c.get("claim_id") == claim.get("claim_id") for c, _, _ in placed):
        loc = _locate(sentence, text(claim.get("span")) or "") or (0, 0)
        placed.append((claim, loc[0], loc[1]))
    for m in mentions_in(sentence, placed):
        if m.row is claim or (claim.get("claim_id") is not None and m.row.get("claim_id") == claim.get("claim_id")):
            mine = m
    return mine


def candidate_passages(claim: dict, srcset, k: int = SEARCH_K) -> list[tuple[object, float]]:
    """The passages the search index ranks highest for the claim's sentence (and for its span alone)."""
    sentence = text(claim.get("sentence")) or ""
    span = text(claim.get("span")) or ""
    seen, out = set(), []
    for query in (sentence, span + " " + (text(claim.get("subject")) or "")):
        if not query.strip():
            continue
        for p, score in srcset.search(query, k=k):
            if p.id not in seen:
                seen.add(p.id)
                out.append((p, score))
    return out


# ---------------------------------------------------------------- scoring candidates


@dataclass
class Candidate:
    """A source mention weighed against a claim: what a journalist sees in check_claim."""

    mention: Mention
    about: float
    agrees: bool | None
    why: str = ""
    anchored: bool = False  # a word of the claim's own (not a verb of change) stands beside the mention too


def _describe(m: Mention) -> str:
    where = f" ({m.document})" if m.document else ""
    return f"'{m.span}'{where}"


def score_candidates(claim: dict, ctx: CheckContext, family: str) -> tuple[Mention | None, list[Candidate], list]:
    """The claim's mention, every candidate mention of the same family with its aboutness and agreement, and the passages searched."""
    srcset = ctx.sources
    me = claim_mention(claim, ctx)
    if me is None:
        return None, [], []
    index = source_mentions(srcset)
    story = story_profile(ctx)
    passages = [(p, sc) for p, sc in candidate_passages(claim, srcset) if index.related(p.document, story)]
    out = []
    for p, _ in passages:
        for m in index.mentions(p.id):
            if _family(m.kind) != family or (family not in ("figure", "time") and m.kind != me.kind):
                continue
            if family == "figure":
                if not comparable(claim, m.row):
                    continue
                agrees = same_figure(claim, m.row)
            elif family == "time":
                agrees = same_time(claim, m.row)
                if agrees is None:
                    continue
            else:
                agrees = None
            about = aboutness(me, m)
            noun = counted_noun(claim) if family == "figure" else None
            if noun and noun == counted_noun(m.row) and (noun not in _generic() or any(w in m.owned for w in me.owned)):
                about = min(1.0, about + UNIT_BONUS)  # "homes" and "homes": the same kind of thing counted
            anchored = any(w in m.owned and word_weight(w) >= 1 for w in me.owned)
            out.append(Candidate(m, round(about, 3), agrees, anchored=anchored))
    out.sort(key=lambda c: -c.about)
    return me, out, passages


def _evidence(srcset, mentions: list[Mention]) -> tuple[list[str], list[dict], list[str]]:
    ids = list(dict.fromkeys(m.passage_id for m in mentions if m.passage_id))
    if not ids:
        return [], [], []
    rows = srcset.evidence_rows(ids)
    recs = rows.astype(object).where(rows.notna(), None).to_dict("records")
    return ids, recs, list(dict.fromkeys(r["document"] for r in recs))


def _passage_ref(srcset, m: Mention) -> str:
    p = srcset.passage(m.passage_id) if m.passage_id else None
    where = m.document or "a source"
    if p is not None and p.page:
        where += f", p. {p.page}"
    elif p is not None and p.sheet:
        where += f", {p.sheet} row {p.row}"
    return where


def decide(claim: dict, ctx: CheckContext, family: str, describe_value) -> Check:
    """The verdict from the scored candidates (the rules in the module docstring)."""
    srcset = ctx.sources
    me, cands, passages = score_candidates(claim, ctx, family)
    if me is None:
        return unverified(f"{SILENT}: the claim could not be placed in its sentence")
    agree = [c for c in cands if c.agrees]
    differ = [
        c for c in cands if c.agrees is False and c.anchored
    ]  # to deny, a passage must share the claim's own words
    best_agree = agree[0] if agree else None
    best_differ = differ[0] if differ else None
    span = text(claim.get("span")) or ""
    support_at = SUPPORT_AT
    if family == "figure":  # a figure written with more digits is less likely to be there by chance
        support_at = max(SUPPORT_AT - 0.1 * (significant_digits(span) - 1), SUPPORT_AT - 0.2)
    if (
        best_agree
        and best_agree.about >= support_at
        and (best_differ is None or best_agree.about >= best_differ.about - MARGIN)
    ):
        m = best_agree.mention
        stated, said = _stated_period(claim), _stated_period(m.row)
        if family == "figure" and stated and said and not (stated[0] <= said[1] and said[0] <= stated[1]):
            ids, recs, docs = _evidence(srcset, [m])
            return Check(
                "misleading",
                ids,
                expected=f"{describe_value(m)} for {m.row.get('date')}",
                sources=docs,
                passages=recs,
                note=f"The sources give {describe_value(m)} for another period ({m.row.get('date')}, {_passage_ref(srcset, m)}), not for {claim.get('date')}.",
            )
        ids, recs, docs = _evidence(srcset, [m])
        return Check(
            "supported",
            ids,
            expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
            sources=docs,
            passages=recs,
            note=f'{_passage_ref(srcset, m)} says {describe_value(m)} about the same thing (aboutness {best_agree.about:.2f}): "{_short(m.sentence)}"',
        )
    if (
        best_agree
        and best_agree.about >= max(support_at, CONTRADICT_AT)
        and best_differ
        and best_differ.about >= CONTRADICT_AT
        and not (family == "figure" and _width(best_differ.mention.row) < _width(best_agree.mention.row))
    ):
        # (a vaguer figure that agrees, "more than 1,100", does not outweigh a precise one that does not, "1,136")
        a, d = best_agree.mention, best_differ.mention
        return unverified(
            f"the sources state both: {describe_value(a)} ({_passage_ref(srcset, a)}, aboutness {best_agree.about:.2f}) "
            f"and {describe_value(d)} ({_passage_ref(srcset, d)}, aboutness {best_differ.about:.2f}); "
            "read both passages to tell which is about the claim"
        )
    if (
        best_differ
        and best_differ.about >= CONTRADICT_AT
        and (best_agree is None or best_differ.about > best_agree.about + MARGIN)
    ):
        m = best_differ.mention
        ids, recs, docs = _evidence(srcset, [m] + ([best_agree.mention] if best_agree else []))
        if best_agree is not None and family == "figure" and _width(best_agree.mention.row) <= _width(claim):
            # the claim's figure itself is in the sources (not just a vaguer one that admits it), about something else
            o = best_agree.mention
            return Check(
                "misleading",
                ids,
                expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
                sources=docs,
                passages=recs,
                note=f"'{span}' is in the sources, but about something else ({_passage_ref(srcset, o)}: \"{_short(o.sentence)}\"); "
                f'about this the sources say {describe_value(m)}: "{_short(m.sentence)}"',
            )
        return Check(
            "contradicted",
            ids[:1],
            expected=f"{describe_value(m)} ({_passage_ref(srcset, m)})",
            sources=docs[:1],
            passages=recs[:1],
            note=f"{_passage_ref(srcset, m)} says {describe_value(m)} about the same thing (aboutness {best_differ.about:.2f}), "
            f"not '{span}': \"{_short(m.sentence)}\"",
        )
    if not passages:
        return unverified(f"{SILENT}: no passage shares the claim's words")
    if not cands:
        return unverified(
            f"{SILENT}: the passages that share the claim's words state no {('figure of this kind' if family == 'figure' else 'date')}"
        )
    top = cands[0]
    return unverified(
        f"{SILENT}: the nearest {('figure' if family == 'figure' else 'date')} in them, {_describe(top.mention)}, "
        f"is not clearly about the same thing (aboutness {top.about:.2f})"
    )


def _value_text(m: Mention) -> str:
    iv = figure_interval(m.row)
    return f"'{m.span}'" + (
        f" ({fmt_interval((round(iv[0]), round(iv[1])) if abs(iv[0]) >= 100 else iv)})"
        if iv and all(math.isfinite(x) for x in iv) and m.span and not m.span[0].isdigit()
        else ""
    )


def _short(sentence: str, limit: int = 160) -> str:
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rsplit(" ", 1)[0] + " …"


def _date_text(m: Mention) -> str:
    d = text(m.row.get("date"))
    return f"'{m.span}'" + (f" ({d})" if d else "")


# ---------------------------------------------------------------- quotes


@dataclass
class QuoteMatch:
    passage: object
    share: float  # of the story's quote words found in order
    ops: list  # (tag, story words, source words)
    start: int  # offsets of the matched stretch in the passage text (may run past its end)
    end: int
    changes: list  # the ops that change the sense
    cited: list = field(default_factory=list)  # every passage the matched stretch touches
    words: str = ""  # the source's words of the matched stretch


def _quote_words(s: str) -> list[tuple[str, int, int]]:
    return [(w.lower().replace("’", "'"), a, b) for w, a, b in tokens(s)]


def align_quote(quote: str, passage_text: str) -> tuple[float, list, int, int]:
    """Word-level alignment of a quote with a passage: (share of the quote's words found in order, the
    opcodes over the best-matching stretch as (tag, quote words, passage words), stretch start, end)."""
    q = _quote_words(quote)
    p = _quote_words(passage_text)
    qw = [w for w, _, _ in q if w not in ("…", "...")]
    if not qw or not p:
        return 0.0, [], 0, 0
    pw = [w for w, _, _ in p]
    sm = difflib.SequenceMatcher(None, qw, pw, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    if not blocks:
        return 0.0, [], 0, 0
    # the densest run of blocks: start at the block that opens the longest chain with small gaps
    best, best_cover = (0, len(blocks)), -1
    for i in range(len(blocks)):
        cover, j = blocks[i].size, i
        while j + 1 < len(blocks) and blocks[j + 1].b - (blocks[j].b + blocks[j].size) <= max(3, len(qw) // 3):
            j += 1
            cover += blocks[j].size
        if cover > best_cover:
            best, best_cover = (i, j + 1), cover
    run = blocks[best[0] : best[1]]
    b0, b1 = run[0].b, run[-1].b + run[-1].size
    a0, a1 = run[0].a, run[-1].a + run[-1].size
    # extend to the quote's ends so leading/trailing changed words show in the diff
    b0 = max(0, b0 - a0)
    b1 = min(len(pw), b1 + (len(qw) - a1))
    window = pw[b0:b1]
    # the story's words, ellipses kept, against the window
    qfull = [w for w, _, _ in q]
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, qfull, window, autojunk=False).get_opcodes():
        ops.append((tag, qfull[i1:i2], window[j1:j2]))
    share = best_cover / len(qw)
    return share, ops, p[b0][1], p[b1 - 1][2]


def sense_changes(ops: list) -> list:
    """The differences that change what was said: any changed, added or dropped word that is not neutral,
    except words dropped where the story marks a trim with an ellipsis."""
    neutral = _neutral()
    out = []
    for n, (tag, qw, sw) in enumerate(ops):
        if tag == "equal":
            continue
        story_words = [w for w in qw if w not in ("…", "...")]
        trimmed = (
            any(w in ("…", "...") for w in qw)
            or (n > 0 and ops[n - 1][0] != "equal" and any(w in ("…", "...") for w in ops[n - 1][1]))
            or (n + 1 < len(ops) and any(w in ("…", "...") for w in ops[n + 1][1]))
        )
        if not story_words and trimmed:
            continue  # words dropped at an ellipsis
        words = set(story_words) | set(sw)
        if words <= neutral:
            continue
        if trimmed and not story_words:
            continue
        out.append((tag, qw, sw))
    return out


def diff_text(ops: list) -> str:
    """The word-level difference written out: "we [must → may] take" (story → source)."""
    parts = []
    for tag, qw, sw in ops:
        if tag == "equal":
            parts.append(" ".join(qw) if len(qw) <= 6 else " ".join(qw[:3]) + " … " + " ".join(qw[-3:]))
        elif tag == "replace":
            parts.append(f"[{' '.join(qw)} → {' '.join(sw)}]")
        elif tag == "delete":
            parts.append(f"[+{' '.join(qw)}]")
        else:
            parts.append(f"[-{' '.join(sw)}]")
    return " ".join(parts)


def _with_neighbours(srcset, passage) -> list:
    """The passage with the ones before and after it in its document (a quote may run over a page or passage break)."""
    try:
        doc = srcset.document(passage.document)
    except KeyError:
        return [passage]
    ids = doc.passage_ids
    i = ids.index(passage.id) if passage.id in ids else -1
    if i < 0:
        return [passage]
    return [srcset.passage(pid) for pid in ids[max(0, i - 1) : i + 2]]


def find_quote(quote: str, srcset, k: int = SEARCH_K) -> QuoteMatch | None:
    """The passage where the quote's words stand best, aligned word by word (run over into the passages
    beside it); ``passage`` is the one holding most of the quote, ``cited`` every passage the match touches."""
    best = None
    for p, _ in srcset.search(quote, k=k):
        run = _with_neighbours(srcset, p)
        joined, starts = "", []
        for q in run:
            starts.append(len(joined))
            joined += q.text + " "
        share, ops, s, e = align_quote(quote, joined)
        if best is None or share > best.share:
            touched = [q for q, st in zip(run, starts) if st < e and st + len(q.text) > s]
            main = max(
                touched or [p], key=lambda q: min(e, starts[run.index(q)] + len(q.text)) - max(s, starts[run.index(q)])
            )
            st = starts[run.index(main)]
            best = QuoteMatch(main, share, ops, s - st, e - st, sense_changes(ops))
            best.cited = touched or [p]
            best.words = joined[s:e]
    return best


def _speaker_in_source(srcset, match: QuoteMatch) -> str | None:
    """Who the source gives the quoted words to: the speaker of a source quote or attribution over the matched stretch."""
    index = source_mentions(srcset)
    doc_start = match.passage.start + match.start  # the stretch in document offsets
    doc_end = match.passage.start + match.end
    for p in match.cited or [match.passage]:
        for r in index.rows(p.id):
            if str(r.get("kind")) in ("quote", "attribution") and text(r.get("speaker")):
                if int(r["start"]) < doc_end and int(r["end"]) > doc_start:
                    return text(r.get("speaker"))
    return None


def _names_someone(speaker: str) -> bool:
    """Whether a speaker as resolved is a name (a capitalised word), not a pronoun or a common noun."""
    return any(w[:1].isupper() for w in re.findall(r"[^\W\d_][\w'.-]*", speaker))


def check_quote(claim: dict, ctx: CheckContext) -> Check:
    srcset = ctx.sources
    quote = text(claim.get("span")) or ""
    match = find_quote(quote, srcset)
    if match is None or match.share < QUOTE_FOUND_AT:
        return unverified(
            f"{SILENT}: the quote is not in them"
            + (f" (at most {match.share:.0%} of its words in one passage)" if match else "")
        )
    cited = [
        Mention("quote", quote, q.text, (0, 0), {}, passage_id=q.id, document=q.document)
        for q in (match.cited or [match.passage])
    ]
    m = next((c for c in cited if c.passage_id == match.passage.id), cited[0])
    ids, recs, docs = _evidence(srcset, cited)
    source_words = match.words or match.passage.text[match.start : match.end]
    where = _passage_ref(srcset, m)
    if match.changes:
        return Check(
            "contradicted",
            ids,
            expected=f'"{source_words}" ({where})',
            sources=docs,
            passages=recs,
            computation=diff_text(match.ops),
            note=f"Misquote: {where} has other words: {diff_text(match.changes)} (story → source).",
        )
    speaker, said_by = text(claim.get("speaker")), _speaker_in_source(srcset, match)
    if speaker and said_by and _names_someone(speaker) and _names_someone(said_by):
        # (a pronoun or a common noun, "its", "the company", names no one a speaker could differ from)
        from claimkit.matching import SPEAKER_THRESHOLD, same_person

        if (
            same_person(speaker, said_by) < SPEAKER_THRESHOLD
            and speaker.lower() not in said_by.lower()
            and said_by.lower() not in speaker.lower()
        ):
            return Check(
                "contradicted",
                ids,
                expected=f'"{source_words}", said by {said_by} ({where})',
                sources=docs,
                passages=recs,
                note=f"The words are in {where}, but the source gives them to {said_by}, not {speaker}.",
            )
    shown = diff_text(match.ops) if any(t != "equal" for t, _, _ in match.ops) else None
    note = f"The quote is in {where}" + (f" (differences that keep the sense: {shown})" if shown else " word for word")
    if speaker and not said_by:
        note += "; the source does not name who said it there"
    return Check(
        "supported",
        ids,
        expected=f'"{source_words}" ({where})',
        sources=docs,
        passages=recs,
        computation=shown,
        note=note + ".",
    )


# ---------------------------------------------------------------- titles


def check_title(claim: dict, ctx: CheckContext) -> Check | None:
    from claimkit.matching import NAME_THRESHOLD, same_person, title_role

    person, title = text(claim.get("speaker")), text(claim.get("subject"))
    if not person or not title:
        return None
    role, countries = title_role(title)
    srcset = ctx.sources
    index = source_mentions(srcset)
    found, other = [], []
    for p, _ in srcset.search(f"{person} {title}", k=SEARCH_K):
        pid = p.id
        for r in index.rows(pid):
            if str(r.get("kind")) != "role" or same_person(person, text(r.get("speaker"))) < NAME_THRESHOLD:
                continue
            r_role, r_countries = title_role(text(r.get("subject")))
            m = Mention(
                "role",
                text(r.get("span")) or "",
                text(r.get("sentence")) or "",
                (0, 0),
                r,
                passage_id=pid,
                document=text(r.get("document")),
            )
            if (role and r_role == role and (not countries or not r_countries or countries & r_countries)) or (
                text(r.get("subject")) or ""
            ).lower() == title.lower():
                found.append(m)
            elif role and r_role:
                other.append(m)
    if found:
        ids, recs, docs = _evidence(srcset, found[:1])
        return Check(
            "supported",
            ids,
            expected=f"'{found[0].span}' ({_passage_ref(srcset, found[0])})",
            sources=docs,
            passages=recs,
            note=f"{_passage_ref(srcset, found[0])} names {person} '{found[0].row.get('subject')}'.",
        )
    if other:
        ids, recs, docs = _evidence(srcset, other[:1])
        return Check(
            "contradicted",
            ids,
            expected=f"'{other[0].span}' ({_passage_ref(srcset, other[0])})",
            sources=docs,
            passages=recs,
            note=f"The sources give {person} another office: '{other[0].row.get('subject')}', not '{title}'.",
        )
    return unverified(f"{SILENT} on {person}'s office")


# ---------------------------------------------------------------- reported speech

ATTRIBUTION_FOUND_AT = 0.8  # share of the reported words' content words a source passage must hold


def check_attribution(claim: dict, ctx: CheckContext) -> Check | None:
    """Reported speech ("Russia said that it was at a dead end"): supported when a passage of a related
    document holds nearly all of its words and gives them to the same speaker. A paraphrase is normal in
    reported speech, so a difference never contradicts: it leaves the claim unverified."""
    import json

    from claimkit.matching import SPEAKER_THRESHOLD, same_person

    srcset = ctx.sources
    speaker = text(claim.get("speaker"))
    try:
        details = json.loads(text(claim.get("details")) or "{}")
    except ValueError:
        details = {}
    said = details.get("content_text") or text(claim.get("subject")) or ""
    words = {c for w, _, _ in tokens(said) if (c := content(w))}
    if not speaker or len(words) < 3:
        return None
    index = source_mentions(srcset)
    story = story_profile(ctx)
    best, best_share = None, 0.0
    for p, _ in srcset.search(said, k=SEARCH_K):
        if not index.related(p.document, story):
            continue
        share = len(words & {c for w, _, _ in tokens(p.text) if (c := content(w))}) / len(words)
        if share > best_share:
            best, best_share = p, share
    if best is None or best_share < ATTRIBUTION_FOUND_AT:
        return unverified(f"{SILENT} on what {speaker} said here")
    # the figures, dates and names in the reported words must all be in the passage (their own checks say more)
    exact = {w.lower() for w, _, _ in tokens(said) if w[0].isdigit() or w.lower() in _name_skip() - _stopwords()}
    missing = sorted(exact - {w.lower() for w, _, _ in tokens(best.text)})
    if missing:
        return unverified(
            f"{_passage_ref(srcset, Mention('attribution', said, best.text, (0, 0), {}, passage_id=best.id, document=best.document))} "
            f"has these words but not {', '.join(missing)}: see the checks of the figures and dates in them"
        )
    givers = [
        text(r.get("speaker"))
        for r in index.rows(best.id)
        if str(r.get("kind")) in ("attribution", "quote") and text(r.get("speaker"))
    ]
    m = Mention("attribution", said, best.text, (0, 0), {}, passage_id=best.id, document=best.document)
    where = _passage_ref(srcset, m)
    if any(
        same_person(speaker, g) >= SPEAKER_THRESHOLD or speaker.lower() in g.lower() or g.lower() in speaker.lower()
        for g in givers
    ):
        ids, recs, docs = _evidence(srcset, [m])
        return Check(
            "supported",
            ids,
            expected=f'{where}: "{_short(best.text)}"',
            sources=docs,
            passages=recs,
            note=f"{where} gives these words ({best_share:.0%} of them) to {speaker}.",
        )
    if givers:
        return unverified(
            f"{where} has these words ({best_share:.0%} of them) but gives them to {', '.join(dict.fromkeys(givers))}; "
            "read the passage to tell who said it"
        )
    return unverified(f"{where} has these words ({best_share:.0%} of them) but does not say who said them")


# ---------------------------------------------------------------- the check


@lru_cache(maxsize=64)
def _squashed(s: str) -> str:
    """White space made plain: a run holding a line break is one line break, any other run one space."""
    return re.sub(r"[^\S\n]+", " ", re.sub(r"\s*\n\s*", "\n", s)).strip()


VERBATIM_MIN_WORDS = 6  # a sentence this long found word for word in a document is that document's sentence


def verbatim_source(claim: dict, ctx: CheckContext) -> str | None:
    """A related source document that holds the claim's whole sentence word for word (white space aside)."""
    sentence = _squashed(text(claim.get("sentence")) or "")
    if len(sentence.split()) < VERBATIM_MIN_WORDS:
        return None
    index = source_mentions(ctx.sources)
    story = story_profile(ctx)
    for doc in ctx.sources.documents:
        body = _squashed(doc.text)
        at = body.find(sentence)
        while at >= 0:
            after = at + len(sentence)
            # a whole sentence there, not the end of a longer one ("Deputy Foreign Minister X said …")
            # (a sentence starts the text or a line, or follows the end of another; a headline ends without a stop)
            if (
                at == 0 or body[at - 1] == "\n" or (body[at - 1] == " " and body[at - 2 : at - 1] in SENTENCE_ENDS)
            ) and (after == len(body) or body[after] in " \n"):
                if index.related(doc.path, story):
                    return doc.path
                break
            at = body.find(sentence, at + 1)
    return None


SENTENCE_ENDS = frozenset(".!?\"'\u201d\u2019)]:")


@claim_check("sources", kinds=FIGURE_KINDS + ("time", "quote", "role", "attribution"))
def sources(claim: dict, ctx: CheckContext) -> Check | None:
    found = _sources(claim, ctx)
    if found is not None and found.verdict in ("contradicted", "misleading"):
        # the story's sentence stands word for word in a source: the source cannot disagree with it; the
        # difference comes from reading the same words two ways (a figure's subject, a weekday apart from its
        # date, a speaker resolved from other context), so nothing is decided
        doc = verbatim_source(claim, ctx)
        if doc:
            return unverified(
                f"{doc} holds this sentence word for word, so it cannot disagree with it; the two "
                f"readings of it differ ({found.verdict}: {found.note})"
            )
    return found


def _sources(claim: dict, ctx: CheckContext) -> Check | None:
    if ctx.sources is None:
        return None
    kind = str(claim.get("kind") or "")
    if kind == "quote":
        return check_quote(claim, ctx)
    if kind == "role":
        return check_title(claim, ctx)
    if kind == "attribution":
        return check_attribution(claim, ctx)
    if kind == "time":
        if not text(claim.get("date")) and not _weekday(text(claim.get("span")) or ""):
            return unverified("the date could not be resolved, so it cannot be compared with the sources")
        return decide(claim, ctx, "time", _date_text)
    if figure_interval(claim) is None:
        return unverified("the claim carries no figure to compare with the sources")
    return decide(claim, ctx, "figure", _value_text)


# ---------------------------------------------------------------- for check_claim: every candidate, and why


def explain(claim: dict, ctx: CheckContext) -> list[dict]:
    """Every source mention the source check weighed for ``claim``, best first: the passage, the words
    the claim and the mention share, the aboutness, whether the figure or date agrees, and why it was or
    was not used."""
    kind = str(claim.get("kind") or "")
    family = "time" if kind == "time" else "figure" if kind in FIGURE_KINDS else None
    if ctx.sources is None or family is None:
        return []
    verdict = sources(claim, ctx)
    used = set(verdict.evidence_ids) if verdict else set()
    me, cands, _ = score_candidates(claim, ctx, family)
    out = []
    for c in cands:
        m = c.mention
        shared = sorted(set(me.owned) & set(m.owned)) if me else []
        if m.passage_id in used:
            why = f"decided the source check ({verdict.verdict})"
        elif c.about < SUPPORT_AT - 0.2:
            why = "not about the same thing (too few of the claim's words stand beside it)"
        elif c.agrees:
            why = "agrees, but another passage is more about the claim"
        else:
            why = (
                "states another figure, but is not clearly enough about the same thing"
                if family == "figure"
                else "gives another date, but is not clearly enough about the same event"
            )
        out.append(
            {
                "passage_id": m.passage_id,
                "document": m.document,
                "mention": m.span,
                "value": text(m.row.get("date")) if family == "time" else m.span,
                "agrees": c.agrees,
                "aboutness": c.about,
                "shared_words": ", ".join(shared),
                "used": m.passage_id in used,
                "why": why,
                "sentence": m.sentence,
            }
        )
    return out
