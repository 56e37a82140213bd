"""A unit's public news page.

* ``NewsPage`` — the unit's setting (one per unit): whether its page is public (opt-in, by the
  unit's administrator), the address slug (``/tin/<slug>/``) and a line of introduction.
* ``NewsItem`` — one news item of the unit: title, summary, body (rich text typed in the editor,
  stored as HTML sanitised by ``core.richtext`` and sanitised again when shown; items written
  before the editor hold plain text, shown as paragraphs), a picture (checked by
  ``core.uploads``), drafted by an officer, published by the unit's administrator; optionally
  the activity of the register it reports on.

The public sees only published items of units whose page is public (``services.public_items``).
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.utils.safestring import SafeString

from tuyengiao.core import richtext
from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit

# reserved: the internal pages live under /tin/quan-ly/
RESERVED_SLUGS = {"quan-ly"}


class NewsPage(models.Model):
    scoping = Scoping(unit_field="unit")

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="news_page")
    public = models.BooleanField("mở trang tin công khai", default=False)
    slug = models.SlugField(
        "địa chỉ trang (sau /tin/)",
        max_length=60,
        unique=True,
        validators=[RegexValidator(r"^[a-z0-9-]+$", "Chỉ dùng chữ thường không dấu, số và dấu -.")],
        help_text="Ví dụ: dang-uy-khoi — trang sẽ ở /tin/dang-uy-khoi/.",
    )
    intro = models.TextField("lời giới thiệu", blank=True)
    show_bulletins = models.BooleanField(
        "đăng cả thông tin sinh hoạt chi bộ đã phát hành", default=True
    )

    class Meta:
        verbose_name = "trang tin của đơn vị"
        verbose_name_plural = "trang tin của đơn vị"

    def __str__(self) -> str:
        return f"Trang tin — {self.unit.name}"


class Status(models.TextChoices):
    DRAFT = "draft", "Bản nháp"
    PUBLISHED = "published", "Đã đăng"


def picture_path(instance: NewsItem, filename: str) -> str:
    return f"news/{instance.unit_id}/{Path(filename).name}"


class NewsItem(models.Model):
    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="news_items", verbose_name="đơn vị"
    )
    title = models.CharField("tiêu đề", max_length=250)
    summary = models.CharField("tóm tắt", max_length=500, blank=True)
    body = models.TextField("nội dung")
    picture = models.FileField("ảnh", upload_to=picture_path, blank=True)
    activity = models.ForeignKey(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_items",
        verbose_name="hoạt động được đưa tin",
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    published_at = models.DateTimeField("ngày đăng", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["unit", "status", "published_at"])]
        verbose_name = "tin bài"
        verbose_name_plural = "tin bài"

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == Status.PUBLISHED

    @property
    def body_html(self) -> SafeString:
        """The body sanitised for a page (plain text of before the editor as paragraphs)."""
        return richtext.to_html(self.body)

    @property
    def description(self) -> str:
        """Plain text for feeds and Open Graph: the summary, else the body's words."""
        return self.summary or " ".join(richtext.to_plain_text(self.body).split())
