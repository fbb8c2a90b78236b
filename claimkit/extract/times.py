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

Words live in ``lexicon/time_words.tsv`` and ``lexicon/tense_markers.tsv``. Every regex is
a flat alternation (no nested quantifiers), so the parser stays linear on hostile input.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import table

KINDS = ("date", "period", "duration", "set")
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


def _alt(words: Iterable[str], case_insensitive: bool = False) -> str:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return f"(?i:{body})" if case_insensitive else f"(?:{body})"


def _lookup(kind: str, word: str) -> str | None:
    table_ = _words()[kind]
    key = " ".join(word.split())
    if key in table_:
        return table_[key]
    return table_.get(key.lower()) or table_.get(key.capitalize())


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern]]:
    w = _words()
    month = f"(?P<month>{_alt(w['month'])})"
    month2 = f"(?P<month2>{_alt(w['month'])})"
    weekday = f"(?P<weekday>{_alt(w['weekday'])})"
    count = f"(?P<count>\\d{{1,4}}|{_alt(w['count'], True)})"
    unit = f"(?P<unit>{_alt(w['unit'], True)})"
    part = f"(?P<part>{_alt(w['part'], True)})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)"
    pats = {
        "iso": r"\b(?P<year>\d{4})-(?P<mm>[01]\d)-(?P<dd>[0-3]\d)\b",
        "month_day": rf"\b(?:{weekday},?\s+)?{month}\s+{day}\b(?:,?\s+{year}\b)?",
        "day_month": rf"\b(?:{weekday},?\s+)?{day}\s+(?:of\s+)?{month}(?:,?\s+{year})?\b",
        "month_year": rf"\b(?:{part}[\s-]+)?{month}(?:,?\s+{year})?\b",
        "between": rf"\b(?i:between)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?i:and)\s+{year}\b",
        "from_to": rf"\b(?i:from)\s+(?P<y1>1[5-9]\d\d|20\d\d)\s+(?i:to|until|through|till)\s+{year}\b",
        "year_range": rf"\b(?P<y1>1[5-9]\d\d|20\d\d)\s?[-\u2013]\s?{year}\b",
        "decade": rf"\b(?:(?i:the)\s+)?(?:{part}[\s-]+)?(?P<decade>1[5-9]\d0|20\d0|'\d0)s\b",
        "year": rf"\b(?:(?i:in|since|by|until|till|from|before|after|during|through|of|year)\s+(?:{part}[\s-]+)?){year}\b(?!\s?[-\u2013%])",
        "relative_day": rf"\b(?P<rel>{_alt(w['relative_day'], True)})\b",
        "weekday": rf"\b(?:(?P<wmod>(?i:last|next|this|coming|earlier on|on))\s+)?{weekday}(?P<plural>s)?\b",
        "calendar": rf"\b(?:(?P<cpart>(?i:early|mid|late|earlier|later))[\s-]+)?(?P<cmod>(?i:last|this|next|previous|following))\s+(?P<cunit>(?i:week|month|year|weekend|decade))\b",
        "rolling": rf"\b(?:(?P<prep>(?i:in|over|during|within|for))\s+)?(?i:the)\s+(?P<rmod>(?i:last|past|previous|next|coming|following|upcoming))\s+(?:{count}\s+)?{unit}\b",
        "recent": rf"\b(?P<rmod>(?i:recent|coming))\s+(?P<unit>(?i:days|weeks|months|years|decades))\b",
        "ago": rf"\b{count}\s+{unit}\s+(?i:ago)\b",
        "duration": rf"\b(?P<prep>(?i:for|over|in|within|after))\s+(?P<count>(?i:several|many|a\s+few)|\d{{1,4}}|{_alt(w['count'], True)})\s+{unit}\b",
        "bare_plural": r"\b(?:(?P<prep>(?i:for|in|over))\s+)?(?P<unit>(?i:decades|years|months|weeks|centuries))(?=\s+(?i:of|ago)\b|\s*[,.;])" + "|" + r"\b(?P<prep2>(?i:for|in|over))\s+(?P<unit2>(?i:decades|years|months|weeks|centuries))\b",
        "set": rf"\b(?i:every|each)\s+(?:(?P<sunit>(?i:day|week|month|year|weekend))|{weekday})\b|\b(?P<adverb>(?i:daily|weekly|monthly|annually|yearly))\b",
    }
    return [(name, re.compile(p)) for name, p in pats.items()]


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
    return {"early": (lo, lo + timedelta(days=third)), "mid": (lo + timedelta(days=third), hi - timedelta(days=third)),
            "late": (hi - timedelta(days=third), hi)}[part]


def _shift(d: date, unit: str, n: int) -> date:
    from dateutil.relativedelta import relativedelta

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
    return {"fortnight": "week", "weekend": "day", "century": "decade"}.get(unit, unit)


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
    tense = _tense_of(reversed(_TOKEN.findall(before)))
    if tense:
        return tense
    after = text[end:end + 120]
    m = _CLAUSE_END.search(after)
    if m:
        after = after[:m.start()]
    return _tense_of(_TOKEN.findall(after))


def _tense_of(tokens: Iterable[str]) -> str | None:
    markers = _tense_words()
    for tok in tokens:
        low = tok.lower()
        tense = markers.get(low)
        if tense == "none":
            continue
        if tense:
            return tense
        if tok.islower() and len(low) > 4 and low.endswith("ed"):
            return "past"
    return None


# ---------------------------------------------------------------- resolution


def _resolve(name: str, m: re.Match, text: str, ref: date | None) -> TimeMention | None:  # noqa: C901 - one branch per pattern
    g = m.groupdict()
    s, e = m.span()
    mention = TimeMention(start=s, end=e, text=m.group(), kind="date")
    tense = None

    def tense_now() -> str | None:
        nonlocal tense
        if tense is None:
            tense = clause_tense(text, s, e) or "unknown"
        mention.tense = tense
        return tense

    part = _lookup("part", g["part"]) if g.get("part") else None

    if name == "iso":
        try:
            d = date(int(g["year"]), int(g["mm"]), int(g["dd"]))
        except ValueError:
            return None
        mention.start_date = mention.end_date = d
    elif name in ("month_day", "day_month"):
        month, day_ = int(_lookup("month", g["month"])), int(g["day"])
        if not 1 <= day_ <= 31:
            return None
        if g.get("year"):
            years = [int(g["year"])]
        elif ref is not None:
            years = [ref.year - 1, ref.year, ref.year + 1]
        else:
            years = []
        cands = []
        for y in years:
            try:
                cands.append(date(y, month, day_))
            except ValueError:
                pass
        if years and not cands:
            return None
        if cands:
            d = cands[0] if len(cands) == 1 else _pick(cands, ref, tense_now())
            mention.start_date = mention.end_date = d
    elif name == "month_year":
        month = int(_lookup("month", g["month"]))
        if not g.get("year"):
            # a bare month name needs a time preposition, or "May" the verb would count
            head = text[max(0, s - 7):s].lower().split()
            if not head or head[-1] not in ("in", "since", "until", "by", "during", "from", "of", "early", "late", "through", "till", "before", "after"):
                if not part:
                    return None
        if g.get("year"):
            y = int(g["year"])
        elif ref is not None:
            y = _pick([date(ref.year + k, month, 1) for k in (-1, 0, 1)] if tense_now() != "unknown" else [date(ref.year, month, 1)], ref.replace(day=1), tense).year
        else:
            y = None
        mention.kind, mention.granularity = "period", "month"
        if y is not None:
            mention.start_date, mention.end_date = _part(date(y, month, 1), _month_end(y, month), part, "month")
    elif name in ("between", "from_to", "year_range"):
        y1, y2 = int(g["y1"]), int(g["year"])
        if y2 <= y1:
            return None
        mention.kind, mention.granularity = "period", "year"
        mention.start_date, mention.end_date = date(y1, 1, 1), date(y2, 12, 31)
    elif name == "decade":
        raw = g["decade"]
        if raw.startswith("'"):
            d2 = int(raw[1:])
            if ref is None:
                return None
            century = ref.year // 100 * 100
            y = century + d2 if century + d2 <= ref.year else century - 100 + d2
        else:
            y = int(raw)
        mention.kind, mention.granularity = "period", "decade"
        mention.start_date, mention.end_date = _part(date(y, 1, 1), date(y + 9, 12, 31), part, "decade")
    elif name == "year":
        y = int(g["year"])
        # keep the preposition out of the span unless it changes the meaning (since, until...)
        lead = m.group()[: m.start("part") - s if g.get("part") else m.start("year") - s]
        word = lead.split()[0].lower() if lead.split() else ""
        if word in ("in", "of", "year", "during", "through"):
            offset = len(lead) if not g.get("part") else m.start("part") - s
            mention.start = s + offset
            mention.text = text[mention.start:e]
        mention.kind, mention.granularity = "period", "year"
        mention.start_date, mention.end_date = _part(date(y, 1, 1), date(y, 12, 31), part, "year")
    elif name == "relative_day":
        if ref is not None:
            mention.start_date = mention.end_date = ref + timedelta(days=int(_lookup("relative_day", g["rel"])))
    elif name == "weekday":
        wd = int(_lookup("weekday", g["weekday"]))
        mod = (g.get("wmod") or "").lower()
        if g.get("plural"):
            mention.kind = "set"
            return mention
        if mod == "on":  # "on Monday": the span is the day itself
            mention.start = m.start("weekday")
            mention.text = text[mention.start:e]
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
        cpart = (g.get("cpart") or "").lower()
        mention.kind, mention.granularity = "period", _granularity(unit)
        if ref is None:
            return mention
        step = {"last": -1, "previous": -1, "this": 0, "next": 1, "following": 1}[mod]
        if unit in ("week", "weekend"):
            lo, hi = _week(ref + timedelta(weeks=step))
            if unit == "weekend":
                lo = hi - timedelta(days=1)
        elif unit == "month":
            first = _shift(ref.replace(day=1), "month", step)
            lo, hi = first, _month_end(first.year, first.month)
        elif unit == "year":
            lo, hi = date(ref.year + step, 1, 1), date(ref.year + step, 12, 31)
        else:
            dec = ref.year // 10 * 10 + 10 * step
            lo, hi = date(dec, 1, 1), date(dec + 9, 12, 31)
        if cpart == "earlier" and step == 0:
            hi = ref
        elif cpart == "later" and step == 0:
            lo = ref
        elif cpart in ("early", "mid", "late"):
            lo, hi = _part(lo, hi, cpart, mention.granularity if unit != "weekend" else "day")
        mention.start_date, mention.end_date = lo, hi
    elif name in ("rolling", "recent"):
        unit = _lookup("unit", g["unit"])
        mod = g["rmod"].lower()
        n = _count(g.get("count"))
        backwards = mod in ("last", "past", "previous", "recent")
        if (g.get("prep") or "").lower() == "in":  # "in the last 30 years": the span is the period
            mention.start = text.rfind("the", s, m.start("rmod")) if name == "rolling" else s
            mention.text = text[mention.start:e]
        mention.kind, mention.granularity, mention.unit = "period", _granularity(unit), unit
        plural = g["unit"].lower().endswith("s") and g["unit"].lower() != unit
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
        if ref is not None:
            if backwards:
                mention.start_date, mention.end_date = _shift(ref, unit, -n), ref
            else:
                mention.start_date, mention.end_date = ref, _shift(ref, unit, n)
    elif name == "ago":
        unit = _lookup("unit", g["unit"])
        n = _count(g["count"])
        if n is None:
            return None
        mention.granularity, mention.amount, mention.unit = _granularity(unit), n, unit
        if ref is not None:
            d = _shift(ref, unit, -n)
            if unit == "day":
                mention.start_date = mention.end_date = d
            else:
                mention.kind = "period"
                mention.start_date, mention.end_date = _shift(d, "day", -3 if unit == "week" else -15 if unit == "month" else -182), _shift(d, "day", 3 if unit == "week" else 15 if unit == "month" else 182)
                mention.qualifier = "about"
    elif name == "duration":
        unit = _lookup("unit", g["unit"])
        n = _count(g["count"])
        mention.kind, mention.granularity, mention.unit = "duration", _granularity(unit), unit
        if n is None:  # "for several months": at least two
            mention.amount, mention.qualifier = float(_lookup("at_least", unit) or 2), "at_least"
        else:
            mention.amount = n
        if g["prep"].lower() in ("in", "within", "after"):
            mention.anchor = g["prep"].lower()
        perfect = re.search(r"\b(?:has|have|had)\s+(?:been|[a-z]+ed)\b", text[max(0, s - 80):s])
        if ref is not None and perfect and g["prep"].lower() in ("for", "over") and n is not None:
            mention.kind = "period"
            mention.start_date, mention.end_date = _shift(ref, unit, -n), ref
    elif name == "bare_plural":
        ustart = m.start("unit") if g.get("unit") else m.start("unit2")
        prev = text[max(0, ustart - 12):ustart].split()
        if prev and (prev[-1][-1:].isdigit() or _lookup("count", prev[-1]) or prev[-1].endswith("-")):
            return None  # "six months" is a counted duration, not a bare plural
        unit = _lookup("unit", g.get("unit") or g["unit2"])
        mention.kind, mention.granularity, mention.unit = "duration", _granularity(unit), unit
        mention.amount, mention.qualifier = float(_lookup("at_least", unit) or 2), "at_least"
        if ref is not None and (g.get("prep") or g.get("prep2") or re.search(r"\bof\s*$", text[e:e + 4]) is not None):
            # "decades of NATO expansion", "for decades", "in decades": a stretch running up to the time of writing
            mention.start_date, mention.end_date = _shift(ref, unit, -int(mention.amount)), ref
    elif name == "set":
        mention.kind = "set"
        unit = g.get("sunit") or ("day" if g.get("weekday") else None)
        mention.granularity = _granularity(unit.lower()) if unit else "day"
    return mention


_OPENERS = re.compile(r"(?i:(since|until|till|by|before|after|from))\s+$")


def parse_times(text: str, *, reference: date | None = None) -> list[TimeMention]:
    """Every date, period, duration and recurring time in ``text``, resolved against ``reference``.

    Mentions never overlap: where two patterns match the same words the longer (then the
    earlier) one wins. ``since X`` runs from X to the reference date; ``until X`` up to X.
    """
    found: list[tuple[int, int, int, str, re.Match]] = []
    for order, (name, pattern) in enumerate(_patterns()):
        for m in pattern.finditer(text):
            found.append((m.start(), -(m.end() - m.start()), order, name, m))
    found.sort(key=lambda t: (t[0], t[1], t[2]))
    out: list[TimeMention] = []
    taken_end = -1
    for s, _neg, _order, name, m in found:
        if s < taken_end:
            continue
        mention = _resolve(name, m, text, reference)
        if mention is None:
            continue
        taken_end = m.end()
        _open_ended(mention, m, text, reference)
        out.append(mention)
    return out


def _open_ended(mention: TimeMention, match: re.Match, text: str, reference: date | None) -> None:
    """``since 2014`` -> 2014-01-01 to the reference date; ``until May`` -> up to the end of May."""
    if match.groupdict().get("prep"):
        return  # "ever before in the last 30 years": the mention brings its own preposition
    lead = text[max(0, mention.start - 7):mention.start]
    m = _OPENERS.search(lead)
    word = m.group(1).lower() if m else None
    if word is None and mention.text.split()[0].lower() in ("since", "until", "till", "by", "before", "after"):
        word = mention.text.split()[0].lower()
    if word is None or mention.kind in ("set", "duration"):
        return
    mention.anchor = word
    if word == "since" and mention.start_date is not None and reference is not None:
        mention.kind, mention.end_date = "period", reference
    if m and word in ("since", "until", "till", "by", "before", "after"):
        mention.start = mention.start - (len(lead) - m.start())
        mention.text = text[mention.start:mention.end]


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
            yield Finding(kind="duration", start=t.start, end=t.end, qualifier=t.qualifier, unit=t.unit,
                          weight=prior("duration"), extra=extra)
            continue
        if t.iso is None:
            continue
        yield Finding(kind="time", start=t.start, end=t.end, date=t.iso,
                      qualifier=t.qualifier, weight=prior("time_vague" if t.vague else "time"), extra=extra)
