"""Personal data of user accounts and of the security machinery around them (second factors, the
audit and admin logs), see core/personal_data_spec.py and privacy/legal.py."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

DECLARATIONS = [
    Declaration(
        model="accounts.User",
        person_paths=("person",),
        fields=(
            "username",
            "first_name",
            "last_name",
            "email",
            "unit",
            "role",
            "person",
            "last_login",
            "date_joined",
            "groups",
            "user_permissions",
        ),
        purpose="Tài khoản đăng nhập: ai làm việc gì trong hệ thống, thư thông báo công việc.",
        legal_basis=legal.ACCOUNT,
        retention="Đến khi tài khoản bị khóa hoặc xóa theo yêu cầu.",
        erasure=Erasure.ANONYMISE,
        # the username is rewritten by privacy.services.erase_person (it must stay unique)
        anonymise={"first_name": "", "last_name": "", "email": "", "is_active": False},
    ),
    Declaration(
        model="otp_totp.TOTPDevice",
        person_paths=("user__person",),
        fields=("user", "name", "key"),
        purpose="Xác thực hai lớp của quản trị viên.",
        legal_basis=legal.SECURITY,
        retention="Đến khi người dùng gỡ thiết bị hoặc tài khoản bị xóa.",
        erasure=Erasure.ERASE,
    ),
    Declaration(
        model="otp_static.StaticDevice",
        person_paths=("user__person",),
        fields=("user", "name"),
        purpose="Mã dự phòng của xác thực hai lớp.",
        legal_basis=legal.SECURITY,
        retention="Đến khi người dùng tạo mã mới hoặc tài khoản bị xóa.",
        erasure=Erasure.ERASE,
    ),
    Declaration(
        model="auditlog.LogEntry",
        person_paths=(),
        actor_paths=("actor__person",),
        fields=("actor", "remote_addr", "changes", "additional_data"),
        purpose="Nhật ký thay đổi và truy cập dữ liệu (ai, khi nào, bao nhiêu người).",
        legal_basis=legal.SECURITY,
        retention="5 năm.",
        erasure=Erasure.KEEP,
        keep_reason=legal.SECURITY_KEPT,
    ),
    Declaration(
        model="admin.LogEntry",
        person_paths=(),
        actor_paths=("user__person",),
        fields=("user", "object_repr", "change_message"),
        purpose="Nhật ký của trang quản trị kỹ thuật (Django admin).",
        legal_basis=legal.SECURITY,
        retention="5 năm.",
        erasure=Erasure.KEEP,
        keep_reason=legal.SECURITY_KEPT,
    ),
]
