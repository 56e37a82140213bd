"""Login lockout, two-factor for admins, password reset, idle sessions, audit log scope, deploy checks."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
import time
from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, SESSION_KEY, load_backend
from django.contrib.sessions.models import Session
from django.core import mail
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuyengiao.accounts.backends import UnitModelBackend
from tuyengiao.accounts.middleware import IDLE_REFRESHED_KEY
from tuyengiao.accounts.models import User
from tuyengiao.testing import TEST_PASSWORD, Tree, make_person

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"


def test_lockout_after_five_failed_logins(users: dict[str, User]) -> None:
    client = Client()
    for _ in range(4):
        response = client.post(LOGIN, {"username": "coso1", "password": "sai-mat-khau"})
        assert response.status_code == 200
        assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    response = client.post(LOGIN, {"username": "coso1", "password": "sai-mat-khau"})
    assert response.status_code == 429
    assert "Tài khoản tạm bị khóa" in response.content.decode()
    # Even the right password is refused while locked out.
    response = client.post(LOGIN, {"username": "coso1", "password": TEST_PASSWORD})
    assert response.status_code == 429 and "_auth_user_id" not in client.session
    # Another user from the same address is not locked (lockout per user and address).
    response = client.post(LOGIN, {"username": "coso2", "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_login_works_and_officers_need_no_second_factor(users: dict[str, User]) -> None:
    client = Client()
    response = client.post(LOGIN, {"username": "coso1", "password": TEST_PASSWORD})
    assert response.status_code == 302
    assert client.get("/").status_code == 200


def test_a_signed_in_request_loads_the_user_with_its_unit(
    users: dict[str, User], django_assert_num_queries: Any
) -> None:
    client = Client()
    response = client.post(LOGIN, {"username": "coso1", "password": TEST_PASSWORD})
    assert response.status_code == 302
    session = client.session
    backend = load_backend(session[BACKEND_SESSION_KEY])
    assert isinstance(backend, UnitModelBackend)
    with django_assert_num_queries(1):  # each request: the user and its unit, one query
        user = backend.get_user(session[SESSION_KEY])
        assert user.unit.pk == users["coso1"].unit_id


def test_admin_must_set_up_totp_then_verify(users: dict[str, User]) -> None:
    client = Client()
    assert client.post(LOGIN, {"username": "khoi", "password": TEST_PASSWORD}).status_code == 302
    response = client.get("/don-vi/")
    assert response.status_code == 302 and "/xac-thuc-hai-lop/cai-dat/" in response["Location"]
    # The password is asked again before a secret is made (and shown) at all.
    page = client.get(response["Location"])
    assert page.status_code == 200 and "<svg" not in page.content.decode()
    setup = "/tai-khoan/xac-thuc-hai-lop/cai-dat/?next=/don-vi/"
    wrong = client.post(setup, {"password": "khong-phai"})
    assert "Mật khẩu không đúng" in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=users["khoi"]).exists()
    response = client.post(setup, {"password": TEST_PASSWORD})
    assert response.status_code == 302 and "/cai-dat/xac-nhan/" in response["Location"]
    confirm = response["Location"]
    page = client.get(confirm)
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=users["khoi"], confirmed=False)
    wrong = client.post(confirm, {"token": "000000"})
    assert "Mã không đúng" in wrong.content.decode()
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # django-otp slows down guessing
    device.throttle_reset()  # as if the user waited a few seconds
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(confirm, {"token": f"{token:06d}"})
    # The first device comes with backup codes, shown once, then on to where the user was going.
    assert response.status_code == 200 and 'href="/don-vi/"' in response.content.decode()
    assert StaticDevice.objects.get(user=users["khoi"]).token_set.count() == 10
    assert client.get("/don-vi/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed

    # Next login: the verify page (a device exists), which accepts a fresh TOTP code.
    other = Client()
    other.post(LOGIN, {"username": "khoi", "password": TEST_PASSWORD})
    response = other.get("/")
    assert response.status_code == 302 and "/xac-thuc-hai-lop/?next=/" in response["Location"]
    assert (
        "Mã không đúng"
        in other.post("/tai-khoan/xac-thuc-hai-lop/", {"token": "123"}).content.decode()
    )
    device.refresh_from_db()
    device.last_t = -1  # the code of this time step was used for the setup already
    device.throttle_reset(commit=False)
    device.save()
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = other.post("/tai-khoan/xac-thuc-hai-lop/?next=/", {"token": f"{token:06d}"})
    assert response.status_code == 302 and other.get("/").status_code == 200


def test_backup_code_works_once(users: dict[str, User]) -> None:
    device = StaticDevice.objects.create(user=users["admin"], name="dự phòng", confirmed=True)
    device.token_set.create(token="ab12cd34")
    for expected in (200, None):
        client = Client()
        client.post(LOGIN, {"username": "admin", "password": TEST_PASSWORD})
        response = client.post("/tai-khoan/xac-thuc-hai-lop/?next=/", {"token": "ab12cd34"})
        if expected is None:
            assert "Mã không đúng" in response.content.decode()  # used already
        else:
            assert client.get("/").status_code == expected


def test_password_reset_mail_in_vietnamese_with_working_link(users: dict[str, User]) -> None:
    user = users["coso1"]
    user.email = "coso1@example.vn"
    user.save()
    client = Client()
    response = client.post("/tai-khoan/quen-mat-khau/", {"email": "coso1@example.vn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.subject == "Đặt lại mật khẩu Tuyên giáo" and "Xin chào" in message.body
    link = re.search(r"https?://[^/\s]+(/\S+)", str(message.body))
    assert link is not None
    response = client.get(link.group(1))
    assert response.status_code == 302  # Django hides the token behind a redirect
    form_url = response["Location"]
    response = client.post(
        form_url, {"new_password1": "mat-khau-moi-2026!", "new_password2": "khac-han"}
    )
    assert response.status_code == 200 and "error" in response.content.decode()
    response = client.post(
        form_url, {"new_password1": "mat-khau-moi-2026!", "new_password2": "mat-khau-moi-2026!"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("mat-khau-moi-2026!")
    # The link works once.
    assert "mat-khau-moi" not in client.get(link.group(1), follow=True).content.decode()
    assert (
        client.post(
            form_url, {"new_password1": "x-mat-khau-3!", "new_password2": "x-mat-khau-3!"}
        ).status_code
        != 302
    )


def test_idle_sessions_expire(users: dict[str, User], client_as: Any) -> None:
    assert settings.SESSION_COOKIE_AGE == 30 * 60 and settings.SESSION_EXPIRE_AT_BROWSER_CLOSE
    assert "tuyengiao.accounts.middleware.IdleSessionMiddleware" in settings.MIDDLEWARE
    refresh = settings.SESSION_REFRESH_SECONDS
    assert 0 < refresh <= 60
    client = client_as("coso1")
    # the login saved the session and started the idle clock: the next request does not write it
    response = client.get("/")
    assert response.status_code == 200 and settings.SESSION_COOKIE_NAME not in response.cookies
    session = client.session
    assert 0 < session.get_expiry_age() <= 30 * 60
    stored = Session.objects.get(session_key=session.session_key)

    def expires_in() -> float:
        stored.refresh_from_db()
        return (stored.expire_date - timezone.now()).total_seconds()

    assert 30 * 60 - 10 < expires_in() <= 30 * 60
    # The expiry was pushed forward just now: the next requests do not write the session again.
    Session.objects.filter(pk=stored.pk).update(expire_date=timezone.now() + timedelta(minutes=20))
    response = client.get("/don-vi/")
    assert response.status_code == 200 and settings.SESSION_COOKIE_NAME not in response.cookies
    assert expires_in() <= 20 * 60
    # Once the last push is SESSION_REFRESH_SECONDS old, a request pushes it to the full idle timeout.
    session = client.session
    session[IDLE_REFRESHED_KEY] = int(time.time()) - refresh
    session.save()
    Session.objects.filter(pk=stored.pk).update(expire_date=timezone.now() + timedelta(minutes=20))
    response = client.get("/don-vi/")
    assert response.status_code == 200 and settings.SESSION_COOKIE_NAME in response.cookies
    assert 30 * 60 - 10 < expires_in() <= 30 * 60
    # A session idle for longer is gone: the next request asks for the login again.
    session = client.session
    session.set_expiry(-1)
    session.save()
    response = client.get("/don-vi/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)
    assert not Session.objects.filter(expire_date__gt=timezone.now()).exists()
    # Logging out leaves no session behind (the refresh does not bring an emptied one back).
    client = client_as("coso1")
    client.get("/")
    client.post("/tai-khoan/dang-xuat/")
    assert not Session.objects.filter(expire_date__gt=timezone.now()).exists()


def test_audit_log_is_scoped_to_the_admins_subtree(
    tree: Tree, users: dict[str, User], client_as: Any
) -> None:
    make_person(tree.cell1, "Người Cơ Sở Một")
    make_person(tree.cell2, "Người Cơ Sở Hai")
    make_person(tree.department, "Người Của Sở")
    assert LogEntry.objects.filter(object_repr="Người Cơ Sở Một").exists()
    khoi = client_as("khoi").get("/tai-khoan/nhat-ky/").content.decode()
    assert "Người Cơ Sở Một" in khoi and "Người Cơ Sở Hai" in khoi
    assert "Người Của Sở" not in khoi  # another branch (the state side)
    coso1 = client_as("coso1").get("/tai-khoan/nhat-ky/")
    assert coso1.status_code == 403
    admin = client_as("admin").get("/tai-khoan/nhat-ky/").content.decode()
    assert "Người Của Sở" in admin
    filtered = client_as("khoi").get(f"/tai-khoan/nhat-ky/?unit={tree.base2.pk}").content.decode()
    assert "Người Cơ Sở Hai" in filtered and "Người Cơ Sở Một" not in filtered
    export = client_as("khoi").get("/tai-khoan/nhat-ky/?export=xlsx")
    assert export.status_code == 200 and export["Content-Type"].startswith(
        "application/vnd.openxml"
    )


def test_user_admin_within_subtree(tree: Tree, users: dict[str, User], client_as: Any) -> None:
    client = client_as("khoi")
    response = client.post(
        "/tai-khoan/them/",
        {
            "username": "moi1",
            "unit": tree.base2.pk,
            "role": "officer",
            "password": "mat-khau-rat-dai-1",
            "is_active": "on",
        },
    )
    assert response.status_code == 302 and User.objects.get(username="moi1").unit == tree.base2
    response = client.post(
        "/tai-khoan/them/",
        {
            "username": "moi2",
            "unit": tree.department.pk,
            "role": "officer",
            "password": "mat-khau-rat-dai-1",
        },
    )
    assert response.status_code == 200 and not User.objects.filter(username="moi2").exists()
    assert "system_admin" not in client.get("/tai-khoan/them/").content.decode()
    response = client.post(
        "/tai-khoan/them/",
        {"username": "moi3", "unit": tree.base1.pk, "role": "officer", "password": "123"},
    )
    assert response.status_code == 200 and "error" in response.content.decode()
    assert client_as("coso1").get("/tai-khoan/").status_code == 403


def test_deploy_checks_are_clean_with_production_settings(tmp_path: Any) -> None:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tuyengiao.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "tuyengiao.example.vn",
        "TUYENGIAO_VAR": str(tmp_path),
    }
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    # The documented production start collects the static files first (check --deploy asks for it).
    collect = [sys.executable, "-m", "tuyengiao", "collectstatic", "--noinput", "-v0"]
    assert subprocess.run(collect, env=env, timeout=300).returncode == 0
    result = subprocess.run(
        [sys.executable, "-m", "tuyengiao", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
    # Without SECRET_KEY and with DEBUG off, the settings refuse to start.
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "-m", "tuyengiao", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0 and "SECRET_KEY" in result.stderr


def test_django_admin_pages_for_staff(tree: Tree, users: dict[str, User], client_as: Any) -> None:
    client = client_as("admin")
    for url in (
        "/quan-tri/orgs/unit/",
        "/quan-tri/orgs/person/",
        "/quan-tri/accounts/user/",
        f"/quan-tri/orgs/unit/{tree.bloc.pk}/change/",
    ):
        assert client.get(url).status_code == 200, url


def test_dashboard_is_the_users_week_and_hides_admin_navigation(
    tree: Tree, users: dict[str, User], client_as: Any
) -> None:
    body = client_as("coso1").get("/").content.decode()
    assert "<h1>Tuần này</h1>" in body and tree.base1.name in body
    assert "Nhật ký" not in body  # admin-only navigation is hidden from officers
    assert "Nhật ký" in client_as("khoi").get("/").content.decode()
