"""Import/export of the unit tree: row-level validation, all-or-nothing, valid rows only, topological order."""

from __future__ import annotations

import io
import random
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.core.models import Job
from tuyengiao.core.spreadsheets import csv_bytes, workbook_bytes
from tuyengiao.orgs.imports import UNIT_HEADERS, import_units
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def sheet(rows: list[list[str]], fmt: str = "xlsx") -> tuple[io.BytesIO, str]:
    data = (
        workbook_bytes([("Đơn vị", UNIT_HEADERS, rows)])
        if fmt == "xlsx"
        else csv_bytes(UNIT_HEADERS, rows)
    )
    return io.BytesIO(data), f"don-vi.{fmt}"


def thousand_rows() -> list[list[str]]:
    """100 base organisations under the bloc, 9 cells each, shuffled (children often before parents)."""
    rows = []
    for b in range(100):
        rows.append(
            [
                f"B{b:03d}",
                "DUK",
                "Đảng bộ / chi bộ cơ sở",
                f"Đảng bộ Cơ quan số {b}",
                "ĐU",
                "",
                "Có",
            ]
        )
        for c in range(9):
            rows.append(
                [f"B{b:03d}-C{c}", f"B{b:03d}", "cell", f"Chi bộ {c} của cơ quan {b}", "CB", "", ""]
            )
    random.Random(7).shuffle(rows)
    return rows


def test_thousand_rows_with_three_bad_ones(tree: Tree, users: dict[str, User]) -> None:
    rows = thousand_rows()
    assert len(rows) == 1000
    leaves = [i for i, r in enumerate(rows) if "-C" in r[0]]
    bad_unknown_parent, bad_kind, bad_name = leaves[10], leaves[500], leaves[800]
    rows[bad_unknown_parent][1] = "KHONG-TON-TAI"
    rows[bad_kind][2] = "Hợp tác xã"
    rows[bad_name][3] = ""
    before = Unit.objects.count()

    result = import_units(*sheet(rows), user=users["khoi"])
    assert not result.applied
    assert Unit.objects.count() == before  # nothing imported
    # Row numbers as the spreadsheet shows them: the header is row 1.
    assert [e.row for e in result.errors] == sorted(
        [bad_unknown_parent + 2, bad_kind + 2, bad_name + 2]
    )
    reasons = {e.row: e.reason for e in result.errors}
    assert "KHONG-TON-TAI" in reasons[bad_unknown_parent + 2]
    assert "loại “Hợp tác xã” không hợp lệ" in reasons[bad_kind + 2]
    assert "thiếu tên" in reasons[bad_name + 2]
    assert str(result.errors[0]).startswith(f"Dòng {result.errors[0].row}: ")

    result = import_units(*sheet(rows), user=users["khoi"], valid_only=True)
    assert result.applied and result.created == 997 and result.skipped == 3
    assert Unit.objects.count() == before + 997
    base = Unit.objects.get(code="B042")
    assert Unit.objects.get_parent(base) == tree.bloc and base.kind == UnitKind.BASE_ORGANISATION
    assert Unit.objects.get_children_count(base) == 9 or base.code in {
        rows[i][1] for i in (bad_unknown_parent, bad_kind, bad_name)
    }
    Unit.objects.find_problems()  # treebeard's own consistency check runs without error
    assert all(not problems for problems in Unit.objects.find_problems())


def test_valid_only_skips_rows_under_a_bad_row(tree: Tree) -> None:
    rows = [
        ["X1", "DUK", "nonsense", "Đảng bộ X1", "", "", ""],
        ["X1-C1", "X1", "cell", "Chi bộ 1", "", "", ""],
        ["X1-C1-T", "X1-C1", "cell", "Tổ đảng", "", "", ""],
        ["X2", "DUK", "base_org", "Đảng bộ X2", "", "", ""],
    ]
    result = import_units(*sheet(rows), valid_only=True)
    assert result.applied and result.created == 1 and result.skipped == 3
    assert [(e.row, e.reason.split(" ")[0]) for e in result.errors] == [
        (2, "loại"),
        (3, "bỏ"),
        (4, "bỏ"),
    ]
    assert (
        Unit.objects.filter(code="X2").exists()
        and not Unit.objects.filter(code__startswith="X1").exists()
    )


def test_duplicates_cycles_and_scope(tree: Tree, users: dict[str, User]) -> None:
    rows = [
        ["A", "B", "cell", "A", "", "", ""],
        ["B", "A", "cell", "B", "", "", ""],
        ["C", "DUK", "cell", "C", "", "", ""],
        ["C", "DUK", "cell", "C lần hai", "", "", ""],
        ["D", "TU", "cell", "Dưới Tỉnh ủy", "", "", ""],  # outside khoi's subtree
        ["E", "", "cell", "Gốc mới", "", "", ""],  # a new root: system admins only
        ["F", "DUK", "cell", "F", "", "", "có lẽ"],
    ]
    result = import_units(*sheet(rows, "csv"), user=users["khoi"])
    reasons = {e.row: e.reason for e in result.errors}
    assert set(reasons) == {2, 3, 5, 6, 7, 8}
    assert "vòng lặp" in reasons[2] and "vòng lặp" in reasons[3]
    assert "trùng với dòng 4" in reasons[5]
    assert "TU" in reasons[6] and "ngoài phạm vi" in reasons[6]
    assert "đơn vị gốc" in reasons[7]
    assert "Có hoặc Không" in reasons[8]
    assert not Unit.objects.filter(code__in=["A", "B", "C", "D", "E", "F"]).exists()


def test_existing_codes_update_and_export_round_trip(tree: Tree, client_as) -> None:  # type: ignore[no-untyped-def]
    client = client_as("khoi")
    response = client.get("/don-vi/?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    values = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    assert values[0] == UNIT_HEADERS
    by_code = {r[0]: r for r in values[1:]}
    assert set(by_code) == {
        "DUK",
        "DB-STTTT",
        "DB-SYT",
        "CB-STTTT-VP",
        "CB-SYT-VP",
    }  # the visible subtree only
    assert (
        by_code["CB-SYT-VP"][1] == "DB-SYT" and by_code["DUK"][1] == "TU"
    )  # parent codes, also above the subtree
    # Re-import the export with one name changed: one update, nothing else.
    rows = [["" if v is None else str(v) for v in r] for r in values[1:]]
    rows[[r[0] for r in rows].index("DB-SYT")][3] = "Đảng bộ Sở Y tế tỉnh Bình An"
    result = import_units(*sheet(rows), user=tree.bloc.users.first() or None)
    assert result.applied and result.created == 0 and result.updated == 1, result.errors
    assert Unit.objects.get(code="DB-SYT").name == "Đảng bộ Sở Y tế tỉnh Bình An"
    csv_response = client.get("/don-vi/?export=csv")
    assert (
        csv_response.content.decode("utf-8-sig")
        .splitlines()[0]
        .startswith("Mã,Mã đơn vị cấp trên,Loại")
    )


def test_import_view(tree: Tree, client_as) -> None:  # type: ignore[no-untyped-def]
    """The upload is stored and imported by a background job (inline in tests); the job page
    shows the outcome: the bad rows with nothing written, then the valid rows only."""
    assert client_as("coso1").get("/don-vi/nhap/").status_code == 403
    client = client_as("khoi")
    data, name = sheet(
        [
            ["N1", "DUK", "Chi bộ trực thuộc", "Chi bộ mới", "CB", "", "Có"],
            ["N2", "N9", "cell", "", "", "", ""],
        ]
    )
    response = client.post("/don-vi/nhap/", {"file": SimpleUploadedFile(name, data.getvalue())})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/don-vi/nhap/{job.pk}/"
    body = client.get(response["Location"]).content.decode()
    assert "chưa nhập dòng nào" in body and "N9" in body and "thiếu tên" in body
    assert "Chỉ nhập các dòng hợp lệ" in body
    assert not Unit.objects.filter(code="N1").exists()
    data, name = sheet(
        [
            ["N1", "DUK", "Chi bộ trực thuộc", "Chi bộ mới", "CB", "", "Có"],
            ["N2", "N9", "cell", "", "", "", ""],
        ]
    )
    response = client.post(
        "/don-vi/nhap/",
        {"file": SimpleUploadedFile(name, data.getvalue()), "valid_only": "on"},
        follow=True,
    )
    assert "thêm mới 1" in response.content.decode()
    assert Unit.objects.get(code="N1").kind == UnitKind.CELL
    response = client.post("/don-vi/nhap/", {"file": SimpleUploadedFile("x.pdf", b"%PDF")})
    assert (
        "“x.pdf”" in response.content.decode()
        and "chỉ nhận .xlsx, .csv" in response.content.decode()
    )
    assert Job.objects.count() == 2  # a file of the wrong kind starts no job


def test_import_command(tree: Tree, tmp_path: Path) -> None:
    good = tmp_path / "ok.csv"
    good.write_bytes(
        csv_bytes(
            UNIT_HEADERS,
            [
                ["K1", "DUK", "base_org", "Đảng bộ K1", "", "", ""],
                ["K2", "K1", "cell", "Chi bộ K2", "", "", ""],
            ],
        )
    )
    out = io.StringIO()
    call_command("import_units", str(good), stdout=out)
    assert "thêm mới 2" in out.getvalue()
    bad = tmp_path / "bad.csv"
    bad.write_bytes(
        csv_bytes(
            UNIT_HEADERS,
            [
                ["K3", "DUK", "base_org", "Đảng bộ K3", "", "", ""],
                ["K4", "ZZ", "cell", "x", "", "", ""],
            ],
        )
    )
    err = io.StringIO()
    with pytest.raises(CommandError, match="chưa nhập"):
        call_command("import_units", str(bad), stderr=err)
    assert "Dòng 3:" in err.getvalue() and not Unit.objects.filter(code="K3").exists()
    call_command("import_units", str(bad), "--valid-only", stdout=out, stderr=err)
    assert Unit.objects.filter(code="K3").exists()
