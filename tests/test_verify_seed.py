"""The issue's bar, on the founding article with the real extractors (claimkit.extract_claims)."""

import pytest

from claimkit import extract_claims, load_article, verify
from tests.helpers.claims import ALTERED, SEED


def verdicts_of(path):
    claims = extract_claims(load_article(path))
    v = verify(claims)
    return claims, v.merge(claims[["claim_id", "value", "unit", "subject"]], on="claim_id")


def find(v, **where):
    rows = v
    for col, test in where.items():
        rows = rows[rows[col].map(lambda x, t=test: bool(x == t) if not callable(t) else bool(t(x)))]
    assert len(rows) >= 1, f"no claim with {where}"
    return rows


@pytest.fixture(scope="module")
def seed():
    return verdicts_of(SEED)[1]


@pytest.fixture(scope="module")
def altered():
    return verdicts_of(ALTERED)[1]


def test_around_100000_troops_is_supported_citing_its_rows(seed):
    row = find(seed, kind="quantity", unit="troop", value=100000.0).iloc[0]
    assert row.verdict == "supported"
    assert row.evidence_ids and all(i.startswith("troops-") for i in row.evidence_ids)


def test_57_countries_is_supported_by_the_osce_table(seed):
    row = find(seed, kind="quantity", unit="country", value=57.0).iloc[0]
    assert row.verdict == "supported" and len(row.evidence_ids) == 57
    assert all(i.startswith("osce-") for i in row.evidence_ids)


@pytest.mark.parametrize(
    "place, weekday, event",
    [
        ("Geneva", "Monday", "cal-2022-01-10-geneva"),
        ("Brussels", "Wednesday", "cal-2022-01-12-brussels"),
        ("Vienna", "Thursday", "cal-2022-01-13-vienna"),
    ],
)
def test_the_three_weekdays_are_checked_against_the_calendar(seed, place, weekday, event):
    rows = find(seed, kind="time", span=lambda s: weekday in str(s), sentence=lambda s: place in str(s))
    rows = rows[rows["evidence_ids"].map(lambda ids: event in ids)]
    assert len(rows) == 1 and rows.iloc[0].verdict == "supported"


@pytest.mark.parametrize(
    "person, office",
    [
        ("Sergei Ryabkov", "office-ryabkov"),
        ("Dmitry Peskov", "office-peskov"),
        ("Zbigniew Rau", "office-rau-mfa"),
        ("Michael Carpenter", "office-carpenter"),
    ],
)
def test_the_speakers_titles_are_checked_against_office_holders(seed, person, office):
    rows = find(seed, kind="role", speaker=person)
    assert (rows["verdict"] == "supported").all()
    assert rows["evidence_ids"].map(lambda ids: office in ids).any()


def test_the_altered_copy_is_contradicted_on_exactly_the_altered_claims(altered):
    contradicted = altered[altered["verdict"] == "contradicted"]
    spans = sorted(contradicted["span"])
    assert len(spans) == 3, spans
    assert any("67" in s for s in spans) and any("Tuesday" in s for s in spans) and any("300,000" in s for s in spans)


def test_the_seed_verdicts_keep_their_contract(seed):
    from claimkit import validate

    report = validate(seed.drop(columns=["value", "unit", "subject"]), "verdicts")
    assert report.success, report.summary()
    assert not (seed["verdict"] == "contradicted").any()
