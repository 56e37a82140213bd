"""Personal data of the exemplars app: only the officers who proposed and reviewed a model (a
model is a unit's work, not a person's record; no one is named in its fields)."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="exemplars.Exemplar",
        person_paths=(),
        actor_paths=("created_by__person", "reviewed_by__person"),
        fields=("created_by", "reviewed_by", "review_note"),
        purpose="Cán bộ đề xuất mô hình, điển hình và cán bộ cấp trên xét công nhận.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên giáo của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
]
