"""The round's comprehension test: settings and question bank (the opener's officers), results
and the most-missed questions, a member's online attempt, scores of paper tests."""

from __future__ import annotations

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST, require_safe

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, scoped
from tuyengiao.core.listing import paginate

from ..forms import AnswersForm, ExportForm, PaperScoresForm, QuestionForm, TestForm
from ..models import Eligibility, StudyRound, StudyTest, TestAttempt
from ..services import StudyError
from ..services.quizzes import (
    choices_in_order,
    enter_paper_score,
    question_form_initial,
    question_stats,
    save_question,
    start_attempt,
    submit_attempt,
    test_results,
)
from . import exports
from .common import focus_unit, taker_round, user_round


def _test_of(study_round: StudyRound) -> StudyTest:
    test = StudyTest.objects.filter(round=study_round).first()
    if test is None:
        raise Http404("Đợt học tập chưa có bài kiểm tra.")
    return test


def _editable_round(request: AuthenticatedHttpRequest, round_pk: int) -> StudyRound:
    """The round whose test the user edits: seen by the units below, edited by its opener only."""
    study_round = user_round(request, round_pk)
    if not can(request.user, Action.CHANGE, study_round):
        raise PermissionDenied("Chỉ đơn vị mở đợt mới sửa được bài kiểm tra.")
    return study_round


def _manage_page(
    request: AuthenticatedHttpRequest,
    study_round: StudyRound,
    test_form: TestForm | None = None,
    question_form: QuestionForm | None = None,
) -> HttpResponse:
    """The test page; a form posted with errors comes back bound, as it was typed."""
    test = StudyTest.objects.filter(round=study_round).first()
    focus = focus_unit(request, study_round)
    results = test_results(test, focus) if test else []
    if test and ExportForm(request.GET).wants_xlsx():
        return exports.results_xlsx(focus, results)
    return render(
        request,
        "study/test_manage.html",
        {
            "round": study_round,
            "test": test,
            "test_form": test_form
            or TestForm(
                instance=test, initial={"title": f"Kiểm tra nhận thức — {study_round.title}"}
            ),
            "question_form": question_form or QuestionForm(),
            "questions": study_round.questions.prefetch_related("choices"),
            "results": results,
            "stats": question_stats(test, focus)[:10] if test else [],
            "focus": focus,
            "can_edit": can(request.user, Action.CHANGE, study_round),
        },
    )


@login_required
@require_safe  # its forms post to their own URLs; a stale form posting here must not pass silently
def test_manage(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    return _manage_page(request, user_round(request, round_pk))


@login_required
@require_POST
def test_save(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """Create the round's test or change its settings."""
    study_round = _editable_round(request, round_pk)
    form = TestForm(request.POST, instance=StudyTest.objects.filter(round=study_round).first())
    if not form.is_valid():
        return _manage_page(request, study_round, test_form=form)
    saved = form.save(commit=False)
    saved.round = study_round
    saved.save()
    messages.success(request, "Đã lưu bài kiểm tra.")
    return redirect("study:test_manage", round_pk=study_round.pk)


@login_required
@require_POST
def question_add(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    study_round = _editable_round(request, round_pk)
    form = QuestionForm(request.POST)
    if not form.is_valid():
        return _manage_page(request, study_round, question_form=form)
    save_question(study_round, form.cleaned_data)
    messages.success(request, "Đã thêm câu hỏi.")
    return redirect("study:test_manage", round_pk=study_round.pk)


@login_required
@require_POST
def question_delete(
    request: AuthenticatedHttpRequest, round_pk: int, question_pk: int
) -> HttpResponse:
    study_round = _editable_round(request, round_pk)
    question = study_round.questions.filter(pk=question_pk).first()
    if question is None:
        raise Http404("Không tìm thấy câu hỏi.")
    if question.answers.exists():
        messages.error(request, "Câu hỏi đã có người trả lời, không xóa được.")
    else:
        question.delete()
        messages.success(request, "Đã xóa câu hỏi.")
    return redirect("study:test_manage", round_pk=study_round.pk)


@login_required
def question_edit(
    request: AuthenticatedHttpRequest, round_pk: int, question_pk: int
) -> HttpResponse:
    """Change a question of the bank; one already answered keeps its answer key (the service
    says so and the officer's input stays in the form)."""
    study_round = user_round(request, round_pk, Action.CHANGE)
    question = get_object_or_404(study_round.questions, pk=question_pk)
    answered = question.answers.exists()
    form = QuestionForm(request.POST or None, initial=question_form_initial(question))
    if request.method == "POST" and form.is_valid():
        try:
            save_question(study_round, form.cleaned_data, question)
        except StudyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu câu hỏi.")
            return redirect("study:test_manage", round_pk=study_round.pk)
    return render(
        request,
        "study/question_edit.html",
        {"round": study_round, "question": question, "form": form, "answered": answered},
        status=400 if request.method == "POST" else 200,
    )


@login_required
@require_POST
def test_start(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """A member starts (or resumes) their online attempt; the question order is drawn here."""
    study_round = taker_round(request, round_pk)
    test = _test_of(study_round)
    person = request.user.person
    if person is None:
        messages.error(request, "Tài khoản chưa gắn với hồ sơ đảng viên nên không làm bài được.")
        return redirect("study:round_detail", round_pk=study_round.pk)
    try:
        start_attempt(test, person)
    except StudyError as exc:
        messages.error(request, str(exc))
    return redirect("study:test_take", round_pk=study_round.pk)


@login_required
def test_take(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """The attempt: the start button, then the questions (submitted here), then the result."""
    study_round = taker_round(request, round_pk)
    test = _test_of(study_round)
    person = request.user.person
    if person is None:
        messages.error(request, "Tài khoản chưa gắn với hồ sơ đảng viên nên không làm bài được.")
        return redirect("study:round_detail", round_pk=study_round.pk)
    attempt = TestAttempt.objects.filter(test=test, person=person).first()
    error = ""
    if request.method == "POST":
        if attempt is None:
            error = "Đồng chí chưa bắt đầu làm bài: hãy bấm “Bắt đầu làm bài”."
        else:
            form = AnswersForm(request.POST, question_ids=attempt.question_order)
            try:
                submit_attempt(attempt, form.answers())
                return redirect("study:test_take", round_pk=study_round.pk)
            except StudyError as exc:
                error = str(exc)
    questions = []
    deadline = None
    review: dict[int, bool] = {}
    if attempt is not None:
        by_id = {q.pk: q for q in study_round.questions.prefetch_related("choices")}
        questions = [by_id[q] for q in attempt.question_order if q in by_id]
        for q in questions:  # each question's choices in this attempt's order
            q.ordered_choices = choices_in_order(attempt, q)  # type: ignore[attr-defined]
        deadline = attempt.started_at + timedelta(minutes=test.time_limit_minutes)
        review = dict(attempt.answers.values_list("question_id", "correct"))
    return render(
        request,
        "study/test_take.html",
        {
            "round": study_round,
            "test": test,
            "attempt": attempt,
            "questions": questions,
            "deadline": deadline,
            "review": review,
            "error": error,
            "seconds_left": max(0, int((deadline - timezone.now()).total_seconds()))
            if deadline
            else 0,
        },
    )


@login_required
def test_paper(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    """An officer enters scores of paper tests for the members of their unit's subtree."""
    study_round = user_round(request, round_pk)
    test = _test_of(study_round)
    entries = (
        scoped(Eligibility, request.user, Action.CHANGE)
        .filter(round=study_round)
        .select_related("person", "unit")
        .order_by("unit__path", "person__name_folded")
    )
    form = PaperScoresForm(request.POST or None)
    errors: dict[int, str] = {}
    if request.method == "POST":
        scores = form.scores()
        saved = 0
        for entry in entries.filter(pk__in=list(scores)):
            score = scores[entry.pk]
            if score is None:
                errors[entry.pk] = "Điểm không hợp lệ."
                continue
            try:
                enter_paper_score(test, entry.person, score)
                saved += 1
            except StudyError as exc:
                errors[entry.pk] = str(exc)
        if not errors:
            messages.success(request, f"Đã lưu điểm của {saved} người.")
            return redirect(request.get_full_path())
    typed = form.typed()
    scored = dict(TestAttempt.objects.filter(test=test).values_list("person_id", "score"))
    context = paginate(request, entries, per_page=100)
    rows = [
        {
            "entry": e,
            "typed": typed.get(e.pk, ""),
            "score": scored.get(e.person_id),
            "error": errors.get(e.pk, ""),
        }
        for e in context["object_list"]
    ]
    return render(
        request,
        "study/test_paper.html",
        {"round": study_round, "test": test, "rows": rows, **context},
    )
