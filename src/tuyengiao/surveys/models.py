"""Surveys (khảo sát), a suggestion box (hộp thư góp ý) and published answers (hỏi – đáp).

Anonymity is a property of the tables, not a promise of the pages:

* ``Participation`` — who was asked and whether they have answered (for the response rate); no
  timestamp of the answer, rows written when the survey opens (their order is the audience list,
  not the answering order). The one-time ``token`` is blanked when consumed.
* ``PendingResponse`` — an answer waiting for its batch: no person, no user, no time, no
  sequence (random key). Flushed as soon as ``BATCH_SIZE`` are waiting (and when the survey
  closes), in shuffled order, into
* ``Response`` / ``Answer`` — random keys, the coarse week only, and the unit only at the level of
  the smallest group that held ≥ k respondents when the batch was written. Nothing in either
  table can hold a person, a session, a token or a submission time (``tests/test_anonymity.py``).
* ``Suggestion`` — a question or suggestion to a unit: no person, no user, no address; an optional
  contact typed by the sender for a private reply.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Any

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import CommRole, Person, Unit

MIN_K = 5  # never fewer respondents than this behind a figure shown by unit or a text answer


def new_token() -> str:
    return secrets.token_urlsafe(24)


class SurveyStatus(models.TextChoices):
    DRAFT = "draft", "Đang soạn"
    OPEN = "open", "Đang mở"
    CLOSED = "closed", "Đã đóng"


class AudienceKind(models.TextChoices):
    MEMBERS = "members", "Đảng viên của các đơn vị được chọn"
    PUBLIC = "public", "Công khai qua đường dẫn / mã QR"


class Survey(models.Model):
    """A survey of a unit: its questions, its audience and its closing date."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="surveys", verbose_name="đơn vị khảo sát"
    )
    title = models.CharField("tên cuộc khảo sát", max_length=255)
    purpose = models.TextField(
        "mục đích (hiển thị cho người trả lời)",
        blank=True,
        help_text="Vì sao đơn vị hỏi và kết quả được dùng vào việc gì.",
    )
    year = models.PositiveSmallIntegerField("năm")
    closes_on = models.DateField("hạn trả lời")
    status = models.CharField(
        "trạng thái", max_length=8, choices=SurveyStatus.choices, default=SurveyStatus.DRAFT
    )
    k_threshold = models.PositiveSmallIntegerField(
        "ngưỡng ẩn danh k",
        default=MIN_K,
        validators=[MinValueValidator(MIN_K)],
        help_text="Không hiển thị số liệu theo nhóm, ý kiến viết của nhóm ít hơn k người (tối thiểu 5).",
    )
    audience = models.CharField(
        "đối tượng", max_length=8, choices=AudienceKind.choices, default=AudienceKind.MEMBERS
    )
    audience_units = models.ManyToManyField(
        Unit, blank=True, related_name="+", verbose_name="đơn vị được hỏi (cả cấp dưới)"
    )
    audience_roles = models.ManyToManyField(
        CommRole,
        blank=True,
        related_name="+",
        verbose_name="chỉ những người có vai trò",
        help_text="Để trống: mọi đảng viên của các đơn vị được chọn.",
    )
    public_token = models.CharField(max_length=40, unique=True, default=new_token, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-closes_on", "-id"]
        verbose_name = "cuộc khảo sát"
        verbose_name_plural = "cuộc khảo sát"

    def __str__(self) -> str:
        return self.title

    @property
    def k(self) -> int:
        return max(MIN_K, self.k_threshold)

    @property
    def is_public(self) -> bool:
        return self.audience == AudienceKind.PUBLIC


class Section(models.Model):
    scoping = Scoping(unit_field="survey__unit")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    title = models.CharField("tên phần", max_length=255)
    description = models.TextField("hướng dẫn", blank=True)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "phần"
        verbose_name_plural = "phần"

    def __str__(self) -> str:
        return self.title


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Chọn một"
    MULTIPLE = "multiple", "Chọn nhiều"
    SCALE = "scale", "Thang điểm 1–5"
    YES_NO = "yes_no", "Có / Không"
    RANKING = "ranking", "Xếp thứ tự"
    SHORT = "short", "Trả lời ngắn"
    LONG = "long", "Trả lời dài"
    MATRIX = "matrix", "Bảng (nhiều dòng, cùng thang lựa chọn)"


CHOICE_KINDS = {QuestionKind.SINGLE, QuestionKind.MULTIPLE, QuestionKind.RANKING}
TEXT_KINDS = {QuestionKind.SHORT, QuestionKind.LONG}
YES_NO_OPTIONS = ["Có", "Không"]
SCALE_OPTIONS = ["1", "2", "3", "4", "5"]


class Question(models.Model):
    scoping = Scoping(unit_field="survey__unit")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    section = models.ForeignKey(
        Section,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="questions",
        verbose_name="thuộc phần",
    )
    order = models.PositiveSmallIntegerField("thứ tự", default=0)
    kind = models.CharField("loại câu hỏi", max_length=10, choices=QuestionKind.choices)
    text = models.CharField("câu hỏi", max_length=500)
    required = models.BooleanField("bắt buộc trả lời", default=False)
    # Choices (single, multiple, ranking) or the columns of a matrix; rows of a matrix.
    options = models.JSONField(default=list, blank=True)
    rows = models.JSONField(default=list, blank=True)
    # Skip logic: shown only when the earlier question ``show_if`` was answered with option
    # ``show_if_option`` (index into its options).
    show_if = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="chỉ hỏi khi câu",
    )
    show_if_option = models.PositiveSmallIntegerField(
        "được trả lời bằng lựa chọn số", null=True, blank=True
    )

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "câu hỏi"
        verbose_name_plural = "câu hỏi"

    def __str__(self) -> str:
        return self.text

    def choice_labels(self) -> list[str]:
        if self.kind == QuestionKind.YES_NO:
            return list(YES_NO_OPTIONS)
        if self.kind == QuestionKind.SCALE:
            return list(SCALE_OPTIONS)
        return [str(o) for o in self.options]

    @property
    def is_text(self) -> bool:
        return self.kind in TEXT_KINDS


class Participation(models.Model):
    """Who is asked and whether they have answered — personal data, never linked to an answer.

    No date of answering, no order of answering: the rows are written when the survey opens and
    only ``answered`` flips (and ``token`` is blanked) when the member submits."""

    scoping = Scoping(unit_field="unit")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="participations")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    unit_path = models.CharField(max_length=255, db_index=True)
    answered = models.BooleanField(default=False)
    token = models.CharField(max_length=40, blank=True, default=new_token)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["survey", "person"], name="survey_participation_once")
        ]
        indexes = [models.Index(fields=["survey", "unit_path"])]
        verbose_name = "người được khảo sát"
        verbose_name_plural = "người được khảo sát"

    def __str__(self) -> str:
        return f"{self.survey_id}: {'đã trả lời' if self.answered else 'chưa trả lời'}"


class PendingResponse(models.Model):
    """An answer waiting for its batch: random key, no person, no time. ``unit_path`` is the
    respondent's unit, coarsened when the batch is written (empty for a public answer)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=255, blank=True)
    payload = models.JSONField(default=dict)

    def __str__(self) -> str:
        return "Câu trả lời chờ ghi theo lô"


class Response(models.Model):
    """One respondent's answers, anonymous: random key, the week only, a coarse unit."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    week = models.DateField()  # the Monday of the week the batch was written
    unit_path = models.CharField(max_length=255, blank=True)  # "" = not recorded

    class Meta:
        indexes = [models.Index(fields=["survey", "unit_path"])]

    def __str__(self) -> str:
        return "Phiếu trả lời ẩn danh"


class Answer(models.Model):
    """One answer to one question (a choice, a matrix cell, a rank, a scale point or a text)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    option = models.SmallIntegerField(null=True)  # index into the choice labels
    row = models.SmallIntegerField(null=True)  # matrix row
    rank = models.SmallIntegerField(null=True)  # ranking position, 1 = first
    text = models.TextField(blank=True)

    class Meta:
        indexes = [models.Index(fields=["question", "option"])]

    def __str__(self) -> str:
        return "Câu trả lời ẩn danh"


# --- the suggestion box -----------------------------------------------------------------------


class SuggestionBox(models.Model):
    """A unit's box: open to its members always, to citizens when the unit opens it."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="suggestion_box")
    public = models.BooleanField(
        "nhận câu hỏi, góp ý của người dân qua đường dẫn công khai", default=False
    )
    intro = models.TextField("lời giới thiệu", blank=True)
    published_down = models.BooleanField(default=True, editable=False)

    class Meta:
        verbose_name = "hộp thư góp ý"
        verbose_name_plural = "hộp thư góp ý"

    def __str__(self) -> str:
        return f"Hộp thư góp ý — {self.unit.name}"


class Topic(models.TextChoices):
    UNSORTED = "", "Chưa phân loại"
    RESOLUTION = "resolution", "Nghị quyết, chủ trương"
    POLICY = "policy", "Chính sách, pháp luật"
    ACTIVITY = "activity", "Sinh hoạt, học tập"
    ADMIN = "admin", "Thủ tục, hành chính"
    OTHER = "other", "Khác"


class SuggestionStatus(models.TextChoices):
    NEW = "new", "Mới"
    ANSWERED = "answered", "Đã trả lời"
    PUBLISHED = "published", "Đã công bố hỏi – đáp"
    MERGED = "merged", "Đã gộp vào câu trùng"
    SPAM = "spam", "Thư rác (đã loại)"


class Suggestion(models.Model):
    """A question or suggestion to a unit. No person, no user account, no address is stored;
    ``contact`` only when the sender typed one for a private reply."""

    scoping = Scoping(unit_field="unit", published_field="is_published")

    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="suggestions")
    text = models.TextField("câu hỏi / góp ý")
    from_public = models.BooleanField(default=False, editable=False)
    contact = models.CharField("liên hệ để trả lời riêng", max_length=200, blank=True)
    topic = models.CharField("chủ đề", max_length=12, choices=Topic.choices, blank=True, default="")
    status = models.CharField(
        "trạng thái", max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.NEW
    )
    merged_into = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="duplicates"
    )
    received_on = models.DateField()  # the day only
    question_public = models.TextField("câu hỏi khi công bố", blank=True)
    answer = models.TextField("trả lời", blank=True)
    answered_on = models.DateField(null=True, blank=True)
    is_published = models.BooleanField(default=False)
    search_folded = models.TextField(blank=True, editable=False)

    class Meta:
        ordering = ["-received_on", "-id"]
        verbose_name = "câu hỏi, góp ý"
        verbose_name_plural = "câu hỏi, góp ý"

    def __str__(self) -> str:
        return self.text[:80]

    def save(self, *args: Any, **kwargs: Any) -> None:
        from tuyengiao.core.text import fold

        self.search_folded = fold(f"{self.question_public or self.text} {self.answer}")
        super().save(*args, **kwargs)


class Tally(models.Model):
    """Running counts of a survey's written answers, per coarse unit cell — what the results read.

    Kept in the same transaction as each batch of ``Response``/``Answer`` rows, and holding no
    more than those rows do: the cell is the response's already-coarsened ``unit_path`` ("" = not
    recorded), no week, no key of a response. One row per
    (cell, question, matrix row, option):

    * ``question`` empty — ``count`` is the number of responses of the cell;
    * ``option`` = -1 — ``count`` is the number of responses that answered ``question`` (for a text
      question: the number of text answers);
    * otherwise ``count`` answers chose ``option`` (in matrix row ``row``, -1 outside a matrix)
      and, for a ranking, ``rank_sum`` is the sum of the ranks given to it.
    """

    NONE = -1

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="tallies")
    unit_path = models.CharField(max_length=255, blank=True)
    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    row = models.SmallIntegerField(default=NONE)
    option = models.SmallIntegerField(default=NONE)
    count = models.PositiveIntegerField(default=0)
    rank_sum = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["survey", "unit_path"])]

    def __str__(self) -> str:
        return "Số đếm tổng hợp của khảo sát"
