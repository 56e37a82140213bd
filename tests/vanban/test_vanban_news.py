"""News pages: the site's section name above the headline, a date glued to the headline, and the
body's opening "Thực hiện …" sentence."""

from __future__ import annotations

import vanban

BODY = (
    "Thực hiện Hướng dẫn số 96-HD/BTGTW ngày 22/02/2023 của Ban Tuyên giáo Trung ương "
    "tuyên truyền kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân.\n\nBBT\n"
)


def test_section_name_is_not_the_title() -> None:
    doc = vanban.parse(
        "Tuyên truyền\n\nKỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân\n\n03/03/2023 17:11\n\n"
        + BODY
    )
    assert doc.doc_type == "Tin bài"
    assert doc.title == "Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân"
    assert doc.date == "2023-03-03"
    assert doc.implements == ["96-HD/BTGTW"]
    assert doc.issuer is None and doc.signer_name is None


def test_date_glued_to_the_headline() -> None:
    doc = vanban.parse("Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân03/03/2023 17:11\n" + BODY)
    assert doc.title == "Kỷ niệm 110 năm Ngày sinh đồng chí Chu Huy Mân"
    assert doc.date == "2023-03-03"
