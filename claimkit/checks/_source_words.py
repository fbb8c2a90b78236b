"""Words and mentions for the source check: tokens and stems, and which words of a sentence belong to which figure or date.

Each content word of a sentence belongs to the figure (or date) nearest to it, clause breaks counting
as extra distance, so in "sales rose 5% while profits fell 12%" the words "profits fell" belong to
12%, not to 5%; :func:`aboutness` weighs a source mention against a claim by those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimkit.checks._fields import text

FIGURE_KINDS = ("quantity", "money", "percent", "duration")

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*|\d+(?:[.,]\d+)*|…|\.\.\.", re.UNICODE)


# ---------------------------------------------------------------- words


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from claimkit.lexicon import words

    return frozenset(words("stopwords.txt"))


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude English stem, enough to match "troops"/"troop", "gathering"/"gathered"."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, keep in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not (suffix == "s" and w.endswith(("ss", "us", "is"))):
            return w[: len(w) - len(suffix)] + keep
    return w


def tokens(s: str) -> list[tuple[str, int, int]]:
    """(word, start, end) of every word and number of ``s``."""
    return [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(s or "")]


def content(word: str) -> str | None:
    """The stem of a word that says what a passage is about; ``None`` for function words and numbers."""
    w = word.lower()
    if w[0].isdigit() or w in _stopwords() or len(w) < 2 or w in ("…", "..."):
        return None
    return stem(w)


# ---------------------------------------------------------------- mentions and what they are about


@dataclass
class Mention:
    """A figure, date, quote or title in a sentence, with the words that belong to it."""

    kind: str
    span: str
    sentence: str
    at: tuple[int, int]  # token indices [i, j) of the span in the sentence
    row: dict
    owned: dict[str, int] = field(default_factory=dict)  # stem -> distance in words from the mention
    words: frozenset[str] = frozenset()  # content stems of the whole sentence
    passage_id: str | None = None
    document: str | None = None


def _family(kind: str) -> str:
    return "time" if kind == "time" else "figure" if kind in FIGURE_KINDS else kind


def _token_span(sentence_tokens, start: int, end: int) -> tuple[int, int]:
    idx = [n for n, (_, s, e) in enumerate(sentence_tokens) if s < end and e > start]
    return (idx[0], idx[-1] + 1) if idx else (0, 0)


@lru_cache(maxsize=1)
def _figure_context() -> tuple[dict[str, float], frozenset[str]]:
    from claimkit.lexicon import table

    rows = table("figure_context.tsv")
    weights = {stem(r["word"]): float(r["weight"]) for r in rows if float(r["weight"]) != 1}
    breaks = frozenset(r["word"] for r in rows if r.get("role") == "break")
    return weights, breaks


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    from claimkit.lexicon import table

    return frozenset(r["word"] for r in table("figure_context.tsv") if r.get("role") == "generic")


def word_weight(stemmed: str) -> float:
    return _figure_context()[0].get(stemmed, 1.0)


SHARE_SLACK = (
    2  # words: a word this little further from a second figure belongs to both ("profit grew 14% to 2.6 billion")
)
BARRIER_COST = 3  # words: crossing a comma, a semicolon or "and" puts a word this much further from a figure


def _barriers(sentence: str, sentence_tokens) -> list[int]:
    """Prefix counts of clause breaks between consecutive words: barrier[k] = breaks before word k."""
    out, n = [0], 0
    for k in range(1, len(sentence_tokens)):
        gap = sentence[sentence_tokens[k - 1][2] : sentence_tokens[k][1]]
        if any(ch in gap for ch in ",;:()–—") or sentence_tokens[k][0].lower() in _figure_context()[1]:
            n += 1
        out.append(n)
    return out


def _own(mentions: list[Mention], sentence_tokens, barriers: list[int] | None = None) -> None:
    """Give each content word of a sentence to the mention(s) of the same family nearest to it
    (clause breaks count as extra distance)."""
    barriers = barriers or [0] * len(sentence_tokens)
    inside: dict[str, set[int]] = {}  # family -> word indices inside a mention's own span
    for m in mentions:
        inside.setdefault(_family(m.kind), set()).update(range(*m.at))
    # positions counted with each figure as one word, so "profit grew 14 percent to 2.6 billion" puts profit 4 words from 2.6
    fam_inside = inside.get("figure", set()) | inside.get("time", set())
    pos, k = [], 0
    for n in range(len(sentence_tokens)):
        if not (n in fam_inside and n - 1 in fam_inside):
            k += 1
        pos.append(k)
    for n, (w, _, _) in enumerate(sentence_tokens):
        c = content(w)
        if c is None:
            continue
        by_family: dict[str, list[tuple[int, int, Mention]]] = {}
        for m in mentions:
            i, j = m.at
            if n in inside.get(_family(m.kind), ()) or i >= j:
                continue  # a figure's own words ("troops" in "100,000 troops") are compared by unit, not owned
            if n < i:
                breaks = barriers[i] - barriers[n]
                d = pos[i] - pos[n]
            else:
                breaks = barriers[n] - barriers[max(j - 1, 0)]
                d = pos[n] - pos[j - 1]
            by_family.setdefault(_family(m.kind), []).append((d + BARRIER_COST * breaks, breaks, m))
        for cands in by_family.values():
            best = min(d for d, _, _ in cands)
            for d, breaks, m in cands:
                if (d == best or (d <= best + SHARE_SLACK and not breaks)) and (c not in m.owned or m.owned[c] > d):
                    m.owned[c] = d


def mentions_in(sentence: str, rows: list[tuple[dict, int, int]], passage_id=None, document=None) -> list[Mention]:
    """Mentions for claims ``rows`` ((claim, start, end) with offsets into ``sentence``) of one sentence."""
    toks = tokens(sentence)
    spans = [(r, _token_span(toks, s, e)) for r, s, e in rows]
    # the sentence's words, less the figures' and dates' own ("million", "people" in "6.2 million people")
    own = {n for r, (i, j) in spans if _family(str(r.get("kind") or "")) in ("figure", "time") for n in range(i, j)}
    words = frozenset(c for n, (w, _, _) in enumerate(toks) if n not in own and (c := content(w)))
    out = [
        Mention(
            kind=str(r.get("kind") or ""),
            span=text(r.get("span")) or "",
            sentence=sentence,
            at=at,
            row=r,
            words=words,
            passage_id=passage_id,
            document=document,
        )
        for r, at in spans
    ]
    _own(out, toks, _barriers(sentence, toks))
    return out


def aboutness(claim: Mention, source: Mention) -> float:
    """How far ``source`` is about what ``claim`` is about (0-1): the claim's own words found among
    the source mention's own words, nearer words weighing more, and the sentences' words in common."""
    den = sum(word_weight(w) / (1 + d) for w, d in claim.owned.items())
    local = sum(word_weight(w) / (1 + d) for w, d in claim.owned.items() if w in source.owned) / den if den else 0.0
    sent = len(claim.words & source.words) / len(claim.words) if claim.words else 0.0
    return round(0.65 * local + 0.35 * sent, 3)
