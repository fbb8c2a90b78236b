"""Article ingest from every supported format, with metadata from the file, a sidecar or arguments."""

import json
from datetime import date

import pytest

from claimkit import InputError, load_article, read_articles

STORY = (
    "Russia has gathered around 100,000 troops near the border with Ukraine, officials said on Monday.\n\n"
    "Talks in Geneva ended without agreement."
)

PAGE = """<!doctype html><html><head><title>Troops gather | Example News</title>
<meta property="og:title" content="Troops gather near the border">
<meta property="article:published_time" content="2022-01-13T09:00:00Z">
<script>window.tracker = 1;</script></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<div id="cookie">This website uses cookies to improve your experience. Accept Read More</div>
<article><h1>Troops gather near the border</h1>
<p>Russia has gathered around 100,000 troops near the border with Ukraine, officials said on Monday, in a move that
Western governments described as a threat to peace in Europe.</p>
<p>Talks in Geneva ended without agreement after more than seven hours, the delegations said in separate statements
to reporters gathered outside the mission.</p>
</article><footer>Share this article: Facebook | Twitter | Email</footer></body></html>"""


def test_plain_text_with_arguments_overriding():
    art = load_article(STORY, published="2022-01-13", title="Troops", url="https://example.org/a")
    assert (art.published, art.title, art.url) == (date(2022, 1, 13), "Troops", "https://example.org/a")
    assert art.text.startswith("Russia has gathered")


def test_markdown_syntax_is_removed(tmp_path):
    path = tmp_path / "story.md"
    path.write_text(
        "# Troops gather\n\nRussia has **gathered** around [100,000 troops](https://x.org) near the border.\n"
    )
    art = load_article(path)
    assert art.title == "Troops gather"
    assert art.text == "Russia has gathered around 100,000 troops near the border."


def test_html_main_text_and_metadata(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE)
    art = load_article(path)
    assert "100,000 troops" in art.text and "Geneva" in art.text
    for furniture in ("Home", "cookies", "window.tracker", "Share this article"):
        assert furniture not in art.text
    assert art.published == date(2022, 1, 13)
    assert "Troops gather" in art.title


def test_json_record_with_html(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"html": PAGE, "published": "2022-01-13", "id": "wire-1", "title": "Given title"}))
    art = load_article(path)
    assert art.title == "Given title" and art.published == date(2022, 1, 13) and art.meta["feed_id"] == "wire-1"


def test_sidecar_metadata(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2022-01-13", "source_name": "Wire"}))
    art = load_article(path)
    assert art.published == date(2022, 1, 13) and art.source_name == "Wire"


def test_bad_sidecar_names_the_sidecar(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    (tmp_path / "story.meta.json").write_text("{not json")
    with pytest.raises(InputError, match=r"story\.meta\.json: sidecar is not valid JSON"):
        load_article(path)


def test_folder_skips_sidecars_and_reads_every_article(tmp_path):
    (tmp_path / "a.txt").write_text(STORY)
    (tmp_path / "a.meta.json").write_text(json.dumps({"published": "2022-01-13"}))
    (tmp_path / "b.md").write_text("Second story about talks in Vienna on Thursday.")
    arts = list(read_articles(tmp_path))
    assert [a.path.rsplit("/", 1)[1] for a in arts] == ["a.txt", "b.md"]
    assert arts[0].published == date(2022, 1, 13)


def test_feed_reports_a_bad_line_and_reads_the_rest(tmp_path):
    feed = tmp_path / "wire.jsonl"
    feed.write_text(
        "\n".join(
            [
                json.dumps({"id": "1", "text": STORY, "published": "2022-01-13"}),
                '{"id": "2", "text": "broken',
                json.dumps({"id": "3", "html": PAGE}),
                json.dumps({"id": "4"}),
            ]
        )
        + "\n"
    )
    errors = []
    arts = list(read_articles(feed, errors=errors))
    assert [a.meta["feed_id"] for a in arts] == ["1", "3"]
    assert [(e.line, e.source) for e in errors] == [(2, f"{feed}:2"), (4, f"{feed}:4")]
    assert "not valid JSON" in errors[0].reason and "no 'text' or 'html'" in errors[1].reason


def test_glob(tmp_path):
    for name in ("x1.txt", "x2.txt", "y.txt"):
        (tmp_path / name).write_text(STORY)
    assert len(list(read_articles(str(tmp_path / "x*.txt")))) == 2


def test_truncated_utf8_keeps_the_text(tmp_path):
    path = tmp_path / "cut.txt"
    path.write_bytes("Talks in Genève ended. Кириллица".encode()[:-1])
    assert load_article(path).text.startswith("Talks in Genève ended.")


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "latin-1"])
def test_encodings_without_bom_are_detected(tmp_path, encoding):
    path = tmp_path / "story.txt"
    path.write_bytes("Les pourparlers de Genève ont échoué lundi, a déclaré le ministre à la presse.".encode(encoding))
    assert "Genève" in load_article(path).text
