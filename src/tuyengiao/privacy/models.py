"""The register of data subjects' requests (yêu cầu của chủ thể dữ liệu cá nhân).

A request is about one person and belongs to that person's unit (scoping: the unit's
administrators and those above see it); its deadlines are computed by ``deadlines`` when it is
received and kept on the row, so a later change of the holiday calendar never moves a deadline
already told to the person.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping


class RequestKind(models.TextChoices):
    ACCESS = "access", "Xem, nhận bản sao dữ liệu"
    CORRECTION = "correction", "Chỉnh sửa dữ liệu"
    ERASURE = "erasure", "Xóa dữ liệu"
    OBJECTION = "objection", "Phản đối xử lý dữ liệu"
    RESTRICTION = "restriction", "Hạn chế xử lý dữ liệu"


class RequestStatus(models.TextChoices):
    RECEIVED = "received", "Đã nhận"
    ASSIGNED = "assigned", "Đã phân công"
    ANSWERED = "answered", "Đã trả lời"
    CLOSED = "closed", "Đã đóng"


class DataRequest(models.Model):
    """A data subject's request, with its legal deadlines, who handles it and the answer."""

    scoping = Scoping(unit_field="unit")

    person = models.ForeignKey(
        "orgs.Person", on_delete=models.PROTECT, related_name="data_requests", verbose_name="người"
    )
    unit = models.ForeignKey(
        "orgs.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị"
    )
    kind = models.CharField("loại yêu cầu", max_length=12, choices=RequestKind.choices)
    details = models.TextField("nội dung yêu cầu", blank=True)
    received_on = models.DateField("ngày nhận")
    respond_by = models.DateField("hạn phản hồi")
    complete_by = models.DateField("hạn hoàn thành")
    status = models.CharField(
        "trạng thái", max_length=10, choices=RequestStatus.choices, default=RequestStatus.RECEIVED
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người xử lý",
    )
    answer = models.TextField("trả lời", blank=True)
    answered_on = models.DateField("ngày trả lời", null=True, blank=True)
    closed_on = models.DateField("ngày đóng", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="người ghi nhận",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["respond_by", "id"]
        verbose_name = "yêu cầu về dữ liệu cá nhân"
        verbose_name_plural = "yêu cầu về dữ liệu cá nhân"
        indexes = [models.Index(fields=["status", "respond_by"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.person}"

    def is_overdue(self, today: date) -> bool:
        """Not answered by the day to respond, or not closed by the day to complete."""
        if self.status == RequestStatus.CLOSED:
            return False
        if self.status != RequestStatus.ANSWERED and today > self.respond_by:
            return True
        return today > self.complete_by

    def get_additional_data(self) -> dict[str, str]:
        return {"unit_path": self.unit.path}
