"""Demo data: the bloc opens its public news page with two published items (one reporting an
activity of its register) and an officer's draft that the public never sees."""

from __future__ import annotations

from django.utils import timezone

from tuyengiao.activities.models import Activity
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Unit

from . import services
from .models import NewsItem, Status

ITEMS = [
    (
        "Đảng ủy Khối tổ chức hội nghị học tập, quán triệt nghị quyết",
        "Hơn 200 đảng viên các cơ sở đảng trực thuộc dự hội nghị trực tiếp và trực tuyến.",
        "Sáng nay, Đảng ủy Khối các cơ quan tỉnh tổ chức hội nghị học tập, quán triệt nghị quyết "
        "cho cán bộ, đảng viên các cơ sở đảng trực thuộc.\n\nHội nghị được kết nối trực tuyến "
        "đến các điểm cầu cơ sở.",
        True,
    ),
    (
        "Triển lãm ảnh “Biển đảo quê hương”",
        "Triển lãm mở cửa tại hội trường cơ quan đến hết tuần.",
        "Triển lãm giới thiệu 120 ảnh tư liệu về biển, đảo Việt Nam.",
        True,
    ),
    (
        "Bản nháp: kế hoạch tuyên truyền tháng tới",
        "",
        "Bản nháp của cán bộ chuyên trách, chờ quản trị đơn vị duyệt.",
        False,
    ),
]


def load(ctx: DemoContext) -> None:
    bloc = ctx.objects.get("bloc")
    if bloc is None:
        ctx.log("Trang tin: không có Đảng ủy Khối trong dữ liệu mẫu, bỏ qua.")
        return
    bloc = Unit.objects.get(pk=bloc.pk)
    page = services.save_page(
        bloc,
        {
            "public": True,
            "slug": services.default_slug(bloc),
            "intro": "Tin hoạt động tuyên truyền của Đảng ủy Khối các cơ quan tỉnh.",
            "show_bulletins": True,
        },
    )
    activity = Activity.objects.filter(unit=bloc).order_by("-held_on").first()
    for title, summary, body, published in ITEMS:
        if NewsItem.objects.filter(unit=bloc, title=title).exists():
            continue
        item = NewsItem.objects.create(
            unit=bloc,
            title=title,
            summary=summary,
            body=body,
            status=Status.PUBLISHED if published else Status.DRAFT,
            published_at=timezone.now() if published else None,
        )
        if published and activity is not None and item.activity_id is None:
            services.link_activity(item, activity, f"/tin/{page.slug}/{item.pk}/")
            activity = None
    ctx.log(f"Trang tin: /tin/{page.slug}/ của {bloc.name} (2 tin đã đăng, 1 bản nháp)")
