"""One POST action per view: the type page's deletions, the return that needs a comment, the
reminder's period, the reconcile screen's own text; each bad input gets its message."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from tuyengiao.reports.models import Indicator, IndicatorKind, Section, Status, Submission
from tuyengiao.reports.services.drafts import submit

from .conftest import Setup, form_data

pytestmark = pytest.mark.django_db


def _messages(client: Any, response: Any) -> list[str]:
    return [str(m) for m in client.get(response["Location"]).context["messages"]]


def test_the_type_page_is_read_only_and_each_change_has_its_url(
    forty: Setup, client_as: Any
) -> None:
    s = forty
    bloc = client_as("khoi")
    page = reverse("reports:type_detail", kwargs={"report_type_pk": s.rt.pk})
    assert bloc.post(page, {"action": "section"}).status_code == 405
    section = s.rt.sections.first()
    assert section is not None
    deleted = bloc.post(
        reverse(
            "reports:section_delete",
            kwargs={"report_type_pk": s.rt.pk, "section_pk": section.pk},
        )
    )
    assert deleted.status_code == 302 and not Section.objects.filter(pk=section.pk).exists()
    again = bloc.post(
        reverse(
            "reports:section_delete",
            kwargs={"report_type_pk": s.rt.pk, "section_pk": section.pk},
        )
    )
    assert "Mục này không còn (đã được xóa)." in _messages(bloc, again)
    # an indicator a rate divides by cannot go; the rate itself can
    total = s.ind["total"]
    used = bloc.post(
        reverse(
            "reports:indicator_delete",
            kwargs={"report_type_pk": s.rt.pk, "indicator_pk": total.pk},
        )
    )
    assert "Không xóa được: chỉ tiêu đang được một tỷ lệ tính sử dụng." in _messages(bloc, used)
    assert Indicator.objects.filter(pk=total.pk).exists()
    rate = s.rt.indicators.get(kind=IndicatorKind.RATE)
    bloc.post(
        reverse(
            "reports:indicator_delete",
            kwargs={"report_type_pk": s.rt.pk, "indicator_pk": rate.pk},
        )
    )
    assert not Indicator.objects.filter(pk=rate.pk).exists()
    # a refused edit shows the type page with the form as typed
    bad = bloc.post(
        reverse("reports:type_edit", kwargs={"report_type_pk": s.rt.pk}),
        {"t-title": "Tên mới", "t-period_kind": "quarter", "t-due_day": "40"},
    )
    assert bad.status_code == 200 and "Ngày phải từ 1 đến 31." in bad.content.decode()
    # the officer of a recipient unit changes nothing of the bloc's type
    assert (
        client_as("coso1")
        .post(reverse("reports:section_add", kwargs={"report_type_pk": s.rt.pk}), {"s-order": 1})
        .status_code
        == 404
    )


def test_returning_needs_a_comment(forty: Setup, client_as: Any) -> None:
    s = forty
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    assert submit(sub, form_data(s, 0), sub.version, "t-0", None).ok
    bloc = client_as("khoi")
    response = bloc.post(
        reverse("reports:return_report", kwargs={"submission_pk": sub.pk}), {"comment": "  "}
    )
    assert "Khi trả lại, hãy ghi nhận xét để đơn vị biết cần sửa gì." in _messages(bloc, response)
    sub.refresh_from_db()
    assert sub.status == Status.SUBMITTED


def test_a_reminder_needs_a_period_of_the_list(forty: Setup, client_as: Any) -> None:
    bloc = client_as("khoi")
    response = bloc.post(reverse("reports:matrix_remind"), {"period": "khong-co"})
    assert response.status_code == 302
    assert "Kỳ báo cáo không còn trong danh sách; hãy tải lại." in _messages(bloc, response)
    kept = bloc.post(
        reverse("reports:matrix_remind"), {"period": forty.q1.key, "kind": "", "q": "số 0"}
    )
    assert kept["Location"].endswith(f"?period={forty.q1.key}&q=s%E1%BB%91+0")


def test_reconcile_keeps_a_value_written_on_the_screen(forty: Setup, client_as: Any) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    key = s.ind["total"].key
    response = officer.post(
        reverse("reports:reconcile", kwargs={"submission_pk": sub.pk}),
        {
            "version": "không phải số",  # matches no version: the screen again, nothing lost
            f"mine_{key}": "42",
            f"pick_{key}": "custom",
            f"custom_{key}": "40",
        },
    )
    assert response.status_code == 409 and 'value="42"' in response.content.decode()
    merged = officer.post(
        reverse("reports:reconcile", kwargs={"submission_pk": sub.pk}),
        {
            "version": sub.version,
            f"mine_{key}": "42",
            f"pick_{key}": "custom",
            f"custom_{key}": "40",
        },
    )
    assert merged.status_code == 302
    sub.refresh_from_db()
    assert sub.data[key] == "40"
