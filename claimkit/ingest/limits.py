"""Limits on what a source file may cost to read, checked before a parser sees the file.

A source folder is whatever a reporter was sent: a 2 GB video named .txt, a spreadsheet that
unzips to 40 GB, a 90,000-page scan. Each limit turns such a file into one line (the file and
the reason) while the other sources are still read. docs/sources.md lists them.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from claimkit.errors import InputError

MIB = 2**20
MAX_FILE_BYTES = 200 * MIB  # any source file, checked with stat() before a byte is read
MAX_UNZIPPED_BYTES = 256 * MIB  # .docx/.xlsx: the members' declared sizes, summed
MAX_ZIP_RATIO = 200  # .docx/.xlsx: one member expanding more than this (a zip bomb)...
ZIP_RATIO_FLOOR = 1 * MIB  # ...once it is bigger than this (tiny XML parts compress 300:1 honestly)
MAX_ZIP_MEMBERS = 10_000
MAX_PDF_PAGES = 5_000
MAX_TABLE_CELLS = 200_000  # cells read from one table file (csv, xlsx, parquet, json rows)


def check_size(path: Path) -> int:
    """The file's size, or :class:`InputError` when it is empty or over :data:`MAX_FILE_BYTES`."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None
    if size == 0:
        raise InputError(path, "file is empty")
    if size > MAX_FILE_BYTES:
        raise InputError(path, f"file is {size / MIB:,.0f} MiB; the limit for a source is {MAX_FILE_BYTES // MIB} MiB")
    return size


def check_zip(path: Path, what: str) -> None:
    """Refuse an Office file (``what``: "Word document", "Excel workbook") that is not a ZIP
    container or would expand past the limits. Runs on the ZIP directory only (nothing is
    decompressed); Python's zipfile never inflates a member past its declared size, so the
    declared sizes checked here bound what python-docx and openpyxl can be made to read."""
    if not zipfile.is_zipfile(path):
        raise InputError(path, f"not a {what} (not a ZIP container; an old binary .doc/.xls or a renamed file?)")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(path, f"damaged {what} ({exc})") from None
    if len(infos) > MAX_ZIP_MEMBERS:
        raise InputError(path, f"{what} holds {len(infos):,} parts; the limit is {MAX_ZIP_MEMBERS:,}")
    total = sum(i.file_size for i in infos)
    if total > MAX_UNZIPPED_BYTES:
        raise InputError(
            path,
            f"{what} expands to {total / MIB:,.0f} MiB; the limit is {MAX_UNZIPPED_BYTES // MIB} MiB (a zip bomb?)",
        )
    for i in infos:
        if i.file_size > ZIP_RATIO_FLOOR and i.file_size > MAX_ZIP_RATIO * max(1, i.compress_size):
            ratio = i.file_size / max(1, i.compress_size)
            raise InputError(
                path, f"{what} part {i.filename} expands {ratio:,.0f}:1; the limit is {MAX_ZIP_RATIO}:1 (a zip bomb?)"
            )
