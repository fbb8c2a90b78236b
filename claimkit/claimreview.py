"""schema.org ClaimReview JSON-LD for the checked claims of an article.

One ``ClaimReview`` per claim that has a verdict other than ``unverified`` (or, with
``reviewed_only=True``, per claim a journalist reviewed). ``reviewRating`` carries the verdict as
``alternateName`` and a 1-5 ``ratingValue`` (contradicted 1, misleading 2, unsupported 3,
supported 5) so search engines and fact-check aggregators can read it.
"""

from __future__ import annotations

from claimkit.files import present as _clean  # a cell's value, or None when it says nothing

# a rating for each decided verdict (claimkit.vocab.DECIDED); unverified claims are not reviewed
RATINGS = {"contradicted": 1, "misleading": 2, "unsupported": 3, "supported": 5}
LABELS = {verdict: verdict.capitalize() for verdict in RATINGS}


def _author(name: str | None, default_org: str):
    if name:
        return {"@type": "Person", "name": name}
    return {"@type": "Organization", "name": default_org}


def to_claimreview(verdicts, article, *, url=None, publisher="claimkit", reviewed_only=False) -> list[dict]:
    """ClaimReview JSON-LD dicts for ``verdicts`` of ``article`` (an :class:`~claimkit.Article`).

    ``url``: the page where the fact check is published (default: the article's URL, each review
    anchored at its claim id). ``publisher``: the organisation named as author of automatic checks.
    """
    base = url or getattr(article, "url", None) or f"urn:claimkit:article:{article.id}"
    published = article.published.isoformat() if getattr(article, "published", None) else None
    from claimkit.display import records

    out = []
    for v in records(verdicts):
        verdict = v.get("verdict")
        if verdict not in RATINGS or (reviewed_only and v.get("method") != "review"):
            continue
        claim_text = _clean(v.get("sentence")) or _clean(v.get("span"))
        speaker = _clean(v.get("speaker"))
        item = {
            "@type": "Claim",
            "author": (
                {"@type": "Person", "name": speaker}
                if speaker
                else {"@type": "Organization", "name": article.source_name or article.title or "the article"}
            ),
            "appearance": {"@type": "CreativeWork", "url": article.url or base, "headline": article.title},
        }
        if published:
            item["datePublished"] = published
        checked = str(_clean(v.get("checked_at")) or "")[:10] or None
        review = {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{base}#{v['claim_id']}",
            "claimReviewed": claim_text,
            "itemReviewed": item,
            "author": _author(_clean(v.get("reviewer")), publisher),
            "datePublished": checked,
            "reviewRating": {
                "@type": "Rating",
                "ratingValue": RATINGS[verdict],
                "bestRating": 5,
                "worstRating": 1,
                "alternateName": LABELS[verdict],
                "ratingExplanation": _clean(v.get("note")),
            },
        }
        sources = [s for s in (v.get("sources") or []) if s]
        if sources:
            review["citation"] = sources
        out.append(review)
    return out
