"""World check: a title with a person ("President Donald Trump", "Foreign Minister Annalena Baerbock")
against the dated office holders of ``world_offices`` (check kind ``world_office``).

The title is read with ``claimkit/lexicon/world_titles.tsv`` (written title -> role keys) and
``world_title_time.tsv`` ("former", "then-", "-elect"…); a country or body in the title ("German",
"U.S.", "NATO") narrows the office. The person is found by full name, alias or surname.

- a row of that person and office covering the claim's date: ``supported``;
- "former X": supported when the person's term of X ended before the date, else unverified;
- "then-X", "X-elect", "deputy…": not a claim of holding X on the date, so nothing is said;
- no such row: ``contradicted`` only when the date lies inside the coverage of a series that
  lists that office and lists this person (so the person's terms of it are all there), the title
  is one the tables can deny (``decisive``), and the name points to one person only; otherwise
  ``unverified`` with the coverage in the note.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import text
from claimkit.checks._world import as_day, cached, countries, fold, in_span, series_span, span_text, table_of_kind
from claimkit.lexicon import table as lexicon_table

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NEAR_CHANGE_DAYS = 7  # a title denied this close to a handover may describe either side of it: left unverified


@dataclass
class Title:
    roles: tuple[str, ...]
    scope: set[str]  # countries / bodies the title names or implies
    when: str  # now, before, after, other, acting
    decisive: bool
    written: str
    named: bool = False  # whether the written title itself names a country or body ("German Chancellor")
    party: str | None = None  # "Republican Sen." (US titles)
    state: str | None = None  # "Texas Sen." (US titles)


def _titles() -> dict[str, dict]:
    return {fold(r["title"]): r for r in lexicon_table("world_titles.tsv")}


def _time_words() -> dict[str, str]:
    return {fold(r["word"]): r["when"] for r in lexicon_table("world_title_time.tsv")}


_BODIES = {"eu": "EU", "european union": "EU", "un": "UN", "united nations": "UN", "nato": "NATO", "european": "EU"}
_OTHER_BODIES = {
    "oecd",
    "opec",
    "commonwealth",
    "wto",
    "imf",
    "who",
    "osce",
    "asean",
    "african union",
    "au",
    "arab league",
    "g7",
    "g20",
    "world bank",
    "interpol",
    "iaea",
    "council of europe",
    "party",
    "university",
    "company",
    "club",
    "federation",
}


def read_title(title: str, store) -> Title | None:
    """The roles, scope and time a written title claims; ``None`` when the tables know no such office."""
    scope: set[str] = set()
    cs = countries(store)
    raw = title.replace("\u2019", "'")
    if cs is not None:  # on the title as written: "US" is a country, "us" is not
        for iso3, s, e, _ in sorted(cs.find(raw), key=lambda h: -h[1]):
            scope.add(iso3)
            raw = raw[:s] + " " + re.sub(r"^'s?(?!\w)", "", raw[e:])
    party = state = None
    for r in lexicon_table("world_title_qualifiers.tsv"):  # "Republican Sen.", "Texas Sen."
        m = re.search(rf"(?<!\w){re.escape(r['word'])}(?!\w)", raw)
        if m:
            raw = raw[: m.start()] + " " + raw[m.end() :]
            party, state = (r["value"], state) if r["kind"] == "party" else (party, r["value"])
    words = fold(raw).replace("-", " - ").split()
    times = _time_words()
    when = "now"
    kept = []
    for i, w in enumerate(words):
        if w == "-":
            continue
        if w in times and times[w] != "other-office":
            when = {"now": when}.get(times[w], times[w])
            continue
        if i > 0 and words[i - 1] == "-" and ("-" + w) in times:
            when = times["-" + w]
            continue
        kept.append(w)
    phrase = re.sub(r"(?:^|\s)'s?(?=\s|$)", " ", " ".join(kept))
    phrase = re.sub(r"\s+", " ", re.sub(r"^(the|of)\b|\b(the|of the|of)$", "", phrase.strip())).strip()
    titles = _titles()
    if phrase in titles:
        row = titles[phrase]
    else:
        rest = phrase
        for body, key in sorted(_BODIES.items(), key=lambda kv: -len(kv[0])):
            if re.search(rf"(?<!\w){re.escape(body)}(?!\w)", rest) and not re.fullmatch(
                r".*european (commission|council|central bank|parliament).*", rest
            ):
                scope.add(key)
                rest = re.sub(rf"(?<!\w){re.escape(body)}(?!\w)", " ", rest)
        if any(re.search(rf"(?<!\w){re.escape(b)}(?!\w)", rest) for b in _OTHER_BODIES):
            return None  # the title names a body whose offices the tables do not hold
        rest = re.sub(r"\s+", " ", re.sub(r"\b(the|of)\b", " ", rest)).strip()
        row = titles.get(rest)
        if row is None:
            return None
    roles = tuple(r for r in row["roles"].split("|") if r)
    named = bool(scope)
    if row["scope"]:
        scope.add(row["scope"])
    return Title(
        roles=roles,
        scope=scope,
        when=when,
        decisive=row["decisive"] == "yes",
        written=title,
        named=named,
        party=party,
        state=state,
    )


def _time_before(claim: dict) -> str | None:
    """A time word written just before the claim's span ("then-President Trump": the extractor kept only "President")."""
    from claimkit.checks._fields import where

    sentence, at = where(claim)
    if not sentence or at is None:
        return None
    m = re.search(r"([A-Za-z]+)\s*-?\s*$", sentence[: at[0]])
    if not m:
        return None
    times = _time_words()
    word = fold(m.group(1))
    found = times.get(word) or times.get(word + "-")
    return found if found and found not in ("other-office", "now") else None


# ---------------------------------------------------------------- people


@dataclass
class People:
    rows_by_person: dict[str, list[dict]]
    full: dict[str, set[str]]  # folded full name or alias -> persons
    first_last: dict[tuple[str, str], set[str]]
    surname: dict[str, set[str]]  # last word of the person's own name -> persons
    alias_word: dict[str, set[str]]  # one-word aliases ("Lula", "Xi") -> persons


def _split(name: str) -> tuple[list[str], bool]:
    words = fold(name).replace(",", " ").split()
    has_suffix = bool(words) and words[-1] in _SUFFIXES
    return ([w for w in words if w not in _SUFFIXES], has_suffix)


def people(store, t) -> People:
    def build(rows):
        p = People(defaultdict(list), defaultdict(set), defaultdict(set), defaultdict(set), defaultdict(set))
        for r in rows:
            person = r["person"]
            p.rows_by_person[person].append(r)
            for n in [person, *(r["aliases"] or "").split("|")]:
                if not n:
                    continue
                words, _ = _split(n)
                if not words:
                    continue
                p.full[" ".join(words)].add(person)
                if len(words) == 1:
                    if n != person:
                        p.alias_word[words[0]].add(person)
                    continue
                p.first_last[(words[0], words[-1])].add(person)
            own, _ = _split(person)
            if own:
                p.surname[own[-1]].add(person)
                if len(own) >= 3:  # "Ursula von der Leyen": "von der Leyen"; "Lula da Silva"
                    for k in range(1, len(own) - 1):
                        if own[k] in ("von", "van", "de", "da", "di", "del", "der", "le", "la", "al", "bin"):
                            p.surname[" ".join(own[k:])].add(person)
                            break
        return p

    return cached(store, t.name, "people", build)


def match_person(name: str, p: People) -> tuple[set[str], bool]:
    """(persons the name may be, whether that match can deny a title: a full name, or a surname of one person only)."""
    words, suffix = _split(name)
    if not words:
        return set(), False
    key = " ".join(words)
    if key in p.full:
        found = p.full[key]
        if suffix:  # "Donald Trump Jr." is not "Donald Trump"
            found = {x for x in found if _split(x)[1]}
        return set(found), len(found) == 1
    if len(words) == 1 or key in p.surname:
        by_surname = p.surname.get(key, set())
        by_alias = p.alias_word.get(key, set())
        found = set(by_surname) | set(by_alias)
        return found, bool(by_surname) and not by_alias and len(by_surname) == 1
    found = p.first_last.get((words[0], words[-1]), set())
    if found:
        return set(found), len(found) == 1
    from rapidfuzz import fuzz, process

    best = process.extract(key, list(p.full), scorer=fuzz.ratio, score_cutoff=92, limit=3)
    found = set().union(*(p.full[b[0]] for b in best)) if best else set()
    return found, len(found) == 1


# ---------------------------------------------------------------- the check


def _holds(r: dict, on: date, spans: dict) -> str:
    """'yes' when row r covers date ``on``, 'no' when it does not, 'unknown' when it is open and ``on`` is past its series' end."""
    start, end = as_day(r["start"]), as_day(r["end"])
    if start and on < start:
        return "no"
    if end is not None:
        return "yes" if on <= end else "no"
    series_end = spans.get(r["series"], (None, None))[1]
    return "yes" if series_end is None or on <= series_end else "unknown"


def _describe(r: dict) -> str:
    where = r["country"] + (f", {r['party']}" if r.get("party") else "")
    return f"{r['person']}: {r['title']} ({where}) {r['start']} to {r['end'] or 'in office'}"


def check_world_office(claim: dict, ctx: CheckContext) -> Check | None:
    store = ctx.store
    t = table_of_kind(store, "world_office")
    if t is None:
        return None
    person, written = text(claim.get("speaker")), text(claim.get("subject"))
    if not person or not written:
        return None
    title = read_title(written, store)
    if title is None:
        return None
    before = _time_before(claim)
    if before and title.when == "now":
        title.when = before
    if title.when in ("after", "other"):
        return unverified(
            f"'{written}' does not claim that {person} held the office on the claim's date",
            table=t.name,
            check="world.office",
        )
    on, why = ctx.dated(claim)
    if on is None:
        return unverified(
            f"{person}'s offices change over time and neither the claim nor the article gives a date", table=t.name
        )
    spans = {name: series_span(spec, t.meta.get("retrieved")) for name, spec in t.check.get("series", {}).items()}
    p = people(store, t)
    found, can_deny = match_person(person, p)
    if not found:
        return unverified(f"no record of {person} in {t.name}", table=t.name)
    rows = [r for x in sorted(found) for r in p.rows_by_person[x]]
    names = ", ".join("'" + x.replace("'", "''") + "'" for x in sorted(found))
    sql = f'SELECT id, person, role, title, country, start, "end", series FROM {t.name} WHERE person IN ({names}) ORDER BY start'

    def fits(r) -> bool:
        return (
            r["role"] in title.roles
            and (not title.scope or r["country"] in title.scope)
            and (not title.party or r.get("party") == title.party)
            and (not title.state or r.get("state") == title.state)
        )

    sources = lambda rs: sorted({r["source_url"] for r in rs})  # noqa: E731 - a one-line helper local to this function
    same_office = [r for r in rows if fits(r)]
    if title.when == "before":
        done = [r for r in same_office if as_day(r["end"]) and as_day(r["end"]) < on]
        if done:
            return Check(
                "supported",
                evidence_ids=[r["id"] for r in done],
                expected="; ".join(_describe(r) for r in done),
                table=t.name,
                sources=sources(done),
                query=sql,
                note=f"'{written}': {done[-1]['person']} held the office until {done[-1]['end']}, before {on} ({why}).",
            )
        return unverified(f"no recorded term of {person} as '{written}' ended before {on}", table=t.name)
    holding = [r for r in same_office if _holds(r, on, spans) == "yes"]
    expected_rows = [r for r in rows if _holds(r, on, spans) == "yes"]
    if holding:
        return Check(
            "supported",
            evidence_ids=[r["id"] for r in holding],
            expected="; ".join(_describe(r) for r in holding),
            table=t.name,
            sources=sources(holding),
            query=sql,
            note=f"'{written} {person}': {holding[0]['person']} was {holding[0]['title']} on {on} ({why}).",
        )
    unknown = [r for r in same_office if _holds(r, on, spans) == "unknown"]
    if unknown:
        end = spans[unknown[0]["series"]][1]
        return unverified(
            f"{t.name} follows '{unknown[0]['title']}' up to {end}; {on} ({why}) is after that", table=t.name
        )
    # deny only inside the coverage of a series that lists this office and this person
    covering = [
        name
        for name, spec in t.check.get("series", {}).items()
        if set(title.roles) & set(spec.get("roles", [])) and any(r["series"] == name for r in rows)
    ]
    inside = [name for name in covering if in_span(on, spans[name])]
    if not covering:
        return unverified(f"{t.name} lists {', '.join(sorted(found))} but not their terms as '{written}'", table=t.name)
    if not inside:
        spans_said = "; ".join(f"{name}: {span_text(spans[name])}" for name in covering)
        return unverified(
            f"{on} ({why}) is outside the coverage of {t.name} for '{written}' ({spans_said})", table=t.name
        )
    if not title.decisive and not (title.named and title.scope & {r["country"] for r in rows}):
        return unverified(
            f"'{written}' may name an office {t.name} does not hold; {person}'s recorded offices on {on} do not include it",
            table=t.name,
        )
    near = [
        r
        for r in same_office
        if any(d and abs((d - on).days) <= NEAR_CHANGE_DAYS for d in (as_day(r["start"]), as_day(r["end"])))
    ]
    if (
        near
    ):  # the person took or left the office within days of the date: a story around a handover may speak of either side
        r = near[0]
        return unverified(
            f"{r['person']} held '{r['title']}' from {r['start']} to {r['end'] or 'in office'}, within {NEAR_CHANGE_DAYS} days of {on} ({why})",
            table=t.name,
            query=sql,
        )
    if not can_deny:
        return unverified(
            f"'{person}' may be any of {', '.join(sorted(found))} or someone the table does not list", table=t.name
        )
    who = sorted(found)[0]
    held = "; ".join(_describe(r) for r in expected_rows) or "no recorded office"
    others = [r for r in rows_of_office(store, t, title, on, spans) if r["person"] != who]
    said_other = (
        (
            "; on that date the office was held by "
            + "; ".join(f"{r['person']} ({r['title']}, {r['country']})" for r in others[:3])
        )
        if others and title.scope
        else ""
    )
    ids = [r["id"] for r in expected_rows + same_office] + [r["id"] for r in others[:3] if title.scope]
    return Check(
        "contradicted",
        evidence_ids=list(dict.fromkeys(ids)),
        expected=f"{who} on {on}: {held}{said_other}",
        table=t.name,
        sources=sources(expected_rows + same_office) or [t.meta.get("source_url")],
        query=sql,
        note=f"{who} did not hold the office of '{written}' on {on} ({why}); {t.name} lists every term of {who} in "
        f"that office from {span_text(spans[inside[0]])}: "
        + ("; ".join(_describe(r) for r in same_office) or "none")
        + ".",
    )


def rows_of_office(store, t, title: Title, on: date, spans: dict, *, any_date: bool = False) -> list[dict]:
    """Who held the titled office (in the title's country or body) on ``on``."""
    if not title.scope:
        return []

    def build(rows):
        by = defaultdict(list)
        for r in rows:
            by[(r["role"], r["country"])].append(r)
        return by

    by = cached(store, t.name, "by-office", build)
    out = []
    for role in title.roles:
        for c in title.scope:
            out += [r for r in by.get((role, c), []) if any_date or _holds(r, on, spans) == "yes"]
    return out


@claim_check("world.office", kinds=("role",))
def world_office(claim: dict, ctx: CheckContext) -> Check | None:
    return check_world_office(claim, ctx)
