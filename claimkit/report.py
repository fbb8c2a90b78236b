"""``claimkit report``: one self-contained HTML page per checked article, and an index for a batch.

A page needs no network to open: styles and the verdict chart are inline, there is no script
(a Content-Security-Policy forbids any), and the ClaimReview JSON-LD sits in a data block in the
head, as publishers embed it. Every piece of text from the input — headline, article, notes,
addresses — is escaped by the templates (Jinja2 autoescaping); only http(s) addresses become links.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import quote

from claimkit.errors import InputError
from claimkit.files import atomic_write_text
from claimkit.files import blank as _blank  # a cell that says nothing (None, NaN, white space)
from claimkit.files import present as _clean  # its value, or None
from claimkit.outputs import CLAIMREVIEW_FILE, MANIFEST_FILE, VALIDATION_FILE, read_outputs, written_outputs
from claimkit.paths import TEMPLATES  # the package's templates/, resolved with importlib.resources

REPORT_FILE = "report.html"
INDEX_FILE = "index.html"


@lru_cache(maxsize=1)
def _environment():
    """The templates' Jinja environment, made once per process: compiling the report template costs
    about 50 ms; Jinja still reloads a template whose file changed."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

    from claimkit import display

    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html", "j2"]),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["safe_url"] = display.safe_url
    env.globals.update(
        verdict_colours=display.VERDICT_COLOURS, kind_colours=display.KIND_COLOURS, claim_anchor=display.claim_anchor
    )
    return env


def json_ld(data) -> str:
    """JSON for a ``<script type="application/ld+json">`` block: ``<``, ``>`` and ``&`` are escaped
    so no string in it can close the block."""
    text = json.dumps(data, ensure_ascii=False, indent=1, default=str)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _as_article(record: dict) -> SimpleNamespace:
    """The article record of ``article.json`` as the attribute object ``to_claimreview`` expects."""
    published = record.get("published")
    if isinstance(published, str) and published:
        try:
            published = date.fromisoformat(published[:10])
        except ValueError:
            published = None
    return SimpleNamespace(
        id=record.get("id"),
        title=record.get("title"),
        url=record.get("url"),
        source_name=record.get("source_name"),
        published=published or None,
    )


def evidence_rows(verdicts, evidence=None) -> tuple[dict[str, dict], str | None]:
    """The cited reference rows by id ({id: {fact, as_of, source_name, source_url, table}}) and, if
    they could not be looked up, why. The page then falls back on the verdicts' own source links."""
    from claimkit.display import as_list, records
    from claimkit.evidence import open_store

    ids = sorted({str(i) for v in verdicts["evidence_ids"] for i in as_list(v)}) if "evidence_ids" in verdicts else []
    if not ids:
        return {}, None
    try:
        rows = open_store(evidence).rows(ids)
    except Exception as exc:  # best effort: a missing or broken reference folder must not stop the report
        return {}, f"the reference tables could not be read ({exc})"
    return {str(r["id"]): {k: _clean(v) for k, v in r.items()} for r in records(rows)}, None


def claimreview_items(verdicts, article: dict) -> list[dict] | None:
    """ClaimReview dicts for the page (``None`` when there is nothing to review)."""
    from claimkit.claimreview import to_claimreview

    if verdicts is None or len(verdicts) == 0:
        return None
    return to_claimreview(verdicts, _as_article(article))


def _sentence_parts(sentence, span) -> tuple[str, str, str]:
    """The claim's sentence split around its span (before, span, after), for emphasis on the page."""
    sentence = "" if _blank(sentence) else str(sentence)  # a figure-only text reads back from CSV as a number
    span = "" if _blank(span) else str(span)
    at = sentence.find(span) if span else -1
    if at < 0:
        return "", span or sentence, ""
    return sentence[:at], span, sentence[at + len(span) :]


def _number(x) -> str:
    return f"{float(x):,.{15}g}"


def _figure(value, low, high) -> str:
    """ "100,000" for a point, "90,000 (between 80,000 and 100,000)" or "over 90,000" for an interval."""
    if _blank(low) and _blank(high):
        return "" if _blank(value) else _number(value)
    if (
        not _blank(low)
        and not _blank(high)
        and float(low) == float(high)
        and (_blank(value) or float(value) == float(low))
    ):
        return _number(low)
    bounds = (
        f"between {_number(low)} and {_number(high)}"
        if not _blank(low) and not _blank(high)
        else f"at least {_number(low)}"
        if not _blank(low)
        else f"at most {_number(high)}"
    )
    return f"{_number(value)} ({bounds})" if not _blank(value) else bounds


def claim_cards(claims, verdicts=None, evidence: dict | None = None, text: str | None = None) -> list[dict]:
    """One dict per claim, in text order, with its verdict, its evidence rows and its source links."""
    from claimkit.against import passage_where
    from claimkit.display import as_list, records, safe_url

    by_id = {} if verdicts is None else {str(r["claim_id"]): r for r in records(verdicts)}
    evidence = evidence or {}
    cards = []
    ordered = records(claims.sort_values(["start", "end"]))
    # a computation over the story cites other claims: shown by their words
    story = {str(c["claim_id"]): {"fact": f"the story: \u201c{c.get('span')}\u201d"} for c in ordered}
    story.update(_story_words(verdicts, text))
    for c in ordered:
        v = by_id.get(str(c["claim_id"]), {})
        passages = [p for p in as_list(v.get("passages")) if isinstance(p, dict)]
        passage_ids = {str(p.get("id")) for p in passages}
        rows = []
        for eid in as_list(v.get("evidence_ids")):
            if str(eid) in passage_ids:
                continue  # shown as a source passage, with its document and page
            e = evidence.get(str(eid)) or story.get(str(eid), {})
            rows.append(
                {
                    "id": str(eid),
                    "fact": e.get("fact"),
                    "as_of": e.get("as_of"),
                    "source_name": e.get("source_name"),
                    "source_url": e.get("source_url"),
                }
            )
        cited = {r["source_url"] for r in rows if r["source_url"]} | {str(p.get("document")) for p in passages}
        sources = [s for s in as_list(v.get("sources")) if s not in cited]
        before, span, after = _sentence_parts(c.get("sentence"), c.get("span"))
        figure = _figure(c.get("value"), c.get("low"), c.get("high"))
        cards.append(
            {
                "claim_id": str(c["claim_id"]),
                "kind": c.get("kind"),
                "before": before,
                "span": span,
                "after": after,
                "numbers": figure,
                "qualifier": _clean(c.get("qualifier")),
                "unit": _clean(c.get("unit")),
                "speaker": _clean(c.get("speaker")),
                "date": _clean(c.get("date")),
                "checkworthiness": None if _blank(c.get("checkworthiness")) else float(c["checkworthiness"]),
                "verdict": _clean(v.get("verdict")),
                "expected": _clean(v.get("expected")),
                "method": _clean(v.get("method")),
                "computation": _clean(v.get("computation")),
                "note": _clean(v.get("note")),
                "reviewer": _clean(v.get("reviewer")),
                "checked_at": _clean(v.get("checked_at")),
                "evidence": rows,
                "passages": [{"where": passage_where(p), "text": _clean(p.get("text"))} for p in passages],
                "diff": _clean(v.get("computation")) if c.get("kind") == "quote" else None,
                "sources": [{"url": s, "href": safe_url(s)} for s in sources],
            }
        )
    return cards


def _story_words(verdicts, text: str | None) -> dict[str, dict]:
    """Evidence ids ``story@START-END`` (words of the story a computation read) with those words."""
    import re

    from claimkit.display import as_list, records

    out = {}
    if verdicts is None or not text or "evidence_ids" not in verdicts:
        return out
    for r in records(verdicts):
        for eid in as_list(r.get("evidence_ids")):
            m = re.fullmatch(r"story@(\d+)-(\d+)", str(eid))
            if m and int(m.group(1)) < int(m.group(2)) <= len(text):
                out[str(eid)] = {"fact": f"the story: \u201c{text[int(m.group(1)) : int(m.group(2))]}\u201d"}
    return out


def _verdicts_for_claimreview(verdicts, claims):
    """Verdicts with the claim's span, sentence and speaker (the CSV may not carry them) and list cells as lists."""
    from claimkit.display import as_list

    df = verdicts.copy()
    extra = [c for c in ("span", "sentence", "speaker") if c in claims.columns and c not in df.columns]
    if extra:
        df = df.merge(claims[["claim_id"] + extra], on="claim_id", how="left")
    for col in ("evidence_ids", "sources"):
        if col in df.columns:
            df[col] = df[col].map(as_list)
    return df


def article_report_html(
    article: dict, claims, verdicts=None, *, validations=(), evidence=None, back_link: str | None = None
) -> tuple[str, list[dict] | None]:
    """The report page of one article (an ``article.json`` record) and the ClaimReview items embedded in it
    (``None`` when none could be made)."""
    from markupsafe import Markup

    from claimkit import __version__, display

    has_verdicts = verdicts is not None and len(verdicts) > 0
    notes = []
    rows, why = evidence_rows(verdicts, evidence) if has_verdicts else ({}, None)
    if why:
        notes.append(why)
    reviews = claimreview_items(_verdicts_for_claimreview(verdicts, claims), article) if has_verdicts else None
    counts = verdicts["verdict"].value_counts().to_dict() if has_verdicts else {}
    html = (
        _environment()
        .get_template("report.html.j2")
        .render(
            article=article,
            published=article.get("published"),
            url=article.get("url"),
            url_href=display.safe_url(article.get("url")),
            body=Markup(
                display.highlight_html(
                    article.get("text") or "", claims, verdicts if has_verdicts else None, anchors=True
                )
            ),
            legend=Markup(display.legend_html(verdicts if has_verdicts else None)),
            chart=Markup(display.verdict_chart_svg(verdicts, claims)) if has_verdicts else None,
            counts=[(v, int(counts[v])) for v in display.VERDICT_ORDER if v in counts],
            cards=claim_cards(claims, verdicts if has_verdicts else None, rows, text=article.get("text")),
            has_verdicts=has_verdicts,
            validations=list(validations or ()),
            notes=notes,
            json_ld=Markup(json_ld(reviews)) if reviews else None,
            back_link=back_link,
            version=__version__,
            generated=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    return html, reviews


def is_run_folder(folder) -> bool:
    return (Path(folder) / MANIFEST_FILE).is_file()


def write_report(run_dir, *, evidence=None, back_link: str | None = None) -> Path:
    """Write ``report.html`` into a run folder, and refresh its ClaimReview export (``claimreview.json``) to match."""
    run_dir = Path(run_dir)
    if not is_run_folder(run_dir):
        raise InputError(run_dir, f"not a run folder (no {MANIFEST_FILE}); run `claimkit run ARTICLE -o DIR` first")
    out = written_outputs(run_dir)  # just written by this process: the tables are still in memory
    if out is not None:
        validations = out.get("validation") or []
    else:
        out = read_outputs(run_dir)
        validations = []
        if (run_dir / VALIDATION_FILE).exists():
            validations = json.loads((run_dir / VALIDATION_FILE).read_text(encoding="utf-8"))
    html, reviews = article_report_html(
        out["article"],
        out["claims"],
        out.get("verdicts"),
        validations=validations,
        evidence=evidence,
        back_link=back_link,
    )
    path = atomic_write_text(run_dir / REPORT_FILE, html)
    if reviews is not None:
        _write_if_changed(run_dir / CLAIMREVIEW_FILE, json.dumps(reviews, ensure_ascii=False, indent=2, default=str))
    return path


def _write_if_changed(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (atomically) unless the file already says exactly that, as it does
    when the notebook exported the same ClaimReview items a moment before."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except (OSError, UnicodeDecodeError):
        pass
    atomic_write_text(path, text)


def _summary_rows(batch_dir: Path) -> list[dict]:
    """Rows of the batch's summary.csv (if any), for articles that left no complete run folder."""
    path = batch_dir / "summary.csv"
    if not path.exists():
        return []
    from claimkit.files import read_table

    return [{k: _clean(v) for k, v in r.items()} for r in read_table(path).to_dict("records")]


def write_batch_report(batch_dir, *, evidence=None) -> list[Path]:
    """A report in every run folder of a batch, and ``index.html`` listing them (written last)."""
    import pandas as pd
    from markupsafe import Markup

    from claimkit import __version__, display

    batch_dir = Path(batch_dir)
    runs = sorted(p for p in batch_dir.iterdir() if p.is_dir() and is_run_folder(p))
    if not runs:
        raise InputError(
            batch_dir, f"neither a run folder nor a batch folder (no {MANIFEST_FILE} in it or in its sub-folders)"
        )
    written, entries, all_verdicts = [], [], []
    for run in runs:
        path = write_report(run, evidence=evidence, back_link=f"../{INDEX_FILE}")
        written.append(path)
        out = read_outputs(run)
        verdicts = out.get("verdicts")
        counts = {}
        if verdicts is not None and len(verdicts):
            counts = verdicts["verdict"].value_counts().to_dict()
            all_verdicts.append(
                _verdicts_for_claimreview(verdicts, out["claims"])[["claim_id", "verdict"]].assign(
                    kind=verdicts["claim_id"].map(dict(zip(out["claims"]["claim_id"], out["claims"]["kind"])))
                )
            )
        a = out["article"]
        entries.append(
            {
                "folder": run.name,
                "href": f"{quote(run.name)}/{REPORT_FILE}",
                "title": a.get("title") or run.name,
                "published": a.get("published"),
                "source_name": a.get("source_name"),
                "claims": len(out["claims"]),
                "counts": [int(counts.get(v, 0)) for v in display.VERDICT_ORDER],
                "checked": bool(counts),
            }
        )
    done = {e["folder"] for e in entries}
    missing = []
    for r in _summary_rows(batch_dir):
        names = {str(r.get(k)) for k in ("folder", "out_dir", "output", "article_id", "name") if r.get(k)}
        if not names & done and not any(Path(n).name in done for n in names):
            missing.append(
                {
                    "article": r.get("source") or r.get("article") or r.get("path") or next(iter(names), "?"),
                    "status": r.get("status") or "no report",
                    "error": r.get("error") or r.get("reason"),
                }
            )
    combined = pd.concat(all_verdicts, ignore_index=True) if all_verdicts else None
    html = (
        _environment()
        .get_template("index.html.j2")
        .render(
            title=f"Fact-check reports: {batch_dir.name}",
            entries=entries,
            missing=missing,
            verdict_names=display.VERDICT_ORDER,
            chart=Markup(display.verdict_chart_svg(combined)) if combined is not None else None,
            version=__version__,
            generated=datetime.now(UTC).isoformat(timespec="seconds"),
        )
    )
    written.append(atomic_write_text(batch_dir / INDEX_FILE, html))
    return written


def report(folder, *, evidence=None) -> list[Path]:
    """The report(s) of a run folder or of a batch folder; returns the files written."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(folder, "no such folder")
    if is_run_folder(folder):
        return [write_report(folder, evidence=evidence)]
    return write_batch_report(folder, evidence=evidence)
