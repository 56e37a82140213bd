"""The background worker that stays up: django-tasks-db's worker, plus a heartbeat and recovery.

``tuyengiao db_worker`` (this app's command, which takes the place of django-tasks-db's own) runs
``ResilientWorker``:

* a database error in the loop (the server restarted, the connection was terminated) closes the
  connections and tries again after 1, 2, 4 … 60 seconds, instead of ending the process;
* a heartbeat thread writes the worker's ``WorkerHeartbeat`` and renews the lease of the job it
  runs every lease/3 seconds, and once per lease period retries or fails the jobs and queue
  records left behind by dead workers (``core.job_recovery``).

The thread is the worker's own, outside any request: the project's rule against threads is
about views. It uses its own database connection (Django's connections are per thread).
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import timedelta
from typing import Any

from django.db import DatabaseError, InterfaceError, close_old_connections, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tuyengiao.core import job_recovery

from .models import WorkerHeartbeat

logger = logging.getLogger(__name__)

MAX_BACKOFF = 60.0


def live_worker_ids(within_seconds: int | None = None) -> set[str]:
    seconds = within_seconds or job_recovery.lease_seconds()
    cutoff = timezone.now() - timedelta(seconds=seconds)
    return set(
        WorkerHeartbeat.objects.filter(seen_at__gte=cutoff).values_list("worker_id", flat=True)
    )


def housekeeping() -> None:
    """What any worker does at start and once per lease period."""
    job_recovery.recover_stale()
    job_recovery.fail_orphaned_tasks(live_worker_ids())
    # Rows of workers not seen for a day are history, not state.
    WorkerHeartbeat.objects.filter(seen_at__lt=timezone.now() - timedelta(days=1)).delete()


class Heartbeat(threading.Thread):
    def __init__(self, worker: ResilientWorker) -> None:
        super().__init__(name="tuyengiao-heartbeat", daemon=True)
        self.worker = worker
        self.stopping = threading.Event()
        self.started_at = timezone.now()

    def beat(self) -> None:
        now = timezone.now()
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker.worker_id,
            defaults={
                "runner": job_recovery.runner_id(),
                "started_at": self.started_at,
                "seen_at": now,
                "tasks_done": self.worker.tasks_done,
                "current_task": self.worker.current_task_path,
            },
        )
        job_recovery.renew(now)

    def run(self) -> None:
        lease = job_recovery.lease_seconds()
        next_housekeeping = 0.0
        while True:
            try:
                self.beat()
                if time.monotonic() >= next_housekeeping:
                    housekeeping()
                    next_housekeeping = time.monotonic() + lease
            except (DatabaseError, InterfaceError):
                # SQLite: a long import holds the one write lock; PostgreSQL: the server went
                # away. Either way the next beat tries again on a fresh connection.
                logger.warning("worker heartbeat not written", exc_info=True)
                connections.close_all()
            if self.stopping.wait(lease / 3):
                break
        connections.close_all()


class ResilientWorker(Worker):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.tasks_done = 0
        self.current_task_path = ""
        self.heartbeat = Heartbeat(self)

    def run(self) -> None:
        self.heartbeat.start()
        backoff = 1.0
        try:
            while self.running:
                try:
                    super().run()
                    return  # --batch or --max-tasks reached
                except (DatabaseError, InterfaceError) as exc:
                    logger.warning(
                        "worker: database error (%s); trying again in %.0f s", exc, backoff
                    )
                    self._close_connections()
                    time.sleep(backoff)
                    backoff = min(MAX_BACKOFF, backoff * 2)
                    if not self.running:
                        return
        finally:
            self.heartbeat.stopping.set()

    @staticmethod
    def _close_connections() -> None:
        for conn in connections.all(initialized_only=True):
            try:
                conn.close()
            except (DatabaseError, InterfaceError):
                logger.debug("closing a broken connection failed", exc_info=True)
        close_old_connections()

    def run_task(self, db_task_result: DBTaskResult[Any, Any]) -> None:
        job_recovery.RUNNING.task_result_id = str(db_task_result.pk)
        self.current_task_path = db_task_result.task_path
        try:
            super().run_task(db_task_result)
        finally:
            job_recovery.RUNNING.task_result_id = ""
            self.current_task_path = ""
            self.tasks_done += 1
