"""Ranges and bounds between mentions: qualifiers before a figure, range partners, money pairs, unit ranges and merged bounds."""

from __future__ import annotations

import re

from .lex import _CURRENCY_SIGN, _MINUS_AHEAD, _NUMERAL_AHEAD, _WORD_AHEAD
from .model import YEAR_RANGE, Quantity
from .refine import _fmt, _scaled, _span
from .words import _Numeral, _read_numeral

_QUALIFIER_WINDOW = 40  # a qualifier phrase (with "the") starts at most this many characters before the figure


def _qualifier_before(text, rev, arev, start, lex):
    """The qualifier phrase that ends just before ``start`` ("more than", "about the", ">="): (its start, lexicon key)
    or None. The earliest start wins, within _QUALIFIER_WINDOW characters.

    The phrase is matched forwards on the reversed text (a look-back regex searched over the window would try
    every start position); the reversed pattern prefers the longest phrase, which is the earliest start."""
    n = len(text)
    m = lex.before_rev_re.match(rev, n - start) if arev is None else lex.before_rev_low_re.match(arev, n - start)
    if m is None:
        return None
    lo = max(0, start - _QUALIFIER_WINDOW)
    if n - m.end() < lo:  # the longest phrase starts before the window: the window's own search decides
        f = lex.before_re.search(text, lo, start)
        return (f.start(), " ".join(f.group("w" if f.group("w") else "s").lower().split())) if f else None
    k = (m.group("w") or m.group("s"))[::-1].lower()
    return n - m.end(), k if k in lex.before else " ".join(k.split())  # the lexicon's keys are single-spaced


def _numeral_follows(text, pos, lex):
    m = _NUMERAL_AHEAD.match(text, pos)
    if m:
        return True
    w = _WORD_AHEAD.match(text, pos)
    return bool(w and (w.group(1).lower() in lex.words or w.group(1).lower() in lex.ordinals))


def _range_partner(text, e, num, value, lex, ropen, money):
    nxt = text[e : e + 3].lstrip()[:1]
    if not nxt or nxt not in "-–—~tTaAuU":
        return None
    m = lex.range_sep_re.match(text, e)
    if not m:
        return None
    opener = ropen.group("w").lower() if ropen else None
    if m.group("dash"):
        if num.words or opener == "between":
            return None
        if m.group("dash") == "-" and text[e : m.start("dash")] == "" and not text[m.end() : m.end() + 1].isdigit():
            return None
    else:
        w = m.group("w").lower()
        if w == "and" and opener != "between":
            return None
        if w != "and" and opener == "between":
            return None
    p = m.end()
    sign = 1
    sm = _MINUS_AHEAD.match(text, p) if not m.group("dash") else None
    if sm:
        sign, p = -1, sm.end()
    cur = _CURRENCY_SIGN.match(text, p)
    if cur:
        p = cur.end()
    pnum = _read_numeral(text, p, lex, money=money or bool(cur))
    if not isinstance(pnum, _Numeral) or pnum.value is None or pnum.ordinal != num.ordinal:
        return None
    if m.group("dash") and pnum.words:
        return None
    pval = sign * pnum.value
    low = value
    if num.scale is None and pnum.scale:
        mult = lex.words.get(pnum.scale, (None, 1))[1]
        if mult > 1 and low * mult < pval:
            low = low * mult
        elif (
            mult > 1
            and num.plain
            and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
            and len(text[num.start : num.end]) == 4
            and text[num.start : num.end].isdigit()
        ):
            # "narrowed in 1986 to 336.5 billion": a year before "to" and a scaled figure it cannot be the low
            # end of (1986 billion is more), not a range from 1,986 to 336.5 billion
            return None
    if not low < pval:
        return None
    return pnum, pval


_JOIN_GAP = re.compile(r"\s*,?\s*(?:(?:and|but)\s+|)", re.I)
_MAX_JOIN_GAP = 24  # ", and " with room for odd spacing; a longer gap joins nothing


_SIGNED_RANGE_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?")


_MONEY_AND = re.compile(r"[ \u00a0]+(?:and[ \u00a0]+|)")


def _money_pairs(text, qs, lex):
    """A sum and its minor units ("five dollars and fifty cents", "$5 and 50 cents", "5 pounds 50 pence"): one sum."""
    out = [qs[0]]
    for b in qs[1:]:
        a = out[-1]
        if (
            b.kind == "money"
            and a.kind == "money"
            and a.unit == b.unit
            and a.qualifier == "exact"
            and b.qualifier == "exact"
            and a.value is not None
            and b.value is not None
            and 0 < b.value < 1
            and a.value == int(a.value)
            and _MONEY_AND.fullmatch(text, a.end, b.start)
            and lex.currency_factor.get(b.text.rsplit(None, 1)[-1].lower())
        ):
            out[-1] = _scaled(
                _span(text, a, a.start, b.end),
                1,
                b.value,
                numerals=a.numerals + b.numerals,
                measure_span=(a.measure_span[0] if a.measure_span else a.start, b.end),
            )
            continue
        out.append(b)
    return out


_RANGE_KINDS = frozenset({"money", "dimension", "duration"})
_UNIT_RANGE_GAP = re.compile(r"[ \u00a0]?[-–—][ \u00a0]?|[ \u00a0]+(?i:to|and)[ \u00a0]+")
_SUSPENDED_GAP = re.compile(r"[-–—][ \u00a0]+(?i:to|or)[ \u00a0]+")  # "a 3- to 4-foot wall"
_BETWEEN_BEFORE = re.compile(r"(?i:between)[ \u00a0]+$")
_FROM_BEFORE = re.compile(r"(?i:from)[ \u00a0]+$")
_BY_BEFORE = re.compile(r"(?<![A-Za-z])(?i:by)[ \u00a0]+$")
_FROM_AFTER = re.compile(r"[ \u00a0]+(?i:from)[ \u00a0]+\S*\d")


def _unit_ranges(text, qs, lex):
    """Two figures with the same unit written on both ("5 km to 10 km", "$2.3-$2.5 billion", "£3bn-£4bn",
    "between 5 ft and 6 ft"), a sum and a scaled bound ("$10-15 million"), or a suspended hyphen ("a 3- to
    4-foot wall"): one range [low, high). "and" joins only after "between"; "from A to B" after a verb of
    change stays two figures. The first takes the second's scale when it has none."""
    out = []
    i = 0
    n = len(qs)
    while i < n:
        a = qs[i]
        b = qs[i + 1] if i + 1 < n else None
        r = (
            _unit_range(text, a, b, lex)
            if b is not None
            and a.qualifier == "exact"
            and b.qualifier == "exact"
            and a.value is not None
            and b.value is not None
            else None
        )
        if r is not None:
            out.append(r)
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _unit_range(text, a, b, lex):
    ka, kb = a.kind, b.kind
    unit, kind, scale = b.unit, kb, b.scale_word
    if ka == kb and ka in _RANGE_KINDS and a.unit == b.unit:
        g = _UNIT_RANGE_GAP.fullmatch(text, a.end, b.start)
        if g is None:
            return None
        w = g.group().strip().lower()
        if w == "and" and not _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start):
            return None
        start = a.start
        if w in ("and", "to"):
            opener = _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start) or _FROM_BEFORE.search(
                text, max(0, a.start - 8), a.start
            )
            if opener:
                if opener.group().lower().startswith("from") and lex.change_re.search(
                    text, max(0, opener.start() - 30), opener.end()
                ):
                    return None  # "rose from 5 km to 10 km": a change
                start = opener.start()
            elif w == "to" and _BY_BEFORE.search(text, max(0, a.start - 8), a.start) and _FROM_AFTER.match(text, b.end):
                return None  # "cut its debt by 2.6 billion euros to 7.3 billion euros from 8.9 billion": a change
    elif (
        ka == "money"
        and kb == "number"
        and b.scale_word
        and a.scale_word is None
        and text[a.end : b.start] in ("-", "–")
    ):
        kind, unit, start = "money", a.unit, a.start  # "$10-15 million"
    elif (
        ka == "number"
        and kb in _RANGE_KINDS
        and _SUSPENDED_GAP.fullmatch(text, a.end, b.start)
        and len(a.numerals) == 1
        and b.measure_span
        and b.numerals
        and text[b.numerals[-1][1] : b.numerals[-1][1] + 1] == "-"
    ):
        start = a.start  # "a 3- to 4-foot wall", "a two- to three-hour drive"
    else:
        return None
    low = a.value
    if a.scale_word is None and scale:
        low = _fmt(round(a.value * lex.words.get(scale, ("", 1))[1], 6))
    if not low <= b.value:
        return None
    return Quantity(
        start,
        b.end,
        text[start : b.end],
        None,
        low,
        b.value,
        True,
        False,
        False,
        "range",
        kind,
        unit,
        scale or a.scale_word,
        a.subtype,
        a.numerals + b.numerals,
        (start, b.end),
        (a.start, b.end),
    )


def _merge_bounds(text, qs, lex):
    """'more than 10 and less than 20' -> one range (10, 20)."""
    if len(qs) < 2:
        return qs
    out: list[Quantity] = []
    for q in qs:
        if out:
            p = out[-1]
            if (
                q.start - p.end <= _MAX_JOIN_GAP
                and _JOIN_GAP.fullmatch(text, p.end, q.start)
                and p.range_span
                and q.range_span
                and (p.kind == q.kind or "number" in (p.kind, q.kind))
                and p.qualifier not in ("range", "exact")
                and q.qualifier not in ("range", "exact")
            ):
                lo_q, hi_q = (
                    (p, q)
                    if p.high is None and q.low is None
                    else (q, p)
                    if p.low is None and q.high is None
                    else (None, None)
                )
                if (
                    lo_q is not None
                    and lo_q.low is not None
                    and hi_q.high is not None
                    and lo_q.low < hi_q.high
                    and (p.unit == q.unit or q.unit is None or p.unit is None)
                ):
                    merged = Quantity(
                        p.start,
                        q.end,
                        text[p.start : q.end],
                        None,
                        lo_q.low,
                        hi_q.high,
                        lo_q.low_inclusive,
                        hi_q.high_inclusive,
                        p.approximate or q.approximate,
                        "range",
                        p.kind if p.kind != "number" else q.kind,
                        p.unit or q.unit,
                        p.scale_word or q.scale_word,
                        p.subtype,
                        p.numerals + q.numerals,
                        (p.range_span[0], q.range_span[1]),
                        (p.measure_span[0], q.measure_span[1]),
                    )
                    out[-1] = merged
                    continue
        out.append(q)
    return out
