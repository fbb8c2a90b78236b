"""Mention resolution: one numeral at an anchor read with its currency, unit, qualifier and range into a :class:`Quantity`."""

from __future__ import annotations

from .digits import _CLOCK_AFTER, _CLOCK_START
from .lex import (
    _AFTER_FIRST,
    _AFTER_STARTS,
    _ANOTHER,
    _LIST_MARK,
    _LIST_MARK_FIRST,
    _MONTH_AFTER_FIRST,
    _NBSP_RUN,
    _OF_NOUN,
    _ORDINAL_FIRST,
    _ORDINAL_SUFFIX,
    _RANGE_FIRST,
    _RANGE_WORD_START,
    _SPACE_NBSP,
    _STREET_NAME,
    _WORD_BEFORE,
    _lex,
)
from .model import APPROX_BAND, NEARLY_BAND, YEAR_RANGE, Quantity
from .ranges import _numeral_follows, _qualifier_before, _range_partner
from .refine import (
    _SIGN_WORDS,
    _WS_SPACE,
    _counted_noun,
    _fmt,
    _is_name_part,
    _lemma,
    _looks_plural,
    _prev,
    _sign_before,
)


def _mention(text, rev, arev, num, lex, money_prefix, pv_s=None):
    """The mention around the numeral ``num``; ``rev`` is ``text[::-1]`` (look-backs run on it as forward matches),
    for ASCII text its lower-case copy; ``arev`` is that lower-case copy when the text is ASCII, else None."""
    s, e = num.start, num.end
    if pv_s is None:
        pv_s = _prev(text, s, arev)  # the token before the numeral, read once
    # ---- what the numeral is, by itself
    if num.ordinal and (
        (pv_s in lex.month_set and lex.month_re.search(text, max(0, s - 15), s))
        or (text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e))
    ):
        return None
    if num.plain and num.value is not None:
        if (
            text[e : e + 2].strip()[:1] in {"a", "A", "p", "P", "o"}
            and text[e + text[e : e + 1].isspace() : e + text[e : e + 1].isspace() + 2].lower() in _CLOCK_START
            and _CLOCK_AFTER.match(text, e)
            and num.value <= 12
        ):
            return None
        # list marker: "1. Introduction" at the start of a line
        if text[e : e + 1] in _LIST_MARK_FIRST:
            line_start = text.rfind("\n", max(0, s - 8), s)
            if (
                (line_start >= 0 or s < 8)
                and not text[(line_start + 1 if line_start >= 0 else 0) : s].strip()
                and _LIST_MARK.match(text, e, e + 4)
            ):
                return None
    # ordinals written in digits: "21st", "4th"
    om = _ORDINAL_SUFFIX.match(text, e) if num.plain and text[e : e + 1] in _ORDINAL_FIRST else None
    if om:
        if (pv_s in lex.month_set and lex.month_re.search(text, max(0, s - 15), s)) or (
            text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e)
        ):
            return None
        num.ordinal, e = True, om.end()
        num.end = e
    # ---- sign, currency and qualifier before it
    start = s
    value = num.value
    sign_at = _sign_before(text, s, pv_s) if value is not None and pv_s in _SIGN_WORDS else None
    if sign_at is not None:
        value = -value
        start = sign_at
    currency = None
    if money_prefix and not num.ordinal:
        currency = lex.currency_prefix.get(money_prefix.group().strip())
        start = min(start, money_prefix.start())
    if currency is None and not num.words and _is_name_part(text, rev, s, num, lex, pv_s):
        return None
    if num.words and num.value == 1 and text[s:e].lower() == "one":
        prev = _WORD_BEFORE.search(text, max(0, s - 15), s)
        if prev and prev.group(1).lower() in lex.context.get("det", ()):
            return None
        if _ANOTHER.match(text, e, e + 9):
            return None
    if (
        num.plain
        and not currency
        and num.value is not None
        and 1 <= num.value <= 31
        and (
            (
                (pv_s if start == s else _prev(text, start, arev)) in lex.month_set
                and lex.month_re.search(text, max(0, start - 15), start)
            )
            or (text[e : e + 1] in _MONTH_AFTER_FIRST and lex.month_after_re.match(text, e))
        )
    ):
        return None
    pv = pv_s if start == s else _prev(text, start, arev)
    # pv is "" when only white space precedes the figure (to the start of the text): no qualifier can end there
    qual = (
        _qualifier_before(text, rev, arev, start, lex) if pv and (pv in lex.before_last or pv[-1] in "<>=≤≥") else None
    )
    q_start = qual[0] if qual else start
    qrow = lex.before[qual[1]] if qual else None
    approx_row = None
    if qrow and qrow["bound"] == "approx":
        approx_row = qrow
        pv2 = _prev(text, q_start, arev)
        q2 = (
            _qualifier_before(text, rev, arev, q_start, lex)
            if pv2 and (pv2 in lex.before_last or pv2[-1] in "<>=≤≥")
            else None
        )
        qrow = lex.before[q2[1]] if q2 else None
        if qrow and qrow["bound"] == "approx":
            qrow = None
        cmp_start = q2[0] if qrow else None
    else:
        cmp_start = q_start if qrow else None
    numerals = [
        (
            s if sign_at is None else sign_at,
            e,
            int(value) if value.__class__ is float and -1e16 < value < 1e16 and value.is_integer() else value,
        )
    ]
    # ---- a range: "between 20 and 30", "from 20 to 30", "20-30", "20 to 30"
    ropen = (
        lex.range_open_re.search(text, max(0, start - 12), start)
        if not qrow and pv in {"between", "from", "the"}
        else None
    )
    low = high = None
    rng = None
    end = e
    scale = num.scale
    t3 = text[e : e + 3]
    l3 = t3.lstrip()
    c3 = l3[:1]
    if (
        c3 in _RANGE_FIRST
        and ((value is not None and not num.ordinal) or ropen)
        and (not c3.isalpha() or text[e + len(t3) - len(l3) : e + len(t3) - len(l3) + 2].lower() in _RANGE_WORD_START)
    ):
        rng = _range_partner(text, e, num, value, lex, ropen, currency is not None)
        if (
            rng
            and ropen
            and ropen.group("w").lower() == "from"
            and lex.change_re.search(text, max(0, ropen.start() - 30), ropen.end())
        ):
            rng = None
    if rng:
        pnum, pval = rng
        low, high = value, pval
        if num.scale is None and pnum.scale:
            mult = _lex().words.get(pnum.scale, (None, 1))[1] if pnum.scale in _lex().words else 1
            if mult > 1 and low * mult < high:
                low = low * mult
        numerals.append((pnum.start, pnum.end, _fmt(pval)))
        end = pnum.end
        scale = pnum.scale or scale
        cmp_start = ropen.start() if ropen else s if sign_at is None else sign_at
        if ropen:
            q_start = min(q_start, ropen.start())
    elif ropen and ropen.group("w").lower() == "between":
        pass
    # ---- ordinals stop here
    if num.ordinal:
        if rng:
            return _build(
                text,
                q_start,
                end,
                None,
                low,
                high,
                True,
                False,
                approx_row is not None,
                "range",
                "ordinal",
                None,
                None,
                numerals,
                (cmp_start, end),
                (s, end),
                "integer",
            )
        if qrow and qrow["bound"] in {"low", "high", "point"}:
            inc = qrow["inclusive"] == "yes"
            lo = value if qrow["bound"] in ("low", "point") else None
            hi = value if qrow["bound"] in ("high", "point") else None
            return _build(
                text,
                q_start,
                e,
                _fmt(value) if qrow["bound"] == "point" else None,
                _fmt(lo),
                _fmt(hi),
                inc,
                inc,
                False,
                qrow["qualifier"],
                "ordinal",
                None,
                None,
                numerals,
                (cmp_start, e),
                (s, e),
                "integer",
            )
        return _build(
            text,
            s,
            e,
            _fmt(value),
            _fmt(value),
            _fmt(value),
            True,
            True,
            False,
            "exact",
            "ordinal",
            None,
            None,
            numerals,
            None,
            (s, e),
            "integer",
        )
    # ---- after: "or more", "or less", "or equal"
    after_row = None
    range_end = end
    if not rng and value is not None:
        t5 = text[end : end + 5]
        l5 = t5.lstrip()
        # "or ..."/"and ..." after white space: the only starts of an "after" phrase
        am = (
            lex.after_re.match(text, end)
            if l5[:1] in _AFTER_FIRST and len(l5) < len(t5) and l5[:2].lower() in _AFTER_STARTS
            else None
        )
        if am and not _numeral_follows(text, am.end(), lex):
            after_row = lex.after[" ".join(am.group("w").lower().split())]
            range_end = am.end()
        elif qrow and qrow["bound"] in ("low", "high") and qrow["inclusive"] == "no":
            c2 = text[end + 1 : end + 2]
            om2 = (
                lex.or_equal_re.match(text, end)
                if text[end : end + 1].isspace() and c2 and (c2 in "oO" or c2.isspace())
                else None
            )
            if om2 and not _numeral_follows(text, om2.end(), lex):
                qrow = dict(qrow, inclusive="yes", qualifier="at_least" if qrow["bound"] == "low" else "at_most")
                range_end = om2.end()
    # ---- unit, percent, currency, counted noun
    kind, unit = "number", None
    unit_end = range_end
    measure_start = money_prefix.start() if currency else (s if sign_at is None else sign_at)
    factor = 1.0
    p = end
    c_after = text[end : end + 1]
    if c_after == " " or c_after == "\u00a0":
        p = end + 1
        c_after = text[p : p + 1]
        if c_after == " " or c_after == "\u00a0":
            p = _NBSP_RUN.match(text, end).end()
            c_after = text[p : p + 1]
    c_after_maybe = not c_after.isascii() or c_after in lex.unit_first or c_after in lex.suffix_cur_first
    if c_after_maybe and c_after != "-":
        # no suffix currency or unit starts with these two characters (ASCII: exact; others go to the regex)
        k3 = text[p : p + 3]
        if k3.isascii():
            k3 = k3.lower()
            if not k3.isalpha():
                k3 = k3.translate(_WS_SPACE)
            # a token of one or two characters ("C", "p", "kg") is never followed by a letter
            if (
                k3 not in lex.cur_unit_keys3
                and (k3[:2] not in lex.cur_unit_keys2 or k3[2:].isalpha())
                and (c_after.lower() not in lex.cur_unit_one or k3[1:2].isalpha())
            ):
                c_after_maybe = False
    um = None
    if not currency and c_after_maybe:
        um = lex.cur_unit_re.match(text, end)
        if um is not None and um.group("cur") is not None:
            cur_tok = " ".join(um.group("cur").lstrip(" \u00a0-").lower().split())
            currency = lex.currency_suffix.get(cur_tok)
            if currency:
                unit_end = max(unit_end, um.end())
                minor = lex.currency_factor.get(cur_tok)
                if minor:
                    factor = minor
            else:
                um = lex.unit_re.match(text, end)
    if currency:
        kind, unit = "money", currency
    elif (
        c_after_maybe
        and um
        and (um.group("cs") or not (num.plain and um.group("ci") and um.group("ci").lower() in ("m",)))
    ):
        tok = um.group("cs") if um.group("cs") else um.group("ci").lower()
        tok_key = tok if um.group("cs") else " ".join(tok.split())
        info = lex.units.get(tok_key)
        if info is None:
            info = lex.units.get(tok_key.lower())
        if info:
            unit, kind, factor = info
            unit_end = max(unit_end, um.end())
    if kind == "number" and num.round is None:
        cn = _counted_noun(text, end, lex) if text[end : end + 1] in _SPACE_NBSP else None
        if cn:
            kind, unit = "count", cn[0]
    if num.round is not None and kind == "number":
        cn = _OF_NOUN.match(text, end)
        if (cn and _looks_plural(cn.group(1).lower())) or (cn and cn.group(1).lower() in lex.lemmas):
            kind, unit = "count", _lemma(cn.group(1).lower(), lex)
    if kind == "number" and num.scale and not rng:
        cn = _OF_NOUN.match(text, end)
        if cn and (_looks_plural(cn.group(1).lower()) or cn.group(1).lower() in lex.lemmas):
            kind, unit = "count", _lemma(cn.group(1).lower(), lex)
    if num.round is not None and text[s:e].lower() in lex.units:
        unit, kind, factor = lex.units[text[s:e].lower()]
        unit_end = e
    # ---- years used as dates and periods, day numbers
    if (
        num.plain
        and kind == "number"
        and not qrow
        and not approx_row
        and sign_at is None
        and value is not None
        and YEAR_RANGE[0] <= value <= YEAR_RANGE[1]
        and text[s : num.end].isdigit()
        and len(text[s : num.end]) == 4
    ):
        return None
    if rng and kind == "number" and all(YEAR_RANGE[0] <= v <= YEAR_RANGE[1] for v in (low, high)) and num.plain:
        return None
    # street numbers: "10 Downing Street"
    if num.plain and kind == "number":
        sm = _STREET_NAME.match(text, e) if text[e + 1 : e + 2].isupper() else None
        if sm and sm.group(1).lower() in lex.context.get("street", ()):
            return None
    # ---- resolve the interval
    unit_end_final = unit_end if kind != "count" else cn[1]
    if kind == "count" and num.round is not None:
        unit_end_final = cn.end()
    if (
        kind == "count"
        and num.scale
        and not rng
        and cn is not None
        and hasattr(cn, "end")
        and not isinstance(cn, tuple)
    ):
        unit_end_final = cn.end()
    if num.round is None and not rng and not after_row and not qrow and approx_row is None:
        # an exact figure (the common case): the general resolution below, with its branches settled
        if factor != 1 and value is not None:
            value = value * factor if factor > 1 else round(value * factor, 12)
        if value.__class__ is float and -1e16 < value < 1e16 and value.is_integer():
            value = int(value)
        q_to = max(unit_end_final, range_end)
        inc = value is not None
        return Quantity(
            start,
            q_to,
            text[start:q_to],
            value,
            value,
            value,
            inc,
            inc,
            False,
            "exact",
            kind,
            unit,
            scale,
            num.subtype,
            tuple(numerals),
            None,
            (measure_start, max(unit_end if kind != "count" else end, end)),
        )
    if factor != 1:
        value = _times(value, factor) if value is not None else None
        low = _times(low, factor) if low is not None else None
        high = _times(high, factor) if high is not None else None
    approximate = approx_row is not None
    low_inc, high_inc = True, True
    qualifier = "exact"
    v_out = value
    if num.round is not None:
        low, high = num.round[0] * factor, num.round[1] * factor
        low_inc, high_inc, approximate, qualifier, v_out = True, False, True, "range", None
    elif rng:
        low_inc, high_inc, qualifier, v_out = True, False, "range", None
    elif after_row:
        qualifier = after_row["qualifier"]
        if after_row["bound"] == "low":
            low, high, low_inc, high_inc, v_out = value, None, True, False, None
        else:
            low, high, low_inc, high_inc, v_out = None, value, False, True, None
    elif qrow:
        qualifier = qrow["qualifier"]
        inc = qrow["inclusive"] == "yes"
        b = qrow["bound"]
        if b == "low":
            low, high, low_inc, high_inc, v_out = value, None, inc, False, None
        elif b == "high":
            low, high, low_inc, high_inc, v_out = None, value, False, inc, None
        elif b == "just_over":
            low, high, low_inc, high_inc = value, value + abs(value) * APPROX_BAND, False, True
            approximate = True
        elif b == "nearly":
            low, high, low_inc, high_inc = value - abs(value) * NEARLY_BAND, value, True, False
            approximate = True
        else:
            low = high = value
    elif approximate:
        qualifier = "about"
        low, high = value - abs(value) * APPROX_BAND, value + abs(value) * APPROX_BAND
    else:
        low = high = value
    if approximate and qualifier == "exact":
        qualifier = "about"
    if qrow and approx_row is None and qrow["bound"] == "nearly":
        qualifier = "nearly"
    range_span = None
    if rng or after_row or (qrow and qrow["comparison"] == "yes"):
        rs = cmp_start if cmp_start is not None else (s if sign_at is None else sign_at)
        range_span = (rs, range_end)
    q_begin = q_start if (qual or (ropen and rng)) else start
    # the figures as _fmt writes them (whole floats as ints), inline: this runs once per figure
    if v_out.__class__ is float and -1e16 < v_out < 1e16 and v_out.is_integer():
        v_out = int(v_out)
    if low.__class__ is float and -1e16 < low < 1e16 and low.is_integer():
        low = int(low)
    if high.__class__ is float and -1e16 < high < 1e16 and high.is_integer():
        high = int(high)
    q_from, q_to = min(q_begin, start), max(unit_end_final, range_end)
    return Quantity(
        q_from,
        q_to,
        text[q_from:q_to],
        v_out,
        low,
        high,
        low_inc if low is not None else False,
        high_inc if high is not None else False,
        approximate,
        qualifier,
        kind,
        unit,
        scale,
        num.subtype,
        tuple(numerals),
        range_span,
        (measure_start, max(unit_end if kind != "count" else end, end)),
    )


def _times(v, factor):
    """``v * factor``; a minor unit's factor (0.01) rounded so that 57 cents are 0.57, not 0.5700000000000001."""
    return v * factor if factor > 1 else round(v * factor, 12)


def _build(
    text,
    start,
    end,
    value,
    low,
    high,
    li,
    hi,
    approx,
    qualifier,
    kind,
    unit,
    scale,
    numerals,
    range_span,
    measure_span,
    subtype,
):
    return Quantity(
        start,
        end,
        text[start:end],
        value,
        low,
        high,
        li if low is not None else False,
        hi if high is not None else False,
        approx,
        qualifier,
        kind,
        unit,
        scale,
        subtype,
        tuple(numerals),
        range_span,
        measure_span,
    )
