from __future__ import annotations

from django.urls import path

from .views import answering, box, builder, results

app_name = "surveys"

urlpatterns = [
    # officers: surveys
    path("", builder.survey_list, name="survey_list"),
    path("tao/", builder.survey_create, name="survey_create"),
    path("<int:survey_pk>/", builder.survey_detail, name="survey_detail"),
    path("<int:survey_pk>/sua/", builder.survey_edit, name="survey_edit"),
    path("<int:survey_pk>/xem-truoc/", builder.survey_preview, name="survey_preview"),
    path("<int:survey_pk>/sao-chep/", builder.survey_copy, name="survey_copy"),
    path("<int:survey_pk>/mo/", builder.survey_open, name="survey_open"),
    path("<int:survey_pk>/dong/", builder.survey_close, name="survey_close"),
    path("<int:survey_pk>/cau-hoi/them/", builder.question_add, name="question_add"),
    path("<int:survey_pk>/phan/them/", builder.section_add, name="section_add"),
    path("cau-hoi/<int:question_pk>/sua/", builder.question_edit, name="question_edit"),
    path("cau-hoi/<int:question_pk>/xoa/", builder.question_delete, name="question_delete"),
    path("<int:survey_pk>/ket-qua/", results.survey_results, name="survey_results"),
    path("<int:survey_pk>/ket-qua/theo-cau/", results.results_crosstab, name="results_crosstab"),
    path("<int:survey_pk>/ket-qua/y-kien/", results.results_texts, name="results_texts"),
    path("<int:survey_pk>/ket-qua.xlsx", results.results_xlsx_view, name="results_xlsx"),
    path("<int:survey_pk>/ket-qua.docx", results.results_docx_view, name="results_docx"),
    path("<int:survey_pk>/ty-le-tra-loi/", results.response_rate, name="response_rate"),
    # members
    path("cua-toi/", answering.my_surveys, name="my_surveys"),
    path("<int:survey_pk>/tra-loi/", answering.survey_answer, name="survey_answer"),
    # the public link
    path("cong-khai/<str:token>/", answering.public_answer, name="public_answer"),
    path("cong-khai/<str:token>/qr.svg", answering.public_qr, name="public_qr"),
    # the suggestion box
    path("hop-thu/", box.box_list, name="box_list"),
    path("hop-thu/cai-dat/", box.box_settings, name="box_settings"),
    path("hop-thu/gui/", box.member_suggest, name="member_suggest"),
    path("hop-thu/hoi-dap/", box.faq, name="faq"),
    path("hop-thu/<int:suggestion_pk>/", box.suggestion_detail, name="suggestion_detail"),
    path("hop-thu/<int:suggestion_pk>/tra-loi/", box.suggestion_answer, name="suggestion_answer"),
    path("hop-thu/<int:suggestion_pk>/cong-bo/", box.suggestion_publish, name="suggestion_publish"),
    path(
        "hop-thu/<int:suggestion_pk>/thoi-cong-bo/",
        box.suggestion_unpublish,
        name="suggestion_unpublish",
    ),
    path("hop-thu/<int:suggestion_pk>/chu-de/", box.suggestion_topic, name="suggestion_topic"),
    path("hop-thu/<int:suggestion_pk>/loai/", box.suggestion_spam, name="suggestion_spam"),
    path("hop-thu/<int:suggestion_pk>/gop/", box.suggestion_merge, name="suggestion_merge"),
    path("hop-thu/don-vi/<str:unit_code>/", box.public_faq, name="public_faq"),
    path("hop-thu/don-vi/<str:unit_code>/gui/", box.public_suggest, name="public_suggest"),
]
