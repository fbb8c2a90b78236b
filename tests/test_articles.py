from datetime import date
from pathlib import Path

import pytest

from claimkit import InputError, load_article
from claimkit.sentences import split_sentences

SEED = Path(__file__).resolve().parents[1] / "data" / "articles" / "russia-osce-dead-end.txt"


def test_seed_loads_with_sidecar_date_and_headline():
    art = load_article(SEED)
    assert art.published == date(2022, 1, 13)
    assert art.title.startswith("Russia sees no reason")
    assert not art.text.startswith("Russia sees no reason")  # the headline is the title, not the body


def test_cookie_banner_is_dropped():
    art = load_article(SEED)
    assert "cookies" not in art.text
    assert "Accept Read More" not in art.text


def test_quotes_and_whitespace_are_normalised():
    art = load_article("He said “dead end”\u00a0 and  ‘no’.\n\nSecond   paragraph.")
    assert '"dead end"' in art.text
    assert "  " not in art.text


def test_article_id_is_derived_from_text():
    assert load_article("Same text here.").id == load_article("Same text here.").id
    assert load_article("Same text here.").id != load_article("Other text here.").id


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The U.S. Senate met. It voted.", ["The U.S. Senate met.", "It voted."]),
        ("Gen. Smith arrived on Jan. 10 in Kyiv. He left.", ["Gen. Smith arrived on Jan. 10 in Kyiv.", "He left."]),
        ("It met with 57 countries. (OSCE). Then it ended.", ["It met with 57 countries. (OSCE).", "Then it ended."]),
        ("to sit down again to resume. same discussions.", ["to sit down again to resume. same discussions."]),
        (
            '"We will act. We will not wait," he said. Talks ended.',
            ['"We will act.', 'We will not wait," he said.', "Talks ended."],
        ),
    ],
)
def test_sentence_boundaries(text, expected):
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_sentence_offsets_point_into_text():
    art = load_article(SEED)
    for s, e in art.sentences:
        assert art.text[s:e].strip() == art.text[s:e] and e > s


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"", "empty"),
        (b"   \n\t  ", "empty"),
        (b"\x00\x01\x02\x03binary\x00\xff\xfe" * 50, "binary"),
    ],
)
def test_bad_files_raise_input_error_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "story.txt"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_article(path)
    assert str(path) in str(err.value) and reason in str(err.value)


def test_unknown_suffix_and_missing_file(tmp_path):
    with pytest.raises(InputError, match="unknown article format"):
        (tmp_path / "a.docx").write_bytes(b"x")
        load_article(tmp_path / "a.docx")
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "missing.txt")


def test_windows_1252_text_is_detected(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(
        "Le ministre a déclaré que la réunion était « très positive » à Genève, selon l’agence.".encode("cp1252")
    )
    art = load_article(path)
    assert "déclaré" in art.text and "Genève" in art.text


def test_utf16_with_bom(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("Talks in Geneva on Monday ended.".encode("utf-16"))
    assert load_article(path).text == "Talks in Geneva on Monday ended."
