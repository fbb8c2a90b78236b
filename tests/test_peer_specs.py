"""parse_quantities against the peer suites.

The cases are the English number specs of Microsoft Recognizers-Text
(https://github.com/microsoft/Recognizers-Text, Specs/Number/English, MIT licence), copied
to tests/peer_specs/recognizers-text/ (with its LICENCE). A case passes when every expected result is
found with its span and resolved value and nothing else is reported in that model's terms
(see claimkit/extract/_peerspecs.py). The targets are the project's: NumberModel >= 90 %,
NumberRangeModel >= 85 %, PercentModel >= 95 %.
"""

from pathlib import Path

import pytest

from claimkit.extract._peerspecs import score_file
from claimkit.extract.quantities import parse_quantities

SPECS = Path(__file__).resolve().parents[1] / "tests" / "peer_specs" / "recognizers-text"
TARGETS = {"NumberModel.json": 0.90, "NumberRangeModel.json": 0.85, "PercentModel.json": 0.95}


@pytest.mark.parametrize("name", sorted(TARGETS))
def test_peer_suite_pass_rate_meets_target(name):
    passed, total, failed = score_file(SPECS / name, parse_quantities)
    rate = passed / total
    print(f"{name}: {passed}/{total} = {rate:.1%}")
    assert rate >= TARGETS[name], f"{name}: {rate:.1%} < {TARGETS[name]:.0%}; failing: {failed}"
