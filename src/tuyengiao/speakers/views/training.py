"""Training: courses (list, opening one, its page with enrolment and attendance from the study
round), enrolment, the completion review, certificates, and the hours per person against the
yearly requirement."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.listing import export_requested, paginate
from tuyengiao.core.spreadsheets import xlsx_response
from tuyengiao.formats.numbers import number
from tuyengiao.orgs.letterhead import place_of
from tuyengiao.study.models import StudySession

from ..certificates import COURSE_TEMPLATE, DOCX_MIME, certificate_docx, date_words
from ..forms import CourseForm, EnrolForm, RequirementForm, YearForm
from ..models import Course, Enrolment
from ..services import SpeakersError
from ..services.training import (
    attended_ids,
    enrol,
    hours_per_person,
    open_course,
    requirement_for,
    review_completion,
    roster_people,
    set_requirement,
)
from .common import own_unit


@login_required
def course_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = scoped(Course, request.user).select_related("unit").order_by("-starts_on", "-id")
    if export_requested(request):
        return xlsx_response(
            "lop-boi-duong.xlsx",
            ["Lớp", "Đơn vị tổ chức", "Từ ngày", "Đến ngày", "Số giờ", "Hình thức", "Học viên"],
            (
                [
                    c.title,
                    c.organiser,
                    c.starts_on,
                    c.ends_on,
                    float(c.hours),
                    c.get_format_display(),
                    c.enrolments.count(),
                ]
                for c in qs
            ),
            title="Lớp bồi dưỡng",
        )
    unit = request.user.unit
    return render(
        request,
        "speakers/course_list.html",
        {
            "can_open": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def course_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    from tuyengiao.documents.models import Document

    form = CourseForm(
        request.POST or None,
        documents=scoped(Document, request.user).order_by("-id"),
        initial={"organiser": unit.name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            course = open_course(unit=unit, user=request.user, **form.cleaned_data)
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã mở lớp bồi dưỡng; hãy ghi danh học viên và tạo buổi học.")
            return redirect("speakers:course_detail", course_pk=course.pk)
    return render(request, "speakers/course_form.html", {"form": form})


def _course(
    request: AuthenticatedHttpRequest, course_pk: int, action: Action = Action.VIEW
) -> Course:
    return get_for_user(
        Course.objects.select_related("unit", "study_round"), request.user, action, pk=course_pk
    )


@login_required
def course_detail(request: AuthenticatedHttpRequest, course_pk: int) -> HttpResponse:
    course = _course(request, course_pk)
    can_change = can(request.user, Action.CHANGE, course)
    present = attended_ids(course)
    enrolments_qs = course.enrolments.select_related("person", "person__unit")
    if not can_change:
        # A unit below sees the course (published down) but only its own people's results.
        own = request.user.unit
        enrolments_qs = enrolments_qs.filter(
            person__unit__path__startswith=own.path if own is not None else "\x00"
        )
    enrolments = list(enrolments_qs)
    enrolled = {e.person_id for e in enrolments}
    form = (
        EnrolForm(people=roster_people(course.unit).exclude(pk__in=enrolled))
        if can_change
        else None
    )
    if export_requested(request):
        return xlsx_response(
            f"hoc-vien-lop-{course.pk}.xlsx",
            ["Họ và tên", "Đơn vị", "Có mặt", "Hoàn thành", "Số giờ", "Số chứng nhận"],
            (
                [
                    e.person.full_name,
                    e.person.unit.name,
                    "Có" if e.person_id in present else "",
                    "Hoàn thành" if e.completed else "",
                    float(e.hours),
                    e.certificate_number,
                ]
                for e in enrolments
            ),
            title="Học viên",
        )
    sessions = StudySession.objects.filter(round=course.study_round_id).order_by("starts_at")
    return render(
        request,
        "speakers/course_detail.html",
        {
            "course": course,
            "can_change": can_change,
            "enrolments": [(e, e.person_id in present) for e in enrolments],
            "present": len(present),
            "form": form,
            "sessions": sessions,
            "documents": course.documents.all(),
        },
    )


@login_required
@require_POST
def course_enrol(request: AuthenticatedHttpRequest, course_pk: int) -> HttpResponse:
    course = _course(request, course_pk, Action.CHANGE)
    form = EnrolForm(request.POST, people=roster_people(course.unit))
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect("speakers:course_detail", course_pk=course.pk)
    try:
        added = enrol(course, form.cleaned_data["people"])
    except SpeakersError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Đã ghi danh {added} học viên.")
    return redirect("speakers:course_detail", course_pk=course.pk)


@login_required
@require_POST
def course_review(request: AuthenticatedHttpRequest, course_pk: int) -> HttpResponse:
    course = _course(request, course_pk, Action.CHANGE)
    done, missing = review_completion(course, timezone.localdate())
    messages.success(
        request,
        f"Đã xét hoàn thành: {done} người hoàn thành, {missing} người vắng (không tính giờ).",
    )
    return redirect("speakers:course_detail", course_pk=course.pk)


@login_required
def course_certificate(
    request: AuthenticatedHttpRequest, course_pk: int, person_pk: int
) -> HttpResponse:
    course = _course(request, course_pk)
    enrolment = (
        Enrolment.objects.filter(course=course, person_id=person_pk, completed=True)
        .select_related("person", "person__unit")
        .first()
    )
    if enrolment is None:
        raise Http404("Người này chưa hoàn thành lớp bồi dưỡng.")
    on = course.completed_on or course.ends_on
    data = certificate_docx(
        COURSE_TEMPLATE,
        {
            "to_chuc": course.organiser or course.unit.name,
            "ho_ten": enrolment.person.full_name,
            "don_vi": enrolment.person.unit.name,
            "noi_dung": (
                f"lớp bồi dưỡng “{course.title}” từ {course.starts_on:%d/%m/%Y} đến "
                f"{course.ends_on:%d/%m/%Y}, thời lượng {number(course.hours, 1)} giờ."
            ),
            "so": enrolment.certificate_number,
            "ngay": date_words(on, place_of(course.unit)),
        },
    )
    response = HttpResponse(data, content_type=DOCX_MIME)
    response["Content-Disposition"] = (
        f'attachment; filename="chung-nhan-{course.pk}-{person_pk}.docx"'
    )
    return response


@login_required
def training_hours(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request, Action.VIEW)
    form = YearForm(request.GET or None)
    year = timezone.localdate().year
    below_only = False
    if form.is_bound and form.is_valid():
        year = form.cleaned_data["year"] or year
        below_only = form.cleaned_data["below"]
    rows = hours_per_person(unit, year)
    if below_only:
        rows = [r for r in rows if r.below]
    if export_requested(request, form):
        return xlsx_response(
            f"gio-boi-duong-{year}.xlsx",
            ["Họ và tên", "Đơn vị sinh hoạt", "Danh sách của", "Số giờ", "Yêu cầu", "Chưa đủ"],
            (
                [
                    r.person.full_name,
                    r.person.unit.name,
                    r.roster_unit.name,
                    float(r.hours),
                    float(r.required) if r.required is not None else "",
                    "Chưa đủ" if r.below else "",
                ]
                for r in rows
            ),
            title=f"Giờ bồi dưỡng {year}",
        )
    requirement = requirement_for(unit)
    return render(
        request,
        "speakers/training_hours.html",
        {
            "form": form,
            "year": year,
            "rows": rows,
            "below": sum(1 for r in rows if r.below),
            "requirement": requirement,
            "requirement_form": RequirementForm(initial={"hours_per_year": requirement})
            if can(request.user, Action.CHANGE, unit)
            else None,
            "unit": unit,
        },
    )


@login_required
@require_POST
def requirement_set(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    form = RequirementForm(request.POST)
    if form.is_valid():
        set_requirement(unit, form.cleaned_data["hours_per_year"])
        messages.success(
            request,
            f"Yêu cầu bồi dưỡng của {unit}: {number(form.cleaned_data['hours_per_year'], 1)} giờ/năm.",
        )
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("speakers:training_hours")
