"""How much a claim deserves a check, in [0, 1].

The score starts from the extractor's prior for the claim's kind (a figure or a dated event
is more checkable than a quote of opinion) and moves with features of its sentence:

- up: a specific figure (a number with a unit or counted noun), a resolved date, a named
  speaker, a named place or body in the sentence, a chain of attribution to check;
- down: hedged or hypothetical language ("would", "could", "may", "tantamount"), opinion
  and evaluation words, first-person views ("we view", "it seems"), questions, a vague
  span of time ("the coming days"), a speaker the story does not identify.

The priors per kind are in ``lexicon/checkworthiness_kinds.tsv`` (figures and dated events
high, opinion quotes lower); docs/time-and-speakers.md explains the method.

Each adjustment is small and documented in ``lexicon/checkworthiness.tsv`` so a desk can tune it.
"""
from __future__ import annotations

import re
from functools import lru_cache

from claimkit.lexicon import table


@lru_cache(maxsize=1)
def _priors() -> dict[str, float]:
    return {row["kind"]: float(row["prior"]) for row in table("checkworthiness_kinds.tsv")}


def prior(kind: str) -> float:
    """The score a claim of ``kind`` starts from (``lexicon/checkworthiness_kinds.tsv``); 0.5 if unlisted."""
    return _priors().get(kind, 0.5)


@lru_cache(maxsize=1)
def _features() -> list[tuple[re.Pattern, float, str]]:
    return [(re.compile(row["pattern"], re.IGNORECASE), float(row["weight"]), row["why"]) for row in table("checkworthiness.tsv")]


def explain(finding, sentence: str) -> list[tuple[str, float]]:
    """The adjustments that apply to a finding in its sentence, as (why, weight) pairs."""
    out = []
    if finding.value is not None or finding.low is not None or finding.high is not None:
        out.append(("a figure a source can confirm", 0.1))
    if finding.unit:
        out.append(("the figure counts something named", 0.05))
    if finding.date:
        out.append(("dated", 0.05))
    if finding.speaker:
        out.append(("attributed to a named speaker", 0.05))
    extra = finding.extra or {}
    if extra.get("vague"):
        out.append(("a vague span of time, little to check", -0.15))
    if extra.get("speaker_resolved") is False:
        out.append(("the speaker is not identified", -0.05))
    if extra.get("via"):
        out.append(("second-hand: reported through another outlet or body", 0.03))
    for pattern, weight, why in _features():
        if pattern.search(sentence):
            out.append((why, weight))
    return out


def score(finding, sentence: str) -> float:
    total = finding.weight + sum(w for _, w in explain(finding, sentence))
    return round(min(1.0, max(0.0, total)), 3)
