"""Exemplary models: proposing with files, the superior's review (recognise / return with a note),
who may do what, the accent-insensitive library with filters and .xlsx, the statistics, and the
counts the bulletin and the reviews take."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.accounts.models import Role, User
from tuyengiao.emulation import services as emulation
from tuyengiao.exemplars import services
from tuyengiao.exemplars.models import Attachment, Exemplar, Sector, Status
from tuyengiao.exemplars.testing import make_exemplar
from tuyengiao.testing import Tree, logged_in_client, make_user

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _sector(name: str) -> Sector:
    return Sector.objects.get(name=name)


def _post_data(sector: Sector, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "title": "Chi bộ sinh hoạt chuyên đề “Học Bác mỗi ngày”",
        "sector": sector.pk,
        "place": "Phường Hòa Bình",
        "description": "Mỗi tháng một chuyên đề.",
        "results": "Chi bộ hoàn thành xuất sắc nhiệm vụ.",
        "figures": "Đảng viên đăng ký | 42\nTỷ lệ hoàn thành | 95%",
    }
    data.update(extra)
    return data


def test_a_unit_proposes_the_superior_returns_then_recognises(
    tree: Tree, client_as: ClientAs
) -> None:
    sector = _sector("Dân vận khéo")
    coso1, khoi, coso2 = client_as("coso1"), client_as("khoi"), client_as("coso2")
    response = coso1.post(
        reverse("exemplars:create"),
        {**_post_data(sector), "attachment": SimpleUploadedFile("anh.png", PNG)},
    )
    exemplar = Exemplar.objects.get()
    assert response.status_code == 302
    assert (exemplar.unit, exemplar.reviewer, exemplar.status) == (
        tree.base1,
        tree.bloc,
        Status.PROPOSED,
    )
    assert exemplar.figures == [["Đảng viên đăng ký", "42"], ["Tỷ lệ hoàn thành", "95%"]]
    assert [a.name for a in exemplar.attachments.all()] == ["anh.png"]
    detail = reverse("exemplars:detail", kwargs={"exemplar_pk": exemplar.pk})
    recognise = reverse("exemplars:recognise", kwargs={"exemplar_pk": exemplar.pk})
    send_back = reverse("exemplars:send_back", kwargs={"exemplar_pk": exemplar.pk})

    # a sibling does not see it; the proposing unit cannot recognise its own model
    assert coso2.get(detail).status_code == 404
    assert coso2.post(recognise).status_code == 404
    assert coso1.post(recognise).status_code == 403
    assert "Công nhận mô hình" not in coso1.get(detail).content.decode()
    # the bloc sees it waiting for its review
    page = khoi.get(reverse("exemplars:proposals")).content.decode()
    assert exemplar.title in page.split('id="to-review"')[1].split('id="own"')[0]
    assert "Công nhận mô hình" in khoi.get(detail).content.decode()

    # returning needs a note
    khoi.post(send_back, {"note": "  "})
    exemplar.refresh_from_db()
    assert exemplar.status == Status.PROPOSED
    khoi.post(send_back, {"note": "Bổ sung ảnh buổi sinh hoạt."})
    exemplar.refresh_from_db()
    assert (exemplar.status, exemplar.review_note) == (
        Status.RETURNED,
        "Bổ sung ảnh buổi sinh hoạt.",
    )
    # a returned model cannot be recognised before the unit sends it again
    khoi.post(recognise)
    exemplar.refresh_from_db()
    assert exemplar.status == Status.RETURNED

    edit = reverse("exemplars:edit", kwargs={"exemplar_pk": exemplar.pk})
    coso1.post(edit, _post_data(sector, results="Có ảnh và số liệu đầy đủ."))
    exemplar.refresh_from_db()
    assert (exemplar.status, exemplar.results) == (Status.PROPOSED, "Có ảnh và số liệu đầy đủ.")

    khoi.post(recognise, {"note": "Nhân rộng trong khối."})
    exemplar.refresh_from_db()
    assert exemplar.status == Status.RECOGNISED and exemplar.recognised
    assert exemplar.recognised_on is not None
    assert exemplar.reviewed_by is not None and exemplar.reviewed_by.username == "khoi"
    # recognised: no more changes, and the unit below (its cell) now sees it
    response = coso1.post(edit, _post_data(sector, title="Đổi tên"), follow=True)
    assert "không sửa được nữa" in response.content.decode()
    exemplar.refresh_from_db()
    assert exemplar.title != "Đổi tên"
    cell = logged_in_client(make_user("chibo1", tree.cell1, Role.OFFICER))
    assert cell.get(detail).status_code == 200
    assert client_as("coso2").get(detail).status_code == 404


def test_a_bad_photo_is_refused_by_name_and_nothing_is_lost(
    tree: Tree, client_as: ClientAs
) -> None:
    sector = _sector("Dân vận khéo")
    response = client_as("coso1").post(
        reverse("exemplars:create"),
        {**_post_data(sector), "attachment": SimpleUploadedFile("anh.png", b"not a png")},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "Không đọc được tệp “anh.png”" in page
    assert "Phường Hòa Bình" in page  # what was typed is still there
    assert not Exemplar.objects.exists() and not Attachment.objects.exists()


def test_figures_lines_and_the_emulation_result_are_checked(
    tree: Tree, client_as: ClientAs
) -> None:
    sector = _sector("Dân vận khéo")
    response = client_as("coso1").post(
        reverse("exemplars:create"), _post_data(sector, figures="Số hộ tham gia 120")
    )
    assert "Số liệu, dòng 1" in response.content.decode()
    movement = emulation.create_movement(
        tree.bloc, "Thi đua", 2026, [("Tiêu chí", 10)], [tree.base1, tree.base2]
    )
    other = movement.entries.get(unit=tree.base2)
    own = movement.entries.get(unit=tree.base1)
    response = client_as("coso1").post(
        reverse("exemplars:create"), _post_data(sector, entry=other.pk)
    )
    assert "Kết quả thi đua không thuộc đơn vị đề xuất." in response.content.decode()
    assert not Exemplar.objects.exists()
    client_as("coso1").post(reverse("exemplars:create"), _post_data(sector, entry=own.pk))
    assert Exemplar.objects.get().entry == own
    with pytest.raises(services.ExemplarError, match="chính đơn vị đề xuất"):
        make_exemplar(tree.base1, entry=other)


def _recognised(unit: object, title: str, sector: str, place: str, on: date) -> Exemplar:
    exemplar = make_exemplar(unit, title=title, sector=_sector(sector), place=place)  # type: ignore[arg-type]
    return services.recognise(exemplar, None, today=on)


def test_library_search_without_accents_filters_and_export(tree: Tree, client_as: ClientAs) -> None:
    a = _recognised(
        tree.base1, "Học Bác mỗi ngày", "Dân vận khéo", "Phường Hòa Bình", date(2026, 3, 5)
    )
    b = _recognised(
        tree.cell1,
        "Tủ sách điện tử nghị quyết",
        "Chuyển đổi số trong công tác tuyên giáo",
        "Văn phòng Sở",
        date(2025, 6, 1),
    )
    c = _recognised(
        tree.base2, "Dân vận khéo ở trạm y tế", "Dân vận khéo", "Xã Đồng Tâm", date(2026, 4, 1)
    )
    make_exemplar(tree.base1, title="Học Bác chưa công nhận")  # not in the library
    khoi = client_as("khoi")
    url = reverse("exemplars:library")

    def titles(client: Client, **params: str | int) -> set[str]:
        page = client.get(url, params).context["object_list"]
        return {e.title for e in page}

    assert titles(khoi) == {a.title, b.title, c.title}
    assert titles(client_as("coso1")) == {a.title, b.title}
    assert titles(khoi, q="hoc bac") == {a.title}
    assert titles(khoi, q="HOC   bác mỗi") == {a.title}
    assert titles(khoi, sector=_sector("Dân vận khéo").pk) == {a.title, c.title}
    assert titles(khoi, place="hoa binh") == {a.title}
    assert titles(khoi, unit=tree.base1.pk) == {a.title, b.title}
    assert titles(khoi, year=2025) == {b.title}

    response = khoi.get(url, {"sector": str(_sector("Dân vận khéo").pk), "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Tên mô hình, điển hình", "Lĩnh vực", "Đơn vị", "Nơi thực hiện")
    assert sorted(str(r[0]) for r in rows[1:]) == sorted([a.title, c.title])

    # a unit out of scope is answered, and no file is made of unfiltered rows
    coso1 = client_as("coso1")
    response = coso1.get(url, {"unit": tree.base2.pk, "export": "xlsx"})
    assert response["Content-Type"].startswith("text/html")
    assert "không thuộc phạm vi" in response.content.decode()
    assert list(response.context["object_list"]) == []


def test_statistics_by_field_and_by_unit(tree: Tree, client_as: ClientAs) -> None:
    _recognised(tree.base1, "A", "Dân vận khéo", "P1", date(2026, 3, 5))
    _recognised(tree.base1, "B", "Dân vận khéo", "P2", date(2026, 3, 6))
    _recognised(tree.base2, "C", "Văn hóa, xã hội", "P3", date(2026, 3, 7))
    _recognised(tree.cell1, "D", "Văn hóa, xã hội", "P4", date(2026, 3, 8))
    make_exemplar(tree.base2, title="E")  # proposed only
    response = client_as("khoi").get(reverse("exemplars:statistics"))
    sectors = [(r.label, r.count) for r in response.context["sectors"]]
    units = [(r.label, r.count) for r in response.context["units"]]
    assert sectors == [("Dân vận khéo", 2), ("Văn hóa, xã hội", 2)]
    assert units == [(tree.base1.name, 2), (tree.cell1.name, 1), (tree.base2.name, 1)]
    page = response.content.decode()
    assert page.count("<svg") == 2 and "Dân vận khéo: 2" in page
    # the same filters as the library
    response = client_as("khoi").get(reverse("exemplars:statistics"), {"unit": tree.base1.pk})
    assert [(r.label, r.count) for r in response.context["units"]] == [
        (tree.base1.name, 2),
        (tree.cell1.name, 1),
    ]


def test_only_a_system_administrator_changes_the_fields(
    users: dict[str, User], client_as: ClientAs
) -> None:
    url = reverse("exemplars:sector_list")
    assert (
        client_as("khoi").post(url, {"name": "Mới", "order": 5, "active": "on"}).status_code == 403
    )
    assert client_as("khoi").get(url).status_code == 200
    client_as("admin").post(url, {"name": "Bảo vệ môi trường", "order": 95, "active": "on"})
    assert Sector.objects.filter(name="Bảo vệ môi trường").exists()
    response = client_as("admin").post(url, {"name": "Dân vận khéo", "order": 1})
    assert "Đã có lĩnh vực tên này." in response.content.decode()


def test_attachments_are_added_while_proposed_and_served_in_scope(
    tree: Tree, client_as: ClientAs
) -> None:
    exemplar = make_exemplar(tree.base1)
    add = reverse("exemplars:attachment_add", kwargs={"exemplar_pk": exemplar.pk})
    client_as("coso1").post(add, {"attachment": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 x")})
    response = client_as("coso1").post(
        add, {"attachment": SimpleUploadedFile("trong.pdf", b"")}, follow=True
    )
    assert "tệp rỗng" in response.content.decode()
    attachment = exemplar.attachments.get()
    assert attachment.name == "bao-cao.pdf"
    url = reverse("exemplars:attachment_download", kwargs={"attachment_pk": attachment.pk})
    assert client_as("coso1").get(url).status_code == 200
    assert client_as("coso2").get(url).status_code == 404
    assert client_as("coso2").post(add).status_code == 404
    assert client_as("viewer1").post(add).status_code == 404


def test_the_dashboard_lists_models_waiting_for_the_units_review(
    tree: Tree, users: dict[str, User]
) -> None:
    from tuyengiao.exemplars.dashboard import sections

    waiting = make_exemplar(tree.base1, title="Chờ khối xét")
    services.recognise(make_exemplar(tree.base2, title="Đã xét"), None)
    make_exemplar(tree.cell1, title="Chờ cơ sở xét")  # reviewed by base1, not by the bloc
    today = date(2026, 5, 1)
    (section,) = sections(users["khoi"], today)
    assert [item.text for item in section.items] == [f"Chờ khối xét — {tree.base1.name}"]
    assert section.items[0].url.endswith(f"/dien-hinh/{waiting.pk}/")
    (base,) = sections(users["coso1"], today)
    assert [item.text for item in base.items] == [f"Chờ cơ sở xét — {tree.cell1.name}"]
    assert sections(users["viewer1"], today) == []
