"""Against the sources: each claim beside the passage that decided it, as a journalist reads them.

The words the claim's sentence and the passage share are highlighted in both; a quote's word-level
difference from the source is shown (story → source). Every piece of text is HTML-escaped.
"""

from __future__ import annotations

from html import escape

from claimkit.display import HTML, VERDICT_COLOURS, as_list, records

_STYLE = """<style>
.ck-against{font-family:sans-serif;font-size:13px;border-collapse:collapse;max-width:72em}
.ck-against td,.ck-against th{border-top:1px solid #ddd;padding:.4em .6em;vertical-align:top;text-align:left}
.ck-against .ck-story,.ck-against .ck-passage{font-family:Georgia,serif;font-size:14px;line-height:1.5;max-width:32em}
.ck-against mark.ck-shared{background:#fff1a8;padding:0}
.ck-against mark.ck-claim{background:none;border-bottom:2px solid #555;padding:0;font-weight:bold}
.ck-against .ck-where{color:#666;font-size:12px}
.ck-against .ck-diff{font-family:monospace;font-size:12px;background:#fafafa;padding:.2em .4em}
.ck-against .ck-badge{padding:0 .4em;border-radius:.2em;white-space:nowrap}
</style>"""


def _words(text: str) -> set[str]:
    from claimkit.checks.sources import content, tokens

    return {c for w, _, _ in tokens(text) if (c := content(w))}


def highlight_shared(text: str, shared: set[str], emphasis: str | None = None) -> str:
    """``text`` as HTML with each word whose stem is in ``shared`` marked, and ``emphasis`` (the claim) underlined."""
    from claimkit.checks.sources import content, tokens

    spans = []
    if emphasis:
        at = text.find(emphasis)
        if at >= 0:
            spans.append((at, at + len(emphasis), "ck-claim"))
    for w, s, e in tokens(text):
        c = content(w)
        if c and c in shared and not any(a <= s < b for a, b, _ in spans):
            spans.append((s, e, "ck-shared"))
    out, pos = [], 0
    for s, e, cls in sorted(spans):
        if s < pos:
            continue
        out.append(escape(text[pos:s]))
        inner = text[s:e]
        if cls == "ck-claim":  # shared words inside the claim are marked too
            inner_html = highlight_shared(inner, shared) if shared else escape(inner)
        else:
            inner_html = escape(inner)
        out.append(f"<mark class='{cls}'>{inner_html}</mark>")
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def passage_where(p: dict) -> str:
    """ "report.pdf, p. 3" or "table.xlsx, sheet Data, row 4, column 2019"."""
    from pathlib import Path

    name = Path(str(p.get("document") or "source")).name
    parts = [name]
    if p.get("page") not in (None, "") and str(p.get("page")) != "<NA>":
        parts.append(f"p. {p['page']}")
    if p.get("sheet"):
        parts.append(f"sheet {p['sheet']}")
    if p.get("row") not in (None, "") and str(p.get("row")) != "<NA>":
        parts.append(f"row {p['row']}")
    if p.get("column"):
        parts.append(f"column {p['column']}")
    return ", ".join(parts)


def against_rows(verdicts) -> list[dict]:
    """One dict per claim a source passage decided (or was weighed for): the claim, its sentence, the
    deciding passage, the words they share, the quote difference."""
    out = []
    for v in records(verdicts):
        passages = as_list(v.get("passages"))
        if not passages:
            continue
        p = passages[0]
        sentence = str(v.get("sentence") or v.get("span") or "")
        passage = str(p.get("text") or "")
        shared = _words(sentence) & _words(passage)
        out.append(
            {
                "claim_id": v.get("claim_id"),
                "kind": v.get("kind"),
                "span": v.get("span"),
                "verdict": v.get("verdict"),
                "sentence": sentence,
                "passage": passage,
                "where": passage_where(p),
                "shared": shared,
                "diff": v.get("computation") if v.get("kind") == "quote" else None,
                "expected": v.get("expected"),
                "note": v.get("note"),
                "more": len(passages) - 1,
            }
        )
    return out


def show_against_sources(verdicts, *, only: str | None = None) -> HTML:
    """The notebook's "Against the sources" table: each claim beside its deciding passage, shared words
    highlighted in both, a quote's difference shown. ``only``: one verdict to show (e.g. "contradicted")."""
    rows = [r for r in against_rows(verdicts) if only is None or r["verdict"] == only]
    if not rows:
        unverified = int((verdicts["verdict"] == "unverified").sum()) if "verdict" in verdicts else 0
        return HTML(
            f"<p><i>No claim was decided by a source passage</i> ({unverified} unverified: "
            "the sources are silent on them, or no sources were given).</p>"
        )
    order = {"contradicted": 0, "misleading": 1, "unsupported": 2, "supported": 3, "unverified": 4}
    rows.sort(key=lambda r: order.get(r["verdict"], 5))
    body = []
    for r in rows:
        colour = VERDICT_COLOURS.get(r["verdict"], "#eee")
        diff = f"<div class='ck-diff'>{escape(str(r['diff']))}</div>" if r["diff"] else ""
        more = f" <span class='ck-where'>(+{r['more']} more)</span>" if r["more"] else ""
        body.append(
            "<tr>"
            f"<td><span class='ck-badge' style='background:{colour}'>{escape(str(r['verdict']))}</span><br>"
            f"<span class='ck-where'>{escape(str(r['kind']))} {escape(str(r['claim_id']))}</span></td>"
            f"<td class='ck-story'>{highlight_shared(r['sentence'], r['shared'], str(r['span'] or ''))}</td>"
            f"<td class='ck-passage'><div class='ck-where'>{escape(r['where'])}{more}</div>"
            f"{highlight_shared(r['passage'], r['shared'])}{diff}</td>"
            f"<td>{escape(str(r['note'] or ''))}</td>"
            "</tr>"
        )
    head = "<tr><th>verdict</th><th>the story</th><th>the source</th><th>why</th></tr>"
    return HTML(_STYLE + f"<table class='ck-against'>{head}{''.join(body)}</table>")


def source_candidates(claims, claim_id: str, sources, *, evidence=None, as_of=None):
    """For check_claim: the source passages weighed for one claim, ranked, with why each was or was not used.

    Columns: rank, document (with page / sheet, row, column), mention (the figure or date in the passage),
    agrees, aboutness (0-1: how far the passage is about what the claim is about), shared_words, used, why,
    sentence. A quote is shown with its best-matching passage and the word-level difference."""
    import pandas as pd

    from claimkit.checks.sources import diff_text, explain, find_quote
    from claimkit.verdicts import context, find_claim

    claim = find_claim(claims, claim_id)
    ctx = context(claims, evidence=evidence, sources=sources, as_of=as_of)
    cols = ["rank", "where", "mention", "agrees", "aboutness", "shared_words", "used", "why", "sentence"]
    if ctx.sources is None:
        return pd.DataFrame(columns=cols)
    if claim.get("kind") == "quote":
        m = find_quote(str(claim.get("span") or ""), ctx.sources)
        if m is None:
            return pd.DataFrame(columns=cols)
        p = m.passage
        why = (
            (
                "the quote is there, word for word"
                if not any(t != "equal" for t, _, _ in m.ops)
                else f"the words differ: {diff_text(m.changes or m.ops)}"
            )
            if m.share >= 0.6
            else "too few of the quote's words"
        )
        return pd.DataFrame(
            [
                {
                    "rank": 1,
                    "where": passage_where(
                        {"document": p.document, "page": p.page, "sheet": p.sheet, "row": p.row, "column": p.column}
                    ),
                    "mention": m.words,
                    "agrees": not m.changes,
                    "aboutness": round(m.share, 2),
                    "shared_words": "",
                    "used": m.share >= 0.6,
                    "why": why,
                    "sentence": p.text,
                }
            ],
            columns=cols,
        )
    rows = explain(claim, ctx)
    out = []
    for n, r in enumerate(rows, 1):
        p = ctx.sources.passage(r["passage_id"])
        out.append(
            {
                "rank": n,
                "where": passage_where(
                    {"document": p.document, "page": p.page, "sheet": p.sheet, "row": p.row, "column": p.column}
                ),
                **{k: r[k] for k in ("mention", "agrees", "aboutness", "shared_words", "used", "why", "sentence")},
            }
        )
    return pd.DataFrame(out, columns=cols)
