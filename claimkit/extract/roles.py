"""Roles: a person and the title the story gives them ("Deputy Foreign Minister Sergei Ryabkov").

Each title-name pair (found by :func:`claimkit.people.find_roles`) is a ``role`` claim:
``speaker`` is the fullest name the story gives, ``subject`` the title as written, ``date`` the
date the story implies (its publication date), so a desk can check it against a table of
office holders on that date.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimkit.extract import Document, Finding, extractor


@extractor("roles")
def extract_roles(doc: Document) -> Iterable[Finding]:
    from claimkit.checkworthiness import prior
    from claimkit.extract.quotes import roles_in

    cast, roles = roles_in(doc)
    when = doc.published.isoformat() if doc.published else None
    for r in roles:
        person = cast.resolve(r.name)
        extra = {"title": r.title, "name_as_written": r.name, "date_basis": "publication"}
        if r.possessor:
            extra["possessor"] = r.possessor
        yield Finding(
            kind="role",
            start=r.start,
            end=r.end,
            speaker=person.name or r.name,
            subject=r.title,
            date=when,
            weight=prior("role"),
            extra=extra,
        )
