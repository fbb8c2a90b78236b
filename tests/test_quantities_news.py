"""Figures as news writes them: money of every country, minor units, measures in two units, rates, fractions,
and the words that look like counted nouns but are not (issue 16). Each test is a sentence and what must come out."""

from __future__ import annotations

import pytest

from claimkit import parse_quantities


def only(sentence, kind=None):
    qs = [q for q in parse_quantities(sentence) if kind is None or q.kind == kind]
    assert len(qs) == 1, [(q.text, q.kind, q.value, q.unit) for q in parse_quantities(sentence)]
    return qs[0]


@pytest.mark.parametrize(
    "sentence, text, value, code",
    [
        ("Teck agreed to pay C$300 million for the stake.", "C$300 million", 300_000_000, "CAD"),
        ("Net profit rose to HK$10.05 billion last year.", "HK$10.05 billion", 10_050_000_000, "HKD"),
        ("The fund raised US$150 million from investors.", "US$150 million", 150_000_000, "USD"),
        ("The fund raised US $150 million from investors.", "US $150 million", 150_000_000, "USD"),
        ("Foxconn will invest NT$5 billion in the plant.", "NT$5 billion", 5_000_000_000, "TWD"),
        ("Qantas posted an A$1.2 billion loss.", "A$1.2 billion", 1_200_000_000, "AUD"),
        ("The deal is worth NZ$40 million.", "NZ$40 million", 40_000_000, "NZD"),
        ("Petrobras paid R$2 billion in dividends.", "R$2 billion", 2_000_000_000, "BRL"),
        ("Grab raised S$500 million in the offering.", "S$500 million", 500_000_000, "SGD"),
        ("The province approved a $300-million hospital expansion.", "$300-million", 300_000_000, "USD"),
        ("Ottawa offered C$1.2-billion in loans.", "C$1.2-billion", 1_200_000_000, "CAD"),
        ("The ministry set aside RM2.5 billion for flood relief.", "RM2.5 billion", 2_500_000_000, "MYR"),
        ("Kenya's treasury borrowed KSh 500 million.", "KSh 500 million", 500_000_000, "KES"),
        ("Lagos will spend ₦50 billion on roads.", "₦50 billion", 50_000_000_000, "NGN"),
        ("The merger values the group at 500m euros.", "500m euros", 500_000_000, "EUR"),
        ("He was fined 5,000 Canadian dollars.", "5,000 Canadian dollars", 5000, "CAD"),
        ("The loan of 1.5 million Egyptian pounds was repaid.", "1.5 million Egyptian pounds", 1_500_000, "EGP"),
        ("Salaries were paid in 10,000 Mexican pesos a month.", "10,000 Mexican pesos", 10_000, "MXN"),
        ("In 1995 the house cost 400,000 Deutschmarks.", "400,000 Deutschmarks", 400_000, "DEM"),
        ("The painting sold for 2 million French francs in 1990.", "2 million French francs", 2_000_000, "FRF"),
        ("A loaf cost 300 lire before the euro.", "300 lire", 300, "ITL"),
    ],
)
def test_money_of_every_country(sentence, text, value, code):
    q = only(sentence, "money")
    assert (q.text, q.value, q.unit) == (text, value, code)


@pytest.mark.parametrize(
    "sentence, text, value, code",
    [
        ("A first-class stamp will cost 50 cents more.", "50 cents", 0.5, "USD"),
        ("Shares closed at 470 pence in London.", "470 pence", 4.7, "GBP"),
        ("Shares closed at 470p in London.", "470p", 4.7, "GBP"),
        ("Not one penny of the grant was spent.", "one penny", 0.01, "GBP"),
        ("Gas rose 57 cents a gallon.", "57 cents", 0.57, "USD"),
        ("A can of soda costs 99¢ at the store.", "99¢", 0.99, "USD"),
        ("The rouble lost 50 kopecks against the dollar.", "50 kopecks", 0.5, "RUB"),
    ],
)
def test_minor_units_are_money(sentence, text, value, code):
    q = only(sentence, "money")
    assert (q.text, q.value, q.unit) == (text, value, code)


def test_pounds_of_weight_and_pounds_of_money_are_told_by_context():
    assert (only("The baby weighed two pounds at birth.").kind, only("The baby weighed two pounds at birth.").unit) == (
        "dimension",
        "lb",
    )
    q = only("Police seized five pounds of cocaine.")
    assert (q.kind, q.unit, q.value) == ("dimension", "lb", 5)
    q = only("A cinema ticket now costs two pounds more.")
    assert (q.kind, q.unit, q.value) == ("money", "GBP", 2)
    q = only("She found a five-pound note in the street.")
    assert (q.kind, q.unit) == ("money", "GBP")


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("The suspect is 5 feet 2 inches tall.", "5 feet 2 inches", 62, "in"),
        ("The 6ft 2in forward signed on Monday.", "6ft 2in", 74, "in"),
        ("The 6-foot-4 forward signed on Monday.", "6-foot-4", 76, "in"),
        ("The boxer weighed in at 11 stone 4 pounds.", "11 stone 4 pounds", 158, "lb"),
        ("The hearing lasted 2 hours and 30 minutes.", "2 hours and 30 minutes", 150, "minute"),
        ("He was stabbed with a 3-inch blade.", "3-inch", 3, "in"),
        ("The 200lbs man was arrested.", "200lbs", 200, "lb"),
        ("The city banned the 68-ounce soda.", "68-ounce", 68, "oz"),
        ("Gusts reached 188 miles an hour.", "188 miles an hour", 188, "mph"),
        ("Winds of 120 kilometres per hour hit the coast.", "120 kilometres per hour", 120, "km/h"),
        ("The field pumps 2 million barrels a day.", "2 million barrels a day", 2_000_000, "barrel/day"),
        ("He ran 1 1/2 miles before dawn.", "1 1/2 miles", 1.5, "mi"),
        ("The shelter is half a mile from the river.", "half a mile", 0.5, "mi"),
        ("The fire burned three-quarters of an acre.", "three-quarters of an acre", 0.75, "acre"),
        ("Troops advanced a five-mile stretch of road.", "five-mile", 5, "mi"),
    ],
)
def test_measures_as_news_writes_them(sentence, text, value, unit):
    q = only(sentence)
    assert (q.text, q.value, q.unit) == (text, value, unit)


@pytest.mark.parametrize(
    "sentence",
    [
        "The plan, the auditor says, 13 proves costly to government programs.",
        "The archive, which 1975 encompasses, is large.",
        "Oil is far below its 2016 high.",
        "A bottle of the 2010 vintage was opened.",
        "Trump, who in 2016 won the presidency, spoke.",
    ],
)
def test_years_and_verbs_are_not_counts(sentence):
    assert not [q for q in parse_quantities(sentence) if q.kind == "count"]
    assert not [q for q in parse_quantities(sentence) if q.kind == "money"]


@pytest.mark.parametrize(
    "sentence, word",
    [
        ("There was one involving a bus in Leeds.", "one"),
        ("The city aims for zero carbon by 2030.", "zero"),
        ("We are half way through the season.", "half"),
        ("One academic said the rules were unclear.", "One"),
    ],
)
def test_words_that_do_not_count_are_plain_numbers(sentence, word):
    q = only(sentence)
    assert (q.text, q.kind, q.unit) == (word, "number", None)


def test_zero_hours_contracts_are_not_a_duration():
    q = only("About 1 million workers are on zero-hours contracts.".replace("About 1 million workers", "Many"))
    assert (q.kind, q.unit) == ("number", None)


def test_counts_still_count():
    assert (only("Firefighters battled 8,668 fires across the state.").unit) == "fire"
    assert (only("The Pentagon sent 2000 troops to the border.").unit) == "troop"
    assert only("Elections: 3 children were hurt.").unit == "child"


@pytest.mark.parametrize(
    "sentence, text, low, high, code",
    [
        ("Analysts expect a $2.3-$2.5 billion charge.", "$2.3-$2.5 billion", 2_300_000_000, 2_500_000_000, "USD"),
        ("The bill will cost £3bn-£4bn a year.", "£3bn-£4bn", 3_000_000_000, 4_000_000_000, "GBP"),
    ],
)
def test_money_ranges_written_with_two_signs(sentence, text, low, high, code):
    q = only(sentence, "money")
    assert (q.text, q.low, q.high, q.unit, q.qualifier) == (text, low, high, code, "range")


@pytest.mark.parametrize(
    "sentence, text, value, unit",
    [
        ("Warming reached 1.5C last year, scientists said.", "1.5C", 1.5, "degC"),
        ("Temperatures fell to -40C overnight.", "-40C", -40, "degC"),
        ("The thermometer read 104F in Phoenix.", "104F", 104, "degF"),
        ("The couple bought a 5,000-square-foot house.", "5,000-square-foot", 5000, "ft2"),
        ("The suspect is 5'10\" with dark hair.", "5'10\"", 70, "in"),
        ("He gave out a 25-cent coin.", "25-cent", 0.25, "USD"),
        ("She found a 20-euro note.", "20-euro", 20, "EUR"),
        ("The nurse weighed a 10-pound baby.", "10-pound", 10, "lb"),
    ],
)
def test_more_measures_and_sums_as_news_writes_them(sentence, text, value, unit):
    q = only(sentence)
    assert (q.text, q.value, q.unit) == (text, value, unit)


def test_a_bare_letter_after_a_space_is_not_a_temperature():
    assert "degC" not in {q.unit for q in parse_quantities("The pupils got 5 C grades and 2 A grades.")}


@pytest.mark.parametrize(
    "sentence, text, value, code",
    [
        ("The vending machine asked for five dollars and fifty cents.", "five dollars and fifty cents", 5.5, "USD"),
        ("A coffee now costs 3 pounds 20 pence.", "3 pounds 20 pence", 3.2, "GBP"),
        ("He sold 0.5 bitcoin last week.", "0.5 bitcoin", 0.5, "XBT"),
    ],
)
def test_a_sum_with_its_minor_units_is_one_sum(sentence, text, value, code):
    q = only(sentence, "money")
    assert (q.text, q.value, q.unit) == (text, value, code)


def test_round_plurals_of_a_currency_are_money():
    q = only("The scheme cost taxpayers tens of millions of dollars.")
    assert (q.kind, q.unit, q.low, q.high) == ("money", "USD", 20_000_000, 100_000_000)


@pytest.mark.parametrize(
    "sentence",
    [
        "Operators are rolling out 5G networks across Europe.",
        "The 9/11 attacks changed air travel.",
        "City beat United in a 3-2 win on Saturday.",
    ],
)
def test_names_dates_and_scores_are_not_counts(sentence):
    assert not [q for q in parse_quantities(sentence) if q.kind == "count"]


@pytest.mark.parametrize(
    "sentence, text, low, high, unit",
    [
        (
            "Snow depths of 5 km to 10 km were reported.".replace("Snow depths of", "Runners covered"),
            "5 km to 10 km",
            5,
            10,
            "km",
        ),
        ("The fence stands between 5 ft and 6 ft high.", "between 5 ft and 6 ft", 5, 6, "ft"),
        ("The project will cost $10-15 million.", "$10-15 million", 10_000_000, 15_000_000, "USD"),
        ("Crews built a 3- to 4-foot wall.", "3- to 4-foot", 3, 4, "ft"),
        ("It is a two- to three-hour drive.", "two- to three-hour", 2, 3, "hour"),
    ],
)
def test_ranges_of_measures_and_sums(sentence, text, low, high, unit):
    q = only(sentence)
    assert (q.text, q.low, q.high, q.unit, q.qualifier) == (text, low, high, unit, "range")


def test_a_change_from_one_measure_to_another_is_two_figures():
    assert [q.text for q in parse_quantities("The range rose from 5 km to 10 km.")] == ["5 km", "10 km"]


@pytest.mark.parametrize(
    "sentence, text, value",
    [
        # wire copy (real sentences, reworded): "narrowed in <year> to <figure>" is a year, then the figure
        (
            "The trade gap shrank in 1986 to 41.2 billion crowns from 45.9 billion in 1985.",
            "41.2 billion crowns",
            41_200_000_000,
        ),
        ("Group sales climbed in 1986 to 12.5 mln dlrs, the company said.", "12.5 mln dlrs", 12_500_000),
    ],
)
def test_a_year_before_to_is_not_the_low_end_of_a_range(sentence, text, value):
    q = next(q for q in parse_quantities(sentence) if q.text == text)
    assert (q.qualifier, q.low, q.high) == ("exact", value, value)


def test_a_figure_written_in_full_still_starts_a_range_to_a_scaled_one():
    q = only("Between 500,000 and 1.2 million people were displaced.")
    assert (q.qualifier, q.low, q.high) == ("range", 500_000, 1_200_000)


def test_a_change_by_one_sum_to_another_from_a_third_is_three_figures():
    # "by A to B from C": the size of a change, the level reached and the level it started from, not a range A-B
    assert [
        q.text
        for q in parse_quantities(
            "The group cut its net debt by 2.6 billion euros to 7.3 billion euros from 8.9 billion euros."
        )
    ] == ["2.6 billion euros", "7.3 billion euros", "8.9 billion euros"]
    assert [q.text for q in parse_quantities("The cable was extended by 5 km to 10 km.")] == ["5 km to 10 km"]
