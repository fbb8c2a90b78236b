"""Journalists' reviews: confirm or override any verdict, with a note and a source.

Reviews are keyed by ``claim_id`` (stable across re-runs of the same article text), kept in a
JSON file that is rewritten atomically on every change, and applied by :func:`claimkit.verify`
after the automatic checks, so they win. A reviews file that does not parse is reported and left
exactly as it is; a review whose claim no longer exists is reported, not dropped.

From a notebook cell::

    review("c-1a2b3c4d5e", "supported", source="https://www.osce.org/participating-states",
           note="Counted on the OSCE site", reviewer="A. Journalist", path="reviews.json")
"""

from __future__ import annotations

import json
import os
import warnings
from datetime import UTC, datetime
from pathlib import Path

from claimkit.errors import InputError
from claimkit.files import atomic_write_text
from claimkit.vocab import ASSERTING as NEEDS_SOURCE  # a verdict that asserts something names what it rests on
from claimkit.vocab import VERDICTS

DEFAULT_FILE = "reviews.json"
FIELDS = (
    "claim_id",
    "verdict",
    "note",
    "source",
    "reviewer",
    "reviewed_at",
    "evidence_ids",
    "expected",
    "article_id",
    "span",
)


class OrphanReviewWarning(UserWarning):
    """A review names a claim that the claims table no longer has."""


def default_path() -> Path:
    """``$CLAIMKIT_REVIEWS`` if set, else ``reviews.json`` in the working directory."""
    return Path(os.environ.get("CLAIMKIT_REVIEWS") or DEFAULT_FILE)


def check_review(item: dict, where: str | Path | None = None) -> dict:
    """A review record, completed and checked; raises :class:`InputError` saying what is wrong."""
    rec = {k: item.get(k) for k in FIELDS}
    rec.update({k: v for k, v in item.items() if k not in FIELDS})
    cid = rec.get("claim_id")
    if not cid or not isinstance(cid, str):
        raise InputError(where, f"a review needs a claim_id (got {cid!r})")
    if rec.get("verdict") not in VERDICTS:
        raise InputError(where, f"review of {cid}: verdict {rec.get('verdict')!r} is not one of {', '.join(VERDICTS)}")
    if not rec.get("reviewer"):
        raise InputError(where, f"review of {cid}: name the reviewer (reviewer=... or $CLAIMKIT_REVIEWER)")
    ids = rec.get("evidence_ids") or []
    if isinstance(ids, str):
        ids = [ids]
    rec["evidence_ids"] = [str(i) for i in ids]
    if rec["verdict"] in NEEDS_SOURCE and not rec.get("source") and not rec["evidence_ids"]:
        raise InputError(
            where, f"review of {cid}: a '{rec['verdict']}' review needs a source (a URL or citation) or evidence_ids"
        )
    rec["reviewed_at"] = rec.get("reviewed_at") or datetime.now(UTC).isoformat(timespec="seconds")
    return rec


class Reviews:
    """The reviews of one file (or held in memory when ``path`` is None), keyed by claim_id."""

    def __init__(self, path: str | Path | None = None, items=None):
        self.path = Path(path) if path is not None else None
        self._items: dict[str, dict] = {}
        for item in items or []:
            rec = check_review(item, self.path)
            self._items[rec["claim_id"]] = rec

    @classmethod
    def load(cls, path: str | Path) -> Reviews:
        """Read a reviews file (a missing file is an empty one). A file that does not parse raises
        :class:`InputError` and is left untouched."""
        path = Path(path)
        if not path.exists():
            return cls(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"reviews file is not readable ({exc}); it was left as it is") from None
        except json.JSONDecodeError as exc:
            raise InputError(
                path,
                f"reviews file is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg}); "
                "it was left as it is, fix it by hand",
            ) from None
        items = data.get("reviews") if isinstance(data, dict) else data
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise InputError(path, 'reviews file must hold {"reviews": [ {...}, ... ]}; it was left as it is')
        return cls(path, items)

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self):
        return iter(self._items.values())

    def __contains__(self, claim_id) -> bool:
        return claim_id in self._items

    def get(self, claim_id: str) -> dict | None:
        return self._items.get(claim_id)

    def __repr__(self) -> str:
        return f"Reviews({str(self.path) if self.path else 'in memory'}, {len(self)} reviews)"

    def add(
        self,
        claim_id: str,
        verdict: str,
        *,
        source=None,
        note=None,
        reviewer=None,
        evidence_ids=None,
        expected=None,
        article_id=None,
        span=None,
    ) -> dict:
        """Record (or replace) the review of one claim and save the file."""
        rec = check_review(
            {
                "claim_id": claim_id,
                "verdict": verdict,
                "note": note,
                "source": source,
                "reviewer": reviewer or os.environ.get("CLAIMKIT_REVIEWER"),
                "evidence_ids": evidence_ids,
                "expected": expected,
                "article_id": article_id,
                "span": span,
            },
            self.path,
        )
        rec["reviewed_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        self._items[claim_id] = rec
        self.save()
        return rec

    def remove(self, claim_id: str) -> None:
        self._items.pop(claim_id, None)
        self.save()

    def save(self) -> None:
        if self.path is None:
            return
        body = {"reviews": [self._items[k] for k in sorted(self._items)]}
        atomic_write_text(self.path, json.dumps(body, indent=2, ensure_ascii=False) + "\n")

    def table(self):
        import pandas as pd

        return pd.DataFrame(list(self), columns=list(FIELDS))


def load_reviews(reviews) -> Reviews:
    """A :class:`Reviews` from a path, a Reviews, a list of review dicts, or a DataFrame of them."""
    if isinstance(reviews, Reviews):
        return reviews
    if isinstance(reviews, (str, Path)):
        return Reviews.load(reviews)
    if hasattr(reviews, "to_dict"):
        reviews = reviews.to_dict("records")
    return Reviews(None, list(reviews))


def review(
    claim_id: str,
    verdict: str,
    *,
    source=None,
    note=None,
    reviewer=None,
    path=None,
    claims=None,
    evidence_ids=None,
    expected=None,
) -> dict:
    """Confirm or override the verdict on one claim; saved at once to the reviews file ``path``.

    ``claims`` (optional): the claims table, so a mistyped claim_id is refused and the review
    keeps the claim's article and span for the record.
    """
    article_id = span = None
    if claims is not None:
        hit = claims[claims["claim_id"] == claim_id]
        if hit.empty:
            raise InputError(path or default_path(), f"no claim {claim_id} in the claims table")
        article_id, span = hit.iloc[0]["article_id"], hit.iloc[0]["span"]
    store = Reviews.load(path if path is not None else default_path())
    return store.add(
        claim_id,
        verdict,
        source=source,
        note=note,
        reviewer=reviewer,
        evidence_ids=evidence_ids,
        expected=expected,
        article_id=article_id,
        span=span,
    )


def orphan_reviews(reviews, claims) -> list[dict]:
    """Reviews of claims that ``claims`` does not have (only those of its articles, or of no named article)."""
    rv = load_reviews(reviews)
    present = set(claims["claim_id"])
    articles = set(claims["article_id"].dropna()) if "article_id" in claims else set()
    return [r for r in rv if r["claim_id"] not in present and (not r.get("article_id") or r["article_id"] in articles)]


def apply_reviews(verdicts, reviews, claims):
    """Reviews win: each reviewed claim takes the review's verdict, note, reviewer and source.

    The automatic verdict stays in ``auto_verdict``. When the review agrees with it and names no
    evidence of its own, the automatic evidence is kept. Orphan reviews are warned about and
    listed in ``verdicts.attrs["orphan_reviews"]``.
    """
    rv = load_reviews(reviews)
    out = verdicts.copy()
    out.attrs = dict(verdicts.attrs)
    for i, row in out.iterrows():
        r = rv.get(row["claim_id"])
        if r is None:
            continue
        ids = list(r.get("evidence_ids") or [])
        if not ids and r["verdict"] == row["auto_verdict"]:
            ids = list(row["evidence_ids"])
        sources = list(row["sources"]) if r["verdict"] == row["auto_verdict"] else []
        if r.get("source") and r["source"] not in sources:
            sources.append(r["source"])
        out.at[i, "verdict"] = r["verdict"]
        out.at[i, "evidence_ids"] = ids
        out.at[i, "sources"] = sources
        out.at[i, "evidence_count"] = len(ids) + (1 if r.get("source") else 0)
        out.at[i, "method"] = "review"
        out.at[i, "note"] = r.get("note") or (f"Reviewed; source: {r['source']}" if r.get("source") else "Reviewed")
        out.at[i, "reviewer"] = r["reviewer"]
        out.at[i, "checked_at"] = r["reviewed_at"]
        if r.get("expected"):
            out.at[i, "expected"] = r["expected"]
    orphans = orphan_reviews(rv, claims)
    out.attrs["orphan_reviews"] = orphans
    if orphans:
        where = f" in {rv.path}" if rv.path else ""
        warnings.warn(
            f"{len(orphans)} review(s){where} name claims that are no longer in the claims table: "
            + ", ".join(
                f"{r['claim_id']} ({r.get('span') or 'span not recorded'}, {r['verdict']} by {r['reviewer']})"
                for r in orphans
            ),
            OrphanReviewWarning,
            stacklevel=3,
        )
    return out
