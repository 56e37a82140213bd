"""Text after the signature block (an attached programme, appendix or list) is kept apart: it
neither supplies the signature, nor sections, nor citations."""

from __future__ import annotations

import vanban

DOC = """HUYỆN ỦY AN PHÚ
ĐẢNG ỦY XÃ VĨNH HẬU
*
Số 20-KH/ĐU

ĐẢNG CỘNG SẢN VIỆT NAM

Vĩnh Hậu, ngày 10 tháng 3 năm 2025

KẾ HOẠCH
tổ chức kỷ niệm 95 năm Ngày thành lập Đoàn

I. MỤC ĐÍCH, YÊU CẦU
1. Tuyên truyền sâu rộng.
II. TỔ CHỨC THỰC HIỆN
1. Đoàn xã chủ trì.

Nơi nhận:
- Các chi bộ,
- Lưu VPĐU.

T/M ĐẢNG ỦY
BÍ THƯ

Trần Văn Nam

CHƯƠNG TRÌNH
Lễ kỷ niệm 95 năm Ngày thành lập Đoàn
(Kèm theo Kế hoạch số 20-KH/ĐU ngày 10/3/2025 của Đảng ủy xã)
I. PHẦN NGHI LỄ
1. Chào cờ.
II. PHẦN CHÍNH
1. Diễn văn theo Hướng dẫn số 15-HD/BTGTU ngày 01/3/2025.
PHÓ BÍ THƯ
Lê Văn Bình
"""


def test_attached_programme_is_kept_apart() -> None:
    doc = vanban.parse(DOC)
    assert [a.title for a in doc.attachments] == ["CHƯƠNG TRÌNH"]
    assert DOC[doc.attachments[0].span[0] :].startswith("CHƯƠNG TRÌNH")
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "T/M ĐẢNG ỦY",
        "BÍ THƯ",
        "Trần Văn Nam",
    )
    assert [s.title for s in doc.sections] == ["MỤC ĐÍCH, YÊU CẦU", "TỔ CHỨC THỰC HIỆN"]
    assert doc.references == []  # the programme's citations are not the plan's


def test_document_without_attachment() -> None:
    doc = vanban.parse(DOC.split("\nCHƯƠNG TRÌNH")[0])
    assert doc.attachments == [] and doc.signer_name == "Trần Văn Nam"
