"""The requests register: record, assign, answer and close a data subject's request.

Deadlines are computed at receipt by ``deadlines`` (2 working days to respond, 15 days to
complete, see its docstring for the legal texts) and stored. ``overdue(qs, today)`` are the open
requests past a deadline, shown on the administrators' dashboard.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from tuyengiao.orgs.models import Person

from . import deadlines
from .models import DataRequest, RequestKind, RequestStatus


class RequestError(Exception):
    """A step the request's state does not allow; the message is for the user."""


def record_request(
    person: Person,
    kind: str,
    details: str = "",
    received_on: date | None = None,
    by: Any = None,
    third_party: bool = False,
) -> DataRequest:
    if kind not in RequestKind.values:
        raise RequestError("Loại yêu cầu không hợp lệ.")
    received = received_on or timezone.localdate()
    return DataRequest.objects.create(
        person=person,
        unit=person.unit,
        kind=kind,
        details=details,
        received_on=received,
        respond_by=deadlines.respond_by(received),
        complete_by=deadlines.complete_by(received, third_party=third_party),
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )


def assign(request: DataRequest, user: Any) -> DataRequest:
    if request.status in (RequestStatus.ANSWERED, RequestStatus.CLOSED):
        raise RequestError("Yêu cầu đã được trả lời; không phân công lại.")
    request.assigned_to = user
    request.status = RequestStatus.ASSIGNED
    request.save(update_fields=["assigned_to", "status"])
    return request


def answer(request: DataRequest, text: str, on: date | None = None) -> DataRequest:
    if request.status == RequestStatus.CLOSED:
        raise RequestError("Yêu cầu đã đóng.")
    if not text.strip():
        raise RequestError("Hãy nhập nội dung trả lời.")
    request.answer = text.strip()
    request.answered_on = on or timezone.localdate()
    request.status = RequestStatus.ANSWERED
    request.save(update_fields=["answer", "answered_on", "status"])
    return request


def close(request: DataRequest, on: date | None = None) -> DataRequest:
    if request.status != RequestStatus.ANSWERED:
        raise RequestError("Chỉ đóng được yêu cầu đã trả lời.")
    request.closed_on = on or timezone.localdate()
    request.status = RequestStatus.CLOSED
    request.save(update_fields=["closed_on", "status"])
    return request


def overdue(qs: QuerySet[DataRequest], today: date | None = None) -> QuerySet[DataRequest]:
    """Open requests past a deadline: not answered by ``respond_by``, or not closed by
    ``complete_by`` (same rule as ``DataRequest.is_overdue``)."""
    today = today or timezone.localdate()
    return qs.exclude(status=RequestStatus.CLOSED).filter(
        Q(respond_by__lt=today) & ~Q(status=RequestStatus.ANSWERED) | Q(complete_by__lt=today)
    )
