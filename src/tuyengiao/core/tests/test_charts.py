"""The shared SVG charts: lengths in proportion, text escaped, nothing drawn for nothing."""

from __future__ import annotations

import re

from tuyengiao.core.charts import Bar, Column, Target, columns, horizontal_bars, scaled_bars


def _bar_widths(svg: str) -> list[float]:
    """The widths of the coloured bars (every second rect: the first of a row is its track)."""
    widths = [float(w) for w in re.findall(r'<rect x="0" y="[\d.]+" width="([\d.]+)"', svg)]
    return widths[1::2]


def test_bars_are_scaled_to_the_largest_value() -> None:
    svg = horizontal_bars(scaled_bars([("Xã A", 10), ("Xã B", 5), ("Xã C", 0)]), "Số hoạt động")
    assert _bar_widths(svg) == [420.0, 210.0, 0.0]
    assert 'aria-label="Số hoạt động"' in svg and ">10<" in svg and ">5<" in svg


def test_labels_and_values_are_escaped_and_long_labels_shortened() -> None:
    long_name = "Đảng uỷ " + "x" * 100
    svg = horizontal_bars([Bar("<b>A&B</b>", 1.0, "1 < 2"), Bar(long_name, 0.5, "3")], "t")
    assert "<b>" not in svg and "&lt;b&gt;A&amp;B&lt;/b&gt;" in svg and "1 &lt; 2" in svg
    assert long_name not in svg and long_name[:69] + "…" in svg


def test_nothing_is_drawn_when_every_bar_is_empty_but_a_target_still_shows() -> None:
    assert horizontal_bars([Bar("A", 0.0, "0 %")], "t") == ""
    assert horizontal_bars([], "t") == ""
    assert "<svg" in horizontal_bars([Bar("A", 0.0, "0 · 0 %")], "t", draw_empty=True)
    svg = horizontal_bars([Bar("A", 0.0, "0 %")], "t", target=Target(0.98, "Chỉ tiêu 98 %"))
    assert "stroke-dasharray" in svg and "Chỉ tiêu 98 %" in svg
    assert 'x1="411.6"' in svg  # 98 % of the 420-wide track


def test_fractions_outside_zero_to_one_are_clamped() -> None:
    svg = horizontal_bars([Bar("A", 1.7, "170"), Bar("B", -0.2, "-20")], "t")
    assert _bar_widths(svg) == [420.0, 0.0]


def test_columns_rise_in_proportion_and_name_their_group_once() -> None:
    svg = columns(
        [Column(4, "11", "11/2026: 4", "2026"), Column(2, "12", "12/2026: 2")], "Theo tháng"
    )
    heights = [float(h) for h in re.findall(r'height="([\d.]+)" fill', svg)]
    assert heights == [140.0, 70.0]
    assert svg.count(">2026<") == 1 and "<title>11/2026: 4</title>" in svg
    assert columns([Column(0, "01", "x")], "t") == ""
