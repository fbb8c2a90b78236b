"""The founding article: its dates, speakers, chains of attribution and ranking."""

import json

import pytest

from claimkit import extract_claims


@pytest.fixture(scope="module")
def article(seed_article):
    return seed_article


@pytest.fixture(scope="module")
def claims(article):
    return extract_claims(article, extractors=["times", "quote", "attribution", "comparisons", "roles"])


def in_sentence(claims, kind, needle):
    return claims[(claims.kind == kind) & claims.sentence.str.contains(needle, regex=False)]


def test_offsets_are_exact(article, claims):
    assert all(article.text[r.start : r.end] == r.span for r in claims.itertuples())


@pytest.mark.parametrize(
    "needle, day",
    [
        ("in Geneva on Monday", "Monday"),
        ("in Brussels on Wednesday", "Wednesday"),
        ("in Vienna on Thursday", "Thursday"),
    ],
)
def test_the_three_weekdays(claims, needle, day):
    expected = {"Monday": "2022-01-10", "Wednesday": "2022-01-12", "Thursday": "2022-01-13"}[day]
    rows = in_sentence(claims, "time", needle)
    assert expected in rows[rows.span == day].date.tolist()


def test_said_on_thursday_and_on_wednesday(claims):
    assert in_sentence(claims, "time", "Russia said on Thursday").date.tolist() == ["2022-01-13"]
    assert in_sentence(claims, "time", "Sherman said on Wednesday").date.tolist() == ["2022-01-12"]
    assert in_sentence(claims, "time", "Senate Democrats on Wednesday").date.tolist() == ["2022-01-12"]


def test_the_last_30_years_ends_at_publication(claims):
    rows = claims[(claims.kind == "time") & (claims.span == "the last 30 years")]
    assert len(rows) == 2 and set(rows.date) == {"1992-01-13/2022-01-13"}


def quote_speaker(claims, needle):
    rows = claims[(claims.kind == "quote") & claims.span.str.contains(needle, regex=False)]
    assert len(rows) == 1, rows
    return rows.speaker.iloc[0], json.loads(rows.details.iloc[0])


@pytest.mark.parametrize(
    "needle, speaker",
    [
        ("dead end or difference in approach", "Sergei Ryabkov"),
        ("were not ready to meet our key requirements", "Sergei Ryabkov"),
        ("positive nuances", "Dmitry Peskov"),
        ("We view the appearance", "Dmitry Peskov"),
        ("It seems that the risk of war", "Zbigniew Rau"),
        ("As we prepare for an open dialogue", "Michael Carpenter"),
        ("If we do not hear constructive responses", "Alexander Lukashevich"),
        ("military-technical measures", "Russia"),
    ],
)
def test_every_direct_quote_has_its_speaker(claims, needle, speaker):
    assert quote_speaker(claims, needle)[0] == speaker


def test_every_quote_is_attributed(claims):
    quotes = claims[claims.kind == "quote"]
    assert len(quotes) == 8 and quotes.speaker.notna().all()


def test_the_russian_mission_quoted_its_ambassador(claims):
    _, d = quote_speaker(claims, "If we do not hear")
    assert d["via"] == "Russian mission" and d["channel"] == "Twitter" and d["title"] == "ambassador"


def test_ryabkov_through_tass(claims):
    rows = in_sentence(claims, "attribution", "quoted by the TASS news agency")
    assert rows.speaker.tolist() == ["Sergei Ryabkov"]
    assert "TASS" in json.loads(rows.details.iloc[0])["via"]


@pytest.mark.parametrize(
    "speaker, date",
    [
        ("US Senate Democrats", "2022-01-12"),
        ("Wendy Sherman", "2022-01-12"),
        ("senior Biden administration officials", "2022-01-12"),
        ("Russia", "2022-01-13"),
    ],
)
def test_attributions_exist(claims, speaker, date):
    rows = claims[(claims.kind == "attribution") & (claims.speaker == speaker)]
    assert date in rows.date.tolist()


def test_title_only_speakers_resolve(claims):
    rows = in_sentence(claims, "attribution", "The Polish Foreign Minister said in Vienna")
    assert rows.speaker.tolist() == ["Zbigniew Rau", "Michael Carpenter"]  # the second is "the US envoy"


def test_roles(claims):
    roles = claims[claims.kind == "role"]
    pairs = set(zip(roles.subject, roles.speaker))
    assert {
        ("Deputy Foreign Minister", "Sergei Ryabkov"),
        ("Kremlin spokesman", "Dmitry Peskov"),
        ("Polish Foreign Minister", "Zbigniew Rau"),
        ("US Ambassador", "Michael Carpenter"),
        ("US Deputy Secretary of State", "Wendy Sherman"),
        ("President", "Vladimir Putin"),
    } <= pairs
    assert set(roles.date) == {"2022-01-13"}


def test_comparisons_carry_the_compared_period(claims):
    comps = claims[claims.kind == "comparison"]
    assert set(comps.date) == {"1992-01-13/2022-01-13"} and len(comps) == 2


def test_dated_events_rank_above_opinions(claims):
    opinion = in_sentence(claims, "attribution", "tantamount to breaking ties").checkworthiness.max()
    dated = claims[(claims.kind == "time") & claims.span.isin(["Monday", "Wednesday", "Thursday"])]
    assert (dated.checkworthiness > opinion).all()


def test_the_cookie_banner_yields_nothing(article, claims):
    assert not claims.sentence.str.contains("cookies|Accept Read More", regex=True).any()
