"""The monthly bulletin: assembled from the month's calendar, completed, issued with a number,
seen below once issued, exported to .docx in the party format."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from io import BytesIO
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document

from tuyengiao.accounts.models import Role, User
from tuyengiao.events.models import Bulletin, BulletinPart
from tuyengiao.events.testing import make_campaign
from tuyengiao.notifications.models import Kind, Notification
from tuyengiao.testing import Tree, docx_format_findings, logged_in_client, make_user

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]


def _docx_text(data: bytes) -> str:
    doc = Document(BytesIO(data))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def test_the_bloc_builds_issues_and_exports_the_months_bulletin(
    tree: Tree, users: dict[str, User], client_as: ClientAs, django_capture_on_commit_callbacks: Any
) -> None:
    cell_officer = make_user("chibo1", tree.cell1, Role.OFFICER)
    make_campaign(
        tree.bloc,
        published=True,
        title="Tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng",
        theme="Truyền thống vẻ vang của Đảng",
        starts_on=date(2027, 1, 20),
        ends_on=date(2027, 2, 10),
        slogans="Đảng Cộng sản Việt Nam quang vinh muôn năm!\nNhiệt liệt chào mừng Đảng quang vinh!",
    )
    make_campaign(
        tree.bloc,
        published=False,
        title="Đợt chưa công bố",
        starts_on=date(2027, 2, 1),
        ends_on=date(2027, 2, 5),
    )
    khoi, coso1 = client_as("khoi"), client_as("coso1")
    response = khoi.post(reverse("events:bulletin_create"), {"thang": "02/2027"})
    bulletin = Bulletin.objects.get()
    assert response.status_code == 302
    assert (bulletin.unit, bulletin.year, bulletin.month) == (tree.bloc, 2027, 2)
    items = list(bulletin.items.all())
    headings = [i.heading for i in items]
    assert "Kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam" in headings
    assert "Kỷ niệm 72 năm Ngày Thầy thuốc Việt Nam" in headings
    assert "Tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng" in headings
    assert "Đợt chưa công bố" not in headings
    slogans = next(i for i in items if i.part == BulletinPart.SLOGANS)
    assert slogans.body.splitlines() == [
        "Đảng Cộng sản Việt Nam quang vinh muôn năm!",
        "Nhiệt liệt chào mừng Đảng quang vinh!",
    ]
    # a second "build" of the same month keeps the one made
    khoi.post(reverse("events:bulletin_create"), {"thang": "2/2027"})
    assert Bulletin.objects.count() == 1
    # bad month: a message, nothing made
    bad = khoi.post(reverse("events:bulletin_create"), {"thang": "13/2027"})
    assert "Hãy nhập tháng theo dạng mm/yyyy" in bad.content.decode()

    add = reverse("events:bulletin_item_add", kwargs={"bulletin_pk": bulletin.pk})
    khoi.post(
        add,
        {"heading": "Gương điển hình: chi bộ Văn phòng Sở", "body": "Làm tốt công tác dân vận."},
    )
    assert bulletin.items.filter(part=BulletinPart.OWN).count() == 1
    # before issue the base below does not see it
    detail = reverse("events:bulletin_detail", kwargs={"bulletin_pk": bulletin.pk})
    assert coso1.get(detail).status_code == 404
    with django_capture_on_commit_callbacks(execute=True):
        khoi.post(reverse("events:bulletin_issue", kwargs={"bulletin_pk": bulletin.pk}))
    bulletin.refresh_from_db()
    assert bulletin.published_down and bulletin.number == 1
    assert coso1.get(detail).status_code == 200
    # the officers below are told, down to the cells; the cell officer opens it from the notice
    told = Notification.objects.filter(kind=Kind.BULLETIN_ISSUED)
    assert {n.recipient.username for n in told} == {"coso1", "coso2", "chibo1"}
    notice = told.get(recipient=cell_officer)
    assert "Thông tin sinh hoạt chi bộ tháng 02/2027 (số 1)" in notice.title
    opened = logged_in_client(cell_officer).get(notice.url)
    assert opened.status_code == 200
    assert "Gương điển hình: chi bộ Văn phòng Sở" in opened.content.decode()
    # issued: no more changes
    khoi.post(add, {"heading": "Muộn", "body": ""})
    assert not bulletin.items.filter(heading="Muộn").exists()
    assert coso1.post(add, {"heading": "Của cơ sở"}).status_code == 404

    docx = coso1.get(reverse("events:bulletin_docx", kwargs={"bulletin_pk": bulletin.pk}))
    assert docx.status_code == 200
    text = _docx_text(docx.content)
    assert "HƯỚNG DẪN" in text
    assert "định hướng nội dung sinh hoạt chi bộ tháng 2 năm 2027" in text
    assert "Số 1-HD/" in text
    assert "Kỷ niệm 97 năm Ngày thành lập Đảng Cộng sản Việt Nam" in text
    # the slogans (plain text from the builder, one per line) are a Word numbered list
    slogan = next(
        p
        for p in Document(BytesIO(docx.content)).paragraphs
        if p.text == "Đảng Cộng sản Việt Nam quang vinh muôn năm!"
    )
    assert slogan.style is not None and slogan.style.name == "List Number"
    assert "Gương điển hình: chi bộ Văn phòng Sở" in text
    _kind, findings = docx_format_findings(docx.content)
    assert findings == [], findings


def test_the_second_bulletin_of_the_year_takes_the_next_number(
    tree: Tree, client_as: ClientAs
) -> None:
    khoi = client_as("khoi")
    for month in ("03/2027", "04/2027"):
        khoi.post(reverse("events:bulletin_create"), {"thang": month})
    for b in Bulletin.objects.order_by("month"):
        khoi.post(reverse("events:bulletin_issue", kwargs={"bulletin_pk": b.pk}))
    assert list(Bulletin.objects.order_by("month").values_list("number", flat=True)) == [1, 2]


def test_the_list_filters_by_year_and_exports(tree: Tree, client_as: ClientAs) -> None:
    khoi = client_as("khoi")
    for month in ("12/2026", "01/2027"):
        khoi.post(reverse("events:bulletin_create"), {"thang": month})
    page = khoi.get(reverse("events:bulletin_list") + "?nam=2027").content.decode()
    assert "Tháng 01/2027" in page and "Tháng 12/2026" not in page
    export = khoi.get(reverse("events:bulletin_list") + "?nam=2027&export=xlsx")
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    bad = khoi.get(reverse("events:bulletin_list") + "?nam=hai&export=xlsx")
    assert "Năm không hợp lệ" in bad.content.decode()


def test_the_builder_takes_the_months_documents_study_activities_and_answers(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    from datetime import timedelta

    from tuyengiao.activities.testing import make_activity
    from tuyengiao.documents.testing import make_document
    from tuyengiao.events.services import bulletins
    from tuyengiao.study.testing import make_round
    from tuyengiao.surveys.testing import make_suggestion

    today = date.today()
    make_document(
        tree.bloc,
        number="12-NQ/ĐUK",
        doc_type="Nghị quyết",
        title="về công tác tuyên giáo",
        issuer="Đảng ủy Khối",
        date=today,
    )
    make_document(tree.bloc, number="1-KH/ĐUK", date=today - timedelta(days=400))  # an old one
    make_round(tree.bloc)
    make_activity(tree.base1, topic="Nói chuyện chuyên đề về biển đảo", reached=300)
    make_activity(tree.base2, topic="Triển lãm ảnh", reached=40)
    make_suggestion(tree.base1)
    make_suggestion(tree.base2, published=False)  # not published: not in the bulletin

    parts = bulletins.parts_for(users["khoi"], today.year, today.month)
    by_part: dict[str, list[tuple[str, str]]] = {}
    for part, heading, body in parts:
        by_part.setdefault(part, []).append((heading, body))
    assert by_part[BulletinPart.DIRECTIVES] == [
        (
            f"Nghị quyết số 12-NQ/ĐUK ngày {today:%d/%m/%Y}",
            "Của Đảng ủy Khối. về công tác tuyên giáo",
        )
    ]
    assert by_part[BulletinPart.STUDY][0][0].startswith("Học tập Nghị quyết")
    # the activity that reached the most people first
    assert [h for h, _ in by_part[BulletinPart.ACTIVITIES]] == [
        "Nói chuyện chuyên đề về biển đảo",
        "Triển lãm ảnh",
    ]
    assert "300 người tham dự" in by_part[BulletinPart.ACTIVITIES][0][1]
    assert len(by_part[BulletinPart.QUESTIONS]) == 1
    # a base sees only its own branch's activities
    base_parts = bulletins.parts_for(users["coso1"], today.year, today.month)
    assert [h for p, h, _ in base_parts if p == BulletinPart.ACTIVITIES] == [
        "Nói chuyện chuyên đề về biển đảo"
    ]

    khoi = client_as("khoi")
    khoi.post(reverse("events:bulletin_create"), {"thang": f"{today.month}/{today.year}"})
    bulletin = Bulletin.objects.get(unit=tree.bloc)
    assert list(bulletin.items.values_list("part", flat=True)) == [p for p, _, _ in parts]
    text = _docx_text(
        khoi.get(reverse("events:bulletin_docx", kwargs={"bulletin_pk": bulletin.pk})).content
    )
    # each part under its own numbered heading, in this order (the anniversaries before them
    # depend on the month the test runs in)
    headings = [m.group(1) for m in re.finditer(r"^[IVX]+\. (.+)$", text, re.MULTILINE)]
    assert headings[-4:] == [
        "VĂN BẢN MỚI CẦN NGHIÊN CỨU, QUÁN TRIỆT",
        "HỌC TẬP, QUÁN TRIỆT NGHỊ QUYẾT TRONG THÁNG",
        "HOẠT ĐỘNG TUYÊN TRUYỀN TIÊU BIỂU",
        "HỎI – ĐÁP",
    ]


def test_a_part_is_edited_as_rich_text_sanitised_and_exported_with_its_formatting(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    from tuyengiao.events.services import bulletins

    bulletin, _ = bulletins.assemble(tree.bloc, users["khoi"], 2027, 3)
    item = bulletins.add_item(bulletin, "Nội dung của Khối", "Đoạn cũ một.\n\nĐoạn <cũ> hai.")
    khoi = client_as("khoi")
    edit = reverse("events:bulletin_item_edit", kwargs={"bulletin_item_pk": item.pk})
    page = khoi.get(edit)
    html = page.content.decode()
    # the editor's import map carries the nonce the policy names; old text reaches it as paragraphs
    nonce = re.search(r'<script type="importmap" nonce="([^"]+)">', html)
    assert nonce and f"'nonce-{nonce.group(1)}'" in page["Content-Security-Policy"]
    assert "&lt;p&gt;Đoạn cũ một.&lt;/p&gt;&lt;p&gt;Đoạn &amp;lt;cũ&amp;gt; hai.&lt;/p&gt;" in html

    typed = (
        '<p onclick="alert(1)">Chi bộ <strong>họp đúng kỳ</strong><script>alert(1)</script></p>'
        '<ul><li><p>Việc <em>một</em></p></li></ul><p><a href="javascript:alert(1)">bấm</a></p>'
    )
    response = khoi.post(edit, {"heading": "Nội dung của Khối", "body": typed})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.body == (
        "<p>Chi bộ <strong>họp đúng kỳ</strong></p><ul><li><p>Việc <em>một</em></p></li></ul>"
        '<p><a rel="noopener">bấm</a></p>'
    )
    detail_url = reverse("events:bulletin_detail", kwargs={"bulletin_pk": bulletin.pk})
    shown = khoi.get(detail_url).content.decode()
    assert "<strong>họp đúng kỳ</strong>" in shown and "alert(1)" not in shown
    # stored HTML is not trusted: a row written behind the form's back is sanitised when shown
    type(item).objects.filter(pk=item.pk).update(body="<p>x<img src=x onerror=alert(2)></p>")
    assert "onerror" not in khoi.get(detail_url).content.decode()
    type(item).objects.filter(pk=item.pk).update(body=typed)

    # the .docx keeps the bold run and the bulleted list
    docx = Document(BytesIO(khoi.get(reverse("events:bulletin_docx", kwargs={"bulletin_pk": bulletin.pk})).content))  # fmt: skip
    paragraph = next(p for p in docx.paragraphs if p.text == "Chi bộ họp đúng kỳ")
    assert [(r.text, bool(r.bold)) for r in paragraph.runs] == [
        ("Chi bộ ", False),
        ("họp đúng kỳ", True),
    ]
    listed = next(p for p in docx.paragraphs if p.text == "Việc một")
    assert listed.style is not None and listed.style.name == "List Bullet"
    assert listed.runs[1].italic

    # a base below may not edit the bloc's part; once issued, nobody does
    assert client_as("coso1").post(edit, {"heading": "x", "body": "<p>x</p>"}).status_code == 404
    bulletins.issue(bulletin)
    after = khoi.post(edit, {"heading": "Muộn", "body": "<p>muộn</p>"}, follow=True)
    assert "không sửa được nữa" in after.content.decode()
    item.refresh_from_db()
    assert item.heading == "Nội dung của Khối" and "muộn" not in item.body
