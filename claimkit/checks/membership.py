"""Reference check: a count of members on a date ("57 countries" at the OSCE), from a membership table
(one row per member with the dates it joined and left)."""

from __future__ import annotations

from datetime import date

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._counts import speak
from claimkit.checks._coverage import outside
from claimkit.checks._fields import claim_date, claim_interval, fmt, fmt_interval
from claimkit.evidence import EvidenceStore, ReferenceTable, sql_date
from claimkit.vocab import FIGURE_KINDS


def count_query(t: ReferenceTable, on: date) -> str:
    c = t.check
    member, start, end = c.get("member", "id"), c.get("from", "joined"), c.get("to")
    ended = f" AND ({end} IS NULL OR {end} > {sql_date(on)})" if end else ""
    return f"SELECT id, {member} FROM {t.name} WHERE {start} <= {sql_date(on)}{ended} ORDER BY id"


def membership_history(store: EvidenceStore, t: ReferenceTable) -> list[tuple[date, int]]:
    """(date, number of members from that date on), at every date the count changed."""
    c = t.check
    dates = store.lookup(
        f"SELECT DISTINCT {c.get('from', 'joined')} AS d FROM {t.name}"
        + (f" UNION SELECT DISTINCT {c['to']} FROM {t.name} WHERE {c['to']} IS NOT NULL" if c.get("to") else "")
        + " ORDER BY d"
    )["d"]
    out = []
    for d in dates:
        d = d.date() if hasattr(d, "date") else d
        out.append((d, len(store.lookup(count_query(t, d)))))
    return out


def check_membership(claim: dict, store: EvidenceStore, t: ReferenceTable, published: date | None) -> Check:
    on, why = claim_date(claim, published)
    iv = claim_interval(claim)
    noun = t.check.get("noun", "members")
    org = t.check.get("organisation", t.name)
    if on is None:
        return unverified(
            f"the {org} count depends on the date and neither the claim nor the article gives one", table=t.name
        )
    off = outside(t, store, on)
    if off:
        return unverified(off, table=t.name)
    sql = count_query(t, on)
    rows = store.lookup(sql)
    n = len(rows)
    ids = rows["id"].astype(str).tolist()
    sources = sorted(set(store.table(t.name).set_index("id").loc[ids, "source_url"]))
    expected = f"{n} {noun} of the {org} on {on.isoformat()}"
    base = dict(evidence_ids=ids, expected=expected, query=sql, table=t.name, sources=sources)
    if iv[0] <= n <= iv[1]:
        return Check(
            "supported",
            note=f"The {t.meta.get('title', t.name)} table lists {n} {noun} on {on.isoformat()} ({why}); the claim says {fmt_interval(iv)}.",
            **base,
        )
    from claimkit.checks.world_membership import states_size

    periods = [(d, k) for d, k in membership_history(store, t) if iv[0] <= k <= iv[1]]
    if periods:
        d, k = periods[-1]
        # a figure stated as the body's size ("NATO's 30 allies") that held only at another time is wrong on this
        # date (issue 15); one that may count a part of it ("twelve NATO allies signed") stays misleading
        return Check(
            "contradicted" if states_size(claim, store, members=n) else "misleading",
            note=f"{fmt(k)} was the {org} count from {d.isoformat()}, but on {on.isoformat()} ({why}) it was {n}.",
            **base,
        )
    if iv[1] < n and not states_size(claim, store, members=n):
        # fewer than all, not written as the body's size: "the two NATO members" (Greece and Turkey) are some of them
        return unverified(
            f"{fmt_interval(iv)} is fewer than the {n} {noun} the {org} had on {on.isoformat()} ({why}) "
            f"and is not written as its size: it may count some of them",
            table=t.name,
        )
    return Check(
        "contradicted", note=f"The {org} had {n} {noun} on {on.isoformat()} ({why}), not {fmt_interval(iv)}.", **base
    )


@claim_check("reference.membership", kinds=FIGURE_KINDS)
def membership(claim: dict, ctx: CheckContext) -> Check | None:
    return speak(claim, ctx, "membership", check_membership)
