"""Checks that need no reference data: the story checked against itself.

- :mod:`claimkit.inside.calendar`: a weekday beside a date, an age beside a birth date, "N years ago",
  "since YEAR", anniversaries, against the publication date or the dates the story gives;
- :mod:`claimkit.inside.arithmetic`: a change and its size, a share and its parts, a total and its parts;
- :mod:`claimkit.inside.consistency`: one figure stated twice with two values, one quote given to two speakers.

Each ``check_*(text, claims, published)`` returns ``{claim_id: result}`` where a result is a dict with
``verdict`` (supported or contradicted), ``evidence_ids`` (the other claims the computation used),
``expected`` and ``computation`` (the computation written out) and ``note``. A claim the check cannot
decide is left out: no verdict.
"""

from __future__ import annotations


def check_story(text: str, claims: list[dict], published=None) -> dict[str, dict[str, dict]]:
    """All three checks over one story: ``{check name: {claim_id: result}}``."""
    from claimkit.inside._common import Story
    from claimkit.inside.arithmetic import check_arithmetic
    from claimkit.inside.calendar import check_calendar
    from claimkit.inside.consistency import check_consistency

    story = Story(text, claims, published)
    return {
        "inside.calendar": check_calendar(text, claims, published, story=story),
        "inside.arithmetic": check_arithmetic(text, claims, published, story=story),
        "inside.consistency": check_consistency(text, claims, published, story=story),
    }
