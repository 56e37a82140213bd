"""Building a survey: from a blank form, a built-in template or a copy of last year's; adding
sections and questions; opening (the audience is listed then) and closing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.db.models import Max, Q

from tuyengiao.orgs.models import Person, Unit

from ..models import (
    CHOICE_KINDS,
    AudienceKind,
    Participation,
    Question,
    QuestionKind,
    Section,
    Survey,
    SurveyStatus,
)
from ..tasks import survey_opened
from . import SurveyError

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


@dataclass(frozen=True)
class TemplateQuestion:
    kind: str
    text: str
    options: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()
    required: bool = False


@dataclass(frozen=True)
class Template:
    key: str
    title: str
    purpose: str
    questions: tuple[TemplateQuestion, ...] = field(default_factory=tuple)


UNDERSTANDING = ("Rất tốt", "Tốt", "Trung bình", "Chưa tốt")

TEMPLATES: dict[str, Template] = {
    t.key: t
    for t in (
        Template(
            key="nam-bat-nghi-quyet",
            title="Mức độ nắm bắt Nghị quyết sau học tập",
            purpose=(
                "Đơn vị muốn biết đảng viên nắm bắt nội dung Nghị quyết đến đâu sau đợt học tập, "
                "để bổ sung tài liệu và cách tổ chức lần sau. Phiếu không ghi tên; kết quả chỉ "
                "tổng hợp theo nhóm từ 5 người trở lên."
            ),
            questions=(
                TemplateQuestion(
                    QuestionKind.SINGLE,
                    "Đồng chí tự đánh giá mức độ nắm bắt nội dung cốt lõi của Nghị quyết",
                    UNDERSTANDING,
                    required=True,
                ),
                TemplateQuestion(
                    QuestionKind.MATRIX,
                    "Mức độ nắm bắt từng nội dung",
                    UNDERSTANDING,
                    rows=("Quan điểm chỉ đạo", "Mục tiêu, chỉ tiêu", "Nhiệm vụ, giải pháp"),
                ),
                TemplateQuestion(
                    QuestionKind.SCALE, "Tài liệu học tập dễ hiểu (1 = rất khó, 5 = rất dễ)"
                ),
                TemplateQuestion(
                    QuestionKind.MULTIPLE,
                    "Hình thức giúp đồng chí hiểu rõ hơn",
                    ("Hội nghị trực tiếp", "Tài liệu hỏi – đáp", "Video ngắn", "Thảo luận tổ"),
                ),
                TemplateQuestion(QuestionKind.LONG, "Kiến nghị, đề xuất của đồng chí"),
            ),
        ),
        Template(
            key="danh-gia-sinh-hoat",
            title="Đánh giá buổi sinh hoạt chuyên đề",
            purpose=(
                "Ý kiến của đồng chí giúp chi bộ tổ chức sinh hoạt chuyên đề thiết thực hơn. "
                "Phiếu không ghi tên."
            ),
            questions=(
                TemplateQuestion(
                    QuestionKind.SCALE,
                    "Nội dung chuyên đề thiết thực (1 = rất ít, 5 = rất nhiều)",
                    required=True,
                ),
                TemplateQuestion(
                    QuestionKind.YES_NO, "Thời lượng buổi sinh hoạt có phù hợp không?"
                ),
                TemplateQuestion(
                    QuestionKind.RANKING,
                    "Xếp thứ tự các chủ đề đồng chí muốn sinh hoạt tiếp theo",
                    (
                        "Chuyển đổi số",
                        "Đạo đức công vụ",
                        "Công tác dân vận",
                        "Phòng chống tham nhũng",
                    ),
                ),
                TemplateQuestion(QuestionKind.SHORT, "Một điều nên thay đổi ở lần sau"),
            ),
        ),
    )
}


def create_survey(
    unit: Unit,
    user: User | None,
    *,
    title: str,
    closes_on: date,
    purpose: str = "",
    template_key: str = "",
    k_threshold: int = 5,
    audience: str = AudienceKind.MEMBERS,
) -> Survey:
    template = TEMPLATES.get(template_key) if template_key else None
    with transaction.atomic():
        survey = Survey.objects.create(
            unit=unit,
            title=title or (template.title if template else ""),
            purpose=purpose or (template.purpose if template else ""),
            year=closes_on.year,
            closes_on=closes_on,
            k_threshold=max(5, k_threshold),
            audience=audience,
            created_by=user,
        )
        if template is not None:
            for n, q in enumerate(template.questions, start=1):
                Question.objects.create(
                    survey=survey,
                    order=n,
                    kind=q.kind,
                    text=q.text,
                    options=list(q.options),
                    rows=list(q.rows),
                    required=q.required,
                )
    return survey


def _next_order(survey: Survey) -> int:
    top = survey.questions.aggregate(m=Max("order"))["m"]
    return (top or 0) + 1


def require_draft(survey: Survey) -> None:
    if survey.status != SurveyStatus.DRAFT:
        raise SurveyError(
            "Khảo sát đã mở: không sửa câu hỏi được nữa (câu trả lời đã có sẽ không còn khớp). "
            "Hãy sao chép thành khảo sát mới."
        )


def check_question(kind: str, options: list[str], rows: list[str]) -> None:
    if kind in CHOICE_KINDS and len(options) < 2:
        raise SurveyError(
            "Câu hỏi lựa chọn hoặc xếp thứ tự cần ít nhất 2 lựa chọn (mỗi dòng một lựa chọn)."
        )
    if kind == QuestionKind.MATRIX and (len(options) < 2 or not rows):
        raise SurveyError("Câu hỏi dạng bảng cần ít nhất một dòng và hai cột lựa chọn.")


def add_question(
    survey: Survey,
    *,
    kind: str,
    text: str,
    options: list[str] | None = None,
    rows: list[str] | None = None,
    required: bool = False,
    section: Section | None = None,
    show_if: Question | None = None,
    show_if_option: int | None = None,
) -> Question:
    require_draft(survey)
    options, rows = options or [], rows or []
    check_question(kind, options, rows)
    return Question.objects.create(
        survey=survey,
        order=_next_order(survey),
        kind=kind,
        text=text,
        options=options if kind in CHOICE_KINDS | {QuestionKind.MATRIX} else [],
        rows=rows if kind == QuestionKind.MATRIX else [],
        required=required,
        section=section,
        show_if=show_if,
        show_if_option=show_if_option if show_if is not None else None,
    )


def update_question(question: Question, **values: Any) -> Question:
    require_draft(question.survey)
    check_question(
        values.get("kind", question.kind),
        values.get("options", question.options),
        values.get("rows", question.rows),
    )
    for name, value in values.items():
        setattr(question, name, value)
    question.save()
    return question


def delete_question(question: Question) -> None:
    require_draft(question.survey)
    question.delete()


def add_section(survey: Survey, title: str, description: str = "") -> Section:
    require_draft(survey)
    top = survey.sections.aggregate(m=Max("order"))["m"] or 0
    return Section.objects.create(
        survey=survey, order=top + 1, title=title, description=description
    )


def copy_survey(survey: Survey, user: User | None, unit: Unit | None = None) -> Survey:
    """A new draft with the same questions, a year later ("sao chép khảo sát năm trước")."""
    with transaction.atomic():
        try:
            closes_on = survey.closes_on.replace(year=survey.closes_on.year + 1)
        except ValueError:  # 29/2
            closes_on = survey.closes_on.replace(year=survey.closes_on.year + 1, day=28)
        copy = Survey.objects.create(
            unit=unit or survey.unit,
            title=survey.title,
            purpose=survey.purpose,
            year=closes_on.year,
            closes_on=closes_on,
            k_threshold=survey.k_threshold,
            audience=survey.audience,
            created_by=user,
        )
        copy.audience_units.set(survey.audience_units.all())
        copy.audience_roles.set(survey.audience_roles.all())
        sections = {}
        for s in survey.sections.all():
            sections[s.pk] = Section.objects.create(
                survey=copy, order=s.order, title=s.title, description=s.description
            )
        questions: dict[int, Question] = {}
        for q in survey.questions.order_by("order", "id"):
            questions[q.pk] = Question.objects.create(
                survey=copy,
                section=sections.get(q.section_id) if q.section_id else None,
                order=q.order,
                kind=q.kind,
                text=q.text,
                required=q.required,
                options=q.options,
                rows=q.rows,
                show_if=questions.get(q.show_if_id) if q.show_if_id else None,
                show_if_option=q.show_if_option,
            )
    return copy


def audience_people(survey: Survey) -> Any:
    """The people a member survey asks: active party members of the chosen units and every unit
    below them, with one of the chosen roles when roles are chosen."""
    units = list(survey.audience_units.all())
    if not units:
        return Person.objects.none()
    condition = Q()
    for unit in units:
        condition |= Q(unit__path__startswith=unit.path)
    people = Person.objects.filter(condition, active=True, is_party_member=True)
    roles = list(survey.audience_roles.all())
    if roles:
        people = people.filter(roles__in=roles)
    return people.distinct()


def open_survey(survey: Survey, today: date) -> int:
    """Open the survey: for members, list the audience now (one row each, in the list's order —
    nothing about when they will answer). Refused when fewer than k would be asked."""
    if survey.status != SurveyStatus.DRAFT:
        raise SurveyError("Khảo sát này đã được mở trước đó.")
    if not survey.questions.exists():
        raise SurveyError("Khảo sát chưa có câu hỏi nào.")
    if survey.closes_on < today:
        raise SurveyError("Hạn trả lời đã qua: hãy sửa hạn trả lời trước khi mở.")
    with transaction.atomic():
        count = 0
        if survey.audience == AudienceKind.MEMBERS:
            people = list(
                audience_people(survey)
                .select_related("unit")
                .order_by("unit__path", "name_folded", "pk")
            )
            if len(people) < survey.k:
                raise SurveyError(
                    f"Đối tượng được hỏi chỉ có {len(people)} người, ít hơn ngưỡng ẩn danh "
                    f"k = {survey.k}: không thể bảo đảm ẩn danh. Hãy chọn thêm đơn vị."
                )
            Participation.objects.bulk_create(
                [
                    Participation(survey=survey, person=p, unit=p.unit, unit_path=p.unit.path)
                    for p in people
                ]
            )
            count = len(people)
        survey.status = SurveyStatus.OPEN
        survey.save(update_fields=["status"])
        survey_opened(survey)
    return count


def close_survey(survey: Survey) -> None:
    from .responding import flush

    if survey.status == SurveyStatus.CLOSED:
        return
    with transaction.atomic():
        survey.status = SurveyStatus.CLOSED
        survey.save(update_fields=["status"])
        flush(survey, everything=True)
        # The tokens not used are void: nobody can answer any more.
        Participation.objects.filter(survey=survey, answered=False).update(token="")


def close_if_due(survey: Survey, today: date) -> bool:
    if survey.status == SurveyStatus.OPEN and survey.closes_on < today:
        close_survey(survey)
        return True
    return False
