"""Personal data of the notifications app (see core/personal_data_spec.py, privacy/legal.py):
which account was told what about its unit's work, and how each account wants to be told."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="notifications.Notification",
        person_paths=("recipient__person",),
        fields=("recipient", "unit", "kind", "title", "created_at", "read_at", "emailed_at"),
        purpose="Báo cho cán bộ việc của đơn vị: kế hoạch gửi xuống, hạn nhiệm vụ, báo cáo.",
        legal_basis=legal.ACCOUNT,
        retention="180 ngày (NOTIFICATIONS_KEEP_DAYS), rồi tự xóa.",
        erasure=Erasure.ERASE,
    ),
    Declaration(
        model="notifications.Preference",
        person_paths=("user__person",),
        fields=("user", "kind", "delivery"),
        purpose="Cách mỗi người muốn nhận thông báo (trong ứng dụng, thư ngay, thư tổng hợp).",
        legal_basis=legal.ACCOUNT,
        retention="Đến khi tài khoản bị xóa.",
        erasure=Erasure.ERASE,
    ),
]
