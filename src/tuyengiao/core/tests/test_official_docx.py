"""Drafts under today's rules: for each of the five party issuing kinds (ban thường vụ, đảng ủy,
chi bộ cơ sở, chi bộ trực thuộc, a board of the provincial committee) and a state body, and for
each of the three types the product drafts (Kế hoạch, Báo cáo, Công văn), the .docx is checked

* against expectations written from the rule text — each assertion cites the provision (as held
  in ``vanban.rules``; "reported" where the text itself could not be read, see
  docs/the-thuc.md) — never from the draft's own output;
* by ``vanban``'s format check (text and .docx layout), which must find nothing.

The tree is the two-level shape of 2026: Tỉnh ủy → Đảng bộ xã, Ban Tuyên giáo và Dân vận, Đảng
ủy các cơ quan Đảng tỉnh → chi bộ cơ sở; Đảng bộ xã → chi bộ thôn.
"""

from __future__ import annotations

import io
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from docx import Document as DocxDocument

import vanban
from tuyengiao.core.official_docx import NUMBER_BLANK, start
from tuyengiao.orgs.letterhead import letterhead_for, signature, types_for
from tuyengiao.orgs.models import Unit, UnitKind
from tuyengiao.plans.drafting import (
    DraftTask,
    ParentPlan,
    build_forwarding_letter,
    build_implementing_plan,
)
from tuyengiao.testing import SOFFICE, convert_to_pdf
from vanban.docx_layout import read_docx_layout
from vanban.format_check import check_format
from vanban.rules import rule_set_for

ON = date(2026, 12, 3)  # under Hướng dẫn 05-HD/VPTW (from 27/5/2026) and Quy định 399-QĐ/TW
PARENT = ParentPlan(
    number="12-KH/TU",
    issuer="Ban Thường vụ Tỉnh ủy",
    title="Tuyên truyền kỷ niệm 96 năm Ngày thành lập Đảng",
    date=date(2026, 11, 20),
    tasks=[
        DraftTask(
            "Tổ chức quán triệt kế hoạch", "- Tỷ lệ đảng viên tham gia ≥ 98%.", "", "Quý I/2027"
        ),
        DraftTask("Tuyên truyền trên các phương tiện thông tin", "", "", "Thường xuyên"),
    ],
)


@dataclass
class Expected:
    """What the rules require of one issuing kind's header and signature."""

    superior: str  # 36-HD/VPTW điểm 1.2.1 (carried into 05-HD): tên cơ quan cấp trên trực tiếp
    issuer: str  # … tên cơ quan ban hành (the committee, not the đảng bộ it leads)
    code: str  # the body's part of the symbol
    place: str
    on_behalf: str  # 36-HD/VPTW điểm 1.7.1: T/M for a collective; a board's head signs directly
    title: str
    has_seal: bool = True


def _tree() -> dict[str, Unit]:
    province = Unit.objects.add_root(
        dict(kind=UnitKind.PARTY_COMMITTEE, code="TU", name="Tỉnh ủy Bình An", short_name="TU")
    )
    board = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_BOARD,
            code="BTGDVTU",
            name="Ban Tuyên giáo và Dân vận Tỉnh ủy",
            short_name="BTGDVTU",
        ),
    )
    commune = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="DB-TANLAP",
            name="Đảng bộ xã Tân Lập",
            short_name="ĐU",
        ),
    )
    village = Unit.objects.add_child(
        commune,
        dict(kind=UnitKind.CELL, code="CB-PHUHOA", name="Chi bộ thôn Phú Hòa", short_name="CB"),
    )
    agencies = Unit.objects.add_child(
        province,
        dict(
            kind=UnitKind.PARTY_COMMITTEE,
            code="DUCQD",
            name="Đảng ủy các cơ quan Đảng tỉnh",
            short_name="ĐU",
        ),
    )
    newspaper = Unit.objects.add_child(
        agencies,
        dict(
            kind=UnitKind.BASE_ORGANISATION,
            code="CB-BAO",
            name="Chi bộ Báo Bình An",
            short_name="CB",
        ),
    )
    people = Unit.objects.add_root(
        dict(
            kind=UnitKind.STATE_BODY,
            code="UBND",
            name="Ủy ban nhân dân tỉnh Bình An",
            short_name="UBND",
        )
    )
    department = Unit.objects.add_child(
        people,
        dict(kind=UnitKind.STATE_BODY, code="SNV", name="Sở Nội vụ", short_name="SNV"),
    )
    return {
        "ban_thuong_vu": province,
        "dang_uy": commune,
        "chi_bo_co_so": newspaper,
        "chi_bo_truc_thuoc": village,
        "ban_dang": board,
        "state": department,
        "agencies": agencies,
    }


EXPECTED = {
    # "ĐẢNG BỘ TỈNH …" / "TỈNH ỦY", signed T/M BAN THƯỜNG VỤ (36-HD/VPTW điểm 1.2.1, 1.7.1)
    "ban_thuong_vu": Expected(
        "ĐẢNG BỘ TỈNH BÌNH AN", "TỈNH ỦY", "TU", "Bình An", "T/M BAN THƯỜNG VỤ", "BÍ THƯ"
    ),
    # the brief's example: "ĐẢNG BỘ TỈNH …" over "ĐẢNG ỦY XÃ …", T/M ĐẢNG ỦY; the place of a
    # commune's documents is the commune
    "dang_uy": Expected(
        "ĐẢNG BỘ TỈNH BÌNH AN", "ĐẢNG ỦY XÃ TÂN LẬP", "ĐU", "Tân Lập", "T/M ĐẢNG ỦY", "BÍ THƯ"
    ),
    "chi_bo_co_so": Expected(
        "ĐẢNG BỘ CÁC CƠ QUAN ĐẢNG TỈNH",
        "CHI BỘ BÁO BÌNH AN",
        "CB",
        "Bình An",
        "T/M CHI BỘ",
        "BÍ THƯ",
    ),
    # a chi bộ trực thuộc: "ĐẢNG BỘ <the base>" over "CHI BỘ …", T/M CHI BỘ, no seal
    # (05-HD/VPTW as reported: "Chi bộ không có con dấu … ký T/M CHI BỘ, không đóng dấu")
    "chi_bo_truc_thuoc": Expected(
        "ĐẢNG BỘ XÃ TÂN LẬP",
        "CHI BỘ THÔN PHÚ HÒA",
        "CB",
        "Tân Lập",
        "T/M CHI BỘ",
        "BÍ THƯ",
        has_seal=False,
    ),
    # a board: the committee's name above the board's; the head signs directly (36-HD điểm 1.7.1)
    "ban_dang": Expected(
        "TỈNH ỦY BÌNH AN", "BAN TUYÊN GIÁO VÀ DÂN VẬN", "BTGDVTU", "Bình An", "", "TRƯỞNG BAN"
    ),
}

TYPES = {"Kế hoạch": "KH", "Báo cáo": "BC", "Công văn": "CV"}  # 399-QĐ/TW types, 05-HD codes


def _draft(unit: Unit, type_name: str) -> bytes:
    letterhead = letterhead_for(unit)
    if type_name == "Kế hoạch":
        return build_implementing_plan(letterhead, PARENT, ON)
    if type_name == "Công văn":
        return build_forwarding_letter(letterhead, PARENT, ON)
    report = start(letterhead, "Báo cáo", "kết quả tuyên truyền năm 2026", ON)
    report.heading("I. KẾT QUẢ")
    report.paragraph("Đơn vị đã tổ chức tuyên truyền theo kế hoạch.")
    return report.finish(["Lưu Văn phòng"])


def _cells(doc: Any, table: int) -> tuple[list[Any], list[Any]]:
    left, right = doc.tables[table].rows[0].cells
    return list(left.paragraphs), list(right.paragraphs)


def _parse(data: bytes) -> Any:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "draft.docx"
        path.write_bytes(data)
        return vanban.parse(vanban.read(path))


@pytest.mark.django_db
@pytest.mark.parametrize("type_name", list(TYPES))
@pytest.mark.parametrize("kind", list(EXPECTED))
def test_party_drafts_follow_05_hd_vptw(kind: str, type_name: str) -> None:
    units = _tree()
    unit = units[kind]
    want = EXPECTED[kind]
    assert types_for(unit, ON) == list(TYPES)  # 399-QĐ/TW Điều 11, 13 (reported): all may issue
    data = _draft(unit, type_name)
    doc = DocxDocument(io.BytesIO(data))
    left, right = _cells(doc, 0)
    lines = [p.text for p in left]
    # 36-HD/VPTW điểm 1.2.1: superior (upper, upright) over the issuing body (upper, bold), "*"
    assert lines[:3] == [want.superior, want.issuer, "*"]
    assert not left[0].runs[0].bold and left[1].runs[0].bold
    # điểm 1.3 (party): "Số" without a colon, number-hyphen-type-slash-body; the number blank
    # wide enough to write it in (05-HD/VPTW as reported: "Số      -NQ/ĐU")
    number = lines[3]
    assert number == f"Số {NUMBER_BLANK}-{TYPES[type_name]}/{want.code}"
    assert len(number.split("-")[0]) - len("Số ") >= 6
    # presentation table: title upper 15 bold; place and date 14 italic, "ngày … tháng … năm …"
    title = right[0].runs[0]
    assert right[0].text == "ĐẢNG CỘNG SẢN VIỆT NAM" and title.bold and title.font.size.pt == 15
    date_para = right[-1]
    assert date_para.text.startswith(f"{want.place}, ngày ") and date_para.text.endswith(
        "tháng 12 năm 2026"
    )
    assert date_para.runs[0].italic and date_para.runs[0].font.size.pt == 14
    body = [p.text for p in doc.paragraphs]
    if type_name == "Công văn":
        # the công văn prints no type name: its summary "V/v …" (12, italic) under the number
        assert lines[4].startswith("V/v ") and left[4].runs[0].italic
        assert left[4].runs[0].font.size.pt == 12
        assert "CÔNG VĂN" not in body and any(p.startswith("Kính gửi: ") for p in body)
    else:
        type_line = next(p for p in doc.paragraphs if p.text == type_name.upper())
        size = type_line.runs[0].font.size
        assert type_line.runs[0].bold and size is not None and size.pt in (15, 16)
    # signature (điểm 1.7.1) and "Nơi nhận" (05-HD as reported: underlined)
    recipients, signature_lines = _cells(doc, len(doc.tables) - 1)
    assert recipients[0].text == "Nơi nhận:" and recipients[0].runs[0].underline
    block = [p.text for p in signature_lines if p.text]
    assert block == [x for x in (want.on_behalf, want.title) if x]
    assert letterhead_for(unit).has_seal is want.has_seal
    # layout (05-HD as reported, carried from 36-HD): A4, margins 20/20/30/15 mm, Times New Roman,
    # body 14, page numbers in the top margin from page 2
    layout = read_docx_layout(data)
    assert layout.margins_mm == {"top": 20.0, "bottom": 20.0, "left": 30.0, "right": 15.0}
    assert layout.fonts == {"Times New Roman"} and layout.body_size_pt == 14
    assert layout.has_page_numbers
    # and vanban's format check, text and layout, under the rules of the draft's date
    parsed = _parse(data)
    assert parsed.to_dict()["rule_set"] == "05-HD/VPTW"
    assert parsed.doc_type == type_name
    assert [f.message for f in check_format(parsed, docx_layout=layout)] == []


@pytest.mark.django_db
@pytest.mark.parametrize("type_name", list(TYPES))
def test_state_drafts_follow_decree_30(type_name: str) -> None:
    """Nghị định 30/2020/NĐ-CP: Quốc hiệu and Tiêu ngữ, "Số:" with a colon, number/type-body
    ("Số: …/KH-SNV"; a công văn "Số: …/SNV"), signature "KT." / head directly."""
    unit = _tree()["state"]
    data = _draft(unit, type_name)
    doc = DocxDocument(io.BytesIO(data))
    left, right = _cells(doc, 0)
    assert [p.text for p in left][:2] == ["ỦY BAN NHÂN DÂN TỈNH BÌNH AN", "SỞ NỘI VỤ"]
    code = {"Kế hoạch": "KH-SNV", "Báo cáo": "BC-SNV", "Công văn": "SNV"}[type_name]
    assert f"Số: {NUMBER_BLANK}/{code}" in [p.text for p in left]
    assert [p.text for p in right][:2] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert right[0].runs[0].font.size.pt in (12, 13) and right[1].runs[0].underline
    _recipients, signature_lines = _cells(doc, len(doc.tables) - 1)
    assert [p.text for p in signature_lines if p.text] == ["GIÁM ĐỐC"]
    assert signature("state", "Sở Nội vụ", "deputy") == ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC")
    layout = read_docx_layout(data)
    parsed = _parse(data)
    assert parsed.to_dict()["rule_set"] == "NĐ 30/2020"
    assert [f.message for f in check_format(parsed, docx_layout=layout)] == []


@pytest.mark.django_db
def test_signature_variants_follow_36_hd_point_1_7_1() -> None:
    """A collective signs T/M, never K/T (a deputy secretary signs "T/M … / PHÓ BÍ THƯ"); a
    board's deputy head "K/T TRƯỞNG BAN / PHÓ TRƯỞNG BAN"; the office by order of the standing
    committee "T/L BAN THƯỜNG VỤ"."""
    units = _tree()
    assert letterhead_for(units["dang_uy"], "deputy").on_behalf == "T/M ĐẢNG ỦY"
    assert letterhead_for(units["dang_uy"], "deputy").signer_title == "PHÓ BÍ THƯ"
    deputy_head = letterhead_for(units["ban_dang"], "deputy")
    assert (deputy_head.on_behalf, deputy_head.signer_title) == ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN")
    by_order = letterhead_for(units["agencies"], "by_order")
    assert by_order.on_behalf == "T/L BAN THƯỜNG VỤ"
    # a committee of the agencies: "ĐẢNG BỘ TỈNH …" over the committee itself
    agencies = letterhead_for(units["agencies"])
    assert (agencies.superior, agencies.issuer) == (
        "ĐẢNG BỘ TỈNH BÌNH AN",
        "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH",
    )
    with pytest.raises(ValueError):
        letterhead_for(units["chi_bo_co_so"], "by_order")
    data = build_implementing_plan(deputy_head, PARENT, ON)
    parsed = _parse(data)
    assert parsed.on_behalf == "K/T TRƯỞNG BAN"
    assert check_format(parsed, docx_layout=read_docx_layout(data)) == []


@pytest.mark.django_db
def test_a_draft_offers_only_the_types_its_unit_may_issue() -> None:
    """Quy định 399-QĐ/TW Điều 11, 13 (as reported): a chi bộ issues no hướng dẫn, a đảng ủy cơ
    sở no hướng dẫn (its standing committee does), no body at the base a chỉ thị."""
    units = _tree()
    wanted = ("Kế hoạch", "Hướng dẫn", "Chỉ thị", "Quy chế")
    assert types_for(units["chi_bo_truc_thuoc"], ON, wanted) == ["Kế hoạch", "Quy chế"]
    assert types_for(units["chi_bo_co_so"], ON, wanted) == ["Kế hoạch", "Quy chế"]
    assert types_for(units["dang_uy"], ON, wanted) == ["Kế hoạch", "Quy chế"]
    # no row held for a committee above the base or a board: nothing is refused
    assert types_for(units["ban_dang"], ON, wanted) == list(wanted)
    # before 05-HD/VPTW (36-HD with 66-QĐ/TW, whose authority articles were not read): no limit
    assert types_for(units["chi_bo_truc_thuoc"], date(2024, 5, 1), wanted) == list(wanted)
    assert rule_set_for(ON, "party") is not None


@pytest.mark.django_db
def test_the_issuing_body_line_is_checked_against_the_signature() -> None:
    """The defect of issue 17 ("ĐẢNG BỘ SỞ NỘI VỤ" above "T/M ĐẢNG ỦY") is a finding of the
    format check (36-HD/VPTW điểm 1.2.1, carried into 05-HD/VPTW)."""
    text = (
        "ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH\nĐẢNG BỘ SỞ NỘI VỤ\n*\nSố 12-KH/ĐU\n"
        "ĐẢNG CỘNG SẢN VIỆT NAM\nBình An, ngày 02 tháng 12 năm 2026\n\nKẾ HOẠCH\n"
        "thực hiện Kế hoạch số 5-KH/ĐUK\n\nI. MỤC ĐÍCH\n\n1. Quán triệt.\n\n"
        "Nơi nhận:\n- Đảng ủy Khối,\n- Lưu Văn phòng.\n\nT/M ĐẢNG ỦY\nBÍ THƯ\n\n\nNguyễn Văn An\n"
    )
    findings = check_format(vanban.parse(text))
    assert [f.rule_id for f in findings] == ["05-HD/VPTW:ten-co-quan"]
    assert "ĐẢNG BỘ SỞ NỘI VỤ" in findings[0].message
    fixed = text.replace("ĐẢNG BỘ SỞ NỘI VỤ", "ĐẢNG ỦY SỞ NỘI VỤ")
    assert check_format(vanban.parse(fixed)) == []


def _page_runs(page: Any) -> list[tuple[str, float]]:
    """(text, height on the page) of each piece of text pypdf finds on ``page``."""
    runs: list[tuple[str, float]] = []
    page.extract_text(
        visitor_text=lambda t, cm, tm, fd, fs: (
            runs.append((t.strip(), tm[5])) if t.strip() else None
        )
    )
    return runs


def test_page_numbers_from_the_second_page_in_the_pdf(tmp_path: Path) -> None:
    """05-HD/VPTW (reported, carried from 36-HD): a document of several pages is numbered from
    the second page, in Arabic figures, in the top margin; the first page carries none."""
    if SOFFICE is None:
        pytest.skip("LibreOffice (soffice) is not installed: cannot lay the draft out")
    from pypdf import PdfReader

    from tuyengiao.core.official_docx import Letterhead

    letterhead = Letterhead(
        kind="party",
        superior="ĐẢNG BỘ TỈNH BÌNH AN",
        issuer="ĐẢNG ỦY XÃ TÂN LẬP",
        name="Đảng ủy xã Tân Lập",
        code="ĐU",
        place="Tân Lập",
        on_behalf="T/M ĐẢNG ỦY",
        signer_title="BÍ THƯ",
    )
    tasks = [
        DraftTask(f"Nhiệm vụ {i}", "- Nội dung cụ thể của nhiệm vụ. " * 8, "", "Quý I/2027")
        for i in range(1, 13)
    ]
    parent = ParentPlan(PARENT.number, PARENT.issuer, PARENT.title, PARENT.date, tasks=tasks)
    source = tmp_path / "dai.docx"
    source.write_bytes(build_implementing_plan(letterhead, parent, ON))
    convert_to_pdf(source)
    pages = PdfReader(str(tmp_path / "dai.pdf")).pages
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        runs = _page_runs(page)
        top = max(runs, key=lambda run: run[1])
        if number == 1:
            # no number above the header's first lines
            assert top[0] in ("ĐẢNG BỘ TỈNH BÌNH AN", "ĐẢNG CỘNG SẢN VIỆT NAM")
        else:
            assert top[0] == str(number)
