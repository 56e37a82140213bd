"""The activity register (sổ hoạt động tuyên truyền): what a unit did to communicate, as it
happened — a conference, a talk, an exhibition, banners, its own news items, a loudspeaker
broadcast, a contest … — with its audience and the number of people reached.

* ``ActivityKind`` — the configurable list of kinds (seeded by migration 0002).
* ``Activity`` — one activity of one unit, with a copy of the unit's tree path (``unit_path``,
  declared to ``orgs.path_copies``) so that a roll-up over any subtree is one GROUP BY on a path
  prefix; optional links to a plan task assignment (evidence of progress), a library document and a
  propaganda campaign of the calendar (``events.Campaign``: the campaign's page counts what the
  units did for it).
* ``Evidence`` — photos and files of an activity (checked by ``core.uploads``).

Only the unit's own work is recorded: "tin bài" and Zalo items are the unit's OWN published items,
counted; nothing here watches social media or people.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import models

from tuyengiao.core.scoping_spec import Scoping
from tuyengiao.orgs.models import Person, Unit


class ActivityKind(models.Model):
    """A kind of communication activity (the list is configurable by system administrators)."""

    name = models.CharField("tên loại hoạt động", max_length=120, unique=True)
    order = models.PositiveSmallIntegerField("thứ tự", default=100)
    counts_items = models.BooleanField(
        "đếm theo số tin bài/lượt đăng",
        default=False,
        help_text="Tin bài, bài đăng trên mạng nội bộ của đơn vị: mỗi hoạt động là một lượt đăng.",
    )
    active = models.BooleanField("đang dùng", default=True)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "loại hoạt động"
        verbose_name_plural = "loại hoạt động"

    def __str__(self) -> str:
        return self.name


class Activity(models.Model):
    """One communication activity of one unit."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="activities", verbose_name="đơn vị"
    )
    unit_path = models.CharField(max_length=255, editable=False)
    kind = models.ForeignKey(
        ActivityKind, on_delete=models.PROTECT, related_name="activities", verbose_name="loại"
    )
    topic = models.CharField(
        "nội dung, chủ đề",
        max_length=300,
        help_text="Ví dụ: Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9.",
    )
    held_on = models.DateField("ngày thực hiện")
    place = models.CharField("địa điểm", max_length=255, blank=True)
    commune = models.CharField("xã/phường", max_length=120, blank=True)
    district = models.CharField("huyện/quận (nếu có)", max_length=120, blank=True)
    audience = models.CharField(
        "đối tượng", max_length=255, blank=True, help_text="Ví dụ: đảng viên, đoàn viên, nhân dân."
    )
    reached = models.PositiveIntegerField("số người được tuyên truyền", default=0)
    people = models.ManyToManyField(
        Person, blank=True, related_name="activities", verbose_name="người thực hiện"
    )
    link = models.URLField(
        "đường dẫn tin bài của đơn vị",
        max_length=500,
        blank=True,
        help_text="Tin bài do chính đơn vị đăng (trang tin, nhóm Zalo của đơn vị…).",
    )
    assignment = models.ForeignKey(
        "plans.TaskAssignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="thực hiện nhiệm vụ",
    )
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="văn bản liên quan",
    )
    campaign = models.ForeignKey(
        "events.Campaign",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
        verbose_name="đợt tuyên truyền",
        help_text="Đợt tuyên truyền của đơn vị hoặc cấp trên mà hoạt động này thực hiện, nếu có.",
    )
    note = models.TextField("ghi chú", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-held_on", "-id"]
        verbose_name = "hoạt động tuyên truyền"
        verbose_name_plural = "hoạt động tuyên truyền"
        indexes = [
            # the roll-ups: a path prefix and a date window, summing ``reached``
            # (varchar_pattern_ops: a LIKE 'prefix%' uses it whatever the database's collation)
            models.Index(
                fields=["unit_path", "held_on"],
                name="activities_path_date",
                opclasses=["varchar_pattern_ops", "date_ops"],
            ),
            models.Index(fields=["unit", "held_on"], name="activities_unit_date"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} — {self.topic}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.unit_path = self.unit.path
        super().save(*args, **kwargs)

    @property
    def where(self) -> str:
        return ", ".join(x for x in (self.place, self.commune, self.district) if x)


def evidence_path(instance: Evidence, filename: str) -> str:
    return f"activities/{instance.activity_id}/{Path(filename).name}"


class Evidence(models.Model):
    """A photo or file showing an activity took place."""

    scoping = Scoping(unit_field="activity__unit")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField("tệp minh chứng", upload_to=evidence_path)
    name = models.CharField("tên tệp", max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = "minh chứng"
        verbose_name_plural = "minh chứng"

    def __str__(self) -> str:
        return self.name

    @property
    def is_image(self) -> bool:
        return Path(self.name).suffix.lower() in {".jpg", ".jpeg", ".png"}


class _TallyBase(models.Model):
    """Monthly counters of activities and people reached (``services.tallies``).

    Two kinds of rows in each table, told apart by ``subtree``:

    * own rows (``subtree=False``): the activities recorded by the unit itself;
    * subtree rows (``subtree=True``): those of the unit and of every unit under it in the
      current tree — a roll-up over a subtree reads the rows of one unit, not of 52,000.

    Both are kept in the transaction of each write of an activity (``services.records``), rebuilt
    from the activities by ``manage.py rebuild_activity_tallies``; the subtree rows are rebuilt
    from the own rows when tree paths change (a move: ``orgs.signals.unit_paths_changed``).
    ``unit_path`` is a copy of the unit's path (``orgs.path_copies``): a past period read under the
    tree of its time sums own rows by path prefix, as the reports' roll-ups do.
    """

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    unit_path = models.CharField(max_length=255)
    subtree = models.BooleanField(default=False)
    month = models.DateField()  # the first day of the month
    kind = models.ForeignKey(ActivityKind, on_delete=models.CASCADE, related_name="+")
    count = models.BigIntegerField(default=0)
    reached = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class ActivityKindTally(_TallyBase):
    """Counters by unit, month and kind: the totals, the splits by child unit, kind and month, and
    the report indicators read these (a few hundred rows per unit and year, whatever the topics)."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "subtree", "month", "kind"], name="activities_kind_tally_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["unit_path", "month"],
                name="activities_kind_tally_path",
                opclasses=["varchar_pattern_ops", "date_ops"],
                condition=models.Q(subtree=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_path} {self.month:%m/%Y} {self.kind_id}: {self.count}"


class ActivityTally(_TallyBase):
    """Counters by unit, month, kind and topic: the split by topic, and every figure when the
    roll-up is filtered by a topic."""

    topic = models.CharField(max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "subtree", "month", "kind", "topic"], name="activities_tally_once"
            )
        ]
        indexes = [
            models.Index(
                fields=["unit_path", "month"],
                name="activities_tally_path",
                opclasses=["varchar_pattern_ops", "date_ops"],
                condition=models.Q(subtree=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_path} {self.month:%m/%Y} {self.kind_id} {self.topic}: {self.count}"


class ActivityPlaceTally(_TallyBase):
    """Counters by unit, month, kind and place (district, commune) — only activities whose
    address names one."""

    district = models.CharField(max_length=120)
    commune = models.CharField(max_length=120)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "subtree", "month", "kind", "district", "commune"],
                name="activities_place_tally_once",
            )
        ]
        indexes = [
            models.Index(
                fields=["unit_path", "month"],
                name="activities_place_tally_path",
                opclasses=["varchar_pattern_ops", "date_ops"],
                condition=models.Q(subtree=False),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit_path} {self.month:%m/%Y} {self.commune}: {self.count}"
