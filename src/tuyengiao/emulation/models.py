"""Emulation and commendation (thi đua, khen thưởng).

* ``Movement`` — an emulation movement of ``unit`` for the units below it, with ``Criterion``s
  each worth up to ``max_points``.
* ``Entry`` — a participating unit's self-assessment (points per criterion, a note, an evidence
  file) and the superior's scores; ranked by the superior's total (ties share a rank).
* ``AwardForm`` — the forms of commendation (giấy khen, bằng khen, cờ thi đua …): configurable.
* ``Commendation`` — a decision (number, date) commending a unit or a person: the register.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Person, Unit


class Movement(models.Model):
    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị phát động"
    )
    title = models.CharField("tên phong trào", max_length=500)
    year = models.PositiveSmallIntegerField("năm")
    participants = models.ManyToManyField(Unit, related_name="+", verbose_name="đơn vị tham gia")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = "phong trào thi đua"
        verbose_name_plural = "phong trào thi đua"

    def __str__(self) -> str:
        return self.title


class Criterion(models.Model):
    scoping = Scoping(unit_field="movement__unit")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="criteria")
    order = models.PositiveIntegerField(default=0)
    name = models.CharField("tiêu chí", max_length=500)
    max_points = models.PositiveSmallIntegerField("điểm tối đa")

    class Meta:
        ordering = ["movement", "order", "id"]
        verbose_name = "tiêu chí thi đua"
        verbose_name_plural = "tiêu chí thi đua"

    def __str__(self) -> str:
        return self.name


def evidence_path(instance: Entry, filename: str) -> str:
    return f"emulation/evidence/{instance.movement_id}/{instance.unit_id}-{filename}"


class Entry(models.Model):
    scoping = Scoping(unit_field="unit")

    movement = models.ForeignKey(Movement, on_delete=models.CASCADE, related_name="entries")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    self_points = models.JSONField("điểm tự chấm", default=dict, blank=True)
    self_note = models.TextField("thuyết minh", blank=True)
    evidence = models.FileField("minh chứng", upload_to=evidence_path, blank=True)
    submitted_on = models.DateField("ngày gửi tự chấm", null=True, blank=True)
    scores = models.JSONField("điểm cấp trên chấm", default=dict, blank=True)
    total = models.PositiveIntegerField("tổng điểm", null=True, blank=True)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["movement", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["movement", "unit"], name="emulation_entry_once")
        ]
        verbose_name = "đăng ký, tự chấm thi đua"
        verbose_name_plural = "đăng ký, tự chấm thi đua"

    def __str__(self) -> str:
        return f"{self.movement} — {self.unit.name}"

    @property
    def self_total(self) -> int:
        return sum(int(v) for v in (self.self_points or {}).values())


class AwardForm(models.Model):
    """A form of commendation; the list is configurable (admin), seeded by a migration."""

    name = models.CharField("hình thức khen thưởng", max_length=200, unique=True)
    order = models.PositiveIntegerField("thứ tự", default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "hình thức khen thưởng"
        verbose_name_plural = "hình thức khen thưởng"

    def __str__(self) -> str:
        return self.name


class _Recipient:
    """What a commendation and a nomination share: a form given to a person or to a unit."""

    form: AwardForm
    person: Person | None
    person_id: int | None
    subject_unit: Unit

    def __str__(self) -> str:
        return f"{self.form} — {self.recipient_name}"

    @property
    def recipient_name(self) -> str:
        return self.person.full_name if self.person_id and self.person else self.subject_unit.name


class Commendation(_Recipient, models.Model):
    """A line of the register: a decision commending a unit or a person of a unit."""

    scoping = Scoping(unit_field="subject_unit")

    issuer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị quyết định"
    )
    subject_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tập thể được khen (hoặc đơn vị của cá nhân)",
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="cá nhân được khen",
    )
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, verbose_name="hình thức")
    decision_number = models.CharField("số quyết định", max_length=60)
    decision_date = models.DateField("ngày quyết định")
    reason = models.CharField("thành tích", max_length=1000)
    movement = models.ForeignKey(
        Movement, on_delete=models.SET_NULL, null=True, blank=True, related_name="commendations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-decision_date", "-id"]
        verbose_name = "khen thưởng"
        verbose_name_plural = "khen thưởng"


class NominationStatus(models.TextChoices):
    PENDING = "cho-duyet", "Chờ quyết định"
    APPROVED = "da-duyet", "Đã khen thưởng"
    DECLINED = "khong-duyet", "Không duyệt"


class Nomination(_Recipient, models.Model):
    """A proposal (đề nghị khen thưởng) by ``proposer`` to ``decider`` (itself or its superior) to
    commend a unit or a person of its subtree with a form; approving it with a decision number and
    date makes the register line (``commendation``), declining records the reason. A unit's report
    for an interim/final review proposes its commendations as nominations (``review_report``)."""

    scoping = Scoping(unit_field="proposer")

    proposer = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị đề nghị"
    )
    decider = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="cấp quyết định"
    )
    subject_unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="tập thể được đề nghị (hoặc đơn vị của cá nhân)",
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="cá nhân được đề nghị",
    )
    form = models.ForeignKey(AwardForm, on_delete=models.PROTECT, verbose_name="hình thức")
    reason = models.CharField("thành tích", max_length=1000)
    movement = models.ForeignKey(
        Movement, on_delete=models.SET_NULL, null=True, blank=True, related_name="nominations"
    )
    review_report = models.ForeignKey(
        "inspections.ReviewReport",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nominations",
        verbose_name="báo cáo sơ kết, tổng kết",
    )
    status = models.CharField(
        "trạng thái",
        max_length=12,
        choices=NominationStatus.choices,
        default=NominationStatus.PENDING,
    )
    decline_reason = models.TextField("lý do không duyệt", blank=True)
    commendation = models.OneToOneField(
        Commendation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="nomination",
    )
    proposed_on = models.DateField("ngày đề nghị")
    decided_on = models.DateField("ngày quyết định", null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-proposed_on", "-id"]
        verbose_name = "đề nghị khen thưởng"
        verbose_name_plural = "đề nghị khen thưởng"


def template_path(instance: CertificateTemplate, filename: str) -> str:
    return f"emulation/certificate-templates/{filename}"


class CertificateTemplate(models.Model):
    """A .docx certificate template with placeholders, uploaded by a system administrator (for
    one form of commendation, or for all). The newest active one is used; none → built in."""

    name = models.CharField("tên mẫu", max_length=200)
    form = models.ForeignKey(
        AwardForm,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name="dùng cho hình thức",
        help_text="Để trống: dùng cho mọi hình thức chưa có mẫu riêng.",
    )
    file = models.FileField("tệp mẫu (.docx)", upload_to=template_path)
    placeholders = models.JSONField("các trường", default=list, blank=True)
    active = models.BooleanField("đang dùng", default=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        verbose_name = "mẫu giấy chứng nhận"
        verbose_name_plural = "mẫu giấy chứng nhận"

    def __str__(self) -> str:
        return self.name
