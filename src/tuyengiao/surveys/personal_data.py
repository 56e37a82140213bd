"""Personal data of the surveys app; see core/personal_data_spec.py and privacy/legal.py.

Participation ("was asked / has answered") is personal data linked to a person. The answers
(``Response``, ``Answer``, ``PendingResponse``) are not: they hold no person, no account, no
time finer than a week and no unit smaller than k respondents, and nothing joins them to a
participation (``tests/test_anonymity.py``) — so they are neither exported with a person's data
nor erasable per person: nobody, the system included, can tell whose they are. Suggestions hold
no identity either; only a contact the sender chose to type, blanked after a year."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

CONTACT_DAYS = 365

DECLARATIONS = [
    Declaration(
        model="surveys.Survey",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người tạo cuộc khảo sát.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công việc của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="surveys.Participation",
        person_paths=("person",),
        fields=("person", "unit", "answered"),
        purpose=(
            "Ai được mời trả lời khảo sát và đã trả lời hay chưa, để tính tỷ lệ trả lời theo đơn "
            "vị và để mỗi người chỉ trả lời một lần. Không ghi trả lời gì, không ghi lúc nào."
        ),
        legal_basis=legal.PARTY_WORK,
        retention="Cùng cuộc khảo sát.",
        erasure=Erasure.ERASE,
        sensitive=True,
    ),
    Declaration(
        model="surveys.Suggestion",
        person_paths=(),
        fields=("contact",),
        purpose=(
            "Cách liên hệ người gửi câu hỏi, góp ý tự ghi (nếu muốn được trả lời riêng); hộp thư "
            "không ghi tên, tài khoản hay địa chỉ máy của người gửi."
        ),
        legal_basis=legal.BASIC,
        retention=f"{CONTACT_DAYS} ngày kể từ ngày nhận, sau đó cách liên hệ được xóa.",
        erasure=Erasure.ERASE,
        retention_days=CONTACT_DAYS,
        retention_from="received_on",
        purge_fields=("contact",),
    ),
]
