"""Business rules of study rounds: the member list, attendance, rates, tests and essays.

For the reports app
-------------------
``rate_for_unit(round, unit) -> dict(eligible=, attended=, exempted=, rate=)`` gives the
attendance of ``unit``'s whole subtree in ``round``:

* ``eligible``  members on the round's list in the subtree (exempted ones included),
* ``exempted``  of those, members exempted (by category) who did not attend after all,
* ``attended``  members who attended at least one session (each member counts once per round),
* ``rate``      ``attended / (eligible - exempted) * 100`` as a ``Decimal`` rounded to 0.01,
                or ``None`` when nobody is expected.

It costs one query whatever the depth (a path-prefix SUM over ``RoundUnitTally``). An indicator
"tỷ lệ đảng viên tham gia học tập nghị quyết" can be filled from it so that no unit types the rate
by hand. ``round_rates(round, parent_unit)`` gives the same figures for each child of
``parent_unit`` (each aggregated over its subtree) in a constant number of queries.

Counting rules
--------------
* The list is a snapshot of the active party members of the covered units (and their subtrees)
  taken when the round opens; officers may add a member later or exempt one with a category.
* Attendance is unique per (round, member): a second check-in, at the same session or another
  one (a make-up session), changes nothing.
* An exempted member who attends anyway counts as attended, not exempted.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import IO, TYPE_CHECKING, Any

from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Length, Substr
from django.utils import timezone

from tuyengiao.accounts.permissions import is_officer, is_unit_officer
from tuyengiao.core.jobs import NO_PROGRESS, Progress
from tuyengiao.core.spreadsheets import ImportResult, RowError, read_table, require_columns
from tuyengiao.core.text import fold
from tuyengiao.orgs.models import Person, Unit

from .models import (
    AttemptAnswer,
    AttemptSource,
    Attendance,
    AttendanceMethod,
    Choice,
    Eligibility,
    Essay,
    EssayGrade,
    ExemptionCategory,
    Question,
    QuestionKind,
    RoundUnitTally,
    RubricLevel,
    StudyRound,
    StudySession,
    StudyTest,
    TestAttempt,
)

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User


class StudyError(ValueError):
    """A rule was broken; the message is in Vietnamese, ready for the user."""


def _rate(attended: int, expected: int) -> Decimal | None:
    if expected <= 0:
        return None
    return (Decimal(attended) * 100 / Decimal(expected)).quantize(Decimal("0.01"), ROUND_HALF_UP)


# --- rounds and the member list -------------------------------------------------------------------


@transaction.atomic
def open_round(
    *,
    unit: Unit,
    title: str,
    starts_on: Any,
    ends_on: Any,
    covered_units: Iterable[Unit],
    document_title: str = "",
    target_rate: Decimal | None = None,
    number: str = "",
    user: User | None = None,
    document: Any = None,
) -> StudyRound:
    """Open a round and take the snapshot of its member list."""
    covered = list(covered_units)
    for c in covered:
        if not unit.contains(c):
            raise StudyError(f"Đơn vị {c} không thuộc phạm vi của {unit}.")
    if ends_on < starts_on:
        raise StudyError("Ngày kết thúc phải sau ngày bắt đầu.")
    study_round = StudyRound.objects.create(
        unit=unit,
        title=title,
        document_title=document_title,
        number=number,
        document=document,
        starts_on=starts_on,
        ends_on=ends_on,
        created_by=user,
        **({"target_rate": target_rate} if target_rate is not None else {}),
    )
    study_round.covered_units.set(covered)
    snapshot_members(study_round)
    return study_round


def covered_people(study_round: StudyRound) -> QuerySet[Person]:
    condition = Q()
    for path in study_round.covered_units.values_list("path", flat=True):
        condition |= Q(unit__path__startswith=path)
    if not condition:
        return Person.objects.none()
    return Person.objects.filter(condition, active=True, is_party_member=True)


def snapshot_members(study_round: StudyRound, within: Unit | None = None) -> int:
    """Put every active party member of the covered units (of ``within``'s subtree if given) on the
    list; members already there are left as they are. Returns how many were added."""
    people = covered_people(study_round)
    existing_qs = study_round.eligibilities.all()
    if within is not None:
        people = people.filter(unit__path__startswith=within.path)
        existing_qs = existing_qs.filter(unit__path__startswith=within.path)
    existing = set(existing_qs.values_list("person_id", flat=True))
    rows = [
        Eligibility(round=study_round, person_id=pid, unit_id=uid)
        for pid, uid in people.values_list("id", "unit_id")
        if pid not in existing
    ]
    Eligibility.objects.bulk_create(rows, batch_size=2000)
    refresh_tallies(study_round, {r.unit_id for r in rows})
    return len(rows)


def add_to_list(study_round: StudyRound, person: Person) -> Eligibility:
    if not any(c.contains(person.unit) for c in study_round.covered_units.all()):
        raise StudyError("Người này không thuộc đơn vị thực hiện đợt học tập.")
    eligibility, _ = Eligibility.objects.get_or_create(
        round=study_round, person=person, defaults={"unit": person.unit}
    )
    refresh_tallies(study_round, {eligibility.unit_id})
    return eligibility


def set_exemption(study_round: StudyRound, person: Person, category: str) -> Eligibility:
    """Exempt a member with a category ("" to lift it). No free text about the person is kept."""
    if category and category not in ExemptionCategory.values:
        raise StudyError("Lý do miễn không hợp lệ.")
    eligibility = Eligibility.objects.filter(round=study_round, person=person).first()
    if eligibility is None:
        raise StudyError("Người này không có trong danh sách của đợt học tập.")
    eligibility.exemption = category
    eligibility.save(update_fields=["exemption"])
    refresh_tallies(study_round, {eligibility.unit_id})
    return eligibility


def session_members(session: StudySession) -> QuerySet[Eligibility]:
    """The list entries a session may record: members of the session unit's subtree."""
    return Eligibility.objects.filter(
        round=session.round_id, unit__path__startswith=session.unit.path
    )


def makeup_members(session: StudySession) -> QuerySet[Eligibility]:
    """For a make-up session: the members of the subtree who have not attended yet."""
    attended = Attendance.objects.filter(round=session.round_id, person=OuterRef("person"))
    return session_members(session).filter(~Exists(attended))


# --- tallies and rates -----------------------------------------------------------------------------


def refresh_tallies(study_round: StudyRound, unit_ids: Iterable[int] | None = None) -> None:
    """Recount the per-unit counters of ``unit_ids`` (all units of the round when None): 3 queries."""
    ids = None if unit_ids is None else set(unit_ids)
    if ids is not None and not ids:
        return
    elig = Eligibility.objects.filter(round=study_round)
    att = Attendance.objects.filter(round=study_round)
    if ids is not None:
        elig = elig.filter(unit_id__in=ids)
        att = att.filter(unit_id__in=ids)
    attended_sub = Attendance.objects.filter(round=study_round, person=OuterRef("person"))
    counts: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    for uid, n, ex in (
        elig.annotate(came=Exists(attended_sub))
        .values("unit_id")
        .annotate(n=Count("id"), ex=Count("id", filter=~Q(exemption="") & Q(came=False)))
        .values_list("unit_id", "n", "ex")
    ):
        counts[uid][0], counts[uid][1] = n, ex
    for uid, n in att.values("unit_id").annotate(n=Count("id")).values_list("unit_id", "n"):
        counts[uid][2] = n
    paths = dict(Unit.objects.filter(id__in=set(counts) | (ids or set())).values_list("id", "path"))
    with transaction.atomic():
        stale = RoundUnitTally.objects.filter(round=study_round)
        if ids is not None:
            stale = stale.filter(unit_id__in=ids)
        stale.delete()
        RoundUnitTally.objects.bulk_create(
            [
                RoundUnitTally(
                    round=study_round,
                    unit_id=uid,
                    unit_path=paths[uid],
                    eligible=e,
                    exempted=x,
                    attended=a,
                )
                for uid, (e, x, a) in counts.items()
            ],
            batch_size=2000,
        )


@dataclass
class RateRow:
    unit: Unit
    eligible: int
    exempted: int
    attended: int
    target: Decimal
    direct: bool = False  # the members attached to the parent unit itself, not a child subtree
    has_children: bool = False

    @property
    def expected(self) -> int:
        return self.eligible - self.exempted

    @property
    def absent(self) -> int:
        return max(0, self.expected - self.attended)

    @property
    def rate(self) -> Decimal | None:
        return _rate(self.attended, self.expected)

    @property
    def below_target(self) -> bool:
        rate = self.rate
        return rate is not None and rate < self.target


def rate_for_unit(study_round: StudyRound, unit: Unit) -> dict[str, Any]:
    """Attendance of ``unit``'s whole subtree in ``study_round`` (one query). See the module docstring."""
    sums = RoundUnitTally.objects.filter(
        round=study_round, unit_path__startswith=unit.path
    ).aggregate(eligible=Sum("eligible"), exempted=Sum("exempted"), attended=Sum("attended"))
    eligible, exempted, attended = (int(sums[k] or 0) for k in ("eligible", "exempted", "attended"))
    return {
        "eligible": eligible,
        "exempted": exempted,
        "attended": attended,
        "rate": _rate(attended, eligible - exempted),
    }


def round_rates(study_round: StudyRound, parent_unit: Unit) -> list[RateRow]:
    """One row per child of ``parent_unit`` (aggregated over its subtree) plus a row for the members
    attached to ``parent_unit`` itself if any. Three queries whatever the size of the tree."""
    step = Unit.steplen
    prefix_len = (parent_unit.depth + 1) * step
    grouped = list(
        RoundUnitTally.objects.filter(round=study_round, unit_path__startswith=parent_unit.path)
        .annotate(prefix=Substr("unit_path", 1, prefix_len), path_len=Length("unit_path"))
        .values("prefix")
        .annotate(
            e=Sum("eligible"),
            x=Sum("exempted"),
            a=Sum("attended"),
            deeper=Count("id", filter=Q(path_len__gt=prefix_len)),
        )
        .values_list("prefix", "e", "x", "a", "deeper")
    )
    units = {u.path: u for u in Unit.objects.filter(path__in=[g[0] for g in grouped])}
    target = study_round.target_rate
    rows = []
    for prefix, e, x, a, deeper in grouped:
        unit = units.get(prefix)
        if unit is None:
            continue
        rows.append(
            RateRow(
                unit,
                int(e),
                int(x),
                int(a),
                target,
                direct=unit.pk == parent_unit.pk,
                has_children=deeper > 0,
            )
        )
    rows.sort(key=lambda r: (not r.direct, r.unit.path))
    return rows


def units_below_target(study_round: StudyRound, parent_unit: Unit) -> list[RateRow]:
    return [r for r in round_rates(study_round, parent_unit) if r.below_target]


# --- attendance ------------------------------------------------------------------------------------


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
        raise StudyError("Mã điểm danh không đúng cho buổi học này.")
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
    return result


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


# --- comprehension tests ---------------------------------------------------------------------------


def _answer_key(kind: str, choices: list[tuple[str, bool]], accepted: str) -> tuple[Any, ...]:
    """What grading depends on: the kind, which choices (by position) are right, the accepted
    short answers. Wording is not part of it."""
    accepted_lines = tuple(ln.strip().lower() for ln in accepted.splitlines() if ln.strip())
    return kind, tuple(correct for _, correct in choices), accepted_lines


def _choices_from(data: Mapping[str, Any]) -> list[tuple[str, bool]]:
    kind = data["kind"]
    if kind == QuestionKind.TRUE_FALSE:
        truth = str(data.get("accepted", "")).strip().lower() == "đúng"
        return [("Đúng", truth), ("Sai", not truth)]
    if kind in (QuestionKind.SINGLE, QuestionKind.MULTIPLE):
        return [(ln.lstrip("*").strip(), ln.startswith("*")) for ln in data["choice_lines"]]
    return []


@transaction.atomic
def save_question(
    study_round: StudyRound, data: Mapping[str, Any], question: Question | None = None
) -> Question:
    """Add a question to the round's bank (``question`` None) or change one, from a valid
    ``QuestionForm``'s data. A question someone has answered keeps its answer key (kind, right
    choices, accepted answers): only its wording may change, or the scores already given would
    no longer match the question."""
    kind = data["kind"]
    choices = _choices_from(data)
    accepted = str(data.get("accepted", "")) if kind == QuestionKind.SHORT else ""
    if question is None:
        question = Question(round=study_round, order=study_round.questions.count() + 1)
    else:
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.answers.exists():
            old = [(c.text, c.is_correct) for c in question.choices.order_by("order", "id")]
            if _answer_key(kind, choices, accepted) != _answer_key(
                question.kind, old, question.accepted_answers
            ):
                raise StudyError(
                    "Câu hỏi đã có người trả lời: chỉ sửa được câu chữ, không đổi được loại câu "
                    "hỏi, số phương án hay đáp án đúng (điểm đã chấm sẽ không còn khớp). Hãy "
                    "thêm một câu hỏi mới nếu cần đáp án khác."
                )
    question.kind = kind
    question.text = data["text"]
    question.accepted_answers = accepted
    question.save()
    existing = list(question.choices.order_by("order", "id"))
    if len(existing) == len(choices):  # same positions: reworded in place (answers point at them)
        for choice, (text, correct) in zip(existing, choices, strict=True):
            choice.text, choice.is_correct = text, correct
        Choice.objects.bulk_update(existing, ["text", "is_correct"])
    else:  # only a question nobody answered can get here
        question.choices.all().delete()
        Choice.objects.bulk_create(
            Choice(question=question, text=text, is_correct=correct, order=i)
            for i, (text, correct) in enumerate(choices, start=1)
        )
    return question


def question_form_initial(question: Question) -> dict[str, str]:
    """A ``QuestionForm``'s fields for an existing question (the inverse of ``save_question``)."""
    choices = list(question.choices.order_by("order", "id"))
    initial = {"kind": question.kind, "text": question.text, "choices": "", "accepted": ""}
    if question.kind == QuestionKind.TRUE_FALSE:
        initial["accepted"] = next((c.text for c in choices if c.is_correct), "")
    elif question.kind == QuestionKind.SHORT:
        initial["accepted"] = question.accepted_answers
    else:
        initial["choices"] = "\n".join(("*" if c.is_correct else "") + c.text for c in choices)
    return initial


def start_attempt(test: StudyTest, person: Person, seed: int | None = None) -> TestAttempt:
    """Start (or resume) a member's online attempt; the question order is drawn once and kept."""
    eligibility = Eligibility.objects.filter(round=test.round_id, person=person).first()
    if eligibility is None:
        raise StudyError("Đồng chí không có trong danh sách của đợt học tập này.")
    attempt = TestAttempt.objects.filter(test=test, person=person).first()
    if attempt is not None:
        return attempt
    if not test.is_open:
        raise StudyError("Bài kiểm tra đã đóng.")
    ids = list(test.round.questions.values_list("id", flat=True))
    if not ids:
        raise StudyError("Bài kiểm tra chưa có câu hỏi.")
    if test.shuffle:
        random.Random(seed).shuffle(ids)
    return TestAttempt.objects.create(
        test=test, person=person, unit_id=eligibility.unit_id, question_order=ids
    )


def _is_correct(question: Question, answer: Any) -> tuple[bool, list[Any]]:
    if question.kind == QuestionKind.SHORT:
        text = answer if isinstance(answer, str) else (answer[0] if answer else "")
        accepted = {fold(a) for a in question.accepted_answers.splitlines() if a.strip()}
        return fold(str(text)) in accepted, [str(text)]
    chosen = {
        int(a)
        for a in (answer if isinstance(answer, list | tuple | set) else [answer])
        if str(a).isdigit()
    }
    correct = {c.pk for c in question.choices.all() if c.is_correct}
    return chosen == correct and bool(correct), sorted(chosen)


GRACE_SECONDS = 60


@transaction.atomic
def submit_attempt(
    attempt: TestAttempt, answers: dict[int, Any], now: datetime | None = None
) -> TestAttempt:
    """Score an online attempt. Past the time limit (plus a minute's grace) answers are not counted."""
    if attempt.submitted_at is not None:
        raise StudyError("Bài đã nộp.")
    now = now or timezone.now()
    test = attempt.test
    late = (now - attempt.started_at).total_seconds() > test.time_limit_minutes * 60 + GRACE_SECONDS
    questions = {
        q.pk: q
        for q in test.round.questions.prefetch_related("choices").filter(
            pk__in=attempt.question_order
        )
    }
    right = 0
    rows = []
    for qid in attempt.question_order:
        question = questions.get(qid)
        if question is None:
            continue
        ok, stored = _is_correct(question, answers.get(qid, [])) if not late else (False, [])
        right += ok
        rows.append(AttemptAnswer(attempt=attempt, question=question, answer=stored, correct=ok))
    AttemptAnswer.objects.bulk_create(rows)
    attempt.score = _rate(right, len(rows)) or Decimal("0")
    attempt.passed = attempt.score >= test.pass_score
    attempt.submitted_at = now
    attempt.save(update_fields=["score", "passed", "submitted_at"])
    return attempt


def enter_paper_score(test: StudyTest, person: Person, score: Decimal) -> TestAttempt:
    """An officer enters the score (0–100) of a paper test."""
    if not Decimal(0) <= score <= Decimal(100):
        raise StudyError("Điểm phải từ 0 đến 100.")
    eligibility = Eligibility.objects.filter(round=test.round_id, person=person).first()
    if eligibility is None:
        raise StudyError("Người này không có trong danh sách của đợt học tập.")
    online = TestAttempt.objects.filter(
        test=test, person=person, source=AttemptSource.ONLINE
    ).first()
    if online is not None:
        raise StudyError("Người này đã làm bài trực tuyến; không nhập điểm bài giấy đè lên.")
    attempt, _ = TestAttempt.objects.update_or_create(
        test=test,
        person=person,
        defaults={
            "unit_id": eligibility.unit_id,
            "source": AttemptSource.PAPER,
            "score": score,
            "passed": score >= test.pass_score,
            "submitted_at": timezone.now(),
        },
    )
    return attempt


@dataclass
class ScoreRow:
    unit: Unit
    takers: int
    passed: int
    average: Decimal | None

    @property
    def pass_rate(self) -> Decimal | None:
        return _rate(self.passed, self.takers)


def test_results(test: StudyTest, parent_unit: Unit) -> list[ScoreRow]:
    """Takers, passes and mean score per child of ``parent_unit`` (subtree aggregates, 2 queries)."""
    prefix_len = (parent_unit.depth + 1) * Unit.steplen
    grouped = list(
        TestAttempt.objects.filter(
            test=test, submitted_at__isnull=False, unit__path__startswith=parent_unit.path
        )
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix")
        .annotate(n=Count("id"), p=Count("id", filter=Q(passed=True)), avg=Sum("score"))
        .values_list("prefix", "n", "p", "avg")
    )
    units = {u.path: u for u in Unit.objects.filter(path__in=[g[0] for g in grouped])}
    rows = [
        ScoreRow(units[prefix], n, p, (Decimal(total) / n).quantize(Decimal("0.01")) if n else None)
        for prefix, n, p, total in grouped
        if prefix in units
    ]
    rows.sort(key=lambda r: r.unit.path)
    return rows


@dataclass
class QuestionStat:
    question: Question
    answered: int
    wrong: int

    @property
    def wrong_rate(self) -> Decimal | None:
        return _rate(self.wrong, self.answered)


def question_stats(test: StudyTest, unit: Unit | None = None) -> list[QuestionStat]:
    """Questions with the most wrong answers first (so the presenter can explain them again)."""
    answers = AttemptAnswer.objects.filter(attempt__test=test)
    if unit is not None:
        answers = answers.filter(attempt__unit__path__startswith=unit.path)
    counts = {
        qid: (n, w)
        for qid, n, w in answers.values("question_id")
        .annotate(n=Count("id"), w=Count("id", filter=Q(correct=False)))
        .values_list("question_id", "n", "w")
    }
    stats = [QuestionStat(q, *counts.get(q.pk, (0, 0))) for q in test.round.questions.all()]
    stats.sort(key=lambda s: (-(s.wrong_rate or 0), -s.wrong, s.question.order))
    return stats


# --- essays ----------------------------------------------------------------------------------------


def submit_essay(
    study_round: StudyRound, person: Person, text: str = "", file: Any = None
) -> Essay:
    if not (text or "").strip() and not file:
        raise StudyError("Hãy nhập nội dung hoặc đính kèm tệp bài thu hoạch.")
    eligibility = Eligibility.objects.filter(round=study_round, person=person).first()
    if eligibility is None:
        raise StudyError("Đồng chí không có trong danh sách của đợt học tập này.")
    essay, _ = Essay.objects.get_or_create(
        round=study_round, person=person, defaults={"unit_id": eligibility.unit_id}
    )
    if essay.graded_at is not None:
        raise StudyError("Bài đã được chấm, không sửa được nữa.")
    essay.text = text or essay.text
    if file:
        essay.file = file
    essay.save()
    return essay


def can_read_essay(user: Any, essay: Essay) -> bool:
    """The essay's text: only its author, its assigned graders and the officers of its own unit."""
    if not getattr(user, "is_authenticated", False):
        return False
    if getattr(user, "person_id", None) == essay.person_id:
        return True
    if essay.graders.filter(pk=user.pk).exists():
        return True
    return is_unit_officer(user, essay.unit)


def readable_essays(user: Any, qs: QuerySet[Essay]) -> QuerySet[Essay]:
    """Filter essays to those whose text ``user`` may read (same rule as ``can_read_essay``)."""
    condition = Q(graders=user)
    if getattr(user, "person_id", None):
        condition |= Q(person_id=user.person_id)
    if getattr(user, "unit_id", None) and is_officer(user):
        condition |= Q(unit_id=user.unit_id)
    return qs.filter(condition).distinct()


def assign_graders(essay: Essay, graders: Iterable[Any]) -> None:
    chosen = list(graders)
    for grader in chosen:
        unit = getattr(grader, "unit", None)
        if unit is None or (not unit.contains(essay.unit) and not essay.unit.contains(unit)):
            raise StudyError(f"{grader} không thuộc đơn vị của bài thu hoạch.")
    essay.graders.set(chosen)


def grade_for_ratio(points: int, maximum: int) -> str:
    ratio = Decimal(points) / maximum if maximum else Decimal(0)
    if ratio >= Decimal("0.9"):
        return EssayGrade.EXCELLENT
    if ratio >= Decimal("0.75"):
        return EssayGrade.GOOD
    if ratio >= Decimal("0.5"):
        return EssayGrade.PASS
    return EssayGrade.FAIL


@transaction.atomic
def grade_essay(essay: Essay, grader: Any, level_ids: Iterable[int], comment: str) -> Essay:
    """A grader picks one level per rubric criterion; points add up, the grade follows the share."""
    if not essay.graders.filter(pk=grader.pk).exists():
        raise StudyError("Đồng chí không được phân công chấm bài này.")
    criteria = list(essay.round.rubric.prefetch_related("levels"))
    levels = list(
        RubricLevel.objects.filter(pk__in=list(level_ids), criterion__round=essay.round_id)
    )
    by_criterion = {lv.criterion_id: lv for lv in levels}
    missing = [c.name for c in criteria if c.pk not in by_criterion]
    if missing or len(levels) != len(by_criterion):
        raise StudyError("Hãy chọn đúng một mức cho mỗi tiêu chí: " + ", ".join(missing))
    maximum = sum(max((lv.points for lv in c.levels.all()), default=0) for c in criteria)
    essay.points = sum(lv.points for lv in levels)
    essay.grade = grade_for_ratio(essay.points, maximum)
    essay.comment = comment.strip()
    essay.graded_by = grader
    essay.graded_at = timezone.now()
    essay.save()
    essay.levels.set(levels)
    return essay


def grade_distribution(study_round: StudyRound, parent_unit: Unit) -> list[dict[str, Any]]:
    """Per child of ``parent_unit``: submitted essays and counts per grade (2 queries)."""
    prefix_len = (parent_unit.depth + 1) * Unit.steplen
    rows: dict[str, dict[str, Any]] = {}
    for prefix, grade, n in (
        Essay.objects.filter(round=study_round, unit__path__startswith=parent_unit.path)
        .annotate(prefix=Substr("unit__path", 1, prefix_len))
        .values("prefix", "grade")
        .annotate(n=Count("id"))
        .values_list("prefix", "grade", "n")
    ):
        row = rows.setdefault(
            prefix, {"submitted": 0, **{g: 0 for g in EssayGrade.values}, "ungraded": 0}
        )
        row["submitted"] += n
        row[grade or "ungraded"] += n
    units = {u.path: u for u in Unit.objects.filter(path__in=list(rows))}
    return [{"unit": units[p], **rows[p]} for p in sorted(rows) if p in units]
