"""Study rounds on resolutions (học tập, quán triệt nghị quyết): sessions, attendance, rates,
comprehension tests and graded essays (bài thu hoạch).

Counting rules live in ``services``; the models hold the facts:

* ``StudyRound`` — opened by a superior unit for a document, with a target rate and a date window,
  covering some units (each with its subtree).
* ``Eligibility`` — the round's member list, a snapshot taken when the round opens: one row per
  (round, person), either eligible or exempted with a short *category* (never free text about a
  person).
* ``Attendance`` — unique per (round, person): a member counts once per round whatever the number
  of sessions (make-up sessions included) or check-ins.
* ``RoundUnitTally`` — per (round, unit) counters kept in step by the services, so that the rates
  of a whole national tree are one GROUP BY over units, not over millions of member rows.
"""

from __future__ import annotations

import secrets
from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Person, Unit

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud in a hall
CHECKIN_EARLY = timedelta(minutes=30)  # a code works from 30 minutes before the start …
CHECKIN_LATE = timedelta(minutes=30)  # … to 30 minutes after the end


def new_checkin_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))


class StudyRound(models.Model):
    """A round of study of one document, opened by a superior unit for the units it covers."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="study_rounds", verbose_name="đơn vị mở đợt"
    )
    title = models.CharField("tên đợt học tập", max_length=255)
    document_title = models.CharField(
        "văn bản được học tập",
        max_length=500,
        blank=True,
        help_text="Ví dụ: Nghị quyết Đại hội XIII của Đảng.",
    )
    number = models.CharField("số kế hoạch/hướng dẫn", max_length=60, blank=True)
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="study_rounds",
        verbose_name="văn bản trong thư viện",
    )
    target_rate = models.DecimalField(
        "chỉ tiêu tỷ lệ tham gia (%)", max_digits=5, decimal_places=2, default=Decimal("98.00")
    )
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    covered_units = models.ManyToManyField(
        Unit, related_name="covering_study_rounds", verbose_name="đơn vị thực hiện (cả cấp dưới)"
    )
    published_down = models.BooleanField(default=True, editable=False)
    # The list was made by another app for its own gathering (a speakers' course or briefing,
    # `services.rounds.open_listed_round`), not from the party members of the covered units: adding
    # "the new members of the unit" to it would invite every member to a speakers' briefing.
    listed_only = models.BooleanField("danh sách riêng", default=False, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "đợt học tập"
        verbose_name_plural = "đợt học tập"

    def __str__(self) -> str:
        return self.title

    @property
    def studied_title(self) -> str:
        return self.document_title or (str(self.document) if self.document_id else "")


class SessionMode(models.TextChoices):
    IN_PERSON = "in_person", "Trực tiếp"
    ONLINE = "online", "Trực tuyến"
    BOTH = "both", "Trực tiếp kết hợp trực tuyến"


class StudySession(models.Model):
    """One conference (hội nghị) of a unit in a round; make-up sessions are for absentees."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    round = models.ForeignKey(
        StudyRound, on_delete=models.CASCADE, related_name="sessions", verbose_name="đợt"
    )
    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="study_sessions", verbose_name="đơn vị tổ chức"
    )
    title = models.CharField("tên hội nghị", max_length=255, blank=True)
    mode = models.CharField(
        "hình thức", max_length=12, choices=SessionMode.choices, default=SessionMode.IN_PERSON
    )
    place = models.CharField("địa điểm / đường dẫn trực tuyến", max_length=255, blank=True)
    starts_at = models.DateTimeField("bắt đầu")
    ends_at = models.DateTimeField("kết thúc")
    presenter = models.ForeignKey(
        Person,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="presented_study_sessions",
        verbose_name="báo cáo viên",
    )
    is_makeup = models.BooleanField("buổi học bù", default=False)
    checkin_code = models.CharField(
        "mã điểm danh", max_length=8, unique=True, default=new_checkin_code
    )
    # Members of the units below may see (and check in to) the sessions of their superior units.
    published_down = models.BooleanField(default=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = "buổi học tập"
        verbose_name_plural = "buổi học tập"

    def __str__(self) -> str:
        label = self.title or f"Hội nghị {self.round.title}"
        return f"{label} ({'học bù' if self.is_makeup else self.get_mode_display()})"

    def checkin_window(self) -> tuple[Any, Any]:
        return self.starts_at - CHECKIN_EARLY, self.ends_at + CHECKIN_LATE


class ExemptionCategory(models.TextChoices):
    """Why a member is not expected: a category only, never free text about the person."""

    ILLNESS = "illness", "Ốm đau, điều trị bệnh"
    MISSION_ABROAD = "abroad", "Công tác, học tập ở nước ngoài"
    LONG_LEAVE = "long_leave", "Nghỉ dài hạn (thai sản, nghỉ phép dài ngày)"
    OTHER = "other", "Lý do khác"


class Eligibility(models.Model):
    """A member on the round's list (snapshot when the round opens): eligible or exempted."""

    scoping = Scoping(unit_field="unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="eligibilities")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="study_eligibilities")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    exemption = models.CharField(
        "miễn học (loại lý do)", max_length=12, choices=ExemptionCategory.choices, blank=True
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="study_eligibility_once")
        ]
        indexes = [models.Index(fields=["round", "unit"])]
        verbose_name = "danh sách học tập"
        verbose_name_plural = "danh sách học tập"

    def __str__(self) -> str:
        return f"{self.person} — {self.round}"

    @property
    def exempted(self) -> bool:
        return bool(self.exemption)


class AttendanceMethod(models.TextChoices):
    LIST = "list", "Điểm danh theo danh sách"
    CODE = "code", "Tự điểm danh bằng mã/QR"
    IMPORT = "import", "Nhập từ bảng ký tên"


class Attendance(models.Model):
    """A member attended the round (at ``session``). Unique per round: counts once."""

    scoping = Scoping(unit_field="unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="attendances")
    session = models.ForeignKey(StudySession, on_delete=models.CASCADE, related_name="attendances")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="study_attendances")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    method = models.CharField(
        max_length=8, choices=AttendanceMethod.choices, default=AttendanceMethod.LIST
    )
    checked_in_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["round", "person"], name="study_attendance_once")
        ]
        indexes = [models.Index(fields=["session"]), models.Index(fields=["round", "unit"])]
        verbose_name = "điểm danh"
        verbose_name_plural = "điểm danh"

    def __str__(self) -> str:
        return f"{self.person} @ {self.session_id}"


class RoundUnitTally(models.Model):
    """Counters of one unit (its own members, not its subtree) in one round; see services.refresh_tallies."""

    scoping = Scoping(unit_field="unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="tallies")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=255, db_index=True)
    eligible = models.PositiveIntegerField(default=0)
    exempted = models.PositiveIntegerField(default=0)
    attended = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "unit"], name="study_tally_once")]
        indexes = [models.Index(fields=["round", "unit_path"])]

    def __str__(self) -> str:
        return f"{self.unit_id}: {self.attended}/{self.eligible}"


# --- comprehension tests ---------------------------------------------------------------------------


class QuestionKind(models.TextChoices):
    SINGLE = "single", "Một lựa chọn đúng"
    MULTIPLE = "multiple", "Nhiều lựa chọn đúng"
    TRUE_FALSE = "true_false", "Đúng / Sai"
    SHORT = "short", "Trả lời ngắn"


class Question(models.Model):
    """A question of the round's bank (about the studied document)."""

    scoping = Scoping(unit_field="round__unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(
        "loại câu hỏi", max_length=12, choices=QuestionKind.choices, default=QuestionKind.SINGLE
    )
    text = models.TextField("câu hỏi")
    accepted_answers = models.TextField(
        "đáp án chấp nhận (trả lời ngắn, mỗi dòng một đáp án)", blank=True
    )
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "câu hỏi"
        verbose_name_plural = "ngân hàng câu hỏi"

    def __str__(self) -> str:
        return self.text[:80]


class Choice(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    text = models.CharField("phương án", max_length=500)
    is_correct = models.BooleanField("đúng", default=False)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text


class StudyTest(models.Model):
    """The comprehension test of a round: drawn from its bank, time limit, randomised order."""

    scoping = Scoping(unit_field="round__unit")

    round = models.OneToOneField(StudyRound, on_delete=models.CASCADE, related_name="test")
    title = models.CharField("tên bài kiểm tra", max_length=255)
    time_limit_minutes = models.PositiveSmallIntegerField("thời gian làm bài (phút)", default=15)
    pass_score = models.DecimalField(
        "điểm đạt (%)", max_digits=5, decimal_places=2, default=Decimal("50.00")
    )
    shuffle = models.BooleanField("xáo trộn thứ tự câu hỏi và phương án", default=True)
    is_open = models.BooleanField("đang mở", default=True)

    class Meta:
        verbose_name = "bài kiểm tra nhận thức"
        verbose_name_plural = "bài kiểm tra nhận thức"

    def __str__(self) -> str:
        return self.title


class AttemptSource(models.TextChoices):
    ONLINE = "online", "Làm trực tuyến"
    PAPER = "paper", "Nhập từ bài làm giấy"


class TestAttempt(models.Model):
    """A member's test (online, or entered from paper by an officer); one per member."""

    __test__ = False  # not a pytest class

    scoping = Scoping(unit_field="unit")

    test = models.ForeignKey(StudyTest, on_delete=models.CASCADE, related_name="attempts")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="study_attempts")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    source = models.CharField(
        max_length=8, choices=AttemptSource.choices, default=AttemptSource.ONLINE
    )
    question_order = models.JSONField(default=list)
    # {question id (str): [choice ids in the order this attempt shows them]}, drawn once at the
    # start with the question order, so a reload shows the same order.
    choice_order = models.JSONField(default=dict, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    score = models.DecimalField("điểm (%)", max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["test", "person"], name="study_attempt_once")
        ]
        verbose_name = "bài làm"
        verbose_name_plural = "bài làm"

    def __str__(self) -> str:
        return f"{self.person} — {self.test}"


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(TestAttempt, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    answer = models.JSONField(default=list)  # chosen choice ids, or [text] for a short answer
    correct = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "question"], name="study_answer_once")
        ]
        verbose_name = "câu trả lời"
        verbose_name_plural = "câu trả lời bài kiểm tra"

    def __str__(self) -> str:
        return f"{self.attempt_id}/{self.question_id}: {self.correct}"


# --- essays (bài thu hoạch) -----------------------------------------------------------------------


class RubricCriterion(models.Model):
    """A criterion of the round's essay rubric, e.g. "Hiểu nội dung cốt lõi", with levels."""

    scoping = Scoping(unit_field="round__unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="rubric")
    name = models.CharField("tiêu chí", max_length=255)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.name


class RubricLevel(models.Model):
    criterion = models.ForeignKey(RubricCriterion, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField("mức", max_length=120)
    points = models.PositiveSmallIntegerField("điểm")

    class Meta:
        ordering = ["-points", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.points})"


class EssayGrade(models.TextChoices):
    EXCELLENT = "excellent", "Xuất sắc"
    GOOD = "good", "Tốt"
    PASS = "pass", "Đạt"
    FAIL = "fail", "Chưa đạt"


class Essay(models.Model):
    """A member's bài thu hoạch. Its text is private: see services.can_read_essay."""

    scoping = Scoping(unit_field="unit")

    round = models.ForeignKey(StudyRound, on_delete=models.CASCADE, related_name="essays")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="study_essays")
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    text = models.TextField("nội dung", blank=True)
    file = models.FileField("tệp đính kèm", upload_to="study/essays/%Y/", blank=True)
    submitted_at = models.DateTimeField(auto_now_add=True)
    graders = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="study_essays_to_grade"
    )
    points = models.PositiveSmallIntegerField(null=True, blank=True)
    grade = models.CharField("xếp loại", max_length=10, choices=EssayGrade.choices, blank=True)
    comment = models.TextField("nhận xét", blank=True)
    graded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    graded_at = models.DateTimeField(null=True, blank=True)
    levels = models.ManyToManyField(RubricLevel, blank=True, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["round", "person"], name="study_essay_once")]
        verbose_name = "bài thu hoạch"
        verbose_name_plural = "bài thu hoạch"

    def __str__(self) -> str:
        return f"Bài thu hoạch #{self.pk}"
