"""Each kind of notice: who gets it, what it says, the e-mail, and never twice."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tuyengiao.notifications import notices, services
from tuyengiao.notifications.models import Delivery, Kind, Notification, Preference
from tuyengiao.plans.models import Plan, Task, TaskAssignment
from tuyengiao.plans.services import send_down
from tuyengiao.reports.models import Status, Submission
from tuyengiao.reports.services.drafts import accept_submission, return_submission
from tuyengiao.study.models import StudyRound, StudySession
from tuyengiao.testing import Tree

from .conftest import People, make_submission, today

pytestmark = pytest.mark.django_db


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__username", flat=True))


def mailed_to() -> list[str]:
    return sorted(address for m in mail.outbox for address in m.to)


def test_plan_sent_down_tells_the_officers_of_each_receiving_unit_once(
    tree: Tree, people: People, django_capture_on_commit_callbacks: Any
) -> None:
    plan = Plan.objects.create(unit=tree.bloc, number="412-KH/ĐUK", title="Học tập chuyên đề 2024")
    with django_capture_on_commit_callbacks(execute=True):
        send_down(plan, tree.bloc, [tree.base1], today() + timedelta(days=20), "Triển khai sớm")
    # the officers and the unit administrator of base1, with or without e-mail; not the viewer,
    # not base2
    assert recipients(Kind.PLAN_SENT) == {"canbo1", "quantri1", "khongthu1"}
    n = Notification.objects.get(kind=Kind.PLAN_SENT, recipient=people.officer1)
    assert "412-KH/ĐUK" in n.title and "Học tập chuyên đề 2024" in n.title
    assert f"{today() + timedelta(days=20):%d/%m/%Y}" in n.title
    assert n.body == "Triển khai sớm" and n.url == reverse("plans:inbox")
    assert n.unit == tree.base1 and n.read_at is None
    assert mailed_to() == ["canbo1@example.vn", "quantri1@example.vn"]
    assert "412-KH/ĐUK" in mail.outbox[0].subject and reverse("plans:inbox") in mail.outbox[0].body

    # Sending the same plan to base2 later tells base2 only; announcing again tells nobody twice.
    with django_capture_on_commit_callbacks(execute=True):
        dispatch = send_down(plan, tree.bloc, [tree.base2], today() + timedelta(days=20))
    assert recipients(Kind.PLAN_SENT) == {"canbo1", "quantri1", "khongthu1", "canbo2"}
    assert services.notify(Kind.PLAN_SENT, notices.plan_sent(dispatch.pk)) == 0
    assert Notification.objects.filter(kind=Kind.PLAN_SENT).count() == 4
    assert len(mail.outbox) == 3


def test_a_rolled_back_send_tells_nobody(tree: Tree, people: People) -> None:
    plan = Plan.objects.create(unit=tree.bloc, number="5-KH/ĐUK", title="Kế hoạch")
    # No commit (the test's transaction is rolled back): the hook's callback never runs.
    send_down(plan, tree.bloc, [tree.base1], today() + timedelta(days=5))
    assert not Notification.objects.exists() and not mail.outbox


def test_report_returned_then_accepted(
    tree: Tree, people: People, django_capture_on_commit_callbacks: Any
) -> None:
    sub = make_submission(tree, 10)
    Submission.objects.filter(pk=sub.pk).update(status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        return_submission(sub, "Bổ sung số liệu mục II", None)
    returned = Notification.objects.get(kind=Kind.REPORT_RETURNED, recipient=people.officer1)
    assert "trả lại" in returned.title and "Báo cáo tuyên giáo quý" in returned.title
    assert returned.body == "Nhận xét: Bổ sung số liệu mục II"
    assert returned.url == reverse("reports:submission", kwargs={"submission_pk": sub.pk})
    assert recipients(Kind.REPORT_RETURNED) == {"canbo1", "quantri1", "khongthu1"}
    assert len(mail.outbox) == 2 and "Bổ sung số liệu mục II" in mail.outbox[0].body

    # Resubmitted, then returned a second time: a new event, a new notice.
    Submission.objects.filter(pk=sub.pk).update(status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        return_submission(sub, "Còn thiếu mục III", None)
    assert (
        Notification.objects.filter(kind=Kind.REPORT_RETURNED, recipient=people.officer1).count()
        == 2
    )

    Submission.objects.filter(pk=sub.pk).update(status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=True):
        accept_submission(sub, "", None)
    accepted = Notification.objects.get(kind=Kind.REPORT_ACCEPTED, recipient=people.officer1)
    assert "tiếp nhận" in accepted.title and accepted.body == ""
    assert len(mail.outbox) == 6


def _task(tree: Tree, end_in_days: int, progress: int = 0) -> TaskAssignment:
    plan = Plan.objects.create(unit=tree.bloc, number="9-KH/ĐUK", title="Kế hoạch quý")
    task = Task.objects.create(
        plan=plan, order=1, title="Tổ chức hội nghị học tập chuyên đề",
        end_date=today() + timedelta(days=end_in_days),
    )  # fmt: skip
    return TaskAssignment.objects.create(task=task, unit=tree.base1, progress=progress)


def test_task_due_in_three_days_once_whatever_the_number_of_scans(
    tree: Tree, people: People
) -> None:
    a = _task(tree, 3)
    _task(tree, 4)  # not yet
    _task(tree, 2, progress=100)  # done: nothing to say
    notices.scan_due()
    notices.scan_due()
    notices.scan_due(today() + timedelta(days=1))
    due = Notification.objects.filter(kind=Kind.TASK_DUE, recipient=people.officer1)
    # the 3-day task, then (the next day) the 4-day one: each once
    assert due.count() == 2
    first = due.order_by("id").first()
    assert first is not None
    assert f"{a.task.end_date:%d/%m/%Y}" in first.title
    assert first.url == reverse("plans:assignment_detail", kwargs={"assignment_pk": a.pk})
    assert len(mail.outbox) == 4  # officer1 and admin1, twice (two tasks); no duplicates
    assert not Notification.objects.filter(kind=Kind.TASK_OVERDUE).exists()


def test_task_overdue_once(tree: Tree, people: People) -> None:
    _task(tree, -1)
    _task(tree, -30)  # overdue long ago: on the dashboard, not announced again now
    for _ in range(2):
        notices.scan_due()
    overdue = Notification.objects.filter(kind=Kind.TASK_OVERDUE, recipient=people.officer1)
    assert overdue.count() == 1
    assert "quá hạn" in overdue[0].title


def test_report_due_in_three_days(tree: Tree, people: People) -> None:
    due = make_submission(tree, 3)
    submitted = make_submission(tree, 1)
    Submission.objects.filter(pk=submitted.pk).update(status=Status.SUBMITTED)
    later = make_submission(tree, 5)
    notices.scan_due()
    notices.scan_due()
    rows = Notification.objects.filter(kind=Kind.REPORT_DUE, recipient=people.officer1)
    assert [n.url for n in rows] == [
        reverse("reports:submission", kwargs={"submission_pk": due.pk})
    ]
    assert f"{due.period.due_date:%d/%m/%Y}" in rows[0].title
    assert later.pk not in [n.pk for n in rows] and len(mail.outbox) == 2


def test_study_session_tomorrow(tree: Tree, people: People) -> None:
    study_round = StudyRound.objects.create(
        unit=tree.bloc, title="Học tập Nghị quyết Đại hội XIII", starts_on=today(),
        ends_on=today() + timedelta(days=30),
    )  # fmt: skip
    tz = timezone.get_current_timezone()
    tomorrow = timezone.make_aware(datetime.combine(today() + timedelta(days=1), time(8, 0)), tz)
    session = StudySession.objects.create(
        round=study_round, unit=tree.base1, title="Hội nghị học tập", place="Hội trường A",
        starts_at=tomorrow, ends_at=tomorrow + timedelta(hours=3),
    )  # fmt: skip
    StudySession.objects.create(
        round=study_round, unit=tree.base1, title="Hội nghị tuần sau",
        starts_at=tomorrow + timedelta(days=7), ends_at=tomorrow + timedelta(days=7, hours=2),
    )  # fmt: skip
    notices.scan_due()
    notices.scan_due()
    rows = Notification.objects.filter(kind=Kind.SESSION_TOMORROW, recipient=people.officer1)
    assert len(rows) == 1
    assert "08:00" in rows[0].title and "Hội trường A" in rows[0].title
    assert rows[0].url == reverse("study:session_detail", kwargs={"session_pk": session.pk})


def test_in_app_only_sends_no_mail(tree: Tree, people: People) -> None:
    for user in (people.officer1, people.admin1):
        services.set_preferences(user, {Kind.TASK_DUE: Delivery.APP})
    _task(tree, 1)
    notices.scan_due()
    assert Notification.objects.filter(kind=Kind.TASK_DUE).count() == 3
    assert not mail.outbox
    assert services.send_digests() == 0


def test_daily_digest_gathers_the_days_notices_in_one_mail_once(tree: Tree, people: People) -> None:
    services.set_preferences(
        people.officer1, {Kind.TASK_DUE: Delivery.DIGEST, Kind.REPORT_DUE: Delivery.DIGEST}
    )
    _task(tree, 2)
    make_submission(tree, 1)
    notices.scan_due()
    # admin1 chose nothing (e-mail at once): two mails; officer1 none yet
    assert mailed_to() == ["quantri1@example.vn", "quantri1@example.vn"]
    mail.outbox.clear()
    assert services.send_digests() == 1
    assert len(mail.outbox) == 1
    digest = mail.outbox[0]
    assert digest.to == ["canbo1@example.vn"]
    assert "2 thông báo" in digest.subject
    assert "Tổ chức hội nghị học tập chuyên đề" in digest.body and "Hạn nộp báo cáo" in digest.body
    # never twice: the next digest has nothing for it
    assert services.send_digests() == 0
    assert len(mail.outbox) == 1


def test_a_notice_read_before_the_digest_is_not_mailed(tree: Tree, people: People) -> None:
    services.set_preferences(people.officer1, {Kind.TASK_DUE: Delivery.DIGEST})
    _task(tree, 2)
    notices.scan_due()
    services.mark_read(user=people.officer1)
    mail.outbox.clear()
    assert services.send_digests() == 0


def test_the_scan_command_runs_the_scan_and_the_digests(tree: Tree, people: People) -> None:
    Preference.objects.create(user=people.officer1, kind=Kind.TASK_DUE, delivery=Delivery.DIGEST)
    _task(tree, 2)
    call_command("notify_scan")
    call_command("notify_scan")
    assert Notification.objects.filter(kind=Kind.TASK_DUE).count() == 3
    # admin1 at once (1) + officer1's digest (1), and nothing more on the second run
    assert mailed_to() == ["canbo1@example.vn", "quantri1@example.vn"]


def test_old_notifications_are_removed_after_the_retention(tree: Tree, people: People) -> None:
    _task(tree, 2)
    notices.scan_due()
    Notification.objects.update(created_at=timezone.now() - timedelta(days=181))
    assert services.purge_old() == 3
    assert not Notification.objects.exists()
