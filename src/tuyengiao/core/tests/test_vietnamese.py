"""Vietnamese done right, proved by scanning what users read for English words and ISO dates.

Three scans, each listing every case it finds:

* every template (text and the attributes people read: ``placeholder``, ``title``,
  ``aria-label``, ``alt``) for the words of ``ENGLISH`` and for dates formatted ``Y-m-d``;
* every Python string of the product that a user reads — a string with Vietnamese letters (labels,
  messages, mail, .docx/.xlsx text) — for the same words, for ``%Y-%m-%d`` and for a date put into
  an f-string without a format (which prints "2022-03-22");
* every page of the product as rendered for an officer of the objects it shows (every URL pattern,
  objects made by the apps' URL-walk factories), its .xlsx and .docx downloads included, for the
  words, ISO dates, a decimal point before a per cent sign ("41.81 %") and download names that are
  not Vietnamese without spaces ("quarter-4").
"""

from __future__ import annotations

import ast
import io
import re
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tuyengiao.accounts.models import User
from tuyengiao.accounts.tests.url_walk import all_routes, kwarg_factories, public_names
from tuyengiao.testing import Tree, logged_in_client

PACKAGE = Path(__file__).resolve().parents[2]
ENGLISH = ("Select", "option", "quarter", "None", "True", "False")
ENGLISH_RE = re.compile(r"\b(" + "|".join(ENGLISH) + r")\b", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"\b(19|20)\d\d-[01]\d-[0-3]\d\b")
DOT_PERCENT_RE = re.compile(r"\b\d+\.\d{1,2}\s?%")
VIETNAMESE_RE = re.compile(
    r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.I
)
# Names that hold a date or a date-time when they are put in an f-string ("due_date",
# "starts_on", "created_at", "today" …); ``d.day`` (an int) or "when" (text) are not.
DATE_NAME_RE = re.compile(r"(^|_)(date|deadline|due|on|at|start|end|today)$")
# Names matching the pattern above that hold text already written the Vietnamese way.
TEXT_NAMES = {"place_date"}


def _source_files(suffix: str) -> list[Path]:
    return sorted(
        p
        for p in PACKAGE.rglob(f"*{suffix}")
        if "tests" not in p.parts and "migrations" not in p.parts and p.name != "testing.py"
    )


# --- templates -----------------------------------------------------------------------------------

TEMPLATE_CODE_RE = re.compile(r"{%.*?%}|{{.*?}}|{#.*?#}", re.S)
SCRIPT_RE = re.compile(r"<(script|style)\b.*?</\1>", re.S | re.I)
READ_ATTRS_RE = re.compile(r'\b(placeholder|title|aria-label|alt)="([^"]*)"')
TAG_RE = re.compile(r"<[^>]*>", re.S)
TAG_NAME_RE = re.compile(r"</?[A-Za-z][\w-]*")
ISO_FILTER_RE = re.compile(r"""date:\s*["']Y-m-d""")


def template_problems(path: Path) -> list[str]:
    raw = path.read_text(encoding="utf-8")
    out = []
    for m in ISO_FILTER_RE.finditer(raw):
        before = raw[max(0, m.start() - 60) : m.start()]
        # machine-read attributes (``<time datetime>``, ``<input type=date value>``) are ISO
        if not re.search(r"\b(datetime|value|min|max)=\"[^\"]*$", before):
            out.append(f"{path.relative_to(PACKAGE)}: a date shown as Y-m-d")
    text = SCRIPT_RE.sub(" ", raw)
    attrs = " ".join(v for _, v in READ_ATTRS_RE.findall(text))
    text = TEMPLATE_CODE_RE.sub(" ", TAG_RE.sub(" ", TEMPLATE_CODE_RE.sub(" ", text)) + " " + attrs)
    for m in ENGLISH_RE.finditer(text):
        out.append(
            f"{path.relative_to(PACKAGE)}: “{m.group(0)}” in “{text[max(0, m.start() - 30) : m.end() + 30].strip()}”"
        )
    for m in ISO_DATE_RE.finditer(text):
        out.append(f"{path.relative_to(PACKAGE)}: ISO date {m.group(0)}")
    return out


def test_templates_speak_vietnamese() -> None:
    templates = _source_files(".html")
    assert len(templates) > 50
    problems = [p for path in templates for p in template_problems(path)]
    assert not problems, "\n".join(problems)


# --- Python strings --------------------------------------------------------------------------------


def _fstring_text(node: ast.JoinedStr) -> str:
    return "".join(
        v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
    )


def _expr_name(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _expr_name(node.func)
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    return ""


def python_problems(source: str, where: str) -> list[str]:
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    # the text pieces of an f-string are read with the f-string, not once more on their own
    docstrings |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in docstrings:
                continue
            text = node.value
        elif isinstance(node, ast.JoinedStr):
            text = _fstring_text(node)
            if VIETNAMESE_RE.search(text):
                for value, after in zip(node.values, [*node.values[1:], None], strict=True):
                    # "{rate:.2f} %" writes 41.81 %: a fixed-point format before a per cent sign
                    if (
                        isinstance(value, ast.FormattedValue)
                        and isinstance(value.format_spec, ast.JoinedStr)
                        and re.search(r"\.[1-9]\d*f$", _fstring_text(value.format_spec))
                        and isinstance(after, ast.Constant)
                        and str(after.value).lstrip().startswith("%")
                    ):
                        out.append(
                            f"{where}:{node.lineno}: a decimal point before % in “{text[:60]}”"
                        )
                    # "{rate} %" prints a Decimal or float with its decimal point
                    if (
                        isinstance(value, ast.FormattedValue)
                        and value.format_spec is None
                        and re.search(r"rate|percent", _expr_name(value.value))
                        and isinstance(after, ast.Constant)
                        and str(after.value).lstrip().startswith("%")
                    ):
                        out.append(
                            f"{where}:{node.lineno}: a rate printed as is before % in “{text[:60]}”"
                        )
                    if (
                        isinstance(value, ast.FormattedValue)
                        and value.format_spec is None
                        and value.conversion == -1
                        and DATE_NAME_RE.search(_expr_name(value.value))
                        and _expr_name(value.value) not in TEXT_NAMES
                    ):
                        out.append(
                            f"{where}:{node.lineno}: a date without a format in “{text[:60]}”"
                        )
        else:
            continue
        if "%Y-%m-%d" in text and VIETNAMESE_RE.search(text):
            out.append(f"{where}:{node.lineno}: %Y-%m-%d in “{text[:60]}”")
        if VIETNAMESE_RE.search(text):
            # markup written in Python (the unit picker): tag names are not words shown to users
            for m in ENGLISH_RE.finditer(TAG_NAME_RE.sub(" ", text)):
                out.append(f"{where}:{node.lineno}: “{m.group(0)}” in “{text[:80]}”")
            if ISO_DATE_RE.search(text) or DOT_PERCENT_RE.search(text):
                out.append(f"{where}:{node.lineno}: “{text[:80]}”")
    return out


def test_python_strings_shown_to_users_speak_vietnamese() -> None:
    modules = _source_files(".py")
    assert len(modules) > 80
    problems = [
        p
        for path in modules
        for p in python_problems(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))
    ]
    assert not problems, "\n".join(problems)


def test_the_python_scan_finds_what_it_looks_for() -> None:
    """The scan itself, on the mistakes it is for."""
    sample = (
        "d = None\n"
        'a = f"Hạn nộp ngày {d.due_date}"\n'
        'b = "Chọn - Select an option -"\n'
        'c = f"Tỷ lệ {0.4181:.2f} % đạt 41.81 %"\n'
        'e = "Hạn nộp ngày " + d.due_date.strftime("%d/%m/%Y")\n'
        "f = f\"Tỷ lệ học tập {d['rate']} %\"\n"
    )
    found = python_problems(sample, "mau.py")
    # the date, "Select" and "option", "41.81 %" written out, "{…:.2f} %" and "{d['rate']} %"
    assert len(found) == 6, found


# --- rendered pages and downloads ----------------------------------------------------------------


def _docx_text(content: bytes) -> str:
    from docx import Document

    doc = Document(io.BytesIO(content))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def _xlsx_problems(content: bytes) -> list[str]:
    from openpyxl import load_workbook

    out = []
    workbook = load_workbook(io.BytesIO(content))
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if (
                    getattr(cell, "is_date", False)
                    and "yyyy-mm-dd" in str(cell.number_format).lower()
                ):
                    out.append(f"{sheet.title}!{cell.coordinate}: date shown as yyyy-mm-dd")
                if isinstance(cell.value, str):
                    out += [
                        f"{sheet.title}!{cell.coordinate}: {p}" for p in _text_problems(cell.value)
                    ]
    return out


def _text_problems(text: str) -> list[str]:
    out = [
        f"“{m.group(0)}” in “{text[max(0, m.start() - 40) : m.end() + 40]}”"
        for m in ENGLISH_RE.finditer(text)
    ]
    out += [f"ISO date “{m.group(0)}”" for m in ISO_DATE_RE.finditer(text)]
    out += [f"decimal point “{m.group(0)}”" for m in DOT_PERCENT_RE.finditer(text)]
    return out


def _html_text(html: str) -> str:
    body = SCRIPT_RE.sub(" ", html)
    attrs = " ".join(v for _, v in READ_ATTRS_RE.findall(body))
    return TAG_RE.sub(" ", body) + " " + attrs


def response_problems(response: Any) -> list[str]:
    kind = response.get("Content-Type", "")
    content = (
        b"".join(response.streaming_content)
        if getattr(response, "streaming", False)
        else response.content
    )
    out = []
    disposition = response.get("Content-Disposition", "")
    if "filename=" in disposition:
        name = disposition.split("filename=", 1)[1].strip('"; ')
        if " " in name or ENGLISH_RE.search(name.replace("-", " ")):
            out.append(f"download name “{name}”")
    if kind.startswith("text/html"):
        out += _text_problems(_html_text(content.decode("utf-8", errors="replace")))
    elif "spreadsheetml" in kind:
        out += _xlsx_problems(content)
    elif "wordprocessingml" in kind:
        out += _text_problems(_docx_text(content))
    return out


@pytest.mark.django_db
def test_every_page_and_download_speaks_vietnamese(tree: Tree, users: dict[str, User]) -> None:
    from tuyengiao.accounts.models import Role
    from tuyengiao.testing import make_user

    factories = kwarg_factories()
    public = public_names()
    owner = make_user("chu-so-huu", tree.base1, Role.UNIT_ADMIN, email="chu@example.vn")
    clients = {"coso1": logged_in_client(users["coso1"]), "owner": logged_in_client(owner)}
    khoi = logged_in_client(users["khoi"])
    problems: list[str] = []
    seen = 0
    from tuyengiao.orgs.models import Unit, UnitKind

    for route in all_routes():
        # the public pages (sign-in, password reset …) as a visitor sees them
        if route.name in public and not route.kwargs:
            public_page: Any = Client().get(reverse(route.name))
            if public_page.status_code == 200:
                seen += 1
                problems += [f"{route.name}: {p}" for p in response_problems(public_page)]
    for n, route in enumerate(all_routes()):
        if route.name in public or any(k not in factories for k in route.kwargs):
            continue
        # a fresh unit below base1 per page: the factories' objects never collide
        unit = Unit.objects.add_child(
            tree.base1,
            dict(kind=UnitKind.CELL, code=f"CB-VN-{n}", name=f"Chi bộ {n}", short_name="CB"),
        )
        url = reverse(route.name, kwargs={k: factories[k](unit) for k in route.kwargs})
        for client in (clients["owner"], khoi) if not route.kwargs else (clients["owner"],):
            for query in ("", "?export=xlsx") if not route.kwargs else ("",):
                response: Any = client.get(url + query)
                if response.status_code != 200:
                    continue
                seen += 1
                problems += [f"{route.name} {url}{query}: {p}" for p in response_problems(response)]
    assert seen > 60
    assert not problems, "\n".join(sorted(set(problems)))


def test_the_page_scan_finds_what_it_looks_for() -> None:
    from django.http import HttpResponse

    page = HttpResponse(
        '<select><option value="">- Select an option -</option></select><p>Ngày 2022-03-22: 41.81 %</p>'
        '<input value="2022-03-22" type="date">'
    )
    assert len(response_problems(page)) == 4, response_problems(page)
    download = HttpResponse(b"", content_type="text/plain")
    download["Content-Disposition"] = 'attachment; filename="bao-cao-2025-quarter-4.xlsx"'
    assert response_problems(download) == ["download name “bao-cao-2025-quarter-4.xlsx”"]


@pytest.mark.django_db
def test_the_review_screen_writes_parsed_dates_the_vietnamese_way(
    tree: Tree, users: dict[str, User]
) -> None:
    from tuyengiao.documents.models import UploadDraft
    from tuyengiao.documents.testing import url_kwarg_factories

    pk = url_kwarg_factories()["uploaddraft_pk"](tree.base1)
    assert isinstance(pk, int)
    draft = UploadDraft.objects.get(pk=pk)
    draft.parsed = {
        **draft.parsed,
        "date": "2022-03-22",
        "references": [{"number": "35-NQ/TW", "date": "2018-10-22", "issuer": "Bộ Chính trị"}],
    }
    draft.save()
    url = reverse("documents:draft_review", kwargs={"uploaddraft_pk": pk})
    response = logged_in_client(users["coso1"]).get(url)
    html = response.content.decode()
    assert "35-NQ/TW ngày 22/10/2018" in html and 'value="22/03/2022"' in html
    assert not response_problems(response), response_problems(response)


@pytest.mark.django_db
def test_names_read_in_vietnamese_order_everywhere(tree: Tree, users: dict[str, User]) -> None:
    from tuyengiao.accounts.models import Role
    from tuyengiao.testing import make_user

    hanh = make_user("hanh", tree.base1, Role.OFFICER, first_name="Thị Hạnh", last_name="Trần")
    assert str(hanh) == hanh.full_name == hanh.get_full_name() == "Trần Thị Hạnh"
    assert hanh.get_short_name() == "Hạnh"
    html = logged_in_client(hanh).get(reverse("core:dashboard")).content.decode()
    assert "Trần Thị Hạnh" in html and "Thị Hạnh Trần" not in html
    users_page = logged_in_client(users["khoi"]).get(reverse("accounts:user_list")).content.decode()
    assert "Trần Thị Hạnh" in users_page and "Thị Hạnh Trần" not in users_page
    form = logged_in_client(users["khoi"]).get(reverse("accounts:user_create")).content.decode()
    assert form.index("Họ") < form.index("Tên đệm và tên") and "Thư điện tử" in form


@pytest.mark.django_db
def test_the_change_log_reads_in_vietnamese(tree: Tree, users: dict[str, User]) -> None:
    from tuyengiao.accounts.models import Role
    from tuyengiao.testing import make_user

    make_user("hanh", tree.base1, Role.OFFICER, first_name="Thị Hạnh", last_name="Trần")
    response = logged_in_client(users["khoi"]).get(reverse("accounts:audit_log"))
    html = response.content.decode()
    assert "họ: — → Trần" in html and "đang hoạt động: — → có" in html and ">Tạo<" in html
    assert not response_problems(response), response_problems(response)


@pytest.mark.django_db
def test_an_empty_choice_reads_in_vietnamese(tree: Tree, users: dict[str, User]) -> None:
    from tuyengiao.study.testing import make_round

    study_round = make_round(tree.base1)
    url = reverse("study:session_create", kwargs={"round_pk": study_round.pk})
    html = logged_in_client(users["coso1"]).get(url).content.decode()
    assert "— Chọn —" in html and "Select an option" not in html


def test_dates_in_spreadsheets_read_dd_mm_yyyy() -> None:
    from datetime import date, datetime

    from openpyxl import load_workbook

    from tuyengiao.core.spreadsheets import workbook_bytes

    content = workbook_bytes(
        [
            (
                "Nhiệm vụ",
                ["Nhiệm vụ", "Hạn", "Cập nhật"],
                [["Hội nghị", date(2022, 3, 22), datetime(2022, 3, 22, 8, 30)]],
            )
        ]
    )
    row = next(iter(load_workbook(io.BytesIO(content)).worksheets[0].iter_rows(min_row=2)))
    assert [c.number_format for c in row[1:]] == ["dd/mm/yyyy", "dd/mm/yyyy hh:mm"]
    assert not _xlsx_problems(content)
