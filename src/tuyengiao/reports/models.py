"""Periodic reports: report types defined by a superior unit, their reporting periods with
deadlines, and the submissions of the units below (drafts, versions, values for the roll-ups).

Báo cáo định kỳ = periodic report; kỳ báo cáo = reporting period; chỉ tiêu = indicator.

Values of a submission are kept twice on purpose:

* ``Submission.data`` — what the officer typed, as strings, key → text (draft, even invalid);
* ``IndicatorValue`` — one narrow row (period, indicator, unit path, number) per indicator of a
  submitted/accepted report, indexed for the roll-up: a subtree total is one range scan on
  (period, indicator, unit_path) with a GROUP BY on the path prefix.
"""

from __future__ import annotations

import secrets
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Unit


class PeriodKind(models.TextChoices):
    MONTH = "month", "Tháng"
    QUARTER = "quarter", "Quý"
    HALF = "half", "6 tháng"
    NINE = "nine", "9 tháng"
    YEAR = "year", "Năm"


class IndicatorKind(models.TextChoices):
    NUMBER = "number", "Số"
    PERCENT = "percent", "Tỷ lệ (%) nhập tay"
    BOOL = "bool", "Có/Không"
    TEXT = "text", "Văn bản"
    RATE = "rate", "Tỷ lệ tính (tử số ÷ mẫu số)"


class DataSource(models.TextChoices):
    """Figures the product already has, to fill an indicator in for the reporting unit."""

    NONE = "", "Không — đơn vị tự nhập"
    STUDY_RATE = "study_rate", "Tỷ lệ đảng viên tham gia học tập của đợt học tập (%)"
    STUDY_ATTENDED = "study_attended", "Số đảng viên đã tham gia học tập của đợt"
    STUDY_EXPECTED = "study_expected", "Số đảng viên phải học tập của đợt (trừ miễn học)"
    PLAN_TOTAL = "plan_total", "Số phần việc của kế hoạch giao cho đơn vị"
    PLAN_DONE = "plan_done", "Số phần việc của kế hoạch đã hoàn thành"
    PLAN_IN_PROGRESS = "plan_in_progress", "Số phần việc của kế hoạch đang thực hiện"
    PLAN_NOT_STARTED = "plan_not_started", "Số phần việc của kế hoạch chưa thực hiện"
    PLAN_OVERDUE = "plan_overdue", "Số phần việc của kế hoạch quá hạn"
    ACTIVITY_COUNT = "activity_count", "Số hoạt động tuyên truyền đã ghi trong kỳ (sổ hoạt động)"
    ACTIVITY_REACHED = "activity_reached", "Số lượt người được tuyên truyền trong kỳ (sổ hoạt động)"
    SURVEY_RATE = "survey_rate", "Tỷ lệ đảng viên đã trả lời khảo sát (%)"
    SURVEY_SHARE = "survey_share", "Tỷ lệ người trả lời khảo sát chọn phương án (%, từ 5 phiếu)"


STUDY_SOURCES = {DataSource.STUDY_RATE, DataSource.STUDY_ATTENDED, DataSource.STUDY_EXPECTED}
ACTIVITY_SOURCES = {DataSource.ACTIVITY_COUNT, DataSource.ACTIVITY_REACHED}
SURVEY_SOURCES = {DataSource.SURVEY_RATE, DataSource.SURVEY_SHARE}


class Aggregate(models.TextChoices):
    SUM = "sum", "Cộng"
    MEAN = "mean", "Trung bình"


class ReportType(models.Model):
    """A kind of report a superior unit (the owner) asks of the units below it."""

    scoping = Scoping(unit_field="unit", published_field="sent")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="report_types", verbose_name="đơn vị yêu cầu"
    )
    title = models.CharField("tên báo cáo", max_length=255)
    period_kind = models.CharField(
        "kỳ báo cáo", max_length=10, choices=PeriodKind.choices, default=PeriodKind.QUARTER
    )
    due_day = models.PositiveSmallIntegerField(
        "hạn nộp: ngày",
        default=15,
        help_text="Ngày trong tháng (1–31; tháng ngắn hơn thì lấy ngày cuối tháng).",
    )
    due_month_offset = models.SmallIntegerField(
        "hạn nộp: tháng so với tháng cuối kỳ",
        default=0,
        help_text="0 = ngay trong tháng cuối kỳ (ví dụ ngày 15 tháng cuối quý); 1 = tháng sau kỳ …",
    )
    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="report_types",
        verbose_name="kế hoạch (báo cáo kết quả thực hiện)",
    )
    sent = models.BooleanField("đã gửi cho đơn vị cấp dưới", default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "id"]
        verbose_name = "loại báo cáo"
        verbose_name_plural = "loại báo cáo"

    def __str__(self) -> str:
        return self.title

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class Section(models.Model):
    """A narrative section of a report type (I. Kết quả …, II. Hạn chế …), with guidance."""

    scoping = Scoping(unit_field="report_type__unit")

    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    title = models.CharField("tiêu đề mục", max_length=255)
    guidance = models.TextField("hướng dẫn", blank=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.title

    @property
    def key(self) -> str:
        return f"sec_{self.pk}"


class Indicator(models.Model):
    """An indicator field of a report type (chỉ tiêu): number, percentage, yes/no, text or a
    computed rate numerator ÷ denominator (rolled up as Σ numerator ÷ Σ denominator)."""

    scoping = Scoping(unit_field="report_type__unit")

    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="indicators")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    code = models.SlugField("mã", max_length=40)
    label = models.CharField("tên chỉ tiêu", max_length=255)
    kind = models.CharField(
        "kiểu", max_length=10, choices=IndicatorKind.choices, default=IndicatorKind.NUMBER
    )
    measure = models.CharField("đơn vị tính", max_length=40, blank=True)
    required = models.BooleanField("bắt buộc", default=True)
    integer = models.BooleanField("số nguyên", default=True)
    min_value = models.DecimalField(
        "giá trị nhỏ nhất", max_digits=16, decimal_places=4, null=True, blank=True
    )
    max_value = models.DecimalField(
        "giá trị lớn nhất", max_digits=16, decimal_places=4, null=True, blank=True
    )
    aggregate = models.CharField(
        "tổng hợp", max_length=6, choices=Aggregate.choices, default=Aggregate.SUM
    )
    numerator = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="tử số",
    )
    denominator = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="mẫu số",
    )
    source = models.CharField(
        "lấy số liệu từ hệ thống",
        max_length=20,
        choices=DataSource.choices,
        blank=True,
        default="",
        help_text="Biểu mẫu của đơn vị điền sẵn số liệu này; cán bộ vẫn sửa được, chỗ sửa được đánh dấu.",
    )
    source_round = models.ForeignKey(
        "study.StudyRound",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="đợt học tập (cho số liệu học tập)",
    )
    source_activity_kind = models.ForeignKey(
        "activities.ActivityKind",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="loại hoạt động (cho số liệu sổ hoạt động; để trống: mọi loại)",
    )
    source_survey = models.ForeignKey(
        "surveys.Survey",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="cuộc khảo sát (cho số liệu khảo sát)",
    )
    source_question = models.ForeignKey(
        "surveys.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="câu hỏi của khảo sát (cho tỷ lệ chọn phương án)",
    )
    source_options = models.CharField(
        "phương án được tính",
        max_length=60,
        blank=True,
        help_text="Số thứ tự các phương án của câu hỏi, cách nhau bởi dấu phẩy, ví dụ “1, 2”.",
    )

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "code"], name="reports_indicator_code_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def key(self) -> str:
        return f"ind_{self.pk}"

    @property
    def is_input(self) -> bool:
        return self.kind != IndicatorKind.RATE

    @property
    def is_numeric(self) -> bool:
        return self.kind in (IndicatorKind.NUMBER, IndicatorKind.PERCENT, IndicatorKind.BOOL)

    def survey_option_indexes(self) -> list[int]:
        """``source_options`` as typed ("1, 2", numbered from 1) as option indexes from 0."""
        parts = self.source_options.replace(";", ",").split(",")
        return sorted({int(p) - 1 for p in (x.strip() for x in parts) if p.isdigit() and int(p)})


class Recipient(models.Model):
    """A unit a report type is sent to."""

    scoping = Scoping(unit_field="unit")

    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="recipients")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="report_recipients")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report_type", "unit"], name="reports_recipient_unique")
        ]

    def __str__(self) -> str:
        return f"{self.report_type_id} → {self.unit_id}"


class Period(models.Model):
    """A reporting period of a report type with its deadline (computed from the type's rule)."""

    scoping = Scoping(unit_field="report_type__unit")

    report_type = models.ForeignKey(ReportType, on_delete=models.CASCADE, related_name="periods")
    kind = models.CharField(max_length=10, choices=PeriodKind.choices)
    year = models.PositiveSmallIntegerField("năm")
    index = models.PositiveSmallIntegerField("số thứ tự kỳ", default=1)
    start = models.DateField("từ ngày")
    end = models.DateField("đến ngày")
    due_date = models.DateField("hạn nộp")

    class Meta:
        ordering = ["start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["report_type", "year", "index"], name="reports_period_unique"
            )
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from .calendar import period_label

        return period_label(self.kind, self.year, self.index)

    @property
    def key(self) -> str:
        return f"{self.year}-{self.kind}-{self.index}"


class Status(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    SUBMITTED = "submitted", "Đã nộp"
    RETURNED = "returned", "Bị trả lại"
    ACCEPTED = "accepted", "Đã tiếp nhận"


class Submission(models.Model):
    """A unit's report for one period. ``version`` grows with every save (optimistic locking)."""

    scoping = Scoping(unit_field="unit")

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="submissions")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="report_submissions")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveIntegerField(default=1)
    # The render token of the form that made the last save: a stale ``version`` coming from that
    # same form (its own autosave still in flight) is not a conflict; from any other form it is.
    last_token = models.CharField(max_length=64, blank=True, default="")
    # The highest save sequence number accepted from the form of ``last_token``: that form's
    # autosaves can arrive out of order, and an older one must not overwrite a newer one. A
    # database default too, for the rows that imports and benchmarks insert in raw SQL.
    last_seq = models.PositiveIntegerField(default=0, db_default=0)
    data = models.JSONField(default=dict, blank=True)
    first_submitted_on = models.DateField(null=True, blank=True)
    is_late = models.BooleanField(default=False)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    comment = models.TextField("nhận xét của cấp trên", blank=True)
    entered_by_superior = models.BooleanField(default=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["period", "unit"], name="reports_submission_unique")
        ]
        # covers the roll-up's submission counts of a period (index-only) and the status filter
        indexes = [
            models.Index(fields=["period", "status", "is_late"], name="reports_sub_status"),
            # the newest save of a period in one probe: the stamp of its cached sums
            models.Index(fields=["period", "updated_at"], name="reports_sub_period_updated"),
        ]

    def __str__(self) -> str:
        return f"{self.unit} — {self.period}"

    @property
    def editable(self) -> bool:
        return self.status in (Status.DRAFT, Status.RETURNED)

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class PeriodStatusCount(models.Model):
    """How many submissions of a period are in each (status, is_late): the matrix's summary read
    as a handful of rows instead of counting every submission of the period on each page view
    (52,000 at national size). Kept by database triggers (migration ``0004_tallies``); the
    application never writes it."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    status = models.CharField(max_length=10)
    is_late = models.BooleanField()
    n = models.IntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["period", "status", "is_late"], name="reports_periodstatuscount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.period_id} {self.status}{' (muộn)' if self.is_late else ''}: {self.n}"


class RecipientCount(models.Model):
    """How many units a report type is sent to: the matrix's unit count without counting the
    recipients on each page view. Kept by database triggers (migration ``0004_tallies``); the
    application never writes it."""

    report_type = models.OneToOneField(
        ReportType, on_delete=models.CASCADE, primary_key=True, related_name="recipient_tally"
    )
    n = models.IntegerField()

    def __str__(self) -> str:
        return f"{self.report_type_id}: {self.n}"


class ReportVersion(models.Model):
    """A kept snapshot of a submission: each submit, return, acceptance and reconciled merge.

    ``token`` is the idempotency key of a submission (one per rendered form): a submit that
    reaches the server twice meets the unique constraint and is stored once."""

    scoping = Scoping(unit_field="submission__unit")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    action = models.CharField(max_length=12)
    status = models.CharField(max_length=10, choices=Status.choices)
    data = models.JSONField(default=dict)
    comment = models.TextField(blank=True)
    token = models.CharField(max_length=64, null=True, blank=True, unique=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["submission", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.submission_id} #{self.number} {self.action}"


class IndicatorValue(models.Model):
    """The number of one indicator in one submitted report: the narrow table the roll-ups read."""

    scoping = Scoping(unit_field="submission__unit")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="values")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    unit_path = models.CharField(max_length=255)
    value = models.FloatField(null=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["submission", "indicator"], name="reports_value_unique")
        ]
        indexes = [
            # On PostgreSQL migration 0002 rebuilds it covering ``value`` (INCLUDE), so the roll-up
            # is an index-only scan of one period's range (SQLite has no INCLUDE).
            models.Index(fields=["period", "indicator", "unit_path"], name="reports_value_rollup")
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}@{self.unit_path}: {self.value}"


def attachment_path(instance: Attachment, filename: str) -> str:
    return f"reports/{timezone.localdate():%Y/%m}/{instance.submission_id}-{filename}"


class Attachment(models.Model):
    scoping = Scoping(unit_field="submission__unit")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField("tệp đính kèm", upload_to=attachment_path)
    name = models.CharField(max_length=255)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.name


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """A unit's secret .ics feed address: the token alone opens that unit's deadlines."""

    scoping = Scoping(unit_field="unit")

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="report_calendar")
    token = models.CharField(max_length=64, unique=True, default=new_feed_token)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"lịch của đơn vị {self.unit_id}"


def today() -> date:
    return timezone.localdate()
