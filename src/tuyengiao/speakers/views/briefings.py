"""Periodic briefings: the list, scheduling one, its page (talking points, attendance through the
study sessions, the talks that followed and their spread down the tree), and the speakers' own
pages: their briefings and the talk they record."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import drilldown_unit, own_records
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.charts import horizontal_bars, scaled_bars
from tuyengiao.core.listing import export_requested, paginate
from tuyengiao.core.spreadsheets import xlsx_response
from tuyengiao.study.models import Attendance, Eligibility, StudySession

from ..forms import BriefingForm, TalkForm
from ..models import Briefing, Talk
from ..services import SpeakersError
from ..services.briefings import record_talk, refresh_list, schedule_briefing, spread
from .common import own_unit


@login_required
def briefing_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = scoped(Briefing, request.user).select_related("unit").order_by("-held_on", "-id")
    if export_requested(request):
        return xlsx_response(
            "hoi-nghi-bao-cao-vien.xlsx",
            ["Hội nghị", "Đơn vị tổ chức", "Ngày", "Số buổi nói chuyện", "Số người nghe"],
            (
                [
                    b.title,
                    b.unit.name,
                    b.held_on,
                    b.talks.count(),
                    sum(t.listeners for t in b.talks.all()),
                ]
                for b in qs
            ),
            title="Hội nghị",
        )
    unit = request.user.unit
    return render(
        request,
        "speakers/briefing_list.html",
        {
            "can_open": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def briefing_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    from tuyengiao.documents.models import Document

    form = BriefingForm(
        request.POST or None, documents=scoped(Document, request.user).order_by("-id")
    )
    if request.method == "POST" and form.is_valid():
        try:
            briefing = schedule_briefing(unit=unit, user=request.user, **form.cleaned_data)
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                f"Đã lên lịch hội nghị; danh sách có {briefing.study_round.eligibilities.count()} "
                "người. Hãy tạo buổi hội nghị để có mã điểm danh.",
            )
            return redirect("speakers:briefing_detail", briefing_pk=briefing.pk)
    return render(request, "speakers/briefing_form.html", {"form": form})


def _briefing(
    request: AuthenticatedHttpRequest, briefing_pk: int, action: Action = Action.VIEW
) -> Briefing:
    return get_for_user(
        Briefing.objects.select_related("unit", "study_round"), request.user, action, pk=briefing_pk
    )


@login_required
def briefing_detail(request: AuthenticatedHttpRequest, briefing_pk: int) -> HttpResponse:
    briefing = _briefing(request, briefing_pk)
    focus = drilldown_unit(request.user, briefing.unit, request.GET.get("don-vi"))
    talks = (
        scoped(Talk, request.user)
        .filter(briefing=briefing, unit__path__startswith=focus.path)
        .select_related("person", "unit")
    )
    if export_requested(request):
        return xlsx_response(
            f"noi-chuyen-hoi-nghi-{briefing.pk}.xlsx",
            ["Báo cáo viên", "Đơn vị", "Ngày", "Đối tượng", "Số người nghe", "Chủ đề"],
            (
                [t.person.full_name, t.unit.name, t.given_on, t.audience, t.listeners, t.topic]
                for t in talks
            ),
            title="Buổi nói chuyện",
        )
    rows = spread(briefing, focus)
    round_id = briefing.study_round_id
    trail = [u for u in focus.ancestors(include_self=True) if briefing.unit.contains(u)]
    return render(
        request,
        "speakers/briefing_detail.html",
        {
            "briefing": briefing,
            "focus": focus,
            "trail": trail,
            "can_change": can(request.user, Action.CHANGE, briefing),
            "can_session": request.user.unit is not None
            and briefing.unit.contains(request.user.unit)
            and can(request.user, Action.CHANGE, request.user.unit),
            "sessions": StudySession.objects.filter(round=round_id).order_by("starts_at"),
            "listed": Eligibility.objects.filter(
                round=round_id, unit__path__startswith=focus.path
            ).count(),
            "attended": Attendance.objects.filter(
                round=round_id, unit__path__startswith=focus.path
            ).count(),
            "rows": rows,
            "talks": talks[:200],
            "talk_total": talks.count(),
            "listener_total": sum(r.listeners for r in rows),
            "chart": horizontal_bars(
                scaled_bars(
                    [(("Trực thuộc " if r.direct else "") + r.unit.name, r.listeners) for r in rows]
                ),
                "Số người nghe theo đơn vị",
                "speakers-chart",
            ),
            "documents": briefing.documents.all(),
        },
    )


@login_required
@require_POST
def briefing_refresh(request: AuthenticatedHttpRequest, briefing_pk: int) -> HttpResponse:
    briefing = _briefing(request, briefing_pk, Action.CHANGE)
    added = refresh_list(briefing)
    messages.success(request, f"Đã bổ sung {added} người vào danh sách hội nghị.")
    return redirect("speakers:briefing_detail", briefing_pk=briefing.pk)


# --- the speaker's own pages (member accounts too) -----------------------------------------------


@login_required
def my_briefings(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The briefings the user's own person is invited to, their sessions (check-in) and talks."""
    briefings = list(
        own_records(Briefing, request.user, "study_round__eligibilities__person")
        .select_related("unit")
        .order_by("-held_on")[:30]
    )
    person_id = request.user.person_id or 0  # own_records found none without a person
    sessions = {
        b.pk: list(StudySession.objects.filter(round=b.study_round_id).order_by("starts_at"))
        for b in briefings
    }
    mine = Talk.objects.filter(person_id=person_id, briefing__in=briefings).select_related(
        "briefing"
    )
    attended = set(
        Attendance.objects.filter(
            person_id=person_id, round__in=[b.study_round_id for b in briefings]
        ).values_list("round_id", flat=True)
    )
    return render(
        request,
        "speakers/my_briefings.html",
        {
            "items": [(b, sessions[b.pk], b.study_round_id in attended) for b in briefings],
            "talks": mine,
        },
    )


@login_required
def talk_add(request: AuthenticatedHttpRequest, briefing_pk: int) -> HttpResponse:
    briefing = (
        own_records(Briefing, request.user, "study_round__eligibilities__person")
        .select_related("unit")
        .filter(pk=briefing_pk)
        .first()
    )
    person = request.user.person
    if briefing is None or person is None:
        raise Http404("Không tìm thấy hội nghị mà đồng chí được mời.")
    today = timezone.localdate()
    form = TalkForm(request.POST or None, initial={"given_on": today})
    if request.method == "POST" and form.is_valid():
        try:
            record_talk(briefing, person, today=today, user=request.user, **form.cleaned_data)
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, "Đã ghi nhận buổi nói chuyện. Cảm ơn đồng chí.")
            return redirect("speakers:my_briefings")
    return render(request, "speakers/talk_form.html", {"form": form, "briefing": briefing})
