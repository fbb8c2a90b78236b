"""Comparative and superlative claims with the period they are measured against."""

from tests.helpers.claims import extracted_by

comparisons = extracted_by("comparisons")


def test_comparative_against_the_last_30_years():
    df = comparisons("The risk of war is now greater than ever before in the last 30 years.")
    assert df.span.tolist() == ["greater than ever before in the last 30 years"]
    assert df.date.tolist() == ["1992-01-13/2022-01-13"]


def test_closer_than_at_any_time():
    df = comparisons("Europe was closer to war than at any time in the last 30 years.")
    assert df.span.tolist() == ["closer to war than at any time in the last 30 years"]


def test_superlative_since_a_year():
    df = comparisons("The deployment is the largest since 1945.")
    assert df.span.tolist() == ["the largest since 1945"] and df.date.tolist() == ["1945-01-01/2022-01-13"]


def test_open_comparison_has_no_period():
    df = comparisons("Tensions are higher than ever.")
    assert df.span.tolist() == ["higher than ever"] and df.date.tolist() == [None]
    assert '"open": true' in df.details[0]


def test_more_than_a_number_is_a_quantity_not_a_comparison():
    assert comparisons("More than 100,000 troops and more than 50 tanks were counted.").empty


def test_words_ending_in_er_are_not_comparatives():
    assert comparisons("The foreign minister met the other leader near the border after the summit.").empty


def test_a_superlative_without_a_frame_is_not_a_claim():
    assert comparisons("The latest talks were the longest.").empty
