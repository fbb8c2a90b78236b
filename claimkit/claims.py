"""The claims table: run the extractors over an article and assemble one row per claim."""
from __future__ import annotations

import hashlib
import json
from collections import Counter

from claimkit.articles import Article, load_article
from claimkit.extract import Document, Finding, run_extractors

CLAIM_COLUMNS = [
    "claim_id", "article_id", "kind", "sentence", "start", "end", "span",
    "value", "low", "high", "qualifier", "unit", "subject", "speaker", "date",
    "checkworthiness", "extractor", "details",
]
_NUMERIC = ("value", "low", "high")
_TIME_KINDS = ("time",)


def claim_id(kind: str, sentence: str, span: str, occurrence: int) -> str:
    """Stable id: depends only on the claim's own sentence, so editing another paragraph renames nothing."""
    key = f"{kind}\x1f{' '.join(sentence.split())}\x1f{span}\x1f{occurrence}"
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _fill_dates(doc: Document, findings: list[Finding]) -> None:
    """A claim about something else takes the date its sentence gives: the nearest time mention in it."""
    by_sentence: dict[int, list[Finding]] = {}
    for f in findings:
        if f.kind in _TIME_KINDS and f.date:
            by_sentence.setdefault(doc.sentence_index(f.start), []).append(f)
    for f in findings:
        if f.kind in _TIME_KINDS or f.date:
            continue
        times = by_sentence.get(doc.sentence_index(f.start))
        if times:
            nearest = min(times, key=lambda t: (0 if t.start <= f.start < t.end or f.start <= t.start < f.end
                                                else min(abs(t.start - f.end), abs(f.start - t.end))))
            f.date = nearest.date


_FIELDS = ("value", "low", "high", "qualifier", "unit", "subject", "speaker", "date")


def _merge_duplicates(findings: list[Finding]) -> list[Finding]:
    """Two extractors reporting the same kind of claim on the same span make one claim.

    The finding that resolves more fields wins; the other fills what it left empty.
    """
    best: dict[tuple, Finding] = {}
    for f in findings:
        key = (f.kind, f.start, f.end)
        other = best.get(key)
        if other is None:
            best[key] = f
            continue
        keep, drop = sorted((other, f), key=lambda x: -sum(getattr(x, n) is not None for n in _FIELDS))
        for name in _FIELDS:
            if getattr(keep, name) is None and getattr(drop, name) is not None and name not in ("value", "low", "high"):
                setattr(keep, name, getattr(drop, name))
        keep.weight = max(keep.weight, drop.weight)
        keep.extra = {**drop.extra, **keep.extra, "also_found_by": drop.extractor}
        best[key] = keep
    return sorted(best.values(), key=lambda f: (f.start, -f.end, f.kind))


def extract_claims(article_or_text, *, published=None, extractors=None):
    """One row per checkable claim in an article (an :class:`Article`, a path or a string of text).

    ``extractors`` limits the run to the named extractors (all registered ones by default).
    """
    import pandas as pd

    from claimkit.checkworthiness import score

    article = article_or_text if isinstance(article_or_text, Article) else load_article(article_or_text)
    if published is not None:
        from claimkit.articles import parse_date

        article.published = parse_date(published)
    doc = article.document()
    findings = _merge_duplicates(run_extractors(doc, extractors))
    _fill_dates(doc, findings)

    rows, seen = [], Counter()
    for f in findings:
        s, e = doc.sentence_at(f.start)
        sentence = article.text[s:e]
        span = article.text[f.start:f.end]
        key = (f.kind, sentence, span)
        seen[key] += 1
        rows.append({
            "claim_id": claim_id(f.kind, sentence, span, seen[key]),
            "article_id": article.id,
            "kind": f.kind,
            "sentence": sentence,
            "start": f.start,
            "end": f.end,
            "span": span,
            "value": f.value, "low": f.low, "high": f.high,
            "qualifier": f.qualifier, "unit": f.unit, "subject": f.subject, "speaker": f.speaker,
            "date": f.date,
            "checkworthiness": score(f, sentence),
            "extractor": f.extractor,
            "details": json.dumps(f.extra, ensure_ascii=False, sort_keys=True, default=str) if f.extra else None,
        })
    df = pd.DataFrame(rows, columns=CLAIM_COLUMNS)
    return normalise_claims(df, article)


def normalise_claims(df, article: Article | None = None):
    """Give a claims table (fresh or read back from disk) the contract's column types."""
    import pandas as pd

    for col in CLAIM_COLUMNS:
        if col not in df.columns:
            df[col] = None
    df = df[CLAIM_COLUMNS + [c for c in df.columns if c not in CLAIM_COLUMNS]].copy()
    for col in _NUMERIC + ("checkworthiness",):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("float64")
    for col in ("start", "end"):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    for col in ("claim_id", "article_id", "kind", "sentence", "span", "qualifier", "unit", "subject",
                "speaker", "date", "extractor", "details"):
        df[col] = df[col].astype("object").where(df[col].notna(), None)
    if article is not None:
        df.attrs["article_text"] = article.text
        df.attrs["article_id"] = article.id
        df.attrs["published"] = article.published.isoformat() if article.published else None
    return df.reset_index(drop=True)
