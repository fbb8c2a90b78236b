"""The words claimkit's tables are written in — verdicts, claim kinds, qualifiers, what a figure measures — defined once.

Every module that writes or reads one of these values imports it from here, and
``tests/test_vocab.py`` checks that the Great Expectations suites in ``expectations/`` accept
exactly these values, so a word added here and not to a suite (or the other way round) fails a test
instead of a validation run. Display names and colours stay with the code that shows them
(:mod:`claimkit.display`, :mod:`claimkit.claimreview`), keyed by these words.
"""

from __future__ import annotations

# ------------------------------------------------------------------ verdicts (verdicts table, reviews, checks)

#: every verdict, in the order tables and summaries list them
VERDICTS = ("supported", "contradicted", "misleading", "unsupported", "unverified")
#: the verdict of a claim nothing decided (a quote, an opinion, a figure without evidence)
UNVERIFIED = "unverified"
#: the verdicts that decide a claim
DECIDED = tuple(v for v in VERDICTS if v != UNVERIFIED)
#: the verdicts that assert something about the world, so a review giving one must name its source
ASSERTING = ("supported", "contradicted", "misleading")
#: how a verdict was reached: by a check without a query, by a query of the reference data, by a journalist
METHODS = ("auto", "query", "review")

# ------------------------------------------------------------------ claims (claims table)

#: what a claim is about: the contract's vocabulary, plus ``role`` for a person-title pair and ``capital`` and
#: ``currency`` for a country's capital or currency stated in passing (claimkit.extract.world_facts)
CLAIM_KINDS = (
    "quantity",
    "money",
    "percent",
    "time",
    "duration",
    "quote",
    "attribution",
    "comparison",
    "role",
    "capital",
    "currency",
)
#: the kinds whose claim carries a figure (value, low, high, unit)
FIGURE_KINDS = ("quantity", "money", "percent")
#: how a claim states its figure or date: the figure itself, around it, beyond it, between two
QUALIFIERS = ("exact", "about", "over", "under", "at_least", "at_most", "nearly", "range", "comparative", "superlative")

# ------------------------------------------------------------------ mentions (what the extractors find)

#: what a figure measures (``Quantity.kind``)
QUANTITY_KINDS = ("number", "ordinal", "percent", "money", "duration", "dimension", "count")
#: the qualifiers a figure can carry (``Quantity.qualifier``): the claims' qualifiers less the comparisons
QUANTITY_QUALIFIERS = ("exact", "about", "over", "under", "at_least", "at_most", "nearly", "range")
#: what a time mention is (``TimeMention.kind``)
TIME_KINDS = ("date", "period", "duration", "set")

__all__ = [
    "ASSERTING",
    "CLAIM_KINDS",
    "DECIDED",
    "FIGURE_KINDS",
    "METHODS",
    "QUALIFIERS",
    "QUANTITY_KINDS",
    "QUANTITY_QUALIFIERS",
    "TIME_KINDS",
    "UNVERIFIED",
    "VERDICTS",
]
