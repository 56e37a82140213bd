"""In Chromium on a phone: the bloc edits a part of its bulletin in the rich-text editor — the
plain text written before the editor opens as paragraphs, a sentence typed in bold is saved as
<strong> and shown so — with nothing blocked by the Content-Security-Policy."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.events.models import BulletinItem
from tuyengiao.events.services import bulletins
from tuyengiao.testing import Tree, docs_screenshot, login, watch_csp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_part_is_edited_in_bold_on_a_phone_under_the_csp(
    phone_page: Any, live_server: Any, tree: Tree, users: dict[str, User]
) -> None:
    today = timezone.localdate()
    bulletin, _ = bulletins.assemble(tree.bloc, users["khoi"], today.year, today.month)
    item = bulletins.add_item(
        bulletin, "Kết quả sinh hoạt chi bộ", "Đoạn viết trước khi có trình soạn thảo.\n\nĐoạn hai."
    )
    page = phone_page
    violations = watch_csp(page)
    edit = reverse("events:bulletin_item_edit", kwargs={"bulletin_item_pk": item.pk})
    login(page, live_server, users["khoi"], next_path=edit)

    editor = page.locator(".prose-editor .ProseMirror[contenteditable=true]")
    editor.wait_for()
    assert editor.locator("p").all_inner_texts() == [
        "Đoạn viết trước khi có trình soạn thảo.",
        "Đoạn hai.",
    ]
    assert page.locator("textarea[name=body]").is_hidden()  # the editor took its place
    bold = page.locator('.prose-menubar button[title="Chữ đậm"]')
    assert bold.is_visible()
    # The caret at the end of the last paragraph. A click there is not enough on a loaded
    # machine: ProseMirror puts its own selection back into the page 20 ms after it gains focus,
    # which came after the click's caret once and sent the typing to the first paragraph. So the
    # editor's own command (Tiptap keeps the editor on its DOM node) puts it at the end, and the
    # test waits until the editor's state, not only the page, holds it there.
    editor.locator("p").last.click()
    editor.evaluate("(node) => node.editor.commands.focus('end')")
    page.wait_for_function(
        """() => {
            const e = document.querySelector('.prose-editor .ProseMirror[contenteditable=true]').editor;
            const at = e.state.selection;
            return e.isFocused && at.empty && at.from === e.state.doc.content.size - 1
                && window.getSelection().anchorNode?.textContent?.startsWith('Đoạn hai');
        }"""
    )
    page.keyboard.press("Enter")
    bold.click()
    page.keyboard.type("Chi bộ họp đúng kỳ")
    assert editor.locator("strong").inner_text() == "Chi bộ họp đúng kỳ"
    docs_screenshot(page, "lich-thong-tin-soan-thao")
    assert violations() == []

    page.get_by_role("button", name="Lưu mục").click()
    page.wait_for_url(f"**/lich/thong-tin/{bulletin.pk}/")
    shown = page.locator(".bulletin-item", has_text="Kết quả sinh hoạt chi bộ")
    assert shown.locator(".richtext strong").inner_text() == "Chi bộ họp đúng kỳ"
    assert shown.locator(".richtext p").count() == 3
    body = BulletinItem.objects.get(pk=item.pk).body
    assert "<p>Đoạn hai.</p><p><strong>Chi bộ họp đúng kỳ</strong></p>" in body
    assert violations() == []
