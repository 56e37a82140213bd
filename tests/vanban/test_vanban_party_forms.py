"""Forms of party documents (Hướng dẫn 36-HD/VPTW, and 05-HD/VPTW that follows it in 2026) the
parser reads, each on a small text of that shape."""

from __future__ import annotations

import vanban

DECISION = """ĐẢNG BỘ TỈNH KHÁNH HÒA
ĐẢNG ỦY XÃ NINH SƠN
*
Số 145-QĐ/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM

Ninh Sơn, ngày 05 tháng 12 năm 2025

QUYẾT ĐỊNH
về việc thành lập Ban Chỉ đạo công tác tuyên truyền

- Căn cứ Điều lệ Đảng Cộng sản Việt Nam;
- Căn cứ Quy định số 24-QĐ/TW, ngày 30/7/2021 của Ban Chấp hành Trung ương Đảng thi hành Điều lệ Đảng;
- Xét đề nghị của Ban Xây dựng Đảng Đảng ủy xã,

{operative}

Điều 1. Thành lập Ban Chỉ đạo.

Điều 2. Văn phòng Đảng ủy và các đồng chí có tên tại Điều 1 căn cứ Quyết định thi hành.

Nơi nhận:
- Như Điều 2,
- Lưu Văn phòng Đảng ủy.

T/M BAN THƯỜNG VỤ
BÍ THƯ

Trần Văn Minh
"""


def test_party_decision_names_the_deciding_body_before_its_operative_word() -> None:
    """After the grounds, "BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH" names the body that decides; the
    header names the committee it belongs to."""
    doc = vanban.parse(DECISION.format(operative="BAN THƯỜNG VỤ ĐẢNG ỦY XÃ QUYẾT ĐỊNH"))
    assert (doc.issuer, doc.parent_issuer) == ("BAN THƯỜNG VỤ ĐẢNG ỦY XÃ", "ĐẢNG BỘ TỈNH KHÁNH HÒA")
    # the operative word alone, or after an office holder's title, leaves the header's body
    for operative in ("QUYẾT ĐỊNH:", "BÍ THƯ ĐẢNG ỦY XÃ QUYẾT ĐỊNH:"):
        assert vanban.parse(DECISION.format(operative=operative)).issuer == "ĐẢNG ỦY XÃ NINH SƠN"


def test_cited_body_stops_before_the_verb_of_the_subject() -> None:
    """ "… của Ban Chấp hành Trung ương Đảng thi hành Điều lệ Đảng": the subject follows the body
    without "về"; "thi hành" begins it."""
    doc = vanban.parse(DECISION.format(operative="QUYẾT ĐỊNH:"))
    (ref,) = [r for r in doc.references if r.number == "24-QĐ/TW"]
    assert (ref.date, ref.issuer) == ("2021-07-30", "Ban Chấp hành Trung ương Đảng")
