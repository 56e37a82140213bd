"""Numbers with a decimal comma in the speakers templates ({{ value|so }})."""

from __future__ import annotations

from decimal import Decimal

from django import template

from tuyengiao.formats.numbers import number

register = template.Library()


@register.filter
def so(value: Decimal | int | float | None) -> str:
    return number(value, 1) if value is not None else ""
