"""The suggestion box: officers read, sort, merge, answer and publish; members send to their own
unit or one above it and read the questions and answers published to them; citizens send and
read through a unit's public pages when the unit opens its box."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import is_member
from tuyengiao.accounts.scoping import Action, can, get_for_user, require, scoped
from tuyengiao.core.listing import export_requested, export_xlsx, paginate
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit

from .. import throttle
from ..forms import (
    AnswerSuggestionForm,
    BoxForm,
    MemberSuggestionForm,
    MergeForm,
    PublicSuggestionForm,
    PublishForm,
    SuggestionFilterForm,
    TopicForm,
)
from ..models import Suggestion, SuggestionBox
from ..services import SurveyError, suggestions

SENT = "Đã gửi. Hộp thư không ghi tên, tài khoản hay địa chỉ của người gửi."


@login_required
def box_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = SuggestionFilterForm(request.GET or None)
    qs = scoped(Suggestion, request.user).select_related("unit")
    unit = request.user.unit
    if unit is not None:
        # Published answers of the units above are visible, but the box is the own subtree's.
        qs = qs.filter(unit__path__startswith=unit.path)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            for word in fold(data["q"]).split():
                qs = qs.filter(search_folded__contains=word)
        if data["status"]:
            qs = qs.filter(status=data["status"])
        if data["topic"] not in ("", "all", None):
            qs = qs.filter(topic=data["topic"])
    qs = qs.order_by("-received_on", "-id")
    if export_requested(request, form):
        return export_xlsx(
            "hop-thu-gop-y.xlsx",
            [
                ("Số", lambda s: s.pk),
                ("Đơn vị nhận", lambda s: s.unit.name),
                ("Ngày nhận", lambda s: s.received_on),
                ("Chủ đề", lambda s: s.get_topic_display()),
                ("Trạng thái", lambda s: s.get_status_display()),
                ("Câu hỏi, góp ý", lambda s: s.text),
                ("Trả lời", lambda s: s.answer),
                ("Ngày trả lời", lambda s: s.answered_on),
            ],
            qs,
            title="Hộp thư góp ý",
        )
    return render(
        request,
        "surveys/box_list.html",
        {
            "form": form,
            "stats": suggestions.statistics(qs),
            "can_settle": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


def _user_suggestion(
    request: AuthenticatedHttpRequest, suggestion_pk: int, action: Action
) -> Suggestion:
    return get_for_user(
        Suggestion.objects.select_related("unit", "merged_into"),
        request.user,
        action,
        pk=suggestion_pk,
        # A published answer of a unit above is read on the FAQ page, not handled here.
        **({"unit__path__startswith": request.user.unit.path} if request.user.unit else {}),
    )


@login_required
def suggestion_detail(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.VIEW)
    return render(
        request,
        "surveys/suggestion_detail.html",
        {
            "s": s,
            "may_change": can(request.user, Action.CHANGE, s),
            "answer_form": AnswerSuggestionForm(initial={"answer": s.answer}),
            "publish_form": PublishForm(initial={"question_public": s.question_public or s.text}),
            "topic_form": TopicForm(initial={"topic": s.topic}),
            "merge_form": MergeForm(),
            "duplicates": s.duplicates.all(),
        },
    )


def _done(request: AuthenticatedHttpRequest, s: Suggestion, message: str) -> HttpResponse:
    messages.success(request, message)
    return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)


@login_required
@require_POST
def suggestion_answer(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    form = AnswerSuggestionForm(request.POST)
    try:
        if not form.is_valid():
            raise SurveyError("Hãy viết nội dung trả lời.")
        suggestions.answer(s, form.cleaned_data["answer"], timezone.localdate())
    except SurveyError as exc:
        messages.error(request, str(exc))
        return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)
    return _done(request, s, "Đã lưu câu trả lời.")


@login_required
@require_POST
def suggestion_publish(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    form = PublishForm(request.POST)
    form.is_valid()
    try:
        suggestions.publish(s, form.cleaned_data.get("question_public", ""))
    except SurveyError as exc:
        messages.error(request, str(exc))
        return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)
    return _done(request, s, "Đã công bố trên trang hỏi – đáp của đơn vị.")


@login_required
@require_POST
def suggestion_unpublish(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    suggestions.unpublish(s)
    return _done(request, s, "Đã thôi công bố.")


@login_required
@require_POST
def suggestion_topic(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    form = TopicForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Chủ đề không hợp lệ.")
        return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)
    suggestions.set_topic(s, form.cleaned_data["topic"])
    return _done(request, s, "Đã xếp chủ đề.")


@login_required
@require_POST
def suggestion_spam(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    suggestions.mark_spam(s)
    return _done(request, s, "Đã loại thư rác.")


@login_required
@require_POST
def suggestion_merge(request: AuthenticatedHttpRequest, suggestion_pk: int) -> HttpResponse:
    s = _user_suggestion(request, suggestion_pk, Action.CHANGE)
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Hãy ghi số của câu hỏi trùng.")
        return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)
    into = (
        scoped(Suggestion, request.user, Action.CHANGE).filter(pk=form.cleaned_data["into"]).first()
    )
    try:
        if into is None:
            raise SurveyError("Không có câu hỏi số này trong hộp thư của đơn vị.")
        suggestions.merge(s, into)
    except SurveyError as exc:
        messages.error(request, str(exc))
        return redirect("surveys:suggestion_detail", suggestion_pk=s.pk)
    return _done(request, s, f"Đã gộp vào câu hỏi số {into.pk}.")


@login_required
def box_settings(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = request.user.unit
    if unit is None:
        messages.error(request, "Tài khoản chưa gắn với đơn vị.")
        return redirect("surveys:box_list")
    require(request.user, Action.CHANGE, unit)
    box = SuggestionBox.objects.filter(unit=unit).first()
    form = BoxForm(
        request.POST or None,
        initial={"public": box.public if box else False, "intro": box.intro if box else ""},
    )
    if request.method == "POST" and form.is_valid():
        box = suggestions.box_for(unit)
        box.public = form.cleaned_data["public"]
        box.intro = form.cleaned_data["intro"]
        box.save()
        messages.success(request, "Đã lưu cài đặt hộp thư.")
        return redirect("surveys:box_settings")
    return render(request, "surveys/box_settings.html", {"form": form, "unit": unit, "box": box})


def _member_units(request: AuthenticatedHttpRequest) -> QuerySet[Unit]:
    """The units a signed-in person may write to: their own unit and the units above it."""
    person = getattr(request.user, "person", None)
    unit: Unit | None = person.unit if person is not None else request.user.unit
    units: QuerySet[Unit] = Unit.objects.all()
    if unit is None:
        return units.none()
    return units.filter(path__in=unit.ancestor_paths(include_self=True)).order_by("-depth")


@login_required
def member_suggest(request: AuthenticatedHttpRequest) -> HttpResponse:
    """A member writes to their unit or one above it (officers answer in the box instead)."""
    if not is_member(request.user):
        raise PermissionDenied("Trang này dành cho tài khoản cá nhân của đảng viên.")
    units = _member_units(request)
    form = MemberSuggestionForm(request.POST or None, units=units)
    if request.method == "POST" and form.is_valid():
        try:
            suggestions.send(
                form.cleaned_data["unit"],
                form.cleaned_data["text"],
                timezone.localdate(),
                contact=form.cleaned_data["contact"],
            )
        except SurveyError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, SENT)
            return redirect("surveys:faq")
    return render(
        request,
        "surveys/suggest.html",
        {"form": form, "public": False},
        status=400 if form.errors else 200,
    )


def _faq_search(request: HttpRequest, qs: QuerySet[Suggestion]) -> tuple[str, QuerySet[Suggestion]]:
    q = request.GET.get("q", "").strip()[:200]
    return q, suggestions.search_published(qs, q).select_related("unit")


@login_required
def faq(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Published questions and answers the user may read: a member's own unit and those above;
    an officer's whole scope (its subtree and what the units above publish)."""
    if is_member(request.user):
        qs = Suggestion.objects.filter(unit__in=_member_units(request))
    else:
        qs = scoped(Suggestion, request.user)
    q, items = _faq_search(request, qs)
    return render(
        request, "surveys/faq.html", {"q": q, **paginate(request, items), "public_unit": None}
    )


def _public_box(unit_code: str) -> SuggestionBox:
    return get_object_or_404(
        SuggestionBox.objects.select_related("unit"), unit__code=unit_code, public=True
    )


def public_faq(request: HttpRequest, unit_code: str) -> HttpResponse:
    box = _public_box(unit_code)
    q, items = _faq_search(request, Suggestion.objects.filter(unit=box.unit))
    return render(
        request,
        "surveys/faq.html",
        {"q": q, **paginate(request, items), "public_unit": box.unit, "box": box},
    )


def public_suggest(request: HttpRequest, unit_code: str) -> HttpResponse:
    box = _public_box(unit_code)
    form = PublicSuggestionForm(request.POST or None)
    status = 200
    if request.method == "POST":
        scope = f"box:{box.pk}"
        if throttle.is_refused(request, scope):
            form.add_error(None, throttle.REFUSED)
            status = 429
        elif form.is_valid():
            throttle.count(request, scope)
            try:
                suggestions.send(
                    box.unit,
                    form.cleaned_data["text"],
                    timezone.localdate(),
                    contact=form.cleaned_data["contact"],
                    from_public=True,
                )
            except SurveyError as exc:
                form.add_error(None, str(exc))
            else:
                return render(request, "surveys/suggest_done.html", {"box": box})
        status = status if status != 200 else 400
    return render(
        request, "surveys/suggest.html", {"form": form, "public": True, "box": box}, status=status
    )
