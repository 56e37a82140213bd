"""Plans coming in as files: read by vanban, tasks proposed, implementing plans linked."""

from __future__ import annotations

import io
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from tuyengiao.plans import services
from tuyengiao.plans.drafting import build_implementing_plan, letterhead_for
from tuyengiao.plans.models import CascadeRecipient, Plan, Task
from tuyengiao.plans.views import parent_plan_for_draft

from .test_browser import _give_number
from .test_proposals import CORPUS, expected_tasks

pytestmark = pytest.mark.django_db


def _need_vanban() -> None:
    vanban = pytest.importorskip("vanban")
    if not (hasattr(vanban, "read") and hasattr(vanban, "parse")):
        pytest.skip("vanban.read / vanban.parse not available yet")


def test_upload_without_a_reader_or_with_a_bad_file_keeps_nothing(
    tree: Any, client_as: Any
) -> None:
    client = client_as("coso1")
    bad = SimpleUploadedFile("anh.gif", b"GIF89a....", content_type="image/gif")
    response = client.post(
        reverse("plans:plan_create"), {"kind": "ke_hoach", "file": bad, "published_down": "on"}
    )
    assert response.status_code == 200
    assert "không phải định dạng văn bản được hỗ trợ" in response.content.decode()
    # A scan (.png) is a format the library reads (by OCR); a broken one is refused as such.
    broken = SimpleUploadedFile("anh.png", b"\x89PNG....", content_type="image/png")
    response = client.post(
        reverse("plans:plan_create"), {"kind": "ke_hoach", "file": broken, "published_down": "on"}
    )
    assert response.status_code == 200
    assert "nội dung không phải ảnh PNG" in response.content.decode()
    empty = client.post(reverse("plans:plan_create"), {"kind": "ke_hoach"})
    assert "Hãy chọn tệp kế hoạch" in empty.content.decode()
    assert not Plan.objects.exists()


def test_plan_file_over_the_library_limit_is_refused_naming_the_limit(
    tree: Any, client_as: Any, settings: Any
) -> None:
    """Plans take files in through the library: its limit (a setting) is theirs, in its words."""
    from tuyengiao.documents.models import Document

    settings.DOCUMENTS_MAX_FILE_BYTES = 2048
    big = SimpleUploadedFile("ke-hoach.txt", "KẾ HOẠCH\n".encode() + b"x" * 4096)
    response = client_as("coso1").post(
        reverse("plans:plan_create"),
        {"kind": "ke_hoach", "title": "Kế hoạch thử", "file": big, "published_down": "on"},
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "“ke-hoach.txt” quá lớn (4 KB); giới hạn là 2 KB mỗi tệp." in page
    assert not Plan.objects.exists() and not Document.objects.exists()


def test_plan_typed_in_without_a_file(tree: Any, client_as: Any) -> None:
    client = client_as("coso1")
    response = client.post(
        reverse("plans:plan_create"),
        {
            "kind": "ke_hoach",
            "number": "5-KH/ĐU",
            "title": "Kế hoạch tự nhập",
            "issued_on": "2024-05-02",
            "published_down": "on",
        },
    )
    plan = Plan.objects.get()
    assert response.status_code == 302 and plan.unit == tree.base1 and plan.number_key
    assert plan.issued_on == date(2024, 5, 2)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="dev corpus absent")
def test_corpus_plan_uploaded_gets_its_tasks(tree: Any, client_as: Any) -> None:
    _need_vanban()
    source = CORPUS / "seed-4.txt"
    truth = json.loads(source.with_suffix(".json").read_text(encoding="utf-8"))
    client = client_as("coso1")
    upload = SimpleUploadedFile("ke-hoach.txt", source.read_bytes(), content_type="text/plain")
    response = client.post(
        reverse("plans:plan_create"), {"kind": "ke_hoach", "file": upload, "published_down": "on"}
    )
    assert response.status_code == 302
    plan = Plan.objects.get()
    got = {(t.section, t.label or None) for t in Task.objects.filter(plan=plan)}
    assert got == set(expected_tasks(truth))


def test_signed_plan_uploaded_is_linked(tree: Any, client_as: Any, tmp_path: Path) -> None:
    _need_vanban()
    parent = Plan.objects.create(
        unit=tree.bloc,
        number="45-KH/ĐUK",
        title="Tuyên truyền năm 2024",
        issued_on=date(2024, 3, 1),
        issuer_name="Ban Thường vụ Đảng ủy Khối",
    )
    services.send_down(
        parent, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=5)
    )
    recipient = CascadeRecipient.objects.get(unit=tree.base1)
    draft = build_implementing_plan(letterhead_for(tree.base1), parent_plan_for_draft(parent))
    signed = SimpleUploadedFile("ke-hoach.docx", _give_number(draft, "12"))
    client = client_as("coso1")
    response = client.post(
        reverse("plans:recipient_upload", kwargs={"recipient_pk": recipient.pk}), {"file": signed}
    )
    assert response.status_code == 302
    recipient.refresh_from_db()
    assert (
        recipient.implementing_plan is not None and recipient.implementing_plan.unit == tree.base1
    )
    assert recipient.implementing_plan.parent == parent
    document = recipient.implementing_plan.document
    assert document is not None and document.unit == tree.base1  # stored in the library
    assert (
        recipient.implementing_plan.number.endswith("-KH/ĐU")
        and document.number == recipient.implementing_plan.number
    )
    other = CascadeRecipient.objects.get(unit=tree.base2)
    assert other.implementing_plan is None
    assert (
        client_as("coso2")
        .post(
            reverse("plans:recipient_upload", kwargs={"recipient_pk": recipient.pk}),
            {"file": SimpleUploadedFile("x.docx", io.BytesIO(draft).read())},
        )
        .status_code
        == 404
    )


def test_plan_uploaded_through_the_library_is_linked(
    tree: Any, users: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """The library's plain upload (no plans page involved) links the implementing plan too."""
    _need_vanban()
    from tuyengiao.documents import services as library

    parent = Plan.objects.create(
        unit=tree.bloc,
        number="45-KH/ĐUK",
        title="Tuyên truyền năm 2024",
        issued_on=date(2024, 3, 1),
        issuer_name="Ban Thường vụ Đảng ủy Khối",
    )
    services.send_down(
        parent, tree.bloc, [tree.base1, tree.base2], timezone.localdate() + timedelta(days=5)
    )
    signed = _give_number(
        build_implementing_plan(letterhead_for(tree.base2), parent_plan_for_draft(parent)), "7"
    )
    text, parsed = library.read_and_parse(signed, "kh-7.docx")
    with django_capture_on_commit_callbacks(execute=True):
        document = library.create_document(
            tree.base2, users["coso2"], "kh-7.docx", signed, text=text, parsed=parsed
        )
    recipient = CascadeRecipient.objects.get(unit=tree.base2)
    assert (
        recipient.implementing_plan is not None and recipient.implementing_plan.document == document
    )
    assert (
        recipient.implementing_plan.parent == parent and recipient.implementing_plan.tasks.exists()
    )
    assert CascadeRecipient.objects.get(unit=tree.base1).implementing_plan is None
    # Saved again (a correction): still one plan, still linked.
    with django_capture_on_commit_callbacks(execute=True):
        library.update_fields(
            document, users["coso2"], {"title": "Thực hiện Kế hoạch 45-KH/ĐUK (đã sửa)"}
        )
    assert Plan.objects.filter(document=document).count() == 1
    assert Plan.objects.get(document=document).title == "Thực hiện Kế hoạch 45-KH/ĐUK (đã sửa)"


def test_library_plan_answering_no_cascade_makes_no_plan(
    tree: Any, users: Any, django_capture_on_commit_callbacks: Any
) -> None:
    _need_vanban()
    from tuyengiao.documents import services as library

    data = (
        (CORPUS / "seed-2.txt").read_bytes()
        if CORPUS.is_dir()
        else "KẾ HOẠCH\nThực hiện Kế hoạch số 59-KH/ĐUK".encode()
    )
    text, parsed = library.read_and_parse(data, "kh.txt")
    with django_capture_on_commit_callbacks(execute=True):
        library.create_document(
            tree.base1, users["coso1"], "kh.txt", data, text=text, parsed=parsed
        )
    assert not Plan.objects.exists()


@pytest.mark.skipif(not CORPUS.is_dir(), reason="dev corpus absent")
def test_plan_from_a_library_document(tree: Any, users: Any, client_as: Any) -> None:
    _need_vanban()
    from tuyengiao.documents import services as library

    data = (CORPUS / "seed-4.txt").read_bytes()
    text, parsed = library.read_and_parse(data, "kh.txt")
    document = library.create_document(
        tree.base1, users["coso1"], "kh.txt", data, text=text, parsed=parsed
    )
    client = client_as("coso1")
    listing = client.get(reverse("plans:plan_list")).content.decode()
    url = reverse("plans:plan_from_document", kwargs={"document_pk": document.pk})
    assert url in listing
    assert client.post(url).status_code == 302
    plan = Plan.objects.get(document=document)
    truth = json.loads((CORPUS / "seed-4.json").read_text(encoding="utf-8"))
    assert {(t.section, t.label or None) for t in plan.tasks.all()} == set(expected_tasks(truth))
    assert client.post(url).status_code == 302 and Plan.objects.count() == 1
    assert client_as("coso2").get(url).status_code == 404
