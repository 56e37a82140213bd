from django.urls import path

from . import review_views, views

app_name = "inspections"
urlpatterns = [
    path("", views.inspection_list, name="inspection_list"),
    path("moi/", views.inspection_create, name="inspection_create"),
    path("don-vi-toi/", views.my_inspections, name="my_inspections"),
    path("<int:inspection_pk>/", views.inspection_detail, name="inspection_detail"),
    path("tai-don-vi/<int:visit_pk>/", views.visit_detail, name="visit_detail"),
    path("tai-don-vi/<int:visit_pk>/luu/", views.visit_save, name="visit_save"),
    path("tai-don-vi/<int:visit_pk>/them-noi-dung/", views.line_add, name="line_add"),
    path("tai-don-vi/<int:visit_pk>/lap-lai/", views.visit_redraft, name="visit_redraft"),
    path("tai-don-vi/<int:visit_pk>/ket-luan/", views.visit_conclude, name="visit_conclude"),
    path(
        "tai-don-vi/<int:visit_pk>/thong-bao-ket-luan.docx",
        views.conclusion_docx,
        name="conclusion_docx",
    ),
    path("noi-dung/<int:line_pk>/luu/", views.line_autosave, name="line_autosave"),
    path("noi-dung/<int:line_pk>/minh-chung/", views.line_evidence, name="line_evidence"),
    path(
        "kien-nghi/<int:recommendation_pk>/chap-nhan/",
        views.recommendation_accept,
        name="recommendation_accept",
    ),
    path(
        "kien-nghi/<int:recommendation_pk>/tra-lai/",
        views.recommendation_send_back,
        name="recommendation_send_back",
    ),
    path("so-ket/", review_views.review_list, name="review_list"),
    path("so-ket/moi/", review_views.review_create, name="review_create"),
    path("so-ket/<int:review_pk>/", review_views.review_detail, name="review_detail"),
    path("so-ket/<int:review_pk>/bao-cao.docx", review_views.review_docx, name="review_docx"),
    path(
        "so-ket/bao-cao/<int:review_report_pk>/",
        review_views.review_report,
        name="review_report",
    ),
]
