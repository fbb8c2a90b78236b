"""The hostile corpus (tests/hostile/corpus/, expectations in tests/hostile/cases.json): every broken
input gets a clear InputError naming the file or a correct Article, never a crash or a hang; every
Article that loads goes through extract_claims with its offsets intact.

Regenerate the corpus with ``python tests/hostile/make_corpus.py``.
"""

import json
import warnings
from pathlib import Path

import pytest

from claimkit import InputError, load_article
from claimkit.articles import read_articles
from claimkit.claims import extract_claims

HERE = Path(__file__).resolve().parent / "hostile"
CASES = json.loads((HERE / "cases.json").read_text(encoding="utf-8"))


def check_claims(article):
    claims = extract_claims(article)
    text = article.text
    for row in claims.itertuples():
        assert 0 <= row.start <= row.end <= len(text)
        assert text[row.start : row.end] == row.span
        assert row.span in row.sentence
        assert len(row.sentence) <= max(1000, len(row.span) + 402)
    assert claims["claim_id"].is_unique
    return claims


def test_the_corpus_is_what_the_generator_writes():
    from tests.hostile.make_corpus import cases

    built = cases()
    assert sorted(built) == sorted(CASES)
    for name, (content, expectation) in built.items():
        assert (HERE / "corpus" / name).read_bytes() == content, name
        assert CASES[name] == expectation


@pytest.mark.parametrize("name", sorted(n for n, e in CASES.items() if "feed" not in e))
def test_hostile_file_gives_a_clear_error_or_a_correct_article(name):
    path = HERE / "corpus" / name
    expect = CASES[name]
    if "error" in expect:
        with pytest.raises(InputError) as info:
            load_article(path)
        assert info.value.source == str(path)  # the error names the file
        assert expect["error"] in info.value.reason
        return
    if "contains_or_error" in expect:
        found, reason = expect["contains_or_error"]
        try:
            art = load_article(path)
        except InputError as exc:
            assert exc.source == str(path) and reason in exc.reason
            return
        assert found in art.text
        check_claims(art)
        return
    art = load_article(path)
    for snippet in expect["contains"]:
        assert snippet in art.text, snippet
    for snippet in expect.get("absent", []):
        assert snippet not in art.text and snippet not in (art.title or ""), snippet
    check_claims(art)


def test_a_bad_record_in_a_feed_is_reported_with_its_line_and_the_rest_are_read():
    path = HERE / "corpus" / "feed-malformed-line.jsonl"
    expect = CASES[path.name]["feed"]
    errors = []
    articles = list(read_articles(path, errors=errors))
    assert len(articles) == expect["articles"]
    assert [e.line for e in errors] == expect["bad_lines"]
    assert all(str(path) in str(e) for e in errors)
    assert [a.meta["feed_id"] for a in articles] == ["n1", "n2", "n3", "n4", "n5"]
    with warnings.catch_warnings(record=True) as caught:  # without an errors list: warned, still read
        warnings.simplefilter("always")
        assert len(list(read_articles(path))) == expect["articles"]
    assert [f"{path}:{n}:" in str(w.message) for w, n in zip(caught, expect["bad_lines"])] == [True, True]


def test_a_folder_of_hostile_files_reads_the_good_ones_and_lists_the_bad():
    errors = []
    articles = list(read_articles(HERE / "corpus", errors=errors))
    bad = {Path(e.source.split(":")[0]).name for e in errors}
    expected_bad = {n for n, e in CASES.items() if "error" in e}
    assert expected_bad <= bad
    assert len(articles) >= len([n for n, e in CASES.items() if "contains" in e])
