"""Attendance: the ticked list, self check-in with the session's code, the imported sign-in sheet.

A member counts once per round whichever session (or make-up session) recorded them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import IO, TYPE_CHECKING, Any

from django.db import connection, transaction
from django.utils import timezone

from tuyengiao.core.jobs import NO_PROGRESS, Progress
from tuyengiao.core.spreadsheets import ImportResult, RowError, read_table, require_columns
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Person

from ..models import (
    Attendance,
    AttendanceMethod,
    Eligibility,
    StudySession,
)
from . import StudyError
from .rates import refresh_tallies
from .rounds import session_members

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


class WrongCheckinCode(StudyError):
    """The typed code is not this session's: the failure guessing produces, so the one the
    check-in form counts towards its limit of tries."""


COPY_THRESHOLD = 2000  # on PostgreSQL, larger batches go through COPY


def _record(
    session: StudySession,
    entries: Sequence[Eligibility],
    method: str,
    progress: Progress = NO_PROGRESS,
) -> int:
    """Insert attendance for list entries; existing ones for the round are left alone. Returns new.
    ``progress.writing`` is told the rows written (per batch; before and after a COPY)."""
    if not entries:
        return 0
    ids = [e.person_id for e in entries]
    already: set[int] = set()
    for start in range(0, len(ids), 5000):
        already.update(
            Attendance.objects.filter(
                round=session.round_id, person_id__in=ids[start : start + 5000]
            ).values_list("person_id", flat=True)
        )
    fresh = {e.person_id: e.unit_id for e in entries if e.person_id not in already}
    progress.writing(0, len(fresh))
    if connection.vendor == "postgresql" and len(fresh) > COPY_THRESHOLD:
        _copy_attendance(session, fresh, method)
    else:
        rows = [
            Attendance(
                round_id=session.round_id,
                session=session,
                person_id=pid,
                unit_id=uid,
                method=method,
            )
            for pid, uid in fresh.items()
        ]
        for start in range(0, len(rows), 5000):
            Attendance.objects.bulk_create(rows[start : start + 5000], ignore_conflicts=True)
            progress.writing(min(start + 5000, len(rows)), len(rows))
    progress.writing(len(fresh), len(fresh))
    refresh_tallies(session.round, set(fresh.values()))
    return len(fresh)


def _copy_attendance(session: StudySession, fresh: dict[int, int], method: str) -> None:
    """Bulk path for large imports on PostgreSQL: COPY into a temporary table, then one
    INSERT … SELECT … ON CONFLICT DO NOTHING (a member still counts once per round)."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "CREATE TEMPORARY TABLE study_attendance_in (person_id bigint, unit_id bigint) ON COMMIT DROP"
        )
        with cursor.cursor.copy("COPY study_attendance_in (person_id, unit_id) FROM STDIN") as copy:
            for pid, uid in fresh.items():
                copy.write_row((pid, uid))
        cursor.execute(
            "INSERT INTO study_attendance (round_id, session_id, person_id, unit_id, method, checked_in_at) "
            "SELECT %s, %s, person_id, unit_id, %s, %s FROM study_attendance_in "
            "ON CONFLICT (round_id, person_id) DO NOTHING",
            [session.round_id, session.pk, method, timezone.now()],
        )
        cursor.execute("DROP TABLE study_attendance_in")  # also inside an outer transaction


@transaction.atomic
def save_session_list(session: StudySession, ticked_person_ids: Iterable[int]) -> tuple[int, int]:
    """The ticks of the session's list, saved in one go: add the ticked, remove the unticked who had
    been recorded at THIS session. Returns (added, removed)."""
    ticked = set(ticked_person_ids)
    entries = list(session_members(session).filter(person_id__in=ticked))
    added = _record(session, entries, AttendanceMethod.LIST)
    removed_qs = Attendance.objects.filter(session=session).exclude(person_id__in=ticked)
    units = set(removed_qs.values_list("unit_id", flat=True))
    removed, _ = removed_qs.delete()
    refresh_tallies(session.round, units)
    return added, removed


def record_attendance(
    session: StudySession, people: Iterable[Person], method: str = AttendanceMethod.LIST
) -> int:
    ids = [p.pk for p in people]
    entries = list(session_members(session).filter(person_id__in=ids))
    if len(entries) != len(set(ids)):
        raise StudyError("Có người không thuộc danh sách học tập của đơn vị tổ chức buổi học.")
    with transaction.atomic():
        return _record(session, entries, method)


def check_in_with_code(
    session: StudySession, user: User, code: str, now: datetime | None = None
) -> str:
    """Self check-in of a member logged in with their own account (User.person).

    Why login and not "code + pick your name": with a name list anyone holding the code could tick
    absent colleagues; the login ties the check-in to the member. The code proves presence at THIS
    session: it is compared with this session's code only, and only inside its window.
    """
    now = now or timezone.now()
    person = getattr(user, "person", None)
    if person is None:
        raise StudyError(
            "Tài khoản của đồng chí chưa gắn với hồ sơ đảng viên; hãy liên hệ cán bộ chuyên trách."
        )
    if (code or "").strip().upper() != session.checkin_code:
        raise WrongCheckinCode("Mã điểm danh không đúng cho buổi học này.")
    opens, closes = session.checkin_window()
    if now < opens:
        raise StudyError("Chưa đến giờ điểm danh của buổi học này.")
    if now > closes:
        raise StudyError("Đã hết thời gian điểm danh của buổi học này.")
    entry = session_members(session).filter(person=person).first()
    if entry is None:
        raise StudyError("Đồng chí không có trong danh sách học tập của đơn vị tổ chức buổi học.")
    with transaction.atomic():
        added = _record(session, [entry], AttendanceMethod.CODE)
    return (
        "Đã điểm danh."
        if added
        else "Đồng chí đã được điểm danh trong đợt này (mỗi người chỉ tính một lần)."
    )


SIGNIN_COLUMNS: Mapping[str, Sequence[str]] = {
    "name": ["Họ và tên", "Họ tên", "Tên"],
    "birth_year": ["Năm sinh"],
    "unit": ["Đơn vị", "Chi bộ"],
}


@transaction.atomic
def import_signin_sheet(
    session: StudySession,
    upload: IO[bytes],
    filename: str,
    valid_rows_only: bool = False,
    progress: Progress = NO_PROGRESS,
    by: User | None = None,
) -> ImportResult:
    """Import a signed attendance sheet. A name not on the session's list (or ambiguous) is reported
    with its row number and not imported; nothing is written while any row is bad unless
    ``valid_rows_only``. ``progress`` is told the rows checked, then the attendances written."""
    rows = read_table(upload, filename, dict(SIGNIN_COLUMNS))
    require_columns(rows, {"name": "Họ và tên"})
    by_name: dict[str, list[tuple[int, int, int | None, str]]] = defaultdict(list)
    for pid, uid, folded, year, unit_folded in session_members(session).values_list(
        "person_id", "unit_id", "person__name_folded", "person__birth_year", "unit__name_folded"
    ):
        by_name[folded].append((pid, uid, year, unit_folded))
    result = ImportResult()
    chosen: dict[int, Eligibility] = {}
    for index, row in enumerate(rows):
        progress.checked(index, len(rows))
        name = row.get("name")
        if not name:
            result.errors.append(RowError(row.number, "Thiếu họ và tên."))
            continue
        candidates = by_name.get(fold(name), [])
        typed_year = row.get("birth_year")
        if len(candidates) > 1 and typed_year:
            candidates = [c for c in candidates if str(c[2] or "") == typed_year]
        if len(candidates) > 1 and row.get("unit"):
            unit_text = fold(row.get("unit"))
            candidates = [c for c in candidates if unit_text in c[3]]
        if not candidates:
            result.errors.append(
                RowError(row.number, f"Không có “{name}” trong danh sách học tập của đơn vị.")
            )
            continue
        if len(candidates) > 1:
            result.errors.append(
                RowError(
                    row.number,
                    f"Có {len(candidates)} người tên “{name}”; hãy ghi thêm năm sinh hoặc đơn vị.",
                )
            )
            continue
        pid, uid, _, _ = candidates[0]
        if pid in chosen:
            result.skipped += 1
            continue
        chosen[pid] = Eligibility(person_id=pid, unit_id=uid)
    progress.checked(len(rows), len(rows))
    if result.errors and not valid_rows_only:
        return result
    result.created = _record(session, list(chosen.values()), AttendanceMethod.IMPORT, progress)
    result.skipped += len(chosen) - result.created
    result.applied = True
    _log_signin_import(session, filename, result, by)
    return result


def _log_signin_import(
    session: StudySession, filename: str, result: ImportResult, by: User | None
) -> None:
    """One access-log entry per imported sheet: who, when, how many people (privacy.access_log)."""
    from tuyengiao.privacy.access_log import AccessKind, log_access

    log_access(
        by,
        AccessKind.IMPORT,
        about=session,
        unit_path=session.unit.path,
        people=result.created,
        description=(
            f"Nhập bảng ký tên {filename} vào buổi “{session.title or session.pk}”: "
            f"{result.created} lượt điểm danh"
        ),
    )


def signin_sheet_rows(session: StudySession) -> list[tuple[Any, ...]]:
    """Rows of the printable sign-in sheet / attendance export of a session's members."""
    attended = dict(
        Attendance.objects.filter(round=session.round_id).values_list("person_id", "session_id")
    )
    out = []
    members = (
        session_members(session)
        .select_related("person", "unit")
        .order_by("unit__path", "person__name_folded")
    )
    for i, e in enumerate(members, start=1):
        status = "Miễn" if e.exemption else ""
        if e.person_id in attended:
            status = "Có mặt" if attended[e.person_id] == session.pk else "Đã học buổi khác"
        out.append((i, e.person.full_name, e.person.birth_year or "", e.unit.name, status, ""))
    return out
