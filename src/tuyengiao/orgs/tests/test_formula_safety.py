"""People named like formulas ("=2+2", "=HYPERLINK(…)") import, export as plain text, and import
back unchanged (OWASP "CSV injection")."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from django.test import Client
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.orgs.imports import import_people
from tuyengiao.orgs.models import Person
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://x","y")',
    "=2+2",
    "+84 Lê Văn An",
    "-Trần Thị Bình",
    "@Phạm Văn Cường",
]


def _hostile_csv() -> bytes:
    lines = ["Họ và tên,Mã đơn vị,Năm sinh"]
    for offset, name in enumerate(HOSTILE):
        quoted = '"' + name.replace('"', '""') + '"'
        lines.append(f"{quoted},CB-STTTT-VP,{1970 + offset}")
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def test_people_named_like_formulas_export_as_text(
    tree: Tree, users: dict[str, User], client_as: Callable[[str], Client]
) -> None:
    result = import_people(io.BytesIO(_hostile_csv()), "nhan-su.csv", user=users["coso1"])
    assert result.applied and result.created == len(HOSTILE), result.errors

    response = client_as("coso1").get("/don-vi/nhan-su/?export=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[0]
    formulas = [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    assert formulas == []
    header = [c.value for c in sheet[1]]
    name_col, year_col = header.index("Họ và tên"), header.index("Năm sinh")
    body = list(sheet.iter_rows(min_row=2))
    assert sorted(str(row[name_col].value) for row in body) == sorted(HOSTILE)
    assert all(row[year_col].data_type == "n" for row in body)
    assert sorted(int(str(row[year_col].value)) for row in body) == [1970, 1971, 1972, 1973, 1974]

    # The exported sheet is a valid import file: every person is found again, none added.
    again = import_people(io.BytesIO(response.content), "nhan-su.xlsx", user=users["coso1"])
    assert again.applied and again.created == 0 and again.updated == len(HOSTILE)
    assert sorted(Person.objects.values_list("full_name", flat=True)) == sorted(HOSTILE)
