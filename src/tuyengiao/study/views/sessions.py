"""Sessions and their attendance: creating and deleting a session, the ticked list, members'
self check-in with the session's code, and signed sheets imported (large ones in the background)."""

from __future__ import annotations

from typing import Any

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, require, scoped
from tuyengiao.core import jobs
from tuyengiao.core.models import Job
from tuyengiao.core.spreadsheets import TableError
from tuyengiao.core.views import job_page
from tuyengiao.orgs.models import Person, Unit

from .. import checkin_throttle
from ..forms import AttendanceListForm, CheckinForm, ImportForm, SessionForm
from ..models import Attendance, StudySession
from ..services import StudyError
from ..services.attendance import (
    WrongCheckinCode,
    check_in_with_code,
    import_signin_sheet,
    save_session_list,
)
from ..services.rounds import makeup_members, session_members
from ..tasks import SIGNIN_IMPORT, import_signin_sheet_task
from .common import checkin_session, user_round, user_session


def _presenters(unit: Unit) -> Any:
    return (
        Person.objects.filter(roles__code="bao-cao-vien", active=True)
        .filter(Q(unit__path__startswith=unit.path) | Q(unit__path__in=unit.ancestor_paths()))
        .distinct()
        .order_by("name_folded")
    )


@login_required
def session_create(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    study_round = user_round(request, round_pk)
    unit = request.user.unit
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
def session_detail(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    session = user_session(request, session_pk)
    can_change = can(request.user, Action.CHANGE, session)
    qr = ""
    checkin_url = request.build_absolute_uri(
        reverse("study:session_checkin", kwargs={"session_pk": session.pk})
        + f"?ma={session.checkin_code}"
    )
    if can_change:
        qr = segno.make(checkin_url, error="m").svg_inline(scale=5, dark="#7a0e0e")
    members = session_members(session)
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
@require_POST
def session_delete(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    session = user_session(request, session_pk, Action.CHANGE)
    if session.attendances.exists():
        messages.error(request, "Buổi học đã có điểm danh, không xóa được.")
        return redirect("study:session_detail", session_pk=session.pk)
    round_pk = session.round_id
    session.delete()
    messages.success(request, "Đã xóa buổi học.")
    return redirect("study:round_detail", round_pk=round_pk)


@login_required
def session_attendance(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    """The list of checkboxes: fast on a phone (search, tick all, sticky save bar), saved in one POST."""
    session = user_session(request, session_pk, Action.CHANGE)
    if request.method == "POST":
        form = AttendanceListForm(request.POST)
        if form.is_valid():
            added, removed = save_session_list(session, form.cleaned_data["p"])
            messages.success(request, f"Đã lưu điểm danh: thêm {added}, bỏ {removed}.")
        else:  # never read an unreadable list as "nobody came": that would untick everyone
            messages.error(request, "Không đọc được danh sách điểm danh; chưa lưu thay đổi nào.")
        return redirect("study:session_attendance", session_pk=session.pk)
    members = session_members(session)
    if session.is_makeup:
        members = members.filter(
            Q(pk__in=makeup_members(session).values("pk"))
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
def session_checkin(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    """A member checks in with the session's code (from the QR or read out in the hall). Wrong
    codes are counted: past the limit the form refuses to try any code until the window ends.
    A member reaches the sessions of the rounds they are listed in (``checkin_session``)."""
    session = checkin_session(request, session_pk)
    if request.method != "POST":
        form = CheckinForm.from_link(request.GET)
        return _checkin_page(request, session, form)
    form = CheckinForm(request.POST)
    if checkin_throttle.is_refused(request):
        form.add_error(None, checkin_throttle.REFUSED)
        return _checkin_page(request, session, form, status=429)
    done = ""
    if form.is_valid():
        try:
            done = check_in_with_code(session, request.user, form.cleaned_data["code"])
        except WrongCheckinCode as exc:
            checkin_throttle.count_wrong_code(request)
            form.add_error("code", str(exc))
        except StudyError as exc:
            form.add_error("code", str(exc))
    return _checkin_page(request, session, form, done)


def _checkin_page(
    request: AuthenticatedHttpRequest,
    session: StudySession,
    form: CheckinForm,
    done: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "study/session_checkin.html",
        {"session": session, "form": form, "done": done},
        status=status,
    )


# Larger sheets are imported in the background. Measured on SQLite: 38 KB ≈ 1,350 rows ≈ 0.4 s in
# the request; 257 KB ≈ 10,800 rows ≈ 3.5 s, too long for a request.
INLINE_IMPORT_BYTES = 32 * 1024


@login_required
def session_import(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    session = user_session(request, session_pk, Action.CHANGE)
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
            result = import_signin_sheet(
                session, upload, upload.name, valid_rows_only=valid_only, by=request.user
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
def session_import_job(
    request: AuthenticatedHttpRequest, session_pk: int, signin_job_pk: int
) -> HttpResponse:
    """A large sheet imported in the background: its progress (polled by htmx), then its outcome.
    Shown to the officer who started it only."""
    session = user_session(request, session_pk, Action.CHANGE)
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
