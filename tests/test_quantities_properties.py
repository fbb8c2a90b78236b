"""Properties of parse_quantities that hold for any input (Hypothesis)."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit.extract import Document
from claimkit.extract.quantities import parse_quantities, quantities
from claimkit.sentences import split_sentences

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text that looks like news around figures: words, digits, separators, signs, currency, brackets, quotes
NEWSY = st.lists(
    st.sampled_from(
        list("0123456789 ,.-–%$£€()[]\"'/:+~<>\n")
        + [
            " about ",
            " more than ",
            " between ",
            " and ",
            " to ",
            " million ",
            " bn",
            " k",
            " per cent",
            " people",
            " years",
            " one",
            " twenty",
            "-five",
            " hundred",
            " a half",
            " third",
            " 2021",
            " km",
            " January ",
            " G7",
            " US$",
            " at least ",
            " or more",
            " decades",
            " e",
            "e",
        ]
    ),
    max_size=30,
).map("".join)
ANY_TEXT = st.one_of(st.text(max_size=80), NEWSY)


def check(text, qs):
    for q in qs:
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        for v in (q.value, q.low, q.high):
            assert v is None or math.isfinite(v)
        if q.low is not None and q.high is not None:
            assert q.low <= q.high
        if q.value is not None:
            assert q.low is None or q.low <= q.value
            assert q.high is None or q.value <= q.high


@SETTINGS
@given(ANY_TEXT)
def test_offsets_are_inside_the_text_and_the_span_is_the_text(text):
    for q in parse_quantities(text):
        assert 0 <= q.start <= q.end <= len(text)
        assert text[q.start : q.end] == q.text
        for s, e, _ in q.numerals:
            assert 0 <= s <= e <= len(text)


@SETTINGS
@given(ANY_TEXT)
def test_values_are_finite_and_low_le_value_le_high(text):
    check(text, parse_quantities(text))


@SETTINGS
@given(st.text(max_size=120))
def test_no_exception_on_any_unicode_string(text):
    parse_quantities(text)
    list(quantities(Document(text, split_sentences(text))))


@SETTINGS
@given(NEWSY)
def test_the_extractor_keeps_the_invariants(text):
    for f in quantities(Document(text, split_sentences(text))):
        assert 0 <= f.start <= f.end <= len(text)
        for v in (f.value, f.low, f.high):
            assert v is None or math.isfinite(v)
        if f.low is not None and f.high is not None:
            assert f.low <= f.high


@SETTINGS
@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_an_integer_written_with_thousands_separators_reads_back(n):
    text = f"{n:,}"
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    assert qs[0].text == text and qs[0].value == n


@SETTINGS
@given(
    st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False),
    st.integers(min_value=1, max_value=6),
)
def test_a_float_written_with_thousands_separators_reads_back(x, places):
    text = f"{x:,.{places}f}"
    qs = parse_quantities(text)
    assert len(qs) == 1, qs
    assert qs[0].text == text
    assert math.isclose(qs[0].value, float(text.replace(",", "")), rel_tol=1e-12, abs_tol=0)


@SETTINGS
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["people", "troops", "dollars", "km"]))
def test_a_separated_figure_in_a_sentence_reads_back(n, noun):
    text = f"They counted {n:,} {noun} there."
    qs = [q for q in parse_quantities(text) if q.numerals]
    assert any(v == n for q in qs for _, _, v in q.numerals), qs
