"""Indicator values as officials type them: Vietnamese numbers, yes/no, limits, computed rates,
and the validation of a whole form."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..models import Indicator, IndicatorKind, ReportType

YES = {"co", "có", "x", "1", "true", "yes", "đạt", "dat"}
NO = {"khong", "không", "0", "false", "no", "chua", "chưa"}


def parse_number(text: str) -> float:
    """Parse a number as Vietnamese officials type it: "1.234", "1.234,5", "12,5", "12.5"."""
    s = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not s:
        raise ValueError("empty")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".") if s.count(",") == 1 else s.replace(",", "")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    return float(s)


def fmt(value: float | None, decimals: int = 2) -> str:
    """A number as Vietnamese text: thousands with ".", decimals with ","."""
    if value is None:
        return "—"
    if abs(value - round(value)) < 1e-9:
        text = f"{round(value):,}"
        return text.replace(",", ".")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass
class Parsed:
    value: float | None = None
    text: str = ""
    error: str = ""


def parse_indicator(ind: Indicator, raw: str) -> Parsed:
    raw = (raw or "").strip()
    if ind.kind == IndicatorKind.TEXT:
        if ind.required and not raw:
            return Parsed(error="Chỉ tiêu này bắt buộc nhập.")
        return Parsed(text=raw)
    if not raw:
        return Parsed(error="Chỉ tiêu này bắt buộc nhập.") if ind.required else Parsed()
    if ind.kind == IndicatorKind.BOOL:
        low = raw.lower()
        if low in YES:
            return Parsed(value=1.0)
        if low in NO:
            return Parsed(value=0.0)
        return Parsed(error="Chọn Có hoặc Không.")
    try:
        number = parse_number(raw)
    except ValueError:
        return Parsed(error=f"“{raw}” không phải là số.")
    if ind.integer and abs(number - round(number)) > 1e-9:
        return Parsed(error="Phải là số nguyên.")
    low_limit = (
        float(ind.min_value)
        if ind.min_value is not None
        else (0.0 if ind.kind == IndicatorKind.PERCENT else None)
    )
    high_limit = (
        float(ind.max_value)
        if ind.max_value is not None
        else (100.0 if ind.kind == IndicatorKind.PERCENT else None)
    )
    if low_limit is not None and number < low_limit:
        return Parsed(error=f"Không được nhỏ hơn {fmt(low_limit)}.")
    if high_limit is not None and number > high_limit:
        return Parsed(error=f"Không được lớn hơn {fmt(high_limit)}.")
    return Parsed(value=number)


def rate_value(ind: Indicator, values: dict[int, float | None]) -> float | None:
    num = values.get(ind.numerator_id or 0)
    den = values.get(ind.denominator_id or 0)
    if num is None or not den:
        return None
    return 100.0 * num / den


def validate(
    report_type: ReportType, data: dict[str, str], indicators: Sequence[Indicator] | None = None
) -> tuple[dict[int, Parsed], dict[str, str]]:
    """Parse every input indicator; returns (parsed by indicator id, errors by field key)."""
    indicators = list(indicators if indicators is not None else report_type.indicators.all())
    parsed: dict[int, Parsed] = {}
    errors: dict[str, str] = {}
    for ind in indicators:
        if not ind.is_input:
            continue
        p = parse_indicator(ind, data.get(ind.key, ""))
        parsed[ind.pk] = p
        if p.error:
            errors[ind.key] = p.error
    numbers = {k: p.value for k, p in parsed.items()}
    for ind in indicators:
        if (
            ind.kind == IndicatorKind.RATE
            and ind.denominator_id
            and numbers.get(ind.numerator_id or 0) is not None
        ):
            den = numbers.get(ind.denominator_id)
            num = numbers.get(ind.numerator_id or 0) or 0
            if den is not None and num > den:
                key = f"ind_{ind.numerator_id}"
                errors.setdefault(key, f"Không được lớn hơn mẫu số của “{ind.label}”.")
    return parsed, errors
