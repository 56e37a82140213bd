"""Erasure of one person's data, and the scheduled purge of what has expired.

``erase_person`` applies each declaration to the rows about the person: ``ERASE`` deletes them
(with their files), ``ANONYMISE`` overwrites the declared fields (the user account's name is
rewritten to a meaningless unique one), ``KEEP`` leaves the party-record and work-record facts and
reports why. Audit entries about the person lose the values of the fields that were erased.

``purge_expired`` removes, for every declaration with a retention period, the rows (or only the
declared fields and files) whose start date is older than the period, and reports what it removed.
Both run in one transaction each and return a report the page and the command show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from tuyengiao.orgs.models import Person

from .access_log import AccessKind, log_access
from .registry import Declaration, Erasure, declarations, model_of

ERASED = "[đã xóa]"


@dataclass
class ReportLine:
    model: str
    title: str
    action: str  # "xóa", "ẩn danh", "giữ lại"
    count: int
    reason: str = ""


@dataclass
class Report:
    lines: list[ReportLine] = field(default_factory=list)
    files: int = 0

    def count(self, model: str) -> int:
        return sum(line.count for line in self.lines if line.model == model)


def _title(d: Declaration) -> str:
    return str(model_of(d)._meta.verbose_name_plural).capitalize()


def _delete_files(rows: list[models.Model], names: tuple[str, ...]) -> int:
    removed = 0
    for obj in rows:
        for name in names:
            f = getattr(obj, name)
            if f:
                f.storage.delete(f.name)
                removed += 1
    return removed


def _about(d: Declaration, person: Person) -> Any:
    condition = Q()
    for path in d.person_paths:
        condition |= Q(**{path: person.pk})
    return model_of(d)._default_manager.filter(condition).distinct()


@transaction.atomic
def erase_person(person: Person, by: Any = None) -> Report:
    """Erase what is erasable of ``person``'s data; keep the declared facts, with the reason."""
    report = Report()
    scrub: list[tuple[type[models.Model], list[Any], set[str]]] = []
    files_after: list[tuple[list[models.Model], tuple[str, ...]]] = []
    for d in declarations():
        if not d.person_paths:
            continue
        rows = list(_about(d, person))
        if not rows:
            continue
        if d.erasure == Erasure.ERASE:
            files_after.append((rows, d.files))
            model_of(d)._default_manager.filter(pk__in=[r.pk for r in rows]).delete()
            report.lines.append(ReportLine(d.model, _title(d), "xóa", len(rows)))
        elif d.erasure == Erasure.ANONYMISE:
            values = dict(d.anonymise)
            if d.model == "accounts.User":
                for user in rows:
                    user.username = f"da-xoa-{user.pk}"
                    user.set_unusable_password()
                    for name, value in values.items():
                        setattr(user, name, value)
                    user.save()
            else:
                model_of(d)._default_manager.filter(pk__in=[r.pk for r in rows]).update(**values)
            scrub.append((model_of(d), [r.pk for r in rows], set(values) | {"username"}))
            report.lines.append(ReportLine(d.model, _title(d), "ẩn danh", len(rows), d.keep_reason))
        else:
            report.lines.append(ReportLine(d.model, _title(d), "giữ lại", len(rows), d.keep_reason))
    for model, pks, fields in scrub:  # after the saves, whose own entries are scrubbed too
        _scrub_audit(model, pks, fields)
    log_access(
        by,
        AccessKind.ERASURE,
        about=person,
        unit_path=person.unit.path,
        people=1,
        description=f"Xóa dữ liệu cá nhân của người #{person.pk}",
    )
    for rows, names in files_after:  # files go once the rows are gone
        transaction.on_commit(partial(_delete_files, rows, names))
        report.files += sum(1 for obj in rows for n in names if getattr(obj, n))
    return report


def _scrub_audit(model: type[models.Model], pks: list[Any], fields: set[str]) -> None:
    """Audit entries about the anonymised rows keep what happened, not the erased values."""
    ct = ContentType.objects.get_for_model(model)
    for entry in LogEntry.objects.filter(content_type=ct, object_pk__in=[str(pk) for pk in pks]):
        changes = entry.changes if isinstance(entry.changes, dict) else {}
        touched = fields & set(changes)
        for name in touched:
            changes[name] = [ERASED, ERASED]
        if touched:
            LogEntry.objects.filter(pk=entry.pk).update(changes=changes, changes_text="")


def _expired(d: Declaration, now: datetime) -> Any:
    assert d.retention_days is not None
    cutoff = now - timedelta(days=d.retention_days)
    field_name = d.retention_from.split("__")[-1]
    model = model_of(d)
    target = model
    for part in d.retention_from.split("__")[:-1]:
        target = target._meta.get_field(part).related_model  # type: ignore[assignment]
    is_date = not isinstance(target._meta.get_field(field_name), models.DateTimeField)
    limit: Any = timezone.localtime(cutoff).date() if is_date else cutoff
    return model._default_manager.filter(
        **{f"{d.retention_from}__lt": limit}, **dict(d.purge_filter)
    )


@transaction.atomic
def purge_expired(now: datetime | None = None) -> Report:
    """Remove what has outlived its declared retention period; report what was removed."""
    now = now or timezone.now()
    report = Report()
    files_after: list[tuple[list[models.Model], tuple[str, ...]]] = []
    for d in declarations():
        if d.retention_days is None:
            continue
        qs = _expired(d, now)
        if d.purge_fields:
            files = tuple(n for n in d.purge_fields if n in d.files)
            condition = Q()
            for name in d.purge_fields:
                condition |= ~Q(**{name: ""})
            rows = list(qs.filter(condition))
            if not rows:
                continue
            files_after.append((rows, files))
            qs.filter(pk__in=[r.pk for r in rows]).update(**{n: "" for n in d.purge_fields})
            report.lines.append(
                ReportLine(d.model, _title(d), "xóa " + ", ".join(d.purge_fields), len(rows))
            )
        else:
            rows = list(qs)
            if not rows:
                continue
            files_after.append((rows, d.files))
            model_of(d)._default_manager.filter(pk__in=[r.pk for r in rows]).delete()
            report.lines.append(ReportLine(d.model, _title(d), "xóa", len(rows)))
    for rows, names in files_after:
        transaction.on_commit(partial(_delete_files, rows, names))
        report.files += sum(1 for obj in rows for n in names if getattr(obj, n))
    return report
