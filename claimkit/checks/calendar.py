"""Reference check: a weekday or date against a calendar of dated events ("in Geneva on Monday")."""

from __future__ import annotations

import re
from datetime import date

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._coverage import outside
from claimkit.checks._fields import nearest, period, text, where
from claimkit.evidence import EvidenceStore, sql_literal
from claimkit.matching import normalise

MENTION_REACH = 40  # characters: how far from a time claim a place or body may stand and still be what it dates
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _nearest_event(tables, store: EvidenceStore, sentence: str, at):
    """(row id, term, distance), its table and the table's rows by id, of the event named nearest the claim."""
    best, best_t, events = None, None, {}
    for t in tables:
        c = t.check
        df = store.table(t.name)
        terms = {
            str(i): [m for m in str(ms).split("|") if m] for i, ms in zip(df["id"], df[c.get("mentions", "mentions")])
        }
        found = nearest(terms, sentence, at, MENTION_REACH)
        if found and (best is None or found[2] < best[2]):
            best, best_t, events = found, t, df.set_index("id")
    return best, best_t, events


def check_time(claim: dict, store: EvidenceStore, published: date | None) -> Check:
    tables = store.of_kind("calendar")
    if not tables:
        return unverified("no calendar table")
    sentence, at = where(claim)
    span = normalise(text(claim.get("span")))
    said_weekday = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", span)), None)
    claimed = period(claim.get("date"))
    when = claimed or published
    covering = [t for t in tables if not outside(t, store, when)]
    best, best_t, events = _nearest_event(covering, store, sentence, at)
    if best is None:
        _, elsewhere, _ = _nearest_event([t for t in tables if t not in covering], store, sentence, at)
        if elsewhere is not None:  # an event is named, but the table does not reach the claim's date
            return unverified(outside(elsewhere, store, when), table=elsewhere.name)
        return unverified("no event of the calendar is named next to this date in its sentence")
    row_id, term, _ = best
    t, c = best_t, best_t.check
    ev = events.loc[row_id]
    ev_date = ev[c.get("date", "date")]
    ev_date = ev_date.date() if hasattr(ev_date, "date") else date.fromisoformat(str(ev_date)[:10])
    ev_weekday = str(ev[c.get("weekday", "weekday")])
    sql = (
        f"SELECT id, event, {c.get('date', 'date')}, {c.get('weekday', 'weekday')}, city FROM {t.name} "
        f"WHERE list_contains(string_split(lower({c.get('mentions', 'mentions')}), '|'), {sql_literal(term.lower())})"
    )
    expected = f"{ev['event']}, {ev['city']}: {ev_weekday} {ev_date.isoformat()}"
    base = dict(evidence_ids=[row_id], expected=expected, query=sql, table=t.name, sources=[ev["source_url"]])
    said = text(claim.get("span")) or ""
    if said_weekday and said_weekday != ev_weekday.lower():
        return Check(
            "contradicted",
            note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}, not on {said_weekday.capitalize()}.",
            **base,
        )
    if claimed:
        if claimed[0] <= ev_date <= claimed[1]:
            return Check(
                "supported",
                note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}, as '{said}' says.",
                **base,
            )
        return Check(
            "contradicted",
            note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}; '{said}' resolves to {claim.get('date')}.",
            **base,
        )
    if said_weekday:
        return Check("supported", note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}.", **base)
    return unverified(f"'{said}' has no resolved date to compare with {ev['event']} ({ev_date})", table=t.name)


@claim_check("reference.calendar", kinds=("time",))
def calendar(claim: dict, ctx: CheckContext) -> Check | None:
    return check_time(claim, ctx.store, ctx.published)
