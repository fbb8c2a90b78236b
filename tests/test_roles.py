"""Person-title pairs, with the date the story implies."""

from claimkit.people import Cast, find_roles
from tests.helpers.claims import extracted_by

roles = extracted_by("roles")


def test_title_before_name():
    df = roles("Deputy Foreign Minister Sergei Ryabkov spoke to TASS.")
    assert df.span.tolist() == ["Deputy Foreign Minister Sergei Ryabkov"]
    assert df.speaker.tolist() == ["Sergei Ryabkov"] and df.subject.tolist() == ["Deputy Foreign Minister"]
    assert df.date.tolist() == ["2022-01-13"]


def test_nationality_and_multiword_titles():
    text = "US Deputy Secretary of State Wendy Sherman and Kremlin spokesman Dmitry Peskov both spoke."
    df = roles(text)
    assert df.subject.tolist() == ["US Deputy Secretary of State", "Kremlin spokesman"]
    assert df.speaker.tolist() == ["Wendy Sherman", "Dmitry Peskov"]


def test_possessive_lower_case_title():
    df = roles("The mission quoted its ambassador Alexander Lukashevich.")
    assert df.span.tolist() == ["ambassador Alexander Lukashevich"]
    assert '"possessor": "its"' in df.details[0]


def test_a_title_before_a_body_is_not_a_role():
    assert find_roles("The Kremlin spokesman Office said so.") == []
    assert roles("A proposal by US Senate Democrats.").empty


def test_a_name_stops_before_a_weekday_or_lower_case_word():
    r = find_roles("President Vladimir Putin Monday said")
    assert [x.name for x in r] == ["Vladimir Putin"]


def test_cast_resolves_surname_title_and_family():
    cast = Cast("Polish Foreign Minister Zbigniew Rau and US Ambassador Michael Carpenter met.")
    assert cast.resolve("Rau").name == "Zbigniew Rau"
    assert cast.resolve("the Polish Foreign Minister").name == "Zbigniew Rau"
    envoy = cast.resolve("the US envoy")  # "envoy" and "Ambassador" are one family of titles
    assert envoy.name == "Michael Carpenter" and envoy.resolved_by == "title"
    assert cast.resolve("the German envoy").resolved is False


def test_two_people_with_one_surname_are_not_guessed():
    cast = Cast("Senator John Smith and Governor Jane Smith disagreed.")
    assert cast.resolve("Smith").resolved is False
