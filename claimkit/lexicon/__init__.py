"""Language knowledge as data: word lists and tables shipped inside the package.

Files here are plain text (one entry a line, ``#`` comments) or TSV with a header row, so
a newsroom can read and extend them without touching code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib import resources


def _lines(name: str) -> list[str]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    return [line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def words(name: str) -> tuple[str, ...]:
    """A word list: ``words("abbreviations.txt")``."""
    return tuple(line.strip() for line in _lines(name))


@cache
def table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV table as a tuple of row dicts keyed by the header."""
    rows = _lines(name)
    header = rows[0].split("\t")
    return tuple(dict(zip(header, (cell.strip() for cell in row.split("\t")))) for row in rows[1:])


@cache
def mapping(name: str, key: str, value: str) -> dict[str, str]:
    """Two columns of a TSV table as a dict."""
    return {row[key]: row[value] for row in table(name)}


def alternation(phrases: Iterable[str], *, space: str | None = r"\s+") -> str:
    r"""A regex alternation matching any of ``phrases`` literally, longest first (so "per cent" wins over "per").

    ``space``: the pattern a space in a phrase stands for (``r"\s+"``: any run of white space, the
    default; ``None``: one space). No group is added around it: wrap it as the pattern needs.
    """
    escaped = (re.escape(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
    if space is None:
        return "|".join(escaped)
    return "|".join(e.replace(r"\ ", space) for e in escaped)
