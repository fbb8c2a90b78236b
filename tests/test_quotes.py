"""Direct quotes and their speakers, on short passages of wire style."""

from claimkit.extract.quotes import find_quotes
from tests.helpers.claims import extracted_by

quotes = extracted_by("quote")


def test_quote_then_said_with_full_name_from_earlier_title():
    text = (
        "Polish Foreign Minister Zbigniew Rau called for calm.\n\n"
        '"The risk of war is now greater than ever," Rau said in a speech.'
    )
    df = quotes(text)
    assert df.span.tolist() == ["The risk of war is now greater than ever"]
    assert df.speaker.tolist() == ["Zbigniew Rau"]
    assert '"channel": "a speech"' in df.details[0]


def test_he_said_resolves_to_the_last_named_speaker():
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters the talks were not enough.\n\n"
        '"We view this extremely negatively," he said.'
    )
    df = quotes(text)
    assert df.speaker.tolist() == ["Dmitry Peskov"]
    assert '"resolved_by": "pronoun"' in df.details[0]


def test_said_before_a_colon_quote():
    text = 'US Ambassador Michael Carpenter told the meeting: "We must reject blackmail."'
    df = quotes(text)
    assert df.speaker.tolist() == ["Michael Carpenter"]
    assert df.span.tolist() == ["We must reject blackmail."]


def test_partial_quote_takes_the_sentence_speaker():
    text = 'Sergei Ryabkov said there was a "dead end or difference in approach" in the talks.'
    df = quotes(text)
    assert df.span.tolist() == ["dead end or difference in approach"]
    assert df.speaker.tolist() == ["Sergei Ryabkov"]
    assert '"partial": true' in df.details[0]


def test_interrupted_quote_keeps_one_speaker():
    text = '"We are ready to talk," Peskov said. "But not forever."\n\nKremlin spokesman Dmitry Peskov spoke in Moscow.'
    df = quotes(text)
    assert df.span.tolist() == ["We are ready to talk", "But not forever."]
    assert df.speaker.tolist() == ["Dmitry Peskov", "Dmitry Peskov"]


def test_quote_over_two_paragraphs():
    text = 'Rau said:\n\n"The first part is here.\n\n"And the second part ends here," he added.'
    qs = find_quotes(text)
    assert len(qs) == 1 and qs[0].paragraphs == 2
    assert text[qs[0].start : qs[0].end].startswith("The first part") and text[qs[0].start : qs[0].end].endswith(
        "ends here"
    )


def test_said_inside_a_quote_is_not_an_attribution():
    text = '"Smith said no to everything," Jones told reporters.'
    df = quotes(text)
    assert df.speaker.tolist() == ["Jones"]


def test_two_speakers_in_one_paragraph_then_a_pronoun_is_left_unresolved():
    text = 'John Smith told Mary Jones that the plan was dead.\n\n"It is over," she said.'
    df = quotes(text)
    assert df.speaker.tolist() == [None]
    assert '"speaker_resolved": false' in df.details[0]
    assert "ambiguous" in df.details[0]


def test_two_speakers_in_one_paragraph_each_keep_their_quote():
    text = '"Yes," said Anna Smith, while "No," said Peter Brown.'
    df = quotes(text)
    assert df.speaker.tolist() == ["Anna Smith", "Peter Brown"]


def test_a_quote_with_no_attribution_is_flagged():
    df = quotes('The mood was grim. "Nobody expected this."')
    assert df.span.tolist() == ["Nobody expected this."]
    assert df.speaker.tolist() == [None]
    assert '"reason": "no attribution"' in df.details[0]


def test_body_quoting_its_ambassador_is_a_chain():
    text = (
        '"We must take the necessary measures," the Russian mission told the OSCE on Twitter '
        "and quoted its ambassador Alexander Lukashevich."
    )
    df = quotes(text)
    assert df.speaker.tolist() == ["Alexander Lukashevich"]
    assert '"via": "Russian mission"' in df.details[0] and '"channel": "Twitter"' in df.details[0]


def test_unbalanced_and_deep_quotes_stay_linear_and_exact():
    text = '"' * 5001 + " end"
    qs = find_quotes(text)
    assert len(qs) == 2500
    assert all(q.start <= q.end for q in qs)


def test_a_paragraph_ending_in_a_colon_introduces_the_next_quote():
    text = 'Kremlin spokesman Dmitry Peskov said:\n\n"Nobody wants a war."'
    df = quotes(text)
    assert df.speaker.tolist() == ["Dmitry Peskov"] and '"attached": "colon"' in df.details[0]
