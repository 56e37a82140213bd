"""Kiểm tra thể thức on the screens: the review screen of an upload and the document page list
each departure in Vietnamese with the rule it breaks and where, including the .docx layout; a
document issued by another body is never refused. Expectations from the rules (cited):

* 36-HD/VPTW điểm 1.3 as carried into 05-HD/VPTW: a party "Số" takes no colon;
* 36-HD/VPTW điểm 1.7.1 (read): a cấp ủy signs "T/M", never "K/T";
* 05-HD/VPTW layout (reported): margins 20(-25)/20(-25)/30(-35)/15 mm, Times New Roman.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from docx import Document as DocxDocument
from docx.shared import Mm, Pt

from tuyengiao.core.official_docx import start
from tuyengiao.documents.models import Document, UploadDraft
from tuyengiao.orgs.letterhead import letterhead_for

pytestmark = pytest.mark.django_db

OTHER_BODY = [
    "ĐẢNG BỘ TỈNH BÌNH AN",
    "ĐẢNG ỦY XÃ TÂN LẬP",
    "*",
    "Số: 07-KH/ĐU",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Tân Lập, ngày 10 tháng 9 năm 2026",
    "KẾ HOẠCH",
    "tuyên truyền kỷ niệm Quốc khánh",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao nhận thức của cán bộ, đảng viên.",
    "II. NỘI DUNG",
    "1. Tuyên truyền trên loa truyền thanh.",
    "Nơi nhận:",
    "- Ban Thường vụ Tỉnh ủy,",
    "- Lưu Văn phòng.",
    "K/T ĐẢNG ỦY",
    "BÍ THƯ",
    "Nguyễn Văn An",
]


def _other_body_docx() -> bytes:
    """A plan of another body with three departures and a foreign layout."""
    doc = DocxDocument()
    section = doc.sections[0]
    section.left_margin = Mm(20)
    for line in OTHER_BODY:
        run = doc.add_paragraph().add_run(line)
        run.font.name = "Arial"
        run.font.size = Pt(14)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _upload(client: Any, unit: Any, name: str, data: bytes) -> UploadDraft:
    response = client.post(
        "/tai-lieu/tai-len/", {"tep": SimpleUploadedFile(name, data), "unit": unit.pk}
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return UploadDraft.objects.get(filename=name)


def test_review_screen_lists_departures_and_saving_is_not_refused(
    client_as: Any, tree: Any
) -> None:
    client = client_as("coso1")
    draft = _upload(client, tree.base1, "kh-07.docx", _other_body_docx())
    assert draft.parsed["rule_set"] == "05-HD/VPTW"
    rules = {f["rule"] for f in draft.parsed["format_findings"]}
    assert {
        "05-HD/VPTW:so-ky-hieu",  # "Số:" with a colon
        "05-HD/VPTW:ky-thay-mat",  # K/T by a cấp ủy
        "05-HD/VPTW:le-trang",  # left margin 20 mm
        "05-HD/VPTW:phong-chu",  # Arial
    } <= rules
    page = client.get(f"/tai-lieu/cho-duyet/{draft.pk}/").content.decode()
    assert "Kiểm tra thể thức" in page and "Hướng dẫn 05-HD/VPTW" in page
    assert "Văn bản của Đảng không dùng &#x27;Số:&#x27; có dấu hai chấm" in page
    assert "Cấp ủy ký thay mặt tập thể" in page and "Lề trái 20 mm" in page
    assert "Phông chữ Arial" in page and "Dòng 4" in page
    assert "chưa đối chiếu được nguyên văn" in page  # 05-HD's own text was not read
    assert "Chỉ là cảnh báo" in page
    form = {
        k: draft.parsed.get(k) or ""
        for k in ("number", "doc_type", "issuer", "place", "title", "signer_title", "on_behalf")
    }
    form["date"] = "10/09/2026"
    response = client.post(f"/tai-lieu/cho-duyet/{draft.pk}/", form)
    document = Document.objects.get()
    assert response.status_code == 302  # a warning never refuses the document
    detail = client.get(f"/tai-lieu/{document.pk}/").content.decode()
    assert "Kiểm tra thể thức" in detail and "Lề trái 20 mm" in detail


def test_a_draft_of_the_product_passes_the_check_on_the_review_screen(
    client_as: Any, tree: Any
) -> None:
    draft_doc = start(
        letterhead_for(tree.base1), "Kế hoạch", "tuyên truyền năm 2027", date(2026, 12, 3)
    )
    draft_doc.heading("I. MỤC ĐÍCH, YÊU CẦU")
    draft_doc.paragraph("1. Quán triệt đến cán bộ, đảng viên.")
    data = draft_doc.finish(["Ban Thường vụ Đảng ủy Khối (để báo cáo)", "Lưu Đảng ủy"])
    client = client_as("coso1")
    draft = _upload(client, tree.base1, "du-thao.docx", data)
    assert draft.parsed["rule_set"] == "05-HD/VPTW" and draft.parsed["format_findings"] == []
    page = client.get(f"/tai-lieu/cho-duyet/{draft.pk}/").content.decode()
    assert "Không phát hiện sai sót thể thức" in page


def test_undated_or_old_documents_get_no_check_section(client_as: Any, tree: Any) -> None:
    old = "\n".join(OTHER_BODY).replace("năm 2026", "năm 2015")
    client = client_as("coso1")
    draft = _upload(client, tree.base1, "cu.txt", old.encode())
    assert draft.parsed["rule_set"] is None
    assert (
        "Kiểm tra thể thức" not in client.get(f"/tai-lieu/cho-duyet/{draft.pk}/").content.decode()
    )
