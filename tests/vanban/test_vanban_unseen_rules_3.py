"""Rules found on documents parsed unseen (2026-12-05, seventh session, branch unseen29).

Each rule is stated by the grammar of the documents (Nghị định 30/2020/NĐ-CP) or of the files they
come in, and each test fails on the code before the rule. The documents themselves are real
fixtures (``fixtures/real/u29-*``); these tests use made-up text of the same form.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from vanban import ScannedError, parse, read

# A scanner's own OCR of a Vietnamese page, made without Vietnamese: signs and digits inside the
# words, no Vietnamese letter (the form of such layers, not any one document's words).
_FOREIGN_OCR_LINES = [
    "BO NOI Vl) TRUONG D~I HQC",
    "S6: 12/TB-DH Ha NQi, ngay 3 thang 5 nam 2025",
    "THONGBAO v~vi~c t6 chirc hQi ngh! t6ng k~t cong tac nam h9C",
    "Can cir KS hoach s6 5/KH-DH ngay 2/1/2025 cua Hieu tnrong v~ vi~c t6 chirc",
    "Ban Giam hieu thong bao dSn cac don vi thvc hi~n cac cong vi~c nhu sau:",
    "1. Cac dan vi chuan bi bao cao t6ng k~t, giri v~ Phong TC-HC tnrac ngay 10/5;",
    "2. Thai gian hQi ngh!: 8hOO, thu hai ngay 12/5/2025 t~i HQi truong A;",
    "3. Thanh ph§n: Lanh d?o cac dan vi, truong cac phong ban va khoa.",
    "De nghi lanh d~o cac dan vi nghiem tuc thvc hi~n./.",
]

# The same page typed without accents: whole words, read as text.
_UNACCENTED_LINES = [
    "BO NOI VU TRUONG DAI HOC",
    "So: 12/TB-DH Ha Noi, ngay 3 thang 5 nam 2025",
    "THONG BAO ve viec to chuc hoi nghi tong ket cong tac nam hoc",
    "Can cu Ke hoach so 5/KH-DH ngay 2/1/2025 cua Hieu truong ve viec to chuc",
    "Ban Giam hieu thong bao den cac don vi thuc hien cac cong viec nhu sau:",
    "1. Cac don vi chuan bi bao cao tong ket, gui ve Phong TC-HC truoc ngay 10/5;",
    "2. Thoi gian hoi nghi: 8h00, thu hai ngay 12/5/2025 tai Hoi truong A;",
    "3. Thanh phan: Lanh dao cac don vi, truong cac phong ban va khoa.",
    "De nghi lanh dao cac don vi nghiem tuc thuc hien./.",
]


def _pdf(path: Path, lines: list[str]) -> Path:
    pypdf = pytest.importorskip("pypdf")
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    page = writer.add_blank_page(width=595, height=842)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    escaped = [line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") for line in lines]
    ops = ["BT /F1 11 Tf 40 800 Td 16 TL"] + [f"({line}) Tj T*" for line in escaped] + ["ET"]
    stream = DecodedStreamObject()
    stream.set_data("\n".join(ops).encode("latin-1"))
    page[NameObject("/Contents")] = writer._add_object(stream)
    with path.open("wb") as handle:
        writer.write(handle)
    return path


def test_a_text_layer_that_is_a_foreign_ocr_is_read_as_a_scan(tmp_path: Path) -> None:
    """A PDF whose text layer is a scanner's OCR without Vietnamese letters is a scan: OCR reads it."""
    with pytest.raises(ScannedError):
        read(_pdf(tmp_path / "layer.pdf", _FOREIGN_OCR_LINES))


def test_an_unaccented_text_layer_is_still_text(tmp_path: Path) -> None:
    text = read(_pdf(tmp_path / "plain.pdf", _UNACCENTED_LINES))
    assert "THONG BAO ve viec to chuc hoi nghi" in text


_PLAN_TWO_OPENINGS = """TRƯỜNG CAO ĐẲNG A
Số: 15/KH-CĐA

Hà Nội, ngày 3 tháng 9 năm 2025

KẾ HOẠCH
Tổ chức tuần sinh hoạt công dân cho học sinh

Thực hiện Kế hoạch số 21/KH-CĐA ngày 12 tháng 8 năm 2025 về nhiệm vụ công tác học sinh năm học 2025 - 2026;

Thực hiện Kế hoạch số 9/KH-SGDĐT ngày 5 tháng 8 năm 2025 của Sở Giáo dục và Đào tạo về công tác học sinh, Trường Cao đẳng A xây dựng kế hoạch như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Mục đích
"""


def test_each_opening_paragraph_that_carries_out_a_document_counts() -> None:
    """A preamble may carry out its documents one "Thực hiện …;" paragraph each: all of them are
    the documents this one implements, not only the first."""
    doc = parse(_PLAN_TWO_OPENINGS)
    assert doc.implements == ["21/KH-CĐA", "9/KH-SGDĐT"]


_NOTICE_SIGNED_UNDER_A_STROKE = """TRƯỜNG CAO ĐẲNG A
Số: 40/TB-CĐA

Hà Nội, ngày 3 tháng 9 năm 2025

THÔNG BÁO
Về việc đăng ký đề tài nghiên cứu khoa học năm học 2025 - 2026

Ban Giám hiệu thông báo đến các khoa đăng ký đề tài trước ngày 30/9/2025./.

Nơi nhận:
- Các khoa;
- Lưu: VT.

HIỆU TRƯỞNG”—
"""


def test_a_signer_title_sheds_the_marks_ocr_reads_after_it() -> None:
    """OCR reads the signature's stroke or the seal's rim after the title as a quote or a dash:
    a title in capitals ends on a letter."""
    assert parse(_NOTICE_SIGNED_UNDER_A_STROKE).signer_title == "HIỆU TRƯỞNG"
