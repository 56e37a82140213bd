"""The main job on a phone: an officer records an activity with a photo in a few taps."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tuyengiao.activities.models import Activity, ActivityKind
from tuyengiao.activities.testing import PNG
from tuyengiao.testing import docs_screenshot, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_officer_records_an_activity_with_a_photo_on_a_phone(
    phone_page: Any, live_server: Any, tree: Any, users: Any, tmp_path: Path
) -> None:
    photo = tmp_path / "hoi-nghi.png"
    photo.write_bytes(PNG)
    page = phone_page
    login(page, live_server, users["coso1"], next_path="/hoat-dong/")
    page.goto(f"{live_server.url}/hoat-dong/")
    page.click("#record")  # 1 tap: "+ Ghi hoạt động"
    page.wait_for_load_state()
    # big inputs on a phone: a thumb hits them
    box = page.locator("#id_topic").bounding_box()
    assert box is not None and box["height"] >= 40 and box["width"] >= 300
    talk = ActivityKind.objects.get(name="Nói chuyện chuyên đề")
    page.select_option("#id_kind", str(talk.pk))  # 2
    page.fill("#id_topic", "Kỷ niệm 80 năm Quốc khánh 2/9")  # 3
    page.fill("#id_place", "Hội trường Sở")  # 4 (the date is already today)
    page.fill("#id_reached", "85")  # 5
    page.set_input_files("#id_evidence", str(photo))  # 6: the photo
    docs_screenshot(page, "hoat-dong-ghi")
    page.click("#activity-form button[type=submit]")  # 7: "Ghi vào sổ"
    page.wait_for_load_state()
    assert "Đã ghi hoạt động vào sổ." in page.content()
    activity = Activity.objects.get()
    assert (activity.unit, activity.kind, activity.reached) == (tree.base1, talk, 85)
    assert activity.created_by == users["coso1"]
    assert page.locator("#reached").inner_text() == "85"
    image = page.locator(".activity-evidence img")
    assert image.count() == 1
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 1
    # the roll-up of the base shows it, with its chart
    page.goto(f"{live_server.url}/hoat-dong/tong-hop/")
    assert page.locator("#total-count").inner_text() == "1"
    assert page.locator("svg.activities-chart").count() >= 2
    docs_screenshot(page, "hoat-dong-tong-hop")
