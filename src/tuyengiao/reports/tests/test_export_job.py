"""The matrix's .xlsx export: small in the request, large as a background job (progress page,
then the file, to its starter only); both with the same rows as the page."""

from __future__ import annotations

import io
from datetime import date
from typing import Any

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tuyengiao.accounts.models import Role
from tuyengiao.core.models import Job, JobState
from tuyengiao.reports import matrix
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.tasks import MATRIX_EXPORT
from tuyengiao.testing import logged_in_client, make_user

from .conftest import Setup, form_data

pytestmark = pytest.mark.django_db


def _rows(content: bytes) -> list[tuple[Any, ...]]:
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]


def _submit_first_five(s: Setup, on_day: Any) -> None:
    on_day(date(2025, 3, 10))
    for n, unit in enumerate(s.units[:5]):
        sub = s.rt.periods.get(pk=s.q1.pk).submissions.get(unit=unit)
        result = submit(sub, form_data(s, n), sub.version, f"tok-x{n}", s.officers[unit.pk])
        assert result.ok, result.errors
    on_day(date(2025, 4, 20))  # the quarter is overdue: the other 35 are missing


def test_small_export_in_the_request(forty: Setup, on_day: Any, client_as: Any) -> None:
    _submit_first_five(forty, on_day)
    response = client_as("khoi").get(
        reverse("reports:matrix"), {"period": forty.q1.key, "export": "xlsx"}
    )
    assert response.status_code == 200
    rows = _rows(response.content)
    assert rows[0] == ("Mã đơn vị", "Đơn vị", forty.rt.title)
    assert len(rows) == 41
    labels = [r[2] for r in rows[1:]]
    assert labels.count("Đúng hạn") == 5 and labels.count("Chưa nộp (quá hạn)") == 35
    assert not Job.objects.filter(kind=MATRIX_EXPORT).exists()


def test_large_export_runs_as_a_job(
    forty: Setup,
    on_day: Any,
    client_as: Any,
    users: dict[str, Any],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _submit_first_five(forty, on_day)
    monkeypatch.setattr(matrix, "EXPORT_IN_REQUEST_MAX", 10)
    monkeypatch.setattr(matrix, "EXPORT_CHUNK", 7)  # several chunks, several progress steps
    client = client_as("khoi")
    response = client.get(
        reverse("reports:matrix"),
        {"period": forty.q1.key, "export": "xlsx", "status": "missing"},
    )
    job = Job.objects.get(kind=MATRIX_EXPORT)
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:export_job", kwargs={"export_job_pk": job.pk})
    # the immediate backend ran it: done, the 35 missing units written, the file kept
    assert job.state == JobState.DONE, job.message
    assert job.result == {"rows": 35} and (job.written, job.to_write) == (35, 35)
    assert job.options == {"period": forty.q1.key, "kind": "", "q": "", "status": "missing"}
    page = client.get(response["Location"])
    download = reverse("reports:export_file", kwargs={"export_job_pk": job.pk})
    assert page.status_code == 200 and download in page.content.decode()
    # the htmx poll answers the fragment only
    fragment = client.get(response["Location"], HTTP_HX_REQUEST="true")
    assert b"<html" not in fragment.content and download.encode() in fragment.content
    file = client.get(download)
    assert file.status_code == 200
    rows = _rows(b"".join(file.streaming_content))
    assert len(rows) == 36 and {r[2] for r in rows[1:]} == {"Chưa nộp (quá hạn)"}
    assert [r[0] for r in rows[1:]] == [
        u.code for u in sorted(forty.units[5:], key=lambda u: u.path)
    ]
    # a second export: its page lists the first one among the user's recent exports
    again = client.get(reverse("reports:matrix"), {"period": forty.q1.key, "export": "xlsx"})
    assert again.status_code == 302 and again["Location"] != response["Location"]
    assert response["Location"].encode() in client.get(again["Location"]).content
    # another officer of the same unit: neither the job nor its file
    other = logged_in_client(make_user("khoi2", users["khoi"].unit, Role.UNIT_ADMIN))
    assert other.get(response["Location"]).status_code == 404
    assert other.get(download).status_code == 404


def test_export_job_refuses_an_inactive_starter(
    forty: Setup, users: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    from tuyengiao.core import jobs
    from tuyengiao.reports.tasks import export_matrix_work

    starter = users["khoi"]
    job = Job.objects.create(
        kind=MATRIX_EXPORT,
        unit=starter.unit,
        started_by=starter,
        filename="x.xlsx",
        options={"period": forty.q1.key},
    )
    starter.is_active = False
    starter.save()
    jobs.run(job.pk, export_matrix_work, kind=MATRIX_EXPORT)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "không còn hoạt động" in job.message
    assert not job.file
