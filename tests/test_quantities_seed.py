"""The seed article's figures in the claims table (data/articles/russia-osce-dead-end.txt)."""

import pytest

import claimkit


@pytest.fixture(scope="module")
def claims(seed_article):
    return claimkit.extract_claims(seed_article, extractors=["quantities"])


def rows(claims, span):
    return claims[claims["span"] == span]


def test_around_100000_troops_is_an_approximate_band(claims):
    r = rows(claims, "around 100,000 troops").iloc[0]
    assert r["kind"] == "quantity"
    assert (r["value"], r["low"], r["high"]) == (100000, 90000, 110000)
    assert r["qualifier"] == "about" and r["unit"] == "troop"
    assert r["subject"] == "troops near the border with Ukraine"


def test_57_countries_is_an_exact_count(claims):
    r = rows(claims, "57 countries").iloc[0]
    assert (r["value"], r["low"], r["high"], r["qualifier"], r["unit"]) == (57, 57, 57, "exact", "country")
    assert r["subject"] == "countries"
    assert "Organization for Security and Co-operation in Europe" in r["details"]


def test_the_last_30_years_is_a_duration_both_times(claims):
    r = rows(claims, "30 years")
    assert len(r) == 2
    assert set(r["kind"]) == {"duration"} and set(r["unit"]) == {"year"} and set(r["value"]) == {30}
    assert set(r["subject"]) == {"the last 30 years"}


def test_decades_is_an_open_ended_approximate_interval_of_years(claims):
    r = rows(claims, "decades")
    assert len(r) == 2
    assert set(r["kind"]) == {"duration"} and set(r["unit"]) == {"year"}
    assert set(r["low"]) == {20} and all(h >= 100 for h in r["high"])
    assert all('"approximate": true' in d for d in r["details"])
    assert set(r["subject"]) == {"alliance expansion in Europe", "NATO expansion"}


def test_no_claim_from_ordinals_or_the_cookie_banner(claims):
    assert "first" not in set(claims["span"])
    assert len(claims) == 6
