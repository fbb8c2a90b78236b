"""Inside-the-story checks on wire sentences: a correct sentence stays quiet or is supported, a wrong one
is contradicted with its computation written out."""

from __future__ import annotations

from datetime import date

import pytest

from claimkit import extract_claims, load_article
from claimkit.inside import check_story
from claimkit.inside.arithmetic import check_arithmetic
from claimkit.inside.calendar import check_calendar
from claimkit.inside.consistency import check_consistency

PUBLISHED = date(2022, 1, 13)


def run(check, text, published=PUBLISHED):
    claims = extract_claims(text, published=published).to_dict("records")
    spans = {c["claim_id"]: c["span"] for c in claims}
    return {spans[cid]: r for cid, r in check(text, claims, published).items()}, {
        c["span"]: c["claim_id"] for c in claims
    }


def verdicts(check, text, published=PUBLISHED):
    return {span: r["verdict"] for span, r in run(check, text, published)[0].items()}


# ---------------------------------------------------------------- arithmetic: changes


def test_change_with_its_size_is_supported_and_cites_both_figures():
    text = "Exports rose from 4.6 billion dollars in 2020 to 10.2 billion dollars in 2021, up 122 percent."
    results, ids = run(check_arithmetic, text)
    r = results["122 percent"]
    assert r["verdict"] == "supported"
    assert (
        r["computation"]
        == "from 4.6 billion dollars to 10.2 billion dollars is +121.7 %, the story says up 122 percent"
    )
    assert set(r["evidence_ids"]) == {
        ids["4.6 billion dollars"],
        ids["10.2 billion dollars"],
    }  # not a range "2020 to 10.2 billion"


def test_change_with_a_wrong_size_is_contradicted():
    results, _ = run(
        check_arithmetic,
        "Exports rose from 4.6 billion dollars in 2020 to 10.2 billion dollars in 2021, up 142 percent.",
    )
    assert results["142 percent"]["verdict"] == "contradicted"
    assert "is +121.7 %, the story says up 142 percent" in results["142 percent"]["expected"]


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        ("Support for the government fell 3 points from 48% to 45%, the poll showed.", "3 points", "supported"),
        ("Support for the government fell 5 points from 48% to 45%, the poll showed.", "5 points", "contradicted"),
        (
            "The jobless rate fell 0.3 percentage point to 3.9% in May from 4.2% in April.",
            "0.3 percentage point",
            "supported",
        ),
        (
            "The jobless rate fell 0.5 percentage point to 3.9% in May from 4.2% in April.",
            "0.5 percentage point",
            "contradicted",
        ),
        ("Net profit fell to 1.2 billion euros from 1.6 billion euros, down 25 percent.", "25 percent", "supported"),
        ("Net profit fell to 1.2 billion euros from 1.6 billion euros, down 45 percent.", "45 percent", "contradicted"),
        ("Quarterly revenue rose 5.2% to $10.52 billion from $10 billion a year earlier.", "5.2%", "supported"),
        ("Quarterly revenue rose 15.2% to $10.52 billion from $10 billion a year earlier.", "15.2%", "contradicted"),
    ],
)
def test_change_sizes_in_points_and_percent(text, span, verdict):
    assert verdicts(check_arithmetic, text)[span] == verdict


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        # the size before a change noun, the figures past a conversion in brackets and a period of time
        (
            "The broadcaster posted a 41% rise in profits for the year to £212m from the £150m of a year earlier.",
            "41%",
            "supported",
        ),
        (
            "The broadcaster posted a 51% rise in profits for the year to £212m from the £150m of a year earlier.",
            "51%",
            "contradicted",
        ),
        (
            "Quarterly profit jumped 76% to $1.13bn (£600m) for the three months to December, from $639m a year earlier.",
            "76%",
            "supported",
        ),
        (
            "Quarterly profit jumped 96% to $1.13bn (£600m) for the three months to December, from $639m a year earlier.",
            "96%",
            "contradicted",
        ),
        # "B, up S from A"
        ("Turnover for the year was 10.0bn euros, up 8.1% from 9.25bn euros.", "8.1%", "supported"),
        ("Turnover for the year was 10.0bn euros, up 18.1% from 9.25bn euros.", "18.1%", "contradicted"),
    ],
)
def test_change_sizes_in_other_wire_orders(text, span, verdict):
    assert verdicts(check_arithmetic, text)[span] == verdict


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        ("Net income rose 12% to $1.2 billion, compared with $1.07 billion a year earlier.", "12%", "supported"),
        ("Net income rose 22% to $1.2 billion, compared with $1.07 billion a year earlier.", "22%", "contradicted"),
        ("The Dow Jones Industrial Average fell 266.17 points, or 0.8%, to 33,000.57.", "0.8%", "supported"),
        ("The Dow Jones Industrial Average fell 266.17 points, or 1.8%, to 33,000.57.", "1.8%", "contradicted"),
        ("The airline will cut 25% of its 1,200 staff, or 300 jobs, by June.", "25%", "supported"),
        ("The airline will cut 25% of its 1,200 staff, or 400 jobs, by June.", "25%", "contradicted"),
    ],
)
def test_compared_with_points_with_percent_and_a_share_restated_as_a_count(text, span, verdict):
    assert verdicts(check_arithmetic, text)[span] == verdict


def test_an_analysts_forecast_is_not_where_a_change_started():
    assert verdicts(check_arithmetic, "Revenue rose 5% to $10.5bn, compared with $10.4bn expected by analysts.") == {}


def test_a_change_in_another_clause_is_not_paired():
    # "to $5bn" belongs to the US sales, "from $3bn" to Europe's: only Europe's change is checked
    text = "Sales rose to $5bn in the US, while in Europe they fell from $3bn to $2bn, down 33%."
    results, ids = run(check_arithmetic, text)
    assert {s: r["verdict"] for s, r in results.items()} == {"33%": "supported"}
    assert ids["$5bn"] not in results["33%"]["evidence_ids"]


def test_percent_against_percent_may_be_points_or_relative():
    # 5.0 % -> 7.0 % is +2 points or +40 %: both readings are correct writing
    assert verdicts(check_arithmetic, "Inflation rose 2 percent from 5.0% to 7.0%.")["2 percent"] == "supported"
    assert verdicts(check_arithmetic, "Inflation rose 40 percent from 5.0% to 7.0%.")["40 percent"] == "supported"
    assert verdicts(check_arithmetic, "Inflation rose 25 percent from 5.0% to 7.0%.")["25 percent"] == "contradicted"
    # from 5 % to 7 % may be 4.5 % to 7.5 %: +18 % to +67 %, so 25 % is possible
    assert verdicts(check_arithmetic, "Inflation rose 25 percent from 5% to 7%.")["25 percent"] == "supported"


def test_doubled_is_a_factor_of_two_and_a_hedged_doubling_is_left_alone():
    assert verdicts(check_arithmetic, "The number of asylum seekers doubled to 40,000 from 20,000 last year.") == {
        "40,000": "supported"
    }
    results, _ = run(check_arithmetic, "The number of asylum seekers doubled to 40,000 from 25,000 last year.")
    assert results["40,000"]["verdict"] == "contradicted"
    assert results["40,000"]["computation"] == "from 25,000 to 40,000 is \u00d71.6, the story says doubled (\u00d72)"
    assert (
        verdicts(check_arithmetic, "The number of asylum seekers nearly doubled to 40,000 from 25,000 last year.") == {}
    )


def test_rounding_as_written_never_flags_a_correct_story():
    # 10.2 / 4.6 - 1 is +121.7 %; "122 %" is [121.5, 122.5); "about 120 %" is wider still
    assert verdicts(check_arithmetic, "Sales climbed from 4.6 million to 10.2 million, up about 120 percent.") == {
        "about 120 percent": "supported"
    }
    # $10 billion may be anything from 9.5 to 10.5 billion: a 9 % rise to 10.5 billion is possible
    assert verdicts(check_arithmetic, "Revenue rose 9% to $10.5 billion from $10 billion.") == {"9%": "supported"}


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        # wire copy of 1987 (reworded): +29.56 % written "29.5 pct", the figure cut after its last digit
        ("Ford's car sales jumped 29.5 pct in the period to 79,249 from 61,169 a year ago.", "29.5 pct", "supported"),
        ("Car sales fell 29.5 pct to 61,169 from 86,855 a year earlier.", "29.5 pct", "supported"),  # -29.57 %
        # a whole unit of the last digit further off is still an error
        (
            "Ford's car sales jumped 29.4 pct in the period to 79,249 from 61,169 a year ago.",
            "29.4 pct",
            "contradicted",
        ),
    ],
)
def test_a_size_cut_after_its_last_digit_is_not_an_error(text, span, verdict):
    assert verdicts(check_arithmetic, text, date(1987, 4, 3))[span] == verdict


def test_up_to_and_ranges_are_not_sizes():
    assert verdicts(check_arithmetic, "Prices rose from 4.6 to 10.2 euros, up to 50 percent in some shops.") == {}
    assert verdicts(check_arithmetic, "Forecasts range from 3% to 4%, up more than 60 percent on last year.") == {}


# ---------------------------------------------------------------- arithmetic: shares and totals


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        ("The airline laid off 300 of its 1,200 staff, or 25%, on Monday.", "25%", "supported"),
        ("The airline laid off 300 of its 1,200 staff, or 30%, on Monday.", "30%", "contradicted"),
        ("Of the 1,200 staff, 300, or 25%, were laid off.", "25%", "supported"),
        ("Of the 1,200 staff, 300, or 35%, were laid off.", "35%", "contradicted"),
        ("One in four adults, or 25 percent, smoke daily, the survey found.", "25 percent", "supported"),
        ("One in four adults, or 35 percent, smoke daily, the survey found.", "35 percent", "contradicted"),
    ],
)
def test_share_with_its_parts(text, span, verdict):
    assert verdicts(check_arithmetic, text)[span] == verdict


def test_absolute_change_and_a_possessive_whole():
    results, _ = run(
        check_arithmetic, "The group cut its net debt by 2.6 billion euros to 7.3 billion euros from 8.9 billion euros."
    )
    assert results["2.6 billion euros"]["verdict"] == "contradicted"
    assert results["2.6 billion euros"]["computation"] == (
        "from 8.9 billion euros to 7.3 billion euros is -1.6 billion, the story says down 2.6 billion euros"
    )
    assert verdicts(
        check_arithmetic, "The group cut its net debt by 1.6 billion euros to 7.3 billion euros from 8.9 billion euros."
    ) == {"1.6 billion euros": "supported"}
    assert verdicts(
        check_arithmetic, "Of the group's 109,000 employees, 27,000, or about 25 percent, work in cargo."
    ) == {"about 25 percent": "supported"}


def test_share_computation_is_written_out():
    results, ids = run(check_arithmetic, "The airline laid off 300 of its 1,200 staff, or 30%, on Monday.")
    assert results["30%"]["computation"] == "300 of 1,200 is 25 %, the story says 30%"
    assert set(results["30%"]["evidence_ids"]) == {ids["300"], ids["1,200 staff"]}


def test_total_with_listed_parts():
    assert verdicts(check_arithmetic, "The blast killed 1,100 people: 700 soldiers and 400 civilians.") == {
        "1,100 people": "supported"
    }
    results, _ = run(check_arithmetic, "The blast killed 1,200 people: 700 soldiers and 400 civilians.")
    assert results["1,200 people"]["verdict"] == "contradicted"
    assert results["1,200 people"]["computation"] == "700 + 400 = 1,100, the story says 1,200"


def test_a_list_that_need_not_be_complete_says_nothing():
    assert verdicts(check_arithmetic, "The blast killed 1,200 people, including 700 soldiers and 400 civilians.") == {}
    assert verdicts(check_arithmetic, "The blast killed 1,200 people: among them 700 soldiers and 400 civilians.") == {}


def test_count_of_named_items():
    assert verdicts(check_arithmetic, "Three countries - France, Germany and Italy - abstained.") == {
        "Three countries": "supported"
    }
    results, _ = run(check_arithmetic, "Four countries - France, Germany and Italy - abstained.")
    assert results["Four countries"]["verdict"] == "contradicted"
    assert results["Four countries"]["computation"] == "3 named (France, Germany, Italy), the story says Four"
    # "two of the three countries" names the part
    assert verdicts(check_arithmetic, "Two of the three countries - France and Germany - abstained.") == {}


def test_count_of_names_after_a_comma_closed_by_a_comma():
    assert verdicts(check_arithmetic, "Two permanent members, Britain and France, voted against the resolution.") == {
        "Two permanent members": "supported"
    }
    results, _ = run(check_arithmetic, "Three permanent members, Britain and France, voted against the resolution.")
    assert results["Three permanent members"]["computation"] == "2 named (Britain, France), the story says Three"
    assert verdicts(check_arithmetic, "He toured three countries, France, Germany and Italy.") == {
        "three countries": "supported"
    }
    # names that run on into other words are not a closed list
    assert verdicts(check_arithmetic, "Five people, Smith and Jones among them, were hurt.") == {}
    assert verdicts(check_arithmetic, "The talks involved 57 countries, Russia said on Thursday.") == {}


def test_shares_of_one_whole():
    ok = "Yes won 52 percent of the vote, while 45 percent voted no and the remaining 3 percent abstained."
    bad = "Yes won 52 percent of the vote, while 49 percent voted no and the remaining 3 percent abstained."
    assert verdicts(check_arithmetic, ok) == {"3 percent": "supported"}
    assert verdicts(check_arithmetic, bad) == {"3 percent": "contradicted"}
    # shares of other wholes (a change on the last election) are not added up
    assert verdicts(check_arithmetic, "The party won 60 percent of the vote, up from 55 percent in 2017.") == {}


# ---------------------------------------------------------------- calendar


@pytest.mark.parametrize(
    "text, span, verdict",
    [
        # the date reader takes "Monday, Jan. 10, 2022" as one mention: the weekday is read inside it
        ("The talks began on Monday, Jan. 10, 2022, in Geneva.", "Monday, Jan. 10, 2022", "supported"),
        ("The talks began on Tuesday, Jan. 10, 2022, in Geneva.", "Tuesday, Jan. 10, 2022", "contradicted"),
        ("Talks resumed on Tuesday (Jan. 11) in Geneva.", "Tuesday", "supported"),
        ("Talks resumed on Tuesday (Jan. 10) in Geneva.", "Tuesday", "contradicted"),
        ("The council met on Jan. 12 (Wednesday) in Brussels.", "Wednesday", "supported"),
        ("The council met on Jan. 12 (Thursday) in Brussels.", "Thursday", "contradicted"),
    ],
)
def test_weekday_beside_a_date(text, span, verdict):
    assert verdicts(check_calendar, text)[span] == verdict


@pytest.mark.parametrize(
    "text, verdict",
    [
        # wire copy of 1987 (reworded): the weekday and the date with no comma between them
        (
            "Bank borrowings averaged 228 mln dlrs in the week to Wednesday March 18, the central bank said.",
            "supported",
        ),
        (
            "Bank borrowings averaged 228 mln dlrs in the week to Friday March 18, the central bank said.",
            "contradicted",
        ),
    ],
)
def test_weekday_beside_a_date_without_a_comma(text, verdict):
    assert set(verdicts(check_calendar, text, date(1987, 3, 19)).values()) == {verdict}


def test_weekday_computation_is_written_out():
    results, _ = run(check_calendar, "Talks resumed on Tuesday (Jan. 10) in Geneva.")
    assert results["Tuesday"]["computation"] == "Jan. 10 (10 January 2022) was a Monday, the story says Tuesday"


def test_weekday_without_a_year_needs_the_publication_date():
    assert verdicts(check_calendar, "Talks resumed on Tuesday (Jan. 10) in Geneva.", published=None) == {}


def test_age_beside_a_birth_year():
    # an age after a name ("Smith, 45,") is no claim of its own: the verdict goes on the birth year, citing the age
    assert verdicts(check_calendar, "Smith, 45, who was born in 1976, was elected on Tuesday.") == {"1976": "supported"}
    text = "Smith, 48, who was born in 1976, was elected on Tuesday."
    results, _ = run(check_calendar, text)
    assert results["1976"]["verdict"] == "contradicted"
    assert results["1976"]["computation"] == "born 1976, on 13 January 2022 aged 45 or 46, the story says 48"
    assert results["1976"]["evidence_ids"] == [f"story@{text.index('48')}-{text.index('48') + 2}"]
    # an age that is a claim ("the 48-year-old") carries the verdict itself
    assert verdicts(check_calendar, "The 48-year-old Smith, who was born in 1976, won.") == {"48-year": "contradicted"}
    # an age at death is not an age at publication
    assert verdicts(check_calendar, "Smith, who was born in 1930, died on Monday aged 91.") == {}


def test_years_ago_and_since():
    assert verdicts(check_calendar, "The plant opened 25 years ago, in 1997.") == {"25 years": "supported"}
    assert verdicts(check_calendar, "The plant opened 20 years ago, in 1997.") == {"20 years": "contradicted"}
    assert verdicts(check_calendar, "It was the first such summit in 30 years, since 1992.") == {
        "30 years": "supported"
    }
    results, _ = run(check_calendar, "It was the first such summit in 25 years, since 1992.")
    assert results["25 years"]["computation"] == "from 1992 to 13 January 2022 is 30 years, the story says 25 years"


def test_anniversary():
    may_2020 = date(2020, 5, 9)
    assert set(
        verdicts(check_calendar, "Leaders marked the 75th anniversary of the 1945 victory.", may_2020).values()
    ) == {"supported"}
    results, _ = run(check_calendar, "Leaders marked the 70th anniversary of the 1945 victory.", may_2020)
    (r,) = results.values()
    assert r["verdict"] == "contradicted"
    assert r["computation"] == "from 1945 to 2020 is 75 years, the story says the 70th anniversary"


def test_anniversary_marked_on_a_date_of_the_story_and_years_ago_on_a_date():
    text = (
        "Leaders gathered on Monday, Jan. 27, to mark the 75th anniversary of its liberation by Soviet troops in 1945. "
        "The camp was liberated 75 years ago, on Jan. 27, 1945."
    )
    found = run(check_calendar, text, date(2020, 1, 27))[0]
    assert {r["computation"] for r in found.values()} >= {
        "from 1945 to 2020 is 75 years, the story says the 75th anniversary",
        "from 1945 to 27 January 2020 is 75 years, the story says 75 years",
    }
    assert {r["verdict"] for r in found.values()} == {"supported"}


def test_a_year_after_anniversary_without_of_is_when_it_is_marked():
    text = "She was expected at the musical's fifth anniversary celebrations in April 2004 but stayed away."
    assert verdicts(check_calendar, text, date(2005, 3, 1)) == {}


# ---------------------------------------------------------------- consistency


def test_one_count_given_twice_with_two_values():
    text = (
        "Talks took place in Vienna at the OSCE with 57 countries. "
        "The OSCE's 56 participating states will meet again next week."
    )
    results, ids = run(check_consistency, text)
    assert {s: r["verdict"] for s, r in results.items()} == {
        "57 countries": "contradicted",
        "56 participating states": "contradicted",
    }
    assert results["57 countries"]["evidence_ids"] == [ids["56 participating states"]]
    assert "57 (57 countries) and 56 (56 participating states)" in results["57 countries"]["computation"]


def test_counts_of_different_groups_are_not_compared():
    text = "The EU's 27 countries met in Brussels. Only 19 EU countries use the euro, Brussels says."
    assert verdicts(check_consistency, text) == {}


def test_one_quote_given_to_two_speakers():
    text = (
        '"We will never accept this kind of blackmail from anyone," Rau said in Vienna. '
        'Later, US envoy Michael Carpenter said: "We will never accept this kind of blackmail from anyone."'
    )
    results, _ = run(check_consistency, text)
    assert [r["verdict"] for r in results.values()] == ["contradicted", "contradicted"]
    assert all("given to Rau and to Michael Carpenter" in r["computation"] for r in results.values())


# ---------------------------------------------------------------- the seed


def test_seed_article_gives_no_false_alarm():
    article = load_article("data/articles/russia-osce-dead-end.txt")
    claims = extract_claims(article).to_dict("records")
    results = check_story(article.text, claims, article.published)
    assert not [r for by_claim in results.values() for r in by_claim.values() if r["verdict"] == "contradicted"]


# ---------------------------------------------------------------- registered: verify() runs them


def test_verify_runs_the_inside_checks_and_keeps_the_computation():
    from claimkit import verify

    claims = extract_claims("The airline laid off 300 of its 1,200 staff, or 30%, on Monday.", published=PUBLISHED)
    v = verify(claims).set_index("span")
    assert v.loc["30%", "verdict"] == "contradicted"
    assert v.loc["30%", "check"] == "inside.arithmetic"
    assert v.loc["30%", "computation"] == "300 of 1,200 is 25 %, the story says 30%"
    assert set(v.loc["30%", "evidence_ids"]) == {
        claims.set_index("span").loc[s, "claim_id"] for s in ("300", "1,200 staff")
    }


def test_claims_read_back_without_the_article_text_are_still_checked(tmp_path):
    import pandas as pd

    from claimkit import verify
    from claimkit.claims import normalise_claims

    text = (
        "Talks began on Tuesday (Jan. 10) in Geneva.\n\nThe blast killed 1,200 people: 700 soldiers and 400 civilians."
    )
    extract_claims(text, published=PUBLISHED).to_csv(tmp_path / "claims.csv", index=False)
    claims = normalise_claims(pd.read_csv(tmp_path / "claims.csv"))
    v = verify(claims, as_of=PUBLISHED).set_index("span")
    assert v.loc["Tuesday", "verdict"] == "contradicted"
    assert "inside.calendar" in v.loc["Tuesday", "check"]
    assert v.loc["1,200 people", "verdict"] == "contradicted"
    assert v.loc["1,200 people", "check"] == "inside.arithmetic"


# ---------------------------------------------------------------- quiet on what real stories do


def test_a_clock_time_after_a_date_is_not_a_year():
    # the BBC's timestamp line: "1500 GMT" is three in the afternoon
    assert verdicts(check_calendar, "Last Updated: Sunday, 27 February 1500 GMT\n\nWales won in Paris.") == {}


def test_names_with_numbers_are_not_counts():
    text = (
        "Lions coach Clive Woodward will pick players from the Six Nations Championship. "
        '"With the history of the Lions we have got to take players from the four countries," Woodward said.'
    )
    assert verdicts(check_consistency, text) == {}


def test_parts_in_other_units_are_not_added_up():
    assert (
        verdicts(
            check_arithmetic,
            "Sky Plus boxes come in two versions - a 20GB version for £99 and a 160GB version for £399.",
        )
        == {}
    )


def test_a_phrase_quoted_again_inside_a_longer_quote_is_not_a_second_speaker():
    text = (
        'The Executive said his comments were "a recognition that people will get drunk". '
        'Nicola Sturgeon said: "It was just a recognition that people will get drunk, but binge drinking is not acceptable."'
    )
    assert verdicts(check_consistency, text) == {}


# ---------------------------------------------------------------- shown: notebook table and report


def _altered_story(tmp_path):
    from claimkit import verify
    from claimkit.outputs import write_outputs

    article = load_article("The airline laid off 300 of its 1,200 staff, or 30%, on Monday.", published="2022-01-13")
    claims = extract_claims(article)
    verdicts = verify(claims)
    write_outputs(tmp_path, article=article, claims=claims, verdicts=verdicts)
    return claims, verdicts


def test_notebook_table_shows_the_computation_and_the_claims_it_used(tmp_path):
    from claimkit.display import show_inside

    claims, verdicts = _altered_story(tmp_path)
    html = str(show_inside(verdicts, claims))
    assert "300 of 1,200 is 25 %, the story says 30%" in html
    assert "inside.arithmetic" in html and "1,200 staff" in html
    quiet = load_article("Talks ended on Monday in Geneva.", published="2022-01-13")
    quiet_claims = extract_claims(quiet)
    from claimkit import verify

    assert "could be recomputed" in str(show_inside(verify(quiet_claims), quiet_claims))


def test_report_shows_the_computation_under_the_verdict(tmp_path):
    import re

    from claimkit.report import write_report

    claims, verdicts = _altered_story(tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    cid = (
        verdicts.set_index("span").loc["30%", "claim_id"]
        if "span" in verdicts
        else claims.set_index("span").loc["30%", "claim_id"]
    )
    card = re.search(rf'<article class="card claim" id="claim-{cid}".*?</article>', html, flags=re.S).group()
    assert 'data-verdict="contradicted"' in card
    assert '<dd class="computation">300 of 1,200 is 25 %, the story says 30%</dd>' in card
    assert "the story: \u201c1,200 staff\u201d" in card


def test_figures_a_hundredfold_apart_are_a_misreading_not_a_change():
    # "three mln" is read as 3 by the quantity parser: no change is computed from it
    text = "Imports averaged 4.11 mln bpd, up 36.9 pct from three mln, the agency said."
    assert "36.9 pct" not in verdicts(check_arithmetic, text)


def test_a_size_rounded_twice_is_not_an_error_but_a_wrong_one_is():
    # 74 / 67 is +10.448 %: rounded to 10.45, then to 10.5
    text = "The company raised its quarterly dividend to 74 cts a share, from 67 cts, an increase of 10.5 pct."
    assert verdicts(check_arithmetic, text) == {"10.5 pct": "supported"}
    # 188,156 / 215,793 is -12.81 %: no rounding gives 12.9
    results, _ = run(check_arithmetic, "Sales of its domestic cars dropped 12.9 pct to 188,156 from 215,793.")
    assert results["12.9 pct"]["verdict"] == "contradicted"
    assert results["12.9 pct"]["computation"] == "from 215,793 to 188,156 is -12.81 %, the story says down 12.9 pct"


def test_a_currency_that_rises_while_its_quote_falls_is_a_convention_not_an_error():
    text = "The yen rose 0.8 pct against the dollar to 153.50 in February from 154.67 in January."
    assert verdicts(check_arithmetic, text) == {}


def test_a_change_in_the_wrong_direction_is_an_error_outside_quotes_of_currencies():
    results, _ = run(check_arithmetic, "Net profit rose 11% to $3.1bn from $3.6bn.")
    assert results["11%"]["verdict"] == "contradicted"
    assert results["11%"]["computation"] == "from $3.6bn to $3.1bn is -13.89 %, the story says up 11%"


def test_earlier_values_in_brackets_are_not_parts():
    assert (
        verdicts(
            check_arithmetic, "Gold 4.71 billion (4.90 billion and 3.83 billion), SDR's 503 mln (524 mln and 468 mln)."
        )
        == {}
    )


def test_a_year_is_not_a_figure_of_a_change():
    text = "For the full year the group posted a profit of $3.36bn, up 27% from its 2003 performance."
    assert verdicts(check_arithmetic, text) == {}


def test_a_change_on_another_basis_is_not_recomputed():
    text = "Sales rose 5% in real terms to £10.5bn from £9bn."
    assert verdicts(check_arithmetic, text) == {}


def test_an_age_beside_another_persons_birth_year_is_not_compared():
    assert verdicts(check_calendar, "Smith, 45, and his wife, who was born in 1980, live in Leeds.") == {}
    # an age at another time than publication
    assert verdicts(check_calendar, "In March 2010, Smith, 34, who was born in 1976, won the seat.") == {}


def test_members_of_two_unions_are_two_counts():
    text = (
        "The company said 344 members of the United Paperworkers International Union went on strike. "
        "It is negotiating with the International Brotherhood of Electrical Workers, whose 65 members honour the picket lines."
    )
    assert verdicts(check_consistency, text) == {}


def test_a_computation_that_used_no_other_claim_cites_the_words_it_read_and_keeps_the_verdicts_contract(tmp_path):
    from claimkit import validate, verify
    from claimkit.display import show_inside
    from claimkit.report import write_report

    article = load_article(
        "The hearing began on Tuesday, Jan. 10, 2022, in Oslo.\n\n"
        "Four countries - France, Germany and Italy - abstained.",
        published="2022-01-13",
    )
    claims = extract_claims(article)
    verdicts = verify(claims)
    by_span = verdicts.merge(claims[["claim_id", "span"]], on="claim_id", suffixes=("", "_c")).set_index("span_c")
    (ref,) = by_span.loc["Tuesday, Jan. 10, 2022", "evidence_ids"]  # one mention: the weekday read inside the date
    start, end = map(int, ref.removeprefix("story@").split("-"))
    assert article.text[start:end] == "Jan. 10, 2022"
    assert by_span.loc["Four countries", "verdict"] == "contradicted"
    assert validate(verdicts, "verdicts").success
    assert "Jan. 10, 2022" in str(show_inside(verdicts, claims))
    from claimkit.outputs import write_outputs

    write_outputs(tmp_path, article=article, claims=claims, verdicts=verdicts)
    assert "the story: \u201cFrance, Germany and Italy\u201d" in write_report(tmp_path).read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        "He said the six factories were Leisure Garments, Modern Garments, Precious Six Garments, TW Garments and Vogue Landmark.",
        "But the singer, who had four nominations, and Joss Stone and Franz Ferdinand, who were up for three awards, got nothing.",
        "Among the overlooked films were Hobson's Choice, Dirty Harry, The 39 Steps, The Searchers and King Kong.",
        "Gerrard 79 og, Drogba 107, Kezman 112.",
    ],
)
def test_names_after_a_comma_that_are_not_the_counted_things(text):
    assert verdicts(check_arithmetic, text) == {}
