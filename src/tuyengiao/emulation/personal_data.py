"""Personal data of the emulation app: people commended (a party and work record: kept), and the
officers who scored entries or recorded commendations."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

COMMENDATION_KEPT = (
    "Khen thưởng là hồ sơ đảng viên và hồ sơ công tác thi đua, khen thưởng (quyết định có số, "
    "ngày): cơ quan phải lưu giữ, không xóa theo yêu cầu."
)

DECLARATIONS = [
    Declaration(
        model="emulation.Commendation",
        person_paths=("person",),
        actor_paths=("created_by__person",),
        fields=("person", "subject_unit", "form", "decision_number", "decision_date", "reason"),
        purpose="Sổ khen thưởng: tập thể, cá nhân được khen, hình thức, quyết định, thành tích.",
        legal_basis=legal.PARTY_WORK,
        retention="Lưu vĩnh viễn cùng hồ sơ thi đua, khen thưởng.",
        erasure=Erasure.KEEP,
        keep_reason=COMMENDATION_KEPT,
    ),
    Declaration(
        model="emulation.Entry",
        person_paths=(),
        actor_paths=("scored_by__person",),
        fields=("scored_by", "scores", "total"),
        purpose="Cán bộ cấp trên chấm điểm thi đua của đơn vị.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ thi đua của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="emulation.Nomination",
        person_paths=("person",),
        actor_paths=("created_by__person", "decided_by__person"),
        fields=("person", "subject_unit", "form", "reason", "status", "decline_reason"),
        purpose="Đề nghị khen thưởng tập thể, cá nhân và quyết định của cấp có thẩm quyền.",
        legal_basis=legal.PARTY_WORK,
        retention="Lưu cùng hồ sơ thi đua, khen thưởng.",
        erasure=Erasure.KEEP,
        keep_reason=COMMENDATION_KEPT,
    ),
    Declaration(
        model="emulation.CertificateTemplate",
        person_paths=(),
        actor_paths=("uploaded_by__person",),
        fields=("uploaded_by",),
        purpose="Quản trị hệ thống tải lên mẫu giấy chứng nhận.",
        legal_basis=legal.WORK_RECORD,
        retention="Trong thời gian mẫu còn lưu trong hệ thống.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
]
