"""The change log (django-auditlog) told in Vietnamese: field names as the forms call them,
"có"/"không" for yes/no, "—" for nothing, dates dd/mm/yyyy, actions "Tạo"/"Sửa"/"Xóa"."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from auditlog.models import LogEntry
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

ACTIONS = {
    LogEntry.Action.CREATE: "Tạo",
    LogEntry.Action.UPDATE: "Sửa",
    LogEntry.Action.DELETE: "Xóa",
    LogEntry.Action.ACCESS: "Xem",
}
# Django's own user fields, whose verbose names are English.
FIELD_NAMES = {
    "username": "tên đăng nhập",
    "password": "mật khẩu",
    "first_name": "tên đệm và tên",
    "last_name": "họ",
    "email": "thư điện tử",
    "is_superuser": "quyền quản trị tối cao",
    "is_staff": "vào trang quản trị",
    "is_active": "đang hoạt động",
    "date_joined": "ngày tạo tài khoản",
    "last_login": "lần đăng nhập cuối",
    "path": "vị trí trong cây",
    "depth": "cấp",
    "numchild": "số đơn vị trực thuộc",
}
# What auditlog writes for an empty reverse relation ("orgs.Person.None").
EMPTY_RELATION_RE = re.compile(r"^\w+\.\w+\.None$")


def entry_time(entry: LogEntry) -> str:
    """When the entry was made, in local time (dd/mm/yyyy hh:mm)."""
    return f"{timezone.localtime(entry.timestamp):%d/%m/%Y %H:%M}"


def action_text(entry: LogEntry) -> str:
    return ACTIONS.get(entry.action, str(entry.get_action_display()))


def value_text(value: Any) -> str:
    text = "" if value is None else str(value)
    if text in ("", "None") or EMPTY_RELATION_RE.match(text):
        return "—"
    if text == "True":
        return "có"
    if text == "False":
        return "không"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) <= 10:
        return f"{date.fromisoformat(text):%d/%m/%Y}"
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return f"{moment:%d/%m/%Y %H:%M}"


def field_label(entry: LogEntry, name: str) -> str:
    if name in FIELD_NAMES:
        return FIELD_NAMES[name]
    model = entry.content_type.model_class() if entry.content_type_id else None
    if model is not None:
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return name
        return str(getattr(field, "verbose_name", name))
    return name


def changes_text(entry: LogEntry) -> str:
    """ "họ: — → Trần; đang hoạt động: không → có" — changes between two empty values left out."""
    parts = []
    for name, pair in (entry.changes_dict or {}).items():
        old, new = [*pair, None, None][:2] if isinstance(pair, list) else (None, pair)
        before, after = value_text(old), value_text(new)
        if before == after:
            continue
        parts.append(f"{field_label(entry, name)}: {before} → {after}")
    return "; ".join(parts)
