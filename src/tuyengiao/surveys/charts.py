"""Inline SVG bar charts of a question's answers (no JS, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.formats.numbers import percent

from .services.results import OptionCount


def bars(options: Sequence[OptionCount], label: str) -> SafeString:
    """Horizontal bars, one per option, 0–100 % of those who answered the question."""
    if not options:
        return mark_safe("")
    bar_w, row_h, bar_h = 360, 34, 12
    width = bar_w + 110
    height = row_h * len(options) + 4
    parts = [
        f'<svg class="chart survey-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
    ]
    for i, option in enumerate(options):
        y = i * row_h
        share = float(option.share) if option.share is not None else 0.0
        name = option.label if len(option.label) <= 60 else option.label[:59] + "…"
        text = f"{option.count} · {percent(option.share, 1)}"
        parts.append(f'<text x="0" y="{y + 12}">{escape(name)}</text>')
        parts.append(f'<rect x="0" y="{y + 16}" width="{bar_w}" height="{bar_h}" fill="#eee"/>')
        parts.append(
            f'<rect x="0" y="{y + 16}" width="{share / 100 * bar_w:.1f}" height="{bar_h}" '
            f'fill="#1f5f99"><title>{escape(name)}: {escape(text)}</title></rect>'
        )
        parts.append(f'<text x="{bar_w + 6}" y="{y + 27}">{escape(text)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
