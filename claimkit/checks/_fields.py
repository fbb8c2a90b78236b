"""Reading a claim (a row of the claims table as a dict) the same way in every check."""

from __future__ import annotations

import math
from datetime import date

from claimkit.matching import distance, find_mentions, locate


def text(v) -> str | None:
    """A cell as stripped text; ``None`` for empty, NaN or NA."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        import pandas as pd

        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    s = str(v).strip()
    return s or None


def num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def day(v) -> date | None:
    s = text(v)
    if not s or "/" in s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def period(v) -> tuple[date, date] | None:
    """An ISO date or ``start/end`` period as (first day, last day)."""
    s = text(v)
    if not s:
        return None
    if "/" in s:
        a, _, b = s.partition("/")
        try:
            return date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
        except ValueError:
            return None
    d = day(s)
    return (d, d) if d else None


def claim_interval(claim: dict) -> tuple[float, float] | None:
    """The claim's figure as an interval: (low, high) where both are given, else the point value."""
    low, high, value = num(claim.get("low")), num(claim.get("high")), num(claim.get("value"))
    if low is not None and high is not None:
        return (low, high)
    if value is not None:
        return (low if low is not None else value, high if high is not None else value)
    return None


def fmt(x: float) -> str:
    x = round(float(x), 6)
    return f"{x:,.0f}" if x.is_integer() else f"{x:,}"


def fmt_interval(iv: tuple[float, float]) -> str:
    return fmt(iv[0]) if iv[0] == iv[1] else f"{fmt(iv[0])}-{fmt(iv[1])}"


def claim_date(claim: dict, published: date | None) -> tuple[date | None, str]:
    """The date a claim is to be checked at, and where that date came from."""
    d = day(claim.get("date"))
    if d:
        return d, "the claim's date"
    p = period(claim.get("date"))
    if p:
        if published and p[0] <= published <= p[1]:
            return published, "the article's date, within the claim's period"
        return p[1], "the end of the claim's period"
    if published:
        return published, "the article's date"
    return None, ""


def where(claim: dict) -> tuple[str, tuple[int, int] | None]:
    """The claim's sentence and the claim's offsets inside it."""
    sentence = text(claim.get("sentence")) or text(claim.get("span")) or ""
    return sentence, locate(text(claim.get("span")), sentence)


def nearest(table_terms: dict, sentence: str, at: tuple[int, int] | None, reach: int | None = None):
    """(key, term, distance) of the key whose terms stand nearest the claim in its sentence."""
    best = None
    for key, terms in table_terms.items():
        for term, s, e in find_mentions(terms, sentence):
            d = distance(at, (s, e)) if at else 0
            if reach is not None and d > reach:
                continue
            if best is None or d < best[2]:
                best = (key, term, d)
    return best
