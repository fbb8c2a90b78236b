"""World facts: a country's capital or currency stated in passing ("Nairobi, the Kenyan capital";
"the euro, Croatia's currency").

Only the literal frames of ``claimkit/lexicon/world_statement_frames.tsv`` are read, so a
"commercial capital" or a "former capital" is never taken for the capital. Each statement is a
claim of kind ``capital`` or ``currency``: ``subject`` is the country as written, ``date`` the
publication date, and ``details`` holds the country's ISO code and the city or currency as written.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import table as lexicon_table

_TRIGGER = re.compile(r"capital|currenc|\buses\b", re.I)
_CITY = (
    r"[A-Z](?:[\w'\u2019-]|\.(?=\w|\s+[A-Z]))*(?:[ -](?:[A-Z](?:[\w'\u2019-]|\.(?=\w))*|de|del|la|es|el|al|of|da|do))*"
)


def _fold(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace(".", "").replace("\u2019", "'")).strip().lower()


@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], str]:
    """(folded name or demonym -> iso3, regex alternation of them), from the shipped world_countries table."""
    from claimkit.paths import REFERENCE

    path = REFERENCE / "world_countries.csv"
    names: dict[str, str] = {}
    raw: set[str] = set()
    if path.is_file():
        with open(path, encoding="utf-8", newline="") as fh:
            for r in csv.DictReader(fh):
                for n in [r["name"], r["iso_name"], *r["aliases"].split("|"), *r["demonyms"].split("|")]:
                    n = re.sub(r"^the ", "", n or "", flags=re.I)
                    if n:
                        names.setdefault(_fold(n), r["iso3"])
                        raw.add(n)
    alts = [re.escape(n).replace(r"\ ", r"\s+").replace(r"\.", r"\.?") for n in sorted(raw, key=len, reverse=True)]
    return names, r"(?i:(?:the\s+)?(?:" + "|".join(alts) + r"))" if alts else r"(?!x)x"


@lru_cache(maxsize=1)
def currency_names() -> dict[str, set[str]]:
    """Folded currency name -> ISO 4217 codes: CLDR's English names (and their last word) + world_currency_names.tsv."""
    from babel import Locale

    out: dict[str, set[str]] = {}
    for code, name in Locale("en").currencies.items():
        if len(code) != 3:
            continue
        for n in {name, name.split()[-1]}:
            out.setdefault(_fold(n), set()).add(code)
    for r in lexicon_table("world_currency_names.tsv"):
        out.setdefault(_fold(r["name"]), set()).update(c for c in r["codes"].split("|") if c)
    return out


@lru_cache(maxsize=1)
def _frames() -> list[tuple[str, re.Pattern]]:
    _, country = _countries()
    money = sorted(currency_names(), key=len, reverse=True)
    money_alt = r"(?i:the\s+)?(?i:" + "|".join(re.escape(n).replace(r"\ ", r"\s+") + "s?" for n in money) + r")"
    out = []
    for r in lexicon_table("world_statement_frames.tsv"):
        pat = re.escape(r["frame"]).replace(r"\ ", r"\s+")
        pat = pat.replace(r"\{C\}", f"(?P<c>{country})")
        pat = pat.replace(r"\{X\}", f"(?P<x>{_CITY if r['kind'] == 'capital' else money_alt})")
        pat = pat.replace("'s", "(?:'s|\u2019s)")
        out.append((r["kind"], re.compile(r"(?<![\w])" + pat + r"(?![\w])")))
    return out


@extractor("world_facts")
def extract_world_facts(doc: Document) -> Iterable[Finding]:
    from claimkit.checkworthiness import prior

    if not _TRIGGER.search(doc.text):
        return
    names, _ = _countries()
    when = doc.published.isoformat() if doc.published else None
    seen: list[tuple[str, int, int]] = []
    for s, e in doc.sentences or [(0, len(doc.text))]:
        sentence = doc.text[s:e]
        if not _TRIGGER.search(sentence):
            continue
        matches = [(kind, m) for kind, rx in _frames() for m in rx.finditer(sentence)]
        for kind, m in sorted(matches, key=lambda km: km[1].start() - km[1].end()):  # longest first
            c = re.sub(r"^the\s+", "", m.group("c"), flags=re.I).rstrip(".")
            iso3 = names.get(_fold(c))
            x = m.group("x")
            if kind == "capital" and x.lower().startswith("the "):
                continue
            key = (kind, s + m.start(), s + m.end())
            if iso3 is None or any(k == kind and a <= key[1] and key[2] <= b for k, a, b in seen):
                continue  # one statement, one claim: a shorter frame inside a longer one adds nothing
            seen.append(key)
            yield Finding(
                kind=kind,
                start=s + m.start(),
                end=s + m.end(),
                subject=c,
                date=when,
                weight=prior(kind),
                extra={"country": iso3, "said": x.strip(), "country_as_written": c},
            )
