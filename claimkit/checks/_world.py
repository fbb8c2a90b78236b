"""Shared by the world checks: the world tables read once per store, names of countries,
organisations and people, coverage spans, and how precisely a story writes a number.

The tables are small (a few thousand rows); each is read into plain Python once per store and
file version, so a check costs dictionary look-ups, not queries.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from claimkit.checks._coverage import _as_date
from claimkit.checks._fields import text


@lru_cache(maxsize=65536)
def fold(s: str | None) -> str:
    """Lower case, accents and full stops dropped, one space between words: 'Édouard Philippe' -> 'edouard philippe'."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", str(s).replace("\u2019", "'"))
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).lower()
    s = s.replace(".", "")
    return re.sub(r"\s+", " ", s).strip(" ,;:'\"()")


def as_day(v) -> date | None:
    return _as_date(text(v)) if text(v) else None


# ---------------------------------------------------------------- loading, cached per store and file version

_CACHE: dict[tuple, object] = {}


def _stamp(store, name: str):
    return (id(store), name, store._stamp(name))


def rows_of(store, name: str) -> list[dict]:
    """Every row of a table as dicts of text (empty cells: None)."""
    key = ("rows",) + _stamp(store, name)
    hit = _CACHE.get(key)
    if hit is None:
        import csv

        with open(store.tables[name].path, encoding="utf-8", newline="") as fh:
            hit = [{k: (v if v != "" else None) for k, v in r.items()} for r in csv.DictReader(fh)]
        _CACHE[key] = hit
    return hit  # type: ignore[return-value]


def cached(store, name: str, tag: str, build):
    key = (tag,) + _stamp(store, name)
    hit = _CACHE.get(key)
    if hit is None:
        hit = build(rows_of(store, name))
        _CACHE[key] = hit
    return hit


def table_of_kind(store, kind: str):
    found = store.of_kind(kind)
    return found[0] if found else None


# ---------------------------------------------------------------- countries


@dataclass
class Countries:
    by_code: dict[str, dict] = field(default_factory=dict)
    terms: list[tuple[str, str, bool]] = field(default_factory=list)  # (folded term, iso3, is a demonym), longest first
    pattern: re.Pattern | None = None

    def find(self, sentence: str, *, demonyms: bool = True) -> list[tuple[str, int, int, bool]]:
        """(iso3, start, end, is a demonym) of every country named in ``sentence``, in text order."""
        out = []
        for m in self.pattern.finditer(sentence):
            hit = self.lookup.get(fold(m.group(0)))
            if hit and (demonyms or not hit[1]):
                out.append((hit[0], m.start(), m.end(), hit[1]))
        return out


def countries(store) -> Countries | None:
    t = table_of_kind(store, "world_country")
    if t is None:
        return None

    def build(rows):
        c = Countries()
        lookup: dict[str, tuple[str, bool]] = {}
        for r in rows:
            c.by_code[r["iso3"]] = r
            names = [r["name"], r["iso_name"], *(r["aliases"] or "").split("|")]
            for n in names:
                if n:
                    for v in {n, re.sub(r"^the ", "", n, flags=re.I)}:
                        lookup.setdefault(fold(v), (r["iso3"], False))
            for d in (r["demonyms"] or "").split("|"):
                if d:
                    lookup.setdefault(fold(d), (r["iso3"], True))
        raw = set()
        for r in rows:
            for n in [r["name"], r["iso_name"], *(r["aliases"] or "").split("|"), *(r["demonyms"] or "").split("|")]:
                if n:
                    raw.add(re.sub(r"^the ", "", n, flags=re.I))
        # case-sensitive for short all-capital forms ("US" is not "us"), case-insensitive for the rest
        alts = []
        for n in sorted(raw, key=len, reverse=True):
            esc = re.escape(n).replace(r"\.", r"\.?")
            alts.append(esc if (n.replace(".", "").isupper() and len(n.replace(".", "")) <= 3) else f"(?i:{esc})")
        c.pattern = re.compile(r"(?<![\w.])(?:" + "|".join(alts) + r")(?![\w])")
        c.lookup = lookup  # type: ignore[attr-defined]
        return c

    return cached(store, t.name, "countries", build)


# ---------------------------------------------------------------- coverage


def series_span(spec: dict, retrieved) -> tuple[date | None, date | None]:
    to = spec.get("to")
    end = as_day(retrieved) if to in (None, "retrieved") else as_day(to)
    return as_day(spec.get("from")), end


def in_span(on: date, span: tuple[date | None, date | None]) -> bool:
    return (span[0] is None or on >= span[0]) and (span[1] is None or on <= span[1])


def span_text(span: tuple[date | None, date | None]) -> str:
    return f"{span[0] or 'any date'} to {span[1] or 'any date'}"


# ---------------------------------------------------------------- numbers as written

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def written_step(span: str | None, value: float | None) -> float | None:
    """The rounding step a figure is written to: '83 million' -> 1,000,000; '83.2 million' -> 100,000;
    '1.4 billion' -> 100,000,000; '83,000,000' -> 1,000,000. ``None`` when no digits are written."""
    if not span or value is None:
        return None
    m = _DIGITS.search(span)
    if not m:
        return None
    digits = m.group(0).replace(",", "")
    try:
        shown = float(digits)
    except ValueError:
        return None
    if shown == 0:
        return None
    scale = value / shown
    if "." in digits:
        step = 10 ** -len(digits.split(".")[1])
    else:
        stripped = digits.rstrip("0")
        step = 10 ** (len(digits) - len(stripped)) if stripped else 1
    return step * scale


@lru_cache(maxsize=1)
def _number_words() -> frozenset[str]:
    from claimkit.lexicon import table as lexicon_table

    words = {r["word"].lower() for r in lexicon_table("numbers.tsv")}
    words |= {r["token"].lower() for r in lexicon_table("scales.tsv") if r["form"] == "word"}
    for r in lexicon_table("qualifiers.tsv"):
        words |= set(r["phrase"].lower().split())
    return frozenset(words | {"and", "a", "an", "-"})


def figure_end(span: str) -> int:
    """Where the figure ends in a claim's span: '83 million people' -> 10, 'Twelve NATO allies' -> 6.
    The words after it (the counted noun, a body's name) stay in the text for the frames to read."""
    end = 0
    for m in re.finditer(r"[^\s]+", span):
        tok = m.group(0).strip(",;:()").lower()
        parts = [p for p in re.split(r"-", tok) if p]
        if re.match(r"^[$\u20ac\u00a3]?[\d.,]+[%a-z]*$", tok) or (parts and all(p in _number_words() for p in parts)):
            end = m.end()
        else:
            break
    return end
