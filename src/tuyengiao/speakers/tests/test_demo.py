"""The demo loader (on top of the foundation's and study's demo data) gives rosters, a course,
a briefing with talks, a closed contest and a member account that sees its briefing."""

from __future__ import annotations

import pytest

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.speakers import demo
from tuyengiao.speakers.models import Appointment, Enrolment, Score, Talk
from tuyengiao.study import demo as study_demo
from tuyengiao.testing import logged_in_client


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    study_demo.load(ctx)
    demo.load(ctx)
    assert Appointment.objects.filter(active=True).count() >= 5
    assert Enrolment.objects.filter(completed=True).exists()
    assert Talk.objects.exists() and Score.objects.exists()
    member = ctx.objects["users"]["dangvien1"]
    page = logged_in_client(member).get("/bao-cao-vien/cua-toi/")
    assert (
        page.status_code == 200 and ctx.objects["speakers_briefing"].title in page.content.decode()
    )
