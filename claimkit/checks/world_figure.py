"""World check: a country's population or GDP with its year ("Germany's 83 million people",
"India's $3.5 trillion economy") against the World Bank series in ``world_figures`` (check kind
``world_figure``).

The figure is read only in the frames of ``claimkit/lexicon/world_figure_frames.tsv`` (the whole
country, the figure right before its noun), and not at all when the sentence speaks of a part
or a rate (``world_figure_guards.txt``: "per capita", "growth"…). It is compared with the latest
years at or before the claim's date (stories quote last year's figure); the claim's interval is
the figure's rounding as written ("83 million" is 82.5-83.5 million) or its qualifier ("more
than"). Supported when a recent year's figure lies within a small tolerance of that interval
(national statistics and the World Bank differ by a few per cent); contradicted only when every
recent figure lies well outside it; a date after the series ends stays unverified.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import claim_interval, num, text, where
from claimkit.checks._world import as_day, cached, countries, figure_end, fold, table_of_kind, written_step
from claimkit.lexicon import table as lexicon_table
from claimkit.lexicon import words as lexicon_words

_C, _N = "\u00a7C\u00a7", "\u00a7N\u00a7"
TOLERANCE = {"population": 0.02, "gdp": 0.05}  # a recent figure this close to the claim's interval supports it
DENY = {"population": 0.06, "gdp": 0.15}  # every recent figure at least this far from it contradicts it
RECENT = 3  # years at or before the claim's date a story may be quoting
MONEY_UNITS = {"USD"}
PEOPLE_UNITS = {"person", "people", "inhabitant", "resident", "citizen", None}


@lru_cache(maxsize=1)
def frames():
    out = []
    for r in lexicon_table("world_figure_frames.tsv"):
        pat = re.escape(r["frame"]).replace(re.escape("{C}"), re.escape(_C)).replace(re.escape("{N}"), re.escape(_N))
        pat = pat.replace(r"\ ", r"\s+")
        out.append((r["indicator"], r["frame"], re.compile(r"(?<!\w)" + pat + r"(?!\w)", re.I)))
    return out


def find_figure(claim: dict, store) -> tuple[str, str, str] | None:
    """(iso3, indicator, frame) when the claim's figure is written as a country's population or GDP."""
    sentence, at = where(claim)
    span = text(claim.get("span"))
    cs = countries(store)
    if cs is None or not sentence or at is None or not span:
        return None
    low = fold(sentence)
    if any(re.search(rf"(?<!\w){re.escape(fold(g))}(?!\w)", low) for g in lexicon_words("world_figure_guards.txt")):
        return None
    # the span may carry its noun ("83 million people"): the figure is the span without it, the noun stays in the text
    fig_end = at[0] + (figure_end(span) or len(span))
    for iso3, s, e, _ in cs.find(sentence, demonyms=False):
        if e <= at[0]:
            placed = sentence[:s] + _C + sentence[e : at[0]] + _N + sentence[fig_end:]
        elif s >= at[1]:
            placed = sentence[: at[0]] + _N + sentence[fig_end:s] + _C + sentence[e:]
        else:
            continue
        # an appositive after the country does not change what the frame says: "Nigeria, Africa's most populous nation, has …"
        variants = [placed, re.sub(re.escape(_C) + r",[^,;:\u00a7]{1,60},", _C, placed)]
        for indicator, frame, rx in frames():
            if any(rx.search(v) for v in variants):
                return iso3, indicator, frame
    return None


def _interval(claim: dict) -> tuple[float, float] | None:
    value = num(claim.get("value"))
    q = text(claim.get("qualifier")) or "exact"
    iv = claim_interval(claim)
    if value is None:  # an open range ("more than 200 million"): its bound(s)
        low, high = num(claim.get("low")), num(claim.get("high"))
        return (low if low is not None else 0.0, high if high is not None else float("inf"))
    step = written_step(text(claim.get("span")), value)
    half = (step or 0) / 2
    if q in ("over", "at_least"):
        return (value, float("inf"))
    if q in ("under", "at_most"):
        return (0.0, value)
    if q == "nearly":
        return (value * 0.9, value + half)
    lo, hi = value - half, value + half
    if iv and q in ("about", "range"):
        lo, hi = min(lo, iv[0]), max(hi, iv[1])
    return (lo, hi)


def _distance(iv: tuple[float, float], v: float) -> float:
    """How far value v lies outside the interval, relative to v (0 inside)."""
    if iv[0] <= v <= iv[1]:
        return 0.0
    gap = iv[0] - v if v < iv[0] else v - iv[1]
    return gap / v


def _series(store, t):
    def build(rows):
        by = {}
        for r in rows:
            by.setdefault((r["iso3"], r["indicator"]), []).append(r)
        for v in by.values():
            v.sort(key=lambda r: int(r["year"]))
        return by

    return cached(store, t.name, "series", build)


def _say(v: float, indicator: str) -> str:
    if indicator == "gdp":
        return f"${v / 1e12:,.2f} trillion" if v >= 1e12 else f"${v / 1e9:,.1f} billion"
    return f"{v / 1e9:,.3f} billion" if v >= 1e9 else f"{v / 1e6:,.1f} million"


def check_world_figure(claim: dict, ctx: CheckContext) -> Check | None:
    store = ctx.store
    t = table_of_kind(store, "world_figure")
    figure = next((num(claim.get(k)) for k in ("value", "low", "high") if num(claim.get(k)) is not None), None)
    if t is None or figure is None:
        return None
    kind, unit = text(claim.get("kind")), text(claim.get("unit"))
    found = find_figure(claim, store)
    if found is None:
        return None
    iso3, indicator, _frame = found
    if indicator == "gdp" and unit not in MONEY_UNITS:
        return unverified(
            f"a GDP figure is compared in US dollars and this one is in {unit or 'no currency'}", table=t.name
        )
    if indicator == "population" and (kind != "quantity" or (unit or None) not in PEOPLE_UNITS):
        return None
    on, why = ctx.dated(claim)
    name = countries(store).by_code[iso3]["name"]
    label = {"gdp": "GDP"}.get(indicator, indicator)
    if on is None:
        return unverified(f"the {label} of {name} changes every year and the claim has no date", table=t.name)
    rows = _series(store, t).get((iso3, indicator), [])
    before = [r for r in rows if as_day(r["as_of"]) <= on]
    if not rows:
        return unverified(f"{t.name} has no {indicator} figure for {name}", table=t.name)
    if not before:
        return unverified(
            f"{t.name} gives the {label} of {name} from {rows[0]['year']}; {on} ({why}) is before that", table=t.name
        )
    lag = int(t.check.get("max_lag_years", 2))
    latest = before[-1]
    if (on - as_day(latest["as_of"])).days > 365 * (lag + 1):
        return unverified(
            f"{t.name} gives the {label} of {name} up to {latest['year']}; {on} ({why}) is more than {lag} years later, "
            f"so the figure may have changed since",
            table=t.name,
        )
    recent = before[-RECENT:]
    iv = _interval(claim)
    tol, deny = TOLERANCE[indicator], DENY[indicator]
    said = "; ".join(f"{r['year']}: {_say(float(r['value']), indicator)}" for r in recent)
    expected = f"{name}, {indicator} (World Bank): {said}"
    sql = (
        f"SELECT id, year, value FROM {t.name} WHERE iso3 = '{iso3}' AND indicator = '{indicator}' "
        f"AND as_of <= DATE '{on}' ORDER BY year DESC LIMIT {RECENT}"
    )
    base = dict(expected=expected, query=sql, table=t.name, sources=sorted({r["source_url"] for r in recent}))
    dist = {r["id"]: _distance(iv, float(r["value"])) for r in recent}
    close = [r for r in recent if dist[r["id"]] <= tol]
    written = text(claim.get("span"))
    if close:
        r = close[-1]
        return Check(
            "supported",
            evidence_ids=[r["id"]],
            note=f"'{written}': the World Bank gives the {label} of {name} in {r['year']} as "
            f"{_say(float(r['value']), indicator)}, within the figure as written ({why}: {on}).",
            **base,
        )
    ratio = float(latest["value"]) / max(figure, 1.0)
    if not 0.5 <= ratio <= 2:
        return unverified(
            f"'{written}' is far from the {label} of {name} ({_say(float(latest['value']), indicator)}); it may count "
            f"something else",
            table=t.name,
        )
    if all(d >= deny for d in dist.values()):
        return Check(
            "contradicted",
            evidence_ids=[r["id"] for r in recent],
            note=f"'{written}' does not match the {label} of {name} in the years before {on} ({why}): {said}.",
            **base,
        )
    return unverified(
        f"'{written}' is close to but not within the {label} of {name} ({said}); sources differ by this much",
        table=t.name,
    )


@claim_check("world.figure", kinds=("quantity", "money"))
def world_figure(claim: dict, ctx: CheckContext) -> Check | None:
    return check_world_figure(claim, ctx)
