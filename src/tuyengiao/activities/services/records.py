"""Writes of the activity register: record, change, delete an activity; add and remove evidence.

Every write goes through here (views, demo, tests). Nothing is stored when a rule refuses: the
caller gets an ``ActivityError`` in Vietnamese and keeps what was typed.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from tuyengiao.orgs.models import Person, Unit

from ..models import Activity, Evidence
from . import tallies

# An activity is recorded as it happens or after; a date further ahead is a typing slip.
FUTURE_SLACK = timedelta(days=1)
MAX_REACHED = 10_000_000

FIELDS = (
    "kind",
    "topic",
    "held_on",
    "place",
    "commune",
    "district",
    "audience",
    "reached",
    "link",
    "assignment",
    "document",
    "campaign",
    "note",
)


class ActivityError(ValueError):
    """A refusal, in Vietnamese, of a write that would break a rule."""


def check(unit: Unit, data: dict[str, Any], people: Iterable[Person]) -> None:
    held_on: date | None = data.get("held_on")
    if held_on is not None and held_on > timezone.localdate() + FUTURE_SLACK:
        raise ActivityError(
            "Ngày thực hiện ở tương lai: sổ chỉ ghi hoạt động đã hoặc đang diễn ra. "
            "Hãy kiểm tra lại ngày."
        )
    reached = data.get("reached") or 0
    if reached < 0 or reached > MAX_REACHED:
        raise ActivityError("Số người được tuyên truyền phải từ 0 đến 10.000.000.")
    outside = [p.full_name for p in people if not p.unit.path.startswith(unit.path)]
    if outside:
        raise ActivityError(
            "Người thực hiện phải thuộc đơn vị hoặc cấp dưới: " + ", ".join(outside) + "."
        )
    assignment = data.get("assignment")
    if assignment is not None and assignment.unit_id != unit.pk:
        raise ActivityError("Chỉ gắn được với nhiệm vụ giao cho chính đơn vị.")


@transaction.atomic
def record(
    unit: Unit,
    user: Any,
    data: dict[str, Any],
    people: Iterable[Person] = (),
    files: Iterable[UploadedFile[bytes]] = (),
) -> Activity:
    """Record an activity of ``unit`` with the cleaned ``data`` (keys of ``FIELDS``)."""
    people = list(people)
    check(unit, data, people)
    activity = Activity(unit=unit, created_by=user if getattr(user, "pk", None) else None)
    for name in FIELDS:
        if name in data:
            setattr(activity, name, data[name] if data[name] is not None else _empty(name))
    activity.save()
    tallies.apply(None, tallies.contribution(activity))
    if people:
        activity.people.set(people)
    for upload in files:
        add_evidence(activity, upload)
    return activity


def _empty(name: str) -> Any:
    return (
        None
        if name in {"assignment", "campaign", "document", "held_on", "kind"}
        else ("" if name != "reached" else 0)
    )


@transaction.atomic
def change(activity: Activity, data: dict[str, Any], people: Iterable[Person]) -> Activity:
    """Change an activity; ``data`` may also name another ``unit`` (an activity recorded under
    the wrong unit). The counters move with it in the same transaction."""
    people = list(people)
    unit: Unit = data.get("unit") or activity.unit
    check(unit, data, people)
    before = tallies.stored_contribution(activity.pk)
    activity.unit = unit
    for name in FIELDS:
        if name in data:
            setattr(activity, name, data[name] if data[name] is not None else _empty(name))
    activity.save()
    tallies.apply(before, tallies.contribution(activity))
    activity.people.set(people)
    return activity


@transaction.atomic
def delete(activity: Activity) -> None:
    before = tallies.stored_contribution(activity.pk)
    for evidence in list(activity.evidence.all()):
        remove_evidence(evidence)
    activity.delete()
    tallies.apply(before, None)


def add_evidence(activity: Activity, upload: UploadedFile[bytes]) -> Evidence:
    """Store a file already checked by ``core.uploads.CheckedFileField``."""
    name = (upload.name or "minh-chung").rsplit("/", 1)[-1][:255]
    evidence = Evidence(activity=activity, name=name)
    evidence.file.save(name, upload, save=False)
    evidence.save()
    return evidence


def remove_evidence(evidence: Evidence) -> None:
    storage, name = evidence.file.storage, evidence.file.name
    evidence.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


def recent_topics(unit: Unit, limit: int = 30) -> list[str]:
    """Topics recently used in ``unit``'s subtree and above it, offered as suggestions so that
    the same campaign is written the same way (and rolls up as one topic)."""
    paths = [unit.path[: n * Unit.steplen] for n in range(1, unit.depth + 1)]
    qs = (
        Activity.objects.filter(unit_path__in=paths)
        | Activity.objects.filter(unit_path__startswith=unit.path)
    ).filter(held_on__gte=timezone.localdate() - timedelta(days=365))
    seen: list[str] = []
    for topic in qs.order_by("-held_on", "-id").values_list("topic", flat=True)[:500]:
        if topic not in seen:
            seen.append(topic)
            if len(seen) >= limit:
                break
    return seen


def for_assignment(assignment: Any, user: Any) -> tuple[list[Activity], int]:
    """The activities ``user`` may see that carry out a plan task assignment (its evidence of
    progress on the task's page), and the people they reached."""
    from tuyengiao.accounts.scoping import scoped

    activities = list(
        scoped(Activity, user)
        .filter(assignment=assignment)
        .select_related("kind")
        .order_by("-held_on", "-id")
    )
    return activities, sum(a.reached for a in activities)
