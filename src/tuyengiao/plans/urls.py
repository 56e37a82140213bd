from django.urls import path

from . import views, views_tasks

app_name = "plans"
urlpatterns = [
    path("", views.plan_list, name="plan_list"),
    path("moi/", views.plan_create, name="plan_create"),
    path("tu-van-ban/<int:document_pk>/", views.plan_from_document, name="plan_from_document"),
    path("<int:plan_pk>/", views.plan_detail, name="plan_detail"),
    path("<int:plan_pk>/nhiem-vu/", views.plan_tasks, name="plan_tasks"),
    path("<int:plan_pk>/gui-xuong/", views.plan_send, name="plan_send"),
    path("<int:plan_pk>/theo-doi/", views.plan_board, name="plan_board"),
    path("<int:plan_pk>/xoa/", views.plan_delete, name="plan_delete"),
    path("can-trien-khai/", views.inbox, name="inbox"),
    path(
        "can-trien-khai/<int:recipient_pk>/du-thao.docx",
        views.recipient_draft,
        name="recipient_draft",
    ),
    path(
        "can-trien-khai/<int:recipient_pk>/tai-len/",
        views.recipient_upload,
        name="recipient_upload",
    ),
    path("nhiem-vu-cua-toi/", views_tasks.my_tasks, name="my_tasks"),
    path("phan-cong/<int:assignment_pk>/", views_tasks.assignment_detail, name="assignment_detail"),
    path(
        "minh-chung/<int:taskupdate_pk>/", views_tasks.evidence_download, name="evidence_download"
    ),
]
