from django.urls import path

from .views import exports, log, notice, people, requests

app_name = "privacy"
urlpatterns = [
    path("thong-bao/", notice.notice, name="notice"),
    path("cua-toi/", people.my_data, name="my_data"),
    path("cua-toi/du-lieu.zip", people.my_export_zip, name="my_export_zip"),
    path("cua-toi/du-lieu.docx", people.my_export_docx, name="my_export_docx"),
    path("cua-toi/yeu-cau/", requests.my_requests, name="my_requests"),
    path("nguoi/<int:person_pk>/", people.person_data, name="person_data"),
    path("nguoi/<int:person_pk>/du-lieu.zip", people.person_export_zip, name="person_export_zip"),
    path(
        "nguoi/<int:person_pk>/du-lieu.docx", people.person_export_docx, name="person_export_docx"
    ),
    path("nguoi/<int:person_pk>/xoa/", people.person_erase, name="person_erase"),
    path(
        "nguoi/<int:person_pk>/yeu-cau/",
        requests.person_request_create,
        name="person_request_create",
    ),
    path("yeu-cau/", requests.request_list, name="request_list"),
    path("yeu-cau/<int:data_request_pk>/", requests.request_detail, name="request_detail"),
    path(
        "yeu-cau/<int:data_request_pk>/phan-cong/", requests.request_assign, name="request_assign"
    ),
    path("yeu-cau/<int:data_request_pk>/tra-loi/", requests.request_answer, name="request_answer"),
    path("yeu-cau/<int:data_request_pk>/dong/", requests.request_close, name="request_close"),
    path("nhat-ky-truy-cap/", log.access_log, name="access_log"),
    path("xuat/<int:person_export_job_pk>/", exports.export_job, name="export_job"),
    path("xuat/<int:person_export_job_pk>/tep", exports.export_file, name="export_file"),
]
