"""The source check compares like a checker: the same thing, the same kind of figure, the figure as written.

Each test gives a source (a string of text, dated) and one story sentence, and the verdict that must
come out. Reference tables are left out so that the source alone decides.
"""

import pytest

from claimkit import extract_claims, load_article, verify
from claimkit.evidence import EvidenceStore
from claimkit.sources import load_sources


@pytest.fixture(scope="module")
def no_tables(tmp_path_factory):
    return EvidenceStore(tmp_path_factory.mktemp("no-tables"))


def check(story, source, span, no_tables, *, published="2022-03-02", source_published="2022-03-01"):
    srcset = load_sources([load_article(source, published=source_published)], cache=False)
    claims = extract_claims(load_article(story, published=published))
    v = verify(claims, sources=srcset, evidence=no_tables)
    hit = v[v["span"].str.contains(span, regex=False) & ~v["kind"].isin(["attribution", "comparison"])]
    assert len(hit), f"no claim '{span}' among {v['span'].tolist()}"
    return hit.iloc[0]


def test_number_words_and_digits_compare(no_tables):
    v = check(
        "Police said 24 protesters were arrested outside parliament.",
        "Police arrested two dozen protesters outside parliament on Tuesday.",
        "24 protesters",
        no_tables,
    )
    assert v.verdict == "supported"


def test_scales_compare_dollars_in_trillions_with_dollars_in_billions(no_tables):
    v = check(
        "The infrastructure plan would cost $1.5 trillion over ten years.",
        "The White House said the infrastructure plan would cost 1,500 billion dollars over ten years.",
        "$1.5 trillion",
        no_tables,
    )
    assert v.verdict == "supported"


def test_about_45_million_covers_4512000(no_tables):
    source = "Election officials said 4,512,000 people voted in the referendum on Sunday."
    assert (
        check("About 4.5 million people voted in the referendum.", source, "4.5 million", no_tables).verdict
        == "supported"
    )
    assert (
        check("Some 4.8 million people voted in the referendum.", source, "4.8 million", no_tables).verdict
        == "contradicted"
    )


def test_units_convert(no_tables):
    v = check(
        "The epicentre was about 78 miles west of the capital.",
        "The epicentre was about 125 km west of the capital, the geological survey said.",
        "78 miles",
        no_tables,
    )
    assert v.verdict == "supported"


def test_more_than_a_figure_must_be_a_rounding_of_it_not_just_below_it(no_tables):
    source = "The earthquake of 2010 killed more than 200,000 people."
    assert (
        check("The 2010 earthquake killed more than 200,000 people.", source, "200,000", no_tables).verdict
        == "supported"
    )
    assert (
        check("The 2010 earthquake killed more than 100,000 people.", source, "100,000", no_tables).verdict
        == "contradicted"
    )


def test_the_same_digits_about_something_else_do_not_support(no_tables):
    source = "The retailer has 300 stores and 1,200 employees across the country."
    v = check("The retailer has 1,200 stores across the country.", source, "1,200 stores", no_tables)
    assert v.verdict == "contradicted" and "300 stores" in v.expected


def test_a_figure_moved_to_another_subject_is_not_supported(no_tables):
    source = "Sales rose 5 percent to 3.2 billion dollars, while profits fell 12 percent to 400 million dollars."
    v = check("Profits fell 5 percent to 400 million dollars.", source, "5 percent", no_tables)
    assert v.verdict in ("contradicted", "misleading") and "12 percent" in v.expected


def test_a_subject_the_sources_do_not_mention_is_unverified_and_the_note_says_they_are_silent(no_tables):
    source = "The retailer has 300 stores and 1,200 employees across the country."
    v = check("The minister said 40 schools would close next year.", source, "40 schools", no_tables)
    assert v.verdict == "unverified" and v.evidence_ids == [] and "the sources are silent" in v.note


def test_dates_are_resolved_against_each_documents_own_date(no_tables):
    source = "The talks in Geneva on Monday ended without agreement, officials said."  # dated Thursday 2022-03-03
    same = check(
        "Talks in Geneva on Feb. 28 ended without agreement.",
        source,
        "Feb. 28",
        no_tables,
        published="2022-03-05",
        source_published="2022-03-03",
    )
    assert same.verdict == "supported" and "2022-02-28" in same.expected
    other = check(
        "Talks in Geneva on Tuesday ended without agreement.",
        source,
        "Tuesday",
        no_tables,
        published="2022-03-05",
        source_published="2022-03-03",
    )
    assert other.verdict == "contradicted"


SPEECH = (
    '"We will not accept, under any circumstances, a deal that hurts our farmers," '
    "Agriculture Minister Anna Berg told reporters in Oslo on Monday."
)


def test_a_quote_trimmed_with_an_ellipsis_keeps_its_sense(no_tables):
    v = check(
        'Berg said: "We will not accept ... a deal that hurts our farmers."', SPEECH, "a deal that hurts", no_tables
    )
    assert v.verdict == "supported"


def test_a_quote_with_a_dropped_word_that_changes_the_sense_is_a_misquote(no_tables):
    v = check('Berg said: "We will accept a deal that hurts our farmers."', SPEECH, "a deal that hurts", no_tables)
    assert v.verdict == "contradicted" and "[+" not in v.note and "[-not]" in v.note


def test_a_quote_given_to_another_speaker_is_contradicted(no_tables):
    v = check(
        '"We will not accept, under any circumstances, a deal that hurts our farmers," Prime Minister Jonas Dahl said.',
        SPEECH,
        "a deal that hurts",
        no_tables,
    )
    assert v.verdict == "contradicted" and "Anna Berg" in v.note


def test_the_same_person_with_another_office_is_contradicted(no_tables):
    source = "Deputy Foreign Minister Sergei Ryabkov said the talks had reached a dead end."
    v = check(
        "Foreign Minister Sergei Ryabkov said the talks had reached a dead end.", source, "Sergei Ryabkov", no_tables
    )
    assert v.verdict == "contradicted" and "Deputy Foreign Minister" in v.note
    same = check("Russian Deputy Foreign Minister Sergei Ryabkov spoke.", source, "Sergei Ryabkov", no_tables)
    assert same.verdict == "supported"


def test_a_vague_headline_figure_does_not_outweigh_the_precise_one(no_tables):
    source = (
        "Floods in Pakistan kill more than 1,100\n\n"
        "Monsoon floods in Pakistan have killed 1,136 people since mid-June, the disaster agency said on Monday."
    )
    v = check(
        "Monsoon floods have killed 1,163 people in Pakistan since June, the disaster agency said.",
        source,
        "1,163 people",
        no_tables,
    )
    assert v.verdict == "contradicted" and "1,136" in v.expected


def test_a_document_about_another_story_decides_nothing(no_tables):
    other = (
        "MUNICH (Reuters) - Siemens reported a 14 percent rise in industrial profit on Thursday. "
        "Revenue grew 9 percent to 17.9 billion euros. Its shares rose 2.4 percent in early trading."
    )
    story = (
        "Lufthansa swung to an operating profit of 393 million euros in the second quarter. "
        "Revenue more than doubled to 8.5 billion euros. Shares in the airline rose 4 percent."
    )
    srcset = load_sources([load_article(other, published="2023-08-10")], cache=False)
    v = verify(extract_claims(load_article(story, published="2022-08-04")), sources=srcset, evidence=no_tables)
    assert set(v["verdict"]) == {"unverified"}


def test_this_year_is_not_borne_out_by_a_single_day(no_tables):
    source = "The Social Democrats won Sunday's election in Lower Saxony, preliminary results showed on Monday."
    v = check(
        "The Social Democrats won the Lower Saxony election this year.",
        source,
        "this year",
        no_tables,
        published="2022-10-12",
        source_published="2022-10-10",
    )
    assert v.verdict == "unverified"


def test_a_table_cell_is_a_passage_with_its_row_and_column_labels(no_tables, tmp_path):
    table = tmp_path / "population.csv"
    table.write_text("country,year,population\nGermany,2019,83092962\nFrance,2019,67248926\n")
    srcset = load_sources([table], cache=False)
    story = "Germany had a population of 83.1 million in 2019, while France had 76 million people."
    v = verify(extract_claims(load_article(story, published="2020-05-01")), sources=srcset, evidence=no_tables)
    v = v.set_index("span")
    assert v.loc["83.1 million"].verdict == "supported"
    assert v.loc["83.1 million"].passages[0]["row"] == 2 and v.loc["83.1 million"].passages[0]["column"] == "population"
    assert v.loc["76 million people"].verdict == "contradicted" and "67,248,926" in v.loc["76 million people"].expected


REPORTED = (
    "Kremlin spokesman Dmitry Peskov told reporters that this week's talks had given some positive nuances "
    "but were not enough."
)


def test_reported_speech_is_supported_with_its_speaker_and_never_contradicted(no_tables):
    srcset = load_sources([load_article(REPORTED, published="2022-01-13")], cache=False)
    same = extract_claims(load_article(REPORTED, published="2022-01-13"))
    other = extract_claims(
        load_article(
            REPORTED.replace("Kremlin spokesman Dmitry Peskov", "NATO chief Jens Stoltenberg"), published="2022-01-13"
        )
    )
    v_same = verify(same, sources=srcset, evidence=no_tables)
    v_other = verify(other, sources=srcset, evidence=no_tables)
    assert "supported" in set(v_same.loc[v_same["kind"] == "attribution", "verdict"])
    assert set(v_other.loc[v_other["kind"] == "attribution", "verdict"]) == {"unverified"}


# ---------------------------------------------------------------- a story sentence copied from its source


def test_a_sentence_copied_word_for_word_from_the_source_is_never_denied_by_it(no_tables):
    # wire copy (reworded): a bare figure of a list ("5,000 for Libya") was read as being about "Five ships"
    # and called misleading when the story was checked against itself
    text = (
        "Five ships are loading 45,000 tonnes of wheat at the port, including 30,000 for Algeria, "
        "10,000 for Tunisia and 5,000 for Libya, traders said."
    )
    srcset = load_sources([load_article(text, published="1987-04-07")], cache=False)
    claims = extract_claims(load_article(text, published="1987-04-07"))
    v = verify(claims, sources=srcset, evidence=no_tables).set_index("span")
    assert v.loc["5,000", "verdict"] == "unverified" and "word for word" in v.loc["5,000", "note"]
    assert not set(v["verdict"]) & {"contradicted", "misleading"}


def test_a_copied_sentence_that_is_the_tail_of_a_longer_one_is_still_compared(no_tables):
    v = check(
        "Foreign Minister Sergei Ryabkov said the talks had reached a dead end.",
        "Deputy Foreign Minister Sergei Ryabkov said the talks had reached a dead end.",
        "Sergei Ryabkov",
        no_tables,
    )
    assert v.verdict == "contradicted"


def test_a_weekday_beside_its_date_must_match_the_sources(no_tables):
    # wire copy (reworded), with the weekday changed in the story: the date alone agrees, the weekday does not
    source = "The exchange said index futures and options will expire on Friday, March 20, at the usual time."
    v = check(
        "The exchange said index futures and options will expire on Sunday, March 20, at the usual time.",
        source,
        "March 20",
        no_tables,
        published="1987-03-13",
        source_published="1987-03-13",
    )
    assert v.verdict != "supported"
    same = check(
        "Index futures and options expire on Friday, March 20, the exchange said.",
        source,
        "March 20",
        no_tables,
        published="1987-03-13",
        source_published="1987-03-13",
    )
    assert same.verdict == "supported"


def test_a_range_agrees_only_when_both_its_ends_do(no_tables):
    # wire copy (reworded), the range's upper end changed in the story: the two ranges overlap but differ
    source = "Officials said heavy rains would cut the maize crop by 21.4 to 22.6 pct this season."
    v = check(
        "Heavy rains will cut the maize crop by 21.4 to 50.2 pct this season, officials said.", source, "pct", no_tables
    )
    assert v.verdict != "supported"
    same = check(
        "Heavy rains will cut the maize crop by 21.4 to 22.6 pct this season, officials said.", source, "pct", no_tables
    )
    assert same.verdict == "supported"


def test_a_year_and_a_quarter_that_do_not_meet_deny_nothing(no_tables):
    # wire copy (reworded): the story's figure was changed, so its sentence is no longer the source's; its
    # "last year" (1986) then met the source's "the first quarter" (of 1987) and was contradicted
    source = (
        "For the first quarter, trading volume was 1.2 billion shares, up 38.7 pct from a year earlier, "
        "and share value was 1.6 billion dlrs, up 47 pct from last year's first quarter."
    )
    story = (
        "For the first quarter, trading volume was 1.2 billion shares, up 38.7 pct from a year earlier, "
        "and share value was 3.6 billion dlrs, up 47 pct from last year's first quarter."
    )
    v = check(story, source, "last year", no_tables, published="1987-04-07", source_published="1987-04-07")
    assert v.verdict != "contradicted"


def test_a_headline_before_a_copied_sentence_still_lets_it_be_found_word_for_word(no_tables):
    # the source document opens with its title line, which has no full stop
    text = (
        "Five ships are loading 45,000 tonnes of wheat at the port, including 30,000 for Algeria, "
        "10,000 for Tunisia and 5,000 for Libya, traders said."
    )
    srcset = load_sources(
        [load_article(text, title="WHEAT SHIPMENTS FROM THE PORT", published="1987-04-07")], cache=False
    )
    claims = extract_claims(load_article(text, published="1987-04-07"))
    v = verify(claims, sources=srcset, evidence=no_tables)
    assert not set(v["verdict"]) & {"contradicted", "misleading"}, v[["span", "verdict", "note"]].values.tolist()


def test_a_speaker_who_is_no_name_cannot_differ_from_the_story_s(no_tables):
    # wire copy (reworded), a figure changed in the story so its sentence is not the source's: the one-word quote
    # "nonperforming" was found in a later sentence the source gives to "company", and the quote was contradicted
    source = (
        "WASHINGTON, March 27 - Harbor Coast Banks Inc said in a filing with regulators that it may reclassify "
        'as "nonperforming" 412 mln dlrs of loans to Argentina.\n\n'
        'The company added that it expects first quarter earnings to be "down moderately" from a year earlier.\n\n'
        '"A longer suspension of interest payments could see such loans classified as nonperforming and put '
        'on nonaccrual," it said.'
    )
    srcset = load_sources(
        [load_article(source, published="1987-03-27", title="HARBOR COAST MAY RECLASSIFY LOANS")], cache=False
    )
    claims = extract_claims(load_article(source.replace("412", "618"), published="1987-03-27"))
    v = verify(claims, sources=srcset, evidence=no_tables).set_index("span")
    assert v.loc["nonperforming", "verdict"] == "supported"
    assert v.loc["618 mln dlrs", "verdict"] == "contradicted"
