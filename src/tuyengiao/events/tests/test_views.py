"""The calendar's pages, permissions, exports and the private .ics feed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO

import icalendar
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.events.models import Anniversary, Campaign, FeedToken, UnitEvent
from tuyengiao.events.testing import make_anniversary, make_campaign, make_event
from tuyengiao.plans.models import Task, TaskAssignment
from tuyengiao.plans.testing import make_plan
from tuyengiao.reports.models import Submission
from tuyengiao.reports.testing import make_report_type
from tuyengiao.study.models import StudySession
from tuyengiao.study.testing import make_round
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]


def _campaign_form(**extra: str) -> dict[str, str]:
    today = timezone.localdate()
    data = {
        "title": "Tuyên truyền kỷ niệm Ngày thành lập Đảng",
        "theme": "Lịch sử vẻ vang của Đảng",
        "starts_on": (today + timedelta(days=3)).isoformat(),
        "ends_on": (today + timedelta(days=30)).isoformat(),
        "slogans": "Nhiệt liệt chào mừng Đảng Cộng sản Việt Nam quang vinh!\nĐảng Cộng sản Việt Nam quang vinh muôn năm!",
    }
    data.update(extra)
    return data


def test_a_bloc_launches_a_campaign_and_publishes_it_down(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    khoi, coso1 = client_as("khoi"), client_as("coso1")
    response = khoi.post(reverse("events:campaign_create"), _campaign_form())
    campaign = Campaign.objects.get()
    assert response.status_code == 302
    assert campaign.unit == tree.bloc and campaign.created_by == users["khoi"]
    assert campaign.slogan_list[1] == "Đảng Cộng sản Việt Nam quang vinh muôn năm!"
    detail = reverse("events:campaign_detail", kwargs={"campaign_pk": campaign.pk})
    # not published yet: the base below does not see it
    assert coso1.get(detail).status_code == 404
    assert (
        khoi.post(
            reverse("events:campaign_publish", kwargs={"campaign_pk": campaign.pk})
        ).status_code
        == 302
    )
    campaign.refresh_from_db()
    assert campaign.published_down and campaign.published_at is not None
    page = coso1.get(detail)
    assert page.status_code == 200
    assert "Nhiệt liệt chào mừng Đảng Cộng sản Việt Nam quang vinh!" in page.content.decode()
    # …but may not change it
    assert (
        coso1.post(
            reverse("events:campaign_publish", kwargs={"campaign_pk": campaign.pk})
        ).status_code
        == 404
    )
    assert (
        coso1.get(reverse("events:campaign_edit", kwargs={"campaign_pk": campaign.pk})).status_code
        == 404
    )


def test_a_campaign_window_must_end_after_it_starts(client_as: ClientAs) -> None:
    today = timezone.localdate()
    response = client_as("khoi").post(
        reverse("events:campaign_create"),
        _campaign_form(ends_on=(today - timedelta(days=1)).isoformat()),
    )
    assert response.status_code == 200
    assert "Ngày kết thúc phải sau hoặc trùng ngày bắt đầu." in response.content.decode()
    assert "Tuyên truyền kỷ niệm Ngày thành lập Đảng" in response.content.decode()  # kept
    assert not Campaign.objects.exists()


def test_a_viewer_cannot_add_to_the_calendar(client_as: ClientAs) -> None:
    viewer = client_as("viewer1")
    assert viewer.get(reverse("events:campaign_create")).status_code == 403
    assert (
        viewer.post(
            reverse("events:event_create"),
            {"title": "X", "kind": "khac", "starts_on": "2026-12-01"},
        ).status_code
        == 403
    )
    assert not UnitEvent.objects.exists()


def test_lunar_dates_the_calendar_cannot_convert_are_refused(
    tree: Tree, client_as: ClientAs
) -> None:
    response = client_as("coso1").post(
        reverse("events:anniversary_create"),
        {
            "title": "Lễ hội làng",
            "category": "dia-phuong",
            "day": "12",
            "month": "2",
            "lunar": "on",
        },
    )
    assert response.status_code == 200
    assert "Hệ thống mới tính được các ngày âm lịch sau" in response.content.decode()
    response = client_as("coso1").post(
        reverse("events:anniversary_create"),
        {
            "title": "Ngày thành lập Đảng bộ Sở",
            "category": "nganh",
            "day": "31",
            "month": "4",
            "year": "1976",
        },
    )
    assert "Tháng 4 không có ngày 31." in response.content.decode()
    response = client_as("coso1").post(
        reverse("events:anniversary_create"),
        {
            "title": "Ngày thành lập Đảng bộ Sở",
            "category": "nganh",
            "day": "5",
            "month": "4",
            "year": "1976",
            "published_down": "on",
            "active": "on",
        },
    )
    assert response.status_code == 302
    assert Anniversary.objects.get(title="Ngày thành lập Đảng bộ Sở").unit == tree.base1


def test_national_dates_are_edited_by_system_administrators_only(client_as: ClientAs) -> None:
    founding = Anniversary.objects.get(unit=None, month=2, day=3)
    url = reverse("events:anniversary_edit", kwargs={"anniversary_pk": founding.pk})
    assert client_as("khoi").get(url).status_code == 404
    assert (
        client_as("khoi")
        .post(reverse("events:anniversary_delete", kwargs={"anniversary_pk": founding.pk}))
        .status_code
        == 404
    )
    assert Anniversary.objects.filter(pk=founding.pk).exists()


def test_a_province_date_is_seen_below_and_a_sibling_date_is_not(
    tree: Tree, client_as: ClientAs
) -> None:
    make_anniversary(
        tree.province,
        "Ngày giải phóng tỉnh Bình An",
        published_down=True,
        day=24,
        month=3,
        year=1975,
    )
    make_anniversary(tree.base2, "Ngày truyền thống Sở Y tế", day=25, month=3, year=1976)
    page = client_as("coso1").get(reverse("events:anniversary_list")).content.decode()
    assert "Ngày giải phóng tỉnh Bình An" in page
    assert "Ngày truyền thống Sở Y tế" not in page
    assert "Ngày thành lập Đảng Cộng sản Việt Nam" in page


def test_month_week_and_list_show_the_calendar(tree: Tree, client_as: ClientAs) -> None:
    today = timezone.localdate()
    make_campaign(
        tree.bloc,
        published=True,
        title="Đợt tuyên truyền mừng Xuân",
        starts_on=today,
        ends_on=today + timedelta(days=2),
    )
    make_event(tree.base1, title="Hội nghị báo cáo viên", starts_on=today)
    make_event(tree.base2, title="Hội nghị của Sở Y tế", starts_on=today)
    coso1 = client_as("coso1")
    for name in ("events:month", "events:week", "events:list"):
        page = coso1.get(reverse(name)).content.decode()
        assert "Đợt tuyên truyền mừng Xuân" in page, name
        assert "Hội nghị báo cáo viên" in page, name
        assert "Hội nghị của Sở Y tế" not in page, name
    bad = coso1.get(reverse("events:month") + "?thang=2026-13")
    assert "Tháng không hợp lệ" in bad.content.decode()


def test_the_list_filters_by_kind_and_exports_the_same_rows(
    tree: Tree, client_as: ClientAs
) -> None:
    make_campaign(
        tree.bloc,
        published=True,
        title="Đợt tuyên truyền Ngày Nhà giáo",
        starts_on=date(2026, 11, 1),
        ends_on=date(2026, 11, 25),
    )
    make_event(tree.base1, title="Lễ kỷ niệm của Sở", starts_on=date(2026, 11, 20))
    coso1 = client_as("coso1")
    query = "?tu=2026-11-01&den=2026-11-30&loai=tuyen-truyen&loai=ky-niem"
    page = coso1.get(reverse("events:list") + query).content.decode()
    assert "Đợt tuyên truyền Ngày Nhà giáo" in page
    assert "Lễ kỷ niệm của Sở" not in page
    assert "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam" in page
    export = coso1.get(reverse("events:list") + query + "&export=xlsx")
    rows = list(load_workbook(BytesIO(export.content)).worksheets[0].iter_rows(values_only=True))
    titles = [r[4] for r in rows[1:]]
    assert "Đợt tuyên truyền Ngày Nhà giáo" in titles
    assert "Kỷ niệm 44 năm Ngày Nhà giáo Việt Nam" in titles
    assert "Lễ kỷ niệm của Sở" not in titles
    wrong = coso1.get(reverse("events:list") + "?tu=2026-11-30&den=2026-11-01&export=xlsx")
    assert wrong["Content-Type"].startswith("text/html")
    assert "“Đến ngày” phải sau hoặc trùng “Từ ngày”." in wrong.content.decode()


def _deadlines_of(tree: Tree) -> tuple[Submission, TaskAssignment, StudySession]:
    """A report the base owes, a plan task due, a study session: the other apps' dates."""
    today = timezone.localdate()
    rt = make_report_type(tree.bloc, recipients=[tree.base1])
    rt.sent = True
    rt.save(update_fields=["sent"])
    period = rt.periods.filter(due_date__gte=today).order_by("due_date").first()
    assert period is not None
    sub, _ = Submission.objects.get_or_create(period=period, unit=tree.base1)
    task = Task.objects.create(
        plan=make_plan(tree.bloc),
        order=1,
        title="Treo băng rôn khẩu hiệu",
        end_date=today + timedelta(days=5),
    )
    assignment = TaskAssignment.objects.create(task=task, unit=tree.base1)
    start = timezone.now() + timedelta(days=2)
    session = StudySession.objects.create(
        round=make_round(tree.base1),
        unit=tree.base1,
        title="Hội nghị học tập Nghị quyết",
        starts_at=start,
        ends_at=start + timedelta(hours=2),
    )
    return sub, assignment, session


def test_the_ics_feed_holds_every_entry_and_refuses_a_wrong_token(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    today = timezone.localdate()
    sub, assignment, session = _deadlines_of(tree)
    campaign = make_campaign(
        tree.bloc,
        published=True,
        title="Đợt tuyên truyền, “đặc biệt”; có dấu",
        starts_on=today,
        ends_on=today + timedelta(days=9),
    )
    make_campaign(tree.bloc, published=False, title="Đợt chưa công bố")
    event = make_event(
        tree.base1, title="Hội nghị báo cáo viên", starts_on=today + timedelta(days=1)
    )
    make_event(tree.base2, title="Sự kiện của đơn vị khác", starts_on=today)
    coso1 = client_as("coso1")
    assert coso1.post(reverse("events:feed_renew")).status_code == 302
    token = FeedToken.objects.get(user=users["coso1"]).token
    feed = Client().get(reverse("events:ics", kwargs={"user_feed_token": token}))
    assert feed.status_code == 200 and feed["Content-Type"].startswith("text/calendar")
    cal = icalendar.Calendar.from_ical(feed.content)
    events = {str(e["UID"]).split("@")[0]: e for e in cal.walk("VEVENT")}
    assert f"campaign-{campaign.pk}" in events
    assert (
        str(events[f"campaign-{campaign.pk}"]["SUMMARY"]) == "Đợt tuyên truyền, “đặc biệt”; có dấu"
    )
    assert events[f"campaign-{campaign.pk}"].decoded("DTEND") == today + timedelta(days=10)
    assert f"event-{event.pk}" in events
    assert f"submission-{sub.pk}" in events
    assert f"assignment-{assignment.pk}" in events
    assert f"session-{session.pk}" in events
    assert events[f"session-{session.pk}"].decoded("DTSTART") == session.starts_at.replace(
        microsecond=0
    )
    assert any(uid.startswith("anniversary-") for uid in events)
    summaries = " ".join(str(e["SUMMARY"]) for e in events.values())
    assert "Đợt chưa công bố" not in summaries
    assert "Sự kiện của đơn vị khác" not in summaries
    # a wrong token, and the old token after renewal, open nothing
    assert (
        Client().get(reverse("events:ics", kwargs={"user_feed_token": "sai-ma"})).status_code == 404
    )
    coso1.post(reverse("events:feed_renew"))
    assert Client().get(reverse("events:ics", kwargs={"user_feed_token": token})).status_code == 404
    # a disabled account's feed stops
    users["coso1"].is_active = False
    users["coso1"].save()
    new = FeedToken.objects.get(user=users["coso1"]).token
    assert Client().get(reverse("events:ics", kwargs={"user_feed_token": new})).status_code == 404


def test_the_dashboard_shows_this_weeks_campaigns_and_anniversaries(
    tree: Tree, client_as: ClientAs
) -> None:
    today = timezone.localdate()
    make_campaign(
        tree.bloc,
        published=True,
        title="Đợt tuyên truyền tuần này",
        starts_on=today + timedelta(days=2),
        ends_on=today + timedelta(days=12),
    )
    make_anniversary(
        tree.base1,
        "Ngày truyền thống Sở TTTT",
        day=(today + timedelta(days=1)).day,
        month=(today + timedelta(days=1)).month,
        year=(today + timedelta(days=1)).year - 30,
    )
    page = client_as("coso1").get(reverse("core:dashboard")).content.decode()
    assert "Ngày kỷ niệm và tuyên truyền" in page
    assert "Đợt tuyên truyền tuần này" in page
    assert "Kỷ niệm 30 năm Ngày truyền thống Sở TTTT" in page


def test_a_read_only_account_gets_no_private_feed(client_as: ClientAs) -> None:
    viewer = client_as("viewer1")
    assert viewer.post(reverse("events:feed_renew")).status_code == 403
    assert not FeedToken.objects.exists()
    assert (
        "Tài khoản chỉ xem không tạo được địa chỉ lịch riêng"
        in viewer.get(reverse("events:feed")).content.decode()
    )
