"""Server-rendered inline SVG charts: a line chart of trends, a horizontal bar chart of spread."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .services.values import fmt

COLOURS = ["#b3261e", "#1f6f43", "#8a5a00", "#1c4f8a", "#6b3fa0", "#444"]


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    width: int = 640,
    height: int = 240,
) -> SafeString:
    values = [v for _, vs in series for v in vs if v is not None]
    if not labels or not values:
        return mark_safe('<p class="muted">Chưa có số liệu.</p>')
    left, right, top, bottom = 56, 44, 12, 40
    top_value = max(values) or 1.0
    lo = min(0.0, min(values))
    span = (top_value - lo) or 1.0
    w, h = width - left - right, height - top - bottom
    step = w / max(len(labels) - 1, 1)

    def xy(i: int, v: float) -> tuple[float, float]:
        return left + i * step, top + h - (v - lo) / span * h

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height + 18 * len(series)}" role="img" aria-label="Biểu đồ xu hướng">'
    ]
    for k in range(5):
        v = lo + span * k / 4
        y = top + h - h * k / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#ddd"/>'
        )
        parts.append(
            f'<text x="{left - 4}" y="{y + 4:.1f}" text-anchor="end">{escape(fmt(v, 1))}</text>'
        )
    for i, label in enumerate(labels):
        x = left + i * step
        parts.append(
            f'<text x="{x:.1f}" y="{top + h + 16}" text-anchor="middle">{escape(label)}</text>'
        )
    for n, (name, vs) in enumerate(series):
        colour = COLOURS[n % len(COLOURS)]
        points = [xy(i, v) for i, v in enumerate(vs) if v is not None]
        if points:
            path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
            parts.append(
                f'<polyline fill="none" stroke="{colour}" stroke-width="2" points="{path}"/>'
            )
            for (x, y), v in zip(points, [v for v in vs if v is not None], strict=True):
                parts.append(
                    f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="{colour}"><title>{escape(name)}: {escape(fmt(v))}</title></circle>'
                )
        ly = height + 18 * n + 4
        parts.append(
            f'<rect x="{left}" y="{ly}" width="10" height="10" fill="{colour}"/><text x="{left + 14}" y="{ly + 9}">{escape(name)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def bar_chart(rows: Sequence[tuple[str, float]], width: int = 640, suffix: str = "") -> SafeString:
    if not rows:
        return mark_safe('<p class="muted">Chưa có số liệu.</p>')
    bar_h, gap, label_w = 16, 6, 260
    height = len(rows) * (bar_h + gap) + 8
    top_value = max(v for _, v in rows) or 1.0
    w = width - label_w - 70
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" aria-label="Biểu đồ phân bố theo đơn vị">'
    ]
    for i, (name, v) in enumerate(rows):
        y = 4 + i * (bar_h + gap)
        length = max(0.0, v) / top_value * w
        short = name if len(name) <= 42 else name[:40] + "…"
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 12}" text-anchor="end">{escape(short)}<title>{escape(name)}</title></text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y}" width="{length:.1f}" height="{bar_h}" fill="#b3261e"/>'
        )
        parts.append(
            f'<text x="{label_w + length + 4:.1f}" y="{y + 12}">{escape(fmt(v))}{escape(suffix)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))
