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


def test_a_citation_goes_on_past_a_blank_line_after_a_word_no_sentence_ends_with() -> None:
    # a PDF that prints a blank line between wrapped lines: "… ngày" / "08 tháng 10 năm 2018 …",
    # "… của" / "UBND tỉnh …"
    text = (
        "Căn cứ Nghị định số 137/2018/NĐ-CP ngày\n\n08  tháng  10 năm  2018 của  Chính phủ  sửa "
        "đổi.\n\nCăn  cứ  Quyết  định  số  1909/QĐ-UBND  ngày  31/10/2024  của\n\n"
        "UBND tỉnh Bình Thuận về việc phê duyệt Đề án.\n\nKhông liên quan.\n\n"
        "Xem Công văn số 77/SNV-VP ngày 02/01/2025.\n\nSở Tư pháp đề nghị.\n"
    )
    refs = {r.number: (r.date, r.issuer) for r in vanban.parse(text).references}
    assert refs["137/2018/NĐ-CP"] == ("2018-10-08", "Chính phủ")
    assert refs["1909/QĐ-UBND"] == ("2024-10-31", "UBND tỉnh Bình Thuận")
    # a sentence that ends with its date does not reach the next paragraph
    assert refs["77/SNV-VP"] == ("2025-01-02", None)


def test_the_subject_that_did_another_act_and_issued_the_cited_letter() -> None:
    text = (
        "Để bảo đảm tiến độ; Sở Nội vụ đã xây dựng dự thảo Kế hoạch kiểm tra năm 2026 và  ban  "
        "hành  Công  văn  số 215/SNV-CCHC ngày 14/01/2026 gửi lấy ý kiến.\n\n"
        "Sở đã ban hành Kế hoạch số 12/KH-SNV ngày 10/01/2024 về cải cách hành chính.\n"
    )
    refs = {r.number: (r.date, r.issuer) for r in vanban.parse(text).references}
    assert refs["215/SNV-CCHC"] == ("2026-01-14", "Sở Nội vụ")
    # "Sở đã ban hành": the word alone names no body
    assert refs["12/KH-SNV"] == ("2024-01-10", None)


def test_one_who_signs_for_a_body_is_no_issuer_and_the_sentences_date_is_the_citations() -> None:
    text = (
        "Ngày 23/11/2018, thừa lệnh Chủ tịch UBND tỉnh Tuyên Quang, Phó Chánh Văn phòng UBND "
        "tỉnh Tuyên Quang Nguyễn Thanh đã ký ban hành văn bản số 3653/UBND-TNMT, V/v đề xuất.\n"
    )
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("3653/UBND-TNMT", "2018-11-23", None)
    # the body as the subject still issues, and a figure between keeps the date apart
    body = "Ngày 05/9/2023, Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU về việc a.\n"
    (ref,) = vanban.parse(body).references
    assert (ref.date, ref.issuer) == ("2023-09-05", "Ban Thường vụ Tỉnh ủy")
    other = "Ngày 18/3/2025, sau kỳ họp thứ 12, Sở Nội vụ đã có Công văn số 325/SNV-TCBC gửi Sở.\n"
    (ref,) = vanban.parse(other).references
    assert (ref.date, ref.issuer) == (None, "Sở Nội vụ")


def test_the_body_advised_to_issue_is_the_issuer_not_the_adviser() -> None:
    text = (
        "Thực hiện Công văn số 4625/BNV-CCHC ngày 02/7/2025 của Bộ Nội vụ, Sở Nội vụ đã tham "
        "mưu UBND tỉnh ban hành Kế hoạch số 213/KH-UBND ngày 15/7/2025 về cải cách hành chính.\n"
    )
    refs = {r.number: r.issuer for r in vanban.parse(text).references}
    assert refs["213/KH-UBND"] == "UBND tỉnh"
    # without the advising verb the subject issues it
    plain = text.replace("Sở Nội vụ đã tham mưu UBND tỉnh ban hành", "UBND tỉnh đã ban hành")
    assert {r.number: r.issuer for r in vanban.parse(plain).references}["213/KH-UBND"] == (
        "UBND tỉnh"
    )


def test_a_year_mistyped_with_three_figures_keeps_the_issuer_after_it() -> None:
    text = (
        "Sở Nội vụ đã báo cáo UBND tỉnh (tại Công văn số 6709/UBND-NC ngày 07/11/205 của Chủ "
        "tịch UBND tỉnh).\n"
    )
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("6709/UBND-NC", None, "Chủ tịch UBND tỉnh")
    # a year of four figures is read as ever
    (ok,) = vanban.parse(text.replace("/205 ", "/2025 ")).references
    assert (ok.date, ok.issuer) == ("2025-11-07", "Chủ tịch UBND tỉnh")


def test_the_subject_that_gave_its_direction_in_the_cited_letter() -> None:
    text = (
        "Đối với các nhóm nhiệm vụ, UBND tỉnh đã có chỉ đạo tại Công văn số 3778/UBND-KTTH ngày "
        "19/9/2025, trong đó giao nhiệm vụ các sở.\n"
    )
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("3778/UBND-KTTH", "2025-09-19", "UBND tỉnh")
    # a letter only named where something is found ("có nêu tại") has no such subject
    told = text.replace("đã có chỉ đạo tại", "nêu tại")
    assert vanban.parse(told).references[0].issuer is None


def test_the_subject_after_a_bracket_and_a_topic_said_before_it() -> None:
    text = (
        "Trung tâm sẽ tham mưu triển khai Kế hoạch (về nội dung này Trung tâm đã có Công văn số "
        "428/TTXT-ĐTDN ngày 09/9/2025 báo cáo UBND tỉnh).\n"
    )
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("428/TTXT-ĐTDN", "2025-09-09", "Trung tâm")
    # the bracket opens the clause without the topic too
    bare = text.replace("(về nội dung này Trung tâm", "(Trung tâm")
    assert vanban.parse(bare).references[0].issuer == "Trung tâm"
    # a topic without its closing "này" is no topic: the subject is not read
    open_topic = text.replace("về nội dung này", "về nội dung")
    assert vanban.parse(open_topic).references[0].issuer is None


def test_the_agent_of_a_passive_has_the_cited_letter() -> None:
    text = (
        "Dự thảo văn bản chỉ đạo của Chủ tịch UBND tỉnh đã được Sở Nội vụ có\n"
        "Công văn số 2402/SNV-CCHC ngày 27/10/2025 lấy ý kiến các cơ quan.\n"
    )
    (ref,) = vanban.parse(text).references
    assert (ref.number, ref.date, ref.issuer) == ("2402/SNV-CCHC", "2025-10-27", "Sở Nội vụ")
    # "được ban hành" names no agent: no issuer, not the thing done
    no_agent = "Kế hoạch đã được ban hành Công văn số 12/SNV ngày 1/2/2025 kèm theo.\n"
    assert vanban.parse(no_agent).references[0].issuer is None
