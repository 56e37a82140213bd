"""Demo data: delivery choices of the demo officers and the notices of the demo's events.

The plans and reports demos send plans down and return and accept reports through their services,
whose hooks announce them; this loader records those events again (nothing is recorded twice) so
that the bell shows them even when the worker has not run yet, then runs the day's due-date scan.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from tuyengiao.core.demo_context import DemoContext

from . import notices, services
from .models import Delivery, Kind, Notification


def load(ctx: DemoContext) -> None:
    from tuyengiao.plans.models import CascadeDispatch
    from tuyengiao.reports.models import ReportVersion, Status

    users = ctx.objects.get("users") or {}
    coso1 = users.get("coso1")
    if coso1 is not None:
        # coso1 reads the due dates in the morning digest and is mailed at once when a report
        # comes back; the rest stays in the app.
        choices: dict[str, str] = {kind: Delivery.APP for kind in Kind.values}
        choices.update(
            {
                Kind.REPORT_RETURNED: Delivery.EMAIL,
                Kind.TASK_DUE: Delivery.DIGEST,
                Kind.REPORT_DUE: Delivery.DIGEST,
            }
        )
        services.set_preferences(coso1, choices)
    for dispatch_pk in CascadeDispatch.objects.values_list("pk", flat=True):
        services.notify(Kind.PLAN_SENT, notices.plan_sent(dispatch_pk))
    recent = timezone.now() - timedelta(days=60)
    decided = ReportVersion.objects.filter(
        status__in=[Status.RETURNED, Status.ACCEPTED], created_at__gte=recent
    )
    for version_pk in decided.values_list("pk", flat=True):
        found = notices.report_decided(version_pk)
        if found is not None:
            services.notify(found[0], [found[1]])
    scanned = notices.scan_due()
    ctx.log(
        f"Thông báo: {Notification.objects.count()} thông báo trong hệ thống, "
        f"{sum(scanned.values())} thư từ lần quét hôm nay"
    )
