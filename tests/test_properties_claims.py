"""Property-based tests (Hypothesis) for the claims table: on any text, every row's span is
text[start:end] and inside its sentence, low <= value <= high, ids are unique; and a figure written
in the usual ways comes back as its value."""

import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit import Article
from claimkit.claims import extract_claims
from claimkit.extract.quotes import find_quotes

WORDS = st.lists(
    st.sampled_from(
        [
            "said ",
            "told ",
            "Smith ",
            "Deputy Foreign Minister ",
            "Sergei Ryabkov ",
            "on Monday ",
            "that ",
            '"',
            "'",
            ", ",
            ". ",
            "\n\n",
            "100,000 ",
            "troops ",
            "$1.5 billion ",
            "57 ",
            "countries ",
            "more than ",
            "about ",
            "the largest ",
            "since 1945 ",
            "in the last 30 years ",
            "%",
            "percent ",
            "(",
            ")",
            "1e9 ",
            "-",
            "Сергей ",
            "million ",
            "half ",
        ]
    ),
    max_size=40,
).map("".join)


OWN_EXTRACTORS = ["times", "quote", "attribution", "comparisons", "roles"]


def _check(text, extractors=None):
    claims = extract_claims(Article(text=text), extractors=extractors)
    for row in claims.itertuples():
        assert 0 <= row.start <= row.end <= len(text)
        assert text[row.start : row.end] == row.span
        assert row.span in row.sentence
        lo = -math.inf if row.low != row.low else row.low
        hi = math.inf if row.high != row.high else row.high
        if row.value == row.value:  # not NaN
            assert lo <= row.value <= hi, (row.span, row.low, row.value, row.high)
        assert lo <= hi
        assert 0.0 <= row.checkworthiness <= 1.0
    assert claims["claim_id"].is_unique
    return claims


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS)
def test_newsy_text_through_times_quotes_comparisons_and_roles(text):
    if text.strip():
        _check(text, OWN_EXTRACTORS)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1))
def test_any_unicode_string_through_times_quotes_comparisons_and_roles(text):
    if text.strip():
        _check(text, OWN_EXTRACTORS)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(WORDS | st.text(min_size=1))
def test_any_text_through_every_extractor(text):
    if text.strip():
        _check(text)


@settings(max_examples=150, deadline=None)
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["{:,}", "{}"]))
def test_a_formatted_count_comes_back_as_its_value(n, fmt):
    text = f"Officials said {fmt.format(n)} troops were there."
    claims = _check(text)
    figure = claims[claims.kind.isin(["quantity", "count"]) & claims.span.str.contains(fmt.format(n), regex=False)]
    assert not figure.empty, text
    assert figure.iloc[0]["value"] == n


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_quotes_pair_inside_the_text(text):
    for q in find_quotes(text):
        assert 0 <= q.open < q.start <= q.end <= q.close < len(text)
        assert text[q.open] == '"' and text[q.close] == '"'
