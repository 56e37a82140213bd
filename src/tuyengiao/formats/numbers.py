"""Numbers written the Vietnamese way in text we build ourselves (.docx, .xlsx cells of text,
e-mails, chart labels): thousands with ".", decimals with "," — "4.602", "43,41 %".

Templates get the same from Django's localisation (``floatformat``, ``intcomma`` under the ``vi``
formats of this package); Python f-strings do not, so they go through these.
"""

from __future__ import annotations

from decimal import Decimal

Number = int | float | Decimal


def number(value: Number | None, decimals: int = 2, keep_zeros: bool = False) -> str:
    """``value`` with ``decimals`` decimals (trailing zeros dropped unless ``keep_zeros``)."""
    if value is None:
        return "—"
    text = f"{value:,.{decimals}f}"
    if decimals and not keep_zeros:
        text = text.rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(value: Number | None, decimals: int = 2) -> str:
    """A rate in per cent, fixed decimals: ``percent(43.4149) == "43,41 %"``, "—" when None."""
    if value is None:
        return "—"
    return f"{number(value, decimals, keep_zeros=True)} %"
