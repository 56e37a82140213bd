"""Autosaves of one page overtaking each other on the network: each carries the page's save
sequence number, and an older save arriving after a newer one is dropped (409) instead of
overwriting it; another person's or tab's save still leads to the reconcile screen."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tuyengiao.reports.models import Status, Submission

from .conftest import Setup, form_data

pytestmark = pytest.mark.django_db


def _page(client: Client, sub: Submission) -> tuple[int, str]:
    page = client.get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
    return page.context["sub"].version, page.context["token"]


def test_an_older_autosave_arriving_late_does_not_overwrite_a_newer_one(
    forty: Setup, client_as: Any
) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    version, token = _page(officer, sub)
    sec = s.rt.sections.first().key  # type: ignore[union-attr]
    save = reverse("reports:autosave", kwargs={"submission_pk": sub.pk})
    # both sent on the same version (the first answer had not come back); the second lands first
    newer = officer.post(
        save,
        {sec: "Kết quả ab", "version": version, "token": token, "seq": "2"},
        HTTP_HX_REQUEST="true",
    )
    assert newer.status_code == 200 and "Đã lưu nháp" in newer.content.decode()
    older = officer.post(
        save,
        {sec: "Kết quả a", "version": version, "token": token, "seq": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert older.status_code == 409 and older["X-Autosave"] == "superseded"
    assert "HX-Retarget" not in older  # not the reconcile screen: nothing to reconcile
    sub.refresh_from_db()
    assert sub.data[sec] == "Kết quả ab" and sub.last_seq == 2 and sub.last_token == token
    # the same number again (a retried request) is dropped too; the next one is stored
    again = officer.post(
        save,
        {sec: "Kết quả a", "version": version, "token": token, "seq": "2"},
        HTTP_HX_REQUEST="true",
    )
    assert again.status_code == 409
    later = officer.post(
        save,
        {sec: "Kết quả abc", "version": version, "token": token, "seq": "3"},
        HTTP_HX_REQUEST="true",
    )
    assert later.status_code == 200
    sub.refresh_from_db()
    assert sub.data[sec] == "Kết quả abc" and sub.last_seq == 3


def test_a_late_autosave_after_the_page_submitted_its_draft(forty: Setup, client_as: Any) -> None:
    """A submit refused for invalid values stores the draft with its number: an autosave of the
    same page numbered before it, arriving later, does not undo what the submit stored."""
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    version, token = _page(officer, sub)
    key = s.ind["sessions"].key
    refused = officer.post(
        reverse("reports:submit", kwargs={"submission_pk": sub.pk}),
        form_data(s, 0) | {key: "mười hai", "version": version, "token": token, "seq": "5"},
    )
    assert refused.status_code == 422
    late = officer.post(
        reverse("reports:autosave", kwargs={"submission_pk": sub.pk}),
        {key: "mười", "version": version, "token": token, "seq": "4"},
    )
    # without htmx: back to the page, told why
    assert late.status_code == 302
    messages = [str(m) for m in officer.get(late["Location"]).context["messages"]]
    assert any("lần lưu mới hơn" in m for m in messages)
    sub.refresh_from_db()
    assert sub.data[key] == "mười hai" and sub.status == Status.DRAFT


def test_another_tab_still_gets_the_reconcile_screen(forty: Setup, client_as: Any) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    version, first_tab = _page(officer, sub)
    _version, second_tab = _page(officer, sub)
    key = s.ind["total"].key
    save = reverse("reports:autosave", kwargs={"submission_pk": sub.pk})
    officer.post(
        save,
        {key: "31", "version": version, "token": second_tab, "seq": "9"},
        HTTP_HX_REQUEST="true",
    )
    other = officer.post(
        save,
        {key: "42", "version": version, "token": first_tab, "seq": "1"},
        HTTP_HX_REQUEST="true",
    )
    assert other["HX-Retarget"] == "#reconcile" and "đối chiếu" in other.content.decode()
    sub.refresh_from_db()
    assert sub.data[key] == "31"


def test_a_malformed_sequence_is_refused_with_what_was_typed_kept(
    forty: Setup, client_as: Any
) -> None:
    s = forty
    officer = client_as("coso1")
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    version, token = _page(officer, sub)
    key = s.ind["total"].key
    save = reverse("reports:autosave", kwargs={"submission_pk": sub.pk})
    data = {key: "77", "version": version, "token": token, "seq": "-1"}
    htmx = officer.post(save, data, HTTP_HX_REQUEST="true")
    assert htmx.status_code == 400 and "Số thứ tự lần lưu không hợp lệ" in htmx.content.decode()
    plain = officer.post(save, data | {"seq": "abc"})
    body = plain.content.decode()
    assert plain.status_code == 400 and "Số thứ tự lần lưu không hợp lệ" in body
    assert 'value="77"' in body  # what was typed is on the page again
    sub.refresh_from_db()
    assert sub.data.get(key, "") == "" and sub.version == version


def test_the_page_numbers_its_saves(forty: Setup, client_as: Any) -> None:
    s = forty
    sub = Submission.objects.get(period=s.q1, unit=s.units[0])
    body = (
        client_as("coso1")
        .get(reverse("reports:submission", kwargs={"submission_pk": sub.pk}))
        .content.decode()
    )
    assert 'name="seq" id="seq" value="0"' in body and "reports/submission.js" in body
