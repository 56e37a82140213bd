"""Business rules of periodic reports: parsing and validating indicator values, drafts with
optimistic locking, submit/return/accept with kept versions, statuses, and roll-ups."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Sum
from django.db.models.functions import Substr
from django.utils import timezone

from tuyengiao.orgs.models import Unit

from .models import (
    Aggregate,
    Indicator,
    IndicatorKind,
    IndicatorValue,
    Period,
    PeriodStatusCount,
    Recipient,
    RecipientCount,
    ReportType,
    ReportVersion,
    Status,
    Submission,
)

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

DONE_STATUSES = (Status.SUBMITTED, Status.ACCEPTED, Status.RETURNED)
TASK_STATUS_CHOICES = [
    ("", "—"),
    ("not_started", "Chưa thực hiện"),
    ("in_progress", "Đang thực hiện"),
    ("done", "Hoàn thành"),
    ("overdue", "Quá hạn"),
]
TASK_STATUS_LABELS = dict(TASK_STATUS_CHOICES)


# --------------------------------------------------------------------------- values

YES = {"co", "có", "x", "1", "true", "yes", "đạt", "dat"}
NO = {"khong", "không", "0", "false", "no", "chua", "chưa"}


def parse_number(text: str) -> float:
    """Parse a number as Vietnamese officials type it: "1.234", "1.234,5", "12,5", "12.5"."""
    s = text.strip().replace(" ", "").replace("\u00a0", "").rstrip("%")
    if not s:
        raise ValueError("empty")
    if "," in s and "." in s:
        s = s.replace(".", "").replace(",", ".")
    elif "," in s:
        s = s.replace(",", ".") if s.count(",") == 1 else s.replace(",", "")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", s):
        s = s.replace(".", "")
    return float(s)


def fmt(value: float | None, decimals: int = 2) -> str:
    """A number as Vietnamese text: thousands with ".", decimals with ","."""
    if value is None:
        return "—"
    if abs(value - round(value)) < 1e-9:
        text = f"{round(value):,}"
        return text.replace(",", ".")
    text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


@dataclass
class Parsed:
    value: float | None = None
    text: str = ""
    error: str = ""


def parse_indicator(ind: Indicator, raw: str) -> Parsed:
    raw = (raw or "").strip()
    if ind.kind == IndicatorKind.TEXT:
        if ind.required and not raw:
            return Parsed(error="Chỉ tiêu này bắt buộc nhập.")
        return Parsed(text=raw)
    if not raw:
        return Parsed(error="Chỉ tiêu này bắt buộc nhập.") if ind.required else Parsed()
    if ind.kind == IndicatorKind.BOOL:
        low = raw.lower()
        if low in YES:
            return Parsed(value=1.0)
        if low in NO:
            return Parsed(value=0.0)
        return Parsed(error="Chọn Có hoặc Không.")
    try:
        number = parse_number(raw)
    except ValueError:
        return Parsed(error=f"“{raw}” không phải là số.")
    if ind.integer and abs(number - round(number)) > 1e-9:
        return Parsed(error="Phải là số nguyên.")
    low_limit = (
        float(ind.min_value)
        if ind.min_value is not None
        else (0.0 if ind.kind == IndicatorKind.PERCENT else None)
    )
    high_limit = (
        float(ind.max_value)
        if ind.max_value is not None
        else (100.0 if ind.kind == IndicatorKind.PERCENT else None)
    )
    if low_limit is not None and number < low_limit:
        return Parsed(error=f"Không được nhỏ hơn {fmt(low_limit)}.")
    if high_limit is not None and number > high_limit:
        return Parsed(error=f"Không được lớn hơn {fmt(high_limit)}.")
    return Parsed(value=number)


def rate_value(ind: Indicator, values: dict[int, float | None]) -> float | None:
    num = values.get(ind.numerator_id or 0)
    den = values.get(ind.denominator_id or 0)
    if num is None or not den:
        return None
    return 100.0 * num / den


def validate(
    report_type: ReportType, data: dict[str, str], indicators: Sequence[Indicator] | None = None
) -> tuple[dict[int, Parsed], dict[str, str]]:
    """Parse every input indicator; returns (parsed by indicator id, errors by field key)."""
    indicators = list(indicators if indicators is not None else report_type.indicators.all())
    parsed: dict[int, Parsed] = {}
    errors: dict[str, str] = {}
    for ind in indicators:
        if not ind.is_input:
            continue
        p = parse_indicator(ind, data.get(ind.key, ""))
        parsed[ind.pk] = p
        if p.error:
            errors[ind.key] = p.error
    numbers = {k: p.value for k, p in parsed.items()}
    for ind in indicators:
        if (
            ind.kind == IndicatorKind.RATE
            and ind.denominator_id
            and numbers.get(ind.numerator_id or 0) is not None
        ):
            den = numbers.get(ind.denominator_id)
            num = numbers.get(ind.numerator_id or 0) or 0
            if den is not None and num > den:
                key = f"ind_{ind.numerator_id}"
                errors.setdefault(key, f"Không được lớn hơn mẫu số của “{ind.label}”.")
    return parsed, errors


# --------------------------------------------------------------------------- recipients, periods


def ensure_submissions(report_type: ReportType, periods: Iterable[Period] | None = None) -> int:
    """An empty draft for every recipient × period (so each unit's inbox and the matrix exist)."""
    periods = list(periods if periods is not None else report_type.periods.all())
    unit_ids = list(report_type.recipients.values_list("unit_id", flat=True))
    rows = [Submission(period=p, unit_id=u) for p in periods for u in unit_ids]
    Submission.objects.bulk_create(rows, ignore_conflicts=True, batch_size=2000)
    return len(rows)


@transaction.atomic
def set_recipients(report_type: ReportType, units: Iterable[Unit]) -> int:
    """Send the type to ``units`` (replacing the previous set; drafts of removed units that were
    never submitted are removed). Returns the number of recipients."""
    ids = {u.pk for u in units}
    report_type.recipients.exclude(unit_id__in=ids).delete()
    Submission.objects.filter(
        period__report_type=report_type, status=Status.DRAFT, version=1
    ).exclude(unit_id__in=ids).delete()
    Recipient.objects.bulk_create(
        [Recipient(report_type=report_type, unit_id=i) for i in ids], ignore_conflicts=True
    )
    report_type.sent = bool(ids)
    report_type.save(update_fields=["sent"])
    ensure_submissions(report_type)
    return len(ids)


def recipient_candidates(owner: Unit, kind: str = "", root: Unit | None = None) -> QuerySet[Unit]:
    """Units strictly below ``owner`` (optionally below ``root``), optionally of one kind."""
    base = root if root is not None and owner.contains(root) else owner
    qs = Unit.objects.filter(path__startswith=base.path, active=True).exclude(pk=owner.pk)
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("path")


# --------------------------------------------------------------------------- drafts and decisions


class Conflict(Exception):
    """Someone saved the draft since this form was rendered: reconcile, never overwrite."""

    def __init__(self, submission: Submission) -> None:
        super().__init__("conflict")
        self.submission = submission


class NotEditable(Exception):
    pass


def _locked(submission: Submission) -> Submission:
    return (
        Submission.objects.select_for_update()
        .select_related("period__report_type", "unit")
        .get(pk=submission.pk)
    )


def clean_data(submission: Submission, posted: dict[str, str]) -> dict[str, str]:
    """Keep only the keys the form of this type has (indicators, sections, task rows)."""
    rt = submission.period.report_type
    keys = {i.key for i in rt.indicators.all() if i.is_input} | {s.key for s in rt.sections.all()}
    keys |= {k for k in posted if re.fullmatch(r"task_\d+_(status|result)", k)}
    return {k: str(posted.get(k, "")).strip()[:20000] for k in keys if k in posted}


def _stale(current: Submission, version: int, token: str) -> bool:
    """True when someone else saved since the form was rendered (not this form's own autosave)."""
    if current.version == version:
        return False
    return not (token and current.last_token == token and version < current.version)


def save_draft(
    submission: Submission, data: dict[str, str], version: int, user: User | None, token: str = ""
) -> Submission:
    """Store what was typed (even invalid) if ``version`` is still the current one; else Conflict."""
    with transaction.atomic():
        current = _locked(submission)
        if not current.editable:
            raise NotEditable
        if _stale(current, version, token):
            raise Conflict(current)
        merged = dict(current.data)
        merged.update(clean_data(current, data))
        current.data = merged
        current.version = F("version") + 1
        current.updated_by = user
        current.last_token = token
        current.save(update_fields=["data", "version", "updated_by", "updated_at", "last_token"])
        current.refresh_from_db()
    return current


def snapshot(
    submission: Submission,
    action: str,
    user: User | None,
    comment: str = "",
    token: str | None = None,
) -> ReportVersion:
    number = submission.versions.count() + 1
    return ReportVersion.objects.create(
        submission=submission,
        number=number,
        action=action,
        status=submission.status,
        data=submission.data,
        comment=comment,
        token=token,
        created_by=user,
    )


@dataclass
class SubmitResult:
    submission: Submission
    errors: dict[str, str] = field(default_factory=dict)
    duplicate: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


def _write_values(submission: Submission, parsed: dict[int, Parsed]) -> None:
    IndicatorValue.objects.filter(submission=submission).delete()
    IndicatorValue.objects.bulk_create(
        [
            IndicatorValue(
                submission=submission,
                period_id=submission.period_id,
                indicator_id=ind_id,
                unit_path=submission.unit.path,
                value=p.value,
                text=p.text,
            )
            for ind_id, p in parsed.items()
        ]
    )


def submit(
    submission: Submission,
    data: dict[str, str],
    version: int,
    token: str,
    user: User | None,
    on_behalf: bool = False,
) -> SubmitResult:
    """Save, validate and submit. A token already used → the earlier submission stands (stored once).
    Invalid values are still saved as the draft (nothing typed is lost)."""
    if token and ReportVersion.objects.filter(token=token).exists():
        return SubmitResult(Submission.objects.get(pk=submission.pk), duplicate=True)
    try:
        with transaction.atomic():
            current = _locked(submission)
            if not current.editable:
                if token and ReportVersion.objects.filter(token=token).exists():
                    return SubmitResult(current, duplicate=True)
                raise NotEditable
            if _stale(current, version, token):
                raise Conflict(current)
            merged = dict(current.data)
            merged.update(clean_data(current, data))
            current.data = merged
            rt = current.period.report_type
            parsed, errors = validate(rt, merged)
            current.version += 1
            current.updated_by = user
            current.last_token = token
            if errors:
                current.save(
                    update_fields=["data", "version", "updated_by", "updated_at", "last_token"]
                )
                return SubmitResult(current, errors=errors)
            now = timezone.now()
            today = timezone.localdate()
            current.status = Status.SUBMITTED
            current.submitted_at = now
            if current.first_submitted_on is None:
                current.first_submitted_on = today
                current.is_late = today > current.period.due_date
            current.entered_by_superior = on_behalf
            current.save()
            _write_values(current, parsed)
            snapshot(current, "submit", user, token=token or None)
    except IntegrityError:
        # The same token committed concurrently: the submission is stored once.
        return SubmitResult(Submission.objects.get(pk=submission.pk), duplicate=True)
    return SubmitResult(current)


@transaction.atomic
def return_submission(submission: Submission, comment: str, user: User | None) -> Submission:
    current = _locked(submission)
    if current.status not in (Status.SUBMITTED, Status.ACCEPTED):
        raise NotEditable
    current.status = Status.RETURNED
    current.comment = comment
    current.decided_at = timezone.now()
    current.version += 1
    current.save()
    IndicatorValue.objects.filter(submission=current).delete()
    snapshot(current, "return", user, comment=comment)
    return current


@transaction.atomic
def accept_submission(submission: Submission, comment: str, user: User | None) -> Submission:
    current = _locked(submission)
    if current.status != Status.SUBMITTED:
        raise NotEditable
    current.status = Status.ACCEPTED
    current.comment = comment
    current.decided_at = timezone.now()
    current.save()
    snapshot(current, "accept", user, comment=comment)
    return current


# --------------------------------------------------------------------------- statuses


class Cell:
    """Matrix status of one unit × report type in a period."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    PENDING = "pending"
    RETURNED = "returned"
    ACCEPTED = "accepted"
    NONE = "none"

    LABELS = {
        ON_TIME: ("Đúng hạn", "ok"),
        LATE: ("Nộp muộn", "warn"),
        MISSING: ("Chưa nộp (quá hạn)", "bad"),
        PENDING: ("Chưa nộp", ""),
        RETURNED: ("Trả lại", "warn"),
        ACCEPTED: ("Đã tiếp nhận", "ok"),
        NONE: ("—", ""),
    }


def cell_status(status: str | None, is_late: bool, due: date, today: date | None = None) -> str:
    today = today or timezone.localdate()
    if status in (None, Status.DRAFT):
        return Cell.MISSING if today > due else Cell.PENDING
    if status == Status.RETURNED:
        return Cell.RETURNED
    if status == Status.ACCEPTED:
        return Cell.ACCEPTED
    return Cell.LATE if is_late else Cell.ON_TIME


def status_condition(period: Period, wanted: str, today: date | None = None) -> Q:
    """A Q over Unit rows: the unit's cell for ``period`` has status ``wanted``."""
    today = today or timezone.localdate()
    subs = Submission.objects.filter(period=period, unit=OuterRef("pk"))
    done = Exists(subs.filter(status__in=DONE_STATUSES))
    if wanted == Cell.ACCEPTED:
        return Q(Exists(subs.filter(status=Status.ACCEPTED)))
    if wanted == Cell.RETURNED:
        return Q(Exists(subs.filter(status=Status.RETURNED)))
    if wanted == Cell.LATE:
        return Q(Exists(subs.filter(status=Status.SUBMITTED, is_late=True)))
    if wanted == Cell.ON_TIME:
        return Q(Exists(subs.filter(status=Status.SUBMITTED, is_late=False)))
    if wanted in (Cell.MISSING, Cell.PENDING):
        overdue = today > period.due_date
        if (wanted == Cell.MISSING) != overdue:
            return Q(pk__in=[])
        return ~Q(done)
    return Q()


def status_counts(
    periods: Sequence[Period], today: date | None = None
) -> dict[int, dict[str, int]]:
    """Per period: how many submissions are in each cell status (one query, of the tallies the
    database keeps: ``PeriodStatusCount``)."""
    today = today or timezone.localdate()
    out: dict[int, dict[str, int]] = {p.pk: {k: 0 for k in Cell.LABELS} for p in periods}
    by_pk = {p.pk: p for p in periods}
    rows = PeriodStatusCount.objects.filter(period__in=list(by_pk)).values_list(
        "period_id", "status", "is_late", "n"
    )
    for period_id, status, is_late, n in rows:
        p = by_pk[period_id]
        out[p.pk][cell_status(status, is_late, p.due_date, today)] += n
    return out


def recipient_count(report_type: ReportType) -> int:
    """How many units ``report_type`` is sent to, as of when it was read (the tally the database
    keeps; no query when the type was read with ``select_related("recipient_tally")``)."""
    try:
        return report_type.recipient_tally.n
    except RecipientCount.DoesNotExist:
        return 0


# --------------------------------------------------------------------------- roll-ups


@dataclass
class Agg:
    total: float = 0.0
    count: int = 0

    def add(self, total: float | None, count: int) -> None:
        self.total += total or 0.0
        self.count += count


@dataclass
class RollupRow:
    indicator: Indicator
    value: float | None
    reported: int
    display: str


@dataclass
class Rollup:
    period: Period
    unit: Unit
    indicators: list[Indicator]
    total: list[RollupRow]
    children: list[tuple[Unit, list[RollupRow]]]
    submitted: int
    expected: int


def indicator_result(ind: Indicator, aggs: dict[int, Agg]) -> tuple[float | None, int, str]:
    """The rolled-up figure of one indicator from the sums/counts by indicator id."""
    if ind.kind == IndicatorKind.RATE:
        num = aggs.get(ind.numerator_id or 0, Agg())
        den = aggs.get(ind.denominator_id or 0, Agg())
        if not den.total:
            return None, 0, "—"
        value = 100.0 * num.total / den.total
        return value, den.count, f"{fmt(value)}%"
    a = aggs.get(ind.pk, Agg())
    if ind.kind == IndicatorKind.TEXT:
        return None, a.count, f"{a.count} đơn vị có nội dung"
    if a.count == 0:
        return None, 0, "—"
    if ind.kind == IndicatorKind.BOOL:
        return a.total, a.count, f"{fmt(a.total)}/{a.count} đơn vị có"
    if ind.kind == IndicatorKind.PERCENT or ind.aggregate == Aggregate.MEAN:
        value = a.total / a.count
        suffix = (
            "%" if ind.kind == IndicatorKind.PERCENT else (f" {ind.measure}" if ind.measure else "")
        )
        return value, a.count, f"{fmt(value)}{suffix} (trung bình)"
    return a.total, a.count, fmt(a.total) + (f" {ind.measure}" if ind.measure else "")


def _rows(indicators: Sequence[Indicator], aggs: dict[int, Agg]) -> list[RollupRow]:
    out = []
    for ind in indicators:
        value, reported, display = indicator_result(ind, aggs)
        out.append(RollupRow(ind, value, reported, display))
    return out


def rollup(period: Period, unit: Unit, with_children: bool = True) -> Rollup:
    """Every indicator over ``unit``'s subtree, and for each child unit (drill-down).

    Constant number of queries: indicators, children, one GROUP BY on the path prefix over the
    narrow value table, and one count of submissions."""
    indicators = list(period.report_type.indicators.all())
    prefix_len = (unit.depth + 1) * Unit.steplen
    in_subtree = IndicatorValue.objects.filter(period=period, unit_path__startswith=unit.path)
    # Numbers: (period, indicator, unit_path) + value is a covering index on PostgreSQL.
    grouped = list(
        in_subtree.annotate(prefix=Substr("unit_path", 1, prefix_len))
        .values("prefix", "indicator_id")
        .annotate(s=Sum("value"), n=Count("value"))
    )
    # Text indicators only count the units that wrote something (a separate, small query).
    text_ids = [i.pk for i in indicators if i.kind == IndicatorKind.TEXT]
    if text_ids:
        grouped += list(
            in_subtree.filter(indicator_id__in=text_ids)
            .exclude(text="")
            .annotate(prefix=Substr("unit_path", 1, prefix_len))
            .values("prefix", "indicator_id")
            .annotate(s=Sum("value"), n=Count("id"))
        )
    total: dict[int, Agg] = {}
    by_child: dict[str, dict[int, Agg]] = {}
    for row in grouped:
        total.setdefault(row["indicator_id"], Agg()).add(row["s"], row["n"])
        by_child.setdefault(row["prefix"], {}).setdefault(row["indicator_id"], Agg()).add(
            row["s"], row["n"]
        )
    children: list[tuple[Unit, list[RollupRow]]] = []
    if with_children:
        # The children with values are the prefixes found: looked up by the unique path index
        # (63 keys at national level) rather than a scan of the subtree for depth + 1.
        child_paths = [p for p in by_child if len(p) == prefix_len and p.startswith(unit.path)]
        child_units = Unit.objects.filter(path__in=child_paths, depth=unit.depth + 1).order_by(
            "path"
        )
        children = [(c, _rows(indicators, by_child[c.path])) for c in child_units]
    subs = Submission.objects.filter(period=period)
    if not unit.contains(period.report_type.unit):
        # below the owner: only that subtree (over the whole owner subtree no join is needed,
        # every recipient being below the owner)
        subs = subs.filter(unit__path__startswith=unit.path)
    # COUNT(*) / COUNT(status), not COUNT(id): over the whole owner subtree this is an index-only
    # scan of (period, status, is_late) on PostgreSQL instead of a visit of every submission row.
    counts = subs.aggregate(
        expected=Count("*"),
        submitted=Count("status", filter=Q(status__in=[Status.SUBMITTED, Status.ACCEPTED])),
    )
    return Rollup(
        period,
        unit,
        indicators,
        _rows(indicators, total),
        children,
        counts["submitted"],
        counts["expected"],
    )


def trend(
    report_type: ReportType, unit: Unit
) -> tuple[list[Period], dict[int, list[float | None]]]:
    """Each indicator's rolled-up figure over the type's periods (one GROUP BY)."""
    periods = list(report_type.periods.filter(start__lte=timezone.localdate()).order_by("start"))
    indicators = list(report_type.indicators.all())
    rows = (
        IndicatorValue.objects.filter(period__in=periods, unit_path__startswith=unit.path)
        .values("period_id", "indicator_id")
        .annotate(s=Sum("value"), n=Count("value"))
    )
    per_period: dict[int, dict[int, Agg]] = {}
    for row in rows:
        per_period.setdefault(row["period_id"], {}).setdefault(row["indicator_id"], Agg()).add(
            row["s"], row["n"]
        )
    series: dict[int, list[float | None]] = {}
    for ind in indicators:
        if ind.kind == IndicatorKind.TEXT:
            continue
        series[ind.pk] = [indicator_result(ind, per_period.get(p.pk, {}))[0] for p in periods]
    return periods, series


def spread(
    period: Period, unit: Unit, indicator: Indicator, limit: int = 40
) -> list[tuple[str, float]]:
    """The indicator's value per reporting unit below ``unit`` (for the spread chart)."""
    if indicator.kind == IndicatorKind.RATE:
        rows = IndicatorValue.objects.filter(
            period=period,
            unit_path__startswith=unit.path,
            indicator_id__in=[indicator.numerator_id, indicator.denominator_id],
        ).values_list("submission__unit__name", "indicator_id", "value")
        per: dict[str, dict[int, float | None]] = {}
        for name, ind_id, v in rows:
            per.setdefault(name, {})[ind_id] = v
        out = [(name, rate_value(indicator, d)) for name, d in per.items()]
        return sorted(((n, v) for n, v in out if v is not None), key=lambda t: -t[1])[:limit]
    rows2 = (
        IndicatorValue.objects.filter(
            period=period, unit_path__startswith=unit.path, indicator=indicator, value__isnull=False
        )
        .order_by("-value")
        .values_list("submission__unit__name", "value")[:limit]
    )
    return [(n, float(v)) for n, v in rows2 if v is not None]


def task_summary(period: Period, unit: Unit) -> list[dict[str, Any]]:
    """Per task of the type's plan: how many units reported each status, and their results."""
    rt = period.report_type
    if rt.plan_id is None:
        return []
    tasks = list(rt.plan.tasks.all().order_by("order", "id")) if rt.plan else []
    subs = Submission.objects.filter(
        period=period,
        unit__path__startswith=unit.path,
        status__in=[Status.SUBMITTED, Status.ACCEPTED],
    ).values_list("unit__name", "data")
    per_task: dict[int, dict[str, Any]] = {
        t.pk: {"task": t, "counts": {k: 0 for k, _ in TASK_STATUS_CHOICES if k}, "results": []}
        for t in tasks
    }
    for unit_name, data in subs:
        for t in tasks:
            st = (data or {}).get(f"task_{t.pk}_status", "")
            if st in per_task[t.pk]["counts"]:
                per_task[t.pk]["counts"][st] += 1
            res = (data or {}).get(f"task_{t.pk}_result", "")
            if res:
                per_task[t.pk]["results"].append((unit_name, res))
    return list(per_task.values())


def plan_tasks_for(submission: Submission) -> list[Any]:
    rt = submission.period.report_type
    if rt.plan_id is None or rt.plan is None:
        return []
    return list(rt.plan.tasks.all().order_by("order", "id"))


def remind_missing(periods: Sequence[Period]) -> None:
    from .tasks import send_report_reminders

    send_report_reminders.enqueue([p.pk for p in periods])
