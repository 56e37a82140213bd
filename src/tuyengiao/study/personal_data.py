"""Personal data of the study app: lists of rounds, attendance, tests and essays; see
core/personal_data_spec.py and privacy/legal.py. Exemptions are recorded by category only, never
as free text about a person."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

# Retention of what the purge removes (``tuyengiao purge_personal_data``).
ESSAY_DAYS = 2 * 365  # bài thu hoạch: two years after submission
ANSWER_DAYS = 365  # the answers of a test, one year after submission (the score stays)

DECLARATIONS = [
    Declaration(
        model="study.StudyRound",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người mở đợt học tập.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ đợt học tập.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="study.StudySession",
        person_paths=(),
        actor_paths=("presenter",),
        fields=("presenter",),
        purpose="Báo cáo viên trình bày tại buổi học.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ đợt học tập.",
        erasure=Erasure.KEEP,
        keep_reason=legal.STUDY_RECORD,
    ),
    Declaration(
        model="study.Eligibility",
        person_paths=("person",),
        fields=("person", "unit", "exemption"),
        purpose="Danh sách đảng viên phải học của đợt; miễn học chỉ ghi theo loại.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ đợt học tập.",
        erasure=Erasure.KEEP,
        keep_reason=legal.STUDY_RECORD,
        sensitive=True,
    ),
    Declaration(
        model="study.Attendance",
        person_paths=("person",),
        fields=("person", "session", "unit", "method"),
        purpose="Điểm danh: ai đã học, ở buổi nào, bằng cách nào.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ đợt học tập.",
        erasure=Erasure.KEEP,
        keep_reason=legal.STUDY_RECORD,
        sensitive=True,
    ),
    Declaration(
        model="study.TestAttempt",
        person_paths=("person",),
        fields=("person", "unit", "score", "passed", "started_at", "submitted_at"),
        purpose="Điểm bài kiểm tra nhận thức (trực tuyến hoặc nhập từ bài giấy).",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ đợt học tập.",
        erasure=Erasure.KEEP,
        keep_reason=legal.STUDY_RECORD,
    ),
    Declaration(
        model="study.AttemptAnswer",
        person_paths=("attempt__person",),
        fields=("answer", "correct"),
        purpose="Từng câu trả lời của bài kiểm tra, để chấm và thống kê câu sai nhiều.",
        legal_basis=legal.PARTY_WORK,
        retention=f"{ANSWER_DAYS} ngày sau khi nộp bài (điểm vẫn giữ).",
        erasure=Erasure.ERASE,
        retention_days=ANSWER_DAYS,
        retention_from="attempt__submitted_at",
    ),
    Declaration(
        model="study.Essay",
        person_paths=("person",),
        actor_paths=("graded_by__person", "graders__person"),
        fields=(
            "person",
            "unit",
            "text",
            "file",
            "grade",
            "points",
            "comment",
            "graded_by",
            "graders",
        ),
        purpose="Bài thu hoạch và việc chấm bài (nội dung chỉ người viết, người chấm, cán bộ đơn vị xem).",
        legal_basis=legal.PARTY_WORK,
        retention=f"{ESSAY_DAYS // 365} năm sau khi nộp.",
        erasure=Erasure.ERASE,
        files=("file",),
        retention_days=ESSAY_DAYS,
        retention_from="submitted_at",
    ),
]
