"""parse_times on the date forms news copy uses (issue 16): each family as a real news sentence,
the span that must be found and the dates it must resolve to against the publication date."""

from datetime import date, datetime

import pytest

from claimkit import parse_times

THU = date(2022, 1, 13)  # a Thursday in January
WED = date(2023, 5, 10)  # a Wednesday in May
MON = date(2021, 3, 15)  # a Monday in March


def found(sentence, span, ref):
    mentions = parse_times(sentence, reference=ref)
    hits = [m for m in mentions if m.text == span]
    assert hits, [(m.text, m.iso) for m in mentions]
    m = hits[0]
    assert sentence[m.start : m.end] == span
    return m


def check(sentence, span, ref, iso):
    m = found(sentence, span, ref)
    assert m.iso == iso, (m.text, m.iso)
    return m


def test_reference_may_be_a_datetime_or_an_iso_string():
    sentence = "Talks were held in Geneva on Monday."
    assert parse_times(sentence, reference=datetime(2022, 1, 13, 18, 45))[0].iso == "2022-01-10"
    assert parse_times(sentence, reference="2022-01-13")[0].iso == "2022-01-10"
    assert parse_times(sentence, reference="2022-01-13T18:45:00Z")[0].iso == "2022-01-10"
    with pytest.raises(ValueError):
        parse_times(sentence, reference="last Tuesday")


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The company was founded in April 2017.", "April 2017", THU, "2017-04-01/2017-04-30"),
        ("Volumes dropped sharply in Dec. 2022.", "Dec. 2022", WED, "2022-12-01/2022-12-31"),
        ("The festival will return this September.", "this September", WED, "2023-09-01/2023-09-30"),
        ("Prices soared last September.", "last September", WED, "2022-09-01/2022-09-30"),
        ("The summit is set for next March.", "next March", WED, "2024-03-01/2024-03-31"),
        ("Exports grew in September last year.", "September last year", MON, "2020-09-01/2020-09-30"),
        ("The talks ended in late April.", "late April", WED, "2023-04-21/2023-04-30"),
    ],
)
def test_months(sentence, span, ref, iso):
    assert check(sentence, span, ref, iso).granularity == "month"


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Sales collapsed last summer.", "last summer", THU, "2021-06-01/2021-08-31"),
        ("The bridge was closed in winter 2019.", "winter 2019", THU, "2019-12-01/2020-02-29"),
        ("Flu cases surged in the winter of 2019-20.", "the winter of 2019-20", THU, "2019-12-01/2020-02-29"),
        ("Schools closed in the spring of 2020.", "the spring of 2020", MON, "2020-03-01/2020-05-31"),
        ("The shop reopened this spring.", "this spring", MON, "2021-03-01/2021-05-31"),
        ("Elections are due next autumn.", "next autumn", MON, "2021-09-01/2021-11-30"),
        ("The tariffs take effect in fall 2020.", "fall 2020", THU, "2020-09-01/2020-11-30"),
    ],
)
def test_seasons(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The index was created in the 1990s.", "the 1990s", THU, "1990-01-01/1999-12-31"),
        ("Crime peaked in the late 1990s.", "the late 1990s", THU, "1997-01-01/1999-12-31"),
        ("Grunge ruled the '90s.", "the '90s", THU, "1990-01-01/1999-12-31"),
        ("The project stalled in the 2000s.", "the 2000s", WED, "2000-01-01/2009-12-31"),
        ("Slavery was abolished in the 1800s.", "the 1800s", THU, "1800-01-01/1899-12-31"),
        ("The law dates from the 19th century.", "the 19th century", THU, "1800-01-01/1899-12-31"),
        (
            "The movement began in the early twentieth century.",
            "the early twentieth century",
            THU,
            "1900-01-01/1932-12-31",
        ),
    ],
)
def test_decades_and_centuries(sentence, span, ref, iso):
    assert check(sentence, span, ref, iso).granularity == "decade"


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Heavy snow is forecast for the next three days.", "the next three days", THU, "2022-01-14/2022-01-16"),
        ("Rain is expected over the next 3 days.", "the next 3 days", THU, "2022-01-14/2022-01-16"),
        ("Storms will batter the coast next 3 days.", "next 3 days", THU, "2022-01-14/2022-01-16"),
        ("Unemployment has fallen over the past two weeks.", "the past two weeks", THU, "2021-12-30/2022-01-13"),
        (
            "The bank plans to cut 5,000 jobs over the next five years.",
            "the next five years",
            THU,
            "2022-01-13/2027-01-13",
        ),
        ("Police made 40 arrests in the past 24 hours.", "the past 24 hours", THU, "2022-01-12/2022-01-13"),
        ("The ship sank 10 days ago.", "10 days ago", THU, "2022-01-03"),
        ("The company was sold two years ago.", "two years ago", MON, "2019-03-15"),
        ("The results will be announced in 2 weeks.", "in 2 weeks", THU, "2022-01-27"),
        ("The trial is due to resume in three months.", "in three months", THU, "2022-04-13"),
        ("The inquiry will report within six months.", "within six months", MON, "2021-03-15/2021-09-15"),
        ("Two people were hurt over the weekend.", "the weekend", THU, "2022-01-08/2022-01-09"),
        ("The vote is two weeks from now.", "two weeks from now", THU, "2022-01-27"),
        ("The plant closed this past Friday.", "this past Friday", THU, "2022-01-07"),
    ],
)
def test_relative_spans(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("Two shops were looted last night.", "last night", "2022-01-12"),
        ("The minister will speak this afternoon.", "this afternoon", "2022-01-13"),
        ("The verdict is due the day after tomorrow.", "the day after tomorrow", "2022-01-15"),
    ],
)
def test_relative_day_words(sentence, span, iso):
    check(sentence, span, THU, iso)


def test_a_year_listed_after_a_year_is_a_year():
    ts = parse_times("Emissions fell in 2019 and 2020 but rose in 2021.", reference=THU)
    assert [(t.text, t.iso) for t in ts] == [
        ("2019", "2019-01-01/2019-12-31"),
        ("2020", "2020-01-01/2020-12-31"),
        ("2021", "2021-01-01/2021-12-31"),
    ]
    assert parse_times("Shares rose 2019 and 2020 points.", reference=THU) == []  # no year before it: counts


def test_a_year_before_a_noun_after_a_determiner_is_a_year():
    # the quantity reader counts no "1945 victory" (a year before a noun): the date reader takes the year
    check("Leaders marked the 75th anniversary of the 1945 victory.", "1945", THU, "1945-01-01/1945-12-31")
    check("Critics still praise his 1976 album.", "1976", THU, "1976-01-01/1976-12-31")
    # before a plural it may be a count ("the 2000 runners"), and with no determiner it is not read
    assert parse_times("The 2000 runners set off at noon.", reference=THU) == []
    assert parse_times("Some 1500 workers went on strike.", reference=THU) == []


def test_the_past_few_years_is_a_vague_rolling_period():
    m = check("Prices have risen over the past few years.", "the past few years", THU, "2019-01-13/2022-01-13")
    assert m.vague and m.qualifier == "about"


def test_a_passive_future_is_future():
    # "held" is a past form, but after "be" the auxiliary "will" decides
    check("Midterm elections will be held on Nov. 6.", "Nov. 6", date(2018, 2, 26), "2018-11-06")
    check("The results will be announced in 2 weeks.", "in 2 weeks", THU, "2022-01-27")


def test_in_n_weeks_in_a_past_clause_is_a_length_of_time_not_a_date():
    m = found("Sales doubled in 2 weeks.", "in 2 weeks", THU)
    assert m.kind == "duration" and m.iso is None


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Inflation has doubled since 2015.", "since 2015", THU, "2015-01-01/2022-01-13"),
        ("Rents have risen since March.", "since March", WED, "2023-03-01/2023-05-10"),
        (
            "Rents have risen since March.",
            "since March",
            THU,
            "2021-03-01/2022-01-13",
        ),  # March not yet come: last year's
        ("Rates have been frozen since January 2019.", "since January 2019", THU, "2019-01-01/2022-01-13"),
    ],
)
def test_since(sentence, span, ref, iso):
    assert check(sentence, span, ref, iso).anchor == "since"


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Ballots were counted during the week of April 10th.", "the week of April 10th", WED, "2023-04-10/2023-04-16"),
        ("The fair opens the week of March 7.", "the week of March 7", date(2019, 11, 20), "2020-03-02/2020-03-08"),
        ("Jobless claims fell in the week ending Jan. 7.", "the week ending Jan. 7", THU, "2022-01-01/2022-01-07"),
        ("Troops were deployed in the last week of July.", "the last week of July", WED, "2022-07-25/2022-07-31"),
        (
            "Bookings peak in the third week of this month.",
            "the third week of this month",
            THU,
            "2022-01-15/2022-01-21",
        ),
        ("Output fell in the first week of 2020.", "the first week of 2020", THU, "2020-01-01/2020-01-07"),
        (
            "The museum reopens the first week of March.",
            "the first week of March",
            date(2019, 11, 20),
            "2020-03-01/2020-03-07",
        ),
    ],
)
def test_weeks_of(sentence, span, ref, iso):
    assert check(sentence, span, ref, iso).granularity == "week"


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The conference ran January 12 - 22, 2016.", "January 12 - 22, 2016", THU, "2016-01-12/2016-01-22"),
        ("The exhibition will run between 3 and 12 of Sept.", "between 3 and 12 of Sept", WED, "2023-09-03/2023-09-12"),
        ("The festival takes place from 3 to 12 September.", "from 3 to 12 September", MON, "2021-09-03/2021-09-12"),
        ("The strike lasted Jan. 5 to Feb. 2.", "Jan. 5 to Feb. 2", MON, "2021-01-05/2021-02-02"),
        ("The offices will close Dec. 20 to Jan. 5.", "Dec. 20 to Jan. 5", date(2019, 11, 20), "2019-12-20/2020-01-05"),
        ("The offices closed Dec. 20 to Jan. 5, 2016.", "Dec. 20 to Jan. 5, 2016", THU, "2015-12-20/2016-01-05"),
        ("Air traffic fell between March and May 2020.", "between March and May 2020", MON, "2020-03-01/2020-05-31"),
        (
            "The scheme ran from June to August last year.",
            "from June to August last year",
            MON,
            "2020-06-01/2020-08-31",
        ),
        ("Hearings ran from 2015 to 2018.", "from 2015 to 2018", MON, "2015-01-01/2018-12-31"),
        ("Mail was delayed from Monday to Wednesday.", "from Monday to Wednesday", THU, "2022-01-10/2022-01-12"),
        ("Net migration peaked in 2015-16.", "2015-16", THU, "2015-01-01/2016-12-31"),
    ],
)
def test_ranges(sentence, span, ref, iso):
    assert check(sentence, span, ref, iso).kind == "period"


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The ceremony is scheduled for May twenty-nine.", "May twenty-nine", WED, "2023-05-29"),
        ("The treaty was signed on the second of August.", "the second of August", WED, "2022-08-02"),
        ("Flights resumed on the twenty-first of June.", "the twenty-first of June", MON, "2020-06-21"),
        ("The minister resigned on the 4th of March.", "the 4th of March", MON, "2021-03-04"),
        ("The storm hit on Tuesday, May 2.", "Tuesday, May 2", WED, "2023-05-02"),
        ("The attacks of Sept. 11, 2001 changed air travel.", "Sept. 11, 2001", WED, "2001-09-11"),
    ],
)
def test_days_in_words_and_ordinals(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Registration closed on 22/04.", "22/04", WED, "2023-04-22"),
        ("The accord was signed on 4/22/2019.", "4/22/2019", MON, "2019-04-22"),
        ("The ship docked on 12/25/18.", "12/25/18", MON, "2018-12-25"),
        ("Payments stopped on 15.03.2020.", "15.03.2020", MON, "2020-03-15"),
        ("The filing is dated 2015/08/12.", "2015/08/12", MON, "2015-08-12"),
    ],
)
def test_numeric_day_month(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, iso",
    [
        ("The vote was held on the 5th.", "the 5th", "2022-01-05"),
        ("Talks resume Tuesday the 18th.", "Tuesday the 18th", "2022-01-18"),
        ("Payments are due by the 28th.", "by the 28th", "2022-01-28"),
    ],
)
def test_a_day_of_the_month_without_its_month(sentence, span, iso):
    check(sentence, span, THU, iso)


def test_an_ambiguous_numeric_date_is_found_but_left_unresolved():
    m = found("The new rules apply from 04/05/2021.", "04/05/2021", MON)
    assert m.iso is None and m.qualifier == "ambiguous"  # April 5 or 4 May: no silent guess


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("Profit fell in the third quarter of 2019.", "the third quarter of 2019", THU, "2019-07-01/2019-09-30"),
        ("Revenue rose 4% in Q3.", "Q3", THU, "2021-07-01/2021-09-30"),
        ("The merger closed in Q4 2019.", "Q4 2019", MON, "2019-10-01/2019-12-31"),
        (
            "Profits doubled in the third quarter of last year.",
            "the third quarter of last year",
            THU,
            "2021-07-01/2021-09-30",
        ),
        ("Sales fell in the first half of 2020.", "the first half of 2020", MON, "2020-01-01/2020-06-30"),
        ("Losses narrowed in the 1st quarter of 2020.", "the 1st quarter of 2020", MON, "2020-01-01/2020-03-31"),
        (
            "Growth will slow in the second half of the year.",
            "the second half of the year",
            THU,
            "2022-07-01/2022-12-31",
        ),
        ("The index fell in the last quarter.", "last quarter", date(2019, 11, 20), "2019-07-01/2019-09-30"),
    ],
)
def test_quarters_and_halves(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The plant opened in mid-2020.", "mid-2020", THU, "2020-05-01/2020-08-31"),
        ("A decision is expected early next year.", "early next year", THU, "2023-01-01/2023-04-30"),
        ("The law was passed in early 2019.", "early 2019", THU, "2019-01-01/2019-04-30"),
        ("Shares slumped at the end of 2020.", "the end of 2020", MON, "2020-09-01/2020-12-31"),
        ("Work will finish by the end of this year.", "by the end of this year", THU, "2022-09-01/2022-12-31"),
    ],
)
def test_parts_of_a_year(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, span, ref, iso",
    [
        ("The ban was lifted on Christmas Eve.", "Christmas Eve", THU, "2021-12-24"),
        ("Stores will close on New Year's Day.", "New Year's Day", THU, "2023-01-01"),
        ("Shops will open late on Thanksgiving Day.", "Thanksgiving Day", date(2019, 11, 20), "2019-11-28"),
        ("Churches were full on Easter Sunday.", "Easter Sunday", date(2019, 11, 20), "2019-04-21"),
    ],
)
def test_holidays(sentence, span, ref, iso):
    check(sentence, span, ref, iso)


@pytest.mark.parametrize(
    "sentence, words",
    [
        ("Boeing delivered 12 of its 737 MAX jets.", "737"),
        ("The Boeing 737 has been grounded.", "737"),
        ("Nearly 4/5 of voters backed the plan.", "4/5"),
        ("The help desk now runs 24/7.", "24/7"),
        ("Arsenal won 3-2 at home.", "3-2"),
        ("The Lakers won 110-102.", "110-102"),
        ("The firm employs 2019 people in Ohio.", "2019"),
        ("May I ask a question?", "May"),
        ("Theresa May said she would stay.", "May"),
        ("She took a second look at the figures.", "second"),
        ("The fall of Kabul shocked the world.", "fall"),
        ("He was born in the summer heat of Texas.", "summer"),
        ("A quarter of adults smoke.", "quarter"),
        ("The first half of the match was dull.", "first half"),
        ("Only 3/4 of the budget was spent.", "3/4"),
        ("The 1.5 degree goal is slipping.", "1.5"),
        ("Install version 2019.10.5.1 today.", "2019.10.5.1"),
        ("He lives on the 5th floor.", "5th"),
        ("She won for the second time.", "second"),
        ("Three days later, the rebels withdrew.", "Three days later"),
        ("Visitors flock to the Christmas market.", "Christmas"),
    ],
)
def test_words_that_are_not_dates(sentence, words):
    at = sentence.index(words)
    overlapping = [m.text for m in parse_times(sentence, reference=THU) if m.start < at + len(words) and at < m.end]
    assert overlapping == []
