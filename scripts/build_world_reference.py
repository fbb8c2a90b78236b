"""Rebuild the world reference tables in data/reference/ from their named sources.

    python scripts/build_world_reference.py \
        --population population.csv --gdp gdp.csv \
        --legislators legislators-current.yaml --executive executive.yaml

Sources (each table's sidecar names them again, with its licence and as-of dates):

- world_countries: pycountry (ISO 3166-1 names and codes) + scripts/world/curated/countries.tsv
  (news names, aliases, demonyms, capitals; CIA World Factbook, field "Capital").
- world_figures: the World Bank series SP.POP.TOTL and NY.GDP.MKTP.CD as packaged by the
  GitHub repositories datasets/population (data/population.csv) and datasets/gdp (data/gdp.csv).
- world_organisations + world_memberships: scripts/world/curated/organisations.tsv and
  memberships.tsv, plus the NATO and OSCE rows of data/reference/nato_member_states.csv and
  osce_participating_states.csv.
- world_offices: scripts/world/curated/offices.tsv (+ office_sources.tsv for each row's source),
  executive.yaml (US presidents and vice presidents) and legislators-current.yaml (members of
  Congress and all their terms) of the GitHub repository unitedstates/congress-legislators.

Options ``--*-git DIR`` read the same files from a git directory's HEAD instead (the form the
repositories arrive in on a machine without a network), and record that commit's date as the
source's as-of date. Nothing is downloaded.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CURATED = ROOT / "scripts" / "world" / "curated"
OUT = ROOT / "data" / "reference"
RETRIEVED = date.today().isoformat()
CC0_COMPILATION = "CC0-1.0 for this compilation of facts; the source pages remain under their publishers' terms of use"


# ---------------------------------------------------------------- reading sources


def read_tsv(path: Path) -> list[dict]:
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


class Source:
    """A source file read from disk or from a git directory's HEAD; ``as_of`` is the commit's date (or the file's)."""

    def __init__(self, path: str | None, git: str | None, inside: str):
        self.path, self.git, self.inside = path, git, inside

    def text(self) -> str:
        if self.git:
            return subprocess.run(
                ["git", "--git-dir", self.git, "show", f"HEAD:{self.inside}"],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        return Path(self.path).read_text(encoding="utf-8")

    @property
    def as_of(self) -> str:
        if self.git:
            out = subprocess.run(
                ["git", "--git-dir", self.git, "log", "-1", "--format=%cs"], check=True, capture_output=True, text=True
            ).stdout.strip()
            return out
        return date.fromtimestamp(Path(self.path).stat().st_mtime).isoformat()

    @property
    def commit(self) -> str | None:
        if not self.git:
            return None
        return subprocess.run(
            ["git", "--git-dir", self.git, "rev-parse", "HEAD"], check=True, capture_output=True, text=True
        ).stdout.strip()

    def available(self) -> bool:
        return bool(self.git or (self.path and Path(self.path).is_file()))


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def write_table(name: str, rows: list[dict], meta: dict) -> None:
    cols = list(meta["columns"])
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=cols, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({c: ("" if r.get(c) is None else r.get(c)) for c in cols})
    ids = [r["id"] for r in rows]
    if len(ids) != len(set(ids)):
        dup = sorted({i for i in ids if ids.count(i) > 1})[:5]
        raise SystemExit(f"{name}: duplicate ids {dup}")
    (OUT / f"{name}.csv").write_text(buf.getvalue(), encoding="utf-8")
    (OUT / f"{name}.meta.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"{name}: {len(rows)} rows", file=sys.stderr)


def col(description: str, type_: str = "string") -> dict:
    return {"type": type_, "description": description}


ROW_COLS = {
    "source_name": col("the source this row was compiled from"),
    "source_url": col("where that source is published"),
}


# ---------------------------------------------------------------- countries


def build_countries() -> dict[str, dict]:
    import pycountry

    curated = {r["iso3"]: r for r in read_tsv(CURATED / "countries.tsv")}
    factbook = "https://www.cia.gov/the-world-factbook/field/capital/"
    rows = []
    for iso3, c in curated.items():
        pc = pycountry.countries.get(alpha_3=iso3)
        iso_name = pc.name if pc else c["news_name"]
        names = [c["news_name"], iso_name, getattr(pc, "common_name", None), getattr(pc, "official_name", None)]
        names += [a for a in c["aliases"].split("|") if a]
        aliases = []
        for n in names:
            if n and n not in aliases and n != c["news_name"]:
                aliases.append(n)
        rows.append(
            {
                "id": f"country-{iso3}",
                "iso3": iso3,
                "iso2": pc.alpha_2 if pc else "",
                "numeric": pc.numeric if pc else "",
                "name": c["news_name"],
                "iso_name": iso_name,
                "aliases": "|".join(aliases),
                "demonyms": c["demonyms"],
                "capital": c["capital"],
                "capital_aliases": c["capital_aliases"],
                "source_name": "ISO 3166-1 via pycountry; capital: CIA World Factbook, field 'Capital'"
                if c["capital"]
                else "ISO 3166-1 via pycountry",
                "source_url": factbook if c["capital"] else "https://www.iso.org/iso-3166-country-codes.html",
                "note": ""
                if c["capital"] or iso3 not in ("ISR", "PSE")
                else "capital disputed: not recorded, so no capital claim is decided",
            }
        )
    meta = {
        "table": "world_countries",
        "title": "Countries: ISO codes, the names news uses for them, demonyms and capitals",
        "description": (
            "One row per sovereign state (UN members and observers, Kosovo, Taiwan). 'name' is the short name news "
            "uses; 'aliases' every other way a story may write it (ISO name, official name, 'the U.S.', 'Britain', "
            "'Ivory Coast'), separated by |. 'capital' is the capital as the CIA World Factbook gives it; "
            "'capital_aliases' other spellings or co-capitals (Bolivia: Sucre; South Africa: Cape Town, "
            "Bloemfontein). Israel's and Palestine's capitals are disputed and left empty."
        ),
        "source_name": f"pycountry {pycountry_version()} (ISO 3166-1); CIA World Factbook; news usage curated in scripts/world/curated/countries.tsv",
        "source_url": factbook,
        "retrieved": RETRIEVED,
        "licence": (
            "ISO 3166 codes and names from pycountry's data (the package is LGPL-2.1; the ISO code lists are "
            "facts); World Factbook is public domain (US government work); the curated aliases are CC0-1.0. "
            "Nothing here is share-alike data."
        ),
        "compiled": "Built by scripts/build_world_reference.py from pycountry and scripts/world/curated/countries.tsv; no live download.",
        "coverage": {
            "from": "2020-01-01",
            "to": "2025-06-30",
            "of": "capitals (a capital claim dated outside this span stays unverified)",
        },
        "as_of_column": None,
        "key": ["iso3"],
        "columns": {
            "id": col("row id, cited by verdicts"),
            "iso3": col("ISO 3166-1 alpha-3 (XKX: Kosovo, user-assigned)"),
            "iso2": col("ISO 3166-1 alpha-2"),
            "numeric": col("ISO 3166-1 numeric"),
            "name": col("the name news uses"),
            "iso_name": col("the ISO 3166-1 short name"),
            "aliases": col("other names, separated by |"),
            "demonyms": col("adjectives and demonyms, separated by |"),
            "capital": col("the capital"),
            "capital_aliases": col("other spellings, former names, co-capitals, separated by |"),
            **ROW_COLS,
            "note": col("what needs saying"),
        },
        "check": {"kind": "world_country"},
    }
    write_table("world_countries", rows, meta)
    return {r["iso3"]: r for r in rows}


def pycountry_version() -> str:
    from importlib.metadata import version

    return version("pycountry")


# ---------------------------------------------------------------- population and GDP


def build_figures(population: Source, gdp: Source, countries: dict[str, dict], since: int) -> None:
    series = [
        (
            "population",
            "SP.POP.TOTL",
            population,
            "people",
            "https://data.worldbank.org/indicator/SP.POP.TOTL",
            "datasets/population",
            "https://github.com/datasets/population",
        ),
        (
            "gdp",
            "NY.GDP.MKTP.CD",
            gdp,
            "USD",
            "https://data.worldbank.org/indicator/NY.GDP.MKTP.CD",
            "datasets/gdp",
            "https://github.com/datasets/gdp",
        ),
    ]
    rows, coverage = [], {}
    for indicator, code, src, unit, wb_url, _repo, repo_url in series:
        years = []
        for r in csv.DictReader(io.StringIO(src.text())):
            iso3, year = r["Country Code"], int(r["Year"])
            if iso3 not in countries or year < since or not r["Value"]:
                continue
            value = float(r["Value"])
            rows.append(
                {
                    "id": f"{indicator}-{iso3}-{year}",
                    "iso3": iso3,
                    "country": countries[iso3]["name"],
                    "indicator": indicator,
                    "year": year,
                    "as_of": f"{year}-07-01" if indicator == "population" else f"{year}-12-31",
                    "value": round(value),
                    "unit": unit,
                    "source_name": f"World Bank {code}",
                    "source_url": wb_url,
                }
            )
            years.append(year)
        coverage[indicator] = {
            "years": [min(years), max(years)],
            "source_as_of": src.as_of,
            "repository": repo_url,
            "commit": src.commit,
            "indicator": code,
        }
    meta = {
        "table": "world_figures",
        "title": "Population and GDP (current US$) by country and year, World Bank",
        "description": (
            "World Development Indicators SP.POP.TOTL (total population, mid-year estimate) and NY.GDP.MKTP.CD "
            "(GDP in current US dollars), one row per country, indicator and year. A claim is compared with the "
            "latest year at or before the claim's date; a claim about a year the table lacks, or dated more than "
            "two years after its last year, stays unverified."
        ),
        "source_name": "World Bank, World Development Indicators (via the datasets/population and datasets/gdp packages)",
        "source_url": "https://data.worldbank.org/indicator/SP.POP.TOTL",
        "retrieved": RETRIEVED,
        "licence": (
            "World Bank data: CC BY 4.0 (attribution: 'The World Bank: World Development Indicators'); the "
            "datasets/* packaging: ODC-PDDL-1.0. CC BY asks for attribution only, not share-alike: keep the "
            "attribution with the data."
        ),
        "compiled": (
            "Built by scripts/build_world_reference.py from data/population.csv and data/gdp.csv of the named "
            f"repositories (years {since} on, countries of world_countries only); no live download."
        ),
        "coverage": {
            "from": f"{since}-01-01",
            "to": f"{max(c['years'][1] for c in coverage.values())}-12-31",
            "complete": True,
            "note": "years per indicator below; a claim is compared with the latest years at or before its date, up to max_lag_years after the last one",
            **coverage,
        },
        "as_of_column": "as_of",
        "key": ["iso3", "indicator", "year"],
        "columns": {
            "id": col("row id, cited by verdicts"),
            "iso3": col("ISO 3166-1 alpha-3"),
            "country": col("the country's news name"),
            "indicator": col("population or gdp"),
            "year": col("the year the figure is for", "integer"),
            "as_of": col(
                "the date the figure describes (population: mid-year estimate, 1 July; GDP: the year's end)", "date"
            ),
            "value": col("the figure (people; US dollars, current prices)", "number"),
            "unit": col("people or USD"),
            **ROW_COLS,
        },
        "check": {"kind": "world_figure", "max_lag_years": 2, "value": "value"},
    }
    write_table("world_figures", rows, meta)


# ---------------------------------------------------------------- memberships


def build_memberships(countries: dict[str, dict]) -> None:
    orgs = read_tsv(CURATED / "organisations.tsv")
    extra_names = {"EUU": "European Union", "AFU": "African Union", "ESH": "Sahrawi Arab Democratic Republic"}
    former = {
        "german democratic republic": "DDR",
        "czechoslovakia": "CSK",
        "socialist federal republic of yugoslavia": "YUG",
    }  # ISO 3166-3 codes of states that no longer exist
    by_name = {}
    for iso3, c in countries.items():
        for n in [c["name"], c["iso_name"], *c["aliases"].split("|")]:
            if n:
                by_name[n.lower()] = iso3
    rows = []
    org_rows = []
    for o in orgs:
        org_rows.append(
            {
                "id": f"org-{o['key']}",
                "organisation": o["key"],
                "name": o["name"],
                "aliases": o["aliases"],
                "context_aliases": o["context_aliases"],
                "member_nouns": o["member_nouns"],
                "coverage_from": o["coverage_from"],
                "coverage_to": o["coverage_to"],
                "source_name": o["source_name"],
                "source_url": o["source_url"],
            }
        )
        if o["rows_from"]:  # NATO, OSCE: the existing curated tables are the source
            with open(OUT / o["rows_from"], encoding="utf-8") as fh:
                for r in csv.DictReader(fh):
                    iso3 = by_name.get(r["state"].lower()) or {"türkiye": "TUR", "holy see": "VAT"}.get(
                        r["state"].lower()
                    )
                    if iso3 is None:
                        iso3 = former.get(r["state"].lower(), "")
                    until = ""
                    if r.get("departed"):
                        until = date.fromordinal(date.fromisoformat(r["departed"]).toordinal() - 1).isoformat()
                    rows.append(
                        {
                            "id": f"member-{o['key'].lower()}-{slug(r['state'])}",
                            "organisation": o["key"],
                            "iso3": iso3,
                            "member": r["state"],
                            "joined": r["joined"],
                            "until": until,
                            "source_name": r["source_name"],
                            "source_url": r["source_url"],
                            "note": r.get("note", ""),
                        }
                    )
    for r in read_tsv(CURATED / "memberships.tsv"):
        o = next(x for x in orgs if x["key"] == r["organisation"])
        name = countries[r["iso3"]]["name"] if r["iso3"] in countries else extra_names[r["iso3"]]
        rows.append(
            {
                "id": f"member-{r['organisation'].lower()}-{r['iso3'].lower()}",
                "organisation": r["organisation"],
                "iso3": r["iso3"],
                "member": name,
                "joined": r["joined"],
                "until": r["until"],
                "source_name": o["source_name"],
                "source_url": o["source_url"],
                "note": r["note"]
                or ("" if r["joined"] else f"a member before {o['coverage_from']} (date of joining not recorded here)"),
            }
        )
    missing = [r["member"] for r in rows if not r["iso3"]]
    if missing:
        raise SystemExit(f"memberships: no ISO code for {missing}")
    common = {
        "retrieved": RETRIEVED,
        "licence": CC0_COMPILATION,
        "compiled": (
            "Compiled by hand from each organisation's official member list (see each row); built by "
            "scripts/build_world_reference.py from scripts/world/curated/organisations.tsv and memberships.tsv "
            "(NATO and OSCE rows from nato_member_states.csv and osce_participating_states.csv); no live download."
        ),
    }
    write_table(
        "world_organisations",
        org_rows,
        {
            "table": "world_organisations",
            "title": "Organisations whose members are counted, with the span their member lists cover",
            "description": (
                "One row per organisation: the names a story uses for it, the nouns it uses for its members "
                "('allies', 'member states'), and the span of dates over which world_memberships lists its members "
                "completely (coverage_from to coverage_to). A member count claimed for a date outside that span "
                "stays unverified."
            ),
            "source_name": "Official member pages of each organisation; see each row",
            "source_url": "https://www.un.org/en/about-us/member-states",
            **common,
            "as_of_column": "coverage_to",
            "key": ["organisation"],
            "columns": {
                "id": col("row id"),
                "organisation": col("key"),
                "name": col("name"),
                "aliases": col("names news uses, separated by |"),
                "context_aliases": col(
                    "words that name it only in a story that names it elsewhere ('the bloc'), separated by |"
                ),
                "member_nouns": col("nouns for its members, separated by |"),
                "coverage_from": col("first date the member list is complete for", "date"),
                "coverage_to": col("last date the member list was compiled for", "date"),
                **ROW_COLS,
            },
            "check": {"kind": "world_organisation"},
        },
    )
    write_table(
        "world_memberships",
        rows,
        {
            "table": "world_memberships",
            "title": "Members of international organisations with their dates of joining and leaving",
            "description": (
                "One row per membership: the organisation (key of world_organisations), the member, the date it "
                "joined (empty: a member since before the organisation's coverage_from) and the last day of its "
                "membership (until; empty while it lasts). Counting the rows with joined <= D (or empty) and until "
                ">= D (or empty) gives the number of members on D, within the organisation's coverage."
            ),
            "source_name": "Official member pages of each organisation; see each row",
            "source_url": "https://www.un.org/en/about-us/member-states",
            **common,
            "as_of_column": "joined",
            "key": ["organisation", "member"],
            "coverage": {
                "from": min(o["coverage_from"] for o in orgs),
                "to": max(o["coverage_to"] for o in orgs),
                "complete": True,
                "note": "each organisation's own span is in world_organisations (coverage_from, coverage_to)",
            },
            "columns": {
                "id": col("row id, cited by verdicts"),
                "organisation": col("key of world_organisations"),
                "iso3": col("ISO 3166-1 alpha-3 (EUU, AFU: the EU and the AU)"),
                "member": col("the member's news name"),
                "joined": col("date it became a member (empty: before coverage_from)", "date"),
                "until": col("last day of membership (empty while it lasts)", "date"),
                **ROW_COLS,
                "note": col("what needs saying"),
            },
            "check": {"kind": "world_membership", "organisations": "world_organisations"},
        },
    )


# ---------------------------------------------------------------- office holders

SERIES = {
    "executive": {
        "from": "2012-01-01",
        "to": "2025-06-30",
        "roles": [
            "president",
            "prime-minister",
            "chancellor",
            "foreign-minister",
            "king",
            "queen",
            "emperor",
            "commission-president",
            "council-president",
            "ecb-president",
            "parliament-president",
            "secretary-general",
        ],
        "what": (
            "heads of state and government and foreign ministers of the G20 countries and the EU, the UN and NATO "
            "Secretaries-General, and the other offices of the people listed (curated)"
        ),
    },
    "world-leaders": {
        "from": "2014-01-01",
        "to": "2025-06-30",
        "roles": ["president", "prime-minister"],
        "what": "presidents and prime ministers of Ukraine, Israel, Iran, Belarus, Hungary and Poland (curated; their other offices are not listed)",
    },
    "us-executive": {
        "from": "1789-04-30",
        "to": None,
        "roles": ["president", "vice-president"],
        "what": "US presidents and vice presidents (unitedstates/congress-legislators executive.yaml)",
    },
    "us-leadership": {
        "from": "2000-01-01",
        "to": "2025-06-30",
        "roles": ["speaker", "senate-majority-leader"],
        "what": "Speakers of the House and Senate Majority Leaders (curated)",
    },
    "congress": {
        "from": "1789-03-04",
        "to": None,
        "roles": ["senator", "representative"],
        "what": (
            "every term of the members of Congress serving when the data was retrieved "
            "(unitedstates/congress-legislators legislators-current.yaml); former members are not listed"
        ),
    },
}


def _full_name(n: dict) -> str:
    if n.get("official_full"):
        return n["official_full"]
    return " ".join(x for x in (n.get("first"), n.get("middle"), n.get("last"), n.get("suffix")) if x)


def _aliases(n: dict) -> str:
    out = []
    first = n.get("nickname") or n.get("first")
    for cand in (
        f"{n.get('first')} {n.get('last')}",
        f"{first} {n.get('last')}",
        f"{first} {n.get('last')} {n.get('suffix') or ''}".strip(),
    ):
        if cand not in out and cand != _full_name(n):
            out.append(cand)
    return "|".join(out)


def build_offices(executive: Source, legislators: Source) -> None:
    import yaml

    sources = {(r["country"], r["role"]): r for r in read_tsv(CURATED / "office_sources.tsv")}
    rows = []
    for r in read_tsv(CURATED / "offices.tsv"):
        s = sources[(r["country"], r["role"])]
        rows.append(
            {
                "id": f"office-{slug(r['person'])}-{r['role']}-{r['country'].lower()}-{r['start']}",
                "person": r["person"],
                "aliases": r["aliases"],
                "role": r["role"],
                "title": r["title"],
                "country": r["country"],
                "start": r["start"],
                "end": r["end"],
                "series": r["series"],
                "source_name": s["source_name"],
                "source_url": s["source_url"],
                "note": r["note"],
            }
        )
    series = {k: dict(v) for k, v in SERIES.items()}
    repo_url = "https://github.com/unitedstates/congress-legislators"
    if executive.available():
        for p in yaml.safe_load(executive.text()):
            for t in p["terms"]:
                role = {"prez": "president", "viceprez": "vice-president"}[t["type"]]
                rows.append(
                    {
                        "id": f"office-{p['id']['bioguide'].lower() if 'bioguide' in p['id'] else slug(_full_name(p['name']))}-{role}-usa-{t['start']}",
                        "person": _full_name(p["name"]),
                        "aliases": _aliases(p["name"]),
                        "role": role,
                        "title": "President of the United States"
                        if role == "president"
                        else "Vice President of the United States",
                        "country": "USA",
                        "start": t["start"],
                        "end": t["end"],
                        "party": t.get("party", ""),
                        "series": "us-executive",
                        "source_name": "unitedstates/congress-legislators, executive.yaml",
                        "source_url": repo_url,
                        "note": t.get("how", ""),
                    }
                )
        series["us-executive"]["to"] = executive.as_of
    if legislators.available():
        for p in yaml.safe_load(legislators.text()):
            for t in p["terms"]:
                role = {"sen": "senator", "rep": "representative"}[t["type"]]
                where = t["state"] + (
                    f"-{t['district']}" if role == "representative" and t.get("district") not in (None, 0) else ""
                )
                rows.append(
                    {
                        "id": f"office-{p['id']['bioguide'].lower()}-{role}-{t['start']}",
                        "person": _full_name(p["name"]),
                        "aliases": _aliases(p["name"]),
                        "role": role,
                        "title": ("Senator" if role == "senator" else "Representative") + f" ({where})",
                        "country": "USA",
                        "state": t["state"],
                        "start": t["start"],
                        "end": t["end"],
                        "party": t.get("party", ""),
                        "series": "congress",
                        "source_name": "unitedstates/congress-legislators, legislators-current.yaml",
                        "source_url": repo_url,
                        "note": "",
                    }
                )
        series["congress"]["to"] = legislators.as_of
    write_table(
        "world_offices",
        rows,
        {
            "table": "world_offices",
            "title": "Office holders with their dates: G20 heads of state and government, foreign ministers, the US executive and Congress",
            "description": (
                "One row per person, office and term. 'role' is claimkit's key for the office "
                "(claimkit/lexicon/world_titles.tsv maps written titles to it); 'country' an ISO alpha-3 code or "
                "an organisation (EU, UN, NATO). 'series' says which coverage the row belongs to (check.series): "
                "within a series' span and roles, the people listed in it have all their terms of those roles "
                "listed, so a title they did not hold on a date can be contradicted; outside it a claim stays "
                "unverified. Dates are the first and last day in office (end empty: still in office at the series' "
                "end)."
            ),
            "source_name": "Official lists of office holders (see each row); unitedstates/congress-legislators (executive.yaml, legislators-current.yaml)",
            "source_url": repo_url,
            "retrieved": RETRIEVED,
            "licence": "congress-legislators data: CC0-1.0 (public domain dedication); curated rows: "
            + CC0_COMPILATION,
            "compiled": (
                "Built by scripts/build_world_reference.py from scripts/world/curated/offices.tsv (compiled by "
                "hand; each row's source is the official list of that office's holders) and the "
                "congress-legislators YAML files; no live download. Check a row against its source before "
                "publishing a verdict that rests on it."
            ),
            "as_of_column": "start",
            "key": ["person", "role", "country", "start"],
            "coverage": {
                "from": "2012-01-01",
                "to": "2025-06-30",
                "complete": False,
                "note": (
                    "each series has its own span and roles (check.series); a title is denied only inside the span "
                    "of a series that lists it and the person"
                ),
            },
            "columns": {
                "id": col("row id, cited by verdicts"),
                "person": col("full name"),
                "aliases": col("other ways news writes the name, separated by |"),
                "role": col("claimkit's key for the office"),
                "title": col("the title as the office's own source gives it"),
                "country": col("ISO 3166-1 alpha-3, or EU / UN / NATO"),
                "state": col("US state (Congress)"),
                "start": col("first day in office", "date"),
                "end": col("last day in office (empty: in office at coverage end)", "date"),
                "party": col("party (US)"),
                "series": col("coverage series (check.series)"),
                **ROW_COLS,
                "note": col("what needs saying"),
            },
            "check": {"kind": "world_office", "series": series},
        },
    )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    for name, inside in (
        ("population", "data/population.csv"),
        ("gdp", "data/gdp.csv"),
        ("legislators", "legislators-current.yaml"),
        ("executive", "executive.yaml"),
    ):
        ap.add_argument(f"--{name}", help=f"path to {inside}")
        ap.add_argument(f"--{name}-git", help=f"a git directory whose HEAD holds {inside}")
    ap.add_argument("--since", type=int, default=2000, help="first year of population and GDP kept (default 2000)")
    a = ap.parse_args(argv)

    def src(name: str, inside: str) -> Source:
        return Source(getattr(a, name), getattr(a, f"{name.replace('-', '_')}_git"), inside)

    countries = build_countries()
    pop, gdp = src("population", "data/population.csv"), src("gdp", "data/gdp.csv")
    if pop.available() and gdp.available():
        build_figures(pop, gdp, countries, a.since)
    else:
        print("world_figures: skipped (give --population and --gdp)", file=sys.stderr)
    build_memberships(countries)
    build_offices(src("executive", "executive.yaml"), src("legislators", "legislators-current.yaml"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
