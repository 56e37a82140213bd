"""The deploy/ files pass the checks of the tools that run them (nginx -t, systemd-analyze)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[4]
NOTHING_CHECKED = 3


def test_deploy_files_pass_nginx_and_systemd_checks() -> None:
    result = subprocess.run(
        ["bash", str(ROOT / "deploy" / "check")],
        capture_output=True,
        text=True,
        env={"VENV": str(Path(sys.prefix)), "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"},
        timeout=120,
    )
    if result.returncode == NOTHING_CHECKED:
        pytest.skip("neither nginx nor systemd-analyze is installed: " + result.stderr.strip())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


def test_the_environment_file_names_every_setting_the_application_reads() -> None:
    import re

    settings_text = (ROOT / "src" / "tuyengiao" / "settings.py").read_text()
    read = set(re.findall(r'(?:os\.environ\.get|env_bool|env_list)\(\s*"([A-Z_]+)"', settings_text))
    example = (ROOT / "deploy" / "tuyengiao.env.example").read_text()
    named = set(re.findall(r"^([A-Z_]+)=", example, re.MULTILINE))
    assert read, "no setting found: the pattern no longer matches settings.py"
    assert read <= named, f"not in deploy/tuyengiao.env.example: {sorted(read - named)}"
