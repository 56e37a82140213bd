from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.files.storage import default_storage
from django.utils.functional import empty

CORPUS = Path(__file__).resolve().parents[5] / "shared" / "corpus" / "dev"


@pytest.fixture(autouse=True)
def media_root(tmp_path: Path, settings) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """Each test stores originals in its own folder, so 'nothing stored' can be checked."""
    root = tmp_path / "media"
    root.mkdir()
    settings.MEDIA_ROOT = str(root)
    default_storage._wrapped = empty  # type: ignore[attr-defined]  # rebuild with the new root
    from django.core.files.storage import storages

    storages._storages = {}  # type: ignore[attr-defined]
    yield root
    default_storage._wrapped = empty  # type: ignore[attr-defined]
    storages._storages = {}  # type: ignore[attr-defined]


def stored_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.is_file()]
