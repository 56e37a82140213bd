"""Officers build surveys: the list, a new survey (blank or from a template), its page with the
questions and the response rate, editing, questions and sections, preview, copy, open, close."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, paginate

from ..forms import AnswerForm, QuestionForm, SectionForm, SurveyFilterForm, SurveyForm
from ..models import Question, Survey, SurveyStatus
from ..services import SurveyError, builder
from ..services.responding import pending_count
from ..services.results import response_rates
from .common import user_survey


@login_required
def survey_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SurveyFilterForm(request.GET or None)
    qs = (
        scoped(Survey, request.user)
        .select_related("unit")
        .annotate(
            asked=Count("participations", distinct=True),
            answered=Count(
                "participations", filter=Q(participations__answered=True), distinct=True
            ),
        )
        .order_by("-year", "-closes_on", "-id")
    )
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            qs = qs.filter(title__icontains=data["q"])
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["year"]:
            qs = qs.filter(year=data["year"])
    if export_requested(request, form):
        return export_xlsx(
            "khao-sat.xlsx",
            [
                ("Khảo sát", lambda s: s.title),
                ("Đơn vị", lambda s: s.unit.name),
                ("Năm", lambda s: s.year),
                ("Hạn trả lời", lambda s: s.closes_on),
                ("Trạng thái", lambda s: s.get_status_display()),
                ("Đối tượng", lambda s: s.get_audience_display()),
                ("Số người được hỏi", lambda s: s.asked),
                ("Số người đã trả lời", lambda s: s.answered),
            ],
            qs,
            title="Khảo sát",
        )
    unit = request.user.unit
    return render(
        request,
        "surveys/survey_list.html",
        {
            "form": form,
            "can_create": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def survey_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị nên không thể tạo khảo sát.")
        return redirect("surveys:survey_list")
    require(request.user, Action.CHANGE, unit)
    form = SurveyForm(
        request.POST or None,
        user=request.user,
        within=unit,
        initial={"template": request.GET.get("mau", ""), "audience_units": [unit]},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        survey = builder.create_survey(
            unit,
            request.user,
            title=data["title"],
            purpose=data["purpose"],
            closes_on=data["closes_on"],
            template_key=data.get("template") or "",
            k_threshold=data["k_threshold"],
            audience=data["audience"],
        )
        survey.audience_units.set(data["audience_units"])
        survey.audience_roles.set(data["audience_roles"])
        messages.success(request, "Đã tạo khảo sát. Hãy xem lại câu hỏi rồi mở khảo sát.")
        return redirect("surveys:survey_detail", survey_pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": None})


@login_required
def survey_detail(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk)
    editable = survey.status == SurveyStatus.DRAFT and can(request.user, Action.CHANGE, survey)
    total, rate_rows = response_rates(survey)
    return render(
        request,
        "surveys/survey_detail.html",
        {
            "survey": survey,
            "questions": survey.questions.select_related("section", "show_if").order_by(
                "order", "id"
            ),
            "sections": survey.sections.all(),
            "editable": editable,
            "may_change": can(request.user, Action.CHANGE, survey),
            "question_form": QuestionForm(survey=survey) if editable else None,
            "section_form": SectionForm() if editable else None,
            "rate_total": total,
            "rate_rows": rate_rows,
            "pending": pending_count(survey),
            "public_url": request.build_absolute_uri(f"/khao-sat/cong-khai/{survey.public_token}/")
            if survey.is_public
            else "",
        },
    )


@login_required
def survey_edit(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk, Action.CHANGE)
    form = SurveyForm(
        request.POST or None,
        instance=survey,
        user=request.user,
        within=survey.unit,
        with_template=False,
    )
    if survey.status != SurveyStatus.DRAFT:
        messages.error(request, "Khảo sát đã mở: không sửa được nữa.")
        return redirect("surveys:survey_detail", survey_pk=survey.pk)
    if request.method == "POST" and form.is_valid():
        survey = form.save(commit=False)
        survey.year = survey.closes_on.year
        survey.save()
        form.save_m2m()
        messages.success(request, "Đã lưu.")
        return redirect("surveys:survey_detail", survey_pk=survey.pk)
    return render(request, "surveys/survey_form.html", {"form": form, "survey": survey})


@login_required
@require_POST
def question_add(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk, Action.CHANGE)
    form = QuestionForm(request.POST, survey=survey)
    if form.is_valid():
        data = form.cleaned_data
        try:
            builder.add_question(
                survey,
                kind=data["kind"],
                text=data["text"],
                options=data["options"],
                rows=data["rows"],
                required=data["required"],
                section=data["section"],
                show_if=data["show_if"],
                show_if_option=data["show_if_option"],
            )
        except SurveyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã thêm câu hỏi.")
            return redirect("surveys:survey_detail", survey_pk=survey.pk)
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "survey": survey, "question": None},
        status=400,
    )


def _user_question(request: AuthenticatedHttpRequest, question_pk: int) -> Question:
    return get_for_user(
        Question.objects.select_related("survey", "survey__unit"),
        request.user,
        Action.CHANGE,
        pk=question_pk,
    )


@login_required
def question_edit(request: AuthenticatedHttpRequest, question_pk: int) -> HttpResponse:
    question = _user_question(request, question_pk)
    survey = question.survey
    form = QuestionForm(
        request.POST or None,
        survey=survey,
        exclude=question,
        initial=QuestionForm.initial_for(question),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            builder.update_question(
                question,
                kind=data["kind"],
                text=data["text"],
                options=data["options"],
                rows=data["rows"],
                required=data["required"],
                section=data["section"],
                show_if=data["show_if"],
                show_if_option=data["show_if_option"],
            )
        except SurveyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã lưu câu hỏi.")
            return redirect("surveys:survey_detail", survey_pk=survey.pk)
    return render(
        request,
        "surveys/question_form.html",
        {"form": form, "survey": survey, "question": question},
    )


@login_required
@require_POST
def question_delete(request: AuthenticatedHttpRequest, question_pk: int) -> HttpResponse:
    question = _user_question(request, question_pk)
    try:
        builder.delete_question(question)
    except SurveyError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã xóa câu hỏi.")
    return redirect("surveys:survey_detail", survey_pk=question.survey_id)


@login_required
@require_POST
def section_add(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk, Action.CHANGE)
    form = SectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy đặt tên cho phần.")
    else:
        try:
            builder.add_section(
                survey, form.cleaned_data["title"], form.cleaned_data["description"]
            )
        except SurveyError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Đã thêm phần.")
    return redirect("surveys:survey_detail", survey_pk=survey.pk)


@login_required
def survey_preview(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk)
    return render(
        request,
        "surveys/answer.html",
        {"survey": survey, "form": AnswerForm(survey=survey), "preview": True, "action": ""},
    )


@login_required
@require_POST
def survey_copy(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk)
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị.")
        return redirect("surveys:survey_list")
    require(request.user, Action.CHANGE, unit)
    copy = builder.copy_survey(survey, request.user, unit=unit)
    messages.success(
        request,
        f"Đã sao chép thành khảo sát năm {copy.year}; hãy xem lại hạn trả lời và đối tượng.",
    )
    return redirect("surveys:survey_detail", survey_pk=copy.pk)


@login_required
@require_POST
def survey_open(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk, Action.CHANGE)
    try:
        count = builder.open_survey(survey, timezone.localdate())
    except SurveyError as exc:
        messages.error(request, str(exc))
    else:
        if survey.is_public:
            messages.success(request, "Đã mở khảo sát công khai; hãy gửi đường dẫn hoặc mã QR.")
        else:
            messages.success(request, f"Đã mở khảo sát cho {count} người.")
    return redirect("surveys:survey_detail", survey_pk=survey.pk)


@login_required
@require_POST
def survey_close(request: AuthenticatedHttpRequest, survey_pk: int) -> HttpResponse:
    survey = user_survey(request, survey_pk, Action.CHANGE)
    builder.close_survey(survey)
    messages.success(request, "Đã đóng khảo sát; mọi câu trả lời đã được ghi vào kết quả.")
    return redirect("surveys:survey_detail", survey_pk=survey.pk)


def get_survey_or_404(token: str) -> Survey:
    return get_object_or_404(Survey.objects.select_related("unit"), public_token=token)
