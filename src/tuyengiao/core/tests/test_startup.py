"""The WSGI entry point freezes the startup heap (see ``core.startup``)."""

from __future__ import annotations

import gc
import importlib


def test_wsgi_entry_point_freezes_the_loaded_code() -> None:
    import tuyengiao.wsgi

    gc.unfreeze()
    try:
        module = importlib.reload(tuyengiao.wsgi)
        assert callable(module.application)
        assert gc.get_freeze_count() > 1000  # Django, the apps and their views
    finally:
        gc.unfreeze()  # the rest of the test run collects as usual
