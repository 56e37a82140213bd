"""Inline SVG charts drawn on the server, shared by every app's pages.

Our own rather than a charting package: the pages need two plain shapes (labelled horizontal bars,
and columns over time), readable on a phone, with no script (the CSP forbids inline scripts) and no
CDN. A chart library would bring JavaScript or a plotting stack for what is a few rectangles.

The apps turn their rows into :class:`Bar` or :class:`Column` and call :func:`horizontal_bars` or
:func:`columns`; :func:`scaled_bars` scales plain (label, value) rows to the largest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.formats.numbers import number

BAR_COLOUR = "#1f5f8b"
TRACK_COLOUR = "#eee"
TARGET_COLOUR = "#b8860b"
LABEL_LIMIT = 70


@dataclass(frozen=True)
class Bar:
    """One horizontal bar: ``fraction`` of the full width (0–1), ``value_text`` after it."""

    label: str
    fraction: float
    value_text: str
    colour: str = BAR_COLOUR


@dataclass(frozen=True)
class Column:
    """One column: its value, the text under it and, where a new group starts, the group's name."""

    value: float
    axis_label: str
    tooltip: str
    group_label: str = ""


@dataclass(frozen=True)
class Target:
    """A dashed vertical line across the bars at ``fraction`` of the width, with its caption."""

    fraction: float
    caption: str


def shortened(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def scaled_bars(
    rows: Sequence[tuple[str, float]],
    colour: str = BAR_COLOUR,
    value_text: Callable[[float], str] = lambda v: number(v, 0),
) -> list[Bar]:
    """Bars of plain (label, value) rows, the largest value filling the width."""
    top = max((float(v) for _, v in rows), default=0.0) or 1.0
    return [Bar(name, max(0.0, float(v)) / top, value_text(v), colour) for name, v in rows]


def horizontal_bars(
    bars: Sequence[Bar],
    label: str,
    css_class: str = "",
    target: Target | None = None,
    bar_width: int = 420,
    draw_empty: bool = False,
) -> SafeString:
    """One bar a row, its label above it (readable on a phone) and its value after it.

    Nothing is drawn when no bar has a length (an empty chart says less than the table beside
    it), unless ``draw_empty``: a survey question's chart shows its options even at 0.
    """
    if not bars or (target is None and not draw_empty and not any(b.fraction for b in bars)):
        return mark_safe("")
    row_h, bar_h = 38, 12
    top = 24 if target else 4
    width = bar_width + 110
    height = top + row_h * len(bars) + 4
    parts = [
        f'<svg class="chart {escape(css_class)}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
    ]
    for i, bar in enumerate(bars):
        y = top + i * row_h
        name = escape(shortened(bar.label))
        value = escape(bar.value_text)
        length = min(1.0, max(0.0, bar.fraction)) * bar_width
        parts.append(f'<text x="0" y="{y + 12}">{name}</text>')
        parts.append(
            f'<rect x="0" y="{y + 16}" width="{bar_width}" height="{bar_h}" fill="{TRACK_COLOUR}"/>'
        )
        parts.append(
            f'<rect x="0" y="{y + 16}" width="{length:.1f}" height="{bar_h}" '
            f'fill="{escape(bar.colour)}"><title>{name}: {value}</title></rect>'
        )
        parts.append(f'<text x="{bar_width + 6}" y="{y + 27}">{value}</text>')
    if target is not None:
        x = min(1.0, max(0.0, target.fraction)) * bar_width
        parts.append(
            f'<line x1="{x:.1f}" y1="{top - 6}" x2="{x:.1f}" y2="{height - 2}" '
            f'stroke="{TARGET_COLOUR}" stroke-width="2" stroke-dasharray="4 3"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{top - 9}" text-anchor="end">{escape(target.caption)}</text>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))


def columns(
    cols: Sequence[Column], label: str, css_class: str = "", colour: str = BAR_COLOUR
) -> SafeString:
    """Vertical columns (months, years), the value above each and a group name under the first."""
    if not cols or not any(c.value for c in cols):
        return mark_safe("")
    top_value = max(c.value for c in cols) or 1
    col_w, gap, chart_h, top = 32, 10, 140, 16
    width = len(cols) * (col_w + gap) + gap
    height = top + chart_h + 34
    parts = [
        f'<svg class="chart {escape(css_class)}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(label)}">'
    ]
    for i, col in enumerate(cols):
        x = gap + i * (col_w + gap)
        h = max(0.0, col.value) / top_value * chart_h
        y = top + chart_h - h
        middle = f"{x + col_w / 2:.0f}"
        parts.append(
            f'<rect x="{x}" y="{y:.1f}" width="{col_w}" height="{h:.1f}" fill="{colour}">'
            f"<title>{escape(col.tooltip)}</title></rect>"
        )
        parts.append(
            f'<text x="{middle}" y="{y - 3:.1f}" text-anchor="middle">'
            f"{escape(number(col.value, 0))}</text>"
        )
        parts.append(
            f'<text x="{middle}" y="{top + chart_h + 14}" text-anchor="middle">'
            f"{escape(col.axis_label)}</text>"
        )
        if col.group_label:
            parts.append(f'<text x="{x}" y="{top + chart_h + 30}">{escape(col.group_label)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))
