"""When: dates, periods and durations in news copy, resolved against the publication date.

``parse_times(text, reference=date)`` finds every time mention and resolves it to inclusive
start and end dates. Calendar arithmetic is python-dateutil's ``relativedelta``; the rules
that are about news writing are claimkit's own and documented in docs/time-and-speakers.md:

- a bare weekday ("on Monday") takes the tense of its clause: past -> the latest such day on
  or before the reference date (wire copy calls today by its weekday), future -> the earliest
  on or after it, present or unknown -> the nearest one;
- a month or day-month without a year takes the year the same rule gives;
- "last/this/next week|month|year" are calendar units (weeks run Monday to Sunday);
  "the last|past|next N units" are rolling periods ending (or starting) at the reference date;
- "the coming days", "recent weeks" and other vague spans reach as far as the ``vague`` rows
  of ``lexicon/time_words.tsv`` say; a bare plural ("decades of expansion") means at least
  two of the unit.

- months, seasons, quarters and holidays without a year ("in May", "this summer", "Q3",
  "on Christmas Eve") are chosen among neighbouring years by their modifier or the clause tense;
- numeric day/month forms are read only where one reading is a date ("22/04", "4/22/2019");
  "04/05/2023" is kept with ``qualifier="ambiguous"`` and no dates;
- two dates joined by "to", "-" or "between ... and" make one period; the end lends its year.

Words live in ``lexicon/time_words.tsv`` and ``lexicon/tense_markers.tsv``. Every regex is
a flat alternation (no nested quantifiers), so the parser stays linear on hostile input;
patterns with a key word run only in windows around its occurrences.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import alternation, table
from claimkit.vocab import TIME_KINDS

KINDS = TIME_KINDS  # TimeMention.kind
GRANULARITIES = ("day", "week", "month", "year", "decade")


@dataclass
class TimeMention:
    """A time expression at ``text[start:end]`` and the dates it stands for (inclusive).

    ``start_date``/``end_date`` are ``None`` where the text does not fix them (a duration
    with no anchor, or any relative expression parsed without a reference date).
    """

    start: int
    end: int
    text: str
    kind: str
    start_date: date | None = None
    end_date: date | None = None
    granularity: str = "day"
    amount: float | None = None  # for durations and rolling periods: how many ``unit``s
    unit: str | None = None
    qualifier: str | None = None  # "at_least" for bare plurals ("decades"), "about" for vague spans
    tense: str | None = None  # the clause tense that resolved a bare weekday or month
    vague: bool = False
    anchor: str | None = None  # "since", "until", "before", "after", "by" when the mention is open-ended

    @property
    def iso(self) -> str | None:
        """ISO date for a single day, ``start/end`` for a period, ``None`` when unresolved."""
        if self.start_date is None or self.end_date is None:
            return None
        if self.start_date == self.end_date:
            return self.start_date.isoformat()
        return f"{self.start_date.isoformat()}/{self.end_date.isoformat()}"


# ---------------------------------------------------------------- lexicon


@lru_cache(maxsize=1)
def _words() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for row in table("time_words.tsv"):
        out.setdefault(row["kind"], {})[row["word"]] = row["value"]
    return out


@lru_cache(maxsize=1)
def _tense_words() -> dict[str, str]:
    return {row["word"]: row["tense"] for row in table("tense_markers.tsv")}


@lru_cache(maxsize=1)
def _year_dets() -> list[str]:
    """Words before a year a noun follows ("the 2016 high"), shared with the quantity reader."""
    return [row["word"] for row in table("quantity_context.tsv") if row["role"] == "year_det"]


def _alt(words: Iterable[str], case_insensitive: bool = False) -> str:
    body = alternation(words)
    return f"(?i:{body})" if case_insensitive else f"(?:{body})"


def _lookup(kind: str, word: str) -> str | None:
    table_ = _words()[kind]
    key = " ".join(word.split())
    if key in table_:
        return table_[key]
    return table_.get(key.lower()) or table_.get(key.capitalize())


@lru_cache(maxsize=1)
def _day_words() -> dict[str, tuple[int, bool]]:
    """Days of the month in words: ``{"second": (2, True), "twenty-nine": (29, False)}`` (value, ordinal).

    Built from ``numbers.tsv`` and ``ordinals.tsv``: units, teens, twenty/thirty and their compounds.
    """
    cardinal = {r["word"]: int(r["value"]) for r in table("numbers.tsv") if r["class"] in ("unit", "teen", "tens")}
    ordinal = {r["word"]: int(r["value"]) for r in table("ordinals.tsv") if not r["word"].endswith("s")}
    out: dict[str, tuple[int, bool]] = {}
    for words, is_ord in ((cardinal, False), (ordinal, True)):
        for word, value in words.items():
            if 1 <= value <= 31:
                out[word] = (value, is_ord)
    units = {w: v for w, v in cardinal.items() if 1 <= v <= 9}
    units_ord = {w: v for w, v in ordinal.items() if 1 <= v <= 9}
    for tens, tv in ((w, v) for w, v in cardinal.items() if v in (20, 30)):
        for words, is_ord in ((units, False), (units_ord, True)):
            for word, value in words.items():
                if tv + value <= 31:
                    for sep in ("-", " "):
                        out[f"{tens}{sep}{word}"] = (tv + value, is_ord)
    return out


def _day_value(raw: str) -> int | None:
    raw = " ".join(raw.split()).lower()
    digits = raw.rstrip("stndrh")
    if digits.isdigit():
        return int(digits)
    hit = _day_words().get(raw.replace(" -", "-").replace("- ", "-"))
    return hit[0] if hit else None


def _apos(pattern: str) -> str:
    return pattern.replace("'", "['\u2019]")


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern, str | None]]:
    w = _words()
    month = f"(?P<month>{_alt(w['month'])})"
    month2 = f"(?P<month2>{_alt(w['month'])})"
    weekday = f"(?P<weekday>{_alt(w['weekday'])})"
    count = f"(?P<count>\\d{{1,4}}|{_alt(w['count'], True)})"
    unit = f"(?P<unit>{_alt(w['unit'], True)})"
    part = f"(?P<part>{_alt(w['part'], True)})"
    dw = _day_words()
    day_ord = _alt([k for k, (_v, o) in dw.items() if o], True)
    day_card = _alt([k for k, (v, o) in dw.items() if not o and v >= 10], True)
    day = rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?\b|{day_ord}\b|{day_card}\b)"
    day_of = rf"(?P<day>[0-3]?\d(?:st|nd|rd|th)?|{day_ord})"
    day1 = r"(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?"
    day2 = r"(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    dash = r"\s?(?:-|\u2013|\u2014|(?i:to|through|until|till))\s?"
    season = f"(?P<season>{_alt(w['season'], True)})"
    ypart = f"(?P<ypart>{_alt(w['yearpart'], True)})"
    holiday = f"(?P<holiday>{_apos(_alt(w['holiday']))})"
    mod = r"(?P<mod>(?i:last|this|next|past|coming|previous|following))"
    ymod = r"(?P<ymod>(?i:last|this|next|previous|following))\s+(?i:year)"
    tail_year = rf"(?:,?\s+{year}\b|\s+(?i:of\s+)?{ymod}\b)"
    pats = {
        "iso": r"\b(?P<year>1[5-9]\d\d|20\d\d)(?P<isep>[-/.])(?P<mm>[01]?\d)(?P=isep)(?P<dd>[0-3]?\d)\b(?![-/.]\d)",
        "numeric": r"(?<![\d/.,])(?P<n1>[0-3]?\d)(?P<sep>[/.])(?P<n2>[0-3]?\d)(?:(?P=sep)(?P<ny>1[5-9]\d\d|20\d\d|\d\d))?(?![\d/]|\.\d)",
        "week_of": (
            rf"\b(?i:the)\s+(?i:week)\s+(?P<wrel>(?i:of|ending|ended|beginning|starting))\s+(?:{month}\s+{day}"
            rf"|{day_of.replace('<day>', '<dayb>')}\s+(?:(?i:of)\s+)?{month2})(?:,?\s+{year}\b)?"
        ),
        "nth_week": (
            rf"\b(?:(?i:the)\s+)?(?P<nth>{_alt(w['week_of'], True)})\s+(?i:week)\s+(?i:of)\s+(?:{month}{tail_year}?"
            rf"|(?P<mmod>(?i:this|next|last|the))\s+(?i:month)|{year.replace('<year>', '<wyear>')})\b"
        ),
        "month_days": rf"\b{month}\s+{day1}{dash}{day2}\b(?:,?\s+{year}\b)?",
        "days_month": rf"\b(?:(?P<rp>(?i:between|from))\s+)?{day1}(?:{dash}|\s+(?i:and)\s+){day2}\s+(?:(?i:of)\s+)?{month}(?:,?\s+{year})?\b",
        "month_day": rf"\b(?:{weekday},?\s+)?{month}\s+(?:(?i:the)\s+)?{day}(?:,?\s+{year}\b)?",
        "day_month": rf"\b(?:{weekday},?\s+)?(?:(?P<the>(?i:the))\s+)?{day_of}\s+(?:(?i:of)\s+)?{month}(?:,?\s+{year})?\b",
        "months_range": (
            rf"\b(?:(?P<rp>(?i:between|from))\s+)?{month}(?:,?\s+(?P<y1>1[5-9]\d\d|20\d\d))?(?:{dash}"
            rf"|\s+(?P<and>(?i:and))\s+){month2}{tail_year}?\b"
        ),
        "ordinal_day": rf"\b(?:{weekday},?\s+)?(?i:the)\s+(?P<day>[0-3]?\d(?:st|nd|rd|th)|{day_ord})\b(?![-\s]+(?i:of|century|centuries)\b)",
        "month_year": rf"\b(?:{part}[\s-]+)?(?:{mod}\s+)?{month}{tail_year}?\b",
        "between": rf"\b(?i:between)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?i:and)\s+{year}\b",
        "from_to": rf"\b(?i:from)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?i:to|until|through|till)\s+{year}\b",
        "year_range": rf"\b(?P<y1>1[5-9]\d\d|20\d\d)(?:\s?[-\u2013]\s?{year}|[-\u2013/](?P<yy2>\d\d))\b(?![-\u2013/.]\d)",
        "century": rf"\b(?:(?i:the)\s+)?(?:{part}[\s-]+)?(?:(?P<cnum>[12]?\d)(?:st|nd|rd|th)|(?P<cword>{day_ord}))[\s-]+(?i:century)\b",
        "decade": rf"\b(?:(?i:the)\s+)?(?:{part}[\s-]+)?(?P<decade>1[5-9]\d0|20\d0|'\d0|\u2019\d0)s\b",
        "season": (
            rf"\b(?:(?P<the>(?i:the))\s+)?(?:{part}[\s-]+)?(?:{mod}\s+)?{season}"
            rf"\b(?:\s+(?:(?i:of)\s+)?{year}(?:[-\u2013/](?P<yy2>\d\d))?\b|(?!\s+(?i:of)\b))"
        ),
        "yearpart": (
            rf"\b(?:(?i:the)\s+)?{ypart}(?:\s+(?i:of)\s+(?:{year}|(?:(?i:the)\s+)?(?P<ythe>(?i:year))|{ymod})"
            rf"|\s+{year.replace('<year>', '<year2>')}|['\u2019]?(?P<yy>\d\d))?\b"
        ),
        "holiday": rf"\b{holiday}(?:\s+{year})?\b",
        "part_year": rf"\b{part}[\s-]+{year}\b(?![-\u2013%])",
        "year": rf"\b(?:(?i:in|since|by|until|till|from|before|after|during|through|of|year)\s+(?:{part}[\s-]+)?){year}\b(?!\s?[-\u2013%])"
        rf"|(?<=[12]\d\d\d)(?:,\s+|,?\s+(?i:and|or)\s+)(?P<listed>1[5-9]\d\d|20\d\d)\b(?!\s?[-\u2013%])"
        # "the 1945 victory", "its 2010 vintage": a year before a singular noun, which the quantity
        # reader leaves as no count (lexicon/quantity_context.tsv, year_det); "the 2000 runners" may count
        rf"|\b(?:{_alt(_year_dets(), True)})\s+(?P<attr>1[5-9]\d\d|20\d\d)(?=\s+[a-z]*[a-rt-z]\b)",
        "relative_day": rf"\b(?P<rel>{_alt(w['relative_day'], True)})\b",
        "weekday": rf"\b(?:(?P<wmod>(?i:last|next|this\s+past|this\s+coming|this|past|coming|earlier on|on))\s+)?{weekday}(?P<plural>s)?\b",
        "calendar": (
            r"\b(?:(?P<cpart>(?i:early|mid|late|earlier|later|the\s+(?:beginning|start|middle|end)\s+of))[\s-]+)?"
            r"(?P<cmod>(?i:last|this|next|previous|following|the))\s+"
            r"(?P<cunit>(?i:week|month|year|weekend|decade|quarter|century))\b"
        ),
        "rolling": (
            r"\b(?:(?P<prep>(?i:in|over|during|within|for))\s+)?(?:(?i:the)\s+(?P<rmod>(?i:last|past|previous|next"
            rf"|coming|following|upcoming))\s+(?:{count}\s+)?{unit}|(?P<rmod2>(?i:last|past"
            rf"|next))\s+(?P<count2>\d{{1,4}}|{_alt(w['count'], True)})\s+(?P<unit2>{_alt(w['unit'], True)}))\b"
        ),
        "recent": r"\b(?P<rmod>(?i:recent|coming))\s+(?P<unit>(?i:days|weeks|months|years|decades))\b",
        "ago": rf"\b{count}\s+{unit}\s+(?:(?P<ago>(?i:ago))|(?i:from\s+(?:now|today)|hence))\b",
        "duration": rf"\b(?P<prep>(?i:for|over|in|within|after))\s+(?P<count>(?i:several|many|a\s+few)|\d{{1,4}}|{_alt(w['count'], True)})\s+{unit}\b",
        "bare_plural": r"\b(?:(?P<prep>(?i:for|in|over))\s+)?(?P<unit>(?i:decades|years|months|weeks|centuries))(?=\s+(?i:of|ago)\b|\s*[,.;])"
        + "|"
        + r"\b(?P<prep2>(?i:for|in|over))\s+(?P<unit2>(?i:decades|years|months|weeks|centuries))\b",
        "set": rf"\b(?i:every|each)\s+(?:(?P<sunit>(?i:day|week|month|year|weekend))|{weekday})\b|\b(?P<adverb>(?i:daily|weekly|monthly|annually|yearly))\b",
    }
    # a pattern with a key word is only tried in windows around the key word's occurrences
    months_key = _alt(w["month"])
    keys = {
        "iso": r"\d\d[-/.][01]?\d[-/.]",
        "numeric": r"\d[/.]\d",
        "week_of": months_key,
        "nth_week": r"(?i:week\s+of)",
        "month_days": months_key,
        "days_month": months_key,
        "month_day": months_key,
        "day_month": months_key,
        "months_range": months_key,
        "month_year": months_key,
        "century": r"(?i:centur)",
        "decade": r"0s\b",
        "season": _alt(w["season"], True),
        "yearpart": r"(?i:quarter|half|\b[qh]\d)",
        "holiday": _apos(_alt(w["holiday"])),
        "ordinal_day": rf"\d(?:st|nd|rd|th)\b|\b{day_ord}\b",
        "ago": r"(?i:\bago\b|\bfrom\s+(?:now|today)\b|\bhence\b)",
        "weekday": _alt(w["weekday"]),
    }
    out = []
    for name, p in pats.items():
        try:
            out.append((name, re.compile(p), keys.get(name)))
        except re.error as exc:  # pragma: no cover - a broken table entry must name its pattern
            raise ValueError(f"time pattern {name}: {exc}") from exc
    return out


_BEFORE, _AFTER = 48, 40  # how far a pattern reaches before and after its key word
_SPACE = re.compile(r"\s")


def _windows(text: str, key: str) -> list[tuple[int, int]]:
    """Merged stretches of ``text`` around each occurrence of ``key``, ending at whitespace."""
    out: list[tuple[int, int]] = []
    for m in re.finditer(key, text):
        lo, hi = max(0, m.start() - _BEFORE), m.end() + _AFTER
        if hi < len(text):
            sp = _SPACE.search(text, hi)
            hi = sp.start() if sp else len(text)
        hi = min(hi, len(text))
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], hi))
        else:
            out.append((lo, hi))
    return out


def _matches(text: str) -> Iterable[tuple[int, str, re.Match]]:
    windows: dict[str, list[tuple[int, int]]] = {}
    for order, (name, pattern, key) in enumerate(_patterns()):
        if key is None:
            for m in pattern.finditer(text):
                yield order, name, m
            continue
        if key not in windows:
            windows[key] = _windows(text, key)
        for lo, hi in windows[key]:
            for m in pattern.finditer(text, lo, hi):
                yield order, name, m


# ---------------------------------------------------------------- calendar helpers


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def _week(d: date) -> tuple[date, date]:
    monday = d - timedelta(days=d.weekday())
    return monday, monday + timedelta(days=6)


def _part(lo: date, hi: date, part: str | None, granularity: str) -> tuple[date, date]:
    """Narrow ``lo..hi`` to its early, mid or late third (months: 1-10, 11-20, 21-end)."""
    if not part:
        return lo, hi
    if granularity == "month":
        bounds = {"early": (1, 10), "mid": (11, 20), "late": (21, hi.day)}[part]
        return lo.replace(day=bounds[0]), lo.replace(day=bounds[1])
    if granularity == "year":
        bounds = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
        return date(lo.year, bounds[0], 1), _month_end(lo.year, bounds[1])
    if granularity == "decade":
        bounds = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}[part]
        return date(lo.year + bounds[0], 1, 1), date(lo.year + bounds[1], 12, 31)
    span = (hi - lo).days
    third = span // 3
    return {
        "early": (lo, lo + timedelta(days=third)),
        "mid": (lo + timedelta(days=third), hi - timedelta(days=third)),
        "late": (hi - timedelta(days=third), hi),
    }[part]


def _shift(d: date, unit: str, n: int) -> date:
    from dateutil.relativedelta import relativedelta

    if unit == "hour":  # a date has no hours: "the past 24 hours" is the day before to today
        return d + timedelta(days=int(n / 24) if abs(n) >= 24 else (1 if n > 0 else -1))
    if unit == "day":
        return d + timedelta(days=n)
    if unit in ("week", "weekend"):
        return d + timedelta(weeks=n)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * n)
    if unit == "month":
        return d + relativedelta(months=n)
    if unit == "year":
        return d + relativedelta(years=n)
    if unit == "decade":
        return d + relativedelta(years=10 * n)
    if unit == "century":
        return d + relativedelta(years=100 * n)
    raise ValueError(unit)


def _granularity(unit: str) -> str:
    return {"fortnight": "week", "weekend": "day", "century": "decade", "hour": "day"}.get(unit, unit)


def _count(word: str | None) -> int | None:
    if not word:
        return None
    word = " ".join(word.split())
    if word.isdigit():
        return int(word)
    value = _lookup("count", word)
    return int(value) if value else None


def _pick(candidates: list[date], reference: date, tense: str | None) -> date:
    """Choose among candidate dates by tense: past -> latest on/before, future -> earliest on/after."""
    past = [c for c in candidates if c <= reference]
    future = [c for c in candidates if c >= reference]
    if tense == "past" and past:
        return max(past)
    if tense == "future" and future:
        return min(future)
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference))


# ---------------------------------------------------------------- tense

_TOKEN = re.compile(r"[A-Za-z']+")
_CLAUSE_END = re.compile(r"[.!?;\n]")


def clause_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the clause around ``text[start:end]``: the nearest marker before, else after."""
    lo = max(0, start - 160)
    before = text[lo:start]
    cut = None
    for m in _CLAUSE_END.finditer(before):
        cut = m.end()
    if cut is not None:
        before = before[cut:]
    tense = _tense_of(_TOKEN.findall(before)[::-1], backwards=True)
    if tense:
        return tense
    after = text[end : end + 120]
    m = _CLAUSE_END.search(after)
    if m:
        after = after[: m.start()]
    return _tense_of(_TOKEN.findall(after))


_PASSIVE = frozenset(("be", "been", "being"))


def _tense_of(tokens: list[str], backwards: bool = False) -> str | None:
    markers = _tense_words()
    for i, tok in enumerate(tokens):
        low = tok.lower()
        tense = markers.get(low)
        if tense == "none":
            continue
        participle = tense == "past" or (tense is None and tok.islower() and len(low) > 4 and low.endswith("ed"))
        if participle:
            # "will be announced", "will be held": a participle after "be" takes the tense of its auxiliary
            prev = (
                tokens[i + 1].lower()
                if backwards and i + 1 < len(tokens)
                else tokens[i - 1].lower()
                if not backwards and i
                else ""
            )
            if prev in _PASSIVE:
                continue
            return "past"
        if tense:
            return tense
    return None


# ---------------------------------------------------------------- resolution

_PERIOD_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}
_BARE_MONTH_HEADS = frozenset(
    (
        "in",
        "since",
        "until",
        "by",
        "during",
        "from",
        "of",
        "early",
        "late",
        "through",
        "till",
        "before",
        "after",
        "between",
    )
)
_SEASON_HEADS = frozenset(("in", "since", "until", "by", "during", "through", "till", "over", "this", "last", "next"))


def _fix(mention: TimeMention) -> TimeMention:
    """Mark a mention whose year the text states (a range may lend it to its other end)."""
    mention.__dict__["_fixed"] = True
    return mention


def _fixed(mention: TimeMention) -> bool:
    return mention.__dict__.get("_fixed", False)


def _span_of(months: str, y: int) -> tuple[date, date]:
    """``"6-8"`` in year ``y`` -> 1 June..31 August; ``"12-2"`` runs into the next year."""
    m1, m2 = (int(x) for x in months.split("-"))
    return date(y, m1, 1), _month_end(y + (1 if m2 < m1 else 0), m2)


def _choose(cands: list[tuple[date, date]], ref: date, how: str | None) -> tuple[date, date]:
    """Pick one of several same-named periods (this year's summer, last year's...) against ``ref``.

    ``how``: last/previous/past -> the latest that ended before ``ref``; next/coming/following ->
    the earliest that starts after it; this -> the one holding ``ref``, else this year's;
    a tense: past -> the latest that started on or before ``ref``, future -> the earliest that has
    not ended; unknown -> the one holding ``ref``, else the nearest.
    """
    cands = sorted(cands)
    if how in ("last", "previous", "past"):
        before = [c for c in cands if c[1] < ref]
        if before:
            return before[-1]
    elif how in ("next", "coming", "following"):
        after = [c for c in cands if c[0] > ref]
        if after:
            return after[0]
    elif how == "this":
        holding = [c for c in cands if c[0] <= ref <= c[1]]
        if holding:
            return holding[0]
        same = [c for c in cands if c[0].year == ref.year]
        if same:
            return same[0]
    elif how == "past_tense":
        started = [c for c in cands if c[0] <= ref]
        if started:
            return started[-1]
    elif how == "future_tense":
        open_ = [c for c in cands if c[1] >= ref]
        if open_:
            return open_[0]
    holding = [c for c in cands if c[0] <= ref <= c[1]]
    if holding:
        return holding[0]
    return min(cands, key=lambda c: min(abs((c[0] - ref).days), abs((c[1] - ref).days)))


def _how(mod: str | None, tense: str | None) -> str | None:
    if mod:
        return mod.lower()
    return {"past": "past_tense", "future": "future_tense"}.get(tense or "")


def _year_of(g: dict, ref: date | None) -> int | None:
    """The year a mention states: ``2019``, ``'19``, ``last year``; ``None`` when it states none."""
    for key in ("year", "year2"):
        if g.get(key):
            return int(g[key])
    if g.get("yy"):
        yy = int(g["yy"])
        pivot = (ref.year % 100 + 10) if ref is not None else 50
        return 2000 + yy if yy <= pivot else 1900 + yy
    if g.get("ymod") and ref is not None:
        return ref.year + _PERIOD_STEP[g["ymod"].split()[0].lower()]
    if g.get("ythe") and ref is not None:
        return ref.year
    return None


def _has_year(g: dict) -> bool:
    return any(g.get(k) for k in ("year", "year2", "yy", "ymod", "ythe"))


def _holiday(value: str, y: int) -> date | None:
    if value.startswith("easter"):
        from dateutil.easter import easter

        return easter(y) + timedelta(days=int(value[6:]))
    if ":" in value:
        m, n, wd = (int(x) for x in value.split(":"))
        if n > 0:
            first = date(y, m, 1)
            return first + timedelta(days=(wd - first.weekday()) % 7 + 7 * (n - 1))
        last = _month_end(y, m)
        return last - timedelta(days=(last.weekday() - wd) % 7)
    m, d = (int(x) for x in value.split("-"))
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _head(text: str, s: int) -> str:
    """The word before ``text[s:]``, skipping a "the"."""
    words = text[max(0, s - 20) : s].lower().split()
    if words and words[-1] == "the":
        words.pop()
    return words[-1] if words else ""


def _resolve(name: str, m: re.Match, text: str, ref: date | None) -> TimeMention | None:
    g = m.groupdict()
    s, e = m.span()
    mention = TimeMention(start=s, end=e, text=m.group(), kind="date")
    mention.__dict__["_m"] = m
    tense = None

    def tense_now() -> str | None:
        nonlocal tense
        if tense is None:
            tense = clause_tense(text, s, e) or "unknown"
        mention.tense = tense
        return tense

    def by_tense(cands: list[date]) -> date:
        return cands[0] if len(cands) == 1 else _pick(cands, ref, tense_now())

    part = _lookup("part", g["part"]) if g.get("part") else None

    if name == "iso":
        try:
            d = date(int(g["year"]), int(g["mm"]), int(g["dd"]))
        except ValueError:
            return None
        mention.start_date = mention.end_date = d
        _fix(mention)
    elif name == "numeric":
        return _numeric(mention, g, text, ref, by_tense)
    elif name in ("month_day", "day_month", "week_of"):
        month = int(_lookup("month", g.get("month") or g["month2"]))
        day_ = _day_value(g.get("day") or g["dayb"])
        if day_ is None or not 1 <= day_ <= 31:
            return None
        if name == "day_month" and g.get("the") and not (g["day"][-1:].isalpha()):
            return None  # "the 10 January" is not news English; "the 10th of January" is
        d = _day_in(month, day_, g, ref, by_tense)
        if d is False:
            return None
        if g.get("year"):
            _fix(mention)
        if d is not None:
            mention.start_date = mention.end_date = d
            if name == "week_of":
                # "the week of April 10th": the Monday-Sunday week holding it; "the week ending
                # Jan. 7": the seven days up to it; "the week beginning": the seven days from it
                mention.kind, mention.granularity = "period", "week"
                rel = g["wrel"].lower()
                if rel == "of":
                    mention.start_date, mention.end_date = _week(d)
                elif rel.startswith("end"):
                    mention.start_date, mention.end_date = d - timedelta(days=6), d
                else:
                    mention.start_date, mention.end_date = d, d + timedelta(days=6)
    elif name == "ordinal_day":
        # "on the 21st", "Tuesday the 21st": a day of this month, the one before or the next, by tense
        day_ = _day_value(g["day"])
        if not day_ or not 1 <= day_ <= 31:
            return None
        if not g.get("weekday") and _head(text, s) not in _ORDINAL_HEADS:
            return None
        after = re.match(r"[\s-]+([a-z]+)\b", text[e : e + 24])
        if after and after.group(1) not in _words().get("time_next", {}):
            return None  # "on the 5th floor", "the second time"
        if ref is None:
            return mention
        cands = []
        for k in (-1, 0, 1):
            first = _shift(ref.replace(day=1), "month", k)
            try:
                cands.append(first.replace(day=day_))
            except ValueError:
                pass
        if g.get("weekday"):
            cands = [c for c in cands if c.weekday() == int(_lookup("weekday", g["weekday"]))] or cands
        if not cands:
            return None
        mention.start_date = mention.end_date = by_tense(cands)
    elif name in ("month_days", "days_month"):
        month = int(_lookup("month", g["month"]))
        d1, d2 = int(g["d1"]), int(g["d2"])
        if not 1 <= d1 < d2 <= 31:
            return None
        joiner = text[m.end("d1") : m.start("d2")].strip().lower()
        if joiner == "and" and (g.get("rp") or "").lower() != "between":
            return None
        first = _day_in(month, d1, g, ref, by_tense)
        if first is False:
            return None
        mention.kind = "period"
        if g.get("year"):
            _fix(mention)
        if first is not None:
            try:
                mention.start_date, mention.end_date = first, first.replace(day=d2)
            except ValueError:
                return None
    elif name == "nth_week":
        nth = int(_lookup("week_of", g["nth"]))
        mention.kind, mention.granularity = "period", "week"
        if g.get("wyear"):  # "the first week of 2020": the first seven days of the year
            wy = int(g["wyear"])
            lo = date(wy, 1, 1) + timedelta(days=7 * (nth - 1)) if nth > 0 else date(wy, 12, 25)
            mention.start_date, mention.end_date = lo, lo + timedelta(days=6)
            return _fix(mention)
        if g.get("mmod"):  # "the third week of this month"
            if ref is None:
                return mention
            step = {"the": 0}.get(g["mmod"].lower(), _PERIOD_STEP.get(g["mmod"].lower(), 0))
            first = _shift(ref.replace(day=1), "month", step)
            month, y = first.month, first.year
        else:
            month = int(_lookup("month", g["month"]))
            y = _year_of(g, ref)
        if y is None and ref is not None:
            y = _choose([_span_of(f"{month}-{month}", ref.year + k) for k in (-1, 0, 1)], ref, _how(None, tense_now()))[
                0
            ].year
        if y is None:
            return mention
        if _has_year(g) and not g.get("mmod"):
            _fix(mention)
        last = _month_end(y, month)
        lo = date(y, month, 1) + timedelta(days=7 * (nth - 1)) if nth > 0 else last - timedelta(days=6)
        mention.start_date, mention.end_date = lo, min(lo + timedelta(days=6), last)
    elif name == "month_year":
        month = int(_lookup("month", g["month"]))
        mod = (g.get("mod") or "").lower() or None
        if not _has_year(g) and not mod and _head(text, s) not in _BARE_MONTH_HEADS and not part:
            return None  # a bare month name needs a time word before it, or "May" the verb would count
        mention.kind, mention.granularity = "period", "month"
        y = _year_of(g, ref)
        if y is not None:
            if _has_year(g):
                _fix(mention)
        elif ref is not None:
            how = mod
            if how is None:
                how = (
                    "past_tense"
                    if _head(text, s) == "since"
                    else _how(None, tense_now() if tense_now() != "unknown" else None)
                )
            if how is None:
                y = ref.year
            else:
                y = _choose([_span_of(f"{month}-{month}", ref.year + k) for k in (-2, -1, 0, 1, 2)], ref, how)[0].year
        if y is not None:
            mention.start_date, mention.end_date = _part(date(y, month, 1), _month_end(y, month), part, "month")
    elif name == "months_range":
        m1, m2 = int(_lookup("month", g["month"])), int(_lookup("month", g["month2"]))
        if g.get("and") and (g.get("rp") or "").lower() != "between":
            return None
        mention.kind, mention.granularity = "period", "month"
        y2 = _year_of(g, ref)
        y1 = int(g["y1"]) if g.get("y1") else None
        if y2 is None and y1 is not None:
            y2 = y1 + (1 if m2 < m1 else 0)
        if y2 is None:
            if ref is None:
                return mention
            y2 = _choose([_span_of(f"{m2}-{m2}", ref.year + k) for k in (-1, 0, 1)], ref, _how(None, tense_now()))[
                0
            ].year
        else:
            _fix(mention)
        if y1 is None:
            y1 = y2 - (1 if m2 < m1 else 0)
        lo, hi = date(y1, m1, 1), _month_end(y2, m2)
        if hi < lo:
            return None
        mention.start_date, mention.end_date = lo, hi
    elif name in ("between", "from_to", "year_range"):
        y1 = int(g["y1"])
        y2 = int(g["year"]) if g.get("year") else y1 // 100 * 100 + int(g["yy2"])  # "2015-16"
        if y2 <= y1:
            return None
        mention.kind, mention.granularity = "period", "year"
        mention.start_date, mention.end_date = date(y1, 1, 1), date(y2, 12, 31)
        _fix(mention)
    elif name == "century":
        n = int(g["cnum"]) if g.get("cnum") else _day_value(g["cword"])
        if not n or n > 21:
            return None
        lo, hi = date((n - 1) * 100, 1, 1) if n > 1 else date(1, 1, 1), date((n - 1) * 100 + 99, 12, 31)
        mention.kind, mention.granularity = "period", "decade"
        mention.start_date, mention.end_date = _century_part(lo, part)
        _fix(mention)
    elif name == "decade":
        raw = g["decade"]
        if raw[0] in "'\u2019":
            d2 = int(raw[1:])
            if ref is None:
                return None
            century = ref.year // 100 * 100
            y = century + d2 if century + d2 <= ref.year else century - 100 + d2
        else:
            y = int(raw)
        mention.kind, mention.granularity = "period", "decade"
        if y % 100 == 0 and y < 2000:  # "the 1800s" is the century; "the 2000s" the decade, as news uses them
            mention.start_date, mention.end_date = _century_part(date(y, 1, 1), part)
        else:
            mention.start_date, mention.end_date = _part(date(y, 1, 1), date(y + 9, 12, 31), part, "decade")
        _fix(mention)
    elif name == "season":
        months = _lookup("season", g["season"])
        mod = (g.get("mod") or "").lower() or None
        y = _year_of(g, ref)
        if y is None and not mod and not part and _head(text, s) not in _SEASON_HEADS:
            return None  # "summer holidays", "the fall in prices": a season needs a time word or a year
        if g.get("the") and not y and not part and _head(text, s) not in _SEASON_HEADS:
            return None
        if y is None and not part:
            after = re.match(r"\s+([a-z]+)\b", text[e : e + 24])
            if after and after.group(1) not in _words().get("time_next", {}):
                return None  # "in the summer heat", "during winter storms": the season is an adjective
        mention.kind, mention.granularity = "period", "month"
        if y is not None:
            lo, hi = _span_of(months, y)
            if g.get("yy2") and int(g["yy2"]) != (y + 1) % 100:
                return None  # "winter 2019-20" names the two years a winter spans; anything else is not a season
            if g.get("yy2") and hi.year == y:
                lo, hi = date(y, lo.month, 1), _month_end(y + 1, hi.month)
            _fix(mention)
        elif ref is not None:
            how = mod or ("past_tense" if _head(text, s) == "since" else _how(None, tense_now()))
            lo, hi = _choose([_span_of(months, ref.year + k) for k in (-2, -1, 0, 1)], ref, how)
        else:
            return mention
        mention.start_date, mention.end_date = _part(lo, hi, part, "season")
    elif name == "yearpart":
        months = _lookup("yearpart", g["ypart"])
        y = _year_of(g, ref)
        m1, m2 = (int(x) for x in months.split("-"))
        if y is None and m2 - m1 > 2:
            return None  # "the first half" of a match: a half-year needs its year
        if y is None and g["ypart"][0] in "qQhH" and not g["ypart"][0].isupper():
            return None
        mention.kind, mention.granularity = "period", "month"
        if y is not None:
            lo, hi = _span_of(months, y)
            if _has_year(g):
                _fix(mention)
        elif ref is not None:
            lo, hi = _choose([_span_of(months, ref.year + k) for k in (-1, 0, 1)], ref, _how(None, tense_now()))
        else:
            return mention
        mention.start_date, mention.end_date = lo, hi
    elif name == "holiday":
        value = _lookup("holiday", g["holiday"].replace("\u2019", "'"))
        y = _year_of(g, ref)
        if y is None and (_head(text, s) not in _HOLIDAY_HEADS or text[max(0, s - 4) : s].lower() == "the "):
            return None  # "the Christmas market": a holiday is a date after a time word or with a year
        if y is not None:
            d = _holiday(value, y)
            _fix(mention)
        elif ref is not None:
            cands = [c for c in (_holiday(value, ref.year + k) for k in (-1, 0, 1)) if c]
            d = by_tense(cands)
        else:
            return mention
        if d is None:
            return None
        mention.start_date = mention.end_date = d
    elif name in ("part_year", "year"):
        if g.get("listed"):  # "in 2019 and 2020": the second year of a list
            y = int(g["listed"])
            mention.start, mention.text = m.start("listed"), g["listed"]
            mention.kind, mention.granularity = "period", "year"
            mention.start_date, mention.end_date = date(y, 1, 1), date(y, 12, 31)
            mention.__dict__["_after"] = s  # kept only if the year before it was read as a year
            return _fix(mention)
        if g.get("attr"):  # "the 1945 victory": the year alone
            mention.start, mention.text = m.start("attr"), g["attr"]
            g = {**g, "year": g["attr"]}
        y = int(g["year"])
        if name == "year" and not g.get("attr"):
            # keep the preposition out of the span unless it changes the meaning (since, until...)
            lead = m.group()[: m.start("part") - s if g.get("part") else m.start("year") - s]
            word = lead.split()[0].lower() if lead.split() else ""
            if word in ("in", "of", "year", "during", "through"):
                offset = len(lead) if not g.get("part") else m.start("part") - s
                mention.start = s + offset
                mention.text = text[mention.start : e]
        mention.kind, mention.granularity = "period", "year"
        mention.start_date, mention.end_date = _part(date(y, 1, 1), date(y, 12, 31), part, "year")
        _fix(mention)
    elif name == "relative_day":
        if ref is not None:
            mention.start_date = mention.end_date = ref + timedelta(days=int(_lookup("relative_day", g["rel"])))
    elif name == "weekday":
        wd = int(_lookup("weekday", g["weekday"]))
        mod = " ".join((g.get("wmod") or "").lower().split())
        mod = {"this past": "last", "past": "last", "this coming": "next"}.get(mod, mod)
        if g.get("plural"):
            mention.kind = "set"
            return mention
        if mod == "on":  # "on Monday": the span is the day itself
            mention.start = m.start("weekday")
            mention.text = text[mention.start : e]
        if ref is None:
            return mention
        if mod == "last":
            d = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
        elif mod in ("next", "coming"):
            d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
        elif mod in ("this", "earlier on"):
            d = _week(ref)[0] + timedelta(days=wd)
        else:
            back = ref - timedelta(days=(ref.weekday() - wd) % 7)
            fwd = ref + timedelta(days=(wd - ref.weekday()) % 7)
            d = _pick([back, fwd], ref, tense_now())
        mention.start_date = mention.end_date = d
    elif name == "calendar":
        mod, unit = g["cmod"].lower(), g["cunit"].lower()
        cpart = " ".join((g.get("cpart") or "").lower().split())
        if mod == "the" and unit == "weekend" and not cpart and _head(text, s) in _WEEKEND_HEADS:
            # "over the weekend": the last one in a past clause, the next one in a future clause
            mention.kind, mention.granularity = "period", "day"
            if ref is None:
                return mention
            sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
            if tense_now() == "future" and sat + timedelta(days=1) < ref:
                sat += timedelta(days=7)
            mention.start_date, mention.end_date = sat, sat + timedelta(days=1)
            return mention
        if mod == "the":
            if not cpart.startswith("the "):
                return None  # "the year" alone is no date; "the end of the year" is
            mod = "this"
        if cpart.startswith("the "):
            cpart = _lookup("part", cpart)
        mention.kind, mention.granularity = "period", _granularity(unit)
        if ref is None:
            return mention
        step = _PERIOD_STEP[mod]
        if unit in ("week", "weekend"):
            lo, hi = _week(ref + timedelta(weeks=step))
            if unit == "weekend":
                lo = hi - timedelta(days=1)
        elif unit == "month":
            first = _shift(ref.replace(day=1), "month", step)
            lo, hi = first, _month_end(first.year, first.month)
        elif unit == "quarter":
            first = _shift(date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1), "month", 3 * step)
            lo, hi = first, _shift(first, "month", 3) - timedelta(days=1)
            mention.granularity = "month"
        elif unit == "year":
            lo, hi = date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)
        elif unit == "century":
            c = ref.year // 100 * 100 + 100 * step
            lo, hi = date(c, 1, 1), date(c + 99, 12, 31)
        else:
            dec = ref.year // 10 * 10 + 10 * step
            lo, hi = date(dec, 1, 1), date(dec + 9, 12, 31)
        if cpart == "earlier" and step == 0:
            hi = ref
        elif cpart == "later" and step == 0:
            lo = ref
        elif cpart in ("early", "mid", "late"):
            lo, hi = _part(lo, hi, cpart, mention.granularity if unit not in ("weekend", "quarter") else "day")
        mention.start_date, mention.end_date = lo, hi
    elif name in ("rolling", "recent"):
        raw_unit = g.get("unit") or g["unit2"]
        unit = _lookup("unit", raw_unit)
        mod = (g.get("rmod") or g["rmod2"]).lower()
        n = _count(g.get("count") or g.get("count2"))
        backwards = mod in ("last", "past", "previous", "recent")
        if g.get("prep"):  # "in the last 30 years", "over the next five years": the span is the period
            mention.start = m.start("rmod") if g.get("rmod") else m.start("rmod2")
            if name == "rolling" and g.get("rmod"):
                mention.start = text.rfind("the", s, mention.start)
            mention.text = text[mention.start : e]
        mention.kind, mention.granularity, mention.unit = "period", _granularity(unit), unit
        plural = raw_unit.lower().endswith("s") and raw_unit.lower() != unit
        if n is None and plural:  # "the coming days", "recent weeks": a vague span
            mention.vague, mention.qualifier = True, "about"
            reach = int(_lookup("vague", unit) or 7)
            if ref is not None:
                if backwards:
                    mention.start_date, mention.end_date = ref - timedelta(days=reach), ref - timedelta(days=1)
                else:
                    mention.start_date, mention.end_date = ref + timedelta(days=1), ref + timedelta(days=reach)
            return mention
        n = n or 1
        mention.amount = n
        if _lookup("vague_count", g.get("count") or g.get("count2") or ""):
            mention.vague, mention.qualifier = True, "about"  # "the past few years": about three
        if ref is not None:
            if backwards:
                mention.start_date, mention.end_date = _shift(ref, unit, -n), ref
            elif unit == "day":  # "the next three days": the three days after publication
                mention.start_date, mention.end_date = ref + timedelta(days=1), ref + timedelta(days=n)
            else:
                mention.start_date, mention.end_date = ref, _shift(ref, unit, n)
    elif name == "ago":
        unit = _lookup("unit", g["unit"])
        n = _count(g["count"])
        if n is None:
            return None
        mention.granularity, mention.amount, mention.unit = "day", n, unit
        if ref is not None:
            mention.start_date = mention.end_date = _shift(ref, unit, -n if g.get("ago") else n)
            if unit not in ("day", "week"):
                mention.qualifier = "about"  # "two years ago": that day, give or take
    elif name == "duration":
        unit = _lookup("unit", g["unit"])
        n = _count(g["count"])
        prep = g["prep"].lower()
        mention.kind, mention.granularity, mention.unit = "duration", _granularity(unit), unit
        if n is None:  # "for several months": at least two
            mention.amount, mention.qualifier = float(_lookup("at_least", unit) or 2), "at_least"
        else:
            mention.amount = n
        if prep in ("in", "within", "after"):
            mention.anchor = prep
        perfect = re.search(r"\b(?:has|have|had)\s+(?:been|[a-z]+ed)\b", text[max(0, s - 80) : s])
        if ref is not None and perfect and prep in ("for", "over") and n is not None:
            mention.kind = "period"
            mention.start_date, mention.end_date = _shift(ref, unit, -n), ref
        elif ref is not None and n is not None and prep in ("in", "within") and tense_now() != "past":
            # "will be announced in 2 weeks": that day; "within six months": from now to then
            end_ = _shift(ref, unit, n)
            if prep == "in":
                mention.kind, mention.granularity = "date", "day"
                mention.start_date = mention.end_date = end_
            else:
                mention.kind = "period"
                mention.start_date, mention.end_date = ref, end_
    elif name == "bare_plural":
        ustart = m.start("unit") if g.get("unit") else m.start("unit2")
        prev = text[max(0, ustart - 12) : ustart].split()
        if prev and (prev[-1][-1:].isdigit() or _lookup("count", prev[-1]) or prev[-1].endswith("-")):
            return None  # "six months" is a counted duration, not a bare plural
        unit = _lookup("unit", g.get("unit") or g["unit2"])
        mention.kind, mention.granularity, mention.unit = "duration", _granularity(unit), unit
        mention.amount, mention.qualifier = float(_lookup("at_least", unit) or 2), "at_least"
        if ref is not None and (g.get("prep") or g.get("prep2") or re.search(r"\bof\s*$", text[e : e + 4]) is not None):
            # "decades of NATO expansion", "for decades", "in decades": a stretch running up to the time of writing
            mention.start_date, mention.end_date = _shift(ref, unit, -int(mention.amount)), ref
    elif name == "set":
        mention.kind = "set"
        unit = g.get("sunit") or ("day" if g.get("weekday") else None)
        mention.granularity = _granularity(unit.lower()) if unit else "day"
    return mention


_HOLIDAY_HEADS = frozenset(
    (
        "on",
        "at",
        "by",
        "before",
        "after",
        "until",
        "till",
        "since",
        "over",
        "for",
        "around",
        "during",
        "through",
        "from",
        "this",
        "last",
        "next",
        "of",
        "and",
        "to",
    )
)
_ORDINAL_HEADS = frozenset(("on", "by", "until", "till", "since", "before", "after", "from", "between", "and", "to"))
_WEEKEND_HEADS = frozenset(("over", "on", "at", "during", "for", "until", "by", "since", "through"))
_NUMERIC_HEADS = frozenset(
    ("on", "from", "until", "till", "by", "since", "before", "after", "between", "and", "to", "through", "dated")
)


WEEKDAY_YEAR_REACH = 183  # days: how far from the story a weekday may pick the year of a date written without one


def _day_in(month: int, day_: int, g: dict, ref: date | None, by_tense) -> date | bool | None:
    """Day ``day_`` of ``month``: in the stated year, else the year the tense picks; ``False`` if no such day."""
    if g.get("year"):
        years = [int(g["year"])]
    elif ref is not None:
        years = [ref.year - 1, ref.year, ref.year + 1]
    else:
        return None
    cands = []
    for y in years:
        try:
            cands.append(date(y, month, day_))
        except ValueError:
            pass
    if not cands:
        return False
    if g.get("weekday") and not g.get("year") and ref is not None:
        # "Friday, March 20" in a story of March 13, 1987: the year in which that day is a Friday, whatever
        # the tense ("expire on Friday, March 20" is not March 20, 1986, a Thursday); only within half a year
        # of the story, so a wrong weekday is not mended by moving the date a year ("Sunday, March 20", 1988)
        wd = int(_lookup("weekday", g["weekday"]))
        cands = [c for c in cands if c.weekday() == wd and abs((c - ref).days) <= WEEKDAY_YEAR_REACH] or cands
    return by_tense(cands)


def _century_part(lo: date, part: str | None) -> tuple[date, date]:
    c = lo.year // 100 * 100
    lo, hi = max(lo, date(max(c, 1), 1, 1)), date(c + 99, 12, 31)
    if not part:
        return lo, hi
    a, b = {"early": (0, 32), "mid": (33, 66), "late": (67, 99)}[part]
    return date(max(c + a, 1), 1, 1), date(c + b, 12, 31)


def _numeric(mention: TimeMention, g: dict, text: str, ref: date | None, by_tense) -> TimeMention | None:
    """``22/04``, ``4/22/2019``, ``15.03.2020``: day and month where only one reading is a date.

    Slashed forms with both numbers 12 or under (``04/05/2019``) are ambiguous between the
    day-first and month-first conventions: the mention is kept, unresolved. Dotted forms are
    day-first. Without a year, a slashed form needs a time word before it ("on 22/04") and must
    not be followed by "of" (``4/5 of voters``), so fractions, scores and ``24/7`` stay numbers.
    """
    n1, n2, sep = int(g["n1"]), int(g["n2"]), g["sep"]
    s = mention.start
    if not g.get("ny") and (
        sep != "/" or _head(text, s) not in _NUMERIC_HEADS or re.match(r"\s+of\b", text[mention.end : mention.end + 4])
    ):
        return None
    if sep == ".":
        if not g.get("ny"):
            return None
        readings = [(n1, n2)]
    else:
        readings = [(d, mo) for d, mo in ((n1, n2), (n2, n1)) if 1 <= mo <= 12 and 1 <= d <= 31]
        readings = list(dict.fromkeys(readings))
    readings = [(d, mo) for d, mo in readings if 1 <= mo <= 12 and 1 <= d <= 31]
    if not readings:
        return None
    if g.get("ny"):
        y = int(g["ny"])
        if y < 100:
            pivot = (ref.year % 100 + 10) if ref is not None else 50
            y += 2000 if y <= pivot else 1900
        years = [y]
        _fix(mention)
    elif ref is not None:
        years = [ref.year - 1, ref.year, ref.year + 1]
    else:
        years = []
    if len(readings) > 1:
        mention.qualifier = "ambiguous"  # 04/05: April 5 or 4 May; left for a person to read
        return mention
    d, mo = readings[0]
    cands = []
    for y in years:
        try:
            cands.append(date(y, mo, d))
        except ValueError:
            pass
    if years and not cands:
        return None
    if cands:
        mention.start_date = mention.end_date = by_tense(cands)
    return mention


_OPENERS = re.compile(r"(?i:(since|until|till|by|before|after|from))\s+$")
_RANGE_JOIN = re.compile(r"\s*(?:-|\u2013|\u2014|(?i:to|through|thru|until|till|and))\s*")
_RANGE_LEAD = re.compile(r"(?i:\b(from|between))\s+$")


def _as_date(reference: date | str | None) -> date | None:
    """A publication date given as a ``date``, a ``datetime`` (its day) or an ISO string."""
    if reference is None:
        return None
    if isinstance(reference, datetime):
        return reference.date()
    if isinstance(reference, date):
        return reference
    if isinstance(reference, str):
        try:
            return date.fromisoformat(reference.strip()[:10])
        except ValueError:
            raise ValueError(f"reference is not an ISO date: {reference!r}") from None
    raise TypeError(f"reference must be a date, a datetime or an ISO date string, not {type(reference).__name__}")


def parse_times(text: str, *, reference: date | datetime | str | None = None) -> list[TimeMention]:
    """Every date, period, duration and recurring time in ``text``, resolved against ``reference``.

    ``reference`` is the publication date: a ``date``, a ``datetime`` (its day counts) or an ISO
    string. Mentions never overlap: where two patterns match the same words the longer (then the
    earlier) one wins. Two dates joined by "to", "-" or "and" (after "between") make one period.
    ``since X`` runs from X to the reference date; ``until X`` up to X.
    """
    reference = _as_date(reference)
    found: list[tuple[int, int, int, str, re.Match]] = []
    for order, name, m in _matches(text):
        found.append((m.start(), -(m.end() - m.start()), order, name, m))
    # the longest reading wins ("the last week of July" over "in the last week", "Tuesday, May 2"
    # over "on Tuesday"), then the earlier, then the pattern listed first; a reading that
    # resolves to nothing gives its words back to the others
    found.sort(key=lambda t: (t[1], t[0], t[2]))
    taken = bytearray(len(text) + 1)
    out: list[TimeMention] = []
    for s, neg, _order, name, m in found:
        if taken.find(1, s, s - neg) != -1:
            continue
        mention = _resolve(name, m, text, reference)
        if mention is None:
            continue
        taken[s : s - neg] = b"\x01" * -neg
        out.append(mention)
    out.sort(key=lambda t: t.start)
    out = [
        t
        for i, t in enumerate(out)
        if "_after" not in t.__dict__
        or (i and out[i - 1].end == t.__dict__["_after"] and out[i - 1].granularity == "year")
    ]
    out = _join_ranges(out, text)
    for mention in out:
        _open_ended(mention, mention.__dict__.pop("_m", None), text, reference)
        mention.__dict__.pop("_fixed", None)
        mention.__dict__.pop("_after", None)
    return out


def _join_ranges(mentions: list[TimeMention], text: str) -> list[TimeMention]:
    """ "Jan. 5 to Feb. 2", "between Monday and Wednesday": two resolved dates joined into one period.

    The end lends its stated year to a start that states none ("Dec. 20 to Jan. 5, 2016" starts
    in December 2015); an end before its start moves a year on. The period keeps "from" or
    "between" in its span.
    """
    out: list[TimeMention] = []
    i = 0
    while i < len(mentions):
        a = mentions[i]
        b = mentions[i + 1] if i + 1 < len(mentions) else None
        joined = None
        if (
            b is not None
            and a.kind in ("date", "period")
            and b.kind in ("date", "period")
            and a.start_date
            and b.start_date
            and a.granularity in ("day", "month")
            and b.granularity in ("day", "month")
        ):
            gap = _RANGE_JOIN.fullmatch(text, a.end, b.start)
            lead = _RANGE_LEAD.search(text, max(0, a.start - 9), a.start)
            if gap and (gap.group().strip().lower() != "and" or (lead and lead.group(1).lower() == "between")):
                joined = _joined(a, b, lead, text)
        if joined is None:
            out.append(a)
            i += 1
        else:
            out.append(joined)
            i += 2
    return out


def _joined(a: TimeMention, b: TimeMention, lead: re.Match | None, text: str) -> TimeMention | None:
    from dateutil.relativedelta import relativedelta

    lo, hi = a.start_date, b.end_date
    if _fixed(b) and not _fixed(a):
        lo = lo + relativedelta(years=b.end_date.year - lo.year)
        if lo > hi:
            lo = lo - relativedelta(years=1)
    elif _fixed(a) and not _fixed(b):
        hi = hi + relativedelta(years=a.start_date.year - hi.year)
    if hi < lo and not _fixed(b):
        hi = hi + relativedelta(years=1)
    if hi < lo:
        return None
    start = lead.start() if lead else a.start
    joined = TimeMention(
        start=start,
        end=b.end,
        text=text[start : b.end],
        kind="period",
        start_date=lo,
        end_date=hi,
        granularity="day" if "day" in (a.granularity, b.granularity) else "month",
        tense=a.tense,
    )
    joined.__dict__["_m"] = None
    if _fixed(a) or _fixed(b):
        _fix(joined)
    return joined


def _open_ended(mention: TimeMention, match: re.Match | None, text: str, reference: date | None) -> None:
    """``since 2014`` -> 2014-01-01 to the reference date; ``until May`` -> up to the end of May."""
    if match is not None and match.groupdict().get("prep"):
        return  # "ever before in the last 30 years": the mention brings its own preposition
    lead = text[max(0, mention.start - 7) : mention.start]
    m = _OPENERS.search(lead)
    word = m.group(1).lower() if m else None
    if word is None and mention.text.split()[0].lower() in ("since", "until", "till", "by", "before", "after"):
        word = mention.text.split()[0].lower()
    if word is None or mention.kind in ("set", "duration"):
        return
    if word == "from" and mention.text.split()[0].lower() in ("from", "between"):
        return  # a range brings its own "from"
    mention.anchor = word
    if word == "since" and mention.start_date is not None and reference is not None:
        if mention.start_date > reference:
            return  # "since" looks back: a start after publication is a misreading, leave it closed
        mention.kind, mention.end_date = "period", reference
    if m and word in ("since", "until", "till", "by", "before", "after"):
        mention.start = mention.start - (len(lead) - m.start())
        mention.text = text[mention.start : mention.end]


# ---------------------------------------------------------------- extractor


@extractor("times")
def extract_times(doc: Document) -> Iterable[Finding]:
    """A ``time`` claim for each resolved date or period; a ``duration`` claim for a bare plural.

    Numeric durations ("for six months", "30 years") are left to the quantities extractor
    unless they are anchored to dates ("the last 30 years"), so a span is not claimed twice.
    """
    from claimkit.checkworthiness import prior

    for t in parse_times(doc.text, reference=doc.published):
        extra = {"kind": t.kind, "granularity": t.granularity}
        if t.tense and t.tense != "unknown":
            extra["tense"] = t.tense
        if t.vague:
            extra["vague"] = True
        if t.anchor:
            extra["anchor"] = t.anchor
        if t.kind == "set":
            continue
        if t.kind == "duration":
            if t.qualifier != "at_least":
                continue  # a counted duration is a quantity; the quantities extractor reports it
            if t.iso:
                extra["period"] = t.iso
            extra["at_least"] = t.amount  # "decades": at least two, not a figure the story states
            yield Finding(
                kind="duration",
                start=t.start,
                end=t.end,
                qualifier=t.qualifier,
                unit=t.unit,
                weight=prior("duration"),
                extra=extra,
            )
            continue
        if t.iso is None:
            continue
        yield Finding(
            kind="time",
            start=t.start,
            end=t.end,
            date=t.iso,
            qualifier=t.qualifier,
            weight=prior("time_vague" if t.vague else "time"),
            extra=extra,
        )
