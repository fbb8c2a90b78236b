"""Checks: the registry :func:`claimkit.verify` runs over a claims table.

A check is a function that looks at evidence and says what it shows about a claim. Adding one
is adding a module to this package (or a ``claimkit.checks`` entry point) with a decorated
function::

    from claimkit.checks import claim_check, article_check, Check, CheckContext

    @claim_check("reference.membership", kinds=("quantity",))
    def membership(claim: dict, ctx: CheckContext) -> Check | None:
        ...   # None = this check has nothing to say about this claim

    @article_check("inside.arithmetic")
    def arithmetic(ctx: CheckContext) -> dict[str, Check]:   # claim_id -> Check
        ...   # ctx.claims: the claims as dicts; ctx.text: the article text

:func:`run_checks` runs every claim check whose ``kinds`` hold the claim's kind and every
article check, then :func:`combine` makes one verdict per claim:

- decided verdicts (anything but ``unverified``) that agree win, their evidence merged;
- decided verdicts that disagree: the story's own sources decide when they agree among
  themselves (the story is held to the documents it was written from; the note names the other
  evidence that disagrees); otherwise ``unverified``, the note naming each and what it found;
- nothing decided gives ``unverified`` with the checks' reasons (or, when no check spoke, why
  claims of that kind are not checked automatically).

Modules whose name starts with ``_`` hold shared helpers and register nothing.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from claimkit.plugins import load_plugins
from claimkit.vocab import VERDICTS  # the verdict a check may give


@dataclass
class Check:
    """What one check found about one claim.

    ``evidence_ids``: reference row ids, passage ids or other claims' ids; ``expected``: what
    the evidence says, as text (for a computation, the computation written out); ``note``: why,
    above all when ``unverified``; ``passages``: the evidence rows of the passages cited (dicts
    with document, sha256, page, sheet, row, column, start, end, text).
    """

    verdict: str = "unverified"
    evidence_ids: list[str] = field(default_factory=list)
    expected: str | None = None
    note: str = ""
    query: str | None = None
    table: str | None = None
    sources: list[str] = field(default_factory=list)
    check: str = ""
    passages: list[dict] = field(default_factory=list)
    computation: str | None = None

    @property
    def decided(self) -> bool:
        return self.verdict != "unverified"

    @property
    def method(self) -> str:
        return "query" if self.query and self.decided else "auto"


def unverified(note: str, **kw) -> Check:
    """A check that looked and cannot tell: ``unverified`` with the reason."""
    return Check(verdict="unverified", note=note, **kw)


@dataclass
class CheckContext:
    """What every check may look at besides the claim.

    ``store`` (the reference tables) is opened on first use; ``sources`` is the source set (a
    :class:`claimkit.sources.SourceSet`) or ``None`` when the story is checked without sources.
    """

    published: date | None = None
    text: str | None = None
    claims: list[dict] = field(default_factory=list)
    evidence: object = None
    sources: object = None
    _store: object = field(default=None, repr=False)

    @property
    def store(self):
        if self._store is None:
            from claimkit.evidence import evidence_store

            self._store = evidence_store(self.evidence)
        return self._store

    def claim_date(self, claim: dict) -> date | None:
        """The date ``claim`` is to be checked at: its own date, else the article's."""
        return self.dated(claim)[0]

    def dated(self, claim: dict) -> tuple[date | None, str]:
        """:meth:`claim_date` and where that date came from ("the claim's date", …)."""
        from claimkit.checks._fields import claim_date

        return claim_date(claim, self.published)


ClaimCheckFn = Callable[[dict, CheckContext], "Check | None"]
ArticleCheckFn = Callable[[CheckContext], "dict[str, Check]"]


@dataclass(frozen=True)
class Registered:
    name: str
    fn: Callable
    scope: str  # "claim" or "article"
    kinds: tuple[str, ...] | None = None  # claim kinds a claim check reads; None: every kind

    def applies_to(self, kind: str) -> bool:
        return self.kinds is None or kind in self.kinds


CHECKS: dict[str, Registered] = {}
_loaded = False

# why a claim of a kind no check spoke about stays unverified
WHY_NOT = {
    "quote": "a quote is checked against its recording or transcript by a journalist (or against the sources, given with sources=)",
    "attribution": "an attribution is checked against the named source by a journalist",
}


def claim_check(name: str, kinds: Iterable[str] | None = None) -> Callable[[ClaimCheckFn], ClaimCheckFn]:
    """Register ``fn(claim, ctx) -> Check | None`` as the claim check ``name`` for claims of ``kinds``."""

    def register(fn: ClaimCheckFn) -> ClaimCheckFn:
        CHECKS[name] = Registered(name, fn, "claim", tuple(kinds) if kinds is not None else None)
        fn.check_name = name  # type: ignore[attr-defined]
        return fn

    return register


def article_check(name: str) -> Callable[[ArticleCheckFn], ArticleCheckFn]:
    """Register ``fn(ctx) -> {claim_id: Check}`` as the article check ``name``."""

    def register(fn: ArticleCheckFn) -> ArticleCheckFn:
        CHECKS[name] = Registered(name, fn, "article")
        fn.check_name = name  # type: ignore[attr-defined]
        return fn

    return register


def load_checks() -> dict[str, Registered]:
    """Import every module of this package and every ``claimkit.checks`` entry point once."""
    global _loaded
    if not _loaded:

        def plug_in(ep) -> None:
            try:
                ep.load()  # a module registers on import; a decorated function did so when its module loaded
            except Exception as exc:  # a broken plug-in must not stop the shipped checks
                print(f"claimkit: check plug-in {ep.name} ({ep.value}) not loaded: {exc}", file=sys.stderr)

        load_plugins(__name__, __path__, "claimkit.checks", plug_in)
        _loaded = True
    return CHECKS


def _merge(decided: list[Check]) -> Check:
    def uniq(xs):
        return list(dict.fromkeys(x for x in xs if x))

    first = decided[0]
    return Check(
        verdict=first.verdict,
        evidence_ids=uniq(i for c in decided for i in c.evidence_ids),
        expected="; ".join(uniq(c.expected for c in decided)) or None,
        note=" ".join(uniq(c.note for c in decided)),
        query=next((c.query for c in decided if c.query), None),
        table=next((c.table for c in decided if c.table), None),
        sources=uniq(s for c in decided for s in c.sources),
        check="+".join(uniq(c.check for c in decided)),
        passages=[p for c in decided for p in c.passages],
        computation=next((c.computation for c in decided if c.computation), None),
    )


#: checks whose evidence is the story's own sources (the documents it was written from)
SOURCE_CHECK_PREFIX = "sources"


def _is_source_check(c: Check) -> bool:
    return (c.check or "").split(".")[0] == SOURCE_CHECK_PREFIX


def combine(found: list[Check], kind: str = "") -> Check:
    """One verdict from what the checks found about one claim (the rule in this module's docstring)."""
    decided = [c for c in found if c.decided]
    if decided:
        verdicts = {c.verdict for c in decided}
        if len(verdicts) == 1:
            return _merge(decided)
        said = "; ".join(
            f"{c.check or 'a check'} says {c.verdict}" + (f" ({c.expected})" if c.expected else "") for c in decided
        )
        primary = [c for c in decided if _is_source_check(c)]
        if primary and len({c.verdict for c in primary}) == 1:
            # the documents the story was written from outrank everything else: the story is held to them
            merged = _merge(primary)
            merged.note = " ".join(x for x in (merged.note, f"Other evidence disagrees: {said}.") if x)
            return merged
        return unverified(f"the evidence disagrees: {said}", check="+".join(dict.fromkeys(c.check for c in decided)))
    if not found:
        return unverified(WHY_NOT.get(kind, f"no reference table answers claims of kind '{kind}' yet"))
    notes = list(dict.fromkeys(c.note for c in found if c.note))
    first = found[0]
    return unverified(
        "; ".join(notes) or "no check could decide",
        query=first.query,
        table=first.table,
        check="+".join(dict.fromkeys(c.check for c in found if c.check)),
    )


def check_one(claim: dict, ctx: CheckContext, names: Iterable[str] | None = None) -> list[Check]:
    """What each registered claim check (or those ``names``) finds about one claim; silent checks left out."""
    registry = load_checks()
    kind = str(claim.get("kind") or "")
    out = []
    for name in names if names is not None else list(registry):
        reg = registry[name]
        if reg.scope != "claim" or not reg.applies_to(kind):
            continue
        ch = reg.fn(claim, ctx)
        if ch is not None:
            ch.check = ch.check or name
            out.append(ch)
    return out


def run_checks(ctx: CheckContext) -> dict[str, Check]:
    """claim_id -> the combined verdict, for every claim of ``ctx.claims``."""
    registry = load_checks()
    found: dict[str, list[Check]] = {str(c["claim_id"]): check_one(c, ctx) for c in ctx.claims}
    for reg in registry.values():
        if reg.scope != "article":
            continue
        for cid, ch in (reg.fn(ctx) or {}).items():
            if ch is not None and str(cid) in found:
                ch.check = ch.check or reg.name
                found[str(cid)].append(ch)
    kinds = {str(c["claim_id"]): str(c.get("kind") or "") for c in ctx.claims}
    return {cid: combine(checks, kinds[cid]) for cid, checks in found.items()}


__all__ = [
    "CHECKS",
    "VERDICTS",
    "Check",
    "CheckContext",
    "article_check",
    "check_one",
    "claim_check",
    "combine",
    "load_checks",
    "run_checks",
    "unverified",
]
