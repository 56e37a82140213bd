"""A question's answers as bars of the shared chart (0–100 % of those who answered it)."""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString

from tuyengiao.core.charts import Bar, horizontal_bars
from tuyengiao.formats.numbers import percent

from .services.results import OptionCount

SURVEY_COLOUR = "#1f5f99"


def bars(options: Sequence[OptionCount], label: str) -> SafeString:
    return horizontal_bars(
        [
            Bar(
                o.label,
                float(o.share) / 100 if o.share is not None else 0.0,
                f"{o.count} · {percent(o.share, 1)}",
                SURVEY_COLOUR,
            )
            for o in options
        ],
        label,
        "survey-chart",
        bar_width=360,
        draw_empty=True,
    )
