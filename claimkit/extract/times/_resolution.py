"""Resolving one pattern match to a :class:`TimeMention` with its start and end dates."""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimkit.extract.times._calendar import (
    _PERIOD_STEP,
    _choose,
    _count,
    _granularity,
    _has_year,
    _head,
    _holiday,
    _how,
    _month_end,
    _part,
    _pick,
    _shift,
    _span_of,
    _week,
    _year_of,
    clause_tense,
)
from claimkit.extract.times._grammar import _day_value, _lookup, _words
from claimkit.extract.times._mention import TimeMention, _fix

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
