"""Personal data of plans: who made plans, progress reports and dispatches (a work record); see
core/personal_data_spec.py and privacy/legal.py."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal


def _work(model: str, purpose: str) -> Declaration:
    return Declaration(
        model=model,
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose=purpose,
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu của kế hoạch.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    )


DECLARATIONS = [
    _work("plans.Plan", "Người tạo kế hoạch."),
    _work("plans.TaskUpdate", "Người báo cáo tiến độ nhiệm vụ."),
    _work("plans.CascadeDispatch", "Người gửi kế hoạch xuống đơn vị cấp dưới."),
]
