"""A person's data exported in the background when it is large (an officer's many audit entries,
a long-serving member's records): the request redirects to the job's page, which shows the
progress and then offers the file, to its starter only (``core.jobs``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.core.files.base import ContentFile
from django.tasks import task

from tuyengiao.core import jobs
from tuyengiao.core.models import Job

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Person

PERSON_EXPORT = "privacy.person_export"
FORMATS = {
    "zip": "application/zip",
    "docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


def start_person_export(user: User, person: Person, fmt: str, filename: str, rows: int) -> Job:
    job = jobs.start(
        PERSON_EXPORT,
        user,
        options={"person": person.pk, "format": fmt},
        filename=filename,
        total=rows,
    )
    export_person_task.enqueue(job.pk)
    return job


def export_person_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """Write the archive or the document, with the starter's rights when it runs: their own
    person, or a person of the subtree they manage."""
    from tuyengiao.accounts.scoping import Action, scoped
    from tuyengiao.orgs.models import Person

    from .records import export_docx, export_zip

    user = jobs.active_starter(job)
    pk = job.options.get("person")
    person = (
        Person.objects.select_related("unit").filter(pk=pk).first()
        if user.person_id == pk
        else scoped(Person.objects.select_related("unit"), user, Action.MANAGE)
        .filter(pk=pk)
        .first()
    )
    if person is None:
        raise jobs.JobError("Người này không còn trong phạm vi của bạn; dữ liệu không được xuất.")
    fmt = str(job.options.get("format"))
    if fmt not in FORMATS:
        raise jobs.JobError("Định dạng xuất không hợp lệ.")
    progress.checked(job.total, job.total)
    content = export_zip(person) if fmt == "zip" else export_docx(person)
    progress.writing(job.total, job.total)
    job.file.save(f"{job.token}.{fmt}", ContentFile(content), save=False)
    return jobs.Outcome(result={"rows": job.total}, keep_file=True)


@task
def export_person_task(job_pk: int) -> None:
    jobs.run(job_pk, export_person_work, kind=PERSON_EXPORT)
