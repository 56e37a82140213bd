"""Grammar gaps closed on 2026-12-05 (issue 24: the known gaps an unseen set will meet), each
checked on a small text of the shape the grammar gives."""

from __future__ import annotations

import vanban
from vanban import find_citations
from vanban.body_names import read_issuer
from vanban.flat import reflow


def _issuers(text: str) -> dict[str, str | None]:
    return {cite.number: cite.issuer for cite in find_citations(text)}


def test_a_citation_joined_by_va_shares_the_subject_that_issued_the_first() -> None:
    """A subject that "ban hành Công văn số A V/v … và Công văn số B …": both documents are
    objects of one verb, so one subject issued both."""
    text = (
        "Ngày 16/10/2025, Sở Tư pháp ban hành Công văn số 1128/STP-BTTP V/v hoàn thiện Đề án"
        " hợp nhất đoàn Luật sư tỉnh A, đoàn Luật sư tỉnh B thành đoàn Luật sư tỉnh\nA và Công"
        " văn số 1468/STP-BTTP ngày 13/11/2025 về việc tổ chức Đại hội."
    )
    assert _issuers(text) == {"1128/STP-BTTP": "Sở Tư pháp", "1468/STP-BTTP": "Sở Tư pháp"}
    # "đã có" as well
    text = "Sở Nội vụ đã có Kế hoạch số 12/KH-SNV về việc A và Kế hoạch số 15/KH-SNV."
    assert _issuers(text) == {"12/KH-SNV": "Sở Nội vụ", "15/KH-SNV": "Sở Nội vụ"}


def test_a_citation_joined_by_va_keeps_no_subject_it_does_not_share() -> None:
    """Another type (a document the first one carries out), a clause's end between them, or a
    body named through "tại" for the first (a label names it for the first only): nothing is
    passed on; a citation's own "của" still names its issuer."""
    text = (
        "Ngày 5/9/2025, UBND tỉnh ban hành Kế hoạch số 1/KH-UBND thực hiện Nghị quyết số"
        " 5-NQ/TU và Chỉ thị số 7-CT/TU."
    )
    assert _issuers(text)["7-CT/TU"] is None
    text = "UBND tỉnh ban hành Kế hoạch số 1/KH-UBND. Sở đã tổng hợp và Kế hoạch số 2/KH-SNV."
    assert _issuers(text)["2/KH-SNV"] is None
    text = (
        "Theo đề nghị của Sở Tài chính tại Công văn số 6814/STC-ĐT ngày 07/10/2025 và Công văn"
        " số 7013/STC-ĐT ngày 14/10/2025."
    )
    assert _issuers(text)["7013/STC-ĐT"] is None
    text = (
        "Thực hiện Kế hoạch số 12-KH/TU của Tỉnh ủy và Công văn số 5-CV/BTGDV của Ban Tuyên"
        " giáo và Dân vận Tỉnh ủy về việc tuyên truyền."
    )
    assert _issuers(text) == {
        "12-KH/TU": "Tỉnh ủy",
        "5-CV/BTGDV": "Ban Tuyên giáo và Dân vận Tỉnh ủy",
    }


def test_a_name_qualified_former_keeps_its_qualifier() -> None:
    """The qualifiers "(cũ)" (former) and "(mới)" (new) close the name of a body or a place as it was before a
    merger: they belong to the name. The former places a body lists, the qualifier after the
    last, are one name; former bodies named one after another, each qualified, are one party."""
    text = "của UBND tỉnh Lâm Đồng (cũ) về việc"
    assert read_issuer(text, 4)[0] == "UBND tỉnh Lâm Đồng (cũ)"
    text = "Đoàn Luật sư tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ) có Tờ trình"
    assert read_issuer(text, 0)[0] == "Đoàn Luật sư tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ)"
    text = (
        "của Đoàn Luật sư tỉnh Lâm Đồng (cũ), Đoàn Luật sư tỉnh Bình\nThuận (cũ), Đoàn Luật sư"
        " tỉnh Đắk Nông (cũ) tại"
    )
    assert read_issuer(text, 4)[0] == (
        "Đoàn Luật sư tỉnh Lâm Đồng (cũ), Đoàn Luật sư tỉnh Bình Thuận (cũ), Đoàn Luật sư tỉnh"
        " Đắk Nông (cũ)"
    )
    # a list of bodies of which only the last is qualified is no list of former places
    assert read_issuer("của UBND tỉnh A, Sở Tư pháp (cũ) về", 4)[0] == "UBND tỉnh A"
    # a former body followed by one not qualified: the first alone
    text = "của UBND tỉnh Lâm Đồng (cũ), UBND tỉnh Bình Thuận về"
    assert read_issuer(text, 4)[0] == "UBND tỉnh Lâm Đồng (cũ)"


def test_a_cited_issuer_qualified_former() -> None:
    """The qualified name as a citation's issuer: after "của", as the subject before "có" (a
    footnote's mark before it), and through "tại"."""
    text = (
        "1 Đoàn Luật sư tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ) có Tờ trình số 220/TTr-ĐLS"
        " ngày 03/10/2025 về việc đề nghị phê duyệt Đề án."
    )
    assert _issuers(text) == {
        "220/TTr-ĐLS": "Đoàn Luật sư tỉnh Lâm Đồng, Bình Thuận, Đắk Nông (cũ)"
    }
    text = (
        "Ngày 05/9/2025, UBND tỉnh Lâm Đồng (cũ) đã ban hành Kế hoạch số 12/KH-UBND về việc"
        " sắp xếp."
    )
    assert _issuers(text) == {"12/KH-UBND": "UBND tỉnh Lâm Đồng (cũ)"}
    text = (
        "Theo đề nghị của Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B (cũ) tại Tờ trình số"
        " 258/TTr-ĐLS ngày 27 tháng 11 năm 2025."
    )
    assert _issuers(text) == {"258/TTr-ĐLS": "Đoàn Luật sư tỉnh A (cũ), Đoàn Luật sư tỉnh B (cũ)"}
    text = "Căn cứ Quyết định số 5/QĐ-UBND của UBND tỉnh Đắk Nông (cũ) về việc giao đất."
    assert _issuers(text) == {"5/QĐ-UBND": "UBND tỉnh Đắk Nông (cũ)"}


def test_a_subject_holding_a_comma_of_its_name() -> None:
    """A body's name with a comma inside ("Sở Văn hóa, Thể thao và Du lịch") as the subject
    that issues a cited document: the name is read whole, from the clause's start."""
    text = (
        "Ngày 05/9/2025, Sở Văn hóa, Thể thao và Du lịch ban hành Công văn số 12/SVHTTDL-VP về"
        " việc tổ chức."
    )
    assert _issuers(text) == {"12/SVHTTDL-VP": "Sở Văn hóa, Thể thao và Du lịch"}
    # two bodies listed: the one before the verb
    text = "Ngày 05/9/2025, Sở Nội vụ, Sở Tài chính đã ban hành Công văn số 12/STC-VP về việc A."
    assert _issuers(text) == {"12/STC-VP": "Sở Tài chính"}


_FLAT_REPORT = (
    "ỦY BAN NHÂN DÂN TỈNH AN GIANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh"
    " phúc Số: 41/BC-UBND An Giang, ngày 05 tháng 3 năm 2024 BÁO CÁO Kết quả chuyển đổi số năm"
    " 2024 {body} Nơi nhận: - Như trên; - Lưu: VT. TM. ỦY BAN NHÂN DÂN CHỦ TỊCH Nguyễn Văn Bình"
)


def test_a_flattened_heading_ends_where_a_sentence_opens() -> None:
    """Flattened, a heading runs into its content: a word that opens a sentence and never a
    name ("Trong", "Trên cơ sở", "Bên cạnh", a task's verb) ends it, after its last word or its
    colon; a task's verb after a colon only under a topic's heading ("Về …:")."""
    body = (
        "Ủy ban nhân dân tỉnh báo cáo như sau. I. Kết quả đạt được 1. Mô hình “Hồ sơ giấy một"
        " lần” Trong thời gian thí điểm, các xã đã thực hiện. 2. Hạ tầng số Trên cơ sở rà soát,"
        " tỉnh đã đầu tư. II. Những tồn tại, hạn chế: Bên cạnh những mặt làm được, còn hạn chế."
        " III. Về dữ liệu số: Thống nhất chọn cơ sở dữ liệu dân cư làm gốc."
    )
    doc = vanban.parse(_FLAT_REPORT.format(body=body))
    assert [(s.label, s.title) for s in doc.sections] == [
        ("I", "Kết quả đạt được"),
        ("II", "Những tồn tại, hạn chế:"),
        ("III", "Về dữ liệu số:"),
    ]
    assert [(i.section, i.label, i.title) for i in doc.items] == [
        ("I", "1", "Mô hình “Hồ sơ giấy một lần”"),
        ("I", "2", "Hạ tầng số"),
    ]


def test_a_flattened_heading_that_is_its_content_stays_whole() -> None:
    """A body given a task on the heading's line ("3. Các phòng thuộc Sở: Theo dõi …"), a
    heading whose content is no sentence ("II. Hình thức: Trực tiếp …"), a point on an article
    ("20. Điều 21: Việc lập chi bộ …"): one line each, as printed."""
    body = (
        "Ủy ban nhân dân tỉnh giao nhiệm vụ như sau. I. Tổ chức thực hiện 1. Các phòng thuộc Sở:"
        " Theo dõi, quán triệt nội dung Kế hoạch. 2. Điều 21: Việc lập chi bộ cơ sở. II. Hình"
        " thức: Trực tiếp và trực tuyến."
    )
    reflowed = reflow(_FLAT_REPORT.format(body=body))
    assert "1. Các phòng thuộc Sở: Theo dõi, quán triệt" in reflowed
    assert "2. Điều 21: Việc lập chi bộ cơ sở." in reflowed
    assert "II. Hình thức: Trực tiếp và trực tuyến." in reflowed


def test_grounds_after_an_item_mark_are_its_heading() -> None:
    """The grounds' "Căn cứ" opens a line of its own, but not right after an item's mark ("1. Căn cứ và
    nguyên tắc", "1.1. Căn cứ"): there it is the item's heading. A sub-item's mark after a
    heading ending with a figure ("… giai đoạn 2026 - 2030 2.1. Về ngân sách") opens its line."""
    body = (
        "Ủy ban nhân dân tỉnh hướng dẫn như sau. I. Thành lập tổ chức 1. Căn cứ và nguyên tắc"
        " 1.1. Căn cứ - Điều 10 Điều lệ. 2. Các chỉ tiêu giai đoạn 2026 - 2030 2.1. Về ngân"
        " sách: Bố trí đủ kinh phí."
    )
    reflowed = reflow(_FLAT_REPORT.format(body=body))
    assert "\n1. Căn cứ và nguyên tắc\n1.1. Căn cứ - Điều 10 Điều lệ." in reflowed
    assert "\n2.1. Về ngân sách: Bố trí đủ kinh phí." in reflowed


def test_a_cited_issuer_in_capitals_ends_before_the_subject() -> None:
    """A title in capitals cites in capitals ("THỰC HIỆN CHỈ THỊ SỐ 05-CT/TW … CỦA BỘ CHÍNH TRỊ
    VỀ …"): the words in capitals that no name holds end the issuer ("VỀ", "KHÓA", "QUY ĐỊNH",
    "BAN HÀNH" …), not those a name in capitals holds ("CHỦ", "GIAO", "ĐỐI", "TỔ CHỨC", "PHÁT
    TRIỂN", "ỦY BAN HÀNH CHÍNH")."""
    text = (
        "TỈNH ỦY A\n*\nSố 12-KH/TU\n\nĐẢNG CỘNG SẢN VIỆT NAM\nA, ngày 5 tháng 9 năm 2025\n\n"
        "KẾ HOẠCH\nTHỰC HIỆN CHỈ THỊ SỐ 05-CT/TW NGÀY 15/5/2016 CỦA BỘ CHÍNH TRỊ KHÓA XII VỀ ĐẨY"
        " MẠNH HỌC TẬP VÀ LÀM THEO TƯ TƯỞNG\n\nNội dung.\n"
    )
    doc = vanban.parse(text)
    assert [(r.number, r.issuer, r.term) for r in doc.references] == [
        ("05-CT/TW", "BỘ CHÍNH TRỊ", "XII")
    ]
    for name, rest in (
        ("CHÍNH PHỦ", " QUY ĐỊNH CHI TIẾT"),
        ("UBND TỈNH", " BAN HÀNH KẾ HOẠCH"),
        ("SỞ NỘI VỤ", " CHO Ý KIẾN VỀ VIỆC"),
        ("ỦY BAN HÀNH CHÍNH TỈNH HÀ ĐÔNG", " VỀ VIỆC"),
        ("BỘ NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN", " VỀ VIỆC"),
        ("BAN TỔ CHỨC TỈNH ỦY", " VỀ VIỆC"),
        ("BỘ GIAO THÔNG VẬN TẢI", " TẠI VĂN BẢN"),
        ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", " VỀ VIỆC"),
    ):
        assert read_issuer("của " + name + rest, 4)[0] == name
