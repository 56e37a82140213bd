"""Business rules of exemplary models: proposing, correcting, reviewing (recognise / return with a
note), the library's search, the statistics by field and unit, and the counts the bulletin and the
reviews take."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.accounts.scoping import Action, can, is_system_admin
from tuyengiao.core.text import fold
from tuyengiao.emulation.models import Entry
from tuyengiao.orgs.models import Unit

from .models import Attachment, Exemplar, Sector, Status

MAX_FIGURES = 30


class ExemplarError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""


def parse_figures(text: str) -> list[list[str]]:
    """ "Chỉ số | giá trị" per line → [[label, value]]; errors name the line."""
    out: list[list[str]] = []
    for n, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        label, sep, value = line.rpartition("|")
        if not sep or not label.strip() or not value.strip():
            raise ExemplarError(
                f"Số liệu, dòng {n}: cần dạng “Chỉ số | giá trị” (ví dụ: Số hộ tham gia | 120)."
            )
        out.append([label.strip()[:200], value.strip()[:100]])
    if len(out) > MAX_FIGURES:
        raise ExemplarError(f"Số liệu: tối đa {MAX_FIGURES} dòng.")
    return out


def figures_text(figures: Iterable[list[str]]) -> str:
    return "\n".join(f"{label} | {value}" for label, value in figures)


def _check_entry(unit: Unit, entry: Entry | None) -> None:
    if entry is not None and entry.unit_id != unit.pk:
        raise ExemplarError("Kết quả thi đua được gắn phải là của chính đơn vị đề xuất.")


def propose(
    *,
    unit: Unit,
    user: User | None,
    title: str,
    sector: Sector,
    place: str,
    description: str,
    results: str,
    figures: list[list[str]],
    entry: Entry | None = None,
    today: date | None = None,
) -> Exemplar:
    """A unit proposes a model to its superior (the top unit reviews its own)."""
    _check_entry(unit, entry)
    return Exemplar.objects.create(
        unit=unit,
        reviewer=unit.superior() or unit,
        title=title.strip(),
        sector=sector,
        place=place.strip(),
        description=description.strip(),
        results=results.strip(),
        figures=figures,
        entry=entry,
        proposed_on=today or timezone.localdate(),
        created_by=user,
    )


def update(exemplar: Exemplar, *, resubmit: bool = True, **values: Any) -> Exemplar:
    """Correct a model not yet recognised; a returned one goes back to the reviewer."""
    if not exemplar.editable:
        raise ExemplarError("Mô hình đã được công nhận, không sửa được nữa.")
    _check_entry(exemplar.unit, values.get("entry"))
    for name, value in values.items():
        setattr(exemplar, name, value.strip() if isinstance(value, str) else value)
    if resubmit and exemplar.status == Status.RETURNED:
        exemplar.status = Status.PROPOSED
        exemplar.proposed_on = timezone.localdate()
    exemplar.save()
    return exemplar


def add_attachment(exemplar: Exemplar, upload: UploadedFile[bytes]) -> Attachment:
    if not exemplar.editable:
        raise ExemplarError("Mô hình đã được công nhận, không thêm tệp được nữa.")
    name = Path(upload.name or "tep").name
    return Attachment.objects.create(exemplar=exemplar, file=upload, name=name)


def may_review(user: User, exemplar: Exemplar) -> bool:
    """The reviewer's officers (or those above): never the proposing unit reviewing itself,
    unless it has no superior."""
    if is_system_admin(user):
        return True
    if not can(user, Action.CHANGE, exemplar.reviewer):
        return False
    unit = getattr(user, "unit", None)
    return exemplar.reviewer_id == exemplar.unit_id or (
        unit is not None and unit.pk != exemplar.unit_id
    )


def recognise(
    exemplar: Exemplar, user: User | None, note: str = "", today: date | None = None
) -> Exemplar:
    if exemplar.status == Status.RECOGNISED:
        raise ExemplarError("Mô hình này đã được công nhận.")
    if exemplar.status != Status.PROPOSED:
        raise ExemplarError("Mô hình đang trả lại cho đơn vị bổ sung: chưa xét được.")
    exemplar.status = Status.RECOGNISED
    exemplar.recognised_on = today or timezone.localdate()
    exemplar.review_note = note.strip()
    exemplar.reviewed_by = user
    exemplar.save()
    return exemplar


def return_for_changes(exemplar: Exemplar, user: User | None, note: str) -> Exemplar:
    if exemplar.status != Status.PROPOSED:
        raise ExemplarError("Chỉ trả lại được mô hình đang chờ xét.")
    if not note.strip():
        raise ExemplarError("Hãy ghi rõ nội dung cần bổ sung khi trả lại.")
    exemplar.status = Status.RETURNED
    exemplar.review_note = note.strip()
    exemplar.reviewed_by = user
    exemplar.save()
    return exemplar


def search(qs: QuerySet[Exemplar], query: str) -> QuerySet[Exemplar]:
    """Accent-insensitive: every word of the query, folded, in the folded text."""
    for word in fold(query).split():
        qs = qs.filter(search_folded__contains=word)
    return qs


def recognised_between(qs: QuerySet[Exemplar], first: date, last: date) -> QuerySet[Exemplar]:
    return qs.filter(recognised=True, recognised_on__range=(first, last))


def count_recognised(unit: Unit, first: date, last: date) -> int:
    """Models of ``unit`` and the units below it recognised in [first, last] (the reviews)."""
    return recognised_between(
        Exemplar.objects.filter(unit__path__startswith=unit.path), first, last
    ).count()


@dataclass(frozen=True)
class Row:
    label: str
    count: int


def by_sector(items: Iterable[Exemplar]) -> list[Row]:
    counts = Counter((e.sector.order, e.sector.name) for e in items)
    return [Row(name, n) for (_order, name), n in sorted(counts.items())]


def by_unit(items: Iterable[Exemplar]) -> list[Row]:
    counts = Counter((e.unit.path, e.unit.name) for e in items)
    return [
        Row(name, n) for (_path, name), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    ]
