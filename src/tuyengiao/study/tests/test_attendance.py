"""Check-in codes (only for their own session, only inside the window), sign-in sheet imports
(unknown names reported with row numbers, nothing imported), the checkbox list saved in one POST."""

from __future__ import annotations

import io
from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.study.models import Attendance, StudySession
from tuyengiao.study.services import StudyError, attendance, rates
from tuyengiao.testing import logged_in_client, make_user

pytestmark = pytest.mark.django_db


def _member_user(person: Any, username: str = "dangvien1") -> Any:
    user = make_user(username, person.unit, "viewer")
    user.person = person
    user.save()
    return user


def test_code_only_for_its_session_and_window(
    study_round: Any, session1: Any, members: Any, tree: Any
) -> None:
    other = StudySession.objects.create(
        round=study_round,
        unit=tree.base1,
        starts_at=session1.starts_at + timedelta(days=1),
        ends_at=session1.ends_at + timedelta(days=1),
        is_makeup=True,
    )
    assert other.checkin_code != session1.checkin_code
    user = _member_user(members["base1"][0])
    now = timezone.now()
    # The code of one session does not open another.
    with pytest.raises(StudyError, match="không đúng"):
        attendance.check_in_with_code(session1, user, other.checkin_code, now=now)
    with pytest.raises(StudyError, match="không đúng"):
        attendance.check_in_with_code(other, user, session1.checkin_code, now=other.starts_at)
    # Outside the window.
    _, closes = session1.checkin_window()
    with pytest.raises(StudyError, match="hết thời gian"):
        attendance.check_in_with_code(
            session1, user, session1.checkin_code, now=closes + timedelta(minutes=1)
        )
    with pytest.raises(StudyError, match="Chưa đến giờ"):
        attendance.check_in_with_code(other, user, other.checkin_code, now=now)
    assert not Attendance.objects.exists()
    # Right code, right time (typed in lower case): counted once, even when repeated.
    assert (
        attendance.check_in_with_code(session1, user, session1.checkin_code.lower(), now=now)
        == "Đã điểm danh."
    )
    assert "đã được điểm danh" in attendance.check_in_with_code(
        session1, user, session1.checkin_code, now=now
    )
    assert Attendance.objects.count() == 1
    assert rates.rate_for_unit(study_round, tree.base1)["attended"] == 1


def test_checkin_requires_being_on_the_sessions_list(
    study_round: Any, session1: Any, members: Any
) -> None:
    outsider = _member_user(members["base2"][0], "dangvien2")  # base2's member, base1's session
    with pytest.raises(StudyError, match="không có trong danh sách"):
        attendance.check_in_with_code(session1, outsider, session1.checkin_code)
    no_person = make_user("khong-ho-so", session1.unit, "viewer")
    with pytest.raises(StudyError, match="chưa gắn"):
        attendance.check_in_with_code(session1, no_person, session1.checkin_code)


def test_checkin_page_as_member(study_round: Any, session1: Any, members: Any) -> None:
    member = members["cell1"][0]  # a member of a cell below the session's unit
    client = logged_in_client(_member_user(member))
    url = f"/hoc-tap/buoi/{session1.pk}/tu-diem-danh/"
    page = client.get(url + f"?ma={session1.checkin_code}")
    assert page.status_code == 200 and session1.checkin_code in page.content.decode()
    bad = client.post(url, {"code": "ZZZZZZ"})
    assert (
        "Mã điểm danh không đúng" in bad.content.decode()
        and 'value="ZZZZZZ"' in bad.content.decode()
    )
    ok = client.post(url, {"code": session1.checkin_code})
    assert "Đã điểm danh." in ok.content.decode()
    assert Attendance.objects.filter(person=member, session=session1).exists()


def _sheet(rows: list[list[Any]]) -> io.BytesIO:
    return io.BytesIO(
        workbook_bytes([("Ký tên", ["STT", "Họ và tên", "Năm sinh", "Ký tên"], rows)])
    )


def test_import_reports_unknown_names_and_imports_nothing(
    study_round: Any, session1: Any, members: Any
) -> None:
    rows = [
        [1, "Nguyễn Văn An", 1980, "x"],
        [2, "Người Lạ Mặt", "", "x"],
        [3, "tran thi binh", "", "x"],  # accents and case do not matter
        [4, "Bùi Văn Khoa", "", "x"],  # base2's member: not on this session's list
    ]
    result = attendance.import_signin_sheet(session1, _sheet(rows), "ky-ten.xlsx")
    assert not result.applied
    assert [
        (e.row, "Người Lạ Mặt" in e.reason or "Bùi Văn Khoa" in e.reason) for e in result.errors
    ] == [(3, True), (5, True)]
    assert not Attendance.objects.exists()
    # The user chooses "valid rows only": the two known names are imported, the others still reported.
    result = attendance.import_signin_sheet(
        session1, _sheet(rows), "ky-ten.xlsx", valid_rows_only=True
    )
    assert result.applied and result.created == 2 and len(result.errors) == 2
    assert set(Attendance.objects.values_list("person__full_name", flat=True)) == {
        "Nguyễn Văn An",
        "Trần Thị Bình",
    }
    # Importing the same sheet again adds nobody (a member counts once per round).
    again = attendance.import_signin_sheet(session1, _sheet(rows[:1] + rows[2:3]), "ky-ten.xlsx")
    assert again.applied and again.created == 0 and Attendance.objects.count() == 2


def test_import_page_shows_row_numbers(
    study_round: Any, session1: Any, members: Any, client_as: Any
) -> None:
    client = client_as("coso1")
    upload = _sheet([[1, "Lê Văn Cường", "", ""], [2, "Không Có Tên", "", ""]])
    upload.name = "ky-ten.xlsx"
    page = client.post(f"/hoc-tap/buoi/{session1.pk}/nhap-bang-ky-ten/", {"file": upload})
    html = page.content.decode()
    assert page.status_code == 200 and "Không Có Tên" in html and "<td>3</td>" in html
    assert not Attendance.objects.exists()


def test_checkbox_list_saves_in_one_post(
    study_round: Any, session1: Any, members: Any, client_as: Any
) -> None:
    client = client_as("coso1")
    url = f"/hoc-tap/buoi/{session1.pk}/diem-danh/"
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    for p in members["base1"] + members["cell1"]:
        assert p.full_name in html
    assert "Bùi Văn Khoa" not in html  # base2's member
    ticked = [p.pk for p in members["base1"][:4]] + [members["cell1"][0].pk]
    response = client.post(url, {"p": ticked})
    assert response.status_code == 302
    assert set(Attendance.objects.values_list("person_id", flat=True)) == set(ticked)
    # Unticking one removes it; ticking someone of base2 through a forged POST does nothing.
    client.post(url, {"p": [*ticked[1:], members["base2"][0].pk]})
    assert set(Attendance.objects.values_list("person_id", flat=True)) == set(ticked[1:])
    figures = rates.rate_for_unit(study_round, session1.unit)
    assert figures == {
        "eligible": 7,
        "exempted": 0,
        "attended": 4,
        "rate": rates.rate_percent(4, 7),
    }
    # coso2 may not open base1's list.
    assert client_as("coso2").get(url).status_code == 404


def test_makeup_list_shows_absentees_only(
    study_round: Any, session1: Any, members: Any, tree: Any, client_as: Any
) -> None:
    attendance.record_attendance(session1, members["base1"][:3])
    now = timezone.now()
    makeup = StudySession.objects.create(
        round=study_round,
        unit=tree.base1,
        starts_at=now,
        ends_at=now + timedelta(hours=1),
        is_makeup=True,
    )
    html = client_as("coso1").get(f"/hoc-tap/buoi/{makeup.pk}/diem-danh/").content.decode()
    assert "Nguyễn Văn An" not in html and "Phạm Thị Dung" in html and "Võ Thị Giang" in html


def test_large_sheet_is_imported_in_the_background(
    study_round: Any,
    session1: Any,
    members: Any,
    client_as: Any,
    monkeypatch: Any,
    settings: Any,
    tmp_path: Any,
) -> None:
    from tuyengiao.core.models import Job, JobState
    from tuyengiao.study.tasks import SIGNIN_IMPORT
    from tuyengiao.study.views import sessions

    settings.MEDIA_ROOT = tmp_path
    monkeypatch.setattr(sessions, "INLINE_IMPORT_BYTES", 10)  # every file counts as large
    client = client_as("coso1")
    url = f"/hoc-tap/buoi/{session1.pk}/nhap-bang-ky-ten/"
    bad = _sheet([[1, "Lê Văn Cường", "", ""], [2, "Không Có Tên", "", ""]])
    bad.name = "ky-ten.xlsx"
    response = client.post(url, {"file": bad})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == f"{url}{job.pk}/"
    assert job.kind == SIGNIN_IMPORT and job.options == {
        "session": session1.pk,
        "valid_only": False,
    }
    assert job.state == JobState.DONE and job.checked == job.total == 2 and not job.file.name
    assert job.result["applied"] is False and job.result["errors"] == [
        {"row": 3, "reason": "Không có “Không Có Tên” trong danh sách học tập của đơn vị."}
    ]
    assert not Attendance.objects.exists()
    page = client.get(response["Location"]).content.decode()
    assert (
        "Không Có Tên" in page
        and "chưa nhập dòng nào" in page
        and 'hx-trigger="every 1s"' not in page
    )
    # The import form lists the officer's own background imports of this session.
    assert f"{url}{job.pk}/" in client.get(url).content.decode()
    good = _sheet([[1, "Lê Văn Cường", "", ""], [2, "Võ Thị Giang", "", ""]])
    good.name = "ky-ten-2.xlsx"
    response = client.post(url, {"file": good})
    job = Job.objects.exclude(pk=job.pk).get()
    assert job.result["applied"] and job.result["created"] == 2
    assert job.phase == "writing" and job.written == job.to_write == 2
    assert Attendance.objects.count() == 2
    assert "Đã nhập 2 lượt điểm danh" in client.get(response["Location"]).content.decode()


def test_background_sheet_shows_progress_to_its_starter_only(
    session1: Any, tree: Any, users: Any, client_as: Any
) -> None:
    from tuyengiao.accounts.models import Role
    from tuyengiao.core.models import Job, JobPhase, JobState
    from tuyengiao.study.tasks import SIGNIN_IMPORT

    job = Job.objects.create(
        kind=SIGNIN_IMPORT,
        unit=tree.base1,
        started_by=users["coso1"],
        filename="ky-ten.xlsx",
        options={"session": session1.pk, "valid_only": False},
        state=JobState.RUNNING,
        phase=JobPhase.CHECKING,
        total=4000,
        checked=1000,
    )
    url = f"/hoc-tap/buoi/{session1.pk}/nhap-bang-ky-ten/{job.pk}/"
    client = client_as("coso1")
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'hx-get="{url}"' in part and 'hx-trigger="every 1s"' in part
    assert "Đã kiểm tra 1000/4000 dòng" in part and 'aria-valuenow="25"' in part
    assert "<html" not in part
    page = client.get(url).content.decode()
    assert "<html" in page and "Nhập bảng ký tên" in page and "1000/4000" in page
    # Another officer of the same unit may import sheets of the session, but not see this job.
    colleague = logged_in_client(make_user("coso1b", tree.base1, Role.UNIT_ADMIN))
    assert colleague.get(f"/hoc-tap/buoi/{session1.pk}/nhap-bang-ky-ten/").status_code == 200
    assert colleague.get(url).status_code == 404
    assert (
        url not in colleague.get(f"/hoc-tap/buoi/{session1.pk}/nhap-bang-ky-ten/").content.decode()
    )
    assert client_as("coso2").get(url).status_code == 404  # another branch: not even the session
    # The job under another session of the starter's unit does not exist.
    other = StudySession.objects.create(
        round=session1.round,
        unit=tree.base1,
        starts_at=session1.starts_at,
        ends_at=session1.ends_at,
    )
    assert client.get(f"/hoc-tap/buoi/{other.pk}/nhap-bang-ky-ten/{job.pk}/").status_code == 404


def test_background_sheet_refused_when_the_starter_lost_the_right(
    session1: Any, members: Any, tree: Any, settings: Any, tmp_path: Any
) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tuyengiao.accounts.models import Role
    from tuyengiao.core import jobs
    from tuyengiao.core.models import Job, JobState
    from tuyengiao.study import tasks

    settings.MEDIA_ROOT = tmp_path
    officer = make_user("coso1c", tree.base1, Role.UNIT_ADMIN)
    sheet = SimpleUploadedFile("ky-ten.xlsx", _sheet([[1, "Lê Văn Cường", "", ""]]).getvalue())
    job = jobs.start(tasks.SIGNIN_IMPORT, officer, sheet, options={"session": session1.pk})
    officer.unit = tree.base2  # moved to another branch before the job ran
    officer.save()
    tasks.import_signin_sheet_task.call(job.pk)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "không còn quyền" in job.message
    assert not Attendance.objects.exists() and not job.file.name
    # A task of another kind's job (e.g. queued before an upgrade) leaves that job alone.
    other = Job.objects.create(kind="orgs.units", started_by=officer)
    tasks.import_signin_sheet_task.call(other.pk)
    other.refresh_from_db()
    assert other.state == JobState.QUEUED


def test_bulk_copy_path_on_postgresql(
    study_round: Any, session1: Any, members: Any, monkeypatch: Any
) -> None:
    """Large batches go through COPY on PostgreSQL; same rules: once per round, tallies in step."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("COPY path exists on PostgreSQL only")
    monkeypatch.setattr(attendance, "COPY_THRESHOLD", 0)
    people = members["base1"] + members["cell1"]
    assert attendance.record_attendance(session1, people[:4]) == 4
    assert attendance.record_attendance(session1, people) == 3  # the first four already counted
    assert Attendance.objects.filter(session=session1, method="list").count() == 7
    assert rates.rate_for_unit(study_round, session1.unit)["attended"] == 7
