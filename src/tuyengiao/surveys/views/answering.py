"""Answering: a member's own surveys (through their own ``Participation`` only) and the public
link of a public survey (a sum against bots, a rate limit per address, nothing of the visitor
stored)."""

from __future__ import annotations

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import own_records

from .. import throttle
from ..forms import AnswerForm, PublicAnswerForm
from ..models import AudienceKind, Participation, Survey, SurveyStatus
from ..services import SurveyError
from ..services.builder import close_if_due
from ..services.responding import submit_member, submit_public

THANKS = "Cảm ơn đồng chí đã trả lời. Phiếu không ghi tên; kết quả chỉ được tổng hợp theo nhóm."


@login_required
def my_surveys(request: AuthenticatedHttpRequest) -> HttpResponse:
    """ "Khảo sát của tôi": the surveys the member is asked, answered or not (never what)."""
    today = timezone.localdate()
    rows = list(
        own_records(Participation, request.user)
        .select_related("survey", "survey__unit")
        .exclude(survey__status=SurveyStatus.DRAFT)
        .order_by("-survey__closes_on", "-survey_id")
    )
    for row in rows:
        close_if_due(row.survey, today)
    return render(
        request,
        "surveys/my_surveys.html",
        {"rows": rows, "has_person": request.user.person_id is not None},
    )


@login_required
def survey_answer(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    participation = get_object_or_404(
        own_records(Participation, request.user).select_related("survey", "survey__unit"),
        survey_id=survey_pk,
        survey__status__in=[SurveyStatus.OPEN, SurveyStatus.CLOSED],
    )
    survey = participation.survey
    today = timezone.localdate()
    close_if_due(survey, today)
    if participation.answered or survey.status != SurveyStatus.OPEN:
        return render(
            request,
            "surveys/answer_done.html",
            {"survey": survey, "answered": participation.answered},
        )
    form = AnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        try:
            submit_member(
                participation,
                str(request.POST.get("token", "")),
                form.cleaned_data["payload"],
                today,
            )
        except SurveyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, THANKS)
            return redirect("surveys:my_surveys")
    return render(
        request,
        "surveys/answer.html",
        {
            "survey": survey,
            "form": form,
            "token": participation.token,
            "action": reverse("surveys:survey_answer", kwargs={"survey_pk": survey.pk}),
        },
        status=400 if form.errors else 200,
    )


def _public_survey(token: str) -> Survey:
    return get_object_or_404(
        Survey.objects.select_related("unit"),
        public_token=token,
        audience=AudienceKind.PUBLIC,
        status__in=[SurveyStatus.OPEN, SurveyStatus.CLOSED],
    )


def public_answer(request: HttpRequest, token: str) -> HttpResponse:
    survey = _public_survey(token)
    today = timezone.localdate()
    close_if_due(survey, today)
    if survey.status != SurveyStatus.OPEN:
        return render(
            request,
            "surveys/answer_done.html",
            {"survey": survey, "answered": False, "public": True},
        )
    form = PublicAnswerForm(request.POST or None, survey=survey)
    status = 200
    if request.method == "POST":
        scope = f"survey:{survey.pk}"
        if throttle.is_refused(request, scope):
            form.add_error(None, throttle.REFUSED)
            status = 429
        elif form.is_valid():
            throttle.count(request, scope)
            try:
                submit_public(survey, form.cleaned_data["payload"], today)
            except SurveyError as exc:
                form.add_error(None, str(exc))
            else:
                return render(
                    request,
                    "surveys/answer_done.html",
                    {"survey": survey, "answered": True, "public": True},
                )
        if status == 200:
            status = 400
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": form, "public": True, "action": request.path},
        status=status,
    )


def public_qr(request: HttpRequest, token: str) -> HttpResponse:
    survey = _public_survey(token)
    url = request.build_absolute_uri(
        reverse("surveys:public_answer", kwargs={"token": survey.public_token})
    )
    svg = segno.make(url, error="m").svg_inline(scale=6)
    return HttpResponse(svg, content_type="image/svg+xml")
