"""The record a time mention is parsed into (:class:`TimeMention`) and the mark for a year the text states."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

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


def _fix(mention: TimeMention) -> TimeMention:
    """Mark a mention whose year the text states (a range may lend it to its other end)."""
    mention.__dict__["_fixed"] = True
    return mention


def _fixed(mention: TimeMention) -> bool:
    return mention.__dict__.get("_fixed", False)
