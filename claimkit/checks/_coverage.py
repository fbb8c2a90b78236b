"""The period a reference table speaks for, as its sidecar states it (``coverage``).

A row decides a claim only when the claim's date falls inside the table's coverage: the January
2022 diplomatic calendar knows nothing of a Tuesday in 2017, and a list of the offices people held
in January 2022 cannot say which office someone did *not* hold in 2015. The sidecar states it::

    "coverage": {"from": "2022-01-10", "to": "2022-01-16", "complete": true}

``to`` may be ``"retrieved"`` (the table is kept up to date until its retrieval date). A sidecar
without ``coverage`` covers the span of its ``as_of`` column (the first to the last date in it).
"""

from __future__ import annotations

from datetime import date, datetime


def _as_date(v) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime) or (hasattr(v, "date") and not isinstance(v, date)):
        return v.date()  # datetime, pandas Timestamp
    if isinstance(v, date):
        return v
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def coverage(t, store) -> tuple[date | None, date | None]:
    """(first day, last day) the table ``t`` speaks for; ``None`` where it does not say."""
    cov = t.meta.get("coverage") or {}
    if cov:
        start = _as_date(cov.get("from"))
        to = cov.get("to")
        end = _as_date(t.meta.get("retrieved")) if to == "retrieved" else _as_date(to)
        return start, end
    col = t.as_of_column
    if not col:
        return None, None
    got = store.lookup(f"SELECT min({col}) AS a, max({col}) AS b FROM {t.name}")
    return _as_date(got["a"][0]), _as_date(got["b"][0])


def describe(t, store) -> str:
    start, end = coverage(t, store)
    title = t.meta.get("title", t.name)
    return f"the table '{title}' covers {start or 'any date'} to {end or 'any date'}"


def outside(t, store, when) -> str | None:
    """Why ``when`` (a date, or a (first, last) period) is outside the table's coverage; ``None`` when inside."""
    if when is None:
        return f"{describe(t, store)} and the claim has no date to place in it"
    first, last = (when, when) if isinstance(when, date) else when
    start, end = coverage(t, store)
    if (start and last < start) or (end and first > end):
        said = first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"
        return f"{describe(t, store)}; the claim's date {said} is outside it, so the table cannot decide it"
    return None
