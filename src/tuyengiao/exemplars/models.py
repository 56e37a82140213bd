"""Exemplary models and good examples (mô hình, điển hình).

* ``Sector`` — the fields (lĩnh vực) a model belongs to: a configurable list, seeded by a migration.
* ``Exemplar`` — a model or good example proposed by ``unit`` (what, field, where, description,
  results with figures, optionally an emulation result of the unit) and reviewed by ``reviewer``
  (the unit's superior when proposed): recognised, or returned with a note. Once recognised it is
  in the library, seen also by the units below the proposing unit (``recognised`` publishes down).
* ``Attachment`` — photos and documents of a model (checked by ``core.uploads``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Unit


class Sector(models.Model):
    """A field (lĩnh vực) of exemplary models; the list is configurable by system administrators."""

    name = models.CharField("tên lĩnh vực", max_length=200, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    active = models.BooleanField("đang dùng", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    PROPOSED = "cho-xet", "Chờ xét công nhận"
    RETURNED = "tra-lai", "Trả lại để bổ sung"
    RECOGNISED = "cong-nhan", "Đã công nhận"


class Exemplar(models.Model):
    scoping = Scoping(unit_field="unit", published_field="recognised")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị đề xuất"
    )
    reviewer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cấp xét công nhận"
    )
    title = models.CharField("tên mô hình, điển hình", max_length=300)
    sector = models.ForeignKey(Sector, on_delete=models.PROTECT, verbose_name="lĩnh vực")
    place = models.CharField(
        "nơi thực hiện",
        max_length=255,
        help_text="Cơ quan, địa bàn áp dụng mô hình (ví dụ: Phường Hòa Bình, Văn phòng Sở).",
    )
    description = models.TextField("nội dung, cách làm")
    results = models.TextField("kết quả, hiệu quả")
    figures = models.JSONField("số liệu kết quả", default=list, blank=True)
    entry = models.ForeignKey(
        "emulation.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="kết quả thi đua liên quan",
    )
    status = models.CharField(
        "trạng thái", max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    recognised = models.BooleanField(default=False, editable=False)
    review_note = models.TextField("ý kiến của cấp xét", blank=True)
    proposed_on = models.DateField("ngày đề xuất")
    recognised_on = models.DateField("ngày công nhận", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    search_folded = models.TextField(blank=True, editable=False)
    place_folded = models.CharField(max_length=255, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-proposed_on", "-id"]
        indexes = [models.Index(fields=["recognised", "recognised_on"], name="exemplars_rec_on")]
        verbose_name = "mô hình, điển hình"
        verbose_name_plural = "mô hình, điển hình"

    def __str__(self) -> str:
        return self.title

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.recognised = self.status == Status.RECOGNISED
        figures = " ".join(f"{a} {b}" for a, b in self.figures or [])
        self.search_folded = fold(
            f"{self.title} {self.place} {self.description} {self.results} {figures}"
        )
        self.place_folded = fold(self.place)[:255]
        if kwargs.get("update_fields") is not None:
            derived = {"recognised", "search_folded", "place_folded"}
            kwargs["update_fields"] = {*kwargs["update_fields"], *derived}
        super().save(*args, **kwargs)

    @property
    def editable(self) -> bool:
        return self.status != Status.RECOGNISED


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"exemplars/{instance.exemplar_id}/{Path(filename).name}"


class Attachment(models.Model):
    """A photo or document of an exemplary model."""

    scoping = Scoping(unit_field="exemplar__unit", published_field="exemplar__recognised")

    exemplar = models.ForeignKey(Exemplar, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp", upload_to=attachment_path)
    name = models.CharField("tên tệp", max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "ảnh, tài liệu của mô hình"
        verbose_name_plural = "ảnh, tài liệu của mô hình"

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return Path(self.name).suffix.lower() in {".jpg", ".jpeg", ".png"}
