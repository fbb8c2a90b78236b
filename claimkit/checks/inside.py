"""Inside-the-story checks: the story against itself, no reference data (claimkit.inside).

Three article checks: ``inside.calendar`` (a weekday beside a date, an age beside a birth year,
"N years ago", "since YEAR", anniversaries), ``inside.arithmetic`` (a change and its size, a share
and its parts, a total and its parts, shares of one whole) and ``inside.consistency`` (one count
given twice with two values, one quote given to two speakers). Each cites the other claims it used
in ``evidence_ids`` and writes its computation in ``expected`` and ``computation``.
"""

from __future__ import annotations

from claimkit.checks import Check, CheckContext, article_check

_story_cache: list = []  # (context id, text, Story): the three checks of one run parse the story once


def story_text(ctx: CheckContext) -> str:
    """The article text; without it, the claims' sentences put back at their offsets (enough for these checks)."""
    if ctx.text:
        return ctx.text
    pieces: dict[int, str] = {}
    for c in ctx.claims:
        sentence, span, start = c.get("sentence"), c.get("span"), c.get("start")
        if not isinstance(sentence, str) or not isinstance(span, str) or start is None or sentence.startswith("\u2026"):
            continue
        at = sentence.find(span)
        if at >= 0:
            pieces[int(start) - at] = sentence
    out: list[str] = []
    end = 0
    for pos in sorted(pieces):
        if pos < end:
            continue
        gap = pos - end  # a paragraph break keeps two pieces apart as sentences
        out.append(" " * (gap - 2) + "\n\n" if gap >= 2 else " " * gap)
        out.append(pieces[pos])
        end = pos + len(pieces[pos])
    return "".join(out)


def _story(ctx: CheckContext):
    from claimkit.inside._common import Story

    text = story_text(ctx)
    if _story_cache and _story_cache[0][0] == id(ctx) and _story_cache[0][1] == text:
        return text, _story_cache[0][2]
    story = Story(text, ctx.claims, ctx.published)
    _story_cache[:] = [(id(ctx), text, story)]
    return text, story


def _checks(name: str, results: dict[str, dict]) -> dict[str, Check]:
    return {
        cid: Check(
            verdict=r["verdict"],
            evidence_ids=list(r["evidence_ids"]),
            expected=r["expected"],
            note=r.get("note") or f"computed from the story itself ({name})",
            check=name,
            computation=r["computation"],
        )
        for cid, r in results.items()
    }


@article_check("inside.calendar")
def calendar(ctx: CheckContext) -> dict[str, Check]:
    from claimkit.inside.calendar import check_calendar

    text, story = _story(ctx)
    return _checks("inside.calendar", check_calendar(text, ctx.claims, ctx.published, story=story))


@article_check("inside.arithmetic")
def arithmetic(ctx: CheckContext) -> dict[str, Check]:
    from claimkit.inside.arithmetic import check_arithmetic

    text, story = _story(ctx)
    return _checks("inside.arithmetic", check_arithmetic(text, ctx.claims, ctx.published, story=story))


@article_check("inside.consistency")
def consistency(ctx: CheckContext) -> dict[str, Check]:
    from claimkit.inside.consistency import check_consistency

    text, story = _story(ctx)
    return _checks("inside.consistency", check_consistency(text, ctx.claims, ctx.published, story=story))
