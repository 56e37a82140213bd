"""The rules of the news pages: drafts by officers, publication by the unit's administrator, what
the public may see, and the link from an activity of the register to the item reporting it.

Every write goes through here; a refusal is a ``NewsError`` in Vietnamese."""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from tuyengiao.accounts.scoping import Action, can
from tuyengiao.activities.models import Activity
from tuyengiao.events.models import Bulletin
from tuyengiao.orgs.models import Unit

from .models import RESERVED_SLUGS, NewsItem, NewsPage, Status

BULLETIN_LIMIT = 12


class NewsError(ValueError):
    """A refusal, in Vietnamese."""


def may_publish(user: Any, item: NewsItem) -> bool:
    """Publication is the unit's administrator's (or an administrator above it)."""
    return can(user, Action.MANAGE, item)


def page_of(unit: Unit) -> NewsPage | None:
    return NewsPage.objects.filter(unit=unit).first()


def default_slug(unit: Unit) -> str:
    from django.utils.text import slugify

    from tuyengiao.core.text import fold

    base = slugify(fold(unit.code or unit.name))[:50] or f"don-vi-{unit.pk}"
    slug, n = base, 1
    while NewsPage.objects.filter(slug=slug).exclude(unit=unit).exists() or slug in RESERVED_SLUGS:
        n += 1
        slug = f"{base}-{n}"
    return slug


@transaction.atomic
def save_page(unit: Unit, data: dict[str, Any]) -> NewsPage:
    slug = data["slug"]
    if slug in RESERVED_SLUGS:
        raise NewsError(f"Địa chỉ “{slug}” đã dành cho trang quản lý; hãy chọn địa chỉ khác.")
    if NewsPage.objects.filter(slug=slug).exclude(unit=unit).exists():
        raise NewsError(f"Địa chỉ “{slug}” đã có đơn vị khác dùng; hãy chọn địa chỉ khác.")
    page = page_of(unit) or NewsPage(unit=unit)
    for name in ("public", "slug", "intro", "show_bulletins"):
        setattr(page, name, data[name])
    page.save()
    return page


def _set_picture(item: NewsItem, picture: UploadedFile[bytes] | None) -> None:
    if picture is None:
        return
    name = (picture.name or "anh").rsplit("/", 1)[-1][:100]
    old = item.picture.name if item.picture else ""
    item.picture.save(name, picture, save=False)
    if old:
        storage = item.picture.storage
        transaction.on_commit(lambda: storage.delete(old))


@transaction.atomic
def create_draft(
    unit: Unit, user: Any, data: dict[str, Any], picture: UploadedFile[bytes] | None = None
) -> NewsItem:
    item = NewsItem(unit=unit, created_by=user if getattr(user, "pk", None) else None)
    for name in ("title", "summary", "body"):
        setattr(item, name, data[name])
    _set_picture(item, picture)
    item.save()
    return item


@transaction.atomic
def change(
    item: NewsItem, data: dict[str, Any], picture: UploadedFile[bytes] | None = None
) -> NewsItem:
    stored = NewsItem.objects.select_for_update().get(pk=item.pk)
    if stored.status != Status.DRAFT:
        raise NewsError("Tin đã đăng: quản trị đơn vị gỡ tin xuống thì mới sửa được.")
    for name in ("title", "summary", "body"):
        setattr(item, name, data[name])
    _set_picture(item, picture)
    item.save()
    return item


@transaction.atomic
def publish(item: NewsItem, user: Any) -> NewsItem:
    if not may_publish(user, item):
        raise NewsError("Chỉ quản trị đơn vị được đăng tin lên trang công khai.")
    stored = NewsItem.objects.select_for_update().get(pk=item.pk)
    if stored.status == Status.PUBLISHED:
        raise NewsError("Tin này đã được đăng.")
    item.status = Status.PUBLISHED
    item.published_at = timezone.now()
    item.published_by = user
    item.save(update_fields=["status", "published_at", "published_by", "updated_at"])
    return item


@transaction.atomic
def unpublish(item: NewsItem, user: Any) -> NewsItem:
    if not may_publish(user, item):
        raise NewsError("Chỉ quản trị đơn vị được gỡ tin khỏi trang công khai.")
    item.status = Status.DRAFT
    item.save(update_fields=["status", "updated_at"])
    return item


@transaction.atomic
def delete(item: NewsItem) -> None:
    if item.status != Status.DRAFT:
        raise NewsError("Tin đã đăng không xóa được; hãy gỡ tin xuống trước.")
    name, storage = (item.picture.name, item.picture.storage) if item.picture else ("", None)
    item.delete()
    if name and storage is not None:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def link_activity(item: NewsItem, activity: Activity, public_url: str) -> NewsItem:
    """Mark ``item`` as the report of ``activity`` and make the item's public address the
    activity's "link to the unit's own published item" (through the register's service)."""
    from tuyengiao.activities.services import records

    if not item.is_published:
        raise NewsError("Chỉ gắn được tin đã đăng (hoạt động ghi đường dẫn tin bài công khai).")
    page = page_of(item.unit)
    if page is None or not page.public:
        raise NewsError("Trang tin của đơn vị chưa mở công khai: đường dẫn chưa xem được.")
    if activity.unit_id != item.unit_id:
        raise NewsError("Chỉ gắn được với hoạt động của chính đơn vị đăng tin.")
    records.change(activity, {"link": public_url}, people=list(activity.people.all()))
    item.activity = activity
    item.save(update_fields=["activity", "updated_at"])
    return item


# --- what the public sees -------------------------------------------------------------------------


def public_page(slug: str) -> NewsPage | None:
    """The page at ``/tin/<slug>/`` when its unit opened it; None otherwise."""
    return NewsPage.objects.select_related("unit").filter(slug=slug, public=True).first()


def public_items(page: NewsPage) -> QuerySet[NewsItem]:
    """Published items of an opted-in unit — never drafts."""
    if not page.public:
        return NewsItem.objects.none()
    return NewsItem.objects.filter(unit=page.unit, status=Status.PUBLISHED).order_by(
        "-published_at", "-id"
    )


def public_bulletins(page: NewsPage) -> QuerySet[Bulletin]:
    """Issued bulletins of the unit and those issued to it by the units above."""
    if not page.public or not page.show_bulletins:
        return Bulletin.objects.none()
    unit = page.unit
    paths = [unit.path[: n * Unit.steplen] for n in range(1, unit.depth + 1)]
    return (
        Bulletin.objects.filter(unit__path__in=paths, published_down=True)
        .select_related("unit")
        .order_by("-year", "-month", "-id")
    )
