"""The main job in a browser: a base proposes a model with a photo on a phone, the bloc recognises
it, and it is found in the library by a search typed without accents."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tuyengiao.activities.testing import PNG
from tuyengiao.exemplars.models import Exemplar, Sector, Status
from tuyengiao.exemplars.sectors import seed_sectors
from tuyengiao.testing import docs_screenshot, log_out_browser, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_base_proposes_on_a_phone_and_the_bloc_recognises(
    phone_page: Any, live_server: Any, tree: Any, users: Any, tmp_path: Path
) -> None:
    seed_sectors()
    photo = tmp_path / "sinh-hoat.png"
    photo.write_bytes(PNG)
    page = phone_page
    login(page, live_server, users["coso1"], next_path="/dien-hinh/")
    page.goto(f"{live_server.url}/dien-hinh/")
    page.click("#propose")
    page.wait_for_load_state()
    sector = Sector.objects.get(name="Dân vận khéo")
    page.fill("#id_title", "Dân vận khéo ở bộ phận một cửa")
    page.select_option("#id_sector", str(sector.pk))
    page.fill("#id_place", "Bộ phận một cửa của Sở")
    page.fill("#id_description", "Hướng dẫn người dân làm hồ sơ trực tuyến.")
    page.fill("#id_results", "Không có hồ sơ quá hạn.")
    page.fill("#id_figures", "Hồ sơ trực tuyến | 2.300")
    page.set_input_files("#id_attachment", str(photo))
    docs_screenshot(page, "dien-hinh-de-xuat")
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
    assert "Đã gửi đề xuất lên" in page.content()
    exemplar = Exemplar.objects.get()
    assert exemplar.status == Status.PROPOSED and exemplar.attachments.count() == 1
    image = page.locator("main img, img[alt='sinh-hoat.png']").first
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) == 1

    log_out_browser(page)
    login(page, live_server, users["khoi"], next_path=f"/dien-hinh/{exemplar.pk}/")
    page.goto(f"{live_server.url}/dien-hinh/{exemplar.pk}/")
    page.fill("#review textarea[name=note]", "Nhân rộng trong khối.")
    page.click("#recognise")
    page.wait_for_load_state()
    assert "Đã công nhận mô hình" in page.content()
    exemplar.refresh_from_db()
    assert exemplar.status == Status.RECOGNISED

    page.goto(f"{live_server.url}/dien-hinh/?q=dan+van+mot+cua")
    assert page.locator("#total").inner_text().startswith("1 ")
    assert page.get_by_role("link", name="Dân vận khéo ở bộ phận một cửa").count() == 1
    docs_screenshot(page, "dien-hinh-thu-vien")
