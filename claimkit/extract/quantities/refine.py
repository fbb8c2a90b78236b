"""Mention helpers and refinement: the words around a numeral (sign, name parts, counted noun) and the money, count and measure readings."""

from __future__ import annotations

import re
from dataclasses import replace

from .lex import _ALPHA, _SIGN_AT_END, _WORD_AFTER, _WORD_BEFORE_REV
from .model import YEAR_RANGE, Quantity
from .words import _Numeral, _read_numeral

# --------------------------------------------------------------------------- mentions


def _fmt(v):
    if v.__class__ is float and -1e16 < v < 1e16 and v.is_integer():
        return int(v)
    return v


def _counted_noun(text, pos, lex):
    """The counted noun after a figure ("100,000 troops" -> troop): (lemma, end) or None."""
    if text[pos : pos + 1] not in (" ", "\u00a0"):
        return None
    limit = min(len(text), pos + 60)
    func = lex.function
    prev = pos
    chosen = None
    for i in range(3):
        m = _WORD_AFTER.match(text, prev, limit)
        if m is None:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in func or lw in lex.words or lw in lex.ordinals:
            break
        if lw.endswith(("ly", "ed")):  # adverbs and participles ("30 killed") are not counted nouns
            break
        if lw in lex.lemmas or _looks_plural(lw):
            chosen = (m, _lemma(lw, lex))
            break
        if i == 0 and w[0].islower():
            nxt = _WORD_AFTER.match(text, m.end(), limit)
            if nxt is None or nxt.group(1).lower() in func:
                chosen = (m, lw)
                break
        prev = m.end()
    if chosen is None:
        return None
    return chosen[1], chosen[0].end()


def _looks_plural(w):
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous", "'s"))


def _lemma(w, lex):
    if w in lex.lemmas:
        return lex.lemmas[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses", "zes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


_PREV_REV = re.compile(r"[ \t\u00a0\u202f]{0,40}([A-Za-z.]{0,20})")
_PREV_WORD = ".abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"  # _PREV_REV's [A-Za-z.]
_PREV_SKIP = frozenset(" \t\u00a0\u202f.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _prev(text: str, s: int, rev: str | None = None) -> str:
    """The token just before ``s`` (lower case): a word, or one symbol character; cheap guard for look-backs.

    ``rev`` is ``text.lower()[::-1]`` when ``text`` is ASCII: the token is then one forward match on it."""
    if rev is not None:
        if not s:
            return ""
        c = text[s - 1]
        if c not in _PREV_SKIP:  # a symbol just before: the token itself (what the match below returns)
            return c
        # _PREV_REV by string methods (a regex call costs more than these few copies): the white space, then the word
        k = len(text) - s
        r = rev[k : k + 60]
        t = r.lstrip(" \t\u00a0\u202f")
        sp = len(r) - len(t)
        if sp <= 40:
            u = t[:20]
            wl = len(u) - len(u.lstrip(_PREV_WORD))
            if wl:
                return u[:wl][::-1]
            return text[s - sp - 1 : s - sp]
        m = _PREV_REV.match(rev, k)
        w = m.group(1)
        if w:
            return w[::-1]
        i = len(text) - m.end()
        return text[i - 1 : i]
    i = s
    stop = max(0, s - 40)  # the widest look-back window; more white space than that ends every look-back
    while i > stop and text[i - 1] in " \t\u00a0\u202f":
        i -= 1
    j = i
    while j > 0 and j > i - 20 and (text[j - 1].isalpha() or text[j - 1] == "."):
        j -= 1
    return text[j:i].lower() if j < i else text[i - 1 : i]


_SIGN_WORDS = frozenset({"-", "minus", "negative"})


def _sign_before(text, s, pv=None):
    if (_prev(text, s) if pv is None else pv) not in _SIGN_WORDS:
        return None
    m = _SIGN_AT_END.search(text, max(0, s - 12), s)
    return m.start() if m else None


def _is_name_part(text, rev, s, num, lex, pv=None):
    """'G7', 'COVID-19', 'Boeing 737', 'Article 5': a figure that names, not counts.

    ``pv`` is ``_prev(text, s)`` when the caller has it: a word must precede for the look-back to match."""
    if s > 0 and (text[s - 1].isalpha() or (text[s - 1] == "-" and s > 1 and text[s - 2].isalpha())):
        return True
    if not num.plain:
        return False
    if text[s - 1 : s] not in (" ", "\u00a0") or (
        pv is not None and not (pv[-1:].isascii() and (pv[-1:].isalpha() or pv[-1:] == "."))
    ):
        return False
    # the word before the spaces, ([A-Za-z][A-Za-z.]*)[ \u00a0]+$ over text[s - 30:s], matched forwards on the reversed text
    n = len(text)
    m = _WORD_BEFORE_REV.match(rev, n - s, n - max(0, s - 30))
    if not m:
        return False
    w = text[n - m.end(1) : n - m.start(1)]  # as written (``rev`` may be the lower-case copy)
    ws = n - m.end()
    wl = w.lower()
    if wl.rstrip(".") in lex.name_head:
        return True
    if w[0].isupper() and wl not in lex.months and wl not in lex.function:
        before = text[max(0, ws - 3) : ws].strip()
        return bool(before) and before[-1] not in ".!?\"'(:" and ws > 0
    return False


_NAME_LIKE = re.compile(r"\d[gG]|\d{1,2}/(?:1[1-9]|[23]\d)")  # "5G"; "9/11", "7/21" (a day, not a fraction)
_HY_SCALE = re.compile(r"[-\u2010\u2011](thousand|million|billion|trillion)(?![A-Za-z])", re.I)
_RATE = re.compile(r"[ \u00a0]+(?i:an?|per|each|every)[ \u00a0]+([A-Za-z]+)(?![A-Za-z])")
_COMPOUND_GAP = re.compile(r"(?:[ \u00a0]*+,?[ \u00a0]*+(?i:and[ \u00a0]++)|[ \u00a0]++|-)(?=[\dA-Za-z])")
_COMPOUND_FIRST = frozenset(" \u00a0,-")  # what may follow a measure that _refine_measure extends
_AND_HALF = re.compile(r"[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half(?![A-Za-z])", re.I)
_OF_A_UNIT = re.compile(r"(?:[ \u00a0]+of|)[ \u00a0]+an?[ \u00a0]+([A-Za-z]+)(?![A-Za-z])", re.I)
_WORDS_BEFORE = re.compile(r"[A-Za-z]+")
_OF_WORD = re.compile(r"[ \u00a0]+of[ \u00a0]+([A-Za-z]+)")
_A_OR_OF = frozenset("aAoO")  # "half a mile", "three-quarters of an acre": what may follow a fraction of a unit
_WS_SPACE = str.maketrans("\t\n\r\x0b\x0c", "     ")  # ASCII white space as a space (the currency/unit gate)
_PRIMES = frozenset("'′’")
_FEET_INCHES = re.compile(
    "["
    + "".join(sorted(_PRIMES))
    + r"](?:[ \u00a0]?(\d{1,2}(?:\.\d)?)[ \u00a0]?(?:\"|″|''|”)|(?=[ \u00a0]*(?:tall|high)\b))"
)
_HEIGHT_END = re.compile(r"(?:[ \u00a0]*(?:[,.;:)]|$)|[ \u00a0]+(?:tall|high)\b)")
_INCH = re.compile(r"[ \u00a0]?(?:in(?![A-Za-z])\.?|[\"\u2033])")
_NO_WORD = re.compile("(.{0})").match("")
_NEXT_WORD = re.compile(r"[ \u00a0-]+([A-Za-z]+)")


def _scaled(q, factor, add=0.0, **changes):
    """``q`` with value and bounds multiplied by ``factor`` (plus ``add``), and ``changes``."""

    def f(v):
        if v is None:
            return None
        v = v * factor + add
        v = round(v, 12) if v.__class__ is float else v
        return _fmt(v)

    return replace(q, value=f(q.value), low=f(q.low), high=f(q.high), **changes)


def _span(text, q, start, end, **changes):
    return replace(q, start=start, end=end, text=text[start:end], **changes)


def _numeral_text(text, q):
    return text[q.numerals[0][0] : q.numerals[0][1]] if q.numerals else q.text


def _is_year(text, q):
    """A plain four-digit figure in the years' range, written without a separator: "2016", not "2,016"."""
    if len(q.numerals) != 1 or q.value is None or q.value.__class__ is float:
        return False
    w = _numeral_text(text, q)
    return len(w) == 4 and w.isdigit() and YEAR_RANGE[0] <= q.value <= YEAR_RANGE[1]


def _refine(text, q, lex):
    """A figure's reading, checked against the words around it (rare cases: run only for non-plain figures).

    Counts whose noun is a verb ("13 proves"), a year's noun ("the 2016 high") or a word that does not count
    ("zero carbon", "one involving", "half way"); money written "$300-million", "500m euros", "2016 won";
    "pounds" of weight; measures in two units ("5 feet 2 inches"), per a unit ("188 miles an hour"),
    "and a half", a fraction of a unit ("half a mile"); "zero-hours" (a word, not a duration).
    """
    kind = q.kind
    if kind == "count":
        return _refine_count(text, q, lex)
    if kind == "money":
        return _refine_money(text, q, lex)
    if kind == "number":
        pm = _FEET_INCHES.match(text, q.end) if text[q.end : q.end + 1] in _PRIMES and q.value is not None else None
        if pm and q.qualifier == "exact" and len(q.numerals) == 1:  # 5'10", 6′2″: feet and inches
            if not pm.group(1):  # "6' tall"
                return _span(text, q, q.start, pm.end(), kind="dimension", unit="ft", measure_span=(q.start, pm.end()))
            inches = float(pm.group(1))
            if inches < 12:
                return _scaled(
                    _span(text, q, q.start, pm.end()),
                    12,
                    inches,
                    kind="dimension",
                    unit="in",
                    measure_span=(q.start, pm.end()),
                )
        # "half a mile", "three-quarters of an hour": a fraction of a unit
        if text[q.end + 1 : q.end + 2] not in _A_OR_OF:
            return q
        m = _OF_A_UNIT.match(text, q.end)
        if m:
            um = lex.unit_re.match(text, m.start(1) - 1)
            if um and um.group("ci"):
                info = lex.units.get(" ".join(um.group("ci").lower().split()))
                if info and info[1] in ("dimension", "duration", "percent"):
                    unit, k, factor = info
                    return _scaled(
                        _span(text, q, q.start, um.end()),
                        factor,
                        kind=k,
                        unit=unit,
                        measure_span=(q.measure_span[0] if q.measure_span else q.start, um.end()),
                    )
        return q
    if kind in ("dimension", "duration"):
        return _refine_measure(text, q, lex)
    return q


def _as_number(text, q):
    """The figure alone, without the word after it that is not its unit or counted noun."""
    end = q.measure_span[1] if q.measure_span else q.numerals[-1][1]
    end = max(end, q.numerals[-1][1]) if q.numerals else end
    if q.range_span and q.range_span[1] > end and q.qualifier != "range":
        end = q.range_span[1]
    return _span(
        text,
        q,
        q.start,
        end,
        kind="number",
        unit=None,
        measure_span=(q.measure_span[0], end) if q.measure_span else None,
    )


def _refine_count(text, q, lex):
    noun = q.text.rsplit(None, 1)[-1].rsplit("-", 1)[-1].lower()
    code = lex.currency_suffix.get(noun) if q.value is None else None
    if code and code.isupper():  # "millions of dollars", "tens of thousands of pounds"
        f = lex.currency_factor.get(noun)
        return _scaled(q, f, kind="money", unit=code) if f else replace(q, kind="money", unit=code)
    numeral = _numeral_text(text, q).lower()
    if (numeral[-1:] == "g" or "/" in numeral) and _NAME_LIKE.fullmatch(numeral):
        return None  # "5G networks", "the 9/11 attacks": a name, not a count
    if q.start >= 2 and text[q.start - 1] == "-" and text[q.start - 2].isdigit():
        return _as_number(text, q)  # "a 3-2 win": a score
    plural = noun in lex.lemmas or _looks_plural(noun)
    if noun in lex.verbs or (
        not plural
        and (
            noun.endswith("ing")
            or numeral in ("zero", "one", "half")
            or (q.value is not None and q.value != int(q.value))
        )
    ):
        q = _as_number(text, q)
        if len(numeral) == 4 and _is_year(text, q):
            return None
        return q
    if len(numeral) == 4 and q.qualifier == "exact" and _is_year(text, q):
        # "the 2016 high", "its 2010 vintage", "the 2019 elections": a year before a noun
        if not plural or _prev(text, q.start) in lex.year_det:
            return None
    return q


def _refine_money(text, q, lex):
    end = q.end
    c = text[end : end + 1]
    if c in "-\u2010\u2011" and q.scale_word is None:
        m = _HY_SCALE.match(text, end)  # "$300-million", "C$1.2-billion"
        if m:
            w = m.group(1).lower()
            factor = lex.words[w][1]
            q = _scaled(
                _span(text, q, q.start, m.end()),
                factor,
                scale_word=lex.scale_name.get(w, w),
                measure_span=(q.measure_span[0], m.end()) if q.measure_span else None,
            )
            return q
    tail = q.text[-7:].lower()
    if q.unit == "KRW" and tail.endswith("won") and q.scale_word is None and "," not in q.text:
        # "who in 2016 won the election": a verb, not the currency
        if _is_year(text, q):
            return None
        return _as_number(text, replace(q, measure_span=(q.measure_span[0], q.numerals[-1][1])))
    if q.unit == "GBP" and (tail.endswith("pounds") or tail.endswith("pound")) and "£" not in q.text:
        # "weighed two pounds", "five pounds of cocaine", "a 10-pound baby": a weight; "a five-pound note": money
        before = {w.lower() for w in _WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)}
        if "-" in q.text or (tail.endswith(" pound") and q.value != 1):
            # "a 10-pound baby", "a 3 pound bag": a weight, unless a note or coin follows or a price is named
            nw = _NEXT_WORD.match(text, end)
            if not (nw and nw.group(1).lower() in lex.money_cue) and not (
                before & lex.money_cue and not before & lex.weight_cue
            ):
                return replace(q, kind="dimension", unit="lb")
            return q
        of = _OF_WORD.match(text, end)
        if (
            of and of.group(1).lower() not in ("sterling", "the", "their", "his", "her", "its")
        ) or before & lex.weight_cue:
            return replace(q, kind="dimension", unit="lb")
    return q


def _refine_measure(text, q, lex):
    unit = q.unit
    end = q.end
    numeral = _numeral_text(text, q)
    if numeral.lower() == "zero" and text[q.numerals[0][1] : q.numerals[0][1] + 1] == "-":
        return _as_number(text, replace(q, measure_span=(q.start, q.numerals[0][1])))  # "zero-hours contracts"
    if unit == "lb" and text[end - 5 : end].lower().endswith("pound"):
        nw = _NEXT_WORD.match(text, end)
        before = {w.lower() for w in _WORDS_BEFORE.findall(text, max(0, q.start - 60), q.start)}
        if (nw and nw.group(1).lower() in lex.money_cue) or (before & lex.money_cue and not before & lex.weight_cue):
            return replace(q, kind="money", unit="GBP")  # "a five-pound note", "it costs 3 pound"
    if unit == "m" and text[end - 1 : end] == "m" and text[end - 2 : end - 1].isdigit():
        um = lex.cur_unit_re.match(text, end)  # "500m euros": million, in a currency named after it
        if um is not None and um.group("cur") is not None:
            cur = lex.currency_suffix.get(" ".join(um.group("cur").strip().lower().split()))
            if cur:
                return _scaled(
                    _span(text, q, q.start, um.end()),
                    10**6,
                    kind="money",
                    unit=cur,
                    scale_word="million",
                    measure_span=(q.measure_span[0], um.end()) if q.measure_span else None,
                )
    if (
        (unit == "degC" or unit == "degF")
        and text[end - 1 : end] in ("C", "F")
        and q.numerals
        and text[q.numerals[-1][1] : end] in (" C", " F", "\u00a0C", "\u00a0F")
        and (_NEXT_WORD.match(text, end) or _NO_WORD).group(1)[-1:] == "s"
    ):
        return _as_number(text, replace(q, measure_span=(q.measure_span[0], q.numerals[-1][1])))  # "Group 5 C"
    nxt = text[end : end + 1]
    if nxt == "" or nxt.isalnum() or nxt not in _COMPOUND_FIRST:
        return q  # nothing this function reads starts here
    if unit in lex.compound_big and q.value is not None:
        g = _COMPOUND_GAP.match(text, end)
        if g and not text[g.end()].isdigit():
            w = _ALPHA.match(text, g.end())
            if not w or w.group().lower() not in lex.words:
                g = None
        if g:
            num = _read_numeral(text, g.end(), lex)
            if isinstance(num, _Numeral) and num.value is not None and not num.ordinal:
                um = lex.unit_re.match(text, num.end)
                small = None
                if um:
                    tok = um.group("cs") or " ".join(um.group("ci").lower().split())
                    info = lex.units.get(tok) or lex.units.get(tok.lower())
                    small = info[0] if info else None
                elif unit == "ft" and num.value < 12:
                    um = _INCH.match(text, num.end)  # "6ft 2in", "6 ft 2 in", "6 ft 2\""
                    if um or text[g.start() : g.start() + 1] == "-" or _HEIGHT_END.match(text, num.end):
                        small = "in"  # "5-foot-2", "5 ft 10.": inches understood
                factor = lex.compound.get((unit, small))
                if factor:
                    new_end = um.end() if um else num.end
                    q = _scaled(
                        _span(text, q, q.start, new_end),
                        factor,
                        num.value,
                        unit=small,
                        numerals=q.numerals + ((num.start, num.end, _fmt(num.value)),),
                        measure_span=(q.measure_span[0], new_end) if q.measure_span else None,
                    )
                    return q
    c2 = text[end + 1 : end + 2]
    if c2 != "a" and c2 != "A" and c2 != "p" and c2 != "P" and c2 != "e" and c2 != "E":
        return q
    h = _AND_HALF.match(text, end) if c2 == "a" or c2 == "A" else None
    if h and q.value is not None:  # "a mile and a half"
        return _scaled(
            _span(text, q, q.start, h.end()),
            1,
            0.5,
            measure_span=(q.measure_span[0], h.end()) if q.measure_span else None,
        )
    r = _RATE.match(text, end)
    if r:
        per = r.group(1).lower()
        per = lex.lemmas.get(per, per)
        if per in lex.rate_per:
            rate = lex.rates.get((unit, per), f"{unit}/{per}")
            return _span(
                text,
                q,
                q.start,
                r.end(),
                unit=rate,
                measure_span=(q.measure_span[0], r.end()) if q.measure_span else None,
            )
    return q


def _percent_mention(text, a, lex):
    m = lex.percent_of_re.match(text, a)
    if m:
        num = _read_numeral(text, m.end(), lex)
        if (
            isinstance(num, _Numeral)
            and num.value is not None
            and not num.ordinal
            and not _counted_noun(text, num.end, lex)
        ):
            return Quantity(
                a,
                num.end,
                text[a : num.end],
                _fmt(num.value),
                _fmt(num.value),
                _fmt(num.value),
                kind="percent",
                unit="percent",
                numerals=((num.start, num.end, _fmt(num.value)),),
                measure_span=(a, num.end),
                subtype=num.subtype,
            )
    m = lex.bare_percent_re.match(text, a)
    if not m:
        return None
    # a percentage named without a figure ("a small percent"): reported with no value
    return Quantity(
        a,
        m.end(),
        m.group(),
        None,
        None,
        None,
        kind="percent",
        unit="percent",
        measure_span=(a, m.end()),
        subtype="none",
    )
