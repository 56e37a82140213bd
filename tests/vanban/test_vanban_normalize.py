"""Normalisation, folding, tone placement and symbol keys."""

from __future__ import annotations

import unicodedata

import pytest

from vanban import (
    clean_symbol,
    fold,
    join_hard_breaks,
    normalize_symbol,
    normalize_text,
    tone_normalize,
)
from vanban.normalize import fold_aligned, vi_regex


def test_normalize_text_removes_invisible_and_unifies_breaks() -> None:
    raw = "Số\u00a030-KH/ĐUK\r\nKẾ\u200b HOẠCH\u00ad\rĐổi mới\ufeff  \n"
    assert normalize_text(raw) == "Số 30-KH/ĐUK\nKẾ HOẠCH\nĐổi mới\n"


def test_normalize_text_is_nfc_and_idempotent() -> None:
    raw = unicodedata.normalize("NFD", "Nghị quyết  \u2028Hòa bình\t\n")
    once = normalize_text(raw)
    assert unicodedata.is_normalized("NFC", once)
    assert once == "Nghị quyết\nHòa bình\n"
    assert normalize_text(once) == once


def test_fold() -> None:
    assert fold("ĐẢNG ỦY Khối") == "dang uy khoi"
    assert fold("Hòa") == fold("hoà") == fold("HOÀ") == "hoa"
    assert fold("thủy") == fold("thuỷ") == "thuy"
    assert fold(unicodedata.normalize("NFD", "Nghị quyết")) == "nghi quyet"


def test_fold_aligned_keeps_offsets() -> None:
    text = "Nơi nhận: Ban Thường vụ Tỉnh ủy"
    folded = fold_aligned(text)
    assert len(folded) == len(text)
    start = folded.index("ban thuong vu")
    assert text[start : start + len("ban thuong vu")] == "Ban Thường vụ"


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("khoẻ", "khỏe"),
        ("HOÀ", "HÒA"),
        ("Hoá", "Hóa"),
        ("luỹ", "lũy"),
    ],
)
def test_tone_placement(new: str, old: str) -> None:
    assert tone_normalize(new) == old
    assert tone_normalize(old, style="new") == new
    assert tone_normalize(old) == old


@pytest.mark.parametrize(
    "word", ["hoàn", "thuyết", "quý", "quả", "khuya", "người", "hoạch", "Quỳnh"]
)
def test_tone_placement_leaves_unambiguous_syllables(word: str) -> None:
    assert tone_normalize(word) == word
    assert tone_normalize(word, style="new") == word


def test_tone_normalize_rejects_unknown_style() -> None:
    with pytest.raises(ValueError):
        tone_normalize("hòa", style="middle")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("01- KL/TW", "01-KL/TW"),
        ("101 -QĐ/TW", "101-QĐ/TW"),
        ("35–NQ/TW", "35-NQ/TW"),
        ("289 / KH-UBND", "289/KH-UBND"),
    ],
)
def test_clean_symbol(raw: str, clean: str) -> None:
    assert clean_symbol(raw) == clean


def test_normalize_symbol_matches_spellings_of_one_symbol() -> None:
    key = normalize_symbol("35-NQ/TW")
    for spelling in ("35/NQ-TW", "35 - nq/tw", "35–NQ/TW", " 35-NQ / TW ", "035-NQ/TW"):
        assert normalize_symbol(spelling) == key
    assert normalize_symbol("30-KH/ĐUK") == normalize_symbol("30-KH/DUK")
    assert normalize_symbol("08-QĐi/TW") != normalize_symbol("08-QĐ/TW")
    assert normalize_symbol("35-NQ/TW") != normalize_symbol("36-NQ/TW")
    assert normalize_symbol("30/2020/NĐ-CP") == normalize_symbol("30/2020/nđ-cp")


def test_join_hard_breaks() -> None:
    text = "Tiếp tục thực hiện Nghị quyết số 35-NQ/TW của\nBộ Chính trị về tăng cường bảo vệ\nnền tảng tư tưởng.\n- Gạch đầu dòng\n1. Mục"
    joined = join_hard_breaks(text)
    assert "bảo vệ nền tảng tư tưởng." in joined
    assert "của\nBộ Chính trị" in joined  # an uppercase line may start a new paragraph
    assert "\n- Gạch đầu dòng\n1. Mục" in joined


def test_vi_regex_ignores_case_and_diacritics() -> None:
    pattern = vi_regex(r"noi[ \t]+nhan[ \t]*:")
    for text in ("Nơi nhận:", "NƠI NHẬN :", "noi nhan:", unicodedata.normalize("NFC", "Nơi nhân:")):
        assert pattern.match(text)
    assert not pattern.match("Nơi làm việc:")


def test_join_broken_lines_mends_page_breaks_wraps_and_dashed_names() -> None:
    from vanban import join_broken_lines

    # A page break inside a sentence: the piece after it starts lower case.
    assert join_broken_lines(
        "- theo quy định về trách\n\nnhiệm nêu gương của cán bộ.\n- Xử lý"
    ) == ("- theo quy định về trách nhiệm nêu gương của cán bộ.\n- Xử lý")
    # A lone page number between the pieces goes too.
    assert join_broken_lines("công tác tuyên\n\n12\n\ntruyền trên mạng.") == (
        "công tác tuyên truyền trên mạng."
    )
    # Hyphenation and a dashed name cut before its dash.
    assert join_broken_lines("Trung tâm công-\nnghệ") == "Trung tâm công-nghệ"
    assert join_broken_lines("+ Định hướng: Phòng Thông tin - Báo chí\n\n- Xuất bản.") == (
        "+ Định hướng: Phòng Thông tin - Báo chí - Xuất bản."
    )
    # Headings, finished sentences and list labels stay as they are.
    for text in ("KẾ HOẠCH\n\nđẩy mạnh tuyên truyền", "Xong.\n\nnhưng", "mục một\na) mục a"):
        assert join_broken_lines(text) == text


def test_units_named_reads_the_subject_of_a_sentence() -> None:
    from vanban import units_named

    assert units_named(
        "Ban Tuyên giáo Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy theo dõi việc thực hiện."
    ) == ["Ban Tuyên giáo Tỉnh ủy", "Văn phòng Tỉnh ủy"]
    assert units_named("Giao Ban Tổ chức Tỉnh ủy theo dõi, đôn đốc.") == ["Ban Tổ chức Tỉnh ủy"]
    assert units_named("Tăng cường sự lãnh đạo của các cấp ủy.") == []
