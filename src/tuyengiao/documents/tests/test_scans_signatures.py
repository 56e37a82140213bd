"""Scans read by OCR in a background job, and digital signatures of PDFs, in the library."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tuyengiao.core.models import Job
from tuyengiao.documents import services
from tuyengiao.documents.models import Document, SignatureStatus, UploadDraft
from tuyengiao.documents.tasks import DOCUMENT_OCR
from vanban import ocr

needs_tesseract = pytest.mark.skipif(
    not ocr.available(), reason="Tesseract with the Vietnamese model is not installed"
)
FONT = Path("/usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf")

LINES = [
    "UBND TỈNH BÌNH AN",
    "SỞ VĂN HÓA VÀ THỂ THAO",
    "Số: 12/KH-SVHTT",
    "Bình An, ngày 5 tháng 3 năm 2024",
    "",
    "KẾ HOẠCH",
    "Tuyên truyền kỷ niệm ngày thành lập Đảng",
    "",
    "I. MỤC ĐÍCH, YÊU CẦU",
    "1. Nâng cao nhận thức của cán bộ.",
    "",
    "GIÁM ĐỐC",
    "",
    "Lê Văn Minh",
]


def scan_png() -> bytes:
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", (1654, 1400), 255)
    pen = ImageDraw.Draw(page)
    font = ImageFont.truetype(str(FONT), 36)
    for index, line in enumerate(LINES):
        pen.text((200, 150 + index * 60), line, font=font, fill=0)
    out = io.BytesIO()
    page.save(out, "PNG")
    return out.getvalue()


@needs_tesseract
@pytest.mark.django_db
def test_scan_upload_is_read_by_ocr_in_a_background_job(tree, client_as):
    pytest.importorskip("PIL")
    client = client_as("coso1")
    resp = client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("ke-hoach-quet.png", scan_png()), "unit": tree.base1.pk},
    )
    job = Job.objects.get(kind=DOCUMENT_OCR)
    assert resp.status_code == 302 and resp["Location"].endswith(f"/quet/{job.pk}/")
    page = client.get(resp["Location"]).content.decode()
    draft = UploadDraft.objects.get()
    assert f"/cho-duyet/{draft.pk}/" in page  # the outcome links to the review
    assert job.result["draft"] == draft.pk if (job := Job.objects.get(pk=job.pk)) else False
    assert draft.parsed["number"] == "12/KH-SVHTT"
    assert draft.parsed["ocr"]["pages"] == 1
    review = client.get(f"/tai-lieu/cho-duyet/{draft.pk}/").content.decode()
    assert "bản quét" in review and "cần xem lại" in review
    image = client.get(f"/tai-lieu/cho-duyet/{draft.pk}/anh-trang/?trang=1")
    assert image.status_code == 200 and image["Content-Type"] == "image/png"
    assert b"".join(image.streaming_content).startswith(b"\x89PNG")
    assert client.get(f"/tai-lieu/cho-duyet/{draft.pk}/anh-trang/?trang=2").status_code == 404
    # confirmed, the document keeps the OCR note
    resp = client.post(
        f"/tai-lieu/cho-duyet/{draft.pk}/",
        {"number": "12/KH-SVHTT", "doc_type": "Kế hoạch", "title": "Tuyên truyền", "save": "1"},
    )
    doc = Document.objects.get()
    assert doc.parsed["ocr"]["pages"] == 1
    assert "nhận dạng từ bản quét" in client.get(f"/tai-lieu/{doc.pk}/").content.decode()


@pytest.mark.django_db
def test_scan_without_tesseract_says_so(tree, client_as, monkeypatch):
    pytest.importorskip("PIL")
    monkeypatch.setattr(ocr, "_tesseract", lambda: None)
    client = client_as("coso1")
    resp = client.post(
        "/tai-lieu/tai-len/",
        {"tep": SimpleUploadedFile("quet.png", scan_png()), "unit": tree.base1.pk},
    )
    job = Job.objects.get(kind=DOCUMENT_OCR)
    page = client.get(resp["Location"]).content.decode()
    assert "Chưa cài Tesseract" in page, page
    assert job.pk and not UploadDraft.objects.exists()


@pytest.mark.django_db
def test_signed_pdf_shows_its_signatures_and_the_library_filters(
    tree, client_as, tmp_path, settings
):
    from vanban.testing import blank_pdf, make_ca, make_signer, pem, sign

    ca = make_ca("CA thử nghiệm")
    now = datetime.now(UTC)
    officer = make_signer(
        ca, "Phạm Thị Lan", valid_from=now - timedelta(days=5), valid_to=now + timedelta(days=300)
    )
    roots = tmp_path / "roots.pem"
    roots.write_bytes(pem(ca))
    settings.DOCUMENTS_TRUSTED_ROOTS = str(roots)
    signed = sign(_text_pdf(blank_pdf()), officer, ca, tmp_path)
    outcome = services.upload(tree.base1, None, "cong-van-ky-so.pdf", signed)
    [draft] = outcome.drafts
    assert draft.parsed["signature_status"] == "valid"
    [signature] = draft.parsed["signatures"]
    assert signature["signer"] == "Phạm Thị Lan" and signature["issuer"] == "CA thử nghiệm"
    doc = services.confirm_draft(draft, None, {})
    assert doc.signature_status == SignatureStatus.VALID
    client = client_as("coso1")
    page = client.get(f"/tai-lieu/{doc.pk}/").content.decode()
    assert "Chữ ký số" in page and "Phạm Thị Lan" in page and "Hợp lệ" in page
    settings.DOCUMENTS_TRUSTED_ROOTS = ""  # another office's root: not trusted
    untrusted_outcome = services.upload(
        tree.base1,
        None,
        "khac.pdf",
        sign(_text_pdf(blank_pdf(), "Số 8/CV"), officer, ca, tmp_path, "S2"),
    )
    untrusted = services.confirm_draft(untrusted_outcome.drafts[0], None, {})
    assert untrusted.signature_status == SignatureStatus.INVALID
    assert (
        "không thuộc tổ chức được tin cậy"
        in client.get(f"/tai-lieu/{untrusted.pk}/").content.decode()
    )
    from tuyengiao.documents.testing import make_document

    plain = make_document(tree.base1, "10-KH/X", title="Kế hoạch thường")
    listing = {
        status: client.get("/tai-lieu/", {"signature": status}).content.decode()
        for status in ("valid", "invalid", "unsigned")
    }
    assert f"/tai-lieu/{doc.pk}/" in listing["valid"]
    assert f"/tai-lieu/{untrusted.pk}/" not in listing["valid"]
    assert f"/tai-lieu/{untrusted.pk}/" in listing["invalid"]
    assert f"/tai-lieu/{plain.pk}/" in listing["unsigned"]
    assert f"/tai-lieu/{doc.pk}/" not in listing["unsigned"]


def _text_pdf(base: bytes, number: str = "Số 7/CV-UBND") -> bytes:
    """A one-page PDF whose text layer holds a short Công văn (pyHanko writes the content)."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    writer = IncrementalPdfFileWriter(io.BytesIO(base))
    page = writer.root["/Pages"]["/Kids"][0].get_object()
    font = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Font"),
            generic.NameObject("/Subtype"): generic.NameObject("/Type1"),
            generic.NameObject("/BaseFont"): generic.NameObject("/Helvetica"),
        }
    )
    page["/Resources"] = generic.DictionaryObject(
        {
            generic.NameObject("/Font"): generic.DictionaryObject(
                {generic.NameObject("/F1"): writer.add_object(font)}
            )
        }
    )
    ascii_number = number.replace("ố", "o")
    lines = [ascii_number, "CONG VAN", "Ve viec tuyen truyen phong chong thien tai nam 2025"]
    body = (
        b"BT /F1 12 Tf 72 760 Td 16 TL "
        + b" ".join(b"(" + line.encode("latin-1") + b") '" for line in lines)
        + b" ET"
    )
    page["/Contents"] = writer.add_object(generic.StreamObject(stream_data=body))
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_change_signed_later_is_shown_with_its_signers(tree, client_as, settings):
    # a real e-office letter: the officer's signature, then the ministry's, which signs the
    # number and the day stamped after the officer signed
    settings.DOCUMENTS_TRUSTED_ROOTS = ""
    root = Path(__file__).resolve().parents[4]
    data = (root / "tests" / "vanban" / "fixtures" / "real" / "cv-bnv-11902.pdf").read_bytes()
    outcome = services.upload(tree.base1, None, "cv-bnv-11902.pdf", data)
    [draft] = outcome.drafts
    first = draft.parsed["signatures"][0]
    assert first["status"] == "modified" and first["changes_signed_by"] == ["Bộ Nội vụ"]
    doc = services.confirm_draft(draft, None, {})
    page = client_as("coso1").get(f"/tai-lieu/{doc.pk}/").content.decode()
    assert "Văn bản đã bị sửa sau khi ký" in page
    assert "Phần thay đổi sau đó đã được ký bởi: Bộ Nội vụ" in page
    # and what the change was, in words (a certification signature updated afterwards)
    assert "chữ ký chứng thực" in first["problem"]
    assert first["problem"] in page
