"""The demo loader (on top of the foundation's demo data) gives a round with varied rates, some units
under the target, a test with results and a member account."""

from __future__ import annotations

import pytest

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.accounts.models import Role, User
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.study import demo
from tuyengiao.study.models import StudySession, TestAttempt
from tuyengiao.study.services import rates
from tuyengiao.testing import logged_in_client


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    demo.load(ctx)
    study_round = ctx.objects["study_round"]
    rows = rates.round_rates(study_round, ctx.objects["bloc"])
    assert len(rows) >= len(ctx.objects["base_units"]) - 1
    assert any(r.below_target for r in rows) and any(not r.below_target for r in rows)
    assert StudySession.objects.filter(round=study_round, is_makeup=True).exists()
    assert (
        TestAttempt.objects.filter(test__round=study_round, submitted_at__isnull=False).count()
        >= 30
    )
    member = ctx.objects["users"]["dangvien1"]
    coso1 = User.objects.select_related("unit").get(username="coso1")  # paths as stored now
    # Where the README says: a member of a cell of coso1's base organisation, a member account.
    assert member.role == Role.MEMBER and member.unit == member.person.unit
    assert coso1.unit is not None and member.person.unit.path.startswith(coso1.unit.path)
    client = logged_in_client(member)
    page = client.get("/hoc-tap/cua-toi/")
    assert page.status_code == 200 and "Làm bài kiểm tra" in page.content.decode()
    assert client.get(f"/hoc-tap/{study_round.pk}/").status_code == 403  # officers' page
    # The upcoming session's check-in link works for dangvien1, with its code.
    upcoming = StudySession.objects.get(round=study_round, title__contains="sắp diễn ra")
    link = f"/hoc-tap/buoi/{upcoming.pk}/tu-diem-danh/?ma={upcoming.checkin_code}"
    assert client.get(link).status_code == 200
    done = client.post(link.split("?")[0], {"code": upcoming.checkin_code}).content.decode()
    assert "Đã điểm danh." in done
    # Fair demo questions: the right answer is not first.
    for question in study_round.questions.exclude(kind="short"):
        assert not question.choices.order_by("order", "pk").first().is_correct
    officer = logged_in_client(ctx.objects["users"]["coso1"])
    assert officer.get(f"/hoc-tap/{study_round.pk}/").status_code == 200
