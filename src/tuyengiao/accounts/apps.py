from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tuyengiao.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"
    url_prefix = "tai-khoan/"
    nav_items = [
        ("Tài khoản", "accounts:user_list", 90),
        ("Nhật ký", "accounts:audit_log", 91),
        ("Bảo mật", "accounts:security", 92),
    ]
    # Pages a member's own account may open (accounts.permissions.member_may_open).
    member_url_names = (
        "accounts:login",
        "accounts:logout",
        "accounts:password_reset",
        "accounts:password_reset_done",
        "accounts:password_reset_confirm",
        "accounts:password_reset_complete",
    )

    def nav_allowed(self, user: object, url_name: str) -> bool:
        """Accounts and the audit log are for admins only; so is the security page (the second
        factor, which only admins use)."""
        from .scoping import Action, allowed_actions

        if url_name == "accounts:security":
            return bool(getattr(user, "must_use_two_factor", False))
        return Action.MANAGE in allowed_actions(user)  # type: ignore[arg-type]

    def ready(self) -> None:
        from auditlog.registry import auditlog
        from django.contrib.auth.signals import user_logged_in

        from .middleware import session_refreshed_at_login
        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])

        from tuyengiao.orgs import handover as orgs_handover

        from . import handover

        orgs_handover.register("accounts", handover.TITLE, handover.pending, handover.transfer)
        user_logged_in.connect(session_refreshed_at_login, dispatch_uid="accounts.idle_session")
