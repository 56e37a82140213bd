"""Attachments of a submission go through the attachments allow-list: empty files and programs
are refused with the file's name and the reason; a document is attached."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tuyengiao.reports.models import Attachment, Submission

from .conftest import Setup

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_root(tmp_path: Any, settings: Any) -> Any:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("rong.docx", b"", "rỗng"),
        ("caidat.exe", b"MZ\x90\x00" + b"\x00" * 100, "caidat.exe"),
        ("doi-ten.pdf", b"MZ\x90\x00" + b"\x00" * 100, "doi-ten.pdf"),
    ],
)
def test_bad_attachments_are_refused_with_a_reason(
    forty: Setup, client_as: Any, media_root: Any, name: str, content: bytes, reason: str
) -> None:
    sub = Submission.objects.get(period=forty.q1, unit=forty.units[0])
    url = reverse("reports:attach", kwargs={"submission_pk": sub.pk})
    page = client_as("coso1").post(url, {"file": SimpleUploadedFile(name, content)}, follow=True)
    assert reason in page.content.decode()
    assert not Attachment.objects.exists()


def test_a_document_is_attached(forty: Setup, client_as: Any, media_root: Any) -> None:
    sub = Submission.objects.get(period=forty.q1, unit=forty.units[0])
    url = reverse("reports:attach", kwargs={"submission_pk": sub.pk})
    page = client_as("coso1").post(
        url, {"file": SimpleUploadedFile("minh-chung.docx", _docx())}, follow=True
    )
    assert "Đã đính kèm minh-chung.docx" in page.content.decode()
    assert Attachment.objects.filter(submission=sub, name="minh-chung.docx").exists()
