"""Login throttling that knows its client, unlocking by unit administrators, and the
password-reset mail limit."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessAttemptExpiration
from django.core import mail
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.testing import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
RESET = "/tai-khoan/quen-mat-khau/"


@pytest.fixture(autouse=True)
def _fresh_cache() -> Iterator[None]:
    cache.clear()
    yield
    cache.clear()


def _login(username: str, password: str, forwarded_for: str = "") -> tuple[Client, Any]:
    client = Client()
    if forwarded_for:
        client.defaults["HTTP_X_FORWARDED_FOR"] = forwarded_for
    response = client.post(LOGIN, {"username": username, "password": password})
    return client, response


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_failures_behind_the_proxy_lock_one_client_not_the_user(users: dict[str, User]) -> None:
    for _ in range(5):
        # The left entry is whatever the client wrote; the proxy appended the real address.
        _, response = _login("admin", "sai-mat-khau", "9.9.9.9, 1.2.3.4")
    assert response.status_code == 429 and "Tài khoản tạm bị khóa" in response.content.decode()
    assert "khoảng 5 phút" in response.content.decode()
    client, response = _login("admin", TEST_PASSWORD, "1.2.3.4")
    assert response.status_code == 429 and not _signed_in(client)
    # Everyone else behind the same proxy (same REMOTE_ADDR, 127.0.0.1) still signs in.
    client, response = _login("admin", TEST_PASSWORD, "5.6.7.8")
    assert response.status_code == 302 and _signed_in(client)
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"1.2.3.4"}


def test_without_trusted_proxies_the_forwarded_header_is_ignored(users: dict[str, User]) -> None:
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        _, response = _login("coso1", "sai-mat-khau", forged)
    assert response.status_code == 429  # a forged header does not spread the failures out
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"127.0.0.1"}


@override_settings(TRUSTED_PROXY_COUNT=1, AXES_ADDRESS_FAILURE_LIMIT=12)
def test_one_address_trying_many_usernames_is_stopped(users: dict[str, User]) -> None:
    for n in range(12):
        _, response = _login(f"doan-{n}", "sai-mat-khau", "1.2.3.4")
        assert response.status_code == (429 if n == 11 else 200), n
    client, response = _login("coso1", TEST_PASSWORD, "1.2.3.4")
    assert response.status_code == 429 and not _signed_in(client)
    client, response = _login("coso1", TEST_PASSWORD, "5.6.7.8")
    assert response.status_code == 302 and _signed_in(client)


def _expire_all_attempts() -> None:
    AccessAttemptExpiration.objects.update(expires_at=timezone.now() - timedelta(seconds=1))


def _lock_window(username: str) -> timedelta:
    attempt = AccessAttempt.objects.select_related("expiration").get(username=username)
    return attempt.expiration.expires_at - attempt.attempt_time


def test_each_lockout_of_the_day_doubles_the_cool_off(users: dict[str, User]) -> None:
    windows = []
    for _round in range(3):
        for _ in range(5):
            _, response = _login("coso1", "sai-mat-khau")
        assert response.status_code == 429
        windows.append(_lock_window("coso1"))
        _expire_all_attempts()  # as if the cool-off had passed
        # A success clears the pair; the lockouts of the day are remembered.
        client, response = _login("coso1", TEST_PASSWORD)
        assert response.status_code == 302 and _signed_in(client)
    assert windows == [timedelta(minutes=5), timedelta(minutes=10), timedelta(minutes=20)]


def test_unit_admin_unlocks_users_of_its_subtree_only(
    users: dict[str, User], client_as: Any
) -> None:
    for username in ("coso1", "sotttt"):
        for _ in range(5):
            _login(username, "sai-mat-khau")
    admin = client_as("khoi")
    listing = admin.get("/tai-khoan/").content.decode()
    assert "5 lần sai" in listing and "Mở khóa" in listing
    assert admin.get(reverse("accounts:user_unlock", args=[users["coso1"].pk])).status_code == 405
    response = admin.post(reverse("accounts:user_unlock", args=[users["coso1"].pk]))
    assert response.status_code == 302
    client, response = _login("coso1", TEST_PASSWORD)
    assert response.status_code == 302 and _signed_in(client)
    entry = LogEntry.objects.get(additional_data__event="login_unlock")
    assert entry.actor == users["khoi"] and entry.object_pk == str(users["coso1"].pk)
    # sotttt belongs to the state side, outside khoi's subtree: not found, still locked.
    response = admin.post(reverse("accounts:user_unlock", args=[users["sotttt"].pk]))
    assert response.status_code == 404
    assert _login("sotttt", TEST_PASSWORD)[1].status_code == 429
    # An officer unlocks nobody.
    assert (
        client_as("coso2")
        .post(reverse("accounts:user_unlock", args=[users["coso1"].pk]))
        .status_code
        == 404
    )


def test_password_reset_mails_are_limited_per_email(users: dict[str, User]) -> None:
    user = users["coso1"]
    user.email = "coso1@example.vn"
    user.save()
    responses = [Client().post(RESET, {"email": "coso1@example.vn"}) for _ in range(4)]
    # Same answer every time (nothing tells the limit apart from an unknown address) ...
    assert {(r.status_code, r["Location"]) for r in responses} == {
        (302, reverse("accounts:password_reset_done"))
    }
    # ... but the fourth request within the hour sent no mail.
    assert len(mail.outbox) == 3


def test_password_reset_mails_are_limited_per_client_address(users: dict[str, User]) -> None:
    user = users["coso2"]
    user.email = "coso2@example.vn"
    user.save()
    client = Client()
    for n in range(10):
        assert client.post(RESET, {"email": f"khong-co-{n}@example.vn"}).status_code == 302
    response = client.post(RESET, {"email": "coso2@example.vn"})
    assert response.status_code == 302 and len(mail.outbox) == 0
    # Another address still gets its mail.
    Client(REMOTE_ADDR="10.0.0.9").post(RESET, {"email": "coso2@example.vn"})
    assert len(mail.outbox) == 1
    bad = client.post(RESET, {"email": "khong-phai-email"})
    assert bad.status_code == 200 and "error" in bad.content.decode()
