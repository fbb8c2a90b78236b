"""Verdicts: run the checks of :mod:`claimkit.checks` over a claims table and record what they say.

The way data-backed verification research does it (AggChecker, Scrutinizer): a claim becomes a
query over evidence and is compared with the answer, with the claim's interval ("about 100,000"
is 90,000-110,000) and its date (the claim's own, else the article's). The evidence is the
reference tables (the shipped data/reference/ plus the user's folders; each table's sidecar says
which check reads it) and, when given, the story's sources (the documents it was written from).
Each check decides only what it covers; :func:`claimkit.checks.combine` makes one verdict per claim;
journalists' reviews (:mod:`claimkit.reviews`) are applied last and win.

``claimkit.verify`` (the function) is this module's :func:`verify`; the module ``claimkit.verify``
is kept for callers that import from it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from claimkit.checks import VERDICTS, Check, CheckContext, check_one, combine, run_checks
from claimkit.checks._fields import text as _text
from claimkit.evidence import PASSAGE_COLUMNS
from claimkit.vocab import FIGURE_KINDS
from claimkit.vocab import METHODS as METHODS  # re-exported (claimkit.verify's names)

VERDICT_COLUMNS = ["claim_id", "verdict", "evidence_ids", "expected", "method", "note", "reviewer", "checked_at"]
EXTRA_COLUMNS = [
    "auto_verdict",
    "evidence_count",
    "sources",
    "query",
    "table",
    "kind",
    "span",
    "sentence",
    "speaker",
    "date",
    "check",
    "passages",
    "computation",
]


def _published(claims, as_of) -> date | None:
    for v in (as_of, getattr(claims, "attrs", {}).get("published")):
        if v:
            return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])
    return None


def open_sources(sources):
    """A source set from what ``verify(sources=…)`` accepts: ``None``/empty (no sources), a source set
    already loaded (reused as is, e.g. across the articles of a batch), or paths/folders/Articles."""
    if sources is None:
        return None
    if hasattr(sources, "search") and hasattr(sources, "passages"):
        return sources
    items = [sources] if isinstance(sources, (str, bytes)) or not hasattr(sources, "__iter__") else list(sources)
    if not items:
        return None
    from claimkit.sources import load_sources

    return load_sources(items)


def _story_text(claims) -> str | None:
    """The article text extract_claims keeps with the claims table (``attrs["article_text"]``; ``"text"`` too)."""
    attrs = getattr(claims, "attrs", {})
    return attrs.get("text") or attrs.get("article_text")


def context(claims, *, evidence=None, sources=None, as_of=None, text=None) -> CheckContext:
    """The :class:`~claimkit.checks.CheckContext` for a claims table."""
    records = claims.to_dict("records") if hasattr(claims, "to_dict") else list(claims)
    return CheckContext(
        published=_published(claims, as_of),
        text=text if text is not None else _story_text(claims),
        claims=records,
        evidence=evidence,
        sources=open_sources(sources),
    )


def check_claim(claim: dict, store=None, published: date | None = None, *, sources=None) -> Check:
    """The automatic verdict on one claim (a row of the claims table as a dict), from the claim checks alone."""
    ctx = CheckContext(published=published, claims=[claim], evidence=store, sources=open_sources(sources))
    return combine(check_one(claim, ctx), _text(claim.get("kind")) or "")


def verify(claims, *, evidence=None, sources=None, reviews=None, as_of=None):
    """The verdicts table for a claims table.

    ``evidence``: a folder of reference tables or a list of folders, consulted together with the
    shipped data/reference/ (a table named like a shipped one replaces it), or an
    :class:`~claimkit.evidence.EvidenceStore`, used as it is. ``sources``: the documents the story
    was written from: paths to files or folders, ``Article`` objects, or a source set from
    :func:`claimkit.sources.load_sources` (load once, reuse for many stories). ``reviews``: a reviews
    file, a :class:`~claimkit.reviews.Reviews`, or a list of review dicts; reviews win over automatic
    verdicts. ``as_of``: the date to check claims at when a claim carries no date of its own
    (default: the article's publication date, which ``extract_claims`` records in
    ``claims.attrs["published"]``). A review of a claim that is not in ``claims`` is reported with a
    warning and in ``verdicts.attrs["orphan_reviews"]``.
    """
    import pandas as pd

    ctx = context(claims, evidence=evidence, sources=sources, as_of=as_of)
    published = ctx.published
    checked_at = datetime.now(UTC).isoformat(timespec="seconds")
    decided = run_checks(ctx)
    rows = []
    for claim in ctx.claims:
        ch = decided[str(claim["claim_id"])]
        rows.append(
            {
                "claim_id": claim["claim_id"],
                "verdict": ch.verdict,
                "evidence_ids": list(ch.evidence_ids),
                "expected": ch.expected,
                "method": ch.method,
                "note": ch.note,
                "reviewer": None,
                "checked_at": checked_at,
                "auto_verdict": ch.verdict,
                "evidence_count": len(ch.evidence_ids),
                "sources": list(ch.sources),
                "query": ch.query,
                "table": ch.table,
                "kind": claim.get("kind"),
                "span": claim.get("span"),
                "sentence": claim.get("sentence"),
                "speaker": _text(claim.get("speaker")),
                "date": _text(claim.get("date")),
                "check": ch.check or None,
                "passages": list(ch.passages),
                "computation": ch.computation,
            }
        )
    verdicts = pd.DataFrame(rows, columns=VERDICT_COLUMNS + EXTRA_COLUMNS)
    verdicts["evidence_count"] = verdicts["evidence_count"].astype("int64")
    verdicts.attrs["orphan_reviews"] = []
    store = ctx.store
    verdicts.attrs["evidence_folder"] = str(store.folder)
    verdicts.attrs["evidence_folders"] = [str(f) for f in getattr(store, "folders", [store.folder])]
    if ctx.sources is not None:
        verdicts.attrs["sources"] = sorted({str(getattr(p, "document", "")) for p in ctx.sources.passages})
    if published:
        verdicts.attrs["published"] = published.isoformat()
    if reviews is not None:
        from claimkit.reviews import apply_reviews, load_reviews

        reviews = load_reviews(reviews)
        if len(reviews):  # no review (no reviews file yet): nothing to apply, no orphan to report
            verdicts = apply_reviews(verdicts, reviews, claims)
    return verdicts


# ---------------------------------------------------------------- for notebooks and reports


def summarise(verdicts):
    """How many claims got each verdict, in the vocabulary's order (zero rows included)."""
    import pandas as pd

    counts = verdicts["verdict"].value_counts()
    return pd.DataFrame({"verdict": list(VERDICTS), "claims": [int(counts.get(v, 0)) for v in VERDICTS]})


def readable(verdicts, *, checked_only: bool = False):
    """The verdicts as a reader would scan them: the claim, the verdict, what the evidence says, why, and the sources."""
    cols = ["claim_id", "kind", "span", "verdict", "method", "expected", "note", "reviewer", "sources"]
    out = verdicts[[c for c in cols if c in verdicts.columns]]
    if checked_only:
        out = out[out["verdict"] != "unverified"]
    return out.reset_index(drop=True)


def find_claim(claims, claim_id: str) -> dict:
    """One claim of a claims table as a dict; an unknown id is an InputError naming the known ones."""
    from claimkit.errors import InputError

    hit = claims[claims["claim_id"] == claim_id]
    if hit.empty:
        known = ", ".join(claims["claim_id"].head(8))
        raise InputError(claim_id, f"no such claim in this claims table (some ids: {known})")
    return hit.iloc[0].to_dict()


def candidates(claims, claim_id: str, *, evidence=None, as_of=None):
    """Every row of evidence that could bear on one claim, side by side, with why it is a candidate
    and whether it decided the automatic verdict (``decided``)."""
    import pandas as pd

    from claimkit.checks._fields import distance, find_mentions, where
    from claimkit.evidence import evidence_store
    from claimkit.matching import CANDIDATE_THRESHOLD, same_person, unit_of

    store = evidence_store(evidence)
    claim = find_claim(claims, claim_id)
    published = _published(claims, as_of)
    decided = set(check_claim(claim, store, published).evidence_ids)
    facts = store.facts()
    kind = _text(claim.get("kind"))
    sentence, at = where(claim)
    frames = []
    for t in store.tables.values():
        rows = facts[facts["table"] == t.name].copy()
        if kind in FIGURE_KINDS and t.kind in ("membership", "estimate"):
            unit = unit_of(_text(claim.get("unit")))
            if unit not in [unit_of(u) for u in t.check.get("units", [])]:
                continue
            hits = find_mentions(t.check.get("mentions", []), sentence + " " + (_text(claim.get("subject")) or ""))
            rows["why"] = f"counts '{unit}'" + (
                f"; the sentence names {hits[0][0]}" if hits else "; the sentence names none of what it covers"
            )
        elif kind == "time" and t.kind == "calendar":
            table = store.table(t.name).set_index("id")
            whys = []
            for rid in rows["id"]:
                terms = [m for m in str(table.loc[rid, t.check.get("mentions", "mentions")]).split("|") if m]
                hits = find_mentions(terms, sentence)
                if hits:
                    d = min(distance(at, (s, e)) if at else 0 for _, s, e in hits)
                    whys.append(f"'{hits[0][0]}' is named {d} characters from the claim")
                else:
                    whys.append("not named in the sentence")
            rows["why"] = whys
        elif kind == "role" and t.kind == "office":
            table = store.table(t.name).set_index("id")
            scores = [
                same_person(_text(claim.get("speaker")), table.loc[rid, t.check.get("person", "person")])
                for rid in rows["id"]
            ]
            rows["why"] = [f"name match {s}/100" for s in scores]
            rows = rows[[s >= CANDIDATE_THRESHOLD for s in scores]]
        else:
            continue
        frames.append(rows)
    cols = ["table", "id", "fact", "as_of", "value", "source_name", "source_url", "why", "decided"]
    if not frames:
        return pd.DataFrame(columns=cols)
    out = pd.concat(frames, ignore_index=True)
    out["decided"] = out["id"].isin(decided)
    return out.sort_values(["decided", "table", "as_of"], ascending=[False, True, True])[cols].reset_index(drop=True)


def deciding_rows(verdicts, claim_id: str, *, evidence=None):
    """Re-run the query that decided a verdict and return its rows (empty when no query decided it)."""
    import pandas as pd

    from claimkit.evidence import evidence_store

    row = verdicts[verdicts["claim_id"] == claim_id]
    if row.empty or not _text(row.iloc[0]["query"]):
        return pd.DataFrame()
    return evidence_store(evidence).query(row.iloc[0]["query"])


def evidence_table(verdicts, *, evidence=None):
    """Every piece of evidence the verdicts cite, one row each, in the shape ``expectations/evidence.json``
    guards: the reference rows (``kind`` "reference", as :meth:`EvidenceStore.facts`) and the source
    passages (``kind`` "passage": document, sha256, page or sheet/row/column, start, end, text)."""
    import pandas as pd

    from claimkit.evidence import evidence_store

    facts_cols = ["table", "id", "fact", "as_of", "value", "source_name", "source_url", "retrieved", "licence", "kind"]
    passage_cols = list(PASSAGE_COLUMNS)
    passages, ids = {}, []
    for v_ids, v_passages in zip(verdicts.get("evidence_ids", []), verdicts.get("passages", [[]] * len(verdicts))):
        for p in v_passages if isinstance(v_passages, list) else []:
            passages.setdefault(str(p.get("id")), p)
        ids += [str(i) for i in (v_ids if isinstance(v_ids, (list, tuple)) else []) if str(i) not in passages]
    frames = []
    ref_ids = [i for i in dict.fromkeys(ids) if i not in passages]
    if ref_ids:
        rows = evidence_store(evidence).rows(ref_ids)
        if len(rows):
            frames.append(rows.reindex(columns=facts_cols))
    if passages:
        frames.append(
            pd.DataFrame(
                [
                    {
                        "table": "sources",
                        "id": pid,
                        "fact": (p.get("text") or "")[:200],
                        "as_of": p.get("published"),
                        "value": None,
                        "source_name": p.get("title") or p.get("document"),
                        "source_url": None,
                        "retrieved": None,
                        "licence": None,
                        "kind": "passage",
                        **{c: p.get(c) for c in passage_cols},
                    }
                    for pid, p in passages.items()
                ]
            )
        )
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=facts_cols)
    out = out.reindex(columns=facts_cols + passage_cols).astype(object)
    return out.where(out.notna(), None)
