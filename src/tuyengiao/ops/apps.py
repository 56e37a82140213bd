from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Operations: backup and restore (later: worker health, stuck jobs) — no models of its own."""

    name = "tuyengiao.ops"
    label = "ops"
    verbose_name = "Vận hành"
