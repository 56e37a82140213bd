from typing import Any

from django.apps import AppConfig
from django.urls import reverse


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    label = "orgs"
    verbose_name = "Tổ chức"
    url_prefix = "don-vi/"
    nav_items = [
        ("Đơn vị", "orgs:unit_tree", 20),
        ("Nhân sự", "orgs:person_list", 21),
    ]

    def dashboard_cards(self, user: Any) -> list[dict[str, Any]]:
        """Units and active people in the user's subtree (two counts)."""
        from tuyengiao.accounts.scoping import scoped, visible_units

        from .models import Person

        return [
            dict(
                label="Đơn vị trong phạm vi",
                value=visible_units(user).count(),
                url=reverse("orgs:unit_tree"),
            ),
            dict(
                label="Nhân sự đang sinh hoạt",
                value=scoped(Person, user).filter(active=True).count(),
                url=reverse("orgs:person_list"),
            ),
        ]

    def ready(self) -> None:
        from auditlog.registry import auditlog

        from . import models, tasks
        from .signals import unit_paths_changed

        unit_paths_changed.connect(tasks.on_unit_paths_changed, dispatch_uid="orgs.path_copies")
        auditlog.register(models.Unit)
        auditlog.register(models.Person, m2m_fields={"roles"})
        auditlog.register(models.PersonTransfer)
        auditlog.register(models.Reorganisation, exclude_fields=["summary"])
        auditlog.register(models.ReorganisationLink)
        auditlog.register(models.UnitState)
