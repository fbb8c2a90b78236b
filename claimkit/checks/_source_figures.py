"""Figures and times for the source check: the interval a figure is written as, and whether two figures or two dates state the same.

A figure's rounding widens it ("4.5 million" is 4,450,000-4,550,000, "48%" is 47.5-48.5), units
convert (claimkit/lexicon/unit_conversions.tsv) and open bounds ("more than 12,000") must be a
rounding of the other figure, not just on the right side of it.
"""

from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache

from claimkit.checks._fields import num, period, text

SAME_TIME_SPAN = (
    8  # a date bears out a period at most this many times longer ("this week" by "Monday", not "this year")
)
DENY_TIME_SPAN = (
    2  # two times that do not meet deny each other only when of like length (days, months, quarters, years)
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@lru_cache(maxsize=1)
def _conversions() -> dict[str, tuple[str, float]]:
    from claimkit.lexicon import table

    return {r["unit"]: (r["base"], float(r["factor"])) for r in table("unit_conversions.tsv")}


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
