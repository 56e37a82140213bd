"""Party documents 2018-2026: Hướng dẫn 36-HD/VPTW (03/4/2018, Văn phòng Trung ương Đảng:
thể thức và kỹ thuật trình bày) with Quy định 66-QĐ/TW (06/02/2017, Ban Bí thư: thể loại,
thẩm quyền ban hành, thể thức).

What was read: 36-HD điểm 1.3.1 and 1.7.1 (quoted verbatim), 36-HD's own first page, a summary
of 36-HD listing its mandatory components, the opening of 66-QĐ/TW. Not read: the other
provisions of 36-HD (number technique, margins, fonts, page numbers) and the type/authority
articles of 66-QĐ; those rules are marked ``source_read=False`` with what reported them.
"""

from __future__ import annotations

import datetime as dt

from vanban.rules import sources as src
from vanban.rules.base import Component, DocType, Layout, Presentation, Range, Rule, RuleSet

HD36 = "Hướng dẫn 36-HD/VPTW (03/4/2018)"
QD66 = "Quy định 66-QĐ/TW (06/02/2017)"
_P = "36-HD/VPTW:"

RULES: dict[str, Rule] = {
    "title_line": Rule(
        _P + "tieu-de",
        "Văn bản của Đảng có tiêu đề 'ĐẢNG CỘNG SẢN VIỆT NAM' (góc phải, dòng đầu, trang đầu).",
        HD36 + ", Mục II, khoản 1, điểm 1.1 (thành phần thể thức bắt buộc thứ nhất)",
        False,
        f"component list reported by {src.VINHUNI_36_SUMMARY}; 36-HD's own header",
    ),
    "number_form": Rule(
        _P + "so-ky-hieu",
        "Số và ký hiệu văn bản của Đảng ghi 'Số 12-KH/TU': sau chữ 'Số' không có dấu hai chấm; "
        "giữa số và ký hiệu tên loại là dấu gạch nối (-), rồi gạch chéo (/) và ký hiệu cơ quan.",
        HD36 + ", Mục II, khoản 1, điểm 1.3",
        False,
        f"printed so on 36-HD's own first page ({src.DOCPLAYER_36_HEADER}) and on 399-QĐ/TW "
        f"({src.NHANSU_399}); {src.SKILL_36} writes 'Số:' (conflicting); điểm 1.3.2 not read",
    ),
    "number_sequence": Rule(
        _P + "so-van-ban",
        "Số văn bản ghi liên tục từ số 01 cho mỗi tên loại văn bản trong một nhiệm kỳ cấp ủy.",
        HD36 + ", Mục II, khoản 1, điểm 1.3.1",
        True,
        src.TVPL_36_NUMBER,
    ),
    "date_form": Rule(
        _P + "dia-danh-ngay",
        "Địa danh và ngày tháng năm ban hành viết dạng '<địa danh>, ngày … tháng … năm …'.",
        HD36 + ", Mục II, khoản 1, điểm 1.4",
        False,
        f"component reported by {src.VINHUNI_36_SUMMARY}; form as on 36-HD's own header",
    ),
    "recipients": Rule(
        _P + "noi-nhan",
        "Văn bản của Đảng có thành phần 'Nơi nhận'.",
        HD36 + ", Mục II, khoản 1, điểm 1.9 (thành phần thể thức bắt buộc)",
        False,
        f"component reported by {src.VINHUNI_36_SUMMARY}",
    ),
    "signature_collective": Rule(
        _P + "ky-thay-mat",
        "Văn bản của đại hội, cấp ủy, ủy ban kiểm tra, đảng đoàn, ban cán sự đảng, hội đồng: "
        "đề ký là thay mặt, ký hiệu 'T/M' (tập thể lãnh đạo ký).",
        HD36 + ", Mục II, khoản 1, điểm 1.7.1",
        True,
        src.TVPL_36_SIGNATURE,
    ),
    "issuer_name": Rule(
        _P + "ten-co-quan",
        "Tên cơ quan ban hành ghi chính xác, đầy đủ theo Điều lệ Đảng: tên tổ chức đảng cấp trên "
        "trực tiếp (in hoa, đứng) trên tên cơ quan ban hành (in hoa, đứng, đậm), ví dụ 'ĐẢNG BỘ "
        "TỈNH THÁI NGUYÊN' / 'HUYỆN UỶ ĐỊNH HOÁ'. Văn bản ký 'T/M ĐẢNG ỦY' hay 'T/M BAN THƯỜNG "
        "VỤ' do cấp ủy ban hành: dòng cơ quan ban hành ghi cấp ủy, không ghi đảng bộ; văn bản ký "
        "'T/M CHI BỘ' ghi chi bộ.",
        HD36 + ", Mục II, khoản 1, điểm 1.2.1",
        False,
        f"first sentence of điểm 1.2.1 quoted by {src.TVPL_36_ISSUER} (the examples cut off); "
        f"example pair from the presentation table reproduced by {src.BIQUYET_36_TABLE}",
    ),
    "signature_deputy": Rule(
        _P + "ky-thay",
        "Cấp phó ký thay người đứng đầu (ban, cơ quan của cấp ủy) ghi 'K/T' trước chức vụ người "
        "đứng đầu, chức vụ người ký ở dòng dưới: 'K/T TRƯỞNG BAN' / 'PHÓ TRƯỞNG BAN'.",
        HD36 + ", Mục II, khoản 1, điểm 1.7.1",
        True,
        src.TVPL_36_SIGNATURE + " ('ký hiệu là K/T')",
    ),
    "signature_form": Rule(
        _P + "ky-hieu-quyen-han",
        "Quyền hạn ký văn bản của Đảng ghi 'T/M', 'K/T' (có gạch chéo), không ghi 'TM.', 'KT.' "
        "như văn bản của Nhà nước.",
        HD36 + ", Mục II, khoản 1, điểm 1.7.1",
        True,
        src.TVPL_36_SIGNATURE + " ('ký hiệu là T/M', 'ký hiệu là K/T'; the T/L part was cut off)",
    ),
}


def _type(name: str, code: str | None, via: str = src.SKILL_36) -> DocType:
    return DocType(
        name,
        code,
        Rule(
            _P + "ky-hieu-" + (code or name),
            f"Ký hiệu tên loại của '{name}': {code or '(không có)'}.",
            QD66 + " (thể loại); " + HD36 + ", điểm 1.3 (ký hiệu)",
            False,
            via,
        ),
    )


# Sources disagree on the code of a Quy định: "QĐ" on the Quy định 66-QĐ/TW and 29-QĐ/TW
# themselves, "QĐi" in SKILL_36 (and in local practice). Not read in 36-HD: no code, no check.
_QD_CONFLICT = f"conflicting: 'QĐ' on 66-QĐ/TW itself ({src.TVPL_66}); 'QĐi' in {src.SKILL_36}"

TYPES = (
    _type("Nghị quyết", "NQ"),
    _type("Quyết định", "QĐ"),
    _type("Quy định", None, _QD_CONFLICT),
    _type("Chỉ thị", "CT"),
    _type("Kết luận", "KL"),
    _type("Quy chế", "QC"),
    _type("Thông tri", "TT"),
    _type("Hướng dẫn", "HD"),
    _type("Thông báo", "TB"),
    _type("Báo cáo", "BC"),
    _type("Kế hoạch", "KH"),
    _type("Chương trình", "CTr"),
    _type("Chương trình hành động", "CTr"),
    _type("Công văn", "CV"),
)

# Margins: SKILL_36 gives 20/20/30/15 mm, the Bình Thuận handbook 25/25/35/15 mm; the check
# accepts both (a document is not faulted on a disputed bound), drafts use 20/20/30/15.
LAYOUT = Layout(
    margins_mm={
        "top": Range(20, 25),
        "bottom": Range(20, 25),
        "left": Range(30, 35),
        "right": Range(15, 15),
    },
    margins=Rule(
        _P + "le-trang",
        "Lề trang: trên 20 mm, dưới 20 mm, trái 30 mm, phải 15 mm (có bản chép ghi 25/25/35/15 "
        "mm).",
        HD36 + ", Mục III (định lề trang văn bản)",
        False,
        f"{src.SKILL_36}; {src.BINHTHUAN_HANDBOOK} gives 25/25/35/15 mm (conflicting)",
    ),
    fonts=frozenset({"Times New Roman"}),
    font=Rule(
        _P + "phong-chu",
        "Phông chữ Times New Roman (bộ mã TCVN 6909:2001).",
        HD36 + ", Mục III (phông chữ)",
        False,
        f"TCVN 6909:2001 reported by {src.VINHUNI_36_SUMMARY}; Times New Roman: "
        f"{src.BINHTHUAN_HANDBOOK}, {src.SKILL_36}",
    ),
    # The sources disagree (13-14 in SKILL_36, 14-15 in the presentation table): the check
    # accepts 13-15 so that no finding rests on a disputed bound.
    body_size_pt=Range(13, 15),
    body_size=Rule(
        _P + "co-chu",
        "Nội dung văn bản cỡ chữ 14-15 (bảng mẫu trình bày); có bản chép ghi 13-14.",
        HD36 + ", Mục II, điểm 1.6 (nội dung văn bản); phụ lục mẫu trình bày",
        False,
        f"14-15: {src.BIQUYET_36_TABLE}; 13-14: {src.SKILL_36}",
    ),
    page_numbers=Rule(
        _P + "so-trang",
        "Văn bản nhiều trang đánh số trang từ trang thứ hai, bằng chữ số Ả Rập, ở lề trên.",
        HD36 + ", Mục III (số trang)",
        False,
        src.BINHTHUAN_HANDBOOK,
    ),
)

# The presentation table (mẫu trình bày thể thức) as reproduced by BIQUYET_36_TABLE; the rows
# after "Điều" (signature block, Nơi nhận) were cut off there and are not held.
PRESENTATION = Presentation(
    components={
        "title": Component(Range(15, 15), upper=True, bold=True),
        "superior": Component(Range(14, 14), upper=True),
        "issuer": Component(Range(14, 14), upper=True, bold=True),
        "number": Component(Range(14, 14)),
        "place_date": Component(Range(14, 14), italic=True),
        "type_name": Component(Range(15, 16), upper=True, bold=True),
        "summary": Component(Range(14, 15), bold=True),
        "cv_summary": Component(Range(12, 12), italic=True),
        "body": Component(Range(14, 15)),
    },
    rule=Rule(
        _P + "mau-trinh-bay",
        "Mẫu trình bày: tiêu đề in hoa cỡ 15 đứng đậm; tên cơ quan cấp trên in hoa cỡ 14 đứng; "
        "tên cơ quan ban hành in hoa cỡ 14 đứng đậm; số và ký hiệu cỡ 14 đứng; địa danh, ngày "
        "tháng cỡ 14 nghiêng; tên loại in hoa cỡ 15-16 đứng đậm; trích yếu cỡ 14-15 đứng đậm "
        "(công văn: cỡ 12 nghiêng); nội dung cỡ 14-15.",
        HD36 + ", phụ lục mẫu trình bày thể thức",
        False,
        src.BIQUYET_36_TABLE,
    ),
)

RULE_SET = RuleSet(
    name="36-HD/VPTW",
    kind="party",
    documents=(HD36, QD66),
    in_force_from=dt.date(2018, 4, 3),
    in_force_until=dt.date(2026, 5, 26),
    effective_note="Từ ngày ký 03/4/2018 (ngày hiệu lực trong văn bản chưa đọc được) đến trước "
    "ngày Hướng dẫn 05-HD/VPTW thay thế.",
    rules=RULES,
    types=TYPES,
    authority=(),  # the authority articles of 66-QĐ/TW could not be read
    layout=LAYOUT,
    signature_forms=frozenset({"T/M", "K/T", "T/L"}),
    presentation=PRESENTATION,
)
