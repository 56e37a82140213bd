"""Business rules of inspections: planning, the checklist drafted from the unit's own data,
findings, the conclusion and its recommendations as tasks of the inspected unit (plans app)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.formats.numbers import percent
from tuyengiao.orgs.models import Person, Unit
from tuyengiao.plans import services as plan_services
from tuyengiao.plans.models import Plan, PlanKind, Task, TaskAssignment, TaskUpdate
from tuyengiao.reports.models import Status as ReportStatus
from tuyengiao.reports.models import Submission
from tuyengiao.study.models import StudyRound
from tuyengiao.study.services.rates import rate_for_unit

from .models import (
    ChecklistLine,
    Finding,
    Inspection,
    Recommendation,
    Source,
    TeamMember,
    TeamRole,
    Visit,
    VisitState,
)
from .tasks import inspection_planned


class InspectionError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""


def _d(value: date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else "—"


# --- planning ----------------------------------------------------------------------------------


@transaction.atomic
def create_inspection(
    *,
    unit: Unit,
    user: User | None,
    kind: str,
    title: str,
    plan: Plan | None,
    period_start: date,
    period_end: date,
    planned_on: date,
    units: Iterable[Unit],
    head: Person | None,
    members: Iterable[Person] = (),
) -> Inspection:
    """Plan an inspection of ``units`` (each below ``unit``) and draft each visit's checklist."""
    targets = list(units)
    if not targets:
        raise InspectionError("Hãy chọn ít nhất một đơn vị được kiểm tra.")
    for target in targets:
        if target.pk == unit.pk or not target.path.startswith(unit.path):
            raise InspectionError(f"{target.name} không phải đơn vị cấp dưới của {unit.name}.")
    if period_end < period_start:
        raise InspectionError("Ngày kết thúc kỳ kiểm tra phải sau ngày bắt đầu.")
    inspection = Inspection.objects.create(
        unit=unit,
        kind=kind,
        title=title,
        plan=plan,
        period_start=period_start,
        period_end=period_end,
        planned_on=planned_on,
        created_by=user,
    )
    if head is not None:
        TeamMember.objects.create(inspection=inspection, person=head, role=TeamRole.HEAD)
    for person in members:
        if head is None or person.pk != head.pk:
            TeamMember.objects.get_or_create(
                inspection=inspection, person=person, defaults={"role": TeamRole.MEMBER}
            )
    for target in targets:
        visit = Visit.objects.create(inspection=inspection, unit=target)
        draft_checklist(visit)
    inspection_planned(inspection)
    return inspection


# --- the checklist drafted from the unit's own data --------------------------------------------


@dataclass
class DraftLine:
    source: str
    requirement: str
    reported: str
    evidence_on_file: str
    assignment: TaskAssignment | None = None
    submission: Submission | None = None


def unit_assignments(inspection: Inspection, unit: Unit) -> QuerySet[TaskAssignment]:
    """The unit's own task assignments the inspection looks at: of the inspected plan (and the
    plans carrying it out) when one is chosen, else of every plan with a deadline in the period."""
    qs = TaskAssignment.objects.filter(unit=unit).select_related("task__plan")
    if inspection.plan is not None:
        return qs.filter(task__plan__chain__startswith=inspection.plan.chain).order_by(
            "task__plan__chain", "task__order", "task_id"
        )
    return qs.filter(
        Q(task__end_date__range=(inspection.period_start, inspection.period_end))
        | Q(task__end_date__isnull=True, task__plan__issued_on__lte=inspection.period_end)
    ).order_by("task__end_date", "task__order", "task_id")


def unit_submissions(inspection: Inspection, unit: Unit) -> QuerySet[Submission]:
    """The unit's reports due in the period."""
    return (
        Submission.objects.filter(
            unit=unit,
            period__due_date__range=(inspection.period_start, inspection.period_end),
        )
        .select_related("period__report_type")
        .order_by("period__due_date", "id")
    )


def unit_study_rounds(inspection: Inspection, unit: Unit) -> QuerySet[StudyRound]:
    """Study rounds of the period in which the unit's subtree has members on the list."""
    return (
        StudyRound.objects.filter(
            starts_on__lte=inspection.period_end,
            ends_on__gte=inspection.period_start,
            tallies__unit_path__startswith=unit.path,
            tallies__eligible__gt=0,
        )
        .distinct()
        .order_by("starts_on", "id")
    )


def _task_line(assignment: TaskAssignment, today: date) -> DraftLine:
    task = assignment.task
    deadline = assignment.deadline(today)
    requirement = f"{task.title} (kế hoạch {task.plan.display_number}; hạn {_d(deadline)})"
    updates = list(TaskUpdate.objects.filter(assignment=assignment).order_by("-created_at", "-id"))
    reported = f"{assignment.status(today).label}, tiến độ {assignment.progress} %"
    notes = [u.note.strip() for u in updates if u.note.strip()]
    if notes:
        reported += f". {notes[0]}"
    files = [u.evidence_name for u in updates if u.evidence]
    evidence = "; ".join(files) if files else "Chưa có minh chứng"
    return DraftLine(Source.TASK, requirement, reported, evidence, assignment=assignment)


def _report_line(submission: Submission) -> DraftLine:
    period = submission.period
    requirement = (
        f"Báo cáo {period.report_type.title} — {period.label} (hạn nộp {_d(period.due_date)})"
    )
    if submission.status == ReportStatus.DRAFT:
        reported = "Chưa nộp"
    else:
        reported = (
            f"{submission.get_status_display()}, nộp ngày {_d(submission.first_submitted_on)}"
        )
        if submission.is_late:
            reported += " (muộn)"
    names = list(submission.attachments.values_list("name", flat=True))
    evidence = "; ".join(names) if names else "Không có tệp đính kèm"
    return DraftLine(Source.REPORT, requirement, reported, evidence, submission=submission)


def _study_line(study_round: StudyRound, unit: Unit) -> DraftLine:
    figures = rate_for_unit(study_round, unit)
    target = f"; chỉ tiêu {percent(study_round.target_rate)}" if study_round.target_rate else ""
    requirement = (
        f"Học tập, quán triệt: {study_round.title} "
        f"({_d(study_round.starts_on)} – {_d(study_round.ends_on)}{target})"
    )
    reported = (
        f"Tham gia {figures['attended']}/{figures['eligible'] - figures['exempted']} "
        f"đảng viên, tỷ lệ {percent(figures['rate'])}"
    )
    return DraftLine(Source.STUDY, requirement, reported, "Danh sách điểm danh trên hệ thống")


def draft_lines(inspection: Inspection, unit: Unit, today: date | None = None) -> list[DraftLine]:
    """Every checklist line the unit's own data of the period gives, tasks first."""
    today = today or timezone.localdate()
    lines = [_task_line(a, today) for a in unit_assignments(inspection, unit)]
    lines += [_report_line(s) for s in unit_submissions(inspection, unit)]
    lines += [_study_line(r, unit) for r in unit_study_rounds(inspection, unit)]
    return lines


def draft_checklist(visit: Visit) -> list[ChecklistLine]:
    """(Re)draft the visit's checklist; refused once a finding is recorded."""
    if visit.lines.exclude(finding="").exists():
        raise InspectionError("Đã ghi kết quả kiểm tra: không lập lại danh mục được.")
    visit.lines.all().delete()
    rows = [
        ChecklistLine(
            visit=visit,
            order=i,
            source=line.source,
            requirement=line.requirement,
            reported=line.reported,
            evidence_on_file=line.evidence_on_file,
            assignment=line.assignment,
            submission=line.submission,
        )
        for i, line in enumerate(draft_lines(visit.inspection, visit.unit), start=1)
    ]
    return ChecklistLine.objects.bulk_create(rows)


def add_line(visit: Visit, requirement: str) -> ChecklistLine:
    requirement = requirement.strip()
    if not requirement:
        raise InspectionError("Hãy nhập nội dung cần kiểm tra.")
    last = visit.lines.order_by("-order").values_list("order", flat=True).first() or 0
    return ChecklistLine.objects.create(
        visit=visit, order=last + 1, source=Source.OTHER, requirement=requirement
    )


# --- findings ----------------------------------------------------------------------------------


def _editable(visit: Visit) -> None:
    if visit.state in (VisitState.CONCLUDED, VisitState.CLOSED):
        raise InspectionError("Đã kết luận kiểm tra: không sửa kết quả được nữa.")


def record_finding(
    line: ChecklistLine, user: User | None, finding: str, note: str, evidence: Any = None
) -> ChecklistLine:
    """Save the inspector's finding on a line (an autosave or the whole form)."""
    _editable(line.visit)
    if finding not in {"", *Finding.values}:
        raise InspectionError("Kết quả kiểm tra không hợp lệ.")
    line.finding = finding
    line.note = note.strip()
    fields = ["finding", "note", "updated_by", "updated_at"]
    if evidence is not None:
        line.evidence = evidence
        fields.append("evidence")
    line.updated_by = user
    line.updated_at = timezone.now()
    line.save(update_fields=fields)
    visit = line.visit
    if visit.state == VisitState.PLANNED:
        visit.state = VisitState.VISITED
        visit.save(update_fields=["state"])
    return line


def finding_counts(visit: Visit) -> dict[str, int]:
    """Lines per finding; "open" counts the lines not assessed yet."""
    counts = {value: 0 for value in ["open", *Finding.values]}
    for finding in visit.lines.values_list("finding", flat=True):
        counts[finding or "open"] += 1
    return counts


# --- conclusion and follow-up ------------------------------------------------------------------


@dataclass
class ProposedRecommendation:
    text: str
    due_date: date | None = None


def proposed_recommendations(visit: Visit) -> list[ProposedRecommendation]:
    """One recommendation per line found not done or partly done (the officer edits them)."""
    proposals = []
    for line in visit.lines.filter(finding__in=[Finding.NOT_DONE, Finding.PARTLY]):
        subject = line.requirement.split(" (", 1)[0]
        verb = "Hoàn thành" if line.finding == Finding.NOT_DONE else "Hoàn thiện"
        text = f"{verb}: {subject}"
        if line.note:
            text += f" — {line.note}"
        proposals.append(ProposedRecommendation(text))
    return proposals


@transaction.atomic
def conclude(
    visit: Visit,
    user: User | None,
    conclusion: str,
    recommendations: Sequence[tuple[str, date]],
    today: date | None = None,
) -> Plan | None:
    """Record the conclusion; each recommendation becomes a task of a follow-up plan of the
    inspecting unit, assigned (lead) to the inspected unit with its deadline. Returns the plan."""
    today = today or timezone.localdate()
    _editable(visit)
    if visit.lines.filter(finding="").exists():
        raise InspectionError("Còn nội dung chưa ghi kết quả kiểm tra.")
    if not conclusion.strip():
        raise InspectionError("Hãy nhập kết luận chung.")
    for text, due in recommendations:
        if due < today:
            raise InspectionError(f"Hạn khắc phục “{text[:60]}” đã qua.")
    inspection = visit.inspection
    plan: Plan | None = None
    if recommendations:
        plan = Plan.objects.create(
            unit=inspection.unit,
            kind=PlanKind.CONCLUSION,
            title=(
                f"Thực hiện kết luận {inspection.get_kind_display().lower()} "
                f"“{inspection.title}” tại {visit.unit.name}"
            ),
            issuer_name=inspection.unit.name,
            issued_on=today,
            published_down=False,
            created_by=user,
        )
    for order, (text, due) in enumerate(recommendations, start=1):
        assert plan is not None
        task = Task.objects.create(
            plan=plan, order=order, label=str(order), title=text, start_date=today, end_date=due
        )
        plan_services.set_assignments(task, [visit.unit], [])
        Recommendation.objects.create(
            visit=visit,
            order=order,
            text=text,
            due_date=due,
            assignment=TaskAssignment.objects.get(task=task, unit=visit.unit),
        )
    visit.conclusion = conclusion.strip()
    visit.concluded_on = today
    visit.follow_up_plan = plan
    visit.state = VisitState.CONCLUDED if recommendations else VisitState.CLOSED
    visit.closed_on = None if recommendations else today
    visit.save(update_fields=["conclusion", "concluded_on", "follow_up_plan", "state", "closed_on"])
    return plan


def ready_for_acceptance(recommendation: Recommendation) -> bool:
    """The unit reported the task complete (100 %) with at least one evidence file."""
    assignment = recommendation.assignment
    if assignment is None or assignment.progress < 100:
        return False
    return TaskUpdate.objects.filter(assignment=assignment).exclude(evidence="").exists()


@transaction.atomic
def accept(recommendation: Recommendation, user: User | None, today: date | None = None) -> Visit:
    """Accept the evidence of a recommendation; the follow-up closes when all are accepted."""
    today = today or timezone.localdate()
    if recommendation.accepted_on:
        raise InspectionError("Kiến nghị này đã được chấp nhận.")
    if not ready_for_acceptance(recommendation):
        raise InspectionError(
            "Đơn vị chưa báo cáo hoàn thành (100 %) kèm tệp minh chứng: chưa chấp nhận được."
        )
    recommendation.accepted_on = today
    recommendation.accepted_by = user
    recommendation.save(update_fields=["accepted_on", "accepted_by"])
    visit = recommendation.visit
    if not visit.recommendations.filter(accepted_on__isnull=True).exists():
        visit.state = VisitState.CLOSED
        visit.closed_on = today
        visit.save(update_fields=["state", "closed_on"])
    return visit


def send_back(recommendation: Recommendation, user: User | None, reason: str) -> None:
    """The evidence is not enough: the task goes back to the unit (progress 90 %) with why."""
    if recommendation.accepted_on or recommendation.assignment is None:
        raise InspectionError("Kiến nghị này không còn chờ chấp nhận.")
    if not reason.strip():
        raise InspectionError("Hãy nêu lý do chưa chấp nhận.")
    plan_services.record_update(
        recommendation.assignment, user, 90, f"Đoàn kiểm tra chưa chấp nhận: {reason.strip()}"
    )


# --- the year's plan --------------------------------------------------------------------------


MONTHS = [f"Tháng {m}" for m in range(1, 13)]


def by_month(inspections: Iterable[Inspection]) -> list[tuple[str, list[Inspection]]]:
    """The year's inspections grouped by the month of their planned date (12 months)."""
    months: list[list[Inspection]] = [[] for _ in range(12)]
    for inspection in inspections:
        months[inspection.planned_on.month - 1].append(inspection)
    return list(zip(MONTHS, months, strict=True))
