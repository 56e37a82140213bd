"""Editable certificate templates: placeholders checked on upload (unknown or unclosed ones are
refused in Vietnamese, naming them), certificates filled from the active template of the form or
the general one — runs, tables and headers included —, the built-in layout without one."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document

from tuyengiao.accounts.models import User
from tuyengiao.emulation import services
from tuyengiao.emulation.certificate_template import sample_template
from tuyengiao.emulation.models import AwardForm, CertificateTemplate, Commendation
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]
URL = "emulation:template_list"


def _rich_template() -> bytes:
    """A placeholder split over three runs (bold), one in a table cell, one in the header."""
    doc = Document()
    doc.sections[0].header.paragraphs[0].text = "{{ co_quan }}"
    doc.add_paragraph("{{ hinh_thuc }}")
    paragraph = doc.add_paragraph("Tặng ")
    for piece in ("{{ ho", "_ten", " }}"):
        paragraph.add_run(piece).bold = True
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Đơn vị: {{don_vi}}"
    table.cell(0, 1).text = "Quyết định số {{ so_quyet_dinh }} ngày {{ ngay }}"
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _text(data: bytes) -> str:
    doc = Document(io.BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    parts += [c.text for t in doc.tables for r in t.rows for c in r.cells]
    parts += [p.text for p in doc.sections[0].header.paragraphs]
    return "\n".join(parts)


def _upload(client: Client, data: bytes, name: str = "mau.docx", **extra: str) -> str:
    response = client.post(
        reverse(URL),
        {"name": "Mẫu giấy khen 2026", "file": SimpleUploadedFile(name, data), **extra},
        follow=True,
    )
    return response.content.decode()


def _commendation(tree: Tree, form: str = "Giấy khen") -> Commendation:
    person = make_person(tree.cell1, "Lê Văn Cường")
    return services.commend(
        issuer=tree.bloc,
        user=None,
        form=AwardForm.objects.get(name=form),
        decision_number="12-QĐ/ĐUK",
        decision_date=date(2026, 12, 20),
        reason="Hoàn thành xuất sắc nhiệm vụ",
        subject_unit=None,
        person=person,
    )


def _certificate(client: Client, commendation: Commendation) -> str:
    url = reverse("emulation:certificate", kwargs={"commendation_pk": commendation.pk})
    return _text(client.get(url).content)


def test_an_uploaded_template_fills_the_certificate(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    commendation = _commendation(tree)
    khoi = client_as("khoi")
    built_in = _certificate(khoi, commendation)
    assert "GIẤY KHEN" in built_in and "Lê Văn Cường" in built_in
    page = _upload(client_as("admin"), _rich_template())
    assert "Đã tải lên mẫu" in page
    template = CertificateTemplate.objects.get()
    assert template.placeholders == [
        "hinh_thuc",
        "ho_ten",
        "don_vi",
        "so_quyet_dinh",
        "ngay",
        "co_quan",
    ]
    text = _certificate(khoi, commendation)
    assert "{{" not in text
    assert "Tặng Lê Văn Cường" in text
    assert f"Đơn vị: {tree.cell1.name}" in text
    assert "Quyết định số 12-QĐ/ĐUK ngày 20/12/2026" in text
    assert tree.bloc.name in text
    doc = Document(
        io.BytesIO(
            khoi.get(
                reverse("emulation:certificate", kwargs={"commendation_pk": commendation.pk})
            ).content
        )
    )
    assert any(r.bold and "Lê Văn Cường" in r.text for r in doc.paragraphs[1].runs)

    # switched off: back to the built-in layout
    client_as("admin").post(
        reverse("emulation:template_toggle", kwargs={"template_pk": template.pk})
    )
    assert "Tặng Lê Văn Cường" not in _certificate(khoi, commendation)
    assert "GIẤY KHEN" in _certificate(khoi, commendation)


def test_a_template_of_the_form_wins_over_the_general_one(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    admin = client_as("admin")
    _upload(admin, sample_template("CHUNG {{ ho_ten }}"))
    bang_khen = AwardForm.objects.get(name="Bằng khen")
    _upload(admin, sample_template("RIÊNG {{ ho_ten }}"), form=str(bang_khen.pk))
    khoi = client_as("khoi")
    assert "RIÊNG Lê Văn Cường" in _certificate(khoi, _commendation(tree, "Bằng khen"))
    giay_khen = Commendation.objects.get().person
    assert giay_khen is not None
    other = services.commend(
        issuer=tree.bloc,
        user=None,
        form=AwardForm.objects.get(name="Giấy khen"),
        decision_number="13-QĐ/ĐUK",
        decision_date=date(2026, 12, 21),
        reason="x",
        subject_unit=tree.base2,
        person=None,
    )
    assert f"CHUNG {tree.base2.name}" in _certificate(khoi, other)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            sample_template("Tặng {{ ho_ten }} — {{ chuc_vu }}"),
            "mau.docx",
            "Mẫu có trường không được hỗ trợ: {{ chuc_vu }}. Chỉ dùng được: {{ ho_ten }}",
        ),
        (
            sample_template("Tặng {{ ho_ten }} và {{ don_vi"),
            "mau.docx",
            "Mẫu có trường chưa đóng đủ dấu ngoặc",
        ),
        (sample_template("Không có trường nào"), "mau.docx", "Mẫu chưa có trường nào để điền"),
        (b"%PDF-1.4 x", "mau.pdf", "mẫu giấy chứng nhận phải là văn bản Word (.docx)"),
        (b"not a zip", "mau.docx", "Không đọc được tệp “mau.docx”"),
    ],
)
def test_bad_templates_are_refused_in_vietnamese_and_nothing_is_saved(
    users: dict[str, User], client_as: ClientAs, data: bytes, name: str, message: str
) -> None:
    page = _upload(client_as("admin"), data, name)
    assert message in page.replace("&quot;", '"').replace("&#x27;", "'")
    assert not CertificateTemplate.objects.exists()


def test_only_a_system_administrator_manages_templates(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    khoi = client_as("khoi")
    assert khoi.get(reverse(URL)).status_code == 200
    response = khoi.post(
        reverse(URL), {"name": "x", "file": SimpleUploadedFile("mau.docx", sample_template())}
    )
    assert response.status_code == 403
    assert not CertificateTemplate.objects.exists()
    _upload(client_as("admin"), sample_template())
    template = CertificateTemplate.objects.get()
    toggle = reverse("emulation:template_toggle", kwargs={"template_pk": template.pk})
    assert khoi.post(toggle).status_code == 403
    template.refresh_from_db()
    assert template.active


def test_values_are_written_once_never_read_as_placeholders(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    _upload(client_as("admin"), sample_template("{{ thanh_tich }} / {{ ho_ten }}"))
    commendation = services.commend(
        issuer=tree.bloc,
        user=None,
        form=AwardForm.objects.get(name="Giấy khen"),
        decision_number="14-QĐ/ĐUK",
        decision_date=date(2026, 12, 22),
        reason="Viết {{ ho_ten }} đúng mẫu",
        subject_unit=tree.base1,
        person=None,
    )
    text = _certificate(client_as("khoi"), commendation)
    assert f"Viết {{{{ ho_ten }}}} đúng mẫu / {tree.base1.name}" in text
