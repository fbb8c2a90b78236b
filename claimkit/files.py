"""Atomic file output: a crash at any moment leaves the old file or the new one, never a torn one."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd


@lru_cache(maxsize=1)
def _file_mode() -> int:
    """The mode an ordinary new file gets (0o666 less the umask); mkstemp's own 0o600 would hide reports from a web server."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def atomic_open(path: str | Path, mode: str = "w", encoding: str | None = "utf-8") -> Iterator[IO]:
    """Open a temporary file beside ``path``; on clean exit fsync it and rename it over ``path``."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    binary = "b" in mode
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, _file_mode())
        with os.fdopen(fd, mode, encoding=None if binary else encoding, newline=None if binary else "") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def atomic_write_text(path: str | Path, text: str) -> Path:
    with atomic_open(path, "w") as fh:
        fh.write(text)
    return Path(path)


def atomic_write_bytes(path: str | Path, data: bytes) -> Path:
    with atomic_open(path, "wb") as fh:
        fh.write(data)
    return Path(path)


TABLE_SUFFIXES = (".csv", ".json", ".parquet", ".jsonl")
#: what a file's metadata is called: ``story.txt`` -> ``story.meta.json``, ``table.csv`` -> ``table.meta.json``
SIDECAR_SUFFIX = ".meta.json"


def write_table(df: pd.DataFrame, path: str | Path) -> Path:
    """Write a DataFrame by suffix (.csv, .json, .jsonl, .parquet), atomically."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        atomic_write_text(path, df.to_csv(index=False))
    elif suffix == ".json":
        atomic_write_text(path, df.to_json(orient="records", indent=2, force_ascii=False, date_format="iso"))
    elif suffix == ".jsonl":
        atomic_write_text(path, df.to_json(orient="records", lines=True, force_ascii=False, date_format="iso"))
    elif suffix == ".parquet":
        import io

        buf = io.BytesIO()
        df.to_parquet(buf, index=False)
        atomic_write_bytes(path, buf.getvalue())
    else:
        from claimkit.errors import InputError

        raise InputError(
            path, f"unknown table format {suffix or '(no suffix)'}; use one of {', '.join(TABLE_SUFFIXES)}"
        )
    return path


def read_table(path: str | Path) -> pd.DataFrame:
    """Read a table written by :func:`write_table`."""
    import pandas as pd

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return pd.read_csv(path, keep_default_na=False, na_values=[""])
    if suffix == ".json":
        return pd.read_json(path, orient="records")
    if suffix == ".jsonl":
        return pd.read_json(path, orient="records", lines=True)
    if suffix == ".parquet":
        return pd.read_parquet(path)
    from claimkit.errors import InputError

    raise InputError(path, f"unknown table format {suffix or '(no suffix)'}")


def missing(value: object) -> bool:
    """Whether a cell holds nothing: None, NaN, pandas' NA or NaT (a list or other container never does)."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT are the values not equal to themselves
    except (TypeError, ValueError):  # pd.NA answers NA to !=, an array answers an array
        return type(value).__name__ in ("NAType", "NaTType")


def blank(value: object) -> bool:
    """Whether a cell says nothing: :func:`missing`, or a string of white space."""
    return (isinstance(value, str) and not value.strip()) or (not isinstance(value, str) and missing(value))


def present(value: object) -> object:
    """The cell's value, or None when it is :func:`blank` (for JSON, templates and reports)."""
    return None if blank(value) else value
