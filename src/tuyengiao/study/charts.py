"""Inline SVG bar chart of the attendance rate per unit, with the target line (no JS, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.formats.numbers import percent

from .services.rates import RateRow


def rate_chart(rows: Sequence[RateRow], target: Decimal) -> SafeString:
    """Horizontal bars (one per unit, 0–100 %), red when below target, a dashed line at the target."""
    if not rows:
        return mark_safe("")
    # The unit's name above its bar: readable on a phone as well as on a desktop.
    bar_w, row_h, top, bar_h = 420, 38, 24, 12
    width = bar_w + 64
    height = top + row_h * len(rows) + 4
    x_target = float(target) / 100 * bar_w
    parts = [
        f'<svg class="chart study-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Tỷ lệ tham gia học tập theo đơn vị, chỉ tiêu {target:.0f} %">'
    ]
    for i, row in enumerate(rows):
        y = top + i * row_h
        rate = float(row.rate) if row.rate is not None else 0.0
        name = row.unit.short_name or row.unit.name if row.direct else row.unit.name
        full = ("Trực thuộc " if row.direct else "") + name
        label = escape(full if len(full) <= 70 else full[:69] + "…")
        colour = "#c0392b" if row.below_target else "#2e7d32"
        parts.append(f'<text x="0" y="{y + 12}">{label}</text>')
        parts.append(f'<rect x="0" y="{y + 16}" width="{bar_w}" height="{bar_h}" fill="#eee"/>')
        parts.append(
            f'<rect x="0" y="{y + 16}" width="{rate / 100 * bar_w:.1f}" height="{bar_h}" fill="{colour}">'
            f"<title>{label}: {percent(row.rate)}</title></rect>"
        )
        text = percent(row.rate)
        parts.append(f'<text x="{bar_w + 6}" y="{y + 27}">{text}</text>')
    parts.append(
        f'<line x1="{x_target:.1f}" y1="{top - 6}" x2="{x_target:.1f}" y2="{height - 2}" '
        'stroke="#b8860b" stroke-width="2" stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<text x="{x_target:.1f}" y="{top - 9}" text-anchor="end">Chỉ tiêu {target:.0f} %</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
