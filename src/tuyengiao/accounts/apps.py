from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "tuyengiao.accounts"
    label = "accounts"
    verbose_name = "Tài khoản"
    url_prefix = "tai-khoan/"
    nav_items = [
        ("Tài khoản", "accounts:user_list", 90),
        ("Nhật ký", "accounts:audit_log", 91),
    ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from .models import User

        auditlog.register(User, exclude_fields=["password", "last_login"])
