"""Who a plan assigns its tasks to, read by the grammar of plans (Nghị định 30/2020/NĐ-CP's plan
forms): an item's fields "Cơ quan/Đơn vị thực hiện:" or "chủ trì:" name the units the work is
assigned to, "Cơ quan/Đơn vị phối hợp:" those that help, "Thời gian thực hiện:" its period; the
numbered items of "Tổ chức thực hiện" name their units as the subject of a sentence. Each rule on
a small text of the same shape (issue 24, seventh session)."""

from __future__ import annotations

import vanban
from vanban.model import ParsedDocument

_HEAD = (
    "ỦY BAN NHÂN DÂN\nTỈNH AN PHÚ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n\nSố: 15/KH-UBND\nAn Phú, ngày 10 tháng 3 năm 2026\n\n"
    "KẾ HOẠCH\nTriển khai thi hành Luật Thống kê\n\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nBảo đảm thi hành thống nhất.\n\n"
    "II. NỘI DUNG\n\n"
)
_TAIL = "\n\nNơi nhận:\n- Các sở, ngành;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nNguyễn Văn An\n"


def _plan(items: str, tail: str = "") -> ParsedDocument:
    return vanban.parse(_HEAD + items + tail + _TAIL)


def _of(doc: ParsedDocument) -> list[tuple[str | None, str | None, list[str], str | None]]:
    return [(a.section, a.item, a.units, a.period) for a in doc.assignments]


def test_a_field_the_source_wrapped_before_a_capital_is_read_whole() -> None:
    """ "- Cơ quan chủ trì: Sở Nội vụ, Sở" / "Giáo dục và Đào tạo, …", "- Thời gian thực hiện:
    Quý" / "IV năm 2026 …": a plan's field runs on to the next field or list entry, wherever the
    source broke its line (the next line starts with a capital or a digit)."""
    doc = _plan(
        "1. Tổ chức tập huấn nghiệp vụ\n\n"
        "- Cơ quan chủ trì: Sở Nội vụ, Sở\nGiáo dục và Đào tạo, Sở Tài chính.\n\n"
        "- Thời gian thực hiện: Quý\nIV năm 2026 và các năm tiếp theo.\n\n"
        "2. Kiểm tra việc thi hành\n\n- Cơ quan chủ trì: Sở Tư pháp\n\n"
        "- Thời gian thực hiện: Năm\n2027.\n"
    )
    assert _of(doc) == [
        (
            "II",
            "1",
            ["Sở Nội vụ", "Sở Giáo dục và Đào tạo", "Sở Tài chính"],
            "Quý IV năm 2026 và các năm tiếp theo",
        ),
        ("II", "2", ["Sở Tư pháp"], "Năm 2027"),
    ]


def test_the_units_that_help_are_not_assigned() -> None:
    """ "- Cơ quan phối hợp:" beside "- Cơ quan thực hiện:" names the units that help: not the
    ones the work is assigned to (a "Phân công" block's "+ Phối hợp:" still shares it out)."""
    doc = _plan(
        "1. Tuyên truyền, phổ biến Luật\n\n"
        "- Cơ quan thực hiện: Sở Tư pháp; Sở Văn hóa, Thể thao và Du lịch.\n\n"
        "- Cơ quan phối hợp: Các sở,\nngành; Ủy ban nhân dân các xã, phường.\n\n"
        "- Thời gian thực hiện: Năm 2026.\n"
    )
    assert _of(doc) == [
        ("II", "1", ["Sở Tư pháp", "Sở Văn hóa, Thể thao và Du lịch"], "Năm 2026"),
    ]


def test_a_field_written_as_sentences_names_their_subjects() -> None:
    """ "Sở A chủ trì tham mưu …; Sở B và các sở, ban, ngành tỉnh, Đài Phát thanh và Truyền
    hình tỉnh, cơ quan thông tấn báo chí và Ủy ban nhân dân các xã chủ động tổ chức …": each
    clause's subject, split at commas and at a "và" before a new body's name, never inside one
    ("Đài Phát thanh và Truyền hình", "Sở Khoa học và Công nghệ")."""
    doc = _plan(
        "1. Phổ biến Luật\n\n"
        "- Cơ quan thực hiện: Sở Khoa học và Công nghệ\n"
        "chủ trì tham mưu Ủy ban nhân dân tỉnh ban hành Kế hoạch; Sở Tư pháp và các\n"
        "sở, ban, ngành tỉnh, Đài Phát thanh và Truyền hình tỉnh, cơ quan\n"
        "thông tấn báo chí và Ủy ban nhân dân các xã, phường chủ động tổ chức triển\n"
        "khai Luật thuộc phạm vi, chức năng, nhiệm vụ của cơ quan, đơn vị và địa phương.\n\n"
        "2. Rà soát văn bản\n\n"
        "- Cơ quan thực hiện: Sở Công Thương tiến hành rà soát các văn bản của mình; các sở,"
        " ngành liên quan và Ủy ban nhân dân các xã, phường rà soát văn bản do cơ quan mình"
        " tham mưu ban hành.\n"
    )
    assert _of(doc) == [
        (
            "II",
            "1",
            [
                "Sở Khoa học và Công nghệ",
                "Sở Tư pháp",
                "các sở, ban, ngành tỉnh",
                "Đài Phát thanh và Truyền hình tỉnh",
                "cơ quan thông tấn báo chí",
                "Ủy ban nhân dân các xã, phường",
            ],
            None,
        ),
        (
            "II",
            "2",
            ["Sở Công Thương", "các sở, ngành liên quan", "Ủy ban nhân dân các xã, phường"],
            None,
        ),
    ]


def test_a_limiting_phrase_ends_the_units() -> None:
    """ "Các sở, ngành có liên quan theo chức năng …", "…, các sở, ban, ngành tỉnh trong phạm vi
    chức năng …": the units end where the phrase that limits them starts (as QUALIFIER_RE ends a
    sentence's subject); "các sở, ban, ngành" is one unit, the kinds one plural names."""
    doc = _plan(
        "1. Hỗ trợ thi hành Luật\n\n"
        "- Cơ quan thực hiện: Các sở,\nngành có liên quan theo chức năng, nhiệm vụ được giao.\n\n"
        "2. Kiểm tra việc thi hành\n\n"
        "- Cơ quan thực hiện: Sở Y tế,\n"
        "các sở, ban, ngành tỉnh trong phạm vi chức năng, nhiệm vụ của mình và các\n"
        "cơ quan, tổ chức khác có liên quan.\n\n"
        "- Thời gian thực hiện: Năm 2026.\n"
    )
    assert _of(doc) == [
        ("II", "1", ["Các sở, ngành có liên quan"], None),
        ("II", "2", ["Sở Y tế", "các sở, ban, ngành tỉnh"], "Năm 2026"),
    ]


def test_a_period_alone_assigns_no_one_and_the_first_period_is_the_items() -> None:
    """ "- Thời gian: Duy trì thường xuyên …" with no unit assigns nothing; an item whose
    sub-points repeat their fields keeps its units once and the first period."""
    doc = _plan(
        "1. Tiếp công dân\n\n- Thời gian thực hiện: Duy trì thường xuyên trong giờ hành chính.\n\n"
        "2. Góp ý dự thảo văn bản\n\na) Nghị định thứ nhất.\n\n"
        "- Cơ quan chủ trì: Sở Xây dựng.\n\n"
        "- Thời gian thực hiện: Theo tiến độ soạn thảo.\n\n"
        "b) Nghị định thứ hai.\n\n- Cơ quan chủ trì: Sở Xây dựng.\n\n"
        "- Thời gian thực hiện: Sau khi Nghị định được ban hành.\n"
    )
    assert _of(doc) == [("II", "2", ["Sở Xây dựng"], "Theo tiến độ soạn thảo")]


def test_a_task_under_phan_cong_that_opens_on_its_verb_names_no_unit() -> None:
    """ "- Phân công chi ủy viên thực hiện một số nội dung sau:" / "+ Hướng dẫn người xin vào
    Đảng khai lý lịch đảm bảo …": the entry is a task, not a unit."""
    doc = _plan(
        "1. Thẩm tra lý lịch\n\n- Phân công chi ủy viên thực hiện một số nội dung sau:\n\n"
        "+ Hướng dẫn người xin vào Đảng khai lý lịch đảm bảo đúng quy định, rà soát chặt chẽ.\n"
    )
    assert _of(doc) == []


_TCTH = "\n\nIII. TỔ CHỨC THỰC HIỆN\n\n"


def test_and_before_a_new_bodys_name_parts_a_subject() -> None:
    """ "Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân các xã chịu trách nhiệm …": two units;
    before "các" the "và" may join what one complement qualifies ("Văn phòng và các ban của
    Đảng ủy", kept)."""
    doc = _plan(
        "1. Tuyên truyền\n\nNội dung.",
        _TCTH + "1. Thủ trưởng các sở, ban, ngành và Ủy ban nhân dân các xã chịu trách nhiệm"
        " triển khai Kế hoạch này.\n\n"
        "2. Văn phòng và các ban của Đảng ủy theo dõi, đôn đốc.\n",
    )
    assert _of(doc) == [
        ("III", "1", ["Thủ trưởng các sở, ban, ngành", "Ủy ban nhân dân các xã"], None),
        ("III", "2", ["Văn phòng và các ban của Đảng ủy"], None),
    ]


def test_a_post_of_a_body_named_by_its_task_is_whole() -> None:
    """ "Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban:", "Phó Trưởng ban xây dựng Đảng":
    the verb after a post's body word is that body's name, not the task."""
    doc = _plan(
        "1. Tuyên truyền\n\nNội dung.",
        _TCTH + "1. Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban: Phụ trách chung.\n\n"
        "2. Đồng chí Phó Trưởng ban xây dựng Đảng - Ủy viên: Trực tiếp chỉ đạo.\n",
    )
    assert _of(doc) == [
        ("III", "1", ["Đồng chí Trưởng Ban xây dựng Đảng - Trưởng Tiểu ban"], None),
        ("III", "2", ["Đồng chí Phó Trưởng ban xây dựng Đảng - Ủy viên"], None),
    ]


def test_a_subject_wrapped_before_its_verb_is_read_on() -> None:
    """ "2. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc" / "Trung ương cụ thể hóa …": the item's
    title stops at the line, its subject runs on to the verb; a line that opens on a verb
    ("Tham mưu …") starts a new sentence; the kinds one plural names ("Các cơ quan, đơn vị")
    are no apposition."""
    doc = _plan(
        "1. Tuyên truyền\n\nNội dung.",
        _TCTH + "1. Các tỉnh ủy, thành ủy, đảng ủy trực thuộc\n"
        "Trung ương cụ thể hóa hướng dẫn này phù hợp với thực tiễn địa phương.\n\n"
        "2. Văn phòng Sở\nTham mưu tổng hợp kết quả thực hiện.\n\n"
        "3. Các cơ quan, đơn vị được\ngiao chủ trì có trách nhiệm hoàn thành nhiệm vụ.\n",
    )
    assert _of(doc) == [
        ("III", "1", ["Các tỉnh ủy, thành ủy, đảng ủy trực thuộc Trung ương"], None),
        ("III", "2", ["Văn phòng Sở"], None),
        ("III", "3", ["Các cơ quan, đơn vị"], None),
    ]


def test_a_leading_adverbial_before_the_subject_is_passed_over() -> None:
    """ "Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban nhân dân các
    xã, phường được phân công chủ trì … có trách nhiệm …": the subject after the adverbial's
    comma, when it is a unit's name."""
    doc = _plan(
        "1. Tuyên truyền\n\nNội dung.",
        _TCTH + "1. Căn cứ nội dung Kế hoạch và tình hình thực tiễn, các sở, ngành và Ủy ban"
        " nhân dân các xã, phường được phân công chủ trì có trách nhiệm xây dựng kế hoạch.\n",
    )
    assert _of(doc) == [
        ("III", "1", ["các sở, ngành", "Ủy ban nhân dân các xã, phường"], None),
    ]
