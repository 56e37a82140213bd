"""State administrative documents: Nghị định 30/2020/NĐ-CP (05/3/2020, công tác văn thư), its
Phụ lục I (thể thức và kỹ thuật trình bày) and Phụ lục III (chữ viết tắt tên loại).

What was read: Phụ lục I Phần I Mục II khoản 3 (số, ký hiệu) and Điều 13 with khoản 7 (TM.,
KT.), as quoted by two legal sites. The rest is reported by secondary sources and marked
``source_read=False``. The effective date was not read: the rule set starts on the signing date.
"""

from __future__ import annotations

import datetime as dt

from vanban.rules import sources as src
from vanban.rules.base import Component, DocType, Layout, Presentation, Range, Rule, RuleSet

ND30 = "Nghị định 30/2020/NĐ-CP (05/3/2020)"
_P = "NĐ 30/2020:"

RULES: dict[str, Rule] = {
    "title_line": Rule(
        _P + "quoc-hieu",
        "Văn bản hành chính có Quốc hiệu và Tiêu ngữ: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', "
        "'Độc lập - Tự do - Hạnh phúc'.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 1",
        False,
        src.SKILL_30,
    ),
    "number_form": Rule(
        _P + "so-ky-hieu",
        "Sau từ 'Số' có dấu hai chấm (:); giữa số và ký hiệu văn bản có dấu gạch chéo (/), giữa "
        "các nhóm chữ viết tắt có dấu gạch nối (-): 'Số: 12/KH-UBND'.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 3",
        True,
        src.LUATVIETNAM_30_NUMBER,
    ),
    "date_form": Rule(
        _P + "dia-danh-ngay",
        "Địa danh và thời gian ban hành viết dạng '<địa danh>, ngày … tháng … năm …'.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 4",
        False,
        src.SKILL_30,
    ),
    "recipients": Rule(
        _P + "noi-nhan",
        "Văn bản hành chính có thành phần 'Nơi nhận'.",
        ND30 + ", Điều 8; Phụ lục I, Phần I, Mục II, khoản 9",
        False,
        src.SKILL_30,
    ),
    "issuer_name": Rule(
        _P + "ten-co-quan",
        "Tên cơ quan, tổ chức ban hành: tên cơ quan chủ quản cấp trên trực tiếp (nếu có, in hoa, "
        "đứng) trên tên cơ quan ban hành (in hoa, đứng, đậm).",
        ND30 + ", Điều 8; Phụ lục I, Phần I, Mục II, khoản 2",
        False,
        src.SKILL_30,
    ),
    "date_padding": Rule(
        _P + "ngay-thang",
        "Ngày dưới 10 và tháng 1, 2 ghi thêm số 0 phía trước; năm ghi đủ bốn chữ số.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 4",
        False,
        src.SKILL_30,
    ),
    "cong_van_number": Rule(
        _P + "ky-hieu-cong-van",
        "Ký hiệu công văn gồm chữ viết tắt tên cơ quan ban hành và chữ viết tắt tên đơn vị soạn "
        "thảo (hoặc lĩnh vực): 'Số: 1234/BGDĐT-VP'; trích yếu 'V/v …' dưới số, ký hiệu.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 3, 5",
        False,
        src.SKILL_30,
    ),
    "signature_form": Rule(
        _P + "ky-hieu-quyen-han",
        "Ký thay mặt tập thể ghi 'TM.', ký thay người đứng đầu ghi 'KT.' (thừa lệnh 'TL.', "
        "thừa ủy quyền 'TUQ.'), có dấu chấm, không ghi 'T/M', 'K/T'.",
        ND30 + ", Điều 13; Phụ lục I, Phần I, Mục II, khoản 7",
        True,
        src.LUTRADER_30_SIGNATURE + " (TM., KT. quoted; TL., TUQ. cut off)",
    ),
}


def _type(name: str, code: str | None) -> DocType:
    return DocType(
        name,
        code,
        Rule(
            _P + "ky-hieu-" + (code or name),
            f"Chữ viết tắt tên loại của '{name}': {code or '(không có)'}.",
            ND30 + ", Phụ lục III",
            False,
            src.SKILL_30,
        ),
    )


TYPES = (
    _type("Nghị quyết", "NQ"),
    _type("Quyết định", "QĐ"),
    _type("Chỉ thị", "CT"),
    _type("Quy chế", "QCh"),
    _type("Quy định", "QyĐ"),
    _type("Thông báo", "TB"),
    _type("Hướng dẫn", "HD"),
    _type("Chương trình", "CTr"),
    _type("Kế hoạch", "KH"),
    _type("Phương án", "PA"),
    _type("Đề án", "ĐA"),
    _type("Báo cáo", "BC"),
    _type("Biên bản", "BB"),
    _type("Tờ trình", "TTr"),
    _type("Công điện", "CĐ"),
    _type("Giấy mời", "GM"),
    _type("Công văn", None),
)

LAYOUT = Layout(
    margins_mm={
        "top": Range(20, 25),
        "bottom": Range(20, 25),
        "left": Range(30, 35),
        "right": Range(15, 20),
    },
    margins=Rule(
        _P + "le-trang",
        "Lề trang A4: trên 20-25 mm, dưới 20-25 mm, trái 30-35 mm, phải 15-20 mm.",
        ND30 + ", Phụ lục I, Phần I, Mục I (định lề trang)",
        False,
        f"{src.FINALBLADE_30_MARGINS}; {src.SKILL_30}",
    ),
    fonts=frozenset({"Times New Roman"}),
    font=Rule(
        _P + "phong-chu",
        "Phông chữ Times New Roman, bộ mã Unicode TCVN 6909:2001, màu đen.",
        ND30 + ", Phụ lục I, Phần I, Mục I (phông chữ)",
        False,
        src.SKILL_30,
    ),
    body_size_pt=Range(13, 14),
    body_size=Rule(
        _P + "co-chu",
        "Nội dung văn bản cỡ chữ 13-14.",
        ND30 + ", Phụ lục I, Phần I, Mục II, khoản 6",
        False,
        src.SKILL_30,
    ),
    page_numbers=Rule(
        _P + "so-trang",
        "Số trang đánh từ trang thứ hai, chữ số Ả Rập, cỡ 13-14, ở giữa lề trên.",
        ND30 + ", Phụ lục I, Phần I, Mục I (số trang)",
        False,
        src.SKILL_30,
    ),
)

PRESENTATION = Presentation(
    components={
        "title": Component(Range(12, 13), upper=True, bold=True),
        "motto": Component(Range(13, 14), bold=True),
        "superior": Component(Range(12, 13), upper=True),
        "issuer": Component(Range(12, 13), upper=True, bold=True),
        "number": Component(Range(13, 13)),
        "place_date": Component(Range(13, 14), italic=True),
        "type_name": Component(Range(13, 14), upper=True, bold=True),
        "summary": Component(Range(13, 14), bold=True),
        "cv_summary": Component(Range(12, 13)),
        "body": Component(Range(13, 14)),
    },
    rule=Rule(
        _P + "mau-trinh-bay",
        "Mẫu chữ: Quốc hiệu in hoa cỡ 12-13 đứng đậm; Tiêu ngữ cỡ 13-14 đứng đậm; tên cơ quan "
        "chủ quản in hoa cỡ 12-13 đứng; tên cơ quan ban hành in hoa cỡ 12-13 đứng đậm; số, ký "
        "hiệu cỡ 13; địa danh, ngày tháng cỡ 13-14 nghiêng; tên loại in hoa cỡ 13-14 đậm; trích "
        "yếu cỡ 13-14 đậm (công văn: 'V/v' cỡ 12-13 đứng); nội dung cỡ 13-14.",
        ND30 + ", Phụ lục I, Phần I, Mục II",
        False,
        src.SKILL_30,
    ),
)

RULE_SET = RuleSet(
    name="NĐ 30/2020",
    kind="state",
    documents=(ND30,),
    in_force_from=dt.date(2020, 3, 5),
    in_force_until=None,
    effective_note="Ngày hiệu lực trong văn bản chưa đọc được; dùng ngày ký 05/3/2020.",
    rules=RULES,
    types=TYPES,
    authority=(),
    layout=LAYOUT,
    signature_forms=frozenset({"TM.", "KT.", "TL.", "TUQ.", "Q."}),
    presentation=PRESENTATION,
)
