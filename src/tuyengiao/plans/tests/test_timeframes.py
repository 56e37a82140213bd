"""Time frames and indicators read from Vietnamese plan text."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tuyengiao.plans.timeframes import (
    GE,
    GT,
    MONTHLY,
    NONE,
    QUARTERLY,
    YEARLY,
    Indicator,
    extract_indicators,
    parse_timeframe,
)


@pytest.mark.parametrize(
    ("text", "start", "end", "recurrence"),
    [
        ("Quý II/2024", date(2024, 4, 1), date(2024, 6, 30), NONE),
        ("quý 4 năm 2023", date(2023, 10, 1), date(2023, 12, 31), NONE),
        ("QUÝ I-2025", date(2025, 1, 1), date(2025, 3, 31), NONE),
        ("trong năm 2023", date(2023, 1, 1), date(2023, 12, 31), NONE),
        ("giai đoạn 2023–2025", date(2023, 1, 1), date(2025, 12, 31), NONE),
        ("Giai đoạn 2023 - 2025", date(2023, 1, 1), date(2025, 12, 31), NONE),
        ("từ năm 2023 đến năm 2025", date(2023, 1, 1), date(2025, 12, 31), NONE),
        ("hằng năm", None, None, YEARLY),
        ("Hàng năm", None, None, YEARLY),
        ("hằng quý", None, None, QUARTERLY),
        ("định kỳ hằng tháng", None, None, MONTHLY),
        ("trước ngày 30/6/2024", None, date(2024, 6, 30), NONE),
        ("chậm nhất ngày 15 tháng 8 năm 2024", None, date(2024, 8, 15), NONE),
        ("tháng 9/2023", date(2023, 9, 1), date(2023, 9, 30), NONE),
        ("tháng 2 năm 2024", date(2024, 2, 1), date(2024, 2, 29), NONE),
        ("từ nay đến 2025", None, date(2025, 12, 31), NONE),
        ("năm 2024 và những năm tiếp theo", date(2024, 1, 1), None, YEARLY),
        ("từ ngày 01/3/2024 đến ngày 30/4/2024", date(2024, 3, 1), date(2024, 4, 30), NONE),
        ("6 tháng cuối năm 2024", date(2024, 7, 1), date(2024, 12, 31), NONE),
    ],
)
def test_timeframes(text: str, start: date | None, end: date | None, recurrence: str) -> None:
    tf = parse_timeframe(text)
    assert (tf.start, tf.end, tf.recurrence) == (start, end, recurrence)
    assert tf.raw == text
    assert tf.understood


def test_standing_duty_is_ongoing_without_dates() -> None:
    tf = parse_timeframe("Thường xuyên")
    assert tf.ongoing and tf.start is None and tf.end is None
    both = parse_timeframe("thường xuyên, hằng năm")
    assert both.ongoing and both.recurrence == YEARLY


@pytest.mark.parametrize(
    "text", ["", "   ", "khi có yêu cầu", "Quý XIII/20245", "tháng 13/2024", "31/2/2024"]
)
def test_unknown_text_keeps_raw_and_no_dates(text: str) -> None:
    tf = parse_timeframe(text)
    assert tf.start is None and tf.end is None
    assert tf.raw == " ".join(text.split())


def test_label_and_dict() -> None:
    tf = parse_timeframe("Quý II/2024")
    assert tf.label() == "01/04/2024 – 30/06/2024"
    assert tf.to_dict()["start"] == "2024-04-01"


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    tf = parse_timeframe(text)
    assert isinstance(tf.raw, str)
    extract_indicators(text)


def test_indicators() -> None:
    (ind,) = extract_indicators("Phấn đấu tỷ lệ đảng viên tham gia học tập ≥ 98%.")
    assert ind == Indicator("tỷ lệ đảng viên tham gia học tập", GE, 98, "%")
    (ind,) = extract_indicators("tỷ lệ cán bộ được bồi dưỡng đạt 100%")
    assert (ind.name, ind.comparator, ind.target, ind.unit) == (
        "tỷ lệ cán bộ được bồi dưỡng",
        GE,
        100,
        "%",
    )
    (ind,) = extract_indicators("tỷ lệ hài lòng trên 95%")
    assert (ind.comparator, ind.target) == (GT, 95)
    (ind,) = extract_indicators("Số lượng đảng viên tham gia học tập đạt ít nhất từ 98% trở lên.")
    assert (
        ind.name == "Số lượng đảng viên tham gia học tập"
        and ind.comparator == GE
        and ind.target == 98
    )
    (ind,) = extract_indicators("tổ chức ít nhất 2 lớp bồi dưỡng")
    assert (ind.comparator, ind.target, ind.unit) == (GE, 2, "lớp")
    assert extract_indicators("Tuyên truyền sâu rộng trong cán bộ, đảng viên.") == []
    assert Indicator.from_dict(ind.to_dict()) == ind
    assert "≥" in extract_indicators("tỷ lệ ≥ 98,5%")[0].label()
