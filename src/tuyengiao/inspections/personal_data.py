"""Personal data of the inspections app (see core/personal_data_spec.py, privacy/legal.py): who
was in an inspection team, and which officer recorded findings, accepted a follow-up or planned
the inspection. Inspections are of units' work on plans: no line is about a person's views."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

INSPECTION_RECORD_KEPT = (
    "Thành phần đoàn kiểm tra, giám sát là một phần của hồ sơ kiểm tra của cơ quan đảng "
    "(căn cứ của thông báo kết luận): giữ cùng hồ sơ, không xóa theo yêu cầu."
)

DECLARATIONS = [
    Declaration(
        model="inspections.TeamMember",
        person_paths=("person",),
        fields=("person", "role", "inspection"),
        purpose="Thành phần đoàn kiểm tra, giám sát (trưởng đoàn, thành viên).",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ kiểm tra, giám sát của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=INSPECTION_RECORD_KEPT,
    ),
    Declaration(
        model="inspections.Inspection",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người lập kế hoạch kiểm tra, giám sát.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ kiểm tra, giám sát của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="inspections.ChecklistLine",
        person_paths=(),
        actor_paths=("updated_by__person",),
        fields=("updated_by", "updated_at"),
        purpose="Cán bộ ghi kết quả kiểm tra từng nội dung.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ kiểm tra, giám sát của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="inspections.Recommendation",
        person_paths=(),
        actor_paths=("accepted_by__person",),
        fields=("accepted_by", "accepted_on"),
        purpose="Cán bộ chấp nhận kết quả khắc phục kiến nghị.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ kiểm tra, giám sát của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="inspections.Review",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người mở đợt sơ kết, tổng kết.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ sơ kết, tổng kết của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="inspections.ReviewReport",
        person_paths=(),
        actor_paths=("updated_by__person",),
        fields=("updated_by", "commendations"),
        purpose="Cán bộ gửi báo cáo sơ kết, tổng kết; tập thể, cá nhân được đề xuất khen thưởng.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ sơ kết, tổng kết của đơn vị.",
        erasure=Erasure.KEEP,
        keep_reason=(
            "Đề xuất khen thưởng là hồ sơ công tác thi đua, khen thưởng của tổ chức đảng; người gửi "
            "báo cáo là hồ sơ công việc của đơn vị."
        ),
    ),
]
