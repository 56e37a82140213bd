"""A party member's own pages (``Role.MEMBER`` or any account with a ``User.person``): the rounds
they are listed in with their sessions, whether they attended, their test and their essay, and the
check-in with a session's code typed in. Every read goes through ``accounts.permissions.
own_records``: a member reaches their own records only, never a unit's."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import own_records

from .. import checkin_throttle
from ..forms import CheckinForm
from ..models import Attendance, Eligibility, Essay, StudyRound, StudySession, TestAttempt
from ..services import StudyError
from ..services.attendance import WrongCheckinCode, check_in_with_code
from .common import own_sessions


@dataclass
class MyRound:
    round: StudyRound
    entry: Eligibility
    sessions: list[StudySession]
    attended: Attendance | None
    attempt: TestAttempt | None
    essay: Essay | None
    has_test: bool


def my_rounds(request: AuthenticatedHttpRequest) -> list[MyRound]:
    """The member's rounds, newest first, each with the sessions held for them (by the units above
    their list entry) and their own attendance, test attempt and essay."""
    entries = list(
        own_records(Eligibility, request.user)
        .select_related("round", "round__unit", "unit")
        .order_by("-round__starts_on", "-round_id")
    )
    round_ids = [e.round_id for e in entries]
    sessions = list(
        own_sessions(request)
        .filter(round_id__in=round_ids)
        .select_related("unit")
        .order_by("starts_at")
    )
    attended = {
        a.round_id: a for a in own_records(Attendance, request.user).select_related("session")
    }
    attempts = {
        a.test.round_id: a for a in own_records(TestAttempt, request.user).select_related("test")
    }
    essays = {e.round_id: e for e in own_records(Essay, request.user)}
    with_test = set(
        StudyRound.objects.filter(pk__in=round_ids, test__isnull=False).values_list("pk", flat=True)
    )
    return [
        MyRound(
            round=e.round,
            entry=e,
            sessions=[s for s in sessions if s.round_id == e.round_id],
            attended=attended.get(e.round_id),
            attempt=attempts.get(e.round_id),
            essay=essays.get(e.round_id),
            has_test=e.round_id in with_test,
        )
        for e in entries
    ]


@login_required
def my_study(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Học tập của tôi": the member's rounds and sessions, attendance, test and essay."""
    return render(
        request,
        "study/my_study.html",
        {"rounds": my_rounds(request), "has_person": request.user.person_id is not None},
    )


@login_required
def checkin_code(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Điểm danh": the member types the code read out in the hall; it checks them in to the
    session of their rounds that has this code and is open for check-in now."""
    done = ""
    form = CheckinForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if checkin_throttle.is_refused(request):
            form.add_error(None, checkin_throttle.REFUSED)
            status = 429
        elif form.is_valid():
            code = form.cleaned_data["code"].strip().upper()
            now = timezone.now()
            candidates = [
                s
                for s in own_sessions(request)
                .select_related("unit", "round")
                .filter(checkin_code=code)
                if s.checkin_window()[0] <= now <= s.checkin_window()[1]
            ]
            if not candidates:
                checkin_throttle.count_wrong_code(request)
                form.add_error(
                    "code",
                    "Mã điểm danh không đúng, hoặc buổi học của mã này không mở điểm danh lúc này.",
                )
            else:
                try:
                    done = check_in_with_code(candidates[0], request.user, code)
                except WrongCheckinCode as exc:
                    checkin_throttle.count_wrong_code(request)
                    form.add_error("code", str(exc))
                except StudyError as exc:
                    form.add_error("code", str(exc))
    return render(request, "study/checkin_code.html", {"form": form, "done": done}, status=status)
