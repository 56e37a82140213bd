"""Essays: a member submits theirs, the opener's officers set the rubric, the unit's officers
assign graders, graders grade. The text is private to its author, its graders and the officers
of its unit (``services.essays.can_read_essay``)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.models import User
from tuyengiao.accounts.permissions import is_member, is_unit_officer
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped

from ..forms import AssignGradersForm, CriterionForm, EssayForm, GradeForm
from ..models import Essay, EssayGrade, RubricCriterion, RubricLevel, StudyRound
from ..services import StudyError
from ..services.essays import (
    assign_graders,
    can_read_essay,
    grade_distribution,
    grade_essay,
    readable_essays,
    submit_essay,
)
from .common import focus_unit, taker_round, user_round

PRIVATE = "Chỉ người viết, người chấm được phân công và cán bộ của đơn vị được xem bài thu hoạch."


def _list_page(
    request: AuthenticatedHttpRequest,
    study_round: StudyRound,
    form: EssayForm | None = None,
    criterion_form: CriterionForm | None = None,
    status: int = 200,
) -> HttpResponse:
    """The round's essay page; a form posted with errors comes back bound, as it was typed."""
    person = request.user.person
    own = Essay.objects.filter(round=study_round, person=person).first() if person else None
    if form is None:
        form = EssayForm(initial={"text": own.text if own else ""})
    essays = readable_essays(
        request.user,
        scoped(Essay, request.user).filter(round=study_round).select_related("person", "unit"),
    ).order_by("unit__path", "person__name_folded")
    focus = focus_unit(request, study_round)
    member = is_member(request.user)  # a member sees their own essay only, no unit figures
    return render(
        request,
        "study/essay_list.html",
        {
            "round": study_round,
            "own": own,
            "form": form if person else None,
            "essays": essays[:300],
            "distribution": [] if member else grade_distribution(study_round, focus),
            "grades": EssayGrade.choices,
            "rubric": study_round.rubric.prefetch_related("levels"),
            "can_edit_rubric": can(request.user, Action.CHANGE, study_round),
            "criterion_form": criterion_form or CriterionForm(),
            "focus": focus,
        },
        status=status,
    )


@login_required
def essay_list(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """The round's essays (those the user may read, grades by unit); a member submits theirs here."""
    study_round = taker_round(request, round_pk)
    if request.method != "POST":
        return _list_page(request, study_round)
    person = request.user.person
    if person is None:
        raise PermissionDenied("Tài khoản chưa gắn với hồ sơ đảng viên.")
    form = EssayForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            submit_essay(
                study_round, person, form.cleaned_data["text"], form.cleaned_data.get("file")
            )
        except StudyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã nộp bài thu hoạch.")
            return redirect("study:essay_list", round_pk=study_round.pk)
    return _list_page(request, study_round, form=form)


@login_required
@require_POST
def criterion_add(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """A rubric criterion with its levels, added by the round opener's officers."""
    study_round = user_round(request, round_pk)
    require(request.user, Action.CHANGE, study_round)
    form = CriterionForm(request.POST)
    if not form.is_valid():
        return _list_page(request, study_round, criterion_form=form, status=400)
    criterion = RubricCriterion.objects.create(
        round=study_round,
        name=form.cleaned_data["criterion"].strip(),
        order=study_round.rubric.count() + 1,
    )
    RubricLevel.objects.bulk_create(
        [
            RubricLevel(criterion=criterion, label=label, points=points)
            for label, points in form.cleaned_data["parsed_levels"]
        ]
    )
    messages.success(request, "Đã thêm tiêu chí chấm.")
    return redirect("study:essay_list", round_pk=study_round.pk)


def _readable_essay(request: AuthenticatedHttpRequest, essay_pk: int) -> Essay:
    essay = get_for_user(
        Essay.objects.select_related("round", "person", "unit"), request.user, pk=essay_pk
    )
    if not can_read_essay(request.user, essay):
        raise PermissionDenied(PRIVATE)
    return essay


def _grader_candidates(essay: Essay) -> QuerySet[User]:
    """Active accounts of the essay's unit and the units above it, other than the author's."""
    return (
        User.objects.filter(
            Q(unit=essay.unit) | Q(unit__path__in=essay.unit.ancestor_paths()), is_active=True
        )
        .exclude(person=essay.person)
        .order_by("username")
    )


def _detail_page(request: AuthenticatedHttpRequest, essay: Essay, error: str = "") -> HttpResponse:
    unit_officer = is_unit_officer(request.user, essay.unit)
    return render(
        request,
        "study/essay_detail.html",
        {
            "essay": essay,
            "is_grader": essay.graders.filter(pk=request.user.pk).exists(),
            "unit_officer": unit_officer,
            "rubric": essay.round.rubric.prefetch_related("levels"),
            "chosen": set(essay.levels.values_list("pk", flat=True)),
            "candidates": _grader_candidates(essay) if unit_officer else [],
            "assigned": set(essay.graders.values_list("pk", flat=True)),
            "error": error,
        },
    )


@login_required
@require_safe  # its forms post to their own URLs; a stale form posting here must not pass silently
def essay_detail(request: AuthenticatedHttpRequest, essay_pk: int) -> HttpResponse:
    return _detail_page(request, _readable_essay(request, essay_pk))


@login_required
@require_POST
def essay_grade(request: AuthenticatedHttpRequest, essay_pk: int) -> HttpResponse:
    """An assigned grader's levels (one per criterion) and comment."""
    essay = _readable_essay(request, essay_pk)
    form = GradeForm(request.POST)
    comment = form.cleaned_data["comment"] if form.is_valid() else ""
    try:
        grade_essay(essay, request.user, form.level_ids(), comment)
    except StudyError as exc:
        return _detail_page(request, essay, str(exc))
    messages.success(request, "Đã chấm bài.")
    return redirect("study:essay_detail", essay_pk=essay.pk)


@login_required
@require_POST
def essay_assign(request: AuthenticatedHttpRequest, essay_pk: int) -> HttpResponse:
    """The essay unit's officers choose who grades it."""
    essay = _readable_essay(request, essay_pk)
    if not is_unit_officer(request.user, essay.unit):
        raise PermissionDenied("Chỉ cán bộ của đơn vị phân công người chấm.")
    form = AssignGradersForm(request.POST, candidates=_grader_candidates(essay))
    if not form.is_valid():
        return _detail_page(request, essay, " ".join(map(str, form.errors.get("graders", []))))
    try:
        assign_graders(essay, form.cleaned_data["graders"])
    except StudyError as exc:
        return _detail_page(request, essay, str(exc))
    messages.success(request, "Đã phân công người chấm.")
    return redirect("study:essay_detail", essay_pk=essay.pk)


@login_required
def essay_file(request: AuthenticatedHttpRequest, essay_pk: int) -> FileResponse:
    """The attached file, under the same privacy rule as the text (never a public media URL)."""
    essay = _readable_essay(request, essay_pk)
    if not essay.file:
        raise Http404("Bài không có tệp đính kèm.")
    return FileResponse(
        essay.file.open("rb"),
        as_attachment=True,
        filename=(essay.file.name or "").rsplit("/", 1)[-1],
    )
