"""Shared records of the project that belong to no single domain.

* ``Job`` — a long piece of work (an import of a spreadsheet, …) run as a background task of
  Django's tasks framework. The request stores the uploaded file and enqueues the task; the task
  records its progress (rows checked, then rows written) and its outcome here; the page polls it
  with htmx (``core/_job_progress.html``). See ``tuyengiao.core.jobs``.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping


class JobState(models.TextChoices):
    QUEUED = "queued", "Đang chờ"
    RUNNING = "running", "Đang chạy"
    DONE = "done", "Xong"
    FAILED = "failed", "Không thực hiện được"


class JobPhase(models.TextChoices):
    READING = "reading", "Đang đọc tệp"
    CHECKING = "checking", "Đang kiểm tra"
    WRITING = "writing", "Đang ghi"


def _token() -> str:
    return uuid.uuid4().hex


class Job(models.Model):
    """A background job with progress. It belongs to the unit its starter acted for (none for a
    system administrator without a unit) and its page is shown to its starter only."""

    scoping = Scoping(unit_field="unit")

    kind = models.CharField(max_length=40)  # "orgs.units", "orgs.people", …
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file = models.FileField(upload_to="jobs/%Y/%m/", blank=True, max_length=255)
    filename = models.CharField(max_length=255, blank=True)
    options = models.JSONField(default=dict, blank=True)
    state = models.CharField(max_length=8, choices=JobState.choices, default=JobState.QUEUED)
    phase = models.CharField(max_length=8, choices=JobPhase.choices, default=JobPhase.READING)
    total = models.PositiveIntegerField(default=0)  # rows in the file
    checked = models.PositiveIntegerField(default=0)
    to_write = models.PositiveIntegerField(default=0)  # rows that will be written
    written = models.PositiveIntegerField(default=0)
    result = models.JSONField(default=dict, blank=True)  # the outcome, shaped by the kind
    message = models.CharField(max_length=500, blank=True)  # why it failed, in Vietnamese
    token = models.CharField(max_length=32, default=_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The lease: a running job's worker renews heartbeat_at; a job whose lease lapsed while its
    # worker is gone is retried (up to JOBS_MAX_ATTEMPTS runs) or failed (see jobs.recover_stale).
    attempts = models.PositiveSmallIntegerField(default=0)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    runner = models.CharField(max_length=160, blank=True)  # "host:pid" of the worker running it
    task_result_id = models.CharField(max_length=64, blank=True)  # the queue's record of the run

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["started_by", "kind", "-created_at"]),
            models.Index(fields=["state", "heartbeat_at"], name="core_job_state_beat"),
        ]
        verbose_name = "tác vụ nền"
        verbose_name_plural = "tác vụ nền"

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.get_state_display()})"

    @property
    def finished(self) -> bool:
        return self.state in {JobState.DONE, JobState.FAILED}

    @property
    def percent(self) -> int:
        """How far the current phase is: rows checked of the rows read, then rows written of the
        rows to write (the page names the phase beside the bar)."""
        if self.finished:
            return 100
        if self.phase == JobPhase.WRITING:
            return (
                int(100 * min(self.written, self.to_write) / self.to_write) if self.to_write else 0
            )
        return int(100 * min(self.checked, self.total) / self.total) if self.total else 0
