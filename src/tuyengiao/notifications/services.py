"""Making notices and delivering them: one row per recipient and event, e-mail at most once.

``notify(kind, notices)`` is the only way in: each ``Notice`` names the unit it concerns and a key
identifying the event; the unit's officers (``accounts.permissions.officers_of``) each get one
``Notification`` — never a second for the same key — delivered as each chose for the kind: in the
app only, an e-mail at once, or the daily digest (``send_digests``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.accounts.permissions import officers_of

from .models import DEFAULT_DELIVERY, Delivery, Kind, Notification, Preference

FOOTER = "Trân trọng.\n(Thư tự động từ hệ thống Tuyên giáo, vui lòng không trả lời thư này.)"


@dataclass(frozen=True)
class Notice:
    """An event for the officers of ``unit_id``: ``event_key`` is unique per kind and event."""

    unit_id: int
    event_key: str
    title: str
    url: str = ""
    body: str = ""


def deliveries(users: Iterable[User], kind: str) -> dict[int, str]:
    """Each user's delivery choice for ``kind`` (the default where none is stored)."""
    ids = [u.pk for u in users]
    chosen = dict(
        Preference.objects.filter(user_id__in=ids, kind=kind).values_list("user_id", "delivery")
    )
    return {pk: chosen.get(pk, DEFAULT_DELIVERY) for pk in ids}


def preferences_of(user: User) -> dict[str, str]:
    """Kind → delivery for ``user``, every kind present."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "delivery"))
    return {kind: chosen.get(kind, DEFAULT_DELIVERY) for kind in Kind.values}


def set_preferences(user: User, chosen: dict[str, str]) -> None:
    for kind, delivery in chosen.items():
        if kind in Kind.values and delivery in Delivery.values:
            Preference.objects.update_or_create(
                user=user, kind=kind, defaults={"delivery": delivery}
            )


def notify(kind: str, notices: Sequence[Notice]) -> int:
    """Record ``notices`` of ``kind`` for the officers of their units and e-mail those who chose
    it at once. Events already recorded for a person are skipped. Returns the e-mails sent."""
    if not notices:
        return 0
    officers: dict[int, list[User]] = {}
    for user in officers_of({n.unit_id for n in notices}):
        officers.setdefault(user.unit_id or 0, []).append(user)
    everyone = [u for users in officers.values() for u in users]
    chosen = deliveries(everyone, kind)
    keys = {n.event_key for n in notices}
    existing = set(
        Notification.objects.filter(kind=kind, event_key__in=keys).values_list(
            "recipient_id", "event_key"
        )
    )
    rows = [
        Notification(
            recipient=user,
            unit_id=notice.unit_id,
            kind=kind,
            event_key=notice.event_key,
            title=notice.title[:500],
            body=notice.body,
            url=notice.url,
            delivery=chosen[user.pk],
        )
        for notice in notices
        for user in officers.get(notice.unit_id, [])
        if (user.pk, notice.event_key) not in existing
    ]
    # A concurrent run may have recorded some meanwhile: the unique constraint keeps one.
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return send_pending_mail(kind, keys)


def _claim(ids: Iterable[int]) -> list[Notification]:
    """Mark these notifications e-mailed now and return the ones this call claimed (a row
    claimed by a concurrent call is left to it: each e-mail is sent once)."""
    claimed = []
    now = timezone.now()
    for pk in ids:
        if Notification.objects.filter(pk=pk, emailed_at__isnull=True).update(emailed_at=now):
            claimed.append(pk)
    return list(Notification.objects.filter(pk__in=claimed).select_related("recipient"))


def absolute(url: str) -> str:
    return getattr(settings, "SITE_URL", "").rstrip("/") + url if url.startswith("/") else url


Mail = tuple[str, str, str, list[str]]


def _message(n: Notification) -> Mail:
    lines = [f"Kính gửi {n.recipient},", "", n.title]
    if n.body:
        lines += ["", n.body]
    if n.url:
        lines += ["", f"Xem chi tiết: {absolute(n.url)}"]
    lines += ["", FOOTER]
    return (n.title[:200], "\n".join(lines), settings.DEFAULT_FROM_EMAIL, [n.recipient.email])


def send_pending_mail(kind: str, keys: Iterable[str]) -> int:
    """E-mail the not yet e-mailed notifications of ``kind``/``keys`` whose recipients chose
    e-mail at once and have an address."""
    pending = Notification.objects.filter(
        kind=kind, event_key__in=list(keys), delivery=Delivery.EMAIL, emailed_at__isnull=True
    ).exclude(recipient__email="")
    claimed = _claim(pending.values_list("pk", flat=True))
    if not claimed:
        return 0
    return send_mass_mail([_message(n) for n in claimed], fail_silently=False)


def send_digests() -> int:
    """One e-mail per user gathering the unread notifications they chose to get in the daily
    digest and that no digest carried yet. Returns the e-mails sent."""
    pending = (
        Notification.objects.filter(
            delivery=Delivery.DIGEST, emailed_at__isnull=True, read_at__isnull=True
        )
        .exclude(recipient__email="")
        .order_by("recipient_id", "created_at", "id")
    )
    by_user: dict[int, list[int]] = {}
    for pk, user_pk in pending.values_list("pk", "recipient_id"):
        by_user.setdefault(user_pk, []).append(pk)
    messages: list[Mail] = []
    for pks in by_user.values():
        with transaction.atomic():
            claimed = _claim(pks)
        if not claimed:
            continue
        user = claimed[0].recipient
        lines = [f"Kính gửi {user},", "", f"Hôm nay có {len(claimed)} việc cần đồng chí lưu ý:", ""]
        for n in sorted(claimed, key=lambda n: (n.created_at, n.pk)):
            lines.append(f"• {n.title}")
            if n.url:
                lines.append(f"  {absolute(n.url)}")
        lines += ["", FOOTER]
        messages.append(
            (
                f"Tuyên giáo: {len(claimed)} thông báo ngày {timezone.localdate():%d/%m/%Y}",
                "\n".join(lines),
                settings.DEFAULT_FROM_EMAIL,
                [user.email],
            )
        )
    return send_mass_mail(messages, fail_silently=False) if messages else 0


def unread_count(user: User) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(notifications: Iterable[Notification] | None = None, user: User | None = None) -> int:
    """Mark the given notifications (or every unread one of ``user``) read; returns how many."""
    now = timezone.now()
    if notifications is not None:
        pks = [n.pk for n in notifications]
        return Notification.objects.filter(pk__in=pks, read_at__isnull=True).update(read_at=now)
    assert user is not None
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=now)


def purge_old(days: int | None = None) -> int:
    """Delete notifications older than ``NOTIFICATIONS_KEEP_DAYS`` (the stated retention)."""
    keep = days if days is not None else getattr(settings, "NOTIFICATIONS_KEEP_DAYS", 180)
    cutoff = timezone.now() - timedelta(days=keep)
    deleted, _ = Notification.objects.filter(created_at__lt=cutoff).delete()
    return deleted
