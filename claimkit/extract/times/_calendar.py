"""Calendar and tense rules the time resolver uses: shifting and narrowing periods, picking a year by tense or modifier."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from claimkit.extract.times._grammar import _lookup, _tense_words

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


_PERIOD_STEP = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1, "coming": 1, "following": 1}


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
