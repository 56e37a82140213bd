"""Inline SVG bar charts of recognised models (no JS, no CDN): one bar per row."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .services import Row

MAX_ROWS = 30


def bar_chart(rows: Sequence[Row], title: str) -> SafeString:
    """Horizontal bars of ``rows``' counts scaled to the largest (the first ``MAX_ROWS``)."""
    rows = list(rows)[:MAX_ROWS]
    if not rows or not any(r.count for r in rows):
        return mark_safe("")
    top_value = max(r.count for r in rows) or 1
    bar_w, row_h, top, bar_h = 420, 36, 6, 12
    width = bar_w + 60
    height = top + row_h * len(rows)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for i, row in enumerate(rows):
        y = top + i * row_h
        label = escape(row.label if len(row.label) <= 70 else row.label[:69] + "…")
        parts.append(f'<text x="0" y="{y + 10}" font-size="12">{label}</text>')
        parts.append(f'<rect x="0" y="{y + 14}" width="{bar_w}" height="{bar_h}" fill="#eee"/>')
        parts.append(
            f'<rect x="0" y="{y + 14}" width="{row.count / top_value * bar_w:.1f}" '
            f'height="{bar_h}" fill="#b71c1c"><title>{label}: {row.count}</title></rect>'
        )
        parts.append(f'<text x="{bar_w + 6}" y="{y + 25}" font-size="12">{row.count}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
