"""Reporting calendar: period bounds, deadline rules, a year's periods; the .ics feed."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tuyengiao.reports.calendar import due_date_for, generate_year, period_bounds, period_label
from tuyengiao.reports.models import CalendarFeed, Indicator, IndicatorKind, PeriodKind, ReportType
from tuyengiao.reports.services.values import parse_indicator, parse_number

from .conftest import Setup


def test_period_bounds_and_labels() -> None:
    assert period_bounds("quarter", 2025, 1) == (date(2025, 1, 1), date(2025, 3, 31))
    assert period_bounds("quarter", 2024, 4) == (date(2024, 10, 1), date(2024, 12, 31))
    assert period_bounds("month", 2024, 2) == (date(2024, 2, 1), date(2024, 2, 29))
    assert period_bounds("half", 2025, 1) == (date(2025, 1, 1), date(2025, 6, 30))
    assert period_bounds("nine", 2025, 1) == (date(2025, 1, 1), date(2025, 9, 30))
    assert period_bounds("year", 2025, 1) == (date(2025, 1, 1), date(2025, 12, 31))
    assert period_label("quarter", 2025, 3) == "Quý III/2025"
    with pytest.raises(ValueError):
        period_bounds("quarter", 2025, 5)


def test_deadline_rule() -> None:
    # quarterly, due on the 15th of the quarter's last month
    assert due_date_for(date(2025, 3, 31), 15, 0) == date(2025, 3, 15)
    # the 5th of the month after the period, across a year end
    assert due_date_for(date(2025, 12, 31), 5, 1) == date(2026, 1, 5)
    # day 31 in a short month is clamped to its last day
    assert due_date_for(date(2025, 1, 31), 31, 1) == date(2025, 2, 28)


@pytest.mark.django_db
def test_generate_a_year_of_periods(tree: Any, users: Any, client_as: Any) -> None:
    rt = ReportType.objects.create(
        unit=tree.bloc,
        title="Báo cáo tháng",
        period_kind=PeriodKind.MONTH,
        due_day=25,
        due_month_offset=0,
    )
    periods = generate_year(rt, 2025)
    assert [p.index for p in periods] == list(range(1, 13))
    assert periods[1].due_date == date(2025, 2, 25)
    generate_year(rt, 2025)  # again: nothing duplicated
    assert rt.periods.count() == 12
    # the button on the type page
    rt2 = ReportType.objects.create(unit=tree.bloc, title="Báo cáo quý", due_day=15)
    response = client_as("khoi").post(
        reverse("reports:periods_add", kwargs={"report_type_pk": rt2.pk}),
        {"y-year": "2026"},
    )
    assert response.status_code == 302
    assert [(p.label, p.due_date) for p in rt2.periods.order_by("start")][3] == (
        "Quý IV/2026",
        date(2026, 12, 15),
    )
    # a base unit cannot change the bloc's type
    assert (
        client_as("coso1")
        .post(
            reverse("reports:periods_add", kwargs={"report_type_pk": rt2.pk}),
            {"y-year": "2027"},
        )
        .status_code
        == 404
    )


def test_parse_numbers_as_typed() -> None:
    assert parse_number("1.234") == 1234
    assert parse_number("1.234,5") == 1234.5
    assert parse_number("12,5") == 12.5
    assert parse_number(" 98 %") == 98
    ind = Indicator(kind=IndicatorKind.PERCENT, integer=False, code="x", label="x")
    assert parse_indicator(ind, "101").error
    assert parse_indicator(ind, "99,5").value == 99.5
    boolean = Indicator(kind=IndicatorKind.BOOL, code="b", label="b")
    assert (
        parse_indicator(boolean, "Có").value == 1 and parse_indicator(boolean, "không").value == 0
    )
    assert parse_indicator(boolean, "").error == "Chỉ tiêu này bắt buộc nhập."


@pytest.mark.django_db
def test_ics_feed_per_unit(forty: Setup, client_as: Any) -> None:
    officer = client_as("coso1")
    officer.post(reverse("reports:calendar"))
    feed = CalendarFeed.objects.get(unit=forty.units[0])
    assert len(feed.token) >= 40
    anonymous = Client()
    response = anonymous.get(reverse("reports:ics", kwargs={"feed_token": feed.token}))
    body = response.content.decode()
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == 4 and "DTSTART;VALUE=DATE:20250315" in body
    assert (
        anonymous.get(
            reverse("reports:ics", kwargs={"feed_token": feed.token[:-1] + "x"})
        ).status_code
        == 404
    )
    # a unit that receives nothing gets an empty calendar with its own token
    other = CalendarFeed.objects.create(unit=forty.rt.unit)
    assert (
        "BEGIN:VEVENT"
        not in anonymous.get(
            reverse("reports:ics", kwargs={"feed_token": other.token})
        ).content.decode()
    )
    # regenerating the address revokes the old one
    officer.post(reverse("reports:calendar"))
    assert (
        anonymous.get(reverse("reports:ics", kwargs={"feed_token": feed.token})).status_code == 404
    )
