"""Check-worthiness: a sentence model learned from people's judgements, then what claimkit knows of the claim."""

import subprocess
import sys

import pytest

from claimkit.checkworthiness import (
    explain,
    explain_sentence,
    model,
    noun_class,
    prior,
    score,
    score_sentence,
    sentence_features,
)
from claimkit.extract import Finding
from claimkit.paths import ROOT


def figure(span_value, unit, kind="quantity", **kw):
    return Finding(kind, 0, 10, value=span_value, low=span_value, high=span_value, unit=unit, weight=prior(kind), **kw)


# ---------------------------------------------------------------- the learned sentence model


def test_the_weights_file_loads_with_a_bias_and_thousands_of_reviewable_features():
    bias, weights = model()
    assert bias < 0  # most sentences are not check-worthy
    assert len(weights) > 1000
    assert all(f.split(":", 1)[0] in ("w", "b", "cue", "len") for f in weights)
    assert weights["cue:number"] > 0 and weights["cue:question"] < 0


def test_a_sentence_with_a_figure_ranks_above_small_talk_and_opinion():
    fact = score_sentence("You know, last year up to this time, we've lost 700,000 jobs in America.")
    assert fact > score_sentence("Thank you very much, it's a pleasure to be here tonight.")
    assert fact > score_sentence("I think we need a president who believes in this country.")
    assert fact > score_sentence("What would you do about it?")


def test_score_sentence_is_a_probability_and_explains_itself_by_its_features():
    s = "Unemployment rose to 10 percent in 1982."
    assert 0.0 < score_sentence(s) < 1.0
    assert ("cue:percent", model()[1]["cue:percent"]) in explain_sentence(s, top=50)


def test_features_read_numbers_as_one_token_and_pairs_of_words():
    feats = sentence_features("We lost 700,000 jobs.")
    assert {"w:lost", "w:<num>", "b:<num> jobs", "cue:number", "cue:big_number", "cue:we"} <= feats


def test_import_claimkit_does_not_load_the_weights_or_scikit_learn():
    probe = (
        "import sys, claimkit, claimkit.checkworthiness as c; "
        "print(c.model.cache_info().currsize, 'sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.split() == ["0", "False"]


# ---------------------------------------------------------------- the claim on news

FIRES = "California firefighters responded to 8,668 fires in 2024, the state fire agency said."
STREETS = "In the town of Paradise, two streets were closed for a week while crews cleared debris."
NODS = "The season also drew attention in Hollywood: one film about the fire received four nods."


def test_a_count_of_fires_ranks_above_a_count_of_streets():
    assert score(figure(8668, "fire"), FIRES) > score(figure(2, "street"), STREETS)


def test_incidental_counts_never_outrank_casualties_money_or_a_countrys_figures():
    trivial = [
        score(figure(2, "street"), STREETS),
        score(figure(4, "nod"), NODS),
        score(figure(2, "thing"), "Residents said two critical things were missing from the response."),
    ]
    newsworthy = [
        score(figure(3, "person", subject="people killed"), "Three people were killed."),
        score(figure(170e6, "USD", kind="money"), "The state will ask for $170 million in aid."),
        score(figure(2.5, "percent", kind="percent"), "Pakistan's economy grew by 2.5%."),
    ]
    assert max(trivial) < min(newsworthy)


def test_a_strong_sentence_cannot_lift_a_count_of_links_above_the_ceiling():
    strong = (
        "The United Nations has appealed for $160 million in emergency aid, but donors have pledged only "
        "38% of that amount, and two domain links were broken."
    )
    assert score(figure(2, "link"), strong) <= 0.45


def test_what_a_figure_counts_is_read_from_its_unit_or_subject():
    assert noun_class("fire") == "harm" and noun_class("streets") == "incidental"
    assert noun_class(None, "people killed in the floods") == "harm"
    assert noun_class("metric ton") == "measure" and noun_class("widget") is None


def test_hedged_opinion_scores_below_a_dated_event():
    opinion = Finding("attribution", 0, 10, speaker="Dmitry Peskov", weight=prior("attribution"))
    event = Finding("time", 0, 10, date="2022-01-10", weight=prior("time"))
    assert score(opinion, "Peskov said sanctions would be tantamount to breaking ties.") < score(
        event, "Talks were held in Geneva on Monday."
    )


def test_first_person_views_and_vague_times_lower_the_score():
    f = Finding("quote", 0, 10, speaker="Zbigniew Rau", weight=prior("quote"))
    assert score(f, '"It seems that the risk is high," Rau said.') < score(f, '"The risk is high," Rau said.')
    vague = Finding("time", 0, 10, date="2022-01-14/2022-01-20", weight=prior("time"), extra={"vague": True})
    assert ("a vague span of time, little to check", -1.0) in explain(vague, "in the coming days")
    assert score(vague, "in the coming days") < score(
        Finding("time", 0, 10, date="2022-01-14", weight=prior("time")), "in the coming days"
    )


def test_unidentified_speaker_lowers_the_score():
    known = Finding("quote", 0, 10, speaker="A B", weight=0.45)
    unknown = Finding("quote", 0, 10, weight=0.45, extra={"speaker_resolved": False})
    assert score(unknown, "x") < score(known, "x")


def test_priors_put_figures_and_dates_above_quotes():
    assert prior("quantity") > prior("quote") and prior("time") > prior("quote")
    assert prior("time_vague") < prior("time")
    assert prior("no such kind") == 0.5


def test_scores_stay_in_the_unit_interval():
    f = Finding("quantity", 0, 1, value=1.0, unit="troop", date="2022-01-13", speaker="X", weight=0.99)
    assert 0.0 <= score(f, "On Monday in Geneva") <= 1.0


# ---------------------------------------------------------------- the training script reproduces the weights


def test_the_training_script_writes_a_model_the_run_time_scorer_reads_like_scikit_learn(tmp_path):
    pytest.importorskip("sklearn")
    sys.path.insert(0, str(ROOT / "scripts"))
    import train_checkworthiness as train

    data = train.default_data()
    if not data.is_file():
        pytest.skip(f"the ClaimBuster sentences are not here ({data})")
    rows = train.read(data, sample=600)
    out = tmp_path / "model.tsv"
    assert train.main(["--data", str(data), "--sample", "600", "--out", str(out)]) == 0
    again = tmp_path / "again.tsv"
    train.main(["--data", str(data), "--sample", "600", "--out", str(again)])
    assert out.read_text() == again.read_text()  # deterministic: the same data gives the same file

    from sklearn.linear_model import LogisticRegression

    from claimkit.checkworthiness import _sigmoid
    from claimkit.lexicon import table

    texts, labels = [r[2] for r in rows], [r[1] for r in rows]
    vocab = train.vocabulary(texts)
    clf = LogisticRegression(C=train.C, max_iter=2000).fit(train.matrix(texts, vocab), labels)
    expected = clf.predict_proba(train.matrix(texts[:50], vocab))[:, 1]
    rows_ = [line.split("\t") for line in out.read_text().splitlines() if line and not line.startswith("#")][1:]
    weights = {f: float(w) for f, w in rows_}
    bias = weights.pop("(bias)")
    ours = [_sigmoid(bias + sum(weights.get(f, 0.0) for f in sentence_features(t))) for t in texts[:50]]
    assert max(abs(a - b) for a, b in zip(ours, expected)) < 0.02  # rounding to 4 decimals and pruning only
    assert table  # the packaged reader is the one claimkit uses at run time


# ---------------------------------------------------------------- the claims table


def test_in_a_wire_story_fires_money_and_casualties_rank_above_streets_films_and_nods():
    from claimkit.claims import extract_claims

    claims = extract_claims(ROOT / "data/articles/wire/california-wildfire-season.txt")
    by_span = dict(zip(claims["span"], claims["checkworthiness"]))
    # an extractor may drop some of these as figures at all; those it keeps rank below the news
    trivial = [s for s in ("two streets", "one film", "four nods", "two critical things") if s in by_span]
    assert trivial
    for news in ("8,668 fires", "$170 million", "$4.2 billion"):
        assert all(by_span[news] > by_span[t] for t in trivial), news
    top_ten = claims.sort_values("checkworthiness", ascending=False).head(10)["span"].tolist()
    assert "8,668 fires" in top_ten and not set(trivial) & set(top_ten)


def test_a_claim_inside_a_larger_claim_that_holds_it_steps_back():
    from claimkit.checkworthiness import nested

    sentence = '"The risk of war is now greater than ever before in the last 30 years," Rau said.'
    comparison = Finding("comparison", 26, 76, weight=prior("comparison"))
    time = Finding("time", 60, 76, date="1992/2022", weight=prior("time"))
    years = Finding("duration", 69, 76, value=30, unit="year", weight=prior("duration"))
    quote = Finding("quote", 1, 77, speaker="Zbigniew Rau", weight=prior("quote"))
    assert nested([comparison, time, years, quote]) == {1, 2}  # the quote holds nothing: it is not a figure
    assert score(years, sentence, nested=True) < score(years, sentence) < 1
    assert score(comparison, sentence) > score(time, sentence, nested=True)


def test_the_time_of_a_figure_steps_back_behind_the_figure():
    from claimkit.checkworthiness import nested

    # "California firefighters responded to 8,668 fires in 2024." / "Talks were held on Monday."
    fires = Finding("quantity", 37, 48, value=8668, unit="fire", weight=prior("quantity"))
    year = Finding("time", 52, 56, date="2024", weight=prior("time"))
    monday = Finding("time", 80, 86, date="2022-01-10", weight=prior("time"))
    sentence_of = lambda f: (0, 58) if f.start < 58 else (59, 87)  # noqa: E731 - a one-line helper local to this function
    assert nested([fires, year, monday], sentence_of) == {1}  # Monday dates no figure: it is its own claim


def test_a_figure_the_extractor_marks_minor_stays_under_the_ceiling():
    minor = figure(12, "widget", extra={"minor": "a vague noun"})
    assert score(minor, FIRES) <= 0.45 < score(figure(12, "widget"), FIRES)


def test_the_priors_file_sets_the_prior_of_every_extractor_figures_included(monkeypatch):
    """lexicon/checkworthiness_kinds.tsv is the one source of priors: a changed figure row changes the figure's weight."""
    import claimkit.checkworthiness as cw
    from claimkit.extract import Document, run_extractors

    text = "Officials said 4,512 people were evacuated and $2.3 million was spent."
    doc = Document(text=text, sentences=[(0, len(text))])
    before = {f.kind: f.weight for f in run_extractors(doc, ["quantities"])}
    assert before == {"quantity": cw.prior("figure:count"), "money": cw.prior("figure:money")}
    table = cw._priors()
    monkeypatch.setattr(cw, "_priors", lambda: {**table, "figure:money": 0.11})
    after = {f.kind: f.weight for f in run_extractors(doc, ["quantities"])}
    assert after["money"] == 0.11 and after["quantity"] == before["quantity"]
