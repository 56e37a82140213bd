from django.urls import path

from .views import calendar, exports, matrix, report_types, rollups, submissions

app_name = "reports"

urlpatterns = [
    path("", submissions.inbox, name="inbox"),
    path("loai/", report_types.type_list, name="type_list"),
    path("loai/tao/", report_types.type_create, name="type_create"),
    path("loai/<int:report_type_pk>/", report_types.type_detail, name="type_detail"),
    path("loai/<int:report_type_pk>/sua/", report_types.type_edit, name="type_edit"),
    path("loai/<int:report_type_pk>/muc/", report_types.section_add, name="section_add"),
    path(
        "loai/<int:report_type_pk>/muc/<int:section_pk>/xoa/",
        report_types.section_delete,
        name="section_delete",
    ),
    path("loai/<int:report_type_pk>/chi-tieu/", report_types.indicator_add, name="indicator_add"),
    path(
        "loai/<int:report_type_pk>/chi-tieu/<int:indicator_pk>/xoa/",
        report_types.indicator_delete,
        name="indicator_delete",
    ),
    path("loai/<int:report_type_pk>/ky/", report_types.periods_add, name="periods_add"),
    path("loai/<int:report_type_pk>/gui/", report_types.type_send, name="type_send"),
    path("nop/<int:submission_pk>/", submissions.submission, name="submission"),
    path("nop/<int:submission_pk>/luu/", submissions.autosave, name="autosave"),
    path("nop/<int:submission_pk>/gui/", submissions.submit, name="submit"),
    path("nop/<int:submission_pk>/doi-chieu/", submissions.reconcile, name="reconcile"),
    path("nop/<int:submission_pk>/tra-lai/", submissions.return_report, name="return_report"),
    path("nop/<int:submission_pk>/tiep-nhan/", submissions.accept_report, name="accept_report"),
    path("nop/<int:submission_pk>/dinh-kem/", submissions.attach, name="attach"),
    path("dinh-kem/<int:attachment_pk>/", submissions.attachment, name="attachment"),
    path("tinh-hinh/", matrix.matrix, name="matrix"),
    path("tinh-hinh/nhac/", matrix.remind, name="matrix_remind"),
    path("tinh-hinh/xuat/<int:export_job_pk>/", exports.export_job, name="export_job"),
    path("tinh-hinh/xuat/<int:export_job_pk>/tep.xlsx", exports.export_file, name="export_file"),
    path("ky/<int:period_pk>/tong-hop/", rollups.rollup, name="rollup"),
    path(
        "ky/<int:period_pk>/bao-cao-tong-hop.docx",
        rollups.compiled,
        {"fmt": "docx"},
        name="compiled_docx",
    ),
    path(
        "ky/<int:period_pk>/bao-cao-tong-hop.xlsx",
        rollups.compiled,
        {"fmt": "xlsx"},
        name="compiled_xlsx",
    ),
    path(
        "ky/<int:period_pk>/du-lieu-cac-don-vi.xlsx",
        rollups.compiled,
        {"fmt": "raw"},
        name="raw_xlsx",
    ),
    path("ky/<int:period_pk>/nhap-tu-giay/", rollups.paper_import, name="paper_import"),
    path("lich/", calendar.calendar_page, name="calendar"),
    path("lich/<str:feed_token>.ics", calendar.ics, name="ics"),
]
