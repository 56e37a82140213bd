"""Commendations per year as columns of the shared chart."""

from __future__ import annotations

from django.utils.safestring import SafeString

from tuyengiao.core.charts import Column, columns

EMULATION_COLOUR = "#b71c1c"


def year_bars(years: list[int], series: list[tuple[str, list[int]]]) -> SafeString:
    totals = [sum(counts[i] for _name, counts in series) for i in range(len(years))]
    return columns(
        [Column(t, str(y), f"{y}: {t}") for y, t in zip(years, totals, strict=True)],
        "Số khen thưởng theo năm",
        colour=EMULATION_COLOUR,
    )
