"""Reference check: a person's title against a table of office holders ("Deputy Foreign Minister Sergei Ryabkov")."""

from __future__ import annotations

from datetime import date

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._coverage import outside
from claimkit.checks._fields import claim_date, text
from claimkit.evidence import EvidenceStore, ReferenceTable, sql_literal
from claimkit.matching import NAME_THRESHOLD, same_person, title_role


def office_query(t: ReferenceTable, person: str, year: int) -> str:
    c = t.check
    start, end = c.get("from", "start_year"), c.get("to", "end_year")
    return (
        f"SELECT id, {c.get('person', 'person')}, title, {c.get('role', 'role')}, {c.get('country', 'country')} FROM {t.name} "
        f"WHERE {c.get('person', 'person')} = {sql_literal(person)} AND {start} <= {year} AND ({end} IS NULL OR {end} >= {year}) ORDER BY id"
    )


def check_role(claim: dict, store: EvidenceStore, published: date | None) -> Check:
    person, title = text(claim.get("speaker")), text(claim.get("subject"))
    if not person or not title:
        return unverified("a title check needs both the person and the title")
    role, countries = title_role(title)
    if role is None:
        return unverified(f"the title '{title}' is not in the title lexicon (claimkit/lexicon/aliases.tsv)")
    on, why = claim_date(claim, published)
    for t in store.of_kind("office"):
        c = t.check
        names = set(store.table(t.name)[c.get("person", "person")].dropna())  # the table's distinct names
        scored = sorted(((same_person(person, n), n) for n in names), reverse=True)
        if not scored or scored[0][0] < NAME_THRESHOLD:
            continue
        name = scored[0][1]
        if on is None:
            return unverified(f"{name}'s offices change over time and no date is given", table=t.name)
        sql = office_query(t, name, on.year)
        rows = store.lookup(sql)
        held = (
            "; ".join(f"{r['title']} ({r[c.get('country', 'country')]})" for _, r in rows.iterrows()) or "none recorded"
        )
        expected = f"{name} in {on.year}: {held}"
        match = [
            r
            for _, r in rows.iterrows()
            if r[c.get("role", "role")] == role and (not countries or r[c.get("country", "country")] in countries)
        ]
        if match:
            ids = [str(r["id"]) for r in match]
            return Check(
                "supported",
                evidence_ids=ids,
                expected=expected,
                query=sql,
                table=t.name,
                sources=sorted(set(store.rows(ids)["source_url"])),
                note=f"'{title}' is {name}'s office on {on} ({why}): {match[0]['title']}.",
            )
        if rows.empty:
            return unverified(f"no office of {name} is recorded for {on.year}", table=t.name, query=sql)
        off = outside(t, store, on)
        if off:  # a row may bear a title out in another year; only inside its coverage is the list complete enough to deny one
            return unverified(off, table=t.name)
        ids = rows["id"].astype(str).tolist()
        return Check(
            "contradicted" if c.get("complete", True) else "unsupported",
            evidence_ids=ids,
            expected=expected,
            query=sql,
            table=t.name,
            sources=sorted(set(store.rows(ids)["source_url"])),
            note=f"{name}'s recorded offices on {on} are {held}; '{title}' is not one of them.",
        )
    return unverified(f"no office-holder record for {person}")


@claim_check("reference.office", kinds=("role",))
def office(claim: dict, ctx: CheckContext) -> Check | None:
    return check_role(claim, ctx.store, ctx.published)
