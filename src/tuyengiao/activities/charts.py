"""The roll-ups' rows as the shared charts: bars by unit, kind and place, columns by month."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString

from tuyengiao.core.charts import Column, columns, horizontal_bars, scaled_bars

from .services.rollups import Row


def bar_chart(rows: Sequence[Row], title: str, reached: bool = False) -> SafeString:
    """Bars of ``rows``' counts (or people reached), scaled to the largest."""
    if not any(r.count for r in rows):
        return horizontal_bars([], title)
    values = [(r.label, r.reached if reached else r.count) for r in rows]
    return horizontal_bars(scaled_bars(values), title, "activities-chart")


def column_chart(rows: Sequence[Row], title: str) -> SafeString:
    """Columns of the months of a period (labels mm/yyyy), the year under January and the first."""
    cols = []
    for i, row in enumerate(rows):
        month, year = row.label.split("/")[0], row.label.split("/")[-1]
        cols.append(
            Column(
                row.count,
                month,
                f"{row.label}: {row.count}",
                year if i == 0 or month == "01" else "",
            )
        )
    return columns(cols, title, "activities-chart")
