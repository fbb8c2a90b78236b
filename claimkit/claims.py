"""The claims table: run the extractors over an article and assemble one row per claim."""

from __future__ import annotations

import bisect
import hashlib
import itertools
import json
from collections import Counter

from claimkit.articles import Article, load_article
from claimkit.extract import Document, Finding, run_extractors

CLAIM_COLUMNS = [
    "claim_id",
    "article_id",
    "kind",
    "sentence",
    "start",
    "end",
    "span",
    "value",
    "low",
    "high",
    "qualifier",
    "unit",
    "subject",
    "speaker",
    "date",
    "checkworthiness",
    "extractor",
    "details",
]
_NUMERIC = ("value", "low", "high")
_TIME_KINDS = ("time",)
SENTENCE_MAX_CHARS = 1000  # a longer "sentence" (a runaway line of scraped text) is stored as a window
SENTENCE_WINDOW_CHARS = 400  # context kept around the span when the sentence is cut
ELLIPSIS = "\u2026"


def sentence_window(text: str, s: int, e: int, start: int, end: int) -> str:
    """The sentence ``text[s:e]`` a claim at ``start:end`` stands in, or, for a runaway sentence, a window of it.

    A sentence of at most :data:`SENTENCE_MAX_CHARS` is returned whole. A longer one is cut to about
    :data:`SENTENCE_WINDOW_CHARS` characters of context around the span (the span always inside, cut
    ends marked with an ellipsis), so a 50 MB line with thousands of claims does not copy 50 MB into
    every row.
    """
    if e - s <= SENTENCE_MAX_CHARS:
        return text[s:e]
    lo, hi = max(s, min(start, e)), min(e, max(end, s))
    room = max(0, SENTENCE_WINDOW_CHARS - (hi - lo))
    ws = max(s, lo - room // 2)
    we = min(e, hi + (room - (lo - ws)))
    ws = max(s, lo - (room - (we - hi)))
    # cut at a space where one is near, never inside the span
    sp = text.find(" ", ws, min(lo, ws + 20)) if ws > s else -1
    ws = sp + 1 if sp >= 0 else ws
    sp = text.rfind(" ", max(hi, we - 20), we) if we < e else -1
    we = sp if sp >= 0 else we
    return (ELLIPSIS if ws > s else "") + text[ws:we] + (ELLIPSIS if we < e else "")


def claim_id(kind: str, sentence: str, span: str, occurrence: int) -> str:
    """Stable id: depends only on the claim's own sentence, so editing another paragraph renames nothing."""
    key = f"{kind}\x1f{' '.join(sentence.split())}\x1f{span}\x1f{occurrence}"
    return "c-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _fill_dates(doc: Document, findings: list[Finding]) -> None:
    """A claim about something else takes the date its sentence gives: the nearest time mention in it.

    Nearest: a time mention overlapping the claim, else the smallest gap; on a tie the earlier one.
    """
    by_sentence: dict[int, list[Finding]] = {}
    for f in findings:
        if f.kind in _TIME_KINDS and f.date:
            by_sentence.setdefault(doc.sentence_index(f.start), []).append(f)
    ordered: dict[int, tuple[list[int], list[Finding]] | None] = {}
    for si, times in by_sentence.items():
        times.sort(key=lambda t: (t.start, t.end))
        disjoint = all(a.end <= b.start for a, b in itertools.pairwise(times))
        ordered[si] = ([t.start for t in times], times) if disjoint else None
    for f in findings:
        if f.kind in _TIME_KINDS or f.date:
            continue
        si = doc.sentence_index(f.start)
        times = by_sentence.get(si)
        if not times:
            continue
        index = ordered[si]
        if index is not None:
            # disjoint mentions in text order: only the last one starting at or before the claim and the
            # one after it can be nearest (gaps grow monotonically away from the claim), so look at two
            j = bisect.bisect_right(index[0], f.start) - 1
            times = index[1][max(0, j) : j + 2]
        nearest = min(times, key=lambda t: _gap(t, f))
        f.date = nearest.date


def _gap(t: Finding, f: Finding) -> int:
    if t.start <= f.start < t.end or f.start <= t.start < f.end:
        return 0
    return min(abs(t.start - f.end), abs(f.start - t.end))


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

    from claimkit.checkworthiness import nested, score

    article = article_or_text if isinstance(article_or_text, Article) else load_article(article_or_text)
    if published is not None:
        from claimkit.articles import parse_date

        article.published = parse_date(published)
    doc = article.document()
    findings = _merge_duplicates(run_extractors(doc, extractors))
    _fill_dates(doc, findings)

    rows, seen = [], Counter()
    inside = nested(findings, lambda f: doc.sentence_at(f.start))
    for i, f in enumerate(findings):
        s, e = doc.sentence_at(f.start)
        if f.end > e:  # a span running over a sentence boundary ("We will act. We will not wait,"): its sentences
            e = max(e, doc.sentence_at(max(f.start, f.end - 1))[1])
        sentence = sentence_window(article.text, s, e, f.start, f.end)
        span = article.text[f.start : f.end]
        key = (f.kind, sentence, span)
        seen[key] += 1
        rows.append(
            {
                "claim_id": claim_id(f.kind, sentence, span, seen[key]),
                "article_id": article.id,
                "kind": f.kind,
                "sentence": sentence,
                "start": f.start,
                "end": f.end,
                "span": span,
                "value": f.value,
                "low": f.low,
                "high": f.high,
                "qualifier": f.qualifier,
                "unit": f.unit,
                "subject": f.subject,
                "speaker": f.speaker,
                "date": f.date,
                "checkworthiness": score(f, sentence, nested=i in inside),
                "extractor": f.extractor,
                "details": json.dumps(f.extra, ensure_ascii=False, sort_keys=True, default=str) if f.extra else None,
            }
        )
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
    for col in (
        "claim_id",
        "article_id",
        "kind",
        "sentence",
        "span",
        "qualifier",
        "unit",
        "subject",
        "speaker",
        "date",
        "extractor",
        "details",
    ):
        df[col] = df[col].astype("object").where(df[col].notna(), None)
    if article is not None:
        df.attrs["article_text"] = article.text
        df.attrs["article_id"] = article.id
        df.attrs["published"] = article.published.isoformat() if article.published else None
    return df.reset_index(drop=True)
