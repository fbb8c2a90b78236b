"""Small charts as inline SVG: no plotting library, no network, the same picture in a notebook and in a report.

Every label is escaped; the SVG carries its own ``<title>`` tooltips and an ``aria-label`` so a
screen reader (and a test) can read what the picture shows.
"""

from __future__ import annotations

from html import escape


def stacked_bars_svg(
    rows: dict[str, dict[str, int]],
    colours: dict[str, str],
    *,
    title: str = "",
    width: int = 640,
    bar_height: int = 20,
    label_width: int = 120,
) -> str:
    """Horizontal bars, one per row label, each split into coloured segments (in ``colours`` order).

    ``rows``: {row label: {segment name: count}}. Bars share one scale (the largest row total), and
    each bar ends with its total. A legend of the segments that occur sits under the bars.
    """
    present = [s for s in colours if any(r.get(s) for r in rows.values())]
    longest = max((sum(r.values()) for r in rows.values()), default=0) or 1
    gap, top = 6, 22 if title else 4
    scale = (width - label_width - 48) / longest
    parts, y = [], top
    if title:
        parts.append(f'<text x="0" y="14" font-size="13" font-weight="bold">{escape(title)}</text>')
    for label, counts in rows.items():
        total = sum(counts.values())
        parts.append(
            f'<text x="{label_width - 6}" y="{y + bar_height * 0.7:.1f}" text-anchor="end" font-size="12">{escape(str(label))}</text>'
        )
        x = float(label_width)
        for seg in present:
            n = counts.get(seg, 0)
            if not n:
                continue
            w = n * scale
            parts.append(
                f'<rect class="ck-bar" data-row="{escape(str(label))}" data-segment="{escape(seg)}" data-count="{n}" '
                f'x="{x:.1f}" y="{y}" width="{w:.1f}" height="{bar_height}" fill="{escape(colours[seg])}" '
                f'stroke="#fff"><title>{escape(str(label))}: {n} {escape(seg)}</title></rect>'
            )
            if w >= 16:
                parts.append(
                    f'<text x="{x + w / 2:.1f}" y="{y + bar_height * 0.7:.1f}" text-anchor="middle" font-size="11">{n}</text>'
                )
            x += w
        parts.append(f'<text x="{x + 4:.1f}" y="{y + bar_height * 0.7:.1f}" font-size="11" fill="#555">{total}</text>')
        y += bar_height + gap
    # legend
    y += 4
    lx = float(label_width)
    for seg in present:
        parts.append(
            f'<rect x="{lx:.1f}" y="{y}" width="12" height="12" fill="{escape(colours[seg])}"/>'
            f'<text x="{lx + 16:.1f}" y="{y + 10}" font-size="11">{escape(seg)}</text>'
        )
        lx += 24 + 7 * len(seg)
    height = y + 18
    summary = "; ".join(
        f"{label}: " + ", ".join(f"{counts[s]} {s}" for s in present if counts.get(s)) for label, counts in rows.items()
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="ck-chart" role="img" aria-label="{escape(summary)}" '
        f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif">'
        + "".join(parts)
        + "</svg>"
    )
