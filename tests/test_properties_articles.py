"""Property-based tests (Hypothesis) for loading articles: arbitrary bytes are decoded or refused with an
InputError naming the file; arbitrary text loads or is refused; an Article's sentences point into its text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimkit import InputError, load_article
from claimkit.articles import decode_bytes


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_raise_input_error(data):
    try:
        text = decode_bytes(data, "story.txt")
    except InputError as exc:
        assert exc.source == "story.txt" and exc.reason
    else:
        assert isinstance(text, str) and text.strip()


@settings(max_examples=200, deadline=None)
@given(st.text(), st.sampled_from(["utf-8", "utf-16", "utf-16-le", "cp1252", "latin-1"]))
def test_text_written_in_any_encoding_loads_or_is_refused(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    try:
        decode_bytes(data, "story.txt")
    except InputError as exc:
        assert exc.source == "story.txt"


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1).filter(lambda t: "\n" in t or len(t) > 3))
def test_any_string_loads_as_an_article_or_is_refused(text):
    try:
        art = load_article(text)
    except InputError as exc:
        assert "empty" in exc.reason
        return
    assert art.text and art.id.startswith("a-")
    for s, e in art.sentences:
        assert 0 <= s < e <= len(art.text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200), st.text(max_size=40), st.text(max_size=40))
def test_any_feed_record_fields_load_or_are_refused(tmp_path_factory, text, title, url):
    import json

    path = tmp_path_factory.mktemp("feed") / "story.json"
    path.write_text(json.dumps({"text": text, "title": title, "url": url}), encoding="utf-8")
    try:
        art = load_article(path)
    except InputError as exc:
        assert exc.source == str(path)
        return
    assert art.title in (title, None) or not title
