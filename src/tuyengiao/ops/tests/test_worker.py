"""A worker that stays up and jobs that end, with a real `tuyengiao db_worker` subprocess.

PostgreSQL only (SQLite allows one writer, and the suite's SQLite database is a file of this
process). Each test waits for an outcome by polling the database for at most WAIT seconds; no
test asserts how long anything took.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django_tasks_db.models import DBTaskResult

import tuyengiao
from tuyengiao.core.models import Job, JobState
from tuyengiao.ops.models import WorkerHeartbeat
from tuyengiao.ops.tests.worker_tasks import KIND, parked_job

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.slow]

LEASE = 2  # seconds: short, so that a lapsed lease is seen within the test
WAIT = 90  # the most any test waits for the worker (a busy 2-core machine is slow)


@pytest.fixture(autouse=True)
def postgres_only() -> None:
    if connection.vendor != "postgresql":
        pytest.skip("the worker tests need PostgreSQL (several processes write at once)")


@pytest.fixture
def db_tasks(settings: Any) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _task_status(job: Job) -> str:
    """The status django-tasks-db keeps for the job's task, read afresh."""
    return str(DBTaskResult.objects.get(pk=_state(job).task_result_id).status)


def _wait_for(condition: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    pytest.fail(f"waited {WAIT} s for {what}")


class Workers:
    """Starts `tuyengiao db_worker` processes on the test database; stops them all at the end."""

    def __init__(self, tmp: Path, max_attempts: int) -> None:
        db = connection.settings_dict
        src = str(Path(tuyengiao.__file__).resolve().parents[1])
        self.env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]),
            "DJANGO_SETTINGS_MODULE": "tuyengiao.settings",
            "DATABASE_URL": (
                f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:"
                f"{db['PORT'] or 5432}/{db['NAME']}"
            ),
            "SECRET_KEY": "only-for-tests-not-a-secret-" + "y" * 30,
            "DEBUG": "0",
            "TASKS_IMMEDIATE": "0",
            "TUYENGIAO_VAR": str(tmp),
            "JOBS_LEASE_SECONDS": str(LEASE),
            "JOBS_MAX_ATTEMPTS": str(max_attempts),
            "CONN_MAX_AGE": "0",
        }
        if db.get("PASSWORD"):
            self.env["DATABASE_URL"] = self.env["DATABASE_URL"].replace(
                "@", f":{db['PASSWORD']}@", 1
            )
        self.processes: list[subprocess.Popen[bytes]] = []
        self.log = tmp / "worker.log"

    def start(self) -> subprocess.Popen[bytes]:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "tuyengiao",
                "db_worker",
                "--interval",
                "0.2",
                "--no-startup-delay",
                "--no-reload",
            ],
            env=self.env,
            stdout=self.log.open("ab"),
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        return process

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.kill()
            process.wait(timeout=30)


@pytest.fixture
def workers(tmp_path: Path) -> Iterator[Workers]:
    pool = Workers(tmp_path, max_attempts=3)
    yield pool
    pool.stop()


def _parked_job(tmp_path: Path, park_attempts: int) -> Job:
    job = Job.objects.create(
        kind=KIND,
        options={"park_attempts": park_attempts, "running_flag": str(tmp_path / "running")},
    )
    parked_job.enqueue(job.pk)
    return job


def _state(job: Job) -> Job:
    job.refresh_from_db()
    return job


def test_a_job_whose_worker_is_killed_is_run_again(
    db_tasks: None, workers: Workers, tmp_path: Path
) -> None:
    job = _parked_job(tmp_path, park_attempts=1)
    first = workers.start()
    _wait_for(lambda: (tmp_path / "running").exists(), "the job to start")
    assert _state(job).state == JobState.RUNNING and job.heartbeat_at is not None
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)
    assert _state(job).state == JobState.RUNNING  # nothing ended it: the worker had no say

    workers.start()
    _wait_for(lambda: _state(job).state == JobState.DONE, "the job to be run again and end")
    assert job.attempts == 2
    assert job.result == {"attempt": 2}
    # The queue marks its own row after the task function returns, so a moment after the job
    # (CI once read "RUNNING" there on a loaded machine): wait for it too.
    _wait_for(lambda: _task_status(job) == "SUCCESSFUL", "the queue's row to be marked done")


def test_a_job_out_of_attempts_fails_with_its_reason(
    db_tasks: None, workers: Workers, tmp_path: Path
) -> None:
    workers.env["JOBS_MAX_ATTEMPTS"] = "1"
    job = _parked_job(tmp_path, park_attempts=5)
    first = workers.start()
    _wait_for(lambda: (tmp_path / "running").exists(), "the job to start")
    os.kill(first.pid, signal.SIGKILL)
    first.wait(timeout=30)

    workers.start()
    _wait_for(lambda: _state(job).state == JobState.FAILED, "the job to be marked failed")
    assert "máy chạy nền đã dừng giữa chừng" in job.message
    assert "đã kiểm tra 3/10 dòng" in job.message  # what was done when it stopped
    assert job.finished_at is not None
    _wait_for(lambda: _task_status(job) == "FAILED", "the queue's row to be marked failed")


def test_the_worker_survives_its_connections_being_terminated(
    db_tasks: None, workers: Workers, tmp_path: Path
) -> None:
    process = workers.start()
    _wait_for(lambda: WorkerHeartbeat.objects.exists(), "the worker's first heartbeat")
    beat = WorkerHeartbeat.objects.get()
    pid = int(beat.runner.rpartition(":")[2])
    assert pid == process.pid
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        assert cursor.fetchall(), "no connection of the worker was found to terminate"
    time.sleep(LEASE)  # let the worker meet its dead connections before the next job arrives
    assert process.poll() is None, "the worker ended when its connections were terminated"

    job = _parked_job(tmp_path, park_attempts=0)
    _wait_for(lambda: _state(job).state == JobState.DONE, "the next job to run")
    assert process.poll() is None
