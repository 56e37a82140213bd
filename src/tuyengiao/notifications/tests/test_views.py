"""The bell, the list, marking read and the delivery choices, each user seeing only their own."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.notifications.models import Delivery, Kind, Notification, Preference
from tuyengiao.testing import Tree, logged_in_client

from .conftest import People

pytestmark = pytest.mark.django_db


def _notice(user: User, key: str, title: str = "Báo cáo quý I bị trả lại") -> Notification:
    assert user.unit is not None
    return Notification.objects.create(
        recipient=user, unit=user.unit, kind=Kind.REPORT_RETURNED, event_key=key, title=title,
        url="/bao-cao/",
    )  # fmt: skip


def test_bell_counts_the_unread_and_the_header_polls_it(tree: Tree, people: People) -> None:
    _notice(people.officer1, "a")
    Notification.objects.filter(pk=_notice(people.officer1, "b").pk).update(read_at=timezone.now())
    _notice(people.admin1, "a")
    client = logged_in_client(people.officer1)
    bell = client.get(reverse("notifications:bell"))
    assert bell.status_code == 200 and 'data-unread="1"' in bell.text
    page = client.get(reverse("core:dashboard"))
    assert reverse("notifications:bell") in page.text  # the header loads the bell with htmx


def test_list_shows_only_my_notifications_and_filters_and_exports(
    tree: Tree, people: People
) -> None:
    _notice(people.officer1, "a", "Của tôi")
    _notice(people.admin1, "a", "Của quản trị")
    client = logged_in_client(people.officer1)
    page = client.get(reverse("notifications:list"))
    assert "Của tôi" in page.text and "Của quản trị" not in page.text
    assert "Của tôi" not in client.get(reverse("notifications:list"), {"kind": Kind.TASK_DUE}).text
    bad = client.get(reverse("notifications:list"), {"kind": "khong-co"})
    assert bad.status_code == 200 and "Của tôi" in bad.text  # the message, no silent filter
    export = client.get(reverse("notifications:list"), {"export": "xlsx"})
    assert export["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "thong-bao.xlsx" in export["Content-Disposition"]


def test_mark_read_opens_the_target_and_another_persons_notice_is_404(
    tree: Tree, people: People
) -> None:
    mine = _notice(people.officer1, "a")
    theirs = _notice(people.admin1, "a")
    client = logged_in_client(people.officer1)
    response = client.post(reverse("notifications:mark_read", kwargs={"notification_pk": mine.pk}))
    assert response.status_code == 302 and response["Location"] == "/bao-cao/"
    mine.refresh_from_db()
    assert mine.read_at is not None
    url = reverse("notifications:mark_read", kwargs={"notification_pk": theirs.pk})
    assert client.post(url).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    # an officer of another unit, and a unit administrator above, never reach it either
    assert logged_in_client(people.officer2).post(url).status_code == 404


def test_mark_all_read(tree: Tree, people: People) -> None:
    _notice(people.officer1, "a")
    _notice(people.officer1, "b")
    _notice(people.admin1, "a")
    client = logged_in_client(people.officer1)
    client.post(reverse("notifications:mark_all_read"))
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_preferences_are_saved_per_kind(tree: Tree, people: People) -> None:
    client = logged_in_client(people.officer1)
    page = client.get(reverse("notifications:preferences"))
    assert page.status_code == 200 and "Gộp vào thư tổng hợp hằng ngày" in page.text
    data = {kind: Delivery.EMAIL for kind in Kind.values}
    data[Kind.TASK_DUE] = Delivery.DIGEST
    data[Kind.SESSION_TOMORROW] = Delivery.APP
    response = client.post(reverse("notifications:preferences"), data)
    assert response.status_code == 302
    stored = dict(Preference.objects.filter(user=people.officer1).values_list("kind", "delivery"))
    assert (
        stored[Kind.TASK_DUE] == Delivery.DIGEST and stored[Kind.SESSION_TOMORROW] == Delivery.APP
    )
    bad = client.post(reverse("notifications:preferences"), {**data, Kind.TASK_DUE: "fax"})
    assert (
        bad.status_code == 200
        and "fax"
        not in dict(
            Preference.objects.filter(user=people.officer1).values_list("kind", "delivery")
        ).values()
    )


def test_a_viewer_has_no_delivery_choices(tree: Tree, people: People) -> None:
    client = logged_in_client(people.viewer1)
    assert client.get(reverse("notifications:preferences")).status_code == 403
    assert client.post(reverse("notifications:preferences"), {}).status_code == 403
    assert not Preference.objects.exists()


def test_a_members_own_account_has_no_bell_to_poll(tree: Tree, people: People) -> None:
    # a member's account opens only the member pages: the bell's URL is refused to it, so its
    # pages must not poll it
    from tuyengiao.accounts.models import Role
    from tuyengiao.core.context_processors import shell
    from tuyengiao.testing import make_user

    member = make_user("dangvien-chuong", tree.cell1, Role.MEMBER)
    refused = logged_in_client(member).get(reverse("notifications:bell"))
    assert refused.status_code == 403
    request = RequestFactory().get("/")
    request.user = member
    assert shell(request)["header_templates"] == ()
    request.user = people.officer1
    assert "notifications/_bell_slot.html" in shell(request)["header_templates"]
