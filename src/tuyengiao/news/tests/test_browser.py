"""The main job in a browser: an officer drafts an item with a picture in the rich-text editor, the
bloc's administrator publishes it, and the public page (no sign-in) shows it, formatting kept,
with its Open Graph tags — nothing blocked by the Content-Security-Policy on the way."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tuyengiao.activities.testing import PNG
from tuyengiao.news.models import NewsItem, Status
from tuyengiao.news.testing import make_page
from tuyengiao.testing import docs_screenshot, log_out_browser, login, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_draft_publish_and_read_on_the_public_page(
    browser_page: Any, live_server: Any, tree: Any, users: Any, tmp_path: Path
) -> None:
    photo = tmp_path / "trien-lam.png"
    photo.write_bytes(PNG)
    news_page = make_page(tree.base1)
    page = browser_page
    violations = watch_csp(page)
    login(page, live_server, users["coso1"], next_path="/tin/quan-ly/")
    page.goto(f"{live_server.url}/tin/quan-ly/them/")
    page.fill("#id_title", "Triển lãm ảnh biển đảo")
    page.fill("#id_summary", "Mở cửa đến hết tuần")
    page.click(".prose-editor .ProseMirror[contenteditable=true]")
    page.keyboard.type("Đoạn một.")
    page.keyboard.press("Enter")
    page.click('.prose-menubar button[title="Chữ đậm"]')
    page.keyboard.type("Đoạn hai.")
    page.set_input_files("#id_picture_upload", str(photo))
    docs_screenshot(page, "tin-tuc-viet")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    assert "Đã lưu bản nháp" in page.content()
    item = NewsItem.objects.get()
    assert item.status == Status.DRAFT
    assert item.body == "<p>Đoạn một.</p><p><strong>Đoạn hai.</strong></p>"
    assert violations() == []
    assert page.locator("button", has_text="Đăng tin").count() == 0  # an officer cannot publish
    public_url = f"{live_server.url}/tin/{news_page.slug}/"
    log_out_browser(page)
    page.goto(public_url)
    assert "Triển lãm ảnh biển đảo" not in page.content()  # a draft is never public
    login(page, live_server, users["khoi"], next_path=f"/tin/quan-ly/{item.pk}/")
    page.goto(f"{live_server.url}/tin/quan-ly/{item.pk}/")
    page.click("button:has-text('Đăng tin')")
    page.wait_for_load_state()
    assert "Đã đăng tin." in page.content()
    log_out_browser(page)
    page.goto(public_url)
    page.click("text=Triển lãm ảnh biển đảo")
    page.wait_for_load_state()
    og = page.locator('meta[property="og:image"]').get_attribute("content")
    assert og is not None and og.endswith(f"/tin/{news_page.slug}/{item.pk}/anh/")
    image = page.locator("img.news-picture")
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 1
    assert page.locator(".news-body strong").inner_text() == "Đoạn hai."
    docs_screenshot(page, "tin-tuc-cong-khai")
    assert violations() == []
