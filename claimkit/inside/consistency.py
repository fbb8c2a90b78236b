"""A story that disagrees with itself: one count stated twice with two values, one quote given to two speakers.

``check_consistency(text, claims, published)`` returns ``{claim_id: result}`` for:

- the same count of the same body given twice with values that cannot both hold: "57 countries" ...
  "56 participating states" (OSCE). Only counted nouns listed in ``lexicon/inside_synonyms.tsv`` are
  compared (members of a body: countries, member states, participating states), with the same words
  before the noun, a proper noun shared by the two sentences, and nothing in either sentence that
  says the figure changed or is a part ("rose", "initially", "including", "at least"); both claims
  are contradicted, each citing the other;
- the same words (eight or more, word for word) quoted twice, each with a different speaker named in its
  own sentence; both quotes are contradicted, each citing the other (only one attribution can be right).
  A partial quote repeated inside a longer one is not compared: a story often quotes a phrase again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimkit.inside._common import NUMERIC_KINDS, Result, Story, add, finish, fmt, role
from claimkit.lexicon import mapping

CHECK = "inside.consistency"
MIN_QUOTE_WORDS = 8
MAX_MENTIONS = 20  # more mentions of one count or one quote than this is not prose: say nothing
_BLOCKING = ("up", "down", "multiplier", "partial", "hedge", "revision", "from")
_NOT_ANCHORS = frozenset({"The", "A", "An", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And"})


@lru_cache(maxsize=1)
def _groups() -> dict[str, str]:
    return mapping("inside_synonyms.tsv", "word", "group")


def check_consistency(text: str, claims: list[dict], published=None, story: Story | None = None) -> dict[str, dict]:
    story = story or Story(text, claims, published)
    results: dict[str, Result] = {}
    _repeated_counts(story, results)
    _quotes(story, claims, results)
    return finish(results)


def _count_key(story: Story, f) -> str | None:
    """The group and the words before the noun: '56 participating states' -> 'country|'."""
    if f.kind != "count" or not f.unit or f.approximate or f.qualifier != "exact":
        return None
    noun_phrase = story.text[f.end : f.span[1]].strip()
    if any(w[:1].isupper() for w in noun_phrase.split()):
        return None  # part of a name: "Six Nations", "the Group of Seven Countries"
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", noun_phrase.lower())
    if not words:
        return None
    head = f.unit.lower()
    mods = words[:-1]
    for k in range(len(mods), 0, -1):  # the longest synonym phrase ending in the noun: "participating state"
        phrase = " ".join(mods[-k:] + [head])
        if phrase in _groups():
            return _groups()[phrase] + "|" + " ".join(mods[:-k])
    if head in _groups():
        return _groups()[head] + "|" + " ".join(mods)
    return None


ANCHOR_REACH = (
    40  # characters around a figure where the body it counts is named ("the OSCE's 56 ...", "57 countries (OSCE)")
)


def _anchors(story: Story, f) -> set[str]:
    """Proper nouns and acronyms next to a figure (not a sentence's first word, not a weekday or a month)."""
    s, e = story.sentence_of(f.start)
    lo, hi = max(s, f.start - ANCHOR_REACH), min(e, f.span[1] + ANCHOR_REACH)
    out = set()
    for m in re.finditer(r"[A-Z][A-Za-z\-]+", story.text[lo:hi]):
        if lo + m.start() == s or m.group() in _NOT_ANCHORS:
            continue
        out.add(m.group())
    times = {t.text for t in story.times_in(s, e)}
    return {w for w in out if not any(w in t for t in times)}


def _blocked(story: Story, s: int, e: int) -> bool:
    return any(role(w) in _BLOCKING for w in re.findall(r"[A-Za-z]+", story.text[s:e]))


def _repeated_counts(story: Story, results: dict) -> None:
    groups: dict[str, list] = {}
    for f in story.figures:
        if k := _count_key(story, f):
            groups.setdefault(k, []).append(f)
    pairs = [
        (f1, f2) for fs in groups.values() if len(fs) <= MAX_MENTIONS for i, f1 in enumerate(fs) for f2 in fs[i + 1 :]
    ]
    for f1, f2 in pairs:
        if not (f1.high < f2.low or f2.high < f1.low):
            continue
        s1, s2 = story.sentence_of(f1.start), story.sentence_of(f2.start)
        if s1 == s2 or _blocked(story, *s1) or _blocked(story, *s2):
            continue
        shared = _anchors(story, f1) & _anchors(story, f2)
        if not shared:
            continue
        c1 = story.claim_id_at(f1.start, f1.end, NUMERIC_KINDS)
        c2 = story.claim_id_at(f2.start, f2.end, NUMERIC_KINDS)
        if not c1 or not c2:
            continue
        about = ", ".join(sorted(shared))
        computation = (
            f"the story gives {fmt(f1.value)} ({story.text[f1.start : f1.span[1]]}) and "
            f"{fmt(f2.value)} ({story.text[f2.start : f2.span[1]]}) for one count ({about})"
        )
        add(results, c1, Result("contradicted", computation, [c2]))
        add(results, c2, Result("contradicted", computation, [c1]))


def _norm_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", (text or "").lower())


def _same_person(a: str, b: str) -> bool:
    wa, wb = _norm_words(a), _norm_words(b)
    if not wa or not wb:
        return True  # unknown: cannot tell
    return wa[-1] == wb[-1] or set(wa) <= set(wb) or set(wb) <= set(wa)


def _named_near(quote: dict) -> bool:
    """The speaker's last name stands in the quote's own sentence (an explicit attribution)."""
    last = _norm_words(quote["speaker"])[-1:]
    return bool(last) and last[0] in _norm_words(quote.get("sentence"))


def _quotes(story: Story, claims: list[dict], results: dict) -> None:
    by_words: dict[str, list[dict]] = {}
    for c in claims:
        if c.get("kind") == "quote" and isinstance(c.get("speaker"), str) and c.get("speaker"):
            words = _norm_words(c.get("span"))
            if len(words) >= MIN_QUOTE_WORDS:
                by_words.setdefault(" ".join(words), []).append(c)
    pairs = [
        (q1, q2)
        for qs in by_words.values()
        if 1 < len(qs) <= MAX_MENTIONS
        for i, q1 in enumerate(qs)
        for q2 in qs[i + 1 :]
    ]
    for q1, q2 in pairs:
        if _same_person(q1["speaker"], q2["speaker"]):
            continue
        if not (_named_near(q1) and _named_near(q2)):
            continue  # a speaker carried over from another paragraph may be the extractor's guess
        computation = f"the same words are given to {q1['speaker']} and to {q2['speaker']}"
        add(results, q1["claim_id"], Result("contradicted", computation, [q2["claim_id"]]))
        add(results, q2["claim_id"], Result("contradicted", computation, [q1["claim_id"]]))
