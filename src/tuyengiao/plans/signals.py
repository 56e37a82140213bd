"""The library hook: a plan document saved to the library — through the plans app's upload, the
library's plain upload, a bulk import or a correction — is linked to the cascade it answers.

The documents app sends ``document_saved`` once the saving transaction commits. A document of a
plan kind whose "Thực hiện Kế hoạch số …" names a plan sent down to the document's unit becomes
(or updates) that unit's Plan, and the recipient record is marked issued. Documents that answer
no cascade are left alone (no Plan is made for every plan in a bulk import).
"""

from __future__ import annotations

import logging
from typing import Any

from django.db import transaction


def implemented_numbers(document: Any) -> list[str]:
    """Numbers the document says it carries out: the parsed list and the library's references."""
    from tuyengiao.documents.models import Reference, RefKind

    numbers = [str(n) for n in (document.parsed or {}).get("implements") or [] if n]
    numbers += list(
        Reference.objects.filter(citing=document, kind=RefKind.IMPLEMENTS).values_list(
            "number", flat=True
        )
    )
    return list(dict.fromkeys(numbers))


logger = logging.getLogger(__name__)


def on_document_saved(sender: Any, document: Any, created: bool = False, **kwargs: Any) -> None:
    """Runs after the library's transaction committed: a failure here is logged, never turned
    into an error of the upload that has already succeeded."""
    try:
        link_document(document)
    except Exception:
        logger.exception(
            "plans: could not link library document %s to the cascade",
            getattr(document, "pk", None),
        )


def link_document(document: Any) -> None:
    from . import services
    from .models import CascadeRecipient, Plan
    from .uploads import plan_fields_from_document

    kind = services.kind_for_doc_type(document.doc_type)
    if kind is None:
        return
    numbers = implemented_numbers(document)
    plan = Plan.objects.filter(document=document).first()
    with transaction.atomic():
        if plan is None:
            keys = {services.normalize_number(n) for n in numbers} - {""}
            awaited = CascadeRecipient.objects.filter(
                unit=document.unit_id,
                implementing_plan__isnull=True,
                dispatch__plan__number_key__in=keys,
            ).exists()
            if not awaited:
                return
            plan = Plan.objects.create(
                unit=document.unit, document=document, **plan_fields_from_document(document)
            )
            services.save_proposed_tasks(
                plan, services.proposals_for(document.unit, document.parsed or {}, document.text)
            )
        else:
            fields = plan_fields_from_document(document)
            changed = [k for k, v in fields.items() if v and getattr(plan, k) != v]
            for key in changed:
                setattr(plan, key, fields[key])
            if changed:
                plan.save()
        services.link_implementing_plan(plan, numbers)


def connect() -> None:
    from tuyengiao.documents.signals import document_saved

    document_saved.connect(on_document_saved, dispatch_uid="plans.link_implementing_plan")
