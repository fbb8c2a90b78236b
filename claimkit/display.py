"""What a journalist sees in a notebook: the article with its claims highlighted, claims ranked.

Every piece of article text, title, URL or note is HTML-escaped here; nothing from the input is
ever written into the page as markup.
"""
from __future__ import annotations

from html import escape

KIND_COLOURS = {
    "quantity": "#ffe08a", "money": "#ffd0a8", "percent": "#fff3a8", "duration": "#e7d7ff",
    "time": "#c9e7ff", "quote": "#d8f5d0", "attribution": "#e9f7e4", "comparison": "#ffd6e7", "role": "#e4e4e4",
}
VERDICT_COLOURS = {
    "supported": "#b7ebc0", "contradicted": "#ffb3b3", "misleading": "#ffd59e",
    "unsupported": "#e8d0ff", "unverified": "#e6e6e6",
}
# nested marks: shorter (inner) claims are drawn above longer ones
_STYLE = """<style>
.ck-article{font-family:Georgia,serif;line-height:1.6;max-width:48em}
.ck-article p{margin:0 0 .8em 0}
.ck-article mark{padding:0 .1em;border-radius:.2em;border-bottom:2px solid rgba(0,0,0,.25)}
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


def _verdict_map(verdicts) -> dict[str, str]:
    if verdicts is None or len(verdicts) == 0:
        return {}
    return dict(zip(verdicts["claim_id"], verdicts["verdict"]))


def highlight_html(text: str, claims, verdicts=None, *, start: int = 0, end: int | None = None) -> str:
    """``text[start:end]`` as escaped HTML paragraphs, each claim wrapped in a ``<mark>``.

    Marks are coloured by verdict once verified, else by kind; hovering shows the claim id, kind
    and verdict. Overlapping claims are split at every boundary and each piece is marked by the
    innermost claim that covers it.
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
    for a, b in zip(cuts, cuts[1:]):
        piece = escape(text[a:b]).replace("\n\n", "</p><p>")
        covering = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        if not covering:
            out.append(piece)
            continue
        s, e, cid, kind = min(covering, key=lambda sp: sp[1] - sp[0])
        verdict = verdict_of.get(cid)
        colour = VERDICT_COLOURS.get(verdict) if verdict else KIND_COLOURS.get(kind, "#eee")
        title = " · ".join(f"{c} {k}{' → ' + verdict_of[c] if c in verdict_of else ''}" for _, _, c, k in covering)
        out.append(f'<mark class="ck-claim ck-{escape(kind)}" data-claim-id="{escape(cid)}" '
                   f'data-kind="{escape(kind)}" data-verdict="{escape(verdict or "")}" '
                   f'style="background:{colour}" title="{escape(title)}">{piece}</mark>')
    return "<p>" + "".join(out) + "</p>"


def legend_html(verdicts=None) -> str:
    colours = VERDICT_COLOURS if verdicts is not None and len(verdicts) else KIND_COLOURS
    return '<div class="ck-legend">' + "".join(
        f'<span style="background:{c}">{escape(k)}</span>' for k, c in colours.items()) + "</div>"


def show_article(article, claims, verdicts=None) -> HTML:
    """The article, headline first, with every claim highlighted in place."""
    meta = " · ".join(escape(str(x)) for x in (article.source_name, article.published, article.url) if x)
    head = f"<h3>{escape(article.title or '(untitled)')}</h3><div style='color:#666;font:13px sans-serif'>{meta}</div>"
    body = highlight_html(article.text, claims, verdicts)
    return HTML(f"{_STYLE}<div class='ck-article'>{head}{legend_html(verdicts)}{body}</div>")


RANKED_COLUMNS = ["claim_id", "kind", "span", "value", "low", "high", "qualifier", "unit", "subject", "speaker", "date", "checkworthiness"]


def ranked_claims(claims, limit: int | None = None):
    """The claims, most check-worthy first, as a compact styled table."""
    df = claims.sort_values(["checkworthiness", "start"], ascending=[False, True])
    if limit:
        df = df.head(limit)
    cols = [c for c in RANKED_COLUMNS if c in df.columns]
    view = df[cols].reset_index(drop=True)
    return (view.style.hide(axis="index")
            .format(precision=0, subset=[c for c in ("value", "low", "high") if c in cols], na_rep="")
            .format(precision=2, subset=["checkworthiness"])
            .format(na_rep="", subset=[c for c in cols if c not in ("value", "low", "high", "checkworthiness")])
            .bar(subset=["checkworthiness"], vmin=0, vmax=1, color="#9ecae1")
            .set_properties(**{"text-align": "left", "font-size": "12px"}))
