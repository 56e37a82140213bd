"""``tuyengiao demo``: migrate, collect the static files, load the demo data once, print the accounts, serve.

Each app may ship ``<app>/demo.py`` with ``load(ctx: DemoContext) -> None``; they run in
INSTALLED_APPS order, so an app can use what the apps before it created (``ctx`` carries it).
"""

from __future__ import annotations

import importlib
import os
import secrets
from typing import Any

from django.apps import apps
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from tuyengiao.core.demo_context import DEMO_ACCOUNTS, DemoContext


class Command(BaseCommand):
    help = "Tạo dữ liệu mẫu và chạy máy chủ thử nghiệm (demo)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--no-serve", action="store_true", help="chỉ tạo dữ liệu, không chạy máy chủ"
        )
        parser.add_argument("--reload", action="store_true", help="xóa dữ liệu mẫu cũ và tạo lại")
        parser.add_argument(
            "--strict",
            action="store_true",
            help="dừng khi dữ liệu mẫu của một ứng dụng bị lỗi (mặc định: bỏ qua ứng dụng đó)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        # The pages name hashed static files from the manifest; with DEBUG off (WhiteNoise serving
        # them) nothing works without it, and with DEBUG on it costs a second.
        call_command("collectstatic", interactive=False, verbosity=0)
        from tuyengiao.accounts.models import User

        password = os.environ.get("TUYENGIAO_DEMO_PASSWORD") or secrets.token_urlsafe(9)
        if options["reload"] or not User.objects.filter(username="admin").exists():
            ctx = DemoContext(password=password, stdout=self.stdout)
            for config in apps.get_app_configs():
                try:
                    module = importlib.import_module(f"{config.name}.demo")
                except ModuleNotFoundError as exc:
                    if exc.name != f"{config.name}.demo":
                        raise
                    continue
                self.stdout.write(f"• Dữ liệu mẫu: {config.verbose_name} …")
                try:
                    with transaction.atomic():
                        module.load(ctx)
                except Exception as exc:
                    # The foundation (orgs, accounts) is required; a feature app's broken demo data
                    # must not keep the visitor from the rest of the demo.
                    if options["strict"] or config.label in {"orgs", "accounts"}:
                        raise
                    self.stderr.write(
                        f"  ! Bỏ qua dữ liệu mẫu của {config.verbose_name}: {type(exc).__name__}: {exc}"
                    )
        for user in User.objects.filter(username__in=[a[0] for a in DEMO_ACCOUNTS]):
            user.set_password(password)
            user.save(update_fields=["password"])
        self.stdout.write(self.style.SUCCESS("\nTài khoản demo (mật khẩu chung): " + password))
        for username, description in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:8} {description}")
        codes = DemoContext.backup_codes_note()
        if codes:
            self.stdout.write(codes)
        if not options["no_serve"]:
            self.stdout.write(
                self.style.SUCCESS(f"\nMở http://127.0.0.1:{options['port']}/  (Ctrl+C để dừng)\n")
            )
            call_command("runserver", f"127.0.0.1:{options['port']}", use_reloader=False)
