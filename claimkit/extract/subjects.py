"""What a figure is about: the noun phrase it counts or measures, as written.

Rules over the words of the sentence, driven by ``lexicon/subject_words.tsv`` (prepositions whose phrase belongs
to the subject, words and phrases that end a noun phrase, verbs that link a subject to its figure) and the change
verbs of ``lexicon/quantity_context.tsv``:

- a count: the counted noun with its modifiers, an owner written before the figure ("Microsoft's 2,000 engineers")
  and up to two prepositional phrases after it ("research staff at UK universities"); the phrase ends at a verb,
  a relative or a conjunction ("handsets in order to replace ..." is "handsets");
- a figure followed by "of" ("18 percent of the country's power"): the "of" phrase;
- a figure that modifies a noun ("a $170 million contract", "a 5% rise in prices"): that noun phrase;
- a figure after a linking or change verb ("U.S. carbon emissions fell 18 percent in 2019", "profit was $2
  billion"): the noun phrase before the verb, with a time or place phrase after the figure;
- money after a verb of spending ("the state spent $170 million on contracts"): the spender, the verb and the
  "on"/"for" phrase.

No parser is needed: the rules read a window of the sentence (``WINDOW`` characters either side), so the cost
per figure is bounded. They miss what only a parse shows (a subject far from its verb, coordinated subjects).
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimkit.lexicon import table

_QUANTIFIER_NOUNS = frozenset(
    {"total", "sum", "maximum", "minimum", "average", "median", "number", "rate", "tune", "excess", "upwards", "up"}
)  # "a total of $5", "in excess of": not the subject
_SKIP_TO_VERB = frozenset(
    {
        "by",
        "to",
        "at",
        "about",
        "around",
        "nearly",
        "almost",
        "some",
        "more",
        "than",
        "less",
        "fewer",
        "over",
        "under",
        "just",
        "roughly",
        "up",
        "down",
        "as",
        "much",
        "many",
        "only",
        "a",
        "an",
        "the",
        "of",
        "from",
        "estimated",
        "approximately",
        "rate",
        "pace",
        "annual",
        "annualized",
        "annualised",
        "yearly",
        "monthly",
        "quarterly",
        "average",
        "percent",
        "per",
        "cent",
        "point",
        "points",
        "percentage",
        "million",
        "billion",
        "trillion",
        "thousand",
    }
)
WINDOW = 160  # characters read either side of a figure
MAX_WORDS = 12
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’.&-]*[A-Za-z0-9%]|[A-Za-z0-9]|[,;:!?()\"“”—–]")


@lru_cache(maxsize=1)
def _lex():
    roles: dict[str, set[str]] = {}
    for r in table("subject_words.tsv"):
        roles.setdefault(r["role"], set()).add(r["word"])
    change = {r["word"] for r in table("quantity_context.tsv") if r["role"] == "change"}
    verbs = {r["word"] for r in table("quantity_context.tsv") if r["role"] == "verb"}
    speech = {r["verb"] for r in table("speech_verbs.tsv")}
    link = roles.get("link", set())
    return {
        "prep": frozenset(roles.get("prep", ())),
        "det": frozenset(roles.get("det", ())),
        "stop": frozenset(roles.get("stop", ())) | verbs | speech | change,
        "stop_phrase": tuple(p.split() for p in roles.get("stop_phrase", ())),
        "stop_first": frozenset(p.split()[0] for p in roles.get("stop_phrase", ()) if p.split()),
        "link1": frozenset(w for w in link if " " not in w) | change,
        "link2": tuple(w.split() for w in link if " " in w),
        "spend": frozenset(roles.get("spend", ())),
        "aux": frozenset(roles.get("aux", ())),
        "change": frozenset(change),
    }


def _tokens(text: str, start: int, end: int) -> list[tuple[str, int, int]]:
    return [(m[0], m.start(), m.end()) for m in _WORD.finditer(text, start, end)]


def _is_word(t: str) -> bool:
    return t[:1].isalnum()


def _phrase_after(text, toks, i, lx, allow_pp=2, head_ok=False) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``: (first token, last token) inclusive, or None.

    ``head_ok``: the first word is a noun whatever it looks like ("a 5% rise in prices")."""
    n = len(toks)
    if i >= n or not _is_word(toks[i][0]):
        return None
    j = i
    last = None
    pps = 0
    while j < n and j - i < MAX_WORDS:
        w = toks[j][0]
        lw = w.lower()
        if not _is_word(w):
            break
        if lw in lx["stop_first"] and any([t[0].lower() for t in toks[j : j + len(p)]] == p for p in lx["stop_phrase"]):
            break  # (a stop phrase can match only where its first word is)
        if lw in lx["prep"] and last is not None:
            if pps >= allow_pp or j + 1 >= n or not _is_word(toks[j + 1][0]):
                break
            nxt = toks[j + 1][0].lower()
            if nxt in lx["stop"] and nxt not in lx["det"]:
                break
            pps += 1
            j += 1
            continue
        if (
            lw in lx["stop"]
            and not (
                lw in lx["det"] and j + 1 < n and _is_word(toks[j + 1][0]) and toks[j + 1][0].lower() not in lx["stop"]
            )
            and not (head_ok and j == i)
        ):
            break
        if last is not None and lw.endswith("ed") and not w[0].isupper() and lw not in lx["det"]:
            break  # a participle after the noun ("fires reported ...") ends the phrase
        last = j
        j += 1
    if last is None:
        return None
    # a phrase does not end on a preposition or a determiner
    while last >= i and (toks[last][0].lower() in lx["prep"] or toks[last][0].lower() in lx["det"]):
        last -= 1
    return (i, last) if last >= i else None


def _phrase_before(toks, k, lx) -> tuple[int, int] | None:
    """The noun phrase ending at token ``k`` (inclusive), read backwards to a clause boundary."""
    j = k
    first = None
    while j >= 0 and k - j < MAX_WORDS:
        w = toks[j][0]
        lw = w.lower()
        if not _is_word(w):
            break
        if (lw in lx["prep"] or lw == "to") and j < k and j >= 1 and _is_word(toks[j - 1][0]):
            pw = toks[j - 1][0].lower()
            if (
                pw not in lx["stop"]
                and pw not in lx["det"]
                and pw not in lx["prep"]
                and pw not in lx["link1"]
                and pw not in lx["spend"]
                and not pw[:1].isdigit()
            ):
                first = j
                j -= 1
                continue  # "Support for the president", "Exports to China", "Home prices in London"
            break
        if (lw in lx["stop"] and lw not in lx["det"]) or lw in lx["link1"] or lw in lx["spend"] or lw in lx["prep"]:
            break
        first = j
        j -= 1
    if first is None:
        return None
    # drop a leading preposition phrase that belongs to a verb before ("in 2019, ...")
    return first, k


def _join(text, toks, a, b) -> str:
    return " ".join(text[toks[a][1] : toks[b][2]].split())


def subject(
    text: str, kind: str, fig_start: int, fig_end: int, noun_start: int | None, sent_start: int, sent_end: int
) -> str | None:
    """The subject of the figure at ``fig_start:fig_end`` in the sentence ``sent_start:sent_end``.

    ``kind`` is the Quantity kind; for a count ``noun_start`` is where its counted noun starts."""
    lx = _lex()
    lo = max(sent_start, fig_start - WINDOW)
    hi = min(sent_end, fig_end + WINDOW)
    after = _tokens(text, noun_start if kind == "count" and noun_start is not None else fig_end, hi)
    if kind == "count":
        span = _phrase_after(text, after, 0, lx)
        if span is None:
            return None
        out = _join(text, after, *span)
        # an owner written before the figure: "Microsoft's 2,000 engineers" (read only where an "'s" is)
        w = text[lo:fig_start]
        before = _tokens(text, lo, fig_start) if "'s" in w or "’s" in w else None
        if before and before[-1][0].endswith(("'s", "’s")) and before[-1][0][:1].isupper():
            owner = _phrase_before(before, len(before) - 1, lx)
            if owner:
                out = _join(text, before, *owner) + " " + out
        return out
    before = _tokens(text, lo, fig_start)
    # "18 percent of the country's power", "$2 billion of debt"
    if after and after[0][0].lower() == "of":
        span = _phrase_after(text, after, 1, lx, allow_pp=1)
        if span:
            return _join(text, after, *span)
    # "a $170 million contract", "a 5% rise in prices": the figure modifies the noun after it
    if (
        after
        and _is_word(after[0][0])
        and after[0][0][0].islower()
        and after[0][0].lower() not in lx["stop"]
        and after[0][0].lower() not in lx["prep"]
        and before
        and before[-1][0].lower() in ("a", "an", "the")
    ) or (
        after
        and before
        and before[-1][0].lower() in ("a", "an")
        and _is_word(after[0][0])
        and after[0][0][0].islower()
        and after[0][0].lower() not in lx["prep"]
        and (after[0][0].lower() not in lx["stop"] or after[0][0].lower() in lx["change"])
    ):
        span = _phrase_after(text, after, 0, lx, allow_pp=1, head_ok=before[-1][0].lower() in ("a", "an"))
        if span:
            return _join(text, after, *span)
    # "profit of HK$10.05 billion", "a fine of $5,000": the noun phrase before "of"
    if (
        len(before) >= 2
        and before[-1][0].lower() == "of"
        and _is_word(before[-2][0])
        and before[-2][0].lower() not in lx["stop"]
        and before[-2][0].lower() not in lx["det"]
        and before[-2][0].lower() not in _QUANTIFIER_NOUNS
    ):
        subj = _phrase_before(before, len(before) - 2, lx)
        if subj:
            return _join(text, before, *subj)
    # a linking or change verb before the figure: "U.S. carbon emissions fell 18 percent in 2019"
    k = len(before) - 1
    while k >= 0 and (before[k][0].lower() in _SKIP_TO_VERB or before[k][0][:1].isdigit()):
        k -= 1  # qualifiers, "at an annual rate of", another figure ("jumped 12% to $3.4 billion")
    if k < 0:
        return None
    verb = before[k][0].lower()
    spend = verb in lx["spend"]
    vstart = k
    two = [t[0].lower() for t in before[k - 1 : k + 1]] if k >= 1 else []
    if two and any(two == p or two[-len(p) :] == p for p in lx["link2"]):
        vstart = k - 1
    elif verb not in lx["link1"] and not spend:
        return None
    while vstart >= 1 and (before[vstart - 1][0].lower() in lx["aux"] or before[vstart - 1][0].lower().endswith("ly")):
        vstart -= 1  # "will pay", "now costs", "has risen", "sharply rose"
    subj = _phrase_before(before, vstart - 1, lx) if vstart >= 1 else None
    if subj is None:
        return None
    out = _join(text, before, *subj)
    tail = after  # the tokens from fig_end to hi (a count returned above, so ``after`` starts at fig_end)
    if tail and tail[0][0].lower() in ("on", "for") and spend:
        pp = _phrase_after(text, tail, 1, lx, allow_pp=1)
        if pp:
            return f"{_join(text, before, subj[0], k)} {tail[0][0]} {_join(text, tail, *pp)}"
    # a time or place phrase right after the figure: "... 18 percent in 2019"
    if tail and tail[0][0].lower() in ("in", "at", "across", "since") and len(tail) > 1 and _is_word(tail[1][0]):
        pp = _phrase_after(text, tail, 1, lx, allow_pp=0)
        if pp and (tail[1][0][0].isdigit() or tail[1][0][0].isupper() or tail[1][0].lower() in ("the", "its", "their")):
            out += f" {tail[0][0]} {_join(text, tail, *pp)}"
    elif tail and tail[0][0].lower() in ("last", "this") and len(tail) > 1:
        out += f" {tail[0][0]} {tail[1][0]}"
    return out
