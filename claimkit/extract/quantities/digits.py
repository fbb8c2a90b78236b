"""The digit grammar: numerals written with digits (news separators, European and spaced groups, powers, vulgar fractions) read into tokens."""

from __future__ import annotations

import math
import re

from .lex import _DIGIT_RUN, _PHONE_DIGITS, _Lexicon
from .model import MAX_DIGITS

# --------------------------------------------------------------------------- digits

_CODE = re.compile(
    r"(?:1[89]|20)\d\d[-–/](?:0[1-9]|1[0-2]|\d\d)(?![\d,.]\d|[-/]\d)(?![A-Za-z])"  # 1995-01, 2021-22
    r"|\d{1,4}(?:[-/.]\d{1,4}){2,}(?![\d])"  # dates 5/17/2018, versions 1.2.3, IPs, 222-2222-2222
    r"|\d{1,2}:\d\d(?::\d\d|)(?!\d)"  # clock
)
_EURO = re.compile(r"\d{1,3}(?:\.\d{3}){2,}+(?:,\d{1,9}|)(?![\d.]|,\d)|\d{1,3}\.\d{3},\d{1,9}(?![\d.]|,\d)")
_NUM = re.compile(
    r"(?P<exp>\d{1,30}(?:\.\d{1,30}|)[eE][+-]?\d+)(?![A-Za-z])"
    r"|(?P<frac>\d{1,9}/\d{1,9})(?![\d/])"
    r"|(?P<ind>\d{1,2}(?:,\d\d){1,7},\d{3}(?:\.\d{1,30}|))(?![\d]|,\d)"
    r"|(?P<en>\d{1,3}(?:,\d{3})++(?:\.\d{1,30}|))(?![\d]|,\d)"
    r"|(?P<sp>\d{1,3}(?:[ \u202f\u00a0]\d{3})++(?:\.\d{1,30}|))(?![\d]|[ \u202f\u00a0]\d)"
    r"|(?<!\d,)(?P<dc>\d{1,9},\d{1,2})(?![\d]|,\d)"
    r"|(?P<plain>\d+(?:\.\d+|)|\.\d+)"
)
_POWER = re.compile(r"\^(?P<signs>[+-]*)(?P<e>\d{1,4}(?:\.\d{1,4}|))|\s?[x×*]\s?10\^(?P<s2>[+-]?)(?P<e2>\d{1,4})")
_CLOCK_START = frozenset({"a.", "am", "p.", "pm", "o'"})  # the starts of _CLOCK_AFTER after its optional space
_CLOCK_AFTER = re.compile(r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock)", re.I)
_VULGAR = {
    "½": 0.5,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 0.25,
    "¾": 0.75,
    "⅕": 0.2,
    "⅖": 0.4,
    "⅗": 0.6,
    "⅘": 0.8,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 0.125,
    "⅜": 0.375,
    "⅝": 0.625,
    "⅞": 0.875,
}


class _Slots:
    """The slots of _Tok and _Numeral together: a token that is a whole numeral becomes one by a change of class
    (``tok.__class__ = _Numeral``), which costs a fraction of a new object."""

    __slots__ = (
        "cls",
        "end",
        "frac",
        "ordinal",
        "plain",
        "plural",
        "round",
        "scale",
        "start",
        "subtype",
        "value",
        "word",
        "words",
    )


class _Tok(_Slots):
    __slots__ = ()

    def __init__(
        self,
        cls,
        start,
        end,
        value=None,
        word="",
        subtype="integer",
        scale=None,
        plain=False,
        ordinal=None,
        frac="no",
        plural=False,
    ):
        self.cls = cls
        self.start = start
        self.end = end
        self.value = value
        self.word = word
        self.subtype = subtype
        self.scale = scale
        self.plain = plain
        self.ordinal = ordinal  # the ordinal class for ordinal words
        self.frac = frac
        self.plural = plural


def _num(s: str) -> float:
    v = float(s)
    if not math.isfinite(v):
        raise ValueError(s)
    return v


_DIGITS = re.compile(r"\d*")
_NUM_TAIL = frozenset(",. \u202f\u00a0/eE")  # a digit run followed by one of these may be more than a plain integer
_SPACE_GROUP = frozenset(" \u202f\u00a0")  # the group separators of _NUM's "sp" form
_PHONE_AHEAD = re.compile(r"\d+[-\s./()]")


def _read_digits(text: str, q: int, lex: _Lexicon, money: bool):
    """A digit numeral at ``q``: a _Tok of class num/fracnum, or ('skip', end) for codes and junk.

    Cheap character tests decide which of the digit grammars can apply, so the common case (a plain
    integer followed by a space or a word) costs one regex match and an ``int``.
    """
    # the digit run (\d*): its ASCII digits by lstrip, the regex when a run is long or goes on in other digits
    w = text[q : q + 16]
    d_end = q + len(w) - len(w.lstrip("0123456789"))
    if d_end - q == 16 or not text[d_end : d_end + 1].isascii():
        d_end = _DIGITS.match(text, q).end()
    nxt = text[d_end : d_end + 1]
    if d_end == q and nxt != ".":
        return ("skip", q + 1)  # a character that is a digit to str.isdigit but not to the grammar ("²")
    if (d_end - q > MAX_DIGITS or nxt in (",", ".")) and len(text) - q > MAX_DIGITS:
        run = _DIGIT_RUN.match(text, q, q + 2 * MAX_DIGITS + 20).end()
        if run - q > MAX_DIGITS and sum(c.isdigit() for c in text[q : min(run, q + MAX_DIGITS + 20)]) > MAX_DIGITS:
            # an identifier: skip the whole digit run (bounded look-ahead, then one linear scan)
            return ("skip", _DIGIT_RUN.match(text, q).end())
    if q > 0 and text[q - 1] == "+" and (q < 2 or not text[q - 2].isalnum()) and _PHONE_AHEAD.match(text, q):
        m = _PHONE_DIGITS.match(text, q)  # phone number
        return ("skip", m.end())
    m = (
        _EURO.match(text, q)
        if nxt == "." and d_end - q <= 3 and text[d_end + 1 : d_end + 4].isdigit() and d_end + 4 <= len(text)
        else None
    )  # "1.674.200,5": three digits after the point
    if m:
        s = m.group()
        try:
            v = _num(s.replace(".", "").replace(",", "."))
        except ValueError:
            return ("skip", m.end())
        tok = _Tok("num", q, m.end(), v, "", "decimal" if "," in s else "integer")
    else:
        if d_end - q <= 4 and nxt and nxt in "-–/.:":
            c = _CODE.match(text, q)
            if c:
                return ("skip", c.end())
        if not nxt or nxt not in _NUM_TAIL or (nxt in _SPACE_GROUP and not text[d_end + 1 : d_end + 2].isdigit()):
            # a plain integer (a space that no digit group follows ends it, as in _NUM)
            tok = _Tok("num", q, d_end, float(int(text[q:d_end])), "", "integer", None, True)
        else:
            m = _NUM.match(text, q)
            g = m.lastgroup
            s = m.group()
            try:
                if g == "frac":
                    a, b = s.split("/")
                    if int(b) == 0:
                        return ("skip", m.end())
                    tok = _Tok("fracnum", q, m.end(), int(a) / int(b), subtype="fraction")
                    return tok
                if g == "dc":
                    v, sub = _num(s.replace(",", ".")), "decimal"
                elif g == "exp":
                    v, sub = _num(s), "power"
                else:
                    clean = s.replace(",", "").replace(" ", "").replace("\u202f", "").replace("\u00a0", "")
                    v = _num(clean)
                    sub = "decimal" if "." in clean else "integer"
            except (ValueError, OverflowError):
                return ("skip", m.end())
            if sub == "decimal" and v == int(v) and g == "dc":
                sub = "integer"
            tok = _Tok("num", q, m.end(), v, "", sub, None, g == "plain" and "." not in s)
    # power and suffix scales
    e = tok.end
    nxt = text[e : e + 1]
    if nxt in _POWER_FIRST or (nxt.isspace() and text[e + 1 : e + 2] in _POWER_FIRST):
        p = _POWER.match(text, e)
        if p:
            try:
                if p.group("e") is not None:
                    sign = -1 if p.group("signs").count("-") % 2 else 1
                    base = tok.value
                    v = abs(base) ** (sign * float(p.group("e")))
                    v = -v if base < 0 else v
                else:
                    v = tok.value * 10.0 ** int(p.group("s2") + p.group("e2"))
                if not math.isfinite(v):
                    return ("skip", p.end())
            except (OverflowError, ZeroDivisionError):
                return ("skip", p.end())
            tok.value, tok.end, tok.subtype, tok.plain = v, p.end(), "power", False
            return tok
    if nxt.isalpha():
        maybe = nxt in lex.suffix_first_glued
    elif nxt == " " or nxt == "\t":
        c2 = text[e + 1 : e + 2]
        if c2 == " " or c2 == "\t":
            c2 = text[e + 2 : e + 3]
        maybe = c2 in lex.suffix_first_spaced
    else:
        maybe = False
    if maybe:  # a scale suffix can start here: "10k", "2.3bn", "5 mln"
        sm = lex.suffix_re.match(text, e)
        if sm and (sm.group("m") is None or money):
            t = sm.group(sm.lastgroup)
            val, name, _ = lex.suffix[t]
            tok.value *= val
            tok.scale, tok.end, tok.plain = name, sm.end(), False
            tok.subtype = "integer" if tok.value == int(tok.value) else "decimal"
    return tok


_POWER_FIRST = frozenset("^x×*")
