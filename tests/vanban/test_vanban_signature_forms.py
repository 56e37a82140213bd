"""Signature blocks in the forms real documents print them (Nghị định 30/2020/NĐ-CP, appendix I;
Hướng dẫn 36-HD/VPTW): the authority mark with or without its dot, on one line with the deputy's
title, wrapped over two lines, the name after the blank space left for the seal, and recipient
lines whose unit codes look like a mark."""

from __future__ import annotations

from pathlib import Path

import pytest

import vanban

HEAD = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/UBND-VX\nV/v việc a\nNội dung.\n"


@pytest.mark.parametrize(
    ("tail", "on_behalf", "title", "name"),
    [
        (
            "Nơi nhận:\n- Lưu: VT.\nKT THỦ TƯỚNG PHÓ THỦ TƯỚNG\n\n\n\nLê Văn Thành\n",
            "KT THỦ TƯỚNG",
            "PHÓ THỦ TƯỚNG",
            "Lê Văn Thành",
        ),
        (
            "Nơi nhận:\n- Như trên;\n- Lưu: VT, KT TH, QHQT;\nTL. CHỦ TỊCH ỦY\n"
            "BAN NHÂN DÂN TỈNH\nCHÁNH VĂN PHÒNG\n\n\nNguyễn Văn Bình\n",
            "TL. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "CHÁNH VĂN PHÒNG",
            "Nguyễn Văn Bình",
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\nKT/ GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nTrần Thị Hoa\n",
            "KT/ GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Trần Thị Hoa",
        ),
        (
            "Nơi nhận:\n- Lưu: VT.\nKT. CHỦ TỊCH\n\nPHÓ CHỦ TỊCH\n"
            + "\n \n" * 8
            + "Trần Thành Lập\n",
            "KT. CHỦ TỊCH",
            "PHÓ CHỦ TỊCH",
            "Trần Thành Lập",
        ),
        (
            "Nơi nhận:\n- Lưu VP, P.KT, VHXH.\n\nTL. CHỦ TỊCH ỦY\nBAN NHÂN DÂN TỈNH\n"
            "CHÁNH VĂN PHÒNGThái Hữu Phép\n",
            "TL. CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH",
            "CHÁNH VĂN PHÒNG",
            "Thái Hữu Phép",
        ),
        (
            # the mark written without a blank before its body is kept as printed
            "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nKT.GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n\nMai Văn Hiệu\n",
            "KT.GIÁM ĐỐC",
            "PHÓ GIÁM ĐỐC",
            "Mai Văn Hiệu",
        ),
    ],
    ids=[
        "kt-one-line",
        "tl-wrapped",
        "kt-slash",
        "name-after-blank-lines",
        "title-glued-to-name",
        "kt-without-blank",
    ],
)
def test_signature_forms(tail: str, on_behalf: str, title: str, name: str) -> None:
    doc = vanban.parse(HEAD + tail)
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (on_behalf, title, name)


def test_unit_code_in_a_recipient_line_is_not_an_authority() -> None:
    # the real Công văn 4586/VPCP-KTN ends "- Lưu: VT, KTN (3) pvc" before its signature
    doc = vanban.parse_file(Path(__file__).parent / "fixtures" / "real" / "cv-vpcp-4586.txt")
    assert doc.on_behalf == "KT. BỘ TRƯỞNG, CHỦ NHIỆM"
    assert doc.recipients[-1] == "Lưu: VT, KTN (3) pvc"


def test_recipients_go_on_below_the_signers_name_of_the_flattened_footer() -> None:
    """The two columns of the footer read line by line: the signature column's lines, the
    name among them, fall between the recipients; the list goes on below the name."""
    tail = (
        "Nơi nhận:\nQ. GIÁM ĐỐC\n- UBND tỉnh (b/c);\nLê Hoàng Ngọc\n- Hội đồng PBGDPL tỉnh;\n"
        "- Lưu: VT, PBGDPL.\n"
    )
    head = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/UBND-VX\nV/v việc a\n\nNội dung.\n\n"
    doc = vanban.parse(head + tail)
    assert doc.recipients == ["UBND tỉnh (b/c)", "Hội đồng PBGDPL tỉnh", "Lưu: VT, PBGDPL"]
    assert (doc.on_behalf, doc.signer_name) == ("Q. GIÁM ĐỐC", "Lê Hoàng Ngọc")
    # below the name only dash-led items continue the list
    doc = vanban.parse(head + "Nơi nhận:\n- Như trên;\nLê Hoàng Ngọc\nGhi chú thêm của trang.\n")
    assert doc.recipients == ["Như trên"]


def test_footer_columns_side_by_side() -> None:
    """The footer as a layout-keeping converter prints it: the recipients on the left, the
    signature block on the same lines far to the right, the name alone on its line."""
    head = "ỦY BAN NHÂN DÂN\nTỈNH AN GIANG\nSố: 5/UBND-VX\nV/v việc a\n\nNội dung.\n\n"
    tail = (
        "Nơi nhận:                           TM. ỦY BAN NHÂN DÂN\n"
        "- Như trên;                              CHỦ TỊCH\n"
        "- Các sở, ban, ngành tỉnh,\n"
        "- UBND các huyện, thị xã,               Nguyễn Văn Bình\n"
        "- Lưu: VT, VX.\n"
    )
    doc = vanban.parse(head + tail)
    assert doc.recipients == [
        "Như trên",
        "Các sở, ban, ngành tỉnh",
        "UBND các huyện, thị xã",
        "Lưu: VT, VX",
    ]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn Bình",
    )


_FLAT_FOOTER = (
    "ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\nSố: 3274/QĐ-UBND\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nNghệ An, ngày 5 tháng 9 năm 2025\n\nQUYẾT ĐỊNH\nVề việc a\n\n"
    "Điều 1. Phê duyệt.\n\nNơi nhận: {inline}\n- Như Điều 4;\n- Lưu VT, CN.\n\n{below}Lê Hồng Vinh\n"
)


@pytest.mark.parametrize("inline", ["CHỦ TỊCH", "/Q/ CHỦ TỊCH", "„ST; CHỦ TỊCH"])
def test_a_signers_title_on_the_noi_nhan_line_is_the_signature_columns(inline: str) -> None:
    # the two-column footer flattened onto the "Nơi nhận:" line, after a seal's debris by OCR
    doc = vanban.parse(_FLAT_FOOTER.format(inline=inline, below=""))
    assert (doc.signer_title, doc.signer_name) == ("CHỦ TỊCH", "Lê Hồng Vinh")
    assert doc.recipients == ["Như Điều 4", "Lưu VT, CN"]


def test_a_recipient_before_the_title_and_a_mandates_rest_on_the_noi_nhan_line() -> None:
    # a recipient stays one; the title after it is cut from it (as on any recipient's line)
    doc = vanban.parse(_FLAT_FOOTER.format(inline="Bộ Nội vụ; CHỦ TỊCH", below=""))
    assert doc.recipients[0] == "Bộ Nội vụ" and doc.signer_title == "CHỦ TỊCH"
    # "KT. THỦ TƯỚNG" read below: the "THỦ TƯỚNG" beside "Nơi nhận" is that mandate's rest, not
    # the signer's title — which is the deputy's, inferred from "KT."
    doc = vanban.parse(_FLAT_FOOTER.format(inline="THỦ TƯỚNG", below="KT. THỦ TƯỚNG\n\n"))
    assert (doc.on_behalf, doc.signer_title) == ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG")
    assert doc.inferred == ["signer_title"]


def test_a_signers_title_flattened_onto_a_recipients_line() -> None:
    # "- Như Điều 4, CHỦ TỊCH": the title is cut from the recipient and is the signature's
    doc = vanban.parse(
        _FLAT_FOOTER.format(inline="", below="").replace(
            "- Như Điều 4;\n", "- Như Điều 4, PHÓ CHỦ TỊCH\n"
        )
    )
    assert doc.recipients == ["Như Điều 4", "Lưu VT, CN"]
    assert (doc.signer_title, doc.signer_name) == ("PHÓ CHỦ TỊCH", "Lê Hồng Vinh")


@pytest.mark.parametrize(
    ("mandate", "title"),
    [
        ("KT. THỦ TƯỚNG", "PHÓ THỦ TƯỚNG"),
        ("KT. BỘ TRƯỞNG", "THỨ TRƯỞNG"),
        ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
        ("KT. TỔNG CỤC TRƯỞNG", "PHÓ TỔNG CỤC TRƯỞNG"),
    ],
)
def test_a_deputys_title_hidden_by_the_seal_follows_from_kt(mandate: str, title: str) -> None:
    # "KT." is signed by the head's deputy: the title line a seal hid is the deputy's title, given
    # as inferred (not printed, so no span)
    doc = vanban.parse(HEAD + f"Nơi nhận:\n- Lưu: VT.\n{mandate}\n\n\nHồ Văn Minh\n")
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == (mandate, title, "Hồ Văn Minh")
    assert doc.inferred == ["signer_title"]
    assert "signer_title" not in doc.spans
    assert doc.to_dict()["inferred"] == ["signer_title"]


@pytest.mark.parametrize(
    "mandate",
    # printed title, a collective body (T/M), a body after KT. rather than a head's title
    ["KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH THƯỜNG TRỰC", "T/M BAN THƯỜNG VỤ", "KT. ỦY BAN NHÂN DÂN"],
)
def test_no_title_is_inferred_where_the_text_gives_it_or_kt_names_no_head(mandate: str) -> None:
    doc = vanban.parse(HEAD + f"Nơi nhận:\n- Lưu: VT.\n{mandate}\n\n\nHồ Văn Minh\n")
    assert doc.inferred == []
    assert doc.signer_title in (None, "PHÓ CHỦ TỊCH THƯỜNG TRỰC")
