"""ClaimReview JSON-LD: one per checked claim, with the fields fact-check aggregators read."""

import json

from claimkit import to_claimreview, verify


def test_one_claimreview_per_checked_claim_and_none_for_unverified(seed_article, seed_claims):
    verdicts = verify(seed_claims)
    reviews = to_claimreview(verdicts, seed_article)
    assert len(reviews) == (verdicts["verdict"] != "unverified").sum()
    json.dumps(reviews)  # serialisable as it is


def test_a_claimreview_has_the_schema_org_fields(altered_article, altered_claims):
    verdicts = verify(altered_claims)
    reviews = {
        r["url"].split("#")[-1]: r
        for r in to_claimreview(verdicts, altered_article, url="https://factcheck.example/russia-osce")
    }
    row = verdicts.set_index("span").loc["67 countries"]
    r = reviews[row.claim_id]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["url"] == f"https://factcheck.example/russia-osce#{row.claim_id}"
    assert "67 countries" in r["claimReviewed"]
    assert r["itemReviewed"]["@type"] == "Claim" and r["itemReviewed"]["datePublished"] == "2022-01-13"
    assert r["itemReviewed"]["author"]["name"]
    assert r["reviewRating"]["alternateName"] == "Contradicted" and r["reviewRating"]["ratingValue"] == 1
    assert r["author"] == {"@type": "Organization", "name": "claimkit"}
    assert r["datePublished"] == row.checked_at[:10]


def test_a_reviewed_claim_names_its_reviewer_and_can_be_exported_alone(tmp_path, seed_article, seed_claims):
    from claimkit.reviews import review

    article, claims = seed_article, seed_claims
    ryabkov = claims.loc[claims["kind"] == "quote", "claim_id"].iloc[0]
    review(ryabkov, "supported", source="https://tass.com/", reviewer="A. Journalist", path=tmp_path / "r.json")
    verdicts = verify(claims, reviews=tmp_path / "r.json")
    only = to_claimreview(verdicts, article, reviewed_only=True)
    assert len(only) == 1
    assert only[0]["author"] == {"@type": "Person", "name": "A. Journalist"}
    assert only[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Sergei Ryabkov"}
    assert only[0]["reviewRating"]["alternateName"] == "Supported"
