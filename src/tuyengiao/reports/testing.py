"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from django.core.files.base import ContentFile

from tuyengiao.accounts.models import Role
from tuyengiao.core.models import Job, JobState
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK, make_user

from .calendar import generate_year
from .models import Attachment, CalendarFeed, Indicator, Period, ReportType, Section, Submission
from .services.recipients import set_recipients
from .tasks import MATRIX_EXPORT


def make_report_type(unit: Unit, recipients: list[Unit] | None = None) -> ReportType:
    rt = ReportType.objects.create(unit=unit, title=f"Báo cáo quý {SECRET_MARK}")
    Section.objects.create(report_type=rt, order=1, title=f"Kết quả {SECRET_MARK}")
    Indicator.objects.create(
        report_type=rt, order=1, code="so-buoi", label=f"Số buổi {SECRET_MARK}"
    )
    generate_year(rt, date.today().year)
    if recipients is not None:
        set_recipients(rt, recipients)
    return rt


def _report_type_pk(unit: Unit) -> int:
    return make_report_type(unit).pk


def _period_pk(unit: Unit) -> int:
    return Period.objects.filter(report_type=make_report_type(unit)).first().pk  # type: ignore[union-attr]


def _section_pk(unit: Unit) -> int:
    section = Section.objects.filter(report_type=make_report_type(unit)).first()
    assert section is not None
    return section.pk


def _indicator_pk(unit: Unit) -> int:
    indicator = Indicator.objects.filter(report_type=make_report_type(unit)).first()
    assert indicator is not None
    return indicator.pk


def _submission(unit: Unit) -> Submission:
    """A report the unit owes to itself (the unit is both owner and recipient of the type)."""
    rt = make_report_type(unit)
    period = rt.periods.first()
    assert period is not None
    return Submission.objects.create(period=period, unit=unit, data={"sec": SECRET_MARK})


def _submission_pk(unit: Unit) -> int:
    return _submission(unit).pk


def _attachment_pk(unit: Unit) -> int:
    att = Attachment(submission=_submission(unit), name=f"{SECRET_MARK}.txt")
    att.file.save("minh-chung.txt", ContentFile(SECRET_MARK.encode()), save=False)
    att.save()
    return att.pk


def _feed_token(unit: Unit) -> str:
    feed, _ = CalendarFeed.objects.get_or_create(unit=unit)
    return feed.token


def _export_job_pk(unit: Unit) -> int:
    """A finished matrix export of an officer of ``unit``, its file naming the mark."""
    starter = make_user(f"xuat-{unit.pk}-{Job.objects.count()}", unit, Role.OFFICER)
    job = Job(
        kind=MATRIX_EXPORT,
        unit=unit,
        started_by=starter,
        filename=f"{SECRET_MARK}.xlsx",
        state=JobState.DONE,
        result={"rows": 1},
    )
    job.file.save(f"{job.token}.xlsx", ContentFile(SECRET_MARK.encode()), save=False)
    job.save()
    return job.pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "report_type_pk": _report_type_pk,
        "period_pk": _period_pk,
        "section_pk": _section_pk,
        "indicator_pk": _indicator_pk,
        "submission_pk": _submission_pk,
        "attachment_pk": _attachment_pk,
        "feed_token": _feed_token,
        "export_job_pk": _export_job_pk,
    }


# The .ics feed is opened by calendar apps without a session: its 32-byte random token (one per
# unit, regenerable) is the credential, and it lists only that unit's deadlines.
PUBLIC_URL_NAMES: set[str] = {"reports:ics"}
