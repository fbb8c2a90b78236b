"""The shared helpers: what counts as an empty cell, and the regex alternation built from a word list."""

import math
import re

import pandas as pd
import pytest

from claimkit.files import blank, missing, present
from claimkit.lexicon import alternation


@pytest.mark.parametrize("value", [None, math.nan, float("nan"), pd.NA, pd.NaT])
def test_missing_cells(value):
    assert missing(value) and blank(value) and present(value) is None


@pytest.mark.parametrize("value", [0, 0.0, "0", "x", [], [None], (1,), False, "  a "])
def test_cells_that_hold_something_are_kept_as_they_are(value):
    assert not missing(value) and not blank(value) and present(value) is value


def test_a_string_of_white_space_is_blank_but_not_missing():
    assert blank("  \\t") is False  # an escaped tab is text
    assert blank(" \t\n") and not missing(" \t\n") and present("") is None


def test_the_longest_phrase_wins_and_a_space_stands_for_any_white_space():
    pattern = re.compile(rf"\b(?:{alternation(['per', 'per cent', 'a.m.'])})\b")
    assert pattern.search("3 per   cent").group() == "per   cent"
    assert re.fullmatch(alternation(["a.m."]), "a.m.") and not re.fullmatch(alternation(["a.m."]), "axmx")


def test_one_space_only_when_asked():
    assert re.fullmatch(alternation(["per cent"], space=None), "per cent")
    assert not re.fullmatch(alternation(["per cent"], space=None), "per  cent")


def test_the_same_words_give_the_same_pattern_in_any_order():
    assert alternation(["ab", "cd", "abc"]) == alternation(["abc", "cd", "ab", "cd"]) == "abc|ab|cd"
