"""The imports as background jobs: progress (rows checked, then rows written), the outcome page
polled with htmx, the "valid rows only" rerun of the stored file, and who may see a job."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.core import jobs
from tuyengiao.core.models import Job, JobPhase, JobState
from tuyengiao.core.spreadsheets import csv_bytes
from tuyengiao.orgs import imports, tasks
from tuyengiao.orgs.imports import PERSON_HEADERS, import_people, import_units
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.orgs.tests.test_unit_import import sheet, thousand_rows
from tuyengiao.testing import Tree, logged_in_client, make_user

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple[str, int, int]] = []

    def checked(self, done: int, total: int) -> None:
        self.calls.append(("checked", done, total))

    def writing(self, done: int, total: int) -> None:
        self.calls.append(("writing", done, total))


def test_imports_report_rows_checked_then_rows_written(tree: Tree, users: dict[str, User]) -> None:
    rows = thousand_rows()
    rows[5][2] = "Hợp tác xã"  # one bad row (a base organisation or a cell)
    recorder = Recorder()
    result = import_units(*sheet(rows), user=users["khoi"], valid_only=True, progress=recorder)
    phases = [c[0] for c in recorder.calls]
    first_write = phases.index("writing")
    assert set(phases[:first_write]) == {"checked"} and set(phases[first_write:]) == {"writing"}
    assert recorder.calls[first_write - 1] == ("checked", 1000, 1000)
    written = [done for phase, done, _ in recorder.calls if phase == "writing"]
    assert written == sorted(written) and recorder.calls[-1] == (
        "writing",
        result.created,
        result.created,
    )
    assert result.applied and result.created == 1000 - result.skipped

    recorder = Recorder()
    people = [[f"Người {i}", "CB-STTTT-VP", "", "", "Không", "", "", "", ""] for i in range(1500)]
    upload = SimpleUploadedFile("p.csv", csv_bytes(PERSON_HEADERS, people))
    officer = User.objects.get(pk=users["coso1"].pk)  # the unit import moved paths of siblings
    result = import_people(upload, "p.csv", user=officer, progress=recorder)
    assert result.created == 1500 and Person.objects.count() == 1500
    assert ("checked", 1500, 1500) in recorder.calls
    assert [c for c in recorder.calls if c[0] == "writing"][-3:] == [
        ("writing", 0, 1500),
        ("writing", 1000, 1500),
        ("writing", 1500, 1500),
    ]

    recorder = Recorder()
    rows[7][3] = ""  # errors without "valid rows only": checked, never written
    result = import_units(*sheet(rows), user=users["khoi"], progress=recorder)
    assert not result.applied and all(c[0] == "checked" for c in recorder.calls)


def _post_units(client: Any, rows: list[list[str]], **extra: str) -> Any:
    data, name = sheet(rows, "csv")
    return client.post(
        "/don-vi/nhap/", {"file": SimpleUploadedFile(name, data.getvalue()), **extra}
    )


BAD_AND_GOOD = [
    ["J1", "DUK", "base_org", "Đảng bộ J1", "", "", ""],
    ["J1-C1", "J1", "cell", "Chi bộ 1", "", "", ""],
    ["J2", "KHONG-CO", "cell", "Chi bộ J2", "", "", ""],
]


def test_errors_then_valid_rows_only_from_the_stored_file(
    tree: Tree, users: dict[str, User]
) -> None:
    client = logged_in_client(users["khoi"])
    response = _post_units(client, BAD_AND_GOOD)
    job = Job.objects.get()
    assert job.state == JobState.DONE and job.started_by == users["khoi"]
    assert job.unit == tree.bloc and job.total == 3 and job.checked == 3
    assert job.result["error_count"] == 1 and not job.result["applied"]
    assert job.file.name and job.file.storage.exists(job.file.name)  # kept for the rerun
    assert not Unit.objects.filter(code__startswith="J").exists()

    part = client.get(response["Location"], headers=HX).content.decode()
    assert "<html" not in part and "hx-get" not in part  # finished: polling stops
    assert "Dòng" in part and "KHONG-CO" in part and "chưa nhập dòng nào" in part
    assert f"/don-vi/nhap/{job.pk}/chi-dong-hop-le/" in part

    response = client.post(f"/don-vi/nhap/{job.pk}/chi-dong-hop-le/")
    rerun = Job.objects.exclude(pk=job.pk).get()
    assert response.status_code == 302 and response["Location"] == f"/don-vi/nhap/{rerun.pk}/"
    assert rerun.options == {"valid_only": True} and rerun.result["applied"]
    assert rerun.result["created"] == 2 and rerun.result["skipped"] == 1
    assert set(Unit.objects.filter(code__startswith="J").values_list("code", flat=True)) == {
        "J1",
        "J1-C1",
    }
    job.refresh_from_db()
    assert not job.file.name and not rerun.file.name  # moved to the rerun, deleted once written
    page = client.get(response["Location"]).content.decode()
    assert "thêm mới 2" in page and "bỏ qua 1 dòng lỗi" in page
    # The file is gone: a second click does not import again.
    response = client.post(f"/don-vi/nhap/{job.pk}/chi-dong-hop-le/", follow=True)
    assert "không còn để nhập lại" in response.content.decode() and Job.objects.count() == 2


def test_unfinished_job_is_polled_and_shows_its_progress(
    tree: Tree, users: dict[str, User]
) -> None:
    job = Job.objects.create(
        kind=tasks.PERSON_IMPORT,
        unit=tree.base1,
        started_by=users["coso1"],
        filename="nhan-su.xlsx",
        state=JobState.RUNNING,
        phase=JobPhase.WRITING,
        total=1200,
        checked=1200,
        to_write=1000,
        written=250,
    )
    client = logged_in_client(users["coso1"])
    part = client.get(f"/don-vi/nhan-su/nhap/{job.pk}/", headers=HX).content.decode()
    assert f'hx-get="/don-vi/nhan-su/nhap/{job.pk}/"' in part and 'hx-trigger="every 1s"' in part
    assert "Đã kiểm tra 1200/1200 dòng" in part and "đã ghi 250/1000 dòng" in part
    assert 'aria-valuenow="25"' in part
    page = client.get(f"/don-vi/nhan-su/nhap/{job.pk}/").content.decode()
    assert "<html" in page and "Nhập nhân sự" in page and "đã ghi 250/1000" in page
    # The import form lists the user's own recent jobs.
    assert f"/don-vi/nhan-su/nhap/{job.pk}/" in client.get("/don-vi/nhan-su/nhap/").content.decode()


def test_a_job_is_seen_by_its_starter_only(tree: Tree, users: dict[str, User]) -> None:
    _post_units(logged_in_client(users["khoi"]), BAD_AND_GOOD)
    job = Job.objects.get()
    url = f"/don-vi/nhap/{job.pk}/"
    other_admin = make_user("khoi2", tree.bloc, Role.UNIT_ADMIN)  # same unit, not the starter
    assert logged_in_client(other_admin).get(url).status_code == 404
    assert logged_in_client(other_admin).post(url + "chi-dong-hop-le/").status_code == 404
    assert logged_in_client(users["coso2"]).get(url).status_code == 403  # may not import units
    assert logged_in_client(users["admin"]).get(url).status_code == 200
    # The same job under the people import URL does not exist.
    assert logged_in_client(users["khoi"]).get(f"/don-vi/nhan-su/nhap/{job.pk}/").status_code == 404
    assert (
        f"/don-vi/nhap/{job.pk}/"
        not in logged_in_client(other_admin).get("/don-vi/nhap/").content.decode()
    )


def test_unreadable_file_and_departed_starter_fail_with_a_reason(
    tree: Tree, users: dict[str, User]
) -> None:
    client = logged_in_client(users["khoi"])
    upload = SimpleUploadedFile("x.csv", "Cột lạ,Khác\n1,2\n".encode())
    response = client.post("/don-vi/nhap/", {"file": upload}, follow=True)
    job = Job.objects.get()
    assert job.state == JobState.FAILED and not job.file.name
    assert "Không nhận ra dòng tiêu đề" in response.content.decode()

    data, name = sheet(BAD_AND_GOOD[:1], "csv")
    job = jobs.start(tasks.UNIT_IMPORT, users["khoi"], SimpleUploadedFile(name, data.getvalue()))
    users["khoi"].is_active = False
    users["khoi"].save()
    tasks.import_units_task.enqueue(job.pk)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "không còn hoạt động" in job.message
    assert not Unit.objects.filter(code="J1").exists()


def test_progress_inside_the_test_transaction_never_blocks(tree: Tree) -> None:
    """In a test the job row is not committed: the second connection (PostgreSQL) finds nothing
    to update and goes on; SQLite records nothing inside a transaction."""
    job = Job.objects.create(kind=tasks.UNIT_IMPORT, filename="a.csv", state=JobState.RUNNING)
    progress = jobs.JobProgress(job, interval=0)
    with transaction.atomic():
        progress.writing(4, 10)
        row = Job.objects.get(pk=job.pk)
        assert (row.phase, row.written) == (JobPhase.READING, 0)
        if transaction.get_connection().vendor == "postgresql":
            assert progress._side is not None and not progress._side_failed
    progress.close()
    assert progress._side is None


@pytest.mark.django_db(transaction=True)
def test_rows_written_are_seen_while_the_write_transaction_is_open() -> None:
    """With committed data (as in production) the page reads the rows written while the import's
    transaction is still open — on PostgreSQL, through the second connection."""
    job = Job.objects.create(kind=tasks.UNIT_IMPORT, filename="a.csv", state=JobState.RUNNING)
    progress = jobs.JobProgress(job, interval=0)
    progress.checked(10, 10)
    row = Job.objects.get(pk=job.pk)  # outside a transaction: the row itself
    assert (row.phase, row.checked, row.total) == (JobPhase.CHECKING, 10, 10)
    with transaction.atomic():
        Unit.objects.add_root(dict(kind="party_committee", code="R", name="Gốc"))
        progress.writing(7, 10)
        row = Job.objects.get(pk=job.pk)
        if transaction.get_connection().vendor == "postgresql":
            assert (row.phase, row.written, row.to_write) == (JobPhase.WRITING, 7, 10)
        else:  # SQLite: one writer; the numbers come at the end
            assert (row.phase, row.written) == (JobPhase.CHECKING, 0)
    progress.close()


def test_old_uploads_are_purged(tree: Tree, users: dict[str, User]) -> None:
    data, name = sheet(BAD_AND_GOOD, "csv")
    job = jobs.start(tasks.UNIT_IMPORT, users["khoi"], SimpleUploadedFile(name, data.getvalue()))
    tasks.import_units_task.enqueue(job.pk)
    job.refresh_from_db()
    stored = job.file.name
    assert stored and job.file.storage.exists(stored)
    assert jobs.purge_old_files() == 0
    Job.objects.filter(pk=job.pk).update(finished_at=timezone.now() - dt.timedelta(days=3))
    assert jobs.purge_old_files() == 1
    job.refresh_from_db()
    assert not job.file.name and not job.file.storage.exists(stored)


def test_a_crash_is_recorded_on_the_job(
    tree: Tree, users: dict[str, User], monkeypatch: pytest.MonkeyPatch
) -> None:
    def crash(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(imports, "import_units", crash)
    response = _post_units(logged_in_client(users["khoi"]), BAD_AND_GOOD)
    job = Job.objects.get()
    assert job.state == JobState.FAILED and "Lỗi hệ thống" in job.message
    assert job.finished_at is not None and not job.file.name
    page = logged_in_client(users["khoi"]).get(response["Location"]).content.decode()
    assert "Lỗi hệ thống" in page and 'hx-trigger="every 1s"' not in page  # the job stopped polling
