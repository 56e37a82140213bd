"""Background work of the reports app (Django's tasks framework)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.mail import send_mass_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone

from tuyengiao.core import jobs
from tuyengiao.core.models import Job

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tuyengiao.accounts.models import User

    from .matrix import Filters

MATRIX_EXPORT = "reports.matrix_export"


@task
def send_report_reminders(period_ids: list[int]) -> int:
    """E-mail the officers of the units that still have not submitted the report of each period.

    Only units whose report is still a draft (not submitted, not returned, not accepted) are
    reminded, computed when the task runs; returns the number of e-mails sent."""
    from tuyengiao.accounts.permissions import officers_to_notify

    from .models import Period, Status, Submission

    base = getattr(settings, "SITE_URL", "").rstrip("/")
    today = timezone.localdate()
    messages = []
    for period in Period.objects.filter(pk__in=period_ids).select_related("report_type__unit"):
        missing = list(
            Submission.objects.filter(period=period, status=Status.DRAFT)
            .select_related("unit")
            .order_by("unit__path")
        )
        officers: dict[int, list[str]] = {}
        for user in officers_to_notify(s.unit_id for s in missing):
            officers.setdefault(user.unit_id or 0, []).append(user.email)
        rt = period.report_type
        for sub in missing:
            to = officers.get(sub.unit_id, [])
            if not to:
                continue
            overdue = today > period.due_date
            subject = f"Nhắc nộp {rt.title} — {period.label}"
            body = (
                f"Kính gửi {sub.unit.name},\n\n"
                f"{rt.unit.name} đề nghị đơn vị nộp {rt.title} kỳ {period.label}, "
                f"hạn nộp ngày {period.due_date:%d/%m/%Y}.\n"
                + (
                    f"Đến nay ({today:%d/%m/%Y}) đã quá hạn mà hệ thống chưa nhận được báo cáo của đơn vị.\n"
                    if overdue
                    else f"Đến nay ({today:%d/%m/%Y}) hệ thống chưa nhận được báo cáo của đơn vị.\n"
                )
                + f"\nĐơn vị nhập và nộp báo cáo tại: {base}{reverse('reports:submission', kwargs={'submission_pk': sub.pk})}\n\n"
                "Trân trọng.\n(Thư tự động từ hệ thống Tuyên giáo, vui lòng không trả lời thư này.)"
            )
            messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, to))
    return send_mass_mail(messages, fail_silently=False) if messages else 0


# --------------------------------------------------------------------------- large matrix exports


def start_matrix_export(
    user: User | AnonymousUser, key: str, filters: Filters, filename: str, total: int
) -> Job:
    """Record an export of the matrix of period ``key`` with ``filters`` for ``user`` and enqueue
    it; its page shows the rows written and then offers the file (kept ``FILE_KEEP_DAYS``)."""
    job = jobs.start(
        MATRIX_EXPORT,
        user,
        options={"period": key, **filters.as_options()},
        filename=filename,
        total=total,
    )
    export_matrix_task.enqueue(job.pk)
    return job


def export_matrix_work(job: Job, progress: jobs.JobProgress) -> jobs.Outcome:
    """Write the .xlsx of the matrix the starter asked for, with the starter's rights now."""
    from . import matrix

    user = jobs.active_starter(job)
    today = timezone.localdate()
    options = job.options
    periods = matrix.periods_of(user, str(options.get("period", "")))
    if not periods:
        raise jobs.JobError("Kỳ báo cáo này không còn trong các báo cáo của đơn vị.")
    filters = matrix.Filters(
        kind=str(options.get("kind", "")),
        q=str(options.get("q", "")),
        status=str(options.get("status", "")),
    )
    units = matrix.units(user, periods, filters, today)
    total = units.count()
    progress.checked(total, total)
    content = matrix.export_workbook(periods, units, today, progress, total)
    job.file.save(f"{job.token}.xlsx", ContentFile(content), save=False)
    return jobs.Outcome(result={"rows": total}, keep_file=True)


@task
def export_matrix_task(job_pk: int) -> None:
    jobs.run(job_pk, export_matrix_work, kind=MATRIX_EXPORT)
