"""The calendar's own tables.

* ``Anniversary`` — a date of significance that comes back every year (solar or lunar), with the
  year of the event so round anniversaries can be computed. ``unit`` empty: the national list,
  seeded by the migration ``0002_national_anniversaries`` from ``national.py`` and edited by
  system administrators only; otherwise a unit's own dates (the province's), seen below it.
* ``Campaign`` — a propaganda campaign (đợt tuyên truyền) a unit publishes downward: window, theme,
  slogans, linked documents.
* ``UnitEvent`` — a unit's own event (conference, talk, ceremony …) on the calendar.
* ``FeedToken`` — a user's private .ics address: the token alone opens that user's calendar.
"""

from __future__ import annotations

import secrets
from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.safestring import SafeString

from tuyengiao.core import richtext
from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit


def _national() -> Q:
    return Q(unit__isnull=True)


class Category(models.TextChoices):
    NATIONAL = "quoc-gia", "Ngày lễ lớn, kỷ niệm của đất nước"
    PARTY = "dang", "Ngày của Đảng, Mặt trận và đoàn thể"
    LOCAL = "dia-phuong", "Ngày của địa phương"
    SECTOR = "nganh", "Ngày truyền thống ngành, đơn vị"


class Anniversary(models.Model):
    scoping = Scoping(unit_field="unit", published_field="published_down", extra_visible=_national)

    unit = models.ForeignKey(
        Unit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="anniversaries",
        verbose_name="đơn vị",
    )
    title = models.CharField("tên ngày kỷ niệm", max_length=300)
    category = models.CharField(
        "loại", max_length=12, choices=Category.choices, default=Category.LOCAL
    )
    day = models.PositiveSmallIntegerField(
        "ngày", validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    month = models.PositiveSmallIntegerField(
        "tháng", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    lunar = models.BooleanField("theo âm lịch", default=False)
    year = models.PositiveSmallIntegerField(
        "năm diễn ra sự kiện",
        null=True,
        blank=True,
        help_text="Để trống nếu không tính số năm (ví dụ Giỗ Tổ Hùng Vương).",
    )
    source = models.CharField("căn cứ", max_length=500, blank=True)
    note = models.TextField("ghi chú", blank=True)
    active = models.BooleanField("đang dùng", default=True)
    published_down = models.BooleanField("đơn vị cấp dưới cùng xem", default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["month", "day", "title", "id"]
        verbose_name = "ngày kỷ niệm"
        verbose_name_plural = "ngày kỷ niệm"

    def __str__(self) -> str:
        return self.title

    @property
    def date_label(self) -> str:
        text = f"{self.day:02d}/{self.month:02d}" + (" âm lịch" if self.lunar else "")
        return f"{text}/{self.year}" if self.year and not self.lunar else text

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.unit.path if self.unit else ""}


class Campaign(models.Model):
    """A propaganda campaign: published downward, units below see it on their calendar."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="campaigns", verbose_name="đơn vị phát động"
    )
    title = models.CharField("tên đợt tuyên truyền", max_length=300)
    theme = models.TextField("chủ đề, nội dung trọng tâm", blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    slogans = models.TextField("khẩu hiệu", blank=True, help_text="Mỗi khẩu hiệu một dòng.")
    anniversary = models.ForeignKey(
        Anniversary,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="campaigns",
        verbose_name="gắn với ngày kỷ niệm",
    )
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="+", verbose_name="văn bản liên quan"
    )
    published_down = models.BooleanField("đã công bố xuống cấp dưới", default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["starts_on", "ends_on"], name="events_campaign_window")]
        verbose_name = "đợt tuyên truyền"
        verbose_name_plural = "đợt tuyên truyền"

    def __str__(self) -> str:
        return self.title

    @property
    def slogan_list(self) -> list[str]:
        return [line.strip() for line in self.slogans.splitlines() if line.strip()]

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.unit.path}


class EventKind(models.TextChoices):
    CONFERENCE = "hoi-nghi", "Hội nghị"
    TALK = "noi-chuyen", "Nói chuyện chuyên đề"
    CEREMONY = "le", "Lễ kỷ niệm, mít tinh"
    MEETING = "sinh-hoat", "Sinh hoạt chi bộ"
    OTHER = "khac", "Khác"


class UnitEvent(models.Model):
    """A unit's own event on the calendar."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="calendar_events", verbose_name="đơn vị"
    )
    title = models.CharField("tên sự kiện", max_length=300)
    kind = models.CharField(
        "loại", max_length=12, choices=EventKind.choices, default=EventKind.OTHER
    )
    starts_on = models.DateField("ngày")
    ends_on = models.DateField("đến ngày", null=True, blank=True)
    place = models.CharField("địa điểm", max_length=300, blank=True)
    note = models.TextField("ghi chú", blank=True)
    campaign = models.ForeignKey(
        Campaign,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
        verbose_name="thuộc đợt tuyên truyền",
    )
    published_down = models.BooleanField("đơn vị cấp dưới cùng xem", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = "sự kiện của đơn vị"
        verbose_name_plural = "sự kiện của đơn vị"

    def __str__(self) -> str:
        return self.title

    @property
    def last_day(self) -> date:
        return self.ends_on or self.starts_on

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.unit.path}


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """A user's secret .ics address (32 random bytes): it opens that user's calendar only."""

    scoping = Scoping(unit_field="user__unit")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"lịch của tài khoản {self.user_id}"


class Bulletin(models.Model):
    """The monthly bulletin for cell meetings (định hướng nội dung sinh hoạt chi bộ): assembled
    from the month's anniversaries, campaigns and slogans, plus the officer's own parts; issued
    with a number and published to the units below."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="bulletins", verbose_name="đơn vị"
    )
    year = models.PositiveSmallIntegerField("năm")
    month = models.PositiveSmallIntegerField(
        "tháng", validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    number = models.PositiveIntegerField("số", null=True, blank=True)
    published_down = models.BooleanField("đã phát hành xuống cấp dưới", default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-month", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "year", "month"], name="events_bulletin_one_per_month"
            )
        ]
        verbose_name = "thông tin sinh hoạt chi bộ"
        verbose_name_plural = "thông tin sinh hoạt chi bộ"

    def __str__(self) -> str:
        return f"Thông tin sinh hoạt chi bộ tháng {self.month:02d}/{self.year}"

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.unit.path}


class BulletinPart(models.TextChoices):
    ANNIVERSARY = "ky-niem", "Ngày kỷ niệm trong tháng"
    CAMPAIGN = "tuyen-truyen", "Đợt tuyên truyền"
    SLOGANS = "khau-hieu", "Khẩu hiệu"
    DIRECTIVES = "van-ban", "Văn bản mới"
    STUDY = "hoc-tap", "Học tập, quán triệt"
    ACTIVITIES = "hoat-dong", "Hoạt động tiêu biểu"
    EXEMPLARS = "mo-hinh", "Mô hình, điển hình"
    QUESTIONS = "hoi-dap", "Hỏi – đáp"
    OWN = "them", "Nội dung bổ sung"


class BulletinItem(models.Model):
    scoping = Scoping(unit_field="bulletin__unit", published_field="bulletin__published_down")

    bulletin = models.ForeignKey(Bulletin, on_delete=models.CASCADE, related_name="items")
    order = models.PositiveIntegerField("thứ tự", default=0)
    part = models.CharField("phần", max_length=12, choices=BulletinPart.choices)
    heading = models.CharField("tiêu đề", max_length=300)
    # Rich text (core.richtext): HTML saved from the editor, or plain text written by the builder
    # and before the editor.
    body = models.TextField("nội dung", blank=True)

    class Meta:
        ordering = ["bulletin", "order", "id"]
        verbose_name = "mục thông tin"
        verbose_name_plural = "mục thông tin"

    def __str__(self) -> str:
        return self.heading

    @property
    def body_html(self) -> SafeString:
        """The body sanitised for a page, the editor and the .docx. Plain-text slogans (the
        builder writes one per line) are a numbered list; other plain text, paragraphs."""
        if self.part == BulletinPart.SLOGANS and not richtext.looks_like_html(self.body):
            return richtext.to_html(richtext.numbered(self.body.splitlines()))
        return richtext.to_html(self.body)

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.bulletin.unit.path}
