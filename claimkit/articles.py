"""Articles in: bytes -> decoded text -> main text -> cleaned :class:`Article`.

From here on every offset in claimkit points into ``Article.text``.
"""

from __future__ import annotations

import glob as _glob
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from claimkit.errors import InputError
from claimkit.files import SIDECAR_SUFFIX
from claimkit.lexicon import words
from claimkit.sentences import split_sentences

TEXT_SUFFIXES = (".txt", ".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
FEED_SUFFIXES = (".jsonl", ".ndjson")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES
MAX_BYTES = 200 * 1024 * 1024


@dataclass
class Article:
    """A cleaned story. ``id`` is derived from the cleaned text, so it is stable across re-runs."""

    text: str
    title: str | None = None
    published: date | None = None
    url: str | None = None
    source_name: str | None = None
    path: str | None = None
    meta: dict = field(default_factory=dict)
    id: str = ""
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def __post_init__(self):
        if not self.id:
            self.id = article_id(self.text)
        if not self.sentences:
            self.sentences = split_sentences(self.text)

    def sentence_text(self, i: int) -> str:
        s, e = self.sentences[i]
        return self.text[s:e]

    def document(self):
        from claimkit.extract import Document

        return Document(text=self.text, sentences=self.sentences, published=self.published, article_id=self.id)

    def __repr__(self) -> str:
        head = (self.title or self.text[:60]).replace("\n", " ")
        return f"Article(id={self.id!r}, published={self.published}, title={head!r}, {len(self.text)} chars)"


def article_id(text: str) -> str:
    return "a-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


# ---------------------------------------------------------------- decoding

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)


def decode_bytes(data: bytes, source: str | Path | None = None) -> str:
    """Decode bytes of unknown encoding: BOM, then strict UTF-8, then detection (charset-normalizer).

    Empty, whitespace-only and binary content raise :class:`InputError` naming ``source``.
    """
    text = _decode(data, source)
    if not text.strip():
        raise InputError(source, "file is empty (whitespace only)")
    return text


def _decode(data: bytes, source: str | Path | None) -> str:
    if not data.strip():
        raise InputError(source, "file is empty")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError as exc:
                raise InputError(source, f"not valid {enc} text despite its byte-order mark ({exc.reason})") from None
    if b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is not None:
            return text
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            text = data[: exc.start].decode("utf-8")  # a file cut in the middle of its last character
            if _looks_binary(text):
                raise InputError(source, "binary content, not text") from None
            return text
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        if best is None:
            raise InputError(source, "binary or undecodable content (no text encoding fits)") from None
        text = str(best)
        if best.encoding != "cp1252" and best.language not in _CENTRAL_EUROPEAN:
            western = _as_windows_1252(data)
            if western is not None:
                text = western
    if _looks_binary(text):
        raise InputError(source, "binary content, not text")
    if not text.strip():
        raise InputError(source, "file is empty (whitespace only)")
    return text


_CENTRAL_EUROPEAN = {"Czech", "Slovak", "Polish", "Hungarian", "Slovene", "Croatian", "Romanian", "Bosnian", "Serbian"}
_WESTERN_EXTRA = set(
    "\u201c\u201d\u2018\u2019\u201a\u201e\u2013\u2014\u2026\u20ac\u2022\u2122\u0152\u0153\u0160\u0161\u017d\u017e\u0178"
    "\u00a0\u00ab\u00bb\u00b0\u00b7\u00a7\u00a9\u00ae\u00a3\u00bd\u00bc\u00be"
)


def _as_windows_1252(data: bytes) -> str | None:
    """The bytes as Windows-1252 when that reads as Western European text, else ``None``.

    Detection on short texts picks DOS or Central European code pages for French or English with
    typographic quotes ("Genève" as "Genčve"); browsers decode unlabelled Western text as
    Windows-1252, and so does claimkit when every non-ASCII character is a Western letter or
    common punctuation and such letters are a minority (Cyrillic or Greek in their 8-bit code
    pages would be almost all "letters" above 0x80).
    """
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return None
    if not all(("\u00c0" <= ch <= "\u00ff" and ch not in "\u00d7\u00f7") or ch in _WESTERN_EXTRA for ch in high):
        return None
    letters = sum(1 for ch in text if ch.isalpha())
    high_letters = sum(1 for ch in high if ch.isalpha())
    return text if high_letters <= 0.25 * max(1, letters) else None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a byte-order mark shows NUL in every other byte (for Latin-script text)."""
    sample = data[:4096]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros > 0.3 * half and other < 0.02 * half:
            try:
                text = data[: len(data) - len(data) % 2].decode(enc)
            except UnicodeDecodeError:
                return None
            return None if _looks_binary(text) else text
    return None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if "\x00" in sample:
        return True
    controls = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f\v")
    return controls > max(8, len(sample) // 100)


# ---------------------------------------------------------------- cleaning

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2033": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u200a": " ",
        "\u3000": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\ufeff": None,
        "\u00ad": None,
        "\u2028": "\n",
        "\u2029": "\n\n",
    }
)
_SPACES = re.compile(r"[ \t\f\v]{2,}|[\t\f\v]")  # only runs that need replacing
# one regex over the rare characters: str.translate with a dict costs a Python lookup per character (9 s on 50 MB)
_QUOTE_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _QUOTES) + "]")


def _normalise_chars(text: str) -> str:
    return _QUOTE_CHARS.sub(lambda m: _QUOTES[ord(m.group())] or "", text)


def _squeeze_spaces(line: str) -> str:
    if "  " in line or "\t" in line or "\f" in line or "\v" in line:
        line = _SPACES.sub(" ", line)
    return line.strip()


_BLANK = re.compile(r"\n\s*\n")


@lru_cache(maxsize=1)
def _boilerplate() -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in words("boilerplate.txt")), re.IGNORECASE | re.MULTILINE)


BOILERPLATE_MAX_CHARS = 600  # website furniture is short; a long paragraph is never a cookie banner


def is_boilerplate(paragraph: str) -> bool:
    return len(paragraph) <= BOILERPLATE_MAX_CHARS and bool(_boilerplate().search(paragraph))


def clean_text(raw: str, *, markdown: bool = False) -> str:
    """Normalise Unicode, quotes and whitespace; drop boilerplate paragraphs; one blank line between paragraphs.

    Straight ASCII quotes replace typographic ones (“ ” « » ‘ ’) so every extractor sees one
    quote character; lines inside a paragraph are joined with a space.
    """
    text = _normalise_chars(unicodedata.normalize("NFC", raw).replace("\r\n", "\n").replace("\r", "\n"))
    paragraphs = []
    for block in _BLANK.split(text):
        lines = [_squeeze_spaces(line) for line in block.split("\n")]
        if markdown:
            lines = [_strip_markdown(line) for line in lines]
        para = " ".join(line for line in lines if line)
        if para and not is_boilerplate(para):
            paragraphs.append(para)
    return "\n\n".join(paragraphs)


_MD = [
    (re.compile(r"^#{1,6}\s+"), ""),
    (re.compile(r"^\s*[-*+]\s+"), ""),
    (re.compile(r"^>\s?"), ""),
    (re.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),
    (re.compile(r"(\*\*|__)(.+?)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)"), r"\1"),
    (re.compile(r"`([^`]+)`"), r"\1"),
]


def _strip_markdown(line: str) -> str:
    for pattern, repl in _MD:
        line = pattern.sub(repl, line)
    return line


def _split_headline(text: str) -> tuple[str | None, str]:
    """A first paragraph that is one short line without final punctuation is the headline."""
    first, sep, rest = text.partition("\n\n")
    if sep and rest and len(first) <= 200 and len(first.split()) <= 30 and not re.search(r"[.!?:;,]$", first):
        return first, rest
    return None, text


# ---------------------------------------------------------------- metadata


def parse_date(value, source: str | Path | None = None) -> date | None:
    """A publication date from a ``date``, ``datetime`` or ISO-like string; ``None`` stays ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        try:
            from dateutil import parser

            return parser.parse(value, dayfirst=False, fuzzy=False).date()
        except (ValueError, OverflowError):
            pass
    raise InputError(source, f"cannot read {value!r} as a publication date (use YYYY-MM-DD)")


def _sidecar(path: Path) -> dict:
    """Metadata kept beside an article: ``story.meta.json`` next to ``story.txt``."""
    side = path.with_name(path.name[: -len(path.suffix)] + SIDECAR_SUFFIX) if path.suffix else None
    if side and side.is_file():
        try:
            meta = json.loads(side.read_text(encoding="utf-8"))
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise InputError(side, f"sidecar is not valid JSON ({exc})") from None
        if not isinstance(meta, dict):
            raise InputError(side, "sidecar must hold a JSON object")
        return meta
    return {}


def _meta_get(meta: dict, *keys):
    for key in keys:
        if meta.get(key) not in (None, ""):
            return meta[key]
    return None


# ---------------------------------------------------------------- loading


def _html_to_text(html: str, source) -> tuple[str, dict]:
    """Main text and metadata of an HTML page, by trafilatura (boilerplate, menus and scripts removed)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, include_comments=False, include_tables=False, with_metadata=True)
    get = (
        (doc.get if isinstance(doc, dict) else lambda k: getattr(doc, k, None)) if doc is not None else (lambda k: None)
    )
    text = get("text") or ""
    if not text.strip():
        text = _plain_html_text(html)  # lxml gives up on pages nested deeper than 256 elements
    if not text.strip():
        raise InputError(source, "no article text found in the HTML page")
    # trafilatura keeps one paragraph a line; claimkit separates paragraphs with a blank line
    text = "\n\n".join(line for line in text.split("\n") if line.strip())
    meta = {"title": get("title"), "published": get("date"), "url": get("url"), "source_name": get("sitename")}
    return text, {k: v for k, v in meta.items() if v}


_BLOCKS = frozenset("p div br li h1 h2 h3 h4 h5 h6 article section blockquote tr td pre".split())
_HIDDEN = frozenset("script style noscript iframe template svg object embed head title".split())


def _plain_html_text(html: str) -> str:
    """The visible text of a page, one paragraph per block element (the standard library's parser:
    linear, with no depth limit). Script, style, iframe and head contents are never kept."""
    from html.parser import HTMLParser

    parts: list[str] = []
    hidden = [0]

    class _Text(HTMLParser):
        def handle_starttag(self, tag, attrs):
            if tag in _HIDDEN:
                hidden[0] += 1
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_endtag(self, tag):
            if tag in _HIDDEN:
                hidden[0] = max(0, hidden[0] - 1)
            elif tag in _BLOCKS:
                parts.append("\n")

        def handle_data(self, data):
            if not hidden[0]:
                parts.append(data)

    parser = _Text(convert_charrefs=True)
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _from_record(record: dict, source, *, path: str | None = None) -> Article:
    if not isinstance(record, dict):
        raise InputError(source, "a JSON article must be an object with a 'text' or 'html' field")
    meta: dict = {}
    if record.get("html"):
        body, meta = _html_to_text(str(record["html"]), source)
        text = clean_text(body)
    elif record.get("text") or record.get("body"):
        text = clean_text(str(record.get("text") or record.get("body")))
    else:
        raise InputError(source, "the record has no 'text' or 'html' field")
    if not text:
        raise InputError(source, "no text left after removing boilerplate")
    published = parse_date(_meta_get(record, "published", "date", "datePublished") or meta.get("published"), source)
    extra = {k: v for k, v in record.items() if k not in {"text", "html", "body"}}
    art = Article(
        text=text,
        title=_meta_get(record, "title", "headline") or meta.get("title"),
        published=published,
        url=_meta_get(record, "url") or meta.get("url"),
        source_name=_meta_get(record, "source_name", "source") or meta.get("source_name"),
        path=path,
        meta=extra,
    )
    if record.get("id"):
        art.meta["feed_id"] = str(record["id"])
    return art


def _looks_like_path(source: str) -> bool:
    if "\n" in source or "\x00" in source or len(source) >= 4096:
        return False
    try:
        path = Path(source)
        # a bare word that happens to name a folder here ("claimkit") is text; a folder is meant when written as a path
        return (
            path.suffix.lower() in ARTICLE_SUFFIXES + FEED_SUFFIXES
            or path.is_file()
            or (any(sep in source for sep in ("/", "\\")) and path.exists())
        )
    except (OSError, ValueError):  # a name too long for the file system is text, not a path
        return False


def load_article(source, *, published=None, title=None, url=None) -> Article:
    """Load one article from a path (.txt, .md, .html/.htm, .json) or from a string of text.

    Metadata comes, in order of precedence, from the arguments, a ``<name>.meta.json`` sidecar,
    and the file itself (HTML metadata, JSON fields, a plain-text headline line).
    """
    if isinstance(source, Article):
        art = source
    elif isinstance(source, Path) or (isinstance(source, str) and _looks_like_path(source)):
        art = _load_path(Path(source))
    elif isinstance(source, str):
        text = clean_text(source)
        if not text:
            raise InputError(None, "the article text is empty")
        head, body = _split_headline(text)
        art = Article(text=body, title=head)
    else:
        raise InputError(None, f"cannot load an article from {type(source).__name__}")
    if published is not None:
        art.published = parse_date(published, art.path)
    if title is not None:
        art.title = title
    if url is not None:
        art.url = url
    return art


def _load_path(path: Path) -> Article:
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a folder; use read_articles() or `claimkit batch` for many articles")
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        hint = " (a JSON Lines feed: use read_articles or `claimkit batch`)" if suffix in FEED_SUFFIXES else ""
        raise InputError(
            path,
            f"unknown article format {suffix or '(no suffix)'}; expected one of {', '.join(ARTICLE_SUFFIXES)}{hint}",
        )
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(path, f"file is {size // 2**20} MiB; the limit is {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    raw = decode_bytes(data, path)
    side = _sidecar(path)
    if suffix in JSON_SUFFIXES:
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise InputError(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
        art = _from_record({**side, **record} if isinstance(record, dict) else record, path, path=str(path))
        return art
    meta: dict = {}
    if suffix in HTML_SUFFIXES:
        body, meta = _html_to_text(raw, path)
        text, head = clean_text(body), None
    else:
        text = clean_text(raw, markdown=suffix != ".txt")
        head, text = _split_headline(text)
    if not text:
        raise InputError(path, "no text left after removing boilerplate")
    extra = {k: v for k, v in side.items() if k not in {"title", "published", "url", "source_name"}}
    return Article(
        text=text,
        title=_meta_get(side, "title") or meta.get("title") or head,
        published=parse_date(_meta_get(side, "published") or meta.get("published"), path),
        url=_meta_get(side, "url") or meta.get("url"),
        source_name=_meta_get(side, "source_name") or meta.get("source_name"),
        path=str(path),
        meta=extra,
    )


class FeedError(InputError):
    """One record of a feed could not be read; ``line`` says which."""

    def __init__(self, source, line: int, reason: str):
        self.line = line
        super().__init__(f"{source}:{line}", reason)


def read_feed(path: Path, errors: list | None = None) -> Iterator[Article]:
    """Articles of a JSON Lines feed. A bad line is reported (appended to ``errors``) and skipped."""
    with open(path, "rb") as fh:
        for lineno, raw in enumerate(fh, 1):
            if not raw.strip():
                continue
            try:
                record = json.loads(decode_bytes(raw, f"{path}:{lineno}"))
                yield _from_record(record, f"{path}:{lineno}", path=f"{path}:{lineno}")
            except (json.JSONDecodeError, InputError) as exc:
                reason = exc.reason if isinstance(exc, InputError) else f"not valid JSON ({exc.msg})"
                err = FeedError(path, lineno, reason)
                if errors is None:
                    import warnings

                    warnings.warn(str(err), stacklevel=2)
                else:
                    errors.append(err)


def iter_sources(source) -> Iterator[Path]:
    """The article files a folder, glob or path names (sidecars excluded), in sorted order."""
    if isinstance(source, (list, tuple)):
        for s in source:
            yield from iter_sources(s)
        return
    path = Path(source)
    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if (
                p.is_file()
                and p.suffix.lower() in ARTICLE_SUFFIXES + FEED_SUFFIXES
                and not p.name.endswith(SIDECAR_SUFFIX)
            ):
                yield p
    elif any(ch in str(source) for ch in "*?["):
        for match in sorted(_glob.glob(str(source), recursive=True)):
            if Path(match).is_file() and not match.endswith(SIDECAR_SUFFIX):
                yield Path(match)
    elif path.exists():
        yield path
    else:
        raise InputError(source, "no such file, folder or matching glob")


def read_articles(source, errors: list | None = None) -> Iterator[Article]:
    """Every article in a folder, a glob, a JSON Lines feed or a list of those.

    Unreadable articles raise :class:`InputError` unless ``errors`` is a list, in which case
    they are appended to it and the rest are read.
    """
    for path in iter_sources(source):
        if path.suffix.lower() in FEED_SUFFIXES:
            yield from read_feed(path, errors)
            continue
        try:
            yield load_article(path)
        except InputError as exc:
            if errors is None:
                raise
            errors.append(exc)
