"""Exports of a round: attendance and results as .xlsx, the summary report as .docx (party format).

The .docx is laid out by :mod:`tuyengiao.core.official_docx` in the format in force on its date
(05-HD/VPTW for party bodies today): header of the unit's issuing body, "Số      -BC/<code>",
place and date, "BÁO CÁO / kết quả học tập, quán triệt …", the body with the rate table,
"Nơi nhận" and the signature block.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from tuyengiao.core.official_docx import start
from tuyengiao.core.spreadsheets import workbook_bytes
from tuyengiao.orgs.letterhead import letterhead_for
from tuyengiao.orgs.models import Unit

from .models import StudyRound, StudySession
from .services.attendance import signin_sheet_rows
from .services.quizzes import ScoreRow
from .services.rates import RateRow, rate_for_unit

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RATE_HEADERS = [
    "Đơn vị",
    "Số đảng viên",
    "Miễn học",
    "Phải học",
    "Đã học",
    "Tỷ lệ (%)",
    "Đạt chỉ tiêu",
]


def _rate_cells(row: RateRow) -> list[object]:
    name = ("Trực thuộc " + row.unit.name) if row.direct else row.unit.name
    rate = float(row.rate) if row.rate is not None else None
    return [
        name,
        row.eligible,
        row.exempted,
        row.expected,
        row.attended,
        rate,
        "Chưa đạt" if row.below_target else "Đạt",
    ]


def rates_xlsx(study_round: StudyRound, unit: Unit, rows: Sequence[RateRow]) -> bytes:
    total = rate_for_unit(study_round, unit)
    body = [_rate_cells(r) for r in rows]
    body.append(
        [
            "Cộng",
            total["eligible"],
            total["exempted"],
            total["eligible"] - total["exempted"],
            total["attended"],
            float(total["rate"]) if total["rate"] is not None else None,
            "",
        ]
    )
    return workbook_bytes([("Tỷ lệ tham gia", RATE_HEADERS, body)])


def session_sheet_xlsx(session: StudySession) -> bytes:
    headers = ["STT", "Họ và tên", "Năm sinh", "Đơn vị", "Tình trạng", "Ký tên"]
    return workbook_bytes([("Danh sách ký tên", headers, signin_sheet_rows(session))])


def results_xlsx(rows: Sequence[ScoreRow]) -> bytes:
    headers = ["Đơn vị", "Số bài", "Số bài đạt", "Tỷ lệ đạt (%)", "Điểm trung bình (%)"]
    body = [
        [
            r.unit.name,
            r.takers,
            r.passed,
            float(r.pass_rate) if r.pass_rate is not None else None,
            float(r.average) if r.average is not None else None,
        ]
        for r in rows
    ]
    return workbook_bytes([("Kết quả kiểm tra", headers, body)])


def summary_docx(
    study_round: StudyRound, unit: Unit, rows: Sequence[RateRow], on: date | None = None
) -> bytes:
    """The round's summary report (Báo cáo) of ``unit`` (its subtree), one row per child unit,
    in the format in force on ``on`` for the unit's issuing body
    (:mod:`tuyengiao.core.official_docx`, :func:`tuyengiao.orgs.letterhead.letterhead_for`)."""
    on = on or date.today()
    letterhead = letterhead_for(unit)
    studied = study_round.studied_title or study_round.title
    draft = start(letterhead, "Báo cáo", f"kết quả học tập, quán triệt {studied}", on)
    total = rate_for_unit(study_round, unit)
    rate_text = f"{total['rate']:.2f} %" if total["rate"] is not None else "—"
    reached = total["rate"] is not None and total["rate"] >= study_round.target_rate
    draft.paragraph(
        f"Thực hiện {study_round.number + ' ' if study_round.number else ''}về {study_round.title}, "
        f"từ ngày {study_round.starts_on:%d/%m/%Y} đến ngày {study_round.ends_on:%d/%m/%Y}, "
        f"{letterhead.name} đã tổ chức học tập, quán triệt cho {total['eligible']} đảng viên thuộc "
        f"diện học tập; miễn học {total['exempted']} đồng chí theo quy định; số đảng viên tham gia "
        f"{total['attended']}, đạt tỷ lệ {rate_text} ({'đạt' if reached else 'chưa đạt'} chỉ tiêu "
        f"{study_round.target_rate:.0f} %)."
    )
    draft.paragraph("Kết quả theo đơn vị:")
    body = []
    for row in rows:
        body.append(
            [
                f"{value:.2f}"
                if isinstance(value, float)
                else str(value if value is not None else "—")
                for value in _rate_cells(row)
            ]
        )
    draft.table(RATE_HEADERS, body, widths_cm=(5.0, 1.8, 1.6, 1.8, 1.6, 1.8, 2.1), size=11)
    below = [r for r in rows if r.below_target]
    if below:
        draft.paragraph(
            "Các đơn vị chưa đạt chỉ tiêu cần tổ chức học bù cho đảng viên vắng mặt: "
            + "; ".join(r.unit.name for r in below)
            + "."
        )
    recipients = []
    if study_round.unit_id != unit.pk:
        recipients.append(f"{study_round.unit.name} (để báo cáo)")
    elif letterhead.superior_name:
        recipients.append(f"{letterhead.superior_name} (để báo cáo)")
    recipients += [
        letterhead.subordinates[0].upper() + letterhead.subordinates[1:],
        f"Lưu {letterhead.office}",
    ]
    return draft.finish(recipients)
