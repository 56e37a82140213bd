"""Personal data of the document library: who uploaded and corrected documents (a work record);
see core/personal_data_spec.py and privacy/legal.py."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal


def _work(model: str, field: str, purpose: str) -> Declaration:
    return Declaration(
        model=model,
        person_paths=(),
        actor_paths=(f"{field}__person",),
        fields=(field,),
        purpose=purpose,
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu của văn bản.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    )


DECLARATIONS = [
    _work("documents.Document", "uploaded_by", "Người đưa văn bản vào thư viện."),
    _work("documents.FieldCorrection", "by", "Người sửa thông tin văn bản đã đọc."),
    Declaration(
        model="documents.UploadDraft",
        person_paths=("uploaded_by__person",),
        fields=("uploaded_by",),
        purpose="Bản nháp tải lên của người dùng, chờ xác nhận.",
        legal_basis=legal.WORK_RECORD,
        retention="Đến khi xác nhận hoặc hủy bản nháp.",
        erasure=Erasure.ERASE,
    ),
]
