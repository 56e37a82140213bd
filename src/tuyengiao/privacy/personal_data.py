"""Personal data of the privacy app: the register of requests (see core/personal_data_spec.py)."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure

from . import legal

DECLARATIONS = [
    Declaration(
        model="privacy.DataRequest",
        person_paths=("person",),
        actor_paths=("assigned_to__person", "created_by__person"),
        fields=("person", "unit", "kind", "details", "answer", "assigned_to", "created_by"),
        purpose="Sổ yêu cầu của chủ thể dữ liệu: ghi nhận, phân công, trả lời đúng hạn.",
        legal_basis=legal.REQUESTS,
        retention="3 năm sau khi đóng yêu cầu.",
        erasure=Erasure.KEEP,
        keep_reason="Chứng cứ đã tiếp nhận và giải quyết yêu cầu của chủ thể dữ liệu đúng hạn.",
    ),
]
