"""Tasks that the worker tests enqueue (importable by the worker subprocess by their path)."""

from __future__ import annotations

import time
from pathlib import Path

from django.tasks import task

from tuyengiao.core import jobs
from tuyengiao.core.models import Job

KIND = "ops.test"


def _work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    progress.checked(3, 10)
    if job.attempts <= int(job.options.get("park_attempts", 0)):
        # Say "I am running" to the test, then wait to be killed (bounded, never forever).
        Path(job.options["running_flag"]).write_text(str(job.attempts))
        time.sleep(120)
    return jobs.Outcome(result={"attempt": job.attempts})


@task
def parked_job(job_pk: int) -> None:
    jobs.run(job_pk, _work, kind=KIND)
