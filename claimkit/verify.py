"""Verdicts: match each claim to sourced evidence, compare, and say what the evidence says.

The way data-backed verification research does it (AggChecker, Scrutinizer): a claim becomes a
query over reference tables and the claim is compared with the result, here with the claim's
interval ("about 100,000" is 90,000-110,000) and its date (the claim's own, else the article's).
Which table answers which claim is declared by each table's sidecar (``check.kind``):

- ``membership``: a count of members on a date ("57 countries" at the OSCE);
- ``estimate``: dated estimates of a figure from several sources ("around 100,000 troops");
- ``calendar``: dated events, for a weekday or date ("in Geneva on Monday");
- ``office``: office holders, for a title ("Deputy Foreign Minister Sergei Ryabkov").

A claim no table answers stays ``unverified``: nothing is guessed. Journalists' reviews
(:mod:`claimkit.reviews`) are applied last and win over the automatic verdict.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone

from claimkit.evidence import EvidenceStore, ReferenceTable, open_store, sql_date, sql_literal
from claimkit.matching import distance, find_mentions, locate, normalise, same_person, title_role, unit_of

VERDICTS = ("supported", "contradicted", "misleading", "unsupported", "unverified")
METHODS = ("auto", "query", "review")
VERDICT_COLUMNS = ["claim_id", "verdict", "evidence_ids", "expected", "method", "note", "reviewer", "checked_at"]
EXTRA_COLUMNS = ["auto_verdict", "evidence_count", "sources", "query", "table", "kind", "span", "sentence", "speaker", "date"]
MENTION_REACH = 40  # characters: how far from a time claim a place or body may stand and still be what it dates
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass
class Check:
    """The outcome of checking one claim automatically."""

    verdict: str = "unverified"
    evidence_ids: list[str] = field(default_factory=list)
    expected: str | None = None
    note: str = ""
    query: str | None = None
    table: str | None = None
    sources: list[str] = field(default_factory=list)

    @property
    def method(self) -> str:
        return "query" if self.query and self.verdict != "unverified" else "auto"


def _unverified(note: str, **kw) -> Check:
    return Check(verdict="unverified", note=note, **kw)


# ---------------------------------------------------------------- claim fields

def _text(v) -> str | None:
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    try:
        import pandas as pd

        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    s = str(v).strip()
    return s or None


def _num(v) -> float | None:
    try:
        f = float(v)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) else f


def _day(v) -> date | None:
    s = _text(v)
    if not s or "/" in s:
        return None
    try:
        return date.fromisoformat(s[:10])
    except ValueError:
        return None


def _period(v) -> tuple[date, date] | None:
    s = _text(v)
    if not s:
        return None
    if "/" in s:
        a, _, b = s.partition("/")
        try:
            return date.fromisoformat(a[:10]), date.fromisoformat(b[:10])
        except ValueError:
            return None
    d = _day(s)
    return (d, d) if d else None


def claim_interval(claim: dict) -> tuple[float, float] | None:
    """The claim's figure as an interval: (low, high) where both are given, else the point value."""
    low, high, value = _num(claim.get("low")), _num(claim.get("high")), _num(claim.get("value"))
    if low is not None and high is not None:
        return (low, high)
    if value is not None:
        return (low if low is not None else value, high if high is not None else value)
    return None


def _fmt(x: float) -> str:
    x = round(float(x), 6)
    return f"{x:,.0f}" if x.is_integer() else f"{x:,}"


def _fmt_interval(iv: tuple[float, float]) -> str:
    return _fmt(iv[0]) if iv[0] == iv[1] else f"{_fmt(iv[0])}-{_fmt(iv[1])}"


def claim_date(claim: dict, published: date | None) -> tuple[date | None, str]:
    """The date a claim is to be checked at, and where that date came from."""
    d = _day(claim.get("date"))
    if d:
        return d, "the claim's date"
    p = _period(claim.get("date"))
    if p:
        if published and p[0] <= published <= p[1]:
            return published, "the article's date, within the claim's period"
        return p[1], "the end of the claim's period"
    if published:
        return published, "the article's date"
    return None, ""


def _where(claim: dict) -> tuple[str, tuple[int, int] | None]:
    """The claim's sentence and the claim's offsets inside it."""
    sentence = _text(claim.get("sentence")) or _text(claim.get("span")) or ""
    return sentence, locate(_text(claim.get("span")), sentence)


def _nearest(table_terms: dict, sentence: str, at: tuple[int, int] | None, reach: int | None = None):
    """(key, term, distance) of the key whose terms stand nearest the claim in its sentence."""
    best = None
    for key, terms in table_terms.items():
        for term, s, e in find_mentions(terms, sentence):
            d = distance(at, (s, e)) if at else 0
            if reach is not None and d > reach:
                continue
            if best is None or d < best[2]:
                best = (key, term, d)
    return best


# ---------------------------------------------------------------- membership counts

def count_query(t: ReferenceTable, on: date) -> str:
    c = t.check
    member, start, end = c.get("member", "id"), c.get("from", "joined"), c.get("to")
    ended = f" AND ({end} IS NULL OR {end} > {sql_date(on)})" if end else ""
    return f"SELECT id, {member} FROM {t.name} WHERE {start} <= {sql_date(on)}{ended} ORDER BY id"


def membership_history(store: EvidenceStore, t: ReferenceTable) -> list[tuple[date, int]]:
    """(date, number of members from that date on), at every date the count changed."""
    c = t.check
    dates = store.lookup(f"SELECT DISTINCT {c.get('from', 'joined')} AS d FROM {t.name}"
                        + (f" UNION SELECT DISTINCT {c['to']} FROM {t.name} WHERE {c['to']} IS NOT NULL" if c.get("to") else "")
                        + " ORDER BY d")["d"]
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
        return _unverified(f"the {org} count depends on the date and neither the claim nor the article gives one", table=t.name)
    sql = count_query(t, on)
    rows = store.lookup(sql)
    n = len(rows)
    ids = rows["id"].astype(str).tolist()
    sources = sorted(set(store.table(t.name).set_index("id").loc[ids, "source_url"]))
    expected = f"{n} {noun} of the {org} on {on.isoformat()}"
    base = dict(evidence_ids=ids, expected=expected, query=sql, table=t.name, sources=sources)
    if iv[0] <= n <= iv[1]:
        return Check("supported", note=f"The {t.meta.get('title', t.name)} table lists {n} {noun} on {on.isoformat()} ({why}); the claim says {_fmt_interval(iv)}.", **base)
    periods = [(d, k) for d, k in membership_history(store, t) if iv[0] <= k <= iv[1]]
    if periods:
        d, k = periods[-1]
        return Check("misleading", note=f"{_fmt(k)} was the {org} count from {d.isoformat()}, but on {on.isoformat()} ({why}) it was {n}.", **base)
    return Check("contradicted", note=f"The {org} had {n} {noun} on {on.isoformat()} ({why}), not {_fmt_interval(iv)}.", **base)


# ---------------------------------------------------------------- dated estimates

def estimate_query(t: ReferenceTable, units: list[str], since: date | None, until: date | None) -> str:
    c = t.check
    where = [f"unit IN ({', '.join(sql_literal(u) for u in units)})"]
    where += [f"{col} = {sql_literal(val)}" for col, val in c.get("filter", {}).items()]
    if since and until:
        where.append(f"as_of BETWEEN {sql_date(since)} AND {sql_date(until)}")
    cols = ", ".join(["id", c.get("value", "value"), c.get("low", "low"), c.get("high", "high"), "as_of", "estimator", "source_url"])
    return f"SELECT {cols} FROM {t.name} WHERE {' AND '.join(where)} ORDER BY as_of, id"


def _row_interval(row, c: dict) -> tuple[float, float]:
    value, low, high = _num(row[c.get("value", "value")]), _num(row[c.get("low", "low")]), _num(row[c.get("high", "high")])
    if low is not None and high is not None:
        return (low, high)
    return (value, value)


def _overlaps(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def check_estimate(claim: dict, store: EvidenceStore, t: ReferenceTable, published: date | None) -> Check:
    c = t.check
    on, why = claim_date(claim, published)
    iv = claim_interval(claim)
    noun = c.get("noun", "units")
    if on is None:
        return _unverified("the estimates change over time and neither the claim nor the article gives a date", table=t.name)
    window = int(c.get("window_days", 60))
    since = on - timedelta(days=window)
    sql = estimate_query(t, c.get("units", []), since, on)
    rows = store.lookup(sql)
    if rows.empty:
        return _unverified(f"no estimate in {t.name} is dated between {since} and {on} ({why})", table=t.name, query=sql)

    def describe(r) -> str:
        return f"{_fmt_interval(_row_interval(r, c))} ({r['estimator']}, {str(r['as_of'])[:10]})"

    expected = f"Estimates of {noun} dated {since} to {on}: " + "; ".join(describe(r) for _, r in rows.iterrows())
    agree = [r for _, r in rows.iterrows() if _overlaps(_row_interval(r, c), iv)]
    all_ids = rows["id"].astype(str).tolist()
    if agree:
        ids = [str(r["id"]) for r in agree]
        return Check("supported", evidence_ids=ids, expected=expected, query=sql, table=t.name,
                     sources=sorted({r["source_url"] for r in agree}),
                     note=f"{len(agree)} of {len(rows)} estimates from the {window} days before {on} ({why}) fall within the claim's {_fmt_interval(iv)}: "
                          + "; ".join(describe(r) for r in agree) + ".")
    tol = float(c.get("tolerance", 0.25))
    ivs = [_row_interval(r, c) for _, r in rows.iterrows()]
    lo, hi = min(i[0] for i in ivs), max(i[1] for i in ivs)
    sources = sorted(set(rows["source_url"]))
    base = dict(evidence_ids=all_ids, expected=expected, query=sql, table=t.name, sources=sources)
    if _overlaps((lo * (1 - tol), hi * (1 + tol)), iv):
        return Check("unsupported", note=f"No estimate from the {window} days before {on} gives {_fmt_interval(iv)}; they range {_fmt(lo)}-{_fmt(hi)}, close enough that the claim is not contradicted.", **base)
    other_sql = estimate_query(t, c.get("units", []), None, None)
    elsewhere = [r for _, r in store.lookup(other_sql).iterrows()
                 if str(r["id"]) not in all_ids and _overlaps(_row_interval(r, c), iv)]
    if elsewhere:
        r = elsewhere[0]
        return Check("misleading", evidence_ids=all_ids + [str(r["id"])], expected=expected, query=sql, table=t.name,
                     sources=sorted(set(sources) | {r["source_url"]}),
                     note=f"{_fmt_interval(iv)} matches an estimate of {str(r['as_of'])[:10]} ({r['estimator']}), not the estimates current on {on} ({_fmt(lo)}-{_fmt(hi)}).")
    return Check("contradicted", note=f"Every estimate from the {window} days before {on} ({why}) lies between {_fmt(lo)} and {_fmt(hi)}, far from the claim's {_fmt_interval(iv)}.", **base)


def check_quantity(claim: dict, store: EvidenceStore, published: date | None) -> Check:
    unit = unit_of(_text(claim.get("unit")))
    if claim_interval(claim) is None:
        return _unverified("the claim carries no figure to compare")
    if not unit:
        return _unverified("the figure counts nothing named, so no table can be matched to it")
    tables = {t.name: t for t in store.tables.values()
              if t.kind in ("membership", "estimate") and unit in [unit_of(u) for u in t.check.get("units", [])]}
    if not tables:
        return _unverified(f"no reference table counts '{unit}'")
    sentence, at = _where(claim)
    text = sentence + " " + (_text(claim.get("subject")) or "")
    best = _nearest({name: t.check.get("mentions", []) for name, t in tables.items()}, text, at)
    if best is None:
        return _unverified(f"tables count '{unit}' ({', '.join(tables)}) but the sentence names none of what they cover")
    t = tables[best[0]]
    if t.kind == "membership":
        return check_membership(claim, store, t, published)
    return check_estimate(claim, store, t, published)


# ---------------------------------------------------------------- calendar

def check_time(claim: dict, store: EvidenceStore, published: date | None) -> Check:
    tables = store.of_kind("calendar")
    if not tables:
        return _unverified("no calendar table")
    sentence, at = _where(claim)
    span = normalise(_text(claim.get("span")))
    said_weekday = next((w for w in WEEKDAYS if re.search(rf"\b{w}\b", span)), None)
    period = _period(claim.get("date"))
    best, best_t, events = None, None, {}
    for t in tables:
        c = t.check
        df = store.table(t.name)
        terms = {str(i): [m for m in str(ms).split("|") if m] for i, ms in zip(df["id"], df[c.get("mentions", "mentions")])}
        found = _nearest(terms, sentence, at, MENTION_REACH)
        if found and (best is None or found[2] < best[2]):
            best, best_t, events = found, t, df.set_index("id")
    if best is None:
        return _unverified("no event of the calendar is named next to this date in its sentence")
    row_id, term, _ = best
    t, c = best_t, best_t.check
    ev = events.loc[row_id]
    ev_date = ev[c.get("date", "date")]
    ev_date = ev_date.date() if hasattr(ev_date, "date") else date.fromisoformat(str(ev_date)[:10])
    ev_weekday = str(ev[c.get("weekday", "weekday")])
    sql = (f"SELECT id, event, {c.get('date', 'date')}, {c.get('weekday', 'weekday')}, city FROM {t.name} "
           f"WHERE list_contains(string_split(lower({c.get('mentions', 'mentions')}), '|'), {sql_literal(term.lower())})")
    expected = f"{ev['event']}, {ev['city']}: {ev_weekday} {ev_date.isoformat()}"
    base = dict(evidence_ids=[row_id], expected=expected, query=sql, table=t.name, sources=[ev["source_url"]])
    said = _text(claim.get("span")) or ""
    if said_weekday and said_weekday != ev_weekday.lower():
        return Check("contradicted", note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}, not on {said_weekday.capitalize()}.", **base)
    if period:
        if period[0] <= ev_date <= period[1]:
            return Check("supported", note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}, as '{said}' says.", **base)
        return Check("contradicted", note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}; '{said}' resolves to {claim.get('date')}.", **base)
    if said_weekday:
        return Check("supported", note=f"{ev['event']} ('{term}') took place on {ev_weekday} {ev_date}.", **base)
    return _unverified(f"'{said}' has no resolved date to compare with {ev['event']} ({ev_date})", table=t.name)


# ---------------------------------------------------------------- office holders

def office_query(t: ReferenceTable, person: str, year: int) -> str:
    c = t.check
    start, end = c.get("from", "start_year"), c.get("to", "end_year")
    return (f"SELECT id, {c.get('person', 'person')}, title, {c.get('role', 'role')}, {c.get('country', 'country')} FROM {t.name} "
            f"WHERE {c.get('person', 'person')} = {sql_literal(person)} AND {start} <= {year} AND ({end} IS NULL OR {end} >= {year}) ORDER BY id")


def check_role(claim: dict, store: EvidenceStore, published: date | None) -> Check:
    person, title = _text(claim.get("speaker")), _text(claim.get("subject"))
    if not person or not title:
        return _unverified("a title check needs both the person and the title")
    role, countries = title_role(title)
    if role is None:
        return _unverified(f"the title '{title}' is not in the title lexicon (claimkit/lexicon/aliases.tsv)")
    on, why = claim_date(claim, published)
    for t in store.of_kind("office"):
        c = t.check
        names = set(store.table(t.name)[c.get("person", "person")].dropna())  # the table's distinct names
        scored = sorted(((same_person(person, n), n) for n in names), reverse=True)
        if not scored or scored[0][0] < 90:
            continue
        name = scored[0][1]
        if on is None:
            return _unverified(f"{name}'s offices change over time and no date is given", table=t.name)
        sql = office_query(t, name, on.year)
        rows = store.lookup(sql)
        held = "; ".join(f"{r['title']} ({r[c.get('country', 'country')]})" for _, r in rows.iterrows()) or "none recorded"
        expected = f"{name} in {on.year}: {held}"
        match = [r for _, r in rows.iterrows()
                 if r[c.get("role", "role")] == role and (not countries or r[c.get("country", "country")] in countries)]
        if match:
            ids = [str(r["id"]) for r in match]
            return Check("supported", evidence_ids=ids, expected=expected, query=sql, table=t.name,
                         sources=sorted(set(store.rows(ids)["source_url"])),
                         note=f"'{title}' is {name}'s office on {on} ({why}): {match[0]['title']}.")
        if rows.empty:
            return _unverified(f"no office of {name} is recorded for {on.year}", table=t.name, query=sql)
        ids = rows["id"].astype(str).tolist()
        return Check("contradicted" if c.get("complete", True) else "unsupported", evidence_ids=ids, expected=expected,
                     query=sql, table=t.name, sources=sorted(set(store.rows(ids)["source_url"])),
                     note=f"{name}'s recorded offices on {on} are {held}; '{title}' is not one of them.")
    return _unverified(f"no office-holder record for {person}")


# ---------------------------------------------------------------- the walk

CHECKERS = {
    "quantity": check_quantity,
    "money": check_quantity,
    "percent": check_quantity,
    "time": check_time,
    "role": check_role,
}
_WHY_NOT = {
    "quote": "a quote is checked against its recording or transcript by a journalist",
    "attribution": "an attribution is checked against the named source by a journalist",
}


def check_claim(claim: dict, store: EvidenceStore, published: date | None = None) -> Check:
    """The automatic verdict on one claim (a row of the claims table as a dict)."""
    kind = _text(claim.get("kind")) or ""
    fn = CHECKERS.get(kind)
    if fn is None:
        return _unverified(_WHY_NOT.get(kind, f"no reference table answers claims of kind '{kind}' yet"))
    return fn(claim, store, published)


def _published(claims, as_of) -> date | None:
    for v in (as_of, getattr(claims, "attrs", {}).get("published")):
        if v:
            return v if isinstance(v, date) else date.fromisoformat(str(v)[:10])
    return None


def verify(claims, *, evidence=None, reviews=None, as_of=None):
    """The verdicts table for a claims table.

    ``evidence``: a folder of reference tables or an :class:`EvidenceStore` (default: the shipped
    data/reference/). ``reviews``: a reviews file, a :class:`~claimkit.reviews.Reviews`, or a list
    of review dicts; reviews win over automatic verdicts. ``as_of``: the date to check claims at
    when a claim carries no date of its own (default: the article's publication date, which
    ``extract_claims`` records in ``claims.attrs["published"]``). A review of a claim that is not in
    ``claims`` is reported with a warning and in ``verdicts.attrs["orphan_reviews"]``.
    """
    import pandas as pd

    store = open_store(evidence)
    published = _published(claims, as_of)
    checked_at = datetime.now(timezone.utc).isoformat(timespec="seconds")
    rows = []
    for claim in claims.to_dict("records"):
        ch = check_claim(claim, store, published)
        rows.append({
            "claim_id": claim["claim_id"], "verdict": ch.verdict, "evidence_ids": list(ch.evidence_ids),
            "expected": ch.expected, "method": ch.method, "note": ch.note, "reviewer": None, "checked_at": checked_at,
            "auto_verdict": ch.verdict, "evidence_count": len(ch.evidence_ids), "sources": list(ch.sources),
            "query": ch.query, "table": ch.table, "kind": claim.get("kind"), "span": claim.get("span"),
            "sentence": claim.get("sentence"), "speaker": _text(claim.get("speaker")), "date": _text(claim.get("date")),
        })
    verdicts = pd.DataFrame(rows, columns=VERDICT_COLUMNS + EXTRA_COLUMNS)
    verdicts["evidence_count"] = verdicts["evidence_count"].astype("int64")
    verdicts.attrs["orphan_reviews"] = []
    verdicts.attrs["evidence_folder"] = str(store.folder)
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

    store = open_store(evidence)
    claim = find_claim(claims, claim_id)
    published = _published(claims, as_of)
    decided = set(check_claim(claim, store, published).evidence_ids)
    facts = store.facts()
    kind = _text(claim.get("kind"))
    sentence, at = _where(claim)
    frames = []
    for t in store.tables.values():
        rows = facts[facts["table"] == t.name].copy()
        if kind in ("quantity", "money", "percent") and t.kind in ("membership", "estimate"):
            unit = unit_of(_text(claim.get("unit")))
            if unit not in [unit_of(u) for u in t.check.get("units", [])]:
                continue
            hits = find_mentions(t.check.get("mentions", []), sentence + " " + (_text(claim.get("subject")) or ""))
            rows["why"] = f"counts '{unit}'" + (f"; the sentence names {hits[0][0]}" if hits else "; the sentence names none of what it covers")
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
            scores = [same_person(_text(claim.get("speaker")), table.loc[rid, t.check.get("person", "person")]) for rid in rows["id"]]
            rows["why"] = [f"name match {s}/100" for s in scores]
            rows = rows[[s >= 60 for s in scores]]
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

    row = verdicts[verdicts["claim_id"] == claim_id]
    if row.empty or not _text(row.iloc[0]["query"]):
        return pd.DataFrame()
    return open_store(evidence).query(row.iloc[0]["query"])


class _CallableModule(type(math)):
    """``import claimkit.verify`` binds the name ``claimkit.verify`` to this module, shadowing the
    lazily exported function; calling the module calls :func:`verify`, so ``claimkit.verify(claims)``
    works whatever was imported first."""

    def __call__(self, *args, **kwargs):
        return verify(*args, **kwargs)


import sys as _sys  # noqa: E402

_sys.modules[__name__].__class__ = _CallableModule
