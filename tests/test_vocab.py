"""One vocabulary: the suites in expectations/ accept exactly the words claimkit.vocab defines, and the code uses them."""

import json

import pytest

from claimkit import vocab
from claimkit.paths import EXPECTATIONS


def value_set(suite: str, column: str) -> list:
    """The value set a suite's ``expect_column_values_to_be_in_set`` gives ``column``."""
    data = json.loads((EXPECTATIONS / f"{suite}.json").read_text(encoding="utf-8"))
    sets = [
        e["kwargs"]["value_set"]
        for e in data["expectations"]
        if e["type"] == "expect_column_values_to_be_in_set" and e["kwargs"].get("column") == column
    ]
    assert len(sets) == 1, f"expectations/{suite}.json: {len(sets)} value sets for {column!r}"
    return sets[0]


@pytest.mark.parametrize(
    ("suite", "column", "words"),
    [
        ("verdicts", "verdict", vocab.VERDICTS),
        ("verdicts", "method", vocab.METHODS),
        ("claims", "kind", vocab.CLAIM_KINDS),
        ("claims", "qualifier", vocab.QUALIFIERS),
    ],
)
def test_a_suite_accepts_exactly_the_vocabulary(suite, column, words):
    assert sorted(value_set(suite, column)) == sorted(words)


def test_the_vocabulary_nests_as_its_names_say():
    assert set(vocab.DECIDED) | {vocab.UNVERIFIED} == set(vocab.VERDICTS) and vocab.UNVERIFIED not in vocab.DECIDED
    assert set(vocab.ASSERTING) <= set(vocab.DECIDED)
    assert set(vocab.FIGURE_KINDS) <= set(vocab.CLAIM_KINDS)
    assert set(vocab.QUANTITY_QUALIFIERS) <= set(vocab.QUALIFIERS)


def test_claimreview_rates_every_decided_verdict_and_nothing_else():
    from claimkit.claimreview import LABELS, RATINGS

    assert set(RATINGS) == set(LABELS) == set(vocab.DECIDED)


def test_reviews_accept_the_vocabulary():
    from claimkit import reviews

    assert reviews.VERDICTS == vocab.VERDICTS and reviews.NEEDS_SOURCE == vocab.ASSERTING
