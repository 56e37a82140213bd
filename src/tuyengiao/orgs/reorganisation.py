"""Reorganisations that keep history: merge, split, move, rename, dissolve.

A :class:`Change` is what an officer (or a row group of a reorganisation sheet) asks for. It is
first turned into a list of steps (:func:`plan`); the dry run shows the steps' lines, the
confirmation runs the same steps (:func:`apply`) in one transaction, so what was shown is what
happens. Every change keeps the past readable:

* **merge** (A + B → C, C new or existing): C is formed (``started_on``) under the chosen parent;
  the cells (chi bộ) of A and B move under C, their members are transferred (``PersonTransfer``)
  to C, their open work passes to C (``orgs.handover``); A and B end (``ended_on``) and are kept
  *below C* with their records, so C's officers read them and C's roll-ups of earlier periods
  show them;
* **split** (A → B + C): B and C are formed; each cell and each member of A goes to the successor
  chosen for it (the first by default); A's open work passes to the first successor; A ends where
  it stands;
* **move**: the unit and its subtree go under a new parent;
* **rename**: new name (and short name, code);
* **dissolve**: the unit ends; its cells, members and open work go to a receiving unit when one is
  named (without one, a unit that still has members or cells is refused).

The request (``Change``) and its checks are in ``orgs.reorg_change``. The state a change replaces (name, short name, parent) is kept as a ``UnitState`` valid until the
effective date, so ``Unit.as_of(date)`` and ``orgs.history.tree_as_of`` answer for any date. The
``Reorganisation`` row links the deciding document of the library; ``ReorganisationLink`` rows
say who succeeded whom. Every row written here is in the audit log (django-auditlog).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import transaction
from django.utils import timezone

from . import handover
from .models import (
    Person,
    Reorganisation,
    ReorganisationKind,
    ReorganisationLink,
    Unit,
    UnitState,
)
from .reorg_change import (
    Change,
    NewUnit,
    ReorganisationError,
    change_from_spec,
    check,
)
from .reorg_change import parent_of as _parent
from .services import transfer_person

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

Kind = ReorganisationKind

__all__ = [
    "Change",
    "NewUnit",
    "ReorganisationError",
    "Step",
    "apply",
    "change_from_spec",
    "check",
    "confirm",
    "plan",
    "save_draft",
    "scope_unit",
    "sections",
]


# --- steps -------------------------------------------------------------------------------------


@dataclass
class Step:
    section: str  # heading in the dry run
    line: str  # what it does, in Vietnamese
    run: Callable[[Context], None]


@dataclass
class Context:
    """What the steps share while they run: the reorganisation row and the units formed."""

    change: Change
    reorg: Reorganisation | None = None
    formed: dict[int, Unit] = field(default_factory=dict)  # index in new_units -> unit
    counts: dict[str, int] = field(default_factory=dict)

    def target(self, ref: int | Unit) -> Unit:
        return self.formed[ref] if isinstance(ref, int) else ref

    def add(self, key: str, n: int = 1) -> None:
        self.counts[key] = self.counts.get(key, 0) + n


S_NEW = "Đơn vị thành lập"
S_END = "Đơn vị kết thúc hoạt động"
S_MOVE = "Đơn vị chuyển cấp trên"
S_RENAME = "Đổi tên"
S_PEOPLE = "Nhân sự chuyển sinh hoạt"


def _keep_state(ctx: Context, unit: Unit) -> None:
    """Keep ``unit``'s current name and parent as a state valid until the change's date."""
    assert ctx.reorg is not None
    unit.refresh_from_db()
    previous = UnitState.objects.filter(unit=unit).order_by("-valid_to").first()
    UnitState.objects.create(
        unit=unit,
        valid_from=previous.valid_to if previous else unit.started_on,
        valid_to=ctx.change.date,
        name=unit.name,
        short_name=unit.short_name,
        parent=_parent(unit),
        reorganisation=ctx.reorg,
    )


def _move(ctx: Context, unit: Unit, target: Unit) -> None:
    _keep_state(ctx, unit)
    target.refresh_from_db()
    Unit.objects.move(unit, target, pos="sorted-child")
    unit.refresh_from_db()
    unit.save(update_fields=["updated_at"])  # an audit entry with the new path


def _end(ctx: Context, unit: Unit) -> None:
    unit.refresh_from_db()
    unit.ended_on = ctx.change.date
    unit.active = False
    unit.save()


def _link(ctx: Context, old: Unit, new: Unit) -> None:
    assert ctx.reorg is not None
    ReorganisationLink.objects.get_or_create(
        reorganisation=ctx.reorg, predecessor=old, successor=new
    )


def _form_step(index: int, spec: NewUnit, parent: Unit) -> Step:
    def run(ctx: Context) -> None:
        parent.refresh_from_db()
        unit = Unit.objects.add_child(
            parent,
            dict(
                code=spec.code,
                name=spec.name,
                short_name=spec.short_name,
                kind=spec.kind,
                parent_body_name=parent.parent_body_name,
                started_on=ctx.change.date,
            ),
        )
        ctx.formed[index] = unit
        ctx.add("formed")

    return Step(S_NEW, f"{spec.name} (mã {spec.code}), trực thuộc {parent.name}", run)


def _cell_step(cell: Unit, source: Unit, target: int | Unit, target_name: str) -> Step:
    def run(ctx: Context) -> None:
        _move(ctx, cell, ctx.target(target))
        ctx.add("moved")

    return Step(S_MOVE, f"{cell.name}: từ {source.name} sang {target_name}", run)


def _people_steps(unit: Unit, to: Callable[[Person], tuple[int | Unit, str]]) -> list[Step]:
    steps = []
    for person in Person.objects.filter(unit=unit, active=True).order_by("name_folded"):
        target, target_name = to(person)

        def run(ctx: Context, person: Person = person, target: int | Unit = target) -> None:
            person.refresh_from_db()
            transfer_person(
                person,
                ctx.target(target),
                ctx.change.date,
                by=ctx.reorg.created_by if ctx.reorg else None,
                note=f"Sắp xếp tổ chức: {ctx.reorg}",
            )
            ctx.add("people")

        steps.append(Step(S_PEOPLE, f"{person.full_name}: từ {unit.name} sang {target_name}", run))
    return steps


def _handover_steps(unit: Unit, target: int | Unit, target_name: str, day: dt.date) -> list[Step]:
    steps = []
    for h in handover.handovers():
        lines = h.pending(unit, day)
        if not lines:
            continue

        def run(ctx: Context, h: handover.Handover = h) -> None:
            ctx.add(h.key, h.transfer(unit, ctx.target(target), ctx.change.date))

        steps.append(Step(h.title, f"{lines[0]} → {target_name}", run))
        steps += [Step(h.title, f"{line} → {target_name}", lambda ctx: None) for line in lines[1:]]
    return steps


def _end_steps(
    unit: Unit, successor: int | Unit | None, successor_name: str, keep_below: bool
) -> list[Step]:
    def run(ctx: Context) -> None:
        if successor is not None:
            new = ctx.target(successor)
            _link(ctx, unit, new)
            if keep_below:
                _move(ctx, unit, new)
        _end(ctx, unit)
        ctx.add("ended")

    where = f", lưu lịch sử dưới {successor_name}" if keep_below else ""
    return [Step(S_END, f"{unit.name} (kết thúc ngày hiệu lực{where})", run)]


def plan(change: Change, today: dt.date | None = None) -> list[Step]:
    """The steps of ``change`` (raises ``ReorganisationError`` with the reasons when it cannot be
    made). Reading only: nothing is written until the steps run."""
    errors = check(change, today)
    if errors:
        raise ReorganisationError(errors)
    steps: list[Step] = []
    day = change.date
    kind = change.kind
    if kind in (Kind.MERGE, Kind.SPLIT):
        for i, spec in enumerate(change.new_units):
            parent = spec.parent or _parent(change.sources[0])
            assert parent is not None
            steps.append(_form_step(i, spec, parent))
    if kind == Kind.MERGE:
        succ: int | Unit = change.successor if change.successor is not None else 0
        succ_name = change.successor.name if change.successor else change.new_units[0].name
        for src in change.sources:
            for cell in Unit.objects.get_children(src).current(day):
                steps.append(_cell_step(cell, src, succ, succ_name))
            steps += _people_steps(src, lambda p: (succ, succ_name))
            steps += _handover_steps(src, succ, succ_name, day)
            steps += _end_steps(src, succ, succ_name, keep_below=True)
    elif kind == Kind.SPLIT:
        src = change.sources[0]
        names = [n.name for n in change.new_units]
        for cell in Unit.objects.get_children(src).current(day):
            i = change.cell_map.get(cell.pk, 0)
            steps.append(_cell_step(cell, src, i, names[i]))
        steps += _people_steps(
            src, lambda p: (change.member_map.get(p.pk, 0), names[change.member_map.get(p.pk, 0)])
        )
        steps += _handover_steps(src, 0, names[0], day)

        def link_all(ctx: Context) -> None:
            for i in range(len(change.new_units)):
                _link(ctx, src, ctx.formed[i])
            _end(ctx, src)
            ctx.add("ended")

        steps.append(Step(S_END, f"{src.name} (kết thúc ngày hiệu lực)", link_all))
    elif kind == Kind.MOVE:
        unit, target = change.sources[0], change.new_parent
        assert target is not None
        old = _parent(unit)

        def move(ctx: Context) -> None:
            _move(ctx, unit, target)
            ctx.add("moved")

        steps.append(
            Step(S_MOVE, f"{unit.name}: từ {old.name if old else '—'} sang {target.name}", move)
        )
    elif kind == Kind.RENAME:
        unit = change.sources[0]

        def rename(ctx: Context) -> None:
            _keep_state(ctx, unit)
            unit.name = change.new_name
            unit.short_name = change.new_short_name or unit.short_name
            if change.new_code:
                unit.code = change.new_code
            unit.save()
            ctx.add("renamed")

        steps.append(Step(S_RENAME, f"{unit.name} → {change.new_name}", rename))
    elif kind == Kind.DISSOLVE:
        unit = change.sources[0]
        recv = change.successor
        if recv is not None:
            for cell in Unit.objects.get_children(unit).current(day):
                steps.append(_cell_step(cell, unit, recv, recv.name))
            steps += _people_steps(unit, lambda p: (recv, recv.name))
            steps += _handover_steps(unit, recv, recv.name, day)
        steps += _end_steps(unit, recv, recv.name if recv else "", keep_below=False)
    return steps


def sections(steps: list[Step]) -> list[tuple[str, list[str]]]:
    """The dry run: the steps' lines grouped under their headings, in order of first use."""
    out: dict[str, list[str]] = {}
    for step in steps:
        out.setdefault(step.section, []).append(step.line)
    return list(out.items())


def scope_unit(change: Change) -> Unit:
    """The lowest unit whose subtree holds every unit the change touches (the one whose
    managers may make it; the ``Reorganisation.unit``)."""
    involved = list(change.sources)
    involved += [u for u in (change.successor, change.new_parent) if u is not None]
    involved += [n.parent for n in change.new_units if n.parent is not None]
    involved += [p for u in change.sources if (p := _parent(u)) is not None]
    prefix = involved[0].path
    for u in involved[1:]:
        while not u.path.startswith(prefix):
            prefix = prefix[: -Unit.steplen]
    found = Unit.objects.filter(path=prefix).first() if prefix else None
    return found if found is not None else min(involved, key=lambda u: u.depth)


def save_draft(change: Change, by: User | None) -> Reorganisation:
    """Keep the change as a draft (after the checks) for its dry run page."""
    steps = plan(change)
    return Reorganisation.objects.create(
        unit=scope_unit(change),
        kind=change.kind,
        effective_date=change.date,
        document=change.document,
        note=change.note,
        spec=change.as_spec(),
        summary={"sections": sections(steps)},
        created_by=by,
    )


@transaction.atomic
def apply(
    change: Change,
    by: User | None = None,
    draft: Reorganisation | None = None,
    today: dt.date | None = None,
) -> Reorganisation:
    """Make the change: every step of its dry run, in one transaction (nothing half-done)."""
    steps = plan(change, today)
    reorg = draft or Reorganisation(
        unit=scope_unit(change),
        kind=change.kind,
        effective_date=change.date,
        document=change.document,
        note=change.note,
        spec=change.as_spec(),
        created_by=by,
    )
    if reorg.applied_at is not None:
        raise ReorganisationError(["Thay đổi này đã được thực hiện."])
    reorg.save()
    ctx = Context(change, reorg)
    for step in steps:
        step.run(ctx)
    reorg.summary = {"sections": sections(steps), "counts": ctx.counts}
    reorg.applied_at = timezone.now()
    reorg.save()
    return reorg


@transaction.atomic
def confirm(draft: Reorganisation, by: User | None = None) -> Reorganisation:
    """Apply a stored draft (checked again: the tree may have changed since its dry run). The
    draft's row is locked first: a second click waits, then finds it done."""
    locked = Reorganisation.objects.select_for_update().get(pk=draft.pk)
    if locked.applied_at is not None:
        raise ReorganisationError(["Thay đổi này đã được thực hiện."])
    return apply(change_from_spec(locked.spec), by=by, draft=locked)
