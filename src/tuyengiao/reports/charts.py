"""A line chart of trends (our own: only reports draw one); the spread uses the shared bars."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from tuyengiao.core.charts import horizontal_bars, scaled_bars

from .services.values import fmt

BAR_COLOUR = "#b3261e"
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


def bar_chart(rows: Sequence[tuple[str, float]], suffix: str = "") -> SafeString:
    """The spread of one indicator over units, as bars of the shared chart."""
    if not rows:
        return mark_safe('<p class="muted">Chưa có số liệu.</p>')
    return horizontal_bars(
        scaled_bars(rows, BAR_COLOUR, lambda v: fmt(v) + suffix),
        "Biểu đồ phân bố theo đơn vị",
        "reports-chart",
    )
