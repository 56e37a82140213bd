"""Personal data of periodic reports: who defined, edited, submitted and attached (a work record);
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
        retention="Theo thời hạn lưu của báo cáo.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    )


DECLARATIONS = [
    _work("reports.ReportType", "created_by", "Người lập loại báo cáo."),
    _work("reports.Submission", "updated_by", "Người sửa báo cáo lần cuối."),
    _work(
        "reports.ReportVersion", "created_by", "Người nộp, trả lại, duyệt một phiên bản báo cáo."
    ),
    _work("reports.Attachment", "uploaded_by", "Người đính kèm tệp vào báo cáo."),
]
