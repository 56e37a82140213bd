"""Personal data of the news pages: who drafted and who published an item (officers' accounts).
The items themselves are the unit's own public news; nothing about readers is recorded."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="news.NewsItem",
        person_paths=(),
        actor_paths=("created_by__person", "published_by__person"),
        fields=("created_by", "published_by"),
        purpose="Người viết và người duyệt đăng tin bài của đơn vị.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên giáo của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
]
