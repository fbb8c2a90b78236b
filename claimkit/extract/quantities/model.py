"""The :class:`Quantity` record and the interval conventions (bands, year range) every other module of the package builds on."""

from __future__ import annotations

from dataclasses import dataclass

from claimkit.vocab import QUANTITY_KINDS, QUANTITY_QUALIFIERS

APPROX_BAND = 0.10  # "about N" -> [N(1-b), N(1+b)]
NEARLY_BAND = 0.10  # "nearly N" -> [N(1-b), N)
MAX_DIGITS = 30  # longer digit runs are identifiers, not figures (and would overflow floats)
YEAR_RANGE = (1800, 2100)

QUALIFIERS = QUANTITY_QUALIFIERS  # Quantity.qualifier
KINDS = QUANTITY_KINDS  # Quantity.kind


@dataclass(slots=True)
class Quantity:
    """One number-like mention. ``text[start:end] == quantity.text``.

    ``numerals`` holds each numeral as written ((start, end, value), one or two of them);
    ``range_span`` the comparison or range as a range model reports it ("more than 20",
    "between 20 and 30"; None for a plain figure); ``measure_span`` the figure with its unit
    or currency and without qualifier words ("$2.3bn", "7.5%").
    """

    start: int
    end: int
    text: str
    value: int | float | None
    low: int | float | None
    high: int | float | None
    low_inclusive: bool = True
    high_inclusive: bool = True
    approximate: bool = False
    qualifier: str = "exact"
    kind: str = "number"
    unit: str | None = None
    scale_word: str | None = None
    subtype: str = "integer"
    numerals: tuple = ()
    range_span: tuple[int, int] | None = None
    measure_span: tuple[int, int] | None = None
