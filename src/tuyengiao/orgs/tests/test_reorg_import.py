"""The reorganisation sheet: a dry run listing everything, then the changes; each kind of bad
input refused with its row and a reason in Vietnamese, nothing applied."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.core.spreadsheets import csv_bytes
from tuyengiao.orgs.models import Reorganisation, Unit
from tuyengiao.orgs.reorg_import import HEADERS, import_sheet
from tuyengiao.orgs.reorganisation import Change, NewUnit, apply
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db


def _sheet(*rows: list[str]) -> io.BytesIO:
    return io.BytesIO(csv_bytes(HEADERS, [r + [""] * (len(HEADERS) - len(r)) for r in rows]))


def _run(rows: list[list[str]], dry_run: bool = True, user: Any = None) -> Any:
    return import_sheet(_sheet(*rows), "sap-xep.csv", user=user, dry_run=dry_run)


def _snapshot() -> list[tuple[Any, ...]]:
    return list(Unit.objects.order_by("pk").values_list("pk", "path", "name", "code", "ended_on"))


def test_dry_run_lists_then_applies(tree: Tree, users: dict[str, Any]) -> None:
    make_person(tree.base1, "Trần Văn Một")
    rows = [
        ["DB-STTTT", "DB-HN", "Hợp nhất", "01/07/2025", "Đảng bộ Sở Hợp nhất"],
        ["DB-SYT", "DB-HN", "hop nhat", "01/07/2025"],
        ["CB-STTTT-VP", "DUK", "Chuyển", "02/07/2025"],
    ]
    before = _snapshot()
    dry = _run(rows, user=users["khoi"])
    assert not dry.errors and dry.changes == 2 and not dry.applied
    lines = [line for _title, ls in dry.sections for line in ls]
    assert any("Trần Văn Một" in line for line in lines)
    assert any(
        line.startswith("Chi bộ Văn phòng Sở TTTT: từ Đảng bộ Sở Hợp nhất sang") for line in lines
    )
    assert _snapshot() == before and not Reorganisation.objects.exists()
    done = _run(rows, dry_run=False, user=users["khoi"])
    assert done.applied and Reorganisation.objects.count() == 2
    assert Unit.objects.get(code="DB-STTTT").ended_on == date(2025, 7, 1)
    assert Unit.objects.get_parent(Unit.objects.get(code="CB-STTTT-VP")).code == "DUK"


@pytest.mark.parametrize(
    ("rows", "row", "reason"),
    [
        ([["KHONG-CO", "DUK", "chuyển", "01/07/2025"]], 2, "không có đơn vị mã “KHONG-CO”"),
        ([["DUK", "CB-STTTT-VP", "chuyển", "01/07/2025"]], 2, "vòng lặp"),
        (
            [
                ["DB-STTTT", "DB-HN", "sáp nhập", "01/07/2025", "Đảng bộ Hợp nhất"],
                ["DB-SYT", "DB-HN", "sáp nhập", "01/07/2025"],
                ["DB-STTTT", "", "giải thể", "01/08/2025"],
            ],
            4,
            "kết thúc hai lần",
        ),
        ([["DB-SYT", "DUK", "đổi cấp", "01/07/2025"]], 2, "loại thay đổi"),
        ([["DB-SYT", "DUK", "chuyển", "31/02/2025"]], 2, "ngày hiệu lực"),
    ],
)
def test_refusals(tree: Tree, rows: list[list[str]], row: int, reason: str) -> None:
    before = _snapshot()
    result = _run(rows, dry_run=False)
    assert not result.applied
    assert any(e.row == row and reason in e.reason for e in result.errors), result.errors
    assert _snapshot() == before and not Reorganisation.objects.exists()


def test_date_before_the_unit_existed_is_refused(tree: Tree) -> None:
    apply(
        Change(
            kind="merge",
            date=date(2025, 7, 1),
            sources=[tree.base1, tree.base2],
            new_units=[NewUnit("DB-HN", "Đảng bộ Hợp nhất")],
        )
    )
    before = _snapshot()
    result = _run(
        [
            ["CB-SYT-VP", "DUK", "chuyển", "01/09/2025"],
            ["DB-HN", "", "đổi tên", "01/01/2025", "Tên trước khi có"],
        ],
        dry_run=False,
    )
    assert [(e.row, "trước ngày thành lập" in e.reason) for e in result.errors] == [(3, True)]
    assert _snapshot() == before  # the good row is not applied either


def test_pages_run_the_sheet_as_a_job(tree: Tree, client_as: Any) -> None:
    client = client_as("khoi")
    upload = _sheet(["DB-SYT", "", "đổi tên", "01/07/2025", "Đảng bộ Sở Y tế mới"])
    upload.name = "sap-xep.csv"
    response = client.post(reverse("orgs:reorg_import"), {"file": upload})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Chạy thử" in page and "Đảng bộ Sở Y tế mới" in page
    assert Unit.objects.get(code="DB-SYT").name == "Đảng bộ Sở Y tế"
    job_pk = int(response["Location"].rstrip("/").split("/")[-1])
    applied = client.post(reverse("orgs:reorg_import_apply", args=[job_pk]))
    assert applied.status_code == 302
    assert Unit.objects.get(code="DB-SYT").name == "Đảng bộ Sở Y tế mới"
    # coso1 is an officer, not an administrator: no import for it
    assert client_as("coso1").get(reverse("orgs:reorg_import")).status_code == 403


def test_units_outside_the_administrators_subtree_are_refused(
    tree: Tree, users: dict[str, Any]
) -> None:
    # khoi administers the bloc: moving a cell under the state side is out of its reach
    before = _snapshot()
    result = _run(
        [["CB-STTTT-VP", "STTTT", "chuyển", "01/07/2025"]], dry_run=False, user=users["khoi"]
    )
    assert [(e.row, "không quản trị đơn vị “STTTT”" in e.reason) for e in result.errors] == [
        (2, True)
    ]
    assert _snapshot() == before
