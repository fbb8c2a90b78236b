"""World checks: a country's capital (``world_countries``) and its currency on a date (CLDR's dated
territory currencies, read through babel) — for the ``capital`` and ``currency`` claims of
:mod:`claimkit.extract.world_facts`.

A capital is supported when the city is the capital or one of its other names or co-capitals,
contradicted when it is another city, and unverified for a date outside the table's coverage or a
country whose capital is disputed. A currency is supported when it is legal tender in the country
on the claim's date, contradicted when it is not ("the euro, Croatia's currency" in 2022: the kuna
until 31 December 2022), unverified after the coverage of the installed CLDR data.
"""

from __future__ import annotations

import json
from datetime import date

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import text
from claimkit.checks._world import as_day, countries, fold, in_span, span_text, table_of_kind
from claimkit.lexicon import words as lexicon_words

# CLDR's currency dates are kept up to date in each release; babel 2.19 ships CLDR 49 (2026), so
# dates up to the end of 2025 are settled in it. A later date stays unverified.
CURRENCY_COVERAGE = (date(1999, 1, 1), date(2025, 12, 31))
CLDR_URL = "https://cldr.unicode.org/"


def _details(claim: dict) -> dict:
    raw = text(claim.get("details"))
    if not raw:
        return {}
    try:
        return json.loads(raw)
    except ValueError:
        return {}


def _city(said: str) -> str:
    lead = {w.lower() for w in lexicon_words("world_city_lead_words.txt")}
    words = said.split()
    while len(words) > 1 and words[0].lower() in lead:
        words = words[1:]
    return " ".join(words)


def check_capital(claim: dict, ctx: CheckContext) -> Check | None:
    store = ctx.store
    t = table_of_kind(store, "world_country")
    d = _details(claim)
    if t is None or not d.get("country") or not d.get("said"):
        return None
    cs = countries(store)
    row = cs.by_code.get(d["country"])
    if row is None:
        return None
    city = _city(d["said"])
    on, _why = ctx.dated(claim)
    cov = t.meta.get("coverage", {})
    span = (as_day(cov.get("from")), as_day(cov.get("to")))
    if on is None or not in_span(on, span):
        return unverified(
            f"{t.name} gives capitals for {span_text(span)}; the claim's date ({on or 'none'}) is outside it",
            table=t.name,
        )
    if not row["capital"]:
        return unverified(
            f"{t.name} records no capital for {row['name']}: {row['note'] or 'not recorded'}", table=t.name
        )
    names = [row["capital"], *(row["capital_aliases"] or "").split("|")]
    expected = f"capital of {row['name']}: {row['capital']}" + (
        f" (also {row['capital_aliases'].replace('|', ', ')})" if row["capital_aliases"] else ""
    )
    base = dict(
        evidence_ids=[row["id"]],
        expected=expected,
        table=t.name,
        sources=[row["source_url"]],
        query=f"SELECT id, name, capital, capital_aliases FROM {t.name} WHERE iso3 = '{row['iso3']}'",
    )
    if fold(city) in {fold(n) for n in names if n}:
        return Check("supported", note=f"{city} is the capital of {row['name']} ({row['source_name']}).", **base)
    return Check("contradicted", note=f"The capital of {row['name']} is {row['capital']}, not {city}.", **base)


def check_currency(claim: dict, ctx: CheckContext) -> Check | None:
    d = _details(claim)
    cs = countries(ctx.store)
    if cs is None or not d.get("country") or not d.get("said"):
        return None
    row = cs.by_code.get(d["country"])
    if row is None or not row["iso2"]:
        return None
    from babel.numbers import get_currency_name, get_territory_currencies

    from claimkit.extract.world_facts import currency_names

    said = fold(d["said"])
    said = said[4:] if said.startswith("the ") else said
    known = currency_names()
    codes = known.get(said) or (known.get(said[:-1]) if said.endswith("s") else None)
    if not codes:
        return unverified(
            f"'{d['said']}' is not a currency name CLDR or claimkit/lexicon/world_currency_names.tsv knows"
        )
    on, why = ctx.dated(claim)
    if on is None or not in_span(on, CURRENCY_COVERAGE):
        return unverified(
            f"the installed CLDR data (babel) settles currencies for {span_text(CURRENCY_COVERAGE)}; "
            f"the claim's date ({on or 'none'}) is outside it"
        )
    tender = get_territory_currencies(row["iso2"], on, tender=True)
    if not tender:
        return unverified(f"CLDR records no legal tender for {row['name']} on {on}")
    names = ", ".join(f"{get_currency_name(c, locale='en')} ({c})" for c in tender)
    expected = f"legal tender in {row['name']} on {on}: {names} (CLDR via babel)"
    base = dict(
        evidence_ids=[f"cldr:currency:{row['iso2']}:{c}" for c in tender],
        expected=expected,
        sources=[CLDR_URL],
        query=f"babel.numbers.get_territory_currencies({row['iso2']!r}, {on.isoformat()!r}, tender=True)",
    )
    if codes & set(tender):
        return Check(
            "supported", note=f"'{d['said']}' is legal tender in {row['name']} on {on} ({why}): {names}.", **base
        )
    history = get_territory_currencies(
        row["iso2"], date(1999, 1, 1), date(2100, 1, 1), tender=True, non_tender=False, include_details=True
    )
    spans = [f"{h['currency']} {h['from'] or '…'} to {h['to'] or 'now'}" for h in history if h["currency"] in codes]
    when = f" CLDR has it there {', '.join(spans)}." if spans else ""
    return Check(
        "contradicted",
        note=f"On {on} ({why}) the currency of {row['name']} is {names}, not '{d['said']}'.{when}",
        **base,
    )


@claim_check("world.capital", kinds=("capital",))
def world_capital(claim: dict, ctx: CheckContext) -> Check | None:
    return check_capital(claim, ctx)


@claim_check("world.currency", kinds=("currency",))
def world_currency(claim: dict, ctx: CheckContext) -> Check | None:
    return check_currency(claim, ctx)
