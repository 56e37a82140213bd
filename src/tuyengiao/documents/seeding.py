"""Realistic synthetic documents in bulk (``tuyengiao seed_documents N``, the benchmark)."""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from datetime import date, timedelta

from tuyengiao.orgs.models import Unit
from vanban import normalize_symbol

from .models import Document
from .search import search_document_text

TYPES = [
    ("Kế hoạch", "KH"),
    ("Nghị quyết", "NQ"),
    ("Chỉ thị", "CT"),
    ("Kết luận", "KL"),
    ("Hướng dẫn", "HD"),
    ("Báo cáo", "BC"),
    ("Thông báo", "TB"),
    ("Chương trình hành động", "CTr"),
]
TOPICS = [
    "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch",
    "nâng cao chất lượng sinh hoạt chi bộ",
    "đổi mới công tác tuyên truyền, giáo dục lý luận chính trị",
    "xây dựng và chỉnh đốn Đảng, hệ thống chính trị trong sạch, vững mạnh",
    "phát triển văn hóa, con người Việt Nam đáp ứng yêu cầu phát triển bền vững",
    "công tác thi đua, khen thưởng năm 2024",
    "tổ chức các hoạt động kỷ niệm ngày thành lập Đảng Cộng sản Việt Nam",
    "nâng cao hiệu quả công tác dân vận của cơ quan hành chính nhà nước",
    "chuyển đổi số trong hoạt động của các cơ quan đảng",
    "phòng, chống tham nhũng, tiêu cực",
    "công tác phát triển đảng viên trong doanh nghiệp ngoài khu vực nhà nước",
]
CITED = [
    ("35-NQ/TW", "22/10/2018", "Bộ Chính trị", "Nghị quyết"),
    ("01-KL/TW", "18/5/2021", "Bộ Chính trị", "Kết luận"),
    ("05-CT/TW", "15/5/2016", "Bộ Chính trị", "Chỉ thị"),
    ("21-NQ/TW", "16/6/2022", "Hội nghị Trung ương 5", "Nghị quyết"),
    ("04-NQ/TW", "30/10/2016", "Ban Chấp hành Trung ương", "Nghị quyết"),
]
SENTENCES = [
    "Các cấp ủy, tổ chức đảng quán triệt sâu sắc nội dung văn bản tới cán bộ, đảng viên.",
    "Thường xuyên kiểm tra, giám sát, sơ kết, tổng kết việc thực hiện, kịp thời biểu dương điển hình tiên tiến.",
    "Phát huy vai trò nêu gương của người đứng đầu cấp ủy, cơ quan, đơn vị.",
    "Đa dạng hóa hình thức tuyên truyền trên báo chí, mạng xã hội và hệ thống thông tin cơ sở.",
    "Gắn kết quả thực hiện với đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên hằng năm.",
    "Ban Tuyên giáo chủ trì, phối hợp với các cơ quan liên quan theo dõi, đôn đốc việc thực hiện.",
    "Định kỳ 6 tháng, hằng năm báo cáo kết quả về Ban Thường vụ.",
]


def synthetic_text(
    rng: random.Random, doc_type: str, number: str, unit: Unit, day: date, topic: str
) -> str:
    cited = rng.sample(CITED, 2)
    lines = [
        (unit.parent_body_name or "ĐẢNG CỘNG SẢN VIỆT NAM").upper(),
        unit.name.upper(),
        f"Số {number}",
        f"Bình An, ngày {day.day} tháng {day.month} năm {day.year}",
        doc_type.upper(),
        topic[0].upper() + topic[1:],
        f"Thực hiện {cited[0][3]} số {cited[0][0]}, ngày {cited[0][1]} của {cited[0][2]} về {rng.choice(TOPICS)}, "
        f"{unit.name} ban hành {doc_type.lower()} như sau:",
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. " + rng.choice(SENTENCES),
        "II. NHIỆM VỤ, GIẢI PHÁP",
    ]
    lines += [f"{i}. " + rng.choice(SENTENCES) for i in range(1, rng.randint(3, 6))]
    lines.append(f"Tiếp tục thực hiện {cited[1][3]} số {cited[1][0]} của {cited[1][2]}.")
    lines += [
        "III. TỔ CHỨC THỰC HIỆN",
        rng.choice(SENTENCES),
        "Nơi nhận:",
        "- Như trên,",
        "- Lưu VT.",
    ]
    return "\n".join(lines)


def seed(
    count: int, units: Sequence[Unit] | None = None, seed_value: int = 7, batch: int = 2000
) -> int:
    """Create ``count`` documents spread over ``units`` (default: every unit); returns the count."""
    rng = random.Random(seed_value)
    units = list(units or Unit.objects.all())
    if not units:
        raise ValueError("Chưa có đơn vị nào để gắn văn bản.")
    start = Document.objects.count()
    made = 0
    pending: list[Document] = []
    for i in range(count):
        unit = rng.choice(units)
        doc_type, abbr = rng.choice(TYPES)
        serial = start + i + 1
        number = f"{serial}-{abbr}/{(unit.short_name or unit.code or 'DV').replace(' ', '')}"
        day = date(2016, 1, 1) + timedelta(days=rng.randint(0, 3300))
        topic = rng.choice(TOPICS)
        text = synthetic_text(rng, doc_type, number, unit, day, topic)
        doc = Document(
            unit=unit,
            sha256=hashlib.sha256(f"seed:{serial}:{number}".encode()).hexdigest(),
            filename=f"van-ban-{serial}.txt",
            mime="text/plain",
            size=len(text.encode()),
            text=text,
            number=number,
            number_key=normalize_symbol(number),
            doc_type=doc_type,
            issuer=unit.name,
            parent_issuer=unit.parent_body_name,
            place="Bình An",
            date=day,
            title=topic[0].upper() + topic[1:],
            published_down=True,
            visible_to_all=bool(unit.publishes_to_all and rng.random() < 0.5),
            parsed={
                "number": number,
                "doc_type": doc_type,
                "title": topic,
                "date": day.isoformat(),
            },
        )
        doc.search_folded = search_document_text(doc)
        pending.append(doc)
        if len(pending) >= batch:
            Document.objects.bulk_create(pending)
            made += len(pending)
            pending = []
    if pending:
        Document.objects.bulk_create(pending)
        made += len(pending)
    return made
