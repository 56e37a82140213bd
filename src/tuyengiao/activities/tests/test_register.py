"""The activity register: recording (services and the quick form), lists, exports, evidence."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuyengiao.activities.models import Activity, ActivityKind, Evidence
from tuyengiao.activities.services import records
from tuyengiao.activities.testing import PNG, make_activity
from tuyengiao.orgs.models import Person
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def kind(name: str = "Nói chuyện chuyên đề") -> ActivityKind:
    return ActivityKind.objects.get(name=name)


def test_the_seeded_kinds_are_the_ones_units_use() -> None:
    names = set(ActivityKind.objects.values_list("name", flat=True))
    for expected in ("Nói chuyện chuyên đề", "Triển lãm", "Chiếu phim", "Cuộc thi"):
        assert expected in names
    assert ActivityKind.objects.get(name="Mạng nội bộ, nhóm Zalo của đơn vị").counts_items


def test_record_keeps_the_path_people_and_evidence(tree: Tree, users: Any) -> None:
    speaker = Person.objects.create(unit=tree.cell1, full_name="Trần Thị Bình")
    upload = SimpleUploadedFile("anh-hoi-truong.png", PNG, content_type="image/png")
    activity = records.record(
        tree.base1,
        users["coso1"],
        {
            "kind": kind(),
            "topic": "Kỷ niệm 80 năm Quốc khánh",
            "held_on": timezone.localdate(),
            "reached": 120,
            "commune": "Phường Hải Châu",
        },
        people=[speaker],
        files=[upload],
    )
    assert activity.unit_path == tree.base1.path
    assert list(activity.people.all()) == [speaker]
    evidence = activity.evidence.get()
    assert evidence.name == "anh-hoi-truong.png" and evidence.is_image
    assert evidence.file.read() == PNG
    assert activity.created_by == users["coso1"]


def test_record_refuses_what_cannot_be_true(tree: Tree, users: Any) -> None:
    base = {"kind": kind(), "topic": "Chủ đề", "held_on": timezone.localdate(), "reached": 5}
    with pytest.raises(records.ActivityError, match="tương lai"):
        records.record(tree.base1, users["coso1"], {**base, "held_on": date.today() + timedelta(5)})
    stranger = Person.objects.create(unit=tree.base2, full_name="Lê Văn Cường")
    with pytest.raises(records.ActivityError, match="Lê Văn Cường"):
        records.record(tree.base1, users["coso1"], base, people=[stranger])
    plan = Plan.objects.create(unit=tree.bloc, number="15-KH/ĐUK", title="Kế hoạch")
    task = Task.objects.create(plan=plan, order=1, title="Tuyên truyền kỷ niệm")
    other = TaskAssignment.objects.create(task=task, unit=tree.base2)
    with pytest.raises(records.ActivityError, match="chính đơn vị"):
        records.record(tree.base1, users["coso1"], {**base, "assignment": other})
    assert not Activity.objects.exists()


def test_the_quick_form_records_with_few_fields(tree: Tree, client_as: Any) -> None:
    client = client_as("coso1")
    page = client.get(reverse("activities:activity_create"))
    html = page.content.decode()
    assert page.status_code == 200 and timezone.localdate().strftime("%d/%m/%Y") in html
    response = client.post(
        reverse("activities:activity_create"),
        {
            "kind": kind("Chiếu phim").pk,
            "topic": "Chiếu phim tài liệu Điện Biên Phủ",
            "held_on": timezone.localdate().strftime("%d/%m/%Y"),
            "place": "Nhà văn hóa thôn 3",
            "reached": "250",
            "evidence": SimpleUploadedFile("buoi-chieu.jpg", b"\xff\xd8\xff\xe0" + b"0" * 100),
        },
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "activities:activity_detail", kwargs={"activity_pk": activity.pk}
    )
    assert activity.reached == 250 and activity.unit == tree.base1
    assert activity.evidence.count() == 1


def test_a_bad_form_keeps_what_was_typed_and_says_why(tree: Tree, client_as: Any) -> None:
    response = client_as("coso1").post(
        reverse("activities:activity_create"),
        {
            "kind": kind().pk,
            "topic": "Giữ nguyên nội dung này",
            "held_on": "31/02/2026",
            "reached": "nhiều",
            "evidence": SimpleUploadedFile("virus.jpg", b"MZ\x90\x00 not a jpeg"),
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Ngày chưa đúng" in html and "Giữ nguyên nội dung này" in html
    assert "virus.jpg" in html  # the refused file is named
    assert not Activity.objects.exists()


def test_only_officers_record_and_edit(tree: Tree, client_as: Any) -> None:
    activity = make_activity(tree.base1)
    viewer = client_as("viewer1")
    assert viewer.get(reverse("activities:activity_create")).status_code == 403
    edit = reverse("activities:activity_edit", kwargs={"activity_pk": activity.pk})
    assert viewer.get(edit).status_code == 404
    assert client_as("coso2").get(edit).status_code == 404
    assert client_as("coso1").get(edit).status_code == 200
    # the bloc's officer sees and may correct the base's record
    detail = reverse("activities:activity_detail", kwargs={"activity_pk": activity.pk})
    assert client_as("khoi").get(detail).status_code == 200


def test_edit_and_delete(tree: Tree, client_as: Any) -> None:
    activity = make_activity(tree.base1)
    evidence = Evidence.objects.create(activity=activity, name="a.png", file="activities/x/a.png")
    client = client_as("coso1")
    response = client.post(
        reverse("activities:activity_edit", kwargs={"activity_pk": activity.pk}),
        {
            "kind": activity.kind_id,
            "topic": "Nội dung đã sửa",
            "held_on": activity.held_on.strftime("%d/%m/%Y"),
            "reached": "75",
        },
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.topic == "Nội dung đã sửa" and activity.reached == 75
    assert activity.people.count() == 0  # the form sent nobody: the list is what the form says
    client.post(reverse("activities:evidence_delete", kwargs={"evidence_pk": evidence.pk}))
    assert not Evidence.objects.exists()
    client.post(reverse("activities:activity_delete", kwargs={"activity_pk": activity.pk}))
    assert not Activity.objects.exists()


def test_evidence_is_added_and_downloaded_in_scope(tree: Tree, client_as: Any) -> None:
    activity = make_activity(tree.base1)
    client = client_as("coso1")
    url = reverse("activities:evidence_add", kwargs={"activity_pk": activity.pk})
    client.post(url, {"file": SimpleUploadedFile("rong.png", b"")})
    assert not activity.evidence.exists()
    client.post(url, {"file": SimpleUploadedFile("bien-ban.png", PNG)})
    evidence = activity.evidence.get()
    download = reverse("activities:evidence_download", kwargs={"evidence_pk": evidence.pk})
    assert b"".join(client.get(download).streaming_content) == PNG
    assert client_as("coso2").get(download).status_code == 404


def test_the_list_filters_and_exports(tree: Tree, client_as: Any) -> None:
    today = timezone.localdate()
    make_activity(tree.base1, topic="Triển lãm ảnh Bác Hồ", kind=kind("Triển lãm"))
    make_activity(tree.cell1, topic="Nói chuyện biển đảo", held_on=today - timedelta(days=40))
    make_activity(tree.base2, topic="Của Sở Y tế")
    client = client_as("khoi")
    url = reverse("activities:activity_list")
    html = client.get(url, {"kind": kind("Triển lãm").pk}).content.decode()
    assert "Triển lãm ảnh Bác Hồ" in html and "biển đảo" not in html
    html = client.get(
        url, {"unit": tree.base1.pk, "start": (today - timedelta(days=60)).strftime("%d/%m/%Y")}
    ).content.decode()
    assert "biển đảo" in html and "Của Sở Y tế" not in html
    # coso1 sees its own subtree only
    assert "Của Sở Y tế" not in client_as("coso1").get(url).content.decode()
    # a unit out of reach is answered, not ignored
    html = client_as("coso1").get(url, {"unit": tree.base2.pk}).content.decode()
    assert "không thuộc phạm vi" in html
    response = client.get(url, {"unit": tree.base1.pk, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Ngày thực hiện" and len(rows) == 3
    assert {r[3] for r in rows[1:]} == {"Triển lãm ảnh Bác Hồ", "Nói chuyện biển đảo"}


def test_kinds_are_configured_by_system_administrators(tree: Tree, client_as: Any) -> None:
    url = reverse("activities:kind_list")
    assert client_as("coso1").post(url, {"name": "Tọa đàm", "order": 5}).status_code == 403
    response = client_as("admin").post(url, {"name": "Tọa đàm", "order": 5, "active": "on"})
    assert response.status_code == 302 and ActivityKind.objects.filter(name="Tọa đàm").exists()
    response = client_as("admin").post(url, {"name": "Tọa đàm", "order": 6})
    assert "Đã có loại hoạt động tên này" in response.content.decode()


def test_an_activity_carries_out_a_campaign_and_the_campaign_counts_it(
    tree: Tree, users: Any, client_as: Any
) -> None:
    """The form offers the campaigns the unit sees (its own and those published down to it);
    the campaign's page counts what the units it reaches recorded for it."""
    from tuyengiao.events.testing import make_campaign

    superior = make_campaign(tree.bloc, published=True, title="Tuyên truyền Quốc khánh")
    sibling_only = make_campaign(tree.base2, title="Đợt riêng của cơ sở bên cạnh")
    coso1 = client_as("coso1")
    page = coso1.get(reverse("activities:activity_create") + f"?dot={superior.pk}")
    html = page.content.decode()
    assert "Tuyên truyền Quốc khánh" in html and "Đợt riêng của cơ sở bên cạnh" not in html
    assert f'<option value="{superior.pk}" selected>' in html
    refused = coso1.post(
        reverse("activities:activity_create"),
        {
            "kind": kind().pk,
            "topic": "Treo cờ",
            "held_on": timezone.localdate().strftime("%d/%m/%Y"),
            "reached": "50",
            "campaign": sibling_only.pk,
        },
    )
    assert refused.status_code == 200 and not Activity.objects.exists()
    for reached in ("50", "70"):
        done = coso1.post(
            reverse("activities:activity_create"),
            {
                "kind": kind().pk,
                "topic": "Treo cờ, khẩu hiệu",
                "held_on": timezone.localdate().strftime("%d/%m/%Y"),
                "reached": reached,
                "campaign": superior.pk,
            },
        )
        assert done.status_code == 302
    assert Activity.objects.filter(campaign=superior).count() == 2
    detail = client_as("khoi").get(
        reverse("events:campaign_detail", kwargs={"campaign_pk": superior.pk})
    )
    text = detail.content.decode()
    assert "<strong>2</strong> hoạt động của <strong>1</strong> đơn vị" in text
    assert "<strong>120</strong> lượt người" in text
    # The sibling's officer sees the campaign but none of coso1's activities.
    other = client_as("coso2").get(
        reverse("events:campaign_detail", kwargs={"campaign_pk": superior.pk})
    )
    assert "Chưa có đơn vị nào ghi hoạt động cho đợt này" in other.content.decode()
