"""Reviews: a journalist confirms or overrides a verdict; reviews persist, win, and are never lost silently."""

import json
import warnings

import pytest

from claimkit import load_article, verify
from claimkit.errors import InputError
from claimkit.reviews import OrphanReviewWarning, Reviews, review
from tests.helpers.claims import ALTERED, SEED, altered_specs, make_claims, seed_specs

OSCE = "https://www.osce.org/participating-states"


@pytest.fixture()
def claims(seed_claims):
    return seed_claims


def cid(claims, span):
    return claims.loc[claims["span"] == span, "claim_id"].iloc[0]


def test_a_review_from_a_notebook_cell_is_saved_at_once(claims, tmp_path):
    path = tmp_path / "reviews.json"
    rec = review(
        cid(claims, "57 countries"),
        "supported",
        source=OSCE,
        note="Counted on the OSCE site",
        reviewer="A. Journalist",
        path=path,
        claims=claims,
    )
    saved = json.loads(path.read_text())["reviews"]
    assert saved == [rec] and rec["span"] == "57 countries" and rec["reviewed_at"]
    assert not list(tmp_path.glob(".reviews.json.*")), "no temporary file left behind"


def test_a_review_wins_over_the_automatic_verdict_and_keeps_it_beside(claims, tmp_path):
    path = tmp_path / "reviews.json"
    quote = cid(claims, '"were not ready to meet our key requirements"')
    review(
        quote,
        "supported",
        source="https://tass.com/politics/1387773",
        note="Matches the TASS transcript",
        reviewer="A. Journalist",
        path=path,
    )
    v = verify(claims, reviews=path).set_index("claim_id").loc[quote]
    assert (v.verdict, v.method, v.reviewer, v.auto_verdict) == ("supported", "review", "A. Journalist", "unverified")
    assert v.note == "Matches the TASS transcript" and "https://tass.com/politics/1387773" in v.sources
    assert v.evidence_count == 1


def test_a_review_can_override_a_supported_verdict(claims, tmp_path):
    path = tmp_path / "reviews.json"
    troops = cid(claims, "around 100,000 troops")
    review(
        troops,
        "misleading",
        source="https://example.org/later-estimate",
        note="The figure was weeks old by then",
        reviewer="Desk editor",
        path=path,
    )
    v = verify(claims, reviews=path).set_index("claim_id").loc[troops]
    assert v.verdict == "misleading" and v.auto_verdict == "supported" and v.evidence_ids == []


def test_a_confirming_review_keeps_the_automatic_evidence(claims, tmp_path):
    path = tmp_path / "reviews.json"
    c = cid(claims, "57 countries")
    review(c, "supported", source=OSCE, reviewer="A. Journalist", path=path)
    v = verify(claims, reviews=path).set_index("claim_id").loc[c]
    assert len(v.evidence_ids) == 57 and OSCE in v.sources


def test_reviews_survive_a_re_run(tmp_path):
    path = tmp_path / "reviews.json"
    first = make_claims(load_article(SEED), seed_specs())
    review(cid(first, "on Monday"), "supported", source="https://www.state.gov/", reviewer="A. Journalist", path=path)
    again = make_claims(load_article(SEED), seed_specs())  # a fresh extraction: the same ids
    v = verify(again, reviews=path).set_index("span")
    assert v.loc["on Monday", "method"] == "review" and v.loc["on Monday", "reviewer"] == "A. Journalist"


def test_a_review_of_a_claim_that_no_longer_exists_is_reported_not_dropped(tmp_path):
    path = tmp_path / "reviews.json"
    seed = make_claims(load_article(SEED), seed_specs())
    troops = cid(seed, "around 100,000 troops")
    review(troops, "supported", source=OSCE, reviewer="A. Journalist", path=path, claims=seed)
    # the story is edited: the troops sentence changes, so its claim has a new id
    edited = make_claims(load_article(ALTERED), altered_specs())
    edited["article_id"] = seed["article_id"].iloc[0]  # same story, revised text
    with pytest.warns(OrphanReviewWarning, match=troops):
        v = verify(edited, reviews=path)
    assert [r["claim_id"] for r in v.attrs["orphan_reviews"]] == [troops]
    assert troops in path.read_text(), "the orphan review is still in the file"


def test_reviews_of_another_article_are_not_orphans_here(claims, tmp_path):
    path = tmp_path / "reviews.json"
    Reviews(path).add("c-0000000000", "unverified", reviewer="A. Journalist", article_id="a-someotherstory")
    with warnings.catch_warnings():
        warnings.simplefilter("error", OrphanReviewWarning)
        v = verify(claims, reviews=path)
    assert v.attrs["orphan_reviews"] == []


def test_a_reviews_file_that_does_not_parse_is_reported_and_left_as_it_is(claims, tmp_path):
    path = tmp_path / "reviews.json"
    broken = '{"reviews": [{"claim_id": "c-1", "verdict": "supported",,]}'
    path.write_text(broken)
    with pytest.raises(InputError, match=r"not valid JSON.*left as it is"):
        verify(claims, reviews=path)
    with pytest.raises(InputError):
        review(cid(claims, "57 countries"), "supported", source=OSCE, reviewer="A. Journalist", path=path)
    assert path.read_text() == broken


@pytest.mark.parametrize(
    "kwargs, reason",
    [
        (dict(verdict="true", source=OSCE, reviewer="A"), "not one of"),
        (dict(verdict="supported", source=OSCE, reviewer=None), "reviewer"),
        (dict(verdict="contradicted", source=None, reviewer="A"), "needs a source"),
    ],
)
def test_a_review_must_use_the_vocabulary_name_its_reviewer_and_its_source(
    claims, tmp_path, monkeypatch, kwargs, reason
):
    monkeypatch.delenv("CLAIMKIT_REVIEWER", raising=False)
    path = tmp_path / "reviews.json"
    with pytest.raises(InputError, match=reason):
        review(cid(claims, "57 countries"), kwargs.pop("verdict"), path=path, **kwargs)
    assert not path.exists()


def test_a_mistyped_claim_id_is_refused_when_the_claims_are_given(claims, tmp_path):
    with pytest.raises(InputError, match="no claim c-doesnotexist"):
        review("c-doesnotexist", "supported", source=OSCE, reviewer="A", path=tmp_path / "r.json", claims=claims)


def test_the_verdicts_suite_passes_with_reviews_applied(claims, tmp_path):
    from claimkit import validate

    path = tmp_path / "reviews.json"
    review(
        cid(claims, '"were not ready to meet our key requirements"'),
        "supported",
        source="https://tass.com/",
        reviewer="A. Journalist",
        path=path,
    )
    report = validate(verify(claims, reviews=path), "verdicts")
    assert report.success, report.summary()


def test_reviews_may_be_given_as_a_list_of_dicts(claims):
    c = cid(claims, "on Thursday")
    v = verify(claims, reviews=[{"claim_id": c, "verdict": "supported", "source": OSCE, "reviewer": "A"}])
    assert v.set_index("claim_id").loc[c, "method"] == "review"


def test_the_notebook_shows_what_reviews_changed_as_a_full_recheck_would(claims, tmp_path):
    from claimkit.display import show_changes, show_review_changes

    path = tmp_path / "reviews.json"
    unreviewed = verify(claims, reviews=path)
    assert "Nothing changed" in show_review_changes(claims, unreviewed)._repr_html_()
    troops, quote = cid(claims, "around 100,000 troops"), cid(claims, '"were not ready to meet our key requirements"')
    review(
        troops,
        "misleading",
        source="https://example.org/later-estimate",
        note="The figure was weeks old by then",
        reviewer="Desk editor",
        path=path,
    )
    review(quote, "supported", source="https://tass.com/politics/1387773", reviewer="A. Journalist", path=path)
    reviewed = verify(claims, reviews=path)
    html = show_review_changes(claims, reviewed)._repr_html_()
    assert html == show_changes(verify(claims), reviewed)._repr_html_()
    assert "2 claims changed" in html and "The figure was weeks old by then" in html
