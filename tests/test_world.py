"""World reference data (issue 15): titles, memberships, country figures, capitals and currencies,
each a real sentence run through extract_claims + verify on a date."""

from __future__ import annotations

import json
from datetime import date

import pytest

from claimkit import extract_claims, verify
from claimkit.evidence import EvidenceStore
from claimkit.paths import REFERENCE

WORLD_TABLES = ("world_countries", "world_figures", "world_organisations", "world_memberships", "world_offices")


def verdict_of(sentence: str, on: str, kind: str, span_has: str = ""):
    claims = extract_claims(sentence, published=date.fromisoformat(on))
    verdicts = verify(claims).set_index("claim_id")
    for c in claims.to_dict("records"):
        if c["kind"] == kind and span_has in c["span"]:
            return verdicts.loc[c["claim_id"]]
    raise AssertionError(
        f"no {kind} claim with {span_has!r} in {sentence!r}: {claims[['kind', 'span']].values.tolist()}"
    )


# ---------------------------------------------------------------- titles with people


def test_president_donald_trump_holds_in_2018():
    v = verdict_of("President Donald Trump said the talks would go on.", "2018-05-01", "role")
    assert v.verdict == "supported" and any("trump" in i or "t000" in i for i in v.evidence_ids)


def test_president_donald_trump_is_contradicted_in_2022():
    v = verdict_of("President Donald Trump said the talks would go on.", "2022-05-01", "role")
    assert v.verdict == "contradicted" and "2021-01-20" in v.note


def test_former_president_is_not_a_claim_of_holding_office():
    v = verdict_of("Former President Donald Trump said the talks would go on.", "2022-05-01", "role")
    assert v.verdict == "supported" and "before 2022-05-01" in v.note


def test_house_speaker_paul_ryan_holds_in_2017_not_in_2014():
    assert verdict_of("House Speaker Paul Ryan said the bill would pass.", "2017-03-01", "role").verdict == "supported"
    assert (
        verdict_of("House Speaker Paul Ryan said the bill would pass.", "2014-03-01", "role").verdict == "contradicted"
    )


def test_foreign_minister_annalena_baerbock_in_2022_and_before_she_took_office():
    assert (
        verdict_of("Foreign Minister Annalena Baerbock arrived in Kyiv.", "2022-02-07", "role").verdict == "supported"
    )
    v = verdict_of("German Foreign Minister Annalena Baerbock arrived in Kyiv.", "2020-02-07", "role")
    assert v.verdict == "contradicted" and "Heiko Maas" in v.expected


def test_a_title_dated_after_the_office_table_ends_stays_unverified():
    v = verdict_of("Foreign Minister Annalena Baerbock arrived in Kyiv.", "2026-02-07", "role")
    assert v.verdict == "unverified" and "2025-06-30" in v.note


def test_a_title_before_the_coverage_is_not_denied():
    v = verdict_of("President Vladimir Putin visited Paris.", "2010-05-01", "role")
    assert v.verdict == "unverified" and "2012-01-01" in v.note, (
        "Putin was prime minister in 2010, but the G20 list starts in 2012"
    )


def test_chancellor_alone_may_be_another_office_so_it_denies_nothing():
    v = verdict_of("Chancellor Rishi Sunak presented the budget.", "2021-03-03", "role")
    assert v.verdict == "unverified", "Sunak was Chancellor of the Exchequer, an office the table does not hold"


def test_mr_surname_after_the_full_name_is_the_same_person():
    claims = extract_claims(
        "Sen. Bernie Sanders criticized the bill. Senator Sanders said it was weak.", published=date(2022, 5, 1)
    )
    roles = claims[claims.kind == "role"]
    assert set(roles.speaker) == {"Bernie Sanders"}
    assert set(verify(claims).set_index("claim_id").loc[roles.claim_id, "verdict"]) == {"supported"}


# ---------------------------------------------------------------- memberships


def test_the_27_member_eu_holds_in_2021_the_28_member_eu_does_not():
    assert (
        verdict_of("The 27-member European Union agreed on sanctions.", "2021-03-01", "quantity").verdict == "supported"
    )
    v = verdict_of("The 28-member European Union agreed on sanctions.", "2021-03-01", "quantity")
    assert v.verdict == "contradicted" and "2020-01-31" in v.note and "27 members" in v.expected


def test_nato_s_30_allies_hold_in_2021_not_in_2024():
    assert verdict_of("NATO's 30 allies met in Brussels.", "2021-06-14", "quantity").verdict == "supported"
    v = verdict_of("NATO's 30 allies met in Brussels.", "2024-06-14", "quantity")
    assert v.verdict == "contradicted" and "32" in v.expected


def test_a_part_of_an_organisation_is_not_its_size():
    v = verdict_of("Twelve NATO allies signed the letter.", "2024-06-14", "quantity")
    assert v.verdict != "contradicted"


def test_a_member_count_after_the_membership_coverage_stays_unverified():
    v = verdict_of("The 27-member European Union agreed on sanctions.", "2027-03-01", "quantity")
    assert v.verdict == "unverified" and "2025-06-30" in v.note


def test_the_un_and_the_euro_area_are_counted_on_their_dates():
    assert (
        verdict_of("The 193-member UN General Assembly voted.", "2022-09-01", "quantity", "193").verdict == "supported"
    )
    assert (
        verdict_of("The euro zone now has 20 members after Croatia joined.", "2023-01-05", "quantity").verdict
        == "supported"
    )
    assert verdict_of("The euro zone now has 20 members.", "2022-06-05", "quantity").verdict == "contradicted"


# ---------------------------------------------------------------- country figures


def test_germany_s_83_million_people_hold_and_93_million_do_not():
    v = verdict_of("Germany's 83 million people face higher energy prices.", "2022-05-01", "quantity")
    assert v.verdict == "supported" and v.evidence_ids[0].startswith("population-DEU-")
    v = verdict_of("Germany's 93 million people face higher energy prices.", "2022-05-01", "quantity")
    assert v.verdict == "contradicted"


def test_a_population_figure_long_after_the_series_ends_stays_unverified():
    v = verdict_of("Germany's 83 million people face higher energy prices.", "2029-05-01", "quantity")
    assert v.verdict == "unverified" and "up to 2024" in v.note


def test_a_part_of_the_population_is_not_the_population():
    v = verdict_of("Nigeria's 20 million displaced people need help.", "2023-05-01", "quantity")
    assert v.verdict == "unverified"


def test_gdp_in_current_dollars():
    assert verdict_of("Germany's $4 trillion economy is in recession.", "2023-05-01", "money").verdict == "supported"
    assert verdict_of("Germany's $6 trillion economy is in recession.", "2023-05-01", "money").verdict == "contradicted"


# ---------------------------------------------------------------- capitals and currencies


def test_the_euro_was_not_croatia_s_currency_in_2022_and_is_in_2023():
    v = verdict_of("The euro, Croatia's currency, is strong.", "2022-03-01", "currency")
    assert v.verdict == "contradicted" and "HRK" in v.expected and "2023-01-01" in v.note
    assert verdict_of("The euro, Croatia's currency, is strong.", "2023-03-01", "currency").verdict == "supported"


def test_a_currency_after_the_cldr_coverage_stays_unverified():
    assert verdict_of("The euro, Croatia's currency, is strong.", "2027-03-01", "currency").verdict == "unverified"


def test_capitals_and_a_commercial_capital_that_is_no_claim():
    assert (
        verdict_of("In Nairobi, the Kenyan capital, protesters gathered.", "2022-03-01", "capital").verdict
        == "supported"
    )
    assert (
        verdict_of("Sydney, the capital of Australia, hosted the talks.", "2022-03-01", "capital").verdict
        == "contradicted"
    )
    claims = extract_claims("Abidjan, Ivory Coast's commercial capital, was calm.", published=date(2022, 3, 1))
    assert "capital" not in set(claims.kind)


# ---------------------------------------------------------------- the data itself


def test_every_world_table_states_its_source_licence_and_coverage():
    store = EvidenceStore(REFERENCE)
    for name in WORLD_TABLES:
        meta = store.tables[name].meta
        assert meta["licence"] and meta["source_url"].startswith("http") and meta["retrieved"]
    assert store.tables["world_figures"].meta["coverage"]["population"]["years"][1] >= 2023
    series = store.tables["world_offices"].meta["check"]["series"]
    assert series["executive"]["from"] == "2012-01-01" and series["congress"]["to"]


@pytest.mark.parametrize(
    "org,on,count",
    [
        ("EU", "2021-03-01", 27),
        ("EU", "2019-03-01", 28),
        ("UN", "2012-01-01", 193),
        ("COE", "2023-01-01", 46),
        ("OECD", "2022-01-01", 38),
        ("EURO", "2023-06-01", 20),
        ("AU", "2020-01-01", 55),
        ("ASEAN", "2020-01-01", 10),
        ("G7", "2020-01-01", 7),
    ],
)
def test_member_counts_on_known_dates(org, on, count):
    store = EvidenceStore(REFERENCE)
    n = store.query(
        f"SELECT count(*) AS n FROM world_memberships WHERE organisation = '{org}' AND (joined IS NULL OR joined <= DATE '{on}') "
        f"AND (until IS NULL OR until >= DATE '{on}')"
    )["n"][0]
    assert n == count


def test_the_build_script_records_its_sources():
    meta = json.loads((REFERENCE / "world_figures.meta.json").read_text())
    assert meta["coverage"]["population"]["repository"] == "https://github.com/datasets/population"
    assert len(meta["coverage"]["population"]["commit"]) == 40


def test_the_bloc_is_the_eu_when_the_story_names_the_eu():
    v = verdict_of(
        "EU leaders met in Versailles. The 28-nation bloc agreed to phase out Russian gas.",
        "2022-03-01",
        "quantity",
        "28",
    )
    assert v.verdict == "contradicted" and "27 members" in v.expected


def test_a_count_with_the_body_inside_its_span_is_read():
    assert verdict_of("All 27 EU countries must agree.", "2022-06-14", "quantity").verdict == "supported"


def test_a_few_members_named_by_the_body_are_a_part_not_its_size():
    # wire copy of 1987 (reworded): a dispute between two NATO members, Greece and Turkey; NATO had 16 then
    v = verdict_of(
        "The latest row between the two NATO members began over the continental shelf.", "1987-04-08", "quantity", "two"
    )
    assert v.verdict == "unverified" and "some of them" in v.note
    v = verdict_of("Two NATO members, Greece and Turkey, quarrelled over the shelf.", "2021-04-08", "quantity", "Two")
    assert v.verdict == "unverified"


def test_the_definite_frame_below_the_size_decides_nothing_for_world_bodies_too():
    v = verdict_of(
        "Spain and Britain are at odds, and the two EU members will meet on Friday.", "2010-05-04", "quantity", "two"
    )
    assert v.verdict == "unverified" and "may name some of them" in v.note


def test_more_members_than_the_body_has_is_still_contradicted():
    v = verdict_of("The 17 NATO members met in Brussels.", "1987-04-08", "quantity", "17")
    assert v.verdict == "contradicted" and "16" in v.expected


def test_the_members_that_did_something_are_a_part():
    v = verdict_of("The 12 NATO allies that signed the letter want more spending.", "2024-06-14", "quantity")
    assert v.verdict != "contradicted"


def test_opec_plus_is_not_opec():
    claims = extract_claims("The OPEC+ group of 23 countries cut output.", published=date(2023, 3, 1))
    assert "contradicted" not in set(verify(claims)["verdict"])


def test_a_title_in_apposition_after_the_name():
    v = verdict_of(
        "Sergei Lavrov, Russia's foreign minister, said the talks had failed.", "2022-03-01", "role", "Lavrov"
    )
    assert v.verdict == "supported"
    v = verdict_of("Olaf Scholz, the German chancellor, said the talks had failed.", "2019-03-01", "role", "Scholz")
    assert v.verdict == "contradicted" and "Angela Merkel" in v.expected


def test_then_president_is_a_claim_about_another_time():
    v = verdict_of("The order came from then-President Donald Trump.", "2022-03-01", "role")
    assert v.verdict == "unverified"


def test_a_senator_s_party_in_the_title_is_checked():
    assert verdict_of("Republican Sen. Ted Cruz said the bill was flawed.", "2022-03-01", "role").verdict == "supported"
    v = verdict_of("Democratic Sen. Ted Cruz said the bill was flawed.", "2022-03-01", "role")
    assert v.verdict == "contradicted" and "Republican" in v.expected


def test_a_body_of_an_organisation_is_not_the_organisation():
    claims = extract_claims("The 15-member UN Security Council met on Monday.", published=date(2022, 3, 1))
    assert set(verify(claims)["verdict"]) == {"unverified"}
