"""Inline SVG bar chart of the attendance rate per unit, with the target line (no JS, no CDN)."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .services import RateRow


def rate_chart(rows: Sequence[RateRow], target: Decimal) -> SafeString:
    """Horizontal bars (one per unit, 0–100 %), red when below target, a dashed line at the target."""
    if not rows:
        return mark_safe("")
    label_w, bar_w, row_h, top = 230, 380, 22, 18
    width = label_w + bar_w + 60
    height = top + row_h * len(rows) + 8
    x_target = label_w + float(target) / 100 * bar_w
    parts = [
        f'<svg class="chart study-chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="Tỷ lệ tham gia học tập theo đơn vị, chỉ tiêu {target:.0f} %">'
    ]
    for i, row in enumerate(rows):
        y = top + i * row_h
        rate = float(row.rate) if row.rate is not None else 0.0
        name = row.unit.short_name if row.direct else row.unit.name
        label = escape(
            ("Trực thuộc " if row.direct else "") + (name if len(name) <= 34 else name[:33] + "…")
        )
        colour = "#c0392b" if row.below_target else "#2e7d32"
        parts.append(f'<text x="{label_w - 6}" y="{y + 14}" text-anchor="end">{label}</text>')
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{bar_w}" height="{row_h - 8}" fill="#eee"/>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{rate / 100 * bar_w:.1f}" height="{row_h - 8}" fill="{colour}">'
            f"<title>{label}: {rate:.2f} %</title></rect>"
        )
        text = f"{rate:.1f} %" if row.rate is not None else "—"
        parts.append(f'<text x="{label_w + bar_w + 6}" y="{y + 14}">{text}</text>')
    parts.append(
        f'<line x1="{x_target:.1f}" y1="{top - 6}" x2="{x_target:.1f}" y2="{height - 4}" '
        'stroke="#b8860b" stroke-width="2" stroke-dasharray="4 3"/>'
    )
    parts.append(
        f'<text x="{x_target:.1f}" y="{top - 8}" text-anchor="middle">Chỉ tiêu {target:.0f} %</text>'
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))
