"""core.uploads: one allow-list per purpose, checked by content; every upload form uses it, and
each refusal names the file and the reason in Vietnamese."""

from __future__ import annotations

import codecs
import io
import zipfile
from typing import Any

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.datastructures import MultiValueDict

import vanban
from tuyengiao.core import uploads
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.orgs.forms import ImportForm as PeopleImportForm
from tuyengiao.plans.forms import PlanForm, TaskUpdateForm, UploadSignedPlanForm
from tuyengiao.reports.forms import AttachmentForm
from tuyengiao.reports.forms import ImportForm as PaperImportForm
from tuyengiao.study.forms import EssayForm
from tuyengiao.study.forms import ImportForm as SigninImportForm


def _files(field: str, name: str, content: bytes) -> MultiValueDict[str, UploadedFile[bytes]]:
    return MultiValueDict({field: [SimpleUploadedFile(name, content)]})


PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00" + bytes(300)


def _zip(*names: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return buf.getvalue()


DOCX = _zip("[Content_Types].xml", "word/document.xml")
XLSX = workbook_bytes([("Nhân sự", ["Họ và tên"], [["Nguyễn Văn An"]])])
OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
CSV_TEXT = "Họ và tên,Năm sinh\r\nNguyễn Văn Hùng,1970\r\n"

TAKEN = [
    ("ke-hoach.pdf", b"%PDF-1.7\n...", uploads.LIBRARY),
    ("ke-hoach.docx", DOCX, uploads.LIBRARY),
    ("cu.doc", OLE2, uploads.LIBRARY),
    ("cu.doc", b"{\\rtf1\\ansi Noi dung}", uploads.LIBRARY),
    ("ghi-chu.txt", vanban.tcvn3_encode("Kế hoạch tuyên truyền").encode("cp1252"), uploads.LIBRARY),
    ("lo.zip", DOCX, uploads.LIBRARY_BULK),
    ("bang.xlsx", XLSX, uploads.ATTACHMENTS),
    ("bang.xls", OLE2, uploads.ATTACHMENTS),
    ("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(40), uploads.ATTACHMENTS),
    ("anh.JPG", b"\xff\xd8\xff\xe0" + bytes(40), uploads.ATTACHMENTS),
    ("nhan-su.xlsx", XLSX, uploads.IMPORTS),
    ("nhan-su.csv", CSV_TEXT.encode("utf-8-sig"), uploads.IMPORTS),
    ("nhan-su.csv", codecs.BOM_UTF16_LE + CSV_TEXT.encode("utf-16-le"), uploads.IMPORTS),
    ("nhan-su.csv", vanban.tcvn3_encode(CSV_TEXT).encode("cp1252"), uploads.IMPORTS),
]


@pytest.mark.parametrize(("name", "data", "purpose"), TAKEN)
def test_real_files_are_taken(name: str, data: bytes, purpose: uploads.Purpose) -> None:
    assert uploads.refusal(name, data, purpose) is None


REFUSED = [
    (
        "cai-dat.exe",
        PROGRAM,
        uploads.ATTACHMENTS,
        "loại .exe không phải định dạng tệp đính kèm được hỗ trợ",
    ),
    ("cai-dat.exe", PROGRAM, uploads.LIBRARY, "chỉ nhận .docx, .pdf"),
    ("README", b"abc", uploads.LIBRARY, "tệp không có phần đuôi"),
    ("rong.pdf", b"", uploads.ATTACHMENTS, "tệp rỗng (0 byte)"),
    ("hoa-don.pdf", PROGRAM, uploads.ATTACHMENTS, "nội dung không phải tệp PDF"),
    ("bang.xlsx", DOCX, uploads.IMPORTS, "nội dung không phải bảng tính Excel (.xlsx)"),
    ("ke-hoach.docx", b"PK\x03\x04 broken", uploads.LIBRARY, "văn bản Word (.docx)"),
    ("nhan-su.csv", PROGRAM, uploads.IMPORTS, "nội dung không phải tệp .csv"),
    ("nhan-su.csv", XLSX, uploads.IMPORTS, "nội dung không phải tệp .csv"),
    ("anh.png", b"\xff\xd8\xff\xe0", uploads.ATTACHMENTS, "nội dung không phải ảnh PNG"),
    ("trang.html", b"<html>", uploads.ATTACHMENTS, "loại .html không phải định dạng"),
]


@pytest.mark.parametrize(("name", "data", "purpose", "reason"), REFUSED)
def test_refusals_name_the_file_and_the_reason(
    name: str, data: bytes, purpose: uploads.Purpose, reason: str
) -> None:
    message = uploads.refusal(name, data, purpose)
    assert message is not None and f"“{name}”" in message and reason in message


# Each upload form, the field with the file, other data it needs, and a kind it takes.
FORMS: list[tuple[str, Any, str, dict[str, Any], str]] = [
    ("orgs people/units import", PeopleImportForm, "file", {}, ".csv"),
    ("study sign-in sheet", SigninImportForm, "file", {}, ".xlsx"),
    ("study essay", EssayForm, "file", {}, ".pdf"),
    ("reports paper import", PaperImportForm, "file", {}, ".xlsx"),
    ("reports attachment", AttachmentForm, "file", {}, ".pdf"),
    ("plans plan file", PlanForm, "file", {}, ".docx"),
    ("plans signed plan", UploadSignedPlanForm, "file", {}, ".pdf"),
    ("plans evidence", TaskUpdateForm, "evidence", {"progress": "50"}, ".jpg"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("label", "form_class", "field", "data", "suffix"), FORMS)
def test_every_upload_form_refuses_programs_and_empty_files(
    label: str, form_class: type[forms.Form], field: str, data: dict[str, Any], suffix: str
) -> None:
    for name, content, reason in [
        ("cai-dat.exe", PROGRAM, "loại .exe không phải định dạng"),
        (f"rong{suffix}", b"", "tệp rỗng (0 byte)"),
    ]:
        form = form_class(data, _files(field, name, content))
        assert not form.is_valid()
        (message,) = form.errors[field]
        assert f"“{name}”" in message and reason in message, label


@pytest.mark.parametrize(
    ("form_class", "field", "good"),
    [
        (AttachmentForm, "file", ("bien-ban.pdf", b"%PDF-1.4 ...")),
        (
            SigninImportForm,
            "file",
            ("ky-ten.csv", codecs.BOM_UTF16_LE + "Họ và tên\r\nAn\r\n".encode("utf-16-le")),
        ),
        (PeopleImportForm, "file", ("nhan-su.xlsx", XLSX)),
    ],
)
def test_upload_forms_take_real_files(
    form_class: type[forms.Form], field: str, good: tuple[str, bytes]
) -> None:
    form = form_class({}, _files(field, *good))
    assert field not in form.errors
    form.is_valid()
    assert field not in form.errors and form.cleaned_data[field].read() == good[1]


def test_a_file_over_the_fields_limit_is_refused_with_its_size() -> None:
    form = AttachmentForm({}, _files("file", "to.pdf", b"%PDF-" + bytes(21 * 1024 * 1024)))
    assert not form.is_valid()
    assert "“to.pdf”" in form.errors["file"][0] and "quá giới hạn 20 MB" in form.errors["file"][0]
