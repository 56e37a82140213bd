"""The authentication backend: Django's ``ModelBackend``, loading the user's unit with the user.

Every page reads ``request.user.unit`` (the scoping helper starts from it), so the stock backend's
user query was always followed by the unit's: one join instead saves a query on every request.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class UnitModelBackend(ModelBackend):
    def get_user(self, user_id: Any) -> Any:
        model = get_user_model()
        try:
            user = model._default_manager.select_related("unit").get(pk=user_id)
        except model.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None
