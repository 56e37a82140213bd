"""Contests: the list, creating one with its rubric, its page (rounds, jury), entries, closing a
round, results (after closing only) and certificates; and the juror's own scoring pages, where a
juror sees their own scores only."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.permissions import own_records
from tuyengiao.accounts.scoping import Action, can, get_for_user, scoped
from tuyengiao.core.listing import export_requested, paginate
from tuyengiao.core.spreadsheets import xlsx_response
from tuyengiao.formats.numbers import number
from tuyengiao.orgs.letterhead import place_of
from tuyengiao.orgs.models import Person, Unit

from ..certificates import CONTEST_TEMPLATE, DOCX_MIME, certificate_docx, date_words
from ..forms import ContestForm, EntryForm, JurorForm, RoundForm, ScoreForm
from ..models import Contest, ContestRound, Criterion, CriterionLevel, Entry, Juror, Score
from ..services import SpeakersError
from ..services.contests import close_round, results, save_scores, scored_count
from ..services.training import roster_people
from .common import own_unit


@login_required
def contest_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    qs = scoped(Contest, request.user).select_related("unit")
    if export_requested(request):
        return xlsx_response(
            "hoi-thi.xlsx",
            ["Hội thi", "Loại", "Năm", "Đơn vị tổ chức"],
            ([c.title, c.get_kind_display(), c.year, c.unit.name] for c in qs),
            title="Hội thi",
        )
    unit = request.user.unit
    return render(
        request,
        "speakers/contest_list.html",
        {
            "can_open": unit is not None and can(request.user, Action.CHANGE, unit),
            **paginate(request, qs),
        },
    )


@login_required
def contest_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    unit = own_unit(request)
    form = ContestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            contest = form.save(commit=False)
            contest.unit = unit
            contest.save()
            for order, (name, weight, levels) in enumerate(form.cleaned_data["rubric"]):
                criterion = Criterion.objects.create(
                    contest=contest, name=name, weight=weight, order=order
                )
                CriterionLevel.objects.bulk_create(
                    [
                        CriterionLevel(criterion=criterion, label=label, points=points)
                        for label, points in levels
                    ]
                )
            ContestRound.objects.create(contest=contest, name="Vòng 1", order=1)
        messages.success(
            request, "Đã tạo hội thi với vòng 1; hãy chọn ban giám khảo và nhập bài dự thi."
        )
        return redirect("speakers:contest_detail", contest_pk=contest.pk)
    return render(request, "speakers/contest_form.html", {"form": form})


def _contest(
    request: AuthenticatedHttpRequest, contest_pk: int, action: Action = Action.VIEW
) -> Contest:
    return get_for_user(Contest.objects.select_related("unit"), request.user, action, pk=contest_pk)


@login_required
def contest_detail(request: AuthenticatedHttpRequest, contest_pk: int) -> HttpResponse:
    contest = _contest(request, contest_pk)
    can_change = can(request.user, Action.CHANGE, contest)
    jurors = list(contest.jurors.select_related("person", "person__unit"))
    return render(
        request,
        "speakers/contest_detail.html",
        {
            "contest": contest,
            "can_change": can_change,
            "rounds": contest.rounds.all(),
            "criteria": contest.criteria.prefetch_related("levels"),
            "jurors": jurors,
            "juror_form": JurorForm(
                people=roster_people(contest.unit).exclude(pk__in=[j.person_id for j in jurors])
            )
            if can_change
            else None,
            "round_form": RoundForm() if can_change else None,
        },
    )


@login_required
@require_POST
def juror_add(request: AuthenticatedHttpRequest, contest_pk: int) -> HttpResponse:
    contest = _contest(request, contest_pk, Action.CHANGE)
    form = JurorForm(request.POST, people=roster_people(contest.unit))
    if form.is_valid():
        _, created = Juror.objects.get_or_create(
            contest=contest, person=form.cleaned_data["person"]
        )
        messages.success(request, "Đã thêm giám khảo." if created else "Người này đã là giám khảo.")
    else:
        messages.error(request, "Giám khảo phải là người trong danh sách lực lượng của đơn vị.")
    return redirect("speakers:contest_detail", contest_pk=contest.pk)


@login_required
@require_POST
def round_add(request: AuthenticatedHttpRequest, contest_pk: int) -> HttpResponse:
    contest = _contest(request, contest_pk, Action.CHANGE)
    form = RoundForm(request.POST)
    if form.is_valid():
        ContestRound.objects.create(
            contest=contest, name=form.cleaned_data["name"], order=contest.rounds.count() + 1
        )
        messages.success(request, "Đã thêm vòng thi.")
    else:
        messages.error(request, "Hãy nhập tên vòng thi.")
    return redirect("speakers:contest_detail", contest_pk=contest.pk)


def _round(
    request: AuthenticatedHttpRequest, contest_round_pk: int, action: Action = Action.VIEW
) -> ContestRound:
    return get_for_user(
        ContestRound.objects.select_related("contest", "contest__unit"),
        request.user,
        action,
        pk=contest_round_pk,
    )


def _entry_form(contest: Contest, data: object = None) -> EntryForm:
    return EntryForm(
        data,
        people=Person.objects.in_subtree(contest.unit).filter(active=True),
        units=Unit.objects.filter(path__startswith=contest.unit.path),
    )


@login_required
def round_detail(request: AuthenticatedHttpRequest, contest_round_pk: int) -> HttpResponse:
    contest_round = _round(request, contest_round_pk)
    contest = contest_round.contest
    can_change = can(request.user, Action.CHANGE, contest_round)
    rows = results(contest_round) if contest_round.closed else []
    if contest_round.closed and export_requested(request):
        return xlsx_response(
            f"ket-qua-vong-{contest_round.pk}.xlsx",
            [
                "Hạng",
                "Bài dự thi",
                "Người / đơn vị dự thi",
                "Điểm",
                "Đồng hạng",
                "Giám khảo lệch điểm",
            ],
            (
                [
                    r.rank or "",
                    r.entry.title,
                    str(r.entry.person or r.entry.entrant_unit),
                    float(r.score) if r.score is not None else "",
                    "Đồng hạng" if r.tied else "",
                    len(r.flagged),
                ]
                for r in rows
            ),
            title="Kết quả",
        )
    jurors = {j.pk: j for j in contest.jurors.select_related("person")}
    return render(
        request,
        "speakers/contest_round.html",
        {
            "round": contest_round,
            "contest": contest,
            "can_change": can_change,
            "entries": contest_round.entries.select_related("person", "entrant_unit"),
            "entry_form": _entry_form(contest) if can_change and not contest_round.closed else None,
            "progress": [(j, scored_count(contest_round).get(pk, 0)) for pk, j in jurors.items()],
            "rows": [
                (r, [(jurors[j], t, j in r.flagged) for j, t in r.totals.items()]) for r in rows
            ],
        },
    )


@login_required
@require_POST
def entry_add(request: AuthenticatedHttpRequest, contest_round_pk: int) -> HttpResponse:
    contest_round = _round(request, contest_round_pk, Action.CHANGE)
    if contest_round.closed:
        messages.error(request, "Vòng thi đã khóa điểm; không thêm bài được.")
        return redirect("speakers:contest_round", contest_round_pk=contest_round.pk)
    form = _entry_form(contest_round.contest, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        person = data["person"]
        Entry.objects.create(
            contest_round=contest_round,
            person=person,
            entrant_unit=data["entrant_unit"] or person.unit,
            kind=data["kind"],
            title=data["title"],
            link=data["link"],
        )
        messages.success(request, "Đã thêm bài dự thi.")
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect("speakers:contest_round", contest_round_pk=contest_round.pk)


@login_required
@require_POST
def round_close(request: AuthenticatedHttpRequest, contest_round_pk: int) -> HttpResponse:
    contest_round = _round(request, contest_round_pk, Action.CHANGE)
    try:
        close_round(contest_round)
    except SpeakersError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Đã khóa điểm vòng thi; kết quả được công bố.")
    return redirect("speakers:contest_round", contest_round_pk=contest_round.pk)


@login_required
def entry_certificate(request: AuthenticatedHttpRequest, entry_pk: int) -> HttpResponse:
    entry = get_for_user(
        Entry.objects.select_related("contest_round__contest__unit", "person", "entrant_unit"),
        request.user,
        pk=entry_pk,
    )
    contest_round = entry.contest_round
    if not contest_round.closed:
        raise Http404("Vòng thi chưa khóa điểm.")
    row = next(r for r in results(contest_round) if r.entry.pk == entry.pk)
    if row.rank is None:
        raise Http404("Bài dự thi chưa được chấm.")
    contest = contest_round.contest
    place = f"đồng hạng {row.rank}" if row.tied else f"hạng {row.rank}"
    data = certificate_docx(
        CONTEST_TEMPLATE,
        {
            "to_chuc": contest.unit.name,
            "ho_ten": entry.person.full_name if entry.person else entry.entrant_unit.name,
            "don_vi": entry.entrant_unit.name,
            "noi_dung": (
                f"Đạt {place} ({number(row.score)} điểm) {contest_round.name.lower()}, "
                f"{contest.title}, với bài “{entry.title}”."
            ),
            "ngay": date_words(timezone.localdate(), place_of(contest.unit)),
        },
    )
    response = HttpResponse(data, content_type=DOCX_MIME)
    response["Content-Disposition"] = f'attachment; filename="chung-nhan-du-thi-{entry.pk}.docx"'
    return response


# --- the juror's own pages -------------------------------------------------------------------------


@login_required
def my_scoring(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The open rounds of the contests the user's person judges, each entry with this juror's own
    total (never the other jurors' while the round is open)."""
    jurors = list(own_records(Juror, request.user).select_related("contest"))
    items = []
    for juror in jurors:
        mine = set(Score.objects.filter(juror=juror).values_list("entry_id", flat=True).distinct())
        for contest_round in juror.contest.rounds.filter(closed=False):
            for entry in contest_round.entries.all():
                items.append((juror.contest, contest_round, entry, entry.pk in mine))
    return render(request, "speakers/my_scoring.html", {"items": items})


@login_required
def score_entry(request: AuthenticatedHttpRequest, entry_pk: int) -> HttpResponse:
    entry = (
        Entry.objects.select_related("contest_round", "contest_round__contest")
        .filter(pk=entry_pk)
        .first()
    )
    juror = (
        own_records(Juror, request.user).filter(contest=entry.contest_round.contest_id).first()
        if entry is not None
        else None
    )
    if entry is None or juror is None:
        raise Http404("Không tìm thấy bài dự thi mà đồng chí chấm.")
    criteria = list(Criterion.objects.filter(contest=juror.contest_id).prefetch_related("levels"))
    current = dict(
        Score.objects.filter(entry=entry, juror=juror).values_list("criterion_id", "level_id")
    )
    form = ScoreForm(request.POST or None, criteria=criteria, initial_levels=current)
    if request.method == "POST" and form.is_valid():
        try:
            save_scores(juror, entry, form.levels())
        except SpeakersError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, f"Đã lưu điểm bài “{entry.title}”.")
            return redirect("speakers:my_scoring")
    return render(
        request,
        "speakers/score_form.html",
        {"form": form, "entry": entry, "closed": entry.contest_round.closed},
    )
