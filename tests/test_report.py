"""`claimkit report DIR`: one self-contained page per article, an index for a batch, everything escaped."""

import json
import re
import sys
import types

import pytest

from claimkit.cli import main
from claimkit.outputs import CLAIMREVIEW_FILE, write_outputs
from claimkit.report import INDEX_FILE, REPORT_FILE, json_ld, report, write_report
from tests.helpers.desk import hostile_run, seed_run


def tags(html, name):
    return re.findall(rf"<{name}\b[^>]*>", html, flags=re.I)


def test_report_of_a_run_shows_every_claim_its_verdict_evidence_and_sources(tmp_path):
    _, claims, verdicts = seed_run(tmp_path)
    paths = report(tmp_path)
    assert paths == [tmp_path / REPORT_FILE]
    html = paths[0].read_text(encoding="utf-8")
    assert "<h1>Russia sees no reason to resume talks on Ukraine crisis" in html
    assert '<time datetime="2022-01-13">' in html
    assert len(re.findall(r'<mark class="ck-claim', html)) == len(claims)
    for v in verdicts.to_dict("records"):
        card = re.search(
            rf'<article class="card claim" id="claim-{v["claim_id"]}"[^>]*data-verdict="{v["verdict"]}"', html
        )
        assert card, f"a card for {v['claim_id']} with its verdict {v['verdict']}"
        for url in v["sources"]:
            assert f'href="{url}"' in html
        for eid in v["evidence_ids"]:
            assert f'data-evidence-id="{eid}"' in html
    assert "Wording differs from the Kremlin transcript." in html and "B. Checker" in html
    assert html.count('href="#claim-') == len(claims), "each highlight links to its claim's card"


def test_report_needs_no_network_and_runs_no_script(tmp_path):
    seed_run(tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert not re.search(r"""\b(src|srcset|poster|data)\s*=|<link\b|@import|url\(""", html, flags=re.I)
    assert "default-src 'none'" in html and "script-src" not in html
    assert all("application/ld+json" in t for t in tags(html, "script"))


def test_report_prints_on_a4(tmp_path):
    seed_run(tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert "@page{size:A4" in html
    assert "break-inside:avoid" in html and "table-layout:fixed" in html


def test_a_run_without_verdicts_gives_a_claims_only_report(tmp_path):
    _, claims, _ = seed_run(tmp_path, with_verdicts=False)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert len(re.findall(r'<mark class="ck-claim', html)) == len(claims)
    assert "none has been checked yet" in html
    assert 'class="verdict"' not in html and "application/ld+json" not in html
    assert not (tmp_path / CLAIMREVIEW_FILE).exists()


def fake_claimreview(monkeypatch, payload_note):
    """Stand in for claimkit.claimreview (written elsewhere) to test how the page embeds what it returns."""
    module = types.ModuleType("claimkit.claimreview")
    module.to_claimreview = lambda verdicts, article: [
        {
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "url": f"{article.url}#{cid}",
            "datePublished": str(article.published),
            "reviewRating": {"alternateName": v, "ratingExplanation": payload_note},
        }
        for cid, v in zip(verdicts["claim_id"], verdicts["verdict"])
    ]
    monkeypatch.setitem(sys.modules, "claimkit.claimreview", module)


def test_claimreview_json_ld_is_embedded_and_cannot_close_its_block(tmp_path, monkeypatch):
    fake_claimreview(monkeypatch, "</script><script>alert(1)</script> & more")
    _, _, verdicts = seed_run(tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, flags=re.S)
    assert block and html.count("</script>") == 1
    items = json.loads(block.group(1))
    assert [i["reviewRating"]["alternateName"] for i in items] == list(verdicts["verdict"])
    assert items[0]["reviewRating"]["ratingExplanation"] == "</script><script>alert(1)</script> & more"
    assert items[0]["datePublished"] == "2022-01-13"
    assert json.loads((tmp_path / CLAIMREVIEW_FILE).read_text()) == items


def test_json_ld_escapes_markup_characters():
    text = json_ld({"a": "</script><!-- & -->"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- & -->"}


def test_hostile_input_is_escaped_and_script_urls_are_never_links(tmp_path):
    hostile_run(tmp_path)
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert all("application/ld+json" in t for t in tags(html, "script"))
    assert not tags(html, "img") and not tags(html, "b") and not tags(html, "i")
    assert not re.search(r"<[^>]+\son\w+\s*=", html, flags=re.I), "no event-handler attribute on any element"
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith(("https://", "http://", "#")) for h in hrefs), hrefs
    assert 'href="https://example.org/ok?a=1&amp;b=&lt;2&gt;"' in html
    assert "&lt;script&gt;window.__pwned = 1;" in html, "the article's markup is shown as text"


def test_batch_folder_gets_a_report_per_article_and_an_index(tmp_path):
    seed_run(tmp_path / "russia-osce")
    hostile = 'x"><img src=x onerror=alert(1)>'
    hostile_run(tmp_path / hostile)
    (tmp_path / "summary.csv").write_text(
        "source,folder,status,error\n"
        "data/articles/russia-osce-dead-end.txt,russia-osce,ok,\n"
        "feeds/broken.html,broken,failed,<b>cannot decode</b>\n"
    )
    paths = report(tmp_path)
    assert paths[-1] == tmp_path / INDEX_FILE
    assert {p.parent.name for p in paths[:-1]} == {"russia-osce", hostile}
    index = paths[-1].read_text(encoding="utf-8")
    assert 'href="russia-osce/report.html"' in index
    assert 'href="x%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E/report.html"' in index
    assert not tags(index, "script") and not tags(index, "b") and not tags(index, "img")
    assert "feeds/broken.html: failed — &lt;b&gt;cannot decode&lt;/b&gt;" in index
    assert len(re.findall(r'<tr class="entry">', index)) == 2
    page = (tmp_path / "russia-osce" / REPORT_FILE).read_text(encoding="utf-8")
    assert 'href="../index.html"' in page


def test_cli_report_prints_the_files_it_wrote(tmp_path, capsys):
    seed_run(tmp_path)
    assert main(["report", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == str(tmp_path / REPORT_FILE)


@pytest.mark.parametrize("make", ["missing", "empty"])
def test_cli_report_of_a_folder_without_runs_is_bad_input(tmp_path, capsys, make):
    folder = tmp_path / "nothing-here"
    if make == "empty":
        folder.mkdir()
    assert main(["report", str(folder)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"claimkit: {folder}: ")


def report_from_files(run_dir):
    """The report of a run folder as made from its files (the in-memory tables forgotten first)."""
    from claimkit import outputs

    outputs._WRITTEN.clear()
    html = write_report(run_dir).read_text(encoding="utf-8")
    return html, (run_dir / CLAIMREVIEW_FILE).read_bytes() if (run_dir / CLAIMREVIEW_FILE).exists() else None


def generated_masked(html):
    """The page without its generation time (the two pages are made a moment apart)."""
    return re.sub(r"(Made by claimkit \S+ on )\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", r"\1(time)", html)


def notebook_run(path, out_dir):
    """The article notebook's last cells: extract, verify, validate, export, write_outputs, write_report."""
    import claimkit as ck
    from claimkit.outputs import written_outputs
    from claimkit.validation import check

    art = ck.load_article(path)
    claims = ck.extract_claims(art)
    verdicts = ck.verify(claims)
    checks = [check(claims, "claims"), check(verdicts, "verdicts")]
    write_outputs(
        out_dir,
        article=art,
        claims=claims,
        verdicts=verdicts,
        validations=checks,
        claimreview=ck.to_claimreview(verdicts, art),
    )
    assert written_outputs(out_dir) is not None, "the tables were kept in memory"
    return write_report(out_dir).read_text(encoding="utf-8"), (out_dir / CLAIMREVIEW_FILE).read_bytes()


@pytest.mark.parametrize("article", ["russia-osce-dead-end.txt", "altered/russia-osce-dead-end-altered.txt"])
def test_the_report_from_the_tables_in_memory_is_the_report_from_the_files(tmp_path, article):
    from tests.helpers.desk import ROOT

    html, reviews = notebook_run(ROOT / "data" / "articles" / article, tmp_path)
    from_files, reviews_from_files = report_from_files(tmp_path)
    assert "(time)" in generated_masked(html) and generated_masked(html) == generated_masked(from_files)
    assert html.count('<mark class="ck-claim') > 10 and reviews == reviews_from_files


@pytest.mark.parametrize("make", ["seed", "hostile", "no verdicts"])
def test_the_report_from_memory_equals_the_report_from_files_for_fixture_runs(tmp_path, make):
    from claimkit.outputs import written_outputs

    {"seed": seed_run, "hostile": hostile_run, "no verdicts": lambda d: seed_run(d, with_verdicts=False)}[make](
        tmp_path
    )
    assert written_outputs(tmp_path) is not None
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert generated_masked(html) == generated_masked(report_from_files(tmp_path)[0])


def test_a_file_changed_after_it_was_written_is_what_the_report_shows(tmp_path):
    from claimkit.files import read_table, write_table
    from claimkit.outputs import VERDICTS_FILE, written_outputs

    seed_run(tmp_path)
    table = read_table(tmp_path / VERDICTS_FILE)
    table.loc[0, "note"] = "Corrected by hand after the run."
    write_table(table, tmp_path / VERDICTS_FILE)
    assert written_outputs(tmp_path) is None
    assert "Corrected by hand after the run." in write_report(tmp_path).read_text(encoding="utf-8")


def test_tables_that_would_not_read_back_as_they_are_are_read_from_the_files(tmp_path):
    from claimkit.outputs import written_outputs

    article, claims, verdicts = seed_run(tmp_path)
    verdicts["expected"] = "1.50"  # read back from CSV as the number 1.5
    write_outputs(tmp_path, article=article, claims=claims, verdicts=verdicts)
    assert written_outputs(tmp_path) is None
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert generated_masked(html) == generated_masked(report_from_files(tmp_path)[0])


def test_edits_to_the_callers_tables_after_writing_do_not_reach_the_report(tmp_path):
    _, claims, verdicts = seed_run(tmp_path)
    claims.loc[:, "span"] = "edited in memory"
    verdicts.loc[:, "note"] = "edited in memory"
    html = write_report(tmp_path).read_text(encoding="utf-8")
    assert "edited in memory" not in html
    assert generated_masked(html) == generated_masked(report_from_files(tmp_path)[0])
