"""Fixtures of the notifications tests: officers with e-mail addresses in both base units."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pytest
from django.utils import timezone

from tuyengiao.accounts.models import Role, User
from tuyengiao.reports.models import Period, PeriodKind, ReportType, Submission
from tuyengiao.testing import Tree, make_user


@dataclass
class People:
    officer1: User  # officer of base1, with e-mail
    admin1: User  # unit administrator of base1, with e-mail
    quiet1: User  # officer of base1 without an e-mail address
    viewer1: User  # read-only, never notified
    officer2: User  # officer of base2, with e-mail


@pytest.fixture
def people(tree: Tree) -> People:
    return People(
        officer1=make_user("canbo1", tree.base1, Role.OFFICER, email="canbo1@example.vn"),
        admin1=make_user("quantri1", tree.base1, Role.UNIT_ADMIN, email="quantri1@example.vn"),
        quiet1=make_user("khongthu1", tree.base1, Role.OFFICER),
        viewer1=make_user("chixem1", tree.base1, Role.VIEWER, email="chixem1@example.vn"),
        officer2=make_user("canbo2", tree.base2, Role.OFFICER, email="canbo2@example.vn"),
    )


def today() -> date:
    return timezone.localdate()


def make_submission(tree: Tree, unit_due_in_days: int = 2) -> Submission:
    """A quarterly report the bloc asks of base1, due ``unit_due_in_days`` from today."""
    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo tuyên giáo quý", sent=True)
    due = today() + timedelta(days=unit_due_in_days)
    period = Period.objects.create(
        report_type=rt,
        kind=PeriodKind.QUARTER,
        year=due.year,
        index=1,
        start=due - timedelta(days=90),
        end=due - timedelta(days=10),
        due_date=due,
    )
    return Submission.objects.create(period=period, unit=tree.base1)
