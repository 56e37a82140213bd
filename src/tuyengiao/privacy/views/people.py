"""A person's data in one place: the page for the unit's administrators (their subtree only) and
for the person about themself ("Dữ liệu của tôi"), the exports (.zip of JSON and files, .docx),
and erasure. Every read by someone other than the person is written to the access log."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST, require_safe

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action, get_for_user
from tuyengiao.orgs.models import Person

from ..access_log import AccessKind, log_access
from ..erasure import erase_person
from ..forms import EraseForm, MemberRequestForm, RequestForm
from ..records import count_rows, export_docx, export_zip, person_records
from ..tasks import FORMATS, start_person_export

# Above this many rows the export runs as a background job (its page shows the progress).
EXPORT_INLINE_ROWS = 2000


def attachment(data: bytes, filename: str, mime: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(
    request: AuthenticatedHttpRequest, person: Person, fmt: str, filename: str
) -> HttpResponse:
    """The file in the response, or, for a large one, a background job and its page."""
    rows = count_rows(person)
    if rows > EXPORT_INLINE_ROWS:
        job = start_person_export(request.user, person, fmt, filename, rows)
        return redirect("privacy:export_job", person_export_job_pk=job.pk)
    data = export_zip(person) if fmt == "zip" else export_docx(person)
    return attachment(data, filename, FORMATS[fmt])


def managed_person(request: AuthenticatedHttpRequest, person_pk: int) -> Person:
    """A person of the unit administrator's subtree (404 otherwise)."""
    return get_for_user(
        Person.objects.select_related("unit"), request.user, Action.MANAGE, pk=person_pk
    )


def own_person(request: AuthenticatedHttpRequest) -> Person:
    person_id = request.user.person_id
    if person_id is None:
        raise Http404("Tài khoản chưa gắn với hồ sơ đảng viên; hãy liên hệ cán bộ của đơn vị.")
    return Person.objects.select_related("unit").get(pk=person_id)


def _log(request: AuthenticatedHttpRequest, person: Person, kind: str, what: str) -> None:
    if request.user.person_id == person.pk:
        return  # a person reading their own data is not an access to someone's data
    log_access(
        request.user,
        kind,
        about=person,
        unit_path=person.unit.path,
        people=1,
        description=f"{what}: {person.full_name} (#{person.pk})",
    )


@login_required
@require_safe
def person_data(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = managed_person(request, person_pk)
    _log(request, person, AccessKind.PERSON_PAGE, "Xem dữ liệu cá nhân")
    return render(
        request,
        "privacy/person_data.html",
        {
            "person": person,
            "sections": person_records(person),
            "own": False,
            "request_form": RequestForm(),
            "erase_form": EraseForm(),
        },
    )


@login_required
@require_safe
def person_export_zip(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = managed_person(request, person_pk)
    _log(request, person, AccessKind.EXPORT, "Xuất dữ liệu cá nhân (.zip)")
    return _export(request, person, "zip", f"du-lieu-ca-nhan-{person.pk}.zip")


@login_required
@require_safe
def person_export_docx(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = managed_person(request, person_pk)
    _log(request, person, AccessKind.EXPORT, "Xuất dữ liệu cá nhân (.docx)")
    return _export(request, person, "docx", f"du-lieu-ca-nhan-{person.pk}.docx")


@login_required
@require_POST
def person_erase(request: AuthenticatedHttpRequest, person_pk: int) -> HttpResponse:
    person = managed_person(request, person_pk)
    form = EraseForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "privacy/person_data.html",
            {
                "person": person,
                "sections": person_records(person),
                "own": False,
                "request_form": RequestForm(),
                "erase_form": form,
            },
            status=400,
        )
    report = erase_person(person, by=request.user)
    return render(request, "privacy/erase_report.html", {"person": person, "report": report})


@login_required
@require_safe
def my_data(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = own_person(request)
    return render(
        request,
        "privacy/person_data.html",
        {
            "person": person,
            "sections": person_records(person),
            "own": True,
            "request_form": MemberRequestForm(),
        },
    )


@login_required
@require_safe
def my_export_zip(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, own_person(request), "zip", "du-lieu-cua-toi.zip")


@login_required
@require_safe
def my_export_docx(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _export(request, own_person(request), "docx", "du-lieu-cua-toi.docx")
