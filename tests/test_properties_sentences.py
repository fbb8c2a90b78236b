"""Property-based tests (Hypothesis) for the sentence splitter and the text cleaner."""

from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit.articles import clean_text
from claimkit.sentences import split_sentences

PROSE = st.lists(
    st.sampled_from(list(" .!?\"'()[]\n-") + ["U.S.", "Gen.", "J.", "Mr. ", "The ", "it ", "5", "\n\n", "A", "b"]),
    max_size=80,
).map("".join)


def _check(text, spans):
    prev = 0
    for s, e in spans:
        assert prev <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()  # trimmed, never empty
        prev = e


@settings(max_examples=400, deadline=None)
@given(st.text())
def test_any_unicode_string_splits_into_ordered_trimmed_spans(text):
    _check(text, split_sentences(text))


@settings(max_examples=400, deadline=None)
@given(PROSE)
def test_prose_like_strings(text):
    spans = split_sentences(text)
    _check(text, spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())  # no character lost between sentences


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_cleaning_never_raises_and_is_idempotent(raw):
    once = clean_text(raw)
    assert clean_text(once) == once
    assert "\r" not in once and "\t" not in once and "\n\n\n" not in once
    assert "\u201c" not in once and "\u201d" not in once
