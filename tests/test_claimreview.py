"""ClaimReview JSON-LD: one per checked claim, with the fields fact-check aggregators read."""
import json

from claim_fixtures import ALTERED, SEED, make_claims, seed_specs
from claimkit import load_article, to_claimreview, verify


def test_one_claimreview_per_checked_claim_and_none_for_unverified():
    article = load_article(SEED)
    verdicts = verify(make_claims(article, seed_specs()))
    reviews = to_claimreview(verdicts, article)
    assert len(reviews) == (verdicts["verdict"] != "unverified").sum()
    json.dumps(reviews)  # serialisable as it is


def test_a_claimreview_has_the_schema_org_fields():
    article = load_article(ALTERED)
    verdicts = verify(make_claims(article, seed_specs(countries=67, weekday_geneva="Tuesday",
                                                      geneva_date="2022-01-11", troops=300000)))
    reviews = {r["url"].split("#")[-1]: r for r in to_claimreview(verdicts, article, url="https://factcheck.example/russia-osce")}
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


def test_a_reviewed_claim_names_its_reviewer_and_can_be_exported_alone(tmp_path):
    from claimkit.reviews import review

    article = load_article(SEED)
    claims = make_claims(article, seed_specs())
    ryabkov = claims.loc[claims["kind"] == "quote", "claim_id"].iloc[0]
    review(ryabkov, "supported", source="https://tass.com/", reviewer="A. Journalist", path=tmp_path / "r.json")
    verdicts = verify(claims, reviews=tmp_path / "r.json")
    only = to_claimreview(verdicts, article, reviewed_only=True)
    assert len(only) == 1
    assert only[0]["author"] == {"@type": "Person", "name": "A. Journalist"}
    assert only[0]["itemReviewed"]["author"] == {"@type": "Person", "name": "Sergei Ryabkov"}
    assert only[0]["reviewRating"]["alternateName"] == "Supported"
