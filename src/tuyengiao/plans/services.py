"""Business rules of plans: creating a plan with its proposed tasks, sending it down, linking the
implementing plans that come back, the cascade board, and the reminders.

Views call these; they hold no rules themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.utils import timezone

from tuyengiao.notifications import events
from tuyengiao.orgs.models import Unit

from .models import (
    DOC_TYPE_TO_KIND,
    STATUS_BADGE,
    CascadeDispatch,
    CascadeRecipient,
    CascadeState,
    Plan,
    PlanKind,
    Role,
    Status,
    Task,
    TaskAssignment,
    TaskUpdate,
    derive_status,
)
from .proposals import LEAD, ProposedTask, UnitMatcher, propose_tasks

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


# --- symbols ------------------------------------------------------------------------------------


def normalize_number(number: str | None) -> str:
    """A document symbol normalised for matching ("30- KH/ĐUK" ≡ "30-kh/đuk").

    Uses ``vanban.normalize_symbol`` when the parser provides it, so that the library and the
    plans match symbols by one rule.
    """
    if not number:
        return ""
    from vanban import normalize_symbol

    return str(normalize_symbol(number))[:80]


def kind_for_doc_type(doc_type: str | None) -> str | None:
    """The plan kind of a document type, or None when the document is not a plan."""
    return DOC_TYPE_TO_KIND.get((doc_type or "").strip().lower())


def kind_for_document(doc_type: str | None, text: str | None) -> str | None:
    """The plan kind of a document; a news page publishing a Kết luận, Chỉ thị, Nghị quyết or
    Kế hoạch ("Ban Thường vụ Tỉnh ủy ban hành Kết luận số 88-KL/TU …") counts as that."""
    kind = kind_for_doc_type(doc_type)
    if kind is None and text:
        from .plan_text import published_directive

        found = published_directive(text)
        if found is not None:
            kind = kind_for_doc_type(found[0])
    return kind


# --- plans and their tasks ----------------------------------------------------------------------


def matcher_for(unit: Unit) -> UnitMatcher:
    """Units a plan of ``unit`` may name: its subtree and its ancestors (one query)."""
    units = Unit.objects.filter(
        Q(path__startswith=unit.path) | Q(path__in=unit.ancestor_paths())
    ).only("id", "path", "depth", "name", "short_name", "code")
    return UnitMatcher(units)


def proposals_for(
    plan_unit: Unit, parsed: dict[str, Any], text: str | None = None
) -> list[ProposedTask]:
    return propose_tasks(parsed, text, matcher_for(plan_unit))


@transaction.atomic
def save_proposed_tasks(plan: Plan, proposals: Sequence[ProposedTask]) -> list[Task]:
    """Create tasks (their sub-tasks, and the assignments of matched units) from reviewed
    proposals. Collective tasks are handed to the units the plan was already sent to."""
    tasks: list[Task] = []
    order = plan.tasks.count()

    def create(proposal: ProposedTask, parent: Task | None) -> Task:
        nonlocal order
        order += 1
        tf = proposal.timeframe
        task = Task.objects.create(
            plan=plan,
            parent=parent,
            order=order,
            kind=proposal.kind,
            collective_role=proposal.collective_role,
            section=proposal.section,
            label=(proposal.label or "")[:10],
            title=proposal.title[:1000],
            description=proposal.description,
            unit_names=[u.to_dict() for u in proposal.units],
            timeframe_text=tf.raw[:255],
            start_date=tf.start,
            end_date=tf.end,
            recurrence=tf.recurrence,
            ongoing=tf.ongoing,
            indicators=[ind.to_dict() for ind in proposal.indicators],
        )
        assigned: set[int] = set()
        for ref in proposal.units:
            if ref.unit_id and ref.unit_id not in assigned:
                assigned.add(ref.unit_id)
                TaskAssignment.objects.create(
                    task=task,
                    unit_id=ref.unit_id,
                    role=Role.LEAD if ref.role == LEAD else Role.COORDINATE,
                )
        return task

    for proposal in proposals:
        task = create(proposal, None)
        tasks.append(task)
        for sub in proposal.subtasks:
            tasks.append(create(sub, task))
    hand_out_collective_tasks(plan)
    return tasks


# --- the handoff: collective tasks become tasks of the units the plan is sent to ---------------


def recipient_units(plan: Plan) -> QuerySet[Unit]:
    """Every unit the plan has been sent to, in any of its dispatches."""
    units: QuerySet[Unit] = Unit.objects.filter(cascade_inbox__dispatch__plan=plan).distinct()
    return units


def _hand_out(plan: Plan, unit_ids: Sequence[int]) -> list[TaskAssignment]:
    """Assignments of the plan's collective tasks for ``unit_ids``; existing ones are kept
    (a unit named by the task as lead keeps that role), so calling it again adds nothing."""
    if not unit_ids:
        return []
    collective = list(plan.tasks.exclude(collective_role="").values_list("pk", "collective_role"))
    if not collective:
        return []
    existing = set(
        TaskAssignment.objects.filter(
            task__in=[pk for pk, _ in collective], unit_id__in=unit_ids
        ).values_list("task_id", "unit_id")
    )
    new = [
        TaskAssignment(task_id=task_pk, unit_id=unit_id, role=role, collective=True)
        for task_pk, role in collective
        for unit_id in unit_ids
        if (task_pk, unit_id) not in existing
    ]
    TaskAssignment.objects.bulk_create(new, ignore_conflicts=True)
    return new


def plan_sent_to_units(plan: Plan, units: Iterable[Unit]) -> list[TaskAssignment]:
    """The plan has reached ``units``: each becomes assignee of every task the plan gives
    collectively ("các chi, đảng bộ cơ sở", "cấp ủy cơ sở", "các đơn vị" …), so the tasks are in
    its "Nhiệm vụ của đơn vị" at once, with the plan's deadlines. Idempotent.

    Every way a plan reaches a unit goes through here (``send_down``, the demo); other apps may
    hook into it (the notifications of "a plan was sent to my unit")."""
    return _hand_out(plan, [u.pk for u in units])


def hand_out_collective_tasks(plan: Plan) -> list[TaskAssignment]:
    """After the task list changed: collective tasks reach every unit the plan was sent to, and
    tasks no longer given collectively lose the collective assignments nobody reported on."""
    TaskAssignment.objects.filter(
        task__plan=plan,
        collective=True,
        task__collective_role="",
        last_update_on__isnull=True,
        progress=0,
    ).delete()
    return _hand_out(plan, list(recipient_units(plan).values_list("pk", flat=True)))


def set_assignments(task: Task, leads: Iterable[Unit], coordinating: Iterable[Unit]) -> None:
    """Make the task's named assignments exactly these units (progress of kept units is kept).

    Assignments the task has because it is given collectively to the units the plan was sent
    to are left alone, unless the unit is now named (it then keeps its progress and takes the
    role chosen here)."""
    wanted: dict[int, str] = {u.pk: Role.COORDINATE for u in coordinating}
    wanted.update({u.pk: Role.LEAD for u in leads})
    existing = {a.unit_id: a for a in task.assignments.all()}
    for unit_id, assignment in existing.items():
        if unit_id not in wanted:
            if not assignment.collective:
                assignment.delete()
        elif assignment.role != wanted[unit_id] or assignment.collective:
            assignment.role = wanted[unit_id]
            assignment.collective = False
            assignment.save(update_fields=["role", "collective"])
    for unit_id, role in wanted.items():
        if unit_id not in existing:
            TaskAssignment.objects.create(task=task, unit_id=unit_id, role=role)


def record_update(
    assignment: TaskAssignment,
    user: User | None,
    progress: int | None,
    note: str = "",
    evidence: Any = None,
) -> TaskUpdate:
    """Add an entry to the timeline; progress reports move the assignment's progress."""
    update = TaskUpdate(assignment=assignment, progress=progress, note=note, created_by=user)
    if evidence is not None:
        update.evidence = evidence
    update.save()
    today = timezone.localdate()
    assignment.last_update_on = today
    fields = ["last_update_on"]
    if progress is not None:
        assignment.progress = max(0, min(100, progress))
        fields.append("progress")
        if assignment.progress >= 100 and not assignment.completed_on:
            assignment.completed_on = today
            fields.append("completed_on")
        elif assignment.progress < 100 and assignment.completed_on:
            assignment.completed_on = None
            fields.append("completed_on")
    assignment.save(update_fields=fields)
    return update


# --- the task list with each unit's part --------------------------------------------------------


@dataclass
class CollectiveProgress:
    """The parts of the units a task reached collectively, summed by status."""

    total: int = 0
    counts: dict[str, int] | None = None
    own_assignment_id: int | None = None

    def items(self) -> list[tuple[str, str, int]]:
        """(status label, badge class, count) for the statuses present."""
        counts = self.counts or {}
        return [(s.label, STATUS_BADGE[s], counts[s.value]) for s in Status if counts.get(s.value)]


def tasks_with_progress(plan: Plan, user: User, today: date | None = None) -> list[Task]:
    """The plan's tasks, each with ``visible_assignments`` (the units it names, as far as the user
    sees them), ``collective`` (the units it reached through the plan being sent, summed by
    status, with the user's own part) and ``status_set`` — a constant number of queries and no
    model per collective part, whatever the number of units reached (50 tasks × 173 units)."""
    from tuyengiao.accounts.scoping import scoped

    today = today or timezone.localdate()
    visible = scoped(TaskAssignment, user)
    tasks: list[Task] = list(
        plan.tasks.prefetch_related(
            Prefetch(
                "assignments",
                queryset=visible.filter(collective=False).select_related("unit"),
                to_attr="visible_assignments",
            )
        ).order_by("order", "id")
    )
    by_id = {t.pk: t for t in tasks}
    progress: dict[int, CollectiveProgress] = {t.pk: CollectiveProgress(counts={}) for t in tasks}
    statuses: dict[int, set[str]] = {t.pk: set() for t in tasks}
    # One row per task and distinct (progress, last report): most parts share (0, none), so the
    # rows are few whatever the number of units; the status rule then runs once per row.
    rows = (
        visible.filter(task__plan=plan, collective=True)
        .values_list("task_id", "progress", "last_update_on")
        .annotate(n=Count("id"))
        .order_by()
    )
    for task_id, done, last, n in rows:
        status = derive_status(by_id[task_id], done, last, today).value
        entry = progress[task_id]
        entry.total += n
        assert entry.counts is not None
        entry.counts[status] = entry.counts.get(status, 0) + n
        statuses[task_id].add(status)
    if user.unit_id is not None:
        for pk, task_id in visible.filter(
            task__plan=plan, collective=True, unit_id=user.unit_id
        ).values_list("pk", "task_id"):
            progress[task_id].own_assignment_id = pk
    for task in tasks:
        task.collective = progress[task.pk]  # type: ignore[attr-defined]
        named: list[TaskAssignment] = getattr(task, "visible_assignments", [])
        task.status_set = statuses[task.pk] | {a.status(today).value for a in named}  # type: ignore[attr-defined]
    return tasks


# --- the cascade ----------------------------------------------------------------------------------


class CascadeError(ValueError):
    """A cascade action that cannot be done, with a Vietnamese message."""


@transaction.atomic
def send_down(
    plan: Plan,
    sender: Unit,
    units: Iterable[Unit],
    due_date: date,
    message: str = "",
    user: User | None = None,
) -> CascadeDispatch:
    """Send ``plan`` to ``units`` (all strictly below ``sender``); units already sent it are skipped."""
    targets = [u for u in units if u.path.startswith(sender.path) and u.pk != sender.pk]
    if not targets:
        raise CascadeError("Chưa chọn đơn vị nhận nào thuộc quyền của đơn vị gửi.")
    already = set(
        CascadeRecipient.objects.filter(dispatch__plan=plan, unit__in=targets).values_list(
            "unit_id", flat=True
        )
    )
    targets = [u for u in targets if u.pk not in already]
    if not targets:
        raise CascadeError("Các đơn vị đã chọn đều đã được gửi kế hoạch này.")
    dispatch = CascadeDispatch.objects.create(
        plan=plan, sender=sender, due_date=due_date, message=message, created_by=user
    )
    CascadeRecipient.objects.bulk_create(
        [CascadeRecipient(dispatch=dispatch, unit=u) for u in targets]
    )
    plan_sent_to_units(plan, targets)
    # A plan a recipient issued before the plan was sent down (already in the library) links at once.
    if plan.number_key:
        for candidate in Plan.objects.filter(
            unit__in=targets, implements_keys__contains=f"|{plan.number_key}|"
        ):
            link_implementing_plan(candidate, [plan.number])
    events.plan_sent(dispatch)
    return dispatch


def link_implementing_plan(plan: Plan, implements: Iterable[str] | None) -> list[CascadeRecipient]:
    """Link ``plan`` to the recipient records it answers: those of its own unit whose dispatched
    plan's number is among the numbers it says it carries out (``implements``); when
    ``implements`` is None, the plan's recorded parent is used."""
    keys = {normalize_number(n) for n in implements or []} - {""}
    if implements is None and plan.parent_id:
        keys = {plan.parent.number_key} if plan.parent else set()
    if not keys:
        return []
    implements_keys = "|" + "|".join(sorted(keys)) + "|"
    if implements is not None and plan.implements_keys != implements_keys:
        plan.implements_keys = implements_keys[:500]
        Plan.objects.filter(pk=plan.pk).update(implements_keys=plan.implements_keys)
    pending = list(
        CascadeRecipient.objects.select_related("dispatch__plan")
        .filter(unit=plan.unit, implementing_plan__isnull=True, dispatch__plan__number_key__in=keys)
        .exclude(dispatch__plan=plan)
    )
    now = timezone.now()
    for recipient in pending:
        recipient.implementing_plan = plan
        recipient.issued_on = plan.issued_on or timezone.localdate()
        recipient.linked_at = now
        recipient.save(update_fields=["implementing_plan", "issued_on", "linked_at"])
    if pending and not plan.parent_id:
        plan.parent = pending[0].dispatch.plan
        plan.save()
    elif not plan.parent_id:
        # Not sent down to this unit, but it still carries out a plan we know: keep the chain.
        parent = (
            Plan.objects.filter(number_key__in=keys)
            .exclude(pk=plan.pk)
            .order_by("-issued_on")
            .first()
        )
        if parent is not None:
            plan.parent = parent
            plan.save()
    return pending


# --- the board ------------------------------------------------------------------------------------


@dataclass
class BoardFilters:
    state: str = ""
    kind: str = ""
    q: str = ""
    level: int | None = None


def board_queryset(
    plan: Plan, filters: BoardFilters | None = None, today: date | None = None
) -> QuerySet[CascadeRecipient]:
    """Every unit the plan reached, at every level below (plans implementing it sent down
    further): one query, by the plan chain's prefix, ordered by the unit tree."""
    today = today or timezone.localdate()
    qs = (
        CascadeRecipient.objects.filter(dispatch__plan__chain__startswith=plan.chain)
        .select_related(
            "unit", "dispatch", "dispatch__plan", "dispatch__sender", "implementing_plan"
        )
        .order_by("unit__path", "dispatch__created_at")
    )
    if filters is None:
        return qs
    if filters.state == CascadeState.ISSUED:
        qs = qs.filter(implementing_plan__isnull=False)
    elif filters.state == CascadeState.PENDING:
        qs = qs.filter(implementing_plan__isnull=True, dispatch__due_date__gte=today)
    elif filters.state == CascadeState.OVERDUE:
        qs = qs.filter(implementing_plan__isnull=True, dispatch__due_date__lt=today)
    if filters.kind:
        qs = qs.filter(unit__kind=filters.kind)
    if filters.level:
        qs = qs.filter(unit__depth=plan.unit.depth + filters.level)
    if filters.q:
        from tuyengiao.core.text import fold

        for word in fold(filters.q).split():
            qs = qs.filter(unit__name_folded__contains=word)
    return qs


BOARD_COLUMNS = (
    "id",
    "unit__name",
    "unit__depth",
    "unit__kind",
    "dispatch__due_date",
    "dispatch__created_at",
    "dispatch__sender__name",
    "dispatch__plan__number",
    "implementing_plan_id",
    "implementing_plan__number",
    "issued_on",
    "unit_id",
    "dispatch__plan_id",
)


@dataclass
class BoardRow:
    """One line of the board, built from a values row (no model instances: 5,000 rows stay fast)."""

    pk: int
    unit_name: str
    unit_depth: int
    unit_kind: str
    due_date: date
    sent_at: Any
    sender_name: str
    sent_number: str
    implementing_plan_id: int | None
    implementing_number: str
    issued_on: date | None
    unit_id: int
    sent_plan_id: int
    level: int = 1
    state: str = ""
    # The unit's own part in the tasks of the plan sent to it (collective tasks): how many, how
    # many done, the mean progress reported; None when it was handed no task.
    tasks_total: int = 0
    tasks_done: int = 0
    progress: int | None = None

    @property
    def days_taken(self) -> int | None:
        if self.issued_on is None:
            return None
        return (self.issued_on - timezone.localtime(self.sent_at).date()).days

    @property
    def state_label(self) -> str:
        return CascadeState(self.state).label


def board_rows(
    values: Iterable[tuple[Any, ...]], plan: Plan, today: date | None = None
) -> list[BoardRow]:
    """BoardRows from ``board_queryset(...).values_list(*BOARD_COLUMNS)``."""
    today = today or timezone.localdate()
    rows = []
    for v in values:
        row = BoardRow(*v)
        row.implementing_number = row.implementing_number or (
            "(chưa có số)" if row.implementing_plan_id else ""
        )
        row.level = row.unit_depth - plan.unit.depth
        if row.implementing_plan_id:
            row.state = CascadeState.ISSUED
        else:
            row.state = CascadeState.OVERDUE if today > row.due_date else CascadeState.PENDING
        rows.append(row)
    _add_task_progress(rows)
    return rows


def _add_task_progress(rows: list[BoardRow]) -> None:
    """One query for the page: each row's unit's collective assignments on the sent plan."""
    if not rows:
        return
    found = (
        TaskAssignment.objects.filter(
            collective=True,
            unit_id__in={r.unit_id for r in rows},
            task__plan_id__in={r.sent_plan_id for r in rows},
        )
        .values("unit_id", "task__plan_id")
        .annotate(
            n=Count("id"), done=Count("id", filter=Q(progress__gte=100)), mean=Avg("progress")
        )
    )
    by_key = {(f["unit_id"], f["task__plan_id"]): f for f in found}
    for row in rows:
        f = by_key.get((row.unit_id, row.sent_plan_id))
        if f:
            row.tasks_total, row.tasks_done = f["n"], f["done"]
            row.progress = round(f["mean"] or 0)


def board_summary(plan: Plan, today: date | None = None) -> dict[str, int]:
    """Counts per state over the whole cascade: one aggregate query."""
    today = today or timezone.localdate()
    return CascadeRecipient.objects.filter(dispatch__plan__chain__startswith=plan.chain).aggregate(
        total=Count("id"),
        issued=Count("id", filter=Q(implementing_plan__isnull=False)),
        pending=Count(
            "id", filter=Q(implementing_plan__isnull=True, dispatch__due_date__gte=today)
        ),
        overdue=Count("id", filter=Q(implementing_plan__isnull=True, dispatch__due_date__lt=today)),
    )


def level_of(recipient: CascadeRecipient, plan: Plan) -> int:
    return int(recipient.unit.depth - plan.unit.depth)


# --- reminders ------------------------------------------------------------------------------------


def remind_pending(plan: Plan, recipients: Iterable[CascadeRecipient]) -> int:
    """Queue reminder e-mails to the officers of the units that have not issued their plan yet.

    Returns how many units will be reminded."""
    from .tasks import send_cascade_reminders

    ids = [r.pk for r in recipients if not r.implementing_plan_id]
    if ids:
        send_cascade_reminders.enqueue(ids)
    return len(ids)


def plan_kind_choices() -> list[tuple[str, str]]:
    return list(PlanKind.choices)
