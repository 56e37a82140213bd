"""The library takes documents only: a program (.exe) or a renamed file is refused by name and
reason — as a draft, inside a .zip, and alongside other files in a bulk import — and a post
with more files than Django takes gets a Vietnamese answer, not "Bad Request (400)"."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuyengiao.core.models import Job
from tuyengiao.documents.models import Document, UploadDraft

from .conftest import stored_files

PROGRAM = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + bytes(200)
PLAN = "Số 7-KH/TU\nKẾ HOẠCH\nVề việc tuyên truyền kỷ niệm ngày thành lập Đảng\n"
OTHER_PLAN = "Số 8-KH/TU\nKẾ HOẠCH\nVề việc học tập nghị quyết\n"


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buf.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("cai-dat.exe", PROGRAM, "loại .exe không phải định dạng"),
        ("ke-hoach.pdf", PROGRAM, "nội dung không phải tệp PDF"),
        ("ke-hoach.txt", PROGRAM, "nội dung không phải tệp văn bản thuần"),
    ],
)
def test_a_program_is_not_taken_as_a_draft(name, data, reason, client_as, tree, media_root):
    resp = client_as("coso1").post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile(name, data), "unit": tree.base1.pk},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert resp.status_code == 400
    (message,) = json.loads(resp.content)["errors"]
    assert f"“{name}”" in message and reason in message
    assert not UploadDraft.objects.exists() and stored_files(media_root) == []


@pytest.mark.django_db
def test_a_program_inside_a_zip_is_named_and_the_documents_become_drafts(
    client_as, tree, media_root
):
    data = _zip({"ke-hoach.txt": PLAN.encode(), "tai-lieu/cai-dat.exe": PROGRAM})
    resp = client_as("coso1").post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("lo.zip", data), "unit": tree.base1.pk},
        follow=True,
    )
    assert UploadDraft.objects.get().parsed["number"] == "7-KH/TU"
    page = resp.content.decode()
    assert "“cai-dat.exe”" in page and "loại .exe không phải định dạng" in page


@pytest.mark.django_db
def test_bulk_import_reports_a_program_alongside_and_inside_a_zip(client_as, tree, media_root):
    files = [
        SimpleUploadedFile("a.txt", PLAN.encode()),
        SimpleUploadedFile("virus.exe", PROGRAM),
        SimpleUploadedFile("lo.zip", _zip({"b.txt": OTHER_PLAN.encode(), "trong.exe": PROGRAM})),
    ]
    resp = client_as("coso1").post("/tai-lieu/nhap/", {"tep": files, "unit": tree.base1.pk})
    job = Job.objects.get()
    assert resp.status_code == 302
    assert job.result["imported"] == 2 and Document.objects.count() == 2
    failures = {f["name"].split("-", 1)[-1]: f["reason"] for f in job.result["failures"]}
    assert job.result["failure_count"] == 2
    assert "virus.exe" in failures and "loại .exe không phải định dạng" in failures["virus.exe"]
    assert any(name.endswith("lo.zip/trong.exe") for name in failures)
    page = client_as("coso1").get(resp["Location"]).content.decode()
    assert "virus.exe" in page and "trong.exe" in page


@pytest.mark.django_db
def test_the_upload_pages_tell_the_limits_before_sending(client_as, tree, settings):
    settings.DOCUMENTS_MAX_FILE_BYTES = 5 * 1024 * 1024
    settings.DOCUMENTS_MAX_ZIP_FILES = 300
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 100
    client = client_as("coso1")
    for url in ("/tai-lieu/tai-len/", "/tai-lieu/nhap/"):
        page = client.get(url).content.decode()
        assert "tối đa 100 tệp mỗi lần" in page and "mỗi tệp tối đa 5 MB" in page
        assert "tối đa 300 tệp" in page


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/tai-lieu/nhap/", "/tai-lieu/tai-len/"])
def test_more_files_than_django_takes_get_a_vietnamese_answer(url, client_as, tree, settings):
    limit = settings.DATA_UPLOAD_MAX_NUMBER_FILES
    files = [SimpleUploadedFile(f"{i}.txt", b"x") for i in range(limit + 1)]
    client = client_as("coso1")
    resp = client.post(url, {"tep": files, "unit": tree.base1.pk})
    assert resp.status_code == 400
    page = resp.content.decode()
    assert f"tối đa {limit} tệp" in page and "Bad Request" not in page
    assert "Không tệp nào được lưu" in page and not Job.objects.exists()
    resp = client.post(
        url,
        {"tep": files, "unit": tree.base1.pk},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert resp.status_code == 400
    assert f"tối đa {limit} tệp" in json.loads(resp.content)["errors"][0]


def test_a_text_named_ocr_txt_is_read_as_ocr_output() -> None:
    from tuyengiao.documents import services

    body = "Số 31-CTr/TW\n\nCHƯƠNG TRÌNH\nvề môi trường\n\n1- MỤC ĐÍCH\n\nII- NHIỆM VỤ\n".encode()
    _text, typed = services.read_and_parse(body, "chuong-trinh.txt")
    _text, ocr = services.read_and_parse(body, "chuong-trinh.ocr.txt")
    assert [s["label"] for s in typed["sections"]] == ["II"]
    assert [s["label"] for s in ocr["sections"]] == ["I", "II"]
