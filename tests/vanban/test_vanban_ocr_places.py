"""Provinces' names OCR misread, mended against the list of provinces (``vanban.ocr_places``)."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban
from vanban.ocr_places import (
    PROVINCES_2025,
    PROVINCES_BEFORE_2025,
    mend_province_names,
    province_near,
)
from vanban.ocr_text import normalize_ocr_text


def test_the_lists_hold_34_and_63_provinces() -> None:
    assert len(set(PROVINCES_2025)) == 34
    assert len(set(PROVINCES_2025) | set(PROVINCES_BEFORE_2025)) == 64  # Huế is both


@pytest.mark.parametrize(
    ("read", "mended"),
    [
        ("TỈNH ỦY LÂM ĐÔNG ĐẢNG CỘNG SẢN VIỆT NAM", "TỈNH ỦY LÂM ĐỒNG ĐẢNG CỘNG SẢN VIỆT NAM"),
        ("BCH HỘI NÔNG DÂN TỈNH LAM ĐÓNG", "BCH HỘI NÔNG DÂN TỈNH LÂM ĐỒNG"),
        ("HỘI LHPN TỈNH LÂMĐÒNG _ CỘNG HÒA", "HỘI LHPN TỈNH LÂM ĐỒNG _ CỘNG HÒA"),
        ("Ẹ Lâm Đông, ngày 04 tháng 9", "Ẹ Lâm Đồng, ngày 04 tháng 9"),
        ("Số: 52 - CV/HNDT Lâm Đông, ngày 09", "Số: 52 - CV/HNDT Lâm Đồng, ngày 09"),
        ("thuộc tỉnh Khanh Hoa.", "thuộc tỉnh Khánh Hòa."),
        ("thuộc tỉnh Thái Nguyễn và", "thuộc tỉnh Thái Nguyên và"),  # one letter off
    ],
)
def test_a_misread_name_is_mended(read: str, mended: str) -> None:
    assert mend_province_names(read) == mended


@pytest.mark.parametrize(
    "text",
    [
        "thuộc tỉnh Hà Nam và tỉnh Khánh Hoà.",  # written right, in either spelling
        "Mai Châu, ngày 12 tháng 3",  # a district one letter off "Lai Châu"
        "Phan Thiết, ngày 2 tháng 1",  # no province's name
        "các đồng chí tỉnh ủy viên; tỉnh ta, tỉnh nhà",  # no name after the unit
        "tỉnh Gia Lai x",  # the name written right ends the look
    ],
)
def test_what_is_no_misread_name_is_left(text: str) -> None:
    assert mend_province_names(text) == text


def test_only_a_name_no_other_is_as_near_to_is_given() -> None:
    assert province_near("Lâm Đông") == "Lâm Đồng"
    assert province_near("Lâm Đồng") is None  # as written
    assert province_near("Lai Châu", one_letter_off=False) is None
    assert province_near("Mai Châu", one_letter_off=False) is None


def test_ocr_text_is_mended_typed_text_is_not(tmp_path: Path) -> None:
    text = "TỈNH ỦY LÂM ĐÔNG\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*\nSố 20-CV/BTGDVTU\n"
    assert "TỈNH ỦY LÂM ĐỒNG" in normalize_ocr_text(text)
    typed = tmp_path / "cong-van.txt"
    typed.write_text(text, encoding="utf-8")
    assert vanban.parse_file(typed).parent_issuer == "TỈNH ỦY LÂM ĐÔNG"
    assert vanban.parse_file(typed, ocr_text=True).parent_issuer == "TỈNH ỦY LÂM ĐỒNG"
