"""Demo data of the surveys app: the bloc's closed survey "Mức độ nắm bắt Nghị quyết sau học
tập" over its base units, answered by about seven members in ten (results, charts, the k rule
at work on small units); an open "Đánh giá buổi sinh hoạt chuyên đề" that the member account
``dangvien1`` can still answer; the bloc's suggestion box, open to citizens, with questions
answered, published, merged and one spam."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.utils import timezone

from tuyengiao.accounts.models import User
from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Unit

from .models import Participation, Question, QuestionKind, Survey
from .services import builder, responding, suggestions


def random_payload(survey: Survey, rng: random.Random) -> dict[str, Any]:
    payload: dict[str, Any] = {}
    q: Question
    for q in survey.questions.all():
        labels = q.choice_labels()
        key = str(q.pk)
        if q.kind in (QuestionKind.SINGLE, QuestionKind.YES_NO, QuestionKind.SCALE):
            # leaning towards the first options (most members say they understood well)
            payload[key] = min(int(rng.expovariate(1.2)), len(labels) - 1)
        elif q.kind == QuestionKind.MULTIPLE:
            payload[key] = sorted(rng.sample(range(len(labels)), rng.randint(1, len(labels))))
        elif q.kind == QuestionKind.RANKING:
            order = list(range(len(labels)))
            rng.shuffle(order)
            payload[key] = order
        elif q.kind == QuestionKind.MATRIX:
            payload[key] = {
                str(r): min(int(rng.expovariate(1.0)), len(labels) - 1) for r in range(len(q.rows))
            }
        elif rng.random() < 0.3:
            payload[key] = rng.choice(
                [
                    "Đề nghị có thêm tài liệu hỏi – đáp ngắn gọn.",
                    "Nên tổ chức thảo luận theo tổ sau hội nghị.",
                    "Cần video tóm tắt để xem lại trên điện thoại.",
                    "Thời lượng hội nghị hơi dài.",
                ]
            )
    return payload


def load(ctx: DemoContext) -> None:
    rng = random.Random(19)
    bloc: Unit = Unit.objects.get(pk=ctx.objects["bloc"].pk)
    today = timezone.localdate()
    officer = User.objects.filter(unit=bloc, role__in=["officer", "unit_admin"]).first()

    closed = builder.create_survey(
        bloc,
        officer,
        title="",
        closes_on=today + timedelta(days=14),
        template_key="nam-bat-nghi-quyet",
    )
    closed.audience_units.set([bloc])
    asked = builder.open_survey(closed, today)
    answered = 0
    for p in Participation.objects.filter(survey=closed).select_related("survey"):
        if rng.random() < 0.7:
            responding.submit_member(p, p.token, random_payload(closed, rng), today)
            answered += 1
    builder.close_survey(closed)
    ctx.log(f"Khảo sát “{closed.title}”: {answered}/{asked} đảng viên đã trả lời (đã đóng).")

    running = builder.create_survey(
        bloc,
        officer,
        title="",
        closes_on=today + timedelta(days=10),
        template_key="danh-gia-sinh-hoat",
    )
    running.audience_units.set([bloc])
    builder.open_survey(running, today)
    dangvien = User.objects.filter(username="dangvien1").first()
    for p in Participation.objects.filter(survey=running).select_related("survey"):
        if p.person_id != getattr(dangvien, "person_id", None) and rng.random() < 0.4:
            responding.submit_member(p, p.token, random_payload(running, rng), today)
    ctx.log(f"Khảo sát “{running.title}” đang mở (dangvien1 có thể trả lời).")

    box = suggestions.box_for(bloc)
    box.public = True
    box.intro = "Đảng ủy Khối tiếp nhận câu hỏi, góp ý về nghị quyết, chủ trương, sinh hoạt đảng."
    box.save()
    asked_items = [
        (
            "Thủ tục chuyển sinh hoạt đảng tạm thời thực hiện thế nào?",
            "admin",
            "Theo Hướng dẫn của Ban Tổ chức Trung ương: đảng viên nộp đơn tại chi bộ, chi bộ đề nghị đảng ủy cơ sở giới thiệu.",
            True,
        ),
        (
            "Tài liệu học tập Nghị quyết có bản điện tử không?",
            "resolution",
            "Có: tài liệu được đăng trong mục Thư viện văn bản của hệ thống.",
            True,
        ),
        ("Khi nào tổ chức hội nghị học tập bù?", "activity", "", False),
        (
            "Đề nghị tăng thời gian thảo luận trong sinh hoạt chuyên đề.",
            "activity",
            "Đảng ủy Khối ghi nhận và sẽ hướng dẫn các chi bộ.",
            False,
        ),
    ]
    made = []
    for n, (text, topic, answer, publish) in enumerate(asked_items):
        s = suggestions.send(bloc, text, today - timedelta(days=10 - n), from_public=n % 2 == 0)
        suggestions.set_topic(s, topic)
        if answer:
            suggestions.answer(s, answer, today - timedelta(days=5 - n))
        if publish:
            suggestions.publish(s)
        made.append(s)
    duplicate = suggestions.send(bloc, "Tài liệu Nghị quyết có file điện tử không ạ?", today)
    suggestions.merge(duplicate, made[1])
    spam = suggestions.send(bloc, "Mua bán tài khoản giá rẻ, liên hệ ngay", today, from_public=True)
    suggestions.mark_spam(spam)
    ctx.log(
        f"Hộp thư góp ý của {bloc.name}: {len(made) + 2} câu hỏi, góp ý; 2 đã công bố hỏi – đáp."
    )
