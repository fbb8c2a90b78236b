"""Numbers and quantities in news text: ``parse_quantities`` and the ``quantities`` extractor.

One left-to-right pass. A compiled *anchor* regex finds where a figure may start (a digit, a
number word, a fraction sign, a comparison sign); at each anchor a small tokenizer and grammar
read the numeral (digits with any news separator, number words, fractions, ordinals, scale
words and suffixes), then the words around it are read from the lexicon tables:

- before it: sign ("minus"), currency ("US$"), qualifier ("more than", "around"), "between"/"from";
- after it: a range partner ("to 30", "-130,000"), "or more", a percent, currency, unit, or the
  counted noun ("troops").

Look-backs (the qualifier or the token before a figure) are forward matches on the reversed text;
ASCII text is scanned for anchors on a lower-case copy (docs/quantities.md, "Speed").

Everything language-specific lives in ``claimkit/lexicon`` (numbers, ordinals, scales,
currencies, units, qualifiers, lemmas, quantity_context). Non-quantities (years used as
dates, days of months, clock times, phone numbers, version numbers and IP addresses, list
markers, street numbers, parts of names such as "G7", "COVID-19", "Article 5") are skipped.

Intervals (see docs/quantities.md): "about N" is the band N +/- 10 %; "nearly N" is
[0.9 N, N); "just over N" is (N, 1.1 N]; "between A and B", "from A to B", "A-B" are [A, B)
(the Recognizers-Text convention); round plurals ("hundreds", "tens of thousands",
"decades") are [2 X, 10 X).

The package, by unit (each module opens with what it is for): ``model`` (:class:`Quantity`, the bands),
``lex`` (lexicon tables into regexes), ``digits`` (the digit grammar), ``words`` (the tokenizer and the
word-numeral grammar), ``refine`` (the words around a numeral; money, count and measure readings),
``mention`` (one mention resolved), ``ranges`` (qualifiers, range partners, merged bounds) and ``api``
(``parse_quantities`` and the extractor).
"""

from __future__ import annotations

# the extractor registers itself on import (claimkit.extract.load_extractors imports this package)
from .api import parse_quantities, quantities

# private names the tests read (tests/test_quantities_gates.py)
from .lex import _AFTER_FIRST as _AFTER_FIRST
from .lex import _AFTER_STARTS as _AFTER_STARTS
from .lex import _MONTH_AFTER_FIRST as _MONTH_AFTER_FIRST
from .lex import _ORDINAL_FIRST as _ORDINAL_FIRST
from .lex import _ORDINAL_SUFFIX as _ORDINAL_SUFFIX
from .lex import _SPACES as _SPACES
from .lex import _lex as _lex
from .model import APPROX_BAND, KINDS, MAX_DIGITS, NEARLY_BAND, QUALIFIERS, YEAR_RANGE, Quantity
from .refine import _FEET_INCHES as _FEET_INCHES
from .refine import _PRIMES as _PRIMES

__all__ = [
    "APPROX_BAND",
    "KINDS",
    "MAX_DIGITS",
    "NEARLY_BAND",
    "QUALIFIERS",
    "YEAR_RANGE",
    "Quantity",
    "parse_quantities",
    "quantities",
]
