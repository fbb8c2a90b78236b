"""The calendar inside the story: weekdays, ages, "years ago", "since", anniversaries.

``check_calendar(text, claims, published)`` returns ``{claim_id: result}`` for:

- a weekday beside a date in the same mention: "Monday, Jan. 10, 2022", "on Tuesday (Jan. 11)", "Wednesday March 18",
  "Jan. 10 (Monday)"; a date without a year is taken in the year that puts it within half a year of
  publication, and is left alone without a publication date;
- an age beside a birth date or year and the publication date: "Smith, 45, was born in 1976"
  (45 or 46 in 2022 fits a birth year; a full birth date fixes the age); not in a sentence about a death;
- "N years ago" beside a year ("25 years ago, in 1997"), "for the first time in N years, since 1992",
  "N years since 1945", and "the 75th anniversary of the 1945 ...": whole years between a year and the
  publication date may be written one off either way (the months are unknown; an anniversary may be
  coming or just past), so only a larger gap is contradicted.

Date arithmetic is python-dateutil's ``relativedelta``; words are in ``lexicon/time_words.tsv`` and
``lexicon/inside_words.tsv``.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from claimkit.inside._common import NUMERIC_KINDS, Result, Story, add, finish, role
from claimkit.lexicon import table

CHECK = "inside.calendar"
NEAR_DAYS = 200  # a date without a year is read in the year that puts it this close to publication
AGE_REACH = 80  # characters between an age and "born in YEAR"
YEAR_SLACK = 1  # whole years between a year and a date may be written one off either way
_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,.%])")
# "Sunday, 27 February 1500 GMT": the four digits after a date are a clock time, not a year
_CLOCK = re.compile(r"\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|ET|PT|PST|PDT|IST|JST|MSK|hrs|h\b|local time)", re.I)
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@lru_cache(maxsize=1)
def _weekdays() -> dict[str, int]:
    return {r["word"]: int(r["value"]) for r in table("time_words.tsv") if r["kind"] == "weekday"}


@lru_cache(maxsize=1)
def _weekday_re() -> re.Pattern:
    names = sorted(_weekdays(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def check_calendar(text: str, claims: list[dict], published=None, story: Story | None = None) -> dict[str, dict]:
    story = story or Story(text, claims, published)
    results: dict[str, Result] = {}
    _weekday_dates(story, results)
    if published is not None:
        _ages(story, results)
        _years_between(story, results)
        _anniversaries(story, results)
    return finish(results)


def _time_cid(story: Story, start: int, end: int) -> str | None:
    return story.claim_id_at(start, end, ("time",)) or story.claim_id_at(start, end)


# ---------------------------------------------------------------- weekday beside a date


def _weekday_dates(story: Story, results: dict) -> None:
    from claimkit.extract.times import parse_times

    text = story.text
    for m in _weekday_re().finditer(text):
        wd = _weekdays()[m.group(1)]
        date_span = None
        # "Monday, Jan. 10, 2022", "Tuesday (Jan. 10)", wire style "Wednesday March 18": the date right after the weekday
        after = re.match(r"(?:[ \t]*,[ \t]*|[ \t]*\([ \t]*|[ \t]+)(?=[0-9A-Z])", text[m.end() : m.end() + 5])
        if after:
            pos = m.end() + after.end()
            found = [
                t
                for t in parse_times(text[pos : pos + 40], reference=story.published)
                if t.start == 0
                and t.kind == "date"
                and t.granularity == "day"
                and not _weekday_re().match(t.text)
                and "\n" not in t.text
                and not _CLOCK.match(text, pos + t.end)
            ]
            if found:
                date_span = (pos, pos + found[0].end, found[0])
        if date_span is None:
            # "Jan. 10 (Monday)": the date right before "(weekday)"
            if text[max(0, m.start() - 2) : m.start()].endswith("(") and text[m.end() : m.end() + 1] == ")":
                lo = max(0, m.start() - 40)
                before = parse_times(text[lo : m.start()], reference=story.published)
                if (
                    before
                    and before[-1].kind == "date"
                    and before[-1].granularity == "day"
                    and text[lo + before[-1].end : m.start()].strip() == "("
                ):
                    b = before[-1]
                    date_span = (lo + b.start, lo + b.end, b)
        if date_span is None:
            continue
        s, e, mention = date_span
        day = mention.start_date
        if day is None:
            continue
        if _YEAR.search(mention.text):
            candidates = [day]
        elif story.published is not None:
            candidates = []
            for y in (story.published.year - 1, story.published.year, story.published.year + 1):
                try:
                    d = day.replace(year=y)
                except ValueError:
                    continue
                if abs((d - story.published).days) <= NEAR_DAYS:
                    candidates.append(d)
        else:
            continue
        if not candidates:
            continue
        fits = [d for d in candidates if d.weekday() == wd]
        written = " ".join(mention.text.split())
        if fits:
            verdict, d = "supported", fits[0]
            computation = f"{_long(d)} was a {_WEEKDAY_NAMES[d.weekday()]}, the story says {m.group(1)}"
        elif len(candidates) == 1:
            d = candidates[0]
            verdict = "contradicted"
            shown = written if _YEAR.search(written) else f"{written} ({_long(d)})"
            computation = f"{shown} was a {_WEEKDAY_NAMES[d.weekday()]}, the story says {m.group(1)}"
        else:
            verdict = "contradicted"
            computation = (
                "; ".join(f"{_long(d)} was a {_WEEKDAY_NAMES[d.weekday()]}" for d in candidates)
                + f", the story says {m.group(1)}"
            )
        target = _time_cid(story, m.start(), m.end())
        date_cid = _time_cid(story, s, e)
        add(results, target, Result(verdict, computation, [c for c in (date_cid,) if c and c != target], read=(s, e)))


def _long(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


# ---------------------------------------------------------------- age beside a birth date


_AGE = re.compile(r"(?:(?<=, )|(?<=\())(\d{1,3})(?=[,)])|\b(\d{1,3})-year-old\b")


def _ages(story: Story, results: dict) -> None:
    from dateutil.relativedelta import relativedelta

    text, pub = story.text, story.published
    for s, e in story.sentences:
        sentence = text[s:e]
        words = re.findall(r"[A-Za-z]+", sentence)
        if any(role(w) == "death" for w in words):
            continue  # an age at death is not an age today
        ages = list(_AGE.finditer(text, s, e))
        born = list(re.finditer(r"\b[Bb]orn\b", sentence))
        if len(ages) != 1 or len(born) != 1:
            continue
        bpos = s + born[0].end()
        births = [
            t
            for t in story.times_in(bpos, bpos + 9)
            if t.start_date is not None and t.granularity in ("day", "year") and t.anchor is None
        ]
        if len(births) != 1:
            continue
        birth = births[0]
        m = ages[0]
        lo, hi = sorted((m.start(), birth.start))
        if hi - lo > AGE_REACH or any(role(w) == "kin" for w in re.findall(r"[A-Za-z]+", text[lo:hi])):
            continue  # the birth year may be another person's ("Smith, 45, and his wife, born in 1980")
        if any(
            t is not birth and t.start_date is not None and abs((t.start_date - pub).days) > NEAR_DAYS
            for t in story.times_in(s, e)
        ):
            continue  # the sentence is about another time ("in 2010, Smith, 34, ..."): the age is not today's
        age = int(m.group(1) or m.group(2))
        if not 0 < age < 130:
            continue
        if birth.granularity == "day":
            fit = {relativedelta(pub, birth.start_date).years}
            said = _long(birth.start_date)
        else:
            y = birth.start_date.year
            fit = {pub.year - y - 1, pub.year - y}
            said = str(y)
        fit = {a for a in fit if a >= 0}
        if not fit:
            continue
        verdict = "supported" if age in fit else "contradicted"
        ages_txt = " or ".join(str(a) for a in sorted(fit))
        computation = f"born {said}, on {_long(pub)} aged {ages_txt}, the story says {age}"
        a_start, a_end = m.span(1) if m.group(1) else m.span(2)
        birth_cid = _time_cid(story, birth.start, birth.end)
        target = story.claim_id_at(a_start, a_end, NUMERIC_KINDS)
        if target is None:
            # an age after a name ("Smith, 45,") is no claim of its own: the verdict goes on the birth date,
            # citing the age's words
            target, read = birth_cid, (a_start, a_end)
        else:
            read = (birth.start, birth.end)
        add(results, target, Result(verdict, computation, [c for c in (birth_cid,) if c and c != target], read=read))


# ---------------------------------------------------------------- years between a year and publication


def _years_in(story: Story, lo: int, hi: int) -> list[tuple[int, int, int]]:
    """Years written in ``text[lo:hi]``: (start, end, year), from the time mentions or a figure like
    "the 1945 victory" that the quantity parser reads as a count."""
    out = []
    for t in story.times_in(lo, hi):
        if (
            t.end <= hi
            and t.start_date is not None
            and t.granularity in ("year", "day", "month")
            and t.kind in ("date", "period")
            and t.amount is None
        ):
            ym = _YEAR.search(t.text)
            if ym:
                out.append((t.start, t.end, int(ym.group(1))))
    for f in story.figures_in(lo, hi):
        if (
            lo <= f.start
            and f.end <= hi
            and f.kind in ("count", "number")
            and _YEAR.fullmatch(story.text[f.start : f.end])
        ) and not any(a <= f.start < b for a, b, _ in out):
            out.append((f.start, f.end, int(f.value)))
    return sorted(out)


def _years_between(story: Story, results: dict) -> None:
    """'25 years ago, in 1997'; 'for the first time in 30 years, since 1992'; '75 years since 1945'."""
    text, pub = story.text, story.published
    for f in story.figures:
        if f.kind != "duration" or f.unit != "year" or f.qualifier != "exact" or not float(f.value).is_integer():
            continue
        n = int(f.value)
        s, e = story.sentence_of(f.start)
        tail = text[f.end : f.end + 6].lower()
        ago = tail.lstrip().startswith("ago")
        head = text[max(s, f.start - 6) : f.start].lower().split()
        prep = head[-1] if head else ""
        window_after = text[f.end : min(e, f.end + 60)]
        if ago:
            # "25 years ago, in 1997" / "in 1997, 25 years ago"
            years = [y for y in _years_in(story, max(s, f.start - 30), min(e, f.end + 30)) if _linked(text, f, y)]
        elif prep in ("in", "for", "after") or re.match(r"\s+since\b", window_after):
            # "for the first time in 30 years, since 1992", "75 years since 1945"
            since = re.search(r"\bsince\b", window_after)
            if not since or any(c in window_after[: since.start()] for c in ".;"):
                continue
            sp = f.end + since.start()
            years = [y for y in _years_in(story, sp, min(e, sp + 36)) if y[0] - sp <= 18]
        else:
            continue
        if len(years) != 1:
            continue
        ys, ye, year = years[0]
        gap = pub.year - year
        verdict = "supported" if abs(n - gap) <= YEAR_SLACK else "contradicted"
        computation = f"from {year} to {_long(pub)} is {gap} years, the story says {n} years"
        target = story.claim_id_at(f.start, f.end, ("duration",)) or story.claim_id_at(f.start, f.end)
        add(
            results,
            target,
            Result(verdict, computation, [c for c in (_time_cid(story, ys, ye),) if c and c != target], read=(ys, ye)),
        )


def _linked(text: str, f, y: tuple[int, int, int]) -> bool:
    """'25 years ago, in 1997' / 'in 1997, 25 years ago' / '25 years ago (1997)': nothing but a few link words between."""
    ys, ye, _ = y
    between = text[f.end : ys] if ys >= f.end else text[ye : f.start]
    words = re.findall(r"[A-Za-z]+", between)
    words = [w for w in words if w.lower() not in ("ago", "in", "on", "back", "or", "when", "the", "year", "of")]
    return not words and len(between) <= 20 and not re.search(r"[.;]", between)


def _anniversaries(story: Story, results: dict) -> None:
    """'the 75th anniversary of the 1945 victory': 75 whole years from 1945 to the year it is marked."""
    text, pub = story.text, story.published
    for q in story.quantities:
        if q.kind != "ordinal" or q.value is None:
            continue
        after = text[q.end : q.end + 20]
        am = re.match(r"\s+(\w+)\s+of\b", after)
        if not am or role(am.group(1)) != "anniversary":
            continue  # "the anniversary of X": a year elsewhere ("celebrations in April 2004") is when, not what
        s, e = story.sentence_of(q.start)
        lo = q.end + am.end()
        years = list(_years_in(story, lo, min(e, lo + 60)))
        if not years or years[0][0] - lo > 40:
            continue
        ys, ye, year = years[0]
        # the year it is marked: another year in the sentence ("in 2020", "next year"), else publication
        others = [
            t
            for t in story.times_in(s, e)
            if not (ys <= t.start < ye)
            and t.granularity in ("year", "month", "day")
            and t.start_date is not None
            and t.start_date.year != year
            and t.amount is None
        ]
        marked_years = {t.start_date.year for t in others}
        if len(marked_years) > 1:
            continue
        marked = marked_years.pop() if marked_years else pub.year
        n = int(q.value)
        gap = marked - year
        verdict = "supported" if abs(n - gap) <= YEAR_SLACK else "contradicted"
        computation = f"from {year} to {marked} is {gap} years, the story says the {q.text} anniversary"
        # the ordinal is seldom a claim of its own; then the verdict goes on the year
        target = story.claim_id_at(q.start, q.end) or _time_cid(story, ys, ye)
        add(
            results,
            target,
            Result(
                verdict,
                computation,
                [c for c in (_time_cid(story, ys, ye),) if c and c != target],
                read=(q.start, q.end),
            ),
        )
