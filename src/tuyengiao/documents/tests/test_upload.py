"""Upload → draft → review → document; bad files leave nothing stored."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

import vanban
from tuyengiao.documents import services
from tuyengiao.documents.models import Document, FieldCorrection, UploadDraft

from .conftest import CORPUS, stored_files

SAMPLE = """ĐẢNG BỘ TỈNH BÌNH AN
TỈNH ỦY
Số 40-KH/TU
Bình An, ngày 5 tháng 3 năm 2019
KẾ HOẠCH
Thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng
Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị (khóa XII) về tăng cường bảo vệ nền tảng tư tưởng của Đảng, Ban Thường vụ Tỉnh ủy xây dựng kế hoạch thực hiện như sau:
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc nội dung Nghị quyết.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường công tác tuyên truyền.
2. Đấu tranh phản bác các quan điểm sai trái.
III. TỔ CHỨC THỰC HIỆN
Ban Tuyên giáo Tỉnh ủy chủ trì theo dõi.
Nơi nhận:
- Các huyện ủy,
- Lưu VT.
T/M BAN THƯỜNG VỤ
PHÓ BÍ THƯ
Nguyễn Văn Hòa
"""


def _docx(paragraphs: list[str]) -> bytes:
    body = "".join(f"<w:p><w:r><w:t>{p}</w:t></w:r></w:p>" for p in paragraphs)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        z.writestr(
            "word/document.xml",
            '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            f"<w:body>{body}</w:body></w:document>",
        )
    return buf.getvalue()


def _encrypted_pdf() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(width=200, height=200)
    writer.encrypt(user_password="bimat", owner_password="chu")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _nothing_stored(media_root: Path) -> None:
    assert Document.objects.count() == 0
    assert UploadDraft.objects.count() == 0
    assert stored_files(media_root) == []


@pytest.mark.django_db
def test_upload_review_save_with_correction(client_as, tree, media_root):
    client = client_as("coso1")
    from django.core.files.uploadedfile import SimpleUploadedFile

    resp = client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("kh40.txt", SAMPLE.encode()), "unit": tree.base1.pk},
    )
    draft = UploadDraft.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/cho-duyet/{draft.pk}/")
    assert len(stored_files(media_root)) == 1
    page = client.get(resp["Location"]).content.decode()
    assert '<mark data-field="number" title="Số ký hiệu">40-KH/TU</mark>' in page
    assert 'value="40-KH/TU"' in page
    form = {
        k: draft.parsed.get(k) or ""
        for k in (
            "number",
            "doc_type",
            "issuer",
            "parent_issuer",
            "place",
            "title",
            "signer_name",
            "signer_title",
            "on_behalf",
        )
    }
    form["date"] = "05/03/2019"
    form["title"] = "Kế hoạch thực hiện Nghị quyết 35 (đã sửa)"
    form["published_down"] = "on"
    resp = client.post(f"/tai-lieu/cho-duyet/{draft.pk}/", form)
    doc = Document.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/tai-lieu/{doc.pk}/")
    assert doc.title == "Kế hoạch thực hiện Nghị quyết 35 (đã sửa)"
    assert doc.number == "40-KH/TU" and doc.number_key == "40/kh/tu"
    assert doc.unit == tree.base1 and doc.sha256 == services.sha256_of(SAMPLE.encode())
    correction = FieldCorrection.objects.get()
    assert correction.field == "title" and correction.parsed_value == draft.parsed["title"]
    assert not UploadDraft.objects.exists()
    detail = client.get(f"/tai-lieu/{doc.pk}/").content.decode()
    assert "đã sửa" in detail and draft.parsed["title"] in detail
    # reparse keeps the corrected title, refreshes the rest
    doc.number = "sai"
    doc.save()
    doc.parsed = {}
    doc.save()
    assert services.reparse(doc)
    doc.refresh_from_db()
    assert doc.title == "Kế hoạch thực hiện Nghị quyết 35 (đã sửa)"
    assert doc.number == "40-KH/TU"
    # uploading the same bytes again is recognised as a duplicate
    resp = client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("again.txt", SAMPLE.encode()), "unit": tree.base1.pk},
    )
    assert not UploadDraft.objects.exists()
    assert Document.objects.count() == 1


BAD_FILES = {
    "corrupt.docx": (b"PK\x03\x04 this is not really a zip archive at all", "Không đọc được"),
    "empty.txt": (b"", "rỗng"),
    "locked.pdf": (None, "Không đọc được"),
    "big.txt": (b"x" * 2048, "quá lớn (2 KB); giới hạn là 1 KB mỗi tệp"),
    "anh.gif": (b"GIF89a", "không phải định dạng văn bản được hỗ trợ"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_file_gets_message_and_nothing_is_stored(name, client_as, tree, media_root, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.DOCUMENTS_MAX_FILE_BYTES = 1024
    data, expected = BAD_FILES[name]
    if data is None:
        settings.DOCUMENTS_MAX_FILE_BYTES = 10_000_000
        data = _encrypted_pdf()
    resp = client_as("coso1").post(
        "/tai-lieu/tai-len/", {"tep": SimpleUploadedFile(name, data), "unit": tree.base1.pk}
    )
    assert resp.status_code == 400
    assert expected in resp.content.decode()
    _nothing_stored(media_root)


@pytest.mark.django_db
@pytest.mark.parametrize("member", ["../../x.txt", "/etc/x.txt", "a/../../x.txt", "..\\..\\x.txt"])
def test_zip_with_unsafe_path_is_refused_whole(member, client_as, tree, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("good.txt", SAMPLE)
        z.writestr(member, SAMPLE + "khác")
    resp = client_as("coso1").post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("lo.zip", buf.getvalue()), "unit": tree.base1.pk},
        headers={"X-Requested-With": "XMLHttpRequest"},
    )
    assert resp.status_code == 400
    assert "không an toàn" in json.loads(resp.content)["errors"][0]
    _nothing_stored(media_root)


@pytest.mark.django_db
def test_zip_too_many_files_and_too_large(tree, media_root, settings):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(4):
            z.writestr(f"{i}.txt", SAMPLE + str(i) + " " * 5000)
    settings.DOCUMENTS_MAX_ZIP_FILES = 3
    with pytest.raises(services.UploadError, match="nhiều hơn giới hạn"):
        services.upload(tree.base1, None, "a.zip", buf.getvalue())
    settings.DOCUMENTS_MAX_ZIP_FILES = 10
    settings.DOCUMENTS_MAX_ZIP_TOTAL_BYTES = 10_000
    with pytest.raises(services.UploadError, match="vượt giới hạn"):
        services.upload(tree.base1, None, "a.zip", buf.getvalue())
    _nothing_stored(media_root)


@pytest.mark.django_db
def test_zip_of_many_becomes_drafts_and_reports_bad_members(client_as, tree, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("thu-muc/a.txt", SAMPLE)
        z.writestr("b.docx", _docx(["Số 41-KH/TU", "KẾ HOẠCH", "Về việc thử"]))
        z.writestr("hong.docx", b"PK\x03\x04 broken")
    resp = client_as("coso1").post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("lo.zip", buf.getvalue()), "unit": tree.base1.pk},
        follow=True,
    )
    assert UploadDraft.objects.count() == 2
    assert {d.parsed["number"] for d in UploadDraft.objects.all()} == {"40-KH/TU", "41-KH/TU"}
    assert "hong.docx" in resp.content.decode()


@pytest.mark.django_db
def test_the_same_zip_uploaded_again_after_an_interruption_leaves_each_document_once(
    tree, media_root
):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", SAMPLE)
        z.writestr("b.docx", _docx(["Số 41-KH/TU", "KẾ HOẠCH", "Về việc thử"]))
    archive = buf.getvalue()
    # The first upload made its drafts, then the request died before anyone reviewed them.
    first = services.upload(tree.base1, None, "lo.zip", archive)
    assert len(first.drafts) == 2
    again = services.upload(tree.base1, None, "lo.zip", archive)
    assert {d.pk for d in again.drafts} == {d.pk for d in first.drafts}
    assert UploadDraft.objects.count() == 2
    assert len(stored_files(media_root)) == 2
    for draft in again.drafts:
        services.confirm_draft(draft, None, {})
    services.upload(tree.base1, None, "lo.zip", archive)  # once more, after confirming
    assert Document.objects.count() == 2 and UploadDraft.objects.count() == 0
    # Another unit's upload of the same files is its own.
    assert len(services.upload(tree.base2, None, "lo.zip", archive).drafts) == 2


@pytest.mark.django_db
def test_discarding_a_draft_removes_its_file(tree, media_root):
    outcome = services.upload(tree.base1, None, "a.txt", SAMPLE.encode())
    assert len(stored_files(media_root)) == 1
    services.discard_draft(outcome.drafts[0])
    _nothing_stored(media_root)


@pytest.mark.django_db
def test_review_keeps_what_was_typed_on_error(client_as, tree):
    draft = services.upload(tree.base1, None, "a.txt", SAMPLE.encode()).drafts[0]
    resp = client_as("coso1").post(
        f"/tai-lieu/cho-duyet/{draft.pk}/",
        {"number": "40-KH/TU", "title": "Trích yếu mới", "date": "31/02/2019"},
    )
    assert resp.status_code == 400
    body = resp.content.decode()
    assert "Ngày không hợp lệ" in body and "Trích yếu mới" in body
    assert not Document.objects.exists()


CORPUS_FILES = sorted(CORPUS.glob("*.txt")) if CORPUS.is_dir() else []


@pytest.mark.django_db
@pytest.mark.skipif(not CORPUS_FILES, reason="không có ../shared/corpus/dev")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_uploading_each_corpus_document_yields_vanban_fields(path, client_as, tree):
    from django.core.files.uploadedfile import SimpleUploadedFile

    expected = vanban.parse_file(path).to_dict()
    client = client_as("coso1")
    client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile(path.name, path.read_bytes()), "unit": tree.base1.pk},
    )
    draft = UploadDraft.objects.get()
    for key in (
        "number",
        "doc_type",
        "issuer",
        "parent_issuer",
        "place",
        "date",
        "title",
        "signer_name",
        "signer_title",
        "on_behalf",
        "recipients",
        "references",
        "implements",
        "sections",
        "items",
        "assignments",
    ):
        assert draft.parsed[key] == expected[key], key
    form = {
        k: draft.parsed.get(k) or ""
        for k in (
            "number",
            "doc_type",
            "issuer",
            "parent_issuer",
            "place",
            "title",
            "signer_name",
            "signer_title",
            "on_behalf",
        )
    }
    form["date"] = expected["date"] or ""
    client.post(f"/tai-lieu/cho-duyet/{draft.pk}/", form)
    doc = Document.objects.get()
    assert not doc.corrections.exists()
    for key in ("number", "doc_type", "issuer", "title", "signer_name"):
        assert getattr(doc, key) == (expected[key] or "")[: 255 if key != "title" else None], key
    assert str(doc.date or "") == (expected["date"] or "")
    assert doc.parsed["references"] == expected["references"]
    numbers = {r["number"] for r in expected["references"]} | set(expected["implements"])
    assert {r.number for r in doc.references.all()} <= numbers


@pytest.mark.django_db
def test_drafts_left_unreviewed_are_listed_and_can_be_cleaned_up(tree, media_root):
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    old = services.upload(tree.base1, None, "a.txt", SAMPLE.encode()).drafts[0]
    UploadDraft.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(days=20))
    fresh = services.upload(tree.base1, None, "b.txt", SAMPLE.replace("40-KH", "42-KH").encode())
    out = io.StringIO()
    call_command("stale_drafts", stdout=out)
    assert "a.txt" in out.getvalue() and "b.txt" not in out.getvalue()
    assert UploadDraft.objects.count() == 2  # listing deletes nothing
    call_command("stale_drafts", "--delete", stdout=io.StringIO())
    assert list(UploadDraft.objects.values_list("pk", flat=True)) == [fresh.drafts[0].pk]
    assert len(stored_files(media_root)) == 1


@pytest.mark.django_db
def test_review_marks_a_title_inferred_from_kt_for_a_look(client_as, tree, media_root):
    from django.core.files.uploadedfile import SimpleUploadedFile

    # the seal hid the title line: "KT. GIÁM ĐỐC" says the deputy signed
    text = SAMPLE.replace("T/M BAN THƯỜNG VỤ\nPHÓ BÍ THƯ\n", "KT. GIÁM ĐỐC\n\n")
    client = client_as("coso1")
    client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("kt.txt", text.encode()), "unit": tree.base1.pk},
    )
    draft = UploadDraft.objects.get()
    assert draft.parsed["signer_title"] == "PHÓ GIÁM ĐỐC"
    assert draft.parsed["inferred"] == ["signer_title"]
    page = client.get(f"/tai-lieu/cho-duyet/{draft.pk}/").content.decode()
    assert 'value="PHÓ GIÁM ĐỐC"' in page
    assert page.count("suy ra, cần xem lại") == 1
