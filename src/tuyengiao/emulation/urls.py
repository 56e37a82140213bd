from django.urls import path

from . import views, views_nominations, views_templates

app_name = "emulation"
urlpatterns = [
    path("", views.movement_list, name="movement_list"),
    path("moi/", views.movement_create, name="movement_create"),
    path("<int:movement_pk>/", views.movement_detail, name="movement_detail"),
    path("tu-cham/<int:entry_pk>/", views.entry_detail, name="entry_detail"),
    path("tu-cham/<int:entry_pk>/cham-diem/", views.entry_score, name="entry_score"),
    path("khen-thuong/", views.register, name="register"),
    path("khen-thuong/moi/", views.commendation_create, name="commendation_create"),
    path(
        "khen-thuong/<int:commendation_pk>/giay-chung-nhan.docx",
        views.certificate,
        name="certificate",
    ),
    path("de-nghi/", views_nominations.nomination_list, name="nomination_list"),
    path("de-nghi/moi/", views_nominations.nomination_create, name="nomination_create"),
    path(
        "de-nghi/so-ket/<int:review_report_pk>/",
        views_nominations.nomination_for_review,
        name="nomination_for_review",
    ),
    path(
        "de-nghi/<int:nomination_pk>/",
        views_nominations.nomination_detail,
        name="nomination_detail",
    ),
    path(
        "de-nghi/<int:nomination_pk>/duyet/",
        views_nominations.nomination_approve,
        name="nomination_approve",
    ),
    path(
        "de-nghi/<int:nomination_pk>/khong-duyet/",
        views_nominations.nomination_decline,
        name="nomination_decline",
    ),
    path("mau-giay-chung-nhan/", views_templates.template_list, name="template_list"),
    path(
        "mau-giay-chung-nhan/<int:template_pk>/dung/",
        views_templates.template_toggle,
        name="template_toggle",
    ),
]
