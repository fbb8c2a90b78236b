"""The public ``parse_quantities`` and the ``quantities`` extractor that turns its results into findings."""

from __future__ import annotations

import re

from claimkit.extract import Document, Finding, extractor

from .digits import _Tok
from .lex import _AN, _DIGIT_RUN, _RANKS, _SIGN_ASCII, _URL, _WORD_CHARS, _lex
from .mention import _mention
from .model import Quantity
from .ranges import _merge_bounds, _money_pairs, _unit_ranges
from .refine import _A_OR_OF, _NAME_LIKE, _NEXT_WORD, _PRIMES, _percent_mention, _prev, _refine
from .words import _digits_alone, _read_numeral, _read_words


def parse_quantities(text: str) -> list[Quantity]:
    """Every number-like mention in ``text``, in text order, with its resolution."""
    lex = _lex()
    out: list[Quantity] = []
    n = len(text)
    skips = (
        [(m.start(), m.end()) for m in _URL.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []
    )
    si = 0
    pos = 0
    rev = arev = (
        None  # text[::-1] (for ASCII text: its lower-case copy reversed) and arev, that copy or None: made at the first anchor
    )
    # Number words are searched on a copy of the text behind one space (a word starts after a non-letter, also at
    # the start). ASCII text: one search for the next anchor of either kind (lex.anchor_low). Other text: the next
    # anchor is the first of two searches, each kept until the scan passes it.
    asc = text.isascii()
    primes = "'" in text or (not asc and ("\u2032" in text or "\u2019" in text))  # 5'10": a height may follow a figure
    if asc:
        scan = " " + text.lower()  # ASCII: the faster lower-case patterns (lower() keeps the length)
    else:
        scan = " " + text
        sign_search, word_search = lex.anchor_sign.search, lex.anchor_word.search
    sign_at = word_at = -1
    word_end, word_text = 0, ""
    comb_search = lex.anchor_low.search
    while pos < n:
        if asc:
            # ASCII: one search on the lower-case copy finds the next anchor of either kind (the stop before a number
            # word, or a sign character, which is a stop itself); the figure the scan has passed is skipped
            m = comb_search(scan, pos)
            if m is None:
                break
            i = m.start()
            if m.end() - i == 1 and i == pos:  # a sign at pos - 1, behind the scan (no number word follows it)
                m = comb_search(scan, pos + 1)
                if m is None:
                    break
                i = m.start()
            word_at = -1
            if m.end() - i == 1 or (i > pos and scan[i] in _SIGN_ASCII):
                a, m_end, m_text = i - 1, i, text[i - 1]  # a sign; a number word after it comes next
            else:
                word_at, word_end = i, m.end() - 1
                # "a"/"an" and white space before the number word start the anchor ("a hundred"), as the
                # article group of low_word would: the article follows a non-letter at or after pos
                k = word_at
                if scan[k].isspace():
                    while k > 1 and scan[k - 1].isspace():
                        k -= 1
                    c = scan[k - 1]
                    if c == "a":
                        if k - 2 >= pos and scan[k - 2] not in _WORD_CHARS:
                            word_at = k - 2
                    elif c == "n" and scan[k - 2] == "a" and k - 3 >= pos and scan[k - 3] not in _WORD_CHARS:
                        if text[k - 2] == "N":
                            # "AN", "aN" are not the article of the case-exact pattern: it decides
                            wm = lex.anchor_word.search(" " + text, pos)
                            word_at, word_end = (wm.start(), wm.end() - 1) if wm else (n, 0)
                        else:
                            word_at = k - 3
                if word_at >= n:
                    pos = i + 1
                    continue
                a, m_end, m_text = word_at, word_end, text[word_at:word_end]
        else:
            if sign_at < pos:
                sm = sign_search(text, pos)
                sign_at = sm.start() if sm else n
            if word_at < pos:
                wm = word_search(scan, pos)
                if wm is None:
                    word_at = n
                else:
                    word_at, word_end = wm.start(), wm.end() - 1
                    word_text = text[word_at:word_end]
            if sign_at < word_at:
                a, m_end, m_text = sign_at, sign_at + 1, text[sign_at]
            elif word_at < n:
                a, m_end, m_text = word_at, word_end, word_text
            else:
                break
        if skips:
            while si < len(skips) and skips[si][1] <= a:
                si += 1
            if si < len(skips) and skips[si][0] <= a:
                pos = skips[si][1]
                continue
        ch = text[a]
        digit = ch.isdigit()
        if digit:  # an anchor is a digit, a sign or fraction character, or a word
            if a > 0:
                pc = text[a - 1]
                if pc == "." and (a < 2 or not text[a - 2].isdigit()):
                    a -= 1  # ".5": the numeral starts at the point
                elif pc.isdigit():  # inside a digit run the scan has passed (an identifier, a skipped code)
                    pos = _DIGIT_RUN.match(text, a).end()
                    continue
        else:
            if ch.isalpha() and m_text[:1] in "aA" and " " in m_text:
                pa = a + len(_AN.match(m_text).group())
                if lex.bare_percent_re.match(text, pa):
                    a = pa
            if ch == "%" or ch in "<>≤≥" or (ch.isalpha() and text[a] in "pP" and lex.bare_percent_re.match(text, a)):
                if ch in "<>≤≥":
                    pos = a + 1
                    continue
                q = _percent_mention(text, a, lex)
                if q:
                    out.append(q)
                    pos = q.end
                else:
                    pos = m_end
                continue
        if rev is None:
            # ASCII text: the look-backs run on the lower-case copy reversed (rev is that copy too)
            if asc:
                rev = arev = scan[:0:-1]
            else:
                rev = text[::-1]
        pa = _prev(text, a, arev)
        money_prefix = (
            lex.prefix_re.search(text, max(0, a - 5), a)
            if pa and (pa in lex.prefix_sym_last or pa in lex.prefix_words)
            else None
        )
        if digit:  # _read_numeral, its digit test passed
            num = _digits_alone(text, a, lex, money_prefix is not None)
            if num is None or num.__class__ is _Tok:
                num = _read_words(text, a, lex, money_prefix is not None, num)
        elif a == word_at and m_text.isascii() and m_text.isalpha():
            # a number word the scanner found: a whole ASCII word from a to m_end (no digit starts here)
            num = _read_words(text, a, lex, money_prefix is not None, None, m_end)
        else:
            num = _read_numeral(text, a, lex, money_prefix is not None)
        if num is None and a == word_at and text[a] in "aA":
            # "a five-mile run": the article does not start a numeral here; the number word alone may
            am = _AN.match(text, a)
            if am and am.end() < m_end:
                a = am.end()
                pa = _prev(text, a, arev)
                num = _read_numeral(text, a, lex, False)
        if num is None:
            pos = m_end
            continue
        if isinstance(num, tuple):
            pos = max(num[1], a + 1)
            continue
        q = _mention(text, rev, arev, num, lex, money_prefix, pa if num.start == a else None)
        if q is None:
            pos = max(num.end, a + 1)
            continue
        k = q.kind
        if (k != "number" and k != "percent" and k != "ordinal") or (
            k == "number"
            and (
                (q.value.__class__ is float and 0 < q.value < 1 and text[q.end + 1 : q.end + 2] in _A_OR_OF)
                or (primes and text[q.end : q.end + 1] in _PRIMES)
            )
        ):
            q = _refine(text, q, lex)
            if q is None:
                pos = max(num.end, a + 1)
                continue
        out.append(q)
        pos = max(q.end, a + 1)
    if len(out) > 1:
        out = _merge_bounds(text, out, lex)
        if len(out) > 1:
            for q in out:
                k = q.kind
                if (k == "money" or k == "dimension" or k == "duration") and q.value is not None:
                    out = _unit_ranges(text, out, lex)
                    break
        if len(out) > 1:
            for i in range(1, len(out)):
                if out[i].kind == "money" and out[i - 1].kind == "money":
                    out = _money_pairs(text, out, lex)
                    break
    return out


# --------------------------------------------------------------------------- extractor

_FINDING_KIND = {
    "number": "quantity",
    "count": "quantity",
    "dimension": "quantity",
    "ordinal": "quantity",
    "money": "money",
    "percent": "percent",
    "duration": "duration",
}
_SUBJECT_STOP = re.compile(
    r"[,;:.!?()\"]|\b(?:while|which|who|that|and|but|as|when|if|because|after|before|"
    r"is|are|was|were|has|have|had|will|would|said|says)\b",
    re.I,
)
_PERIOD_DET = re.compile(
    r"(?<![A-Za-z])(?:the|a|an|this|that|these|those|its|their|his|her|our)\s+(?:[a-z]+\s+){0,2}$", re.I
)
_BODY = re.compile(r"((?:the\s+)?[A-Z][\w-]*(?:\s+(?:[A-Z][\w-]*|for|of|and|in|on|the))*\s+[A-Z][\w-]*)\s+with\s+$")
_OF = re.compile(r"\s+of\s+((?:the\s+)?[A-Za-z][\w'-]*(?:\s+[A-Za-z][\w'-]*){0,5})")


_SUBJECT_WINDOW = 400  # characters read after a figure for its subject (a sentence may be megabytes long)


def _subject(text: str, q: Quantity, sent_end: int) -> str | None:
    """What the figure is about, as written: the counted noun and its modifiers, or an "of" phrase."""
    tail_start = q.end
    if q.kind == "count":
        noun_start = q.measure_span[1] if q.measure_span else q.end
        phrase = text[noun_start : min(sent_end, noun_start + _SUBJECT_WINDOW)]
        stop = _SUBJECT_STOP.search(phrase, len(text[noun_start : q.end]))
        phrase = phrase[: stop.start() if stop else min(len(phrase), 80)]
        words = phrase.split()
        return " ".join(words[:10]) or None
    m = _OF.match(text, tail_start, sent_end)
    if m:
        phrase = m.group(1)
        stop = _SUBJECT_STOP.search(phrase)
        phrase = phrase[: stop.start()] if stop else phrase
        return phrase.strip() or None
    if q.kind == "duration":
        # "the last 30 years": the period as written
        d = _PERIOD_DET.search(text, max(0, q.start - 40), q.start)
        if d:
            return text[d.start() : q.end]
    return None


def _body(text: str, q: Quantity) -> str | None:
    """The named body a count belongs to: "the Organization for ... in Europe with 57 countries"."""
    lo = max(0, q.start - 120)
    # the pattern ends with white space, "with", white space: test that first (the search tries every start)
    t = text[lo : q.start].rstrip()
    if len(t) == q.start - lo or not t.endswith("with") or not t[-5:-4].isspace():
        return None
    m = _BODY.search(text, lo, q.start)
    return m.group(1) if m else None


_AGE = re.compile(r"[A-Z][\w.'’-]*,[ \u00a0]$")  # "Mary Jones, 45, said": an age in a name
_SMALL_WORD_COUNT = 10  # a count written in words up to this ("two streets", "four nods") says little


def _is_claim(q: Quantity, text: str) -> bool:
    if q.value is None and q.low is None and q.high is None:
        return False
    if q.kind == "ordinal":
        return bool(_RANKS.match(text[q.end : q.end + 20]))
    if q.kind == "number":
        written = q.text.strip().lower()
        if q.numerals and _NAME_LIKE.fullmatch(text[q.numerals[0][0] : q.numerals[0][1]]):
            return False  # "5G", "9/11"
        if q.subtype == "fraction" and q.value is not None and q.value > 1 and "/" in written and " " not in written:
            return False  # "24/7": not a fraction in news
        if q.scale_word or q.qualifier != "exact":
            return True
        nw = _NEXT_WORD.match(text, q.end)
        if nw and nw.group(1).lower() in _lex().verbs:
            return False  # "Apollo 13 proves ...": the figure is a name before its verb, not a claim
        if (
            q.value is not None
            and 0 < q.value < 130
            and q.value == int(q.value)
            and text[q.end : q.end + 1] == ","
            and _AGE.search(text, max(0, q.start - 40), q.start)
        ):
            return False  # an age after a name, between commas
        return q.value is not None and abs(q.value) >= 10 and not written.isalpha()
    if q.kind == "duration" and q.qualifier == "exact" and len(q.numerals) == 1:
        ns, ne, _ = q.numerals[0]
        if (
            text[ns:ne].isalpha()
            and text[ne : ne + 1] == "-"
            and q.end == q.measure_span[1]
            and q.value is not None
            and q.value <= _SMALL_WORD_COUNT
        ):
            return False  # "a two-year fixed mortgage": a word-number modifier, not a claim
    return True


def _minor(q: Quantity, text: str, lex) -> str | None:
    """Why a count says little (the extractor lowers its weight): a small count written in words, or a vague noun."""
    if q.kind != "count":
        return None
    if q.unit in lex.context.get("vague", ()) or (q.unit or "") + "s" in lex.context.get("vague", ()):
        return "a vague counted noun"
    if (
        q.qualifier == "exact"
        and q.value is not None
        and q.value <= _SMALL_WORD_COUNT
        and q.numerals
        and text[q.numerals[0][0] : q.numerals[0][1]].isalpha()
    ):
        return "a small count written in words"
    return None


@extractor("quantities")
def quantities(doc: Document):
    """Each figure that is a checkable claim becomes a quantity, money, percent or duration finding."""
    from claimkit.checkworthiness import prior
    from claimkit.extract.subjects import subject as _subject_of

    lex = _lex()
    for q in parse_quantities(doc.text):
        if not _is_claim(q, doc.text):
            continue
        sent_start, sent_end = doc.sentence_at(q.start)
        extra = {"kind": q.kind, "approximate": q.approximate}
        if q.scale_word:
            extra["scale_word"] = q.scale_word
        body = _body(doc.text, q) if q.kind == "count" else None
        if body:
            extra["body"] = body
        if not q.low_inclusive and q.low is not None:
            extra["low_inclusive"] = False
        if not q.high_inclusive and q.high is not None:
            extra["high_inclusive"] = False
        subj = _subject_of(
            doc.text, q.kind, q.start, q.end, q.measure_span[1] if q.measure_span else None, sent_start, sent_end
        ) or _subject(doc.text, q, sent_end)
        weight = prior(f"figure:{q.kind}")  # lexicon/checkworthiness_kinds.tsv, by what the figure measures
        minor = _minor(q, doc.text, lex)
        if minor:
            extra["minor"] = minor
            weight = prior("figure:minor")
        yield Finding(
            kind=_FINDING_KIND[q.kind],
            start=q.start,
            end=q.end,
            value=q.value,
            low=q.low,
            high=q.high,
            qualifier=q.qualifier,
            unit=q.unit,
            subject=subj,
            weight=weight,
            extra=extra,
        )
