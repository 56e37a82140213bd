"""Indicators filled from figures the product already has (``Indicator.source``).

A report type's indicator may be bound to a study round's figures (the rate, the members who
attended, the members expected — ``study.services.rates.rate_for_unit`` over the reporting unit's
subtree) or to the tasks of the type's plan by status (the reporting unit's subtree's assignments,
their status derived as on the task pages). The submission form shows these figures pre-filled
where the officer typed nothing yet, and marks an indicator whose typed value differs from the
figure ("đã sửa", with the figure beside it). Submitted values are what the officer sent; the
figures are read again each time the form is shown.

An indicator may also be bound to a survey (``surveys``): the response rate of the reporting
unit's subtree, or the share of its respondents choosing given options of a question — the latter
only where the survey's results show that unit's group under the k rule; otherwise the figure
is left empty with a note and the unit fills the indicator in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from tuyengiao.formats.numbers import number

from ..models import (
    ACTIVITY_SOURCES,
    STUDY_SOURCES,
    SURVEY_SOURCES,
    DataSource,
    Indicator,
    Submission,
)
from .values import parse_number

PLAN_STATUS = {
    DataSource.PLAN_DONE: "done",
    DataSource.PLAN_IN_PROGRESS: "in_progress",
    DataSource.PLAN_NOT_STARTED: "not_started",
    DataSource.PLAN_OVERDUE: "overdue",
}


@dataclass(frozen=True)
class Figure:
    value: float | None
    text: str  # as the form shows it: "43,41", "12"
    origin: str  # where it comes from, for the officer ("Đợt học tập …", "Kế hoạch …")
    note: str = ""  # why there is no figure, shown instead (the unit fills the indicator in)


def _plan_counts(submission: Submission) -> dict[str, int]:
    from tuyengiao.plans.models import TaskAssignment

    plan = submission.period.report_type.plan
    if plan is None:
        return {}
    today = timezone.localdate()
    counts = {"total": 0, **dict.fromkeys(PLAN_STATUS.values(), 0)}
    assignments = TaskAssignment.objects.filter(
        task__plan=plan, unit__path__startswith=submission.unit.path
    ).select_related("task")
    for a in assignments:
        counts["total"] += 1
        counts[str(a.status(today).value)] += 1
    return counts


def figures(submission: Submission, indicators: list[Indicator]) -> dict[int, Figure]:
    """The product's figure for each bound indicator of ``indicators`` (a few queries: one per
    study round used, one for the plan's assignments, one per activity kind used)."""
    from tuyengiao.activities.services.rollups import totals
    from tuyengiao.study.services.rates import rate_for_unit

    out: dict[int, Figure] = {}
    rounds: dict[int, dict[str, Any]] = {}
    plan_counts: dict[str, int] | None = None
    value: float | None
    period = submission.period
    activity_totals: dict[int | None, Any] = {}
    for ind in indicators:
        if not ind.source:
            continue
        if ind.source in SURVEY_SOURCES:
            figure = _survey_figure(submission, ind)
            if figure is not None:
                out[ind.pk] = figure
            continue
        if ind.source in ACTIVITY_SOURCES:
            kind = ind.source_activity_kind
            kind_key = kind.pk if kind is not None else None
            if kind_key not in activity_totals:
                activity_totals[kind_key] = totals(submission.unit, period.start, period.end, kind)
            t = activity_totals[kind_key]
            value = float(t.count if ind.source == DataSource.ACTIVITY_COUNT else t.reached)
            origin = "Sổ hoạt động tuyên truyền" + (f" — {kind.name}" if kind else "")
        elif ind.source in STUDY_SOURCES:
            study_round = ind.source_round
            if study_round is None:
                continue
            if study_round.pk not in rounds:
                rounds[study_round.pk] = rate_for_unit(study_round, submission.unit)
            r = rounds[study_round.pk]
            value = {
                DataSource.STUDY_RATE: float(r["rate"]) if r["rate"] is not None else None,
                DataSource.STUDY_ATTENDED: float(r["attended"]),
                DataSource.STUDY_EXPECTED: float(r["eligible"] - r["exempted"]),
            }[DataSource(ind.source)]
            origin = f"Đợt học tập “{study_round.title}”"
        else:
            if plan_counts is None:
                plan_counts = _plan_counts(submission)
            if not plan_counts:
                continue
            key = (
                "total"
                if ind.source == DataSource.PLAN_TOTAL
                else PLAN_STATUS[DataSource(ind.source)]
            )
            value = float(plan_counts[key])
            plan = submission.period.report_type.plan
            origin = f"Kế hoạch {plan.display_number if plan else ''}".strip()
        out[ind.pk] = Figure(value, "" if value is None else number(value, 2), origin)
    return out


def _survey_figure(submission: Submission, ind: Indicator) -> Figure | None:
    """A survey's figure for the reporting unit's subtree: its response rate (participation,
    not the answers), or the share choosing the bound options — only where the survey's results
    show that unit's group (≥ k answers, not merged by the k rule); else a note, no figure."""
    from tuyengiao.surveys.services.results import response_rates, share_of

    survey = ind.source_survey
    if survey is None:
        return None
    unit = submission.unit
    origin = f"Khảo sát “{survey.title}”"
    if ind.source == DataSource.SURVEY_RATE:
        total, _rows = response_rates(survey, unit)
        if not total.asked:
            return Figure(None, "", origin, f"{origin} không hỏi đơn vị này: đơn vị tự điền.")
        value = float(total.rate) if total.rate is not None else None
        return Figure(value, "" if value is None else number(value, 2), origin)
    question = ind.source_question
    if question is None or question.survey_id != survey.pk:
        return None
    share = share_of(survey, question, ind.survey_option_indexes(), unit)
    if share is None:
        return Figure(
            None,
            "",
            origin,
            f"{origin}: kết quả của đơn vị chưa được hiển thị (dưới {survey.k} phiếu, hoặc "
            "gộp với đơn vị khác theo quy tắc ẩn danh) — đơn vị tự điền chỉ tiêu này.",
        )
    value = float(share)
    return Figure(value, number(value, 2), f"{origin} — {question.text}")


def differs(typed: str, figure: Figure) -> bool:
    """Whether what the officer typed is not the product's figure (compared as numbers)."""
    if not typed.strip():
        return False
    if figure.value is None:
        return True
    try:
        return abs(parse_number(typed) - figure.value) > 1e-6
    except ValueError:
        return True
