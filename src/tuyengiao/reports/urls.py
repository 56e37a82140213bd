from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("loai/", views.type_list, name="type_list"),
    path("loai/tao/", views.type_create, name="type_create"),
    path("loai/<int:report_type_pk>/", views.type_detail, name="type_detail"),
    path("loai/<int:report_type_pk>/gui/", views.type_send, name="type_send"),
    path("nop/<int:submission_pk>/", views.submission, name="submission"),
    path("nop/<int:submission_pk>/luu/", views.autosave, name="autosave"),
    path("nop/<int:submission_pk>/gui/", views.submit, name="submit"),
    path("nop/<int:submission_pk>/doi-chieu/", views.reconcile, name="reconcile"),
    path("nop/<int:submission_pk>/xet/", views.review, name="review"),
    path("nop/<int:submission_pk>/dinh-kem/", views.attach, name="attach"),
    path("dinh-kem/<int:attachment_pk>/", views.attachment, name="attachment"),
    path("tinh-hinh/", views.matrix, name="matrix"),
    path("tinh-hinh/xuat/<int:export_job_pk>/", views.export_job, name="export_job"),
    path("tinh-hinh/xuat/<int:export_job_pk>/tep.xlsx", views.export_file, name="export_file"),
    path("ky/<int:period_pk>/tong-hop/", views.rollup, name="rollup"),
    path(
        "ky/<int:period_pk>/bao-cao-tong-hop.docx",
        views.compiled,
        {"fmt": "docx"},
        name="compiled_docx",
    ),
    path(
        "ky/<int:period_pk>/bao-cao-tong-hop.xlsx",
        views.compiled,
        {"fmt": "xlsx"},
        name="compiled_xlsx",
    ),
    path(
        "ky/<int:period_pk>/du-lieu-cac-don-vi.xlsx",
        views.compiled,
        {"fmt": "raw"},
        name="raw_xlsx",
    ),
    path("ky/<int:period_pk>/nhap-tu-giay/", views.paper_import, name="paper_import"),
    path("lich/", views.calendar_page, name="calendar"),
    path("lich/<str:feed_token>.ics", views.ics, name="ics"),
]
