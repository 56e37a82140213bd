"""Personal data of the orgs app (see core/personal_data_spec.py, privacy/legal.py)."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="orgs.Person",
        person_paths=("pk",),
        fields=(
            "full_name",
            "unit",
            "position",
            "roles",
            "is_party_member",
            "birth_year",
            "party_admission_date",
            "email",
            "phone",
            "active",
        ),
        purpose=(
            "Danh sách đảng viên, cán bộ của đơn vị để tổ chức học tập, điểm danh, phân công "
            "báo cáo viên và gửi thông báo công việc."
        ),
        legal_basis=legal.PARTY_WORK,
        retention="Trong thời gian sinh hoạt tại đơn vị và theo chế độ lưu hồ sơ đảng viên sau đó.",
        erasure=Erasure.ANONYMISE,
        anonymise={"email": "", "phone": ""},
        keep_reason=legal.PARTY_RECORD,
        sensitive=True,
    ),
    Declaration(
        model="orgs.PersonTransfer",
        person_paths=("person",),
        actor_paths=("created_by__person",),
        fields=("person", "from_unit", "to_unit", "date", "note", "created_by"),
        purpose="Lịch sử chuyển sinh hoạt đảng giữa các đơn vị.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo chế độ lưu hồ sơ đảng viên.",
        erasure=Erasure.KEEP,
        keep_reason=legal.PARTY_RECORD,
        sensitive=True,
    ),
    Declaration(
        model="orgs.Reorganisation",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by", "created_at", "applied_at"),
        purpose="Ghi nhận ai đã lập và áp dụng một lần sắp xếp tổ chức.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ sắp xếp tổ chức.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="orgs.RecentUnitChoice",
        person_paths=("user__person",),
        fields=("user", "unit", "used_at"),
        purpose="Các đơn vị một người chọn gần đây, gợi ý lại trong ô chọn đơn vị.",
        legal_basis=legal.ACCOUNT,
        retention="Đến khi tài khoản bị xóa (chỉ giữ những lần chọn gần nhất).",
        erasure=Erasure.ERASE,
    ),
]
