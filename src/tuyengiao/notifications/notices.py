"""What each kind of notice says, built from the objects of the other apps.

Event notices (``plan_sent``, ``report_decided``) are built by the tasks the hooks enqueue;
due-date notices by ``scan_due`` (run daily by ``tuyengiao notify_scan``), each with an event key
that makes a second scan of the same day — or of the next days — record nothing new.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .models import Kind
from .services import Notice, notify

DUE_SOON_DAYS = 3
# Overdue tasks are announced once, when they fall overdue; a scan that did not run for a few
# days still catches up to this far back (older overdue work is on the dashboard, not in mail).
OVERDUE_LOOKBACK_DAYS = 7


def plan_sent(dispatch_pk: int) -> list[Notice]:
    from tuyengiao.plans.models import CascadeRecipient

    recipients = CascadeRecipient.objects.filter(dispatch_id=dispatch_pk).select_related(
        "dispatch__plan", "dispatch__sender"
    )
    out = []
    for r in recipients:
        plan = r.dispatch.plan
        out.append(
            Notice(
                unit_id=r.unit_id,
                event_key=f"recipient-{r.pk}",
                title=(
                    f"{r.dispatch.sender.name} gửi {plan.get_kind_display().lower()} số "
                    f"{plan.display_number} về {plan.title}: ban hành kế hoạch thực hiện "
                    f"trước ngày {r.dispatch.due_date:%d/%m/%Y}"
                ),
                body=r.dispatch.message,
                url=reverse("plans:inbox"),
            )
        )
    return out


def report_decided(version_pk: int) -> tuple[str, Notice] | None:
    from tuyengiao.reports.models import ReportVersion, Status

    version = (
        ReportVersion.objects.filter(pk=version_pk)
        .select_related("submission__period__report_type__unit")
        .first()
    )
    if version is None or version.status not in (Status.RETURNED, Status.ACCEPTED):
        return None
    sub = version.submission
    rt = sub.period.report_type
    returned = version.status == Status.RETURNED
    what = "trả lại, đề nghị sửa và nộp lại" if returned else "tiếp nhận"
    notice = Notice(
        unit_id=sub.unit_id,
        event_key=f"version-{version.pk}",
        title=f"{rt.unit.name} đã {what} báo cáo “{rt.title}” kỳ {sub.period.label}",
        body=f"Nhận xét: {version.comment}" if version.comment else "",
        url=reverse("reports:submission", kwargs={"submission_pk": sub.pk}),
    )
    return (Kind.REPORT_RETURNED if returned else Kind.REPORT_ACCEPTED), notice


def task_notices(today: date) -> tuple[list[Notice], list[Notice]]:
    """(due within 3 days, fallen overdue) task assignments that are not done."""
    from tuyengiao.plans.models import Status, TaskAssignment, period_bounds

    soon = today + timedelta(days=DUE_SOON_DAYS)
    window = Q(task__end_date__range=(today - timedelta(days=OVERDUE_LOOKBACK_DAYS), soon))
    for recurrence in ("yearly", "quarterly", "monthly"):
        if period_bounds(recurrence, today)[1] <= soon:
            window |= Q(task__recurrence=recurrence)
    due: list[Notice] = []
    overdue: list[Notice] = []
    for a in TaskAssignment.objects.filter(window).select_related("task__plan"):
        deadline = a.deadline(today)
        if deadline is None:
            continue
        status = a.status(today)
        if status == Status.DONE:
            continue
        url = reverse("plans:assignment_detail", kwargs={"assignment_pk": a.pk})
        title = a.task.title if len(a.task.title) <= 160 else a.task.title[:157] + "…"
        if today <= deadline <= soon:
            due.append(
                Notice(
                    unit_id=a.unit_id,
                    event_key=f"assignment-{a.pk}-{deadline:%Y%m%d}",
                    title=f"Nhiệm vụ “{title}” ({a.task.plan.display_number}) đến hạn ngày {deadline:%d/%m/%Y}",
                    url=url,
                )
            )
        elif deadline < today and status == Status.OVERDUE:
            overdue.append(
                Notice(
                    unit_id=a.unit_id,
                    event_key=f"assignment-{a.pk}-{deadline:%Y%m%d}",
                    title=f"Nhiệm vụ “{title}” ({a.task.plan.display_number}) đã quá hạn từ ngày {deadline:%d/%m/%Y}",
                    url=url,
                )
            )
    return due, overdue


def report_due_notices(today: date) -> list[Notice]:
    """Reports not submitted yet (draft or returned) whose deadline is within 3 days."""
    from tuyengiao.reports.models import Status, Submission

    subs = Submission.objects.filter(
        status__in=[Status.DRAFT, Status.RETURNED],
        period__report_type__sent=True,
        period__due_date__range=(today, today + timedelta(days=DUE_SOON_DAYS)),
    ).select_related("period__report_type")
    return [
        Notice(
            unit_id=s.unit_id,
            event_key=f"submission-{s.pk}-{s.period.due_date:%Y%m%d}",
            title=(
                f"Hạn nộp báo cáo “{s.period.report_type.title}” kỳ {s.period.label}: "
                f"ngày {s.period.due_date:%d/%m/%Y}"
                + (" (báo cáo đang bị trả lại)" if s.status == Status.RETURNED else "")
            ),
            url=reverse("reports:submission", kwargs={"submission_pk": s.pk}),
        )
        for s in subs
    ]


def session_notices(today: date) -> list[Notice]:
    """Study sessions that start tomorrow, for the officers of the unit that holds them."""
    from tuyengiao.study.models import StudySession

    tomorrow = today + timedelta(days=1)
    tz = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(tomorrow, time.min), tz)
    sessions = StudySession.objects.filter(
        starts_at__gte=start, starts_at__lt=start + timedelta(days=1)
    ).select_related("round")
    out = []
    for s in sessions:
        at = timezone.localtime(s.starts_at)
        out.append(
            Notice(
                unit_id=s.unit_id,
                event_key=f"session-{s.pk}-{at:%Y%m%d}",
                title=(
                    f"Ngày mai ({at:%d/%m/%Y}) lúc {at:%H:%M}: {s}"
                    + (f" tại {s.place}" if s.place else "")
                ),
                url=reverse("study:session_detail", kwargs={"session_pk": s.pk}),
            )
        )
    return out


def campaign_notices(today: date) -> list[Notice]:
    """Published propaganda campaigns (events app) whose window opens within 7 days, for the
    officers of every unit below the issuing unit."""
    from tuyengiao.events.services import writes

    out = []
    for campaign in writes.campaigns_opening(today):
        title, body, url = writes.reminder_text(campaign)
        key = f"campaign-{campaign.pk}-{campaign.starts_on:%Y%m%d}"
        out += [
            Notice(unit_id=unit_id, event_key=key, title=title, url=url, body=body)
            for unit_id in writes.reminder_units(campaign)
        ]
    return out


def scan_due(today: date | None = None) -> dict[str, int]:
    """Record (and e-mail at once where chosen) the due-date notices of ``today``. Safe to run
    again: events already recorded are skipped. Returns the e-mails sent per kind."""
    today = today or timezone.localdate()
    due, overdue = task_notices(today)
    return {
        Kind.TASK_DUE: notify(Kind.TASK_DUE, due),
        Kind.TASK_OVERDUE: notify(Kind.TASK_OVERDUE, overdue),
        Kind.REPORT_DUE: notify(Kind.REPORT_DUE, report_due_notices(today)),
        Kind.SESSION_TOMORROW: notify(Kind.SESSION_TOMORROW, session_notices(today)),
        Kind.CAMPAIGN_OPENING: notify(Kind.CAMPAIGN_OPENING, campaign_notices(today)),
    }
