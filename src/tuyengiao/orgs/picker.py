"""The unit picker: one form field and widget for every form that chooses units.

A tree of the units the user may pick, searched without accents, each unit shown with its full
path (so the five "Tổ đảng Phòng Tổng hợp" are told apart), with "cả cây con" (the unit and all
below it), "chỉ tổ chức cơ sở", "chỉ chi bộ", the user's recent choices, and dissolved units hidden
unless asked. The widget renders only the chosen units; the tree and the search results come from
``orgs:unit_picker`` (htmx), so a page with many pickers (the task page: 50 tasks × 2 fields)
never lists 173 units per field.

* ``UnitPickerField`` (many units) and ``UnitPickField`` (one unit, a ``UnitFilterField``: an
  out-of-scope unit gets its message) — call ``field.for_user(user, within=…, below_only=…)`` in
  the form or the view: the queryset becomes what ``accounts.scoping.visible_units`` allows (and
  the part of it under ``within``), and the widget's search is limited the same way by a signed
  scope. The search endpoint checks the signature and intersects with the requesting user's
  visible units again, so a forged scope reaches nothing more.
* ``offered_units(qs, …)`` — the one rule of what is offered: current units only
  (``UnitQuerySet.current``, the reorganisation history's answer, and ``active``) unless dissolved
  ones are asked for, of a kind when asked.
* ``unit_labels(units)`` — the full path of many units in one query.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from django import forms
from django.core import signing
from django.db.models import QuerySet
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from tuyengiao.core.listing import UnitFilterField
from tuyengiao.core.text import fold

from .models import RecentUnitChoice, Unit, UnitKind

if TYPE_CHECKING:
    from tuyengiao.accounts.models import User

SCOPE_SALT = "tuyengiao.orgs.unit_picker"
RECENT_KEEP = 12
SEARCH_LIMIT = 60
SEPARATOR = " › "

SCOPES = {
    "": "Mọi loại đơn vị",
    "co-so": "Chỉ tổ chức cơ sở",
    "chi-bo": "Chỉ chi bộ",
}
SCOPE_KINDS = {"co-so": UnitKind.BASE_ORGANISATION, "chi-bo": UnitKind.CELL}


def offered_units(
    qs: QuerySet[Unit], *, scope: str = "", dissolved: bool = False
) -> QuerySet[Unit]:
    """What a picker offers from ``qs``: active units (dissolved ones only when asked), of the
    kind ``scope`` names ("co-so", "chi-bo")."""
    if not dissolved:
        # Current units (``UnitQuerySet.current``: not merged, split or dissolved as of today),
        # and not switched off by hand (``active``).
        qs = qs.current().active()  # type: ignore[attr-defined]
    if scope in SCOPE_KINDS:
        qs = qs.filter(kind=SCOPE_KINDS[scope])
    return qs


def unit_labels(units: Iterable[Unit]) -> dict[int, str]:
    """``{unit pk: "Đảng ủy Khối › Đảng bộ Sở Y tế"}`` — the names of each unit's ancestors (its
    own name excluded), in one query for all."""
    units = list(units)
    step = Unit.steplen
    wanted = {u.path[:i] for u in units for i in range(step, len(u.path), step)}
    names = dict(Unit.objects.filter(path__in=wanted).values_list("path", "name")) if wanted else {}
    return {
        u.pk: SEPARATOR.join(
            names[u.path[:i]] for i in range(step, len(u.path), step) if u.path[:i] in names
        )
        for u in units
    }


def search(qs: QuerySet[Unit], text: str) -> QuerySet[Unit]:
    """Units whose name (without accents) holds every word typed, or whose code is typed."""
    for word in fold(text).split():
        qs = qs.filter(name_folded__contains=word)
    return qs


# --- the scope a widget may search -----------------------------------------------------------------


def sign_scope(within: Unit | None, below_only: bool, multiple: bool) -> str:
    return _signed(within.path if within is not None else "", below_only, multiple)


@lru_cache(maxsize=1024)
def _signed(path: str, below_only: bool, multiple: bool) -> str:
    # The same scope signs the same (no timestamp): the 100 pickers of a task page sign once.
    return signing.dumps({"p": path, "b": below_only, "m": multiple}, salt=SCOPE_SALT)


def read_scope(token: str) -> dict[str, Any]:
    """The scope a widget was rendered with; an empty scope (the user's whole tree) when the
    token is missing or forged."""
    try:
        data = signing.loads(token, salt=SCOPE_SALT)
    except signing.BadSignature:
        return {"p": "", "b": False, "m": True}
    return data if isinstance(data, dict) else {"p": "", "b": False, "m": True}


def scoped_units(user: User, scope: dict[str, Any]) -> QuerySet[Unit]:
    """The units a picker of ``scope`` offers ``user``: never beyond ``visible_units(user)``."""
    from tuyengiao.accounts.scoping import visible_units

    qs = visible_units(user)
    path = str(scope.get("p") or "")
    if path:
        qs = qs.filter(path__startswith=path)
        if scope.get("b"):
            qs = qs.exclude(path=path)
    return qs


# --- recent choices -------------------------------------------------------------------------------


def remember(user: User | None, units: Sequence[Unit]) -> None:
    """Keep the user's last choices (the newest ``RECENT_KEEP``) for the pickers' "Gần đây"."""
    if user is None or not getattr(user, "pk", None) or not units:
        return
    now = timezone.now()
    for unit in units[:RECENT_KEEP]:
        RecentUnitChoice.objects.update_or_create(user=user, unit=unit, defaults={"used_at": now})
    stale = RecentUnitChoice.objects.filter(user=user).order_by("-used_at")[RECENT_KEEP:]
    RecentUnitChoice.objects.filter(pk__in=list(stale.values_list("pk", flat=True))).delete()


def recent_units(user: User, qs: QuerySet[Unit]) -> list[Unit]:
    ids = list(
        RecentUnitChoice.objects.filter(user=user, unit__in=qs)
        .order_by("-used_at")
        .values_list("unit_id", flat=True)[:8]
    )
    by_id = Unit.objects.in_bulk(ids)
    return [by_id[i] for i in ids if i in by_id]


# --- widget and fields ----------------------------------------------------------------------------


class UnitPickerWidget(forms.Widget):
    """Chosen units as removable chips (each a checked checkbox of the field's name), a search box
    and the filters; the tree and results are fetched from ``orgs:unit_picker``. Its markup is
    written by ``_widget_html``, not by a template (a task page has a hundred of them)."""

    template_name = ""  # not used: ``render`` writes the markup

    def __init__(self, attrs: dict[str, Any] | None = None, multiple: bool = True) -> None:
        super().__init__(attrs)
        self.multiple = multiple
        self.scope_token = ""
        self.labels: dict[int, str] = {}
        self.names: dict[int, str] = {}

    def __deepcopy__(self, memo: dict[int, Any]) -> UnitPickerWidget:
        obj: UnitPickerWidget = super().__deepcopy__(memo)
        obj.labels, obj.names = dict(self.labels), dict(self.names)
        return obj

    def format_value(self, value: Any) -> list[str]:
        if value is None or value == "":
            return []
        if not isinstance(value, list | tuple):
            value = [value]
        return [str(v.pk if isinstance(v, Unit) else v) for v in value if v not in (None, "")]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        getlist = getattr(data, "getlist", None)
        values = getlist(name) if getlist else data.get(name)
        if self.multiple:
            return values
        if isinstance(values, list):
            return values[-1] if values else None
        return values

    def value_omitted_from_data(self, data: Any, files: Any, name: str) -> bool:
        return False  # no chip checked is an answer: none chosen

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        context = self.get_context(name, value, self.build_attrs(self.attrs, attrs))
        return mark_safe(_widget_html(context["picker"]))  # every piece escaped above

    def prime(self, units: Iterable[Unit]) -> None:
        """Names and paths of units about to be shown (one query for many widgets)."""
        units = [u for u in units if u.pk not in self.labels]
        if units:
            self.labels.update(unit_labels(units))
            self.names.update({u.pk: u.name for u in units})

    def get_context(self, name: str, value: Any, attrs: dict[str, Any] | None) -> dict[str, Any]:
        context = super().get_context(name, value, attrs)
        ids = [int(v) for v in self.format_value(value) if str(v).isdigit()]
        missing = [i for i in ids if i not in self.names]
        allowed = getattr(getattr(self, "choices", None), "queryset", None)
        if missing and allowed is not None:
            # Only units the field offers are shown: a posted pk out of scope shows nothing.
            self.prime(allowed.filter(pk__in=missing))
        widget_id = (attrs or {}).get("id") or f"id_{name}"
        context["picker"] = {
            "id": widget_id,
            "name": name,
            "multiple": self.multiple,
            "chosen": [
                {"pk": i, "name": self.names[i], "path": self.labels.get(i, "")}
                for i in ids
                if i in self.names
            ],
            "url": reverse("orgs:unit_picker"),
            "scope": self.scope_token,
            "scopes": SCOPES,
        }
        return context


def _chips_html(chips: Iterable[dict[str, Any]], name: str) -> str:
    return "".join(
        format_html(
            '<li class="chip" data-pk="{pk}"><label title="{path}"><input type="checkbox" '
            'name="{name}" value="{pk}" checked> <span class="chip-name">{label}</span>{small}'
            "</label></li>",
            pk=c["pk"],
            path=c["path"],
            name=name,
            label=c["name"],
            small=format_html(' <small class="muted">{}</small>', c["path"]) if c["path"] else "",
        )
        for c in chips
    )


def _widget_html(p: dict[str, Any]) -> str:
    """The widget, written here rather than by a template: a task page has a hundred of them."""
    wid = p["id"]
    vals = escape(json.dumps({"s": p["scope"], "ten": p["name"], "o": wid}))
    include = f"#{wid}-picker [data-picker-param], #{wid}, #{wid}-chosen input"
    common = (
        f'hx-get="{escape(p["url"])}" hx-target="#{escape(wid)}-results" '
        f'hx-include="{escape(include)}" hx-vals="{vals}"'
    )
    options = "".join(
        format_html('<option value="{}">{}</option>', value, label)
        for value, label in p["scopes"].items()
    )
    return (
        format_html(
            '<div class="unit-picker" id="{id}-picker" data-name="{name}" data-multiple="{m}" '
            'data-url="{url}"><ul class="picker-chosen" id="{id}-chosen" '
            'aria-label="Đơn vị đã chọn">',
            id=wid,
            name=p["name"],
            m="1" if p["multiple"] else "0",
            url=p["url"],
        )
        + _chips_html(p["chosen"], p["name"])
        + "</ul>"
        + format_html(
            '<div class="picker-search" role="search"><input type="search" id="{id}" name="q" '
            'form="" autocomplete="off" placeholder="Gõ tên đơn vị (không cần dấu)…" '
            'aria-label="Tìm đơn vị" aria-controls="{id}-results" '
            'hx-trigger="input changed delay:250ms, search, focus once" ',
            id=wid,
        )
        + common
        + '><select data-picker-param name="pham-vi" form="" aria-label="Loại đơn vị" '
        + 'hx-trigger="change" '
        + common
        + ">"
        + options
        + '</select><label class="inline"><input type="checkbox" data-picker-param '
        + 'name="giai-the" value="1" form="" hx-trigger="change" '
        + common
        + "> gồm đơn vị đã giải thể</label></div>"
        + format_html(
            '<div class="picker-results" id="{}-results" role="listbox" aria-label="Kết quả">'
            "</div></div>",
            wid,
        )
        + format_html('<script src="{}" defer></script>', static("orgs/picker.js"))
    )


class _PickerMixin:
    widget: UnitPickerWidget
    queryset: Any
    user: User | None = None

    def for_user(
        self,
        user: User,
        *,
        within: Unit | None = None,
        below_only: bool = False,
        queryset: QuerySet[Unit] | None = None,
    ) -> None:
        """Offer what ``user`` may pick (``visible_units``), under ``within`` (strictly below it
        when ``below_only``), or a narrower ``queryset`` the view computed."""
        scope = {"p": within.path if within is not None else "", "b": below_only}
        qs = queryset if queryset is not None else scoped_units(user, scope)
        self.queryset = qs
        self.user = user
        self.widget.scope_token = sign_scope(within, below_only, self.widget.multiple)


class UnitPickerField(_PickerMixin, forms.ModelMultipleChoiceField):  # type: ignore[type-arg]
    """Several units, chosen with the picker."""

    default_error_messages = {
        "invalid_choice": "Đơn vị đã chọn (mã %(value)s) không thuộc phạm vi được chọn.",
        "invalid_pk_value": "“%(pk)s” không phải là đơn vị.",
        "required": "Hãy chọn ít nhất một đơn vị.",
    }

    def __init__(self, queryset: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", UnitPickerWidget(multiple=True))
        super().__init__(
            queryset=queryset if queryset is not None else Unit.objects.none(), **kwargs
        )

    def label_from_instance(self, obj: Unit) -> str:
        return obj.name

    def clean(self, value: Any) -> Any:
        units = super().clean(value)
        if units:
            remember(self.user, list(units))
        return units


class UnitPickField(_PickerMixin, UnitFilterField):
    """One unit, chosen with the picker (a list filter, a destination)."""

    def __init__(self, queryset: QuerySet[Unit] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("widget", UnitPickerWidget(multiple=False))
        super().__init__(
            queryset=queryset if queryset is not None else Unit.objects.none(), **kwargs
        )

    def clean(self, value: Any) -> Any:
        unit = super().clean(value)
        if unit is not None:
            remember(self.user, [unit])
        return unit


def prime_widgets(fields: Iterable[Any], ids: Iterable[int]) -> None:
    """Share the names and paths of ``ids`` with the pickers of ``fields`` in one query."""
    units = list(Unit.objects.filter(pk__in=set(ids)))
    labels = unit_labels(units)
    names = {u.pk: u.name for u in units}
    for field in fields:
        widget = getattr(field, "widget", None)
        if isinstance(widget, UnitPickerWidget):
            widget.labels.update(labels)
            widget.names.update(names)


def render_chips(units: Sequence[Unit], name: str, multiple: bool, labels: dict[int, str]) -> str:
    return render_to_string(
        "orgs/picker/chips.html",
        {
            "chips": [{"pk": u.pk, "name": u.name, "path": labels.get(u.pk, "")} for u in units],
            "name": name,
            "multiple": multiple,
        },
    )
