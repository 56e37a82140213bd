"""The receiving unit's drafts and the format check around the cascade: the inbox offers only
the types the unit may issue (Quy định 399-QĐ/TW Điều 11, 13 as reported), each draft is
format-clean under the rules of its date, and the "Gửi xuống" page shows the plan's own check."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document as DocxDocument

from tuyengiao.documents import services as library
from tuyengiao.plans import services
from tuyengiao.plans.models import CascadeRecipient
from tuyengiao.testing import docx_format_findings, logged_in_client, make_user

from .test_cascade import bloc_plan

pytestmark = pytest.mark.django_db


def test_inbox_offers_the_drafts_the_unit_may_issue_and_each_is_clean(
    tree: Any, client_as: Any
) -> None:
    plan = bloc_plan(tree)
    services.send_down(plan, tree.bloc, [tree.base1], timezone.localdate() + timedelta(days=5))
    client = client_as("coso1")
    page = client.get(reverse("plans:inbox")).content.decode()
    assert "Soạn kế hoạch thực hiện" in page and "Soạn công văn triển khai" in page
    mine = CascadeRecipient.objects.get(unit=tree.base1)
    url = reverse("plans:recipient_draft", kwargs={"recipient_pk": mine.pk})
    for slug, type_name in (("ke-hoach", "KẾ HOẠCH"), ("cong-van", None)):
        response = client.get(f"{url}?loai={slug}")
        assert response.status_code == 200
        doc = DocxDocument(io.BytesIO(response.content))
        left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
        # 36-HD/VPTW điểm 1.2.1 (carried into 05-HD): the superior đảng bộ over the committee
        assert left[:2] == ["ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", "ĐẢNG ỦY SỞ THÔNG TIN VÀ TRUYỀN THÔNG"]
        body = [p.text for p in doc.paragraphs]
        if type_name:
            assert type_name in body
        else:  # a công văn: "V/v …" under the number, no type line
            assert any(
                line.startswith("V/v triển khai thực hiện Kế hoạch số 45-KH/ĐUK") for line in left
            )
        assert docx_format_findings(response.content) == ("05-HD/VPTW", [])
    # a type outside the drafts (or one the unit may not issue) is not served
    assert client.get(f"{url}?loai=huong-dan").status_code == 404


def test_a_cell_gets_the_same_offer_under_the_chi_bo_row(tree: Any) -> None:
    """Chi bộ: kế hoạch and công văn are in the chi bộ row of the authority table."""
    plan = bloc_plan(tree)
    services.send_down(plan, tree.bloc, [tree.cell1], timezone.localdate() + timedelta(days=5))
    client = logged_in_client(make_user("chibo1", tree.cell1))
    page = client.get(reverse("plans:inbox")).content.decode()
    assert page.count("?loai=") == 2
    recipient = CascadeRecipient.objects.get(unit=tree.cell1)
    response = client.get(
        reverse("plans:recipient_draft", kwargs={"recipient_pk": recipient.pk}) + "?loai=ke-hoach"
    )
    doc = DocxDocument(io.BytesIO(response.content))
    left = [p.text for p in doc.tables[0].rows[0].cells[0].paragraphs]
    assert left[:2] == ["ĐẢNG BỘ SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "CHI BỘ VĂN PHÒNG SỞ TTTT"]
    signature = doc.tables[-1].rows[0].cells[1].text
    assert signature.startswith("T/M CHI BỘ\nBÍ THƯ")
    assert docx_format_findings(response.content) == ("05-HD/VPTW", [])


def test_send_down_page_shows_the_plan_documents_format_check(tree: Any) -> None:
    text = (
        "ĐẢNG BỘ TỈNH BÌNH AN\nĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH\n*\nSố: 46-KH/ĐUK\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nBình An, ngày 02 tháng 10 năm 2026\n\nKẾ HOẠCH\n"
        "tuyên truyền năm 2027\n\nI. NHIỆM VỤ\n\n1. Tổ chức học tập nghị quyết.\n\n"
        "Nơi nhận:\n- Các đảng bộ cơ sở,\n- Lưu Văn phòng.\n\nT/M BAN THƯỜNG VỤ\nBÍ THƯ\n"
    )
    khoi = make_user("khoi2", tree.bloc)
    read, parsed = library.read_and_parse(text.encode(), "46-kh-duk.txt")
    document = library.create_document(
        tree.bloc, khoi, "46-kh-duk.txt", text.encode(), text=read, parsed=parsed
    )
    plan = bloc_plan(tree, "46-KH/ĐUK")
    plan.document = document
    plan.save()
    client = logged_in_client(khoi)
    page = client.get(reverse("plans:plan_send", kwargs={"plan_pk": plan.pk})).content.decode()
    assert "Kiểm tra thể thức" in page
    assert "Văn bản của Đảng không dùng &#x27;Số:&#x27; có dấu hai chấm" in page
    assert "Gửi xuống" in page  # a warning: the form is still there
