"""Inline SVG bar charts (no JS, no CDN): counts per role or per unit, talks and listeners."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.formats.numbers import number


def bar_chart(
    rows: Sequence[tuple[str, int | float]], label: str, colour: str = "#7a0e0e"
) -> SafeString:
    """Horizontal bars, one per row, the label above its bar and the value after it."""
    if not rows or not any(v for _, v in rows):
        return mark_safe("")
    bar_w, row_h, bar_h = 420, 38, 12
    width = bar_w + 80
    height = row_h * len(rows) + 4
    top = max(float(v) for _, v in rows) or 1.0
    parts = [
        f'<svg class="chart speakers-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
    ]
    for i, (name, value) in enumerate(rows):
        y = i * row_h
        text = escape(name if len(name) <= 70 else name[:69] + "…")
        shown = number(value, 0)
        parts.append(f'<text x="0" y="{y + 12}">{text}</text>')
        parts.append(f'<rect x="0" y="{y + 16}" width="{bar_w}" height="{bar_h}" fill="#eee"/>')
        parts.append(
            f'<rect x="0" y="{y + 16}" width="{float(value) / top * bar_w:.1f}" height="{bar_h}" '
            f'fill="{colour}"><title>{text}: {shown}</title></rect>'
        )
        parts.append(f'<text x="{bar_w + 6}" y="{y + 27}">{shown}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
