"""What each figure is about (issue 16): the claims table's ``subject`` is the noun phrase the figure counts or
measures, with its owner, place and time when the sentence gives them, and never runs past the noun phrase.
Small counts written in words and vague counts are kept but marked minor, ages in names are not claims."""

from __future__ import annotations

import pytest

from claimkit import extract_claims


def claim(sentence, span):
    df = extract_claims(sentence, published="2024-01-15")
    rows = df[df["span"] == span]
    assert len(rows) == 1, df[["kind", "span", "subject"]].to_string()
    return rows.iloc[0]


@pytest.mark.parametrize(
    "sentence, span, subject",
    [
        (
            "U.S. carbon emissions fell 18 percent in 2019, the agency said.",
            "18 percent",
            "U.S. carbon emissions in 2019",
        ),
        ("Microsoft's direct emissions rose 16.1% last year.", "16.1%", "Microsoft's direct emissions last year"),
        (
            "There are 45,000 research staff at UK universities on fixed-term contracts.",
            "45,000 research staff",
            "research staff at UK universities on fixed-term contracts",
        ),
        (
            "The malware infected 2 million handsets in order to replace legitimate apps with doppelgangers.",
            "2 million handsets",
            "handsets",
        ),
        (
            "Astronomers detected 1,652 bursts from a repeating fast radio burst.",
            "1,652 bursts",
            "bursts from a repeating fast radio burst",
        ),
        ("Coal still supplies 18 percent of the country's power.", "18 percent", "the country's power"),
        ("Its Hong Kong partner reported profit of HK$10.05 billion.", "HK$10.05 billion", "profit"),
        (
            "The state spent $170 million on emergency contracts.",
            "$170 million",
            "The state spent on emergency contracts",
        ),
        ("The company signed a $2 billion contract with the army.", "$2 billion", "contract with the army"),
        ("A bottle of the 2010 vintage sold for $500.", "$500", "A bottle of the 2010 vintage"),
        ("Gusts reached 188 miles an hour.", "188 miles an hour", "Gusts"),
        ("Support for the president stands at 42%.", "42%", "Support for the president"),
        ("Exports to China dropped 8.7% year on year.", "8.7%", "Exports to China"),
        ("Economists expect a 5% rise in prices.", "5%", "rise in prices"),
        ("GDP grew at an annual rate of 2.4% in the second quarter.", "2.4%", "GDP in the second quarter"),
        ("Sales jumped 12% to $3.4 billion.", "$3.4 billion", "Sales"),
        ("About 60% of voters said the economy was their top issue.", "About 60%", "voters"),
    ],
)
def test_subject_is_the_noun_phrase_the_figure_is_about(sentence, span, subject):
    assert claim(sentence, span)["subject"] == subject


@pytest.mark.parametrize(
    "sentence, span",
    [
        ("Police closed two streets in the centre.", "two streets"),
        ("One film won four nods at the awards.", "four nods"),
        ("The minister listed 12 things the plan would change.", "12 things"),
    ],
)
def test_small_and_vague_counts_are_minor(sentence, span):
    df = extract_claims(sentence)
    row = df[df["span"] == span].iloc[0]
    assert "minor" in row["details"]
    big = extract_claims("Firefighters battled 8,668 fires across the state.").iloc[0]
    assert row["checkworthiness"] < big["checkworthiness"]


def test_ages_in_names_are_not_claims():
    df = extract_claims("Mary Jones, 45, and her husband Tom, 47, were among 2,300 people evacuated.")
    assert list(df[df["kind"] == "quantity"]["span"]) == ["2,300 people"]


def test_word_number_modifiers_are_not_duration_claims():
    df = extract_claims("The average two-year fixed mortgage now costs 6.85%.")
    assert "duration" not in set(df["kind"])
    assert list(df[df["kind"] == "percent"]["span"]) == ["6.85%"]


def test_a_bare_figure_before_a_verb_is_not_a_claim():
    df = extract_claims("The plan, the auditor says, 13 proves costly to government programs.")
    assert not [s for s, k in zip(df["span"], df["kind"]) if k == "quantity"]
