"""The HTML report opened in headless Chromium, as an editor would open it from an e-mail."""

import pytest

from claimkit.display import show_article
from claimkit.report import write_batch_report, write_report
from tests.helpers.browser import VIEWPORT, artifact_dir, chromium, publish_screenshot
from tests.helpers.desk import SEED, hostile_run, seed_run

pytestmark = pytest.mark.browser


def open_offline(browser, path, *, viewport=VIEWPORT):
    """A page showing ``path`` where every request that is not the file itself is recorded and refused."""
    page = browser.new_page(viewport=viewport)
    requests, events = [], []

    def route(r):
        requests.append(r.request.url)
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: events.append(f"console: {m.text}"))
    page.on("dialog", lambda d: (events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("pageerror", lambda e: events.append(f"error: {e}"))
    page.goto(path.as_uri(), wait_until="load")
    return page, requests, events


def test_report_shows_highlights_verdicts_and_source_links_offline(tmp_path):
    _, claims, verdicts = seed_run(tmp_path)
    path = write_report(tmp_path)
    with chromium() as browser:
        page, requests, events = open_offline(browser, path)
        assert page.locator("#article mark.ck-claim").count() == len(claims)
        for v in verdicts.to_dict("records"):
            card = page.locator(f'article.claim[data-claim-id="{v["claim_id"]}"]')
            assert card.locator(".verdict").inner_text() == v["verdict"]
            assert (
                page.locator(f'#article mark[data-claim-id="{v["claim_id"]}"]').get_attribute("data-verdict")
                == v["verdict"]
            )
            for url in v["sources"]:
                assert card.locator(f'a.source[href="{url}"]').count() == 1
        assert page.locator("svg.ck-chart rect.ck-bar").count() > 0
        # a highlight takes the reader to its verdict
        first = claims.sort_values("start").claim_id.iloc[0]
        page.locator(f'#article mark[data-claim-id="{first}"] a').click()
        assert page.evaluate("location.hash") == f"#claim-{first}"
        shot = artifact_dir("report") / "report.png"
        page.screenshot(path=str(shot))
    assert requests == [path.as_uri()], f"the page asked for nothing but itself: {requests}"
    assert events == []


def test_report_prints_on_a4_without_cut_off_tables(tmp_path):
    seed_run(tmp_path / "a")
    seed_run(tmp_path / "b", with_verdicts=False)
    pages = write_batch_report(tmp_path)
    # A4 is 210 mm wide; with 14 mm margins the printed column is 182 mm = 688 CSS pixels
    with chromium() as browser:
        for path in pages:
            page, _, _ = open_offline(browser, path, viewport={"width": 688, "height": 1000})
            page.emulate_media(media="print")
            overflow = page.evaluate("""() => [...document.querySelectorAll('body *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                .map(e => e.tagName + '.' + e.className)""")
            assert overflow == [], f"{path.name}: wider than an A4 page: {overflow[:5]}"
            pdf = page.pdf(format="A4", print_background=True)
            assert pdf.startswith(b"%PDF") and len(pdf) > 10_000


def test_hostile_article_runs_no_script_in_the_report_or_the_notebook_view(tmp_path):
    article, claims, verdicts = hostile_run(tmp_path / "hostile")
    seed_run(tmp_path / "seed")
    write_batch_report(tmp_path)
    # the notebook's view has no Content-Security-Policy to fall back on: escaping alone must hold
    notebook_view = tmp_path / "notebook-view.html"
    notebook_view.write_text(
        "<!DOCTYPE html><meta charset=utf-8>" + show_article(article, claims, verdicts).html, encoding="utf-8"
    )
    with chromium() as browser:
        for path in (tmp_path / "hostile" / "report.html", tmp_path / "index.html", notebook_view):
            page, requests, events = open_offline(browser, path)
            page.mouse.move(10, 10)
            for link in page.locator("a").all():
                link.hover()
            page.wait_for_timeout(300)
            assert page.evaluate("window.__pwned") is None, path.name
            assert events == [], f"{path.name}: {events}"
            assert page.locator("script:not([type='application/ld+json'])").count() == 0
            assert page.locator("img, [onerror], [onmouseover]").count() == 0
            hrefs = page.eval_on_selector_all("a[href]", "as => as.map(a => a.href)")
            assert all(h.startswith(("http://", "https://", "file://")) for h in hrefs), hrefs
            assert all(not u.startswith(("javascript:", "data:")) for u in requests)
        assert "<script>window.__pwned = 1;" in page.inner_text("body")


@pytest.mark.notebook
def test_report_of_the_founding_article_run(tmp_path):
    """The picture for the README: `claimkit run` on the founding article, then `claimkit report`."""
    from claimkit.runner import run_article

    run_article(SEED, out_dir=tmp_path, parameters={"strict": "false"})
    path = write_report(tmp_path)
    with chromium() as browser:
        page, requests, _events = open_offline(browser, path)
        assert page.locator("#article mark.ck-claim").count() > 0
        assert page.locator("article.claim .verdict").count() > 0
        page.locator("#summary").scroll_into_view_if_needed()
        shot = artifact_dir("report") / "report-founding-article.png"
        page.screenshot(path=str(shot))
    assert requests == [path.as_uri()]
    publish_screenshot(shot, "report.png")
