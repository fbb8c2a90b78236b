"""The tokenizer and the word-numeral grammar: number words, ordinals, fractions and scale words read into a value."""

from __future__ import annotations

import math
import re

from .digits import _VULGAR, _read_digits, _Slots, _Tok
from .lex import _ALPHA, _HSPACE, _OF_ROUND_PLURAL, _SPACE, _SPACE_LOWER, _Lexicon
from .model import YEAR_RANGE

# --------------------------------------------------------------------------- tokens

_WORD_TOKEN = re.compile(r"[ \t\u00a0\u202f]*+(?:([A-Za-z]+)|)")
_OUT_OF = re.compile(r"\s+of(?![A-Za-z])")
_FRAC_AHEAD = re.compile(r"\d{1,9}/\d{1,9}(?![\d/])")


def _tokenize(
    text: str, p: int, lex: _Lexicon, money: bool, limit: int = 24, first: _Tok | None = None, word_end: int = 0
):
    """Tokens from ``p`` on; ``first`` is the digit token already read at ``p`` (by ``_digits_alone``); ``word_end``
    the end of the ASCII word at ``p`` when the scanner has read it (the first token then costs no regex call)."""
    toks: list[_Tok] = []
    n = len(text)
    if first is not None:
        toks.append(first)
        if first.subtype == "power":
            return toks
        p = first.end
    words = lex.token_words
    word_match = _WORD_TOKEN.match
    while len(toks) < limit:
        if word_end:
            q, e, word_end = p, word_end, 0
        else:
            m = word_match(text, p)
            q = m.start(1)
            e = m.end()
        # the word branch below is repeated for non-ASCII words on purpose: a shared helper costs ~7 % of throughput
        if q >= 0:  # an ASCII word: the common token, read with one regex call
            w = text[q:e].lower()
            info = words.get(w)
            if info is not None:
                cls, v, ocls, frac, plural = info
                toks.append(_Tok(cls, q, e, v, w, "integer", None, False, ocls, frac, plural))
                p = e
                continue
            if w == "out":
                of = _OUT_OF.match(text, e, e + 5)
                if of:
                    toks.append(_Tok("outof", q, of.end(), None, "out of"))
                    p = of.end()
                    continue
            toks.append(_Tok("other", q, e, None, w))
            break
        q = e
        if q >= n:
            break
        ch = text[q]
        if ch in "-–‐":
            toks.append(_Tok("hy", q, q + 1))
            p = q + 1
            continue
        if ch.isdigit() or (ch == "." and q + 1 < n and text[q + 1].isdigit() and not (q and text[q - 1].isdigit())):
            if toks and toks[-1].cls not in {"and", "hy", "a", "point", "num"} and toks[-1].cls not in ("scale",):
                if toks[-1].cls not in {"unit", "teen", "tens", "hundred", "zero", "over", "outof", "in"}:
                    break
            if toks and toks[-1].cls in {"unit", "teen", "tens", "zero"}:
                break
            if toks and toks[-1].cls == "num" and not _FRAC_AHEAD.match(text, q):
                break
            r = _read_digits(text, q, lex, money and not toks)
            if isinstance(r, tuple):
                if not toks:
                    return r
                break
            if ch == "." and r.cls == "num":
                r.subtype = "decimal"
            toks.append(r)
            p = r.end
            if r.subtype == "power":
                break
            continue
        if ch in _VULGAR:
            toks.append(_Tok("fracnum", q, q + 1, _VULGAR[ch], subtype="fraction"))
            p = q + 1
            continue
        if ch.isalpha():
            e = _ALPHA.match(text, q).end()
            w = text[q:e].lower()
            info = lex.token_words.get(w)
            if info is not None:
                cls, v, ocls, frac, plural = info
                toks.append(_Tok(cls, q, e, v, w, "integer", None, False, ocls, frac, plural))
                p = e
                continue
            if w == "out":
                of = _OUT_OF.match(text, e, e + 5)
                if of:
                    toks.append(_Tok("outof", q, of.end(), None, "out of"))
                    p = of.end()
                    continue
            toks.append(_Tok("other", q, e, None, w))
            break
        break
    return toks


_CARD = frozenset({"unit", "teen", "tens", "zero", "hundred", "scale", "dozen", "num", "a"})
_CARD_HY_AND = _CARD | {"hy", "and"}
_CARD_RUN = _CARD | {"hy", "and", "fracnum"}


def _ord_as_card(t: _Tok) -> _Tok:
    c = _Tok(t.ordinal if t.ordinal != "fraction" else "unit", t.start, t.end, t.value, t.word)
    return c


_UNIT_ZERO_TEEN = frozenset({"unit", "zero", "teen"})


def _run(toks, a, b):
    """Valid cardinal prefixes of toks[a:b]: list of (end, value, last_scale)."""
    total = 0
    cur = 0
    small = 0
    last = None
    before_and = None
    and_mark = None  # (index of 'and', len(out) before it)
    lastscale = math.inf
    group_scale = None
    hund = False
    out = []
    k = a
    while k < b:
        t = toks[k]
        c = t.cls
        v = t.value
        if c in _UNIT_ZERO_TEEN:
            if last in {"unit", "teen", "num", "zero", "a", "dozen"} or (c != "unit" and last == "tens"):
                break
            if last == "and" and before_and in {"unit", "teen", "num"}:
                break
            if c == "zero" and last is not None:
                break
            cur += v
            small += v
        elif c == "tens":
            if last in {"unit", "teen", "tens", "num", "zero", "a", "dozen"}:
                break
            if last == "and" and before_and in {"unit", "teen", "tens", "num"}:
                break
            cur += v
            small += v
        elif c == "num":
            if last not in (None, "and", "scale", "hundred"):
                break
            if last in ("and", "hundred") and v >= 100 and (last == "hundred" or before_and == "hundred"):
                break
            if last == "and" and (before_and in {"unit", "teen", "tens", "num"} or v == 0):
                break
            if last == "scale" and v >= lastscale:
                break
            if t.scale:
                if last is not None:
                    break
                total = v
                lastscale = 10 ** (len(str(int(abs(v)))) - 1) if v else 1
                group_scale = t.scale
                last = "scale"
                k += 1
                out.append((k, total, t.scale))
                continue
            cur += v
            small += v
        elif c == "hundred":
            if last in {"hundred", "and", "zero"} or hund:
                if and_mark is not None and last != "and":
                    del out[and_mark[1] :]
                break
            cur = 100 if last in (None, "a") else cur * 100
            hund = True
            small = 0
        elif c == "scale":
            if last in ("and", "zero"):
                break
            if last == "scale" and v > lastscale:
                total *= v
                lastscale = v
                group_scale = t.word
            elif v >= lastscale:
                if and_mark is not None:
                    del out[and_mark[1] :]
                break
            else:
                total += (cur if last not in (None, "a") else 1) * v
                cur = small = 0
                hund = False
                lastscale = v
                group_scale = t.word
        elif c == "dozen":
            if last in {"dozen", "and", "zero"}:
                break
            if last in (None, "a"):
                cur = 12
            elif small:
                cur = cur - small + small * 12
            else:
                cur *= 12
            small = 0
        elif c == "hy":
            if last == "tens" and k + 1 < b and toks[k + 1].cls == "unit" and toks[k + 1].start - t.end <= 2:
                k += 1
                continue
            break
        elif c == "and":
            if last in (None, "and", "a", "zero"):
                break
            before_and, last = last, "and"
            and_mark = (k, len(out))
            k += 1
            continue
        elif c == "a":
            if last is not None:
                break
            last = "a"
            k += 1
            continue
        else:
            break
        last = c
        k += 1
        out.append((k, total + cur, group_scale))
    return out


def _card(toks, a, b):
    """Value of toks[a:b] when it is exactly one cardinal, else None."""
    if a >= b:
        return None
    if b - a == 1 and toks[a].cls == "a":
        return 1
    for end, v, _ in reversed(_run(toks, a, b)):
        if end == b:
            return v
    return None


def _ordinal_phrase(toks, a, j):
    """Value of toks[a:j+1] read as one ordinal number (the last token is the ordinal word)."""
    if a > j or (toks[a].cls in {"hundred", "scale", "and", "hy", "dozen"} and a != j):
        return None
    if toks[a].cls in ("and", "hy"):
        return None
    sub = toks[a:j] + [_ord_as_card(toks[j])]
    return _card(sub, 0, len(sub))


def _fraction_at(toks, k):
    """A fraction starting at toks[k] ("a half", "three fifths", "one twenty-fifth"): (end, value) or None."""
    n = len(toks)
    j = k
    while j < n and toks[j].cls in _CARD_HY_AND:
        j += 1
    if j >= n or toks[j].cls != "ord":
        return None
    return _split_fraction(toks, k, j)


def _split_fraction(toks, k, j):
    """toks[k:j] numerator words and toks[j] an ordinal word: (end, value, kind) or None."""
    t = toks[j]
    for m in range(k + 1, j + 1):
        if toks[m - 1].cls == "hy":
            continue
        if toks[m].cls == "hy" if m < j else False:
            if (toks[m - 1].cls == "tens" and toks[m + 1].cls in ("unit",)) or (
                toks[m + 1].cls == "ord" and toks[m + 1].ordinal == "unit" and toks[m - 1].cls == "tens"
            ):
                continue
            den_start = m + 1
        else:
            den_start = m
        if den_start <= j and toks[den_start].cls == "and":
            continue
        num = _card(toks, k, m)
        if num is None:
            continue
        if t.ordinal == "fraction":
            if den_start != j:
                continue
            den = t.value
        else:
            den = _ordinal_phrase(toks, den_start, j)
            if den is None:
                continue
        if den < 3 and t.ordinal != "fraction":
            return None
        # "one hundred and three quarters": a proper fraction after "and" makes a mixed number
        ands = [i for i in range(k, m) if toks[i].cls == "and"]
        if not t.plural and num != 1 and not (ands and _card(toks, ands[-1] + 1, m) == 1):
            return None
        if ands:
            q = ands[-1]
            left, right = _card(toks, k, q), _card(toks, q + 1, m)
            if left is not None and right is not None and right < den:
                scale = _last_scale(toks, k, q)
                if scale and not (j + 1 < len(toks) and toks[j + 1].cls == "scale"):
                    return (j + 1, left + right / den * scale, "fraction")
                return (j + 1, left + right / den, "fraction")
        return (j + 1, num / den, "fraction")
    return None


class _Numeral(_Slots):
    __slots__ = ()  # start, end, value, subtype, scale, ordinal, plain, words, round

    def __init__(self, start, end, value, subtype="integer", scale=None, ordinal=False, plain=False, words=False):
        self.start = start
        self.end = end
        self.value = value
        self.subtype = subtype
        self.scale = scale
        self.ordinal = ordinal
        self.plain = plain
        self.words = words
        self.round = None  # (low, high) for "hundreds", "tens of thousands"


_TOKEN_WORDS = frozenset({"and", "a", "an", "point", "of", "over", "in", "out"})


def _digits_alone(text, q, lex, money):
    """Digits at ``q``: the _Numeral when nothing the word grammar reads follows, a skip, the first
    token (a _Tok) for the tokenizer to go on from, or None when no digit starts at ``q``."""
    ch = text[q : q + 1]
    if ch in _HSPACE:
        q = _SPACE.match(text, q).end()
        ch = text[q : q + 1]
    if not (ch.isdigit() or (ch == "." and text[q + 1 : q + 2].isdigit() and not (q and text[q - 1].isdigit()))):
        return None
    r = _read_digits(text, q, lex, money)
    if isinstance(r, tuple):
        return r
    if r.cls != "num":
        return r
    if ch == ".":
        r.subtype = "decimal"
    if r.subtype != "power":
        p = r.end
        c = text[p : p + 1]
        if c in _HSPACE:
            p += 1
            c = text[p : p + 1]
            if c in _HSPACE and c:
                p = _SPACE.match(text, p).end()
                c = text[p : p + 1]
        if c:
            if c.isalpha():
                we = _ALPHA.match(text, p).end()
                w = text[p:we].lower()
                if w in lex.words or w in lex.ordinals:
                    return r
                if w in _TOKEN_WORDS:
                    # a connector ("and", "of", "a", "point", "in", "over") extends the numeral only when the
                    # word grammar reads a token after it: a word it knows, or anything but an ASCII word
                    m = _WORD_TOKEN.match(text, we)
                    w2 = m.group(1)
                    if w == "out" or w2 is None:
                        return r
                    w2 = w2.lower()
                    if w2 in lex.token_words or w2 == "out" or w2 in lex.round_plurals:
                        return r
            elif c.isdigit() or c in "-–‐" or c in _VULGAR:
                return r
            elif c == "." and text[p + 1 : p + 2].isdigit() and not text[p - 1].isdigit():
                return r  # ".5" after a space: the tokenizer reads it as a decimal
    r.__class__ = _Numeral  # the token as the numeral: start, end, value, subtype, scale and plain carry over
    r.ordinal = r.words = False
    r.round = None
    return r


_SMALL_WORDS = frozenset({"unit", "teen", "tens", "zero"})


def _read_numeral(text, q, lex, money=False):
    """The numeral that starts at ``q``: a _Numeral, ('skip', end) or None."""
    c = text[q : q + 1]
    if c.isdigit() or c == "." or c in _HSPACE:
        fast = _digits_alone(text, q, lex, money)
        if fast is not None and fast.__class__ is not _Tok:
            return fast
    else:
        fast = None  # _digits_alone's answer: no digit starts here
    return _read_words(text, q, lex, money, fast)


def _read_words(text, q, lex, money, fast, word_end=0):
    """_read_numeral after its digit test: ``fast`` is what _digits_alone returned (None or the first _Tok);
    ``word_end`` the end of the ASCII word at ``q`` when the scanner has read it."""
    toks = _tokenize(text, q, lex, money, first=fast, word_end=word_end)
    if isinstance(toks, tuple):
        return toks
    if not toks:
        return None
    t0 = toks[0]
    n = len(toks)
    if t0.cls == "num" and (n == 1 or (n == 2 and toks[1].cls == "other")):
        # the common case, digits alone ("100,000 troops"): no word grammar to run
        t0.__class__ = _Numeral
        t0.ordinal = t0.words = False
        t0.round = None
        return t0
    if t0.cls in _SMALL_WORDS and (n == 1 or (n == 2 and toks[1].cls == "other")) and t0.word not in lex.round_plurals:
        # one number word alone ("five troops", "twenty"): what the grammar below reads, without running it
        t0.__class__ = _Numeral  # a word token: subtype "integer", no scale, not plain
        t0.ordinal = False
        t0.words = True
        t0.round = None
        return t0
    # "hundreds", "tens of thousands", "dozens"
    if t0.word in lex.round_plurals and not (t0.cls == "dozen" and t0.word == "dozen"):
        return _round_plural(text, toks, lex)
    if t0.cls == "other":
        return None
    # where does the number-word run stop, and is there an ordinal/fraction word in it?
    j = 0
    while j < n and toks[j].cls in _CARD_RUN:
        j += 1
    if toks[0].cls == "fracnum":
        return _finish(toks, 0, 1, toks[0].value, "fraction", lex, text)
    if j < n and toks[j].cls == "ord":
        fr = _split_fraction(toks, 0, j)
        if fr:
            end, v, sub = fr
            return _finish(toks, 0, end, v, sub, lex, text)
        # a plain ordinal ("fifteenth", "twenty-first", "21st" is handled with digits)
        if not toks[j].plural and toks[j].ordinal != "fraction":
            ov = _ordinal_phrase(toks, 0, j)
            if ov is not None:
                return _Numeral(toks[0].start, toks[j].end, ov, "integer", ordinal=True, words=True)
    if t0.cls == "ord" and t0.ordinal == "fraction" and not t0.plural:
        k = 1 + (n > 1 and toks[1].cls == "of")
        k += k < n and toks[k].cls == "a"
        if t0.word == "half" or (k < n and toks[k].cls in ("scale", "dozen")):
            return _finish(toks, 0, 1, 1 / t0.value, "fraction", lex, text)
    if t0.cls == "ord" and t0.ordinal == "fraction":
        return None
    runs = _run(toks, 0, n)
    if not runs:
        return None
    end, v, _scale = runs[-1]
    # fraction-only word after a cardinal: "three quarters", "a half"
    if end < n and toks[end].cls == "ord" and toks[end].ordinal == "fraction":
        fr = _split_fraction(toks, 0, end)
        if fr:
            return _finish(toks, 0, fr[0], fr[1], "fraction", lex, text)
    if toks[end - 1].cls == "a":
        return None
    sub = "integer"
    has_words = False
    non_integer = False
    scale_name = None  # _scale_word(toks, 0, end, lex), read in the same pass
    for k in range(end):
        t = toks[k]
        c = t.cls
        if c != "num":
            has_words = True
            if c == "scale":
                scale_name = lex.scale_name.get(t.word, t.word)
        else:
            if t.subtype != "integer":
                non_integer = True
            if t.scale:
                scale_name = t.scale
    if non_integer:
        sub = toks[0].subtype if end == 1 else ("decimal" if v != int(v) else "integer")
    # digits followed by a digit fraction: "2 1/4"
    if (
        end == 1
        and end < n
        and toks[end].cls == "fracnum"
        and toks[0].subtype == "integer"
        and toks[end].value < 1
        and not toks[0].scale
    ):
        return _finish(toks, 0, end + 1, v + toks[end].value, "fraction", lex, text)
    # decimal point in words: "two hundred point zero three"
    if end < n and toks[end].cls == "point":
        digits = ""
        k = end + 1
        while k < n and toks[k].cls in {"unit", "zero", "teen", "tens", "hy"}:
            if toks[k].cls == "hy":
                k += 1
                continue
            if (
                toks[k].cls == "tens"
                and k + 1 < n
                and toks[k + 1].cls == "hy"
                and k + 2 < n
                and toks[k + 2].cls == "unit"
            ):
                digits += str(toks[k].value + toks[k + 2].value)
                k += 3
                continue
            digits += str(toks[k].value)
            k += 1
        if digits:
            return _finish(toks, 0, k, v + float("0." + digits) * (1 if v >= 0 else -1), "decimal", lex, text)
    # mixed number: "one and a half", "three and one fourth", "3 million and a half"
    if end < n and toks[end].cls == "and":
        fr = _fraction_at(toks, end + 1)
        if fr is None and end + 1 < n:
            fr = _half_at(toks, end + 1)
        if fr and fr[1] < 1:
            fend, fv = fr[0], fr[1]
            mult = 1
            last_scale = _last_scale(toks, 0, end)
            if last_scale and not (fend < n and toks[fend].cls == "scale"):
                mult = last_scale
            return _finish(toks, 0, fend, v + fv * mult, "fraction", lex, text, base=v if mult == 1 else None)
    num = _Numeral(toks[0].start, toks[end - 1].end, v, sub, scale_name, False, end == 1 and toks[0].plain, has_words)
    if toks[0].cls == "num" and toks[0].subtype == "power":
        num.subtype = "power"
    # "1 over 3", "one out of three", "1 in twenty-one"
    if end < n and toks[end].cls in {"over", "outof", "in"} and end + 1 < n:
        den = _read_numeral(text, toks[end + 1].start, lex)
        if isinstance(den, _Numeral) and not den.ordinal and den.value and not den.round:
            word = toks[end].cls
            ok = True
            after = text[den.end : den.end + 24]
            if word == "over" and (lex.unit_re.match(text, den.end) or _SPACE_LOWER.match(after)):
                ok = False
            if word in ("outof", "in") and not (v < den.value):
                ok = False
            if word == "in" and den.plain and YEAR_RANGE[0] <= den.value <= YEAR_RANGE[1]:
                ok = False
            if ok:
                return _Numeral(num.start, den.end, v / den.value, "fraction", words=True)
    return num


def _half_at(toks, k):
    """'a half', 'one half', 'a quarter' after 'and'."""
    if (k + 1 < len(toks) and toks[k].cls in ("a",)) or (
        k < len(toks) and toks[k].cls == "unit" and toks[k].value == 1
    ):
        if k + 1 < len(toks) and toks[k + 1].cls == "ord" and toks[k + 1].ordinal == "fraction":
            return (k + 2, 1 / toks[k + 1].value)
    return None


def _last_scale(toks, a, b):
    for t in reversed(toks[a:b]):
        if t.cls == "scale":
            return t.value
        if t.cls == "num" and t.scale:
            return 1
        if t.cls not in ("and",):
            return None
    return None


def _scale_word(toks, a, b, lex):
    name = None
    for t in toks[a:b]:
        if t.cls == "scale":
            name = lex.scale_name.get(t.word, t.word)
        elif t.cls == "num" and t.scale:
            name = t.scale
    return name


def _finish(toks, a, end, v, sub, lex, text, base=None):
    """After a fraction or mixed number: "of a million", "a dozen", a trailing scale word."""
    n = len(toks)
    scale = _scale_word(toks, a, end, lex)
    k = end
    if k < n and toks[k].cls == "of":
        k += 1
    if k < n and toks[k].cls == "a":
        k += 1
    if k < n and toks[k].cls in ("scale", "dozen"):
        t = toks[k]
        mult = t.value if t.cls == "scale" else 12
        if scale and t.cls == "scale":
            # "one billion and a half million": the fraction is of the trailing scale
            left = _card(toks, a, _and_index(toks, a, end))
            if left is not None:
                v = left + (v - left) * mult
            else:
                v = v * mult
        else:
            v = v * mult
        end = k + 1
        scale = lex.scale_name.get(t.word, scale)
        if k > end - 1 and toks[end - 2].cls in ("of", "a") and toks[end - 2].start < toks[end - 1].start:
            pass
    num = _Numeral(
        toks[a].start,
        toks[end - 1].end,
        v,
        sub if v != int(v) or sub == "fraction" else "integer",
        scale=scale,
        words=True,
    )
    return num


def _and_index(toks, a, end):
    for i in range(end - 1, a - 1, -1):
        if toks[i].cls == "and":
            return i
    return end


def _round_plural(text, toks, lex):
    """'hundreds', 'tens of thousands', 'hundreds of millions': [2X, 10X), approximate."""
    x = lex.round_plurals[toks[0].word]
    end = toks[0].end
    m = _OF_ROUND_PLURAL.match(text, end)
    if m:
        x *= lex.round_plurals[m.group(1).lower()]
        end = m.end()
    elif toks[0].word == "tens":
        return None
    num = _Numeral(toks[0].start, end, None, "integer", words=True)
    num.round = (2 * x, 10 * x)
    return num
