"""Variants of the official forms met in real documents, each on a fragment written for it."""

from __future__ import annotations

import pytest

from vanban import parse
from vanban.body_names import comma_in_name, read_issuer

BODY = (
    "KẾ HOẠCH\nthử nghiệm\n\n"
    "Thực hiện Kế hoạch số 1-KH/TU, Ban Thường vụ Đảng ủy xây dựng kế hoạch như sau:\n\n"
    "I. MỤC ĐÍCH\n\n1. Một\n\n"
)


def test_opening_carries_out_two_documents_after_the_first_ones_subject() -> None:
    doc = parse(
        "KẾ HOẠCH\nthử\n\nThực hiện Hướng dẫn số 36-HD/VPTW, ngày 03/4/2018 của Văn phòng Trung"
        " ương Đảng về thể thức văn bản và Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ"
        " về công tác văn thư, Ban Tuyên giáo Huyện ủy xây dựng kế hoạch như sau:\n\nI. MỤC ĐÍCH\n"
    )
    assert doc.implements == ["36-HD/VPTW", "30/2020/NĐ-CP"]
    assert doc.issuer == "Ban Tuyên giáo Huyện ủy"


def test_opening_carries_out_documents_whose_subjects_open_on_what_they_do() -> None:
    doc = parse(
        "TỜ TRÌNH\nthử\n\nThực  hiện  Quyết  định  số  820/QĐ-UBND  ngày  27/8/2025  của  Chủ"
        "  tịch UBND tỉnh về việc ban hành Bộ tiêu chí; Quyết định số 1234/QĐ-UBND ngày 08/9/2025"
        " của Chủ tịch UBND tỉnh ban hành Bộ tiêu chí đánh giá;  Quyết  định  số  1716/QĐ-UBND "
        " ngày 16/10/2025 của UBND tỉnh về việc thành lập Hội đồng. Hội đồng kính trình.\n"
    )
    assert doc.implements == ["820/QĐ-UBND", "1234/QĐ-UBND", "1716/QĐ-UBND"]


def test_opening_subject_citing_another_document_is_not_carried_out() -> None:
    doc = parse(
        "KẾ HOẠCH\nthử\n\nThực hiện Kế hoạch số 160-KH/TU, ngày 15/01/2024 của Tỉnh ủy về thực"
        " hiện Nghị quyết số 45-NQ/TW, Ban Chấp hành Đảng bộ phường xây dựng kế hoạch như sau:\n"
    )
    assert doc.implements == ["160-KH/TU"]


@pytest.mark.parametrize(
    ("tail", "on_behalf", "title", "name"),
    [
        (
            "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\n\nNguyễn Văn An\n",
            "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Nguyễn Văn An",
        ),
        (
            "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\n[daky]\n\nNguyễn Văn An\n",
            "KT. GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Nguyễn Văn An",
        ),
        (
            "TUQ. BỘ TRƯỞNG\nCỤC TRƯỞNG\n\nTrịnh Ngọc Chung\n",
            "TUQ. BỘ TRƯỞNG",
            "CỤC TRƯỞNG",
            "Trịnh Ngọc Chung",
        ),
    ],
)
def test_signature_variants(tail: str, on_behalf: str, title: str, name: str) -> None:
    doc = parse(BODY + "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\n" + tail)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (on_behalf, title, name)


def test_recipients_run_together_on_the_noi_nhan_line() -> None:
    doc = parse(
        BODY + "Nơi nhận: - Như trên; - Lưu: VT.\n\nT/M ĐẢNG ỦY\nPHÓ BÍ THƯ\nNguyễn Văn An\n"
    )
    assert doc.recipients == ["Như trên", "Lưu: VT"]


@pytest.mark.parametrize(
    ("header", "issuer", "parent"),
    [
        (
            "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC\nSố: 5/QĐ-UBND\n",
            "ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC",
            None,
        ),
        ("ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nTỈNH ỦY\n*\nSố 5-QĐ/TU\n", "TỈNH ỦY", "ĐẢNG BỘ TỈNH BÌNH PHƯỚC"),
        (
            "ĐẢNG BỘ TỈNH BÌNH PHƯỚC\nĐẢNG ỦY KHỐI CÁC CƠ QUAN\nTỈNH BÌNH PHƯỚC\nSố 5-QĐ/ĐUK\n",
            "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH BÌNH PHƯỚC",
            "ĐẢNG BỘ TỈNH BÌNH PHƯỚC",
        ),
        (
            "ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐỒNG XOÀI\nSố: 5/QĐ-UBND\n",
            "ỦY BAN NHÂN DÂN THÀNH PHỐ ĐỒNG XOÀI",
            None,
        ),
        (
            "BCH ĐOÀN TỈNH BÌNH PHƯỚC\n***\nSố: 5-QĐ/TĐTN\nĐOÀN TNCS HỒ CHÍ MINH\n",
            "BCH ĐOÀN TỈNH BÌNH PHƯỚC",
            None,
        ),
    ],
)
def test_header_bodies(header: str, issuer: str, parent: str | None) -> None:
    doc = parse(header + "\nQUYẾT ĐỊNH\nVề việc thử\n\nĐiều 1. Thử.\n")
    assert (doc.issuer, doc.parent_issuer) == (issuer, parent)


def test_office_holder_is_not_the_issuer() -> None:
    doc = parse(
        "ỦY BAN NHÂN DÂN\nTỈNH ĐỒNG NAI\nSố: 187/TB-UBND\n\nTHÔNG BÁO\nKết luận của Chủ tịch\n\n"
        "Sau khi nghe báo cáo, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:\n\n1. Tốt.\n"
    )
    assert doc.issuer == "ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI"


def test_comma_inside_a_body_name() -> None:
    text = "Sở Văn hóa, Thể thao và Du lịch về việc"
    assert comma_in_name(text, text.index(","))
    assert read_issuer(text, 0)[0] == "Sở Văn hóa, Thể thao và Du lịch"
    two = "Sở Nội vụ, Sở Tài chính và Sở Xây dựng"
    assert not comma_in_name(two, two.index(","))
    assert read_issuer("Bộ Lao động - Thương binh và Xã hội về", 0)[0] == (
        "Bộ Lao động - Thương binh và Xã hội"
    )


def test_units_keep_names_with_commas_whole() -> None:
    doc = parse(
        "KẾ HOẠCH\nthử\n\nI. NỘI DUNG\n\n1. Tuyên truyền pháp luật.\n"
        "- Đơn vị thực hiện: Văn phòng Sở, Phòng Phổ biến, giáo dục pháp luật.\n"
        "- Thời gian thực hiện: Quý II.\n\nII. TỔ CHỨC THỰC HIỆN\n\n"
        "1. Sở Văn hóa, Thể thao và Du lịch chỉ đạo tuyên truyền cổ động trực quan.\n"
    )
    assert [(a.section, a.item, a.units, a.period) for a in doc.assignments] == [
        ("I", "1", ["Văn phòng Sở", "Phòng Phổ biến, giáo dục pháp luật"], "Quý II"),
        ("II", "1", ["Sở Văn hóa, Thể thao và Du lịch"], None),
    ]


def test_slash_separated_sections_and_items() -> None:
    doc = parse(
        "KẾ HOẠCH\nthử\n\nI/ MỤC ĐÍCH\n\n1/ Mục đích một\n\nII/ NỘI DUNG\n\n1/ Nội dung một\n"
        "Ngày 1/2/2024 họp.\n"
    )
    assert [(s.label, s.title) for s in doc.sections] == [("I", "MỤC ĐÍCH"), ("II", "NỘI DUNG")]
    assert [(i.section, i.label, i.title) for i in doc.items] == [
        ("I", "1", "Mục đích một"),
        ("II", "1", "Nội dung một"),
    ]


@pytest.mark.parametrize(
    ("sentence", "issuer"),
    [
        (
            "Đảng ủy cơ sở Trường Cao đẳng Y tế triển khai kế hoạch thực hiện như sau:",
            "Đảng ủy cơ sở Trường Cao đẳng Y tế",
        ),
        ("Đảng ủy Sở Y tế báo cáo kết quả như sau:", "Đảng ủy Sở Y tế"),
        (
            "Ban Thường vụ Đảng ủy Khối đề nghị các chi, đảng bộ cơ sở thực hiện:",
            "Ban Thường vụ Đảng ủy Khối",
        ),
        (
            "Sở Văn hóa, Thể thao và Du lịch ban hành Kế hoạch như sau:",
            "Sở Văn hóa, Thể thao và Du lịch",
        ),
    ],
)
def test_issuer_named_by_the_opening_sentence(sentence: str, issuer: str) -> None:
    doc = parse(
        f"KẾ HOẠCH\nthử\n\nThực hiện Kế hoạch số 5-KH/TU của Tỉnh ủy, {sentence}\n\nI. MỤC ĐÍCH\n"
    )
    assert doc.issuer == issuer
