"""One archive holds everything an installation keeps: the database and every stored file.

``backup(path)`` writes a tar archive with

    manifest.json   format version, time, database vendor, row count per table, and the
                    size and SHA-256 of every other member
    database.dump   PostgreSQL: ``pg_dump --format=custom`` (taken in the same snapshot as the
                    row counts, so that the counts describe the dump exactly)
    database.sqlite3  SQLite: a copy made with SQLite's online backup API (safe while the
                    site runs; the row counts are read from the copy)
    media/…         every file under MEDIA_ROOT (uploads, documents stored by content hash)

``restore(path, …)`` checks every member against the manifest before it touches anything,
refuses a target that already holds data unless ``force`` is given, restores, then verifies
the restored row counts and file hashes against the manifest.

We write our own rather than use django-dbbackup: it keeps the database and the media in two
archives with no manifest, and has no check that a restore reproduced what was saved — the
drill that an operator needs to trust a backup.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import connection, connections

FORMAT_VERSION = 1
MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_PREFIX = "media/"
CHUNK = 1024 * 1024

Progress = Callable[[str], None]


class BackupError(RuntimeError):
    """A backup or restore that cannot go on; the message is for the operator (Vietnamese)."""


@dataclass
class Manifest:
    created: str
    vendor: str
    tables: dict[str, int]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)  # member → {size, sha256}
    version: int = FORMAT_VERSION

    def to_json(self) -> bytes:
        return json.dumps(self.__dict__, ensure_ascii=False, indent=1, sort_keys=True).encode()

    @classmethod
    def from_json(cls, data: bytes) -> Manifest:
        raw = json.loads(data)
        if raw.get("version") != FORMAT_VERSION:
            raise BackupError(
                f"Tệp sao lưu có định dạng phiên bản {raw.get('version')}, "
                f"phiên bản này chỉ đọc định dạng {FORMAT_VERSION}."
            )
        return cls(**raw)


@dataclass
class RestoreReport:
    tables: int
    rows: int
    files: int


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def media_files(root: Path) -> Iterator[tuple[str, Path]]:
    """(archive member name, path) for every regular file under ``root``, in a stable order."""
    if not root.is_dir():
        return
    for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
        yield MEDIA_PREFIX + path.relative_to(root).as_posix(), path


def file_hashes(root: Path) -> dict[str, str]:
    return {name: _sha256_file(path) for name, path in media_files(root)}


# --- the database ---------------------------------------------------------------------------


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_counts(cursor: Any, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in sorted(tables):
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # names from the catalogue
        counts[table] = int(cursor.fetchone()[0])
    return counts


def _pg_tables(cursor: Any) -> list[str]:
    cursor.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    )
    return [row[0] for row in cursor.fetchall()]


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return sorted(row[0] for row in rows)


def pg_env(db: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    """libpq arguments and environment for the Django database settings ``db``."""
    args = []
    if db.get("HOST"):
        args += ["--host", str(db["HOST"])]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str] | None = None) -> None:
    try:
        subprocess.run(command, check=True, capture_output=True, env=env)
    except FileNotFoundError as exc:
        raise BackupError(
            f"Không tìm thấy chương trình {command[0]}: hãy cài gói postgresql-client "
            "cùng phiên bản với máy chủ PostgreSQL."
        ) from exc
    except subprocess.CalledProcessError as exc:
        detail = exc.stderr.decode(errors="replace").strip()[-2000:]
        raise BackupError(f"{command[0]} báo lỗi: {detail}") from exc


def _dump_postgres(alias: str, target: Path) -> dict[str, int]:
    """pg_dump in the snapshot where the rows are counted: counts and dump agree exactly."""
    conn = connections[alias]
    conn.ensure_connection()
    db = conn.settings_dict
    args, env = pg_env(db)
    raw = conn.connection
    assert raw is not None
    previous = raw.autocommit
    conn.set_autocommit(True)
    try:
        with raw.cursor() as cursor:
            cursor.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
            try:
                cursor.execute("SELECT pg_export_snapshot()")
                snapshot = cursor.fetchone()[0]
                counts = table_counts(cursor, _pg_tables(cursor))
                _run(
                    [
                        "pg_dump",
                        *args,
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                        str(db["NAME"]),
                    ],
                    env,
                )
            finally:
                cursor.execute("COMMIT")
    finally:
        conn.set_autocommit(previous)
    return counts


def _copy_sqlite(alias: str, target: Path) -> dict[str, int]:
    conn = connections[alias]
    conn.ensure_connection()
    source = sqlite3.connect(str(conn.settings_dict["NAME"]))
    copy = sqlite3.connect(str(target))
    try:
        source.backup(copy)
        return table_counts(copy.cursor(), _sqlite_tables(copy))
    finally:
        copy.close()
        source.close()


# --- backup ---------------------------------------------------------------------------------


def _add_file(archive: tarfile.TarFile, name: str, path: Path, manifest: Manifest) -> None:
    manifest.files[name] = {"size": path.stat().st_size, "sha256": _sha256_file(path)}
    archive.add(str(path), arcname=name, recursive=False)


def backup(
    path: Path,
    *,
    alias: str = "default",
    media_root: Path | None = None,
    progress: Progress = lambda message: None,
) -> Manifest:
    """Write the archive to ``path`` (written beside it, then renamed: never half a file)."""
    media = Path(media_root or settings.MEDIA_ROOT)
    vendor = connections[alias].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Chưa hỗ trợ sao lưu cơ sở dữ liệu {vendor}.")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    with tempfile.TemporaryDirectory(prefix="tuyengiao-backup-") as tmp:
        if vendor == "postgresql":
            db_member, db_file = PG_DUMP, Path(tmp) / PG_DUMP
            progress("Đang sao lưu cơ sở dữ liệu PostgreSQL (pg_dump)…")
            counts = _dump_postgres(alias, db_file)
        else:
            db_member, db_file = SQLITE_COPY, Path(tmp) / SQLITE_COPY
            progress("Đang sao lưu cơ sở dữ liệu SQLite…")
            counts = _copy_sqlite(alias, db_file)
        manifest = Manifest(created=datetime.now(UTC).isoformat(), vendor=vendor, tables=counts)
        with tarfile.open(partial, "w") as archive:
            _add_file(archive, db_member, db_file, manifest)
            files = list(media_files(media))
            for index, (name, file_path) in enumerate(files, start=1):
                _add_file(archive, name, file_path, manifest)
                if index % 200 == 0 or index == len(files):
                    progress(f"Tệp: {index}/{len(files)}")
            data = manifest.to_json()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            info.mtime = int(datetime.now(UTC).timestamp())
            archive.addfile(info, io.BytesIO(data))
    os.replace(partial, path)
    return manifest


def prune(directory: Path, keep: int, pattern: str = "tuyengiao-*.tar") -> list[Path]:
    """Keep the ``keep`` newest archives matching ``pattern``; return those removed."""
    archives = sorted(directory.glob(pattern), key=lambda p: p.stat().st_mtime, reverse=True)
    removed = archives[keep:] if keep > 0 else []
    for old in removed:
        old.unlink()
    return removed


# --- restore --------------------------------------------------------------------------------


def read_manifest(archive: tarfile.TarFile) -> Manifest:
    try:
        member = archive.getmember(MANIFEST)
    except KeyError as exc:
        raise BackupError(
            "Tệp không phải bản sao lưu của Tuyên giáo (thiếu manifest.json)."
        ) from exc
    handle = archive.extractfile(member)
    assert handle is not None
    return Manifest.from_json(handle.read())


def _safe_member(name: str) -> bool:
    parts = Path(name).parts
    return not (name.startswith("/") or ".." in parts or not parts)


def verify_archive(path: Path, extract_to: Path) -> Manifest:
    """Extract every member named in the manifest, checking its size and hash; nothing else."""
    try:
        archive = tarfile.open(path, "r")  # noqa: SIM115 - closed by the `with` below
    except (OSError, tarfile.TarError) as exc:
        raise BackupError(f"Không mở được tệp sao lưu {path.name}: {exc}") from exc
    with archive:
        manifest = read_manifest(archive)
        seen = set()
        for member in archive:
            if member.name == MANIFEST:
                continue
            expected = manifest.files.get(member.name)
            if expected is None or not member.isfile() or not _safe_member(member.name):
                raise BackupError(f"Tệp sao lưu có phần lạ không ghi trong manifest: {member.name}")
            handle = archive.extractfile(member)
            assert handle is not None
            target = extract_to / member.name
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with target.open("wb") as out:
                while chunk := handle.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
            if digest.hexdigest() != expected["sha256"] or member.size != expected["size"]:
                raise BackupError(f"Tệp {member.name} trong bản sao lưu bị hỏng (sai mã băm).")
            seen.add(member.name)
        missing = set(manifest.files) - seen
        if missing:
            raise BackupError(f"Bản sao lưu thiếu {len(missing)} tệp, ví dụ {sorted(missing)[0]}.")
    return manifest


def database_is_empty(alias: str = "default") -> bool:
    """No unit and no account: a new database, created or just migrated (migrations themselves
    write rows — content types, permissions — so "no row at all" would refuse a migrated one)."""
    from tuyengiao.accounts.models import User
    from tuyengiao.orgs.models import Unit

    with connections[alias].cursor() as cursor:
        tables = set(connections[alias].introspection.table_names(cursor))
    for model in (User, Unit):
        if model._meta.db_table in tables and model._base_manager.using(alias).exists():
            return False
    return True


def _restore_postgres(alias: str, dump: Path) -> None:
    conn = connections[alias]
    db = conn.settings_dict
    args, env = pg_env(db)
    # The target holds no data (checked, or --force): drop its schema whole — tables, and the
    # trigger functions and sequences beside them that a dump would create again.
    with conn.cursor() as cursor:
        cursor.execute("SELECT current_schema()")
        schema = _quote(cursor.fetchone()[0])
        cursor.execute(f"DROP SCHEMA {schema} CASCADE; CREATE SCHEMA {schema}")
    conn.close()
    _run(
        [
            "pg_restore",
            *args,
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            f"--dbname={db['NAME']}",
            str(dump),
        ],
        env,
    )


def _restore_sqlite(alias: str, copy: Path) -> None:
    conn = connections[alias]
    name = str(conn.settings_dict["NAME"])
    conn.close()
    source = sqlite3.connect(str(copy))
    target = sqlite3.connect(name)
    try:
        source.backup(target)
    finally:
        target.close()
        source.close()


def _live_counts(alias: str, tables: list[str]) -> dict[str, int]:
    with connections[alias].cursor() as cursor:
        return table_counts(cursor, tables)


def restore(
    path: Path,
    *,
    alias: str = "default",
    media_root: Path | None = None,
    force: bool = False,
    progress: Progress = lambda message: None,
) -> RestoreReport:
    """Restore ``path`` into the database ``alias`` and ``media_root``; verify, then report."""
    media = Path(media_root or settings.MEDIA_ROOT)
    vendor = connections[alias].vendor
    if not force:
        if not database_is_empty(alias):
            raise BackupError(
                "Cơ sở dữ liệu đích đã có dữ liệu. Khôi phục vào một cơ sở dữ liệu trống, "
                "hoặc thêm --force để xóa dữ liệu hiện có."
            )
        if media.is_dir() and any(media.iterdir()):
            raise BackupError(
                f"Thư mục tệp {media} không trống. Dùng một thư mục trống, "
                "hoặc thêm --force để thay thế."
            )
    with tempfile.TemporaryDirectory(prefix="tuyengiao-restore-") as tmp:
        progress("Đang kiểm tra bản sao lưu (mã băm từng tệp)…")
        manifest = verify_archive(path, Path(tmp))
        if manifest.vendor != vendor:
            raise BackupError(
                f"Bản sao lưu là của {manifest.vendor}, cơ sở dữ liệu đích là {vendor}."
            )
        progress("Đang khôi phục cơ sở dữ liệu…")
        if vendor == "postgresql":
            _restore_postgres(alias, Path(tmp) / PG_DUMP)
        else:
            _restore_sqlite(alias, Path(tmp) / SQLITE_COPY)
        progress("Đang khôi phục tệp…")
        if force and media.is_dir():
            shutil.rmtree(media)
        media.mkdir(parents=True, exist_ok=True)
        extracted = Path(tmp) / MEDIA_PREFIX
        if extracted.is_dir():
            shutil.copytree(extracted, media, dirs_exist_ok=True)
    progress("Đang đối chiếu số dòng và mã băm…")
    counts = _live_counts(alias, list(manifest.tables))
    wrong = {t: (n, counts.get(t)) for t, n in manifest.tables.items() if counts.get(t) != n}
    if wrong:
        table, (expected, got) = sorted(wrong.items())[0]
        raise BackupError(
            f"Sau khi khôi phục, {len(wrong)} bảng có số dòng khác bản sao lưu "
            f"(ví dụ {table}: {got} thay vì {expected})."
        )
    hashes = file_hashes(media)
    expected_files = {
        n: f["sha256"] for n, f in manifest.files.items() if n.startswith(MEDIA_PREFIX)
    }
    if any(hashes.get(n) != h for n, h in expected_files.items()):
        raise BackupError("Sau khi khôi phục, có tệp khác bản sao lưu.")
    if connection.vendor == vendor:
        connection.close()
    return RestoreReport(
        tables=len(manifest.tables), rows=sum(manifest.tables.values()), files=len(expected_files)
    )
