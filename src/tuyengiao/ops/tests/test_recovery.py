"""core.job_recovery without a worker process: the decisions, on both databases."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tuyengiao.core import job_recovery
from tuyengiao.core.models import Job, JobState

pytestmark = pytest.mark.django_db


def _task_result(status: str = "RUNNING") -> DBTaskResult[Any, Any]:
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [1], "kwargs": {}},
        task_path="tuyengiao.ops.tests.worker_tasks.parked_job",
        backend_name="default",
        run_after=timezone.now(),
        started_at=timezone.now() - timedelta(hours=1),
        worker_ids=["gone"],
    )


def _running_job(runner: str, attempts: int, result: DBTaskResult[Any, Any], **extra: Any) -> Job:
    return Job.objects.create(
        kind="x",
        state=JobState.RUNNING,
        attempts=attempts,
        runner=runner,
        task_result_id=str(result.pk),
        heartbeat_at=timezone.now() - timedelta(hours=1),
        **extra,
    )


def test_a_job_of_a_dead_process_on_this_machine_is_queued_again(settings: Any) -> None:
    settings.JOBS_MAX_ATTEMPTS = 3
    result = _task_result()
    host = job_recovery.runner_id().rpartition(":")[0]
    job = _running_job(f"{host}:999999999", 1, result)  # no such process
    assert job_recovery.recover_stale() == [job]
    job.refresh_from_db()
    result.refresh_from_db()
    assert job.state == JobState.QUEUED and "đang chạy lại (lần 2/3)" in job.message
    assert result.status == "READY"


def test_a_job_out_of_attempts_fails_and_says_what_was_done(settings: Any) -> None:
    settings.JOBS_MAX_ATTEMPTS = 2
    result = _task_result()
    job = _running_job("other-host:1", 2, result, total=40, checked=40, to_write=40, written=12)
    job_recovery.recover_stale()
    job.refresh_from_db()
    assert job.state == JobState.FAILED and job.finished_at is not None
    assert "đã ghi 12/40 dòng" in job.message
    result.refresh_from_db()
    assert result.status == "FAILED"


def test_a_job_with_a_live_lease_on_another_machine_is_left_alone() -> None:
    result = _task_result()
    job = _running_job("other-host:1", 1, result)
    Job.objects.filter(pk=job.pk).update(heartbeat_at=timezone.now())
    assert job_recovery.recover_stale() == []


def test_this_process_keeps_the_job_it_is_running() -> None:
    result = _task_result()
    job = _running_job(job_recovery.runner_id(), 1, result)
    job_recovery.RUNNING.job_pk = job.pk
    try:
        assert job_recovery.recover_stale() == []
    finally:
        job_recovery.RUNNING.job_pk = None
    # …and gives it up once it no longer runs it (an error escaped the task's bookkeeping).
    assert job_recovery.recover_stale() == [job]


def test_a_queue_record_of_a_dead_worker_that_no_job_owns_is_failed() -> None:
    orphan = _task_result()
    live = _task_result()
    live.worker_ids = ["alive"]
    live.save()
    assert job_recovery.fail_orphaned_tasks({"alive"}) == 1
    orphan.refresh_from_db()
    live.refresh_from_db()
    assert orphan.status == "FAILED" and live.status == "RUNNING"


def test_the_starter_is_told_when_a_job_fails_for_good(settings: Any, mailoutbox: Any) -> None:
    from tuyengiao.testing import make_tree, make_user

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.JOBS_MAX_ATTEMPTS = 1
    starter = make_user("nhap", make_tree().base1, email="nhap@example.vn")
    _running_job("other-host:1", 1, _task_result(), started_by=starter, filename="ds.xlsx")
    job_recovery.recover_stale()
    assert [m.to for m in mailoutbox] == [["nhap@example.vn"]]
    assert "ds.xlsx" in mailoutbox[0].subject and "dừng giữa chừng" in mailoutbox[0].body
