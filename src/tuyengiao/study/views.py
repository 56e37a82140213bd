"""Views of the study app. Every object is reached through ``tuyengiao.accounts.scoping``."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from tuyengiao.accounts.models import User
from tuyengiao.accounts.permissions import drilldown_unit, is_unit_officer
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core import jobs
from tuyengiao.core.listing import paginate
from tuyengiao.core.models import Job
from tuyengiao.core.spreadsheets import XLSX_MIME, TableError
from tuyengiao.core.text import fold
from tuyengiao.core.views import job_page
from tuyengiao.orgs.models import Person, Unit

from . import exports
from .charts import rate_chart
from .forms import (
    CheckinForm,
    EssayForm,
    ImportForm,
    QuestionForm,
    RoundForm,
    SessionForm,
    TestForm,
)
from .models import (
    Attendance,
    Eligibility,
    Essay,
    EssayGrade,
    ExemptionCategory,
    RubricCriterion,
    RubricLevel,
    StudyRound,
    StudySession,
    StudyTest,
    TestAttempt,
)
from .services import StudyError, attendance, essays, quizzes, rates, rounds
from .tasks import SIGNIN_IMPORT, import_signin_sheet_task


def _unit(request: HttpRequest) -> Unit | None:
    return getattr(request.user, "unit", None)


def _person(request: HttpRequest) -> Person | None:
    return getattr(request.user, "person", None)


def _file(data: bytes, filename: str, mime: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _round(request: HttpRequest, round_pk: int, action: Action = Action.VIEW) -> StudyRound:
    return get_for_user(
        StudyRound.objects.select_related("unit"), request.user, action, pk=round_pk
    )


def _session(request: HttpRequest, session_pk: int, action: Action = Action.VIEW) -> StudySession:
    return get_for_user(
        StudySession.objects.select_related("round", "round__unit", "unit", "presenter"),
        request.user,
        action,
        pk=session_pk,
    )


def _focus_unit(request: HttpRequest, study_round: StudyRound) -> Unit:
    """The unit whose children the rate table shows: ?don-vi=<pk> within the round and the user's reach."""
    return drilldown_unit(request.user, study_round.unit, request.GET.get("don-vi"))


# --- rounds ----------------------------------------------------------------------------------------


@login_required
def round_list(request: HttpRequest) -> HttpResponse:
    qs = scoped(StudyRound, request.user).select_related("unit").order_by("-starts_on", "-id")
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(document_title__icontains=q))
    unit = _unit(request)
    return render(
        request,
        "study/round_list.html",
        {
            "q": q,
            "can_open": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def round_create(request: HttpRequest) -> HttpResponse:
    unit = _unit(request)
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể mở đợt học tập.")
        return redirect("study:round_list")
    require(request.user, Action.CHANGE, unit)
    units = Unit.objects.filter(
        path__startswith=unit.path, depth__gt=unit.depth, depth__lte=unit.depth + 2
    ).order_by("path")
    from tuyengiao.documents.models import Document

    form = RoundForm(
        request.POST or None,
        units=units,
        documents=scoped(Document, request.user).order_by("-id"),
        initial={"covered_units": units.filter(depth=unit.depth + 1)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            study_round = rounds.open_round(
                unit=unit,
                title=data["title"],
                document_title=data["document_title"],
                document=data.get("document"),
                number=data["number"],
                target_rate=data["target_rate"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                covered_units=data["covered_units"],
                user=request.user,  # type: ignore[arg-type]
            )
        except StudyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Đã mở đợt học tập; danh sách có {study_round.eligibilities.count()} đảng viên.",
            )
            return redirect("study:round_detail", round_pk=study_round.pk)
    return render(request, "study/round_form.html", {"form": form})


@login_required
def round_detail(request: HttpRequest, round_pk: int) -> HttpResponse:
    study_round = _round(request, round_pk)
    focus = _focus_unit(request, study_round)
    rows = rates.round_rates(study_round, focus)
    total = rates.rate_for_unit(study_round, focus)
    if request.GET.get("export") == "xlsx":
        return _file(
            exports.rates_xlsx(study_round, focus, rows),
            f"ty-le-hoc-tap-{focus.code}.xlsx",
            XLSX_MIME,
        )
    trail = [u for u in focus.ancestors(include_self=True) if study_round.unit.contains(u)]
    sessions = (
        scoped(StudySession, request.user)
        .filter(round=study_round)
        .select_related("unit", "presenter")[:100]
    )
    person = _person(request)
    mine: dict[str, Any] = {}
    if person is not None:
        mine["listed"] = Eligibility.objects.filter(round=study_round, person=person).first()
        mine["attended"] = (
            Attendance.objects.filter(round=study_round, person=person)
            .select_related("session")
            .first()
        )
        test = StudyTest.objects.filter(round=study_round).first()
        mine["test"] = test
        mine["attempt"] = (
            TestAttempt.objects.filter(test=test, person=person).first() if test else None
        )
        mine["essay"] = Essay.objects.filter(round=study_round, person=person).first()
    return render(
        request,
        "study/round_detail.html",
        {
            "round": study_round,
            "focus": focus,
            "trail": trail,
            "rows": rows,
            "total": total,
            "below": sum(r.below_target for r in rows),
            "chart": rate_chart(rows, study_round.target_rate),
            "sessions": sessions,
            "mine": mine,
            "can_change_focus": can(request.user, Action.CHANGE, focus),
            "can_manage_round": can(request.user, Action.CHANGE, study_round.unit),
            "own_unit": _unit(request),
        },
    )


@login_required
def round_report(request: HttpRequest, round_pk: int) -> HttpResponse:
    study_round = _round(request, round_pk)
    focus = _focus_unit(request, study_round)
    rows = rates.round_rates(study_round, focus)
    data = exports.summary_docx(study_round, focus, rows, on=timezone.localdate())
    return _file(data, f"bao-cao-hoc-tap-{focus.code}.docx", exports.DOCX_MIME)


@login_required
def member_list(request: HttpRequest, round_pk: int) -> HttpResponse:
    """The round's list for the user's subtree, with exemption categories (officers may change them)."""
    study_round = _round(request, round_pk)
    qs = (
        scoped(Eligibility, request.user)
        .filter(round=study_round)
        .select_related("person", "unit")
        .order_by("unit__path", "person__name_folded")
    )
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(person__name_folded__contains=fold(q))
    attended = set(Attendance.objects.filter(round=study_round).values_list("person_id", flat=True))
    if request.method == "POST" and "refresh" in request.POST:
        unit = _unit(request)
        if unit is None:
            raise PermissionDenied("Tài khoản chưa gắn với đơn vị.")
        require(request.user, Action.CHANGE, unit)
        added = rounds.snapshot_members(study_round, within=unit)
        messages.success(request, f"Đã bổ sung {added} đảng viên mới vào danh sách.")
        return redirect(request.get_full_path())
    if request.method == "POST":
        changed = 0
        editable = (
            scoped(Eligibility, request.user, Action.CHANGE)
            .filter(round=study_round)
            .select_related("person")
        )
        for key in request.POST:
            value = request.POST.get(key, "")
            if not key.startswith("ex_") or not key[3:].isdigit():
                continue
            entry = editable.filter(pk=int(key[3:])).first()
            if entry is None:
                raise PermissionDenied("Không có quyền sửa danh sách của đơn vị này.")
            if entry.exemption != value:
                try:
                    rounds.set_exemption(study_round, entry.person, value)
                except StudyError as exc:
                    messages.error(request, str(exc))
                    break
                changed += 1
        else:
            messages.success(request, f"Đã lưu {changed} thay đổi.")
        return redirect(request.get_full_path())
    context = paginate(request, qs, per_page=100)
    return render(
        request,
        "study/member_list.html",
        {
            "round": study_round,
            "q": q,
            "attended": attended,
            "categories": ExemptionCategory.choices,
            "can_edit": _unit(request) is not None
            and can(request.user, Action.CHANGE, _unit(request)),  # type: ignore[arg-type]
            **context,
        },
    )


# --- sessions and attendance -----------------------------------------------------------------------


def _presenters(unit: Unit) -> Any:
    return (
        Person.objects.filter(roles__code="bao-cao-vien", active=True)
        .filter(Q(unit__path__startswith=unit.path) | Q(unit__path__in=unit.ancestor_paths()))
        .distinct()
        .order_by("name_folded")
    )


@login_required
def session_create(request: HttpRequest, round_pk: int) -> HttpResponse:
    study_round = _round(request, round_pk)
    unit = _unit(request)
    if unit is None:
        raise PermissionDenied("Tài khoản chưa gắn với đơn vị.")
    require(request.user, Action.CHANGE, unit)
    if not (study_round.unit.contains(unit)):
        raise PermissionDenied("Đơn vị không thuộc đợt học tập này.")
    form = SessionForm(request.POST or None, presenters=_presenters(unit))
    if request.method == "POST" and form.is_valid():
        session = form.save(commit=False)
        session.round, session.unit = study_round, unit
        session.save()
        messages.success(request, f"Đã tạo buổi học. Mã điểm danh: {session.checkin_code}")
        return redirect("study:session_detail", session_pk=session.pk)
    return render(request, "study/session_form.html", {"form": form, "round": study_round})


@login_required
def session_detail(request: HttpRequest, session_pk: int) -> HttpResponse:
    session = _session(request, session_pk)
    can_change = can(request.user, Action.CHANGE, session)
    qr = ""
    checkin_url = request.build_absolute_uri(
        reverse("study:session_checkin", kwargs={"session_pk": session.pk})
        + f"?ma={session.checkin_code}"
    )
    if can_change:
        qr = segno.make(checkin_url, error="m").svg_inline(scale=5, dark="#7a0e0e")
    members = rounds.session_members(session)
    return render(
        request,
        "study/session_detail.html",
        {
            "session": session,
            "can_change": can_change,
            "qr": mark_safe(qr),
            "checkin_url": checkin_url if can_change else "",
            "window": session.checkin_window(),
            "here": Attendance.objects.filter(session=session).count(),
            "members": members.count(),
        },
    )


@login_required
def session_attendance(request: HttpRequest, session_pk: int) -> HttpResponse:
    """The list of checkboxes: fast on a phone (search, tick all, sticky save bar), saved in one POST."""
    session = _session(request, session_pk, Action.CHANGE)
    if request.method == "POST":
        ids = [int(v) for v in request.POST.getlist("p") if v.isdigit()]
        added, removed = attendance.save_session_list(session, ids)
        messages.success(request, f"Đã lưu điểm danh: thêm {added}, bỏ {removed}.")
        return redirect("study:session_attendance", session_pk=session.pk)
    members = rounds.session_members(session)
    if session.is_makeup:
        members = members.filter(
            Q(pk__in=rounds.makeup_members(session).values("pk"))
            | Q(person_id__in=Attendance.objects.filter(session=session).values("person_id"))
        )
    entries = list(
        members.select_related("person", "unit").order_by("unit__path", "person__name_folded")
    )
    where = dict(
        Attendance.objects.filter(round=session.round_id).values_list("person_id", "session_id")
    )
    rows = [
        {
            "entry": e,
            "here": where.get(e.person_id) == session.pk,
            "elsewhere": e.person_id in where and where[e.person_id] != session.pk,
        }
        for e in entries
    ]
    return render(
        request,
        "study/session_attendance.html",
        {"session": session, "rows": rows, "ticked": sum(r["here"] for r in rows)},
    )


@login_required
def session_checkin(request: HttpRequest, session_pk: int) -> HttpResponse:
    """A member checks in with the session's code (from the QR or read out in the hall)."""
    session = _session(request, session_pk)
    form = CheckinForm(request.POST or None, initial={"code": request.GET.get("ma", "")})
    done = ""
    if request.method == "POST" and form.is_valid():
        try:
            done = attendance.check_in_with_code(session, request.user, form.cleaned_data["code"])  # type: ignore[arg-type]
        except StudyError as exc:
            form.add_error("code", str(exc))
    return render(
        request, "study/session_checkin.html", {"session": session, "form": form, "done": done}
    )


# Larger sheets are imported in the background. Measured on SQLite: 38 KB ≈ 1,350 rows ≈ 0.4 s in
# the request; 257 KB ≈ 10,800 rows ≈ 3.5 s, too long for a request.
INLINE_IMPORT_BYTES = 32 * 1024


@login_required
def session_import(request: HttpRequest, session_pk: int) -> HttpResponse:
    session = _session(request, session_pk, Action.CHANGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        valid_only = form.cleaned_data["valid_rows_only"]
        if upload.size > INLINE_IMPORT_BYTES:
            job = jobs.start(
                SIGNIN_IMPORT,
                request.user,
                upload,
                options={"session": session.pk, "valid_only": valid_only},
            )
            import_signin_sheet_task.enqueue(job.pk)
            return redirect("study:session_import_job", session_pk=session.pk, signin_job_pk=job.pk)
        try:
            result = attendance.import_signin_sheet(
                session, upload, upload.name, valid_rows_only=valid_only
            )
        except TableError as exc:
            form.add_error("file", str(exc))
        else:
            if result.applied:
                messages.success(request, f"Đã nhập {result.created} lượt điểm danh.")
    recent = scoped(
        Job.objects.filter(
            kind=SIGNIN_IMPORT, started_by=request.user.pk, options__session=session.pk
        ),
        request.user,
    )[:10]
    return render(
        request,
        "study/session_import.html",
        {"session": session, "form": form, "result": result, "jobs": recent},
    )


@login_required
def session_import_job(request: HttpRequest, session_pk: int, signin_job_pk: int) -> HttpResponse:
    """A large sheet imported in the background: its progress (polled by htmx), then its outcome.
    Shown to the officer who started it only."""
    session = _session(request, session_pk, Action.CHANGE)
    job = jobs.job_for_user(request.user, signin_job_pk, SIGNIN_IMPORT)
    if job.options.get("session") != session.pk:
        raise Http404("Không có lần nhập này ở buổi học tập này.")
    context = {
        "session": session,
        "job": job,
        "poll_url": reverse(
            "study:session_import_job", kwargs={"session_pk": session.pk, "signin_job_pk": job.pk}
        ),
        "outcome_template": "study/_signin_job_outcome.html",
        "form_url": reverse("study:session_import", kwargs={"session_pk": session.pk}),
    }
    return job_page(request, "study/session_import.html", context)


@login_required
def session_sheet(request: HttpRequest, session_pk: int) -> HttpResponse:
    session = _session(request, session_pk, Action.CHANGE)
    return _file(
        exports.session_sheet_xlsx(session), f"danh-sach-ky-ten-{session.pk}.xlsx", XLSX_MIME
    )


# --- comprehension tests ---------------------------------------------------------------------------


@login_required
def test_manage(request: HttpRequest, round_pk: int) -> HttpResponse:
    """The round's test: settings and question bank (opener's officers); results and question stats."""
    study_round = _round(request, round_pk)
    test = StudyTest.objects.filter(round=study_round).first()
    can_edit = can(request.user, Action.CHANGE, study_round)
    test_form = TestForm(
        instance=test, initial={"title": f"Kiểm tra nhận thức — {study_round.title}"}
    )
    question_form = QuestionForm()
    if request.method == "POST":
        if not can_edit:
            raise PermissionDenied("Chỉ đơn vị mở đợt mới sửa được bài kiểm tra.")
        if "save_test" in request.POST:
            test_form = TestForm(request.POST, instance=test)
            if test_form.is_valid():
                saved = test_form.save(commit=False)
                saved.round = study_round
                saved.save()
                messages.success(request, "Đã lưu bài kiểm tra.")
                return redirect("study:test_manage", round_pk=study_round.pk)
        elif "delete_question" in request.POST:
            raw = request.POST.get("delete_question", "")
            question = study_round.questions.filter(pk=int(raw)).first() if raw.isdigit() else None
            if question is None:
                raise Http404("Không tìm thấy câu hỏi.")
            if question.answers.exists():
                messages.error(request, "Câu hỏi đã có người trả lời, không xóa được.")
            else:
                question.delete()
                messages.success(request, "Đã xóa câu hỏi.")
            return redirect("study:test_manage", round_pk=study_round.pk)
        elif "add_question" in request.POST:
            question_form = QuestionForm(request.POST)
            if question_form.is_valid():
                quizzes.save_question(study_round, question_form.cleaned_data)
                messages.success(request, "Đã thêm câu hỏi.")
                return redirect("study:test_manage", round_pk=study_round.pk)
    focus = _focus_unit(request, study_round)
    results = quizzes.test_results(test, focus) if test else []
    if test and request.GET.get("export") == "xlsx":
        return _file(
            exports.results_xlsx(results), f"ket-qua-kiem-tra-{focus.code}.xlsx", XLSX_MIME
        )
    return render(
        request,
        "study/test_manage.html",
        {
            "round": study_round,
            "test": test,
            "test_form": test_form,
            "question_form": question_form,
            "questions": study_round.questions.prefetch_related("choices"),
            "results": results,
            "stats": quizzes.question_stats(test, focus)[:10] if test else [],
            "focus": focus,
            "can_edit": can_edit,
        },
    )


@login_required
def question_edit(request: HttpRequest, round_pk: int, question_pk: int) -> HttpResponse:
    """Change a question of the bank; one already answered keeps its answer key (the service
    says so and the officer's input stays in the form)."""
    study_round = _round(request, round_pk, Action.CHANGE)
    question = get_object_or_404(study_round.questions, pk=question_pk)
    answered = question.answers.exists()
    form = QuestionForm(request.POST or None, initial=quizzes.question_form_initial(question))
    if request.method == "POST" and form.is_valid():
        try:
            quizzes.save_question(study_round, form.cleaned_data, question)
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
def test_take(request: HttpRequest, round_pk: int) -> HttpResponse:
    study_round = _round(request, round_pk)
    test = StudyTest.objects.filter(round=study_round).first()
    person = _person(request)
    if test is None:
        raise Http404("Đợt học tập chưa có bài kiểm tra.")
    if person is None:
        messages.error(request, "Tài khoản chưa gắn với hồ sơ đảng viên nên không làm bài được.")
        return redirect("study:round_detail", round_pk=study_round.pk)
    attempt = TestAttempt.objects.filter(test=test, person=person).first()
    error = ""
    if request.method == "POST":
        try:
            if attempt is None:
                attempt = quizzes.start_attempt(test, person)
                return redirect("study:test_take", round_pk=study_round.pk)
            answers: dict[int, Any] = {}
            for qid in attempt.question_order:
                values = request.POST.getlist(f"q{qid}")
                answers[qid] = values if len(values) != 1 or values[0].isdigit() else values[0]
            quizzes.submit_attempt(attempt, answers)
            return redirect("study:test_take", round_pk=study_round.pk)
        except StudyError as exc:
            error = str(exc)
    questions = []
    deadline = None
    review: dict[int, bool] = {}
    if attempt is not None:
        by_id = {q.pk: q for q in study_round.questions.prefetch_related("choices")}
        questions = [by_id[q] for q in attempt.question_order if q in by_id]
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
def test_paper(request: HttpRequest, round_pk: int) -> HttpResponse:
    """An officer enters scores of paper tests for the members of their unit's subtree."""
    study_round = _round(request, round_pk)
    test = StudyTest.objects.filter(round=study_round).first()
    if test is None:
        raise Http404("Đợt học tập chưa có bài kiểm tra.")
    entries = (
        scoped(Eligibility, request.user, Action.CHANGE)
        .filter(round=study_round)
        .select_related("person", "unit")
        .order_by("unit__path", "person__name_folded")
    )
    errors: dict[int, str] = {}
    if request.method == "POST":
        saved = 0
        for entry in entries.filter(
            pk__in=[int(k[2:]) for k in request.POST if k.startswith("s_") and k[2:].isdigit()]
        ):
            raw = request.POST.get(f"s_{entry.pk}", "").strip().replace(",", ".")
            if not raw:
                continue
            try:
                quizzes.enter_paper_score(test, entry.person, Decimal(raw))
                saved += 1
            except (InvalidOperation, StudyError) as exc:
                errors[entry.pk] = str(exc) if isinstance(exc, StudyError) else "Điểm không hợp lệ."
        if not errors:
            messages.success(request, f"Đã lưu điểm của {saved} người.")
            return redirect(request.get_full_path())
    scores = dict(TestAttempt.objects.filter(test=test).values_list("person_id", "score"))
    context = paginate(request, entries, per_page=100)
    rows = [
        {
            "entry": e,
            "typed": request.POST.get(f"s_{e.pk}", ""),
            "score": scores.get(e.person_id),
            "error": errors.get(e.pk, ""),
        }
        for e in context["object_list"]
    ]
    return render(
        request,
        "study/test_paper.html",
        {"round": study_round, "test": test, "rows": rows, **context},
    )


# --- essays ----------------------------------------------------------------------------------------


@login_required
def essay_list(request: HttpRequest, round_pk: int) -> HttpResponse:
    study_round = _round(request, round_pk)
    person = _person(request)
    own = Essay.objects.filter(round=study_round, person=person).first() if person else None
    form = EssayForm(
        request.POST or None, request.FILES or None, initial={"text": own.text if own else ""}
    )
    if request.method == "POST" and "submit_essay" in request.POST:
        if person is None:
            raise PermissionDenied("Tài khoản chưa gắn với hồ sơ đảng viên.")
        if form.is_valid():
            try:
                essays.submit_essay(
                    study_round, person, form.cleaned_data["text"], form.cleaned_data.get("file")
                )
            except StudyError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, "Đã nộp bài thu hoạch.")
                return redirect("study:essay_list", round_pk=study_round.pk)
    if request.method == "POST" and "add_criterion" in request.POST:
        require(request.user, Action.CHANGE, study_round)
        name = request.POST.get("criterion", "").strip()
        levels = []
        for line in request.POST.get("levels", "").splitlines():
            label, _, points = line.rpartition(":")
            if label.strip() and points.strip().isdigit():
                levels.append((label.strip(), int(points)))
        if not name or not levels:
            messages.error(request, "Cần tên tiêu chí và các mức dạng “Tốt: 3” (mỗi dòng một mức).")
        else:
            criterion = RubricCriterion.objects.create(
                round=study_round, name=name, order=study_round.rubric.count() + 1
            )
            RubricLevel.objects.bulk_create(
                [RubricLevel(criterion=criterion, label=lb, points=p) for lb, p in levels]
            )
            messages.success(request, "Đã thêm tiêu chí chấm.")
        return redirect("study:essay_list", round_pk=study_round.pk)
    readable = essays.readable_essays(
        request.user,
        scoped(Essay, request.user).filter(round=study_round).select_related("person", "unit"),
    ).order_by("unit__path", "person__name_folded")
    focus = _focus_unit(request, study_round)
    return render(
        request,
        "study/essay_list.html",
        {
            "round": study_round,
            "own": own,
            "form": form if person else None,
            "essays": readable[:300],
            "distribution": essays.grade_distribution(study_round, focus),
            "grades": EssayGrade.choices,
            "rubric": study_round.rubric.prefetch_related("levels"),
            "can_edit_rubric": can(request.user, Action.CHANGE, study_round),
            "focus": focus,
        },
    )


@login_required
def essay_detail(request: HttpRequest, essay_pk: int) -> HttpResponse:
    essay = get_for_user(
        Essay.objects.select_related("round", "person", "unit"), request.user, pk=essay_pk
    )
    if not essays.can_read_essay(request.user, essay):
        raise PermissionDenied(
            "Chỉ người viết, người chấm được phân công và cán bộ của đơn vị được xem bài thu hoạch."
        )
    is_grader = essay.graders.filter(pk=getattr(request.user, "pk", 0)).exists()
    unit_officer = is_unit_officer(request.user, essay.unit)
    error = ""
    candidates_qs = (
        User.objects.filter(
            Q(unit=essay.unit) | Q(unit__path__in=essay.unit.ancestor_paths()), is_active=True
        )
        .exclude(person=essay.person)
        .order_by("username")
    )
    if request.method == "POST" and "grade" in request.POST:
        try:
            essays.grade_essay(
                essay,
                request.user,
                [
                    int(v)
                    for k in request.POST
                    if k.startswith("c_") and (v := request.POST.get(k, "")).isdigit()
                ],
                request.POST.get("comment", ""),
            )
            messages.success(request, "Đã chấm bài.")
            return redirect("study:essay_detail", essay_pk=essay.pk)
        except StudyError as exc:
            error = str(exc)
    if request.method == "POST" and "assign" in request.POST:
        if not unit_officer:
            raise PermissionDenied("Chỉ cán bộ của đơn vị phân công người chấm.")
        ids = [int(v) for v in request.POST.getlist("graders") if v.isdigit()]
        try:
            essays.assign_graders(essay, candidates_qs.filter(pk__in=ids))
            messages.success(request, "Đã phân công người chấm.")
            return redirect("study:essay_detail", essay_pk=essay.pk)
        except StudyError as exc:
            error = str(exc)
    candidates = candidates_qs if unit_officer else []
    return render(
        request,
        "study/essay_detail.html",
        {
            "essay": essay,
            "is_grader": is_grader,
            "unit_officer": unit_officer,
            "rubric": essay.round.rubric.prefetch_related("levels"),
            "chosen": set(essay.levels.values_list("pk", flat=True)),
            "candidates": candidates,
            "assigned": set(essay.graders.values_list("pk", flat=True)),
            "error": error,
        },
    )


@login_required
def essay_file(request: HttpRequest, essay_pk: int) -> FileResponse:
    """The attached file, under the same privacy rule as the text (never a public media URL)."""
    essay = get_for_user(Essay.objects.select_related("unit"), request.user, pk=essay_pk)
    if not essays.can_read_essay(request.user, essay):
        raise PermissionDenied(
            "Chỉ người viết, người chấm được phân công và cán bộ của đơn vị được xem bài thu hoạch."
        )
    if not essay.file:
        raise Http404("Bài không có tệp đính kèm.")
    return FileResponse(
        essay.file.open("rb"),
        as_attachment=True,
        filename=(essay.file.name or "").rsplit("/", 1)[-1],
    )


@login_required
@require_POST
def session_delete(request: HttpRequest, session_pk: int) -> HttpResponse:
    session = _session(request, session_pk, Action.CHANGE)
    if session.attendances.exists():
        messages.error(request, "Buổi học đã có điểm danh, không xóa được.")
        return redirect("study:session_detail", session_pk=session.pk)
    round_pk = session.round_id
    session.delete()
    messages.success(request, "Đã xóa buổi học.")
    return redirect("study:round_detail", round_pk=round_pk)
