"""The production start, for real: ``tuyengiao collectstatic`` then ``gunicorn tuyengiao.wsgi`` with
DEBUG off serves a complete site — the pages' hashed static files (CSS, htmx, the upload script)
answer 200 from the application server alone (WhiteNoise), with the security headers, and
``tuyengiao check --deploy`` is clean with the production environment of the README."""

from __future__ import annotations

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

import tuyengiao

pytestmark = pytest.mark.slow

SRC = Path(tuyengiao.__file__).resolve().parents[1]


@dataclass
class Server:
    url: str
    static_root: Path


def _production_env(var: Path) -> dict[str, str]:
    # Only what a server's environment has: none of the test run's own variables (the browser
    # tests' DJANGO_ALLOW_ASYNC_UNSAFE, which check --deploy rightly refuses; DEBUG …).
    env = {k: os.environ[k] for k in ("PATH", "HOME", "LANG", "TMPDIR") if k in os.environ}
    env.update(
        DJANGO_SETTINGS_MODULE="tuyengiao.settings",
        PYTHONPATH=os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        TUYENGIAO_VAR=str(var),
        # No request of this test reaches the database; a file of its own keeps it apart anyway.
        DATABASE_URL=f"sqlite:///{var / 'db.sqlite3'}",
    )
    return env


def _manage(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tuyengiao", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, dict[str, str], bytes]:
    # The TLS-terminating proxy's header (SECURE_PROXY_SSL_HEADER): without it the production
    # settings redirect every plain-HTTP request to https.
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, dict(exc.headers), exc.read()


@pytest.fixture(scope="module")
def production(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, dict[str, str]]]:
    var = tmp_path_factory.mktemp("prod-var")
    env = _production_env(var)
    collected = _manage(env, "collectstatic", "--noinput")
    assert collected.returncode == 0, collected.stderr
    port = _free_port()
    log = (var / "gunicorn.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "tuyengiao.wsgi", "--bind", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        # Wait for the worker to answer (a readiness poll, not a timing assertion).
        deadline = time.monotonic() + 60
        while True:
            try:
                _get(url + "/healthz/")
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(
                        "gunicorn did not start:\n" + (var / "gunicorn.log").read_text()
                    ) from None
                time.sleep(0.2)
        yield Server(url, var / "static"), env
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_gunicorn_serves_the_pages_static_files(production: tuple[Server, dict[str, str]]) -> None:
    server, _ = production
    status, headers, body = _get(server.url + "/tai-khoan/dang-nhap/")
    assert status == 200
    page = body.decode()
    manifest = json.loads((server.static_root / "staticfiles.json").read_text())["paths"]
    assets = {
        "core/app.css": "text/css",
        "django_htmx/htmx-2.min.js": "javascript",
        "documents/upload.js": "javascript",
    }
    for name, content_type in assets.items():
        url = "/static/" + manifest[name]
        if name != "documents/upload.js":  # on the upload page, which needs a login
            assert f'"{url}"' in page, f"{name}: the page does not name its hashed file {url}"
        asset_status, asset_headers, content = _get(server.url + url)
        assert asset_status == 200, f"{url} → {asset_status}"
        assert content_type in asset_headers["Content-Type"], asset_headers["Content-Type"]
        assert content == (server.static_root / manifest[name]).read_bytes()
        # Hashed names never change content: browsers may keep them for good.
        assert "immutable" in asset_headers.get("Cache-Control", "")
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "max-age=" in headers["Strict-Transport-Security"]
    nonce = re.search(r"'nonce-([^']+)'", headers["Content-Security-Policy"])
    assert nonce and f'nonce="{nonce.group(1)}"' in page


def test_plain_http_is_sent_to_https(production: tuple[Server, dict[str, str]]) -> None:
    server, _ = production
    request = urllib.request.Request(server.url + "/tai-khoan/dang-nhap/")
    opener = urllib.request.build_opener(_NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as caught:
        opener.open(request, timeout=30)
    assert caught.value.code == 301
    assert caught.value.headers["Location"].startswith("https://")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_check_deploy_is_clean(production: tuple[Server, dict[str, str]]) -> None:
    _, env = production
    result = _manage(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_asks_for_collectstatic(tmp_path: Path) -> None:
    result = _manage(_production_env(tmp_path), "check", "--deploy")
    assert result.returncode != 0
    assert "tuyengiao.E001" in result.stderr
