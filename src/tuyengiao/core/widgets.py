"""Form widgets written in Python where Django's template rendering is the cost of a page.

Django writes a ``<select>`` by rendering one template per ``<option>`` (itself including the
attributes template): the four selects of the report matrix's filter form took 1.1 ms of a
10 ms page. ``Select`` writes the markup of ``django/forms/widgets/select.html`` byte for byte
in Python, from the same widget context (``core/tests/test_widgets.py`` compares the two).
"""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe


def _text(value: Any) -> str:
    """What the template's autoescaping prints for ``value``."""
    if hasattr(value, "__html__"):
        return str(value.__html__())
    return escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """``django/forms/widgets/attrs.html``: ``True`` writes the bare name, ``False`` nothing."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        out.append(f" {name}" if value is True else f' {name}="{_text(value)}"')
    return "".join(out)


class Select(forms.Select):
    """``forms.Select``, rendered without templates (same HTML)."""

    def render(
        self,
        name: str,
        value: Any,
        attrs: dict[str, Any] | None = None,
        renderer: Any = None,
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]
        parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
        for group_name, options, _index in widget["optgroups"]:
            if group_name:
                parts.append(f'\n  <optgroup label="{_text(group_name)}">')
            for option in options:
                parts.append(
                    f'\n  <option value="{_text(option["value"])}"{_attrs(option["attrs"])}>'
                    f"{_text(option['label'])}</option>\n"
                )
            if group_name:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # every value above is escaped
