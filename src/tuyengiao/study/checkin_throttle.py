"""How many wrong check-in codes may be typed before the check-in form refuses to try more.

A session's code is six characters of a 32-letter alphabet: out of reach only while guesses are
few. After ``MAX_PER_USER`` wrong codes from one account, or ``MAX_PER_ADDRESS`` from one client
address, further tries are refused until the window opened by the first wrong code has passed.
A check-in that succeeds does not reset the count: whoever attends one session (and so knows its
code) could otherwise clear the count between guesses at another session's code.
The counters live in Django's cache: the default local-memory cache counts per server process,
a shared cache (Redis, Memcached) makes the limit hold across all of them.
"""

from __future__ import annotations

from axes.helpers import get_client_ip_address

from tuyengiao.accounts.http import AuthenticatedHttpRequest
from tuyengiao.core.attempts import attempts, count_attempt

WINDOW_SECONDS = 15 * 60
MAX_PER_USER = 5
# The phones of one hall may share one public address (the venue's Wi-Fi behind NAT), so the
# address limit is looser: a few members' typos must not lock the whole hall out, while someone
# spreading guesses over several accounts is still stopped.
MAX_PER_ADDRESS = 30
REFUSED = (
    "Đồng chí đã nhập sai mã điểm danh quá nhiều lần. Hãy thử lại sau 15 phút "
    "hoặc nhờ cán bộ của đơn vị điểm danh giúp."
)


def _counters(request: AuthenticatedHttpRequest) -> list[tuple[str, int]]:
    counters = [(f"study:checkin-wrong:user:{request.user.pk}", MAX_PER_USER)]
    # The address the login lockout (django-axes) sees, so one proxy setting serves both.
    address = get_client_ip_address(request)
    if address:
        counters.append((f"study:checkin-wrong:address:{address}", MAX_PER_ADDRESS))
    return counters


def is_refused(request: AuthenticatedHttpRequest) -> bool:
    return any(attempts(key) >= limit for key, limit in _counters(request))


def count_wrong_code(request: AuthenticatedHttpRequest) -> None:
    for key, _ in _counters(request):
        count_attempt(key, WINDOW_SECONDS)
