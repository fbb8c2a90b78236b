"""Source files in: one reader per format, each giving :class:`RawDocument` s with their text,
title, publication date, and where each piece of text came from (page; sheet, row, column).

Prose formats (.txt .md .html .json .jsonl .pdf .docx) give text plus *regions* (a page of a PDF,
or the whole text) that passages never cross. Tables (.csv .tsv .xlsx .parquet, JSON rows) give
one *cell* line per figure, labelled by its row and column: "Germany · 2019 · population · 83,092,962".
Heavy parsers (pypdf, python-docx, openpyxl, pandas) are imported inside the reader that needs them.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from claimkit.articles import (
    HTML_SUFFIXES,
    SIDECAR_SUFFIX,
    Article,
    _from_record,
    _meta_get,
    _sidecar,
    clean_text,
    decode_bytes,
    load_article,
    parse_date,
    read_feed,
)
from claimkit.errors import InputError
from claimkit.ingest.limits import MAX_PDF_PAGES, MAX_TABLE_CELLS, check_zip
from claimkit.lexicon import table, words

PROSE_SUFFIXES = (".txt", ".md", ".markdown") + HTML_SUFFIXES
JSON_SUFFIXES = (".json",)
FEED_SUFFIXES = (".jsonl", ".ndjson")
TABLE_SUFFIXES = (".csv", ".tsv", ".xlsx", ".xlsm", ".parquet")
SOURCE_SUFFIXES = PROSE_SUFFIXES + JSON_SUFFIXES + FEED_SUFFIXES + (".pdf", ".docx") + TABLE_SUFFIXES
CELL_SEPARATOR = " \u00b7 "  # "Germany · 2019 · population · 83,092,962"


@dataclass
class RawDocument:
    """One document read from a file (a file can hold several: the records of a JSON Lines feed)."""

    kind: str  # text, markdown, html, json, pdf, docx, table
    text: str
    sha256: str  # of the document's bytes (the file's, or the record's for feeds)
    title: str | None = None
    published: date | None = None
    part: str | None = None  # which record of a multi-document file (":3" a line, "#2" an item); None for all of it
    regions: list[tuple[int, int, int | None]] = field(default_factory=list)  # (start, end, page): prose
    cells: list[tuple[int, int, str | None, int, str]] = field(default_factory=list)  # (start, end, sheet, row, column)
    spans: list[tuple] | None = None  # the passages, (start, end, page, sheet, row, column), once computed
    labels: list[list[list[str]]] = field(default_factory=list)  # per cell: [header, text] of its row's labels

    def to_json(self) -> dict:
        return {
            "kind": self.kind,
            "text": self.text,
            "sha256": self.sha256,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "part": self.part,
            "regions": self.regions,
            "cells": self.cells,
            "spans": self.spans,
            "labels": self.labels,
        }

    @classmethod
    def from_json(cls, d: dict) -> RawDocument:
        return cls(
            kind=d["kind"],
            text=d["text"],
            sha256=d["sha256"],
            title=d["title"],
            published=date.fromisoformat(d["published"]) if d["published"] else None,
            part=d["part"],
            regions=[tuple(r) for r in d["regions"]],
            cells=[tuple(c) for c in d["cells"]],
            spans=[tuple(x) for x in d["spans"]] if d.get("spans") is not None else None,
            labels=d.get("labels") or [],
        )


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_file(path: Path, sha256: str, problems: list) -> list[RawDocument]:
    """The documents in one source file. A file that cannot be used raises :class:`InputError`;
    a problem with part of it (one bad record, one unreadable page) is appended to ``problems``."""
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return [_read_html(path, sha256)]
    if suffix in PROSE_SUFFIXES:
        return [_from_article(load_article(path), sha256, _kind(suffix))]
    if suffix in JSON_SUFFIXES:
        return _read_json(path, sha256)
    if suffix in FEED_SUFFIXES:
        return _read_feed(path, problems)
    if suffix == ".pdf":
        return [_read_pdf(path, sha256, problems)]
    if suffix == ".docx":
        return [_read_docx(path, sha256)]
    if suffix in TABLE_SUFFIXES:
        return [_read_table(path, sha256)]
    raise InputError(
        path, f"unsupported source format {suffix or '(no suffix)'}; expected one of {', '.join(SOURCE_SUFFIXES)}"
    )


def from_article(article: Article) -> RawDocument:
    """A source given as an :class:`Article` (or a string of text, through ``load_article``)."""
    return _from_article(article, sha256_bytes(article.text.encode("utf-8")), "text")


def _kind(suffix: str) -> str:
    return "html" if suffix in HTML_SUFFIXES else "markdown" if suffix in (".md", ".markdown") else "text"


def _from_article(art: Article, sha256: str, kind: str, part: str | None = None) -> RawDocument:
    """The article's text, led by its headline: load_article sets a headline apart from the story, but in
    a source it is evidence like any line ("Russia masses 100,000 troops near Ukraine")."""
    text = art.text
    title = " ".join(art.title.split()) if isinstance(art.title, str) else None  # a JSON "title" may be anything
    if title and title not in text[: len(title) + 300]:
        text = f"{title}\n\n{text}"
    return RawDocument(
        kind=kind,
        text=text,
        sha256=sha256,
        title=title or None,
        published=art.published,
        part=part,
        regions=[(0, len(text), None)],
    )


def _read_html(path: Path, sha256: str) -> RawDocument:
    """The page's tables of figures, one cell a line, after its main text (trafilatura, as for stories,
    on the page without those tables): a statistics page keeps its figures in tables, which a story's
    main text leaves out or runs together."""
    from claimkit.articles import _html_to_text

    html = decode_bytes(_read_bytes(path), path)
    html, lines = _html_tables(html)
    try:
        body, meta = _html_to_text(html, path)
        text = clean_text(body)
    except InputError:
        if not lines:
            raise
        text, meta = "", {}
    side = _sidecar(path)
    title = _meta_get(side, "title") or meta.get("title")
    published = parse_date(_meta_get(side, "published") or meta.get("published"), path)
    doc = _from_article(Article(text=text or " ", title=title, published=published), sha256, "html")
    doc.text = "\n\n".join(part for part in [doc.text.strip()] + lines if part)
    doc.regions = [(0, len(doc.text), None)]
    if not doc.text:
        raise InputError(path, "no text found in the HTML page")
    return doc


def _html_tables(html: str) -> tuple[str, list[str]]:
    """The page without its tables of figures, and those tables' cell lines (see :func:`grid_cells`).
    Only innermost tables with a column of figures are taken: layout tables and menus stay in the page."""
    import lxml.etree
    import lxml.html

    try:
        root = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return html, []
    lines: list[str] = []
    cells = 0
    for element in list(root.iter("table")):
        if element.xpath(".//table"):
            continue
        grid = []
        for tr in element.xpath(".//tr"):
            row = []
            for cell in tr.xpath("./th|./td"):
                span = cell.get("colspan", "1")
                row.extend(
                    [" ".join(cell.text_content().split()) or None]
                    + [None] * (min(int(span), 50) - 1 if span.isdigit() else 0)
                )
            grid.append(row)
        cells += sum(len(r) for r in grid)
        if cells > MAX_TABLE_CELLS or len(grid) < 2 or max(len(r) for r in grid) < 2:
            continue
        entries = grid_cells(grid, _header_row(grid), words_too=False)[0]
        if entries:
            lines.extend(entry[0] for entry in entries)
            element.drop_tree()
    if not lines:
        return html, []
    return lxml.html.tostring(root, encoding="unicode"), lines


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


# ---------------------------------------------------------------- JSON and JSON Lines


def _is_article_record(record) -> bool:
    return isinstance(record, dict) and any(record.get(k) for k in ("text", "html", "body"))


def _read_json(path: Path, sha256: str) -> list[RawDocument]:
    raw = decode_bytes(_read_bytes(path), path)
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(path, f"not valid JSON (line {exc.lineno}: {exc.msg})") from None
    side = _sidecar(path)
    if _is_article_record(data):
        return [_from_article(_from_record({**side, **data}, path, path=str(path)), sha256, "json")]
    if isinstance(data, list) and data and all(_is_article_record(r) for r in data):
        docs = []
        for i, record in enumerate(data, 1):
            art = _from_record({**side, **record}, f"{path}#{i}", path=str(path))
            canonical = json.dumps(record, sort_keys=True, ensure_ascii=False).encode("utf-8")
            docs.append(_from_article(art, sha256_bytes(canonical), "json", part=f"#{i}"))
        return docs
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        import pandas as pd

        if len(data) * max(len(r) for r in data) > MAX_TABLE_CELLS:
            raise InputError(path, f"JSON table has more than {MAX_TABLE_CELLS:,} cells (the limit)")
        frame = pd.json_normalize(data)
        grid = [list(frame.columns)] + frame.astype(object).where(frame.notna(), None).values.tolist()
        return [_table_document(path, sha256, [(None, grid, 1)], side, header_first=True)]
    raise InputError(
        path,
        "JSON source must be an article record (with 'text' or 'html'), "
        "a list of such records, or a list of table rows (objects)",
    )


def _read_feed(path: Path, problems: list) -> list[RawDocument]:
    errors: list[InputError] = []
    docs = []
    lines = _read_bytes(path).split(b"\n")
    for art in read_feed(path, errors):
        line = int(art.path.rsplit(":", 1)[1])
        docs.append(_from_article(art, sha256_bytes(lines[line - 1].rstrip(b"\r")), "json", part=f":{line}"))
    for err in errors:
        problems.append((err.source, err.reason))
    if not docs:
        raise InputError(path, "no usable record in the JSON Lines file")
    return docs


# ---------------------------------------------------------------- PDF

_HYPHEN_BREAK = re.compile(r"([A-Za-z]+)-\n(?=[a-z])")  # "govern-\nment": a word split at the end of a line
_LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)  # typeset "oﬃcials" is "officials" to every reader


@lru_cache(maxsize=1)
def _tens() -> frozenset[str]:
    return frozenset(row["word"] for row in table("numbers.tsv") if row["class"] == "tens")


def _join_line_break(m: re.Match) -> str:
    """Join a word hyphenated at a line end; keep the hyphen of a compound number ("twenty-\nfour")."""
    left = m.group(1)
    return f"{left}-" if left.lower() in _tens() else left


def page_text(raw: str) -> str:
    """A PDF page's extracted text, cleaned like any text: ligatures spelt out, line-end hyphens joined."""
    return clean_text(_HYPHEN_BREAK.sub(_join_line_break, raw.translate(_LIGATURES)))


@contextmanager
def _quiet(logger_name: str):
    """pypdf logs every repaired xref and odd font; the problems list says what matters."""
    logger = logging.getLogger(logger_name)
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(path: Path, sha256: str, problems: list) -> RawDocument:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    with _quiet("pypdf"):
        try:
            reader = PdfReader(path, strict=False)
            if reader.is_encrypted:
                try:
                    opened = reader.decrypt("")  # many PDFs carry only an owner password
                except (DependencyError, NotImplementedError) as exc:
                    raise InputError(path, f"encrypted PDF that cannot be opened here ({exc})") from None
                if not opened:
                    raise InputError(path, "encrypted PDF (needs a password); save an unprotected copy as the source")
            count = len(reader.pages)
        except InputError:
            raise
        except FileNotDecryptedError:
            raise InputError(path, "encrypted PDF (needs a password); save an unprotected copy as the source") from None
        except Exception as exc:  # pypdf raises many types on damaged files; any of them means "cannot read"
            raise InputError(path, f"not a readable PDF ({type(exc).__name__}: {exc})") from None
        if count > MAX_PDF_PAGES:
            raise InputError(path, f"PDF has {count:,} pages; the limit is {MAX_PDF_PAGES:,}")
        if count == 0:
            raise InputError(path, "PDF has no pages")
        raw_pages: list[tuple[int, str]] = []
        for number in range(1, count + 1):
            try:
                raw_pages.append((number, reader.pages[number - 1].extract_text() or ""))
            except Exception as exc:  # one damaged page: keep the others
                problems.append((str(path), f"page {number} could not be read ({type(exc).__name__}: {exc})"))
        title, published = _pdf_metadata(reader)
    furniture = _running_lines([raw for _, raw in raw_pages])
    pages: list[tuple[int, str]] = []
    for number, raw in raw_pages:
        lines = raw.split("\n")
        edge = set(range(_EDGE_LINES)) | set(range(len(lines) - _EDGE_LINES, len(lines)))
        kept = [line for i, line in enumerate(lines) if not (i in edge and _line_key(line) in furniture)]
        text = page_text("\n".join(kept))
        if text:
            pages.append((number, text))
    if not pages:
        raise InputError(path, f"PDF has no text layer on any of its {count} page(s) (a scan? run OCR on it first)")
    parts, regions, pos = [], [], 0
    for number, text in pages:
        regions.append((pos, pos + len(text), number))
        parts.append(text)
        pos += len(text) + 2
    side = _sidecar(path)
    return RawDocument(
        kind="pdf",
        text="\n\n".join(parts),
        sha256=sha256,
        title=_meta_get(side, "title") or title,
        published=parse_date(_meta_get(side, "published"), path) or published,
        regions=regions,
    )


_EDGE_LINES = 3  # running headers and footers sit in the first and last lines of a page
_DIGITS = re.compile(r"\d+")


def _line_key(line: str) -> str:
    """A line with its numbers blanked: "Page 3 of 12" and "Page 4 of 12" are the same footer."""
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def _running_lines(pages: list[str]) -> set[str]:
    """Lines repeated at the top or bottom of most pages (running heads, page numbers, a footer):
    page furniture, not text. Left in, "3" from a page number would read as a figure in a sentence."""
    if len(pages) < 3:
        return set()
    seen: dict[str, int] = {}
    for raw in pages:
        lines = raw.split("\n")
        edge = lines[:_EDGE_LINES] + lines[-_EDGE_LINES:]
        for key in {_line_key(line) for line in edge if line.strip()}:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n >= max(3, len(pages) // 2 + 1)}


def _pdf_metadata(reader) -> tuple[str | None, date | None]:
    try:
        meta = reader.metadata
        if meta is None:
            return None, None
        title = (meta.title or "").strip() or None
        created = meta.creation_date
        return title, created.date() if isinstance(created, datetime) else None
    except Exception:  # a malformed date string or info dictionary: the text is still good
        return None, None


# ---------------------------------------------------------------- Word


def _read_docx(path: Path, sha256: str) -> RawDocument:
    check_zip(path, "Word document")
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on damaged packages
        raise InputError(path, f"not a readable Word document ({type(exc).__name__}: {exc})") from None
    blocks = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            blocks.append(Paragraph(element, document).text)
        elif tag == "tbl":
            grid = []
            for row in Table(element, document).rows:
                values, previous = [], None
                for cell in row.cells:  # a merged cell repeats in every column it spans: keep it once
                    values.append(None if cell._tc is previous else " ".join(cell.text.split()) or None)
                    previous = cell._tc
                grid.append(values)
            blocks.extend(entry[0] for entry in grid_cells(grid, _header_row(grid))[0])
    text = clean_text("\n\n".join(b for b in blocks if b.strip()))
    if not text:
        raise InputError(path, "Word document has no text")
    props = document.core_properties
    side = _sidecar(path)
    created = props.created
    return RawDocument(
        kind="docx",
        text=text,
        sha256=sha256,
        title=_meta_get(side, "title") or (props.title or "").strip() or None,
        published=parse_date(_meta_get(side, "published"), path)
        or (created.date() if isinstance(created, datetime) else None),
        regions=[(0, len(text), None)],
    )


# ---------------------------------------------------------------- tables


def _read_table(path: Path, sha256: str) -> RawDocument:
    import pandas as pd

    suffix = path.suffix.lower()
    side = _sidecar(path)
    if suffix in (".csv", ".tsv"):
        import io

        raw = decode_bytes(_read_bytes(path), path)
        try:
            frame = pd.read_csv(
                io.StringIO(raw),
                sep="\t" if suffix == ".tsv" else ",",
                dtype=str,
                keep_default_na=False,
                header=None,
                skip_blank_lines=False,
            )
        except (pd.errors.ParserError, pd.errors.EmptyDataError, ValueError) as exc:
            raise InputError(path, f"not a readable {suffix[1:].upper()} table ({exc})") from None
        _check_cells(path, frame.size)
        return _table_document(path, sha256, [(None, _grid(frame), 1)], side, header_first=True)
    if suffix in (".xlsx", ".xlsm"):
        check_zip(path, "Excel workbook")
        try:
            sheets = pd.read_excel(path, sheet_name=None, header=None, dtype=object, engine="openpyxl")
        except Exception as exc:  # openpyxl raises KeyError, ValueError, lxml errors on damaged workbooks
            raise InputError(path, f"not a readable Excel workbook ({type(exc).__name__}: {exc})") from None
        _check_cells(path, sum(f.size for f in sheets.values()))
        return _table_document(path, sha256, [(name, _grid(f), 1) for name, f in sheets.items()], side)
    if suffix == ".parquet":
        try:
            import pyarrow.parquet as pq

            meta = pq.ParquetFile(path).metadata
            _check_cells(path, meta.num_rows * meta.num_columns)
            frame = pd.read_parquet(path)
        except InputError:
            raise
        except Exception as exc:  # pyarrow's ArrowInvalid, OSError on a damaged file
            raise InputError(path, f"not a readable Parquet table ({type(exc).__name__}: {exc})") from None
        grid = [[str(c) for c in frame.columns]] + frame.astype(object).where(frame.notna(), None).values.tolist()
        return _table_document(path, sha256, [(None, grid, 1)], side, header_first=True)
    raise InputError(path, f"unsupported table format {suffix}")


def _check_cells(path: Path, cells: int) -> None:
    if cells > MAX_TABLE_CELLS:
        raise InputError(
            path,
            f"table has {cells:,} cells; the limit for a source table is {MAX_TABLE_CELLS:,} "
            "(load it as reference data instead)",
        )


def _grid(frame) -> list[list]:
    return frame.astype(object).where(frame.notna(), None).values.tolist()


_NUMBER = re.compile(r"^[(+\-\u2212]?\s*[$\u20ac\u00a3\u00a5]?\s*\d[\d,.\s\u202f\u00a0']*%?\)?$")


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and value != value:  # NaN
        return True
    return isinstance(value, str) and not value.strip()


def _is_number(value) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, (int, float)):
        return True
    return isinstance(value, str) and bool(_NUMBER.match(value.strip()))


def _cell_text(value, *, figure: bool) -> str:
    """A cell as a reader sees it: numbers with thousands separators (not years or codes), dates as ISO."""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}" if figure and abs(value) >= 10_000 else str(value)
    if isinstance(value, float):
        return format(value, ",.15g") if figure else repr(value)
    text = " ".join(str(value).split())
    if figure and re.fullmatch(r"-?\d{5,}", text):  # "83092962" as written in a CSV
        return f"{int(text):,}"
    return text


@lru_cache(maxsize=1)
def _label_headers() -> tuple[str, ...]:
    return words("table_label_columns.txt")


def _is_label_header(header: str) -> bool:
    h = " ".join(header.lower().split())
    return any(h == w or h.startswith(w + " ") for w in _label_headers())


_YEAR = re.compile(r"^(1[0-9]|2[0-9])\d\d$")


def _is_heading(value) -> bool:
    """Text, or a year (wide tables have years as column headings: country, 2018, 2019)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value).is_integer() and bool(_YEAR.match(str(int(value))))
    return isinstance(value, str) and (not _is_number(value) or bool(_YEAR.match(value.strip())))


def _header_row(grid: list[list]) -> int | None:
    """The first of the top rows whose filled cells are all headings and span most of the table's width
    (a workbook may have a title and notes above its header)."""
    widest = max((sum(not _blank(v) for v in row) for row in grid), default=0)
    for i, row in enumerate(grid[:20]):
        filled = [v for v in row if not _blank(v)]
        if len(filled) >= max(2, widest // 2) and all(_is_heading(v) for v in filled):
            return i
    return None


def _column_letter(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def grid_cells(
    grid: list[list], header: int | None, *, words_too: bool = True
) -> tuple[list[tuple[str, int, str | None, list[list[str]]]], list[str]]:
    """The passages of one grid of cells, and the text above its header (a title, notes).

    Each filled cell of a figure column (mostly numbers, and not a label such as a year) is a line with
    its row's labels and its column header: ``("Germany · 2019 · population · 83,092,962", row index,
    "population", [["country", "Germany"], ["year", "2019"]])``. A table of words gives one line per row ("person: … · office: …"), unless
    ``words_too`` is false. ``header``: the index of the header row, or ``None`` (no header: lines
    carry no column label, ``column`` is the column letter).
    """
    if not grid:
        return [], []
    width = max(len(r) for r in grid)
    if header is None:
        headers, labelled, above, body_from = [_column_letter(j) for j in range(width)], False, [], 0
    else:
        headers = [
            _cell_text(v, figure=False) if not _blank(v) else _column_letter(j)
            for j, v in enumerate(grid[header] + [None] * (width - len(grid[header])))
        ]
        labelled, body_from = True, header + 1
        above = [_cell_text(v, figure=False) for row in grid[:header] for v in row if not _blank(v)]
    body = [(i, row) for i, row in enumerate(grid) if i >= body_from and any(not _blank(v) for v in row)]
    figures = []
    for j in range(width):
        values = [row[j] for _, row in body if j < len(row) and not _blank(row[j])]
        numbers = sum(_is_number(v) for v in values)
        figures.append(bool(values) and numbers * 2 >= len(values) and not _is_label_header(headers[j]))
    if figures and all(figures):
        figures[0] = False  # the first column names the row
    if not any(figures) and not words_too:
        return [], above
    out: list[tuple[str, int, str | None, list[list[str]]]] = []
    for i, row in body:
        row = row + [None] * (width - len(row))
        if not any(figures):  # a table of words: the row is the passage, each value with its header
            pairs = [
                f"{headers[j]}: {_cell_text(row[j], figure=False)}" if labelled else _cell_text(row[j], figure=False)
                for j in range(width)
                if not _blank(row[j])
            ]
            out.append((CELL_SEPARATOR.join(pairs), i, None, []))
            continue
        named = [
            [headers[j] if labelled else "", _cell_text(row[j], figure=False)]
            for j in range(width)
            if not figures[j] and not _blank(row[j])
        ]
        names = [text for _, text in named]
        for j in range(width):
            if figures[j] and not _blank(row[j]):
                label = [headers[j]] if labelled else []
                out.append(
                    (CELL_SEPARATOR.join(names + label + [_cell_text(row[j], figure=True)]), i, headers[j], named)
                )
    return out, above


def _table_document(
    path: Path, sha256: str, sheets: list[tuple[str | None, list[list], int]], side: dict, *, header_first: bool = False
) -> RawDocument:
    """Cell passages of every sheet (see :func:`grid_cells`).

    ``header_first``: the first row is the header (CSV, Parquet, JSON rows); otherwise it is looked for.
    """
    lines: list[str] = []
    cells: list[tuple[int, int, str | None, int, str | None]] = []
    labels: list[list[list[str]]] = []
    pos = 0
    titles = []
    for sheet, grid, first_row in sheets:
        entries, above = grid_cells(grid, 0 if header_first else _header_row(grid) if grid else None)
        titles.extend(above)
        for line, i, column, named in entries:
            cells.append((pos, pos + len(line), sheet, first_row + i, column))
            labels.append(named)
            lines.append(line)
            pos += len(line) + 2
    if not lines:
        raise InputError(path, "table has no filled cells")
    return RawDocument(
        kind="table",
        text="\n\n".join(lines),
        sha256=sha256,
        title=_meta_get(side, "title") or (titles[0] if titles else None),
        published=parse_date(_meta_get(side, "published"), path),
        cells=cells,
        labels=labels,
    )


def is_sidecar(path: Path) -> bool:
    return path.name.endswith(SIDECAR_SUFFIX)
