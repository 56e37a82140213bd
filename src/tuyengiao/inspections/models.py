"""Inspections and supervisions (kiểm tra, giám sát) of units' work on plans.

* ``Inspection`` — planned by a superior (``unit``, the inspecting unit): kind, topic, the plan it
  is about (optional), the period of work looked at, the planned visit date, the team.
* ``TeamMember`` — a person of the roster in the team (head or member).
* ``Visit`` — one inspected unit of an inspection (``unit``, always below the inspecting unit):
  its checklist, findings, conclusion and the follow-up plan made of its recommendations.
* ``ChecklistLine`` — what was required, what the unit reported, the evidence on file (drafted
  from the unit's own tasks, reports and study rounds of the period) and the inspector's finding.
* ``Recommendation`` — a recommendation of the conclusion: a task with a deadline for the
  inspected unit (``assignment`` in the plans app), closed when the inspectors accept its evidence.

Inspections look at units' work on plans, never at people's opinions.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Person, Unit


class Kind(models.TextChoices):
    INSPECTION = "kiem_tra", "Kiểm tra"
    SUPERVISION = "giam_sat", "Giám sát"


class Inspection(models.Model):
    """An inspection or supervision planned by ``unit`` of some units below it."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="inspections", verbose_name="đơn vị kiểm tra"
    )
    kind = models.CharField(
        "hình thức", max_length=10, choices=Kind.choices, default=Kind.INSPECTION
    )
    title = models.CharField("nội dung kiểm tra", max_length=500)
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspections",
        verbose_name="kế hoạch được kiểm tra",
    )
    period_start = models.DateField("kỳ kiểm tra từ ngày")
    period_end = models.DateField("đến ngày")
    planned_on = models.DateField("ngày kiểm tra dự kiến")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["planned_on", "id"]
        verbose_name = "cuộc kiểm tra"
        verbose_name_plural = "cuộc kiểm tra"

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class TeamRole(models.TextChoices):
    HEAD = "head", "Trưởng đoàn"
    MEMBER = "member", "Thành viên"


class TeamMember(models.Model):
    """A person of the roster in an inspection's team."""

    scoping = Scoping(unit_field="inspection__unit")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="team")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    role = models.CharField("vai trò", max_length=10, choices=TeamRole.choices)

    class Meta:
        ordering = ["role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "person"], name="inspections_team_once")
        ]
        verbose_name = "thành viên đoàn kiểm tra"
        verbose_name_plural = "thành viên đoàn kiểm tra"

    def __str__(self) -> str:
        return f"{self.person} ({self.get_role_display()})"


class VisitState(models.TextChoices):
    PLANNED = "planned", "Chưa kiểm tra"
    VISITED = "visited", "Đang kiểm tra"
    CONCLUDED = "concluded", "Đã kết luận"
    CLOSED = "closed", "Đã hoàn thành khắc phục"


VISIT_BADGE = {
    VisitState.PLANNED: "",
    VisitState.VISITED: "warn",
    VisitState.CONCLUDED: "warn",
    VisitState.CLOSED: "ok",
}


class Visit(models.Model):
    """One inspected unit of an inspection: its checklist, conclusion and follow-up."""

    scoping = Scoping(unit_field="unit")

    inspection = models.ForeignKey(Inspection, on_delete=models.CASCADE, related_name="visits")
    unit = models.ForeignKey(
        Unit,
        on_delete=models.PROTECT,
        related_name="inspection_visits",
        verbose_name="đơn vị được kiểm tra",
    )
    state = models.CharField(
        "tình trạng", max_length=10, choices=VisitState.choices, default=VisitState.PLANNED
    )
    conclusion = models.TextField("kết luận chung", blank=True)
    concluded_on = models.DateField("ngày kết luận", null=True, blank=True)
    follow_up_plan = models.OneToOneField(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspection_visit",
        verbose_name="nhiệm vụ khắc phục",
    )
    closed_on = models.DateField("ngày hoàn thành khắc phục", null=True, blank=True)

    class Meta:
        ordering = ["inspection", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "unit"], name="inspections_visit_once")
        ]
        verbose_name = "đơn vị được kiểm tra"
        verbose_name_plural = "đơn vị được kiểm tra"

    def __str__(self) -> str:
        return f"{self.inspection.title} — {self.unit.name}"

    @property
    def badge(self) -> str:
        return VISIT_BADGE[VisitState(self.state)]

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class Source(models.TextChoices):
    TASK = "task", "Nhiệm vụ"
    REPORT = "report", "Báo cáo"
    STUDY = "study", "Học tập, quán triệt"
    OTHER = "other", "Nội dung khác"


class Finding(models.TextChoices):
    DONE = "done", "Đã thực hiện"
    PARTLY = "partly", "Thực hiện một phần"
    NOT_DONE = "not_done", "Chưa thực hiện"


FINDING_BADGE = {"done": "ok", "partly": "warn", "not_done": "bad", "": ""}


def evidence_path(instance: ChecklistLine, filename: str) -> str:
    today = timezone.localdate()
    return f"inspections/evidence/{today:%Y/%m}/{instance.visit_id}-{instance.pk}-{filename}"


class ChecklistLine(models.Model):
    """A line of a visit's checklist and the inspector's finding on it."""

    scoping = Scoping(unit_field="visit__unit")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="lines")
    order = models.PositiveIntegerField(default=0)
    source = models.CharField("nguồn", max_length=10, choices=Source.choices)
    requirement = models.TextField("yêu cầu")
    reported = models.TextField("đơn vị báo cáo", blank=True)
    evidence_on_file = models.TextField("minh chứng đã có", blank=True)
    assignment = models.ForeignKey(
        "plans.TaskAssignment", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    submission = models.ForeignKey(
        "reports.Submission", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finding = models.CharField(
        "kết quả kiểm tra", max_length=10, choices=Finding.choices, blank=True, default=""
    )
    note = models.TextField("nhận xét", blank=True)
    evidence = models.FileField("minh chứng bổ sung", upload_to=evidence_path, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["visit", "order", "id"]
        verbose_name = "nội dung kiểm tra"
        verbose_name_plural = "nội dung kiểm tra"

    def __str__(self) -> str:
        return self.requirement[:80]

    @property
    def badge(self) -> str:
        return FINDING_BADGE[self.finding]

    @property
    def evidence_name(self) -> str:
        name = self.evidence.name or ""
        return name.rsplit("/", 1)[-1].split("-", 2)[-1]


class Recommendation(models.Model):
    """A recommendation of a visit's conclusion: a task with a deadline for the inspected unit."""

    scoping = Scoping(unit_field="visit__unit")

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="recommendations")
    order = models.PositiveIntegerField(default=0)
    text = models.TextField("kiến nghị")
    due_date = models.DateField("hạn khắc phục")
    assignment = models.OneToOneField(
        "plans.TaskAssignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inspection_recommendation",
    )
    accepted_on = models.DateField("ngày chấp nhận kết quả", null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["visit", "order", "id"]
        verbose_name = "kiến nghị sau kiểm tra"
        verbose_name_plural = "kiến nghị sau kiểm tra"

    def __str__(self) -> str:
        return self.text[:80]


# --- interim and final reviews (sơ kết, tổng kết) ---------------------------------------------


class ReviewKind(models.TextChoices):
    HALF_YEAR = "so_ket_6t", "Sơ kết 6 tháng"
    ONE_YEAR = "so_ket_1n", "Sơ kết 1 năm"
    MID_TERM = "giua_nhiem_ky", "Sơ kết giữa nhiệm kỳ"
    FIVE_YEARS = "tong_ket_5n", "Tổng kết 5 năm"
    TEN_YEARS = "tong_ket_10n", "Tổng kết 10 năm"


class Review(models.Model):
    """A review opened by ``unit`` for the units below it, over a span, with an outline."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="reviews", verbose_name="đơn vị tổ chức"
    )
    kind = models.CharField("loại", max_length=14, choices=ReviewKind.choices)
    title = models.CharField("sơ kết, tổng kết việc thực hiện", max_length=500)
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name="nghị quyết, kế hoạch",
    )
    span_start = models.DateField("từ ngày")
    span_end = models.DateField("đến ngày")
    due_date = models.DateField("hạn gửi báo cáo")
    outline = models.TextField(
        "đề cương", help_text="Mỗi dòng là một phần của báo cáo mà đơn vị phải viết."
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-span_end", "-id"]
        verbose_name = "đợt sơ kết, tổng kết"
        verbose_name_plural = "đợt sơ kết, tổng kết"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.title}"

    @property
    def sections(self) -> list[str]:
        return [line.strip() for line in self.outline.splitlines() if line.strip()]


class ReviewReport(models.Model):
    """A unit's report for a review: its figures (pre-filled from the product's data), its
    narrative sections and the commendations it proposes."""

    scoping = Scoping(unit_field="unit")

    review = models.ForeignKey(Review, on_delete=models.CASCADE, related_name="reports")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    figures = models.JSONField(default=dict, blank=True)
    sections = models.JSONField(default=dict, blank=True)
    commendations = models.TextField(
        "đề xuất khen thưởng",
        blank=True,
        help_text="Tập thể, cá nhân đề nghị khen thưởng, mỗi dòng một đề nghị.",
    )
    submitted_on = models.DateField("ngày gửi", null=True, blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["review", "unit__path"]
        constraints = [
            models.UniqueConstraint(
                fields=["review", "unit"], name="inspections_review_report_once"
            )
        ]
        verbose_name = "báo cáo sơ kết, tổng kết của đơn vị"
        verbose_name_plural = "báo cáo sơ kết, tổng kết của đơn vị"

    def __str__(self) -> str:
        return f"{self.review} — {self.unit.name}"
