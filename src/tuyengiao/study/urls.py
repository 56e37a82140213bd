from django.urls import path

from .views import essays, exports, member, quizzes, rounds, sessions

app_name = "study"
urlpatterns = [
    path("", rounds.round_list, name="round_list"),
    path("moi/", rounds.round_create, name="round_create"),
    path("cua-toi/", member.my_study, name="my_study"),
    path("diem-danh/", member.checkin_code, name="checkin_code"),
    path("<int:round_pk>/", rounds.round_detail, name="round_detail"),
    path("<int:round_pk>/bao-cao.docx", exports.round_report, name="round_report"),
    path("<int:round_pk>/danh-sach/", rounds.member_list, name="member_list"),
    path("<int:round_pk>/danh-sach/bo-sung/", rounds.member_refresh, name="member_refresh"),
    path("<int:round_pk>/buoi-moi/", sessions.session_create, name="session_create"),
    path("<int:round_pk>/kiem-tra/", quizzes.test_manage, name="test_manage"),
    path("<int:round_pk>/kiem-tra/luu/", quizzes.test_save, name="test_save"),
    path("<int:round_pk>/kiem-tra/cau-hoi/them/", quizzes.question_add, name="question_add"),
    path(
        "<int:round_pk>/kiem-tra/cau-hoi/<int:question_pk>/",
        quizzes.question_edit,
        name="question_edit",
    ),
    path(
        "<int:round_pk>/kiem-tra/cau-hoi/<int:question_pk>/xoa/",
        quizzes.question_delete,
        name="question_delete",
    ),
    path("<int:round_pk>/kiem-tra/bat-dau/", quizzes.test_start, name="test_start"),
    path("<int:round_pk>/kiem-tra/lam-bai/", quizzes.test_take, name="test_take"),
    path("<int:round_pk>/kiem-tra/nhap-diem/", quizzes.test_paper, name="test_paper"),
    path("<int:round_pk>/thu-hoach/", essays.essay_list, name="essay_list"),
    path("<int:round_pk>/thu-hoach/tieu-chi/", essays.criterion_add, name="criterion_add"),
    path("buoi/<int:session_pk>/", sessions.session_detail, name="session_detail"),
    path(
        "buoi/<int:session_pk>/diem-danh/", sessions.session_attendance, name="session_attendance"
    ),
    path("buoi/<int:session_pk>/tu-diem-danh/", sessions.session_checkin, name="session_checkin"),
    path("buoi/<int:session_pk>/nhap-bang-ky-ten/", sessions.session_import, name="session_import"),
    path(
        "buoi/<int:session_pk>/nhap-bang-ky-ten/<int:signin_job_pk>/",
        sessions.session_import_job,
        name="session_import_job",
    ),
    path("buoi/<int:session_pk>/bang-ky-ten.xlsx", exports.session_sheet, name="session_sheet"),
    path("buoi/<int:session_pk>/xoa/", sessions.session_delete, name="session_delete"),
    path("thu-hoach/<int:essay_pk>/", essays.essay_detail, name="essay_detail"),
    path("thu-hoach/<int:essay_pk>/cham/", essays.essay_grade, name="essay_grade"),
    path("thu-hoach/<int:essay_pk>/phan-cong/", essays.essay_assign, name="essay_assign"),
    path("thu-hoach/<int:essay_pk>/tep/", essays.essay_file, name="essay_file"),
]
