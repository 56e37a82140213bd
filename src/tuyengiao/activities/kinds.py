"""The seeds of the list of kinds (migration 0002 writes the same list; tests and the demo call
:func:`seed_kinds` after a flush)."""

from __future__ import annotations

from .models import ActivityKind

TALK = "Nói chuyện chuyên đề"  # a talk a speaker gave after a briefing (speakers) is one of these

KINDS = [
    ("Hội nghị (quán triệt, triển khai, sơ kết, tổng kết)", False),
    (TALK, False),
    ("Triển lãm", False),
    ("Panô, áp phích, khẩu hiệu, băng rôn", False),
    ("Tin bài trên trang thông tin của đơn vị", True),
    ("Phát thanh, loa truyền thanh", False),
    ("Sân khấu hóa, văn nghệ", False),
    ("Chiếu phim", False),
    ("Cuộc thi", False),
    ("Mạng nội bộ, nhóm Zalo của đơn vị", True),
    ("Tài liệu, tờ gấp phát hành", False),
    ("Hoạt động khác", False),
]


def seed_kinds() -> None:
    """Create the seeded kinds that are missing (idempotent)."""
    for order, (name, counts_items) in enumerate(KINDS, start=1):
        ActivityKind.objects.get_or_create(
            name=name, defaults={"order": order * 10, "counts_items": counts_items}
        )


def talk_kind() -> ActivityKind:
    """The kind a speaker's talk is recorded under (created if an administrator removed it)."""
    kind, _ = ActivityKind.objects.get_or_create(name=TALK, defaults={"order": 20})
    return kind
