"""The legal texts the personal-data declarations cite, in one place.

What we read (stored public copies of the texts and of commentaries on them, December 2026):

- Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 (26/6/2025, in force 1/1/2026): Điều 2 (dữ liệu
  cá nhân, cơ bản và nhạy cảm; chủ thể dữ liệu), Điều 4 (quyền của chủ thể dữ liệu: được biết;
  đồng ý / rút lại; xem, chỉnh sửa; yêu cầu cung cấp, xóa, hạn chế xử lý; phản đối; khiếu nại),
  Điều 19 (xử lý dữ liệu cá nhân không cần sự đồng ý của chủ thể — cited by the commentaries on
  the decree; we did not read the article's own clauses, so no clause number is given).
- Nghị định 356/2025/NĐ-CP (31/12/2025, in force 1/1/2026, replaces Nghị định 13/2023/NĐ-CP):
  Điều 1 (it details, among others, khoản 5 Điều 4 of the Law: how the data subject's rights are
  exercised), Điều 3 (danh mục dữ liệu cá nhân cơ bản: họ tên, ngày sinh, số điện thoại …),
  Điều 4 (danh mục dữ liệu cá nhân nhạy cảm, including political views). The time limits for
  answering a data subject (2 working days to respond; 15 days to complete a withdrawal,
  restriction or objection, 20 when a processor or third party must stop; one extension of at
  most 15 days) are from the commentaries; **the decree article that sets them was not readable
  in the stored copies**, so it is cited as "Nghị định 356/2025/NĐ-CP (quy định chi tiết khoản 5
  Điều 4 Luật)" and must be checked by the controller's legal officer.
"""

from __future__ import annotations

LAW = "Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15"
DECREE = "Nghị định 356/2025/NĐ-CP"

RIGHTS = f"{LAW}, Điều 4 (quyền của chủ thể dữ liệu cá nhân)"
NO_CONSENT = f"{LAW}, Điều 19 (xử lý dữ liệu cá nhân không cần sự đồng ý)"
SENSITIVE = f"{DECREE}, Điều 4 (dữ liệu cá nhân nhạy cảm)"
BASIC = f"{DECREE}, Điều 3 (dữ liệu cá nhân cơ bản)"
REQUEST_TIMES = f"{DECREE} (quy định chi tiết khoản 5 Điều 4 {LAW})"

# The bases the declarations use.
PARTY_WORK = (
    f"{NO_CONSENT}: thực hiện nhiệm vụ công tác đảng, học tập, quán triệt nghị quyết theo quy "
    f"định; đảng viên là dữ liệu nhạy cảm ({SENSITIVE})"
)
ACCOUNT = (
    f"{NO_CONSENT}: tài khoản để người dùng làm việc trong hệ thống và bảo đảm an toàn hệ thống "
    f"({BASIC})"
)
WORK_RECORD = f"{NO_CONSENT}: ghi nhận ai đã soạn, gửi, duyệt văn bản và báo cáo (hồ sơ công việc)"
SECURITY = f"{NO_CONSENT}: nhật ký an toàn hệ thống, truy vết thay đổi và truy cập"
REQUESTS = f"{RIGHTS}; thời hạn trả lời theo {REQUEST_TIMES}"

# Why some records are kept on erasure.
PARTY_RECORD = (
    "Thông tin thuộc hồ sơ đảng viên và quản lý đảng viên (họ tên, đơn vị sinh hoạt, ngày vào "
    "Đảng, chuyển sinh hoạt): cơ quan đảng phải lưu giữ, không xóa theo yêu cầu."
)
STUDY_RECORD = (
    "Kết quả học tập, quán triệt nghị quyết (có mặt, điểm kiểm tra, danh sách đợt) là số liệu báo "
    "cáo của tổ chức đảng: giữ để tỷ lệ đã báo cáo không thay đổi."
)
WORK_RECORD_KEPT = (
    "Người soạn, gửi, duyệt văn bản và báo cáo là một phần của hồ sơ công việc của đơn vị."
)
SECURITY_KEPT = "Nhật ký an toàn hệ thống: giữ để truy vết thay đổi và truy cập trái phép."
