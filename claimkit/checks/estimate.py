"""Reference check: a figure against dated estimates from several sources ("around 100,000 troops")."""

from __future__ import annotations

from datetime import date, timedelta

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._counts import speak
from claimkit.checks._coverage import outside
from claimkit.checks._fields import claim_date, claim_interval, fmt, fmt_interval, num
from claimkit.evidence import EvidenceStore, ReferenceTable, sql_date, sql_literal
from claimkit.vocab import FIGURE_KINDS


def estimate_query(t: ReferenceTable, units: list[str], since: date | None, until: date | None) -> str:
    c = t.check
    where = [f"unit IN ({', '.join(sql_literal(u) for u in units)})"]
    where += [f"{col} = {sql_literal(val)}" for col, val in c.get("filter", {}).items()]
    if since and until:
        where.append(f"as_of BETWEEN {sql_date(since)} AND {sql_date(until)}")
    cols = ", ".join(
        ["id", c.get("value", "value"), c.get("low", "low"), c.get("high", "high"), "as_of", "estimator", "source_url"]
    )
    return f"SELECT {cols} FROM {t.name} WHERE {' AND '.join(where)} ORDER BY as_of, id"


def row_interval(row, c: dict) -> tuple[float, float]:
    value, low, high = num(row[c.get("value", "value")]), num(row[c.get("low", "low")]), num(row[c.get("high", "high")])
    if low is not None and high is not None:
        return (low, high)
    return (value, value)


def overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def check_estimate(claim: dict, store: EvidenceStore, t: ReferenceTable, published: date | None) -> Check:
    c = t.check
    on, why = claim_date(claim, published)
    iv = claim_interval(claim)
    noun = c.get("noun", "units")
    if on is None:
        return unverified(
            "the estimates change over time and neither the claim nor the article gives a date", table=t.name
        )
    off = outside(t, store, on)
    if off:
        return unverified(off, table=t.name)
    window = int(c.get("window_days", 60))
    since = on - timedelta(days=window)
    sql = estimate_query(t, c.get("units", []), since, on)
    rows = store.lookup(sql)
    if rows.empty:
        return unverified(f"no estimate in {t.name} is dated between {since} and {on} ({why})", table=t.name, query=sql)

    def describe(r) -> str:
        return f"{fmt_interval(row_interval(r, c))} ({r['estimator']}, {str(r['as_of'])[:10]})"

    expected = f"Estimates of {noun} dated {since} to {on}: " + "; ".join(describe(r) for _, r in rows.iterrows())
    agree = [r for _, r in rows.iterrows() if overlaps(row_interval(r, c), iv)]
    all_ids = rows["id"].astype(str).tolist()
    if agree:
        ids = [str(r["id"]) for r in agree]
        return Check(
            "supported",
            evidence_ids=ids,
            expected=expected,
            query=sql,
            table=t.name,
            sources=sorted({r["source_url"] for r in agree}),
            note=f"{len(agree)} of {len(rows)} estimates from the {window} days before {on} ({why}) fall within the claim's {fmt_interval(iv)}: "
            + "; ".join(describe(r) for r in agree)
            + ".",
        )
    tol = float(c.get("tolerance", 0.25))
    ivs = [row_interval(r, c) for _, r in rows.iterrows()]
    lo, hi = min(i[0] for i in ivs), max(i[1] for i in ivs)
    sources = sorted(set(rows["source_url"]))
    base = dict(evidence_ids=all_ids, expected=expected, query=sql, table=t.name, sources=sources)
    if overlaps((lo * (1 - tol), hi * (1 + tol)), iv):
        return Check(
            "unsupported",
            note=(
                f"No estimate from the {window} days before {on} gives {fmt_interval(iv)}; they range "
                f"{fmt(lo)}-{fmt(hi)}, close enough that the claim is not contradicted."
            ),
            **base,
        )
    other_sql = estimate_query(t, c.get("units", []), None, None)
    elsewhere = [
        r
        for _, r in store.lookup(other_sql).iterrows()
        if str(r["id"]) not in all_ids and overlaps(row_interval(r, c), iv)
    ]
    if elsewhere:
        r = elsewhere[0]
        return Check(
            "misleading",
            evidence_ids=all_ids + [str(r["id"])],
            expected=expected,
            query=sql,
            table=t.name,
            sources=sorted(set(sources) | {r["source_url"]}),
            note=(
                f"{fmt_interval(iv)} matches an estimate of {str(r['as_of'])[:10]} ({r['estimator']}), not the "
                f"estimates current on {on} ({fmt(lo)}-{fmt(hi)})."
            ),
        )
    return Check(
        "contradicted",
        note=f"Every estimate from the {window} days before {on} ({why}) lies between {fmt(lo)} and {fmt(hi)}, far from the claim's {fmt_interval(iv)}.",
        **base,
    )


@claim_check("reference.estimate", kinds=FIGURE_KINDS)
def estimate(claim: dict, ctx: CheckContext) -> Check | None:
    return speak(claim, ctx, "estimate", check_estimate)
