"""documents: the library of directives, plans and reports, with search and the citation graph."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "tuyengiao.documents"
    label = "documents"
    verbose_name = "Thư viện văn bản"
    url_prefix: str | None = "tai-lieu/"
    nav_items: list[tuple[str, str, int]] = [("Thư viện văn bản", "documents:document_list", 30)]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models

        auditlog.register(models.Document, exclude_fields=["text", "parsed", "search_folded"])
        auditlog.register(models.FieldCorrection)

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        from django.urls import reverse

        from tuyengiao.accounts.scoping import scoped

        from .models import Document, UploadDraft

        cards = [
            {
                "label": "Văn bản trong thư viện",
                "value": scoped(Document, user).count(),
                "url": reverse("documents:document_list"),
            }
        ]
        drafts = scoped(UploadDraft, user, "change").count()
        if drafts:
            cards.append(
                {
                    "label": "Văn bản chờ xác nhận",
                    "value": drafts,
                    "url": reverse("documents:draft_list"),
                }
            )
        return cards
