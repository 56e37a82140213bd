"""/healthz for the load balancer and the status page for system administrators."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from tuyengiao.core.models import Job, JobState
from tuyengiao.ops import health
from tuyengiao.ops.models import WorkerHeartbeat

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_migrations_worker_and_queue(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["database"] is True
    assert body["migrations"] == {"applied": True, "pending": 0}
    assert body["worker"] == {"needed": True, "alive": 0, "last_seen": None}
    assert body["queue"]["depth"] == 0

    now = timezone.now()
    WorkerHeartbeat.objects.create(worker_id="w1", runner="h:1", started_at=now, seen_at=now)
    assert Client().get("/healthz").json()["worker"]["alive"] == 1


def test_healthz_answers_503_when_the_database_is_unreachable(monkeypatch: Any) -> None:
    monkeypatch.setattr(health, "_pending_migrations", _raise_database_error)
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "fail"


def _raise_database_error() -> int:
    from django.db import OperationalError

    raise OperationalError("server closed the connection")


def test_stuck_jobs_are_those_whose_lease_lapsed(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.JOBS_LEASE_SECONDS = 60
    old = timezone.now() - timedelta(seconds=300)
    stuck = Job.objects.create(kind="x", state=JobState.RUNNING, heartbeat_at=old)
    Job.objects.create(kind="x", state=JobState.RUNNING, heartbeat_at=timezone.now())
    waiting = Job.objects.create(kind="x", state=JobState.QUEUED)
    Job.objects.filter(pk=waiting.pk).update(created_at=old)
    report = health.check()
    # No worker alive: the long-waiting job is listed too.
    assert {j.pk for j in report.stuck_jobs} == {stuck.pk, waiting.pk}


def test_status_page_is_for_system_administrators(client_as: Any) -> None:
    assert client_as("khoi").get("/van-hanh/").status_code == 403
    page = client_as("admin").get("/van-hanh/")
    assert page.status_code == 200
    assert "Vận hành hệ thống" in page.content.decode()
