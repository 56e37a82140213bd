"""Background work of the plans app (Django's tasks framework)."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mass_mail
from django.tasks import task
from django.urls import reverse
from django.utils import timezone


@task
def send_cascade_reminders(recipient_ids: list[int]) -> int:
    """E-mail the officers of each unit that has not yet issued its implementing plan.

    Only officers and unit admins of the reminded units receive it; units that issued their plan
    in the meantime are skipped. Returns the number of e-mails sent."""
    from tuyengiao.accounts.permissions import officers_to_notify

    from .models import CascadeRecipient

    recipients = list(
        CascadeRecipient.objects.filter(
            pk__in=recipient_ids, implementing_plan__isnull=True
        ).select_related("unit", "dispatch__plan", "dispatch__sender")
    )
    officers: dict[int, list[str]] = {}
    for user in officers_to_notify({r.unit_id for r in recipients}):
        officers.setdefault(user.unit_id or 0, []).append(user.email)
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    messages = []
    today = timezone.localdate()
    for r in recipients:
        to = officers.get(r.unit_id, [])
        if not to:
            continue
        plan = r.dispatch.plan
        overdue = today > r.dispatch.due_date
        subject = f"Nhắc ban hành kế hoạch thực hiện {plan.display_number}"
        body = (
            f"Kính gửi {r.unit.name},\n\n"
            f"{r.dispatch.sender.name} đã gửi {plan.get_kind_display()} số {plan.display_number} "
            f"về {plan.title}, đề nghị đơn vị xây dựng và ban hành kế hoạch thực hiện "
            f"trước ngày {r.dispatch.due_date:%d/%m/%Y}.\n"
            + (
                f"Đến nay ({today:%d/%m/%Y}) đã quá hạn mà hệ thống chưa nhận được kế hoạch của đơn vị.\n"
                if overdue
                else f"Đến nay ({today:%d/%m/%Y}) hệ thống chưa nhận được kế hoạch của đơn vị.\n"
            )
            + "\nĐơn vị có thể soạn dự thảo và tải lên kế hoạch đã ký tại mục “Kế hoạch cần triển khai”: "
            f"{base}{reverse('plans:inbox')}\n\n"
            "Trân trọng.\n(Thư tự động từ hệ thống Tuyên giáo, vui lòng không trả lời thư này.)"
        )
        messages.append((subject, body, settings.DEFAULT_FROM_EMAIL, to))
    sent = send_mass_mail(messages, fail_silently=False) if messages else 0
    CascadeRecipient.objects.filter(pk__in=[r.pk for r in recipients]).update(
        last_reminded_at=timezone.now()
    )
    return sent
