"""The WSGI entry point (``gunicorn tuyengiao.wsgi``; ``runserver`` loads it too)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tuyengiao.settings")
application = get_wsgi_application()

from tuyengiao.core.startup import freeze_startup_objects  # noqa: E402 - needs Django set up

freeze_startup_objects()
