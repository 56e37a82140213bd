"""Reorganisations that keep history: merge, split, move, rename, dissolve; the tree as of a date;
the dry run; the refusals; the pages (one POST per action) and the audit log."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tuyengiao.orgs.history import tree_as_of
from tuyengiao.orgs.models import (
    Person,
    PersonTransfer,
    Reorganisation,
    ReorganisationLink,
    Unit,
    UnitKind,
    UnitState,
)
from tuyengiao.orgs.reorganisation import (
    Change,
    NewUnit,
    ReorganisationError,
    apply,
    plan,
    sections,
)
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db

DAY = date(2025, 7, 1)
BEFORE = DAY - timedelta(days=1)


def _fresh(unit: Unit) -> Unit:
    fresh: Unit = Unit.objects.get(pk=unit.pk)
    return fresh


def _merge(tree: Tree, **extra: Any) -> Change:
    return Change(
        kind="merge",
        date=DAY,
        sources=[_fresh(tree.base1), _fresh(tree.base2)],
        new_units=[NewUnit("DB-HN", "Đảng bộ Sở Hợp nhất", "ĐU", UnitKind.BASE_ORGANISATION, None)],
        **extra,
    )


def test_merge_keeps_history(tree: Tree) -> None:
    a1 = make_person(tree.base1, "Trần Thị Bình")
    a2 = make_person(tree.cell1, "Lê Văn Cường")
    b1 = make_person(tree.base2, "Phạm Thị Dung")
    change = _merge(tree)
    dry = dict(sections(plan(change)))
    # the dry run lists every unit, cell and member that would move, and changes nothing
    assert dry["Đơn vị thành lập"] == [
        "Đảng bộ Sở Hợp nhất (mã DB-HN), trực thuộc Đảng ủy Khối các cơ quan tỉnh"
    ]
    assert {line.split(":")[0] for line in dry["Đơn vị chuyển cấp trên"]} == {
        tree.cell1.name,
        tree.cell2.name,
    }
    assert len(dry["Nhân sự chuyển sinh hoạt"]) == 2  # a2 stays in its cell, which moves
    assert not Unit.objects.filter(code="DB-HN").exists()

    reorg = apply(change)
    new = Unit.objects.get(code="DB-HN")
    base1, base2, cell1 = _fresh(tree.base1), _fresh(tree.base2), _fresh(tree.cell1)
    assert new.started_on == DAY and Unit.objects.get_parent(new).pk == tree.bloc.pk
    assert (base1.ended_on, base1.active) == (DAY, False)
    # the old units are kept below their successor, their cells are the successor's now
    assert (
        Unit.objects.get_parent(base1).pk == new.pk and Unit.objects.get_parent(base2).pk == new.pk
    )
    assert Unit.objects.get_parent(cell1).pk == new.pk
    assert Person.objects.get(pk=a1.pk).unit_id == new.pk
    assert Person.objects.get(pk=b1.pk).unit_id == new.pk
    assert Person.objects.get(pk=a2.pk).unit_id == cell1.pk
    assert PersonTransfer.objects.filter(person=a1, from_unit=base1, to_unit=new, date=DAY).exists()
    assert set(ReorganisationLink.objects.values_list("predecessor_id", "successor_id")) == {
        (base1.pk, new.pk),
        (base2.pk, new.pk),
    }
    # names and places as of any date
    then = base1.as_of(BEFORE)
    assert then is not None and then.parent_id == tree.bloc.pk
    assert base1.as_of(DAY) is None
    assert new.as_of(BEFORE) is None
    cell_then = cell1.as_of(BEFORE)
    assert cell_then is not None and cell_then.parent_id == base1.pk
    # the current units: the merged ones only where history is asked for
    current = set(Unit.objects.current().values_list("code", flat=True))
    assert "DB-HN" in current and "DB-STTTT" not in current
    bases_then = Unit.objects.current(BEFORE).filter(kind=UnitKind.BASE_ORGANISATION)
    assert set(bases_then.values_list("code", flat=True)) == {
        "DB-STTTT",
        "DB-SYT",
    }
    assert [c.code for c, _, _ in _fresh(tree.bloc).children_with_member_counts()] == ["DB-HN"]
    assert {c.code for c, _, _ in new.children_with_member_counts(history=True)} >= {
        "DB-STTTT",
        "DB-SYT",
    }
    # every change is in the audit log
    for model in (Reorganisation, UnitState, ReorganisationLink, PersonTransfer):
        ct = ContentType.objects.get_for_model(model)
        assert LogEntry.objects.filter(content_type=ct).exists(), model
    assert reorg.summary["counts"]["ended"] == 2


def test_tree_as_of_merge_and_move(tree: Tree) -> None:
    apply(_merge(tree))
    new = Unit.objects.get(code="DB-HN")
    base1, cell1 = _fresh(tree.base1), _fresh(tree.cell1)

    def under(unit: Unit, on: date) -> set[str]:
        t = tree_as_of(_fresh(unit), on)
        return set(Unit.objects.filter(t.q("path")).values_list("code", flat=True))

    # before the merge the successor stands for its predecessors; after, it is itself
    assert under(new, BEFORE) >= {"DB-STTTT", "DB-SYT", "CB-STTTT-VP", "CB-SYT-VP"}
    t = tree_as_of(new, BEFORE)
    assert t.child_path(cell1.path) == base1.path  # the cell rolls up under its old base
    assert tree_as_of(new, DAY).trivial
    # the cell was under base1 before the merge only
    assert under(base1, BEFORE) == {"DB-STTTT", "CB-STTTT-VP"}
    # the bloc holds everything, each path once
    assert under(tree.bloc, BEFORE) == under(tree.bloc, DAY)

    # a move: the other cell goes from the merged unit to the bloc on a later day
    later = DAY + timedelta(days=40)
    cell2 = _fresh(tree.cell2)
    apply(Change(kind="move", date=later, sources=[cell2], new_parent=_fresh(tree.bloc)))
    assert "CB-SYT-VP" in under(new, later - timedelta(days=1))
    assert "CB-SYT-VP" not in under(new, later)
    assert _fresh(cell2).as_of(later - timedelta(days=1)).parent_id == new.pk  # type: ignore[union-attr]


def test_split_maps_cells_and_members(tree: Tree) -> None:
    extra_cell = Unit.objects.add_child(
        _fresh(tree.base1), dict(kind=UnitKind.CELL, code="CB-STTTT-2", name="Chi bộ 2")
    )
    p1 = make_person(tree.base1, "Người Một")
    p2 = make_person(tree.base1, "Người Hai")
    change = Change(
        kind="split",
        date=DAY,
        sources=[_fresh(tree.base1)],
        new_units=[
            NewUnit("DB-A", "Đảng bộ A", "ĐU", UnitKind.BASE_ORGANISATION),
            NewUnit("DB-B", "Đảng bộ B", "ĐU", UnitKind.BASE_ORGANISATION),
        ],
        cell_map={extra_cell.pk: 1},
        member_map={p2.pk: 1},
    )
    apply(change)
    a, b = Unit.objects.get(code="DB-A"), Unit.objects.get(code="DB-B")
    assert Unit.objects.get_parent(_fresh(tree.cell1)).pk == a.pk
    assert Unit.objects.get_parent(_fresh(extra_cell)).pk == b.pk
    assert Person.objects.get(pk=p1.pk).unit_id == a.pk
    assert Person.objects.get(pk=p2.pk).unit_id == b.pk
    assert _fresh(tree.base1).ended_on == DAY
    assert {u.code for u in [a, b]} == set(
        ReorganisationLink.objects.values_list("successor__code", flat=True)
    )


def test_rename_and_dissolve(tree: Tree) -> None:
    apply(
        Change(
            kind="rename",
            date=DAY,
            sources=[_fresh(tree.base2)],
            new_name="Đảng bộ Sở Y tế và Dân số",
            new_code="DB-SYTDS",
        )
    )
    base2 = _fresh(tree.base2)
    assert (base2.name, base2.code) == ("Đảng bộ Sở Y tế và Dân số", "DB-SYTDS")
    assert base2.as_of(BEFORE).name == "Đảng bộ Sở Y tế"  # type: ignore[union-attr]
    make_person(tree.base1, "Còn sinh hoạt")
    with pytest.raises(ReorganisationError) as refused:
        plan(Change(kind="dissolve", date=DAY, sources=[_fresh(tree.base1)]))
    assert any("còn nhân sự" in m for m in refused.value.messages)
    apply(Change(kind="dissolve", date=DAY, sources=[_fresh(tree.base1)], successor=base2))
    assert _fresh(tree.base1).ended_on == DAY
    assert Unit.objects.get_parent(_fresh(tree.cell1)).pk == base2.pk
    assert not Person.objects.filter(unit=tree.base1, active=True).exists()


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (
            lambda t: Change(kind="move", date=DAY, sources=[t.base1], new_parent=t.cell1),
            "vòng lặp",
        ),
        (
            lambda t: Change(
                kind="move", date=DAY + timedelta(days=3650), sources=[t.base1], new_parent=t.base2
            ),
            "sau hôm nay",
        ),
        (
            lambda t: Change(
                kind="merge", date=DAY, sources=[t.base1], new_units=[NewUnit("X", "X")]
            ),
            "ít nhất hai",
        ),
        (
            lambda t: Change(
                kind="merge",
                date=DAY,
                sources=[t.base1, t.base2],
                new_units=[NewUnit("DB-SYT", "Trùng mã")],
            ),
            "đã có đơn vị khác dùng",
        ),
        (
            lambda t: Change(kind="rename", date=DAY, sources=[t.base1], new_name=t.base1.name),
            "trùng tên",
        ),
    ],
)
def test_refusals(tree: Tree, make: Any, reason: str) -> None:
    with pytest.raises(ReorganisationError) as refused:
        plan(make(tree))
    assert any(reason in m for m in refused.value.messages), refused.value.messages


def test_date_before_the_unit_existed_is_refused(tree: Tree) -> None:
    apply(_merge(tree))
    new = Unit.objects.get(code="DB-HN")
    with pytest.raises(ReorganisationError) as refused:
        plan(Change(kind="rename", date=BEFORE, sources=[new], new_name="Tên khác"))
    assert any("trước ngày thành lập" in m for m in refused.value.messages)
    # and a change older than one already recorded for the unit is refused too
    with pytest.raises(ReorganisationError):
        plan(
            Change(
                kind="move", date=BEFORE, sources=[_fresh(tree.cell1)], new_parent=_fresh(tree.bloc)
            )
        )


def test_pages_dry_run_then_confirm(tree: Tree, users: dict[str, Any], client_as: Any) -> None:
    admin = client_as("khoi")  # unit administrator of the bloc
    form = admin.get(reverse("orgs:reorg_merge"))
    assert form.status_code == 200
    response = admin.post(
        reverse("orgs:reorg_merge"),
        {
            "sources": [tree.base1.pk, tree.base2.pk],
            "new_code": "DB-HN",
            "new_name": "Đảng bộ Sở Hợp nhất",
            "new_short_name": "ĐU",
            "new_kind": UnitKind.BASE_ORGANISATION,
            "date": "01/07/2025",
        },
    )
    assert response.status_code == 302
    draft = Reorganisation.objects.get()
    page = admin.get(response["Location"]).content.decode()
    assert "Xác nhận thực hiện" in page and tree.cell1.name in page
    assert not Unit.objects.filter(code="DB-HN").exists()  # a dry run only
    admin.post(reverse("orgs:reorg_confirm", args=[draft.pk]))
    draft.refresh_from_db()
    assert draft.applied_at is not None
    assert Unit.objects.get(code="DB-HN").started_on == DAY
    # a second click changes nothing and says why
    again = admin.post(reverse("orgs:reorg_confirm", args=[draft.pk]), follow=True)
    assert "Thay đổi này đã được thực hiện." in again.content.decode()
    assert Unit.objects.filter(code="DB-HN").count() == 1
    # a bad input keeps what was typed and says why
    bad = admin.post(
        reverse("orgs:reorg_move"),
        {"source": tree.bloc.pk, "new_parent": tree.bloc.pk, "date": "01/07/2025"},
    )
    assert bad.status_code == 400
    assert "01/07/2025" in bad.content.decode()
    listing = admin.get(reverse("orgs:reorg_list") + "?export=xlsx")
    assert listing.status_code == 200


def test_split_page_maps_cells_and_members_and_links_the_decision(
    tree: Tree, client_as: Any
) -> None:
    from tuyengiao.documents.models import Document

    decision = Document.objects.create(
        unit=tree.bloc, number="123-QĐ/ĐUK", title="Quyết định chia tách Đảng bộ Sở TTTT"
    )
    extra = Unit.objects.add_child(
        _fresh(tree.base1), dict(kind=UnitKind.CELL, code="CB-STTTT-2", name="Chi bộ 2")
    )
    person = make_person(tree.base1, "Người Ở Lại")
    admin = client_as("khoi")
    url = reverse("orgs:reorg_split")
    form = admin.get(url, {"don-vi": tree.base1.pk}).content.decode()
    assert f'name="cell_{extra.pk}"' in form and f'name="member_{person.pk}"' in form
    response = admin.post(
        url + f"?don-vi={tree.base1.pk}",
        {
            "source": tree.base1.pk,
            "new_units": "DB-A | Đảng bộ A | ĐU\nDB-B | Đảng bộ B",
            "new_kind": UnitKind.BASE_ORGANISATION,
            "date": "01/07/2025",
            "document": decision.pk,
            f"cell_{tree.cell1.pk}": "0",
            f"cell_{extra.pk}": "1",
            f"member_{person.pk}": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    draft = Reorganisation.objects.get()
    assert draft.document == decision
    admin.post(reverse("orgs:reorg_confirm", args=[draft.pk]))
    b = Unit.objects.get(code="DB-B")
    assert Unit.objects.get_parent(_fresh(extra)).pk == b.pk
    assert Person.objects.get(pk=person.pk).unit_id == b.pk
    # a line that is not "mã | tên" is refused with its number, the text kept
    bad = admin.post(
        url,
        {
            "source": tree.base2.pk,
            "new_units": "DB-C | Đảng bộ C\nchỉ có tên",
            "new_kind": UnitKind.BASE_ORGANISATION,
            "date": "01/07/2025",
        },
    )
    assert bad.status_code == 400 and "Dòng 2" in bad.content.decode()
    assert "chỉ có tên" in bad.content.decode()
    for name in ("orgs:reorg_move", "orgs:reorg_rename", "orgs:reorg_dissolve", "orgs:reorg_list"):
        assert admin.get(reverse(name)).status_code == 200
    # an officer (not an administrator) may read the history but not reorganise
    officer = client_as("coso1")
    assert officer.get(reverse("orgs:reorg_merge")).status_code == 403
    assert officer.post(reverse("orgs:reorg_confirm", args=[draft.pk])).status_code == 404


def test_tree_as_of_costs_one_query_without_later_changes(
    tree: Tree, django_assert_num_queries: Any
) -> None:
    bloc = _fresh(tree.bloc)
    with django_assert_num_queries(1):  # the states after the date: none
        t = tree_as_of(bloc, DAY)
    assert t.trivial and t.child_path(_fresh(tree.cell1).path) == _fresh(tree.base1).path


def test_unit_page_shows_the_structure_of_a_past_day(tree: Tree, client_as: Any) -> None:
    from tuyengiao.orgs.history import children_on

    apply(_merge(tree))
    apply(
        Change(
            kind="rename",
            date=DAY + timedelta(days=1),
            sources=[_fresh(tree.bloc)],
            new_name="Đảng ủy Ủy ban nhân dân tỉnh",
        )
    )
    new = Unit.objects.get(code="DB-HN")
    then = [u.name for u in children_on(_fresh(tree.bloc), BEFORE)]
    assert then == ["Đảng bộ Sở Thông tin và Truyền thông", "Đảng bộ Sở Y tế"]
    assert [u.name for u in children_on(_fresh(tree.bloc), DAY)] == ["Đảng bộ Sở Hợp nhất"]
    assert {u.unit.pk for u in children_on(new, BEFORE)} == {tree.base1.pk, tree.base2.pk}
    client = client_as("khoi")
    page = client.get(
        reverse("orgs:unit_detail", args=[tree.bloc.pk]), {"ngay": "30/06/2025"}
    ).content.decode()
    assert "Đảng ủy Khối các cơ quan tỉnh</strong> (tên lúc đó)" in page
    assert "Đảng bộ Sở Y tế" in page
    page = client.get(
        reverse("orgs:unit_detail", args=[new.pk]), {"ngay": "30/06/2025"}
    ).content.decode()
    assert "chưa thành lập" in page and "Đảng bộ Sở Thông tin và Truyền thông" in page
    bad = client.get(reverse("orgs:unit_detail", args=[new.pk]), {"ngay": "31/02/2025"})
    assert bad.status_code == 200 and "31/02/2025" in bad.content.decode()
