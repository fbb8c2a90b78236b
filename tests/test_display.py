"""What the notebook shows: highlights coloured by kind then verdict, safe links, the verdict chart, changes."""

import re

import pandas as pd
import pytest

from claimkit.articles import load_article
from claimkit.display import (
    VERDICT_COLOURS,
    as_list,
    highlight_html,
    link_html,
    ranked_claims,
    safe_url,
    show_article,
    show_changes,
    show_validation,
    show_verdicts,
    verdict_changes,
    verdict_counts,
    verdict_rows,
    verdict_summary,
)
from tests.helpers.desk import claims_for, seed_article, verdicts_for


@pytest.fixture(scope="module")
def seed():
    article = seed_article()
    claims = claims_for(article)
    return article, claims, verdicts_for(claims)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.reuters.com/world/",
        "http://example.org/a?b=c&d=e#f",
        "HTTPS://EXAMPLE.ORG/",
    ],
)
def test_http_addresses_are_links(url):
    assert safe_url(url) == url
    assert link_html(url).startswith("<a href=")


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "javascript\n:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "//evil.example/x",
        "/relative/path",
        "https://",
        "",
        None,
        42,
    ],
)
def test_anything_but_an_http_address_is_plain_text(url):
    assert safe_url(url) is None
    html = link_html(url, "the source")
    assert "<a" not in html and "href" not in html


def test_a_link_text_is_escaped():
    html = link_html("https://example.org/?q=<b>", '<img src=x onerror="alert(1)">')
    assert "<img" not in html and "&lt;img" in html
    assert 'href="https://example.org/?q=&lt;b&gt;"' in html


def test_highlighted_text_is_escaped_and_marks_carry_the_claim_id():
    text = 'He wrote <script>alert("x")</script> and 57 countries <b>agreed</b>.'
    start = text.index("57 countries")
    claims = pd.DataFrame([{"claim_id": 'c-"><script>', "kind": "quantity", "start": start, "end": start + 12}])
    html = highlight_html(text, claims)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>" not in html
    mark = re.search(r"<mark [^>]*>57 countries</mark>", html).group(0)
    assert (
        'data-claim-id="c-&quot;&gt;&lt;script&gt;"' in mark and 'title="c-&quot;&gt;&lt;script&gt; quantity"' in mark
    )


def test_marks_are_coloured_by_kind_then_by_verdict(seed):
    article, claims, verdicts = seed
    before = highlight_html(article.text, claims)
    after = highlight_html(article.text, claims, verdicts)
    troops = claims.loc[claims.span == "around 100,000 troops", "claim_id"].item()
    assert re.search(
        rf'data-claim-id="{troops}" data-kind="quantity" data-verdict="" style="background:#ffe08a"', before
    )
    assert re.search(
        rf'data-claim-id="{troops}" data-kind="quantity" data-verdict="supported" '
        rf'style="background:{VERDICT_COLOURS["supported"]}" title="{troops} quantity → supported"',
        after,
    )
    assert after.count('class="ck-claim') == len(claims)


def test_show_article_takes_an_article_or_its_record_and_never_links_a_script_url():
    article = load_article("Some 57 countries met.", title="<i>Title</i>", url="javascript:alert(1)")
    claims = pd.DataFrame([{"claim_id": "c-1", "kind": "quantity", "start": 5, "end": 17}])
    for a in (article, {"title": article.title, "url": article.url, "text": article.text}):
        html = show_article(a, claims)._repr_html_()
        assert "&lt;i&gt;Title&lt;/i&gt;" in html and "<i>" not in html
        assert "href" not in html and "javascript:alert(1)" in html


def test_verdict_counts_by_kind_and_verdict(seed):
    _, claims, verdicts = seed
    table = verdict_counts(verdicts, claims)
    assert list(table.columns) == list(VERDICT_COLOURS)
    assert table.loc["quantity", "supported"] == 2 and table.loc["attribution", "contradicted"] == 1
    assert table.to_numpy().sum() == len(verdicts)


def test_the_chart_rows_are_the_verdict_counts(seed):
    _, claims, verdicts = seed
    odd = verdicts.copy()
    odd.loc[odd.index[0], "verdict"] = None  # not counted
    odd.loc[odd.index[1], "verdict"] = "rumoured"  # outside the vocabulary: its kind row stays, uncounted
    with_kinds = odd.merge(claims[["claim_id", "kind"]], on="claim_id", how="left")
    with_kinds.loc[with_kinds.index[2], "kind"] = None  # "(unknown)"
    for table, others in ((verdicts, claims), (odd, claims), (with_kinds, None), (odd, None)):
        counts = verdict_counts(table, others)
        expected = {"all claims": {v: int(counts[v].sum()) for v in counts.columns}}
        expected.update({str(k): {v: int(n) for v, n in r.items()} for k, r in counts.iterrows()})
        rows = verdict_rows(table, others)
        assert rows == expected and list(rows) == list(expected)


def test_verdict_summary_is_a_picture_of_the_counts(seed):
    _, claims, verdicts = seed
    html = verdict_summary(verdicts, claims)._repr_html_()
    assert "<svg" in html and 'class="ck-verdict-summary"' in html
    bars = re.findall(r'data-row="([^"]+)" data-segment="([^"]+)" data-count="(\d+)"', html)
    total = {seg: int(n) for row, seg, n in bars if row == "all claims"}
    assert total == verdicts["verdict"].value_counts().to_dict()
    assert sum(int(n) for row, _, n in bars if row != "all claims") == len(verdicts)


def test_ranked_claims_show_their_verdicts_most_checkworthy_first(seed):
    _, claims, verdicts = seed
    styler = ranked_claims(claims, verdicts=verdicts)
    data = styler.data
    assert list(data.columns[:3]) == ["claim_id", "kind", "verdict"]
    assert list(data["checkworthiness"]) == sorted(claims["checkworthiness"], reverse=True)
    assert f"background-color: {VERDICT_COLOURS['contradicted']}" in styler.to_html()


def test_show_verdicts_lists_evidence_sources_and_notes(seed):
    _, claims, verdicts = seed
    html = show_verdicts(verdicts, claims)._repr_html_()
    assert html.count("<tr data-claim-id") == len(verdicts)
    assert '<a href="https://www.kremlin.ru/"' in html and "Wording differs from the Kremlin transcript." in html
    checked = show_verdicts(verdicts, claims, only_checked=True)._repr_html_()
    assert checked.count("<tr data-claim-id") == int((verdicts.verdict != "unverified").sum())


def test_a_review_shows_what_it_changed(seed):
    _, claims, verdicts = seed
    after = verdicts.copy()
    cid = claims.loc[claims.span == "the last 30 years", "claim_id"].item()
    row = after.index[after.claim_id == cid][0]
    after.loc[row, ["verdict", "note", "reviewer", "method"]] = [
        "supported",
        "Poland's minister <b>said</b> so",
        "C. Desk",
        "review",
    ]
    after.at[row, "sources"] = ["https://www.osce.org/permanent-council"]
    changes = verdict_changes(verdicts, after)
    assert set(changes["claim_id"]) == {cid}
    assert set(changes["field"]) == {"verdict", "note", "reviewer", "method", "sources"}
    html = show_changes(verdicts, after)._repr_html_()
    assert "1 claim changed" in html and "&lt;b&gt;said&lt;/b&gt;" in html
    assert '<a href="https://www.osce.org/permanent-council"' in html
    assert "Nothing changed" in show_changes(verdicts, verdicts)._repr_html_()


def test_validation_is_a_short_list_of_what_failed():
    results = [
        {"suite": "claims", "success": True, "failures": []},
        {
            "suite": "verdicts",
            "success": False,
            "failures": ["expect_column_values_to_be_in_set on verdict: 1 failing rows, e.g. ['<maybe>']"],
        },
    ]
    html = show_validation(results, docs_url="https://docs.example.org/validation.html")._repr_html_()
    assert "✔ <b>claims</b>: passed" in html and "✗ <b>verdicts</b>: 1 expectation(s) failed" in html
    assert (
        "&lt;maybe&gt;" in html
        and "<maybe>" not in html
        and '<a href="https://docs.example.org/validation.html"' in html
    )


@pytest.mark.parametrize(
    "cell, expected",
    [
        (["a", "b"], ["a", "b"]),
        ('["a", "b"]', ["a", "b"]),
        ("['https://x.org/']", ["https://x.org/"]),
        ("https://x.org/", ["https://x.org/"]),
        ("", []),
        (float("nan"), []),
        (None, []),
        ("[]", []),
    ],
)
def test_list_cells_read_back_from_a_table(cell, expected):
    assert as_list(cell) == expected


def test_who_said_what_lists_each_quote_with_its_resolved_speaker():
    import claimkit as ck
    from claimkit.display import who_said_what
    from claimkit.paths import SEED_ARTICLE

    claims = ck.extract_claims(ck.load_article(SEED_ARTICLE))
    table = who_said_what(claims).data
    rau = table[table["words"].str.startswith("It seems that the risk of war")].iloc[0]
    assert rau["speaker"] == "Zbigniew Rau" and rau["kind"] == "quote"
    assert set(table["kind"]) == {"quote", "attribution"}


def test_when_shows_each_weekday_resolved():
    import claimkit as ck
    from claimkit.display import when
    from claimkit.paths import SEED_ARTICLE

    table = when(ck.extract_claims(ck.load_article(SEED_ARTICLE))).data
    resolved = dict(zip(table["as written"], table["from"]))
    assert (resolved["Monday"], resolved["Wednesday"], resolved["Thursday"]) == (
        "2022-01-10",
        "2022-01-12",
        "2022-01-13",
    )
    last30 = table[table["as written"] == "the last 30 years"].iloc[0]
    assert last30["to"] == "2022-01-13"


def test_the_quote_and_time_tables_escape_the_article_text():
    import claimkit as ck
    from claimkit.display import when, who_said_what
    from claimkit.paths import SEED_ARTICLE

    claims = ck.extract_claims(ck.load_article(SEED_ARTICLE))
    claims["span"] = claims["span"].where(~claims["kind"].isin(["quote", "time"]), "<img src=x onerror=alert(1)>")
    claims["sentence"] = "<script>alert(1)</script>"
    for html in (who_said_what(claims).to_html(), when(claims).to_html()):
        assert "&lt;img src=x" in html and "<img" not in html and "<script>" not in html


def test_the_tables_have_a_one_line_text_form_so_jupyter_renders_them_once(seed):
    from claimkit.display import when, who_said_what

    _, claims, verdicts = seed
    for table in (ranked_claims(claims, verdicts=verdicts), who_said_what(claims), when(claims)):
        text = repr(table)
        assert "\n" not in text and len(text) < 80 and f"{len(table.data)} row" in text
        assert table._repr_html_() == table.to_html()
        assert table.to_html().count("<tr>") == len(table.data) + 1  # the heading row, then one per row shown


def test_ranked_claims_draw_checkworthiness_as_a_bar_and_escape_every_cell(seed):
    _, claims, verdicts = seed
    hostile = claims.copy()
    top = hostile["checkworthiness"].idxmax()
    hostile.loc[top, ["span", "speaker"]] = ['<img src=x onerror="alert(1)">', "<b>Rau</b> & co"]
    html = ranked_claims(hostile, limit=5, verdicts=verdicts).to_html()
    assert "<img" not in html and "<b>" not in html
    assert "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;" in html and "&lt;b&gt;Rau&lt;/b&gt; &amp; co" in html
    score = hostile.loc[top, "checkworthiness"]
    first_row = html.split("<tr>")[2]
    assert f"linear-gradient(90deg, #9ecae1 {score * 100:.1f}%, transparent {score * 100:.1f}%)" in first_row
    assert f">{score:.2f}</td>" in first_row
