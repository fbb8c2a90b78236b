"""No false contradictions: a reference table decides a claim only inside the period its sidecar covers.

The stories are wire-style copy from 2017, five years before the shipped January 2022 tables; the
real extractors read them and the shipped data/reference/ is consulted.
"""

import pytest

from claimkit import extract_claims, load_article, verify

SENATE_2017 = """WASHINGTON (Reuters) - Republican and Democratic leaders of the U.S. Senate reached a deal on Monday on legislation to impose new sanctions on Russia, a move that would punish Moscow for its annexation of Crimea.

The Senate on Tuesday voted 97-2 to advance the measure, which also lets Congress block any attempt by President Donald Trump to ease existing sanctions.

Senate Foreign Relations Committee Chairman Bob Corker said on Wednesday the bill would come to a final vote by the end of the week."""

NATO_2017 = """BRUSSELS (Reuters) - NATO defence ministers met in Brussels on Wednesday as the alliance of 28 countries weighed how to answer U.S. demands for more spending.

In Geneva on Monday, Russian Deputy Foreign Minister Sergei Ryabkov told reporters that Moscow was ready to talk about arms control with the new U.S. administration.

The Organization for Security and Co-operation in Europe, with 57 participating states, said on Thursday in Vienna that its monitors had counted 1,200 ceasefire violations in eastern Ukraine.

Russia has around 100,000 troops near the border with Ukraine, a Ukrainian official said on Tuesday."""

VIENNA_2017 = """VIENNA (Reuters) - The OSCE Permanent Council met in Vienna on Thursday to discuss the conflict in eastern Ukraine, where more than 10,000 people have been killed since 2014.

Kremlin spokesman Dmitry Peskov said on Tuesday that Moscow had no plans to send more troops to the region.

Polish Foreign Minister Zbigniew Rau said on Monday in Brussels that NATO must strengthen its eastern flank."""

STORIES = [(SENATE_2017, "2017-06-13"), (NATO_2017, "2017-03-01"), (VIENNA_2017, "2017-11-21")]


def verdicts(text, published):
    return verify(extract_claims(load_article(text, published=published))).set_index("span")


@pytest.mark.parametrize("text,published", STORIES)
def test_a_2017_story_gets_no_contradiction_from_the_2022_tables(text, published):
    v = verdicts(text, published)
    assert "contradicted" not in set(v["verdict"]), v.loc[v["verdict"] == "contradicted", "note"].tolist()


def test_on_tuesday_beside_the_senate_in_2017_is_unverified_and_the_note_names_the_calendars_period():
    v = verdicts(SENATE_2017, "2017-06-13").loc["Tuesday"]
    assert v.verdict == "unverified" and v.evidence_ids == []
    assert "covers 2022-01-10 to 2022-01-16" in v.note and "2017-06-13 is outside it" in v.note


def test_troops_near_ukraine_in_2017_are_not_compared_with_the_2022_estimates():
    v = verdicts(NATO_2017, "2017-03-01").loc["around 100,000 troops"]
    assert v.verdict == "unverified" and "covers 2021-11-01 to 2022-02-23" in v.note


def test_a_count_the_membership_table_covers_is_still_decided_in_2017():
    v = verdicts(NATO_2017, "2017-03-01")
    assert v.loc["28 countries"].verdict == "supported", "NATO had 28 members in March 2017"
    assert v.loc["57 participating states"].verdict == "supported"


def test_a_title_the_office_table_bears_out_for_2017_is_supported_but_a_missing_office_denies_nothing():
    v = verdicts(VIENNA_2017, "2017-11-21")
    assert v.loc["Kremlin spokesman Dmitry Peskov"].verdict == "supported"
    assert v.loc["Polish Foreign Minister Zbigniew Rau"].verdict == "unverified", "Rau took office in 2020"


def test_the_week_after_the_calendar_a_geneva_monday_is_not_contradicted():
    text = "Diplomats met again in Geneva on Monday to prepare a second round of talks."
    v = verdicts(text, "2022-01-20").loc["Monday"]
    assert v.verdict == "unverified" and "2022-01-17 is outside it" in v.note


def test_inside_the_calendars_week_a_wrong_weekday_is_still_contradicted():
    text = "He said talks with the United States in Geneva on Tuesday had shown there was a dead end."
    v = verdicts(text, "2022-01-13").loc["Tuesday"]
    assert v.verdict == "contradicted" and v.evidence_ids == ["cal-2022-01-10-geneva"]


def test_a_sidecar_without_coverage_covers_the_span_of_its_as_of_column(tmp_path):
    import json
    import shutil

    from claimkit.checks._coverage import coverage
    from claimkit.evidence import EvidenceStore
    from claimkit.paths import REFERENCE

    shutil.copy(REFERENCE / "diplomatic_calendar_2022_01.csv", tmp_path)
    meta = json.loads((REFERENCE / "diplomatic_calendar_2022_01.meta.json").read_text())
    del meta["coverage"]
    (tmp_path / "diplomatic_calendar_2022_01.meta.json").write_text(json.dumps(meta))
    store = EvidenceStore(tmp_path)
    first, last = coverage(store.tables["diplomatic_calendar_2022_01"], store)
    assert (first.isoformat(), last.isoformat()) == ("2022-01-10", "2022-01-13")
