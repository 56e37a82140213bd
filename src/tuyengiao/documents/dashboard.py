"""The library's part of the dashboard: uploaded documents still waiting for their review."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.scoping import scoped
from tuyengiao.core.dashboard import SECTION_LIMIT, Item, Section

from .models import UploadDraft


def sections(user: Any, today: date) -> list[Section]:
    drafts = scoped(UploadDraft, user, "change").order_by("created_at", "id")
    total = drafts.count()
    if not total:
        return []
    items = [
        Item(
            text=d.filename or f"Tệp tải lên #{d.pk}",
            url=reverse("documents:draft_review", kwargs={"uploaddraft_pk": d.pk}),
            when=timezone.localtime(d.created_at).date(),
            badge="Chờ xác nhận",
            badge_class="warn",
        )
        for d in drafts[:SECTION_LIMIT]
    ]
    return [
        Section(
            "Văn bản chờ xác nhận",
            40,
            items,
            more_url=reverse("documents:draft_list"),
            total=total,
        )
    ]
