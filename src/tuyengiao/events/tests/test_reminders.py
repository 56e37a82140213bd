"""Reminders before a campaign window opens: the daily scan tells the units below, once."""

from __future__ import annotations

from datetime import date

import pytest

from tuyengiao.accounts.models import User
from tuyengiao.events.testing import make_campaign
from tuyengiao.notifications.models import Kind, Notification
from tuyengiao.notifications.notices import scan_due
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def test_units_below_are_reminded_a_week_before_the_window_opens(
    tree: Tree, users: dict[str, User]
) -> None:
    campaign = make_campaign(
        tree.bloc,
        published=True,
        title="Tuyên truyền Đại hội Đảng bộ tỉnh",
        starts_on=date(2027, 3, 10),
        ends_on=date(2027, 3, 31),
        slogans="Chào mừng Đại hội!",
    )
    make_campaign(
        tree.bloc, published=False, starts_on=date(2027, 3, 10), ends_on=date(2027, 3, 31)
    )
    scan_due(date(2027, 3, 2))  # 8 days before: nothing yet
    assert not Notification.objects.filter(kind=Kind.CAMPAIGN_OPENING).exists()
    scan_due(date(2027, 3, 3))
    told = Notification.objects.filter(kind=Kind.CAMPAIGN_OPENING)
    assert {n.recipient.username for n in told} == {"coso1", "coso2"}  # the officers below
    n = told.get(recipient=users["coso1"])
    assert "Tuyên truyền Đại hội Đảng bộ tỉnh" in n.title and "10/03/2027" in n.title
    assert "Khẩu hiệu: Chào mừng Đại hội!" in n.body
    assert n.url.endswith(f"/dot-tuyen-truyen/{campaign.pk}/")
    # the next days' scans record nothing new; neither the issuer nor the state side is told
    scan_due(date(2027, 3, 4))
    scan_due(date(2027, 3, 10))
    assert told.count() == 2
    assert not told.filter(recipient__in=[users["khoi"], users["sotttt"]]).exists()
