"""What a journalist sees in a notebook: the article with its claims highlighted, claims ranked.

Every piece of article text, title, URL or note is HTML-escaped here; nothing from the input is
ever written into the page as markup.
"""

from __future__ import annotations

import ast
import itertools
import json
from html import escape
from urllib.parse import quote, urlsplit

from claimkit.files import missing as _blank_cell  # None, NaN, pd.NA or NaT (a list never is)

KIND_COLOURS = {
    "quantity": "#ffe08a",
    "money": "#ffd0a8",
    "percent": "#fff3a8",
    "duration": "#e7d7ff",
    "time": "#c9e7ff",
    "quote": "#d8f5d0",
    "attribution": "#e9f7e4",
    "comparison": "#ffd6e7",
    "role": "#e4e4e4",
    "capital": "#d6f0ff",
    "currency": "#f0e6d6",
}
VERDICT_COLOURS = {
    "supported": "#b7ebc0",
    "contradicted": "#ffb3b3",
    "misleading": "#ffd59e",
    "unsupported": "#e8d0ff",
    "unverified": "#e6e6e6",
}
UNVERIFIED_STYLE = "background:transparent;border-bottom:2px dotted #8a8a8a"
# nested marks: shorter (inner) claims are drawn above longer ones
_STYLE = """<style>
.ck-article{font-family:Georgia,serif;line-height:1.6;max-width:48em}
.ck-article p{margin:0 0 .8em 0}
.ck-article mark{padding:0;border-radius:.2em;border-bottom:2px solid rgba(0,0,0,.25)}
.ck-legend span{display:inline-block;margin:0 .4em .3em 0;padding:0 .3em;border-radius:.2em;font:12px sans-serif}
</style>"""


class HTML:
    """A fragment of HTML that Jupyter renders (and ``str()`` returns as markup)."""

    def __init__(self, html: str):
        self.html = html

    def _repr_html_(self) -> str:
        return self.html

    def __str__(self) -> str:
        return self.html


def safe_url(url) -> str | None:
    """``url`` if it is an absolute http(s) address a reader may click, else ``None``.

    Anything else from the input (``javascript:``, ``data:``, relative paths, addresses hiding
    control characters or spaces that browsers strip) is never made a link.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ord(ch) <= 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


def link_html(url, text=None) -> str:
    """An escaped link to ``url`` when it is safe to click, else the escaped text (or URL) as plain text."""
    label = escape(str(text if text not in (None, "") else url or ""))
    href = safe_url(url)
    if href is None:
        return f'<span class="ck-nolink">{label}</span>'
    return f'<a href="{escape(href)}" rel="noopener noreferrer nofollow">{label}</a>'


def claim_anchor(claim_id) -> str:
    """The fragment id of a claim's card in a report."""
    return "claim-" + quote(str(claim_id), safe="")


def as_list(value) -> list:
    """A list cell as read back from a table: a list, a JSON or Python list literal, one plain value, or empty."""
    if value is None:
        return []
    if isinstance(value, (list, tuple)):
        return [v for v in value if v not in (None, "")]
    if hasattr(value, "tolist"):  # numpy array from Parquet
        return as_list(value.tolist())
    if isinstance(value, float):
        return [] if value != value else [value]
    text = str(value).strip()
    if not text:
        return []
    if text.startswith("["):
        for parse in (json.loads, ast.literal_eval):
            try:
                parsed = parse(text)
            except (ValueError, SyntaxError):
                continue
            if isinstance(parsed, list):
                return [v for v in parsed if v not in (None, "")]
    return [text]


def records(df) -> list[dict]:
    """``df.to_dict("records")``, made column by column: the same Python values (``tolist`` boxes
    them as ``to_dict`` does) at a fraction of the cost (pandas 3 builds the records row by row)."""
    cols = list(df.columns)
    if len(set(cols)) != len(cols) or not cols:
        return df.to_dict("records")

    dtypes = list(df.dtypes)

    def column(j):
        values = df.iloc[:, j].tolist()
        if getattr(dtypes[j], "_is_numeric", False) and not hasattr(dtypes[j], "pyarrow_dtype"):
            values = [
                None if v is _NA else v for v in values
            ]  # a masked Int64/Float64/boolean column: to_dict gives None
        return values

    from pandas import NA as _NA

    return [dict(zip(cols, row)) for row in zip(*(column(j) for j in range(len(cols))))]


def _verdict_map(verdicts) -> dict[str, str]:
    if verdicts is None or len(verdicts) == 0:
        return {}
    return dict(zip(verdicts["claim_id"], verdicts["verdict"]))


def highlight_html(
    text: str, claims, verdicts=None, *, start: int = 0, end: int | None = None, anchors: bool = False
) -> str:
    """``text[start:end]`` as escaped HTML paragraphs, each claim wrapped in a ``<mark>``.

    Marks are coloured by verdict once verified, else by kind; hovering shows the claim id, kind
    and verdict. Overlapping claims are split at every boundary and each piece is marked by the
    innermost claim that covers it. ``anchors=True`` makes each mark a link to ``#claim-<id>``
    (the claim's card in the report).
    """
    end = len(text) if end is None else end
    verdict_of = _verdict_map(verdicts)
    spans = []
    if claims is not None and len(claims):
        for cid, kind, s, e in zip(claims["claim_id"], claims["kind"], claims["start"], claims["end"]):
            s, e = max(int(s), start), min(int(e), end)
            if s < e:
                spans.append((s, e, str(cid), str(kind)))
    cuts = sorted({start, end} | {p for s, e, *_ in spans for p in (s, e)})
    out = []
    for a, b in itertools.pairwise(cuts):
        piece = escape(text[a:b]).replace("\n\n", "</p><p>")
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if not covering:
            out.append(piece)
            continue
        s, e, cid, kind = min(covering, key=lambda sp: sp[1] - sp[0])
        verdict = verdict_of.get(cid)
        colour = VERDICT_COLOURS.get(verdict) if verdict else KIND_COLOURS.get(kind, "#eee")
        # once verified, what is still unverified is only underlined, so that the verdicts stand out
        style = UNVERIFIED_STYLE if verdict == "unverified" else f"background:{colour}"
        title = " · ".join(f"{c} {k}{' → ' + verdict_of[c] if c in verdict_of else ''}" for _, _, c, k in covering)
        if anchors:
            piece = f'<a href="#{escape(claim_anchor(cid))}">{piece}</a>'
        out.append(
            f'<mark class="ck-claim ck-{escape(kind)}" data-claim-id="{escape(cid)}" '
            f'data-kind="{escape(kind)}" data-verdict="{escape(verdict or "")}" '
            f'style="{style}" title="{escape(title)}">{piece}</mark>'
        )
    return "<p>" + "".join(out) + "</p>"


def legend_html(verdicts=None) -> str:
    if verdicts is not None and len(verdicts):
        styles = {k: UNVERIFIED_STYLE if k == "unverified" else f"background:{c}" for k, c in VERDICT_COLOURS.items()}
    else:
        styles = {k: f"background:{c}" for k, c in KIND_COLOURS.items()}
    return (
        '<div class="ck-legend">'
        + "".join(f'<span style="{st}">{escape(k)}</span>' for k, st in styles.items())
        + "</div>"
    )


def _field(obj, name):
    """An attribute of an :class:`~claimkit.Article` or a key of its record (``article.json``)."""
    return obj.get(name) if isinstance(obj, dict) else getattr(obj, name, None)


def article_meta_html(article) -> str:
    """Source · publication date · address (a link only when it is an http(s) address)."""
    bits = [escape(str(x)) for x in (_field(article, "source_name"), _field(article, "published")) if x]
    url = _field(article, "url")
    if url:
        bits.append(link_html(url))
    return " · ".join(bits)


def show_article(article, claims, verdicts=None) -> HTML:
    """The article, headline first, with every claim highlighted in place (coloured by verdict once verified)."""
    head = (
        f"<h3>{escape(_field(article, 'title') or '(untitled)')}</h3>"
        f"<div style='color:#666;font:13px sans-serif'>{article_meta_html(article)}</div>"
    )
    body = highlight_html(_field(article, "text") or "", claims, verdicts)
    return HTML(f"{_STYLE}<div class='ck-article'>{head}{legend_html(verdicts)}{body}</div>")


RANKED_COLUMNS = [
    "claim_id",
    "kind",
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
]


def _join(base, other, columns=("verdict",)):
    """``base`` with the ``columns`` of ``other`` it lacks, matched on claim_id."""
    if other is None or len(other) == 0:
        return base
    cols = ["claim_id"] + [c for c in columns if c in other.columns and c not in base.columns]
    return base.merge(other[cols], on="claim_id", how="left")


def _plain_cell(v) -> str:
    """A cell as a default pandas Styler shows it (floats to 6 decimals, None as "None"), escaped."""
    if isinstance(v, float) or type(v).__name__.startswith(("float", "complex")):
        return escape(f"{v:.6f}")
    return escape(str(v))


class Table:
    """A small table as the notebook shows it: HTML built directly from its rows, every cell escaped.

    It looks as the pandas ``Styler`` it replaces (left-aligned 12px cells, the same column
    headings and ``col_heading``/``data`` classes) and keeps the parts of its API that callers use:
    ``.data`` (the rows shown, a DataFrame), ``.to_html()`` and ``_repr_html_()``. Rendering a
    Styler cost about 30 ms a table; this costs well under 1 ms. Its text form is one short line,
    so that Jupyter does not format the table a second time as text.
    """

    def __init__(self, data, cells: list[list[str]], styles: list[list[str]] | None = None, name: str = "table"):
        """``data``: the DataFrame shown; ``cells``: its escaped cells as HTML, row by row;
        ``styles``: CSS declarations per cell (or none)."""
        self.data, self._columns = data, list(data.columns)
        self._cells, self._styles, self._name = cells, styles, name
        self._html = None

    def to_html(self) -> str:
        if self._html is None:
            import uuid

            tid = "T_" + uuid.uuid4().hex[:5]
            head = "".join(
                f'<th class="col_heading level0 col{j}" >{escape(str(c))}</th>' for j, c in enumerate(self._columns)
            )
            rows = []
            for i, row in enumerate(self._cells):
                styles = self._styles[i] if self._styles else None
                tds = "".join(
                    f'<td class="data row{i} col{j}"'
                    + (f' style="{escape(styles[j])}"' if styles and styles[j] else "")
                    + f" >{cell}</td>"
                    for j, cell in enumerate(row)
                )
                rows.append(f"<tr>{tds}</tr>")
            self._html = (
                f'<style type="text/css">\n#{tid} td {{\n  text-align: left;\n  font-size: 12px;\n}}\n</style>\n'
                f'<table id="{tid}" class="ck-{self._name}"><thead><tr>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
        return self._html

    def _repr_html_(self) -> str:
        return self.to_html()

    def __repr__(self) -> str:
        rows, cols = len(self._cells), len(self._columns)
        return f"<{self._name}: {rows} row{'s' if rows != 1 else ''} x {cols} columns>"


def _plain_table(columns: list[str], rows: list[list], name: str) -> Table:
    """The rows as a table; cells show the values of the DataFrame made of them (where pandas turns
    a missing text into NaN, the cell says "nan", as a Styler of that frame said)."""
    import pandas as pd

    df = pd.DataFrame(rows, columns=columns)
    cells = [[_plain_cell(v) for v in row] for row in zip(*(df[c].tolist() for c in columns))] if rows else []
    return Table(df, cells, name=name)


def _claims_of_kinds(claims, kinds, fields):
    """The ``fields`` of the claims of ``kinds``, as one dict of lists (cheaper than a filtered frame's rows)."""
    keep = [k in kinds for k in claims["kind"].tolist()]
    return [dict(zip(fields, values)) for values, k in zip(zip(*(claims[f].tolist() for f in fields)), keep) if k]


def _bar_css(x, colour: str = "#9ecae1") -> str:
    """A bar from 0 to ``x`` (clipped to 0-1) drawn behind the cell, as ``Styler.bar(vmin=0, vmax=1)`` draws it."""
    css = "width: 10em;"
    if _blank_cell(x):
        return css
    end = min(max(float(x), 0.0), 1.0)
    if end > 0:
        css += f"background: linear-gradient(90deg, {colour} {end * 100:.1f}%, transparent {end * 100:.1f}%)"
    return css


def ranked_claims(claims, limit: int | None = None, verdicts=None) -> Table:
    """The claims, most check-worthy first, as a compact table (with their verdicts once verified):
    check-worthiness drawn as a bar, verdicts coloured."""
    df = _join(claims, verdicts).sort_values(["checkworthiness", "start"], ascending=[False, True])
    if limit:
        df = df.head(limit)
    cols = [c for c in RANKED_COLUMNS[:2] + ["verdict"] + RANKED_COLUMNS[2:] if c in df.columns]
    view = df[cols].reset_index(drop=True)

    def number(v, precision):
        if _blank_cell(v):
            return "" if precision == 0 else "nan"
        if isinstance(v, str):
            return escape(v)
        if isinstance(v, (int,)) or type(v).__name__.startswith(("int", "uint")):
            return str(v)
        return f"{float(v):.{precision}f}"

    def cell(c, v):
        if c in ("value", "low", "high"):
            return number(v, 0)
        if c == "checkworthiness":
            return number(v, 2)
        return "" if _blank_cell(v) else escape(str(v))

    def style(c, v):
        if c == "checkworthiness":
            return _bar_css(v)
        if c == "verdict" and isinstance(v, str) and v in VERDICT_COLOURS:
            return f"background-color: {VERDICT_COLOURS[v]}"
        return ""

    cells, styles = [], []
    for row in zip(*(view[c].tolist() for c in cols)):
        cells.append([cell(c, v) for c, v in zip(cols, row)])
        styles.append([style(c, v) for c, v in zip(cols, row)])
    return Table(view, cells, styles, name="ranked-claims")


# ------------------------------------------------------------------------- verdicts

VERDICT_ORDER = list(VERDICT_COLOURS)


def verdict_counts(verdicts, claims=None):
    """Counts of claims by kind (rows) and verdict (columns, in the fixed vocabulary order), with totals."""
    import pandas as pd

    df = verdicts
    if "kind" not in df.columns and claims is not None:
        df = df.merge(claims[["claim_id", "kind"]], on="claim_id", how="left")
    kinds = df["kind"].fillna("(unknown)") if "kind" in df.columns else pd.Series("claim", index=df.index)
    table = pd.crosstab(kinds, df["verdict"]).reindex(columns=VERDICT_ORDER, fill_value=0)
    table = table.loc[table.sum(axis=1).sort_values(ascending=False, kind="stable").index]
    table.index.name, table.columns.name = "kind", "verdict"
    return table


def verdict_chart_svg(verdicts, claims=None) -> str:
    """The verdict summary as an SVG picture: one bar for all claims, then one per kind, split by verdict."""
    from claimkit.charts import stacked_bars_svg

    return stacked_bars_svg(verdict_rows(verdicts, claims), VERDICT_COLOURS, title="Verdicts by kind of claim")


def verdict_rows(verdicts, claims=None) -> dict[str, dict[str, int]]:
    """:func:`verdict_counts` as the chart's rows, {"all claims": {verdict: n}, kind: {verdict: n}, ...},
    counted in plain Python (a crosstab costs more than the whole chart)."""
    import pandas as pd

    verdict = list(verdicts["verdict"])
    if "kind" in verdicts.columns:
        kinds = list(verdicts["kind"])
    elif claims is not None:
        kind_of = dict(zip(claims["claim_id"], claims["kind"]))
        kinds = [kind_of.get(c) for c in verdicts["claim_id"]]
    else:
        kinds = ["claim"] * len(verdict)
    counts: dict = {}
    for k, v in zip(kinds, verdict):
        if pd.isna(v):
            continue  # as crosstab: a missing verdict is not counted
        k = "(unknown)" if pd.isna(k) else k
        row = counts.setdefault(k, dict.fromkeys(VERDICT_ORDER, 0))
        if v in row:
            row[v] += 1
    by_total = sorted(sorted(counts, key=str), key=lambda k: -sum(counts[k].values()))
    rows = {"all claims": {v: sum(counts[k][v] for k in counts) for v in VERDICT_ORDER}}
    rows.update({str(k): counts[k] for k in by_total})
    return rows


def verdict_summary(verdicts, claims=None) -> HTML:
    """A chart of the verdicts, counted by verdict and kind, with one line of totals under it."""
    if verdicts is None or len(verdicts) == 0:
        return HTML('<div class="ck-verdict-summary"><i>No verdicts yet.</i></div>')
    counts = verdicts["verdict"].value_counts()
    line = ", ".join(f"{int(counts[v])} {escape(v)}" for v in VERDICT_ORDER if v in counts)
    return HTML(
        f'<div class="ck-verdict-summary">{verdict_chart_svg(verdicts, claims)}'
        f"<div style='font:12px sans-serif;color:#444'>{len(verdicts)} claims: {line}</div></div>"
    )


def _text(v) -> str:
    return "" if v is None or (isinstance(v, float) and v != v) else str(v)


def _sources_html(row) -> str:
    links = [link_html(u) for u in as_list(row.get("sources"))]
    return "<br>".join(links)


_TABLE_STYLE = """<style>
.ck-table{border-collapse:collapse;font:12px sans-serif;max-width:100%}
.ck-table th,.ck-table td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}
.ck-table td{overflow-wrap:anywhere}
.ck-verdict{padding:0 .4em;border-radius:.3em;white-space:nowrap}
</style>"""


def _verdict_badge(v) -> str:
    v = _text(v)
    return f'<span class="ck-verdict" style="background:{VERDICT_COLOURS.get(v, "#eee")}">{escape(v)}</span>'


def show_verdicts(verdicts, claims=None, *, only_checked: bool = False) -> HTML:
    """Each claim's verdict with what the evidence says, its sources as links, and the reviewer's note."""
    df = verdicts
    if claims is not None:
        df = _join(verdicts, claims, columns=("span", "kind", "start", "checkworthiness"))
    if only_checked:
        df = df[df["verdict"] != "unverified"]
    if "start" in df.columns:
        df = df.sort_values("start")
    rows = []
    for r in records(df):
        who = " · ".join(x for x in (_text(r.get("reviewer")), _text(r.get("method"))) if x)
        rows.append(
            f"<tr data-claim-id='{escape(_text(r['claim_id']))}'><td>{escape(_text(r['claim_id']))}</td>"
            f"<td>{escape(_text(r.get('span')))}</td><td>{_verdict_badge(r.get('verdict'))}</td>"
            f"<td>{escape(_text(r.get('expected')))}</td><td>{_sources_html(r)}</td>"
            f"<td>{escape(_text(r.get('note')))}</td><td>{escape(who)}</td></tr>"
        )
    head = "".join(f"<th>{h}</th>" for h in ("claim", "span", "verdict", "the evidence says", "sources", "note", "by"))
    return HTML(
        f"{_TABLE_STYLE}<table class='ck-table ck-verdicts'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def _story_words(eid: str, text: str) -> str:
    """The words an evidence id ``story@START-END`` points at (the id itself when the text is not at hand)."""
    import re

    m = re.fullmatch(r"story@(\d+)-(\d+)", eid)
    if m and text and int(m.group(1)) < int(m.group(2)) <= len(text):
        return text[int(m.group(1)) : int(m.group(2))]
    return eid


def show_inside(verdicts, claims) -> HTML:
    """The verdicts of the checks that need no reference data (claimkit.inside: calendar, arithmetic,
    consistency), each with its computation and the other claims of the story it used."""
    spans = {str(c["claim_id"]): _text(c.get("span")) for c in records(claims)}
    text = getattr(claims, "attrs", {}).get("article_text") or ""
    df = _join(verdicts, claims, columns=("span", "start"))
    if "check" not in df.columns:
        return HTML("<p>These verdicts carry no check names (made before the check registry).</p>")
    df = df[df["check"].fillna("").astype(str).str.contains("inside.", regex=False)]
    if "start" in df.columns:
        df = df.sort_values("start")
    rows = []
    for r in records(df):
        used = "<br>".join(
            f"{escape(spans.get(str(e)) or _story_words(str(e), text))} <span class='small'>({escape(str(e))})</span>"
            for e in as_list(r.get("evidence_ids"))
        )
        computation = _text(r.get("computation")) or _text(r.get("expected"))
        rows.append(
            f"<tr data-claim-id='{escape(_text(r['claim_id']))}'><td>{escape(_text(r.get('span')))}</td>"
            f"<td>{_verdict_badge(r.get('verdict'))}</td><td>{escape(_text(r.get('check')))}</td>"
            f"<td>{escape(computation)}</td><td>{used}</td></tr>"
        )
    if not rows:
        return HTML("<p>No weekday, age, change, share or total in this story could be recomputed from the others.</p>")
    head = "".join(f"<th>{h}</th>" for h in ("claim", "verdict", "check", "computation", "from the claims"))
    return HTML(
        f"{_TABLE_STYLE}<table class='ck-table ck-inside'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


REVIEW_FIELDS = ("verdict", "expected", "note", "reviewer", "method", "evidence_ids", "sources")


def verdict_changes(before, after):
    """The claims whose verdict, note, reviewer, method or evidence differ between two verdicts tables.

    One row per changed field: claim_id, field, before, after.
    """
    import pandas as pd

    old = {r["claim_id"]: r for r in records(before)}
    rows = []
    for r in records(after):
        o = old.get(r["claim_id"], {})
        for f in REVIEW_FIELDS:
            if f not in r:
                continue
            a, b = o.get(f), r.get(f)
            if f in ("evidence_ids", "sources"):
                a, b = as_list(a), as_list(b)
            else:
                a, b = _text(a), _text(b)
            if a != b:
                rows.append({"claim_id": r["claim_id"], "field": f, "before": a, "after": b})
    return pd.DataFrame(rows, columns=["claim_id", "field", "before", "after"])


NOTHING_CHANGED = "<div class='ck-changes'><i>Nothing changed.</i></div>"


def show_changes(before, after) -> HTML:
    """What a review changed: for each changed claim, each field before → after."""
    changes = verdict_changes(before, after)
    if changes.empty:
        return HTML(NOTHING_CHANGED)

    def cell(field, value):
        if field == "verdict":
            return _verdict_badge(value)
        if isinstance(value, list):
            return "<br>".join(link_html(v) if safe_url(v) else escape(str(v)) for v in value)
        return escape(_text(value))

    rows = "".join(
        f"<tr><td>{escape(str(c['claim_id']))}</td><td>{escape(c['field'])}</td>"
        f"<td><s>{cell(c['field'], c['before'])}</s></td><td>{cell(c['field'], c['after'])}</td></tr>"
        for c in changes.to_dict("records")
    )
    n = changes["claim_id"].nunique()
    return HTML(
        f"{_TABLE_STYLE}<div class='ck-changes'><b>{n} claim{'s' if n != 1 else ''} changed</b>"
        f"<table class='ck-table'><thead><tr><th>claim</th><th>field</th><th>before</th><th>after</th></tr></thead>"
        f"<tbody>{rows}</tbody></table></div>"
    )


def show_review_changes(claims, verdicts, *, evidence=None) -> HTML:
    """What the journalists' reviews changed in ``verdicts`` (a table :func:`claimkit.verify` made
    with reviews), against what the automatic checks say.

    Only reviewed rows (``method == "review"``) can differ from the automatic verdicts, so only
    their claims are checked again; without a review nothing is re-checked and the answer is
    "Nothing changed." — the same page as ``show_changes(verify(claims), verdicts)``, at a
    fraction of the cost.
    """
    reviewed = verdicts[verdicts["method"] == "review"] if "method" in verdicts.columns else verdicts
    if reviewed.empty:
        return HTML(NOTHING_CHANGED)
    from claimkit.verdicts import verify

    automatic = verify(claims[claims["claim_id"].isin(set(reviewed["claim_id"]))], evidence=evidence)
    return show_changes(automatic, reviewed)


# ----------------------------------------------------------------------- validation


def _local_href(path: str) -> str:
    """A page claimkit wrote, as a link relative to the working folder (the notebook's, in JupyterLab)."""
    import os
    from urllib.parse import quote

    try:
        rel = os.path.relpath(path)
    except ValueError:
        rel = path
    return quote(rel.replace(os.sep, "/"))


def show_validation(results, docs_url=None) -> HTML:
    """Validation results as a short list: each suite passed or what failed, with a link to its Data Docs page.

    ``results``: one or several :class:`~claimkit.validation.ValidationReport` (or their records
    from ``validation.json``). ``docs_url``: the Data Docs page built for the run, if any.
    """
    if not isinstance(results, (list, tuple)):
        results = [results]
    items = []
    for r in results:
        suite, success = _field(r, "suite"), _field(r, "success")
        failures = _field(r, "failures") or []
        mark = "✔" if success else "✗"
        sub = "".join(f"<li>{escape(str(f))}</li>" for f in failures)
        items.append(
            f"<li class='{'ck-pass' if success else 'ck-fail'}'>{mark} <b>{escape(str(suite))}</b>: "
            f"{'passed' if success else f'{len(failures)} expectation(s) failed'}"
            f"{'<ul>' + sub + '</ul>' if sub else ''}</li>"
        )
    docs = f"<div>Details: {link_html(docs_url, 'Great Expectations Data Docs')}</div>" if docs_url else ""
    pages = [(str(_field(r, "suite")), _field(r, "docs")) for r in results if _field(r, "docs")]
    if pages:
        docs += (
            "<div>Data Docs: "
            + ", ".join(
                f'<a href="{escape(_local_href(path))}" target="_blank">{escape(suite)}</a>' for suite, path in pages
            )
            + "</div>"
        )
    return HTML(f"<div class='ck-validation' style='font:13px sans-serif'><ul>{''.join(items)}</ul>{docs}</div>")


def _details(value) -> dict:
    import json

    if isinstance(value, dict):
        return value
    try:
        return json.loads(value) if isinstance(value, str) and value else {}
    except ValueError:
        return {}


def who_said_what(claims):
    """Quotes and reported speech: the words, who said them (as written and as resolved), how and when."""
    rows = []
    for c in _claims_of_kinds(
        claims, {"quote", "attribution"}, ("claim_id", "kind", "span", "speaker", "date", "details")
    ):
        d = _details(c["details"])
        rows.append(
            [
                c["claim_id"],
                c["kind"],
                c["span"],
                c["speaker"],
                d.get("speaker_as_written") or "",
                d.get("title") or "",
                d.get("via") or "",
                d.get("verb") or "",
                c["date"],
                d.get("resolved_by") or "",
            ]
        )
    cols = ["claim_id", "kind", "words", "speaker", "as written", "title", "through", "verb", "date", "resolved by"]
    return _plain_table(cols, rows, "who-said-what")


def when(claims):
    """Time claims as written and as resolved against the publication date."""
    rows = []
    for c in _claims_of_kinds(
        claims, {"time", "comparison"}, ("claim_id", "kind", "span", "date", "sentence", "details")
    ):
        d = _details(c["details"])
        start, _, end = (c["date"] or "").partition("/")
        rows.append(
            [
                c["claim_id"],
                c["kind"],
                c["span"],
                start,
                end or start,
                d.get("granularity") or "",
                d.get("tense") or "",
                "yes" if d.get("vague") else "",
                c["sentence"],
            ]
        )
    cols = ["claim_id", "kind", "as written", "from", "to", "granularity", "tense", "vague", "sentence"]
    return _plain_table(cols, rows, "when")
