"""Template filters for Vietnamese text: ``{% load vn %}``.

``ngay`` writes a date as dd/mm/yyyy whether it is a ``date``/``datetime`` or the ISO text parsed
documents keep in JSON ("2022-03-22" → "22/03/2022"); anything else is shown as it is.
"""

from __future__ import annotations

from datetime import date, datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def ngay(value: object) -> str:
    if isinstance(value, datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, str):
        try:
            return f"{date.fromisoformat(value[:10]):%d/%m/%Y}"
        except ValueError:
            return value
    return "" if value is None else str(value)
