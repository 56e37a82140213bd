"""Roll-ups over the tree: by child unit, kind, month, topic and place, in a constant number of
queries; the page with its charts, drill-down and export; the dashboard section."""

from __future__ import annotations

import io
from datetime import date, timedelta
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tuyengiao.activities.dashboard import sections
from tuyengiao.activities.models import ActivityKind
from tuyengiao.activities.services import rollups
from tuyengiao.activities.testing import make_activity
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def _kind(name: str) -> ActivityKind:
    return ActivityKind.objects.get(name=name)


def _fill(tree: Tree, year: int) -> None:
    talk, show = _kind("Nói chuyện chuyên đề"), _kind("Triển lãm")
    make_activity(tree.bloc, kind=talk, topic="Quốc khánh", held_on=date(year, 3, 5), reached=500)
    make_activity(
        tree.base1, kind=talk, topic="Quốc khánh", held_on=date(year, 3, 9), reached=100,
        commune="Phường Hải Châu", district="",
    )  # fmt: skip
    make_activity(
        tree.cell1, kind=show, topic="Biển đảo", held_on=date(year, 4, 1), reached=30,
        commune="Phường Hải Châu",
    )  # fmt: skip
    make_activity(
        tree.base2, kind=show, topic="Quốc khánh", held_on=date(year, 4, 20), reached=70,
        commune="Xã Hòa Vang", district="Huyện Hòa Vang",
    )  # fmt: skip
    make_activity(tree.base2, kind=talk, topic="Ngoài kỳ", held_on=date(year, 7, 1), reached=9)
    make_activity(tree.department, kind=talk, topic="Khác nhánh", held_on=date(year, 3, 5))


def test_the_rollup_at_the_bloc(tree: Tree) -> None:
    year = timezone.localdate().year - 1
    _fill(tree, year)
    window = rollups.Window(tree.bloc, date(year, 3, 1), date(year, 4, 30))
    with CaptureQueriesContext(connection) as queries:
        r = rollups.rollup(window)
    assert len(queries) <= 9  # constant: no query per unit or per activity
    assert (r.totals.count, r.totals.reached) == (4, 700)
    rows = {row.label: (row.count, row.reached) for row in r.by_child}
    assert rows == {
        "Trực thuộc Đảng ủy Khối các cơ quan tỉnh": (1, 500),
        "Đảng bộ Sở Thông tin và Truyền thông": (2, 130),
        "Đảng bộ Sở Y tế": (1, 70),
    }
    assert r.coverage_text == "2/2 đơn vị trực thuộc có hoạt động được ghi nhận"
    assert [(k.label, k.count, k.reached) for k in r.by_kind] == [
        ("Nói chuyện chuyên đề", 2, 600),
        ("Triển lãm", 2, 100),
    ]
    assert [(m.label, m.count) for m in r.by_month] == [(f"03/{year}", 2), (f"04/{year}", 2)]
    assert [(t.label, t.count) for t in r.by_topic] == [("Quốc khánh", 3), ("Biển đảo", 1)]
    assert [(p.label, p.count, p.reached) for p in r.by_place] == [
        ("Phường Hải Châu", 2, 130),
        ("Xã Hòa Vang — Huyện Hòa Vang", 1, 70),
    ]
    only_shows = rollups.rollup(
        rollups.Window(tree.bloc, date(year, 3, 1), date(year, 4, 30), kind=_kind("Triển lãm"))
    )
    assert (only_shows.totals.count, only_shows.totals.reached) == (2, 100)
    assert rollups.totals(tree.base1, date(year, 1, 1), date(year, 12, 31)).count == 2


def test_a_unit_moved_later_still_counts_where_it_was(
    tree: Tree, django_capture_on_commit_callbacks: Any
) -> None:
    """After a move, a past window rolls up under the tree of its time (orgs.history), and the
    stored path copies follow the unit (orgs.path_copies)."""
    from tuyengiao.orgs.reorganisation import Change, apply

    year = timezone.localdate().year - 1
    _fill(tree, year)
    commune = Unit.objects.add_child(
        Unit.objects.get(pk=tree.province.pk),
        dict(kind=UnitKind.PARTY_COMMITTEE, code="XA", name="Đảng ủy xã", short_name="ĐU"),
    )
    with django_capture_on_commit_callbacks(execute=True):
        apply(
            Change(
                kind="move",
                date=date(year + 1, 1, 1),
                sources=[Unit.objects.get(pk=tree.base2.pk)],
                new_parent=commune,
            )
        )
    base2 = Unit.objects.get(pk=tree.base2.pk)
    assert set(base2.activities.values_list("unit_path", flat=True)) == {base2.path}
    bloc = Unit.objects.get(pk=tree.bloc.pk)
    t = rollups.totals(bloc, date(year, 3, 1), date(year, 4, 30))
    assert (t.count, t.reached) == (4, 700)  # last year's bloc still holds base2
    rows, _, children = rollups.by_child(rollups.Window(bloc, date(year, 3, 1), date(year, 4, 30)))
    assert ("Đảng bộ Sở Y tế", 1) in [(r.label, r.count) for r in rows] and children == 2
    assert (
        rollups.totals(Unit.objects.get(pk=commune.pk), date(year, 3, 1), date(year, 4, 30)).count
        == 0
    )


def test_the_page_draws_charts_drills_down_and_exports(tree: Tree, client_as: Any) -> None:
    year = timezone.localdate().year - 1
    _fill(tree, year)
    client = client_as("khoi")
    url = reverse("activities:rollup")
    params = {"start": f"01/03/{year}", "end": f"30/04/{year}"}
    html = client.get(url, params).content.decode()
    assert '<strong id="total-count">4</strong>' in html
    assert html.count("<svg") >= 4 and "Phường Hải Châu" in html
    assert f"unit={tree.base1.pk}" in html
    html = client.get(url, {**params, "unit": tree.base1.pk}).content.decode()
    assert '<strong id="total-count">2</strong>' in html and "Chi bộ Văn phòng Sở TTTT" in html
    # a base's officer cannot roll up its sibling
    html = client_as("coso1").get(url, {**params, "unit": tree.base2.pk}).content.decode()
    assert "không thuộc phạm vi" in html and "total-count" not in html
    response = client.get(url, {**params, "export": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Đơn vị", "Số hoạt động", "Số người được tuyên truyền")
    assert ("Đảng bộ Sở Y tế", 1, 70) in rows


def test_the_dashboard_tells_the_bloc_which_units_are_silent(tree: Tree, users: Any) -> None:
    today = timezone.localdate()
    make_activity(tree.base1, held_on=today - timedelta(days=3), reached=80)
    own, behind = sections(users["khoi"], today)
    assert "1 hoạt động, 80 lượt người" in own.items[0].text
    assert behind.behind and behind.items[0].text.startswith("1/2 đơn vị trực thuộc chưa ghi")
    base_sections = sections(users["coso1"], today)
    assert base_sections[0].items[-1].text == "Ghi hoạt động mới"
    # Its cell records through it: a base organisation is not told its cells are silent.
    assert len(base_sections) == 1
    assert sections(users["viewer1"], today)[0].title == "Hoạt động tuyên truyền"
    assert "Ghi hoạt động mới" not in [i.text for i in sections(users["viewer1"], today)[0].items]
