"""verify: each claim against sourced evidence, by its interval, its date, its place in the sentence.

The claims here are hand-made with the claims-table columns (tests/helpers/claims.py), so each
test pins one claim; tests/test_verify_seed.py runs the real extractors on the founding article.
"""

import pytest

from claimkit import load_article, verify
from claimkit.evidence import EvidenceStore
from claimkit.verify import VERDICT_COLUMNS, candidates, check_claim, summarise
from tests.helpers.claims import ALTERED, SEED, claim, make_claims, seed_specs


@pytest.fixture(scope="module")
def seed_verdicts():
    claims = make_claims(load_article(SEED), seed_specs())
    return claims, verify(claims).set_index("span")


@pytest.fixture(scope="module")
def altered_verdicts():
    specs = seed_specs(countries=67, weekday_geneva="Tuesday", geneva_date="2022-01-11", troops=300000)
    return verify(make_claims(load_article(ALTERED), specs)).set_index("span")


def one(text, spec, published="2022-01-13", **kw):
    article = load_article(text, published=published)
    return verify(make_claims(article, [spec]), **kw).iloc[0]


def test_the_verdicts_table_has_the_contract_columns_and_one_row_per_claim(seed_verdicts):
    claims, v = seed_verdicts
    assert list(verify(claims).columns[: len(VERDICT_COLUMNS)]) == VERDICT_COLUMNS
    assert len(v) == len(claims)


def test_around_100000_troops_is_supported_by_the_estimates_of_its_weeks(seed_verdicts):
    v = seed_verdicts[1].loc["around 100,000 troops"]
    assert v.verdict == "supported" and v.method == "query"
    assert "troops-2022-01-10-us-officials" in v.evidence_ids
    assert all(i.startswith("troops-") for i in v.evidence_ids)
    assert "troops-2022-02-15-us-president" not in v.evidence_ids, "an estimate from after the article decides nothing"
    assert "russian_troops_near_ukraine" in v.query and "2022-01-13" in v.query


def test_57_countries_is_supported_by_counting_the_osce_table_on_the_article_date(seed_verdicts):
    v = seed_verdicts[1].loc["57 countries"]
    assert v.verdict == "supported"
    assert len(v.evidence_ids) == 57 and "osce-mn" in v.evidence_ids and "osce-dd" not in v.evidence_ids
    assert v.expected == "57 participating States of the OSCE on 2022-01-13"
    assert len(EvidenceStore().query(v.query)) == 57, "the cited query reproduces the cited rows"


def test_the_three_weekdays_are_checked_against_the_calendar(seed_verdicts):
    v = seed_verdicts[1]
    assert v.loc["on Monday"].evidence_ids == ["cal-2022-01-10-geneva"]
    assert v.loc["on Wednesday"].evidence_ids == ["cal-2022-01-12-brussels"]
    assert v.loc["on Thursday"].evidence_ids == ["cal-2022-01-13-vienna"]
    assert set(v.loc[["on Monday", "on Wednesday", "on Thursday"], "verdict"]) == {"supported"}


def test_speakers_titles_are_checked_against_office_holders(seed_verdicts):
    v = seed_verdicts[1]
    assert v.loc["Deputy Foreign Minister Sergei Ryabkov"].evidence_ids == ["office-ryabkov"]
    assert v.loc["Kremlin spokesman Dmitry Peskov"].evidence_ids == ["office-peskov"]
    assert v.loc["Polish Foreign Minister Zbigniew Rau"].evidence_ids == ["office-rau-mfa"]
    assert v.loc["US Ambassador Michael Carpenter"].verdict == "supported"
    assert v.loc["US Deputy Secretary of State Wendy Sherman"].verdict == "supported"


def test_the_altered_copy_is_contradicted_on_exactly_the_three_altered_claims(altered_verdicts):
    contradicted = set(altered_verdicts.index[altered_verdicts["verdict"] == "contradicted"])
    assert contradicted == {"around 300,000 troops", "67 countries", "on Tuesday"}
    assert altered_verdicts.loc["on Tuesday"].evidence_ids == ["cal-2022-01-10-geneva"]
    assert "Monday" in altered_verdicts.loc["on Tuesday"].expected
    assert altered_verdicts.loc["67 countries"].expected.startswith("57 ")


def test_a_quote_stays_unverified_and_cites_nothing(seed_verdicts):
    v = seed_verdicts[1].loc['"were not ready to meet our key requirements"']
    assert v.verdict == "unverified" and v.evidence_ids == [] and v.method == "auto"


def test_a_figure_no_table_counts_stays_unverified():
    text = "Russia has moved around 1,200 tanks near the border with Ukraine, officials said."
    v = one(
        text, claim("quantity", "around 1,200 tanks", value=1200, low=1080, high=1320, qualifier="about", unit="tank")
    )
    assert v.verdict == "unverified" and v.evidence_ids == [] and "tank" in v.note


def test_troops_somewhere_the_table_does_not_cover_stay_unverified():
    text = "Russia keeps around 100,000 troops in its Far East, the ministry said."
    v = one(
        text,
        claim("quantity", "around 100,000 troops", value=1e5, low=9e4, high=1.1e5, qualifier="about", unit="troop"),
    )
    assert v.verdict == "unverified"


def test_a_true_figure_from_another_period_is_misleading():
    text = "Russia has gathered about 150,000 troops near the border with Ukraine."
    v = one(
        text,
        claim(
            "quantity", "about 150,000 troops", value=150000, low=135000, high=165000, qualifier="about", unit="troop"
        ),
    )
    assert v.verdict == "misleading"
    assert "troops-2022-02-15-us-president" in v.evidence_ids and "2022-02-15" in v.note


def test_a_count_that_was_true_years_before_is_contradicted_saying_when_it_held():
    text = "Talks took place at the OSCE with 56 countries."
    v = one(text, claim("quantity", "56 countries", value=56, low=56, high=56, qualifier="exact", unit="country"))
    assert v.verdict == "contradicted" and "2006-06-22" in v.note


def test_a_figure_between_the_estimates_is_unsupported_not_contradicted():
    text = "Russia has massed about 115,000 troops near Ukraine."
    v = one(
        text,
        claim(
            "quantity", "about 115,000 troops", value=115000, low=112000, high=118000, qualifier="about", unit="troop"
        ),
    )
    assert v.verdict == "unsupported" and v.evidence_ids


def test_the_osce_is_found_by_its_long_name_spelt_differently():
    text = (
        "Ministers met at the Organisation for Security and Cooperation in Europe, which has 57 participating states."
    )
    v = one(
        text, claim("quantity", "57 participating states", value=57, low=57, high=57, qualifier="exact", unit="state")
    )
    assert v.verdict == "supported" and v.table == "osce_participating_states"


def test_the_body_named_nearest_the_figure_decides_which_table_counts_it():
    text = "NATO, whose 30 members met in Brussels, briefed the OSCE on Thursday."
    v = one(text, claim("quantity", "30 members", value=30, low=30, high=30, qualifier="exact", unit="member"))
    assert v.table == "nato_member_states" and v.verdict == "supported"


def test_the_date_the_claim_gives_wins_over_the_article_date():
    text = "In 2010 the OSCE had 56 countries."
    v = one(
        text,
        claim(
            "quantity", "56 countries", value=56, low=56, high=56, qualifier="exact", unit="country", date="2010-12-01"
        ),
    )
    assert v.verdict == "supported"


def test_without_any_date_a_count_is_not_guessed():
    article = load_article("The OSCE has 57 countries.")
    claims = make_claims(article, [claim("quantity", "57 countries", value=57, low=57, high=57, unit="country")])
    claims.attrs.pop("published", None)
    v = verify(claims).iloc[0]
    assert v.verdict == "unverified" and v.evidence_ids == []
    assert verify(claims, as_of="2022-01-13").iloc[0].verdict == "supported"


def test_a_wrong_title_for_a_known_person_is_contradicted():
    text = "Foreign Minister Sergei Ryabkov said talks had reached a dead end."
    v = one(
        text, claim("role", "Foreign Minister Sergei Ryabkov", speaker="Sergei Ryabkov", subject="Foreign Minister")
    )
    assert v.verdict == "contradicted" and v.evidence_ids == ["office-ryabkov"]
    assert "Deputy Minister of Foreign Affairs" in v.expected


def test_a_title_with_the_wrong_country_is_contradicted():
    text = "Polish Ambassador Michael Carpenter spoke in Vienna."
    v = one(
        text,
        claim("role", "Polish Ambassador Michael Carpenter", speaker="Michael Carpenter", subject="Polish Ambassador"),
    )
    assert v.verdict == "contradicted"


def test_a_person_the_tables_do_not_know_stays_unverified():
    text = "Foreign Minister Jane Doe said so."
    v = one(text, claim("role", "Foreign Minister Jane Doe", speaker="Jane Doe", subject="Foreign Minister"))
    assert v.verdict == "unverified"


def test_a_weekday_without_a_named_event_beside_it_stays_unverified():
    text = "Russia said on Thursday that it was at a dead end in its efforts to keep Ukraine out of NATO."
    v = one(text, claim("time", "on Thursday", date="2022-01-13"))
    assert v.verdict == "unverified"


def test_a_sanctions_bill_is_dated_by_the_senate_record():
    text = "He criticized a sanctions proposal presented by US Senate Democrats on Wednesday."
    v = one(text, claim("time", "on Wednesday", date="2022-01-12"))
    assert v.verdict == "supported" and v.evidence_ids == ["cal-2022-01-12-senate"]


def test_evidence_may_be_a_folder_or_a_store(seed_verdicts, tmp_path):
    claims, _ = seed_verdicts
    from pathlib import Path

    folder = Path(__file__).resolve().parents[1] / "data" / "reference"
    a = verify(claims, evidence=folder)["verdict"].tolist()
    b = verify(claims, evidence=EvidenceStore(folder))["verdict"].tolist()
    assert a == b
    empty = tmp_path / "empty"
    empty.mkdir()
    assert set(verify(claims, evidence=EvidenceStore(empty))["verdict"]) == {"unverified"}, "a store is used as it is"


def test_an_evidence_folder_is_added_to_the_shipped_tables_not_put_in_their_place(seed_verdicts, tmp_path):
    claims, v = seed_verdicts
    empty = tmp_path / "empty"
    empty.mkdir()
    assert verify(claims, evidence=empty)["verdict"].tolist() == v["verdict"].tolist()
    assert verify(claims, evidence=[empty, empty])["verdict"].tolist() == v["verdict"].tolist()


def test_two_evidence_folders_are_consulted_together_with_the_shipped_data(tmp_path):
    import json

    for name, state, joined in (("un_members", "Switzerland", "2002-09-10"), ("au_members", "Morocco", "2017-01-30")):
        folder = tmp_path / name
        folder.mkdir()
        (folder / f"{name}.csv").write_text(
            f"id,state,joined,source_name,source_url\n{name}-1,{state},{joined},X,https://example.org/\n"
        )
        (folder / f"{name}.meta.json").write_text(
            json.dumps(
                {
                    "source_name": "X",
                    "source_url": "https://example.org/",
                    "retrieved": "2026-11-29",
                    "licence": "facts",
                    "columns": {
                        c: {"type": "date" if c == "joined" else "string"}
                        for c in ("id", "state", "joined", "source_name", "source_url")
                    },
                    "check": {
                        "kind": "membership",
                        "organisation": name,
                        "mentions": [name.split("_")[0].upper()],
                        "units": ["country"],
                        "member": "state",
                        "from": "joined",
                    },
                }
            )
        )
    text = "The UN list had 1 country. The AU list had 1 country. The OSCE has 57 countries."
    article = load_article(text, published="2022-01-13")
    claims = make_claims(
        article,
        [
            claim("quantity", "1 country", value=1, low=1, high=1, unit="country"),
            claim("quantity", "1 country", after="The AU", value=1, low=1, high=1, unit="country"),
            claim("quantity", "57 countries", value=57, low=57, high=57, unit="country"),
        ],
    )
    v = verify(claims, evidence=[tmp_path / "un_members", tmp_path / "au_members"])
    assert v["table"].tolist() == ["un_members", "au_members", "osce_participating_states"]
    assert v["verdict"].tolist() == ["supported"] * 3


def test_the_verdicts_suite_passes_on_verify_output(seed_verdicts, altered_verdicts):
    from claimkit import validate

    for v in (seed_verdicts[1].reset_index(), altered_verdicts.reset_index()):
        report = validate(v, "verdicts")
        assert report.success, report.summary()


def test_the_verdicts_suite_refuses_a_supported_verdict_without_evidence(seed_verdicts):
    from claimkit import validate

    v = seed_verdicts[1].reset_index()
    v.at[0, "evidence_ids"] = []
    v.at[0, "evidence_count"] = 0
    v.loc[1, "verdict"] = "true"
    failed = {(f.expectation, f.column) for f in validate(v, "verdicts").failures}
    assert ("expect_column_values_to_be_between", "evidence_count") in failed
    assert ("expect_column_values_to_be_in_set", "verdict") in failed


def test_candidates_shows_every_estimate_and_marks_the_deciding_ones(seed_verdicts):
    claims, v = seed_verdicts
    cid = v.loc["around 100,000 troops"].claim_id
    c = candidates(claims, cid)
    assert len(c) == len(EvidenceStore().table("russian_troops_near_ukraine"))
    assert set(c.loc[c.decided, "id"]) == set(v.loc["around 100,000 troops"].evidence_ids)


def test_summarise_counts_every_verdict_of_the_vocabulary(seed_verdicts):
    s = summarise(seed_verdicts[1])
    assert s["verdict"].tolist() == ["supported", "contradicted", "misleading", "unsupported", "unverified"]
    assert s["claims"].sum() == len(seed_verdicts[1])


def test_check_claim_reads_a_plain_dict():
    ch = check_claim(
        {
            "kind": "quantity",
            "span": "57 countries",
            "sentence": "The OSCE has 57 countries.",
            "value": 57,
            "unit": "country",
            "date": "2022-01-13",
        },
        EvidenceStore(),
    )
    assert ch.verdict == "supported"


def test_a_period_that_holds_the_article_date_is_checked_at_the_article_date():
    text = "This week's talks at the OSCE with 57 countries went on."
    v = one(
        text, claim("quantity", "57 countries", value=57, low=57, high=57, unit="country", date="2022-01-10/2022-01-16")
    )
    assert v.verdict == "supported" and "2022-01-13" in v.expected


def test_claimkit_verify_stays_callable_after_its_module_is_imported(seed_verdicts):
    import claimkit
    import claimkit.verify

    claims, v = seed_verdicts
    assert claimkit.verify(claims)["verdict"].tolist() == v["verdict"].tolist()


def test_an_empty_claims_table_gives_an_empty_verdicts_table_that_keeps_its_contract():
    import pandas as pd

    from claimkit import validate
    from claimkit.claims import normalise_claims

    v = verify(normalise_claims(pd.DataFrame()), reviews=[])
    assert v.empty and list(v.columns[: len(VERDICT_COLUMNS)]) == VERDICT_COLUMNS
    assert validate(v, "verdicts").success
