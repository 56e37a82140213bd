"""privacy: personal data — the registry of what each app holds, a person's data in one place
(page, exports, erasure), the requests register with its legal deadlines, the access log, the
scheduled purge and the privacy notice."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from django.apps import AppConfig

if TYPE_CHECKING:
    from tuyengiao.core.dashboard import Section


class PrivacyConfig(AppConfig):
    name = "tuyengiao.privacy"
    label = "privacy"
    verbose_name = "Dữ liệu cá nhân"
    url_prefix: str | None = "du-lieu-ca-nhan/"
    nav_items: list[tuple[str, str, int]] = [
        ("Yêu cầu dữ liệu cá nhân", "privacy:request_list", 93),
        ("Nhật ký truy cập", "privacy:access_log", 94),
    ]
    footer_items: list[tuple[str, str, int]] = [
        ("Thông báo xử lý dữ liệu cá nhân", "privacy:notice", 10)
    ]
    member_nav_items: list[tuple[str, str, int]] = [
        ("Dữ liệu của tôi", "privacy:my_data", 20),
        ("Yêu cầu của tôi", "privacy:my_requests", 21),
    ]
    member_url_names = (
        "privacy:notice",
        "privacy:my_data",
        "privacy:my_export_zip",
        "privacy:my_export_docx",
        "privacy:my_requests",
        "privacy:export_job",
        "privacy:export_file",
    )

    def nav_allowed(self, user: Any, url_name: str) -> bool:
        """The register and the access log are for administrators (manage) only."""
        from tuyengiao.accounts.scoping import Action, allowed_actions

        return Action.MANAGE in allowed_actions(user)

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .models import DataRequest

        auditlog.register(DataRequest)

    def dashboard_sections(self, user: Any, today: date) -> list[Section]:
        """Overdue data subjects' requests, for the administrators who must answer them."""
        from django.urls import reverse

        from tuyengiao.accounts.scoping import Action, allowed_actions, scoped
        from tuyengiao.core.dashboard import SECTION_LIMIT, Item, Section

        from .models import DataRequest
        from .register import overdue

        if Action.MANAGE not in allowed_actions(user):
            return []
        late = overdue(scoped(DataRequest, user, Action.MANAGE), today).select_related("person")
        total = late.count()
        if not total:
            return []
        return [
            Section(
                "Yêu cầu dữ liệu cá nhân quá hạn",
                order=90,
                items=[
                    Item(
                        f"{r.get_kind_display()} — {r.person}",
                        reverse("privacy:request_detail", kwargs={"data_request_pk": r.pk}),
                        when=r.respond_by if r.answered_on is None else r.complete_by,
                        badge="Quá hạn",
                        badge_class="bad",
                    )
                    for r in late.order_by("respond_by")[:SECTION_LIMIT]
                ],
                more_url=reverse("privacy:request_list") + "?overdue=on",
                total=total,
            )
        ]
