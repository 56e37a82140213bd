"""Every write of the calendar: anniversaries, campaigns (published down), units' events, and the
user's private feed address. Views check the scope (``accounts.scoping``) before calling these."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tuyengiao.orgs.models import Unit

from ..models import Campaign, FeedToken

# A campaign's reminder goes to the units below this many days before its window opens.
REMIND_DAYS_BEFORE = 7


def publish_campaign(campaign: Campaign) -> bool:
    """Publish ``campaign`` to the units below its issuer. False if it was already published."""
    if campaign.published_down:
        return False
    campaign.published_down = True
    campaign.published_at = timezone.now()
    campaign.save(update_fields=["published_down", "published_at"])
    return True


def feed_token(user: Any) -> FeedToken | None:
    return FeedToken.objects.filter(user=user).first()


@transaction.atomic
def renew_feed_token(user: Any) -> FeedToken:
    """A new private address for ``user``'s calendar; the old one stops working at once."""
    FeedToken.objects.filter(user=user).delete()
    return FeedToken.objects.create(user=user)


def campaigns_opening(today: date) -> list[Campaign]:
    """Published campaigns whose window opens within ``REMIND_DAYS_BEFORE`` days (today
    included): a scan that missed days still catches them before they start."""
    return list(
        Campaign.objects.filter(
            published_down=True,
            starts_on__gte=today,
            starts_on__lte=today + timedelta(days=REMIND_DAYS_BEFORE),
        ).select_related("unit")
    )


def reminder_units(campaign: Campaign) -> list[int]:
    """The units told of an opening campaign: every unit below its issuer."""
    return list(
        Unit.objects.filter(path__startswith=campaign.unit.path)
        .exclude(pk=campaign.unit_id)
        .values_list("pk", flat=True)
    )


def reminder_text(campaign: Campaign) -> tuple[str, str, str]:
    """(title, body, url) of the reminder."""
    title = (
        f"Đợt tuyên truyền “{campaign.title}” bắt đầu ngày {campaign.starts_on:%d/%m/%Y} "
        f"(đến {campaign.ends_on:%d/%m/%Y}) — {campaign.unit.name}"
    )
    body = "\n".join([campaign.theme] + [f"Khẩu hiệu: {s}" for s in campaign.slogan_list]).strip()
    url = reverse("events:campaign_detail", kwargs={"campaign_pk": campaign.pk})
    return title, body, url
