"""Drafts with optimistic locking, submission with kept versions, return and acceptance."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from tuyengiao.notifications import events

from ..models import IndicatorValue, ReportVersion, Status, Submission
from .values import Parsed, validate

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


# What a draft save writes (with the form's token and sequence, so later saves can be judged).
DRAFT_FIELDS = ("data", "version", "updated_by", "updated_at", "last_token", "last_seq")


class Conflict(Exception):
    """Someone saved the draft since this form was rendered: reconcile, never overwrite."""

    def __init__(self, submission: Submission) -> None:
        super().__init__("conflict")
        self.submission = submission


class NotEditable(Exception):
    pass


class Superseded(Exception):
    """A save of this form older than one already stored (autosaves overtaking each other on the
    network): the newer content stays, this one is dropped."""

    def __init__(self, submission: Submission) -> None:
        super().__init__("superseded")
        self.submission = submission


def _locked(submission: Submission) -> Submission:
    return (
        # OF self: lock the submission row only. A plain FOR UPDATE with the joins below also
        # locked the period, type and unit rows, so every unit's save in a period waited for the
        # others' (seen under the deadline-rush load).
        Submission.objects.select_for_update(of=("self",))
        .select_related("period__report_type", "unit")
        .get(pk=submission.pk)
    )


def clean_data(submission: Submission, posted: dict[str, str]) -> dict[str, str]:
    """Keep only the keys the form of this type has (indicators, sections, task rows)."""
    rt = submission.period.report_type
    keys = {i.key for i in rt.indicators.all() if i.is_input} | {s.key for s in rt.sections.all()}
    keys |= {k for k in posted if re.fullmatch(r"task_\d+_(status|result)", k)}
    return {k: str(posted.get(k, "")).strip()[:20000] for k in keys if k in posted}


def _superseded(current: Submission, token: str, seq: int) -> bool:
    """True when this form already had a later save stored. Sequence 0 means the form numbers
    nothing (no script): then only the version decides, as for every form before numbering."""
    return (
        bool(token)
        and current.last_token == token
        and current.last_seq > 0
        and seq <= current.last_seq
    )


def _stale(current: Submission, version: int, token: str) -> bool:
    """True when someone else saved since the form was rendered (not this form's own autosave)."""
    if current.version == version:
        return False
    return not (token and current.last_token == token and version < current.version)


def _check(current: Submission, version: int, token: str, seq: int) -> None:
    if _superseded(current, token, seq):
        raise Superseded(current)
    if _stale(current, version, token):
        raise Conflict(current)


def save_draft(
    submission: Submission,
    data: dict[str, str],
    version: int,
    user: User | None,
    token: str = "",
    seq: int = 0,
) -> Submission:
    """Store what was typed (even invalid) if ``version`` is still the current one; else Conflict.
    ``seq`` numbers the saves of the form ``token``: one not above the last stored is Superseded."""
    with transaction.atomic():
        current = _locked(submission)
        if not current.editable:
            raise NotEditable
        _check(current, version, token, seq)
        merged = dict(current.data)
        merged.update(clean_data(current, data))
        current.data = merged
        current.version = F("version") + 1
        current.updated_by = user
        current.last_token = token
        current.last_seq = seq
        current.save(update_fields=[*DRAFT_FIELDS])
        current.refresh_from_db()
    return current


def snapshot(
    submission: Submission,
    action: str,
    user: User | None,
    comment: str = "",
    token: str | None = None,
) -> ReportVersion:
    number = submission.versions.count() + 1
    return ReportVersion.objects.create(
        submission=submission,
        number=number,
        action=action,
        status=submission.status,
        data=submission.data,
        comment=comment,
        token=token,
        created_by=user,
    )


@dataclass
class SubmitResult:
    submission: Submission
    errors: dict[str, str] = field(default_factory=dict)
    duplicate: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _write_values(submission: Submission, parsed: dict[int, Parsed]) -> None:
    IndicatorValue.objects.filter(submission=submission).delete()
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(
                submission=submission,
                period_id=submission.period_id,
                indicator_id=ind_id,
                unit_path=submission.unit.path,
                value=p.value,
                text=p.text,
            )
            for ind_id, p in parsed.items()
        ]
    )


def submit(
    submission: Submission,
    data: dict[str, str],
    version: int,
    token: str,
    user: User | None,
    on_behalf: bool = False,
    seq: int = 0,
) -> SubmitResult:
    """Save, validate and submit. A token already used → the earlier submission stands (stored once).
    Invalid values are still saved as the draft (nothing typed is lost)."""
    if token and ReportVersion.objects.filter(token=token).exists():
        return SubmitResult(Submission.objects.get(pk=submission.pk), duplicate=True)
    try:
        with transaction.atomic():
            current = _locked(submission)
            if not current.editable:
                if token and ReportVersion.objects.filter(token=token).exists():
                    return SubmitResult(current, duplicate=True)
                raise NotEditable
            _check(current, version, token, seq)
            merged = dict(current.data)
            merged.update(clean_data(current, data))
            current.data = merged
            rt = current.period.report_type
            parsed, errors = validate(rt, merged)
            current.version += 1
            current.updated_by = user
            current.last_token = token
            current.last_seq = seq
            if errors:
                current.save(update_fields=[*DRAFT_FIELDS])
                return SubmitResult(current, errors=errors)
            now = timezone.now()
            today = timezone.localdate()
            current.status = Status.SUBMITTED
            current.submitted_at = now
            if current.first_submitted_on is None:
                current.first_submitted_on = today
                current.is_late = today > current.period.due_date
            current.entered_by_superior = on_behalf
            current.save()
            _write_values(current, parsed)
            snapshot(current, "submit", user, token=token or None)
    except IntegrityError:
        # The same token committed concurrently: the submission is stored once.
        return SubmitResult(Submission.objects.get(pk=submission.pk), duplicate=True)
    return SubmitResult(current)


@transaction.atomic
def return_submission(submission: Submission, comment: str, user: User | None) -> Submission:
    current = _locked(submission)
    if current.status not in (Status.SUBMITTED, Status.ACCEPTED):
        raise NotEditable
    current.status = Status.RETURNED
    current.comment = comment
    current.decided_at = timezone.now()
    current.version += 1
    current.save()
    IndicatorValue.objects.filter(submission=current).delete()
    events.report_decided(snapshot(current, "return", user, comment=comment))
    return current


@transaction.atomic
def accept_submission(submission: Submission, comment: str, user: User | None) -> Submission:
    current = _locked(submission)
    if current.status != Status.SUBMITTED:
        raise NotEditable
    current.status = Status.ACCEPTED
    current.comment = comment
    current.decided_at = timezone.now()
    current.save()
    events.report_decided(snapshot(current, "accept", user, comment=comment))
    return current
