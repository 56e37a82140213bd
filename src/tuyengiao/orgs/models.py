"""Organisation units and people.

The tree is django-treebeard's materialized path (MP_Node): a unit's ``path`` is its ancestors'
paths plus four characters, so a subtree is one ``path LIKE 'prefix%'`` query and the ancestors
are one ``path IN (...)`` query, whatever the depth.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils import timezone
from treebeard.mp_tree import MP_Node, MP_NodeManager, MP_NodeQuerySet

from tuyengiao.core.scoping_spec import Scoping

from .signals import paths_changed

if TYPE_CHECKING:
    from collections.abc import Iterable


class UnitKind(models.TextChoices):
    """What kind of body a unit is; it decides the document format (party or state)."""

    PARTY_COMMITTEE = "party_committee", "Cấp ủy (Tỉnh ủy, Đảng ủy Khối, Đảng ủy cấp trên cơ sở)"
    PARTY_BOARD = "party_board", "Ban, cơ quan tham mưu của cấp ủy"
    BASE_ORGANISATION = "base_org", "Đảng bộ / chi bộ cơ sở"
    CELL = "cell", "Chi bộ trực thuộc"
    STATE_BODY = "state_body", "Cơ quan nhà nước (UBND, Sở, phòng)"
    MASS_ORGANISATION = "mass_org", "Đoàn thể, tổ chức chính trị - xã hội"

    @classmethod
    def party_kinds(cls) -> set[str]:
        return {cls.PARTY_COMMITTEE, cls.PARTY_BOARD, cls.BASE_ORGANISATION, cls.CELL}


def current_q(on: dt.date | None = None, prefix: str = "") -> Q:
    """The condition of ``UnitQuerySet.current`` on a unit reached through ``prefix`` (e.g.
    ``"unit__"``), for querysets typed as plain ``QuerySet[Unit]``."""
    on = on or timezone.localdate()
    return (Q(**{f"{prefix}started_on__isnull": True}) | Q(**{f"{prefix}started_on__lte": on})) & (
        Q(**{f"{prefix}ended_on__isnull": True}) | Q(**{f"{prefix}ended_on__gt": on})
    )


class UnitQuerySet(MP_NodeQuerySet):  # type: ignore[misc]
    def active(self) -> UnitQuerySet:
        return self.filter(active=True)

    def current(self, on: dt.date | None = None) -> UnitQuerySet:
        """The units that exist on ``on`` (today when None): started on or before it and not
        ended by it. The one answer to "which units are current as of a date" — unit lists and
        pickers show these, and dissolved or merged units only where history is asked for."""
        return self.filter(current_q(on))

    def subtree_of(self, unit: Unit, include_self: bool = True) -> UnitQuerySet:
        qs = self.filter(path__startswith=unit.path)
        return qs if include_self else qs.exclude(pk=unit.pk)

    def ancestors_of(self, unit: Unit, include_self: bool = False) -> UnitQuerySet:
        return self.filter(path__in=unit.ancestor_paths(include_self=include_self))


class UnitManager(MP_NodeManager.from_queryset(UnitQuerySet)):  # type: ignore[misc]
    def get_queryset(self) -> UnitQuerySet:
        # treebeard's manager builds its own MP_NodeQuerySet; ours adds active()/subtree_of()/…
        return UnitQuerySet(self.model, using=self._db).order_by("path")

    # Every change of existing paths goes through these two (add_child and add_root delegate to
    # add_sibling when they insert in code order): copies of paths elsewhere are told.
    def move(self, node: Any, target: Any, pos: str | None = None) -> None:
        step = self.model.steplen
        paths = dict(self.filter(pk__in=[node.pk, target.pk]).values_list("pk", "path"))
        super().move(node, target, pos)
        if self.filter(pk=node.pk).exclude(path=paths[node.pk]).exists():
            # renumbered: the moved subtree (under its old parent) and the children of the
            # target's parent (the target's siblings or its own children)
            paths_changed([paths[node.pk][:-step], paths[target.pk][:-step]])

    def add_sibling(self, target: Any, pos: str | None = None, *args: Any, **kwargs: Any) -> Any:
        new = super().add_sibling(target, pos, *args, **kwargs)
        parent_path = new.path[: -self.model.steplen]
        if self.filter(path__startswith=parent_path, depth=new.depth, path__gt=new.path).exists():
            paths_changed([parent_path])  # the siblings after it were renumbered
        return new


class Unit(MP_Node):  # type: ignore[misc]
    """An organisation unit: Tỉnh ủy, Đảng ủy Khối, đảng bộ cơ sở, chi bộ, Sở, phòng …"""

    steplen = 4
    node_order_by = ["code"]

    kind = models.CharField("loại đơn vị", max_length=20, choices=UnitKind.choices)
    code = models.CharField("mã", max_length=40, unique=True)
    name = models.CharField("tên đầy đủ", max_length=255)
    name_folded = models.CharField(max_length=255, editable=False, db_index=True, default="")
    short_name = models.CharField(
        "tên viết tắt",
        max_length=40,
        blank=True,
        help_text="Dùng trong số ký hiệu văn bản, ví dụ ĐUK trong 30-KH/ĐUK.",
    )
    parent_body_name = models.CharField(
        "tên cơ quan cấp trên (tiêu đề văn bản)",
        max_length=255,
        blank=True,
        help_text="Dòng trên cùng của tiêu đề văn bản, ví dụ ĐẢNG BỘ TỈNH BÌNH PHƯỚC.",
    )
    publishes_to_all = models.BooleanField(
        "văn bản công bố cho mọi đơn vị",
        default=False,
        help_text="Cơ quan Trung ương, Tỉnh ủy, UBND tỉnh: văn bản được mọi đơn vị xem.",
    )
    active = models.BooleanField("đang hoạt động", default=True)
    # The unit's life as the reorganisations recorded it (``orgs.reorganisation``): empty start =
    # existed before any recorded change; an end date = merged, split or dissolved that day.
    started_on = models.DateField("ngày thành lập", null=True, blank=True)
    ended_on = models.DateField("ngày kết thúc", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitManager()

    class Meta:
        verbose_name = "đơn vị"
        verbose_name_plural = "đơn vị"
        indexes = [
            models.Index(fields=["kind"]),
            # Subtree queries are ``path LIKE 'prefix%'``; with a non-C collation PostgreSQL needs
            # the pattern operator class to use an index for them (other databases ignore it).
            models.Index(
                fields=["path"], name="orgs_unit_path_like", opclasses=["varchar_pattern_ops"]
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        from tuyengiao.core.text import fold

        self.name_folded = fold(f"{self.name} {self.short_name} {self.code}")[:255]
        super().save(*args, **kwargs)

    @property
    def is_party(self) -> bool:
        return self.kind in UnitKind.party_kinds()

    def ancestor_paths(self, include_self: bool = False) -> list[str]:
        """Paths of the ancestors, root first, computed from ``path`` alone (no query)."""
        last = self.depth if include_self else self.depth - 1
        return [self.path[: self.steplen * d] for d in range(1, last + 1)]

    def ancestors(self, include_self: bool = False) -> UnitQuerySet:
        return Unit.objects.filter(path__in=self.ancestor_paths(include_self)).order_by("depth")

    def subtree(self, include_self: bool = True) -> UnitQuerySet:
        return Unit.objects.subtree_of(self, include_self=include_self)

    def contains(self, other: Unit) -> bool:
        """True if ``other`` is this unit or below it (no query)."""
        return other.path.startswith(self.path)

    def superior(self) -> Unit | None:
        return Unit.objects.get_parent(self)

    def children_with_member_counts(self, history: bool = False) -> list[tuple[Unit, int, int]]:
        """The units directly below, each as (unit, units below it at any depth, members in its subtree);
        only the current ones unless ``history`` (merged, split, dissolved units too).

        Two queries whatever the size: the children, then one GROUP BY over the path prefix.
        """
        below = Unit.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        children = list(below if history else below.filter(current_q()))
        prefix_len = (self.depth + 1) * self.steplen
        member_counts = dict(
            Person.objects.filter(unit__path__startswith=self.path, active=True)
            .exclude(unit__depth__lte=self.depth)
            .annotate(prefix=Substr("unit__path", 1, prefix_len))
            .order_by()  # no ordering column in the GROUP BY
            .values("prefix")
            .annotate(n=Count("id"))
            .values_list("prefix", "n")
        )
        unit_counts = dict(
            Unit.objects.filter(path__startswith=self.path, depth__gt=self.depth + 1)
            .annotate(prefix=Substr("path", 1, prefix_len))
            .order_by()
            .values("prefix")
            .annotate(n=Count("id"))
            .values_list("prefix", "n")
        )
        return [(c, unit_counts.get(c.path, 0), member_counts.get(c.path, 0)) for c in children]

    def get_additional_data(self) -> dict[str, Any]:
        """Stored with each audit entry so unit admins can read the log of their subtree."""
        return {"unit_path": self.path}

    def exists_on(self, on: dt.date) -> bool:
        return (self.started_on is None or self.started_on <= on) and (
            self.ended_on is None or self.ended_on > on
        )

    def as_of(self, on: dt.date) -> UnitAsOf | None:
        """The unit's name and parent on ``on`` (None when it did not exist then): the state a
        ``UnitState`` row kept, or the current one when no later change touched it."""
        if not self.exists_on(on):
            return None
        state = (
            self.states.filter(valid_to__gt=on)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
            .order_by("valid_to")
            .first()
        )
        if state is not None:
            return UnitAsOf(self, state.name, state.short_name, state.parent_id)
        parent_id = (
            Unit.objects.filter(path=self.path[: -self.steplen])
            .values_list("pk", flat=True)
            .first()
            if self.depth > 1
            else None
        )
        return UnitAsOf(self, self.name, self.short_name, parent_id)


@dataclass(frozen=True)
class UnitAsOf:
    """A unit as it was on a date: its name, short name and parent then."""

    unit: Unit
    name: str
    short_name: str
    parent_id: int | None

    def __str__(self) -> str:
        return self.name


class ReorganisationKind(models.TextChoices):
    MERGE = "merge", "Sáp nhập, hợp nhất"
    SPLIT = "split", "Chia tách"
    MOVE = "move", "Chuyển cấp trên trực tiếp"
    RENAME = "rename", "Đổi tên"
    DISSOLVE = "dissolve", "Giải thể"


class Reorganisation(models.Model):
    """One decided change of the tree (merge, split, move, rename, dissolve), with its effective
    date and the deciding document of the library. A draft (``applied_at`` empty) holds what the
    officer asked for in ``spec`` until the dry run is confirmed; see ``orgs.reorganisation``.

    ``unit`` is the lowest unit whose subtree holds every unit the change touches: the change is
    seen and made by the managers of that subtree."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="thuộc đơn vị"
    )
    kind = models.CharField("loại thay đổi", max_length=10, choices=ReorganisationKind.choices)
    effective_date = models.DateField("ngày hiệu lực")
    document = models.ForeignKey(
        "documents.Document",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="văn bản quyết định",
    )
    note = models.CharField("ghi chú", max_length=255, blank=True)
    spec = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-effective_date", "-id"]
        verbose_name = "sắp xếp tổ chức"
        verbose_name_plural = "sắp xếp tổ chức"

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.effective_date:%d/%m/%Y}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class ReorganisationLink(models.Model):
    """Predecessor → successor of an applied reorganisation (A → C of a merge, A → B of a split,
    a dissolved unit → the unit receiving its work)."""

    scoping = Scoping(unit_field="reorganisation__unit")

    reorganisation = models.ForeignKey(
        Reorganisation, on_delete=models.CASCADE, related_name="links"
    )
    predecessor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="successor_links")
    successor = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="predecessor_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reorganisation", "predecessor", "successor"], name="orgs_link_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor_id} → {self.successor_id}"


class UnitState(models.Model):
    """A unit's name and parent while they held, from ``valid_from`` (empty: since before any
    recorded change) until ``valid_to`` (exclusive), kept when a reorganisation changed them. The
    current state is the ``Unit`` row itself; ``Unit.as_of`` reads the two together."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="states")
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField()
    name = models.CharField(max_length=255)
    short_name = models.CharField(max_length=40, blank=True)
    parent = models.ForeignKey(
        Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    reorganisation = models.ForeignKey(
        Reorganisation, on_delete=models.CASCADE, related_name="states"
    )

    class Meta:
        ordering = ["unit", "valid_to"]
        indexes = [models.Index(fields=["valid_to"])]

    def __str__(self) -> str:
        return f"{self.name} (đến {self.valid_to:%d/%m/%Y})"


class CommRole(models.Model):
    """A role of the communication work: báo cáo viên (speaker), tuyên truyền viên, …"""

    code = models.SlugField("mã", max_length=40, unique=True)
    name = models.CharField("tên", max_length=120)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "vai trò tuyên giáo"
        verbose_name_plural = "vai trò tuyên giáo"

    def __str__(self) -> str:
        return self.name


class PersonQuerySet(models.QuerySet["Person"]):
    def in_subtree(self, unit: Unit) -> PersonQuerySet:
        return self.filter(unit__path__startswith=unit.path)

    def search(self, text: str) -> PersonQuerySet:
        from tuyengiao.core.text import fold

        folded = fold(text)
        return self.filter(Q(name_folded__contains=folded) | Q(email__icontains=text))


class Person(models.Model):
    """A member or staff of a unit. Only the personal data the work needs."""

    scoping = Scoping(unit_field="unit")

    unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="people", verbose_name="đơn vị"
    )
    full_name = models.CharField("họ và tên", max_length=120)
    name_folded = models.CharField(max_length=120, editable=False, db_index=True)
    position = models.CharField("chức vụ", max_length=120, blank=True)
    roles = models.ManyToManyField(
        CommRole, blank=True, related_name="people", verbose_name="vai trò"
    )
    is_party_member = models.BooleanField("đảng viên", default=True)
    birth_year = models.PositiveSmallIntegerField("năm sinh", null=True, blank=True)
    party_admission_date = models.DateField("ngày vào Đảng", null=True, blank=True)
    email = models.EmailField("email", blank=True)
    phone = models.CharField("điện thoại", max_length=20, blank=True)
    active = models.BooleanField("đang sinh hoạt", default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["name_folded", "id"]
        verbose_name = "người"
        verbose_name_plural = "nhân sự"
        indexes = [models.Index(fields=["unit", "active"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args: Any, **kwargs: Any) -> None:
        from tuyengiao.core.text import fold

        self.name_folded = fold(self.full_name)[:120]
        super().save(*args, **kwargs)

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.unit.path}


class PersonTransfer(models.Model):
    """A move of a person from one unit to another; the history of transfers is kept."""

    scoping = Scoping(unit_field="to_unit")

    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="transfers")
    from_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="từ đơn vị"
    )
    to_unit = models.ForeignKey(
        Unit, on_delete=models.PROTECT, related_name="+", verbose_name="đến đơn vị"
    )
    date = models.DateField("ngày chuyển")
    note = models.CharField("ghi chú", max_length=255, blank=True)
    created_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = "chuyển sinh hoạt"
        verbose_name_plural = "chuyển sinh hoạt"

    def __str__(self) -> str:
        return f"{self.person} : {self.from_unit} → {self.to_unit}"

    def get_additional_data(self) -> dict[str, Any]:
        return {"unit_path": self.to_unit.path}


def units_by_paths(paths: Iterable[str]) -> dict[str, Unit]:
    return {u.path: u for u in Unit.objects.filter(path__in=list(paths))}


class RecentUnitChoice(models.Model):
    """A unit a user picked recently in a unit picker ("Gần đây"): which user, which unit, when.
    No personal data beyond the account's own choices; the newest few are kept per user."""

    user = models.ForeignKey(
        "accounts.User", on_delete=models.CASCADE, related_name="recent_unit_choices"
    )
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")
    used_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "unit"], name="orgs_recent_choice_unique")
        ]
        indexes = [models.Index(fields=["user", "-used_at"])]
        verbose_name = "đơn vị chọn gần đây"
        verbose_name_plural = "đơn vị chọn gần đây"

    def __str__(self) -> str:
        return f"{self.unit_id} @ {self.used_at:%d/%m/%Y}"
