"""Essays (bài thu hoạch): submission, who may read them, graders, rubric grading, the roll-up."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from tuyengiao.accounts.permissions import is_officer, is_unit_officer
from tuyengiao.orgs.models import Person, Unit

from ..models import (
    Eligibility,
    Essay,
    EssayGrade,
    RubricLevel,
    StudyRound,
)
from . import StudyError


def submit_essay(
    study_round: StudyRound, person: Person, text: str = "", file: Any = None
) -> Essay:
    if not (text or "").strip() and not file:
        raise StudyError("Hãy nhập nội dung hoặc đính kèm tệp bài thu hoạch.")
    eligibility = Eligibility.objects.filter(round=study_round, person=person).first()
    if eligibility is None:
        raise StudyError("Đồng chí không có trong danh sách của đợt học tập này.")
    essay, _ = Essay.objects.get_or_create(
        round=study_round, person=person, defaults={"unit_id": eligibility.unit_id}
    )
    if essay.graded_at is not None:
        raise StudyError("Bài đã được chấm, không sửa được nữa.")
    essay.text = text or essay.text
    if file:
        essay.file = file
    essay.save()
    return essay


def can_read_essay(user: Any, essay: Essay) -> bool:
    """The essay's text: only its author, its assigned graders and the officers of its own unit."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "person_id", None) == essay.person_id:
        return True
    if essay.graders.filter(pk=user.pk).exists():
        return True
    return is_unit_officer(user, essay.unit)


def readable_essays(user: Any, qs: QuerySet[Essay]) -> QuerySet[Essay]:
    """Filter essays to those whose text ``user`` may read (same rule as ``can_read_essay``)."""
    condition = Q(graders=user)
    if getattr(user, "person_id", None):
        condition |= Q(person_id=user.person_id)
    if getattr(user, "unit_id", None) and is_officer(user):
        condition |= Q(unit_id=user.unit_id)
    return qs.filter(condition).distinct()


def assign_graders(essay: Essay, graders: Iterable[Any]) -> None:
    chosen = list(graders)
    for grader in chosen:
        unit = getattr(grader, "unit", None)
        if unit is None or (not unit.contains(essay.unit) and not essay.unit.contains(unit)):
            raise StudyError(f"{grader} không thuộc đơn vị của bài thu hoạch.")
    essay.graders.set(chosen)


def grade_for_ratio(points: int, maximum: int) -> str:
    ratio = Decimal(points) / maximum if maximum else Decimal(0)
    if ratio >= Decimal("0.9"):
        return EssayGrade.EXCELLENT
    if ratio >= Decimal("0.75"):
        return EssayGrade.GOOD
    if ratio >= Decimal("0.5"):
        return EssayGrade.PASS
    return EssayGrade.FAIL


@transaction.atomic
def grade_essay(essay: Essay, grader: Any, level_ids: Iterable[int], comment: str) -> Essay:
    """A grader picks one level per rubric criterion; points add up, the grade follows the share."""
    if not essay.graders.filter(pk=grader.pk).exists():
        raise StudyError("Đồng chí không được phân công chấm bài này.")
    criteria = list(essay.round.rubric.prefetch_related("levels"))
    levels = list(
        RubricLevel.objects.filter(pk__in=list(level_ids), criterion__round=essay.round_id)
    )
    by_criterion = {lv.criterion_id: lv for lv in levels}
    missing = [c.name for c in criteria if c.pk not in by_criterion]
    if missing or len(levels) != len(by_criterion):
        raise StudyError("Hãy chọn đúng một mức cho mỗi tiêu chí: " + ", ".join(missing))
    maximum = sum(max((lv.points for lv in c.levels.all()), default=0) for c in criteria)
    essay.points = sum(lv.points for lv in levels)
    essay.grade = grade_for_ratio(essay.points, maximum)
    essay.comment = comment.strip()
    essay.graded_by = grader
    essay.graded_at = timezone.now()
    essay.save()
    essay.levels.set(levels)
    return essay


def grade_distribution(study_round: StudyRound, parent_unit: Unit) -> list[dict[str, Any]]:
    """Per child of ``parent_unit``: submitted essays and counts per grade (2 queries)."""
    prefix_len = (parent_unit.depth + 1) * Unit.steplen
    rows: dict[str, dict[str, Any]] = {}
    for prefix, grade, n in (
        Essay.objects.filter(round=study_round, unit__path__startswith=parent_unit.path)
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix", "grade")
        .annotate(n=Count("id"))
        .values_list("prefix", "grade", "n")
    ):
        row = rows.setdefault(
            prefix, {"submitted": 0, **{g: 0 for g in EssayGrade.values}, "ungraded": 0}
        )
        row["submitted"] += n
        row[grade or "ungraded"] += n
    units = {u.path: u for u in Unit.objects.filter(path__in=list(rows))}
    return [{"unit": units[p], **rows[p]} for p in sorted(rows) if p in units]
