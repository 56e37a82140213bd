"""Personal data of the speakers app: rosters (appointments, expertise, contact), training
(enrolment, completion, hours), talks given after briefings, contest entries, jurors and scores;
see core/personal_data_spec.py and privacy/legal.py. Nothing here records what a person thinks:
talks are counted (audience, listeners, topic), entries are judged on a published rubric."""

from __future__ import annotations

from tuyengiao.core.personal_data_spec import Declaration, Erasure
from tuyengiao.privacy import legal

# Retention of what the purge removes (``tuyengiao purge_personal_data``).
SCORE_DAYS = 5 * 365  # jurors' scores: five years after scoring (the ranking's evidence)

ROSTER_KEPT = (
    "Quyết định công nhận, nhiệm kỳ và vai trò báo cáo viên, tuyên truyền viên là hồ sơ công tác "
    "của đơn vị: giữ để quá trình và số liệu tổng hợp đã báo cáo không thay đổi."
)
TRAINING_KEPT = (
    "Kết quả bồi dưỡng (hoàn thành, số giờ, số chứng nhận) là hồ sơ bồi dưỡng cán bộ của đơn vị, "
    "đối chiếu với yêu cầu giờ bồi dưỡng hằng năm."
)
TALK_KEPT = (
    "Buổi nói chuyện đã báo cáo (đối tượng, số người nghe, chủ đề) là số liệu hoạt động tuyên "
    "truyền của đơn vị."
)
CONTEST_KEPT = "Bài dự thi, ban giám khảo và kết quả là hồ sơ hội thi đã công bố."

DECLARATIONS = [
    Declaration(
        model="speakers.Appointment",
        person_paths=("person",),
        actor_paths=("created_by__person",),
        fields=(
            "person",
            "unit",
            "role",
            "decision_number",
            "decision_date",
            "term_start",
            "term_end",
            "expertise",
            "contact",
            "active",
            "ended_on",
            "end_reason",
            "created_by",
        ),
        purpose=(
            "Danh sách báo cáo viên, tuyên truyền viên, cộng tác viên của đơn vị: quyết định, "
            "nhiệm kỳ, lĩnh vực chuyên sâu, liên hệ; quá trình làm nhiệm vụ."
        ),
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ công tác tuyên giáo của đơn vị; liên hệ xóa khi có yêu cầu.",
        erasure=Erasure.ANONYMISE,
        anonymise={"contact": ""},
        keep_reason=ROSTER_KEPT,
    ),
    Declaration(
        model="speakers.Course",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người mở lớp bồi dưỡng.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ lớp bồi dưỡng.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="speakers.Enrolment",
        person_paths=("person",),
        fields=("person", "course", "completed", "hours", "certificate_number"),
        purpose="Ghi danh, hoàn thành lớp bồi dưỡng và số giờ bồi dưỡng hằng năm.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ bồi dưỡng cán bộ.",
        erasure=Erasure.KEEP,
        keep_reason=TRAINING_KEPT,
    ),
    Declaration(
        model="speakers.Briefing",
        person_paths=(),
        actor_paths=("created_by__person",),
        fields=("created_by",),
        purpose="Người lên lịch hội nghị báo cáo viên.",
        legal_basis=legal.WORK_RECORD,
        retention="Theo thời hạn lưu hồ sơ hội nghị.",
        erasure=Erasure.KEEP,
        keep_reason=legal.WORK_RECORD_KEPT,
    ),
    Declaration(
        model="speakers.Talk",
        person_paths=("person",),
        actor_paths=("recorded_by__person",),
        fields=("person", "unit", "given_on", "audience", "listeners", "topic", "recorded_by"),
        purpose="Buổi nói chuyện báo cáo viên thực hiện sau hội nghị: cho ai, bao nhiêu người nghe, chủ đề.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ hội nghị báo cáo viên.",
        erasure=Erasure.KEEP,
        keep_reason=TALK_KEPT,
    ),
    Declaration(
        model="speakers.Entry",
        person_paths=("person",),
        fields=("person", "entrant_unit", "kind", "title", "link"),
        purpose="Bài dự thi của người dự thi.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ hội thi.",
        erasure=Erasure.KEEP,
        keep_reason=CONTEST_KEPT,
    ),
    Declaration(
        model="speakers.Juror",
        person_paths=("person",),
        fields=("person", "contest"),
        purpose="Thành viên ban giám khảo hội thi.",
        legal_basis=legal.PARTY_WORK,
        retention="Theo thời hạn lưu hồ sơ hội thi.",
        erasure=Erasure.KEEP,
        keep_reason=CONTEST_KEPT,
    ),
    Declaration(
        model="speakers.Score",
        person_paths=("entry__person",),
        actor_paths=("juror__person",),
        fields=("entry", "juror", "criterion", "level", "scored_at"),
        purpose="Điểm từng giám khảo chấm cho bài dự thi (để xếp hạng và phát hiện chênh lệch).",
        legal_basis=legal.PARTY_WORK,
        retention=f"{SCORE_DAYS // 365} năm sau khi chấm.",
        erasure=Erasure.KEEP,
        keep_reason=CONTEST_KEPT,
        retention_days=SCORE_DAYS,
        retention_from="scored_at",
    ),
]
