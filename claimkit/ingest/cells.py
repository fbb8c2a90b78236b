"""What a table cell is about and when it holds, read from its row and column labels.

A figure in a table comes without a sentence: "Germany · 2019 · population · 83,092,962". Its
subject is the row's labels and its column header ("Germany population"); its date is the label
in a time column ("year", "date"… — ``claimkit/lexicon/table_time_columns.txt``), or a header
that is itself a date or a year (a wide table: country, 2018, 2019). A year is the whole year
("2019-01-01/2019-12-31"), as the claims table writes periods.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from claimkit.lexicon import words

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YEAR = re.compile(r"^(1[0-9]|2[0-9])\d\d$")


@lru_cache(maxsize=1)
def _time_headers() -> tuple[str, ...]:
    return words("table_time_columns.txt")


def is_time_header(header: str) -> bool:
    h = " ".join(header.lower().split())
    return any(h == w or h.startswith(w + " ") for w in _time_headers())


def as_period(text: str, reference: date | None = None) -> str | None:
    """An ISO date or ``start/end`` period for a label that is wholly a date, a month or a year; else ``None``."""
    t = " ".join(text.split())
    if _ISO_DAY.match(t):
        try:
            return date.fromisoformat(t).isoformat()
        except ValueError:
            return None
    if _YEAR.match(t):
        return f"{t}-01-01/{t}-12-31"
    from claimkit.extract.times import parse_times

    mentions = parse_times(t, reference=reference or date.today())
    if len(mentions) == 1 and mentions[0].text.strip() == t and mentions[0].kind in ("date", "period"):
        m = mentions[0]
        if m.start_date and m.end_date:
            return m.start_date.isoformat() if m.start_date == m.end_date else f"{m.start_date}/{m.end_date}"
    return None


def cell_context(
    labels: list[list[str]], column: str | None, reference: date | None = None
) -> tuple[str | None, str | None]:
    """``(subject, date)`` of a figure cell from its row's ``[header, text]`` labels and its column header."""
    when, subject = None, []
    for header, text in labels:
        period = as_period(text, reference) if (is_time_header(header) or _ISO_DAY.match(text.strip())) else None
        if period and when is None:
            when = period
        else:
            subject.append(text)
    if column:
        period = as_period(column, reference) if when is None else None
        if period:
            when = period
        else:
            subject.append(column)
    return (" ".join(subject) or None), when
