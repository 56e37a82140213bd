"""Personal data of the activity register: who carried out an activity (people of the roster) and
who recorded it; see core/personal_data_spec.py and privacy/legal.py. Nothing about anyone's
opinions is recorded: only that the person took part in the unit's own communication work."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="activities.Activity",
        person_paths=(),
        actor_paths=("people", "created_by__person"),
        fields=("people", "created_by"),
        purpose=(
            "Người thực hiện hoạt động tuyên truyền của đơn vị (báo cáo viên, người viết tin "
            "bài…) và người ghi vào sổ."
        ),
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên giáo của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
]
