"""The privacy demo (on top of the other demos) gives an overdue request on khoi's dashboard."""

from __future__ import annotations

import pytest

from tuyengiao.accounts import demo as accounts_demo
from tuyengiao.accounts.models import User
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs import demo as orgs_demo
from tuyengiao.privacy import demo
from tuyengiao.privacy.models import DataRequest
from tuyengiao.privacy.register import overdue
from tuyengiao.study import demo as study_demo
from tuyengiao.testing import logged_in_client


@pytest.mark.django_db
def test_demo_load() -> None:
    ctx = DemoContext(password="mat-khau-demo-123")
    orgs_demo.load(ctx)
    accounts_demo.load(ctx)
    study_demo.load(ctx)
    demo.load(ctx)
    assert overdue(DataRequest.objects.all()).count() == 1
    member = User.objects.get(username="dangvien1")
    assert member.person is not None
    assert DataRequest.objects.filter(person=member.person).exists()
    khoi = logged_in_client(User.objects.get(username="khoi"))
    assert "Yêu cầu dữ liệu cá nhân quá hạn" in khoi.get("/").content.decode()
    page = logged_in_client(member).get("/du-lieu-ca-nhan/cua-toi/yeu-cau/").content.decode()
    assert "Xem, nhận bản sao dữ liệu" in page
