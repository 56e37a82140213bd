"""Inline SVG bar charts of the roll-ups (no JS, no CDN): one bar per row, the label above it."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.formats.numbers import number

from .services.rollups import Row


def bar_chart(rows: Sequence[Row], title: str, reached: bool = False) -> SafeString:
    """Horizontal bars of ``rows``' counts (or people reached), scaled to the largest."""
    if not rows or not any(r.count for r in rows):
        return mark_safe("")
    values = [r.reached if reached else r.count for r in rows]
    top_value = max(values) or 1
    bar_w, row_h, top, bar_h = 420, 36, 6, 12
    width = bar_w + 90
    height = top + row_h * len(rows)
    parts = [
        f'<svg class="chart activities-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for i, (row, value) in enumerate(zip(rows, values, strict=True)):
        y = top + i * row_h
        label = escape(row.label if len(row.label) <= 70 else row.label[:69] + "…")
        text = number(value, 0)
        parts.append(f'<text x="0" y="{y + 10}">{label}</text>')
        parts.append(f'<rect x="0" y="{y + 14}" width="{bar_w}" height="{bar_h}" fill="#eee"/>')
        parts.append(
            f'<rect x="0" y="{y + 14}" width="{value / top_value * bar_w:.1f}" height="{bar_h}" '
            f'fill="#1f5f8b"><title>{label}: {text}</title></rect>'
        )
        parts.append(f'<text x="{bar_w + 6}" y="{y + 25}">{text}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))


def column_chart(rows: Sequence[Row], title: str) -> SafeString:
    """Vertical columns (the months of a period), the count above each column."""
    if not rows or not any(r.count for r in rows):
        return mark_safe("")
    top_value = max(r.count for r in rows) or 1
    col_w, gap, chart_h, top = 28, 8, 140, 16
    width = len(rows) * (col_w + gap) + gap
    height = top + chart_h + 34
    parts = [
        f'<svg class="chart activities-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}">'
    ]
    for i, row in enumerate(rows):
        x = gap + i * (col_w + gap)
        h = row.count / top_value * chart_h
        y = top + chart_h - h
        label = escape(row.label)
        parts.append(
            f'<rect x="{x}" y="{y:.1f}" width="{col_w}" height="{h:.1f}" fill="#1f5f8b">'
            f"<title>{label}: {row.count}</title></rect>"
        )
        parts.append(
            f'<text x="{x + col_w / 2:.0f}" y="{y - 3:.1f}" text-anchor="middle">{row.count}</text>'
        )
        month = label.split("/")[0]
        parts.append(
            f'<text x="{x + col_w / 2:.0f}" y="{top + chart_h + 14}" text-anchor="middle">{month}</text>'
        )
        if i == 0 or month == "01":
            year = label.split("/")[-1]
            parts.append(f'<text x="{x}" y="{top + chart_h + 30}">{year}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
