"""The attendance rate per unit as bars of the shared chart: red below target, a line at the target."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.safestring import SafeString

from tuyengiao.core.charts import Bar, Target, horizontal_bars
from tuyengiao.formats.numbers import percent

from .services.rates import RateRow

BELOW_TARGET = "#c0392b"
ON_TARGET = "#2e7d32"


def _label(row: RateRow) -> str:
    name = row.unit.short_name or row.unit.name if row.direct else row.unit.name
    return ("Trực thuộc " if row.direct else "") + name


def rate_chart(rows: Sequence[RateRow], target: Decimal) -> SafeString:
    if not rows:
        return horizontal_bars([], "")
    return horizontal_bars(
        [
            Bar(
                _label(row),
                float(row.rate) / 100 if row.rate is not None else 0.0,
                percent(row.rate),
                BELOW_TARGET if row.below_target else ON_TARGET,
            )
            for row in rows
        ],
        f"Tỷ lệ tham gia học tập theo đơn vị, chỉ tiêu {target:.0f} %",
        "study-chart",
        target=Target(float(target) / 100, f"Chỉ tiêu {target:.0f} %"),
    )
