"""The reports' part of the dashboard: reports the unit must submit, reports returned to it, and
for a superior the units that have not reported for the current period of each of its types."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.urls import reverse
from django.utils.http import urlencode

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section

from .models import Period, ReportType, Status, Submission
from .services.recipients import recipient_count
from .services.statuses import Cell, cell_status, status_counts


def _item(sub: Submission, today: date) -> Item:
    label, css = Cell.LABELS[cell_status(sub.status, sub.is_late, sub.period.due_date, today)]
    return Item(
        text=f"{sub.period.report_type.title} — {sub.period.label}",
        url=reverse("reports:submission", kwargs={"submission_pk": sub.pk}),
        when=sub.period.due_date,
        badge="Bị trả lại" if sub.status == Status.RETURNED else label,
        badge_class=css,
        note=f"Nhận xét: {sub.comment}" if sub.status == Status.RETURNED and sub.comment else "",
    )


def own_sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    mine = scoped(Submission, user).filter(unit=unit, period__report_type__sent=True)
    due = (
        mine.filter(
            status__in=[Status.DRAFT, Status.RETURNED],
            period__due_date__lte=today + timedelta(days=WEEK_DAYS),
        )
        .select_related("period__report_type")
        .order_by("period__due_date", "id")
    )
    returned = (
        mine.filter(status=Status.RETURNED)
        .select_related("period__report_type")
        .order_by("-decided_at", "-id")
    )
    inbox = reverse("reports:inbox")
    return [
        Section(
            "Báo cáo phải nộp",
            10,
            [_item(s, today) for s in due[:SECTION_LIMIT]],
            empty="Không có báo cáo nào đến hạn trong 7 ngày tới.",
            more_url=inbox,
            total=due.count(),
        ),
        Section(
            "Báo cáo bị trả lại",
            11,
            [_item(s, today) for s in returned[:SECTION_LIMIT]],
            empty="Không có báo cáo nào bị trả lại.",
            more_url=inbox,
            total=returned.count(),
        ),
    ]


def behind_sections(user: Any, today: date) -> list[Section]:
    """For each report type the unit asks of others: the current period's units not reported."""
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    items = []
    for rt in scoped(ReportType, user).filter(unit=unit, sent=True).order_by("title")[:20]:
        period = (
            Period.objects.filter(report_type=rt, start__lte=today)
            .order_by("-start", "-id")
            .first()
        )
        if period is None:
            continue
        counts = status_counts([period], today)[period.pk]
        expected = recipient_count(rt)
        missing = counts[Cell.MISSING] + counts[Cell.PENDING]
        returned = counts[Cell.RETURNED]
        # Reported = submitted or accepted; a report sent back for correction is not counted.
        reported = max(0, expected - missing - returned)
        overdue = counts[Cell.MISSING]
        if missing:
            status, badge = (Cell.MISSING if overdue else Cell.PENDING), f"{missing} chưa nộp"
            badge += " (quá hạn)" if overdue else ""
        elif returned:
            status, badge = Cell.RETURNED, f"{returned} bị trả lại"
        else:
            status, badge = "", "Đủ"
        items.append(
            Item(
                text=(
                    f"{rt.title} — {period.label}: {reported}/{expected} đơn vị đã báo cáo"
                    + (f", {returned} bị trả lại" if returned and missing else "")
                ),
                url=reverse("reports:matrix")
                + "?"
                + urlencode({"period": period.key, "status": status}),
                when=period.due_date,
                badge=badge,
                badge_class="bad" if overdue else ("warn" if missing or returned else "ok"),
            )
        )
    if not items:
        return []
    return [
        Section(
            "Báo cáo của đơn vị cấp dưới",
            50,
            items,
            more_url=reverse("reports:matrix"),
            more_label="Tình hình nộp báo cáo",
            behind=True,
        )
    ]


def sections(user: Any, today: date) -> list[Section]:
    return own_sections(user, today) + behind_sections(user, today)
