"""References resolve to library documents (also later), and the implementation tree."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tuyengiao.accounts.scoping import scoped
from tuyengiao.documents import graph, services
from tuyengiao.documents.models import Document, Reference, RefKind
from tuyengiao.orgs.models import Unit, UnitKind


def add(
    unit: Unit, number: str, implements: str | None = None, cites: list[dict] | None = None, **extra
) -> Document:
    refs = list(cites or [])
    if implements:
        refs.insert(0, {"number": implements, "date": None, "issuer": None})
    parsed = {
        "number": number,
        "doc_type": "Kế hoạch",
        "title": f"Kế hoạch {number}",
        "date": extra.pop("day", "2020-01-01"),
        "references": refs,
        "implements": [implements] if implements else [],
        "issuer": extra.pop("issuer", unit.name),
    }
    data = f"{unit.pk}:{number}".encode()
    return services.create_document(
        unit, None, f"{number}.txt", data, text=f"Số {number}", parsed=parsed, **extra
    )


@pytest.mark.django_db
def test_reference_resolves_now_and_later(tree):
    plan = add(
        tree.bloc,
        "12-KH/ĐUK",
        implements="35-NQ/TW",
        cites=[
            {"number": "01-KL/TW", "date": "2021-05-18", "issuer": "Bộ Chính trị"},
            {"number": "05-CT/TW", "date": None, "issuer": "Bộ Chính trị"},
        ],
    )
    refs = {r.number: r for r in plan.references.all()}
    assert refs["35-NQ/TW"].kind == RefKind.IMPLEMENTS and refs["35-NQ/TW"].target is None
    assert refs["01-KL/TW"].kind == RefKind.CITES and refs["01-KL/TW"].target is None
    # the resolution arrives later, written differently: the pending reference resolves by itself
    nq = add(tree.province, "35/NQ-TW", day="2018-10-22", issuer="Bộ Chính trị")
    assert Reference.objects.get(number="35-NQ/TW").target == nq
    # issuer and date must agree where both are known
    wrong = add(tree.province, "01-KL/TW", day="2020-01-01", issuer="Bộ Chính trị")
    assert Reference.objects.get(number="01-KL/TW").target is None
    wrong.delete()
    right = add(tree.province, "01-KL/TW", day="2021-05-18", issuer="BỘ CHÍNH TRỊ")
    assert Reference.objects.get(number="01-KL/TW").target == right
    # no date on the reference: the issuer decides
    add(tree.bloc, "05-CT/TW", issuer="Đảng ủy Khối các cơ quan tỉnh")
    assert Reference.objects.get(number="05-CT/TW").target is None
    same = add(tree.province, "05-CT/TW", issuer="Bộ Chính trị (khóa XII)")
    assert Reference.objects.get(number="05-CT/TW").target == same


@pytest.mark.django_db
def test_links_on_the_document_page(tree, client_as):
    nq = add(tree.province, "35-NQ/TW", visible_to_all=True)
    plan = add(
        tree.bloc,
        "12-KH/ĐUK",
        implements="35-NQ/TW",
        cites=[{"number": "99-CT/TW", "date": None, "issuer": None}],
    )
    client = client_as("coso1")
    page = client.get(f"/tai-lieu/{plan.pk}/").content.decode()
    assert (
        f'href="/tai-lieu/{nq.pk}/"' in page and "99-CT/TW" in page
    )  # cites + cited, not in the library
    page = client.get(f"/tai-lieu/{nq.pk}/").content.decode()
    assert f'href="/tai-lieu/{plan.pk}/"' in page  # cited by


def _units(tree) -> dict[str, Unit]:
    extra = Unit.objects.add_child(
        tree.bloc,
        dict(kind=UnitKind.BASE_ORGANISATION, code="DB-X", name="Đảng bộ X", short_name="ĐU"),
    )
    return {"extra": extra}


@pytest.mark.django_db
def test_implementation_tree_with_units_not_yet_issued(tree, users):
    more = _units(tree)
    nq = add(tree.province, "35-NQ/TW", visible_to_all=True)
    bloc_plan = add(tree.bloc, "12-KH/ĐUK", implements="35-NQ/TW")
    base1_plan = add(tree.base1, "3-KH/ĐU", implements="12-KH/ĐUK")
    cell_plan = add(tree.cell1, "1-KH/CB", implements="3-KH/ĐU")
    result = graph.implementation_tree(nq, Document.objects.all())
    assert result.total == 3 and result.levels == 3
    root = result.root
    assert [c.number for c in root.children] == ["12-KH/ĐUK"]
    assert root.children[0].unit_name == tree.bloc.name
    assert [c.id for c in root.children[0].children] == [base1_plan.pk]
    assert [c.id for c in root.children[0].children[0].children] == [cell_plan.pk]
    # under the province: the bloc issued, nobody else is a child of the province here
    assert root.missing_units == []
    # under the bloc: base2 and the extra unit have not issued one
    assert {name for _, name in root.children[0].missing_units} == {
        tree.base2.name,
        more["extra"].name,
    }
    assert bloc_plan.pk == root.children[0].id
    # scope: base2's officer does not see base1's plan in the tree
    seen = graph.implementation_tree(nq, scoped(Document, users["coso2"]))
    assert seen.total == 1


@pytest.mark.django_db
def test_implementation_tree_query_count_is_per_level(tree):
    nq = add(tree.province, "35-NQ/TW", visible_to_all=True)
    add(tree.bloc, "12-KH/ĐUK", implements="35-NQ/TW")
    add(tree.base1, "3-KH/ĐU", implements="12-KH/ĐUK")
    with CaptureQueriesContext(connection) as small:
        graph.implementation_tree(nq, Document.objects.all())
    for i in range(6):
        unit = Unit.objects.add_child(
            tree.bloc, dict(kind=UnitKind.BASE_ORGANISATION, code=f"B{i}", name=f"Đảng bộ {i}")
        )
        add(unit, f"{i + 10}-KH/ĐU", implements="12-KH/ĐUK")
        add(
            Unit.objects.add_child(
                unit, dict(kind=UnitKind.CELL, code=f"C{i}", name=f"Chi bộ {i}")
            ),
            f"{i}-KH/CB",
            implements=f"{i + 10}-KH/ĐU",
        )
    with CaptureQueriesContext(connection) as big:
        result = graph.implementation_tree(nq, Document.objects.all())
    assert result.total == 14
    assert len(big) == len(small) + 2  # one more level, two queries, whatever the number of nodes


@pytest.mark.django_db
def test_tree_page(tree, client_as):
    nq = add(tree.province, "35-NQ/TW", visible_to_all=True)
    add(tree.bloc, "12-KH/ĐUK", implements="35-NQ/TW")
    page = client_as("khoi").get(f"/tai-lieu/{nq.pk}/cay-thuc-hien/").content.decode()
    assert "12-KH/ĐUK" in page and "chưa ban hành" in page and tree.base1.name in page
    assert date(2020, 1, 1).strftime("%d/%m/%Y") in page
