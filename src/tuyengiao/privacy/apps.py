"""privacy: personal data — the registry of what each app holds, a person's data in one place
(page, exports, erasure), the requests register with its legal deadlines, the access log, the
scheduled purge and the privacy notice."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig


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

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        """Overdue data subjects' requests, for the administrators who must answer them."""
        from django.urls import reverse

        from tuyengiao.accounts.scoping import Action, allowed_actions, scoped

        from .models import DataRequest
        from .register import overdue

        if Action.MANAGE not in allowed_actions(user):
            return []
        late = overdue(scoped(DataRequest, user, Action.MANAGE)).count()
        if not late:
            return []
        return [
            {
                "label": "Yêu cầu dữ liệu cá nhân quá hạn",
                "value": str(late),
                "url": reverse("privacy:request_list") + "?overdue=on",
            }
        ]
