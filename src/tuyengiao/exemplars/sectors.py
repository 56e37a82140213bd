"""The fields (lĩnh vực) units propose models in most: the seeds of the configurable list."""

from __future__ import annotations

SECTORS = [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    "Tuyên truyền, phổ biến nghị quyết",
    "Chuyển đổi số trong công tác tuyên giáo",
    "Dân vận khéo",
    "Xây dựng Đảng, sinh hoạt chi bộ",
    "Văn hóa, xã hội",
    "Phát triển kinh tế",
    "Quốc phòng, an ninh",
    "Lĩnh vực khác",
]


def seed_sectors() -> None:
    """Create the seed fields missing (a test flush, an administrator's removal)."""
    from .models import Sector

    for order, name in enumerate(SECTORS, start=1):
        Sector.objects.get_or_create(name=name, defaults={"order": order * 10})
