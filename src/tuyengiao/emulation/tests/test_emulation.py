"""Emulation: scoring and ranking with ties, self-assessment limits, the register's export,
certificates and who may do what."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from tuyengiao.accounts.models import User
from tuyengiao.emulation import services
from tuyengiao.emulation.models import AwardForm, Commendation, Entry, Movement
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.testing import Tree, make_person

pytestmark = pytest.mark.django_db


def _movement(tree: Tree, extra: list[Unit]) -> Movement:
    return services.create_movement(
        tree.bloc,
        "Thi đua thực hiện tốt công tác tuyên giáo",
        2026,
        services.parse_criteria("Nhiệm vụ chính trị | 60\nTuyên truyền | 40"),
        [tree.base1, tree.base2, *extra],
    )


def _base(tree: Tree, name: str) -> Unit:
    unit: Unit = Unit.objects.add_child(
        tree.bloc, dict(kind=UnitKind.BASE_ORGANISATION, code=name[-3:], name=name, short_name="ĐU")
    )
    return unit


def _score(movement: Movement, unit: Unit, a: int, b: int) -> None:
    entry = Entry.objects.get(movement=movement, unit=unit)
    c1, c2 = movement.criteria.all()
    services.self_assess(entry, {str(c1.pk): a, str(c2.pk): b}, "")
    services.score(entry, None, {str(c1.pk): a, str(c2.pk): b})


def test_ranking_with_ties_shares_a_rank_and_skips_the_next(tree: Tree) -> None:
    third = _base(tree, "Đảng bộ Sở Tài chính")
    fourth = _base(tree, "Đảng bộ Sở Xây dựng")
    movement = _movement(tree, [third, fourth])
    _score(movement, tree.base1, 50, 30)  # 80
    _score(movement, tree.base2, 55, 35)  # 90
    _score(movement, third, 60, 20)  # 80
    _score(movement, fourth, 40, 30)  # 70
    ranked = [(r.rank, r.entry.unit.name, r.entry.total) for r in services.ranking(movement)]
    assert ranked == [
        (1, tree.base2.name, 90),
        (2, tree.base1.name, 80),
        (2, "Đảng bộ Sở Tài chính", 80),
        (4, "Đảng bộ Sở Xây dựng", 70),
    ]


def test_all_tied_share_rank_one_and_unscored_are_left_out(tree: Tree) -> None:
    third = _base(tree, "Đảng bộ Sở Tài chính")
    movement = _movement(tree, [third])
    _score(movement, tree.base1, 40, 40)
    _score(movement, tree.base2, 40, 40)
    assert [r.rank for r in services.ranking(movement)] == [1, 1]


def test_points_beyond_the_criterion_and_scoring_before_self_assessment_are_refused(
    tree: Tree,
) -> None:
    movement = _movement(tree, [])
    entry = Entry.objects.get(movement=movement, unit=tree.base1)
    c1, _c2 = movement.criteria.all()
    with pytest.raises(services.EmulationError, match="chưa gửi bản tự chấm"):
        services.score(entry, None, {str(c1.pk): 10})
    with pytest.raises(services.EmulationError, match="phải từ 0 đến 60"):
        services.self_assess(entry, {str(c1.pk): 61}, "")
    with pytest.raises(services.EmulationError, match="Dòng 2"):
        services.parse_criteria("A | 10\nB mười điểm")


def test_self_assessment_and_scoring_pages(
    tree: Tree, client_as: Callable[[str], Client], users: dict[str, User]
) -> None:
    movement = _movement(tree, [])
    entry = Entry.objects.get(movement=movement, unit=tree.base1)
    c1, c2 = movement.criteria.all()
    url = reverse("emulation:entry_detail", kwargs={"entry_pk": entry.pk})
    coso1 = client_as("coso1")
    response = coso1.post(url, {f"c{c1.pk}": "50", f"c{c2.pk}": "45", "note": "Tốt"})
    assert "Tối đa 40 điểm." in response.content.decode()
    assert coso1.post(url, {f"c{c1.pk}": "50", f"c{c2.pk}": "35", "note": "Tốt"}).status_code == 302
    entry.refresh_from_db()
    assert entry.self_total == 85
    score_url = reverse("emulation:entry_score", kwargs={"entry_pk": entry.pk})
    # the unit cannot score itself; the sibling cannot reach it
    assert coso1.post(score_url, {f"c{c1.pk}": "60", f"c{c2.pk}": "40"}).status_code == 403
    assert client_as("coso2").get(url).status_code == 404
    client_as("khoi").post(score_url, {f"c{c1.pk}": "45", f"c{c2.pk}": "30"})
    entry.refresh_from_db()
    assert entry.total == 75
    page = client_as("khoi").get(
        reverse("emulation:movement_detail", kwargs={"movement_pk": movement.pk})
    )
    assert tree.base1.name in page.content.decode()


def test_register_exports_xlsx_per_unit_and_person_with_statistics(
    tree: Tree, client_as: Callable[[str], Client]
) -> None:
    giay_khen = AwardForm.objects.get(name="Giấy khen")
    bang_khen = AwardForm.objects.get(name="Bằng khen")
    person = make_person(tree.cell1, "Nguyễn Thị Lan")
    khoi = client_as("khoi")
    response = khoi.post(
        reverse("emulation:commendation_create"),
        {
            "form": giay_khen.pk,
            "person": person.pk,
            "decision_number": "12-QĐ/ĐUK",
            "decision_date": "2025-12-20",
            "reason": "Hoàn thành xuất sắc nhiệm vụ",
        },
    )
    assert response.status_code == 302
    services.commend(
        issuer=tree.bloc,
        user=None,
        form=bang_khen,
        decision_number="3-QĐ/ĐUK",
        decision_date=date(2026, 1, 15),
        reason="Dẫn đầu phong trào",
        subject_unit=tree.base2,
        person=None,
    )
    missing = khoi.post(
        reverse("emulation:commendation_create"),
        {
            "form": giay_khen.pk,
            "decision_number": "1",
            "decision_date": "2026-01-01",
            "reason": "x",
        },
    )
    assert "Hãy chọn tập thể hoặc cá nhân" in missing.content.decode()
    assert Commendation.objects.count() == 2
    c = Commendation.objects.get(person=person)
    assert c.subject_unit == tree.cell1
    export = khoi.get(reverse("emulation:register") + "?export=xlsx")
    sheet = load_workbook(io.BytesIO(export.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:4] == ("Ngày quyết định", "Số quyết định", "Hình thức", "Cá nhân")
    assert {r[3] or "" for r in rows[1:]} == {"Nguyễn Thị Lan", ""}
    assert {r[4] for r in rows[1:]} == {tree.cell1.name, tree.base2.name}
    page = khoi.get(reverse("emulation:register")).content.decode()
    assert "<svg" in page and "2025" in page and "2026" in page
    # the register per unit: base1's officer sees the cell's person, not base2's commendation
    mine = client_as("coso1").get(reverse("emulation:register")).content.decode()
    assert "Nguyễn Thị Lan" in mine and "Dẫn đầu phong trào" not in mine
    years, series = services.statistics(Commendation.objects.select_related("form"))
    assert years == [2025, 2026]
    assert series == [("Giấy khen", [1, 0]), ("Bằng khen", [0, 1])]
    cert = khoi.get(reverse("emulation:certificate", kwargs={"commendation_pk": c.pk}))
    text = "\n".join(p.text for p in Document(io.BytesIO(cert.content)).paragraphs)
    assert "GIẤY KHEN" in text and "Nguyễn Thị Lan" in text and "12-QĐ/ĐUK" in text
