"""The facts an operator and a load balancer need: database, migrations, worker, queue, stuck jobs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from tuyengiao.core import job_recovery
from tuyengiao.core.models import Job, JobState

from .models import WorkerHeartbeat

# Once this process has seen every migration applied it stays so: new migrations come with new
# code, and new code means a restarted process.
_migrations_applied = False


@dataclass
class Health:
    database: bool
    migrations: bool
    pending_migrations: int = 0
    tasks_inline: bool = False  # TASKS_IMMEDIATE / DEBUG: no worker is needed
    workers: list[WorkerHeartbeat] = field(default_factory=list)
    worker_seen_at: datetime | None = None
    queue_depth: int = 0
    oldest_queued_at: datetime | None = None
    stuck_jobs: list[Job] = field(default_factory=list)

    @property
    def worker_alive(self) -> bool:
        return bool(self.workers)

    @property
    def ok(self) -> bool:
        """What the load balancer needs: this node can serve (the worker is reported apart)."""
        return self.database and self.migrations

    def as_json(self) -> dict[str, object]:
        return {
            "status": "ok" if self.ok else "fail",
            "database": self.database,
            "migrations": {"applied": self.migrations, "pending": self.pending_migrations},
            "worker": {
                "needed": not self.tasks_inline,
                "alive": len(self.workers),
                "last_seen": self.worker_seen_at.isoformat() if self.worker_seen_at else None,
            },
            "queue": {
                "depth": self.queue_depth,
                "oldest": self.oldest_queued_at.isoformat() if self.oldest_queued_at else None,
            },
            "stuck_jobs": len(self.stuck_jobs),
        }


def _pending_migrations() -> int:
    global _migrations_applied
    if _migrations_applied:
        return 0
    executor = MigrationExecutor(connection)
    pending = len(executor.migration_plan(executor.loader.graph.leaf_nodes()))
    _migrations_applied = pending == 0
    return pending


def _tasks_inline() -> bool:
    backend = str(settings.TASKS.get("default", {}).get("BACKEND", ""))
    return "django_tasks_db" not in backend


def check(now: datetime | None = None) -> Health:
    now = now or timezone.now()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = _pending_migrations()
    except DatabaseError:
        return Health(database=False, migrations=False)
    health = Health(database=True, migrations=pending == 0, pending_migrations=pending)
    health.tasks_inline = _tasks_inline()
    if pending:
        return health
    lease = timedelta(seconds=job_recovery.lease_seconds())
    health.workers = list(WorkerHeartbeat.objects.filter(seen_at__gte=now - lease))
    last = WorkerHeartbeat.objects.order_by("-seen_at").values_list("seen_at", flat=True).first()
    health.worker_seen_at = last
    from django_tasks_db.models import DBTaskResult

    ready = DBTaskResult.objects.ready()
    health.queue_depth = ready.count()
    health.oldest_queued_at = (
        ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    )
    health.stuck_jobs = list(
        Job.objects.filter(state=JobState.RUNNING, heartbeat_at__lt=now - lease)
        .select_related("started_by", "unit")
        .order_by("heartbeat_at")[:50]
    )
    if not health.tasks_inline and not health.workers:
        health.stuck_jobs += list(
            Job.objects.filter(state=JobState.QUEUED, created_at__lt=now - lease)
            .select_related("started_by", "unit")
            .order_by("created_at")[:50]
        )
    return health
