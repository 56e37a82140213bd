"""Demo data: models proposed by the bloc's bases — three recognised (one this month, tied to the
bloc's emulation result), one waiting for the bloc's review and one returned with a note."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.emulation.models import Entry
from tuyengiao.orgs.models import Unit

from . import services
from .models import Sector
from .sectors import seed_sectors

MODELS = [
    (
        "Chi bộ sinh hoạt chuyên đề “Học Bác mỗi ngày”",
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "Văn phòng Sở",
        "Mỗi tháng một chuyên đề ngắn, mỗi đảng viên đăng ký một việc làm theo Bác và báo cáo "
        "kết quả tại sinh hoạt chi bộ.",
        "Đảng viên đăng ký và hoàn thành việc làm theo Bác; chi bộ được xếp loại hoàn thành "
        "xuất sắc nhiệm vụ.",
        [["Đảng viên đăng ký việc làm theo Bác", "42"], ["Tỷ lệ hoàn thành", "95%"]],
    ),
    (
        "Tủ sách điện tử nghị quyết cho đảng viên",
        "Chuyển đổi số trong công tác tuyên giáo",
        "Toàn đảng bộ",
        "Số hóa tài liệu học tập nghị quyết, gửi đường dẫn qua nhóm của chi bộ, kèm câu hỏi "
        "ôn tập ngắn.",
        "Đảng viên đọc tài liệu trước buổi học; thời gian hội nghị rút ngắn một nửa.",
        [["Tài liệu số hóa", "65"], ["Lượt đọc", "1.240"]],
    ),
    (
        "Dân vận khéo trong cải cách thủ tục hành chính",
        "Dân vận khéo",
        "Bộ phận một cửa",
        "Cán bộ một cửa hướng dẫn người dân làm hồ sơ trực tuyến, lắng nghe và trả lời ý kiến "
        "trong ngày.",
        "Hồ sơ trực tuyến tăng, không có phản ánh quá hạn.",
        [["Hồ sơ trực tuyến", "2.300"], ["Tỷ lệ đúng hạn", "100%"]],
    ),
    (
        "Bản tin nội bộ hằng tháng của đảng bộ",
        "Tuyên truyền, phổ biến nghị quyết",
        "Cơ quan Sở",
        "Bản tin một trang phát hành hằng tháng, tóm tắt nghị quyết và gương người tốt việc tốt.",
        "12 số bản tin mỗi năm, phát đến tất cả chi bộ.",
        [["Số bản tin", "12"]],
    ),
    (
        "Tổ tự quản an ninh trật tự khu tập thể",
        "Quốc phòng, an ninh",
        "Khu tập thể cơ quan",
        "Đảng viên nòng cốt trong tổ tự quản.",
        "Khu tập thể không có vụ việc phức tạp.",
        [],
    ),
]


def load(ctx: DemoContext) -> None:
    seed_sectors()
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    bases = [Unit.objects.get(pk=u.pk) for u in ctx.objects["base_units"][:5]]
    sectors = {s.name: s for s in Sector.objects.all()}
    today = timezone.localdate()
    made = []
    for n, (title, sector, place, description, results, figures) in enumerate(MODELS):
        unit = bases[n % len(bases)]
        entry = Entry.objects.filter(unit=unit, movement__unit=bloc).first() if n == 0 else None
        made.append(
            services.propose(
                unit=unit,
                user=None,
                title=title,
                sector=sectors.get(sector) or Sector.objects.order_by("order").first(),  # type: ignore[arg-type]
                place=place,
                description=description,
                results=results,
                figures=figures,
                entry=entry,
                today=today - timedelta(days=40 - n),
            )
        )
    services.recognise(made[0], None, "Đề nghị nhân rộng trong khối.", today=today)
    services.recognise(made[1], None, today=today - timedelta(days=35))
    services.recognise(made[2], None, today=today - timedelta(days=400))
    services.return_for_changes(made[4], None, "Bổ sung số liệu kết quả và ảnh hoạt động của tổ.")
    ctx.log(f"Mô hình, điển hình: {len(made)} đề xuất, 3 được công nhận, 1 chờ xét, 1 trả lại")
