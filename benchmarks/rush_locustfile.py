"""Locust users of ``bench_rush`` (the deadline rush), over HTTP only: no project code imported.

The plan (accounts, submission ids, URL paths, think time) comes from the JSON file named by
``RUSH_PLAN``, written by ``bench_rush``; every request's response time goes to ``RUSH_SAMPLES``
(one line a request: step, ms, 1/0 for success) for exact percentiles.

* ``OfficerUser`` — sign in (GET the login page for the CSRF token, POST the credentials), open
  the inbox, open the open period's report form, autosave 3 times as htmx does (the form's
  ``ind_<pk>``/``sec_<pk>`` fields filled in a little more each time, with ``version`` and
  ``token``), submit, leave: each officer submits once.
* ``SuperiorUser`` — sign in, then rounds of matrix pages 1..N of the open period and its
  roll-up, with think time, until the run's time (or its round limit) ends.
* ``AloneUser`` — the baseline: one user, the same steps one request at a time without think
  time (a warm-up pass, then ``iterations`` passes), then ends the run.

Step names (locust's stats, the samples and the ``X-Bench-Step`` header the server records):
"login form", "login", "inbox", "form", "autosave", "submit", "matrix", "rollup".
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gevent
from locust import HttpUser, constant, events, task
from locust.exception import StopUser

PLAN: dict[str, Any] = (
    json.loads(Path(os.environ["RUSH_PLAN"]).read_text(encoding="utf-8"))
    if os.environ.get("RUSH_PLAN")
    else {"officers": [], "superiors": [], "alone_officers": [], "paths": {}}
)
PATHS: dict[str, str] = PLAN["paths"]
SAMPLES: list[tuple[str, float, bool]] = []

_officers = iter(PLAN["officers"])
_superiors = itertools.cycle(PLAN["superiors"] or [""])

Expect = Callable[[Any], str | None]


@events.request.add_listener
def _record(name: str, response_time: float, exception: Any, **kwargs: Any) -> None:
    SAMPLES.append((name, response_time, exception is None))


@events.quitting.add_listener
def _write_samples(**kwargs: Any) -> None:
    target = os.environ.get("RUSH_SAMPLES")
    if target:
        lines = (f"{n}\t{ms:.2f}\t{int(ok)}\n" for n, ms, ok in SAMPLES)
        Path(target).write_text("".join(lines), encoding="utf-8")


# --- one request ---------------------------------------------------------------------------------


def _status(code: int) -> Expect:
    def check(r: Any) -> str | None:
        return None if r.status_code == code else f"HTTP {r.status_code}, expected {code}"

    return check


def _page_with(marker: str) -> Expect:
    def check(r: Any) -> str | None:
        if r.status_code != 200:
            return f"HTTP {r.status_code}"
        return None if marker in r.text else f"{marker!r} not in the page"

    return check


def _redirect(to: str | None = None, not_to: str | None = None) -> Expect:
    def check(r: Any) -> str | None:
        where = r.headers.get("Location", "")
        if r.status_code != 302:
            return f"HTTP {r.status_code}, expected a redirect"
        if to is not None and where != to:
            return f"redirected to {where}, expected {to}"
        if not_to is not None and where.startswith(not_to):
            return f"redirected back to {where}"
        return None

    return check


def call(
    user: HttpUser, phase: str, step: str, method: str, path: str, expect: Expect, **kw: Any
) -> Any:
    """One request named ``step``; its response, or None when ``expect`` found it wrong."""
    name = f"warm-up {step}" if phase == "warm-up" else step
    headers = {"X-Bench-Step": f"{phase}/{step}", **kw.pop("headers", {})}
    with user.client.request(
        method,
        path,
        name=name,
        headers=headers,
        allow_redirects=False,
        catch_response=True,
        **kw,
    ) as response:
        # With DEBUG off the session and CSRF cookies are Secure, which a client sends over HTTPS
        # only; this one speaks plain HTTP to the bench's own server on 127.0.0.1, so it keeps
        # them as plain cookies (a policy on the session's jar would be lost: requests copies
        # the jar into a fresh one for each request).
        for cookie in user.client.cookies:
            cookie.secure = False
        problem = expect(response)
        if problem:
            response.failure(problem)
            return None
        response.success()
        return response


def _find(pattern: str, text: str) -> str:
    match = re.search(pattern, text)
    return match.group(1) if match else ""


def _csrf(text: str) -> str:
    return _find(r'name="csrfmiddlewaretoken" value="([^"]+)"', text)


def pause(think: tuple[float, float]) -> None:
    if think[1] > 0:
        gevent.sleep(random.uniform(*think))


# --- the steps -----------------------------------------------------------------------------------


def sign_in(user: HttpUser, phase: str, username: str) -> bool:
    user.client.cookies.clear()
    r = call(user, phase, "login form", "GET", PATHS["login"], _page_with("csrfmiddlewaretoken"))
    if r is None:
        return False
    data = {
        "csrfmiddlewaretoken": _csrf(r.text),
        "username": username,
        "password": PLAN["password"],
    }
    login = _redirect(not_to=PATHS["login"])
    return call(user, phase, "login", "POST", PATHS["login"], login, data=data) is not None


def _typed(fields: list[str], stage: int) -> dict[str, str]:
    """What the officer has typed by autosave ``stage`` (0, 1, 2; 3 = everything, for submit)."""
    indicators = [f for f in fields if f.startswith("ind_")]
    sections = [f for f in fields if f.startswith("sec_")]
    shown = indicators[: max(1, len(indicators) // 2)] if stage == 0 else indicators
    # numbers that pass every kind (count, percentage); the first (a total) is the largest
    out = {f: str(90 - 5 * i) for i, f in enumerate(shown)}
    if stage >= 2:
        out.update({f: "Đơn vị đã triển khai đầy đủ các nội dung theo kế hoạch." for f in sections})
    return out


def officer(
    user: HttpUser, phase: str, username: str, sub_pk: int, think: tuple[float, float]
) -> None:
    if not sign_in(user, phase, username):
        return
    form_url = PATHS["submission"].format(pk=sub_pk)
    if call(user, phase, "inbox", "GET", PATHS["inbox"], _page_with(form_url)) is None:
        return
    r = call(user, phase, "form", "GET", form_url, _page_with('name="version"'))
    if r is None:
        return
    csrf = _csrf(r.text)
    version = _find(r'name="version" id="version" value="(\d+)"', r.text)
    token = _find(r'name="token" value="([^"]*)"', r.text)
    fields = list(dict.fromkeys(re.findall(r'name="((?:ind|sec)_\d+)"', r.text)))
    autosave_url = PATHS["autosave"].format(pk=sub_pk)
    for stage in range(3):
        pause(think)
        data = {"csrfmiddlewaretoken": csrf, "version": version, "token": token}
        data.update(_typed(fields, stage))
        r = call(
            user,
            phase,
            "autosave",
            "POST",
            autosave_url,
            _page_with('id="version"'),
            data=data,
            headers={"HX-Request": "true", "HX-Target": "autosave-status"},
        )
        if r is None:
            return
        version = _find(r'id="version" value="(\d+)"', r.text) or version
    pause(think)
    data = {"csrfmiddlewaretoken": csrf, "version": version, "token": token, "submit": "1"}
    data.update(_typed(fields, 3))
    call(
        user,
        phase,
        "submit",
        "POST",
        PATHS["submit"].format(pk=sub_pk),
        _redirect(to=form_url),
        data=data,
    )


def superior(user: HttpUser, phase: str, think: tuple[float, float]) -> None:
    for page in range(1, int(PLAN["matrix_pages"]) + 1):
        path = f"{PATHS['matrix']}?period={PLAN['period_key']}&page={page}"
        call(user, phase, "matrix", "GET", path, _page_with("data-unit"))
        pause(think)
    path = PATHS["rollup"].format(pk=PLAN["period_pk"])
    call(user, phase, "rollup", "GET", path, _status(200))
    pause(think)


# --- the users -----------------------------------------------------------------------------------


def _think() -> tuple[float, float]:
    low, high = PLAN.get("think", [2.0, 5.0])
    return float(low), float(high)


# A user that is done stays, idle, until the end of the run: while users are being spawned
# locust replaces a user that stops, and an officer submits once.
IDLE = 24 * 3600.0


class OfficerUser(HttpUser):
    weight = 95

    def on_start(self) -> None:
        self.done = False

    def wait_time(self) -> float:
        return IDLE if self.done else 0.0

    @task
    def rush(self) -> None:
        if not self.done:
            self.done = True
            account = next(_officers, None)
            if account is not None:
                officer(self, "rush", account[0], int(account[1]), _think())


class SuperiorUser(HttpUser):
    weight = 5

    def on_start(self) -> None:
        self.rounds = 0
        self.signed_in = sign_in(self, "rush", next(_superiors))

    def wait_time(self) -> float:
        return 0.0 if self.signed_in and self.rounds < int(PLAN["superior_loops"]) else IDLE

    @task
    def watch(self) -> None:
        if self.signed_in and self.rounds < int(PLAN["superior_loops"]):
            self.rounds += 1
            superior(self, "rush", _think())


class AloneUser(HttpUser):
    """Run alone (``-u 1``): every step one request at a time, then the end of the run."""

    wait_time = constant(0)

    @task
    def passes(self) -> None:
        superiors = PLAN["superiors"]
        for i, (username, sub_pk) in enumerate(PLAN["alone_officers"]):
            phase = "warm-up" if i == 0 else "alone"
            officer(self, phase, username, int(sub_pk), (0.0, 0.0))
            if sign_in(self, phase, superiors[i % len(superiors)]):
                superior(self, phase, (0.0, 0.0))
        runner = self.environment.runner
        if runner is not None:
            runner.quit()
        raise StopUser
