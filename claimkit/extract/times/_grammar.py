"""The time parser's grammar: words from the lexicon tables, the regex of each pattern family, and the matching loop."""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimkit.lexicon import alternation, table


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
