"""Self check-in codes cannot be guessed: after a few wrong codes from one account (or many from
one client address) further tries are refused, the right code included, until the window ends."""

from __future__ import annotations

import time
from typing import Any

import pytest
from django.core.cache import caches
from django.core.cache.backends import locmem
from django.test import Client

from tuyengiao.orgs.models import Person
from tuyengiao.study import checkin_throttle
from tuyengiao.study.models import Attendance
from tuyengiao.testing import logged_in_client, make_user

pytestmark = pytest.mark.django_db

REFUSED = "nhập sai mã điểm danh quá nhiều lần"


def _member_client(person: Person, username: str, address: str = "192.0.2.10") -> Client:
    user = make_user(username, person.unit, "viewer")
    user.person = person
    user.save()
    client = logged_in_client(user)
    client.defaults["REMOTE_ADDR"] = address
    return client


def _url(session: Any) -> str:
    return f"/hoc-tap/buoi/{session.pk}/tu-diem-danh/"


def test_five_wrong_codes_lock_the_account_until_the_window_ends(
    session1: Any, members: Any, monkeypatch: Any
) -> None:
    member = members["base1"][0]
    client = _member_client(member, "doan-ma")
    for _ in range(checkin_throttle.MAX_PER_USER):
        wrong = client.post(_url(session1), {"code": "ZZZZZZ"})
        assert wrong.status_code == 200 and "Mã điểm danh không đúng" in wrong.content.decode()
    # Even the right code is not tried now: a refusal must not tell a right guess from a wrong one.
    refused = client.post(_url(session1), {"code": session1.checkin_code})
    html = refused.content.decode()
    assert refused.status_code == 429 and REFUSED in html
    assert f'value="{session1.checkin_code}"' in html  # what was typed stays in the form
    assert not Attendance.objects.exists()
    # A colleague in the same hall (same address) is not locked out by one member's typos.
    colleague = _member_client(members["base1"][1], "dong-nghiep")
    assert (
        "Đã điểm danh."
        in colleague.post(_url(session1), {"code": session1.checkin_code}).content.decode()
    )
    # Once the 15 minutes since the first wrong code have passed, the member may try again.
    # The window is moved on through the clock of the local-memory cache the tests run with.
    assert isinstance(caches["default"], locmem.LocMemCache)
    later = time.time() + checkin_throttle.WINDOW_SECONDS + 1
    monkeypatch.setattr(locmem, "time", type("Later", (), {"time": staticmethod(lambda: later)}))
    again = client.post(_url(session1), {"code": session1.checkin_code})
    assert again.status_code == 200 and "Đã điểm danh." in again.content.decode()
    assert Attendance.objects.filter(person=member, session=session1).exists()


def test_wrong_codes_from_one_address_are_limited_across_accounts(
    session1: Any, members: Any, monkeypatch: Any
) -> None:
    monkeypatch.setattr(checkin_throttle, "MAX_PER_ADDRESS", 3)
    people = members["base1"]
    for i, person in enumerate(people[:3]):
        client = _member_client(person, f"tai-khoan-{i}", address="203.0.113.7")
        assert client.post(_url(session1), {"code": "ZZZZZZ"}).status_code == 200
    # A fourth account behind the same address is refused, with the right code too.
    fourth = _member_client(people[3], "tai-khoan-3", address="203.0.113.7")
    refused = fourth.post(_url(session1), {"code": session1.checkin_code})
    assert refused.status_code == 429 and REFUSED in refused.content.decode()
    # From another address the same account checks in.
    fourth.defaults["REMOTE_ADDR"] = "198.51.100.2"
    ok = fourth.post(_url(session1), {"code": session1.checkin_code})
    assert "Đã điểm danh." in ok.content.decode()
    assert Attendance.objects.filter(person=people[3]).exists()


def test_other_failures_are_not_counted_as_guesses(
    study_round: Any, session1: Any, members: Any
) -> None:
    """A member not on the list (joined after the round opened) who types the right code is told
    why, however often."""
    newcomer = Person.objects.create(unit=session1.unit, full_name="Người Mới Chuyển Đến")
    outsider = _member_client(newcomer, "moi-chuyen-den")
    for _ in range(checkin_throttle.MAX_PER_USER + 1):
        page = outsider.post(_url(session1), {"code": session1.checkin_code})
        assert page.status_code == 200 and "không có trong danh sách" in page.content.decode()
