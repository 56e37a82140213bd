"""Business rules of periodic reports, one module per topic: ``values`` (parsing and validating
what was typed), ``recipients``, ``drafts`` (optimistic locking, submit/return/accept with kept
versions), ``statuses`` (the matrix's cells and counts), ``rollups`` and ``plan_tasks``.

Import from the topic module. The names are also re-exported here so that code written against
the former single ``reports.services`` module (other branches, scripts) keeps working.
"""

from .drafts import (
    Conflict,
    NotEditable,
    SubmitResult,
    Superseded,
    accept_submission,
    clean_data,
    return_submission,
    save_draft,
    snapshot,
    submit,
)
from .plan_tasks import TASK_STATUS_CHOICES, TASK_STATUS_LABELS, plan_tasks_for, task_summary
from .recipients import ensure_submissions, recipient_candidates, recipient_count, set_recipients
from .rollups import Agg, Rollup, RollupRow, indicator_result, rollup, spread, trend
from .statuses import (
    DONE_STATUSES,
    Cell,
    cell_status,
    remind_missing,
    status_condition,
    status_counts,
)
from .values import NO, YES, Parsed, fmt, parse_indicator, parse_number, rate_value, validate

__all__ = [
    "DONE_STATUSES",
    "NO",
    "TASK_STATUS_CHOICES",
    "TASK_STATUS_LABELS",
    "YES",
    "Agg",
    "Cell",
    "Conflict",
    "NotEditable",
    "Parsed",
    "Rollup",
    "RollupRow",
    "SubmitResult",
    "Superseded",
    "accept_submission",
    "cell_status",
    "clean_data",
    "ensure_submissions",
    "fmt",
    "indicator_result",
    "parse_indicator",
    "parse_number",
    "plan_tasks_for",
    "rate_value",
    "recipient_candidates",
    "recipient_count",
    "remind_missing",
    "return_submission",
    "rollup",
    "save_draft",
    "set_recipients",
    "snapshot",
    "spread",
    "status_condition",
    "status_counts",
    "submit",
    "task_summary",
    "trend",
    "validate",
]
