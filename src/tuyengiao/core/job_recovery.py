"""Jobs that end: the lease a running job holds, and what becomes of a job whose worker died.

A worker running a job renews the job's ``heartbeat_at`` every ``lease_seconds() / 3`` (the
worker's heartbeat thread calls ``renew``). ``recover_stale`` — run by every worker at start and
once per lease period — finds running jobs whose lease lapsed and whose worker is gone:

* fewer than ``max_attempts()`` runs so far → the job goes back to "waiting" and its record in
  the task queue (django-tasks-db's ``DBTaskResult``) back to READY, so a worker runs it again
  from the beginning (every job's work is safe to repeat: imports are all-or-nothing, or skip
  the documents already imported; exports write their file again);
* otherwise → "failed", with the reason in Vietnamese and what had been done (rows checked,
  rows written) when the worker stopped.

"The worker is gone" is decided without waiting where it can be: a runner on this machine whose
process no longer exists is gone at once; the runner that is this very process is alive only
while it is running that job. A runner on another machine is judged by the lease alone.

A task of the queue that is not a job (e-mail reminders) and whose worker is gone is marked
failed, never run again: sending a mail twice is worse than once not at all.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Job, JobState

logger = logging.getLogger(__name__)


@dataclass
class _Running:
    """What this process is running now: set by the worker (task) and by ``jobs.run`` (job)."""

    task_result_id: str = ""
    job_pk: int | None = None


RUNNING = _Running()


def lease_seconds() -> int:
    return int(getattr(settings, "JOBS_LEASE_SECONDS", 60))


def max_attempts() -> int:
    return max(1, int(getattr(settings, "JOBS_MAX_ATTEMPTS", 3)))


def runner_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def renew(now: datetime | None = None) -> bool:
    """Renew the lease of the job this process is running; False when it runs none."""
    job_pk = RUNNING.job_pk
    if job_pk is None:
        return False
    Job.objects.filter(pk=job_pk, state=JobState.RUNNING).update(heartbeat_at=now or timezone.now())
    return True


def _process_exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: it exists
        return True
    return True


def runner_alive(runner: str, job_pk: int) -> bool | None:
    """True/False when this machine can tell; None for a runner on another machine."""
    host, _, pid_text = runner.rpartition(":")
    if host != socket.gethostname() or not pid_text.isdigit():
        return None
    pid = int(pid_text)
    if pid == os.getpid():
        return RUNNING.job_pk == job_pk
    return _process_exists(pid)


def _done_so_far(job: Job) -> str:
    parts = []
    if job.checked:
        parts.append(f"đã kiểm tra {job.checked:,}/{job.total:,} dòng".replace(",", "."))
    if job.written:
        parts.append(f"đã ghi {job.written:,}/{job.to_write:,} dòng".replace(",", "."))
    return "; ".join(parts) if parts else "chưa làm được phần nào"


def _requeue_task(task_result_id: str) -> bool:
    """Put the queue's record of the job's run back to READY; False if there is none to reuse."""
    from django_tasks_db.models import DBTaskResult

    if not task_result_id:
        return False
    return bool(
        DBTaskResult.objects.filter(pk=task_result_id, status="RUNNING").update(
            status="READY", started_at=None
        )
    )


def _fail_task(task_result_id: str, reason: str) -> None:
    from django_tasks_db.models import DBTaskResult

    if task_result_id:
        DBTaskResult.objects.filter(pk=task_result_id, status="RUNNING").update(
            status="FAILED",
            finished_at=timezone.now(),
            exception_class_path="tuyengiao.core.job_recovery.WorkerLost",
            traceback=reason,
        )


def is_stale(job: Job, now: datetime) -> bool:
    alive = runner_alive(job.runner, job.pk)
    if alive is not None:
        return not alive
    cutoff = now - timedelta(seconds=lease_seconds())
    return job.heartbeat_at is None or job.heartbeat_at < cutoff


def recover_stale(now: datetime | None = None) -> list[Job]:
    """Retry or fail every running job whose worker is gone; returns the jobs it changed."""
    now = now or timezone.now()
    changed = []
    for candidate in Job.objects.filter(state=JobState.RUNNING).only(
        "pk", "runner", "heartbeat_at"
    ):
        if not is_stale(candidate, now):
            continue
        with transaction.atomic():
            job = Job.objects.select_for_update().filter(pk=candidate.pk).first()
            if job is None or job.state != JobState.RUNNING or not is_stale(job, now):
                continue
            done = _done_so_far(job)
            if job.attempts < max_attempts() and _requeue_task(job.task_result_id):
                job.state = JobState.QUEUED
                job.message = (
                    f"Máy chạy nền đã dừng giữa chừng ({done}); đang chạy lại "
                    f"(lần {job.attempts + 1}/{max_attempts()})."
                )
                logger.warning("job %s: worker %s gone, queued again", job.pk, job.runner)
            else:
                job.state = JobState.FAILED
                job.message = (
                    f"Không hoàn thành: máy chạy nền đã dừng giữa chừng sau {job.attempts} "
                    f"lần chạy ({done}). Phần đã làm được giữ nguyên; hãy bắt đầu lại "
                    "hoặc báo quản trị hệ thống."
                )[:500]
                job.finished_at = now
                _fail_task(job.task_result_id, job.message)
                logger.error("job %s: worker %s gone, failed", job.pk, job.runner)
            job.runner = ""
            job.save(update_fields=["state", "message", "runner", "finished_at"])
            changed.append(job)
    for job in changed:
        if job.state == JobState.FAILED:
            from .jobs import notify_starter

            notify_starter(job)
    return changed


def fail_orphaned_tasks(live_worker_ids: set[str], now: datetime | None = None) -> int:
    """Queue records RUNNING under a worker that is no longer alive and that no job owns:
    marked failed (see the module docstring). ``live_worker_ids``: the workers seen recently."""
    from django_tasks_db.models import DBTaskResult

    owned = set(
        Job.objects.exclude(task_result_id="")
        .filter(state__in=[JobState.QUEUED, JobState.RUNNING])
        .values_list("task_result_id", flat=True)
    )
    count = 0
    cutoff = (now or timezone.now()) - timedelta(seconds=lease_seconds())
    for result in DBTaskResult.objects.filter(status="RUNNING", started_at__lt=cutoff):
        worker = result.worker_ids[-1] if result.worker_ids else ""
        if worker in live_worker_ids or str(result.pk) in owned:
            continue
        _fail_task(str(result.pk), "Máy chạy nền đã dừng khi đang chạy việc này.")
        count += 1
    return count
