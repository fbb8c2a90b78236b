"""Sources: documents a story was written from, loaded into passages with provenance and searched.

Every fixture is made here, in the test's own folder; bad files (broken PDFs, zip bombs, a 500 MB
sparse file) included.
"""
import json
import warnings
from datetime import date

import pytest

from claimkit import InputError, load_article
from claimkit.paths import SEED_ARTICLE
from claimkit.sources import SourceWarning, load_sources

RELEASE = ("Defence ministry statement\n\n"
           "The ministry said on Monday that around 100,000 troops were stationed near the border with Ukraine. "
           "Officials gave no timetable for their return.\n\n"
           "Talks in Geneva lasted more than seven hours. The delegations met again in Brussels on Wednesday.")


@pytest.fixture
def cache(tmp_path):
    return tmp_path / "cache"


def load(items, cache, **kw):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", SourceWarning)
        return load_sources(items, cache_dir=cache, **kw)


def test_text_file_becomes_passages_with_offsets_into_its_text(tmp_path, cache):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE)
    srcset = load(path, cache)
    doc = srcset.documents[0]
    assert doc.title == "Defence ministry statement" and doc.kind == "text"
    assert len(srcset.passages) == 2  # one per paragraph: each is a few sentences
    for p in srcset.passages:
        assert doc.text[p.start:p.end] == p.text
        assert p.document == str(path) and p.sha256 == doc.sha256 and p.page is None
        assert p.id == f"p-{doc.sha256[:10]}-{srcset.passages.index(p)}"
    import hashlib
    assert doc.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_search_ranks_the_passage_about_the_claim_first(tmp_path, cache):
    (tmp_path / "release.txt").write_text(RELEASE)
    srcset = load(tmp_path, cache)
    (best, score), *rest = srcset.search("Russia has 100,000 troops near the Ukrainian border", k=5)
    assert "100,000 troops" in best.text
    assert all(score > s for _, s in rest)
    assert srcset.search("Geneva talks hours")[0][0].text.startswith("Talks in Geneva")
    assert srcset.search("the of and") == []  # nothing but stopwords: nothing to look for


def test_a_number_is_searched_as_a_whole_not_by_its_digit_groups(tmp_path, cache):
    (tmp_path / "a.txt").write_text("The army has 100,000 soldiers in reserve.\n\nThe navy has 100 ships and 000 boats.")
    srcset = load(tmp_path, cache)
    hits = srcset.search("100,000")
    assert [p.text for p, _ in hits] == ["The army has 100,000 soldiers in reserve."]


def test_long_paragraph_is_cut_into_windows_of_whole_sentences(tmp_path, cache):
    sentences = [f"Sentence number {i} says that the figure was {i * 1000} people in the region." for i in range(10)]
    (tmp_path / "long.txt").write_text(" ".join(sentences))
    srcset = load(tmp_path, cache)
    assert len(srcset.passages) > 1
    for p in srcset.passages:
        assert p.text.startswith("Sentence number") and p.text.endswith("region.")
        assert len(p.text) <= 600 and p.text.count("Sentence number") <= 3


def test_markdown_html_and_string_sources(tmp_path, cache):
    (tmp_path / "notes.md").write_text("# Notes\n\nThe **OSCE** has 57 participating states.\n")
    (tmp_path / "page.html").write_text(
        "<html><head><title>Briefing</title></head><body><nav>Home | World</nav><article><p>The mission said "
        "the alliance has 30 members, and that talks would resume in Vienna on Thursday after a short break "
        "requested by several of the delegations present.</p></article></body></html>")
    text = "A wire report says 2,500 observers were deployed."
    srcset = load([tmp_path / "notes.md", tmp_path / "page.html", text], cache)
    texts = [p.text for p in srcset.passages]
    assert "The OSCE has 57 participating states." in texts
    assert any("30 members" in t for t in texts) and not any("Home" in t for t in texts)
    assert text in texts
    assert srcset.documents[2].path.startswith("a-")  # a text without a file is named by its article id


def test_article_objects_keep_their_publication_date(cache):
    art = load_article("Officials said 300 monitors would arrive on Friday.", published="2022-01-13")
    srcset = load([art], cache)
    assert srcset.passages[0].published == date(2022, 1, 13)


def test_json_record_and_json_lines_feed(tmp_path, cache):
    (tmp_path / "rec.json").write_text(json.dumps({"text": "The report counts 1,200 schools.", "published": "2021-05-02"}))
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "First wire: 40 ships left port.", "published": "2021-05-03"}) + "\n"
        + "{broken\n"
        + json.dumps({"text": "Second wire: 12 aircraft landed."}) + "\n")
    srcset = load(tmp_path, cache)
    names = [d.path for d in srcset.documents]
    assert names == [f"{tmp_path}/feed.jsonl:1", f"{tmp_path}/feed.jsonl:3", f"{tmp_path}/rec.json"]
    assert srcset.documents[0].published == date(2021, 5, 3) and srcset.documents[2].published == date(2021, 5, 2)
    assert srcset.problems == [(f"{tmp_path}/feed.jsonl:2", "not valid JSON (Expecting property name enclosed in double quotes)")]


def test_claims_of_the_sources_are_dated_by_each_documents_own_date(tmp_path, cache):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE)
    (tmp_path / "release.meta.json").write_text(json.dumps({"published": "2022-01-13"}))
    srcset = load(path, cache)
    claims = srcset.claims
    assert {"passage_id", "document"} <= set(claims.columns)
    monday = claims[(claims["kind"] == "time") & (claims["span"].str.contains("Monday"))].iloc[0]
    assert monday["date"] == "2022-01-10"  # the Monday before the release's own date
    troops = claims[(claims["kind"] == "quantity") & claims["span"].str.contains("100,000", na=False)].iloc[0]
    assert troops["passage_id"] == srcset.passages[0].id and troops["document"] == str(path)
    assert troops["value"] == 100000


def test_evidence_rows_name_document_hash_and_offsets(tmp_path, cache):
    (tmp_path / "release.txt").write_text(RELEASE)
    srcset = load(tmp_path, cache)
    p = srcset.passages[1]
    rows = srcset.evidence_rows([p.id])
    row = rows.iloc[0]
    assert (row["id"], row["document"], row["sha256"], row["start"], row["end"], row["text"]) == (
        p.id, p.document, p.sha256, p.start, p.end, p.text)
    assert row["page"] is pd_na() and row["sheet"] is None
    with pytest.raises(KeyError):
        srcset.evidence_rows(["p-0000000000-0"])


def pd_na():
    import pandas as pd

    return pd.NA


def test_seed_article_as_its_own_source(cache):
    srcset = load(SEED_ARTICLE, cache)
    hits = srcset.search("Russia has massed troops near the border with Ukraine", k=3)
    assert "troops" in hits[0][0].text and "Ukraine" in hits[0][0].text
    assert srcset.documents[0].published == date(2022, 1, 13)


def test_nothing_usable_is_an_input_error(tmp_path, cache):
    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(InputError, match="no usable source"):
        load(tmp_path / "empty.txt", cache)
    with pytest.raises(InputError, match="no sources given"):
        load([], cache)
