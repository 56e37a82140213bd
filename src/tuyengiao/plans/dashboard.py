"""The plans' part of the dashboard: the unit's tasks due this week or overdue, the plans sent to
it that it has not carried out yet, and for a superior the units behind on the plans it sent down
(no implementing plan yet) and on their tasks (overdue)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, WEEK_DAYS, Item, Section

from .models import STATUS_BADGE, CascadeRecipient, CascadeState, Status, TaskAssignment

# Assignments read to find this week's: enough for a unit's whole workload.
CANDIDATES = 500


def _short(text: str, n: int = 140) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def own_sections(user: Any, today: date) -> list[Section]:
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    horizon = today + timedelta(days=WEEK_DAYS)
    candidates = (
        scoped(TaskAssignment, user)
        .filter(unit=unit)
        .filter(Q(task__end_date__lte=horizon) | ~Q(task__recurrence="none"))
        .select_related("task__plan")
        .order_by("task__end_date", "id")[:CANDIDATES]
    )
    tasks = []
    for a in candidates:
        deadline = a.deadline(today)
        status = a.status(today)
        if deadline is None or status == Status.DONE or deadline > horizon:
            continue
        tasks.append((deadline, a, status))
    tasks.sort(key=lambda t: (t[0], t[1].pk))
    task_items = [
        Item(
            text=f"{_short(a.task.title)} ({a.task.plan.display_number})",
            url=reverse("plans:assignment_detail", kwargs={"assignment_pk": a.pk}),
            when=deadline,
            badge=status.label,
            badge_class=STATUS_BADGE[status],
            note=f"Tiến độ {a.progress} %" if a.progress else "",
        )
        for deadline, a, status in tasks[:SECTION_LIMIT]
    ]
    inbox = (
        scoped(CascadeRecipient, user)
        .filter(unit=unit, implementing_plan__isnull=True)
        .select_related("dispatch__plan", "dispatch__sender")
        .order_by("dispatch__due_date", "id")
    )
    plan_items = []
    for r in inbox[:SECTION_LIMIT]:
        state = r.state(today)
        plan_items.append(
            Item(
                text=f"{r.dispatch.plan.display_number} — {_short(r.dispatch.plan.title)}",
                url=reverse("plans:inbox"),
                when=r.dispatch.due_date,
                badge=state.label,
                badge_class="bad" if state == CascadeState.OVERDUE else "",
                note=f"Gửi từ {r.dispatch.sender.name}",
            )
        )
    return [
        Section(
            "Nhiệm vụ đến hạn",
            20,
            task_items,
            empty="Không có nhiệm vụ nào đến hạn trong 7 ngày tới.",
            more_url=reverse("plans:my_tasks"),
            total=len(tasks),
        ),
        Section(
            "Kế hoạch cần triển khai",
            21,
            plan_items,
            empty="Không có kế hoạch nào chờ đơn vị ban hành kế hoạch thực hiện.",
            more_url=reverse("plans:inbox"),
            total=inbox.count(),
        ),
    ]


def behind_sections(user: Any, today: date) -> list[Section]:
    """Per plan the unit sent down: recipients without an implementing plan; per plan of the unit:
    assignments of the units below that are overdue (a one-off task past its end date, not done)."""
    unit = getattr(user, "unit", None)
    if unit is None:
        return []
    pending = (
        scoped(CascadeRecipient, user)
        .filter(dispatch__sender=unit)
        .values("dispatch__plan_id", "dispatch__plan__number", "dispatch__plan__title")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=Q(implementing_plan__isnull=True)),
            late=Count(
                "id",
                filter=Q(implementing_plan__isnull=True, dispatch__due_date__lt=today),
            ),
        )
        .filter(open__gt=0)
        .order_by("-late", "-open")[:SECTION_LIMIT]
    )
    items = [
        Item(
            text=(
                f"{row['dispatch__plan__number'] or 'Kế hoạch'} — {_short(row['dispatch__plan__title'], 90)}: "
                f"{row['total'] - row['open']}/{row['total']} đơn vị đã ban hành kế hoạch thực hiện"
            ),
            url=reverse("plans:plan_board", kwargs={"plan_pk": row["dispatch__plan_id"]}),
            badge=f"{row['late']} quá hạn" if row["late"] else f"{row['open']} chưa ban hành",
            badge_class="bad" if row["late"] else "warn",
        )
        for row in pending
    ]
    overdue = (
        scoped(TaskAssignment, user)
        .filter(
            task__plan__unit=unit,
            task__recurrence="none",
            task__end_date__lt=today,
            progress__lt=100,
        )
        .exclude(unit=unit)
        .values("task__plan_id", "task__plan__number", "task__plan__title")
        .annotate(n=Count("id"), units=Count("unit", distinct=True))
        .order_by("-n")[:SECTION_LIMIT]
    )
    items += [
        Item(
            text=(
                f"{row['task__plan__number'] or 'Kế hoạch'} — {_short(row['task__plan__title'], 90)}: "
                f"{row['n']} phần việc quá hạn của {row['units']} đơn vị"
            ),
            url=reverse("plans:plan_board", kwargs={"plan_pk": row["task__plan_id"]}),
            badge=f"{row['n']} quá hạn",
            badge_class="bad",
        )
        for row in overdue
    ]
    if not items:
        return []
    return [Section("Kế hoạch, nhiệm vụ của đơn vị cấp dưới", 51, items, behind=True)]


def sections(user: Any, today: date) -> list[Section]:
    return own_sections(user, today) + behind_sections(user, today)
