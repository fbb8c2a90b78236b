"""parse_times: each rule on a short sentence of news style, resolved against a Thursday (13 January 2022)."""

from datetime import date

import pytest

from claimkit import parse_times

REF = date(2022, 1, 13)  # a Thursday


def one(text, ref=REF):
    found = parse_times(text, reference=ref)
    assert len(found) == 1, found
    t = found[0]
    assert text[t.start : t.end] == t.text
    return t


@pytest.mark.parametrize(
    "sentence, day",
    [
        ("Talks were held in Geneva on Monday.", date(2022, 1, 10)),
        ("NATO met in Brussels on Wednesday.", date(2022, 1, 12)),
        ("Russia said on Thursday that it was at a dead end.", date(2022, 1, 13)),  # wire copy names today by weekday
    ],
)
def test_weekday_in_a_past_tense_sentence_is_the_one_before(sentence, day):
    t = one(sentence)
    assert t.text in ("Monday", "Wednesday", "Thursday") and t.kind == "date"
    assert t.start_date == t.end_date == day and t.tense == "past"


def test_weekday_in_a_future_tense_sentence_is_the_next_one():
    t = one("The ministers will meet again on Friday.")
    assert t.start_date == date(2022, 1, 14) and t.tense == "future"
    assert one("Talks ended on Friday.").start_date == date(2022, 1, 7)


def test_last_and_next_weekday():
    assert one("He arrived last Monday.").start_date == date(2022, 1, 10)
    assert one("She flies out next Monday.").start_date == date(2022, 1, 17)


@pytest.mark.parametrize(
    "text, iso",
    [
        ("Prices rose yesterday.", "2022-01-12"),
        ("The vote is tomorrow.", "2022-01-14"),
        ("on Jan. 10", "2022-01-10"),
        ("The summit opened 10 January.", "2022-01-10"),
        ("He was born on January 10, 1961.", "1961-01-10"),
        ("It was signed on 2021-12-17.", "2021-12-17"),
    ],
)
def test_single_days(text, iso):
    t = one(text)
    assert t.kind == "date" and t.granularity == "day" and t.iso == iso


@pytest.mark.parametrize(
    "text, iso, granularity",
    [
        ("Talks took place last week.", "2022-01-03/2022-01-09", "week"),
        ("this week's diplomacy", "2022-01-10/2022-01-16", "week"),
        ("Inflation peaked this month.", "2022-01-01/2022-01-31", "month"),
        ("Elections are due next year.", "2023-01-01/2023-12-31", "year"),
        ("Troops moved in 2021.", "2021-01-01/2021-12-31", "year"),
        ("It was built in the 1990s.", "1990-01-01/1999-12-31", "decade"),
        ("A decision is expected early next month.", "2022-02-01/2022-02-10", "month"),
        ("Crimea was annexed in March 2014.", "2014-03-01/2014-03-31", "month"),
    ],
)
def test_calendar_periods(text, iso, granularity):
    t = one(text)
    assert t.kind == "period" and t.iso == iso and t.granularity == granularity


def test_the_last_30_years_ends_at_publication():
    t = one("Europe is closer to war than at any time in the last 30 years.")
    assert t.text == "the last 30 years"
    assert (t.start_date, t.end_date) == (date(1992, 1, 13), REF) and t.amount == 30


def test_the_coming_days_is_a_vague_period_after_publication():
    t = one("He saw no reason to sit down again in the coming days.")
    assert t.vague and t.qualifier == "about"
    assert t.start_date == date(2022, 1, 14) and t.end_date > t.start_date


def test_since_and_between():
    t = one("Fighting has continued since 2014.")
    assert t.text == "since 2014" and t.iso == "2014-01-01/2022-01-13" and t.anchor == "since"
    t = one("between 2014 and 2022")
    assert t.iso == "2014-01-01/2022-12-31"


def test_durations():
    t = one("Sanctions will last for six months.")
    assert t.kind == "duration" and t.amount == 6 and t.unit == "month" and t.start_date is None
    t = one("He has been detained for six months.")  # perfect tense: the six months up to now
    assert t.kind == "period" and t.iso == "2021-07-13/2022-01-13"


def test_a_bare_plural_means_at_least_two():
    t = one("Russia wants to roll back decades of alliance expansion.")
    assert t.text == "decades" and t.kind == "duration" and t.qualifier == "at_least" and t.amount == 2
    assert t.end_date == REF


def test_sets():
    assert one("The council meets every Thursday.").kind == "set"
    assert one("Talks are held on Mondays.").kind == "set"


def test_words_that_are_not_times():
    assert parse_times("He may resign. They march on. It took six months.", reference=REF) == []
    assert parse_times("Over 2014 troops were counted.", reference=REF) == []  # a count, not a year


def test_without_a_reference_only_absolute_dates_resolve():
    ts = parse_times("On Monday, and on 10 January 2022.", reference=None)
    assert [t.iso for t in ts] == [None, "2022-01-10"]


def test_offsets_are_exact_on_the_seed_style():
    text = "He said talks with the United States in Geneva on Monday and with NATO in Brussels on Wednesday had shown"
    ts = parse_times(text, reference=REF)
    assert [(t.text, t.iso) for t in ts] == [("Monday", "2022-01-10"), ("Wednesday", "2022-01-12")]


@pytest.mark.parametrize(
    "text, ref, iso",
    [
        # wire copy of 1987 (reworded): a weekday written with the date picks its year, whatever the tense
        ("Index futures and options expire on Friday, March 20, the exchange said.", date(1987, 3, 13), "1987-03-20"),
        ("The exchange will raise the margin on July cocoa from Wednesday, March 18.", date(1987, 3, 19), "1987-03-18"),
        # a weekday that fits no date near the story leaves the date where the tense puts it (the calendar check
        # can then say the weekday is wrong), not a year away where it would fit
        ("Options expire on Sunday, March 20.", date(1987, 3, 13), "1987-03-20"),
        ("The plant closed on Friday, March 18.", date(1987, 3, 19), "1987-03-18"),
    ],
)
def test_a_weekday_beside_a_date_picks_the_year(text, ref, iso):
    assert one(text, ref).start_date.isoformat() == iso
