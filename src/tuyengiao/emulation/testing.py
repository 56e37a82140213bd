"""Scoping factories for the project-wide URL walk: a movement of ``unit``'s superior with
``unit`` taking part (the entry is owned by ``unit``), a movement of ``unit`` itself, and a
commendation of ``unit``."""

from __future__ import annotations

from collections.abc import Callable

from django.utils import timezone

from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

from .models import (
    AwardForm,
    CertificateTemplate,
    Commendation,
    Criterion,
    Entry,
    Movement,
    Nomination,
)


def make_movement(unit: Unit) -> Movement:
    movement = Movement.objects.create(unit=unit, title=f"Thi đua {SECRET_MARK}", year=2026)
    Criterion.objects.create(
        movement=movement, order=1, name=f"Tiêu chí {SECRET_MARK}", max_points=10
    )
    return movement


def _movement_pk(unit: Unit) -> int:
    return make_movement(unit).pk


def _entry_pk(unit: Unit) -> int:
    movement = make_movement(unit.superior() or unit)
    return Entry.objects.create(
        movement=movement, unit=unit, self_note=SECRET_MARK, submitted_on=timezone.localdate()
    ).pk


def _commendation_pk(unit: Unit) -> int:
    form, _ = AwardForm.objects.get_or_create(name="Giấy khen", defaults={"order": 1})
    return Commendation.objects.create(
        issuer=unit.superior() or unit,
        subject_unit=unit,
        form=form,
        decision_number="1-QĐ/MAT",
        decision_date=timezone.localdate(),
        reason=f"Thành tích {SECRET_MARK}",
    ).pk


def _nomination_pk(unit: Unit) -> int:
    form, _ = AwardForm.objects.get_or_create(name="Giấy khen", defaults={"order": 1})
    return Nomination.objects.create(
        proposer=unit,
        decider=unit.superior() or unit,
        subject_unit=unit,
        form=form,
        reason=f"Thành tích {SECRET_MARK}",
        proposed_on=timezone.localdate(),
    ).pk


def _template_pk(unit: Unit) -> int:
    # templates are shared by every unit; only system administrators change them
    from django.core.files.base import ContentFile

    from .certificate_template import sample_template

    template = CertificateTemplate.objects.create(
        name="Mẫu giấy khen chung", file=ContentFile(sample_template(), name="mau.docx")
    )
    return template.pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "movement_pk": _movement_pk,
        "entry_pk": _entry_pk,
        "commendation_pk": _commendation_pk,
        "nomination_pk": _nomination_pk,
        "template_pk": _template_pk,
    }


PUBLIC_URL_NAMES: set[str] = set()
