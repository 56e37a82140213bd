"""Personal data of the calendar: who recorded a campaign or an event (a work record), and each
user's private feed address; see core/personal_data_spec.py and privacy/legal.py. Anniversaries
hold no personal data."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="events.Campaign",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người phát động đợt tuyên truyền.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên truyền của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="events.UnitEvent",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người ghi sự kiện của đơn vị vào lịch.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên truyền của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="events.Bulletin",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người lập thông tin sinh hoạt chi bộ.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên truyền của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="events.FeedToken",
        person_paths=("user__person",),
        fields=("user", "created_at"),
        purpose="Địa chỉ lịch riêng (.ics) của tài khoản để thêm vào ứng dụng lịch.",
        legal_basis=legal.ACCOUNT,
        retention="Đến khi người dùng tạo địa chỉ mới hoặc tài khoản bị xóa.",
        erasure=Erasure.ERASE,
    ),
]
