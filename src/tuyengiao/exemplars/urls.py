from django.urls import path

from . import views

app_name = "exemplars"
urlpatterns = [
    path("", views.library, name="library"),
    path("thong-ke/", views.statistics, name="statistics"),
    path("de-xuat/", views.proposals, name="proposals"),
    path("moi/", views.create, name="create"),
    path("<int:exemplar_pk>/", views.detail, name="detail"),
    path("<int:exemplar_pk>/sua/", views.edit, name="edit"),
    path("<int:exemplar_pk>/tep/", views.attachment_add, name="attachment_add"),
    path("<int:exemplar_pk>/cong-nhan/", views.recognise, name="recognise"),
    path("<int:exemplar_pk>/tra-lai/", views.send_back, name="send_back"),
    path("tep/<int:attachment_pk>/", views.attachment_download, name="attachment_download"),
    path("linh-vuc/", views.sector_list, name="sector_list"),
    path("linh-vuc/<int:sector_pk>/", views.sector_edit, name="sector_edit"),
]
