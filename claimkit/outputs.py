"""The files a run leaves in its output folder, written atomically, and how to read them back."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

from claimkit.files import atomic_write_text, write_table

CLAIMS_FILE = "claims.csv"
VERDICTS_FILE = "verdicts.csv"
ARTICLE_FILE = "article.json"
VALIDATION_FILE = "validation.json"
CLAIMREVIEW_FILE = "claimreview.json"
REVIEWS_FILE = "reviews.json"
MANIFEST_FILE = "manifest.json"  # written last: its presence means the folder is complete


def article_record(article) -> dict:
    return {
        "id": article.id,
        "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
        "source_name": article.source_name,
        "path": article.path,
        "meta": article.meta,
        "text": article.text,
        "sentences": article.sentences,
    }


def write_outputs(out_dir, *, article, claims, verdicts=None, validations=(), claimreview=None) -> dict:
    """Write the article, its claims (and verdicts) and the validation results to ``out_dir``.

    Each file is replaced atomically; ``manifest.json`` is written last and lists them, so a
    folder with a manifest is complete. The tables stay in memory for :func:`written_outputs`
    (``write_report`` right after need not read them back).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    _WRITTEN.pop(_key(out), None)
    written = {}
    article_json = json.dumps(article_record(article), ensure_ascii=False, indent=2, default=str)
    atomic_write_text(out / ARTICLE_FILE, article_json)
    written["article"] = ARTICLE_FILE
    write_table(claims, out / CLAIMS_FILE)
    written["claims"] = CLAIMS_FILE
    if verdicts is not None:
        table = verdicts.copy()
        if "evidence_ids" in table.columns:
            table["evidence_ids"] = table["evidence_ids"].map(
                lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v
            )
        if "passages" in table.columns:  # the cited source passages (dicts), as JSON
            table["passages"] = table["passages"].map(
                lambda v: json.dumps(list(v), ensure_ascii=False, default=str) if isinstance(v, (list, tuple)) else v
            )
        write_table(table, out / VERDICTS_FILE)
        written["verdicts"] = VERDICTS_FILE
    if claimreview is not None:
        atomic_write_text(out / CLAIMREVIEW_FILE, json.dumps(claimreview, ensure_ascii=False, indent=2, default=str))
        written["claimreview"] = CLAIMREVIEW_FILE
    validation_json = None
    if validations:
        validation_json = json.dumps(
            [
                {
                    "suite": r.suite,
                    "success": r.success,
                    "evaluated": r.evaluated,
                    "rows": r.rows,
                    "failures": [str(f) for f in r.failures],
                    "docs": os.path.relpath(r.docs, out) if getattr(r, "docs", None) else None,
                }
                for r in validations
            ],
            indent=2,
        )
        atomic_write_text(out / VALIDATION_FILE, validation_json)
        written["validation"] = VALIDATION_FILE
    manifest = {
        "article_id": article.id,
        "files": written,
        "claims": len(claims),
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    manifest_json = json.dumps(manifest, indent=2)
    atomic_write_text(out / MANIFEST_FILE, manifest_json)
    _remember(
        out,
        claims=claims,
        verdicts=table if verdicts is not None else None,
        texts={
            MANIFEST_FILE: manifest_json,
            ARTICLE_FILE: article_json,
            VALIDATION_FILE: validation_json,
            VERDICTS_FILE: VERDICTS_FILE if verdicts is not None else None,
        },
    )
    return manifest


# ------------------------------------------------------------ the last folders written, in memory

_WRITTEN: dict[str, tuple] = {}  # folder -> (stat of each file, or None where absent; what read_outputs would read)
_KEEP = 2  # folders remembered (a kernel writes one folder per article; the report follows at once)
_WATCHED = (MANIFEST_FILE, ARTICLE_FILE, CLAIMS_FILE, VERDICTS_FILE, VALIDATION_FILE)


def _key(out: Path) -> str:
    return os.path.realpath(out)


def _stats(out: Path) -> tuple:
    """Each read file's identity (inode, size, mtime): an atomic rewrite or an edit changes it."""
    stats = []
    for name in _WATCHED:
        try:
            st = os.stat(out / name)
        except FileNotFoundError:
            stats.append(None)
        else:
            stats.append((st.st_ino, st.st_size, st.st_mtime_ns))
    return tuple(stats)


def _as_read_back(df, blank):
    """``df`` as reading its CSV back gives it, when that is only an empty text becoming ``blank``
    (NaN, or None once claims are normalised); ``None`` when reading would change more.

    CSV reading types a column from its cells: a text column whose every cell reads as a number
    or a boolean (ids "007", figures "1.50") comes back as numbers. Such a table is read back
    from its file, as before, so that the report shows what the file says.
    """
    df = df.copy(deep=False)  # copy-on-write: later edits of the caller's frame do not show here
    df.attrs = {}  # as read back (and each column taken below would deep-copy them)
    for col, dtype in df.dtypes.items():
        if dtype.kind in "biufcmM":
            continue
        values = df[col].tolist()
        cells = [v for v in values if isinstance(v, str) and v != ""]
        if cells and (all(v.strip().lower() in ("true", "false") for v in cells) or all(_numeric(v) for v in cells)):
            return None
        if any(v == "" for v in values if isinstance(v, str)):
            df[col] = [blank if isinstance(v, str) and v == "" else v for v in values]
    return df


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _remember(out: Path, *, claims, verdicts, texts: dict) -> None:
    """Keep what was just written, as :func:`read_outputs` would read it back, unless a table would
    not read back as it is (then the report reads the files)."""
    if (
        (verdicts is None and (out / VERDICTS_FILE).exists())  # an older run's file, which read_outputs would read
        or (texts.get(VALIDATION_FILE) is None and (out / VALIDATION_FILE).exists())
    ):
        return
    claims = _as_read_back(claims, None)
    verdicts = None if verdicts is None else _as_read_back(verdicts, float("nan"))
    if claims is None or (verdicts is None) != (texts.get(VERDICTS_FILE) is None):
        return
    result = {
        "manifest": json.loads(texts[MANIFEST_FILE]),
        "article": json.loads(texts[ARTICLE_FILE]),
        "claims": claims,
    }
    if verdicts is not None:
        _parse_lists(verdicts)  # as read_outputs parses the JSON lists write_outputs wrote
        result["verdicts"] = verdicts
    if texts.get(VALIDATION_FILE) is not None:
        result["validation"] = json.loads(texts[VALIDATION_FILE])
    while len(_WRITTEN) >= _KEEP:
        _WRITTEN.pop(next(iter(_WRITTEN)))
    _WRITTEN[_key(out)] = (_stats(out), result)


def written_outputs(out_dir) -> dict | None:
    """What :func:`write_outputs` last wrote to ``out_dir`` in this process, if its files are still
    exactly those (none changed, none added): the same dict as :func:`read_outputs`, plus
    ``"validation"`` (the records of ``validation.json``) when it was written. Else ``None``.

    The tables are as the caller passed them; the report made from them is the one made from the
    files (tests/test_report.py compares both).
    """
    out = Path(out_dir)
    entry = _WRITTEN.get(_key(out))
    if entry is None or entry[0] != _stats(out):
        return None
    return {k: v.copy(deep=False) if hasattr(v, "columns") else v for k, v in entry[1].items()}


def _parse_lists(verdicts) -> None:
    """The JSON lists of a verdicts table read back from a file (evidence ids; cited passages), in place."""
    for col in ("evidence_ids", "passages"):
        if col in verdicts.columns:
            verdicts[col] = verdicts[col].map(
                lambda s: json.loads(s) if isinstance(s, str) and s.startswith("[") else []
            )


def reviews_path(output_dir, reviews: str | None = None) -> Path:
    """The reviews file of a run: the one given, else ``reviews.json`` in the output folder (it survives re-runs)."""
    return Path(reviews) if reviews else Path(output_dir) / REVIEWS_FILE


def read_outputs(out_dir) -> dict:
    """Read back what :func:`write_outputs` wrote (article record, claims, verdicts if any)."""
    from claimkit.claims import normalise_claims
    from claimkit.files import read_table

    out = Path(out_dir)
    result = {
        "manifest": json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8")),
        "article": json.loads((out / ARTICLE_FILE).read_text(encoding="utf-8")),
        "claims": normalise_claims(read_table(out / CLAIMS_FILE)),
    }
    if (out / VERDICTS_FILE).exists():
        v = read_table(out / VERDICTS_FILE)
        _parse_lists(v)
        result["verdicts"] = v
    return result
