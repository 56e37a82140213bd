"""Party documents from 2026: Quy định 399-QĐ/TW (09/01/2026, Ban Bí thư: thể loại, thẩm quyền
ban hành, thể thức) and Hướng dẫn 05-HD/VPTW (27/5/2026, Văn phòng Trung ương Đảng: thể thức
và kỹ thuật trình bày), which replace 66-QĐ/TW and 36-HD/VPTW.

What was read: the opening of 399-QĐ/TW (header, Điều 1-2) and a report listing its document
types. The text of 05-HD/VPTW could not be read, nor its effective date: the rule set starts on
its signing date, 27/5/2026. Every layout rule is the 36-HD/VPTW rule carried over, marked
``source_read=False``, with the public projects that state the same rule for 05-HD in ``via``.
The authority table is as a public drafting guide reports 399-QĐ/TW Điều 11 and 13 (not read).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from vanban.rules import party_2018
from vanban.rules import sources as src
from vanban.rules.base import Authority, DocType, Layout, Presentation, Rule

HD05 = "Hướng dẫn 05-HD/VPTW (27/5/2026)"
QD399 = "Quy định 399-QĐ/TW (09/01/2026)"
_P = "05-HD/VPTW:"
_REPORTED = f"{src.CODE_05_GUIDE}; {src.CODE_05_RENDERER}"


def _carried(rule: Rule, reported_by: str = _REPORTED) -> Rule:
    """The 36-HD rule kept for 05-HD: text of 05-HD not read."""
    old_source = rule.source.split(",", 1)[1].strip() if "," in rule.source else rule.source
    return Rule(
        _P + rule.id.split(":", 1)[1],
        rule.description,
        f"{HD05} (text not read; kept from 36-HD/VPTW, {old_source})",
        False,
        f"reported for 05-HD by {reported_by}" if reported_by else "",
    )


_old = party_2018.RULES
RULES: dict[str, Rule] = {
    "title_line": _carried(_old["title_line"], src.CODE_05_RENDERER),
    "number_form": _carried(
        _old["number_form"],
        f"{src.CODE_05_GUIDE} ('Số 05-NQ/ĐU', 'không có dấu hai chấm'); 399-QĐ/TW's own "
        f"header 'Số 399-QĐ/TW' ({src.NHANSU_399})",
    ),
    "number_sequence": _carried(_old["number_sequence"], src.CODE_05_GUIDE),
    "date_form": _carried(_old["date_form"], _REPORTED),
    "recipients": _carried(_old["recipients"], _REPORTED),
    "signature_collective": _carried(
        _old["signature_collective"],
        f"{src.CODE_05_GUIDE} ('cấp ủy là tập thể nên không dùng K/T')",
    ),
    "signature_form": _carried(_old["signature_form"], src.CODE_05_GUIDE),
    "issuer_name": _carried(
        _old["issuer_name"],
        f"{src.CODE_05_GUIDE} ('co_quan_chu_quan: ĐẢNG BỘ XÃ … (đảng ủy, chi bộ cơ sở), ĐẢNG BỘ "
        f"TRƯỜNG … (chi bộ trực thuộc)'; 'ten_co_quan: ĐẢNG ỦY …, CHI BỘ …'; 'văn bản của ban "
        f"thường vụ cũng ghi tên đảng ủy'); {src.CODE_05_PROMPT} ('TỈNH ỦY LÂM ĐỒNG' over a "
        "board); " + src.CODE_05_REPLY,
    ),
    "signature_deputy": _carried(
        _old["signature_deputy"], f"{src.CODE_05_PROMPT} ('K/T TRƯỞNG BAN'); {src.CODE_05_GUIDE}"
    ),
    # Reported for 05-HD only (no source for 36-HD): a drafting rule, not checked on uploads.
    "signature_seal": Rule(
        _P + "chi-bo-khong-dau",
        "Chi bộ không có con dấu: bí thư (hoặc phó bí thư được phân công) ký 'T/M CHI BỘ', "
        "không đóng dấu.",
        f"{HD05} (text not read)",
        False,
        f"{src.CODE_05_GUIDE} ('Chi bộ không có con dấu … ký T/M CHI BỘ, không đóng dấu')",
    ),
    "date_padding": Rule(
        _P + "ngay-thang",
        "Ngày nhỏ hơn 10 và tháng 1, 2 ghi thêm số 0 phía trước: 'ngày 05 tháng 02 năm 2026', "
        "'ngày 27 tháng 5 năm 2026'.",
        f"{HD05} (text not read)",
        False,
        src.CODE_05_GUIDE,
    ),
    "number_blank": Rule(
        _P + "so-de-trong",
        "Bản dự thảo để trống phần số trước ký hiệu ('Số      -NQ/ĐU'); số được ghi khi văn bản "
        "được ký và đăng ký.",
        f"{HD05} (text not read); numbering as in 36-HD/VPTW điểm 1.3.1",
        False,
        src.CODE_05_GUIDE,
    ),
}

_TYPE_SOURCE = f"{QD399} (thể loại văn bản, reported by {src.LSVN_399}); codes: {src.CODE_05_GUIDE}"


def _type(name: str, code: str | None) -> DocType:
    return DocType(
        name,
        code,
        Rule(
            _P + "ky-hieu-" + (code or name),
            f"Ký hiệu tên loại của '{name}': {code or '(không có)'}.",
            f"{QD399} (thể loại); {HD05} (ký hiệu)",
            False,
            _TYPE_SOURCE,
        ),
    )


# Types of 399-QĐ/TW as reported by lsvn.vn; codes as the drafting guide gives them for 05-HD
# (None where it gives none; Quy định shares "QĐ" with Quyết định, as in "399-QĐ/TW").
TYPES = (
    _type("Nghị quyết", "NQ"),
    _type("Quyết định", "QĐ"),
    _type("Quy định", "QĐ"),
    _type("Chỉ thị", None),
    _type("Kết luận", "KL"),
    _type("Quy chế", "QC"),
    _type("Thông tri", None),
    _type("Hướng dẫn", "HD"),
    _type("Thông báo", "TB"),
    _type("Thông cáo", None),
    _type("Báo cáo", "BC"),
    _type("Kế hoạch", "KH"),
    _type("Quy hoạch", None),
    _type("Chương trình", "CTr"),
    _type("Chương trình hành động", "CTr"),
    _type("Đề án", "ĐA"),
    _type("Phương án", "PA"),
    _type("Dự án", None),
    _type("Tờ trình", "TTr"),
    _type("Công văn", "CV"),
    _type("Biên bản", "BB"),
)

_COMMON = frozenset(
    {
        "Nghị quyết",
        "Quyết định",
        "Kết luận",
        "Thông báo",
        "Báo cáo",
        "Kế hoạch",
        "Chương trình",
        "Đề án",
        "Phương án",
        "Tờ trình",
        "Công văn",
        "Biên bản",
    }
)
_AUTHORITY_VIA = (
    f"table 'Thẩm quyền ban hành (Quy định 399-QĐ/TW, Điều 11, 13)' in {src.CODE_05_GUIDE}"
)

AUTHORITY = (
    Authority(
        body="đảng ủy cơ sở",
        may_issue=_COMMON | {"Quy chế", "Quy định"},
        may_not_issue=frozenset({"Hướng dẫn", "Chỉ thị", "Thông tri"}),
        rule=Rule(
            _P + "tham-quyen-dang-uy-co-so",
            "Đảng ủy cơ sở (ban chấp hành) không ban hành hướng dẫn, chỉ thị, thông tri.",
            f"{QD399}, Điều 11, 13 (text not read)",
            False,
            _AUTHORITY_VIA,
        ),
    ),
    Authority(
        body="ban thường vụ đảng ủy cơ sở",
        may_issue=_COMMON | {"Quy định", "Hướng dẫn"},
        may_not_issue=frozenset({"Quy chế", "Chỉ thị", "Thông tri"}),
        rule=Rule(
            _P + "tham-quyen-btv-co-so",
            "Ban thường vụ đảng ủy cơ sở không ban hành quy chế, chỉ thị, thông tri.",
            f"{QD399}, Điều 11, 13 (text not read)",
            False,
            _AUTHORITY_VIA,
        ),
    ),
    Authority(
        body="chi bộ",
        may_issue=frozenset(
            {
                "Nghị quyết",
                "Quyết định",
                "Kết luận",
                "Quy chế",
                "Thông báo",
                "Báo cáo",
                "Kế hoạch",
                "Chương trình",
                "Đề án",
                "Phương án",
                "Tờ trình",
                "Công văn",
                "Biên bản",
            }
        ),
        may_not_issue=frozenset({"Quy định", "Hướng dẫn", "Chỉ thị", "Thông tri"}),
        rule=Rule(
            _P + "tham-quyen-chi-bo",
            "Chi bộ (chi bộ cơ sở, chi bộ trực thuộc) không ban hành quy định, hướng dẫn, "
            "chỉ thị, thông tri.",
            f"{QD399}, Điều 11, 13 (text not read)",
            False,
            _AUTHORITY_VIA,
        ),
    ),
)

_L = party_2018.LAYOUT
LAYOUT = Layout(
    margins_mm=_L.margins_mm,
    margins=_carried(
        _L.margins, f"{src.CODE_05_GUIDE}; {src.CODE_05_RENDERER}; {src.CODE_05_RULES}"
    ),
    fonts=_L.fonts,
    font=_carried(_L.font, f"{src.CODE_05_RENDERER}; {src.CODE_05_RULES}"),
    body_size_pt=_L.body_size_pt,
    body_size=_carried(_L.body_size, f"{src.CODE_05_GUIDE} ('lời văn cỡ 14')"),
    page_numbers=_carried(_L.page_numbers, f"{src.CODE_05_GUIDE}; {src.CODE_05_RENDERER}"),
)

_PR = party_2018.PRESENTATION
PRESENTATION = Presentation(
    components=_PR.components,
    rule=_carried(
        _PR.rule,
        f"{src.CODE_05_REPLY} (title 15 bold, superior 14, issuer 14 bold, 'Số …' 14, 'V/v' 12 "
        f"italic, date 14 italic, body 14); {src.CODE_05_RENDERER}",
    ),
)

RULE_SET = dataclasses.replace(
    party_2018.RULE_SET,
    name="05-HD/VPTW",
    documents=(HD05, QD399),
    in_force_from=dt.date(2026, 5, 27),
    in_force_until=None,
    effective_note="Ngày hiệu lực của Hướng dẫn 05-HD/VPTW chưa đọc được; dùng ngày ký 27/5/2026.",
    rules=RULES,
    types=TYPES,
    authority=AUTHORITY,
    layout=LAYOUT,
    presentation=PRESENTATION,
)
