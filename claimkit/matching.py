"""Matching a claim's words to the words of the evidence: names, titles, bodies, counted nouns.

The equivalences ("OSCE" = "Organization for Security and Co-operation in Europe", "Kremlin
spokesman" = "Press Secretary of the President") are data in ``claimkit/lexicon/aliases.tsv``;
this module only looks them up, exactly first and then fuzzily (rapidfuzz) for spelling and
translation variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from claimkit.lexicon import table

TITLE_THRESHOLD = 92  # fuzzy ratio a title must reach to count as an alias (exact matches always win)
NAME_THRESHOLD = 90  # token-set ratio for two spellings of one person's name
SPEAKER_THRESHOLD = 80  # a story's speaker and a source's: the source may name them by surname, or with a title
CANDIDATE_THRESHOLD = 60  # close enough to list an office holder as a candidate row, never to decide
MENTION_THRESHOLD = 90  # partial ratio for a long name found, slightly misspelt, in a sentence

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[\w'.-]+")


def normalise(text: str | None) -> str:
    """Lower case, one space between words, no surrounding punctuation."""
    if not text:
        return ""
    return _SPACE.sub(" ", str(text).replace("\u2019", "'")).strip(" .,;:!?\"'()").lower()


@cache
def aliases(kind: str) -> tuple[tuple[str, str], ...]:
    """(alias, canonical) pairs of one kind, longest alias first."""
    pairs = [(normalise(r["alias"]), r["canonical"]) for r in table("aliases.tsv") if r["kind"] == kind]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def canonical(kind: str, text: str | None, *, threshold: int = TITLE_THRESHOLD) -> str | None:
    """The canonical form of ``text`` as a whole (exact alias, else the closest alias above ``threshold``)."""
    from rapidfuzz import fuzz, process

    key = normalise(text)
    if not key:
        return None
    exact = dict(reversed(aliases(kind)))
    if key in exact:
        return exact[key]
    choices = [a for a, _ in aliases(kind)]
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=threshold)
    return dict(aliases(kind))[best[0]] if best else None


def unit_of(unit: str | None) -> str | None:
    """The unit a reference table uses for a counted noun ("soldiers" -> "troop")."""
    if not unit:
        return None
    return canonical("unit", unit, threshold=95) or normalise(unit)


def countries_in(text: str | None) -> set[str]:
    """Countries a title or phrase names by name or demonym ("Polish Foreign Minister" -> {"Poland"})."""
    found = set()
    for alias, country in aliases("country"):
        if re.search(rf"(?<![\w.]){re.escape(alias)}(?![\w])", normalise(text)):
            found.add(country)
    return found


def title_role(title: str | None) -> tuple[str | None, set[str]]:
    """A written title -> (role key, countries it names): "US Ambassador" -> ("permanent-representative", {"United States"})."""
    countries = countries_in(title)
    role = canonical("title", title)
    if role is None:
        words = [w for w in normalise(title).split() if not countries_in(w)]
        role = canonical("title", " ".join(words))
    return role, countries


def same_person(a: str | None, b: str | None) -> int:
    """How surely two names are one person, 0-100: full names by token-set ratio, a lone surname by surname."""
    from rapidfuzz import fuzz

    na, nb = normalise(a), normalise(b)
    if not na or not nb:
        return 0
    if len(na.split()) == 1 or len(nb.split()) == 1:
        return 100 if na.split()[-1] == nb.split()[-1] else 0
    return int(fuzz.token_set_ratio(na, nb))


def find_mentions(terms: Iterable[str], text: str) -> list[tuple[str, int, int]]:
    """Where any of ``terms`` (names of a body, city, event; their aliases included) occurs in ``text``.

    Exact, case-insensitive, whole-word matches first; a long term (10+ characters) may also match
    fuzzily, so "Organisation for Security and Cooperation in Europe" finds the OSCE.
    """
    from rapidfuzz import fuzz

    expanded = set()
    for term in terms:
        expanded.add(term)
        canon = canonical("organisation", term, threshold=100)
        if canon:
            expanded.update(a for a, c in aliases("organisation") if c == canon)
    low = text.lower()
    hits: list[tuple[str, int, int]] = []
    for term in sorted(expanded, key=len, reverse=True):
        t = term.lower()
        found = False
        for m in re.finditer(rf"(?<!\w){re.escape(t)}(?!\w)", low):
            if not any(s <= m.start() < e for _, s, e in hits):
                hits.append((term, m.start(), m.end()))
            found = True
        if not found and len(t) >= 10:
            al = fuzz.partial_ratio_alignment(t, low, score_cutoff=MENTION_THRESHOLD)
            if al is not None and not any(s <= al.dest_start < e for _, s, e in hits):
                hits.append((term, al.dest_start, al.dest_end))
    return sorted(hits, key=lambda h: h[1])


def distance(span: tuple[int, int], other: tuple[int, int]) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, max(span[0], other[0]) - min(span[1], other[1]))


def locate(span: str | None, sentence: str | None) -> tuple[int, int] | None:
    """The span's offsets inside its sentence (first occurrence), or None."""
    if not span or not sentence:
        return None
    i = sentence.find(span)
    return (i, i + len(span)) if i >= 0 else None
