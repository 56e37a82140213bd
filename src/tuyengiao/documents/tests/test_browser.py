"""Browser: upload → review → save → search without accents → open → follow "cited by"."""

from __future__ import annotations

import pytest

from tuyengiao.documents import services
from tuyengiao.documents.models import Document
from tuyengiao.testing import docs_screenshot, login

from .test_upload import SAMPLE

NQ35 = """BAN CHẤP HÀNH TRUNG ƯƠNG
Số 35-NQ/TW
Hà Nội, ngày 22 tháng 10 năm 2018
NGHỊ QUYẾT
Về tăng cường bảo vệ nền tảng tư tưởng của Đảng
I. TÌNH HÌNH
1. Công tác bảo vệ nền tảng tư tưởng đạt nhiều kết quả.
T/M BỘ CHÍNH TRỊ
TỔNG BÍ THƯ
Nguyễn Phú Trọng
"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_upload_review_search_and_follow_cited_by(browser_page, live_server, tree, users, tmp_path):
    text, parsed = services.read_and_parse(NQ35.encode(), "nq35.txt")
    services.create_document(
        tree.province,
        None,
        "nq35.txt",
        NQ35.encode(),
        text=text,
        parsed=parsed,
        visible_to_all=True,
    )
    page = browser_page
    login(page, live_server, users["coso1"], next_path="/tai-lieu/tai-len/")
    upload = tmp_path / "ke-hoach-40.txt"
    upload.write_text(SAMPLE, encoding="utf-8")
    page.set_input_files("input[type=file]", str(upload))
    docs_screenshot(page, "thu-vien-tai-len")
    page.click("#upload-form button[type=submit]")
    page.wait_for_url("**/cho-duyet/*/")
    assert page.locator('.doctext mark[data-field="number"]').inner_text() == "40-KH/TU"
    assert page.input_value("input[name=number]") == "40-KH/TU"
    docs_screenshot(page, "thu-vien-duyet")
    # the format check warns (the 2019 plan has no "ĐẢNG CỘNG SẢN VIỆT NAM" line: 36-HD/VPTW
    # điểm 1.1) and refuses nothing: the plan is saved below
    check = page.locator(".format-check")
    assert "Thiếu dòng 'ĐẢNG CỘNG SẢN VIỆT NAM'" in check.inner_text()
    assert "Hướng dẫn 36-HD/VPTW" in check.inner_text()
    check.scroll_into_view_if_needed()
    docs_screenshot(page, "thu-vien-kiem-tra-the-thuc")
    page.fill("textarea[name=title]", "Kế hoạch thực hiện Nghị quyết 35 của Bộ Chính trị")
    page.click("button[name=save]")
    page.wait_for_url("**/tai-lieu/*/")
    plan = Document.objects.get(number="40-KH/TU")
    assert plan.title == "Kế hoạch thực hiện Nghị quyết 35 của Bộ Chính trị"
    assert page.locator("h1").inner_text().strip() == "Kế hoạch 40-KH/TU"
    # search without accents
    page.goto(f"{live_server.url}/tai-lieu/")
    page.fill("input[name=q]", "nghi quyet 35")
    page.click(".filters button[type=submit]")
    first = page.locator(".search-results li").first
    assert "35-NQ/TW" in first.inner_text()
    assert first.locator("mark").count() > 0
    docs_screenshot(page, "thu-vien-tim-kiem")
    first.locator("a").first.click()
    page.wait_for_url("**/tai-lieu/*/")
    assert "35-NQ/TW" in page.locator("h1").inner_text()
    docs_screenshot(page, "thu-vien-van-ban")
    # follow "cited by" to the plan just uploaded
    page.locator("#cited-by a", has_text="40-KH/TU").click()
    page.wait_for_url(f"**/tai-lieu/{plan.pk}/")
    assert "40-KH/TU" in page.locator("h1").inner_text()
