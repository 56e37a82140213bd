"""The files the study pages offer: rate and result tables (.xlsx), the summary report (.docx),
the printable sign-in sheet (.xlsx)."""

from __future__ import annotations

from collections.abc import Sequence

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.accounts.scoping import Action
from tuyengiao.core.spreadsheets import XLSX_MIME
from tuyengiao.orgs.models import Unit

from .. import exports as files
from ..models import StudyRound
from ..services.quizzes import ScoreRow
from ..services.rates import RateRow, round_rates
from ..services.rounds import session_members
from .common import focus_unit, user_round, user_session


def attachment(data: bytes, filename: str, mime: str) -> HttpResponse:
    response = HttpResponse(data, content_type=mime)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def rates_xlsx(study_round: StudyRound, focus: Unit, rows: Sequence[RateRow]) -> HttpResponse:
    """The round page's rate table (``?export=xlsx``)."""
    return attachment(
        files.rates_xlsx(study_round, focus, rows), f"ty-le-hoc-tap-{focus.code}.xlsx", XLSX_MIME
    )


def results_xlsx(focus: Unit, results: Sequence[ScoreRow]) -> HttpResponse:
    """The test page's results by unit (``?export=xlsx``)."""
    return attachment(files.results_xlsx(results), f"ket-qua-kiem-tra-{focus.code}.xlsx", XLSX_MIME)


@login_required
def round_report(request: AuthenticatedHttpRequest, round_pk: int) -> HttpResponse:
    study_round = user_round(request, round_pk)
    focus = focus_unit(request, study_round)
    rows = round_rates(study_round, focus)
    data = files.summary_docx(study_round, focus, rows, on=timezone.localdate())
    return attachment(data, f"bao-cao-hoc-tap-{focus.code}.docx", files.DOCX_MIME)


@login_required
def session_sheet(request: AuthenticatedHttpRequest, session_pk: int) -> HttpResponse:
    session = user_session(request, session_pk, Action.CHANGE)
    data = files.session_sheet_xlsx(session)
    from tuyengiao.privacy.access_log import AccessKind, log_access

    log_access(
        request.user,
        AccessKind.EXPORT,
        about=session,
        unit_path=session.unit.path,
        people=session_members(session).count(),
        description=f"Xuất bảng ký tên buổi “{session.title or session.pk}” (.xlsx)",
    )
    return attachment(data, f"danh-sach-ky-ten-{session.pk}.xlsx", XLSX_MIME)
