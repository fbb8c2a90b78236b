"""The cheap character tests that guard a regex in claimkit/extract/quantities/ let through every character the regex can start with.

A gate narrower than its pattern blocks a match without a sound; these tests compute what each pattern can
start with from the pattern itself (Python's regex parser) and compare.
"""

import re
import sys

import pytest

from claimkit.extract import quantities as q
from claimkit.lexicon import table

_parser = re._parser if sys.version_info >= (3, 11) else __import__("sre_parse")
_c = _parser  # the opcode names live beside the parser
ANY = None  # "any character": a pattern that can start with anything has no useful gate
SPACES = frozenset(chr(i) for i in range(sys.maxunicode + 1) if chr(i).isspace())


def _chars_of_set(items, ignorecase: bool):
    out = set()
    for op, arg in items:
        name = str(op)
        if name == "NEGATE":
            return ANY
        if name == "LITERAL":
            out.add(chr(arg))
        elif name == "RANGE":
            out.update(chr(i) for i in range(arg[0], arg[1] + 1))
        elif name == "CATEGORY":
            if str(arg) == "CATEGORY_SPACE":
                out |= SPACES
            else:
                return ANY
        else:
            return ANY
    return _cased(out, ignorecase)


def _cased(chars, ignorecase: bool):
    if chars is ANY or not ignorecase:
        return chars
    return {v for c in chars for v in (c, c.lower(), c.upper())}


def first(items, ignorecase: bool = False):
    """(the characters a match of the parsed ``items`` can start with, or ANY; whether it can match empty)."""
    out: set = set()
    for op, arg in items:
        name = str(op)
        if name in ("AT", "ASSERT", "ASSERT_NOT"):  # zero width: the next item decides (a superset is safe here)
            continue
        if name == "LITERAL":
            chars, empty = _cased({chr(arg)}, ignorecase), False
        elif name == "IN":
            chars, empty = _chars_of_set(arg, ignorecase), False
        elif name in ("ANY", "NOT_LITERAL", "GROUPREF"):
            chars, empty = ANY, False
        elif name == "BRANCH":
            results = [first(seq, ignorecase) for seq in arg[1]]
            chars = ANY if any(r[0] is ANY for r in results) else set().union(*(r[0] for r in results))
            empty = any(r[1] for r in results)
        elif name == "SUBPATTERN":
            _, add, _, sub = arg
            chars, empty = first(sub, ignorecase or bool(add & re.IGNORECASE))
        elif name == "ATOMIC_GROUP":
            chars, empty = first(arg, ignorecase)
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
            low, _, sub = arg
            chars, empty = first(sub, ignorecase)
            empty = empty or low == 0
        else:
            raise AssertionError(f"opcode {name} not handled")
        if chars is ANY:
            return ANY, False
        out |= chars
        if not empty:
            return out, False
    return out, True


def starts(pattern: re.Pattern) -> set:
    chars, empty = first(_parser.parse(pattern.pattern, pattern.flags), bool(pattern.flags & re.IGNORECASE))
    assert chars is not ANY and not empty, f"{pattern.pattern!r} can start anywhere: no gate can guard it"
    return chars


def test_the_ordinal_gate_lets_through_every_start_of_an_ordinal_suffix():
    assert starts(q._ORDINAL_SUFFIX) == q._ORDINAL_FIRST == {"s", "n", "r", "t"}


def test_the_feet_and_inches_gate_is_the_set_of_primes_the_pattern_starts_with():
    assert starts(q._FEET_INCHES) == q._PRIMES


def test_every_after_phrase_of_the_lexicon_passes_the_after_gate():
    """'500 or more', '18 and over': the gate lets a phrase through only by its first two letters."""
    after = [row["phrase"] for row in table("qualifiers.tsv") if row["position"] == "after"]
    assert after and all(p.lower()[:2] in q._AFTER_STARTS for p in after), after
    assert {p[0] for p in after} | {p[0].upper() for p in after} <= q._AFTER_FIRST


@pytest.mark.parametrize("gate", ["_MONTH_AFTER_FIRST"])
def test_the_gate_before_a_month_after_a_day_covers_the_pattern(gate):
    """'21st of March', '21 March', '21\u00a0March': the day is not a figure whatever space follows it."""
    assert starts(q._lex().month_after_re) <= getattr(q, gate)


def test_the_first_character_computation_reads_patterns_as_the_regex_engine_does():
    assert starts(re.compile(r"(?i:ab|c)d?")) == {"a", "A", "c", "C"}
    assert starts(re.compile(r"\s*x")) == SPACES | {"x"}
    assert first(_parser.parse(r"\w+"))[0] is ANY


def test_the_list_of_spaces_is_every_character_python_calls_a_space():
    assert q._SPACES == SPACES


@pytest.mark.parametrize(
    "text",
    [
        "The talks resumed on 21 March.",
        "The talks resumed on 21\u00a0March.",
        "The talks resumed on 21ST March.",
        "The talks resumed on 21\nMarch.",
    ],
)
def test_a_day_of_the_month_is_not_a_figure_whatever_space_or_case_follows_it(text):
    assert q.parse_quantities(text) == []
