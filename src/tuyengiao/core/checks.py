"""System checks of the production set-up (``tuyengiao check --deploy``)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin
from django.core.checks import Error, Tags, register
from django.core.files.storage import storages


@register(Tags.staticfiles, deploy=True)
def static_files_collected(**kwargs: Any) -> list[Error]:
    """Without collectstatic, every page that names a static file fails under the manifest storage
    (DEBUG off): the server would answer 500 everywhere, so the deploy check says so first."""
    storage = storages["staticfiles"]
    if settings.DEBUG or not isinstance(storage, ManifestFilesMixin):
        return []
    if storage.exists(storage.manifest_name):
        return []
    return [
        Error(
            "Chưa chạy collectstatic: không có tệp tĩnh đã thu gom. "
            f"Static files are not collected into {settings.STATIC_ROOT}.",
            hint="Chạy `tuyengiao collectstatic --noinput` trước khi khởi động máy chủ.",
            id="tuyengiao.E001",
        )
    ]
