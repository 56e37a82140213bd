"""What the demo loaders share: the password, the accounts, and the objects created so far."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEMO_ACCOUNTS = [
    ("admin", "Quản trị hệ thống (cần xác thực hai lớp: dùng mã dự phòng in bên dưới)"),
    (
        "khoi",
        "Quản trị Đảng ủy UBND tỉnh, trước 1/7/2025 là Đảng ủy Khối (cần xác thực hai lớp: dùng mã dự phòng in bên dưới)",
    ),
    ("coso1", "Cán bộ chuyên trách của một đảng bộ cơ sở"),
    ("coso2", "Cán bộ chuyên trách của đảng bộ cơ sở bên cạnh"),
    ("xem1", "Chỉ xem, cùng đơn vị với coso1"),
    ("so1", "Cán bộ của một Sở (khối nhà nước, UBND tỉnh)"),
    (
        "dangvien1",
        "Đảng viên một chi bộ thuộc đơn vị của coso1 (tài khoản đảng viên): tự điểm danh, "
        "làm bài kiểm tra, nộp bài thu hoạch, dữ liệu của tôi",
    ),
]


@dataclass
class DemoContext:
    password: str
    stdout: Any = None
    objects: dict[str, Any] = field(default_factory=dict)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write("    " + message)

    @staticmethod
    def backup_codes_note() -> str:
        """Print the unused backup (static) 2FA codes of the demo admins so a visitor can log in."""
        from django_otp.plugins.otp_static.models import StaticDevice

        lines = []
        for device in StaticDevice.objects.filter(
            user__username__in=["admin", "khoi"]
        ).select_related("user"):
            tokens = list(device.token_set.values_list("token", flat=True)[:5])
            if tokens:
                lines.append(f"  mã dự phòng của {device.user.username}: {' '.join(tokens)}")
        return (
            ("Xác thực hai lớp — mã dự phòng (mỗi mã dùng một lần):\n" + "\n".join(lines))
            if lines
            else ""
        )
