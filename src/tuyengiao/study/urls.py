from django.urls import path

from . import views

app_name = "study"
urlpatterns = [
    path("", views.round_list, name="round_list"),
    path("moi/", views.round_create, name="round_create"),
    path("<int:round_pk>/", views.round_detail, name="round_detail"),
    path("<int:round_pk>/bao-cao.docx", views.round_report, name="round_report"),
    path("<int:round_pk>/danh-sach/", views.member_list, name="member_list"),
    path("<int:round_pk>/buoi-moi/", views.session_create, name="session_create"),
    path("<int:round_pk>/kiem-tra/", views.test_manage, name="test_manage"),
    path(
        "<int:round_pk>/kiem-tra/cau-hoi/<int:question_pk>/",
        views.question_edit,
        name="question_edit",
    ),
    path("<int:round_pk>/kiem-tra/lam-bai/", views.test_take, name="test_take"),
    path("<int:round_pk>/kiem-tra/nhap-diem/", views.test_paper, name="test_paper"),
    path("<int:round_pk>/thu-hoach/", views.essay_list, name="essay_list"),
    path("buoi/<int:session_pk>/", views.session_detail, name="session_detail"),
    path("buoi/<int:session_pk>/diem-danh/", views.session_attendance, name="session_attendance"),
    path("buoi/<int:session_pk>/tu-diem-danh/", views.session_checkin, name="session_checkin"),
    path("buoi/<int:session_pk>/nhap-bang-ky-ten/", views.session_import, name="session_import"),
    path(
        "buoi/<int:session_pk>/nhap-bang-ky-ten/<int:signin_job_pk>/",
        views.session_import_job,
        name="session_import_job",
    ),
    path("buoi/<int:session_pk>/bang-ky-ten.xlsx", views.session_sheet, name="session_sheet"),
    path("buoi/<int:session_pk>/xoa/", views.session_delete, name="session_delete"),
    path("thu-hoach/<int:essay_pk>/", views.essay_detail, name="essay_detail"),
    path("thu-hoach/<int:essay_pk>/tep/", views.essay_file, name="essay_file"),
]
