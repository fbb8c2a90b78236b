"""Roles in apposition: "Sergei Lavrov, Russia's foreign minister, said…", "Olaf Scholz, the German
chancellor, …", "Emmanuel Macron, the president of France, …".

The ``roles`` extractor reads a title standing before a name; news as often puts the title after
the name, between commas. This extractor reads that order, for the titles of
``claimkit/lexicon/world_titles.tsv`` only (the offices the world tables hold), and makes the same
kind of claim: ``role``, ``speaker`` the name as written, ``subject`` the title with its country
("Russia's foreign minister"), ``date`` the publication date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from claimkit.extract import Document, Finding, extractor
from claimkit.lexicon import table as lexicon_table

_NAME = (
    r"(?P<name>[A-Z][\w'\u2019.-]+(?:\s+(?:(?:von|van|der|den|de|da|di|del|le|la|bin|al)\s+)?[A-Z][\w'\u2019.-]+){1,3})"
)
_AFTER = r"(?=\s*(?:,|;|\.|\)|\s+(?:said|says|told|has|had|have|who|is|was|will|would|spoke|met|warned|added|wrote|arrived)\b))"


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern:
    from claimkit.extract.world_facts import _countries

    _, country = _countries()
    titles = sorted(
        {r["title"] for r in lexicon_table("world_titles.tsv") if len(r["title"]) > 3}, key=len, reverse=True
    )
    title = "(?i:" + "|".join(re.escape(t).replace(r"\ ", r"\s+") for t in titles) + ")"
    words = sorted(
        {r["word"] for r in lexicon_table("world_title_time.tsv") if r["when"] not in ("other-office",)},
        key=len,
        reverse=True,
    )
    when = r"(?i:(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s*)?"
    phrase = (
        rf"(?P<title>(?:(?i:the|a)\s+{when}(?:{country}\s+)?{title}(?:\s+(?i:of)\s+{country})?"
        rf"|{country}(?:'s|\u2019s)\s+{when}{title}"
        rf"|{when}{title}\s+(?i:of)\s+{country}))"
    )
    return re.compile(rf"(?<![\w.]){_NAME},\s+{phrase}{_AFTER}")


@extractor("world_roles")
def extract_world_roles(doc: Document) -> Iterable[Finding]:
    from claimkit.checkworthiness import prior

    if "," not in doc.text:
        return
    when = doc.published.isoformat() if doc.published else None
    for m in _pattern().finditer(doc.text):
        name = m.group("name")
        if name.split()[0] in ("The", "A", "In", "On", "At", "But", "And", "When", "After", "Before", "Meanwhile"):
            continue
        yield Finding(
            kind="role",
            start=m.start(),
            end=m.end("title"),
            speaker=name,
            subject=m.group("title"),
            date=when,
            weight=prior("role"),
            extra={
                "title": m.group("title"),
                "name_as_written": name,
                "date_basis": "publication",
                "order": "apposition",
            },
        )
