"""In Chromium: the bloc builds the month's bulletin from its parts and issues it; its .docx
converts to PDF with LibreOffice with the party header right; a cell officer, on a phone, opens it
from the notification."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.activities.testing import make_activity
from tuyengiao.events.models import Bulletin
from tuyengiao.testing import SOFFICE, Tree, convert_to_pdf, login, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _pdf_text(docx: Path) -> str:
    from pypdf import PdfReader

    (pdf,) = convert_to_pdf(docx)
    reader = PdfReader(str(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_bulletin_built_issued_exported_and_opened_from_the_notice_on_a_phone(
    browser_page: Any,
    phone_page: Any,
    live_server: Any,
    tree: Tree,
    users: dict[str, User],
    tmp_path: Path,
) -> None:
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot convert the bulletin to PDF")
    today = timezone.localdate()
    make_activity(tree.base1, topic="Nói chuyện chuyên đề về biển đảo", reached=300)
    cell_officer = make_user("chibo1", tree.cell1, Role.OFFICER)

    page = browser_page
    login(page, live_server, users["khoi"], next_path="/lich/thong-tin/")
    page.fill("input[name=thang]", f"{today.month:02d}/{today.year}")
    page.get_by_role("button", name="Lập thông tin tháng từ lịch").click()
    page.get_by_text("Nói chuyện chuyên đề về biển đảo").first.wait_for()
    page.get_by_role("button", name="Phát hành xuống cấp dưới").click()
    page.wait_for_load_state()
    bulletin = Bulletin.objects.get(unit=tree.bloc)
    assert bulletin.published_down and bulletin.number == 1

    with page.expect_download() as info:
        page.get_by_role("link", name="Tải tệp Word (.docx)").click()
    docx = tmp_path / "thong-tin.docx"
    info.value.save_as(docx)
    text = _pdf_text(docx)
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "ĐẢNG ỦY KHỐI CÁC CƠ QUAN TỈNH" in text
    assert "Số 1-HD/" in text and "HƯỚNG DẪN" in text
    assert f"định hướng nội dung sinh hoạt chi bộ tháng {today.month} năm {today.year}" in text
    assert "HOẠT ĐỘNG TUYÊN TRUYỀN TIÊU BIỂU" in text

    phone = phone_page
    login(phone, live_server, cell_officer, next_path="/thong-bao/")
    notice = phone.get_by_role("button", name=f"Thông tin sinh hoạt chi bộ tháng {today.month:02d}")
    notice.first.click()
    phone.wait_for_load_state()
    assert f"/lich/thong-tin/{bulletin.pk}/" in phone.url
    phone.get_by_text("Nói chuyện chuyên đề về biển đảo").first.wait_for()
