"""The superior defines a report type through the pages: sections, indicators with validation and
a computed rate, sent to a subtree filtered by kind or to picked units, a year of periods."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.reports.models import Indicator, ReportType, Submission

pytestmark = pytest.mark.django_db


def test_define_and_send_a_report_type(tree: Any, users: Any, client_as: Any) -> None:
    client = client_as("khoi")
    assert client.get(reverse("reports:type_create")).status_code == 200
    response = client.post(
        reverse("reports:type_create"),
        {
            "title": "Báo cáo công tác tuyên giáo quý",
            "period_kind": "quarter",
            "due_day": "15",
            "due_month_offset": "0",
        },
    )
    rt = ReportType.objects.get(title="Báo cáo công tác tuyên giáo quý")
    assert response.status_code == 302 and rt.unit == tree.bloc
    url = reverse("reports:type_detail", kwargs={"report_type_pk": rt.pk})
    add_section = reverse("reports:section_add", kwargs={"report_type_pk": rt.pk})
    add_indicator = reverse("reports:indicator_add", kwargs={"report_type_pk": rt.pk})
    client.post(
        add_section,
        {
            "s-order": "1",
            "s-title": "I. Kết quả",
            "s-guidance": "Nêu kết quả.",
        },
    )
    client.post(
        add_indicator,
        {
            "i-order": "1",
            "i-code": "dv-tong",
            "i-label": "Tổng số đảng viên",
            "i-kind": "number",
            "i-measure": "người",
            "i-required": "on",
            "i-integer": "on",
            "i-aggregate": "sum",
        },
    )
    client.post(
        add_indicator,
        {
            "i-order": "2",
            "i-code": "dv-hoc",
            "i-label": "Đảng viên tham gia học tập",
            "i-kind": "number",
            "i-required": "on",
            "i-aggregate": "sum",
        },
    )
    # a rate without its numerator/denominator is refused, with what was typed kept
    bad = client.post(
        add_indicator,
        {
            "i-order": "3",
            "i-code": "ty-le",
            "i-label": "Tỷ lệ tham gia",
            "i-kind": "rate",
            "i-aggregate": "sum",
        },
    )
    assert (
        bad.status_code == 200
        and "cần chọn chỉ tiêu tử số và mẫu số" in bad.content.decode()
        and 'value="Tỷ lệ tham gia"' in bad.content.decode()
    )
    total, attending = Indicator.objects.get(code="dv-tong"), Indicator.objects.get(code="dv-hoc")
    client.post(
        add_indicator,
        {
            "i-order": "3",
            "i-code": "ty-le",
            "i-label": "Tỷ lệ tham gia",
            "i-kind": "rate",
            "i-aggregate": "sum",
            "i-numerator": attending.pk,
            "i-denominator": total.pk,
        },
    )
    dup = client.post(
        add_indicator,
        {
            "i-order": "4",
            "i-code": "dv-tong",
            "i-label": "Trùng",
            "i-kind": "number",
            "i-aggregate": "sum",
        },
    )
    assert "Mã này đã dùng" in dup.content.decode()
    assert list(rt.indicators.values_list("code", flat=True)) == ["dv-tong", "dv-hoc", "ty-le"]
    client.post(
        reverse("reports:periods_add", kwargs={"report_type_pk": rt.pk}), {"y-year": "2025"}
    )
    # send to every base organisation below the bloc (not the cells)
    send = reverse("reports:type_send", kwargs={"report_type_pk": rt.pk})
    assert client.get(send).status_code == 200
    client.post(send, {"mode": "kind", "kind": "base_org"})
    rt.refresh_from_db()
    assert rt.sent and set(rt.recipients.values_list("unit_id", flat=True)) == {
        tree.base1.pk,
        tree.base2.pk,
    }
    assert Submission.objects.filter(period__report_type=rt).count() == 8  # 2 units × 4 quarters
    # or to picked units: base1 and cell2
    client.post(send, {"mode": "pick", "units": [tree.base1.pk, tree.cell2.pk]})
    assert set(rt.recipients.values_list("unit_id", flat=True)) == {tree.base1.pk, tree.cell2.pk}
    assert not Submission.objects.filter(period__report_type=rt, unit=tree.base2).exists()
    page = client.get(url)
    assert page.status_code == 200 and "Quý IV/2025" in page.content.decode()
    # the officer of base1 finds it in the inbox; a unit outside the tree cannot be picked
    inbox = client_as("coso1").get(reverse("reports:inbox"))
    assert inbox.content.decode().count("Báo cáo công tác tuyên giáo quý") == 4
    client.post(send, {"mode": "pick", "units": [tree.department.pk]})
    assert set(rt.recipients.values_list("unit_id", flat=True)) == {tree.base1.pk, tree.cell2.pk}


def test_dashboard_lists_the_reports_to_submit(tree: Any, users: Any, client_as: Any) -> None:
    from tuyengiao.reports.calendar import generate_year
    from tuyengiao.reports.services.recipients import set_recipients

    rt = ReportType.objects.create(unit=tree.bloc, title="Báo cáo quý", due_day=15)
    generate_year(rt, 2025)
    set_recipients(rt, [tree.base1])
    from django.apps import apps

    config: Any = apps.get_app_config("reports")
    sections = {s.title: s for s in config.dashboard_sections(users["coso1"], date(2026, 1, 10))}
    due = sections["Báo cáo phải nộp"]
    assert due.total == 4 and [i.badge for i in due.items] == ["Chưa nộp (quá hạn)"] * 4
    first = Submission.objects.filter(unit=tree.base1).order_by("period__start").first()
    assert first is not None
    assert due.items[0].url == reverse(
        "reports:submission",
        kwargs={"submission_pk": first.pk},  # type: ignore[union-attr]
    )
    # the bloc sees its units behind: 0 of 1 reported for the last quarter begun
    behind = {s.title: s for s in config.dashboard_sections(users["khoi"], date(2026, 1, 10))}
    item = behind["Báo cáo của đơn vị cấp dưới"].items[0]
    assert "0/1 đơn vị đã báo cáo" in item.text and item.badge == "1 chưa nộp (quá hạn)"
    assert "status=missing" in item.url
    assert client_as("coso1").get("/").status_code == 200
