"""Demo data of the library: the dev corpus (``<repo>/../shared/corpus/dev``, skipped when absent)
plus the documents it cites and the plans that carry them out, so that the citation graph and
the implementation tree show real links.

Chain: Nghị quyết 35-NQ/TW (Bộ Chính trị, visible to all) → Chương trình 04-CTr/BTGTU (Tỉnh ủy)
→ Kế hoạch 59-KH/ĐUK (Đảng ủy Khối) → plans of the first base organisations ("…-KH/ĐU"); the
others appear as "not yet issued". The corpus plans cite 35-NQ/TW, 01-KL/TW, 59-KH/ĐUK …
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import services
from .models import Document

if TYPE_CHECKING:
    from tuyengiao.core.demo_context import DemoContext
    from tuyengiao.orgs.models import Unit


def corpus_dir() -> Path:
    repo = Path(__file__).resolve().parents[3]
    return (repo / ".." / "shared" / "corpus" / "dev").resolve()


def _text(
    number: str,
    doc_type: str,
    issuer_lines: tuple[str, str],
    place_date: str,
    title: str,
    body: str,
    signer: tuple[str, str, str],
) -> str:
    return (
        f"{issuer_lines[0]}\n{issuer_lines[1]}\n*\nSố {number}\n{place_date}\n\n{doc_type.upper()}\n{title}\n\n{body}\n\n"
        f"Nơi nhận:\n- Như trên,\n- Lưu Văn phòng.\n\n{signer[0]}\n{signer[1]}\n\n{signer[2]}\n"
    )


PLAN_BODY = """{opening}
I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc, đầy đủ nội dung {short} tới toàn thể cán bộ, đảng viên.
2. Xác định rõ nhiệm vụ, giải pháp, gắn với trách nhiệm của cấp ủy và người đứng đầu.
II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường công tác tuyên truyền, giáo dục chính trị, tư tưởng cho cán bộ, đảng viên.
2. Chủ động đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng.
3. Nâng cao chất lượng sinh hoạt chi bộ, học tập nghị quyết.
III. TỔ CHỨC THỰC HIỆN
1. Ban Tuyên giáo chủ trì, phối hợp theo dõi, đôn đốc việc thực hiện kế hoạch.
2. Định kỳ 6 tháng, hằng năm báo cáo kết quả thực hiện."""


def _add(unit: Unit, user: Any, name: str, text: str, **flags: Any) -> Document | None:
    data = text.encode("utf-8")
    existing = services.existing_document(unit, services.sha256_of(data))
    if existing is not None:
        return existing
    try:
        read, parsed = services.read_and_parse(data, name)
    except services.UploadError:
        return None
    return services.create_document(unit, user, name, data, text=read, parsed=parsed, **flags)


def load(ctx: DemoContext) -> None:
    province: Unit | None = ctx.objects.get("province")
    bloc: Unit | None = ctx.objects.get("bloc")
    base_units: list[Unit] = list(ctx.objects.get("base_units") or [])
    users = ctx.objects.get("users") or {}
    if province is None or bloc is None:
        ctx.log("documents: thiếu cây đơn vị, bỏ qua.")
        return
    admin = users.get("admin")
    khoi = users.get("khoi")
    made: dict[str, Document] = {}

    def keep(doc: Document | None) -> None:
        if doc is not None and doc.number:
            made[doc.number] = doc

    # Documents from above, marked visible to every unit.
    keep(
        _add(
            province,
            admin,
            "35-NQ-TW.txt",
            _text(
                "35-NQ/TW",
                "Nghị quyết",
                ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ CHÍNH TRỊ"),
                "Hà Nội, ngày 22 tháng 10 năm 2018",
                "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng, đấu tranh phản bác các quan điểm sai trái, thù địch trong tình hình mới",
                "Bảo vệ nền tảng tư tưởng của Đảng là nhiệm vụ hệ trọng, sống còn của chế độ.\nI. TÌNH HÌNH\n1. Thời gian qua, công tác bảo vệ nền tảng tư tưởng đạt nhiều kết quả.\nII. QUAN ĐIỂM, MỤC TIÊU\n1. Kiên định chủ nghĩa Mác - Lênin, tư tưởng Hồ Chí Minh.",
                ("T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ", "Nguyễn Phú Trọng"),
            ),
            visible_to_all=True,
        )
    )
    keep(
        _add(
            province,
            admin,
            "01-KL-TW.txt",
            _text(
                "01-KL/TW",
                "Kết luận",
                ("BAN CHẤP HÀNH TRUNG ƯƠNG", "BỘ CHÍNH TRỊ"),
                "Hà Nội, ngày 18 tháng 5 năm 2021",
                "Về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                "Tiếp tục thực hiện Chỉ thị số 05-CT/TW ngày 15/5/2016 của Bộ Chính trị.\nI. KẾT QUẢ\n1. Việc học tập và làm theo Bác đã đi vào chiều sâu.",
                ("T/M BỘ CHÍNH TRỊ", "TỔNG BÍ THƯ", "Nguyễn Phú Trọng"),
            ),
            visible_to_all=True,
        )
    )
    keep(
        _add(
            province,
            admin,
            "04-CTr-BTGTU.txt",
            _text(
                "04-CTr/BTGTU",
                "Chương trình",
                ("ĐẢNG BỘ TỈNH BÌNH AN", "BAN TUYÊN GIÁO TỈNH ỦY"),
                "Bình An, ngày 10 tháng 01 năm 2019",
                "Hành động thực hiện Nghị quyết số 35-NQ/TW của Bộ Chính trị",
                PLAN_BODY.format(
                    opening="Thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị về tăng cường bảo vệ nền tảng tư tưởng của Đảng, Ban Tuyên giáo Tỉnh ủy xây dựng chương trình hành động như sau:",
                    short="Nghị quyết 35-NQ/TW",
                ),
                ("K/T TRƯỞNG BAN", "PHÓ TRƯỞNG BAN", "Trần Văn Bình"),
            ),
            visible_to_all=True,
        )
    )
    # The bloc carries out the province's programme; its base organisations carry out the bloc's plan.
    keep(
        _add(
            bloc,
            khoi,
            "59-KH-DUK.txt",
            _text(
                "59-KH/ĐUK",
                "Kế hoạch",
                ("ĐẢNG BỘ TỈNH BÌNH AN", "ĐẢNG ỦY KHỐI CÁC CƠ QUAN VÀ DOANH NGHIỆP"),
                "Bình An, ngày 22 tháng 3 năm 2022",
                "Thực hiện Chương trình số 04-CTr/BTGTU về bảo vệ nền tảng tư tưởng của Đảng",
                PLAN_BODY.format(
                    opening="Thực hiện Chương trình số 04-CTr/BTGTU, ngày 10/01/2019 của Ban Tuyên giáo Tỉnh ủy về thực hiện Nghị quyết số 35-NQ/TW, ngày 22/10/2018 của Bộ Chính trị, Ban Thường vụ Đảng ủy Khối xây dựng kế hoạch như sau:",
                    short="Chương trình 04-CTr/BTGTU",
                ),
                ("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lê Thị Hòa"),
            ),
            published_down=True,
        )
    )
    for index, unit in enumerate(base_units[:8]):
        number = f"{index + 3}-KH/ĐU"
        keep(
            _add(
                unit,
                users.get("coso1") if index == 0 else None,
                f"kh-{unit.code}.txt",
                _text(
                    number,
                    "Kế hoạch",
                    ("ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH", unit.name.upper()),
                    f"Bình An, ngày {5 + index} tháng 4 năm 2022",
                    "Thực hiện Kế hoạch số 59-KH/ĐUK của Ban Thường vụ Đảng ủy Khối",
                    PLAN_BODY.format(
                        opening=f"Thực hiện Kế hoạch số 59-KH/ĐUK, ngày 22/3/2022 của Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh, {unit.name} xây dựng kế hoạch thực hiện như sau:",
                        short="Kế hoạch 59-KH/ĐUK",
                    ),
                    ("T/M ĐẢNG ỦY", "BÍ THƯ", "Phạm Văn Dũng"),
                ),
                published_down=True,
            )
        )
    # The dev corpus, when it is there, as documents of the bloc.
    folder = corpus_dir()
    if folder.is_dir():
        summary = services.ImportSummary()
        for path in sorted(folder.glob("*.txt")):
            services.import_one(bloc, khoi, path.name, path.read_bytes(), summary)
        for name in summary.imported + summary.duplicates:
            doc = Document.objects.filter(unit=bloc, filename=name).first()
            if doc is not None:
                made[doc.number or name] = doc
        ctx.log(f"documents: {len(summary.imported)} văn bản từ {folder}")
    else:
        ctx.log(f"documents: không có {folder}, bỏ qua bộ văn bản mẫu.")
    ctx.objects["documents"] = made
    ctx.log(f"documents: {len(made)} văn bản trong thư viện")
