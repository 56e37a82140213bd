"""The speakers' and communicators' network (báo cáo viên, tuyên truyền viên, cộng tác viên …).

* ``Appointment`` — one term of one person in one role on a unit's roster (decision, term,
  expertise, contact, active). The role names are ``orgs.CommRole`` and a person's current roles
  stay in ``Person.roles`` (kept in step by ``services.rosters``); the appointments are their
  history.
* ``Course`` / ``Enrolment`` — training; attendance is the study app's: a course owns a
  ``study.StudyRound`` whose list is the enrolled people and whose sessions and check-ins are the
  study app's pages.
* ``Briefing`` / ``Talk`` — the periodic briefing of speakers (again a study round for attendance)
  and the talks each speaker then gave.
* ``Contest`` … ``Score`` — contests with rounds, entries, a jury from the roster and a rubric.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import CommRole, Person, Unit


class EndReason(models.TextChoices):
    TERM_ENDED = "term_ended", "Hết nhiệm kỳ"
    REAPPOINTED = "reappointed", "Được công nhận lại nhiệm kỳ mới"
    WITHDRAWN = "withdrawn", "Thôi làm nhiệm vụ"
    TRANSFERRED = "transferred", "Chuyển công tác"


class Appointment(models.Model):
    """One term of a person in a role on a unit's roster (the unit that appointed them)."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị quản lý"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="appointments", verbose_name="người"
    )
    role = models.ForeignKey(
        CommRole, on_delete=models.PROTECT, related_name="appointments", verbose_name="vai trò"
    )
    decision_number = models.CharField("số quyết định", max_length=60, blank=True)
    decision_date = models.DateField("ngày quyết định", null=True, blank=True)
    term_start = models.DateField("nhiệm kỳ từ")
    term_end = models.DateField("nhiệm kỳ đến", null=True, blank=True)
    expertise = models.CharField("lĩnh vực chuyên sâu", max_length=255, blank=True)
    contact = models.CharField("liên hệ", max_length=120, blank=True)
    active = models.BooleanField("đang làm nhiệm vụ", default=True)
    ended_on = models.DateField("ngày thôi", null=True, blank=True)
    end_reason = models.CharField(
        "lý do thôi", max_length=12, choices=EndReason.choices, blank=True
    )
    previous = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="next_term",
        verbose_name="nhiệm kỳ trước",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["person__name_folded", "-term_start", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "person", "role"],
                condition=models.Q(active=True),
                name="speakers_one_active_appointment",
            )
        ]
        indexes = [models.Index(fields=["unit", "role", "active"])]
        verbose_name = "bổ nhiệm"
        verbose_name_plural = "danh sách lực lượng"

    def __str__(self) -> str:
        return f"{self.person} — {self.role}"


class CourseFormat(models.TextChoices):
    IN_PERSON = "in_person", "Tập trung"
    ONLINE = "online", "Trực tuyến"
    BOTH = "both", "Kết hợp"


class Course(models.Model):
    """A training course for roster members; its attendance is a study round's."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị mở lớp"
    )
    title = models.CharField("tên lớp bồi dưỡng", max_length=255)
    organiser = models.CharField("đơn vị tổ chức", max_length=255, blank=True)
    starts_on = models.DateField("từ ngày")
    ends_on = models.DateField("đến ngày")
    hours = models.DecimalField("số giờ", max_digits=6, decimal_places=1, default=Decimal("8"))
    format = models.CharField(
        "hình thức", max_length=12, choices=CourseFormat.choices, default=CourseFormat.IN_PERSON
    )
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="+", verbose_name="tài liệu"
    )
    study_round = models.OneToOneField(
        "study.StudyRound",
        on_delete=models.PROTECT,
        related_name="speakers_course",
        verbose_name="đợt điểm danh",
    )
    completed_on = models.DateField("ngày xét hoàn thành", null=True, blank=True)
    published_down = models.BooleanField(default=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = "lớp bồi dưỡng"
        verbose_name_plural = "lớp bồi dưỡng"

    def __str__(self) -> str:
        return self.title


class Enrolment(models.Model):
    """A roster member enrolled in a course; ``completed`` set when the course is reviewed."""

    scoping = Scoping(unit_field="course__unit")

    course = models.ForeignKey(Course, on_delete=models.CASCADE, related_name="enrolments")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="course_enrolments")
    completed = models.BooleanField("hoàn thành", default=False)
    hours = models.DecimalField(
        "số giờ được tính", max_digits=6, decimal_places=1, default=Decimal("0")
    )
    certificate_number = models.CharField("số chứng nhận", max_length=40, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="speakers_enrolment_once")
        ]
        ordering = ["person__name_folded", "id"]
        verbose_name = "học viên"
        verbose_name_plural = "học viên"

    def __str__(self) -> str:
        return f"{self.person} — {self.course}"


class TrainingRequirement(models.Model):
    """The yearly training hours a unit requires of its roster (its subtree, unless a unit below
    sets its own)."""

    scoping = Scoping(unit_field="unit")

    unit = models.OneToOneField(Unit, on_delete=models.CASCADE, related_name="+")
    hours_per_year = models.DecimalField(
        "số giờ bồi dưỡng tối thiểu mỗi năm", max_digits=6, decimal_places=1
    )

    class Meta:
        verbose_name = "yêu cầu bồi dưỡng"
        verbose_name_plural = "yêu cầu bồi dưỡng"

    def __str__(self) -> str:
        return f"{self.unit}: {self.hours_per_year} giờ/năm"


class Briefing(models.Model):
    """A periodic briefing (hội nghị báo cáo viên định kỳ) of a unit for its subtree's speakers."""

    scoping = Scoping(unit_field="unit", published_field="published_down")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị tổ chức"
    )
    title = models.CharField("tên hội nghị", max_length=255)
    held_on = models.DateField("ngày tổ chức")
    outline = models.TextField("đề cương tóm tắt / nội dung định hướng", blank=True)
    documents = models.ManyToManyField(
        "documents.Document", blank=True, related_name="+", verbose_name="tài liệu"
    )
    study_round = models.OneToOneField(
        "study.StudyRound",
        on_delete=models.PROTECT,
        related_name="speakers_briefing",
        verbose_name="đợt điểm danh",
    )
    published_down = models.BooleanField(default=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "hội nghị báo cáo viên"
        verbose_name_plural = "hội nghị báo cáo viên"

    def __str__(self) -> str:
        return self.title


class Talk(models.Model):
    """A talk a speaker gave after a briefing: to whom, how many listeners, on what topic."""

    scoping = Scoping(unit_field="unit")

    briefing = models.ForeignKey(
        Briefing, on_delete=models.CASCADE, related_name="talks", verbose_name="hội nghị"
    )
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="speaker_talks", verbose_name="báo cáo viên"
    )
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="+")
    given_on = models.DateField("ngày nói chuyện")
    audience = models.CharField("đối tượng (nói cho ai)", max_length=255)
    listeners = models.PositiveIntegerField("số người nghe")
    topic = models.CharField("chủ đề", max_length=255)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The same talk in the unit's activity register, so the register's roll-ups and the report
    # indicators bound to activities count it without anyone typing it twice.
    activity = models.OneToOneField(
        "activities.Activity",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="speaker_talk",
        verbose_name="hoạt động trong sổ",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-given_on", "-id"]
        verbose_name = "buổi nói chuyện"
        verbose_name_plural = "buổi nói chuyện"

    def __str__(self) -> str:
        return f"{self.person}: {self.topic}"


class ContestKind(models.TextChoices):
    SPEAKER = "speaker", "Hội thi báo cáo viên giỏi"
    COMMUNICATOR = "communicator", "Hội thi tuyên truyền viên giỏi"
    PRESS = "press", "Giải báo chí"


class Contest(models.Model):
    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị tổ chức"
    )
    title = models.CharField("tên hội thi / giải", max_length=255)
    kind = models.CharField(
        "loại", max_length=14, choices=ContestKind.choices, default=ContestKind.SPEAKER
    )
    year = models.PositiveSmallIntegerField("năm")
    spread_limit = models.DecimalField(
        "chênh lệch điểm tối đa giữa giám khảo",
        max_digits=6,
        decimal_places=2,
        default=Decimal("10"),
        help_text="Điểm của một giám khảo lệch khỏi trung bình của các giám khảo khác quá mức này thì bị đánh dấu.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-year", "-id"]
        verbose_name = "hội thi"
        verbose_name_plural = "hội thi"

    def __str__(self) -> str:
        return self.title


class ContestRound(models.Model):
    scoping = Scoping(unit_field="contest__unit")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="rounds")
    name = models.CharField("vòng thi", max_length=120)
    order = models.PositiveSmallIntegerField(default=1)
    closed = models.BooleanField("đã khóa điểm", default=False)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "vòng thi"
        verbose_name_plural = "vòng thi"

    def __str__(self) -> str:
        return f"{self.contest} — {self.name}"


class Criterion(models.Model):
    """A criterion of the contest's rubric with its weight; its levels carry points."""

    scoping = Scoping(unit_field="contest__unit")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("tiêu chí", max_length=255)
    weight = models.DecimalField("trọng số", max_digits=5, decimal_places=2, default=Decimal("1"))
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name = "tiêu chí"
        verbose_name_plural = "tiêu chí chấm"

    def __str__(self) -> str:
        return self.name


class CriterionLevel(models.Model):
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField("mức", max_length=120)
    points = models.DecimalField("điểm", max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["-points", "id"]

    def __str__(self) -> str:
        return f"{self.label} ({self.points})"


class EntryKind(models.TextChoices):
    TALK = "talk", "Bài nói chuyện"
    ARTICLE = "article", "Bài viết"
    VIDEO = "video", "Video"


class Entry(models.Model):
    """An entry of a round: a person's (or a unit's) talk, article or video."""

    scoping = Scoping(unit_field="contest_round__contest__unit")

    contest_round = models.ForeignKey(
        ContestRound, on_delete=models.CASCADE, related_name="entries"
    )
    person = models.ForeignKey(
        Person,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="contest_entries",
        verbose_name="người dự thi",
    )
    entrant_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đơn vị dự thi"
    )
    kind = models.CharField("loại bài", max_length=10, choices=EntryKind.choices)
    title = models.CharField("tên bài dự thi", max_length=255)
    link = models.URLField("đường dẫn (video, bài đăng)", blank=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "bài dự thi"
        verbose_name_plural = "bài dự thi"

    def __str__(self) -> str:
        return self.title


class Juror(models.Model):
    """A member of the contest's jury, chosen from the roster (their account scores)."""

    scoping = Scoping(unit_field="contest__unit")

    contest = models.ForeignKey(Contest, on_delete=models.CASCADE, related_name="jurors")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="contest_juries")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["contest", "person"], name="speakers_juror_once")
        ]
        verbose_name = "giám khảo"
        verbose_name_plural = "ban giám khảo"

    def __str__(self) -> str:
        return str(self.person)


class Score(models.Model):
    """One juror's level for one criterion of one entry."""

    scoping = Scoping(unit_field="entry__contest_round__contest__unit")

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(Juror, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="+")
    level = models.ForeignKey(CriterionLevel, on_delete=models.PROTECT, related_name="+")
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["entry", "juror", "criterion"], name="speakers_score_once"
            )
        ]
        verbose_name = "điểm chấm"
        verbose_name_plural = "điểm chấm"

    def __str__(self) -> str:
        return f"{self.juror} → {self.entry}: {self.level}"
