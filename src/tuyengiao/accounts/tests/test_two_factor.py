"""The second factor cannot be skipped, backup codes never run out unnoticed, and a system
administrator can reset another user's second factor."""

from __future__ import annotations

from typing import Any

import pytest
from auditlog.models import LogEntry
from django.test import Client
from django.urls import NoReverseMatch, reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tuyengiao.accounts.models import User
from tuyengiao.accounts.security_views import PENDING_DEVICE_KEY
from tuyengiao.accounts.tests.test_url_scoping import all_routes
from tuyengiao.testing import TEST_PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
VERIFY = "/tai-khoan/xac-thuc-hai-lop/"
SETUP = "/tai-khoan/xac-thuc-hai-lop/cai-dat/"
CONFIRM = "/tai-khoan/xac-thuc-hai-lop/cai-dat/xac-nhan/"
SECURITY = "/tai-khoan/bao-mat/"
CODES = "/tai-khoan/bao-mat/ma-du-phong/"


def _backup_codes(user: User, *codes: str) -> StaticDevice:
    device = StaticDevice.objects.create(user=user, name="Mã dự phòng", confirmed=True)
    for code in codes:
        device.token_set.create(token=code)
    return device


def _password_only(username: str) -> Client:
    client = Client()
    response = client.post(LOGIN, {"username": username, "password": TEST_PASSWORD})
    assert response.status_code == 302 and "_auth_user_id" in client.session
    return client


def _verified(username: str, code: str) -> Client:
    client = _password_only(username)
    response = client.post(f"{VERIFY}?next=/", {"token": code})
    assert response.status_code == 302 and response["Location"] == "/", response.content
    return client


def test_a_password_alone_cannot_enrol_a_device_next_to_an_existing_one(
    users: dict[str, User],
) -> None:
    khoi = users["khoi"]
    _backup_codes(khoi, "aaaa2222")
    client = _password_only("khoi")
    for url in (SETUP, CONFIRM):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(VERIFY), url
        assert "<svg" not in client.get(url, follow=True).content.decode()
    response = client.post(SETUP, {"password": TEST_PASSWORD})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert not TOTPDevice.objects.filter(user=khoi).exists()
    # Even a pending device planted in the session cannot be confirmed into a verified session.
    device = TOTPDevice.objects.create(user=khoi, name="kẻ gian", confirmed=False)
    session = client.session
    session[PENDING_DEVICE_KEY] = device.pk
    session.save()
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(CONFIRM, {"token": f"{token:06d}"})
    assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    device.refresh_from_db()
    assert not device.confirmed
    assert client.get("/don-vi/").status_code == 302


def _dummy_url(name: str, kwargs: tuple[str, ...]) -> str | None:
    for value in (1, "x", "00000000-0000-0000-0000-000000000001"):
        try:
            return reverse(name, kwargs=dict.fromkeys(kwargs, value))
        except NoReverseMatch:
            continue
    return None


def test_no_page_beyond_the_second_factor_for_a_password_only_session(
    users: dict[str, User],
) -> None:
    _backup_codes(users["khoi"], "aaaa2222")
    client = _password_only("khoi")
    reachable = {reverse("accounts:two_factor_verify"), reverse("accounts:logout")}
    reachable |= {reverse("core:healthz")}
    checked = 0
    for route in all_routes():
        url = _dummy_url(route.name, route.kwargs)
        if url is None or url in reachable:
            continue
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code == 302, (route.name, method, response.status_code)
            assert response["Location"].startswith(VERIFY + "?next="), (route.name, method)
        checked += 1
    assert checked > 50  # the walk did reach the project's pages
    assert client.get(VERIFY).status_code == 200


def test_backup_codes_left_are_shown_and_few_left_warn(users: dict[str, User]) -> None:
    _backup_codes(users["khoi"], "aaaa2222", "bbbb3333", "cccc4444")
    client = _password_only("khoi")
    assert "Còn 3 mã dự phòng" in client.get(VERIFY).content.decode()
    response = client.post(f"{VERIFY}?next=/", {"token": "AAAA 2222"}, follow=True)
    body = response.content.decode()
    assert response.status_code == 200 and "Chỉ còn 2 mã dự phòng" in body
    page = client.get(SECURITY).content.decode()
    assert "Còn <strong>2</strong> mã dự phòng" in page and "hãy tạo bộ mã mới" in page
    # Once the last code is used with no app, the warning says the next sign-in will fail.
    StaticDevice.objects.filter(user=users["khoi"]).delete()
    _backup_codes(users["khoi"], "dddd5555")
    other = _password_only("khoi")
    body = other.post(f"{VERIFY}?next=/", {"token": "dddd5555"}, follow=True).content.decode()
    assert "mã dự phòng cuối cùng" in body
    # With none left, the verify page says whom to ask instead of failing silently.
    third = _password_only("khoi")
    assert "liên hệ quản trị hệ thống" in third.get(VERIFY).content.decode()


def test_backup_codes_are_regenerated_by_a_verified_session_only(users: dict[str, User]) -> None:
    khoi = users["khoi"]
    _backup_codes(khoi, "aaaa2222", "bbbb3333")
    unverified = _password_only("khoi")
    for method in ("get", "post"):
        response = getattr(unverified, method)(CODES, {"password": TEST_PASSWORD})
        assert response.status_code == 302 and response["Location"].startswith(VERIFY)
    assert set(StaticDevice.objects.get(user=khoi).token_set.values_list("token", flat=True)) == {
        "aaaa2222",
        "bbbb3333",
    }
    client = _verified("khoi", "aaaa2222")
    assert "Hiện còn 1 mã" in client.get(CODES).content.decode()
    wrong = client.post(CODES, {"password": "khong-dung"})
    assert "Mật khẩu không đúng" in wrong.content.decode()
    assert "Hãy nhập mật khẩu hiện tại" in client.post(CODES, {}).content.decode()
    response = client.post(CODES, {"password": TEST_PASSWORD})
    assert response.status_code == 200
    codes = list(StaticDevice.objects.get(user=khoi).token_set.values_list("token", flat=True))
    assert len(codes) == 10 and "bbbb3333" not in codes
    assert all(code in response.content.decode() for code in codes)
    # The old code is gone, a new one signs in.
    old = _password_only("khoi")
    assert "Mã không đúng" in old.post(VERIFY, {"token": "bbbb3333"}).content.decode()
    StaticDevice.objects.filter(user=khoi).update(throttling_failure_count=0)  # waited a moment
    _verified("khoi", codes[0])


def test_a_verified_session_adds_an_authenticator_app(users: dict[str, User]) -> None:
    khoi = users["khoi"]
    _backup_codes(khoi, "aaaa2222", "bbbb3333")
    client = _verified("khoi", "aaaa2222")
    assert client.post(SETUP, {"password": TEST_PASSWORD}).status_code == 302
    device = TOTPDevice.objects.get(user=khoi, confirmed=False)
    assert "Mã của ứng dụng xác thực gồm đúng 6 chữ số" in (
        client.post(CONFIRM, {"token": "bbbb3333"}).content.decode()
    )
    token = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(CONFIRM, {"token": f"{token:06d}"})
    # Codes existed already: none are issued, the user goes back to the security page.
    assert response.status_code == 302 and response["Location"] == SECURITY
    assert StaticDevice.objects.get(user=khoi).token_set.count() == 1
    assert "Ứng dụng xác thực" in client.get(SECURITY).content.decode()


def test_system_admin_resets_a_users_second_factor(users: dict[str, User], client_as: Any) -> None:
    khoi = users["khoi"]
    _backup_codes(khoi, "aaaa2222")
    TOTPDevice.objects.create(user=khoi, name="điện thoại mất", confirmed=True)
    url = reverse("accounts:user_second_factor_reset", args=[khoi.pk])
    # A unit administrator may not, even for a user of its subtree.
    coso1 = users["coso1"]
    _backup_codes(coso1, "eeee6666")
    assert (
        client_as("khoi")
        .post(reverse("accounts:user_second_factor_reset", args=[coso1.pk]))
        .status_code
        == 403
    )
    assert StaticDevice.objects.filter(user=coso1).exists()
    admin = client_as("admin")
    assert admin.get(url).status_code == 405
    assert "Đặt lại xác thực hai lớp" in admin.get("/tai-khoan/").content.decode()
    response = admin.post(url)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=khoi).exists()
    assert not StaticDevice.objects.filter(user=khoi).exists()
    entry = LogEntry.objects.get(additional_data__event="second_factor_reset")
    assert entry.actor == users["admin"] and entry.object_pk == str(khoi.pk)
    assert khoi.unit is not None
    assert entry.additional_data["unit_path"] == khoi.unit.path  # seen in khoi's unit's log
    # khoi's next sign-in enrols a first device.
    client = _password_only("khoi")
    response = client.get("/")
    assert response["Location"].startswith(SETUP)
    assert client.get(response["Location"]).status_code == 200
