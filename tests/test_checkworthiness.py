"""Check-worthiness: priors per kind, moved by documented sentence features."""
from claimkit.checkworthiness import explain, prior, score
from claimkit.extract import Finding


def test_priors_put_figures_and_dates_above_quotes():
    assert prior("quantity") > prior("quote") and prior("time") > prior("quote")
    assert prior("time_vague") < prior("time")
    assert prior("no such kind") == 0.5


def test_hedged_opinion_scores_below_a_dated_event():
    opinion = Finding("attribution", 0, 10, speaker="Dmitry Peskov", weight=prior("attribution"))
    event = Finding("time", 0, 10, date="2022-01-10", weight=prior("time"))
    assert score(opinion, "Peskov said sanctions would be tantamount to breaking ties.") < \
        score(event, "Talks were held in Geneva on Monday.")


def test_first_person_views_and_vague_times_lower_the_score():
    f = Finding("quote", 0, 10, speaker="Zbigniew Rau", weight=prior("quote"))
    assert score(f, '"It seems that the risk is high," Rau said.') < score(f, '"The risk is high," Rau said.')
    vague = Finding("time", 0, 10, date="2022-01-14/2022-01-20", weight=prior("time"), extra={"vague": True})
    assert ("a vague span of time, little to check", -0.15) in explain(vague, "in the coming days")


def test_unidentified_speaker_lowers_the_score():
    known = Finding("quote", 0, 10, speaker="A B", weight=0.45)
    unknown = Finding("quote", 0, 10, weight=0.45, extra={"speaker_resolved": False})
    assert score(unknown, "x") < score(known, "x")


def test_place_feature_needs_a_capital():
    f = Finding("time", 0, 1, weight=0.5)
    assert "names a place" not in [w for w, _ in explain(f, "in the coming days")]
    assert "names a place" in [w for w, _ in explain(f, "talks in Vienna")]


def test_scores_stay_in_the_unit_interval():
    f = Finding("quantity", 0, 1, value=1.0, unit="troop", date="2022-01-13", speaker="X", weight=0.99)
    assert 0.0 <= score(f, "On Monday in Geneva") <= 1.0
