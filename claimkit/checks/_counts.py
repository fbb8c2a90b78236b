"""Which reference table counts the figure of a claim (shared by the membership and estimate checks)."""

from __future__ import annotations

from claimkit.checks import Check, CheckContext, unverified
from claimkit.checks._fields import claim_interval, nearest, text, where
from claimkit.matching import unit_of

COUNT_KINDS = ("membership", "estimate")


def counting_table(claim: dict, ctx: CheckContext):
    """(table, None) for the table that counts the claim's figure, or (None, the unverified Check saying why).

    The tables that count the claim's unit compete; the one whose mentions stand nearest the
    figure in its sentence wins, whatever its kind.
    """
    unit = unit_of(text(claim.get("unit")))
    if claim_interval(claim) is None:
        return None, unverified("the claim carries no figure to compare")
    if not unit:
        return None, unverified("the figure counts nothing named, so no table can be matched to it")
    store = ctx.store
    tables = {
        t.name: t
        for t in store.tables.values()
        if t.kind in COUNT_KINDS and unit in [unit_of(u) for u in t.check.get("units", [])]
    }
    if not tables:
        return None, unverified(f"no reference table counts '{unit}'")
    sentence, at = where(claim)
    best = nearest(
        {name: t.check.get("mentions", []) for name, t in tables.items()},
        sentence + " " + (text(claim.get("subject")) or ""),
        at,
    )
    if best is None:
        return None, unverified(
            f"tables count '{unit}' ({', '.join(tables)}) but the sentence names none of what they cover"
        )
    return tables[best[0]], None


def table_for(claim: dict, ctx: CheckContext, kind: str):
    """The counting table if it is of ``kind``; else what this check reports (``None``: another kind's table decides)."""
    t, why = counting_table(claim, ctx)
    if t is None:
        return None, why
    if t.kind != kind:
        return None, None
    return t, None


def speak(claim: dict, ctx: CheckContext, kind: str, decide) -> Check | None:
    t, why = table_for(claim, ctx, kind)
    if t is None:
        return why
    return decide(claim, ctx.store, t, ctx.published)
