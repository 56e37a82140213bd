"""Nominations for commendation (đề nghị khen thưởng): a unit — or the superior itself — proposes
a unit or a person of its subtree for a form; the deciding unit approves with a decision number
and date (the register line is written) or declines with a reason. A review report's proposals
are nominations to the reviewing unit."""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.accounts.scoping import Action, can, is_system_admin
from tuyengiao.inspections.models import ReviewReport
from tuyengiao.orgs.models import Person, Unit

from .models import AwardForm, Movement, Nomination, NominationStatus
from .services import EmulationError, commend


def nominate(
    *,
    proposer: Unit,
    decider: Unit,
    user: User | None,
    form: AwardForm,
    reason: str,
    subject_unit: Unit | None,
    person: Person | None,
    movement: Movement | None = None,
    review_report: ReviewReport | None = None,
    today: date | None = None,
) -> Nomination:
    if person is not None:
        subject_unit = person.unit
    if subject_unit is None:
        raise EmulationError("Hãy chọn tập thể hoặc cá nhân được đề nghị khen thưởng.")
    if not subject_unit.path.startswith(proposer.path):
        raise EmulationError(f"{subject_unit.name} không thuộc phạm vi của {proposer.name}.")
    if decider.pk != proposer.pk and decider.pk != getattr(proposer.superior(), "pk", None):
        raise EmulationError("Cấp quyết định phải là đơn vị đề nghị hoặc cấp trên trực tiếp.")
    if review_report is not None and (
        review_report.unit_id != proposer.pk or review_report.review.unit_id != decider.pk
    ):
        raise EmulationError("Đề nghị theo báo cáo sơ kết, tổng kết phải gửi đơn vị tổ chức.")
    if not reason.strip():
        raise EmulationError("Hãy ghi thành tích được đề nghị khen thưởng.")
    return Nomination.objects.create(
        proposer=proposer,
        decider=decider,
        subject_unit=subject_unit,
        person=person,
        form=form,
        reason=reason.strip(),
        movement=movement,
        review_report=review_report,
        proposed_on=today or timezone.localdate(),
        created_by=user,
    )


def may_decide(user: User, nomination: Nomination) -> bool:
    """Officers of the deciding unit (or above); a unit never decides what it proposed to its
    superior."""
    if is_system_admin(user):
        return True
    if not can(user, Action.CHANGE, nomination.decider):
        return False
    unit = getattr(user, "unit", None)
    return nomination.decider_id == nomination.proposer_id or (
        unit is not None and unit.pk != nomination.proposer_id
    )


@transaction.atomic
def approve(
    nomination: Nomination,
    user: User | None,
    decision_number: str,
    decision_date: date,
    today: date | None = None,
) -> Nomination:
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != NominationStatus.PENDING:
        raise EmulationError("Đề nghị này đã được quyết định.")
    if not decision_number.strip():
        raise EmulationError("Hãy nhập số quyết định.")
    nomination.commendation = commend(
        issuer=nomination.decider,
        user=user,
        form=nomination.form,
        decision_number=decision_number,
        decision_date=decision_date,
        reason=nomination.reason,
        subject_unit=nomination.subject_unit,
        person=nomination.person,
        movement=nomination.movement,
    )
    nomination.status = NominationStatus.APPROVED
    nomination.decided_on = today or timezone.localdate()
    nomination.decided_by = user
    nomination.save()
    return nomination


@transaction.atomic
def decline(
    nomination: Nomination, user: User | None, reason: str, today: date | None = None
) -> Nomination:
    locked = Nomination.objects.select_for_update().get(pk=nomination.pk)
    if locked.status != NominationStatus.PENDING:
        raise EmulationError("Đề nghị này đã được quyết định.")
    if not reason.strip():
        raise EmulationError("Hãy ghi lý do không duyệt.")
    nomination.status = NominationStatus.DECLINED
    nomination.decline_reason = reason.strip()
    nomination.decided_on = today or timezone.localdate()
    nomination.decided_by = user
    nomination.save()
    return nomination
