from django.urls import path

from . import views, views_reorg

app_name = "orgs"
urlpatterns = [
    path("", views.unit_tree, name="unit_tree"),
    path("chon/", views.unit_picker, name="unit_picker"),
    path("nhap/", views.unit_import, name="unit_import"),
    path("nhap/<int:unit_job_pk>/", views.unit_import_job, name="unit_import_job"),
    path(
        "nhap/<int:unit_job_pk>/chi-dong-hop-le/",
        views.unit_import_valid_only,
        name="unit_import_valid_only",
    ),
    path("sap-xep/", views_reorg.reorg_list, name="reorg_list"),
    path("sap-xep/sap-nhap/", views_reorg.reorg_merge, name="reorg_merge"),
    path("sap-xep/chia-tach/", views_reorg.reorg_split, name="reorg_split"),
    path("sap-xep/chuyen/", views_reorg.reorg_move, name="reorg_move"),
    path("sap-xep/doi-ten/", views_reorg.reorg_rename, name="reorg_rename"),
    path("sap-xep/giai-the/", views_reorg.reorg_dissolve, name="reorg_dissolve"),
    path("sap-xep/<int:reorg_pk>/", views_reorg.reorg_detail, name="reorg_detail"),
    path("sap-xep/<int:reorg_pk>/xac-nhan/", views_reorg.reorg_confirm, name="reorg_confirm"),
    path("sap-xep/nhap/", views_reorg.reorg_import, name="reorg_import"),
    path("sap-xep/nhap/<int:reorg_job_pk>/", views_reorg.reorg_import_job, name="reorg_import_job"),
    path(
        "sap-xep/nhap/<int:reorg_job_pk>/ap-dung/",
        views_reorg.reorg_import_apply,
        name="reorg_import_apply",
    ),
    path("<int:unit_pk>/", views.unit_detail, name="unit_detail"),
    path("<int:unit_pk>/cap-duoi/", views.unit_children, name="unit_children"),
    path("<int:unit_pk>/sua/", views.unit_edit, name="unit_edit"),
    path("<int:unit_pk>/them-cap-duoi/", views.unit_add_child, name="unit_add_child"),
    path("nhan-su/", views.person_list, name="person_list"),
    path("nhan-su/them/", views.person_edit, name="person_create"),
    path("nhan-su/nhap/", views.person_import, name="person_import"),
    path("nhan-su/nhap/<int:person_job_pk>/", views.person_import_job, name="person_import_job"),
    path(
        "nhan-su/nhap/<int:person_job_pk>/chi-dong-hop-le/",
        views.person_import_valid_only,
        name="person_import_valid_only",
    ),
    path("nhan-su/<int:person_pk>/", views.person_detail, name="person_detail"),
    path("nhan-su/<int:person_pk>/sua/", views.person_edit, name="person_edit"),
    path("nhan-su/<int:person_pk>/chuyen/", views.person_transfer, name="person_transfer"),
]
