"""The files a run leaves in its output folder, written atomically, and how to read them back."""
from __future__ import annotations

import json
import os
from datetime import datetime, timezone
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
        "id": article.id, "title": article.title,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url, "source_name": article.source_name, "path": article.path,
        "meta": article.meta, "text": article.text, "sentences": article.sentences,
    }


def write_outputs(out_dir, *, article, claims, verdicts=None, validations=(), claimreview=None) -> dict:
    """Write the article, its claims (and verdicts) and the validation results to ``out_dir``.

    Each file is replaced atomically; ``manifest.json`` is written last and lists them, so a
    folder with a manifest is complete.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = {}
    atomic_write_text(out / ARTICLE_FILE, json.dumps(article_record(article), ensure_ascii=False, indent=2, default=str))
    written["article"] = ARTICLE_FILE
    write_table(claims, out / CLAIMS_FILE)
    written["claims"] = CLAIMS_FILE
    if verdicts is not None:
        table = verdicts.copy()
        if "evidence_ids" in table.columns:
            table["evidence_ids"] = table["evidence_ids"].map(lambda v: json.dumps(list(v)) if isinstance(v, (list, tuple)) else v)
        write_table(table, out / VERDICTS_FILE)
        written["verdicts"] = VERDICTS_FILE
    if claimreview is not None:
        atomic_write_text(out / CLAIMREVIEW_FILE, json.dumps(claimreview, ensure_ascii=False, indent=2, default=str))
        written["claimreview"] = CLAIMREVIEW_FILE
    if validations:
        atomic_write_text(out / VALIDATION_FILE, json.dumps(
            [{"suite": r.suite, "success": r.success, "evaluated": r.evaluated, "rows": r.rows,
              "failures": [str(f) for f in r.failures],
              "docs": os.path.relpath(r.docs, out) if getattr(r, "docs", None) else None} for r in validations], indent=2))
        written["validation"] = VALIDATION_FILE
    manifest = {"article_id": article.id, "files": written, "claims": int(len(claims)),
                "written_at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
    atomic_write_text(out / MANIFEST_FILE, json.dumps(manifest, indent=2))
    return manifest


def reviews_path(output_dir, reviews: str | None = None) -> Path:
    """The reviews file of a run: the one given, else ``reviews.json`` in the output folder (it survives re-runs)."""
    return Path(reviews) if reviews else Path(output_dir) / REVIEWS_FILE


def read_outputs(out_dir) -> dict:
    """Read back what :func:`write_outputs` wrote (article record, claims, verdicts if any)."""
    from claimkit.claims import normalise_claims
    from claimkit.files import read_table

    out = Path(out_dir)
    result = {"manifest": json.loads((out / MANIFEST_FILE).read_text(encoding="utf-8")),
              "article": json.loads((out / ARTICLE_FILE).read_text(encoding="utf-8")),
              "claims": normalise_claims(read_table(out / CLAIMS_FILE))}
    if (out / VERDICTS_FILE).exists():
        v = read_table(out / VERDICTS_FILE)
        if "evidence_ids" in v.columns:
            v["evidence_ids"] = v["evidence_ids"].map(lambda s: json.loads(s) if isinstance(s, str) and s.startswith("[") else [])
        result["verdicts"] = v
    return result
