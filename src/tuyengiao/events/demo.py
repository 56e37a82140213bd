"""Demo data: the province's own dates, a campaign the bloc published for the coming Party
anniversary with its slogans, one still in draft, and events of the first base unit."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext

from .models import Anniversary, Campaign, Category, EventKind, UnitEvent
from .services import writes


def load(ctx: DemoContext) -> None:
    province = ctx.objects.get("province")
    bloc = ctx.objects.get("bloc")
    bases = ctx.objects.get("base_units") or []
    users = ctx.objects.get("users") or {}
    today = timezone.localdate()
    if province is not None:
        Anniversary.objects.get_or_create(
            unit=province,
            title="Ngày thành lập Đảng bộ tỉnh (hư cấu)",
            defaults={
                "category": Category.LOCAL,
                "day": 12,
                "month": 3,
                "year": 1930,
                "source": "Lịch sử Đảng bộ tỉnh (dữ liệu mẫu)",
            },
        )
        Anniversary.objects.get_or_create(
            unit=province,
            title="Ngày giải phóng tỉnh (hư cấu)",
            defaults={
                "category": Category.LOCAL,
                "day": 24,
                "month": 3,
                "year": 1975,
                "source": "Lịch sử Đảng bộ tỉnh (dữ liệu mẫu)",
            },
        )
    if bloc is None:
        ctx.log("Lịch tuyên truyền: không có Đảng ủy Khối trong dữ liệu mẫu, bỏ qua.")
        return
    founding = Anniversary.objects.filter(unit=None, day=3, month=2).first()
    campaign, made = Campaign.objects.get_or_create(
        unit=bloc,
        title="Tuyên truyền kỷ niệm Ngày thành lập Đảng Cộng sản Việt Nam",
        defaults={
            "theme": "Truyền thống vẻ vang của Đảng; kết quả thực hiện nghị quyết đại hội Đảng bộ.",
            "starts_on": today + timedelta(days=5),
            "ends_on": today + timedelta(days=40),
            "slogans": "Nhiệt liệt chào mừng Đảng Cộng sản Việt Nam quang vinh!\n"
            "Đảng Cộng sản Việt Nam quang vinh muôn năm!\n"
            "Chủ tịch Hồ Chí Minh vĩ đại sống mãi trong sự nghiệp của chúng ta!",
            "anniversary": founding,
            "created_by": users.get("khoi"),
        },
    )
    if made:
        writes.publish_campaign(campaign)
    Campaign.objects.get_or_create(
        unit=bloc,
        title="Tuyên truyền Ngày Quốc khánh (bản nháp)",
        defaults={
            "starts_on": today + timedelta(days=60),
            "ends_on": today + timedelta(days=75),
            "created_by": users.get("khoi"),
        },
    )
    if bases:
        UnitEvent.objects.get_or_create(
            unit=bases[0],
            title="Hội nghị nói chuyện chuyên đề lịch sử Đảng",
            defaults={
                "kind": EventKind.TALK,
                "starts_on": today + timedelta(days=7),
                "place": "Hội trường cơ quan",
                "campaign": campaign,
                "created_by": users.get("coso1"),
            },
        )
    ctx.log(
        f"Lịch tuyên truyền: {Anniversary.objects.count()} ngày kỷ niệm, "
        f"{Campaign.objects.count()} đợt tuyên truyền, {UnitEvent.objects.count()} sự kiện."
    )
