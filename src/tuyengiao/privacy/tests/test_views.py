"""The pages: a member's own data and requests, a unit administrator's view of a person (scoped
to the subtree, written to the access log), the requests register, the access log, the notice."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import date, timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client

from tuyengiao.privacy.models import DataRequest, RequestStatus
from tuyengiao.privacy.register import record_request
from tuyengiao.study.models import StudySession
from tuyengiao.study.services.attendance import import_signin_sheet
from tuyengiao.testing import logged_in_client

pytestmark = pytest.mark.django_db


def test_member_reads_and_exports_own_data(member: Any) -> None:
    client = logged_in_client(member.user)
    page = client.get("/du-lieu-ca-nhan/cua-toi/").content.decode()
    assert "Dữ liệu của tôi" in page and "Bài thu hoạch riêng tư" in page
    assert "Trần Văn Khác" not in page
    response = client.get("/du-lieu-ca-nhan/cua-toi/du-lieu.zip")
    assert response["Content-Disposition"] == 'attachment; filename="du-lieu-cua-toi.zip"'
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("du-lieu.json"))
    assert data["nguoi"]["ho_ten"] == "Nguyễn Thị Riêng"
    docx = client.get("/du-lieu-ca-nhan/cua-toi/du-lieu.docx")
    assert docx.status_code == 200 and docx.content[:2] == b"PK"
    # the person's own reads are not accesses to someone else's data
    assert not LogEntry.objects.filter(additional_data__access="person_page").exists()
    # a member cannot open an officer's view of a person
    assert client.get(f"/du-lieu-ca-nhan/nguoi/{member.other.pk}/").status_code == 403


def test_member_files_a_request_with_its_deadline(member: Any) -> None:
    client = logged_in_client(member.user)
    bad = client.post("/du-lieu-ca-nhan/cua-toi/yeu-cau/", {"kind": "xx", "details": "giữ chữ"})
    assert "giữ chữ" in bad.content.decode() and bad.status_code == 200
    client.post("/du-lieu-ca-nhan/cua-toi/yeu-cau/", {"kind": "correction", "details": "Sửa SĐT"})
    created = DataRequest.objects.get(kind="correction")
    assert created.person == member.person and created.unit == member.person.unit
    assert created.respond_by > created.received_on
    assert "Chỉnh sửa dữ liệu" in client.get("/du-lieu-ca-nhan/cua-toi/yeu-cau/").content.decode()


def test_unit_admin_reads_a_person_of_the_subtree_and_it_is_logged(
    member: Any, client_as: Any, tree: Any
) -> None:
    khoi = client_as("khoi")
    page = khoi.get(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/")
    assert page.status_code == 200 and "Bài thu hoạch riêng tư" in page.content.decode()
    entry = LogEntry.objects.get(additional_data__access="person_page")
    assert entry.actor.username == "khoi"
    assert entry.additional_data["unit_path"] == member.person.unit.path
    assert entry.additional_data["people"] == 1
    khoi.get(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/du-lieu.zip")
    assert LogEntry.objects.filter(additional_data__access="export").count() == 1
    # officers and viewers do not reach the page, even of their own unit
    for name in ("coso1", "viewer1", "coso2"):
        assert client_as(name).get(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/").status_code == 404
    # the access log, for the administrator's subtree, filterable and exportable
    log = khoi.get("/du-lieu-ca-nhan/nhat-ky-truy-cap/?kind=person_page").content.decode()
    assert "Xem dữ liệu của một người" in log and "Nguyễn Thị Riêng" in log
    export = khoi.get("/du-lieu-ca-nhan/nhat-ky-truy-cap/?export=xlsx")
    assert export["Content-Disposition"].endswith('nhat-ky-truy-cap-du-lieu.xlsx"')
    assert client_as("coso1").get("/du-lieu-ca-nhan/nhat-ky-truy-cap/").status_code == 403


def test_requests_register_flow_and_overdue_on_dashboard(
    member: Any, client_as: Any, users: Any
) -> None:
    khoi = client_as("khoi")
    response = khoi.post(
        f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/yeu-cau/",
        {"kind": "erasure", "details": "Xóa số điện thoại", "received_on": "13/02/2026"},
    )
    item = DataRequest.objects.get(kind="erasure")
    assert response.status_code == 302
    assert (item.respond_by, item.complete_by) == (date(2026, 2, 24), date(2026, 3, 2))
    khoi.post(f"/du-lieu-ca-nhan/yeu-cau/{item.pk}/phan-cong/", {"assigned_to": users["khoi"].pk})
    item.refresh_from_db()
    assert item.status == RequestStatus.ASSIGNED
    # overdue: past both deadlines and not answered
    dashboard = khoi.get("/").content.decode()
    assert "Yêu cầu dữ liệu cá nhân quá hạn" in dashboard
    listing = khoi.get("/du-lieu-ca-nhan/yeu-cau/?overdue=on").content.decode()
    assert "Nguyễn Thị Riêng" in listing
    empty = khoi.post(f"/du-lieu-ca-nhan/yeu-cau/{item.pk}/tra-loi/", {"answer": ""})
    assert empty.status_code == 400
    khoi.post(f"/du-lieu-ca-nhan/yeu-cau/{item.pk}/tra-loi/", {"answer": "Đã xóa."})
    khoi.post(f"/du-lieu-ca-nhan/yeu-cau/{item.pk}/dong/")
    item.refresh_from_db()
    assert item.status == RequestStatus.CLOSED and item.answer == "Đã xóa."
    assert "Yêu cầu dữ liệu cá nhân quá hạn" not in khoi.get("/").content.decode()
    # not reachable from the sibling branch
    assert client_as("coso2").get(f"/du-lieu-ca-nhan/yeu-cau/{item.pk}/").status_code == 404


def test_erasure_page_needs_confirmation_and_reports(member: Any, client_as: Any) -> None:
    khoi = client_as("khoi")
    refused = khoi.post(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/xoa/", {})
    assert refused.status_code == 400 and "Hãy đánh dấu xác nhận" in refused.content.decode()
    done = khoi.post(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/xoa/", {"confirm": "on"})
    text = done.content.decode()
    assert "giữ lại" in text and "hồ sơ đảng viên" in text
    assert LogEntry.objects.filter(additional_data__access="erasure").exists()


def test_signin_import_is_written_to_the_access_log(member: Any, users: Any) -> None:
    session = StudySession.objects.get()
    sheet = io.BytesIO("Họ và tên\nTrần Văn Khác\n".encode())
    result = import_signin_sheet(session, sheet, "bang.csv", by=users["coso1"])
    assert result.applied
    entry = LogEntry.objects.get(additional_data__access="import")
    assert entry.actor == users["coso1"] and entry.additional_data["people"] == result.created
    assert entry.additional_data["unit_path"] == session.unit.path


def test_notice_is_public_and_linked_from_login(settings: Any) -> None:
    settings.PRIVACY_CONTACT = "dulieu@binhan.example.vn"
    anonymous = Client()
    page = anonymous.get("/du-lieu-ca-nhan/thong-bao/").content.decode()
    assert "dulieu@binhan.example.vn" in page and "Bài thu hoạch" in page
    assert "Điều 4" in page
    login = anonymous.get("/tai-khoan/dang-nhap/").content.decode()
    assert "/du-lieu-ca-nhan/thong-bao/" in login


def test_old_request_is_overdue(member: Any) -> None:
    item = record_request(member.person, "access", received_on=date.today() - timedelta(days=40))
    assert item.is_overdue(date.today())


def test_people_import_is_written_to_the_access_log(tree: Any, users: Any) -> None:
    from tuyengiao.orgs.imports import import_people

    sheet = io.BytesIO(
        f"Họ và tên,Mã đơn vị\nNgô Văn Mới,{tree.cell1.code}\nĐỗ Thị Mới,{tree.base1.code}\n".encode()
    )
    result = import_people(sheet, "nhan-su.csv", user=users["coso1"])
    assert result.applied and result.created == 2
    entry = LogEntry.objects.get(additional_data__access="import")
    assert entry.actor == users["coso1"] and entry.additional_data["people"] == 2
    # under the deepest unit holding both people: base1 (cell1 lies below it)
    assert entry.additional_data["unit_path"] == tree.base1.path
    assert "nhan-su.csv" in entry.object_repr


def test_large_export_runs_as_a_job_for_its_starter_only(
    member: Any, client_as: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuyengiao.privacy.views import people

    monkeypatch.setattr(people, "EXPORT_INLINE_ROWS", 0)  # every export counts as large here
    khoi = client_as("khoi")
    response = khoi.get(f"/du-lieu-ca-nhan/nguoi/{member.person.pk}/du-lieu.zip")
    assert response.status_code == 302 and "/du-lieu-ca-nhan/xuat/" in response["Location"]
    page = khoi.get(response["Location"]).content.decode()
    assert "Tải tệp du-lieu-ca-nhan-" in page
    download = khoi.get(response["Location"] + "tep")
    content = b"".join(download.streaming_content)
    data = json.loads(zipfile.ZipFile(io.BytesIO(content)).read("du-lieu.json"))
    assert data["nguoi"]["ho_ten"] == "Nguyễn Thị Riêng"
    # the member's own export too, and nobody else gets the file
    own = logged_in_client(member.user).get("/du-lieu-ca-nhan/cua-toi/du-lieu.docx")
    assert own.status_code == 302
    assert client_as("coso1").get(response["Location"] + "tep").status_code == 404
    assert logged_in_client(member.user).get(own["Location"]).status_code == 200
