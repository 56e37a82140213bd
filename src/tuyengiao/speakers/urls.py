from django.urls import path

from .views import briefings, contests, rosters, training

app_name = "speakers"
urlpatterns = [
    # rosters
    path("", rosters.roster_list, name="roster"),
    path("bo-nhiem/", rosters.appointment_create, name="appointment_create"),
    path("bo-nhiem/<int:appointment_pk>/thoi/", rosters.appointment_end, name="appointment_end"),
    path("nhiem-ky-moi/", rosters.term_change_view, name="term_change"),
    path("tong-hop/", rosters.roster_rollup, name="rollup"),
    path("nhap/", rosters.roster_import, name="roster_import"),
    path("nhap/mau.xlsx", rosters.roster_template, name="roster_template"),
    path("nguoi/<int:person_pk>/", rosters.person_history, name="person_history"),
    # training
    path("boi-duong/", training.course_list, name="course_list"),
    path("boi-duong/moi/", training.course_create, name="course_create"),
    path("boi-duong/<int:course_pk>/", training.course_detail, name="course_detail"),
    path("boi-duong/<int:course_pk>/ghi-danh/", training.course_enrol, name="course_enrol"),
    path("boi-duong/<int:course_pk>/xet-hoan-thanh/", training.course_review, name="course_review"),
    path(
        "boi-duong/<int:course_pk>/chung-nhan/<int:person_pk>.docx",
        training.course_certificate,
        name="course_certificate",
    ),
    path("gio-boi-duong/", training.training_hours, name="training_hours"),
    path("gio-boi-duong/yeu-cau/", training.requirement_set, name="requirement_set"),
    # briefings
    path("hoi-nghi/", briefings.briefing_list, name="briefing_list"),
    path("hoi-nghi/moi/", briefings.briefing_create, name="briefing_create"),
    path("hoi-nghi/<int:briefing_pk>/", briefings.briefing_detail, name="briefing_detail"),
    path(
        "hoi-nghi/<int:briefing_pk>/bo-sung/", briefings.briefing_refresh, name="briefing_refresh"
    ),
    path("cua-toi/", briefings.my_briefings, name="my_briefings"),
    path("cua-toi/<int:briefing_pk>/noi-chuyen/", briefings.talk_add, name="talk_add"),
    # contests
    path("hoi-thi/", contests.contest_list, name="contest_list"),
    path("hoi-thi/moi/", contests.contest_create, name="contest_create"),
    path("hoi-thi/<int:contest_pk>/", contests.contest_detail, name="contest_detail"),
    path("hoi-thi/<int:contest_pk>/giam-khao/", contests.juror_add, name="juror_add"),
    path("hoi-thi/<int:contest_pk>/vong/", contests.round_add, name="round_add"),
    path("hoi-thi/vong/<int:contest_round_pk>/", contests.round_detail, name="contest_round"),
    path("hoi-thi/vong/<int:contest_round_pk>/bai/", contests.entry_add, name="entry_add"),
    path("hoi-thi/vong/<int:contest_round_pk>/khoa/", contests.round_close, name="round_close"),
    path(
        "hoi-thi/bai/<int:entry_pk>/chung-nhan.docx",
        contests.entry_certificate,
        name="entry_certificate",
    ),
    path("cham-thi/", contests.my_scoring, name="my_scoring"),
    path("cham-thi/<int:entry_pk>/", contests.score_entry, name="score_entry"),
]
