"""Browse, filters, export, download, visibility, commands, background import."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from tuyengiao.accounts.models import Role
from tuyengiao.core.models import Job, JobPhase, JobState
from tuyengiao.documents.models import Document
from tuyengiao.documents.tasks import DOCUMENT_IMPORT
from tuyengiao.documents.testing import make_document
from tuyengiao.testing import logged_in_client, make_user

from .conftest import CORPUS


@pytest.mark.django_db
def test_visibility(tree, users, client_as):
    own = make_document(tree.base1, "1-KH/ĐU", title="Kế hoạch riêng của cơ sở 1")
    hidden_sibling = make_document(tree.base2, "2-KH/ĐU", title="Kế hoạch của cơ sở 2")
    bloc_down = make_document(
        tree.bloc, "3-KH/ĐUK", title="Kế hoạch Khối gửi xuống", published_down=True
    )
    bloc_private = make_document(
        tree.bloc, "4-KH/ĐUK", title="Kế hoạch nội bộ Khối", published_down=False
    )
    for_all = make_document(
        tree.state, "5/KH-UBND", title="Kế hoạch UBND cho mọi đơn vị", visible_to_all=True
    )
    c1 = client_as("coso1")
    for doc, status in [
        (own, 200),
        (hidden_sibling, 404),
        (bloc_down, 200),
        (bloc_private, 404),
        (for_all, 200),
    ]:
        assert c1.get(f"/tai-lieu/{doc.pk}/").status_code == status, doc.number
        assert c1.get(f"/tai-lieu/{doc.pk}/tai-ve/").status_code == status, doc.number
    # the bloc (an ancestor) sees what its base units uploaded
    khoi = client_as("khoi")
    assert khoi.get(f"/tai-lieu/{own.pk}/").status_code == 200
    assert khoi.get(f"/tai-lieu/{hidden_sibling.pk}/").status_code == 200
    listing = c1.get("/tai-lieu/").content.decode()
    assert "Kế hoạch riêng của cơ sở 1" in listing and "Kế hoạch của cơ sở 2" not in listing
    assert "Kế hoạch nội bộ Khối" not in listing and "Kế hoạch UBND cho mọi đơn vị" in listing
    # viewers cannot edit; officers of another unit cannot edit
    assert client_as("viewer1").get(f"/tai-lieu/{own.pk}/sua/").status_code == 404
    assert c1.get(f"/tai-lieu/{bloc_down.pk}/sua/").status_code == 404


@pytest.mark.django_db
def test_download_returns_original(tree, client_as):
    doc = make_document(tree.base1, "1-KH/ĐU", text="Số 1-KH/ĐU\nnội dung gốc")
    resp = client_as("coso1").get(f"/tai-lieu/{doc.pk}/tai-ve/")
    assert resp.status_code == 200
    assert b"".join(resp.streaming_content) == "Số 1-KH/ĐU\nnội dung gốc".encode()


@pytest.mark.django_db
def test_visible_to_all_only_for_units_publishing_to_all(tree, client_as):
    data = "Số 7-KH/ĐU\nKẾ HOẠCH\nVề thử nghiệm\n".encode()
    client = client_as("coso1")
    client.post(
        "/tai-lieu/tai-len/", {"tep": SimpleUploadedFile("a.txt", data), "unit": tree.base1.pk}
    )
    from tuyengiao.documents.models import UploadDraft

    draft = UploadDraft.objects.get()
    client.post(
        f"/tai-lieu/cho-duyet/{draft.pk}/",
        {"title": "Về thử nghiệm", "number": "7-KH/ĐU", "visible_to_all": "on"},
    )
    assert Document.objects.get().visible_to_all is False


@pytest.mark.django_db
def test_filters_and_export(tree, client_as):
    make_document(
        tree.bloc,
        "1-NQ/ĐUK",
        doc_type="Nghị quyết",
        title="Nghị quyết năm 2020",
        issuer="Đảng ủy Khối",
        date=date(2020, 3, 1),
        published_down=True,
    )
    make_document(
        tree.base1,
        "2-KH/ĐU",
        doc_type="Kế hoạch",
        title="Kế hoạch năm 2021",
        issuer="Đảng ủy Sở",
        date=date(2021, 3, 1),
    )
    client = client_as("khoi")
    assert (
        "Kế hoạch năm 2021"
        not in client.get("/tai-lieu/?doc_type=Ngh%E1%BB%8B+quy%E1%BA%BFt").content.decode()
    )
    page = client.get("/tai-lieu/?year=2021").content.decode()
    assert "Kế hoạch năm 2021" in page and "Nghị quyết năm 2020" not in page
    page = client.get(f"/tai-lieu/?unit={tree.base1.pk}").content.decode()
    assert "Kế hoạch năm 2021" in page and "Nghị quyết năm 2020" not in page
    page = client.get("/tai-lieu/?issuer=Khối").content.decode()
    assert "Nghị quyết năm 2020" in page and "Kế hoạch năm 2021" not in page
    page = client.get("/tai-lieu/?year=abc").content.decode()
    assert "Năm phải là số" in page
    resp = client.get("/tai-lieu/?year=2020&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(resp.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))  # type: ignore[union-attr]
    assert rows[0][0] == "Số ký hiệu" and [r[0] for r in rows[1:]] == ["1-NQ/ĐUK"]
    resp = client.get("/tai-lieu/?q=nam+2021&export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(resp.content)).active
    assert sheet is not None
    rows = list(sheet.iter_rows(values_only=True))
    assert [r[0] for r in rows[1:]] == ["2-KH/ĐU"]
    page = client.get("/tai-lieu/?q=ke+hoach+nam+2021").content.decode()
    assert "<mark>" in page and "2-KH/ĐU" in page


@pytest.mark.django_db
def test_edit_records_correction_and_reparse_keeps_it(tree, client_as):
    doc = make_document(
        tree.base1, "1-KH/ĐU", text="Số 1-KH/ĐU\nKẾ HOẠCH\nVề công tác tuyên giáo năm 2024\n"
    )
    doc.parsed = {"number": "1-KH/ĐU", "title": doc.title}
    doc.save()
    client = client_as("coso1")
    form = {
        name: getattr(doc, name) or ""
        for name in (
            "number",
            "doc_type",
            "issuer",
            "parent_issuer",
            "place",
            "signer_name",
            "signer_title",
            "on_behalf",
        )
    }
    form.update(title="Trích yếu đã sửa", published_down="on")
    resp = client.post(f"/tai-lieu/{doc.pk}/sua/", form)
    assert resp.status_code == 302
    doc.refresh_from_db()
    assert doc.title == "Trích yếu đã sửa" and doc.corrections.count() == 1
    client.post(f"/tai-lieu/{doc.pk}/doc-lai/")
    doc.refresh_from_db()
    assert doc.title == "Trích yếu đã sửa"
    assert doc.parsed["title"] == "Về công tác tuyên giáo năm 2024"
    assert doc.doc_type == "Kế hoạch"


@pytest.mark.django_db
def test_import_command_is_idempotent(tree, tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Số 8-KH/TU\nKẾ HOẠCH\nVề thử nghiệm nhập\n", encoding="utf-8")
    (folder / "b.txt").write_text(
        "Số 9-KH/TU\nKẾ HOẠCH\nVề thử nghiệm nhập thứ hai\n", encoding="utf-8"
    )
    (folder / "rong.txt").write_bytes(b"")
    (folder / "hong.docx").write_bytes(b"PK\x03\x04broken")
    call_command("import_documents", str(folder), "--unit", "TU")
    out = capsys.readouterr()
    assert "Đã nhập: 2 · trùng, bỏ qua: 0 · lỗi: 2" in out.out
    assert "rong.txt" in out.out and "hong.docx" in out.out
    assert "4/4" in out.err  # the progress bar
    call_command("import_documents", str(folder), "--unit", "TU")
    assert "Đã nhập: 0 · trùng, bỏ qua: 2 · lỗi: 2" in capsys.readouterr().out
    assert Document.objects.count() == 2
    call_command("reparse")
    assert "Đã đọc lại 2 văn bản" in capsys.readouterr().out


@pytest.mark.django_db
@pytest.mark.skipif(not CORPUS.is_dir(), reason="không có ../shared/corpus/dev")
def test_background_import_with_progress(tree, client_as):
    client = client_as("coso1")
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    resp = client.post("/tai-lieu/nhap/", {"tep": files, "unit": tree.base1.pk})
    job = Job.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/nhap/{job.pk}/")
    assert job.kind == DOCUMENT_IMPORT and job.state == JobState.DONE
    assert job.result["imported"] == len(files) and job.checked == job.total == len(files)
    assert Document.objects.filter(unit=tree.base1).count() == len(files)
    part = client.get(f"/tai-lieu/nhap/{job.pk}/", headers={"HX-Request": "true"}).content.decode()
    assert "Xong." in part and "hx-get" not in part and f"đã nhập {len(files)}" in part
    assert not Path(job.options["workdir"]).exists()
    # Sent again: every file is a duplicate; a broken one is reported with its reason.
    files = [SimpleUploadedFile(p.name, p.read_bytes()) for p in sorted(CORPUS.glob("*.txt"))]
    files.append(SimpleUploadedFile("hong.docx", b"PK\x03\x04broken"))
    resp = client.post("/tai-lieu/nhap/", {"tep": files, "unit": tree.base1.pk})
    job = Job.objects.exclude(pk=job.pk).get()
    assert job.result["imported"] == 0 and job.result["duplicates"] == len(files) - 1
    assert job.result["failure_count"] == 1 and job.result["failures"][0]["name"].endswith(
        "hong.docx"
    )
    page = client.get(resp["Location"]).content.decode()
    assert f"trùng (bỏ qua) {len(files) - 1}" in page and "hong.docx:" in page
    assert resp["Location"] in client.get("/tai-lieu/nhap/").content.decode()  # recent imports


@pytest.mark.django_db
def test_import_job_shows_progress_to_its_starter_only(tree, users, client_as):
    job = Job.objects.create(
        kind=DOCUMENT_IMPORT,
        unit=tree.base1,
        started_by=users["coso1"],
        filename="a.txt và 39 tệp khác",
        options={"unit": tree.base1.pk},
        state=JobState.RUNNING,
        phase=JobPhase.CHECKING,
        total=40,
        checked=10,
    )
    url = f"/tai-lieu/nhap/{job.pk}/"
    client = client_as("coso1")
    part = client.get(url, headers={"HX-Request": "true"}).content.decode()
    assert f'hx-get="{url}"' in part and 'hx-trigger="every 1s"' in part
    assert "Đã xử lý 10/40 tệp" in part and 'aria-valuenow="25"' in part and "<html" not in part
    page = client.get(url).content.decode()
    assert "<html" in page and "Tiến độ nhập văn bản" in page and "10/40 tệp" in page
    colleague = make_user("coso1b", tree.base1, Role.OFFICER)  # same unit, not the starter
    assert logged_in_client(colleague).get(url).status_code == 404
    assert url not in logged_in_client(colleague).get("/tai-lieu/nhap/").content.decode()
    assert client_as("coso2").get(url).status_code == 404
    assert client_as("admin").get(url).status_code == 200
    # A job of another kind is not a document import.
    other = Job.objects.create(kind="orgs.units", unit=tree.base1, started_by=users["coso1"])
    assert client.get(f"/tai-lieu/nhap/{other.pk}/").status_code == 404


@pytest.mark.django_db
def test_import_job_refused_when_the_starter_lost_the_right(tree, settings, tmp_path):
    from tuyengiao.core import jobs
    from tuyengiao.documents import tasks

    officer = make_user("coso1c", tree.base1, Role.OFFICER)
    workdir = tmp_path / "in"
    workdir.mkdir()
    (workdir / "00000-a.txt").write_text("Số 8-KH/TU\nKẾ HOẠCH\nVề thử\n", encoding="utf-8")
    job = jobs.start(
        DOCUMENT_IMPORT, officer, options={"unit": tree.base1.pk, "workdir": str(workdir)}
    )
    officer.unit = tree.base2  # moved to another branch before the job ran
    officer.save()
    tasks.run_import.call(job.pk)
    job.refresh_from_db()
    assert job.state == JobState.FAILED and "không còn quyền" in job.message
    assert not Document.objects.exists() and not workdir.exists()
    # A task of another kind's job (e.g. queued before an upgrade) leaves that job alone.
    other = Job.objects.create(kind="orgs.units", started_by=officer)
    tasks.run_import.call(other.pk)
    other.refresh_from_db()
    assert other.state == JobState.QUEUED


@pytest.mark.django_db
def test_seed_command(tree, capsys):
    call_command("seed_documents", "50")
    assert Document.objects.count() == 50
    from tuyengiao.documents.search import search

    assert search(Document.objects.all(), "nghi quyet 35").total > 0
