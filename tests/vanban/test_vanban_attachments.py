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


def test_an_appendix_ends_a_signature_block_without_the_signers_name() -> None:
    # the name was lost (under the seal in a scan, or drawn as an image by the signing system):
    # the block still ends where the appendix opens, and the appendix's table is not the
    # signature nor the document's text
    signed = DOC.split("\nTrần Văn Nam")[0]
    appendix = (
        "\n\nPhụ lục 1\nCÁC CHỈ TIÊU CHỦ YẾU\n"
        "(Kèm theo Kế hoạch số 20-KH/ĐU ngày 10/3/2025 của Đảng ủy xã)\n"
        "STT Chỉ tiêu Cơ quan theo dõi\n1. Tỉ lệ đoàn viên được học tập 100% Đoàn xã\n"
        "Theo Quyết định số 12-QĐ/ĐU ngày 02/01/2025.\nĐảng uỷ\nBộ Nông nghiệp\n"
    )
    doc = vanban.parse(signed + appendix)
    assert [a.title for a in doc.attachments] == ["Phụ lục 1"]
    assert (doc.on_behalf, doc.signer_title, doc.signer_name) == ("T/M ĐẢNG ỦY", "BÍ THƯ", None)
    assert doc.references == []
    # a "(Kèm theo …)" line alone opens the attachment too
    doc = vanban.parse(signed + appendix.replace("Phụ lục 1\n", ""))
    assert [a.title[:9] for a in doc.attachments] == ["(Kèm theo"]
    assert doc.on_behalf == "T/M ĐẢNG ỦY" and doc.references == []


def test_a_signature_block_without_a_name_keeps_lines_that_open_no_appendix() -> None:
    # "Phụ lục" inside a sentence, or a recipient's bracket, ends nothing
    signed = DOC.split("\nTrần Văn Nam")[0]
    doc = vanban.parse(signed + "\n\nPhụ lục kèm theo được gửi sau.\n")
    assert doc.attachments == [] and doc.signer_title == "BÍ THƯ"


def test_a_second_document_with_its_own_recipients_follows_the_letter() -> None:
    # a letter that sends a draft decision: the draft's header, signature and "Nơi nhận" come
    # after the letter's own (on later pages, past the lines a header is looked for in); the
    # letter ends at its signature
    text = (
        "UBND TỈNH LÂM ĐỒNG\nVĂN PHÒNG\nSố: 1376 /VP-NC\nV/v xin ý kiến thành viên UBND tỉnh\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Lâm Đồng, ngày 06 tháng 4 năm 2026\n\nKính gửi: Các đồng chí Thành viên UBND tỉnh\n\n"
        "Văn phòng nhận được Tờ trình số 85/TTr-STP ngày 03/4/2026 của Sở Tư pháp.\n\n"
        + "Kính đề nghị các đồng chí tham gia ý kiến đối với dự thảo.\n\n"
        * 30
        + "Nơi nhận:\n- Như trên;\n- Lưu: VT, NC.\n\nCHÁNH VĂN PHÒNG\n\nĐỗ Tấn Sương\n\n"
        "ỦY BAN NHÂN DÂN\nTỈNH LÂM ĐỒNG\nSố:          /QĐ-UBND\n\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUYẾT ĐỊNH\n"
        "Về việc phê duyệt Đề án\n\nCăn cứ Nghị định số 123/2013/NĐ-CP ngày 14/10/2013 của "
        "Chính phủ;\n\nĐiều 1. Phê duyệt Đề án.\n\nNơi nhận:\n- Như Điều 5;\n- Bộ Tư pháp;\n"
        "- Lưu: VT, NC.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nHồ Văn Mười\n"
    )
    doc = vanban.parse(text)
    assert (doc.signer_name, doc.signer_title, doc.on_behalf) == (
        "Đỗ Tấn Sương",
        "CHÁNH VĂN PHÒNG",
        None,
    )
    assert doc.recipients == ["Như trên", "Lưu: VT, NC"]
    assert [r.number for r in doc.references] == ["85/TTr-STP"]
    assert [a.title for a in doc.attachments] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    # one motto only (the letter's): the last "Nơi nhận" is the document's, as before
    alone = text[: text.index("ỦY BAN NHÂN DÂN\nTỈNH")]
    assert vanban.parse(alone).recipients == ["Như trên", "Lưu: VT, NC"]
