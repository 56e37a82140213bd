"""Notices to the officers of a unit (thông báo): in the app, by e-mail at once, or in a daily digest.

A ``Notification`` is one notice to one user about one event. ``(recipient, kind, event_key)`` is
unique, so an event reaches a person once however many times it is announced (the periodic scan
runs every day, a hook may run twice). ``delivery`` is the recipient's choice for the kind when the
notice was made; ``emailed_at`` is set by whoever claims the mail first (an UPDATE … WHERE
``emailed_at`` IS NULL), so no e-mail goes twice either.

Personal data: a notification names its recipient (a user account) and says what the user's unit
must do; legal basis — the performance of the officer's duties in the unit's work (the same as the
plans, reports and study data it points to); retention — deleted with the account, and
notifications older than ``NOTIFICATIONS_KEEP_DAYS`` (default 180) are removed by the daily scan.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit


class Kind(models.TextChoices):
    PLAN_SENT = "plan_sent", "Kế hoạch được gửi xuống đơn vị"
    TASK_DUE = "task_due", "Nhiệm vụ sắp đến hạn (3 ngày)"
    TASK_OVERDUE = "task_overdue", "Nhiệm vụ quá hạn"
    REPORT_RETURNED = "report_returned", "Báo cáo bị trả lại"
    REPORT_ACCEPTED = "report_accepted", "Báo cáo được tiếp nhận"
    REPORT_DUE = "report_due", "Báo cáo sắp đến hạn nộp (3 ngày)"
    SESSION_TOMORROW = "session_tomorrow", "Buổi học tập nghị quyết ngày mai"
    CAMPAIGN_OPENING = "campaign_opening", "Đợt tuyên truyền sắp bắt đầu (7 ngày)"
    BULLETIN_ISSUED = "bulletin_issued", "Thông tin sinh hoạt chi bộ được phát hành"
    SURVEY_OPENED = "survey_opened", "Khảo sát mới gửi đến đơn vị"
    INSPECTION_PLANNED = "inspection_planned", "Đơn vị sẽ được kiểm tra, giám sát"


class Delivery(models.TextChoices):
    APP = "app", "Chỉ trong hệ thống"
    EMAIL = "email", "Gửi thư điện tử ngay"
    DIGEST = "digest", "Gộp vào thư tổng hợp hằng ngày"


DEFAULT_DELIVERY = Delivery.EMAIL


class Notification(models.Model):
    """One notice to one user about one event (see the module docstring)."""

    scoping = Scoping(unit_field="unit")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # The unit the notice is for (the recipient's unit when it was made): the scoping owner.
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField("loại", max_length=20, choices=Kind.choices)
    event_key = models.CharField(max_length=120)
    title = models.CharField("nội dung", max_length=500)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=DEFAULT_DELIVERY)
    created_at = models.DateTimeField("thời gian", default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "kind", "event_key"], name="notifications_once_per_event"
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notifications_unread")]
        verbose_name = "thông báo"
        verbose_name_plural = "thông báo"

    def __str__(self) -> str:
        return self.title

    @property
    def unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """How a user wants one kind of notice delivered (no row: ``DEFAULT_DELIVERY``)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices)
    delivery = models.CharField(max_length=10, choices=Delivery.choices, default=DEFAULT_DELIVERY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notifications_pref_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind}: {self.delivery}"
