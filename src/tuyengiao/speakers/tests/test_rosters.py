"""Rosters: appointing keeps Person.roles in step, the term change of a whole list (dry run, then
all at once) keeps every person's history, the roll-up counts by level and role, the import is
all or nothing."""

from __future__ import annotations

import io
from datetime import date

import pytest

from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.orgs.models import CommRole, Person
from tuyengiao.speakers.models import Appointment, EndReason
from tuyengiao.speakers.services import SpeakersError
from tuyengiao.speakers.services.imports import import_roster
from tuyengiao.speakers.services.rosters import (
    appoint,
    end_appointment,
    history,
    rollup,
    term_change,
)
from tuyengiao.speakers.testing import make_speaker, speaker_role
from tuyengiao.testing import Tree

pytestmark = pytest.mark.django_db


def test_appointment_keeps_person_roles_in_step(tree: Tree) -> None:
    a = make_speaker(tree.cell1, "Trần Văn Bình", roster_unit=tree.base1)
    assert list(a.person.roles.values_list("code", flat=True)) == ["bao-cao-vien"]
    with pytest.raises(SpeakersError, match="đang là báo cáo viên"):
        appoint(unit=tree.base1, person=a.person, role=a.role, term_start=date(2025, 2, 1))
    end_appointment(a, date(2026, 1, 1), EndReason.WITHDRAWN)
    assert not a.person.roles.exists()
    # A person outside the unit's subtree cannot be on its list.
    stranger = Person.objects.create(unit=tree.base2, full_name="Người nhánh khác")
    with pytest.raises(SpeakersError, match="không thuộc"):
        appoint(unit=tree.base1, person=stranger, role=a.role, term_start=date(2025, 1, 1))


def test_term_change_of_thirty_speakers_keeps_each_history(tree: Tree) -> None:
    speakers = [
        make_speaker(tree.cell1, f"Báo cáo viên số {i:02d}", roster_unit=tree.bloc)
        for i in range(30)
    ]
    keep = {a.pk for a in speakers[:27]}
    dry = term_change(
        tree.bloc,
        keep_ids=keep,
        term_start=date(2026, 1, 1),
        term_end=date(2030, 12, 31),
        decision_number="45-QĐ/ĐUK",
        decision_date=date(2025, 12, 20),
    )
    assert (len(dry.reappointed), len(dry.ended), dry.applied) == (27, 3, False)
    assert (
        Appointment.objects.count() == 30 and Appointment.objects.filter(active=True).count() == 30
    )

    done = term_change(
        tree.bloc,
        keep_ids=keep,
        term_start=date(2026, 1, 1),
        term_end=date(2030, 12, 31),
        decision_number="45-QĐ/ĐUK",
        decision_date=date(2025, 12, 20),
        dry_run=False,
    )
    assert done.applied and len(done.created) == 27
    assert Appointment.objects.count() == 57
    assert Appointment.objects.filter(active=True, decision_number="45-QĐ/ĐUK").count() == 27
    for a in speakers[:27]:
        terms = list(history(a.person))
        assert [t.term_start for t in terms] == [date(2025, 1, 1), date(2026, 1, 1)]
        assert terms[0].end_reason == EndReason.REAPPOINTED and not terms[0].active
        assert terms[1].previous_id == terms[0].pk and terms[1].expertise == terms[0].expertise
        assert a.person.roles.filter(code="bao-cao-vien").exists()
    for a in speakers[27:]:
        terms = list(history(a.person))
        assert len(terms) == 1 and terms[0].end_reason == EndReason.TERM_ENDED
        assert terms[0].ended_on == date(2026, 1, 1)
        assert not a.person.roles.exists()
    # Doing it twice is refused: the new terms start on the change date.
    with pytest.raises(SpeakersError, match="không trước nhiệm kỳ mới"):
        term_change(
            tree.bloc,
            keep_ids=set(),
            term_start=date(2026, 1, 1),
            term_end=None,
            decision_number="x",
            decision_date=None,
            dry_run=False,
        )


def test_term_change_refuses_someone_not_on_the_list(tree: Tree) -> None:
    mine = make_speaker(tree.base1, "A")
    other = make_speaker(tree.base2, "B")
    with pytest.raises(SpeakersError, match="không thuộc danh sách"):
        term_change(
            tree.base1,
            keep_ids={mine.pk, other.pk},
            term_start=date(2026, 1, 1),
            term_end=None,
            decision_number="1",
            decision_date=None,
            dry_run=False,
        )
    assert Appointment.objects.filter(active=True).count() == 2


def test_rollup_by_level_and_child(tree: Tree) -> None:
    roles = list(CommRole.objects.all())
    ttv = CommRole.objects.get(code="tuyen-truyen-vien")
    make_speaker(tree.bloc, "Ở khối")
    make_speaker(tree.base1, "Ở cơ sở 1")
    make_speaker(tree.cell1, "Ở chi bộ 1")
    p = Person.objects.create(unit=tree.base2, full_name="TTV cơ sở 2")
    appoint(unit=tree.base2, person=p, role=ttv, term_start=date(2025, 1, 1))
    by_level, by_child, totals = rollup(tree.bloc, roles)
    assert totals == {speaker_role().pk: 3, ttv.pk: 1}
    levels = {r.label: r.total for r in by_level}
    assert sum(levels.values()) == 4
    children = {r.label: r.counts for r in by_child}
    assert children[f"Trực thuộc {tree.bloc.name}"] == {speaker_role().pk: 1}
    assert children[tree.base1.name] == {speaker_role().pk: 2}
    assert children[tree.base2.name] == {ttv.pk: 1}


def _sheet(rows: list[list[object]]) -> io.BytesIO:
    headers = ["Họ và tên", "Năm sinh", "Vai trò", "Số quyết định", "Nhiệm kỳ từ", "Nhiệm kỳ đến"]
    return io.BytesIO(workbook_bytes([("DS", headers, rows)]))


def test_import_is_all_or_nothing(tree: Tree) -> None:
    Person.objects.create(unit=tree.cell1, full_name="Lê Thị Cúc", birth_year=1980)
    Person.objects.create(unit=tree.base1, full_name="Phạm Văn Dũng")
    bad = _sheet(
        [
            ["Lê Thị Cúc", 1980, "Báo cáo viên", "3-QĐ", "01/01/2026", "31/12/2030"],
            ["Không Có Ai", "", "Báo cáo viên", "", "01/01/2026", ""],
            ["Phạm Văn Dũng", "", "Nhà thơ", "", "32/01/2026", ""],
        ]
    )
    result = import_roster(tree.base1, bad, "ds.xlsx")
    assert not result.applied and [e.row for e in result.errors] == [3, 4]
    assert "Không Có Ai" in result.errors[0].reason
    assert (
        "Nhà thơ" in result.errors[1].reason and "không đúng dạng ngày" in result.errors[1].reason
    )
    assert not Appointment.objects.exists()

    good = _sheet(
        [
            ["Lê Thị Cúc", 1980, "Báo cáo viên", "3-QĐ", "01/01/2026", "31/12/2030"],
            ["Phạm Văn Dũng", "", "tuyen-truyen-vien", "", "01/01/2026", ""],
        ]
    )
    result = import_roster(tree.base1, good, "ds.xlsx")
    assert result.applied and result.created == 2
    cuc = Appointment.objects.get(person__full_name="Lê Thị Cúc")
    assert (cuc.decision_number, cuc.term_end) == ("3-QĐ", date(2030, 12, 31))
    # Importing the same file again: they are already on the list, nothing written.
    again = import_roster(
        tree.base1, _sheet([["Lê Thị Cúc", 1980, "Báo cáo viên", "", "01/01/2026", ""]]), "x.xlsx"
    )
    assert not again.applied and "đang là báo cáo viên" in again.errors[0].reason
    assert Appointment.objects.count() == 2
