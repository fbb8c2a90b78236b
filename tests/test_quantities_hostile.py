"""parse_quantities and the ``quantities`` extractor on hostile input: linear time and sane output.

Each pathological input is timed against a same-sized ordinary news text (the seed article repeated),
measured in the same test, so the bounds are ratios and hold on a slow or busy machine:

- inputs that hold few figures must cost at most ``RATIO`` times the news text of the same size;
- inputs that are nothing but figures ("1,1,1,…", "1 2 3 …") report one figure every few characters
  (their output is proportional to their size), so they are bounded per figure reported: no figure may cost
  more than ``RATIO`` times what a figure costs in news text, and four times the input may cost at most
  ``GROWTH`` times as much (linear: 4, quadratic: 16).

Every result must satisfy the invariants: offsets inside the text, ``text[start:end] == q.text``, finite
values, ``low <= value <= high``.
"""

import math
import time
from pathlib import Path

import pytest

from claimkit.extract import Document
from claimkit.extract.quantities import parse_quantities, quantities
from claimkit.sentences import split_sentences

SEED = (Path(__file__).resolve().parents[1] / "data/articles/russia-osce-dead-end.txt").read_text(encoding="utf-8")
RATIO = 5.0
GROWTH = 8.0


def news(n: int) -> str:
    """Ordinary news text of exactly ``n`` characters."""
    return (SEED * (n // len(SEED) + 1))[:n]


def best_time(fn, text: str, rounds: int = 3) -> tuple[float, object]:
    """Seconds per call (best of ``rounds``, each round repeated to last at least 20 ms) and the last result."""
    t = time.perf_counter()
    out = fn(text)
    once = time.perf_counter() - t
    calls = max(1, int(0.02 / max(once, 1e-6)))
    best = once
    for _ in range(rounds - 1):
        t = time.perf_counter()
        for _ in range(calls):
            out = fn(text)
        best = min(best, (time.perf_counter() - t) / calls)
    return best, out


def extract(text: str) -> list:
    return list(quantities(Document(text, split_sentences(text))))


def check_quantities(text, qs):
    for q in qs:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        for s, e, v in q.numerals:
            assert 0 <= s <= e <= len(text)
            assert v is None or math.isfinite(v)
        for span in (q.range_span, q.measure_span):
            if span is not None:
                assert 0 <= span[0] <= span[1] <= len(text)
        check_interval(q.value, q.low, q.high)


def check_findings(text, findings):
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text)
        check_interval(f.value, f.low, f.high)


def check_interval(value, low, high):
    for v in (value, low, high):
        assert v is None or math.isfinite(v), (value, low, high)
    if low is not None and high is not None:
        assert low <= high
    if value is not None:
        assert low is None or low <= value
        assert high is None or value <= high


FEW_FIGURES = {
    "9 x 10,000": "9" * 10_000,
    "9 x 1,000,000": "9" * 1_000_000,
    "1e followed by 200,000 nines": "1e" + "9" * 200_000,
    "0. + 10,000 zeros + 1": "0." + "0" * 10_000 + "1",
    "brackets 10,000 deep": "(" * 10_000 + "about 12 people" + ")" * 10_000,
    "quotes 10,000 deep": '"' * 10_000 + "more than 12 people" + '"' * 10_000,
    "mixed brackets and quotes": "([{\"'" * 4_000 + "$12bn" + "'\"}])" * 4_000,
    "200,000 spaces between two figures": "12 people" + " " * 200_000 + "and 13",
    "an e-mail address 100,000 characters long": "a" * 100_000 + "@b.com 5 kg",
    "dotted digits 100,000 long": "1." * 50_000,
    "3-digit groups 100,000 long": " ".join(str(100 + i % 900) for i in range(25_000)),
}


@pytest.mark.parametrize("name", sorted(FEW_FIGURES))
def test_parse_quantities_on_hostile_input_costs_at_most_a_few_times_news_text(name):
    text = FEW_FIGURES[name]
    t_news, _ = best_time(parse_quantities, news(len(text)))
    t_bad, qs = best_time(parse_quantities, text)
    check_quantities(text, qs)
    assert t_bad <= RATIO * t_news, f"{name}: {t_bad / t_news:.1f}x the news text of the same size"


@pytest.mark.parametrize("name", sorted(FEW_FIGURES))
def test_quantities_extractor_on_hostile_input_costs_at_most_a_few_times_news_text(name):
    text = FEW_FIGURES[name]
    t_news, _ = best_time(extract, news(len(text)))
    t_bad, findings = best_time(extract, text)
    check_findings(text, findings)
    assert t_bad <= RATIO * t_news, f"{name}: {t_bad / t_news:.1f}x the news text of the same size"


def test_five_megabytes_on_one_line_cost_at_most_a_few_times_the_same_text_with_its_sentences():
    ordinary = news(5_000_000)
    one_line = ordinary.replace("\n", " ").replace(". ", ", ").replace("? ", ", ").replace("! ", ", ")
    assert len(split_sentences(one_line)) <= 2
    t_news, _ = best_time(extract, ordinary, rounds=1)
    t_bad, findings = best_time(extract, one_line, rounds=1)
    check_findings(one_line, findings)
    assert findings
    assert t_bad <= RATIO * t_news, f"{t_bad / t_news:.1f}x"
    t_news, _ = best_time(parse_quantities, ordinary, rounds=1)
    t_bad, qs = best_time(parse_quantities, one_line, rounds=1)
    check_quantities(one_line, qs)
    assert t_bad <= RATIO * t_news, f"{t_bad / t_news:.1f}x"


def test_literal_hostile_numbers_give_finite_values_or_nothing():
    for text in (
        "1e999999",
        "1e999999 people",
        "-1e999999",
        "$1e999999",
        "0." + "0" * 10_000 + "1",
        "1" * 400 + ".5",
        "9" * 1_000_000,
        "1,000" * 1000,
        "1 000" * 1000,
    ):
        qs = parse_quantities(text)
        check_quantities(text, qs)
        check_findings(text, extract(text))


ALL_FIGURES = {
    "1,1,1,1,...": lambda n: ("1," * n)[:n],
    "1 2 3 4 ...": lambda n: " ".join(str(i) for i in range(1, n))[:n],
    "one two three ...": lambda n: ("one two three four five six seven eight nine ten " * (n // 50 + 1))[:n],
}
SIZES = {"1,1,1,1,...": 200_000, "1 2 3 4 ...": 48_894, "one two three ...": 50_000}  # 1 2 3 ... 10,000


@pytest.mark.parametrize("name", sorted(ALL_FIGURES))
def test_figure_dense_input_costs_no_more_per_figure_than_news_text(name):
    text = ALL_FIGURES[name](SIZES[name])
    plain = news(len(text))
    t_news, news_qs = best_time(parse_quantities, plain, rounds=2)
    t_bad, qs = best_time(parse_quantities, text, rounds=1)
    check_quantities(text, qs)
    assert len(qs) >= len(text) // 10  # these inputs are all figures
    per_news, per_bad = t_news / len(news_qs), t_bad / len(qs)
    assert per_bad <= RATIO * per_news, f"{name}: a figure costs {per_bad / per_news:.1f}x a figure in news text"


@pytest.mark.parametrize("name", sorted(ALL_FIGURES))
def test_figure_dense_input_grows_linearly(name):
    small = ALL_FIGURES[name](12_500)
    large = ALL_FIGURES[name](50_000)
    t_small, _ = best_time(parse_quantities, small, rounds=2)
    t_large, qs = best_time(parse_quantities, large, rounds=2)
    check_quantities(large, qs)
    assert t_large <= GROWTH * t_small, f"{name}: 4x the input took {t_large / t_small:.1f}x the time"


def test_figure_dense_input_through_the_extractor_keeps_the_invariants():
    for make in ALL_FIGURES.values():
        text = make(20_000)
        check_findings(text, extract(text))
