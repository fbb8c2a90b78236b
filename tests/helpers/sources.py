"""Source documents made on the spot: PDFs (fpdf2), Word documents (python-docx), workbooks
(openpyxl), and the bad files a source folder can hold. Used by tests and benchmarks/bench_sources.py.
"""

from __future__ import annotations

import zipfile
from datetime import datetime
from pathlib import Path

_LATIN1 = str.maketrans(
    {
        "\u2014": "-",
        "\u2013": "-",
        "\u2026": "...",
        "\u2018": "'",
        "\u2019": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u2212": "-",
    }
)


def make_pdf(
    path, pages: list[str], *, title: str | None = None, created: datetime | None = None, password: str | None = None
) -> Path:
    """A PDF with one page per string (paragraphs separated by blank lines), in a core font (Latin-1)."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    if title:
        pdf.set_title(title)
    if created:
        pdf.set_creation_date(created)
    if password:
        from fpdf.enums import EncryptionMethod

        pdf.set_encryption(
            owner_password="owner-" + password, user_password=password, encryption_method=EncryptionMethod.AES_128
        )
    pdf.set_font("Helvetica", size=10)
    for text in pages:
        pdf.add_page()
        for para in text.split("\n\n"):
            pdf.multi_cell(0, 5, para.translate(_LATIN1).encode("latin-1", "replace").decode("latin-1"))
            pdf.ln(3)
    pdf.output(str(path))
    return Path(path)


def make_scanned_pdf(path) -> Path:
    """A PDF whose page is only drawn shapes: what a scan without OCR looks like to a text extractor."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 120, 80, style="F")
    pdf.output(str(path))
    return Path(path)


def make_docx(
    path,
    paragraphs: list[str],
    *,
    title: str | None = None,
    created: datetime | None = None,
    table: list[list[str]] | None = None,
) -> Path:
    import docx

    document = docx.Document()
    for para in paragraphs:
        document.add_paragraph(para)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for i, row in enumerate(table):
            for j, value in enumerate(row):
                t.cell(i, j).text = value
    if title:
        document.core_properties.title = title
    if created:
        document.core_properties.created = created
    document.save(str(path))
    return Path(path)


def make_xlsx(path, sheets: dict[str, list[list]]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(str(path))
    return Path(path)


def make_zip_bomb(path, member: str = "word/document.xml", size: int = 64 * 2**20) -> Path:
    """An Office-named ZIP whose one part inflates ~1000:1 (``size`` bytes of zeros)."""
    with (
        zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf,
        zf.open(member, "w", force_zip64=True) as fh,
    ):
        block = b"\0" * 2**20
        for _ in range(size // len(block)):
            fh.write(block)
    return Path(path)
