"""The deep dive on one claim (notebooks/check_claim.ipynb): small steps a notebook cell calls.

Each function does one visible thing: load the claims, pick the claim, show it in its sentence,
show its verdict, run the journalist's own query, record the journalist's review.
"""

from __future__ import annotations

from html import escape


def article_for(article: str = "", published: str = ""):
    """The article at ``article`` (default: the shipped founding article)."""
    from claimkit.articles import load_article
    from claimkit.paths import SEED_ARTICLE

    return load_article(article or SEED_ARTICLE, published=published or None)


def claims_for(article, claims_file: str = ""):
    """The article's claims: extracted, or read from ``claims_file`` (a table written by claimkit)."""
    from claimkit.claims import extract_claims, normalise_claims

    if not claims_file:
        return extract_claims(article)
    from claimkit.files import read_table

    claims = normalise_claims(read_table(claims_file), article)
    claims.attrs["published"] = article.published.isoformat() if article.published else None
    return claims


def choose_claim(claims, verdicts, claim_id: str = "") -> str:
    """``claim_id`` if given (it must exist), else the most check-worthy claim the evidence decides,
    else the most check-worthy claim."""
    from claimkit.verdicts import find_claim

    if claim_id:
        return find_claim(claims, claim_id)["claim_id"]
    decided = set(verdicts.loc[verdicts["verdict"] != "unverified", "claim_id"])
    ranked = claims.sort_values("checkworthiness", ascending=False, kind="stable")
    pool = ranked[ranked["claim_id"].isin(decided)]
    if pool.empty:
        pool = ranked
    if pool.empty:
        from claimkit.errors import InputError

        raise InputError("claims", "the article has no claims to check")
    return pool.iloc[0]["claim_id"]


class ClaimInContext:
    """A claim shown in its sentence, the span highlighted (HTML in a notebook, brackets in text)."""

    def __init__(self, claim: dict):
        self.claim = claim

    def _parts(self):
        sentence, span = str(self.claim.get("sentence") or ""), str(self.claim.get("span") or "")
        i = sentence.find(span) if span else -1
        return (sentence, "", "") if i < 0 else (sentence[:i], span, sentence[i + len(span) :])

    def __repr__(self) -> str:
        before, span, after = self._parts()
        c = self.claim
        return f"{c['claim_id']} ({c['kind']}): {before}[{span}]{after}"

    def _repr_html_(self) -> str:
        before, span, after = self._parts()
        c = self.claim
        facts = ", ".join(
            f"{k}: {escape(str(c[k]))}"
            for k in ("kind", "value", "low", "high", "qualifier", "unit", "subject", "speaker", "date")
            if c.get(k) is not None and str(c.get(k)) != "nan"
        )
        return (
            f"<div class='claimkit-claim'><p><code>{escape(c['claim_id'])}</code> — {facts}</p>"
            f"<blockquote>{escape(before)}<mark>{escape(span)}</mark>{escape(after)}</blockquote></div>"
        )


def show_claim(claims, claim_id: str) -> ClaimInContext:
    from claimkit.verdicts import find_claim

    return ClaimInContext(find_claim(claims, claim_id))


def verdict_card(verdicts, claim_id: str):
    """One verdict, one field a line."""
    row = verdicts[verdicts["claim_id"] == claim_id]
    fields = [
        "verdict",
        "method",
        "expected",
        "note",
        "evidence_ids",
        "sources",
        "query",
        "reviewer",
        "auto_verdict",
        "checked_at",
    ]
    return row[[f for f in fields if f in row.columns]].T.rename(columns=lambda _: claim_id)


def run_query(sql: str, evidence=None):
    """The journalist's own SQL over the reference tables; with no SQL, the list of tables to query."""
    from claimkit.evidence import open_store

    store = open_store(evidence)
    if not sql or not sql.strip():
        return store.describe()[["table", "rows", "title", "source_name", "retrieved"]]
    return store.query(sql)


def record_review(
    claims, claim_id: str, verdict: str = "", *, source: str = "", note: str = "", reviewer: str = "", path: str = ""
) -> dict | str:
    """Record the journalist's review of the claim when a verdict is given (saved at once to ``path``)."""
    if not verdict:
        return "No review recorded: set review_verdict (and review_source, review_note, reviewer) to record one."
    from claimkit.reviews import review

    return review(
        claim_id,
        verdict,
        source=source or None,
        note=note or None,
        reviewer=reviewer or None,
        path=path or None,
        claims=claims,
    )
