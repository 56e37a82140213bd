"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date, timedelta

from tuyengiao.accounts.models import Role
from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK, make_user

from .models import (
    Anniversary,
    Bulletin,
    BulletinItem,
    BulletinPart,
    Campaign,
    Category,
    FeedToken,
    UnitEvent,
)

_counter = itertools.count(1)


def make_anniversary(
    unit: Unit | None, title: str = f"Ngày truyền thống {SECRET_MARK}", **extra: object
) -> Anniversary:
    fields: dict[str, object] = {
        "category": Category.LOCAL,
        "day": 15,
        "month": 3,
        "year": 1976,
        "published_down": False,
    }
    fields.update(extra)
    return Anniversary.objects.create(unit=unit, title=title, **fields)


def make_campaign(unit: Unit, published: bool = False, **extra: object) -> Campaign:
    today = date.today()
    fields: dict[str, object] = {
        "title": f"Tuyên truyền {SECRET_MARK}",
        "theme": SECRET_MARK,
        "starts_on": today,
        "ends_on": today + timedelta(days=20),
        "slogans": f"Khẩu hiệu {SECRET_MARK}",
        "published_down": published,
    }
    fields.update(extra)
    return Campaign.objects.create(unit=unit, **fields)


def make_event(unit: Unit, **extra: object) -> UnitEvent:
    fields: dict[str, object] = {"title": f"Hội nghị {SECRET_MARK}", "starts_on": date.today()}
    fields.update(extra)
    return UnitEvent.objects.create(unit=unit, **fields)


def make_bulletin(unit: Unit, year: int = 2026, month: int = 12) -> Bulletin:
    bulletin = Bulletin.objects.create(unit=unit, year=year, month=month)
    BulletinItem.objects.create(
        bulletin=bulletin, order=1, part=BulletinPart.OWN, heading=f"Mục {SECRET_MARK}"
    )
    return bulletin


def _bulletin_item_pk(unit: Unit) -> int:
    item = make_bulletin(
        unit, month=next(_counter) % 12 + 1, year=2000 + next(_counter)
    ).items.first()
    assert item is not None
    return item.pk


def _feed_token(unit: Unit) -> str:
    user = make_user(f"lich-{unit.pk}-{next(_counter)}", unit, Role.OFFICER)
    return FeedToken.objects.create(user=user).token


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {
        "anniversary_pk": lambda unit: make_anniversary(unit).pk,
        "campaign_pk": lambda unit: make_campaign(unit).pk,
        "unit_event_pk": lambda unit: make_event(unit).pk,
        "user_feed_token": _feed_token,
        "bulletin_pk": lambda unit: make_bulletin(unit, year=2000 + next(_counter)).pk,
        "bulletin_item_pk": _bulletin_item_pk,
    }


# The .ics feed is opened by calendar apps without a session: its 32-byte random token (one per
# user, renewable) is the credential, and it lists only what that user sees signed in.
PUBLIC_URL_NAMES: set[str] = {"events:ics"}
