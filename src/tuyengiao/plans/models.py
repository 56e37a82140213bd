"""Plans, their tasks, the units assigned to them, and the cascade of implementing plans.

* ``Plan`` — a library document of kind Kế hoạch, Chương trình hành động, Đề án or a
  resolution's action list, owned by the unit that issued it. ``chain`` is the materialised path
  of the cascade ("12/45/78/"): a plan that carries out another extends its parent's chain, so
  every plan below a plan, at any depth, is one ``chain LIKE 'prefix%'`` query.
* ``Task`` — one task of a plan, with its time frame and indicators. A task may be a sub-task
  of another (the bullets under an item), a reporting duty (``kind`` report), and may be assigned
  collectively ("các chi, đảng bộ cơ sở", "cấp ủy cơ sở"): ``collective_role`` says that every unit
  the plan is sent to takes part in it, in that role (see ``services.plan_sent_to_units``).
* ``TaskAssignment`` — a unit's part in a task (lead or coordinating). Its status (chưa thực hiện /
  đang thực hiện / hoàn thành / quá hạn) is derived from the time frame and the progress reports,
  never typed by hand.
* ``TaskUpdate`` — the activity timeline of an assignment: progress reports, evidence files, notes.
* ``CascadeDispatch`` / ``CascadeRecipient`` — a plan sent down to chosen units with a due date
  for their implementing plans; a recipient is linked to its implementing plan when it is issued.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Value
from django.db.models.functions import Concat, Substr
from django.utils import timezone

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit

from .timeframes import COMPARATOR_LABELS, RECURRENCE_LABELS, RECURRENCES, Indicator, TimeFrame


class PlanKind(models.TextChoices):
    PLAN = "ke_hoach", "Kế hoạch"
    PROGRAMME = "chuong_trinh", "Chương trình hành động"
    PROJECT = "de_an", "Đề án"
    RESOLUTION = "nghi_quyet", "Danh mục nhiệm vụ của nghị quyết"
    CONCLUSION = "ket_luan", "Nhiệm vụ theo kết luận"
    DIRECTIVE = "chi_thi", "Nhiệm vụ theo chỉ thị"


DOC_TYPE_TO_KIND = {
    "kế hoạch": PlanKind.PLAN,
    "chương trình hành động": PlanKind.PROGRAMME,
    "chương trình": PlanKind.PROGRAMME,
    "đề án": PlanKind.PROJECT,
    "nghị quyết": PlanKind.RESOLUTION,
    "kết luận": PlanKind.CONCLUSION,
    "chỉ thị": PlanKind.DIRECTIVE,
}


class Plan(models.Model):
    """A plan of a unit: the tasks it sets, and (through its dispatches) the plans below it."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="plans", verbose_name="đơn vị ban hành"
    )
    document = models.OneToOneField(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan",
        verbose_name="văn bản trong thư viện",
    )
    kind = models.CharField("loại", max_length=20, choices=PlanKind.choices, default=PlanKind.PLAN)
    number = models.CharField("số ký hiệu", max_length=80, blank=True)
    number_key = models.CharField(max_length=80, blank=True, db_index=True, editable=False)
    title = models.CharField("trích yếu", max_length=500)
    issuer_name = models.CharField(
        "cơ quan ban hành (như in trên văn bản)", max_length=255, blank=True
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="implementing_plans",
        verbose_name="thực hiện kế hoạch",
    )
    chain = models.CharField(max_length=255, blank=True, db_index=True, editable=False)
    implements_keys = models.CharField(
        max_length=500,
        blank=True,
        editable=False,
        db_index=True,
        help_text="Số ký hiệu (đã chuẩn hóa) của các văn bản mà kế hoạch này thực hiện: |k1|k2|",
    )
    published_down = models.BooleanField(
        "đơn vị cấp dưới được xem",
        default=True,
        help_text="Các đơn vị trực thuộc xem được kế hoạch và nhiệm vụ để triển khai.",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-issued_on", "-id"]
        verbose_name = "kế hoạch"
        verbose_name_plural = "kế hoạch"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.number}".strip() + f" — {self.title}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        from .services import normalize_number

        self.number_key = normalize_number(self.number)
        super().save(*args, **kwargs)
        chain = (self.parent.chain if self.parent_id and self.parent else "") + f"{self.pk}/"
        if chain != self.chain:
            old, self.chain = self.chain, chain
            Plan.objects.filter(pk=self.pk).update(chain=chain)
            if old:
                # Plans already carrying out this one move with it (one UPDATE, any depth).
                Plan.objects.filter(chain__startswith=old).exclude(pk=self.pk).update(
                    chain=Concat(
                        Value(chain), Substr("chain", len(old) + 1), output_field=models.CharField()
                    )
                )

    @property
    def display_number(self) -> str:
        return self.number or "(chưa có số)"

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class TaskKind(models.TextChoices):
    TASK = "task", "Nhiệm vụ"
    REPORT = "report", "Báo cáo"


class Task(models.Model):
    """One task of a plan: what, who, when, and the targets to reach."""

    scoping = Scoping(unit_field="plan__unit")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subtasks",
        verbose_name="thuộc nhiệm vụ",
    )
    kind = models.CharField("loại", max_length=10, choices=TaskKind.choices, default=TaskKind.TASK)
    collective_role = models.CharField(
        "giao chung cho các đơn vị nhận kế hoạch",
        max_length=12,
        blank=True,
        default="",
        choices=[("", "Không"), ("lead", "Chủ trì"), ("coordinate", "Phối hợp")],
        help_text="Nhiệm vụ giao chung (“các chi, đảng bộ cơ sở”, “cấp ủy cơ sở”…): mọi đơn vị "
        "được gửi kế hoạch đều nhận nhiệm vụ này với vai trò đã chọn.",
    )
    order = models.PositiveIntegerField("thứ tự", default=0)
    section = models.CharField("mục", max_length=10, blank=True)
    label = models.CharField("số thứ tự trong văn bản", max_length=10, blank=True)
    title = models.CharField("nhiệm vụ", max_length=1000)
    description = models.TextField("nội dung", blank=True)
    unit_names = models.JSONField(
        "đơn vị nêu trong văn bản",
        default=list,
        blank=True,
        help_text="Tên đơn vị như in trong kế hoạch (kể cả đơn vị chưa khớp với danh mục).",
    )
    timeframe_text = models.CharField("thời gian thực hiện", max_length=255, blank=True)
    start_date = models.DateField("bắt đầu", null=True, blank=True)
    end_date = models.DateField("hạn hoàn thành", null=True, blank=True)
    recurrence = models.CharField(
        "định kỳ",
        max_length=10,
        default="none",
        choices=[(r, RECURRENCE_LABELS[r]) for r in RECURRENCES],
    )
    ongoing = models.BooleanField("thường xuyên", default=False)
    indicators = models.JSONField("chỉ tiêu", default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "order", "id"]
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"

    def __str__(self) -> str:
        return self.title

    @property
    def timeframe(self) -> TimeFrame:
        return TimeFrame(
            raw=self.timeframe_text,
            start=self.start_date,
            end=self.end_date,
            recurrence=self.recurrence,
            ongoing=self.ongoing,
        )

    @property
    def indicator_objects(self) -> list[Indicator]:
        return [Indicator.from_dict(d) for d in self.indicators or []]

    def indicator_labels(self) -> list[str]:
        return [i.label() for i in self.indicator_objects]

    def current_deadline(self, today: date | None = None) -> date | None:
        """The deadline that matters today: the end date, or the end of the current period."""
        today = today or timezone.localdate()
        if self.recurrence == "none":
            return self.end_date
        period_end = period_bounds(self.recurrence, today)[1]
        if self.end_date and self.end_date < period_end:
            return self.end_date
        return period_end

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.plan.unit.path}


def period_bounds(recurrence: str, today: date) -> tuple[date, date]:
    """(first day, last day) of the year / quarter / month containing ``today``."""
    if recurrence == "yearly":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if recurrence == "quarterly":
        q_start = 3 * ((today.month - 1) // 3) + 1
        start = date(today.year, q_start, 1)
    else:
        start = date(today.year, today.month, 1)
    months = 3 if recurrence == "quarterly" else 1
    nxt = date(
        start.year + (start.month + months - 1) // 12, (start.month + months - 1) % 12 + 1, 1
    )
    return start, nxt - timedelta(days=1)


class Role(models.TextChoices):
    LEAD = "lead", "Chủ trì"
    COORDINATE = "coordinate", "Phối hợp"


class Status(models.TextChoices):
    NOT_STARTED = "not_started", "Chưa thực hiện"
    IN_PROGRESS = "in_progress", "Đang thực hiện"
    DONE = "done", "Hoàn thành"
    OVERDUE = "overdue", "Quá hạn"


STATUS_BADGE = {
    Status.NOT_STARTED: "",
    Status.IN_PROGRESS: "warn",
    Status.DONE: "ok",
    Status.OVERDUE: "bad",
}


class TaskAssignment(models.Model):
    """A unit's part in a task. Progress comes from its updates; its status is derived."""

    scoping = Scoping(unit_field="unit")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="assignments")
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="task_assignments", verbose_name="đơn vị"
    )
    role = models.CharField("vai trò", max_length=12, choices=Role.choices, default=Role.LEAD)
    collective = models.BooleanField(
        "giao chung",
        default=False,
        help_text="Đơn vị nhận nhiệm vụ vì được gửi kế hoạch (nhiệm vụ giao chung cho các đơn vị).",
    )
    progress = models.PositiveSmallIntegerField("tiến độ (%)", default=0)
    last_update_on = models.DateField("cập nhật lần cuối", null=True, blank=True)
    completed_on = models.DateField("ngày hoàn thành", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["task__plan", "task__order", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit"], name="plans_assignment_unique_unit")
        ]
        verbose_name = "phân công"
        verbose_name_plural = "phân công"

    def __str__(self) -> str:
        return f"{self.unit} — {self.task}"

    def status(self, today: date | None = None) -> Status:
        """Derived from the time frame and the progress reports."""
        return derive_status(self.task, self.progress, self.last_update_on, today)

    def status_label(self) -> str:
        return self.status().label

    def status_badge(self) -> str:
        return STATUS_BADGE[self.status()]

    def deadline(self, today: date | None = None) -> date | None:
        return self.task.current_deadline(today)

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


def derive_status(
    task: Task, progress: int, last_update_on: date | None, today: date | None = None
) -> Status:
    """The status of a unit's part in ``task`` from its progress and last report: the rule of
    ``TaskAssignment.status``, usable on plain rows (a page summing thousands of them)."""
    today = today or timezone.localdate()
    if task.recurrence != "none" or task.ongoing:
        # A standing or recurring duty is done for the current period when reported in it.
        if task.end_date and today > task.end_date:
            return Status.DONE if progress >= 100 else Status.OVERDUE
        if task.recurrence != "none":
            start, _end = period_bounds(task.recurrence, today)
            if last_update_on and last_update_on >= start:
                return Status.DONE if progress >= 100 else Status.IN_PROGRESS
            return Status.NOT_STARTED
        return Status.IN_PROGRESS if last_update_on else Status.NOT_STARTED
    if progress >= 100:
        return Status.DONE
    if task.end_date and today > task.end_date:
        return Status.OVERDUE
    if progress > 0 or last_update_on:
        return Status.IN_PROGRESS
    return Status.NOT_STARTED


def evidence_path(instance: TaskUpdate, filename: str) -> str:
    today = timezone.localdate()
    return f"plans/evidence/{today:%Y/%m}/{instance.assignment_id}-{filename}"


class TaskUpdate(models.Model):
    """An entry of an assignment's activity timeline: a progress report, evidence, a note."""

    scoping = Scoping(unit_field="assignment__unit")

    assignment = models.ForeignKey(TaskAssignment, on_delete=models.CASCADE, related_name="updates")
    progress = models.PositiveSmallIntegerField("tiến độ (%)", null=True, blank=True)
    note = models.TextField("nội dung", blank=True)
    evidence = models.FileField("minh chứng", upload_to=evidence_path, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "cập nhật tiến độ"
        verbose_name_plural = "cập nhật tiến độ"

    def __str__(self) -> str:
        return f"{self.assignment} @ {self.created_at:%d/%m/%Y}"

    @property
    def evidence_name(self) -> str:
        name = self.evidence.name or ""
        return name.rsplit("/", 1)[-1].split("-", 1)[-1]


class CascadeDispatch(models.Model):
    """A plan sent down to chosen units, each to issue its implementing plan by ``due_date``."""

    scoping = Scoping(unit_field="sender")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="dispatches")
    sender = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị gửi"
    )
    due_date = models.DateField("hạn ban hành kế hoạch thực hiện")
    message = models.TextField("lời nhắn", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = "đợt triển khai"
        verbose_name_plural = "đợt triển khai"

    def __str__(self) -> str:
        return f"{self.plan.display_number} → {self.recipients.count()} đơn vị"


class CascadeState(models.TextChoices):
    PENDING = "pending", "Chưa ban hành"
    ISSUED = "issued", "Đã ban hành"
    OVERDUE = "overdue", "Quá hạn"


class CascadeRecipient(models.Model):
    """A unit a plan was sent to, and the implementing plan it issued (when it has)."""

    scoping = Scoping(unit_field="unit")

    dispatch = models.ForeignKey(
        CascadeDispatch, on_delete=models.CASCADE, related_name="recipients"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="cascade_inbox", verbose_name="đơn vị nhận"
    )
    implementing_plan = models.ForeignKey(
        Plan,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="fulfils",
        verbose_name="kế hoạch thực hiện",
    )
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    linked_at = models.DateTimeField(null=True, blank=True)
    last_reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["dispatch", "unit__path"]
        constraints = [
            models.UniqueConstraint(fields=["dispatch", "unit"], name="plans_recipient_unique_unit")
        ]
        indexes = [models.Index(fields=["unit", "implementing_plan"])]
        verbose_name = "đơn vị nhận"
        verbose_name_plural = "đơn vị nhận"

    def __str__(self) -> str:
        return f"{self.unit} ← {self.dispatch.plan.display_number}"

    def state(self, today: date | None = None) -> CascadeState:
        if self.implementing_plan_id:
            return CascadeState.ISSUED
        today = today or timezone.localdate()
        return CascadeState.OVERDUE if today > self.dispatch.due_date else CascadeState.PENDING

    def days_taken(self) -> int | None:
        if not self.issued_on:
            return None
        return (self.issued_on - timezone.localtime(self.dispatch.created_at).date()).days


__all__ = [
    "COMPARATOR_LABELS",
    "CascadeDispatch",
    "CascadeRecipient",
    "CascadeState",
    "Plan",
    "PlanKind",
    "Role",
    "Status",
    "Task",
    "TaskAssignment",
    "TaskKind",
    "TaskUpdate",
]
