"""Fixtures of the reports tests: a bloc quarterly report type sent to 40 base organisations."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

import pytest

from tuyengiao.accounts.models import Role, User
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.reports.calendar import generate_year
from tuyengiao.reports.models import Indicator, IndicatorKind, Period, ReportType, Section
from tuyengiao.reports.services.recipients import set_recipients
from tuyengiao.testing import Tree, make_user

YEAR = 2025


@dataclass
class Setup:
    rt: ReportType
    q1: Period
    units: list[Unit]
    ind: dict[str, Indicator]
    officers: dict[int, User]


def make_type(owner: Unit, units: list[Unit]) -> tuple[ReportType, dict[str, Indicator]]:
    rt = ReportType.objects.create(
        unit=owner, title="Báo cáo công tác tuyên giáo quý", due_day=15, due_month_offset=0
    )
    Section.objects.create(
        report_type=rt, order=1, title="I. Kết quả thực hiện", guidance="Nêu kết quả nổi bật."
    )
    Section.objects.create(report_type=rt, order=2, title="II. Hạn chế, nguyên nhân")
    ind = {
        "total": Indicator.objects.create(
            report_type=rt,
            order=1,
            code="dv-tong",
            label="Tổng số đảng viên",
            measure="người",
            min_value=0,
        ),
        "attending": Indicator.objects.create(
            report_type=rt,
            order=2,
            code="dv-hoc",
            label="Đảng viên tham gia học tập",
            measure="người",
            min_value=0,
        ),
        "sessions": Indicator.objects.create(
            report_type=rt,
            order=3,
            code="buoi",
            label="Số buổi sinh hoạt chuyên đề",
            measure="buổi",
            min_value=0,
            max_value=100,
        ),
        "satisfaction": Indicator.objects.create(
            report_type=rt,
            order=4,
            code="hai-long",
            label="Tỷ lệ hài lòng",
            kind=IndicatorKind.PERCENT,
            integer=False,
        ),
        "plan": Indicator.objects.create(
            report_type=rt,
            order=5,
            code="co-ke-hoach",
            label="Có kế hoạch thực hiện",
            kind=IndicatorKind.BOOL,
        ),
        "note": Indicator.objects.create(
            report_type=rt,
            order=7,
            code="ghi-chu",
            label="Ghi chú",
            kind=IndicatorKind.TEXT,
            required=False,
        ),
    }
    ind["rate"] = Indicator.objects.create(
        report_type=rt,
        order=6,
        code="ty-le-hoc",
        label="Tỷ lệ đảng viên tham gia học tập",
        kind=IndicatorKind.RATE,
        numerator=ind["attending"],
        denominator=ind["total"],
    )
    generate_year(rt, YEAR)
    set_recipients(rt, units)
    return rt, ind


@pytest.fixture
def forty(tree: Tree, users: dict[str, User]) -> Setup:
    units = [tree.base1, tree.base2]
    for n in range(3, 41):
        units.append(
            Unit.objects.add_child(
                tree.bloc,
                dict(
                    kind=UnitKind.BASE_ORGANISATION,
                    code=f"DB-{n:02d}",
                    name=f"Đảng bộ cơ sở số {n:02d}",
                    short_name="ĐU",
                ),
            )
        )
    units = [Unit.objects.get(pk=u.pk) for u in units]
    officers = {}
    for i, u in enumerate(units):
        if u == tree.base1:
            officers[u.pk] = users["coso1"]
        elif u == tree.base2:
            officers[u.pk] = users["coso2"]
        else:
            officers[u.pk] = make_user(f"canbo{i:02d}", u, Role.OFFICER)
        officers[u.pk].email = f"canbo{i:02d}@example.vn"
        officers[u.pk].save()
    rt, ind = make_type(Unit.objects.get(pk=tree.bloc.pk), units)
    q1 = rt.periods.get(index=1)
    return Setup(rt, q1, units, ind, officers)


def values_for(n: int) -> dict[str, Any]:
    """Deterministic figures of the n-th unit."""
    return {
        "total": 20 + n,
        "attending": 15 + n // 2,
        "sessions": 1 + n % 4,
        "satisfaction": 80 + n % 7 + 0.5,
        "plan": "có" if n % 3 else "không",
    }


def form_data(s: Setup, n: int) -> dict[str, str]:
    v = values_for(n)
    data = {s.ind[k].key: str(v[k]).replace(".", ",") for k in v}
    data[s.rt.sections.first().key] = f"Kết quả của đơn vị {n}"  # type: ignore[union-attr]
    return data


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Freeze timezone.localdate() at a given day (for on-time / late submissions)."""
    from django.utils import timezone

    real = timezone.localdate

    def set_day(day: date | None) -> None:
        if day is None:
            monkeypatch.setattr(timezone, "localdate", real)
        else:
            monkeypatch.setattr(timezone, "localdate", lambda *a, **k: day)

    return set_day
