"""The restore drill: back up, empty the installation, restore, and find every row and file again.

Runs on whichever database the suite runs on (SQLite, then PostgreSQL in CI). Row counts and
file hashes are taken by the test itself from the models and the files, not from the manifest.
"""

from __future__ import annotations

import hashlib
import tarfile
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from tuyengiao.documents import services as documents
from tuyengiao.ops.backup import prune
from tuyengiao.testing import make_tree, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def _row_counts() -> dict[str, int]:
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy and model._meta.managed
    }


def _file_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def media(settings: Any, tmp_path: Path) -> Path:
    """A media folder of the test's own (FileSystemStorage follows MEDIA_ROOT when it changes)."""
    root = tmp_path / "media"
    settings.MEDIA_ROOT = root
    return root


def _installation(media: Path) -> None:
    tree = make_tree()
    make_user("coso1", tree.base1)
    for i in range(3):
        data = f"Kế hoạch số {i}-KH/ĐU về công tác tuyên giáo\n".encode() * (i + 1)
        documents.store_blob(data, f"ke-hoach-{i}.txt")
    (media / "jobs").mkdir(parents=True, exist_ok=True)
    (media / "jobs" / "danh-sach.csv").write_bytes("Họ và tên\nTrần Thị Hạnh\n".encode())


def _empty_installation(media: Path) -> None:
    call_command("flush", interactive=False, verbosity=0)
    for path in sorted(media.rglob("*"), reverse=True):
        path.unlink() if path.is_file() else path.rmdir()


def test_backup_then_restore_reproduces_every_row_and_file(media: Path, tmp_path: Path) -> None:
    _installation(media)
    counts, hashes = _row_counts(), _file_hashes(media)
    assert counts["orgs.Unit"] > 0 and len(hashes) == 4
    archive = tmp_path / "saoluu.tar"

    call_command("backup", str(archive), verbosity=0)
    _empty_installation(media)
    assert _row_counts()["orgs.Unit"] == 0 and not _file_hashes(media)
    call_command("restore", str(archive), verbosity=0)

    assert _row_counts() == counts
    assert _file_hashes(media) == hashes


def test_restore_refuses_a_target_that_holds_data(media: Path, tmp_path: Path) -> None:
    _installation(media)
    archive = tmp_path / "saoluu.tar"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="đã có dữ liệu"):
        call_command("restore", str(archive), verbosity=0)
    # --force replaces what is there with the archive's content.
    make_user("them-sau-sao-luu", None)
    call_command("restore", str(archive), "--force", verbosity=0)
    from tuyengiao.accounts.models import User

    assert not User.objects.filter(username="them-sau-sao-luu").exists()


def test_a_damaged_archive_is_refused_before_anything_changes(media: Path, tmp_path: Path) -> None:
    _installation(media)
    archive = tmp_path / "saoluu.tar"
    call_command("backup", str(archive), verbosity=0)
    counts = _row_counts()
    # Flip one byte inside a stored file's member.
    with tarfile.open(archive) as tar:
        member = next(m for m in tar.getmembers() if m.name.startswith("media/documents/"))
        offset = member.offset_data
    raw = bytearray(archive.read_bytes())
    raw[offset] ^= 0xFF
    archive.write_bytes(bytes(raw))
    _empty_installation(media)
    with pytest.raises(CommandError, match="bị hỏng"):
        call_command("restore", str(archive), verbosity=0)
    assert _row_counts()["orgs.Unit"] == 0 < counts["orgs.Unit"]


def test_backup_into_a_folder_keeps_the_newest(media: Path, tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    names = [folder / f"tuyengiao-2026120{i}-000000.tar" for i in range(1, 5)]
    for age, path in enumerate(reversed(names)):
        path.write_bytes(b"x")
        import os

        os.utime(path, (1_000_000 - age * 1000, 1_000_000 - age * 1000))
    removed = prune(folder, keep=2)
    assert sorted(p.name for p in removed) == [names[0].name, names[1].name]
    assert sorted(p.name for p in folder.iterdir()) == [names[2].name, names[3].name]


def test_vendor_is_recorded(media: Path, tmp_path: Path) -> None:
    archive = tmp_path / "saoluu.tar"
    call_command("backup", str(archive), verbosity=0)
    from tuyengiao.ops.backup import read_manifest

    with tarfile.open(archive) as tar:
        manifest = read_manifest(tar)
    assert manifest.vendor == connection.vendor
    assert manifest.tables  # every table of the database, counted in the dump's snapshot
