"""Sources: documents a story was written from, loaded into passages with provenance and searched.

Every fixture is made here, in the test's own folder; bad files (broken PDFs, zip bombs, a 500 MB
sparse file) included.
"""

import functools
import json
import warnings
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimkit import InputError, load_article
from claimkit.paths import SEED_ARTICLE
from claimkit.sources import SourceWarning, load_sources
from tests.helpers.sources import make_docx, make_pdf, make_scanned_pdf, make_xlsx, make_zip_bomb

RELEASE = (
    "Defence ministry statement\n\n"
    "The ministry said on Monday that around 100,000 troops were stationed near the border with Ukraine. "
    "Officials gave no timetable for their return.\n\n"
    "Talks in Geneva lasted more than seven hours. The delegations met again in Brussels on Wednesday."
)


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
    # the headline, then one passage per paragraph: each is a few sentences
    assert [p.text[:20] for p in srcset.passages] == [
        "Defence ministry sta",
        "The ministry said on",
        "Talks in Geneva last",
    ]
    for p in srcset.passages:
        assert doc.text[p.start : p.end] == p.text
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
    (tmp_path / "a.txt").write_text(
        "The army has 100,000 soldiers in reserve.\n\nThe navy has 100 ships and 000 boats."
    )
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
        "requested by several of the delegations present.</p></article></body></html>"
    )
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
    (tmp_path / "rec.json").write_text(
        json.dumps({"text": "The report counts 1,200 schools.", "published": "2021-05-02"})
    )
    (tmp_path / "feed.jsonl").write_text(
        json.dumps({"text": "First wire: 40 ships left port.", "published": "2021-05-03"})
        + "\n"
        + "{broken\n"
        + json.dumps({"text": "Second wire: 12 aircraft landed."})
        + "\n"
    )
    srcset = load(tmp_path, cache)
    names = [d.path for d in srcset.documents]
    assert names == [f"{tmp_path}/feed.jsonl:1", f"{tmp_path}/feed.jsonl:3", f"{tmp_path}/rec.json"]
    assert srcset.documents[0].published == date(2021, 5, 3) and srcset.documents[2].published == date(2021, 5, 2)
    assert srcset.problems == [
        (f"{tmp_path}/feed.jsonl:2", "not valid JSON (Expecting property name enclosed in double quotes)")
    ]


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
    assert troops["passage_id"] == srcset.passages[1].id and troops["document"] == str(path)
    assert troops["value"] == 100000


def test_evidence_rows_name_document_hash_and_offsets(tmp_path, cache):
    (tmp_path / "release.txt").write_text(RELEASE)
    srcset = load(tmp_path, cache)
    p = srcset.passages[1]
    rows = srcset.evidence_rows([p.id])
    row = rows.iloc[0]
    assert (row["id"], row["document"], row["sha256"], row["start"], row["end"], row["text"]) == (
        p.id,
        p.document,
        p.sha256,
        p.start,
        p.end,
        p.text,
    )
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


# ---------------------------------------------------------------- PDF, Word, tables

PAGE_ONE = (
    "Annual report on deployments.\n\n"
    "The ministry counted 4,512,000 residents in the border regions. The count was made in March."
)
PAGE_TWO = "Around 300 observers were deployed by the mission. They reported to the council in Vienna."


def test_pdf_keeps_page_numbers_and_passages_never_cross_pages(tmp_path, cache):
    path = make_pdf(
        tmp_path / "report.pdf", [PAGE_ONE, PAGE_TWO], title="Deployment report", created=datetime(2021, 11, 30, 12, 0)
    )
    srcset = load(path, cache)
    doc = srcset.documents[0]
    assert (doc.kind, doc.title, doc.published) == ("pdf", "Deployment report", date(2021, 11, 30))
    pages = {p.page for p in srcset.passages}
    assert pages == {1, 2}
    observers = srcset.search("300 observers deployed")[0][0]
    assert observers.page == 2 and observers.text.startswith("Around 300 observers")
    for p in srcset.passages:
        assert doc.text[p.start : p.end] == p.text
        assert ("observers" in p.text) == (p.page == 2)  # no passage holds text of both pages


def test_running_heads_and_page_numbers_are_not_text(tmp_path, cache):
    body = [
        "The mission counted 300 observers in the east.",
        "Talks in Vienna lasted 7 hours.",
        "The council met 12 times.",
        "Officials expect 2 more rounds.",
    ]
    pages = [f"OSCE Daily Report\n\n{text}\n\nPage {i} of 4" for i, text in enumerate(body, 1)]
    srcset = load(make_pdf(tmp_path / "daily.pdf", pages), cache)
    assert [p.text for p in srcset.passages] == body
    assert [p.page for p in srcset.passages] == [1, 2, 3, 4]


def test_a_mistyped_folder_name_is_a_problem_not_a_text(tmp_path, cache):
    (tmp_path / "good.txt").write_text(GOOD)
    srcset = load([tmp_path / "good.txt", "sourcse"], cache)
    assert srcset.problems == [("sourcse", "no such file or folder")]


def test_sidecar_date_wins_over_pdf_metadata(tmp_path, cache):
    path = make_pdf(tmp_path / "report.pdf", [PAGE_ONE], created=datetime(2021, 11, 30))
    (tmp_path / "report.meta.json").write_text(json.dumps({"published": "2021-12-02", "title": "Given"}))
    doc = load(path, cache).documents[0]
    assert (doc.published, doc.title) == (date(2021, 12, 2), "Given")


def test_pdf_with_an_empty_user_password_opens(tmp_path, cache):
    path = make_pdf(tmp_path / "locked-owner.pdf", [PAGE_TWO], password="")
    assert "300 observers" in load(path, cache).passages[0].text


def test_docx_paragraphs_tables_and_core_properties(tmp_path, cache):
    path = make_docx(
        tmp_path / "memo.docx",
        PAGE_ONE.split("\n\n"),
        title="Memo",
        created=datetime(2022, 1, 12),
        table=[["Country", "Troops"], ["Russia", "100,000"]],
    )
    srcset = load(path, cache)
    doc = srcset.documents[0]
    assert (doc.kind, doc.title, doc.published) == ("docx", "Memo", date(2022, 1, 12))
    texts = [p.text for p in srcset.passages]
    assert any("4,512,000 residents" in t for t in texts)
    assert "Russia \u00b7 Troops \u00b7 100,000" in texts  # a table cell with its row and column labels


def test_same_text_as_txt_pdf_and_docx_gives_the_same_passages(tmp_path, cache):
    paras = [PAGE_ONE.split("\n\n")[1], PAGE_TWO]
    (tmp_path / "s.txt").write_text("\n\n".join(paras))
    make_pdf(tmp_path / "s.pdf", ["\n\n".join(paras)])
    make_docx(tmp_path / "s.docx", paras)
    texts = {
        name: [p.text for p in load(tmp_path / name, cache / name).passages] for name in ("s.txt", "s.pdf", "s.docx")
    }
    assert texts["s.txt"] == texts["s.docx"]
    # a PDF page has no paragraph marks: the same sentences, grouped by the window rule
    assert " ".join(texts["s.pdf"]) == " ".join(texts["s.txt"])


def test_csv_cell_is_a_passage_with_its_row_and_column_labels(tmp_path, cache):
    (tmp_path / "population.csv").write_text(
        "country,year,population,area_km2\nGermany,2019,83092962,357588\nFrance,2019,67248926,643801\n"
    )
    srcset = load(tmp_path / "population.csv", cache)
    p = srcset.search("Germany population 2019")[0][0]
    assert p.text == "Germany \u00b7 2019 \u00b7 population \u00b7 83,092,962"
    assert (p.row, p.column, p.sheet, p.page) == (2, "population", None, None)
    assert len(srcset.passages) == 4  # two figures in each of two rows; the year is a label


def test_wide_csv_with_years_as_column_headers(tmp_path, cache):
    (tmp_path / "wide.csv").write_text("country,2018,2019\nGermany,82.9,83.1\n")
    texts = [p.text for p in load(tmp_path / "wide.csv", cache).passages]
    assert texts == ["Germany \u00b7 2018 \u00b7 82.9", "Germany \u00b7 2019 \u00b7 83.1"]


def test_xlsx_finds_the_header_under_a_title_and_keeps_sheet_and_row(tmp_path, cache):
    path = make_xlsx(
        tmp_path / "stats.xlsx",
        {
            "Notes": [["Read me"], ["Figures are estimates"]],
            "Troops": [
                ["Troop estimates, January 2022"],
                [],
                ["source", "date", "troops"],
                ["Ministry of Defence", datetime(2022, 1, 10), 100000],
                ["NATO", datetime(2022, 1, 12), 127000],
            ],
        },
    )
    srcset = load(path, cache)
    nato = [p for p in srcset.passages if "NATO" in p.text]
    assert [(p.text, p.sheet, p.row, p.column) for p in nato] == [
        ("NATO \u00b7 2022-01-12 \u00b7 troops \u00b7 127,000", "Troops", 5, "troops")
    ]
    assert srcset.documents[0].title == "Troop estimates, January 2022"  # the line above the header


def test_parquet_table(tmp_path, cache):
    import pandas as pd

    pd.DataFrame({"state": ["Poland", "Spain"], "year": [2020, 2020], "troops": [120000, 75000]}).to_parquet(
        tmp_path / "t.parquet"
    )
    texts = [p.text for p in load(tmp_path / "t.parquet", cache).passages]
    assert texts == ["Poland \u00b7 2020 \u00b7 troops \u00b7 120,000", "Spain \u00b7 2020 \u00b7 troops \u00b7 75,000"]


def test_table_of_words_gives_one_passage_per_row(tmp_path, cache):
    (tmp_path / "offices.csv").write_text("person,office\nSergei Ryabkov,Deputy Foreign Minister\n")
    assert [p.text for p in load(tmp_path / "offices.csv", cache).passages] == [
        "person: Sergei Ryabkov \u00b7 office: Deputy Foreign Minister"
    ]


# ---------------------------------------------------------------- bad sources: one line each, the rest still used

GOOD = "The mission has 57 participating states."


def load_with_one_bad(tmp_path, cache, name, make):
    (tmp_path / "good.txt").write_text(GOOD)
    bad = tmp_path / name
    make(bad)
    with pytest.warns(SourceWarning) as caught:
        srcset = load_sources([tmp_path / "good.txt", bad], cache_dir=cache)
    assert [p.text for p in srcset.passages] == [GOOD]  # the good source is still used
    assert [w for w, _ in srcset.problems] == [str(bad)]
    assert [str(w.message) for w in caught] == [f"{w}: {r}" for w, r in srcset.problems]
    return srcset.problems[0][1]


def test_encrypted_pdf(tmp_path, cache):
    reason = load_with_one_bad(tmp_path, cache, "secret.pdf", lambda p: make_pdf(p, [PAGE_TWO], password="s3cret"))
    assert reason.startswith("encrypted PDF (needs a password)")


def test_broken_pdf(tmp_path, cache):
    reason = load_with_one_bad(
        tmp_path,
        cache,
        "broken.pdf",
        lambda p: p.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\n%%EOF"),
    )
    assert reason.startswith("not a readable PDF (PdfReadError:")  # pypdf says what is wrong: "startxref not found"


def test_scanned_pdf_without_text_layer(tmp_path, cache):
    reason = load_with_one_bad(tmp_path, cache, "scan.pdf", make_scanned_pdf)
    assert reason == "PDF has no text layer on any of its 1 page(s) (a scan? run OCR on it first)"


def test_docx_zip_bomb_is_refused_before_python_docx_opens_it(tmp_path, cache, monkeypatch):
    import docx

    monkeypatch.setattr(docx, "Document", lambda *a, **k: pytest.fail("python-docx must not open a zip bomb"))
    reason = load_with_one_bad(tmp_path, cache, "bomb.docx", make_zip_bomb)
    assert "expands" in reason and "zip bomb" in reason


def test_xlsx_over_the_expansion_limit(tmp_path, cache, monkeypatch):
    import claimkit.ingest.limits as limits

    monkeypatch.setattr(limits, "MAX_UNZIPPED_BYTES", 2**20)
    reason = load_with_one_bad(
        tmp_path,
        cache,
        "big.xlsx",
        lambda p: make_xlsx(p, {"S": [["k", "v"]] + [[f"row {i}", i] for i in range(30000)]}),
    )
    assert reason.startswith("Excel workbook expands to") and "the limit is 1 MiB" in reason


@pytest.mark.parametrize("name", ["memo.docx", "stats.xlsx"])
def test_office_file_that_is_not_a_zip(tmp_path, cache, name):
    reason = load_with_one_bad(tmp_path, cache, name, lambda p: p.write_text("just some text, renamed"))
    assert "not a ZIP container" in reason


def test_500_mb_file_is_refused_without_reading_it(tmp_path, cache):
    def sparse(p):
        with open(p, "wb") as fh:
            fh.truncate(500 * 2**20)

    reason = load_with_one_bad(tmp_path, cache, "huge.txt", sparse)
    assert reason == "file is 500 MiB; the limit for a source is 200 MiB"


def test_binary_file_named_txt(tmp_path, cache):
    reason = load_with_one_bad(tmp_path, cache, "photo.txt", lambda p: p.write_bytes(bytes(range(256)) * 64))
    assert reason.startswith("binary")  # "binary content, not text" or "binary or undecodable content (…)"


def test_folder_notes_unsupported_files_and_skips_hidden_ones(tmp_path, cache):
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "video.mp4").write_bytes(b"\0" * 10)
    (tmp_path / ".DS_Store").write_bytes(b"\0" * 10)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.txt").write_text("not a source")
    srcset = load(tmp_path, cache)
    assert [d.path for d in srcset.documents] == [str(tmp_path / "good.txt")]
    assert srcset.problems == [(str(tmp_path / "video.mp4"), "unsupported source format .mp4; skipped")]
    assert sorted(srcset.skipped) == [
        (str(tmp_path / ".DS_Store"), "hidden file"),
        (str(tmp_path / ".git"), "hidden folder"),
    ]


# ---------------------------------------------------------------- the cache


def test_second_load_comes_from_the_cache_and_gives_the_same_set(tmp_path, cache, monkeypatch):
    make_pdf(tmp_path / "r.pdf", [PAGE_ONE, PAGE_TWO])
    first = load(tmp_path, cache)
    first_claims = first.claims
    import claimkit.claims as claims_module
    import claimkit.ingest.formats as formats

    monkeypatch.setattr(formats, "_read_pdf", lambda *a: pytest.fail("a cached PDF is not read again"))
    monkeypatch.setattr(claims_module, "extract_claims", lambda *a, **k: pytest.fail("cached claims are reused"))
    second = load(tmp_path, cache)
    assert second.passages == first.passages
    assert second.search("observers")[0] == first.search("observers")[0]
    assert second.claims[["claim_id", "span", "passage_id"]].equals(first_claims[["claim_id", "span", "passage_id"]])


def test_changed_file_is_read_again(tmp_path, cache):
    path = tmp_path / "r.txt"
    path.write_text("The army has 100 tanks.")
    assert load(path, cache).passages[0].text == "The army has 100 tanks."
    path.write_text("The army has 200 tanks.")
    assert load(path, cache).passages[0].text == "The army has 200 tanks."


def test_corrupt_cache_entries_are_rebuilt_not_trusted(tmp_path, cache):
    (tmp_path / "r.txt").write_text(RELEASE)
    first = load(tmp_path / "r.txt", cache)
    entries = list(cache.rglob("*.gz"))
    assert {p.parent.parent.name for p in entries} == {"docs", "index"}
    for p in entries:  # flip bytes in the middle of every entry, and cut one short
        data = bytearray(p.read_bytes())
        data[len(data) // 2] ^= 0xFF
        p.write_bytes(bytes(data))
    second = load(tmp_path / "r.txt", cache)
    assert second.passages == first.passages
    assert second.search("troops border")[0][0] == first.search("troops border")[0][0]
    for p in cache.rglob("*.gz"):
        p.write_bytes(p.read_bytes()[:20])
    assert load(tmp_path / "r.txt", cache).passages == first.passages


def test_unwritable_cache_warns_once_and_still_loads(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    (tmp_path / "r.txt").write_text(RELEASE)
    with pytest.warns(UserWarning, match="source cache not written"):
        srcset = load_sources(tmp_path / "r.txt", cache_dir=blocker)
    assert len(srcset.passages) == 3


def test_source_set_travels_to_a_worker_process(tmp_path, cache):
    import pickle

    (tmp_path / "r.txt").write_text(RELEASE)
    srcset = load(tmp_path / "r.txt", cache)
    copy = pickle.loads(pickle.dumps(srcset))
    assert copy.search("Geneva")[0][0] == srcset.search("Geneva")[0][0]


def test_claims_in_passages_extracts_only_the_documents_needed(tmp_path, cache, monkeypatch):
    (tmp_path / "a.txt").write_text("The army has 100,000 soldiers in reserve.")
    (tmp_path / "b.txt").write_text("The navy has 300 ships.")
    srcset = load(tmp_path, cache)
    import claimkit.claims as claims_module

    real, seen = claims_module.extract_claims, []
    monkeypatch.setattr(claims_module, "extract_claims", lambda art, **k: seen.append(art.text) or real(art, **k))
    navy = srcset.search("ships")[0][0]
    found = srcset.claims_in([navy.id])
    assert set(found["passage_id"]) == {navy.id} and "300" in " ".join(found["span"])
    assert seen == ["The navy has 300 ships."]


def test_context_gives_the_neighbouring_passages(tmp_path, cache):
    (tmp_path / "r.txt").write_text("\n\n".join(f"Paragraph {i} has {i} figures." for i in range(5)))
    srcset = load(tmp_path, cache)
    middle = srcset.passages[2]
    assert [p.text for p in srcset.context(middle.id)] == [
        "Paragraph 1 has 1 figures.",
        "Paragraph 2 has 2 figures.",
        "Paragraph 3 has 3 figures.",
    ]


@pytest.mark.parametrize(
    "query, passage",
    [
        ("1.5 million people", "The census counted 1,500,000 residents."),
        ("$1.5 trillion in debt", "Borrowing reached 1,500 billion dollars."),
        ("after seven rounds", "It took 7 meetings."),
    ],
)
def test_the_same_figure_written_two_ways_is_found(tmp_path, cache, query, passage):
    """The passage shares no word with the query: only the figure, written another way, can find it."""
    (tmp_path / "a.txt").write_text("Other news: people, debt and talks filled the day.\n\n" + passage)
    hits = [p.text for p, _ in load(tmp_path, cache).search(query)]
    assert passage in hits


def test_two_texts_with_the_same_title_stay_two_documents(cache):
    a = load_article("The army has 100 tanks.", title="Briefing")
    b = load_article("The navy has 40 ships.", title="Briefing")
    srcset = load([a, b], cache)
    names = [d.path for d in srcset.documents]
    assert names[0] == "Briefing" and names[1].startswith("Briefing [") and len(set(names)) == 2
    assert srcset.document(names[1]).text == "Briefing\n\nThe navy has 40 ships."
    assert set(srcset.claims["document"]) == set(names)


def test_a_sources_headline_is_evidence_too(tmp_path, cache):
    (tmp_path / "wire.txt").write_text("Russia masses 100,000 troops near Ukraine\n\nOfficials said talks had failed.")
    srcset = load(tmp_path, cache)
    assert srcset.documents[0].title == "Russia masses 100,000 troops near Ukraine"
    assert srcset.search("100,000 troops")[0][0].text == "Russia masses 100,000 troops near Ukraine"


def test_pdf_page_text_spells_out_ligatures_and_joins_hyphenated_words():
    from claimkit.ingest.formats import page_text

    assert page_text("The o\ufb03cials said the govern-\nment had twenty-\nfour ships.") == (
        "The officials said the government had twenty-four ships."
    )


def test_html_source_keeps_its_tables_of_figures(tmp_path, cache):
    (tmp_path / "stats.html").write_text(
        "<html><head><title>Troop estimates</title></head><body><article><p>Estimates of the troops gathered near "
        "the border differ between governments, and officials said the numbers changed every week as units "
        "moved in and out of the region.</p>"
        "<table><tr><th>Source</th><th>Date</th><th>Troops</th></tr>"
        "<tr><td>Ukraine</td><td>2021-12-03</td><td>94,300</td></tr>"
        "<tr><td>United States</td><td>2022-01-12</td><td>100,000</td></tr></table>"
        "<table><tr><td><a href='/'>Home</a></td><td><a href='/world'>World</a></td></tr>"
        "<tr><td>About</td><td>Contact</td></tr></table></article></body></html>"
    )
    texts = [p.text for p in load(tmp_path / "stats.html", cache).passages]
    assert "United States \u00b7 2022-01-12 \u00b7 Troops \u00b7 100,000" in texts
    assert not any("\u00b7" in t and "Contact" in t for t in texts)  # a table of words (a menu) gives no cell lines
    assert not any("Source Date Troops" in t for t in texts)  # the figures' table is not run together in the text


def test_glob_pattern_and_default_cache_folder_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMKIT_CACHE", str(tmp_path / "envcache"))
    (tmp_path / "a.txt").write_text("The army has 100 tanks.")
    (tmp_path / "b.md").write_text("The navy has 40 ships.")
    srcset = load(str(tmp_path / "*.txt"), None)
    assert [d.path for d in srcset.documents] == [str(tmp_path / "a.txt")]
    assert list((tmp_path / "envcache" / "sources").rglob("*.gz"))  # cached where $CLAIMKIT_CACHE says
    with pytest.raises(InputError, match="no file matches this pattern"):
        load(str(tmp_path / "*.pdf"), None)


def test_json_record_with_a_title_that_is_not_text(tmp_path, cache):
    (tmp_path / "odd.json").write_text(json.dumps({"text": "The army has 100 tanks.", "title": ["not", "a", "title"]}))
    doc = load(tmp_path / "odd.json", cache).documents[0]
    assert (doc.title, doc.text) == (None, "The army has 100 tanks.")


def test_every_hostile_article_file_as_a_source_is_read_or_named_in_one_line(cache):
    """The files the article loader is hardened against (tests/hostile/corpus): as sources, each one is
    either loaded or one (file, reason) problem; none raises."""
    from claimkit.paths import ROOT

    corpus = ROOT / "tests" / "hostile" / "corpus"
    names = [
        "binary-png.txt",
        "control-chars.txt",
        "empty.txt",
        "feed-malformed-line.jsonl",
        "json-bad-date.json",
        "json-broken.json",
        "json-text-not-string.json",
        "json-wrong-shape.json",
        "utf-16be-no-bom.txt",
        "windows-1252.txt",
        "html-empty-body.html",
        "html-scripts-iframes-unclosed.html",
    ]
    srcset = load([corpus / n for n in names], cache)
    loaded = {d.path.split(":")[0] for d in srcset.documents}
    failed = {f.split(":")[0] for f, _ in srcset.problems}
    assert loaded | failed == {str(corpus / n) for n in names}
    assert {str(corpus / n) for n in ("binary-png.txt", "empty.txt", "json-broken.json")} <= failed - loaded
    assert all(reason and "\n" not in reason for _, reason in srcset.problems)


# ---------------------------------------------------------------- properties


_TEXTS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=3000) | st.lists(
    st.sampled_from(
        [
            "The army has 100,000 troops.",
            "Talks failed",
            "\n\n",
            " ",
            "U.S. officials said.",
            "x" * 700,
            "4.5 million",
            "(OSCE).",
            '"We must act," he said.',
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=60, deadline=None)
@given(_TEXTS)
def test_passages_are_ordered_disjoint_short_slices_of_their_region(text):
    from claimkit.ingest.passages import MAX_CHARS, prose_windows

    half = len(text) // 2
    regions = [(0, half, 1), (half, len(text), 2)]
    spans = prose_windows(text, regions)
    for (s, e, page), nxt in zip(spans, spans[1:] + [None]):
        assert 0 <= s < e <= len(text) and e - s <= MAX_CHARS
        region = regions[page - 1]
        assert region[0] <= s and e <= region[1]  # never across a region (a PDF page)
        assert text[s:e] == text[s:e].strip()
        if nxt:
            assert e <= nxt[0]
    covered = set()
    for s, e, _ in spans:
        covered.update(range(s, e))
    assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())  # no text is lost


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_search_takes_any_query(query):
    srcset = _PROPERTY_SET()
    hits = srcset.search(query, k=5)
    assert len(hits) <= 5 and all(score > 0 for _, score in hits)
    assert [s for _, s in hits] == sorted((s for _, s in hits), reverse=True)


@functools.cache
def _PROPERTY_SET():
    """One source set for every example hypothesis draws (built on first use)."""
    return load_sources([RELEASE, "The army has 100,000 troops.", "Talks in Vienna lasted 7 hours."], cache=False)


def test_a_table_figure_takes_subject_and_date_from_its_row_and_column(tmp_path, cache):
    (tmp_path / "population.csv").write_text("country,year,population\nGermany,2019,83092962\n")
    (tmp_path / "wide.csv").write_text("country,2018,2019\nFrance,66.9,67.2\n")
    claims = load(tmp_path, cache).claims.set_index("span")
    assert (claims.loc["83,092,962", "subject"], claims.loc["83,092,962", "date"]) == (
        "Germany population",
        "2019-01-01/2019-12-31",
    )
    assert json.loads(claims.loc["83,092,962", "details"])["date_basis"] == "stated"
    assert (claims.loc["67.2", "subject"], claims.loc["67.2", "date"]) == ("France", "2019-01-01/2019-12-31")


def test_cell_labels_read_dates_only_from_time_columns():
    from claimkit.ingest.cells import cell_context

    assert cell_context([["country", "Germany"], ["year", "2019"]], "population") == (
        "Germany population",
        "2019-01-01/2019-12-31",
    )
    assert cell_context([["month", "March 2020"]], "cases") == ("cases", "2020-03-01/2020-03-31")
    assert cell_context([["code", "2019"], ["unit", "Berlin"]], "staff") == (
        "2019 Berlin staff",
        None,
    )  # a code, not a year
