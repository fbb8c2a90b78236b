"""A batch folder read back: the summary table, every article's claims and verdicts, and the figures
that differ from one story to another ("100,000 troops" here, "127,000 troops" there).

These functions are what notebooks/batch_summary.ipynb calls.
"""

from __future__ import annotations

from pathlib import Path

from claimkit.errors import InputError

NUMERIC_KINDS = ("quantity", "money", "percent", "duration")


def load_summary(batch_dir):
    """The batch's summary table (summary.csv), one row per article."""
    from claimkit.files import read_table

    path = Path(batch_dir) / "summary.csv"
    if not path.is_file():
        raise InputError(batch_dir, "not a batch folder (no summary.csv)")
    return read_table(path)


def _gather(batch_dir, file: str):
    import pandas as pd

    from claimkit.files import read_table

    summary = load_summary(batch_dir)
    frames = []
    for row in summary[summary.status == "ok"].itertuples():
        path = Path(batch_dir) / row.folder / file
        if path.is_file():
            df = read_table(path)
            if len(df):
                df.insert(0, "title", row.title)
                df.insert(0, "article", row.folder)
                frames.append(df)
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["article", "title"])


def batch_claims(batch_dir):
    """Every article's claims table, one after the other, with the article folder and title in front."""
    return _gather(batch_dir, "claims.csv")


def batch_verdicts(batch_dir):
    """Every article's verdicts table (articles without one are left out)."""
    return _gather(batch_dir, "verdicts.csv")


def status_counts(summary):
    return summary.status.value_counts().rename_axis("status").reset_index(name="articles")


def failures(summary):
    """The articles that failed and why."""
    return summary.loc[summary.status == "failed", ["source", "error"]].reset_index(drop=True)


def verdict_counts(summary):
    """Verdicts across the batch, by verdict (from the per-article counts in the summary)."""
    import pandas as pd

    from claimkit.batch.worker import VERDICTS

    counts = {v: int(pd.to_numeric(summary[v], errors="coerce").fillna(0).sum()) for v in VERDICTS if v in summary}
    return pd.DataFrame({"verdict": list(counts), "claims": list(counts.values())})


def top_claims(claims, n: int = 20):
    """The most check-worthy claims across the batch."""
    if claims.empty or "checkworthiness" not in claims:
        return claims
    cols = [c for c in ("title", "kind", "span", "sentence", "speaker", "checkworthiness") if c in claims]
    return claims.sort_values("checkworthiness", ascending=False, kind="stable")[cols].head(n).reset_index(drop=True)


def _context(row) -> str:
    """What a number is about: its subject if the extractor found one, else its sentence without the number."""
    subject = row.get("subject")
    if isinstance(subject, str) and subject.strip():
        return subject.lower()
    sentence, span = str(row.get("sentence") or ""), str(row.get("span") or "")
    return sentence.replace(span, " ").lower() if span else sentence.lower()


def _root(parent: list[int], i: int) -> int:
    """The representative of ``i``'s cluster in a union-find forest (paths halved on the way)."""
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def figure_discrepancies(claims, *, similarity: float = 75.0):
    """Groups of claims about the same thing (same kind and unit, similar subject) whose figures differ
    between articles: one row per claim, ``group`` numbers the groups.

    Similar subject: rapidfuzz ``token_set_ratio`` of the subjects (or of the sentences with the
    number taken out) at least ``similarity`` (0–100).
    """
    import pandas as pd

    out_cols = ["group", "kind", "unit", "value", "span", "article", "title", "sentence"]
    if claims.empty or "value" not in claims:
        return pd.DataFrame(columns=out_cols)
    from rapidfuzz import fuzz, process

    numeric = claims[claims["kind"].isin(NUMERIC_KINDS) & claims["value"].notna()].copy()
    numeric["unit"] = numeric["unit"].fillna("")
    numeric["_context"] = [_context(r) for r in numeric.to_dict("records")]
    groups = []
    for (_kind, _unit), part in numeric.groupby(["kind", "unit"], sort=True):
        if part["article"].nunique() < 2 or part["value"].nunique() < 2:
            continue
        part = part.reset_index(drop=True)
        scores = process.cdist(part["_context"].tolist(), part["_context"].tolist(), scorer=fuzz.token_set_ratio)
        parent = list(range(len(part)))

        articles = part["article"].tolist()
        for i in range(len(part)):
            for j in range(i + 1, len(part)):
                if articles[i] != articles[j] and scores[i][j] >= similarity:
                    parent[_root(parent, i)] = _root(parent, j)
        clusters: dict[int, list[int]] = {}
        for i in range(len(part)):
            clusters.setdefault(_root(parent, i), []).append(i)
        for members in clusters.values():
            sub = part.iloc[members]
            if sub["article"].nunique() >= 2 and sub["value"].nunique() >= 2:
                groups.append(sub)
    rows = []
    for g, sub in enumerate(
        sorted(groups, key=lambda s: (-s["article"].nunique(), s["kind"].iloc[0], s["unit"].iloc[0]))
    ):
        for r in sub.sort_values(["value", "article"]).to_dict("records"):
            rows.append({"group": g + 1, **{c: r.get(c) for c in out_cols[1:]}})
    return pd.DataFrame(rows, columns=out_cols)
