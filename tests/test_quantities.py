"""parse_quantities, by example: the sentence, and what must come out of it."""

import math

import pytest

from claimkit import parse_quantities


def one(text):
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    q = qs[0]
    assert text[q.start : q.end] == q.text
    return q


# numerals in news forms
@pytest.mark.parametrize(
    "text,value",
    [
        ("100,000", 100000),
        ("100 000", 100000),
        ("1.674.200,5", 1674200.5),
        ("3.75", 3.75),
        ("-4", -4),
        ("10M", 10_000_000),
        ("5k", 5000),
        ("1.5 million", 1_500_000),
        ("a dozen", 12),
        ("one hundred and six", 106),
        ("thirty-five", 35),
        ("five and a half million", 5_500_000),
        ("three quarters", 0.75),
        ("1/2", 0.5),
        ("half a dozen", 6),
        ("1e10", 1e10),
    ],
)
def test_numeral_forms(text, value):
    assert math.isclose(one(text).value, value)


def test_money_with_scale_suffix_is_usd_billions():
    q = one("$2.3bn")
    assert (q.kind, q.unit, q.value, q.scale_word) == ("money", "USD", 2_300_000_000, "billion")


@pytest.mark.parametrize(
    "text,unit",
    [
        ("£1.2tn", "GBP"),
        ("€5", "EUR"),
        ("US$ 40", "USD"),
        ("300 rubles", "RUB"),
        ("2 billion hryvnias", "UAH"),
        ("5 dollars", "USD"),
    ],
)
def test_currencies(text, unit):
    q = one(text)
    assert q.kind == "money" and q.unit == unit


def test_around_100000_troops():
    q = one("gathering around 100,000 troops near the border")
    assert q.text == "around 100,000 troops"
    assert (q.value, q.low, q.high, q.qualifier, q.approximate, q.kind, q.unit) == (
        100000,
        90000,
        110000,
        "about",
        True,
        "count",
        "troop",
    )


@pytest.mark.parametrize(
    "text,low,high,li,hi,qualifier",
    [
        ("more than 2,000 people", 2000, None, False, False, "over"),
        ("at least 30 killed", 30, None, True, False, "at_least"),
        ("up to 700 workers", None, 700, False, True, "at_most"),
        ("fewer than 1,000 pandas", None, 1000, False, False, "under"),
        ("nearly 100 villages", 90, 100, True, False, "nearly"),
        ("between 120,000 and 130,000 troops", 120000, 130000, True, False, "range"),
        ("120,000-130,000 troops", 120000, 130000, True, False, "range"),
        ("from 20 to 30 people", 20, 30, True, False, "range"),
        ("500 or more", 500, None, True, False, "at_least"),
    ],
)
def test_qualifiers_become_intervals(text, low, high, li, hi, qualifier):
    q = one(text)
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)
    assert (q.low_inclusive, q.high_inclusive) == (li, hi)


def test_a_change_is_not_a_range():
    qs = parse_quantities("Inflation rose from 5% to 7.5%.")
    assert [q.value for q in qs] == [5, 7.5]


@pytest.mark.parametrize(
    "text,unit",
    [
        ("7.5%", "percent"),
        ("7.5 per cent", "percent"),
        ("seven percent", "percent"),
        ("2 percentage points", "percentage point"),
    ],
)
def test_percentages(text, unit):
    q = one(text)
    assert q.kind == "percent" and q.unit == unit


@pytest.mark.parametrize(
    "text,kind,unit,value",
    [
        ("30 years", "duration", "year", 30),
        ("six months", "duration", "month", 6),
        ("29km", "dimension", "km", 29),
        ("40 square kilometres", "dimension", "km2", 40),
        ("2 million barrels", "dimension", "barrel", 2_000_000),
        ("30 degrees Celsius", "dimension", "degC", 30),
        ("57 countries", "count", "country", 57),
        ("3 children", "count", "child", 3),
    ],
)
def test_kinds_and_units(text, kind, unit, value):
    q = one(text)
    assert (q.kind, q.unit, q.value) == (kind, unit, value)


def test_round_plurals_are_approximate_intervals():
    q = one("tens of thousands of protesters")
    assert (q.low, q.high, q.approximate, q.unit) == (20000, 100000, True, "protester")
    q = one("decades")
    assert (q.kind, q.unit, q.low, q.high) == ("duration", "year", 20, 100)


@pytest.mark.parametrize(
    "text",
    [
        "in 2021",
        "at 10:30",
        "at 3 p.m.",
        "call +1-222-555-0100",
        "version 1.2.3",
        "the G7 summit",
        "a Boeing 737",
        "COVID-19",
        "Article 5 of the treaty",
        "on January 13",
        "the May 4th",
        "10 Downing Street",
        "1. Introduction",
        "the one you mentioned",
    ],
)
def test_non_quantities_are_not_reported(text):
    assert [q for q in parse_quantities(text) if q.kind not in ("ordinal",)] == []


def test_ordinals():
    q = one("the fifteenth")
    assert (q.kind, q.value) == ("ordinal", 15)
    assert one("21st").value == 21


def test_hostile_inputs_stay_finite_and_fast():
    assert parse_quantities("1e999999") == []
    assert parse_quantities("9" * 10_000) == []
    qs = parse_quantities(",".join(["1"] * 5000))
    assert all(math.isfinite(q.value) for q in qs)
