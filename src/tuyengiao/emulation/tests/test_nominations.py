"""Nominations for commendation: a unit (or the superior) proposes, the deciding unit approves
with a decision number and date (the register line is written) or declines with a reason; a
review report's proposals are nominations to the reviewing unit and reach the register."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from docx import Document
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.emulation import nominations
from tuyengiao.emulation.models import AwardForm, Commendation, Nomination, NominationStatus
from tuyengiao.emulation.services import EmulationError
from tuyengiao.inspections import reviews
from tuyengiao.inspections.models import ReviewReport
from tuyengiao.inspections.review_docx import build_review_report
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db

ClientAs = Callable[[str], Client]


def _form(name: str = "Giấy khen") -> AwardForm:
    return AwardForm.objects.get(name=name)


def test_a_unit_nominates_and_the_superior_approves_into_the_register(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    person = make_person(tree.cell1, "Trần Thị Bình")
    coso1, khoi = client_as("coso1"), client_as("khoi")
    response = coso1.post(
        reverse("emulation:nomination_create"),
        {
            "form": _form().pk,
            "person": person.pk,
            "reason": "Có thành tích xuất sắc trong tuyên truyền",
            "decider": "superior",
        },
    )
    nomination = Nomination.objects.get()
    assert response.status_code == 302
    assert (nomination.proposer, nomination.decider, nomination.subject_unit) == (
        tree.base1,
        tree.bloc,
        tree.cell1,
    )
    assert nomination.status == NominationStatus.PENDING
    approve = reverse("emulation:nomination_approve", kwargs={"nomination_pk": nomination.pk})
    decline = reverse("emulation:nomination_decline", kwargs={"nomination_pk": nomination.pk})
    # the proposing unit does not decide its own nomination; a sibling cannot reach it
    assert (
        coso1.post(approve, {"decision_number": "1", "decision_date": "2026-05-01"}).status_code
        == 403
    )
    assert client_as("coso2").post(approve).status_code == 404
    # the decision needs its number and date; nothing is written without them
    khoi.post(approve, {"decision_number": "", "decision_date": ""})
    assert not Commendation.objects.exists()
    page = khoi.get(reverse("emulation:nomination_list")).content.decode()
    assert "Trần Thị Bình" in page.split('id="to-decide"')[1].split("</section>")[0]
    khoi.post(approve, {"decision_number": "25-QĐ/ĐUK", "decision_date": "2026-05-01"})
    nomination.refresh_from_db()
    commendation = Commendation.objects.get()
    assert nomination.status == NominationStatus.APPROVED
    assert nomination.commendation == commendation
    assert (commendation.issuer, commendation.person, commendation.subject_unit) == (
        tree.bloc,
        person,
        tree.cell1,
    )
    assert (commendation.decision_number, commendation.decision_date) == (
        "25-QĐ/ĐUK",
        date(2026, 5, 1),
    )
    assert commendation.reason == "Có thành tích xuất sắc trong tuyên truyền"
    # decided once only
    khoi.post(decline, {"reason": "Đổi ý"})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.APPROVED
    assert Commendation.objects.count() == 1
    # the register shows it
    register = khoi.get(reverse("emulation:register")).content.decode()
    assert "25-QĐ/ĐUK" in register


def test_declining_needs_a_reason_and_writes_nothing_to_the_register(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    nomination = nominations.nominate(
        proposer=tree.base2,
        decider=tree.bloc,
        user=None,
        form=_form("Bằng khen"),
        reason="Dẫn đầu phong trào",
        subject_unit=tree.base2,
        person=None,
    )
    url = reverse("emulation:nomination_decline", kwargs={"nomination_pk": nomination.pk})
    response = client_as("khoi").post(url, {"reason": ""}, follow=True)
    assert "Hãy ghi lý do không duyệt." in response.content.decode()
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.PENDING
    client_as("khoi").post(url, {"reason": "Chưa đủ thời gian công tác theo quy định."})
    nomination.refresh_from_db()
    assert nomination.status == NominationStatus.DECLINED
    assert nomination.decline_reason == "Chưa đủ thời gian công tác theo quy định."
    assert not Commendation.objects.exists()
    with pytest.raises(EmulationError, match="đã được quyết định"):
        nominations.approve(nomination, None, "1", date(2026, 1, 1))


def test_the_superior_nominates_and_decides_itself_and_scope_is_checked(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    khoi = client_as("khoi")
    khoi.post(
        reverse("emulation:nomination_create"),
        {"form": _form().pk, "subject_unit": tree.base2.pk, "reason": "Tốt", "decider": "own"},
    )
    nomination = Nomination.objects.get()
    assert (nomination.proposer, nomination.decider) == (tree.bloc, tree.bloc)
    assert nominations.may_decide(users["khoi"], nomination)
    with pytest.raises(EmulationError, match="không thuộc phạm vi"):
        nominations.nominate(
            proposer=tree.base1,
            decider=tree.bloc,
            user=None,
            form=_form(),
            reason="x",
            subject_unit=tree.base2,
            person=None,
        )
    with pytest.raises(EmulationError, match="cấp trên trực tiếp"):
        nominations.nominate(
            proposer=tree.cell1,
            decider=tree.bloc,
            user=None,
            form=_form(),
            reason="x",
            subject_unit=tree.cell1,
            person=None,
        )


def test_review_proposals_are_nominations_that_reach_the_register(
    tree: Tree, users: dict[str, User], client_as: ClientAs
) -> None:
    today = timezone.localdate()
    review = reviews.open_review(
        unit=tree.bloc,
        user=None,
        kind="so_ket_1n",
        title="một năm",
        plan=None,
        span_start=today - timedelta(days=365),
        span_end=today,
        due_date=today,
        outline="Kết quả",
        units=[tree.base1, tree.base2],
    )
    report = ReviewReport.objects.get(review=review, unit=tree.base1)
    url = reverse("emulation:nomination_for_review", kwargs={"review_report_pk": report.pk})
    assert client_as("coso2").get(url).status_code == 404
    assert client_as("viewer1").get(url).status_code == 404
    client_as("coso1").post(
        url,
        {
            "form": _form().pk,
            "subject_unit": tree.cell1.pk,
            "reason": "Hoàn thành xuất sắc nhiệm vụ",
            "decider": "superior",
        },
    )
    nomination = Nomination.objects.get()
    assert (nomination.review_report, nomination.decider) == (report, tree.bloc)
    page = client_as("coso1").get(
        reverse("inspections:review_report", kwargs={"review_report_pk": report.pk})
    )
    assert "Hoàn thành xuất sắc nhiệm vụ" in page.content.decode()
    client_as("khoi").post(
        reverse("emulation:nomination_approve", kwargs={"nomination_pk": nomination.pk}),
        {"decision_number": "30-QĐ/ĐUK", "decision_date": today.isoformat()},
    )
    assert Commendation.objects.get().subject_unit == tree.cell1
    doc = Document(io.BytesIO(build_review_report(review, today)))
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    assert any("Giấy khen: Chi bộ Văn phòng Sở TTTT" in c and "đã khen thưởng" in c for c in cells)


def test_the_list_exports_xlsx(tree: Tree, users: dict[str, User], client_as: ClientAs) -> None:
    nominations.nominate(
        proposer=tree.base1,
        decider=tree.bloc,
        user=None,
        form=_form(),
        reason="Thành tích",
        subject_unit=tree.base1,
        person=None,
    )
    response = client_as("khoi").get(reverse("emulation:nomination_list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("Ngày đề nghị", "Đơn vị đề nghị", "Hình thức")
    assert rows[1][1:3] == (tree.base1.name, "Giấy khen")
    assert rows[1][7] == "Chờ quyết định"
