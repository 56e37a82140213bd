"""A test quarter with 40 units, 3 late and 5 missing: matrix, reminders and roll-ups; return and
resubmit; the reconcile screen on a concurrent edit; a doubled submission stored once."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.core import mail
from django.urls import reverse

from tuyengiao.reports.models import IndicatorValue, ReportVersion, Status, Submission
from tuyengiao.reports.services.drafts import submit
from tuyengiao.reports.services.rollups import rollup

from .conftest import Setup, form_data, values_for

pytestmark = pytest.mark.django_db

LATE = {5, 12, 30}
MISSING = {7, 8, 21, 33, 39}


def _fill_quarter(s: Setup, on_day: Any) -> None:
    for n, unit in enumerate(s.units):
        if n in MISSING:
            continue
        on_day(date(2025, 3, 20) if n in LATE else date(2025, 3, 10))
        sub = Submission.objects.get(period=s.q1, unit=unit)
        result = submit(sub, form_data(s, n), sub.version, f"tok-{n}", s.officers[unit.pk])
        assert result.ok, result.errors
    on_day(None)


def test_matrix_reminders_and_rollups(forty: Setup, on_day: Any, client_as: Any) -> None:
    s = forty
    _fill_quarter(s, on_day)
    client = client_as("khoi")
    response = client.get(reverse("reports:matrix"), {"period": s.q1.key})
    assert response.status_code == 200
    summary = response.context["summary"]
    assert len(summary) == 1
    counts = summary[0][1]
    assert counts["on_time"] == 32 and counts["late"] == 3 and counts["missing"] == 5
    # filter: only the missing units are listed
    response = client.get(reverse("reports:matrix"), {"period": s.q1.key, "status": "missing"})
    listed = {row["unit"].pk for row in response.context["rows"]}
    assert listed == {s.units[n].pk for n in MISSING}
    response = client.get(reverse("reports:matrix"), {"period": s.q1.key, "status": "late"})
    assert {row["unit"].pk for row in response.context["rows"]} == {s.units[n].pk for n in LATE}
    # paging: 40 rows over 50 per page, one page; the cells carry the right status
    response = client.get(reverse("reports:matrix"), {"period": s.q1.key})
    by_unit = {row["unit"].pk: row["cells"][0][1] for row in response.context["rows"]}
    assert response.context["rows"][0]["cells"][0][3] in (
        "Đúng hạn",
        "Nộp muộn",
        "Chưa nộp (quá hạn)",
    )
    assert len(by_unit) == 40 and response.context["page_obj"].paginator.count == 40
    # a unit of the bloc that is not a recipient is not listed, nor counted
    filtered = client.get(reverse("reports:matrix"), {"period": s.q1.key, "q": "cơ sở số"})
    assert filtered.context["page_obj"].paginator.count == 38
    assert all(
        by_unit[s.units[n].pk]
        == ("missing" if n in MISSING else "late" if n in LATE else "on_time")
        for n in range(40)
    )
    # xlsx export of the same rows
    export = client.get(reverse("reports:matrix"), {"period": s.q1.key, "export": "xlsx"})
    assert export.status_code == 200 and export["Content-Type"].startswith(
        "application/vnd.openxml"
    )

    # reminders: to the officers of the 5 missing units only
    mail.outbox.clear()
    response = client.post(reverse("reports:matrix_remind"), {"period": s.q1.key})
    assert response.status_code == 302
    recipients = sorted(addr for m in mail.outbox for addr in m.to)
    assert recipients == sorted(s.officers[s.units[n].pk].email for n in MISSING)
    assert all("Nhắc nộp" in m.subject and "quá hạn" in m.body for m in mail.outbox)

    # roll-ups over the bloc's subtree, computed here from the figures we typed
    reported = [n for n in range(40) if n not in MISSING]
    total = sum(values_for(n)["total"] for n in reported)
    attending = sum(values_for(n)["attending"] for n in reported)
    sessions = sum(values_for(n)["sessions"] for n in reported)
    satisfaction = sum(values_for(n)["satisfaction"] for n in reported) / len(reported)
    with_plan = sum(1 for n in reported if values_for(n)["plan"] == "có")
    r = rollup(s.q1, s.rt.unit)
    got = {row.indicator.code: row.value for row in r.total}
    assert got["dv-tong"] == total and got["dv-hoc"] == attending and got["buoi"] == sessions
    assert got["hai-long"] == pytest.approx(satisfaction)
    assert got["co-ke-hoach"] == with_plan
    assert got["ty-le-hoc"] == pytest.approx(100 * attending / total)  # Σ numerator ÷ Σ denominator
    assert r.submitted == 35 and r.expected == 40
    # drill-down: one row per reporting child; each child's figures are its own
    assert len(r.children) == 35
    child = dict((c.pk, rows) for c, rows in r.children)
    first = child[s.units[0].pk]
    assert [x.value for x in first if x.indicator.code == "dv-tong"] == [values_for(0)["total"]]
    page = client.get(reverse("reports:rollup", kwargs={"period_pk": s.q1.pk}))
    assert page.status_code == 200 and "<svg" in page.content.decode()
    drill = client.get(
        reverse("reports:rollup", kwargs={"period_pk": s.q1.pk}), {"unit": s.units[0].pk}
    )
    assert drill.context["r"].total[0].value == values_for(0)["total"]


def test_rollup_queries_are_constant(
    forty: Setup, on_day: Any, django_assert_max_num_queries: Any
) -> None:
    _fill_quarter(forty, on_day)
    # indicators, the reorganisations after the period (orgs.history), numbers, texts, children,
    # counts
    with django_assert_max_num_queries(6):
        r = rollup(forty.q1, forty.rt.unit)
        assert len(r.children) == 35


def test_returned_report_is_corrected_and_resubmitted(forty: Setup, client_as: Any) -> None:
    s = forty
    officer, bloc = client_as("coso1"), client_as("khoi")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    url = reverse("reports:submission", kwargs={"submission_pk": sub.pk})
    page = officer.get(url)
    data = form_data(s, 0) | {
        "version": page.context["sub"].version,
        "token": page.context["token"],
    }
    assert (
        officer.post(reverse("reports:submit", kwargs={"submission_pk": sub.pk}), data).status_code
        == 302
    )
    sub.refresh_from_db()
    assert sub.status == Status.SUBMITTED
    # read-only while submitted: no inputs, and a save is refused
    page = officer.get(url)
    assert (
        page.context["can_edit"] is False
        and f'name="{s.ind["total"].key}"' not in page.content.decode()
    )
    officer.post(
        reverse("reports:autosave", kwargs={"submission_pk": sub.pk}),
        {s.ind["total"].key: "999", "version": sub.version},
    )
    sub.refresh_from_db()
    assert sub.data[s.ind["total"].key] == "20"
    # the unit cannot review its own report; the bloc returns it with a comment
    assert (
        officer.post(reverse("reports:accept_report", kwargs={"submission_pk": sub.pk})).status_code
        == 403
    )
    bloc.post(
        reverse("reports:return_report", kwargs={"submission_pk": sub.pk}),
        {"comment": "Số đảng viên chưa khớp."},
    )
    sub.refresh_from_db()
    assert (
        sub.status == Status.RETURNED and not IndicatorValue.objects.filter(submission=sub).exists()
    )
    # the superior reviews but does not type into the unit's form
    assert bloc.get(url).context["can_edit"] is False
    assert (
        bloc.post(
            reverse("reports:autosave", kwargs={"submission_pk": sub.pk}),
            {s.ind["total"].key: "1", "version": sub.version},
        ).status_code
        == 403
    )
    # the officer sees the comment, corrects and resubmits
    page = officer.get(url)
    assert "Số đảng viên chưa khớp." in page.content.decode() and page.context["can_edit"]
    data = form_data(s, 0) | {
        s.ind["total"].key: "25",
        "version": page.context["sub"].version,
        "token": page.context["token"],
    }
    officer.post(reverse("reports:submit", kwargs={"submission_pk": sub.pk}), data)
    sub.refresh_from_db()
    assert sub.status == Status.SUBMITTED
    assert IndicatorValue.objects.get(submission=sub, indicator=s.ind["total"]).value == 25
    bloc.post(
        reverse("reports:accept_report", kwargs={"submission_pk": sub.pk}),
        {"comment": "Đạt."},
    )
    sub.refresh_from_db()
    assert sub.status == Status.ACCEPTED
    # every version is kept
    versions = list(sub.versions.order_by("number").values_list("action", "data"))
    assert [a for a, _ in versions] == ["submit", "return", "submit", "accept"]
    assert versions[0][1][s.ind["total"].key] == "20" and versions[2][1][s.ind["total"].key] == "25"


def test_concurrent_edit_shows_reconcile_screen(
    forty: Setup, client_as: Any, users: dict[str, Any]
) -> None:
    from tuyengiao.testing import logged_in_client, make_user

    s = forty
    other = logged_in_client(make_user("coso1b", s.units[0], "officer"))
    first = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    save = reverse("reports:autosave", kwargs={"submission_pk": sub.pk})
    v_first = (
        first.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
        .context["sub"]
        .version
    )
    v_other = (
        other.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
        .context["sub"]
        .version
    )
    key = s.ind["total"].key
    sec = s.rt.sections.first().key  # type: ignore[union-attr]
    # the other officer saves first (autosave via htmx)
    r1 = other.post(
        save, {key: "31", sec: "Bản của cán bộ B", "version": v_other}, HTTP_HX_REQUEST="true"
    )
    assert r1.status_code == 200 and "Đã lưu nháp" in r1.content.decode()
    assert 'hx-swap-oob="true"' in r1.content.decode()  # new version and the recomputed rate
    # the first officer's autosave, made on the old version, gets the reconcile fragment
    r2 = first.post(
        save, {key: "42", sec: "Bản của cán bộ A", "version": v_first}, HTTP_HX_REQUEST="true"
    )
    body = r2.content.decode()
    assert r2["HX-Retarget"] == "#reconcile"
    assert "đối chiếu" in body and "Bản của cán bộ A" in body and "Bản của cán bộ B" in body
    sub.refresh_from_db()
    assert sub.data[key] == "31"  # not overwritten
    # without htmx: the full reconcile page (409)
    r3 = first.post(save, {key: "42", sec: "Bản của cán bộ A", "version": v_first})
    assert r3.status_code == 409 and "Bản của cán bộ B" in r3.content.decode()
    # a submit on the stale version is not applied either
    r4 = first.post(
        reverse("reports:submit", kwargs={"submission_pk": sub.pk}),
        form_data(s, 0) | {"version": v_first, "token": "x1"},
    )
    assert r4.status_code == 409
    sub.refresh_from_db()
    assert sub.status == Status.DRAFT
    # choosing field by field: my number, their text
    merge = {
        "version": sub.version,
        f"mine_{key}": "42",
        f"pick_{key}": "mine",
        f"mine_{sec}": "Bản của cán bộ A",
        f"pick_{sec}": "theirs",
    }
    assert (
        first.post(
            reverse("reports:reconcile", kwargs={"submission_pk": sub.pk}), merge
        ).status_code
        == 302
    )
    sub.refresh_from_db()
    assert sub.data[key] == "42" and sub.data[sec] == "Bản của cán bộ B"
    assert sub.versions.filter(action="merge").count() == 1


def test_own_autosave_in_flight_is_not_a_conflict(forty: Setup, client_as: Any) -> None:
    """The submit of a form whose own autosave landed meanwhile (same render token) goes through."""
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    page = officer.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    version, token = page.context["sub"].version, page.context["token"]
    key = s.ind["total"].key
    officer.post(
        reverse("reports:autosave", kwargs={"submission_pk": sub.pk}),
        {key: "20", "version": version, "token": token},
        HTTP_HX_REQUEST="true",
    )
    response = officer.post(
        reverse("reports:submit", kwargs={"submission_pk": sub.pk}),
        form_data(s, 0) | {"version": version, "token": token},
    )
    assert response.status_code == 302
    sub.refresh_from_db()
    assert sub.status == Status.SUBMITTED


def test_doubled_submission_is_stored_once(forty: Setup, client_as: Any) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    page = officer.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    data = form_data(s, 0) | {
        "version": page.context["sub"].version,
        "token": page.context["token"],
    }
    url = reverse("reports:submit", kwargs={"submission_pk": sub.pk})
    first = officer.post(url, data)
    second = officer.post(url, data)  # the same request arriving again (double click, retry)
    assert first.status_code == 302 and second.status_code == 302
    assert ReportVersion.objects.filter(submission=sub, action="submit").count() == 1
    assert IndicatorValue.objects.filter(submission=sub).count() == 6  # the input indicators, once
    assert ReportVersion.objects.filter(token=page.context["token"]).count() == 1


def test_validation_error_keeps_what_was_typed(forty: Setup, client_as: Any) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    page = officer.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    data = form_data(s, 0) | {
        s.ind["sessions"].key: "mười hai",
        s.ind["total"].key: "12,5",
        "version": page.context["sub"].version,
        "token": page.context["token"],
    }
    response = officer.post(reverse("reports:submit", kwargs={"submission_pk": sub.pk}), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert 'value="mười hai"' in body and "không phải là số" in body and "Phải là số nguyên" in body
    sub.refresh_from_db()
    assert (
        sub.status == Status.DRAFT and sub.data[s.ind["sessions"].key] == "mười hai"
    )  # saved as draft
    assert not IndicatorValue.objects.filter(submission=sub).exists()


def test_attachment_upload_and_download(forty: Setup, client_as: Any) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    officer = client_as("coso1")
    sub = Submission.objects.get(period=forty.q1, unit=forty.units[0])
    officer.post(
        reverse("reports:attach", kwargs={"submission_pk": sub.pk}),
        {"file": SimpleUploadedFile("minh-chung.pdf", b"%PDF-1.4 test")},
    )
    att = sub.attachments.get()
    response = officer.get(reverse("reports:attachment", kwargs={"attachment_pk": att.pk}))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"%PDF-1.4 test"  # type: ignore[attr-defined]
    assert (
        client_as("coso2")
        .get(reverse("reports:attachment", kwargs={"attachment_pk": att.pk}))
        .status_code
        == 404
    )


def test_rollup_follows_a_moved_unit(
    forty: Setup, on_day: Any, tree: Any, django_capture_on_commit_callbacks: Any
) -> None:
    """Moving a unit refreshes the roll-up table's copies of paths by itself (a background task
    started when the move commits); ``reports_resync_paths`` stays for repairs."""
    from tuyengiao.orgs.models import Unit

    _fill_quarter(forty, on_day)
    moved = Unit.objects.get(pk=forty.units[0].pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Unit.objects.move(
            Unit.objects.get(pk=moved.pk), Unit.objects.get(pk=tree.base2.pk), pos="sorted-child"
        )
    assert len(callbacks) == 1  # one move, one refresh
    base2 = Unit.objects.get(pk=tree.base2.pk)
    r = rollup(forty.q1, base2, with_children=True)
    assert [c.pk for c, _ in r.children] == [moved.pk]
    assert r.total[0].value == values_for(0)["total"] + values_for(1)["total"]


def test_resync_command_repairs_stale_paths(forty: Setup, on_day: Any, tree: Any) -> None:
    """``reports_resync_paths`` re-copies every stale path (for repairs after edits outside the
    tree API, which send no signal)."""
    from django.core.management import call_command

    from tuyengiao.reports.models import IndicatorValue

    _fill_quarter(forty, on_day)
    values = IndicatorValue.objects.filter(submission__unit=forty.units[0])
    expected = forty.units[0].path
    assert values.exists()
    values.update(unit_path="9999")
    call_command("reports_resync_paths", verbosity=0)
    assert set(values.values_list("unit_path", flat=True)) == {expected}
