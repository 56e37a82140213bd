from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("tai-len/", views.upload, name="upload"),
    path("cho-duyet/", views.draft_list, name="draft_list"),
    path("cho-duyet/<int:uploaddraft_pk>/", views.draft_review, name="draft_review"),
    path(
        "cho-duyet/<int:uploaddraft_pk>/anh-trang/",
        views.draft_page_image,
        name="draft_page_image",
    ),
    path("quet/<int:ocr_job_pk>/", views.ocr_status, name="ocr_status"),
    path("nhap/", views.import_start, name="import_start"),
    path("nhap/<int:document_job_pk>/", views.import_status, name="import_status"),
    path("<int:document_pk>/", views.document_detail, name="document_detail"),
    path("<int:document_pk>/sua/", views.document_edit, name="document_edit"),
    path("<int:document_pk>/tai-ve/", views.document_download, name="document_download"),
    path("<int:document_pk>/cay-thuc-hien/", views.document_tree, name="document_tree"),
    path("<int:document_pk>/doc-lai/", views.document_reparse, name="document_reparse"),
]
