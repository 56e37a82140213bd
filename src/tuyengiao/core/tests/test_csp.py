"""The Content-Security-Policy holds: every page's header carries a fresh nonce, the inline scripts
and <style> blocks carry that nonce, and no template has an inline event handler (which no nonce
can allow) or an inline script without the nonce."""

from __future__ import annotations

import re
from pathlib import Path

from django.test import Client
from django.urls import reverse

import tuyengiao
from tuyengiao.accounts.models import User
from tuyengiao.documents.testing import _uploaddraft_pk
from tuyengiao.testing import Tree, logged_in_client

TEMPLATES = sorted(Path(tuyengiao.__file__).parent.glob("*/templates/**/*.html"))
INLINE_HANDLER = re.compile(r"<[^>]*\son[a-z]+\s*=", re.IGNORECASE)
OPENING_TAG = re.compile(r"<(script|style)\b([^>]*)>", re.IGNORECASE)


def _policy_nonce(response: object) -> str:
    policy = response["Content-Security-Policy"]  # type: ignore[index]
    for directive in ("default-src 'self'", "object-src 'none'", "frame-ancestors 'none'"):
        assert directive in policy
    found = re.search(r"script-src 'self' 'nonce-([\w-]+)'", policy)
    assert found, policy
    return found.group(1)


def _inline_tags(html: str) -> list[str]:
    """Attributes of every <script> without src and every <style>."""
    return [
        attrs
        for tag, attrs in OPENING_TAG.findall(html)
        if tag.lower() == "style" or "src=" not in attrs
    ]


def test_login_page_scripts_carry_the_policys_nonce(db: None) -> None:
    response = Client().get(reverse("accounts:login"))
    assert response.status_code == 200
    nonce = _policy_nonce(response)
    html = response.content.decode()
    scripts = re.findall(r"<script\b[^>]*>", html)
    # htmx (from django-htmx, which takes the nonce from the csp context processor) and ours.
    assert any(f'nonce="{nonce}"' in tag and "htmx" in tag for tag in scripts), scripts
    for tag in scripts:
        assert "src=" in tag or f'nonce="{nonce}"' in tag, tag
    # A new nonce for every response: one seen in a page cannot be replayed in an injection.
    assert _policy_nonce(Client().get(reverse("accounts:login"))) != nonce


def test_a_page_with_inline_script_and_style_carries_the_nonce(
    tree: Tree, users: dict[str, User]
) -> None:
    url = reverse("documents:draft_review", kwargs={"uploaddraft_pk": _uploaddraft_pk(tree.base1)})
    response = logged_in_client(users["coso1"]).get(url)
    assert response.status_code == 200
    nonce = _policy_nonce(response)
    inline = _inline_tags(response.content.decode())
    assert len(inline) >= 2, inline  # the review page's script and its <style>
    for attrs in inline:
        assert f'nonce="{nonce}"' in attrs, attrs


def test_templates_have_no_inline_handlers_and_nonce_every_inline_script() -> None:
    assert TEMPLATES, "no templates found"
    handlers = [
        f"{t}: {m.group(0)}" for t in TEMPLATES for m in INLINE_HANDLER.finditer(t.read_text())
    ]
    assert not handlers, (
        "Inline event handlers are blocked by the CSP; use a static .js file:\n"
        + "\n".join(handlers)
    )
    missing = [
        f"{t}: <{attrs}>"
        for t in TEMPLATES
        for attrs in _inline_tags(t.read_text())
        if 'nonce="{{ csp_nonce }}"' not in attrs
    ]
    assert not missing, 'Inline <script>/<style> needs nonce="{{ csp_nonce }}":\n' + "\n".join(
        missing
    )
