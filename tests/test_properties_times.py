"""Property-based tests (Hypothesis) for the time parser: offsets inside the text, span == text[start:end],
start_date <= end_date, a formatted date parses back to itself, and no exception on any Unicode string."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.extract.times import parse_times

REF = date(2022, 1, 13)
NEWSY = st.lists(
    st.sampled_from(
        list("0123456789 ,.-'\"sthndr")
        + [
            "January ",
            "May ",
            "Monday ",
            "last ",
            "next ",
            "week ",
            "year ",
            "years ",
            "since ",
            "in ",
            "the ",
            "ago ",
            "decades ",
            "2014",
            "1990s",
            "between ",
            "and ",
            "from ",
            "to ",
            "for ",
            "six ",
            "mid-",
            "early ",
            "every ",
            "/",
            "Q3 ",
            "quarter ",
            "summer ",
            "winter ",
            "century ",
            "the week of ",
            "ending ",
            "twenty-nine ",
            "second ",
            "of ",
            "Sept. ",
            "Christmas ",
            "half ",
            "-16",
            "hours ",
        ]
    ),
    max_size=60,
).map("".join)


def _check(text, mentions):
    end = -1
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.text == text[m.start : m.end]
        assert m.start >= end  # mentions never overlap
        end = m.end
        if m.start_date is not None and m.end_date is not None:
            assert m.start_date <= m.end_date


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_unicode_string(text):
    _check(text, parse_times(text, reference=REF))


@settings(max_examples=300, deadline=None)
@given(NEWSY, st.dates(min_value=date(1600, 1, 1), max_value=date(2099, 12, 31)) | st.none())
def test_newsy_strings(text, ref):
    _check(text, parse_times(text, reference=ref))


@settings(max_examples=200, deadline=None)
@given(
    st.dates(min_value=date(1500, 1, 1), max_value=date(2099, 12, 31)),
    st.sampled_from(["{month} {day}, {year}", "{day} {month} {year}", "{iso}", "on {month} {day}, {year}"]),
)
def test_a_formatted_date_parses_back_to_itself(d, fmt):
    text = "Talks resumed " + fmt.format(month=d.strftime("%B"), day=d.day, year=d.year, iso=d.isoformat()) + "."
    found = [m for m in parse_times(text, reference=REF) if m.kind == "date"]
    assert found, text
    assert (found[0].start_date, found[0].end_date) == (d, d), text
