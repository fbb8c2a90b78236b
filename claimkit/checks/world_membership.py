"""World check: how many members an organisation has on a date ("the 27-member European Union",
"NATO's 30 allies", "all 193 members of the UN") from ``world_memberships`` and
``world_organisations`` (check kinds ``world_membership``, ``world_organisation``).

The count is read only in the frames a story states an organisation's size in (the frames are
``claimkit/lexicon/world_count_frames.tsv``), so "12 NATO allies signed" (some of them) is not
taken for the size of NATO. A date outside the organisation's coverage stays unverified; a
count that held at another time is ``contradicted`` on this date, the note saying when it held.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from claimkit.checks import Check, CheckContext, claim_check, unverified
from claimkit.checks._fields import claim_interval, fmt, fmt_interval, text, where
from claimkit.checks._world import as_day, cached, figure_end, fold, in_span, rows_of, span_text, table_of_kind
from claimkit.lexicon import table as lexicon_table
from claimkit.lexicon import words as lexicon_words

NEAR_CHANGE_DAYS = 7  # a count denied this close to a change of membership may describe either side of it
_PH = "\u00a7N\u00a7"  # the claim's figure, replaced in its sentence


def _alias_pattern(aliases: list[str]) -> str:
    alts = []
    for a in sorted(set(aliases), key=len, reverse=True):
        bare = re.sub(r"^the ", "", a, flags=re.I)
        esc = re.escape(bare).replace(r"\.", r"\.?")
        alts.append(esc if bare.replace(".", "").isupper() and len(bare.replace(".", "")) <= 4 else f"(?i:{esc})")
    return r"(?:(?i:the)\s+)?(?:" + "|".join(alts) + r")(?![\w+])"  # "OPEC+" is not OPEC


def organisations(store):
    t = table_of_kind(store, "world_organisation")
    if t is None:
        return None

    def build(rows):
        orgs = {}
        for r in rows:
            aliases = [a for a in [r["name"], *(r["aliases"] or "").split("|")] if a]
            context = [a for a in (r.get("context_aliases") or "").split("|") if a]
            orgs[r["organisation"]] = {
                **r,
                "always": _alias_pattern(aliases),
                "context": _alias_pattern(context) if context else None,
                "context_words": [fold(a) for a in context],
                "nouns": sorted({fold(n) for n in (r["member_nouns"] or "").split("|") if n}, key=len, reverse=True),
            }
        return orgs

    return cached(store, t.name, "orgs", build)


@lru_cache(maxsize=1)
def _frames() -> tuple[str, ...]:
    return tuple(r["frame"] for r in lexicon_table("world_count_frames.tsv"))


def _fewer_is_part(frame: str) -> bool:
    """Whether a figure below the membership may, in this frame, name some members ("the two NATO members")."""
    return any(
        r["frame"] == frame and (r.get("fewer") or "size") == "part" for r in lexicon_table("world_count_frames.tsv")
    )


@lru_cache(maxsize=4096)
def _compile(frame: str, org: str, noun: str) -> re.Pattern:
    parts = []
    for piece in re.split(r"(\{N\}|\{ORG\}|\{NOUN\}|\s+)", frame):
        if not piece:
            continue
        if piece.isspace():
            parts.append(r"\s+")
        elif piece == "{N}":
            parts.append(re.escape(_PH))
        elif piece == "{ORG}":  # not the start of a longer name: "the 15-member UN Security Council" is not the UN
            parts.append(rf"(?:{org})(?!\s+(?!(?:{noun})\b)[A-Z][a-z])")
        elif piece == "{NOUN}":
            parts.append(f"(?:{noun})")
        else:
            parts.append(f"(?i:{re.escape(piece)})")  # the frame's own words in any case ("All 27 EU countries")
    pat = "".join(parts)
    after = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in lexicon_words("world_count_restrictors.txt"))
    return re.compile(r"(?<![\w])" + pat + rf"(?![\w])(?!\s+(?:{after})\b)")


def members_on(store, org: str, on: date) -> list[dict]:
    t = table_of_kind(store, "world_membership")

    def build(rows):
        by = {}
        for r in rows:
            by.setdefault(r["organisation"], []).append((as_day(r["joined"]), as_day(r["until"]), r))
        return by

    by = cached(store, t.name, "by-org", build)
    return [r for j, u, r in by.get(org, []) if (j is None or j <= on) and (u is None or u >= on)]


def history(store, org: str, span) -> list[tuple[date, int]]:
    t = table_of_kind(store, "world_membership")
    days = set()
    for r in rows_of(store, t.name):
        if r["organisation"] == org:
            if r["joined"]:
                days.add(as_day(r["joined"]))
            if r["until"]:
                days.add(date.fromordinal(as_day(r["until"]).toordinal() + 1))
    days = sorted(d for d in days if in_span(d, span)) or []
    if span[0] and (not days or days[0] != span[0]):
        days.insert(0, span[0])
    return [(d, len(members_on(store, org, d))) for d in days]


def states_size(claim: dict, store, story: str | None = None, members: int | None = None) -> bool:
    """Whether the claim's figure is written as the whole size of an organisation of world_organisations.

    ``members``: the body's count on the claim's date; a figure below it in a frame that may name some of the
    members ("the two NATO members") is not a size."""
    found = find_count(claim, CheckContext(text=story, _store=store))
    if found is None:
        return False
    iv = claim_interval(claim)
    return not (members is not None and iv is not None and iv[1] < members and _fewer_is_part(found[1]))


def find_count(claim: dict, ctx: CheckContext):
    """(organisation key, the frame that matched) when the claim's figure states the size of an organisation."""
    orgs = organisations(ctx.store)
    if not orgs:
        return None
    sentence, at = where(claim)
    span = text(claim.get("span"))
    if not sentence or at is None or not span:
        return None
    cut = figure_end(span)
    if cut == 0:
        return None
    placed = sentence[: at[0]] + _PH + sentence[at[0] + cut :]  # the counted noun and any name stay in the text
    story = ctx.text or " ".join(dict.fromkeys(text(c.get("sentence")) or "" for c in ctx.claims)) or sentence
    for key, o in orgs.items():
        names = o["always"]
        if o["context"] and re.search(o["always"], story):
            shared = {
                k
                for k, other in orgs.items()
                if k != key
                and set(other["context_words"]) & set(o["context_words"])
                and re.search(other["always"], story)
            }
            if not shared:  # "the bloc" is the EU only when no other bloc is named in the story
                names = f"(?:{o['always']}|{o['context']})"
        if not re.search(names, sentence):
            continue
        nouns = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in o["nouns"])
        nouns = f"(?i:{nouns})"
        for frame in _frames():
            rx = _compile(frame, names, nouns)
            if rx.search(placed):
                return key, frame
    return None


def check_world_membership(claim: dict, ctx: CheckContext) -> Check | None:
    store = ctx.store
    tm = table_of_kind(store, "world_membership")
    if tm is None or claim_interval(claim) is None:
        return None
    found = find_count(claim, ctx)
    if found is None:
        return None
    key, frame = found
    if any(t.check.get("organisation") == key for t in store.of_kind("membership")):
        from claimkit.checks._counts import counting_table

        own, _ = counting_table(claim, ctx)
        if own is not None and own.check.get("organisation") == key:
            return None  # the body's own membership table counts this figure (reference.membership): one count, not two
    org = organisations(store)[key]
    on, why = ctx.dated(claim)
    span = (as_day(org["coverage_from"]), as_day(org["coverage_to"]))
    if on is None:
        return unverified(
            f"the size of the {org['name']} depends on the date and neither the claim nor the article gives one",
            table=tm.name,
        )
    if not in_span(on, span):
        return unverified(
            f"{tm.name} lists the members of the {org['name']} from {span_text(span)}; {on} ({why}) is outside it",
            table=tm.name,
        )
    members = members_on(store, key, on)
    n = len(members)
    iv = claim_interval(claim)
    ids = [r["id"] for r in members]
    expected = f"{n} members of the {org['name']} on {on}"
    sources = sorted({r["source_url"] for r in members})
    sql = (
        f"SELECT id, member FROM {tm.name} WHERE organisation = '{key}' AND (joined IS NULL OR joined <= DATE '{on}') "
        f"AND (until IS NULL OR until >= DATE '{on}') ORDER BY id"
    )
    if iv[0] <= n <= iv[1]:
        return Check(
            "supported",
            evidence_ids=ids,
            expected=expected,
            query=sql,
            table=tm.name,
            sources=sources,
            note=f"The {org['name']} had {n} members on {on} ({why}); the story says {fmt_interval(iv)}.",
        )
    if iv[1] < n and _fewer_is_part(frame):
        return unverified(
            f"{fmt_interval(iv)} is fewer than the {n} members the {org['name']} had on {on} ({why}), and "
            f"'{frame}' may name some of them",
            table=tm.name,
            query=sql,
            expected=expected,
        )
    hist = history(store, key, span)
    near = [(d, k) for d, k in hist if d != span[0] and abs((d - on).days) <= NEAR_CHANGE_DAYS]
    near += [
        (d, len(members_on(store, key, d)))
        for d in (on - timedelta(days=NEAR_CHANGE_DAYS), on + timedelta(days=NEAR_CHANGE_DAYS))
        if in_span(d, span)
    ]
    matched = [(d, k) for d, k in near if iv[0] <= k <= iv[1]]
    if matched:  # the claimed size held within days of the date: a story around the change may count either side of it
        return unverified(
            f"the {org['name']} had {fmt(matched[0][1])} members on {matched[0][0]}, within {NEAR_CHANGE_DAYS} days of {on} ({why}); "
            f"on {on} it had {n}",
            table=tm.name,
            query=sql,
            expected=expected,
        )
    held = [(d, k) for d, k in hist if iv[0] <= k <= iv[1]]
    when = ""
    if held:
        hist = history(store, key, span)
        d, k = held[-1]
        later = [x for x, _ in hist if x > d]
        when = (
            f" {fmt(k)} was its count from {d}"
            + (f" to {date.fromordinal(later[0].toordinal() - 1)}" if later else "")
            + "."
        )
    return Check(
        "contradicted",
        evidence_ids=ids,
        expected=expected,
        query=sql,
        table=tm.name,
        sources=sources,
        note=f"The {org['name']} had {n} members on {on} ({why}), not {fmt_interval(iv)}.{when}",
    )


@claim_check("world.membership", kinds=("quantity", "count"))
def world_membership(claim: dict, ctx: CheckContext) -> Check | None:
    return check_world_membership(claim, ctx)
