"""Demo data of the privacy app: data subjects' requests in the bloc — one overdue (on the
administrators' dashboard), one answered and closed — and dangvien1's own request."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext
from tuyengiao.orgs.models import Person

from .models import RequestKind
from .register import answer, assign, close, record_request


def load(ctx: DemoContext) -> None:
    users = ctx.objects.get("users", {})
    khoi = users.get("khoi")
    today = timezone.localdate()
    bases = ctx.objects["base_units"]
    people = list(Person.objects.filter(unit__path__startswith=bases[1].path).order_by("pk")[:2])
    made = 0
    if people:
        late = record_request(
            people[0],
            RequestKind.CORRECTION,
            "Đề nghị sửa số điện thoại trong hồ sơ.",
            received_on=today - timedelta(days=20),
            by=khoi,
        )
        if khoi is not None:
            assign(late, khoi)
        made += 1
    if len(people) > 1:
        done = record_request(
            people[1],
            RequestKind.ACCESS,
            "Xin bản sao dữ liệu cá nhân.",
            received_on=today - timedelta(days=6),
            by=khoi,
        )
        answer(done, "Đã gửi tệp dữ liệu cá nhân (.zip và .docx).", on=today - timedelta(days=5))
        close(done, on=today - timedelta(days=5))
        made += 1
    member = users.get("dangvien1")
    if member is not None and member.person_id is not None:
        record_request(
            Person.objects.get(pk=member.person_id),
            RequestKind.ACCESS,
            "Tôi muốn biết hệ thống lưu những gì về tôi.",
            by=member,
        )
        made += 1
    ctx.log(f"Dữ liệu cá nhân: {made} yêu cầu (một yêu cầu quá hạn)")
