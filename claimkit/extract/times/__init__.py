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

The parser is split by what each part does: ``_grammar`` (lexicon words and regexes),
``_calendar`` (calendar and tense rules), ``_resolution`` (a match to dates) and this module
(``parse_times``, range joining, open ends and the ``times`` extractor).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from claimkit.extract import Document, Finding, extractor
from claimkit.extract.times._calendar import clause_tense
from claimkit.extract.times._grammar import _matches
from claimkit.extract.times._mention import GRANULARITIES, KINDS, TimeMention, _fix, _fixed
from claimkit.extract.times._resolution import WEEKDAY_YEAR_REACH, _resolve

__all__ = [
    "GRANULARITIES",
    "KINDS",
    "WEEKDAY_YEAR_REACH",
    "TimeMention",
    "clause_tense",
    "extract_times",
    "parse_times",
]

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
