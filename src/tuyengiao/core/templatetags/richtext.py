"""Rich text in templates (``core.richtext``): ``{{ item.body|richtext }}`` shows a stored body
sanitised (old plain text as paragraphs), ``{{ item.body|plaintext }}`` its words only, and
``{% richtext_media %}`` (in ``{% block head %}`` of a page with a rich-text field) loads the
editor with the request's CSP nonce."""

from __future__ import annotations

from typing import Any

from django import template
from django.utils.safestring import SafeString

from tuyengiao.core import richtext as rt

register = template.Library()


@register.filter
def richtext(value: Any) -> SafeString:
    return rt.to_html(str(value or ""))


@register.filter
def plaintext(value: Any) -> str:
    return rt.to_plain_text(str(value or ""))


@register.simple_tag(takes_context=True)
def richtext_media(context: template.Context) -> SafeString:
    return rt.media(str(context.get("csp_nonce", "")))
