"""Scoping factories for the project-wide URL walk: each creates an object owned by ``unit``."""

from __future__ import annotations

from collections.abc import Callable

from tuyengiao.orgs.models import Unit
from tuyengiao.testing import SECRET_MARK

from .models import NewsItem, NewsPage, Status


def make_item(unit: Unit, published: bool = False, **extra: object) -> NewsItem:
    from django.utils import timezone

    values: dict[str, object] = {
        "title": f"Tin {SECRET_MARK}",
        "summary": f"Tóm tắt {SECRET_MARK}",
        "body": f"Nội dung {SECRET_MARK}",
    }
    if published:
        values.update(status=Status.PUBLISHED, published_at=timezone.now())
    values.update(extra)
    return NewsItem.objects.create(unit=unit, **values)


def make_page(unit: Unit, public: bool = True) -> NewsPage:
    page, _ = NewsPage.objects.update_or_create(
        unit=unit, defaults={"public": public, "slug": f"don-vi-{unit.pk}"}
    )
    return page


def _item_pk(unit: Unit) -> int:
    return make_item(unit).pk


def url_kwarg_factories() -> dict[str, Callable[[Unit], object]]:
    return {"item_pk": _item_pk}


# A unit's public news page: no sign-in by design; only published items of units that opened
# their page are shown (tests/test_news.py covers drafts, closed pages and the feeds).
PUBLIC_URL_NAMES: set[str] = {
    "news:public_page",
    "news:public_rss",
    "news:public_atom",
    "news:public_item",
    "news:public_picture",
    "news:public_bulletin",
}
