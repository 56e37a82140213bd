from django.urls import path

from . import views

app_name = "activities"
urlpatterns = [
    path("", views.activity_list, name="activity_list"),
    path("ghi/", views.activity_create, name="activity_create"),
    path("tong-hop/", views.rollup, name="rollup"),
    path("loai/", views.kind_list, name="kind_list"),
    path("loai/<int:kind_pk>/", views.kind_edit, name="kind_edit"),
    path("<int:activity_pk>/", views.activity_detail, name="activity_detail"),
    path("<int:activity_pk>/sua/", views.activity_edit, name="activity_edit"),
    path("<int:activity_pk>/xoa/", views.activity_delete, name="activity_delete"),
    path("<int:activity_pk>/minh-chung/", views.evidence_add, name="evidence_add"),
    path("minh-chung/<int:evidence_pk>/", views.evidence_download, name="evidence_download"),
    path("minh-chung/<int:evidence_pk>/xoa/", views.evidence_delete, name="evidence_delete"),
]
