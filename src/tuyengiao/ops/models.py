from __future__ import annotations

from django.db import models


class WorkerHeartbeat(models.Model):
    """A background worker's sign of life, written by its heartbeat thread (``ops.worker``).

    Read by /healthz and the system administrators' status page, and by the workers themselves
    to tell a queue record of a dead worker from one of a live worker. No personal data.
    """

    worker_id = models.CharField(max_length=64, unique=True)
    runner = models.CharField(max_length=160)  # "host:pid"
    started_at = models.DateTimeField()
    seen_at = models.DateTimeField(db_index=True)
    tasks_done = models.PositiveIntegerField(default=0)
    current_task = models.CharField(max_length=200, blank=True)  # the task path, while it runs

    class Meta:
        verbose_name = "máy chạy nền"
        verbose_name_plural = "máy chạy nền"

    def __str__(self) -> str:
        return f"{self.runner} ({self.worker_id[:8]})"
