"""Long work as background jobs with progress (Django's tasks framework underneath).

The request stores the upload and enqueues a task (``start`` then ``your_task.enqueue(job.pk)``);
the task calls ``run(job_pk, work)``; ``work(job, progress)`` reports through ``progress``
(``checked(done, total)`` while validating, ``writing(done, total)`` while writing) and returns
an ``Outcome``; the page polls ``core/_job_progress.html`` with htmx until the job is finished.

Progress is written at most every ``PROGRESS_INTERVAL`` seconds. While the work is inside its one
all-or-nothing transaction, a write to the job's row through the same connection would stay
invisible until the commit, so on PostgreSQL a second connection in autocommit updates the row.
SQLite has one writer at a time: every request that writes (each authenticated request saves its
session) waits for the import's transaction anyway, so there the rows written are not recorded
until the end and the page shows "writing" with the rows checked.
"""

from __future__ import annotations

import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from django.db import DatabaseError, transaction
from django.utils import timezone

from .models import Job, JobPhase, JobState
from .spreadsheets import ImportResult, TableError

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser
    from django.core.files.uploadedfile import UploadedFile
    from django.db.backends.base.base import BaseDatabaseWrapper

    from tuyengiao.accounts.models import User

logger = logging.getLogger(__name__)

PROGRESS_INTERVAL = 0.5  # seconds between two progress writes
MAX_KEPT_ERRORS = 2000  # row errors kept on the job (the count is always exact)
FILE_KEEP_DAYS = 2  # uploads of finished jobs are deleted after this many days
PROGRESS_FIELDS = ("phase", "total", "checked", "to_write", "written")


class Progress(Protocol):
    """What long row-by-row work reports to."""

    def checked(self, done: int, total: int) -> None: ...

    def writing(self, done: int, total: int) -> None: ...


class NoProgress:
    """For callers that show no progress (the command line, tests of the import itself)."""

    def checked(self, done: int, total: int) -> None:
        pass

    def writing(self, done: int, total: int) -> None:
        pass


NO_PROGRESS = NoProgress()


class JobError(Exception):
    """The job cannot be done as asked; the message (Vietnamese) is shown on its page."""


@dataclass
class Outcome:
    result: dict[str, Any]
    keep_file: bool = False  # kept for a second run (e.g. "import the valid rows only")


class JobProgress:
    """Records a job's progress (throttled); inside a transaction, through a second connection
    on PostgreSQL and not at all on SQLite."""

    def __init__(self, job: Job, interval: float = PROGRESS_INTERVAL) -> None:
        self.job = job
        self.interval = interval
        self._last = 0.0
        self._side: BaseDatabaseWrapper | None = None
        self._side_failed = False

    def checked(self, done: int, total: int) -> None:
        first = self.job.phase != JobPhase.CHECKING
        self.job.phase, self.job.checked, self.job.total = JobPhase.CHECKING, done, total
        self._push(force=first or done >= total)

    def writing(self, done: int, total: int) -> None:
        first = self.job.phase != JobPhase.WRITING
        self.job.phase, self.job.written, self.job.to_write = JobPhase.WRITING, done, total
        self._push(force=first or done >= total)

    def _push(self, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._last < self.interval:
            return
        self._last = now
        values = {name: getattr(self.job, name) for name in PROGRESS_FIELDS}
        connection = transaction.get_connection()
        if not connection.in_atomic_block:
            Job.objects.filter(pk=self.job.pk).update(**values)
        elif connection.vendor == "postgresql":
            self._update_aside(connection, values)

    def _update_aside(self, connection: BaseDatabaseWrapper, values: dict[str, Any]) -> None:
        """UPDATE the job's row through a second connection (autocommit): the page sees it now."""
        if self._side_failed:
            return
        try:
            if self._side is None:
                self._side = type(connection)(dict(connection.settings_dict), connection.alias)
                with self._side.cursor() as cursor:
                    cursor.execute("SET lock_timeout = '2s'")
            quote = self._side.ops.quote_name
            assignments = ", ".join(f"{quote(name)} = %s" for name in values)
            with self._side.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {quote(Job._meta.db_table)} SET {assignments} WHERE {quote('id')} = %s",
                    [*values.values(), self.job.pk],
                )
        except DatabaseError:  # progress is a courtesy: never let it break the work
            logger.warning("job %s: progress not recorded", self.job.pk, exc_info=True)
            self._side_failed = True

    def close(self) -> None:
        if self._side is not None:
            self._side.close()
            self._side = None


def start(
    kind: str,
    user: User | AnonymousUser,
    upload: UploadedFile[bytes] | None = None,
    options: dict[str, Any] | None = None,
    *,
    filename: str = "",
    total: int = 0,
) -> Job:
    """A new job of ``kind`` for ``user``, with the upload it works on stored (none for a job that
    writes a file, e.g. an export named ``filename``); the caller enqueues its task."""
    purge_old_files()
    name = (upload.name or "") if upload is not None else filename
    job = Job(
        kind=kind,
        unit=getattr(user, "unit", None),
        started_by=user if user.is_authenticated else None,
        filename=name[:255],
        options=options or {},
        total=total,
    )
    if upload is not None:
        suffix = Path(name).suffix.lower()
        job.file.save(f"{job.token}{suffix if suffix.isascii() else ''}", upload, save=False)
    job.save()
    return job


def active_starter(job: Job) -> User:
    """The user a job acts for, with that user's rights at the time it runs. A job whose starter
    is gone or inactive is refused: without a user the work would run unrestricted."""
    if job.started_by is None or not job.started_by.is_active:
        raise JobError(
            "Tài khoản đã bắt đầu việc này không còn hoạt động; việc không được thực hiện."
        )
    return job.started_by


def restart(job: Job, user: User | AnonymousUser, **options: Any) -> Job:
    """A new job on the same stored file with changed options (e.g. ``valid_only=True``); the
    file moves to the new job, so a second click cannot start it twice."""
    with transaction.atomic():
        job = Job.objects.select_for_update().get(pk=job.pk)
        if not job.file.name or job.state != JobState.DONE:
            raise JobError("Tệp này không còn để nhập lại; hãy tải tệp lên lần nữa.")
        new = Job(
            kind=job.kind,
            unit=job.unit,
            started_by=user if user.is_authenticated else None,
            filename=job.filename,
            options={**job.options, **options},
        )
        new.file.name = job.file.name
        new.save()
        job.file.name = ""
        job.save(update_fields=["file"])
    return new


def _drop_file(job: Job) -> None:
    if job.file.name:
        try:
            job.file.storage.delete(job.file.name)
        except OSError:
            logger.warning("job %s: stored file not deleted", job.pk, exc_info=True)
        job.file.name = ""


def purge_old_files(days: int = FILE_KEEP_DAYS) -> int:
    """Delete the uploads of jobs finished more than ``days`` ago; returns how many."""
    cutoff = timezone.now() - dt.timedelta(days=days)
    old = list(Job.objects.filter(finished_at__lt=cutoff).exclude(file=""))
    for job in old:
        _drop_file(job)
        job.save(update_fields=["file"])
    return len(old)


def run(job_pk: int, work: Callable[[Job, JobProgress], Outcome], *, kind: str) -> None:
    """Run ``work`` for a job of ``kind`` and record its outcome; a job already finished is not
    run again, nor one of another kind (a task queued before its app moved onto ``Job`` names the
    id of a record of its own old model). The run takes the job's lease (see ``job_recovery``):
    a retried job starts again from the beginning, so ``work`` must be safe to repeat — every
    import is all-or-nothing or skips what it already imported."""
    from .job_recovery import RUNNING, runner_id

    job = Job.objects.select_related("unit", "started_by").get(pk=job_pk)
    if job.state != JobState.QUEUED or job.kind != kind:
        return
    job.state = JobState.RUNNING
    job.attempts += 1
    job.heartbeat_at = timezone.now()
    job.runner = runner_id()
    job.task_result_id = RUNNING.task_result_id
    job.save(update_fields=["state", "attempts", "heartbeat_at", "runner", "task_result_id"])
    RUNNING.job_pk = job.pk
    progress = JobProgress(job)
    keep_file = False
    try:
        outcome = work(job, progress)
    except (TableError, JobError) as exc:
        job.state, job.message = JobState.FAILED, str(exc)[:500]
    except Exception:
        job.state = JobState.FAILED
        job.message = "Lỗi hệ thống khi thực hiện; hãy thử lại hoặc báo quản trị hệ thống."
        _finish(job, progress, keep_file=False)
        raise  # the task is recorded as failed too, with its traceback
    else:
        job.state, job.result, keep_file = JobState.DONE, outcome.result, outcome.keep_file
        job.message = ""
    finally:
        RUNNING.job_pk = None
    _finish(job, progress, keep_file)


def _finish(job: Job, progress: JobProgress, keep_file: bool) -> None:
    progress.close()
    if not keep_file:
        _drop_file(job)
    job.finished_at = timezone.now()
    job.save()
    notify_starter(job)


# A job shorter than this ended while its starter was most likely still watching its page.
NOTIFY_AFTER = dt.timedelta(minutes=1)


def notify_starter(job: Job) -> bool:
    """E-mail the starter that a background job ended — when it failed, or took long enough
    that they may have left its page. Jobs run inside the request (no worker) send nothing."""
    from django.conf import settings
    from django.core.mail import send_mail

    starter = job.started_by
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    if starter is None or not starter.email or "django_tasks_db" not in backend:
        return False
    took = (job.finished_at or timezone.now()) - job.created_at
    if job.state != JobState.FAILED and took < NOTIFY_AFTER:
        return False
    name = job.filename or job.kind
    if job.state == JobState.FAILED:
        subject = f"Việc «{name}» không thực hiện được"
        body = f"Việc «{name}» bắt đầu lúc {timezone.localtime(job.created_at):%H:%M %d/%m/%Y} không thực hiện được.\n\n{job.message}"
    else:
        subject = f"Việc «{name}» đã xong"
        body = f"Việc «{name}» bắt đầu lúc {timezone.localtime(job.created_at):%H:%M %d/%m/%Y} đã xong. Kết quả có trên trang của việc này."
    try:
        send_mail(subject, body, None, [starter.email])
    except OSError:  # the mail server is down: the job page still says it all
        logger.warning("job %s: end not mailed to its starter", job.pk, exc_info=True)
        return False
    return True


def import_outcome(result: ImportResult) -> Outcome:
    """The outcome of a row import: counts, the bad rows ("Dòng N: lý do"), whether it was written;
    the file is kept when nothing was written because of bad rows (for "valid rows only")."""
    errors = sorted(result.errors, key=lambda e: e.row)
    return Outcome(
        result={
            "applied": result.applied,
            "created": result.created,
            "updated": result.updated,
            "skipped": result.skipped,
            "error_count": len(errors),
            "errors": [{"row": e.row, "reason": e.reason} for e in errors[:MAX_KEPT_ERRORS]],
        },
        keep_file=not result.applied and bool(errors),
    )


def job_for_user(user: User | AnonymousUser, pk: int, kind: str) -> Job:
    """A job of ``kind`` its starter (or a system administrator) may see, else 404."""
    from tuyengiao.accounts.scoping import get_for_user, is_system_admin

    qs = Job.objects.filter(kind=kind)
    if not is_system_admin(user):
        qs = qs.filter(started_by=user.pk) if user.is_authenticated else qs.none()
    return get_for_user(qs, user, pk=pk)


def recent_jobs(user: User | AnonymousUser, kind: str, limit: int = 5) -> list[Job]:
    """The user's own latest jobs of ``kind``."""
    from tuyengiao.accounts.scoping import scoped

    if not user.is_authenticated:
        return []
    jobs = scoped(Job.objects.filter(kind=kind, started_by=user.pk), user)
    return list(jobs[:limit])
