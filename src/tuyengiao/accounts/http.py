"""The request type of signed-in views.

Views behind ``login_required`` annotate ``request: AuthenticatedHttpRequest`` so that
``request.user`` is our ``User`` (with ``unit``, ``role``, ``person``) for the type checker,
instead of ``User | AnonymousUser`` (healthchecks' ``AuthenticatedHttpRequest`` is the model).
"""

from __future__ import annotations

from django.http import HttpRequest

from .models import User


class AuthenticatedHttpRequest(HttpRequest):
    user: User
