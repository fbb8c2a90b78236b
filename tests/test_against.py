"""What the journalist sees against the sources: the claim beside its passage, shared words marked, escaped."""

import pytest

from claimkit import extract_claims, load_article, verify
from claimkit.against import highlight_shared, passage_where, show_against_sources, source_candidates
from claimkit.evidence import EvidenceStore
from claimkit.sources import load_sources

SOURCE = (
    "Sales rose 5 percent to 3.2 billion dollars, while profits fell 12 percent to 400 million dollars, "
    "the <b>company</b> said."
)
STORY = (
    "Profits fell 12 percent to 400 million dollars, the company said. Sales rose 12 percent to 3.2 billion dollars."
)


@pytest.fixture(scope="module")
def checked(tmp_path_factory):
    srcset = load_sources([load_article(SOURCE, published="2022-03-01")], cache=False)
    claims = extract_claims(load_article(STORY, published="2022-03-02"))
    return claims, srcset, verify(claims, sources=srcset, evidence=EvidenceStore(tmp_path_factory.mktemp("none")))


def test_the_table_puts_each_claim_beside_its_passage_with_the_shared_words_marked(checked):
    _, _, v = checked
    html = str(show_against_sources(v))
    assert "<mark class='ck-shared'>Profits</mark>" in html or "<mark class='ck-shared'>profits</mark>" in html
    assert "<mark class='ck-claim'>" in html
    assert "&lt;b&gt;company&lt;/b&gt;" in html and "<b>company</b>" not in html, "source text is escaped"
    assert html.index("misleading") < html.index("supported"), "what is wrong comes first"


def test_highlight_marks_words_by_their_stem_and_underlines_the_claim():
    html = highlight_shared("Troops gathered near the border.", {"troop", "border"}, "Troops")
    assert html.startswith("<mark class='ck-claim'><mark class='ck-shared'>Troops</mark></mark>")
    assert "<mark class='ck-shared'>border</mark>" in html


def test_passage_where_names_the_document_and_page_or_cell():
    assert passage_where({"document": "/x/report.pdf", "page": 3}) == "report.pdf, p. 3"
    assert (
        passage_where({"document": "t.xlsx", "sheet": "Data", "row": 4, "column": "2019"})
        == "t.xlsx, sheet Data, row 4, column 2019"
    )


def test_check_claim_ranks_the_candidates_and_says_why_each_was_or_was_not_used(checked):
    claims, srcset, _v = checked
    sales = claims[(claims["span"] == "12 percent") & claims["sentence"].str.startswith("Sales")].iloc[0]
    c = source_candidates(claims, sales["claim_id"], srcset)
    assert list(c["rank"]) == list(range(1, len(c) + 1)) and len(c) >= 2
    assert c["aboutness"].is_monotonic_decreasing
    top = c.iloc[0]
    assert top["mention"] == "5 percent" and top["used"] and "decided the source check" in top["why"]
    assert "sal" in top["shared_words"].split(", "), "sales (stemmed) stands beside both"
