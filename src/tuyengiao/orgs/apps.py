from django.apps import AppConfig


class OrgsConfig(AppConfig):
    name = "tuyengiao.orgs"
    label = "orgs"
    verbose_name = "Tổ chức"
    url_prefix = "don-vi/"
    nav_items = [
        ("Đơn vị", "orgs:unit_tree", 20),
        ("Nhân sự", "orgs:person_list", 21),
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
