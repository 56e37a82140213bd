"""A person's data in one place: the export holds every row of every model that points at the
person (found by scanning every foreign key to orgs.Person and accounts.User, so a model added
later is checked too), with the person's files; erasure leaves nothing in the tables declared
erasable and keeps the declared facts; the purge removes what expired and nothing else."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import timedelta
from typing import Any

import pytest
from auditlog.models import LogEntry
from django.apps import apps
from django.db.models import Q
from django.utils import timezone
from docx import Document

from tuyengiao.core.models import Job
from tuyengiao.orgs.models import Person, PersonTransfer
from tuyengiao.privacy.erasure import erase_person, purge_expired
from tuyengiao.privacy.records import export_docx, export_zip
from tuyengiao.privacy.registry import Erasure, by_model, declarations, model_of, person_links
from tuyengiao.study.models import AttemptAnswer, Attendance, Essay, TestAttempt

pytestmark = pytest.mark.django_db


def _rows_pointing_at(person: Person) -> dict[str, set[int]]:
    """Every row of every model with a relation to the person or to their user account."""
    user_ids = list(
        apps.get_model("accounts", "User")
        .objects.filter(person=person)
        .values_list("pk", flat=True)
    )
    found: dict[str, set[int]] = {}
    for link in person_links():
        model = apps.get_model(link.model)
        if link.target == "orgs.Person":
            q = Q(**{link.field: person.pk})
        else:
            q = Q(**{f"{link.field}__in": user_ids})
        pks = set(model._default_manager.filter(q).values_list("pk", flat=True))
        if pks:
            found.setdefault(link.model, set()).update(pks)
    found.setdefault("orgs.Person", set()).add(person.pk)
    return found


def _archive(person: Person) -> tuple[dict[str, Any], zipfile.ZipFile]:
    archive = zipfile.ZipFile(io.BytesIO(export_zip(person)))
    return json.loads(archive.read("du-lieu.json")), archive


def test_export_holds_every_row_that_points_at_the_person(member: Any) -> None:
    data, archive = _archive(member.person)
    exported: dict[str, set[int]] = {}
    for section in data["du_lieu"]:
        exported.setdefault(section["bang"], set()).update(r["id"] for r in section["ban_ghi"])
    expected = _rows_pointing_at(member.person)
    assert {
        "study.Essay",
        "study.Attendance",
        "study.TestAttempt",
        "core.Job",
        "privacy.DataRequest",
        "orgs.PersonTransfer",
        "accounts.User",
    } <= set(expected)
    for model, pks in expected.items():
        assert pks <= exported.get(model, set()), (model, pks - exported.get(model, set()))
    # answers reached through the attempt, and the files: the essay and the uploaded sheet
    answers = set(
        AttemptAnswer.objects.filter(attempt__person=member.person).values_list("pk", flat=True)
    )
    assert answers and answers <= exported["study.AttemptAnswer"]
    names = archive.namelist()
    assert any(n.startswith("tep/study.Essay/") and n.endswith("bai.pdf") for n in names)
    assert any(n.startswith("tep/core.Job/") for n in names)
    essay_file = next(n for n in names if n.startswith("tep/study.Essay/"))
    assert archive.read(essay_file) == b"%PDF-1.4 bai"
    # nothing of the other member
    text = json.dumps(data, ensure_ascii=False)
    assert "Trần Văn Khác" not in text and "Bài của người khác" not in text
    assert "rieng@example.vn" in text and "Bài thu hoạch riêng tư" in text


def test_docx_export_is_readable(member: Any) -> None:
    doc = Document(io.BytesIO(export_docx(member.person)))
    text = "\n".join(p.text for p in doc.paragraphs)
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "Dữ liệu cá nhân của Nguyễn Thị Riêng" in text
    assert "Bài thu hoạch riêng tư" in cells and "0912345678" in cells


def test_erasure_leaves_no_trace_in_erasable_tables_and_keeps_the_facts(
    member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    person = member.person
    essay_file = member.essay.file.name
    storage = member.essay.file.storage
    assert storage.exists(essay_file)
    with_person = _rows_pointing_at(person)
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        report = erase_person(person)
    person.refresh_from_db()
    # erasable tables: no row about the person is left
    for d in declarations():
        if d.erasure == Erasure.ERASE and d.person_paths:
            q = Q()
            for path in d.person_paths:
                q |= Q(**{path: person.pk})
            assert not model_of(d)._default_manager.filter(q).exists(), d.model
    assert not storage.exists(essay_file)
    assert not Job.objects.filter(pk=member.job.pk).exists()
    assert not AttemptAnswer.objects.filter(attempt__person=person).exists()
    # anonymised fields: gone from the person, the account and the audit trail
    assert (person.email, person.phone) == ("", "")
    member.user.refresh_from_db()
    assert member.user.email == "" and member.user.username.startswith("da-xoa-")
    assert not member.user.is_active and not member.user.has_usable_password()
    for entry in LogEntry.objects.all():
        assert "rieng@example.vn" not in json.dumps(entry.changes or {}, ensure_ascii=False)
        assert "0912345678" not in json.dumps(entry.changes or {}, ensure_ascii=False)
    # the declared party-record facts stay, with the reason in the report
    assert person.full_name == "Nguyễn Thị Riêng" and person.party_admission_date is not None
    assert PersonTransfer.objects.filter(person=person).exists()
    assert Attendance.objects.filter(person=person).exists()
    assert TestAttempt.objects.filter(person=person, score__isnull=False).exists()
    kept = {line.model: line for line in report.lines if line.action == "giữ lại"}
    assert kept["study.Attendance"].reason == by_model()["study.Attendance"].keep_reason
    assert "orgs.PersonTransfer" in kept
    # the other member is untouched
    assert Essay.objects.filter(person=member.other).exists()
    assert Person.objects.get(pk=member.other.pk).email == "khac@example.vn"
    assert with_person["study.Essay"]  # the fixture did hold an essay


def test_purge_removes_expired_essays_and_signin_files_and_nothing_else(
    member: Any, django_capture_on_commit_callbacks: Any
) -> None:
    now = timezone.now()
    old = now - timedelta(days=800)
    Essay.objects.filter(pk=member.essay.pk).update(submitted_at=old)
    Job.objects.filter(pk=member.job.pk).update(created_at=now - timedelta(days=40))
    job_file = member.job.file.name
    essay_file = member.essay.file.name
    storage = member.job.file.storage
    counts_before = {
        "attempts": TestAttempt.objects.count(),
        "answers": AttemptAnswer.objects.count(),
        "attendance": Attendance.objects.count(),
        "people": Person.objects.count(),
        "essays": Essay.objects.count(),
        "jobs": Job.objects.count(),
    }
    with django_capture_on_commit_callbacks(execute=True):  # files go after the commit
        report = purge_expired(now)
    assert not Essay.objects.filter(pk=member.essay.pk).exists()
    assert Essay.objects.filter(person=member.other).exists()  # not expired
    job = Job.objects.get(pk=member.job.pk)
    assert not job.file and job.filename == "bang-ky-ten.csv"  # the file goes, the record stays
    assert not storage.exists(job_file) and not storage.exists(essay_file)
    assert report.count("study.Essay") == 1 and report.count("core.Job") == 1
    assert report.files == 2
    assert TestAttempt.objects.count() == counts_before["attempts"]
    assert AttemptAnswer.objects.count() == counts_before["answers"]  # answers are 0 days old
    assert Attendance.objects.count() == counts_before["attendance"]
    assert Person.objects.count() == counts_before["people"]
    assert Essay.objects.count() == counts_before["essays"] - 1
    assert Job.objects.count() == counts_before["jobs"]
    # a second run finds nothing
    assert purge_expired(now).lines == []
