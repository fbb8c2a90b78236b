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


def test_no_module_but_the_vocabulary_writes_a_vocabulary_out():
    """A tuple, list or set literal equal to one of claimkit.vocab's word lists is a second copy that will drift."""
    import ast

    from claimkit.paths import ROOT

    lists = {frozenset(getattr(vocab, name)): name for name in vocab.__all__ if isinstance(getattr(vocab, name), tuple)}
    copies = []
    for path in sorted((ROOT / "claimkit").rglob("*.py")):
        if path.name == "vocab.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Tuple | ast.List | ast.Set) or len(node.elts) < 2:
                continue
            if all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts):
                words = frozenset(e.value for e in node.elts)
                if words in lists:
                    copies.append(f"{path.relative_to(ROOT)}:{node.lineno} writes out vocab.{lists[words]}")
    assert not copies, copies


def test_the_desk_colours_every_verdict_in_order_and_every_claim_kind():
    from claimkit.display import KIND_COLOURS, VERDICT_COLOURS, VERDICT_ORDER

    assert tuple(VERDICT_COLOURS) == tuple(VERDICT_ORDER) == vocab.VERDICTS
    assert set(KIND_COLOURS) == set(vocab.CLAIM_KINDS)
