"""Arithmetic inside the story: a change and its size, a share and its parts, a total and its parts.

``check_arithmetic(text, claims, published)`` returns ``{claim_id: result}`` for the figures it can
recompute from other figures of the same sentence:

- a change between two figures with its stated size: "rose from 4.6 billion to 10.2 billion, up 122 %",
  "fell 3 points from 48 % to 45 %", "rose 5 % to $10.5 billion from $10 billion", "a 52 % rise in
  profits to £198m from £130m", "was 10.0bn euros, up 8.1 % from 9.25bn", "rose 12 % to $1.2 billion,
  compared with $1.07 billion", "doubled to 40,000 from 20,000" (the size is checked; percent against
  percent is read both as points and as a relative change, and only a size that fits neither is
  contradicted);
- points with a percentage and the level reached: "fell 266.17 points, or 0.8 %, to 33,000.57";
- a share with its parts: "300 of the 1,200 staff, or 25 %", "25 % of its 1,200 staff, or 300",
  "one in four adults, or 25 percent";
- a total with its listed parts: "1,200 people: 700 soldiers and 400 civilians", "three countries —
  France, Germany and Italy";
- shares of one whole ("52 % of the vote ... 45 % ... 5 %") that exceed 100 %, or, with "the rest", miss it.

Every figure is the interval its writing stands for (claimkit.inside._common.figure_interval), so a
story is never faulted for rounding. Words are in ``lexicon/inside_words.tsv``.
"""

from __future__ import annotations

import re

from claimkit.inside._common import (
    NUMERIC_KINDS,
    Figure,
    Result,
    Story,
    Token,
    add,
    finish,
    fmt,
    fmt_as,
    judge,
    phrases,
    role,
    roles,
    spanning,
)

CHECK = "inside.arithmetic"
CLAUSE_BREAKS = (";",)
MAX_GAP = 6  # words allowed between the parts of a change ("from 4.6 billion in 2020 to ...")
MULTIPLIER_BAND = 0.10  # "doubled" is read as a factor of 2 +/- 10 %
FRACTION_BAND = 0.10  # "a third" as a share: +/- 10 % of itself
MAX_LIST = 60  # tokens a listed total's parts may take


def check_arithmetic(text: str, claims: list[dict], published=None, story: Story | None = None) -> dict[str, dict]:
    story = story or Story(text, claims, published)
    results: dict[str, Result] = {}
    for s, e in story.sentences:
        toks = story.tokens(s, e)
        if not any(t.figure for t in toks):
            continue
        for clause in _clauses(toks):
            _changes(story, clause, results)
            _points_and_percent(story, clause, results)
            _shares(story, clause, results)
            _totals(story, clause, results)
        _vote_shares(story, s, e, toks, results)
    return finish(results)


# ---------------------------------------------------------------- helpers


def _clauses(toks: list[Token]) -> list[list[Token]]:
    out, cur = [], []
    for t in toks:
        if t.figure is None and t.text in CLAUSE_BREAKS:
            out.append(cur)
            cur = []
        else:
            cur.append(t)
    out.append(cur)
    return [c for c in out if c]


def _is(t: Token | None, name: str) -> bool:
    return t is not None and t.figure is None and role(t.text) == name


def _prev_word(toks: list[Token], i: int, skip=("hedge",)) -> tuple[int, Token | None]:
    """The token before ``toks[i]``, skipping hedge words ("from about 4.6")."""
    j = i - 1
    while j >= 0 and toks[j].figure is None and role(toks[j].text) in skip:
        j -= 1
    return j, (toks[j] if j >= 0 else None)


def _cid(story: Story, f: Figure) -> str | None:
    return story.claim_id_at(f.start, f.end, NUMERIC_KINDS)


MAX_RATIO = 100  # figures further apart than this are read wrongly ("from three mln" read as 3), not a change


def _compatible(a: Figure, b: Figure) -> bool:
    if a.value and b.value and not 1 / MAX_RATIO <= abs(b.value / a.value) <= MAX_RATIO:
        return False
    if a.family == b.family:
        return True
    fams = {a.family, b.family}
    return "number" in fams and not fams & {"percent", "points"}


def _ratio(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float] | None:
    """b / a over intervals (a strictly positive)."""
    if a[0] <= 0:
        return None
    vals = [b[0] / a[0], b[0] / a[1], b[1] / a[0], b[1] / a[1]]
    return min(vals), max(vals)


def _iv(f: Figure) -> tuple[float, float]:
    return f.low, f.high


def _signed(x: float) -> str:
    return ("+" if x > 0 else "") + fmt(x)


def _signed_as(x: float, like: Figure) -> str:
    return ("+" if x > 0 else "") + fmt_as(x, like)


# ---------------------------------------------------------------- changes


def _amount(t: Token | None) -> bool:
    """A figure that can be a term of a change (not "the fourth quarter", "the three months", "its 2003 results")."""
    return (
        t is not None
        and t.figure is not None
        and t.figure.kind not in ("ordinal", "duration")
        and not _yearish(t.figure)
    )


def _yearish(f: Figure) -> bool:
    """Four digits in the year range with no separator, counted or bare: a year ("from its 2003 performance")."""
    return f.kind in ("count", "number") and re.fullmatch(r"(1[89]|20)\d\d", f.text.strip()) is not None


def _changes(story: Story, toks: list[Token], results: dict) -> None:
    if any(t.figure is None and role(t.text) == "basis" for t in toks):
        return  # "rose 5% in real terms", "underlying growth of 7.6%": another basis than the figures given
    inverse = any(t.figure is None and role(t.text) == "inverse" for t in toks)
    for ia, ta in enumerate(toks):
        if not _amount(ta):
            continue
        jf, before = _prev_word(toks, ia, skip=("hedge", "determiner"))
        if before is not None and before.low in ("with", "to") and jf >= 1 and _is(toks[jf - 1], "compared"):
            jf -= 1  # "compared with A" is "from A"
        elif not (_is(before, "from") or _is(before, "compared")):
            continue
        if any(t.figure is None and role(t.text) == "expectation" for t in toks[ia + 1 : ia + 5]):
            continue  # "compared with $10.4bn expected by analysts": a forecast, not where the change started
        a = ta.figure
        stated = _stated_then_from(toks, jf)
        if stated is not None:  # "revenue was 10bn euros, up 8.1% from 9.25bn"
            b, size, direction = stated
            if _compatible(a, b.figure):
                _check_size(story, a, b.figure, size.figure, direction, results, inverse)
            continue
        b, ib = _to_figure(toks, ia, jf)
        if b is None or not _compatible(a, b.figure):
            continue
        verb, iv = _change_word(toks, min(ib, jf))
        size, _isz, direction = _size(toks, verb, iv, min(ib, jf), max(ia, ib))
        if verb is None and size is None:
            continue
        if direction is None and verb is not None:
            direction = role(verb.text)
        hedged = verb is not None and iv > 0 and toks[iv - 1].figure is None and role(toks[iv - 1].text) == "hedge"
        if size is not None:
            _check_size(story, a, b.figure, size.figure, direction, results, inverse)
        elif verb is not None and role(verb.text) == "multiplier" and not hedged:
            _check_factor(story, a, b.figure, float(roles()[verb.text.lower()][1]), verb.text, results)


def _points_and_percent(story: Story, toks: list[Token], results: dict) -> None:
    """ "The index fell 266.17 points, or 0.8%, to 33,000.5": the percentage follows from the points and the level."""
    for iv, verb in enumerate(toks):
        if verb.figure is not None or role(verb.text) not in ("up", "down"):
            continue
        j = iv + 1
        if j < len(toks) and _is(toks[j], "by"):
            j += 1
        if j + 4 >= len(toks) or not _amount(toks[j]) or toks[j].figure.family == "percent":
            continue
        s1 = toks[j].figure
        if (
            toks[j + 1].text != ","
            or not _is(toks[j + 2], "apposition")
            or not _amount(toks[j + 3])
            or toks[j + 3].figure.family != "percent"
        ):
            continue
        s2 = toks[j + 3].figure
        k = j + 4
        b = None
        for m in range(k, min(len(toks), k + 5)):
            if toks[m].figure is not None:
                _, before = _prev_word(toks, m, skip=("hedge", "determiner"))
                if _amount(toks[m]) and (_is(before, "to") or _is(before, "at")):
                    b = toks[m].figure
                break
        if b is None or (not _compatible(s1, b) and not (s1.family == "points" and b.family == "number")):
            continue
        up = role(verb.text) == "up"
        base = (b.low - s1.high, b.high - s1.low) if up else (b.low + s1.low, b.high + s1.high)
        if base[0] <= 0:
            continue
        computed = (100 * s1.low / base[1], 100 * s1.high / base[0])
        verdict = judge(_double_rounded(_iv(s2)), computed)
        start = b.value - s1.value if up else b.value + s1.value
        computation = (
            f"{'up' if up else 'down'} {s1.text} to {b.text} is {fmt(100 * s1.value / start)} % "
            f"of {fmt_as(start, b)}, the story says {s2.said}"
        )
        _record(results, story, s2, verdict, computation, (s1, b), spanning(s1, s2, b))


def _stated_then_from(toks: list[Token], jfrom: int) -> tuple[Token, Token, str] | None:
    """ "B, up S from A": the figure before the comma, the direction word and the size before "from"."""
    k = jfrom - 1
    if k < 0 or not _amount(toks[k]) or toks[k].figure.family not in ("percent", "points"):
        return None
    size = toks[k]
    k -= 1
    if k >= 0 and _is(toks[k], "by"):
        k -= 1
    if k < 2 or toks[k].figure is not None or role(toks[k].text) not in ("up", "down"):
        return None
    direction = role(toks[k].text)
    if toks[k - 1].text != "," or not _amount(toks[k - 2]):
        return None
    return toks[k - 2], size, direction


_CLAUSE_WORDS = ("while", "but", "whereas", "and", "compared", "against", "although")
BACK_REACH = 14  # tokens between "to B" and "from A" ("to $1.13bn (£600m) for the three months to December, from")


def _to_figure(toks: list[Token], ia: int, jfrom: int) -> tuple[Token | None, int]:
    """The figure a change goes to: "from A [in 2020] to B", or "to B [...] from A"."""
    for j in range(ia + 1, min(len(toks), ia + MAX_GAP + 2)):
        t = toks[j]
        if t.figure is not None:
            k, before = _prev_word(toks, j, skip=("hedge", "determiner"))
            if _is(before, "to") and k > ia and _amount(t):
                return t, j
            break
        if t.text in ("(", ")", ",") and j > ia + 1:
            break
    # "to B from A": the nearest figure before "from" (past a conversion in brackets, a period of time)
    j, steps = jfrom - 1, 0
    while j >= 0 and steps <= BACK_REACH:
        t = toks[j]
        if t.text == ";" or (
            t.figure is None and (role(t.text) in ("up", "down", "multiplier") or t.low in _CLAUSE_WORDS)
        ):
            break  # another change or another clause
        if t.figure is not None:
            if not _amount(t) or (j > 0 and toks[j - 1].text == "("):
                j, steps = j - 1, steps + 1
                continue
            _, before = _prev_word(toks, j, skip=("hedge", "determiner"))
            return (t, j) if _is(before, "to") else (None, -1)
        j, steps = j - 1, steps + 1
    return None, -1


def _change_word(toks: list[Token], first: int) -> tuple[Token | None, int]:
    """The verb of change before the figures ("rose", "fell 3 points", "doubled to"), within a few words."""
    j, seen_figures = first - 1, 0
    while j >= 0 and first - j <= MAX_GAP + 2:
        t = toks[j]
        if t.figure is not None:
            seen_figures += 1
            if seen_figures > 1:
                break
        elif role(t.text) in ("up", "down", "multiplier"):
            return t, j
        elif t.text in ("(", ")", ":"):
            break
        j -= 1
    return None, -1


def _size(toks, verb, iv, first, last) -> tuple[Token | None, int, str | None]:
    """The stated size of the change: after the verb ("rose 5 %", "fell by 3 points"), or after the
    figures (", up 122 %", ", an increase of 122 %", "(up 122 %)")."""
    if verb is not None:
        if iv > 0 and _amount(toks[iv - 1]) and toks[iv - 1].figure.family in ("percent", "points"):
            return toks[iv - 1], iv - 1, None  # "a 52% rise in profits to £198m from £130m"
        j = iv + 1
        if j < len(toks) and _is(toks[j], "by"):
            j += 1
        else:  # "cut its net debt by 1.6 billion euros to ...": "by" a few words after the verb
            k = next((k for k in range(iv + 1, first) if _is(toks[k], "by") or toks[k].figure is not None), None)
            if k is not None and _is(toks[k], "by"):
                j = k + 1
        if j < first and _amount(toks[j]):
            return toks[j], j, None
    # after the last figure of the change, past a time phrase ("in 2021"): ", up 122 %"
    j = last + 1
    while (
        j < len(toks)
        and j - last <= MAX_GAP
        and toks[j].figure is None
        and toks[j].text not in (",", "(", "\u2014", "--")
    ):
        j += 1
    if j >= len(toks) or toks[j].text not in (",", "(", "\u2014", "--"):
        return None, -1, None
    j += 1
    k = j
    direction = None
    while k < len(toks) and k - j <= 3 and toks[k].figure is None:
        r = role(toks[k].text)
        if r in ("up", "down"):
            direction = r
        elif r not in ("determiner", "of", "by"):
            return None, -1, None
        k += 1
    if direction and k < len(toks) and toks[k].figure is not None:
        return toks[k], k, direction
    return None, -1, None


def _check_size(
    story: Story, a: Figure, b: Figure, s: Figure, direction: str | None, results: dict, inverse: bool = False
) -> None:
    sign = -1.0 if direction == "down" else 1.0
    if s.value < 0:
        sign = 1.0
    stated = (sign * s.low, sign * s.high) if sign > 0 else (sign * s.high, sign * s.low)
    said = f"{'down' if sign < 0 else 'up'} {s.said}"
    computations = []  # (interval, point value, unit word)
    if s.family == "percent":
        rel = _ratio(_iv(a), _iv(b))
        if rel is not None:
            computations.append(
                ((100 * (rel[0] - 1), 100 * (rel[1] - 1)), 100 * (b.value / a.value - 1) if a.value else None, " %")
            )
        if a.family == "percent" == b.family:  # "rose 2 percent from 5 % to 7 %": points, read loosely
            computations.append(((b.low - a.high, b.high - a.low), b.value - a.value, " points"))
    elif (
        s.family == "points"
        or (s.family == a.family and a.family != "percent")
        or (s.family == "number" and _compatible(a, s))
    ):
        computations.append(
            ((b.low - a.high, b.high - a.low), b.value - a.value, "" if s.family != "points" else " points")
        )
    computations = [c for c in computations if c[1] is not None]
    if not computations:
        return
    stated = _double_rounded(stated)
    flipped = (-stated[1], -stated[0])
    if inverse and all(
        judge(stated, iv) == "contradicted" and judge(flipped, iv) == "supported" for iv, _, _ in computations
    ):
        return  # the size fits, the direction does not: "the yen rose" while yen per dollar fell - a convention, not a sum
    verdicts = [judge(stated, iv) for iv, _, _ in computations]
    verdict = "supported" if "supported" in verdicts else "contradicted"
    shown = [c for c, v in zip(computations, verdicts) if v == verdict]
    text = " or ".join(f"{_signed(point)}{unit}" if unit else _signed_as(point, b) for _, point, unit in shown)
    computation = f"from {a.text} to {b.text} is {text}, the story says {said}"
    _record(results, story, s, verdict, computation, (a, b), spanning(a, b, s))


def _record(results, story: Story, target: Figure, verdict: str, computation: str, used, read) -> None:
    """The verdict on ``target``'s claim, citing the claims of the figures it was computed from (never itself)."""
    tid = _cid(story, target)
    cited = [c for c in (_cid(story, f) for f in used) if c and c != tid]
    add(results, tid, Result(verdict, computation, cited, read=read))


def _double_rounded(iv: tuple[float, float]) -> tuple[float, float]:
    """A stated size may be a rounded rounded figure (10.448 -> 10.45 -> "10.5 %"): rounding through ever more
    digits reaches u/2 + u/20 + u/200 ... = u/2 + u/18 from the value, so a ninth of the half-width more each side;
    or a figure cut after its last digit (29.56 -> "29.5"), so up to a whole unit more away from zero."""
    more = (iv[1] - iv[0]) / 18
    lo, hi = iv[0] - more, iv[1] + more
    # or a cut one: wire copy writes +29.56 % as "29.5 pct" (Reuters, 1987), so a size may reach a whole unit
    # of its last digit further from zero than written
    half = (iv[1] - iv[0]) / 2
    if iv[0] >= 0:
        hi = max(hi, iv[1] + half)
    elif iv[1] <= 0:
        lo = min(lo, iv[0] - half)
    return lo, hi


def _check_factor(story: Story, a: Figure, b: Figure, factor: float, word: str, results: dict) -> None:
    rel = _ratio(_iv(a), _iv(b))
    if rel is None:
        return
    stated = (factor * (1 - MULTIPLIER_BAND), factor * (1 + MULTIPLIER_BAND))
    verdict = judge(stated, rel)
    computation = (
        f"from {a.text} to {b.text} is \u00d7{fmt(b.value / a.value)}, the story says {word} (\u00d7{fmt(factor)})"
    )
    _record(results, story, b, verdict, computation, (a,), spanning(a, b))


# ---------------------------------------------------------------- shares


def _is_share(f: Figure) -> bool:
    return f.family == "percent" or _fraction(f) is not None


def _fraction(f: Figure) -> bool | None:
    return True if f.kind in ("count", "number") and 0 < f.value < 1 else None


def _share_iv(f: Figure, text: str) -> tuple[float, float]:
    """A share as a percentage interval: "25 %" is [24.5, 25.5); "one in four" is 1/4.5 .. 1/3.5."""
    if f.family == "percent":
        return f.low, f.high
    m = re.match(r"(\w+)\s+(?:in|out\s+of)\s+(\w+)", text, re.I)
    if m and f.value:
        n = round(f.value * _denominator(f.value))
        d = _denominator(f.value)
        return 100 * n / (d + 0.5), 100 * n / (d - 0.5)
    return 100 * f.value * (1 - FRACTION_BAND), 100 * f.value * (1 + FRACTION_BAND)


def _denominator(x: float) -> int:
    from fractions import Fraction

    return Fraction(x).limit_denominator(100).denominator


def _share_then_count(story: Story, toks: list[Token], ix: int, results: dict) -> None:
    """ "25% of the 1,200 staff, or 300": the count restated after the share."""
    k = ix - 3 if toks[ix - 2].text == "," else ix - 2
    if k < 2 or not _amount(toks[k]):
        return
    whole = toks[k]
    m = k - 1
    while m >= 0 and _skippable(toks[m]):
        m -= 1
    if m < 1 or not _is(toks[m], "of") or toks[m - 1].figure is None or not _is_share(toks[m - 1].figure):
        return
    share, part, w = toks[m - 1].figure, toks[ix].figure, whole.figure
    if not _compatible(part, w) or w.value <= 0 or part.value > w.value:
        return
    rel = _ratio(_iv(w), _iv(part))
    if rel is None:
        return
    verdict = judge(_double_rounded(_share_iv(share, share.text)), (100 * rel[0], 100 * rel[1]))
    computation = f"{part.text} of {w.text} is {fmt(100 * part.value / w.value)} %, the story says {share.said}"
    _record(results, story, share, verdict, computation, (part, w), spanning(share, part, w))


def _shares(story: Story, toks: list[Token], results: dict) -> None:
    for ip, tp in enumerate(toks):
        if _amount(tp) and not _is_share(tp.figure) and ip >= 3 and _is(toks[ip - 1], "apposition"):
            _share_then_count(story, toks, ip, results)
            continue
        if tp.figure is None or not _is_share(tp.figure):
            continue
        j, before = _prev_word(toks, ip, skip=())
        restated = _is(before, "apposition") or (before is not None and before.text in ("(", "\u2014", "-", "--"))
        if not restated:
            continue
        part, whole = _part_whole(toks, ip)
        if part is None:
            # "one in four adults, or 25 percent": a ratio restated as a percentage
            k = j - 1 if _is(before, "apposition") else j
            if k >= 0 and toks[k].text == ",":
                k -= 1
            if (
                k >= 0
                and toks[k].figure is not None
                and _is_share(toks[k].figure)
                and toks[k].figure.family != tp.figure.family
            ):
                r = toks[k].figure
                computed = _share_iv(r, r.text)
                verdict = judge(_iv(tp.figure), computed)
                computation = (
                    f"{r.text} is {fmt(computed[0])}\u2013{fmt(computed[1])} %, the story says {tp.figure.said}"
                )
                _record(results, story, tp.figure, verdict, computation, (r,), spanning(r, tp.figure))
            continue
        p, w = part.figure, whole.figure
        if not _compatible(p, w) or p.family in ("percent", "points") or w.value <= 0 or p.value > w.value:
            continue
        rel = _ratio(_iv(w), _iv(p))
        if rel is None:
            continue
        computed = (100 * rel[0], 100 * rel[1])
        verdict = judge(_double_rounded(_share_iv(tp.figure, tp.figure.text)), computed)
        computation = f"{p.text} of {w.text} is {fmt(100 * p.value / w.value)} %, the story says {tp.figure.said}"
        _record(results, story, tp.figure, verdict, computation, (p, w), spanning(p, w, tp.figure))


def _skippable(t: Token) -> bool:
    """Words between "of" and the whole: "the", "its", "the group's"."""
    return _is(t, "determiner") or (t.figure is None and t.low.endswith("'s"))


def _part_whole(toks: list[Token], ip: int) -> tuple[Token | None, Token | None]:
    """Part and whole of a restated share: "300 of the 1,200 staff, or 25 %", "Of the 1,200 staff, 300,
    or 25 %", "300, or 25 %, of the 1,200 staff", "25 % (300 of 1,200)"."""

    def of_whole(k: int) -> Token | None:  # "of [the group's] WHOLE" starting at k
        if k < len(toks) and _is(toks[k], "of"):
            k += 1
            while k < len(toks) and _skippable(toks[k]):
                k += 1
            if k < len(toks) and toks[k].figure is not None:
                return toks[k]
        return None

    # figures before the share in this clause, nearest first
    before = [k for k in range(ip - 1, max(-1, ip - 12), -1) if toks[k].figure is not None]
    if before:
        k = before[0]
        # "PART of the WHOLE [words], or P"
        if len(before) >= 2:
            kp = before[1]
            w = of_whole(kp + 1)
            if w is toks[k]:
                return toks[kp], toks[k]
            # "Of the WHOLE, PART, or P"
            m = kp - 1
            while m >= 0 and _skippable(toks[m]):
                m -= 1
            if m >= 0 and _is(toks[m], "of") and toks[kp + 1 : k] and all(t.text == "," for t in toks[kp + 1 : k]):
                return toks[k], toks[kp]
        # "PART, or P, of the WHOLE"
        w = of_whole(ip + 2) if ip + 1 < len(toks) and toks[ip + 1].text == "," else None
        if w is not None and all(t.figure is None and t.text in (",", "or") for t in toks[k + 1 : ip]):
            return toks[k], w
    # "P (PART of WHOLE)"
    if ip + 2 < len(toks) and toks[ip + 1].text == "(" and toks[ip + 2].figure is not None:
        w = of_whole(ip + 3)
        if w is not None:
            return toks[ip + 2], w
    return None, None


# ---------------------------------------------------------------- totals


def _totals(story: Story, toks: list[Token], results: dict) -> None:
    for it, tt in enumerate(toks):
        if tt.figure is None or tt.figure.family in ("percent", "points") or it + 1 >= len(toks):
            continue
        opener = toks[it + 1].text
        if opener == "," and _whole_count(tt.figure, story.text):
            _named_after_comma(story, toks, it, results)
            continue
        if opener not in (":", "\u2014", "\u2013", "--", "-", "("):
            continue
        if (it >= 2 and _is(toks[it - 1], "determiner") and _is(toks[it - 2], "of")) or (
            it >= 1 and _is(toks[it - 1], "of")
        ):
            continue  # "two of the three countries: ..." - the list names the part, not the total
        closer = {"(": ")", ":": None}.get(opener, opener)
        j = it + 2
        region = []
        while (
            j < len(toks)
            and j - it <= MAX_LIST
            and toks[j].text != closer
            and not (closer is None and toks[j].text in (";",))
        ):
            if closer not in (None, ")") and toks[j].text in ("\u2014", "\u2013", "--", "-") and toks[j].text != closer:
                break
            region.append(toks[j])
            j += 1
        if not region or any(
            t.figure is None and role(t.text) in ("partial", "hedge", "up", "down", "of") for t in region
        ):
            continue
        figs = [t for t in region if t.figure is not None]
        if figs:
            _sum_parts(story, tt.figure, [t.figure for t in figs], region, results)
        elif _whole_count(tt.figure, story.text):
            _count_items(story, tt.figure, region, results)


MAX_NAMED = 20  # a list of names longer than this is a table, not prose


def _whole_count(f: Figure, text: str = "") -> bool:
    """An exact, small count of things named by a common noun: "three countries" (not "The 39 Steps", "Six Garments")."""
    noun = text[f.end : f.span[1]].strip() if text else "x"
    return (
        f.kind == "count"
        and float(f.value).is_integer()
        and f.low == f.high
        and 2 <= f.value <= MAX_NAMED
        and bool(noun)
        and noun[:1].islower()
    )


def _named_after_comma(story: Story, toks: list[Token], it: int, results: dict) -> None:
    """ "Two members, Britain and France, voted against": names after a comma, closed by a comma or the clause's end."""
    j = it + 2
    if j >= len(toks) or toks[j].figure is not None or not toks[j].text[:1].isupper():
        return  # the names start right after the comma ("four nominations, and Joss Stone ..." is not a list)
    while (
        j < len(toks)
        and j - it <= MAX_LIST
        and toks[j].figure is None
        and (toks[j].text in (",",) or toks[j].low == "and" or toks[j].text[:1].isupper() or toks[j].low in _NAME_LINKS)
    ):
        j += 1
    region = toks[it + 2 : j]
    if j < len(toks):
        if not region or region[-1].text != ",":
            return  # the names run into other words ("Smith and Jones among them"): not a closed list
        region = region[:-1]
    if not any(t.low == "and" for t in region):
        return  # an enumeration ends "... and C"
    _count_items(story, toks[it].figure, region, results)


def _addable(total: Figure, part: Figure) -> bool:
    """Parts that add up to the total: counts with counts, one currency with itself, one unit with itself."""
    if total.kind in ("count", "number") and part.kind in ("count", "number"):
        return True
    return total.kind == part.kind and total.unit == part.unit and total.kind in ("money", "dimension")


def _sum_parts(story: Story, total: Figure, parts: list[Figure], region: list[Token], results: dict) -> None:
    if len(parts) < 2 or not all(_addable(total, p) for p in parts):
        return
    # the list must be figures joined by commas and "and" with their nouns: "700 soldiers and 400 civilians"
    words = [t for t in region if t.figure is None and t.text not in (",",)]
    if any(w.text.lower() not in ("and",) and not w.text.islower() for w in words):
        return
    # each part named ("700 soldiers and 400 civilians"); bare figures in brackets are often earlier values
    # ("4.71 billion (4.90 billion and 3.83 billion)"), not parts
    named = all(p.kind == "count" and p.unit for p in parts) and len({p.unit for p in parts}) == len(parts)
    if not named:
        return
    lo, hi = sum(p.low for p in parts), sum(p.high for p in parts)
    verdict = judge(_iv(total), (lo, hi))
    computation = (
        f"{' + '.join(p.text for p in parts)} = {fmt(sum(p.value for p in parts))}, the story says {total.text}"
    )
    _record(results, story, total, verdict, computation, parts, spanning(*parts))


_NAME_LINKS = ("the", "of", "and", "de", "del", "la", "van", "von", "al")


def _count_items(story: Story, total: Figure, region: list[Token], results: dict) -> None:
    """'three countries - France, Germany and Italy -': count the names listed."""
    items, cur = [], []
    for t in region:
        if t.text == "," or (t.text.lower() == "and" and cur):
            if cur:
                items.append(cur)
            cur = []
            continue
        if t.text.lower() == "and":
            continue
        if not (t.text[:1].isupper() or t.text.lower() in _NAME_LINKS):
            return  # not a plain list of names: cannot tell
        cur.append(t)
    if cur:
        items.append(cur)
    if len(items) < 2 or any(len(i) > 5 or (not i[0].text[:1].isupper() and i[0].text.lower() != "the") for i in items):
        return
    names = [" ".join(t.text for t in i) for i in items]
    verdict = "supported" if len(items) == int(total.value) else "contradicted"
    computation = f"{len(items)} named ({', '.join(names)}), the story says {total.text}"
    add(results, _cid(story, total), Result(verdict, computation, [], read=(region[0].start, region[-1].end)))


# ---------------------------------------------------------------- shares of one whole


def _vote_shares(story: Story, s: int, e: int, toks: list[Token], results: dict) -> None:
    sentence = story.text[s:e].lower()
    if not any(p in sentence for p in phrases("vote_whole")):
        return
    if any(t.figure is None and role(t.text) in ("up", "down", "from", "hedge", "multiplier") for t in toks):
        return  # a change or a comparison brings in another whole
    if story.times_in(s, e):
        return
    pcts = [t.figure for t in toks if t.figure is not None and t.figure.family == "percent"]
    mentions = story.quantities_in(s, e)
    if len(pcts) < 2 or len(pcts) != len(mentions):
        return  # a figure the parser could not read (or not a share) would make the sum meaningless
    lo, hi = sum(p.low for p in pcts), sum(p.high for p in pcts)
    rest = any(t.figure is None and role(t.text) == "remainder" for t in toks)
    bad = lo > 100 or (rest and hi < 100)
    if not bad and not rest:
        return  # shares that leave room for others say nothing about each other
    verdict = "contradicted" if bad else "supported"
    computation = (
        f"{' + '.join(p.text for p in pcts)} = {fmt(sum(p.value for p in pcts))} %, shares of one whole make 100 %"
    )
    _record(results, story, pcts[-1], verdict, computation, pcts[:-1], spanning(*pcts))
