"""Reported speech: speaker, speech verb, date of speaking and the reported content."""

import json

from tests.helpers.claims import extracted_by

attributions = extracted_by("attribution")


def details(df, i=0):
    return json.loads(df.details[i])


def test_reported_speech_with_date_of_speaking():
    text = "Russia said on Thursday that it was at a dead end in its efforts."
    df = attributions(text)
    assert df.speaker.tolist() == ["Russia"] and df.date.tolist() == ["2022-01-13"]
    d = details(df)
    assert d["verb"] == "said" and d["date_basis"] == "stated"
    s, e = d["content"]
    assert text[s:e] == "it was at a dead end in its efforts"


def test_speaker_after_the_content():
    text = "The United States will impose sanctions, senior Biden administration officials said on Wednesday."
    df = attributions(text)
    assert df.speaker.tolist() == ["senior Biden administration officials"]
    assert df.date.tolist() == ["2022-01-12"]
    s, e = details(df)["content"]
    assert text[s:e] == "The United States will impose sanctions"


def test_quoted_by_an_agency_keeps_the_chain():
    text = "Deputy Foreign Minister Sergei Ryabkov was quoted by the TASS news agency as saying that diplomacy must be given a chance."
    df = attributions(text)
    assert df.speaker.tolist() == ["Sergei Ryabkov"]
    d = details(df)
    assert d["via"] == "TASS news agency" and d["title"] == "Deputy Foreign Minister"
    assert text[d["content"][0] : d["content"][1]] == "diplomacy must be given a chance"


def test_agency_quoted_a_person():
    df = attributions("TASS quoted Ryabkov as saying that the talks had failed.")
    assert df.speaker.tolist() == ["Ryabkov"] and details(df)["via"] == "TASS"


def test_title_only_speaker_resolves_to_the_named_holder():
    text = (
        "The Polish Foreign Minister said in Vienna that Europe was closer to war.\n\n"
        "Polish Foreign Minister Zbigniew Rau called for calm."
    )
    df = attributions(text)
    assert df.speaker.tolist()[0] == "Zbigniew Rau"
    assert details(df)["resolved_by"] == "title"


def test_two_speakers_in_one_sentence_split_the_content():
    text = "The minister said that talks failed, and the envoy said that the West should not give in."
    df = attributions(text)
    assert len(df) == 2
    first = details(df, 0)
    assert text[first["content"][0] : first["content"][1]] == "talks failed"


def test_told_keeps_the_addressee():
    df = attributions("Kremlin spokesman Dmitry Peskov told reporters that the talks were not enough.")
    assert df.speaker.tolist() == ["Dmitry Peskov"] and details(df)["to"] == "reporters"


def test_according_to_is_not_needed_for_a_said_inside_a_quote():
    df = attributions('"He said it was over," a diplomat noted.')
    assert df.empty  # the content is a direct quote: only a quote claim, and never "He said" from inside it


def test_authored_proposal():
    text = "He criticized a sanctions proposal presented by US Senate Democrats on Wednesday that would target banks."
    df = attributions(text)
    row = df[df.speaker == "US Senate Democrats"]
    assert len(row) == 1 and row.date.iloc[0] == "2022-01-12"
    assert json.loads(row.details.iloc[0])["authored"] is True


def test_pronoun_with_no_antecedent_is_flagged():
    df = attributions("He said the plan was dead.")
    assert df.speaker.tolist() == [None]
    assert details(df)["speaker_resolved"] is False
