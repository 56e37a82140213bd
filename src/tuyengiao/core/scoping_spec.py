"""The declaration a model makes of how it hangs off the unit tree.

It lives in ``core`` (not ``accounts``) only so that models of any app can import it without
import cycles; the rules that read it are in ``tuyengiao.accounts.scoping``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q


@dataclass(frozen=True)
class Scoping:
    """How a model hangs off the unit tree.

    unit_field       path to the owning unit ("unit", "plan__unit", …); "" for Unit itself.
    published_field  a boolean field: when true, units below the owner may view the object.
    extra_visible    more objects every user may view (e.g. documents of publishes_to_all units).
    """

    unit_field: str = "unit"
    published_field: str | None = None
    extra_visible: Callable[[], Q] | None = None

    def path_lookup(self) -> str:
        return f"{self.unit_field}__path" if self.unit_field else "path"
