"""The demo loader gives a closed survey with results, an open one for dangvien1, and a box."""

from __future__ import annotations

import pytest

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.accounts.models import Role
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.surveys import demo
from tuyengiao.surveys.models import Participation, Suggestion, Survey, SurveyStatus
from tuyengiao.surveys.services import results
from tuyengiao.testing import logged_in_client, make_user


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    demo.load(ctx)
    closed = Survey.objects.get(status=SurveyStatus.CLOSED)
    r = results.results(closed)
    assert r.shown and r.total >= closed.k
    assert Suggestion.objects.filter(is_published=True).count() == 2
    waiting = (
        Participation.objects.filter(survey__status=SurveyStatus.OPEN, answered=False)
        .select_related("person")
        .first()
    )
    assert waiting is not None
    member = make_user("dangvien-demo", waiting.person.unit, Role.MEMBER)
    member.person = waiting.person
    member.save()
    page = logged_in_client(member).get("/khao-sat/cua-toi/")
    assert page.status_code == 200 and "Đánh giá buổi sinh hoạt chuyên đề" in page.content.decode()
