"""Issuers of cited documents named before the citation or bounded by what follows the name."""

from __future__ import annotations

import pytest

import vanban


@pytest.mark.parametrize(
    ("text", "number", "issuer"),
    [
        (
            "Xét đề nghị của Bộ Văn hóa, Thể thao và Du lịch (Tờ trình số 12/TTr-BVHTTDL ngày "
            "3/4/2024), Thủ tướng đồng ý.",
            "12/TTr-BVHTTDL",
            "Bộ Văn hóa, Thể thao và Du lịch",
        ),
        (
            "Xét đề nghị của Bộ Giao thông vận tải tại văn bản số 7036/BGTVT-VP ngày 03 tháng 6 "
            "năm 2015 về việc tổ chức buổi gặp mặt",
            "7036/BGTVT-VP",
            "Bộ Giao thông vận tải",
        ),
        (
            "Trên cơ sở đề nghị của Sở Ngoại vụ, UBND tỉnh vừa ban hành văn bản số 4099/UBND-KGVX,"
            " gửi Sở Văn hóa",
            "4099/UBND-KGVX",
            "UBND tỉnh",
        ),
        (
            "Ngày 25/4/2020 Văn phòng Trung ương Đảng đã có Công văn số 11997-CV/VPTW về việc gửi",
            "11997-CV/VPTW",
            "Văn phòng Trung ương Đảng",
        ),
        (
            "nhận được Công văn số 847/UBND-VX1 ngày 22 tháng 3 năm 2011 của UBND tỉnh Quảng Ninh "
            "V/v tiếp tục phối hợp tuyên truyền",
            "847/UBND-VX1",
            "UBND tỉnh Quảng Ninh",
        ),
        (
            "Thực hiện Hướng dẫn số 96-HD/BTGTW ngày 22/02/2023 của Ban Tuyên giáo Trung ương "
            "tuyên truyền kỷ niệm 110 năm Ngày sinh",
            "96-HD/BTGTW",
            "Ban Tuyên giáo Trung ương",
        ),
    ],
    ids=["bracket", "tai", "vua-ban-hanh", "da-co", "before-vv", "before-verb"],
)
def test_citation_issuer(text: str, number: str, issuer: str) -> None:
    refs = {r.number: r.issuer for r in vanban.parse(text).references}
    assert refs[number] == issuer
