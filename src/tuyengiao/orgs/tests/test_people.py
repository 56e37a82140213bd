"""People: import with row-level validation, export, transfers keeping history, filters."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.orgs.imports import PERSON_HEADERS, import_people
from tuyengiao.orgs.models import Person, PersonTransfer
from tuyengiao.orgs.services import transfer_person
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db


def people_sheet(rows: list[list[Any]]) -> tuple[io.BytesIO, str]:
    return io.BytesIO(workbook_bytes([("Nhân sự", PERSON_HEADERS, rows)])), "nhan-su.xlsx"


GOOD: list[list[Any]] = [
    [
        "Nguyễn Văn An",
        "CB-STTTT-VP",
        "Chuyên viên",
        "Báo cáo viên, tuyen truyen vien",
        "Có",
        1980,
        "03/02/2005",
        "an@example.vn",
        "0912 345 678",
    ],
    ["Trần Thị Bình", "DB-STTTT", "Bí thư", "", "có", "1975", dt.date(2000, 5, 19), "", ""],
    ["Lê Văn Cường", "CB-STTTT-VP", "", "", "Không", "", "", "", ""],
]


def test_people_import_all_or_nothing_then_valid_only(tree: Tree, users: dict[str, User]) -> None:
    bad: list[list[Any]] = [
        ["", "CB-STTTT-VP", "", "", "", "", "", "", ""],
        ["Phạm D", "CB-SYT-VP", "", "", "", "", "", "", ""],  # a unit of another branch
        ["Hoàng E", "CB-STTTT-VP", "", "Thầy bói", "", "", "", "", ""],
        ["Vũ F", "CB-STTTT-VP", "", "", "Có", "1990", "31/02/2010", "khong-phai-email", "abc"],
        ["Đỗ G", "CB-STTTT-VP", "", "", "Không", "1990", "01/01/2012", "", ""],
    ]
    result = import_people(*people_sheet(GOOD + bad), user=users["coso1"])
    assert not result.applied and Person.objects.count() == 0
    reasons = {e.row: e.reason for e in result.errors}
    assert set(reasons) == {5, 6, 7, 8, 9}
    assert "thiếu họ và tên" in reasons[5]
    assert "CB-SYT-VP" in reasons[6] and "ngoài phạm vi" in reasons[6]
    assert "“Thầy bói” không có trong danh mục" in reasons[7]
    assert "dd/mm/yyyy" in reasons[8] and "email" in reasons[8] and "điện thoại" in reasons[8]
    assert "Đảng viên là Không" in reasons[9]

    result = import_people(*people_sheet(GOOD + bad), user=users["coso1"], valid_only=True)
    assert result.applied and result.created == 3 and result.skipped == 5
    an = Person.objects.get(full_name="Nguyễn Văn An")
    assert sorted(r.name for r in an.roles.all()) == ["Báo cáo viên", "Tuyên truyền viên"]
    assert (
        an.party_admission_date == dt.date(2005, 2, 3)
        and an.birth_year == 1980
        and an.unit == tree.cell1
    )
    assert Person.objects.get(full_name="Trần Thị Bình").party_admission_date == dt.date(
        2000, 5, 19
    )
    assert not Person.objects.get(full_name="Lê Văn Cường").is_party_member

    # The same file again updates (same name, unit and year of birth) instead of duplicating.
    changed = [list(r) for r in GOOD]
    changed[0][2] = "Phó Trưởng phòng"
    result = import_people(*people_sheet(changed), user=users["coso1"])
    assert result.applied and result.created == 0 and result.updated == 3
    assert Person.objects.get(full_name="Nguyễn Văn An").position == "Phó Trưởng phòng"


def test_people_import_view_and_export_round_trip(tree: Tree, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("coso1")
    data, name = people_sheet(GOOD)
    response = client.post(
        "/don-vi/nhan-su/nhap/", {"file": SimpleUploadedFile(name, data.getvalue())}, follow=True
    )
    assert "thêm mới 3" in response.content.decode()
    assert client_as("viewer1").get("/don-vi/nhan-su/nhap/").status_code == 403

    response = client.get("/don-vi/nhan-su/?export=xlsx&active=1")
    rows = list(
        load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True)
    )
    assert rows[0][0] == "Họ và tên" and len(rows) == 4
    exported = {r[0]: r for r in rows[1:]}
    assert (
        exported["Nguyễn Văn An"][2] == "CB-STTTT-VP"
        and exported["Nguyễn Văn An"][7] == "03/02/2005"
    )
    # The export is a valid import file: importing it back changes nothing but counts updates.
    response = client.post(
        "/don-vi/nhan-su/nhap/",
        {"file": SimpleUploadedFile("x.xlsx", response.content)},
        follow=True,
    )
    assert "cập nhật 3" in response.content.decode() and Person.objects.count() == 3


def test_person_list_filters(tree: Tree, client_as) -> None:  # type: ignore[no-untyped-def]
    make_person(tree.cell1, "Nguyễn Thị Hoa", is_party_member=False)
    make_person(tree.base1, "Trần Văn Hùng")
    make_person(tree.cell2, "Lê Văn Sở Hai")
    client = client_as("coso1")
    body = client.get("/don-vi/nhan-su/?q=hoa").content.decode()
    assert "Nguyễn Thị Hoa" in body and "Trần Văn Hùng" not in body
    body = client.get(f"/don-vi/nhan-su/?unit={tree.cell1.pk}&active=1").content.decode()
    assert "Nguyễn Thị Hoa" in body and "Trần Văn Hùng" not in body
    body = client.get("/don-vi/nhan-su/?party=1&active=1").content.decode()
    assert "Trần Văn Hùng" in body and "Nguyễn Thị Hoa" not in body and "Lê Văn Sở Hai" not in body


def test_transfer_keeps_history(tree: Tree, users: dict[str, User], client_as) -> None:  # type: ignore[no-untyped-def]
    person = make_person(tree.cell1, "Đặng Văn Chuyển")
    client = client_as("khoi")
    response = client.post(
        f"/don-vi/nhan-su/{person.pk}/chuyen/",
        {"to_unit": tree.cell2.pk, "date": "15/03/2026", "note": "Điều động"},
    )
    assert response.status_code == 302
    transfer_person(
        Person.objects.get(pk=person.pk), tree.base1, dt.date(2026, 9, 1), by=users["khoi"]
    )
    person.refresh_from_db()
    assert person.unit == tree.base1
    history = list(PersonTransfer.objects.filter(person=person).order_by("date"))
    assert [(t.from_unit, t.to_unit) for t in history] == [
        (tree.cell1, tree.cell2),
        (tree.cell2, tree.base1),
    ]
    assert history[0].date == dt.date(2026, 3, 15) and history[0].note == "Điều động"
    page = client.get(f"/don-vi/nhan-su/{person.pk}/").content.decode()
    assert tree.cell2.name in page and "15/03/2026" in page
    # coso1 (base1) may not move someone into another branch: the target is not offered.
    response = client_as("coso1").post(
        f"/don-vi/nhan-su/{person.pk}/chuyen/", {"to_unit": tree.cell2.pk, "date": "01/10/2026"}
    )
    assert response.status_code == 200 and "to_unit" in response.content.decode()
    assert PersonTransfer.objects.filter(person=person).count() == 2
