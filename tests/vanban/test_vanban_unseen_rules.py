"""Rules found on ten signed letters and decisions of 2025–2026 parsed unseen (issue 24: the
ministries' and a province's offices), each checked on a small text of the same shape."""

from __future__ import annotations

import vanban

# A ministry's letter as a PDF's text layer gives it: the left header column first (number,
# subject, "Kính gửi:"), then the motto and the date line of the right column, then the
# addressees and the body.
FLAT_LETTER = (
    "BỘ A\n\nSố: 12 /BA-B\nV/v góp ý dự thảo\nKính gửi:\n\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    "Hà Nội, ngày 18 tháng 9 năm 2025\n\n"
    "- Các bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân các tỉnh.\n\n{opening}\n\n"
    "Đề nghị các cơ quan góp ý.\n\n"
    "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n\nKT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn B\n"
)


def test_the_opening_is_found_after_a_header_the_pdf_put_below_the_salutation() -> None:
    """The motto, the date line and "Kính gửi:" that a flattened header puts at the top of the
    body are no paragraphs of it: the opening "Thực hiện …" sentence comes after six lines."""
    opening = "Thực hiện Quyết định số 145/QĐ-BA ngày 03/3/2025 của Bộ A ban hành Kế hoạch sơ kết."
    doc = vanban.parse(FLAT_LETTER.format(opening=opening))
    assert doc.implements == ["145/QĐ-BA"]
    assert doc.date == "2025-09-18"
    # a sentence that is no opening still carries out nothing
    doc = vanban.parse(FLAT_LETTER.format(opening="Bộ A nhận được Quyết định số 145/QĐ-BA."))
    assert doc.implements == []


def test_an_opening_list_of_documents_cut_after_a_semicolon_goes_on() -> None:
    """The first document's subject holds a ";" of its own and ends with one; a line break
    follows, and the next line names the next documents by type and number: all are carried
    out. A subject that carries out a document it cites still keeps the next ones out."""
    opening = (
        "Triển khai thực hiện Quyết định số 145/QĐ-BA ngày 03/3/2025 của Bộ A về việc ban hành"
        " Kế hoạch sơ kết 05 năm thực hiện Chương trình tổng thể giai đoạn 2021 - 2030; đề xuất"
        " nhiệm vụ giai đoạn 2026 - 2030;\nCông văn số 336/BA-B ngày 13/3/2025 và Công văn số"
        " 376/BA-B ngày 18/3/2025, trong thời gian vừa qua, Bộ A đã tổng hợp báo cáo."
    )
    doc = vanban.parse(FLAT_LETTER.format(opening=opening))
    assert doc.implements == ["145/QĐ-BA", "336/BA-B", "376/BA-B"]
    opening = (
        "Thực hiện Kế hoạch số 160-KH/TU ngày 15/01/2024 của Tỉnh ủy về thực hiện Nghị quyết"
        " số 45-NQ/TW ngày 24/11/2023 của Ban Chấp hành Trung ương; Kế hoạch số 7-KH/TU ngày"
        " 02/02/2024 của Tỉnh ủy, Bộ A xây dựng kế hoạch."
    )
    doc = vanban.parse(FLAT_LETTER.format(opening=opening))
    # (its subject cites 45-NQ/TW: what follows is read as that subject's, as before)
    assert doc.implements == ["160-KH/TU"]
    # a paragraph after the ";" that opens on no cited document is a new paragraph
    opening = (
        "Thực hiện Quyết định số 145/QĐ-BA ngày 03/3/2025 của Bộ A về việc ban hành Kế hoạch;"
        "\nCăn cứ Công văn số 336/BA-B ngày 13/3/2025, Bộ A đã tổng hợp."
    )
    assert vanban.parse(FLAT_LETTER.format(opening=opening)).implements == ["145/QĐ-BA"]


def test_a_cited_issuer_ends_before_the_salutation_and_before_chua() -> None:
    """ "Kính gửi" on the line after a subject that cites a document, and an aspect word before
    a verb ("chưa quy định"), end the issuer's name."""
    text = (
        "BỘ A\n\nSố: 12 /BA-B\nV/v cập nhật số liệu thực hiện Nghị quyết số 76/NQ-CP của Chính"
        " phủ\nKính gửi: Các bộ\n\nHà Nội, ngày 18 tháng 9 năm 2025\n\n"
        "Các văn bản như Thông tư số 05/2020/TT-BTP ngày 28/8/2020 của Bộ trưởng Bộ Tư pháp chưa"
        " quy định cụ thể.\n"
    )
    refs = [(r.number, r.issuer) for r in vanban.parse(text).references]
    assert refs == [("76/NQ-CP", "Chính phủ"), ("05/2020/TT-BTP", "Bộ trưởng Bộ Tư pháp")]


def test_a_recipient_wrapped_before_its_bracketed_end() -> None:
    """A recipient whose line ends without ";" goes on in the next line even when that line
    opens with a bracket; after a closed item the bracketed line is not joined to it."""
    footer = (
        "Nơi nhận:\n- Như trên;\n- Các đơn vị thuộc Bộ A\n(để cập nhật số liệu);\n- Lưu: VT.\n\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n\nNguyễn Văn B\n"
    )
    doc = vanban.parse(FLAT_LETTER.split("Nơi nhận:")[0].format(opening="") + footer)
    assert doc.recipients == [
        "Như trên",
        "Các đơn vị thuộc Bộ A (để cập nhật số liệu)",
        "Lưu: VT",
    ]
    footer = footer.replace("Bộ A\n(", "Bộ A;\n(")
    doc = vanban.parse(FLAT_LETTER.split("Nơi nhận:")[0].format(opening="") + footer)
    assert "Các đơn vị thuộc Bộ A" in doc.recipients


def test_a_stray_small_letter_before_the_signers_name() -> None:
    """A stroke of the drawn signature given by the text layer as one small letter before the
    name ("ơ Nguyễn Đức Vũ") is not part of it; a name still needs its capitals."""
    base = FLAT_LETTER.format(opening="Đề nghị góp ý.")
    doc = vanban.parse(base.replace("\nNguyễn Văn B\n", "\nơ Nguyễn Văn B\n"))
    assert doc.signer_name == "Nguyễn Văn B"
    doc = vanban.parse(base.replace("\nNguyễn Văn B\n", "\nơ nguyễn văn b\n"))
    assert doc.signer_name is None


def test_a_news_headline_closed_by_a_full_stop_above_a_day_told_lead() -> None:
    """A site may print its headline with a full stop: one short sentence right above the lead
    that opens on the day told is the headline. A lead first (no headline kept) and a first
    line of two sentences stay without a headline."""
    lead = (
        "Ngày 03/02/2025, Phường A tổ chức kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam,"
        " đồng thời tổ chức họp giao ban đầu năm nhằm đánh giá tình hình trước và sau Tết.\n"
        "Hội nghị có sự tham dự của lãnh đạo Đảng ủy, HĐND, UBND phường và các ban, ngành,"
        " đoàn thể; cán bộ, công chức phường.\n"
    )
    headline = "Phường A tổ chức kỷ niệm 95 năm ngày thành lập Đảng và họp giao ban đầu năm 2025.\n"
    doc = vanban.parse(headline + lead)
    assert doc.doc_type == "Tin bài"
    assert doc.title == headline.strip()
    assert not vanban.parse(lead).title
    two = "Phường A họp giao ban. Phường A tổ chức kỷ niệm 95 năm ngày thành lập Đảng.\n"
    assert not vanban.parse(two + lead).title


def test_grounds_after_the_first_documents_subject_are_not_carried_out() -> None:
    """ "Thực hiện A … về <subject>, căn cứ quy định tại Luật …, Quyết định số B …": "căn cứ"
    opens the grounds, and the documents after it are cited, not carried out."""
    opening = (
        "Thực hiện Nghị quyết số 202/2025/QH15 ngày 12/06/2025 của Quốc hội về việc sắp xếp đơn"
        " vị hành chính cấp tỉnh, căn cứ quy định tại Luật Luật sư năm 2006, được sửa đổi, bổ"
        " sung năm 2012, Quyết định số 856/QĐ-TTg ngày 19/7/2022 của Thủ tướng Chính phủ, Công"
        " văn số 358/LĐLSVN-BTV ngày 16/7/2025 của Liên Đoàn Luật sư Việt Nam và các văn bản"
        " khác có liên quan."
    )
    doc = vanban.parse(FLAT_LETTER.format(opening=opening))
    assert doc.implements == ["202/2025/QH15"]
    assert [r.number for r in doc.references][:3] == [
        "202/2025/QH15",
        "856/QĐ-TTg",
        "358/LĐLSVN-BTV",
    ]
    # without the grounds, a list after the subject is carried out as before
    doc = vanban.parse(FLAT_LETTER.format(opening=opening.replace("căn cứ quy định tại", "và")))
    assert "856/QĐ-TTg" in doc.implements


def test_a_numbered_point_names_no_issuer() -> None:
    """A numbered point of the body ("1. Góp ý dự thảo các Quyết định: …") is no sentence in
    which the issuing body names itself, though it reads "… Quyết định:" as one does."""
    opening = (
        "Nội dung góp ý như sau:\n\n"
        "1. Góp ý dự thảo các Quyết định: (1) Quyết định thành lập Tổ giúp việc."
    )
    text = FLAT_LETTER.format(opening=opening)
    doc = vanban.parse(
        text.replace("\n- Các bộ, cơ quan ngang bộ;\n- Ủy ban nhân dân các tỉnh.", "")
    )
    assert doc.issuer == "BỘ A"
